//! What an attacker tried from outside (issue 17) and must keep failing: reused forms,
//! consent never given, addresses probed through the form, formulas in exports, inputs
//! that broke the server, invisible characters, mail that can never arrive, and races
//! between two cancellations and two instances starting.

use std::time::{Duration, Instant};

use domain::account::Role;
use domain::demo::{INFO_SLUG, TAG_SLUG};
use domain::entity::{outbox_message, registration};
use domain::outbox::{MailKind, OutboxMessage};
use domain::registration::RegistrationStatus;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use crate::support::backoffice::PASSWORD;
use crate::support::smtp::{SmtpServer, smtp_on};
use crate::support::{ChildServer, EmptyDatabase, TestApp, valid_fields};

/// The hidden submission key of a registration form page.
fn key_on(page: &str) -> String {
    page.split("name=\"submission\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a submission key")
        .to_owned()
}

fn location(response: &reqwest::Response) -> Option<String> {
    response.headers().get("location").and_then(|value| value.to_str().ok()).map(str::to_owned)
}

/// A valid registration form with this name and address, sent with a submission key.
fn form_with<'a>(email: &'a str, first_name: &'a str, key: &'a str) -> Vec<(&'static str, &'a str)> {
    let mut fields = valid_fields(email);
    fields[0] = ("first_name", first_name);
    fields.push(("submission", key));
    fields
}

/// The registration behind a manage path (`/r/{token}`).
async fn registration_at(app: &TestApp, path: &str) -> domain::registration::RegistrationDetails {
    let token = path.trim_start_matches("/r/");
    domain::registration::by_manage_token(&app.db, token).await.expect("query").expect("the registration exists")
}

#[tokio::test]
async fn a_reused_registration_form_never_opens_the_earlier_registration() {
    let app = TestApp::spawn().await;
    let (_, form) = app.get_text(&format!("/events/{TAG_SLUG}/register")).await;
    let key = key_on(&form);
    let sent_with = |email: &'static str, first_name: &'static str| form_with(email, first_name, &key);
    let first = app.post_registration(TAG_SLUG, &sent_with("ana@example.org", "Ana")).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let ana = location(&first).expect("Ana's registration");

    // The same form with the same person again (a double click, a resent form): her own
    // page, through a link of its own (links are stored only as hashes).
    let again = app.post_registration(TAG_SLUG, &sent_with("ana@example.org", "Ana")).await;
    let again = location(&again).expect("her page again");
    assert_eq!(registration_at(&app, &again).await.registration.id, registration_at(&app, &ana).await.registration.id);

    // The next person at the registration desk, the same form (back button): told so,
    // never shown Ana's page, and not registered unasked.
    let bohdan = sent_with("bohdan@example.org", "Bohdan");
    let reused = app.post_registration(TAG_SLUG, &bohdan).await;
    assert_eq!(reused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(location(&reused), None);
    let page = reused.text().await.expect("body");
    assert!(page.contains("Dieses Formular wurde schon einmal abgeschickt"), "{page}");
    assert!(!page.contains(&ana) && !page.contains("ana@example.org"), "nothing of Ana's registration");
    let event = app.event(TAG_SLUG).await;
    assert_eq!(domain::registration::count_attendees(&app.db, event.id).await.expect("count"), 1);

    // The form comes back with a new key: sent again, Bohdan is registered himself.
    let new_key = key_on(&page);
    assert_ne!(new_key, key);
    let mut fields: Vec<(&str, &str)> = bohdan.into_iter().filter(|(name, _)| *name != "submission").collect();
    fields.push(("submission", new_key.as_str()));
    let registered = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let own = location(&registered).expect("Bohdan's registration");
    assert_ne!(own, ana);
    assert_eq!(registration_at(&app, &own).await.registration.contact_email, "bohdan@example.org");

    // The key at another event, even with Ana's own data: the message, not her page.
    for (language, message) in [
        ("de", "Dieses Formular wurde schon einmal abgeschickt"),
        ("en", "This form was already sent"),
        ("uk", "Цю форму вже було надіслано"),
    ] {
        let other = app
            .client
            .post(app.url(&format!("/events/{INFO_SLUG}/register?lang={language}")))
            .form(&sent_with("ana@example.org", "Ana"))
            .send()
            .await
            .expect("POST");
        assert_eq!(other.status(), StatusCode::UNPROCESSABLE_ENTITY, "{language}");
        assert_eq!(location(&other), None);
        let page = other.text().await.expect("body");
        assert!(page.contains(message) && !page.contains(&ana), "{language}: {page}");
    }
    assert_eq!(domain::registration::count_attendees(&app.db, app.event(INFO_SLUG).await.id).await.expect("count"), 0);
}

#[tokio::test]
async fn adding_a_person_without_consent_is_refused_and_records_nothing() {
    let app = TestApp::spawn().await;
    let response = app.post_registration(INFO_SLUG, &valid_fields("lead@example.org")).await;
    let manage = location(&response).expect("registered");
    let add = app.url(&format!("{manage}/attendees/new"));
    let person = [("first_name", "Taras"), ("last_name", "Melnyk"), ("email", "taras@example.org")];
    for consent in [Some("no"), Some(""), Some("on"), None] {
        let mut fields = person.to_vec();
        if let Some(consent) = consent {
            fields.push(("data_consent", consent));
        }
        let refused = app.client.post(&add).form(&fields).send().await.expect("POST");
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "consent {consent:?}");
        let page = refused.text().await.expect("body");
        assert!(page.contains("Ohne Ihre Einwilligung"), "the form again, with the reason");
        assert!(page.contains("value=\"Taras\""), "the typed name is kept");
    }
    assert_eq!(registration_at(&app, &manage).await.attendees.len(), 1, "nobody added, no consent recorded");

    // With the consent the same form adds the person.
    let mut fields = person.to_vec();
    fields.push(("data_consent", "yes"));
    let added = app.client.post(&add).form(&fields).send().await.expect("POST");
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    assert_eq!(registration_at(&app, &manage).await.attendees.len(), 2);
}

#[tokio::test]
async fn the_registration_form_does_not_tell_whether_an_address_is_registered() {
    let app = TestApp::spawn_with(|config| config.mail_worker = false).await;
    let first = app.register_confirmed("mira@example.org", &[]).await;
    let mira = registration_at(&app, &first).await.registration.id;

    let again = app.register("MIRA@example.org", &[]).await;
    // Answered like a registration whose link goes by mail: a redirect to a page that
    // says to look in the mailbox, nothing about the address or its registration.
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let sent = location(&again).expect("a redirect");
    assert_eq!(sent, format!("/events/{TAG_SLUG}/register/sent"));
    let (status, page) = app.get_text(&sent).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Bitte sehen Sie in Ihr E-Mail-Postfach"), "{page}");
    assert!(!page.contains("bereits angemeldet") && !page.contains("mira@"), "nothing revealed");
    assert!(!page.contains(&first), "no link to the registration");

    // The link went to that address, and nobody was registered twice.
    let links = domain::outbox::for_registration(&app.db, mira).await.expect("outbox");
    assert_eq!(links.iter().filter(|mail| mail.kind == MailKind::ManageLink).count(), 1);
    let event = app.event(TAG_SLUG).await;
    assert_eq!(domain::registration::count_attendees(&app.db, event.id).await.expect("count"), 1);
    for language in ["en", "uk"] {
        let (status, _) = app.get_text(&format!("{sent}?lang={language}")).await;
        assert_eq!(status, StatusCode::OK);
    }
}

#[tokio::test]
async fn csv_exports_open_in_german_excel_without_running_formulas() {
    let app = TestApp::spawn().await;
    let mut fields = valid_fields("formula@example.org");
    fields[0] = ("first_name", "=HYPERLINK(\"http://evil.example\")");
    fields[3] = ("organisation", "Stadt;=1+1;x");
    fields[5] = ("partner_municipality", "Lwiw,@SUM(1+1)");
    assert_eq!(app.post_registration(TAG_SLUG, &fields).await.status(), StatusCode::SEE_OTHER);
    app.register_confirmed("plain@example.org", &[]).await;
    let event = app.event(TAG_SLUG).await;
    let admin = app.admin().await;
    let bytes = app.staff_get_bytes(&admin, &format!("/admin/events/{}/attendees.csv?sort=name", event.id)).await;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte order mark: Excel reads UTF-8");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");

    // An independent reader with German Excel's separator sees every cell whole.
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    let column = |label: &str| header.iter().position(|h| h == label).unwrap_or_else(|| panic!("column {label}"));
    let records: Vec<csv::StringRecord> = reader.records().map(|record| record.expect("record")).collect();
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|record| record.len() == header.len()), "one cell per column");
    let row =
        records.iter().find(|record| &record[column("E-Mail-Adresse")] == "formula@example.org").expect("the row");
    assert_eq!(&row[column("Vorname")], "'=HYPERLINK(\"http://evil.example\")");
    assert_eq!(&row[column("Organisation")], "Stadt;'=1+1;x");
    assert!(row.iter().any(|cell| cell == "Lwiw,'@SUM(1+1)"), "{row:?}");

    // Every field is quoted, and split naively at any separator no cell starts a formula.
    for line in text.split("\r\n").filter(|line| !line.is_empty()) {
        assert!(line.starts_with('"') && line.ends_with('"'), "{line}");
        for separator in [',', ';', '\t'] {
            for cell in line.split(separator) {
                assert!(!cell.starts_with(['=', '+', '-', '@']), "{separator:?} split gives {cell:?} in {line}");
            }
        }
    }
}

#[tokio::test]
async fn an_overlong_door_search_is_refused_not_a_server_error() {
    let app = TestApp::spawn().await;
    app.register_confirmed("door@example.org", &[]).await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    // More than SQLite's 50,000-byte limit on LIKE patterns.
    let long = "ab".repeat(27_500);
    let response = app
        .client
        .get(app.url(&format!("/api/v1/checkin/attendees?q={long}")))
        .bearer_auth(&device)
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let answer: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(answer["error"], "query_too_long");
    let (status, page) = app.get_text(&format!("/door/{device}?q={long}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains(&long), "not shown back");

    // A normal search still finds people.
    let found: serde_json::Value = app
        .client
        .get(app.url("/api/v1/checkin/attendees?q=kovalenko"))
        .bearer_auth(&device)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    assert_eq!(found["attendees"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn a_log_in_with_a_line_break_in_next_goes_to_the_start_page() {
    let app = TestApp::spawn().await;
    app.team_member("staff@example.org", Role::Administrator, &[]).await;
    for next in ["/admin\r\nSet-Cookie: evil=1", "/admin/events\n", "/admin/\u{0}x"] {
        let (cookie, csrf) = app.login_form().await;
        let response = app
            .client
            .post(app.url("/admin/login"))
            .header("cookie", format!("tp_form={cookie}"))
            .form(&[("csrf", csrf.as_str()), ("email", "staff@example.org"), ("password", PASSWORD), ("next", next)])
            .send()
            .await
            .expect("POST log-in");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(location(&response).as_deref(), Some("/admin"), "{next:?}");
        let cookies: Vec<_> = response.headers().get_all("set-cookie").iter().collect();
        assert!(cookies.iter().all(|value| !value.to_str().unwrap_or_default().contains("evil")));
    }
    let response = app.get("/admin/login?next=%2Fadmin%0D%0ASet-Cookie:%20evil=1").await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn names_with_invisible_or_direction_characters_are_refused() {
    let app = TestApp::spawn().await;
    for name in ["Ol\u{200B}ena", "\u{200E}Olena", "Olena\u{061C}", "\u{FEFF}Olena", "Ol\u{2028}ena", "Ol\u{FFFD}ena"] {
        let mut fields = valid_fields("invisible@example.org");
        fields[0] = ("first_name", name);
        let response = app.post_registration(TAG_SLUG, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name:?}");
        assert!(response.text().await.expect("body").contains("unsichtbare Zeichen"), "{name:?}");
    }
    // Invalid UTF-8 arrives as U+FFFD: refused the same way, not stored.
    let body = "first_name=Ol%FFena&last_name=Kovalenko&email=utf8%40example.org&organisation=Stadt&\
                organisation_type=kommune&partner_municipality=Lwiw&data_consent=yes";
    let response = app
        .client
        .post(app.url(&format!("/events/{TAG_SLUG}/register")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A joiner inside an emoji stays allowed.
    let mut fields = valid_fields("emoji@example.org");
    fields[0] = ("first_name", "Olena 👩\u{200D}💻");
    assert_eq!(app.post_registration(TAG_SLUG, &fields).await.status(), StatusCode::SEE_OTHER);
    let event = app.event(TAG_SLUG).await;
    assert_eq!(domain::registration::count_attendees(&app.db, event.id).await.expect("count"), 1);
}

#[tokio::test]
async fn an_address_the_mailer_cannot_use_is_refused_at_the_form() {
    let app = TestApp::spawn().await;
    for address in ["a@-b.example", "a@b-.example", "a@b.-example.org"] {
        let response = app.register(address, &[]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{address}");
        assert!(response.text().await.expect("body").contains("gültige E-Mail-Adresse"), "{address}");
    }
}

/// The registration's messages once `done` holds for them (at most ten seconds).
async fn outbox_when(
    app: &TestApp,
    registration_id: Uuid,
    done: impl Fn(&[OutboxMessage]) -> bool,
) -> Vec<OutboxMessage> {
    let started = Instant::now();
    loop {
        let messages = domain::outbox::for_registration(&app.db, registration_id).await.expect("outbox");
        if done(&messages) || started.elapsed() > Duration::from_secs(10) {
            return messages;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_refused_for_good_is_not_retried_and_shows_on_the_attendee_page() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|config| config.smtp = smtp_on(smtp.port)).await;
    let bounced = registration_at(&app, &app.register_confirmed("bounce@example.org", &[]).await).await;
    let messages =
        outbox_when(&app, bounced.registration.id, |messages| messages.iter().all(|m| m.undeliverable_at.is_some()))
            .await;
    assert_eq!(messages.len(), 1);
    assert!(messages[0].undeliverable_at.is_some(), "a 550 gives the message up: {messages:?}");
    assert_eq!((messages[0].attempts, messages[0].sent_at), (1, None));
    assert!(messages[0].last_error.as_deref().unwrap_or_default().contains("550"));
    // The event's page lists it for organisers: to whom, which mail, why.
    let admin = app.admin().await;
    let (_, overview) = app.staff_get(&admin, &format!("/admin/events/{}", bounced.event.id)).await;
    let section = overview.split("id=\"undeliverable\"").nth(1).unwrap_or_default();
    assert!(section.contains("Eine E-Mail nicht zustellbar") && section.contains("bounce@example.org"), "{section}");
    assert!(section.contains("550"), "with the mail server's reason");

    // Even when due again, a given-up message is never taken.
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::NextAttemptAt, Expr::value(chrono::Utc::now() - chrono::Duration::hours(1)))
        .filter(outbox_message::Column::RegistrationId.eq(bounced.registration.id))
        .exec(&app.db)
        .await
        .expect("update");
    // An address stored before the form checked it like the mailer: the message cannot be
    // composed, which is given up at once as well.
    let stored = registration_at(&app, &app.register_confirmed("later@example.org", &[]).await).await;
    assert_eq!(smtp.wait_for(1).await.len(), 1, "other mail goes out");
    registration::Entity::update_many()
        .col_expr(registration::Column::ContactEmail, Expr::value("a@-b.example"))
        .filter(registration::Column::Id.eq(stored.registration.id))
        .exec(&app.db)
        .await
        .expect("update");
    domain::outbox::enqueue(&app.db, MailKind::ManageLink, stored.registration.id, chrono::Utc::now())
        .await
        .expect("queued");
    let messages = outbox_when(&app, stored.registration.id, |messages| {
        messages.iter().any(|m| m.kind == MailKind::ManageLink && m.undeliverable_at.is_some())
    })
    .await;
    let link = messages.iter().find(|m| m.kind == MailKind::ManageLink).expect("the link mail");
    assert!(link.undeliverable_at.is_some() && link.attempts == 1, "{link:?}");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let again = domain::outbox::for_registration(&app.db, bounced.registration.id).await.expect("outbox");
    assert_eq!(again[0].attempts, 1, "not tried again");
    assert_eq!(domain::outbox::unsent_count(&app.db).await.expect("count"), 0, "nothing left to send");

    let event = app.event(TAG_SLUG).await;
    // The same administrator as above.
    let attendee = bounced.attendees[0].attendee.id;
    let (status, page) = app.staff_get(&admin, &format!("/admin/events/{}/attendees/{attendee}", event.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("nicht zustellbar nach 1 Versuch"), "{page}");
    assert!(page.contains("550"), "with the mail server's reason");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_that_keeps_failing_is_given_up_after_the_last_attempt() {
    // A mail server that is down: each attempt fails, for a while with back-off.
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    let app = TestApp::spawn_with(|config| config.smtp = smtp_on(port)).await;
    let id = registration_at(&app, &app.register_confirmed("down@example.org", &[]).await).await.registration.id;
    let messages = outbox_when(&app, id, |messages| messages.iter().all(|m| m.last_error.is_some())).await;
    assert!(messages[0].undeliverable_at.is_none() && messages[0].attempts == 1, "retried later: {messages:?}");

    // The last allowed attempt, due now.
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::Attempts, Expr::value(domain::outbox::MAX_ATTEMPTS - 1))
        .col_expr(outbox_message::Column::NextAttemptAt, Expr::value(chrono::Utc::now() - chrono::Duration::seconds(1)))
        .filter(outbox_message::Column::RegistrationId.eq(id))
        .exec(&app.db)
        .await
        .expect("update");
    let messages = outbox_when(&app, id, |messages| messages.iter().all(|m| m.undeliverable_at.is_some())).await;
    assert!(messages[0].undeliverable_at.is_some(), "given up: {messages:?}");
    assert_eq!((messages[0].attempts, messages[0].sent_at), (domain::outbox::MAX_ATTEMPTS, None));
    assert_eq!(domain::outbox::unsent_count(&app.db).await.expect("count"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_members_cancelling_at_once_cancel_the_whole_registration() {
    let app = TestApp::spawn_with(|config| config.mail_worker = false).await;
    let mut delegations = Vec::new();
    for n in 0..12 {
        let email = format!("lead{n}@example.org");
        let mut fields = valid_fields(&email);
        fields.extend([
            ("guest_first_name", "Taras"),
            ("guest_last_name", "Melnyk"),
            ("guest_email", ""),
            ("guest_organisation", ""),
        ]);
        let response = app.post_registration(INFO_SLUG, &fields).await;
        let details = registration_at(&app, &location(&response).expect("registered")).await;
        assert_eq!(details.attendees.len(), 2);
        delegations.push(details);
    }
    let event = app.event(INFO_SLUG).await;
    assert_eq!(event.taken, 24);
    for details in &delegations {
        let cancel = |index: usize| {
            domain::registration::cancel_attendee(
                app.state.pools(),
                details.registration.id,
                details.attendees[index].attendee.id,
                chrono::Utc::now(),
            )
        };
        let (first, second) = tokio::join!(cancel(0), cancel(1));
        assert!(first.expect("cancelled") && second.expect("cancelled"));
    }
    for details in &delegations {
        let stored = registration::Entity::find_by_id(details.registration.id).one(&app.db).await.expect("query");
        assert_eq!(
            stored.map(|found| found.status),
            Some(RegistrationStatus::Cancelled),
            "the last member's cancellation cancels the registration, never a confirmed one with nobody"
        );
    }
    assert_eq!(app.event(INFO_SLUG).await.taken, 0, "every place is free again, once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_starting_together_on_an_empty_database_both_come_up() {
    for _ in 0..2 {
        let database = EmptyDatabase::create().await;
        let (first, second) = tokio::join!(ChildServer::start(&database.url), ChildServer::start(&database.url));
        let client = reqwest::Client::new();
        for server in [&first, &second] {
            let response = client.get(format!("{}/", server.base)).send().await.expect("GET");
            assert_eq!(response.status(), StatusCode::OK);
        }
        drop((first, second));
    }
}

/// Everything the database holds, as text: the SQLite file with its write-ahead log as
/// bytes, or every PostgreSQL table's rows as JSON. What a stolen backup would show.
async fn database_as_text(app: &TestApp) -> String {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    if app.db.get_database_backend() == DbBackend::Postgres {
        let tables = app
            .db
            .query_all_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'",
            ))
            .await
            .expect("tables");
        let mut text = String::new();
        for table in tables {
            let name: String = table.try_get("", "name").expect("name");
            let rows = app
                .db
                .query_all_raw(Statement::from_string(
                    DbBackend::Postgres,
                    format!("SELECT to_jsonb(t)::text AS row FROM \"{name}\" t"),
                ))
                .await
                .expect("rows");
            for row in rows {
                text.push_str(&row.try_get::<String>("", "row").expect("row"));
                text.push('\n');
            }
        }
        return text;
    }
    let mut bytes = Vec::new();
    for file in ["treffpunkt.db", "treffpunkt.db-wal"] {
        bytes.extend(std::fs::read(app.data_dir().join(file)).unwrap_or_default());
    }
    assert!(bytes.len() > 10_000, "the SQLite file was read");
    String::from_utf8_lossy(&bytes).into_owned()
}

#[tokio::test]
async fn a_copy_of_the_database_holds_no_registration_link_confirmation_link_or_form_key() {
    use domain::demo::REALLABOR_SLUG;
    let app = TestApp::spawn().await;
    let (_, form) = app.get_text(&format!("/events/{REALLABOR_SLUG}/register")).await;
    let key = key_on(&form);
    let sent = app.post_registration(REALLABOR_SLUG, &form_with("secret@example.org", "Sina", &key)).await;
    let page = location(&sent).expect("registered");
    let confirm = app.mailed_paths("secret@example.org", "/r/confirm/", 1).await.remove(0);
    let resend = app.client.post(app.url(&format!("{page}/resend"))).send().await.expect("resend");
    assert_eq!(resend.status(), StatusCode::SEE_OTHER);
    let mailed_pages = app.mailed_paths("secret@example.org", "/r/", 3).await;

    let token_of =
        |path: &str| path.rsplit('/').next().unwrap_or_default().split('?').next().unwrap_or_default().to_owned();
    let mut secrets = vec![token_of(&page), token_of(&confirm), key.clone()];
    secrets.extend(mailed_pages.iter().map(|path| token_of(path)));
    secrets.sort();
    secrets.dedup();
    assert!(secrets.len() >= 4, "the page's link, the confirmation link, the form key and mailed links: {secrets:?}");
    let stored = database_as_text(&app).await;
    for secret in &secrets {
        assert_eq!(secret.len(), 43, "{secret}");
        assert!(!stored.contains(secret.as_str()), "{secret} is stored in plain text");
        assert!(stored.contains(&domain::ids::hash_token(secret)), "the hash of {secret} is what is kept");
    }
    // And every link still works.
    for path in mailed_pages.iter().filter(|path| !path.starts_with("/r/confirm/")) {
        assert_eq!(app.registration_id_at(path).await, app.registration_id_at(&page).await);
    }
    let confirmed = app.get(&confirm).await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER, "the mailed confirmation link confirms");
}

#[tokio::test]
async fn links_handed_out_before_tokens_were_hashed_keep_working_after_the_upgrade() {
    use migration::MigratorTrait;
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let database = EmptyDatabase::create().await;
    let db = sea_orm::Database::connect(&database.url).await.expect("connect");
    // The schema as it was before migration 000021, with the demo events.
    let before_hashing = migration::Migrator::migrations()
        .iter()
        .position(|step| step.name() == "m20261126_000021_hashed_registration_secrets")
        .and_then(|position| u32::try_from(position).ok())
        .expect("the migration that hashes registration secrets");
    migration::Migrator::up(&db, Some(before_hashing)).await.expect("the older migrations");
    domain::demo::seed_if_empty(&db, chrono::Utc::now()).await.expect("demo events");
    let event = domain::event::by_slug(&db, TAG_SLUG).await.expect("query").expect("the event");
    let (manage, confirm, key) = ("M".repeat(43), "C".repeat(43), "form-key-of-an-old-form".to_owned());
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "INSERT INTO registration (id, event_id, manage_token, contact_email, language, status, created_at, \
             email_key, submission_key, confirm_token, consent_wording) \
             VALUES ($1, $2, $3, 'old@example.org', 'de', 'pending_confirmation', $4, 'old@example.org', $5, $6, '')"
        }
        _ => {
            "INSERT INTO registration (id, event_id, manage_token, contact_email, language, status, created_at, \
             email_key, submission_key, confirm_token, consent_wording) \
             VALUES (?, ?, ?, 'old@example.org', 'de', 'pending_confirmation', ?, 'old@example.org', ?, ?, '')"
        }
    };
    let id = Uuid::new_v4();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        sql,
        [
            id.into(),
            event.id.into(),
            manage.clone().into(),
            chrono::Utc::now().into(),
            key.clone().into(),
            confirm.clone().into(),
        ],
    ))
    .await
    .expect("a registration as stored before");

    migration::Migrator::up(&db, None).await.expect("the upgrade");
    let found =
        domain::registration::by_manage_token(&db, &manage).await.expect("query").expect("the old link opens it");
    assert_eq!(found.registration.id, id);
    assert_eq!(found.registration.manage_token_hash, domain::ids::hash_token(&manage));
    assert_eq!(found.registration.submission_key_hash, Some(domain::ids::hash_token(&key)));
    let confirming =
        domain::registration::linked_registration(&db, &confirm, domain::registration::LinkPurpose::ConfirmEmail)
            .await
            .expect("query")
            .expect("the old confirmation link");
    assert_eq!(confirming.id, id);
    assert!(
        domain::registration::linked_registration(&db, &manage, domain::registration::LinkPurpose::ConfirmEmail)
            .await
            .expect("query")
            .is_none(),
        "a page link confirms nothing"
    );
    db.close().await.ok();
}
