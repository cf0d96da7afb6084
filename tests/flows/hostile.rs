//! Hostile input at every public form and API: never a 5xx, nothing stored unescaped,
//! and floods slowed down per client.

use domain::demo::TAG_SLUG;
use reqwest::StatusCode;

use crate::support::{TestApp, valid_fields};

/// Strings that have broken web applications before.
fn hostile_strings() -> Vec<String> {
    vec![
        "x".repeat(10_000),
        "\u{0}\u{1}\u{7}\u{1b}[31m".to_owned(),
        "evil\u{202E}gnp.exe".to_owned(),
        "\u{2066}isolated\u{2069}".to_owned(),
        "'; DROP TABLE attendee; --".to_owned(),
        "\" OR 1=1 --".to_owned(),
        "<script>alert(1)</script>".to_owned(),
        "<img src=x onerror=alert(1)>".to_owned(),
        "{{ 7*7 }} ${7*7} {% raw %}".to_owned(),
        "../../../../etc/passwd".to_owned(),
        "99999999999999999999999999999999999999".to_owned(),
        "-1".to_owned(),
        "NaN".to_owned(),
        "😀👩‍👩‍👧‍👦".repeat(50),
        "Олена Коваленко".to_owned(),
        "%00%0d%0aSet-Cookie: x=y".to_owned(),
        String::new(),
        " ".to_owned(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_values_in_every_field_never_cause_a_server_error() {
    let app = TestApp::spawn().await;
    // The demo's own questions (choices, multiple choice, a consent) for the contact
    // person and for a first delegation row.
    let questions =
        domain::registration_form::questions(&app.db, app.event(TAG_SLUG).await.id).await.expect("questions");
    assert!(!questions.is_empty(), "the demo asks questions");
    let answer_fields: Vec<String> = questions
        .iter()
        .flat_map(|question| [format!("q-{}", question.id.simple()), format!("q-{}-0", question.id.simple())])
        .collect();
    let mut field_names = vec![
        "first_name",
        "last_name",
        "email",
        "organisation",
        "organisation_type",
        "partner_municipality",
        "programme_session",
        "data_consent",
    ];
    field_names.extend(answer_fields.iter().map(String::as_str));
    for hostile in hostile_strings() {
        for field in field_names.iter().copied() {
            let mut fields: Vec<(&str, &str)> =
                valid_fields("safe@example.org").into_iter().filter(|(name, _)| *name != field).collect();
            fields.push((field, hostile.as_str()));
            let response = app.post_registration(TAG_SLUG, &fields).await;
            let status = response.status();
            assert!(!status.is_server_error(), "{field} = {hostile:?} gave {status}");
            let page = response.text().await.unwrap_or_default();
            assert!(!page.contains("<script>alert(1)</script>"), "{field}: a script came back unescaped");
            assert!(!page.contains("<img src=x"), "{field}: markup came back unescaped");
        }
        for path in [
            format!("/events/{}", urlencode(&hostile)),
            format!("/r/{}", urlencode(&hostile)),
            format!("/r/{}/ticket.png", urlencode(&hostile)),
            format!("/door/{}", urlencode(&hostile)),
            format!("/?lang={}", urlencode(&hostile)),
            format!("/privacy?event={}", urlencode(&hostile)),
            format!("/r/{}/deletion", urlencode(&hostile)),
            format!("/r/{}/data.json", urlencode(&hostile)),
            format!("/r/{}/certificates/{}", urlencode(&hostile), urlencode(&hostile)),
        ] {
            let response = app.get(&path).await;
            assert!(!response.status().is_server_error(), "GET {path} gave {}", response.status());
        }
    }
}

#[tokio::test]
async fn markup_in_accepted_fields_is_stored_as_text_and_shown_escaped() {
    let app = TestApp::spawn().await;
    let mut fields = valid_fields("markup@example.org");
    fields[3] = ("organisation", "<script>alert(1)</script> & Co");
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = response.headers()["location"].to_str().expect("location").to_owned();
    let (_, page) = app.get_text(&path).await;
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(page.contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; Co"), "shown as text");
    let (_, calendar) = app.get_text(&format!("{path}/calendar.ics")).await;
    assert!(calendar.starts_with("BEGIN:VCALENDAR"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_check_in_api_survives_arbitrary_bodies_and_content_types() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let mut bodies: Vec<Vec<u8>> = vec![
        vec![0xff, 0xfe, 0xfd],
        b"\xc3\x28".to_vec(),
        b"{\"token\": \"\\ud800\", \"scan_id\": \"a\"}".to_vec(),
        b"{\"token\": null, \"scan_id\": null}".to_vec(),
        br#"{"token": "a", "scan_id": "b", "session": 12345678901234567890}"#.to_vec(),
        br#"{"token": {"$ne": 1}, "scan_id": "b"}"#.to_vec(),
        format!(r#"{{"token": "{}", "scan_id": "b"}}"#, "[".repeat(5000)).into_bytes(),
        "[".repeat(10_000).into_bytes(),
    ];
    // A simple deterministic generator: the same "random" bodies on every run.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for length in [1usize, 7, 64, 500, 4000] {
        let body = (0..length)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed & 0xff) as u8
            })
            .collect();
        bodies.push(body);
    }
    for content_type in ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"] {
        for body in &bodies {
            let response = app
                .client
                .post(app.url("/api/v1/checkin/redeem"))
                .bearer_auth(&device)
                .header("content-type", content_type)
                .body(body.clone())
                .send()
                .await
                .expect("POST");
            let status = response.status();
            assert!(status == StatusCode::BAD_REQUEST || status == StatusCode::OK, "{content_type} {body:?}: {status}");
        }
    }
    for hostile in hostile_strings() {
        let (status, answer) = app.redeem(&device, &hostile, "hostile-1", None).await;
        assert!(status == StatusCode::OK || status == StatusCode::BAD_REQUEST, "{hostile:?}: {status}");
        if status == StatusCode::OK {
            // The first answer for this scan id is repeated; it was "invalid".
            assert_eq!(answer["result"], "invalid");
        }
    }
}

#[tokio::test]
async fn a_flood_of_registrations_from_one_address_is_slowed_down() {
    let app = TestApp::spawn_with(|config| config.rate_limits = true).await;
    let mut statuses = Vec::new();
    for n in 0..25 {
        let response = app.register(&format!("flood{n}@example.org"), &[]).await;
        statuses.push(response.status());
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(response.headers().contains_key("retry-after"));
            assert!(response.text().await.unwrap_or_default().contains("Zu viele Anfragen"));
        }
    }
    let limited = statuses.iter().filter(|status| **status == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!(limited, 5, "20 pass, then the client waits: {statuses:?}");
    assert_eq!(domain::registration::count_attendees(&app.db, app.event(TAG_SLUG).await.id).await.expect("count"), 20);
}

#[tokio::test]
async fn guessing_door_device_tokens_is_slowed_down() {
    let app = TestApp::spawn_with(|config| config.rate_limits = true).await;
    let mut statuses = Vec::new();
    for n in 0..12 {
        let response = app
            .client
            .post(app.url("/api/v1/checkin/redeem"))
            .bearer_auth(format!("guess-{n}"))
            .json(&serde_json::json!({"token": "x", "scan_id": "1", "session": null}))
            .send()
            .await
            .expect("POST");
        statuses.push(response.status());
    }
    assert_eq!(&statuses[..10], &[StatusCode::UNAUTHORIZED; 10]);
    assert_eq!(&statuses[10..], &[StatusCode::TOO_MANY_REQUESTS; 2]);
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (byte as char).to_string(),
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_values_in_the_back_office_forms_and_queries_never_cause_a_server_error() {
    let app = TestApp::spawn().await;
    app.register_confirmed("listed@example.org", &[]).await;
    let event = app.event(TAG_SLUG).await;
    let admin = app.admin().await;
    let base = format!("/admin/events/{}", event.id);
    let forms: Vec<(String, Vec<&str>)> = vec![
        (
            "/admin/events/new".to_owned(),
            vec![
                "slug",
                "title_de",
                "title_en",
                "description_de",
                "format",
                "venue",
                "online_url",
                "starts_at",
                "ends_at",
                "time_zone",
                "registration_opens_at",
                "capacity",
                "approval_mode",
                "confirmation_hours",
                "retention_days",
            ],
        ),
        (format!("{base}/programme"), vec!["kind", "title_de", "room", "starts_at", "ends_at", "capacity"]),
        (
            format!("{base}/attendees/new"),
            vec![
                "first_name",
                "last_name",
                "email",
                "organisation",
                "organisation_type",
                "programme_session",
                "language",
            ],
        ),
        (format!("{base}/doors"), vec!["name"]),
        (
            format!("{base}/form/questions"),
            vec![
                "kind",
                "required",
                "shown_at_door",
                "label_de",
                "label_en",
                "label_uk",
                "options_de",
                "options_en",
                "options_uk",
            ],
        ),
        (format!("{base}/anonymise"), vec!["confirm"]),
        (format!("{base}/certificates"), vec!["confirm"]),
        (format!("{base}/form/fields"), vec!["organisation", "organisation_type", "partner_municipality"]),
        (format!("{base}/duplicate"), vec!["slug", "starts_at"]),
        (format!("{base}/attendees/bulk"), vec!["action", "selected"]),
        ("/admin/team/invite".to_owned(), vec!["email", "role"]),
    ];
    let listed = domain::attendee_list::load(&app.db, event.id).await.expect("rows");
    let erase = format!("{base}/attendees/{}/erase", listed[0].attendee.id);
    for hostile in hostile_strings() {
        let response = app.staff_post(&admin, &erase, &[("confirm", hostile.as_str())]).await;
        assert!(!response.status().is_server_error(), "erase with {hostile:?}: {}", response.status());
        for (path, fields) in &forms {
            for field in fields {
                let response = app.staff_post(&admin, path, &[(field, hostile.as_str()), ("consent", "on")]).await;
                let status = response.status();
                assert!(!status.is_server_error(), "POST {path} {field} = {hostile:?} gave {status}");
                let page = response.text().await.unwrap_or_default();
                assert!(!page.contains("<script>alert(1)</script>"), "{path} {field}: a script came back unescaped");
            }
        }
        let query = urlencode(&hostile);
        for path in [
            format!(
                "{base}/attendees?q={query}&status={query}&session={query}&org_type={query}&sort={query}&page={query}"
            ),
            format!("{base}/attendees.csv?q={query}"),
            format!("{base}/attendees?answer={query}"),
            format!("{base}/attendees.xlsx?answer={query}:{query}"),
            format!("{base}/signature-list.pdf?session={query}"),
            format!("{base}/check-ins?session={query}"),
            format!("/admin/events/{query}"),
            format!("/admin/reports/{query}"),
            format!("/admin/login?next={query}"),
            format!("/admin/account/{query}"),
            format!("{base}/attendees/{query}/data.json"),
            format!("{base}/attendees/{query}?erase={query}"),
            format!("{base}?anonymise={query}"),
        ] {
            let response = app.staff_get_response(&admin, &path).await;
            assert!(!response.status().is_server_error(), "GET {path} gave {}", response.status());
            let location = response.headers().get("location").and_then(|value| value.to_str().ok()).unwrap_or("");
            assert!(!location.starts_with("//") && !location.contains("://"), "no redirect off the site: {location}");
        }
    }
}
