//! Bad input gets a clear answer in the user's language, never a crash or a 500.

use domain::demo::TAG_SLUG;
use reqwest::StatusCode;

use crate::support::{TestApp, valid_fields};

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_the_values_and_one_message_per_field() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url(&format!("/events/{TAG_SLUG}/register")))
        .header("accept-language", "en")
        .form(&[
            ("first_name", "Jürgen"),
            ("last_name", ""),
            ("email", "juergen@stadt"),
            ("organisation", "Stadt <b>Köln</b>"),
            ("organisation_type", "kommune"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap_or_default();
    assert!(page.contains("value=\"Jürgen\""), "typed values are kept");
    assert!(page.contains("value=\"juergen@stadt\""));
    assert!(
        page.contains("Stadt &#60;b&#62;Köln&#60;/b&#62;") || page.contains("Stadt &lt;b&gt;Köln&lt;/b&gt;"),
        "kept and escaped"
    );
    assert!(page.contains("<option value=\"kommune\" selected>"));
    assert!(page.contains("id=\"field-last_name-error\">Please fill in this field."));
    assert!(page.contains("id=\"field-email-error\">Please enter a valid e-mail address"));
    assert!(page.contains("id=\"field-data_consent-error\">We cannot accept the registration without your consent."));
    assert!(!page.contains("field-first_name-error"), "no message on a correct field");
    assert!(page.contains("aria-describedby=\"field-last_name-error\""), "messages are tied to their inputs");
    assert!(page.contains("href=\"#field-email\""), "the summary links to the field");

    let german = app.post_registration(TAG_SLUG, &[("first_name", "A")]).await;
    assert_eq!(german.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(german.text().await.unwrap_or_default().contains("Bitte füllen Sie dieses Feld aus."));
}

#[tokio::test]
async fn hostile_text_unknown_choices_and_clashing_forums_are_refused_per_field() {
    let app = TestApp::spawn().await;
    let mut fields = valid_fields("kim@example.org");
    fields[0] = ("first_name", "evil\u{202E}gnp.exe");
    fields[4] = ("organisation_type", "'; DROP TABLE attendee; --");
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap_or_default();
    assert!(page.contains("unzulässige Steuerzeichen"));
    assert!(page.contains("Diese Auswahl ist nicht möglich."));

    let forums: Vec<_> = app.sessions(TAG_SLUG).await.into_iter().filter(|s| s.capacity.is_some()).collect();
    let clash = app.register("lea@example.org", &[forums[0].id, forums[1].id]).await;
    assert_eq!(clash.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(clash.text().await.unwrap_or_default().contains("zur selben Zeit"));

    let mut fields = valid_fields("max@example.org");
    fields.push(("programme_session", "not-a-session"));
    let unknown = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let reallabor_session = uuid::Uuid::new_v4().to_string();
    let mut fields = valid_fields("max@example.org");
    fields.push(("programme_session", reallabor_session.as_str()));
    let foreign = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(foreign.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(foreign.text().await.unwrap_or_default().contains("gehört nicht zu dieser Veranstaltung"));

    let tag = app.event(TAG_SLUG).await;
    assert_eq!(domain::registration::count_attendees(&app.db, tag.id).await.expect("count"), 0, "nothing stored");
}

#[tokio::test]
async fn unknown_events_registrations_and_door_links_are_404_pages() {
    let app = TestApp::spawn().await;
    for path in [
        "/events/no-such-event",
        "/events/no-such-event/register",
        "/events/NOT..valid/calendar.ics",
        "/r/unknown",
        "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/ticket.png",
        "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics",
        "/door/unknown-device",
        "/no/such/page",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(response.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/html"));
        assert!(response.text().await.unwrap_or_default().contains("Seite nicht gefunden"), "{path}");
    }
    let path = app.register_confirmed("nina@example.org", &[]).await;
    let beyond = app.get(&format!("{path}/ticket.png?attendee=7")).await;
    assert_eq!(beyond.status(), StatusCode::NOT_FOUND);
    let english = app.client.get(app.url("/events/nope")).header("accept-language", "en").send().await.expect("GET");
    assert!(english.text().await.unwrap_or_default().contains("Page not found"));
}

#[tokio::test]
async fn oversized_bodies_get_413_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let huge = "x".repeat(200 * 1024);
    let mut fields = valid_fields("olga@example.org");
    fields.push(("organisation", huge.as_str()));
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().await.unwrap_or_default().contains("Zu viele Daten"));

    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let api = app
        .client
        .post(app.url("/api/v1/checkin/redeem"))
        .bearer_auth(&device)
        .header("content-type", "application/json")
        .body(format!("{{\"token\": \"{huge}\", \"scan_id\": \"1\"}}"))
        .send()
        .await
        .expect("POST");
    assert_eq!(api.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: serde_json::Value = api.json().await.expect("a JSON error under /api/");
    assert!(body["error"].is_string());
    let tag = app.event(TAG_SLUG).await;
    assert_eq!(domain::registration::count_attendees(&app.db, tag.id).await.expect("count"), 0);
}

#[tokio::test]
async fn the_check_in_api_answers_malformed_json_400_and_a_missing_device_401() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let send = |body: &'static str, token: Option<String>| {
        let mut request =
            app.client.post(app.url("/api/v1/checkin/redeem")).header("content-type", "application/json").body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    for body in ["{bad json", "", "[]", "{\"token\": 5, \"scan_id\": \"a\"}", "{\"scan_id\": \"a\"}"] {
        let response = send(body, Some(device.clone())).await.expect("POST");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body:?}");
        let answer: serde_json::Value = response.json().await.expect("JSON");
        assert_eq!(answer["error"], "malformed_json");
    }
    let response = send("{\"token\": \"x\", \"scan_id\": \"\"}", Some(device.clone())).await.expect("POST");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = send("{\"token\": \"x\", \"scan_id\": \"a\", \"session\": \"nope\"}", Some(device.clone()))
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let missing = send("{\"token\": \"x\", \"scan_id\": \"a\"}", None).await.expect("POST");
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(missing.headers()["www-authenticate"], "Bearer");
    let wrong = send("{\"token\": \"x\", \"scan_id\": \"a\"}", Some("not-a-device".to_owned())).await.expect("POST");
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);

    let (status, answer) = app.redeem(&device, "garbage-\u{0}-ticket", "g-1", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["result"], "invalid");
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let app = TestApp::spawn().await;
    let response = app.get("/").await;
    let csp = response.headers()["content-security-policy"].to_str().unwrap_or_default().to_owned();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let page = response.text().await.unwrap_or_default();
    assert!(!page.contains("<script>"), "no inline scripts");
}

#[tokio::test]
async fn registration_after_the_window_closed_is_refused_with_the_reason() {
    use domain::entity::event;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::RegistrationClosesAt, Expr::value(chrono::Utc::now() - chrono::Duration::hours(1)))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("close registration");
    let (status, form) = app.get_text(&format!("/events/{TAG_SLUG}/register")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Die Anmeldung ist geschlossen."));
    assert!(!form.contains("<form method=\"post\""), "no form to fill in");
    let response = app.register("late@example.org", &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap_or_default().contains("Die Anmeldung ist geschlossen."));
    assert_eq!(domain::registration::count_attendees(&app.db, tag.id).await.expect("count"), 0);
}
