//! Running an event from the back office: the first administrator from the set-up
//! link, an event with its programme created through the forms, people registering
//! through the public form, finding them, exporting them (read back with independent
//! CSV, XLSX and PDF readers), checking one in by hand, door devices, password reset.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use reqwest::StatusCode;

use crate::support::TestApp;
use crate::support::backoffice::{Staff, csrf_on, set_cookie};

/// Creates an event through the form and publishes it; returns its id.
pub(crate) async fn create_event(app: &TestApp, admin: &Staff, slug: &str) -> uuid::Uuid {
    let response = app
        .staff_post(
            admin,
            "/admin/events/new",
            &[
                ("slug", slug),
                ("title_de", "Fachaustausch Kommunalpartnerschaften"),
                ("title_en", ""),
                ("title_uk", "Фаховий обмін"),
                ("description_de", "Erfahrungen aus der Praxis.\nMit Übersetzung."),
                ("format", "in_person"),
                ("venue", "Rathaus Münster"),
                ("address", "Prinzipalmarkt 10, 48143 Münster"),
                ("starts_at", "2027-03-18T10:00"),
                ("ends_at", "2027-03-18T16:30"),
                ("time_zone", "Europe/Berlin"),
                ("capacity", "40"),
                ("approval_mode", "open"),
                ("confirmation_hours", "48"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "the event is created");
    let location = response.headers()["location"].to_str().expect("location").to_owned();
    let id: uuid::Uuid = location.trim_start_matches("/admin/events/").parse().expect("event id in the redirect");
    let event = domain::event::by_id(&app.db, id).await.expect("query").expect("stored");
    assert_eq!(event.status, domain::event::EventStatus::Draft, "a new event starts as a draft");
    assert_eq!(event.starts_at.to_rfc3339(), "2027-03-18T09:00:00+00:00", "local time in Berlin stored as UTC");
    let session = app
        .staff_post(
            admin,
            &format!("/admin/events/{id}/programme"),
            &[
                ("kind", "workshop"),
                ("title_de", "Werkstatt Förderanträge"),
                ("title_uk", "Майстерня грантових заявок"),
                ("room", "Saal 2"),
                ("speakers", "Dr. Anna Şahin"),
                ("starts_at", "2027-03-18T13:00"),
                ("ends_at", "2027-03-18T14:30"),
                ("capacity", "20"),
            ],
        )
        .await;
    assert_eq!(session.status(), StatusCode::SEE_OTHER, "the session is added");
    let published = app.staff_post(admin, &format!("/admin/events/{id}/status"), &[("status", "published")]).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    id
}

fn person<'a>(
    first: &'a str,
    last: &'a str,
    email: &'a str,
    organisation: &'a str,
    partner: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("first_name", first),
        ("last_name", last),
        ("email", email),
        ("organisation", organisation),
        ("organisation_type", "kommune"),
        ("partner_municipality", partner),
        ("data_consent", "yes"),
    ]
}

#[tokio::test]
async fn an_organiser_sets_up_an_event_finds_the_people_and_exports_them() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let event_id = create_event(&app, &admin, "fachaustausch-2027").await;
    let session_id = domain::programme::for_event(&app.db, event_id).await.expect("programme")[0].id.to_string();

    // People register through the public form.
    let mut jurgen = person("Jürgen", "Größmann", "jg@example.org", "Stadt Münster", "Рівне");
    jurgen.push(("programme_session", session_id.as_str()));
    for fields in [
        jurgen,
        person("Олена", "Ґалушко", "olena@example.org", "Рівненська міська рада", "Münster"),
        person("Zoë", "Ähnlich", "zoe@example.org", "Kreis Lippe", ""),
    ] {
        let response = app.post_registration("fachaustausch-2027", &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "registration of {:?}", fields[0]);
    }

    // Search in any case and filter by session.
    let list = format!("/admin/events/{event_id}/attendees");
    let (status, page) = app.staff_get(&admin, &format!("{list}?q=%D2%91%D0%B0%D0%BB%D1%83%D1%88")).await; // "ґалуш"
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Олена Ґалушко") && !page.contains("Jürgen"), "lower-case Cyrillic finds the name");
    let (_, page) = app.staff_get(&admin, &format!("{list}?q=GR%C3%96SSMANN")).await; // "GRÖSSMANN"
    assert!(page.contains("Jürgen Größmann") && !page.contains("Ґалушко"), "upper case with SS finds Größmann");
    let (_, page) = app.staff_get(&admin, &format!("{list}?q=ahnlich")).await;
    assert!(page.contains("Zoë Ähnlich"), "typed without the umlaut");
    let (_, page) = app.staff_get(&admin, &format!("{list}?session={session_id}")).await;
    assert!(page.contains("Größmann") && !page.contains("Ґалушко"), "the session filter keeps its people");

    // People's data is not kept by the browser or anything between.
    for path in [list.clone(), format!("{list}.csv")] {
        let response = app.staff_get_response(&admin, &path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "private, no-store", "{path}");
    }

    // CSV with BOM, read back by the csv crate.
    let csv_bytes = app.staff_get_bytes(&admin, &format!("/admin/events/{event_id}/attendees.csv?sort=name")).await;
    assert!(csv_bytes.starts_with(b"\xEF\xBB\xBF"), "the CSV starts with a UTF-8 byte order mark");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv_bytes[3..]);
    let header = reader.headers().expect("header").clone();
    let last_name = header.iter().position(|h| h == "Nachname").expect("a last-name column");
    let names: Vec<String> = reader.records().map(|record| record.expect("record")[last_name].to_owned()).collect();
    assert_eq!(names, ["Ähnlich", "Größmann", "Ґалушко"], "sorted as in German (Ä with A), letters intact");

    // XLSX, read back by calamine: typed number column, dates, frozen header.
    let xlsx = app
        .staff_get_bytes(&admin, &format!("/admin/events/{event_id}/attendees.xlsx?org_type=kommune&sort=name"))
        .await;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx.clone())).expect("a real workbook");
    let range = workbook.worksheet_range_at(0).expect("a sheet").expect("readable");
    assert_eq!(range.get((0, 2)), Some(&Data::String("Nachname".into())));
    let last_names: Vec<String> =
        (1..range.height()).map(|row| range.get((row, 2)).expect("cell").to_string()).collect();
    assert_eq!(last_names, ["Ähnlich", "Größmann", "Ґалушко"]);
    assert_eq!(range.get((1, 0)), Some(&Data::Float(1.0)), "the number column is numeric");
    assert!(matches!(range.get((1, 9)), Some(Data::DateTime(_))), "registration time is a date cell");
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).expect("xlsx is a zip");
    let mut sheet = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/worksheets/sheet1.xml").expect("sheet xml"), &mut sheet)
        .expect("read");
    assert!(sheet.contains("state=\"frozen\"") && sheet.contains("ySplit=\"1\""), "the header row is frozen");

    // The signature list as PDF, its text extracted by an independent reader.
    let pdf = app.staff_get_bytes(&admin, &format!("/admin/events/{event_id}/signature-list.pdf")).await;
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("text can be extracted");
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in ["Größmann, Jürgen", "Ґалушко, Олена", "Ähnlich, Zoë", "Unterschrift", "Rathaus Münster"]
    {
        assert!(text.contains(expected), "the signature list shows {expected:?}: {text}");
    }
    let session_pdf =
        app.staff_get_bytes(&admin, &format!("/admin/events/{event_id}/signature-list.pdf?session={session_id}")).await;
    let session_text = pdf_extract::extract_text_from_mem(&session_pdf).expect("text");
    assert!(session_text.contains("Größmann") && !session_text.contains("Ґалушко"), "one list per session");
    let (status, html) = app.staff_get(&admin, &format!("/admin/events/{event_id}/signature-list")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Ґалушко, Олена") && html.contains("class=\"signature\""), "print-ready HTML too");
    let badges = app.staff_get_bytes(&admin, &format!("/admin/events/{event_id}/badges.pdf")).await;
    let badge_text = pdf_extract::extract_text_from_mem(&badges).expect("badge text");
    assert!(badge_text.contains("Олена Ґалушко") && badge_text.contains("Рівненська міська рада"));

    // Figures and the funder report count the three confirmed people.
    let (_, overview) = app.staff_get(&admin, &format!("/admin/events/{event_id}")).await;
    assert!(overview.contains("<dt>Bestätigt</dt><dd>3</dd>"), "the overview counts the confirmed");
    let report = app.staff_get_bytes(&admin, &format!("/admin/events/{event_id}/report.xlsx")).await;
    let mut report: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(report)).expect("workbook");
    let partnerships = report.worksheet_range_at(3).expect("sheet").expect("readable");
    let pairs: Vec<String> = (1..partnerships.height())
        .map(|row| {
            format!("{} – {}", partnerships.get((row, 0)).expect("cell"), partnerships.get((row, 1)).expect("cell"))
        })
        .collect();
    assert_eq!(pairs, ["Stadt Münster – Рівне", "Рівненська міська рада – Münster"]);

    // The yearly report lists the event and the same partnerships; the demo events of
    // another year are not in it.
    let (_, dashboard) = app.staff_get(&admin, "/admin").await;
    assert!(dashboard.contains("href=\"/admin/reports/2027\""), "the start page links the year's report");
    let yearly = app.staff_get_bytes(&admin, "/admin/reports/2027").await;
    let mut yearly: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(yearly)).expect("workbook");
    let events = yearly.worksheet_range_at(1).expect("sheet").expect("readable");
    let in_2027 = domain::event_setup::all_events(&app.db)
        .await
        .expect("events")
        .iter()
        .filter(|event| chrono::Datelike::year(&event.starts_at.with_timezone(&event.zone())) == 2027)
        .count();
    assert_eq!(events.height(), in_2027 + 1, "one line per event of 2027, no other year");
    let line = (1..events.height())
        .find(|row| events.get((*row, 0)) == Some(&Data::String("Fachaustausch Kommunalpartnerschaften".into())))
        .expect("the event has its line");
    assert_eq!(events.get((line, 3)), Some(&Data::Float(3.0)), "three confirmed");
    let partnerships = yearly.worksheet_range_at(3).expect("sheet").expect("readable");
    assert_eq!(partnerships.height(), 3, "the demo events have no registrations");
    assert_eq!(app.staff_get_response(&admin, "/admin/reports/not-a-year").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_organiser_checks_someone_in_by_hand_cancels_and_reissues_and_all_is_logged() {
    let app = TestApp::spawn().await;
    let event = app.event(domain::demo::TAG_SLUG).await;
    let registration = app.register_confirmed("hand@example.org", &[]).await;
    let old_code = app.ticket_code(&registration).await;
    let admin = app.admin().await;
    let attendee = domain::attendee_list::load(&app.db, event.id).await.expect("rows")[0].attendee.id;
    let base = format!("/admin/events/{}/attendees/{attendee}", event.id);

    let checked = app.staff_post(&admin, &format!("{base}/check-in"), &[]).await;
    assert_eq!(checked.status(), StatusCode::SEE_OTHER);
    let again = app.staff_post(&admin, &format!("{base}/check-in"), &[]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "checked in once only");
    assert!(again.text().await.expect("body").contains("schon eingecheckt"));
    let (_, overview) = app.staff_get(&admin, &format!("/admin/events/{}/check-ins", event.id)).await;
    assert!(overview.contains("Büro: admin@example.org") && overview.contains("von Hand"), "who let them in, how");
    let forum = app.smallest_forum().await;
    let (_, entrance) =
        app.staff_get(&admin, &format!("/admin/events/{}/check-ins?session={}", event.id, event.id)).await;
    assert!(entrance.contains("Büro: admin@example.org"), "the entrance list has the check-in");
    let (_, in_forum) =
        app.staff_get(&admin, &format!("/admin/events/{}/check-ins?session={}", event.id, forum.id)).await;
    assert!(!in_forum.contains("Büro: admin@example.org"), "a session's list has only its own check-ins");

    let reissued = app.staff_post(&admin, &format!("{base}/reissue"), &[]).await;
    assert_eq!(reissued.status(), StatusCode::SEE_OTHER);
    let device = app.door_device(domain::demo::TAG_SLUG, "Eingang Süd").await;
    let answer = app.redeem(&device, &old_code, "after-reissue", None).await;
    assert_eq!(answer.1["result"], "revoked", "the old code no longer opens the door");

    let asked = app.staff_post(&admin, &format!("{base}/cancel"), &[]).await;
    assert_eq!(asked.status(), StatusCode::OK, "cancelling one person asks first");
    let asked = asked.text().await.expect("page");
    assert!(asked.contains("name=\"confirm\""), "a confirmation page");
    let (_, detail) = app.staff_get(&admin, &base).await;
    assert!(!detail.contains("Storniert"), "nothing cancelled before the confirmation");
    let cancelled = app.staff_post(&admin, &format!("{base}/cancel"), &[("confirm", "yes")]).await;
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    let (_, detail) = app.staff_get(&admin, &base).await;
    assert!(detail.contains("Storniert"));
    for action in ["attendee.check_in", "attendee.reissue_ticket", "attendee.cancel"] {
        assert!(detail.contains(action), "the history shows {action}");
    }
    let (_, audit) = app.staff_get(&admin, "/admin/audit").await;
    let table = audit.split("<tbody>").nth(1).unwrap_or_default();
    assert!(table.contains("Person storniert") && table.contains("admin@example.org"), "readable: {table}");
}

#[tokio::test]
async fn door_devices_are_made_renamed_and_revoked_in_the_back_office() {
    let app = TestApp::spawn().await;
    let event = app.event(domain::demo::TAG_SLUG).await;
    let registration = app.register_confirmed("door-admin@example.org", &[]).await;
    let code = app.ticket_code(&registration).await;
    let admin = app.admin().await;
    let doors = format!("/admin/events/{}/doors", event.id);
    let empty = app.staff_post(&admin, &doors, &[("name", "   ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY, "a device needs a name");
    let created = app.staff_post(&admin, &doors, &[("name", "Eingang Nord")]).await;
    assert_eq!(created.status(), StatusCode::OK);
    let page = created.text().await.expect("body");
    let link =
        page.split("class=\"door-link\">").nth(1).and_then(|rest| rest.split('<').next()).expect("the link is shown");
    let token = link.rsplit('/').next().expect("token");
    assert!(page.contains("<svg role=\"img\""), "a QR code to open the link on a phone");
    assert_eq!(app.redeem(token, &code, "first", None).await.1["result"], "ok");
    let device = domain::door::by_token(&app.db, token).await.expect("query").expect("active").id;
    let renamed =
        app.staff_post(&admin, &format!("{doors}/{device}/rename"), &[("name", "Eingang Nord (Foyer)")]).await;
    assert_eq!(renamed.status(), StatusCode::SEE_OTHER);
    let revoked = app.staff_post(&admin, &format!("{doors}/{device}/revoke"), &[]).await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    let refused = app
        .client
        .post(app.url("/api/v1/checkin/redeem"))
        .bearer_auth(token)
        .json(&serde_json::json!({"token": code, "scan_id": "after-revoke", "session": null}))
        .send()
        .await
        .expect("POST");
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED, "a revoked device is locked out");
}

/// A lost phone or a device blocked during the event may have let people in offline:
/// what it still sends admits no one but is shown to the organisers.
#[tokio::test]
async fn scans_a_revoked_device_sends_are_refused_and_shown_in_the_check_in_overview() {
    let app = TestApp::spawn().await;
    let event = app.event(domain::demo::TAG_SLUG).await;
    let scanned = app.register_confirmed("scanned-offline@example.org", &[]).await;
    let code = app.ticket_code(&scanned).await;
    let picked = app.register_confirmed("picked-by-name@example.org", &[]).await;
    let picked = domain::registration::by_manage_token(&app.db, picked.trim_start_matches("/r/"))
        .await
        .expect("query")
        .expect("registration");
    let picked_id = picked.attendees[0].attendee.id.to_string();
    let token = app.door_device(domain::demo::TAG_SLUG, "Handy verloren").await;
    let device = domain::door::by_token(&app.db, &token).await.expect("query").expect("active");
    domain::door::revoke(&app.state.pools().write, device.id, chrono::Utc::now()).await.expect("revoke");
    app.state.forget_door_devices();

    let send = |path: &'static str, body: serde_json::Value, bearer: String| {
        let request = app.client.post(app.url(path)).bearer_auth(bearer).json(&body);
        async move { request.send().await.expect("POST").status() }
    };
    let offline_at = "2026-11-26T09:58:00Z";
    let scan = serde_json::json!({"token": code, "scan_id": "queued-1", "offline_at": offline_at});
    for _ in 0..2 {
        // Sent again (the page's queue tries each scan once per sync): kept once.
        assert_eq!(send("/api/v1/checkin/redeem", scan.clone(), token.clone()).await, StatusCode::UNAUTHORIZED);
    }
    let by_name = serde_json::json!({"attendee": picked_id, "scan_id": "queued-2"});
    assert_eq!(send("/api/v1/checkin/manual", by_name, token.clone()).await, StatusCode::UNAUTHORIZED);
    let guessed = serde_json::json!({"token": code, "scan_id": "guess"});
    assert_eq!(send("/api/v1/checkin/redeem", guessed, "not-a-device".to_owned()).await, StatusCode::UNAUTHORIZED);

    assert_eq!(domain::checkin::count_checked_in(&app.db, event.id).await.expect("count"), 0, "nobody let in");
    let blocked = domain::checkin::blocked_scans(&app.db, event.id).await.expect("query");
    assert_eq!(blocked.len(), 2, "each scan of the revoked device once, nothing of an unknown token: {blocked:?}");
    assert!(blocked.iter().all(|scan| scan.device_id == device.id));

    let admin = app.admin().await;
    let (status, page) = app.staff_get(&admin, &format!("/admin/events/{}/check-ins", event.id)).await;
    assert_eq!(status, StatusCode::OK);
    let section = page.split("Scans gesperrter Geräte").nth(1).expect("the section for blocked devices");
    let section = section.split("</table>").next().unwrap_or_default();
    assert!(section.contains("Olena Kovalenko"), "the person the ticket names: {section}");
    assert_eq!(section.matches("Handy verloren").count(), 2, "{section}");
    assert!(section.contains("10:58 Uhr"), "when the device let the person in offline (Berlin time): {section}");
}

#[tokio::test]
async fn the_first_administrator_comes_from_the_set_up_link_and_a_forgotten_password_from_a_mail() {
    let app = TestApp::spawn().await;
    let token = domain::account::setup_link(&app.state.pools().write, chrono::Utc::now())
        .await
        .expect("query")
        .expect("no administrator yet, so a link");
    let link = format!("/admin/account/{token}");
    let form = app.get(&link).await;
    let cookie = set_cookie(&form, "tp_form").expect("form cookie");
    let csrf = csrf_on(&form.text().await.expect("body")).expect("token");
    let post = |fields: Vec<(&'static str, String)>| {
        app.client.post(app.url(&link)).header("cookie", format!("tp_form={cookie}")).form(&fields).send()
    };
    let short = post(vec![
        ("csrf", csrf.clone()),
        ("name", "Anna".into()),
        ("email", "anna@example.org".into()),
        ("password", "kurz".into()),
    ])
    .await
    .expect("POST");
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = short.text().await.expect("body");
    assert!(
        page.contains("mindestens 10 Zeichen") && page.contains("value=\"anna@example.org\""),
        "kept input, a reason"
    );
    let made = post(vec![
        ("csrf", csrf.clone()),
        ("name", "Anna Schmidt".into()),
        ("email", "Anna@Example.org".into()),
        ("password", "ein langes Passwort".into()),
    ])
    .await
    .expect("POST");
    assert_eq!(made.status(), StatusCode::SEE_OTHER, "the administrator is created and signed in");
    assert!(set_cookie(&made, "tp_session").is_some());
    assert_eq!(app.get(&link).await.status(), StatusCode::NOT_FOUND, "the link works once");
    assert!(domain::account::setup_link(&app.state.pools().write, chrono::Utc::now()).await.expect("query").is_none());

    // Forgotten password: the mail goes through the outbox folder; the link sets a new one.
    let (cookie, csrf) = app.login_form().await;
    let asked = app
        .client
        .post(app.url("/admin/password/forgot"))
        .header("cookie", format!("tp_form={cookie}"))
        .form(&[("csrf", csrf.as_str()), ("email", "anna@example.org")])
        .send()
        .await
        .expect("POST");
    assert_eq!(asked.status(), StatusCode::OK);
    let mail_dir = app.data_dir().join("mail");
    let mut mail = String::new();
    for _ in 0..100 {
        if let Some(found) = std::fs::read_dir(&mail_dir).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .find(|entry| entry.file_name().to_string_lossy().contains("account"))
                .and_then(|entry| std::fs::read_to_string(entry.path()).ok())
        }) {
            mail = found;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let parsed = mail_parser::MessageParser::default().parse(mail.as_bytes()).expect("a mail");
    assert_eq!(parsed.to().and_then(|to| to.first()).and_then(|a| a.address()), Some("anna@example.org"));
    let body = parsed.body_text(0).expect("text").to_string();
    let reset = body.split_whitespace().find(|word| word.contains("/admin/account/")).expect("the link is in the mail");
    let reset_path = &reset[reset.find("/admin/").expect("path")..];
    let form = app.get(reset_path).await;
    let cookie = set_cookie(&form, "tp_form").expect("form cookie");
    let csrf = csrf_on(&form.text().await.expect("body")).expect("token");
    let changed = app
        .client
        .post(app.url(reset_path))
        .header("cookie", format!("tp_form={cookie}"))
        .form(&[("csrf", csrf.as_str()), ("password", "noch ein langes Passwort")])
        .send()
        .await
        .expect("POST");
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.post_login("anna@example.org", "ein langes Passwort").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(app.post_login("anna@example.org", "noch ein langes Passwort").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn event_forms_keep_the_input_and_say_per_field_what_is_wrong() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let response = app
        .staff_post(
            &admin,
            "/admin/events/new",
            &[
                ("slug", "Tag der Städte!"),
                ("title_de", ""),
                ("title_uk", "День"),
                ("format", "teleport"),
                ("starts_at", "2027-06-12T16:00"),
                ("ends_at", "2027-06-12T10:00"),
                ("time_zone", "Mars/Olympus"),
                ("capacity", "-3"),
                ("approval_mode", "open"),
                ("confirmation_hours", "48"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    for (field, message) in [
        ("slug", "Nur Kleinbuchstaben"),
        ("title_de", "Bitte füllen Sie dieses Feld aus"),
        ("format", "Diese Auswahl ist nicht möglich"),
        ("ends_at", "Das Ende muss nach dem Beginn liegen"),
        ("time_zone", "Unbekannte Zeitzone"),
        ("capacity", "ganze Zahl"),
    ] {
        assert!(page.contains(&format!("id=\"field-{field}-error\"")), "{field} has its message");
        assert!(page.contains(message), "{field}: {message}");
    }
    assert!(page.contains("value=\"День\"") && page.contains("value=\"Tag der Städte!\""), "the input is kept");
    let taken = app
        .staff_post(
            &admin,
            "/admin/events/new",
            &[
                ("slug", domain::demo::TAG_SLUG),
                ("title_de", "Noch einmal"),
                ("format", "online"),
                ("starts_at", "2027-06-12T10:00"),
                ("ends_at", "2027-06-12T12:00"),
                ("time_zone", "Europe/Berlin"),
                ("approval_mode", "open"),
                ("confirmation_hours", "48"),
            ],
        )
        .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.text().await.expect("body").contains("Diese Adresse hat schon eine andere Veranstaltung"));
}

#[tokio::test]
async fn next_years_event_starts_as_a_copy_with_every_time_moved() {
    let app = TestApp::spawn().await;
    let original = app.event(domain::demo::TAG_SLUG).await;
    let sessions = app.sessions(domain::demo::TAG_SLUG).await;
    app.register_confirmed("copy@example.org", &[]).await;
    let admin = app.admin().await;
    let next_year = (original.starts_at + chrono::Duration::days(364)).with_timezone(&original.zone());
    let starts = next_year.format("%Y-%m-%dT%H:%M").to_string();
    let copied = app
        .staff_post(
            &admin,
            &format!("/admin/events/{}/duplicate", original.id),
            &[("slug", "tag-2027"), ("starts_at", &starts)],
        )
        .await;
    assert_eq!(copied.status(), StatusCode::SEE_OTHER);
    let copy = app.event("tag-2027").await;
    assert_eq!(copy.status, domain::event::EventStatus::Draft);
    assert_eq!(copy.taken, 0, "no places taken in the copy");
    assert_eq!(copy.starts_at - original.starts_at, chrono::Duration::days(364));
    assert_eq!(copy.ends_at - copy.starts_at, original.ends_at - original.starts_at);
    let copied_sessions = app.sessions("tag-2027").await;
    assert_eq!(copied_sessions.len(), sessions.len());
    assert!(copied_sessions.iter().all(|session| session.taken == 0));
    assert_eq!(copied_sessions[0].starts_at - sessions[0].starts_at, chrono::Duration::days(364));
    assert!(domain::attendee_list::load(&app.db, copy.id).await.expect("rows").is_empty());
    assert_eq!(app.get("/events/tag-2027").await.status(), StatusCode::NOT_FOUND, "a draft is not public");
}

#[tokio::test]
async fn phone_registrations_are_added_by_hand_edited_and_cancelled_in_bulk_after_a_confirmation() {
    let app = TestApp::spawn().await;
    let event = app.event(domain::demo::TAG_SLUG).await;
    let forum = app.smallest_forum().await;
    let admin = app.admin().await;
    let add = format!("/admin/events/{}/attendees/new", event.id);
    let refused = app.staff_post(&admin, &add, &[("first_name", "Petro"), ("email", "not-an-address")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("body");
    assert!(
        page.contains("value=\"Petro\"") && page.contains("field-email-error") && page.contains("field-consent-error")
    );
    let forum_id = forum.id.to_string();
    let added = app
        .staff_post(
            &admin,
            &add,
            &[
                ("first_name", "Petro"),
                ("last_name", "Шевчук"),
                ("email", "petro@example.org"),
                ("organisation", "Громада Ірпінь"),
                ("organisation_type", "partner_abroad"),
                ("partner_municipality", "Mülheim an der Ruhr"),
                ("language", "uk"),
                ("programme_session", forum_id.as_str()),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER, "the phone registration is stored");
    let rows = domain::attendee_list::load(&app.db, event.id).await.expect("rows");
    let petro = rows.iter().find(|row| row.attendee.last_name == "Шевчук").expect("added");
    assert!(petro.is_expected() && petro.session_ids == vec![forum.id] && petro.language == domain::Language::Uk);
    let again = app
        .staff_post(
            &admin,
            &add,
            &[
                ("first_name", "Petro"),
                ("last_name", "Шевчук"),
                ("email", "petro@example.org"),
                ("organisation", "Ірпінь"),
                ("organisation_type", "kommune"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "one registration per address");

    let edit = format!("/admin/events/{}/attendees/{}/edit", event.id, petro.attendee.id);
    let (status, form) = app.staff_get(&admin, &edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"Громада Ірпінь\""), "the form shows the current details");
    let saved = app
        .staff_post(
            &admin,
            &edit,
            &[
                ("first_name", "Petro"),
                ("last_name", "Шевчук"),
                ("email", "petro@example.org"),
                ("organisation", "Ірпінська міська рада"),
                ("organisation_type", "kommune"),
                ("partner_municipality", "Mülheim"),
                ("language", "de"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let rows = domain::attendee_list::load(&app.db, event.id).await.expect("rows");
    let petro = rows.iter().find(|row| row.attendee.last_name == "Шевчук").expect("still there");
    assert_eq!(petro.attendee.organisation, "Ірпінська міська рада");
    assert!(petro.session_ids.is_empty(), "the forum was unticked");
    assert_eq!(
        mail_kinds(&app, petro.registration_id).await,
        [domain::outbox::MailKind::Confirmation, domain::outbox::MailKind::ChangedByOrganiser],
        "the person is told of the organisers' change"
    );
    assert_eq!(app.sessions(domain::demo::TAG_SLUG).await.iter().find(|s| s.id == forum.id).expect("forum").taken, 0);

    app.register_confirmed("second@example.org", &[]).await;
    let ids: Vec<String> = domain::attendee_list::load(&app.db, event.id)
        .await
        .expect("rows")
        .iter()
        .map(|row| row.attendee.id.to_string())
        .collect();
    let bulk = format!("/admin/events/{}/attendees/bulk", event.id);
    let mut fields: Vec<(&str, &str)> = vec![("action", "cancel")];
    fields.extend(ids.iter().map(|id| ("selected", id.as_str())));
    let asked = app.staff_post(&admin, &bulk, &fields).await;
    assert_eq!(asked.status(), StatusCode::OK);
    assert!(asked.text().await.expect("body").contains("Petro Шевчук"), "the confirmation lists the people");
    assert_eq!(app.event(domain::demo::TAG_SLUG).await.taken, 2, "nothing cancelled before the confirmation");
    fields.push(("confirm", "yes"));
    let done = app.staff_post(&admin, &bulk, &fields).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.event(domain::demo::TAG_SLUG).await.taken, 0, "both places are free again");

    let unconfirmed =
        app.staff_post(&admin, &format!("/admin/events/{}/status", event.id), &[("status", "cancelled")]).await;
    assert_eq!(unconfirmed.status(), StatusCode::UNPROCESSABLE_ENTITY, "cancelling an event is ticked off");
    assert_eq!(app.event(domain::demo::TAG_SLUG).await.status, domain::event::EventStatus::Published);
}

#[tokio::test]
async fn at_an_invitation_only_event_organisers_approve_or_decline_and_people_are_told() {
    use domain::entity::event as event_table;
    use domain::outbox::MailKind;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    let app = TestApp::spawn().await;
    let event = app.event(domain::demo::INFO_SLUG).await;
    event_table::Entity::update_many()
        .col_expr(event_table::Column::ApprovalMode, Expr::value(domain::event::ApprovalMode::OrganiserApproves))
        .col_expr(event_table::Column::Capacity, Expr::value(Some(2)))
        .filter(event_table::Column::Id.eq(event.id))
        .exec(&app.db)
        .await
        .expect("invitation-only");
    let admin = app.admin().await;
    let mut paths = Vec::new();
    for email in ["invited@example.org", "uninvited@example.org"] {
        let response = app.post_registration(domain::demo::INFO_SLUG, &crate::support::valid_fields(email)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        paths.push(response.headers()["location"].to_str().expect("location").to_owned());
    }
    let (_, page) = app.get_text(&paths[0]).await;
    assert!(page.contains("Ihre Anmeldung wird geprüft"), "the page says it awaits approval");
    assert!(crate::support::ticket_codes_on(&page).is_empty(), "no ticket before approval");
    assert_eq!(app.event(domain::demo::INFO_SLUG).await.taken, 2, "the places are held meanwhile");

    let rows = domain::attendee_list::load(&app.db, event.id).await.expect("rows");
    let (invited, uninvited) = (&rows[0], &rows[1]);
    assert_eq!(mail_kinds(&app, invited.registration_id).await, [MailKind::AwaitingApproval]);
    let base = format!("/admin/events/{}/attendees", event.id);
    let approved = app.staff_post(&admin, &format!("{base}/{}/approve", invited.attendee.id), &[]).await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    let declined = app.staff_post(&admin, &format!("{base}/{}/decline", uninvited.attendee.id), &[]).await;
    assert_eq!(declined.status(), StatusCode::SEE_OTHER);

    assert_eq!(mail_kinds(&app, invited.registration_id).await, [MailKind::AwaitingApproval, MailKind::Confirmation]);
    assert_eq!(mail_kinds(&app, uninvited.registration_id).await, [MailKind::AwaitingApproval, MailKind::Declined]);
    assert_eq!(crate::support::ticket_codes_on(&app.get_text(&paths[0]).await.1).len(), 1, "approved: the ticket");
    assert_eq!(app.event(domain::demo::INFO_SLUG).await.taken, 1, "the declined place is free again");
    let again = app.staff_post(&admin, &format!("{base}/{}/decline", invited.attendee.id), &[]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        mail_kinds(&app, invited.registration_id).await.len(),
        2,
        "an approved registration is not declined afterwards"
    );
}

async fn mail_kinds(app: &TestApp, registration_id: uuid::Uuid) -> Vec<domain::outbox::MailKind> {
    domain::outbox::for_registration(&app.db, registration_id)
        .await
        .expect("outbox")
        .into_iter()
        .map(|message| message.kind)
        .collect()
}

#[tokio::test]
async fn a_programme_session_is_edited_but_never_below_the_places_taken() {
    let app = TestApp::spawn().await;
    let event = app.event(domain::demo::TAG_SLUG).await;
    let forum = app.smallest_forum().await;
    app.register_confirmed("forum-a@example.org", &[forum.id]).await;
    app.register_confirmed("forum-b@example.org", &[forum.id]).await;
    let admin = app.admin().await;
    let edit = format!("/admin/events/{}/programme/{}/edit", event.id, forum.id);
    let (status, page) = app.staff_get(&admin, &edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("value=\"{}\"", forum.title_de)), "the form holds the session");
    let zone = event.zone();
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string();
    let (starts, ends) = (local(forum.starts_at), local(forum.ends_at));
    let fields = |capacity: &'static str| {
        vec![
            ("kind", "forum".to_owned()),
            ("title_de", "Forum Förderung (neu)".to_owned()),
            ("title_uk", "Форум фінансування".to_owned()),
            ("room", "Saal 3".to_owned()),
            ("starts_at", starts.clone()),
            ("ends_at", ends.clone()),
            ("capacity", capacity.to_owned()),
        ]
    };
    let too_small = fields("1");
    let refs: Vec<(&str, &str)> = too_small.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app.staff_post(&admin, &edit, &refs).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "2 places are taken");
    assert!(refused.text().await.expect("body").contains("2 Plätze sind schon vergeben"));
    let fine = fields("12");
    let refs: Vec<(&str, &str)> = fine.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.staff_post(&admin, &edit, &refs).await.status(), StatusCode::SEE_OTHER);
    let saved = app.sessions(domain::demo::TAG_SLUG).await.into_iter().find(|s| s.id == forum.id).expect("forum");
    assert_eq!((saved.title_de.as_str(), saved.capacity, saved.taken), ("Forum Förderung (neu)", Some(12), 2));
    assert_eq!(saved.starts_at, forum.starts_at, "the time stays as typed");
}

#[tokio::test]
async fn organisers_write_to_the_people_they_filter_and_each_contact_gets_one_personal_mail() {
    let app = TestApp::spawn().await;
    let event = app.event(domain::demo::TAG_SLUG).await;
    let forum = app.smallest_forum().await;
    app.register_confirmed("in-forum@example.org", &[forum.id]).await;
    app.register_confirmed("elsewhere@example.org", &[]).await;
    let admin = app.admin().await;
    let path = format!("/admin/events/{}/messages", event.id);
    let forum_id = forum.id.to_string();
    let empty = app.staff_post(&admin, &path, &[("status", "confirmed"), ("subject", ""), ("body", "")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = "Liebe/r {name},\nbitte bringen Sie zu „{event}“ Ihren Ausweis mit.";
    let fields = |action: &'static str| {
        vec![
            ("status", "confirmed"),
            ("session", forum_id.as_str()),
            ("subject", "Hinweis zum Forum"),
            ("body", text),
            ("action", action),
        ]
    };
    let preview = app.staff_post(&admin, &path, &fields("preview")).await;
    assert_eq!(preview.status(), StatusCode::OK);
    let page = preview.text().await.expect("body");
    assert!(page.contains("Vorschau für eine Empfängeradresse"), "one person chosen");
    assert!(page.contains("Liebe/r Olena Kovalenko,"), "the preview is personal");
    let before: Vec<_> = domain::attendee_list::load(&app.db, event.id).await.expect("rows");
    let sent = app.staff_post(&admin, &path, &fields("send")).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let in_forum = before.iter().find(|row| row.contact_email == "in-forum@example.org").expect("row");
    let elsewhere = before.iter().find(|row| row.contact_email == "elsewhere@example.org").expect("row");
    assert!(mail_kinds(&app, in_forum.registration_id).await.contains(&domain::outbox::MailKind::OrganiserMessage));
    assert!(!mail_kinds(&app, elsewhere.registration_id).await.contains(&domain::outbox::MailKind::OrganiserMessage));

    // The worker writes it to the mail folder; an independent parser reads it.
    let mail_dir = app.data_dir().join("mail");
    let mut found = None;
    for _ in 0..100 {
        found = std::fs::read_dir(&mail_dir).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| std::fs::read(entry.path()).ok())
                .find(|bytes| String::from_utf8_lossy(bytes).contains("Hinweis zum Forum"))
        });
        if found.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let raw = found.expect("the message was delivered");
    let parsed = mail_parser::MessageParser::default().parse(&raw).expect("a mail");
    assert_eq!(parsed.to().and_then(|to| to.first()).and_then(|a| a.address()), Some("in-forum@example.org"));
    let body = parsed.body_text(0).expect("text").to_string();
    assert!(body.contains("Liebe/r Olena Kovalenko,") && body.contains(&event.title_de), "{body}");
    assert!(body.contains("/r/"), "the registration link is below the message");
    let (_, page) = app.staff_get(&admin, &format!("{path}?sent=1")).await;
    assert!(page.contains("Hinweis zum Forum (1)"), "the message is listed with its recipients");
    let (_, audit) = app.staff_get(&admin, "/admin/audit").await;
    assert!(audit.split("<tbody>").nth(1).unwrap_or_default().contains("Nachricht verschickt"));
}
