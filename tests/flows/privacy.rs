//! Privacy and certificates, as participants and organisers meet them: the retention
//! job anonymises an event and every figure stays the same, a participant asks for
//! erasure and an organiser exports and erases one person, photo refusals reach badges,
//! lists and the door, and certificates go only to people who were checked in.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use domain::attendee_list;
use domain::demo::TAG_SLUG;
use domain::entity::{event, outbox_message};
use domain::outbox::MailKind;
use domain::registration_form::{self as form_rules, QuestionDraft, QuestionKind};
use mail_parser::{MessageParser, MimeHeaders};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement, sea_query::Expr};
use serde_json::Value;
use uuid::Uuid;

use crate::support::smtp::{SmtpServer, smtp_on};
use crate::support::{TestApp, valid_fields};

/// Every text value in every table, as one string: what anonymisation must have
/// emptied of a person. Columns are read as text on both databases.
async fn all_stored_text(db: &DatabaseConnection) -> String {
    let backend = db.get_database_backend();
    let tables_sql = match backend {
        sea_orm::DbBackend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'".to_owned()
        }
        _ => {
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()".to_owned()
        }
    };
    let mut text = String::new();
    let tables = db.query_all_raw(Statement::from_string(backend, tables_sql)).await.expect("tables");
    for table in tables {
        let name: String = table.try_get("", "name").expect("table name");
        let columns_sql = match backend {
            sea_orm::DbBackend::Sqlite => format!("SELECT name FROM pragma_table_info('{name}')"),
            _ => format!(
                "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{name}'"
            ),
        };
        let columns = db.query_all_raw(Statement::from_string(backend, columns_sql)).await.expect("columns");
        for column in columns {
            let column: String = column.try_get("", "name").expect("column name");
            let sql = format!("SELECT CAST(\"{column}\" AS TEXT) AS value FROM \"{name}\"");
            for row in db.query_all_raw(Statement::from_string(backend, sql)).await.expect("values") {
                if let Ok(Some(value)) = row.try_get::<Option<String>>("", "value") {
                    text.push_str(&value);
                    text.push('\n');
                }
            }
        }
    }
    text
}

/// The figures an organiser and the funder see, in a comparable form.
async fn figures_of(app: &TestApp, event_id: Uuid, question: Uuid, values: &[&str]) -> String {
    let rows = attendee_list::load(&app.db, event_id).await.expect("rows");
    let figures = attendee_list::figures(&rows);
    let sessions: BTreeMap<Uuid, (usize, usize)> = figures.by_session.into_iter().collect();
    format!(
        "{:?} {} {} {} {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        figures.by_status,
        figures.registered,
        figures.confirmed,
        figures.waitlisted,
        figures.cancelled,
        figures.checked_in,
        figures.by_organisation_type,
        sessions,
        figures.per_day,
        figures.organisations,
        figures.partner_municipalities,
        figures.partnerships,
        attendee_list::answer_counts(&rows, question, values),
    )
}

async fn add_question(app: &TestApp, event_id: Uuid, kind: QuestionKind, label: &str) -> Uuid {
    form_rules::add(
        &app.db,
        event_id,
        QuestionDraft { kind: Some(kind), label_de: label.to_owned(), ..QuestionDraft::default() },
    )
    .await
    .expect("query")
    .expect("room for a question")
    .id
}

fn field(question: Uuid) -> String {
    format!("q-{}", question.simple())
}

/// Moves the event (and its programme) into the past: it ended `days_ago` days ago.
pub(crate) async fn end_event(app: &TestApp, event_id: Uuid, days_ago: i64) {
    let ends = Utc::now() - Duration::days(days_ago);
    event::Entity::update_many()
        .col_expr(event::Column::StartsAt, Expr::value(ends - Duration::hours(8)))
        .col_expr(event::Column::EndsAt, Expr::value(ends))
        .col_expr(event::Column::RegistrationClosesAt, Expr::value(Some(ends - Duration::hours(8))))
        .filter(event::Column::Id.eq(event_id))
        .exec(&app.db)
        .await
        .expect("move the event");
    app.state.page_cache().invalidate();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_retention_job_anonymises_an_event_and_every_figure_stays_the_same() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    let note = add_question(&app, event.id, QuestionKind::LongText, "Anmerkungen").await;
    let catering = form_rules::questions(&app.db, event.id)
        .await
        .expect("questions")
        .into_iter()
        .find(|question| question.kind == QuestionKind::SingleChoice && question.options_de.contains("vegetarisch"))
        .expect("the demo asks about catering");
    let forum = app.smallest_forum().await;
    let forum_id = forum.id.to_string();
    let (note_field, catering_field) = (field(note), field(catering.id));
    let people = [
        ("Zyxwanna", "Privatova", "zyx.private@example.org", "Geheimnis-4711"),
        ("Quorbert", "Verborgen", "quorbert@example.org", "Rollstuhl-0815"),
        ("Wlodzimir", "Anonymek", "wlodzimir@example.org", "Allergie-2342"),
    ];
    let mut paths = Vec::new();
    for (first, last, email, secret) in people {
        let mut fields = valid_fields(email);
        fields.retain(|(name, _)| !matches!(*name, "first_name" | "last_name"));
        fields.extend([
            ("first_name", first),
            ("last_name", last),
            ("programme_session", forum_id.as_str()),
            (note_field.as_str(), secret),
            (catering_field.as_str(), "vegetarisch"),
        ]);
        let response = app.post_registration(TAG_SLUG, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{first} registers");
        paths.push(response.headers()["location"].to_str().expect("location").to_owned());
    }
    let door = app.door_device(TAG_SLUG, "Eingang Nord").await;
    let code = app.ticket_code(&paths[0]).await;
    let (status, answer) = app.redeem(&door, &code, "scan-retention-1", None).await;
    assert_eq!((status, answer["result"].as_str()), (StatusCode::OK, Some("ok")));
    let third_cancel = format!("{}/cancel", paths[2]);
    assert_eq!(app.client.post(app.url(&third_cancel)).send().await.expect("cancel").status(), StatusCode::SEE_OTHER);
    // The organisers' history names the person; an edit keeps old and new values.
    let admin = app.admin().await;
    let row = attendee_list::load(&app.db, event.id)
        .await
        .expect("rows")
        .into_iter()
        .find(|row| row.attendee.email == "quorbert@example.org")
        .expect("Quorbert is listed");
    let reissue = format!("/admin/events/{}/attendees/{}/reissue", event.id, row.attendee.id);
    assert_eq!(app.staff_post(&admin, &reissue, &[]).await.status(), StatusCode::SEE_OTHER);

    let before = figures_of(&app, event.id, catering.id, &["vegetarisch", "vegan"]).await;
    assert!(before.ends_with("[2, 0]"), "the catering figure counts the two confirmed: {before}");
    let stored = all_stored_text(&app.db).await;
    for (_, last, email, secret) in people {
        assert!(stored.contains(last) && stored.contains(email) && stored.contains(secret), "the control: {last}");
    }

    let sqlite_file = app
        .database_url
        .starts_with("sqlite:")
        .then(|| app.database_url.trim_start_matches("sqlite://").split('?').next().unwrap_or_default().to_owned());
    let file_holds = |text: &str| {
        let bytes = std::fs::read(sqlite_file.as_deref().unwrap_or_default()).expect("the database file");
        bytes.windows(text.len()).any(|window| window == text.as_bytes())
    };
    if sqlite_file.is_some() {
        app.db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)").await.expect("checkpoint");
        assert!(file_holds("zyx.private@example.org"), "the control: the address is in the file");
    }

    // The event ended 181 days ago: past the default 180 days.
    end_event(&app, event.id, 181).await;
    let (_, page) = app.staff_get(&admin, &format!("/admin/events/{}", event.id)).await;
    assert!(page.contains("Jetzt anonymisieren"), "organisers may anonymise a past event now");
    assert_eq!(domain::privacy::anonymise_due(app.state.pools(), Utc::now()).await.expect("the job"), 1);
    assert_eq!(domain::privacy::anonymise_due(app.state.pools(), Utc::now()).await.expect("again"), 0, "once");
    app.state.page_cache().invalidate();

    let after = figures_of(&app, event.id, catering.id, &["vegetarisch", "vegan"]).await;
    assert_eq!(before, after, "every figure is the same after anonymisation");
    let stored = all_stored_text(&app.db).await;
    for (first, last, email, secret) in people {
        for personal in [first, last, email, secret] {
            assert!(!stored.contains(personal), "{personal} is gone from every table");
        }
    }
    if sqlite_file.is_some() {
        // Nor left behind in the file's pages.
        app.db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)").await.expect("checkpoint");
        for (_, last, email, secret) in people {
            for personal in [last, email, secret] {
                assert!(!file_holds(personal), "{personal} is not in the SQLite file any more");
            }
        }
    }
    assert_eq!(app.get(&paths[0]).await.status(), StatusCode::NOT_FOUND, "the manage link leads nowhere");
    let (_, page) = app.staff_get(&admin, &format!("/admin/events/{}", event.id)).await;
    assert!(page.contains("wurden am"), "the event page says when it was anonymised");
    assert!(!page.contains("Jetzt anonymisieren"));
    let (_, list) = app.staff_get(&admin, &format!("/admin/events/{}/attendees", event.id)).await;
    // Each row names the person twice (the link and the selection box's label).
    assert_eq!(list.matches("(anonymisiert)").count(), 6, "the list shows three anonymised people");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_asks_for_erasure_and_an_organiser_exports_and_erases_one_person() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    let mut fields = valid_fields("kontakt.loeschen@example.org");
    fields.extend([
        ("guest_first_name", "Mitglied"),
        ("guest_last_name", "Bleibtda"),
        ("guest_email", "mitglied.bleibt@example.org"),
        ("guest_organisation", ""),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let manage = response.headers()["location"].to_str().expect("location").to_owned();
    let taken_before = app.event(TAG_SLUG).await.taken;

    let download = app.get(&format!("{manage}/data.json")).await;
    assert_eq!(download.status(), StatusCode::OK);
    let export: Value = download.json().await.expect("JSON");
    assert_eq!(export["attendees"].as_array().map(Vec::len), Some(2));
    assert!(
        export["attendees"][0]["data_processing_consent_wording"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Ich willige ein"),
        "the consent is kept with its wording: {export}"
    );

    let (status, page) = app.get_text(&manage).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("{manage}/deletion")), "the page offers erasure");
    let (status, confirm) = app.get_text(&format!("{manage}/deletion?lang=en")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("Ask for erasure") && confirm.contains("Bleibtda"), "{confirm}");
    let asked = app.client.post(app.url(&format!("{manage}/deletion"))).send().await.expect("POST");
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_text(&manage).await;
    assert!(page.contains("die Löschung Ihrer Daten beantragt"), "the page says it was asked for");

    let admin = app.admin().await;
    let (_, overview) = app.staff_get(&admin, &format!("/admin/events/{}", event.id)).await;
    assert!(overview.contains("Löschanträge") && overview.contains("Olena Kovalenko"), "organisers see the request");
    let rows = attendee_list::load(&app.db, event.id).await.expect("rows");
    let contact = rows.iter().find(|row| row.attendee.email == "kontakt.loeschen@example.org").expect("contact");
    let member = rows.iter().find(|row| row.attendee.last_name == "Bleibtda").expect("member");
    let member_path = format!("/admin/events/{}/attendees/{}", event.id, member.attendee.id);
    let contact_path = format!("/admin/events/{}/attendees/{}", event.id, contact.attendee.id);

    let member_export: Value =
        serde_json::from_slice(&app.staff_get_bytes(&admin, &format!("{member_path}/data.json")).await).expect("JSON");
    let people = member_export["attendees"].as_array().expect("attendees");
    assert_eq!(people.len(), 1, "exactly the one person");
    assert_eq!(people[0]["email"], "mitglied.bleibt@example.org");
    assert!(!member_export.to_string().contains("kontakt.loeschen@example.org"), "nobody else's address");

    let unconfirmed = app.staff_post(&admin, &format!("{contact_path}/erase"), &[]).await;
    assert_eq!(unconfirmed.status(), StatusCode::SEE_OTHER);
    assert!(unconfirmed.headers()["location"].to_str().unwrap_or_default().contains("erase=unconfirmed"));
    let (_, detail) = app.staff_get(&admin, &format!("{contact_path}?erase=unconfirmed")).await;
    assert!(detail.contains("Bitte bestätigen Sie zuerst"), "asks for the tick");
    assert!(all_stored_text(&app.db).await.contains("kontakt.loeschen@example.org"), "nothing erased without the tick");

    let erased = app.staff_post(&admin, &format!("{contact_path}/erase"), &[("confirm", "on")]).await;
    assert_eq!(erased.status(), StatusCode::SEE_OTHER);
    let stored = all_stored_text(&app.db).await;
    assert!(!stored.contains("kontakt.loeschen@example.org"), "the contact's address is gone everywhere");
    assert!(stored.contains("mitglied.bleibt@example.org"), "the member stays");
    assert_eq!(app.event(TAG_SLUG).await.taken, taken_before - 1, "the upcoming place was given up");
    assert_eq!(app.get(&manage).await.status(), StatusCode::NOT_FOUND, "the old link leads nowhere");
    let (_, detail) = app.staff_get(&admin, &contact_path).await;
    assert!(detail.contains("wurden am") && detail.contains("(anonymisiert)"), "the page says it was erased");
    assert!(detail.contains("privacy.erase"), "the history shows the erasure");

    let (_, audit) = app.staff_get(&admin, "/admin/audit").await;
    let table = audit.split("<tbody>").nth(1).unwrap_or_default();
    for action in [
        "Daten von der Person selbst heruntergeladen",
        "Löschung beantragt",
        "Daten einer Person exportiert",
        "Daten einer Person gelöscht",
    ] {
        assert!(table.contains(action), "the audit log has {action}: {table}");
    }
    assert!(!audit.contains("Olena Kovalenko"), "the audit log no longer names the erased person");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_who_refused_photos_are_marked_on_badges_lists_and_at_the_door() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    let photo = form_rules::questions(&app.db, event.id)
        .await
        .expect("questions")
        .into_iter()
        .find(|question| question.shown_at_door)
        .expect("the demo's photo consent is shown at the door");
    let photo_field = field(photo.id);
    let mut yes = valid_fields("fotos.ja@example.org");
    yes.retain(|(name, _)| *name != "last_name");
    yes.extend([("last_name", "Fotogen"), (photo_field.as_str(), "yes")]);
    assert_eq!(app.post_registration(TAG_SLUG, &yes).await.status(), StatusCode::SEE_OTHER);
    let mut no = valid_fields("fotos.nein@example.org");
    no.retain(|(name, _)| *name != "last_name");
    no.push(("last_name", "Kamerascheu"));
    assert_eq!(app.post_registration(TAG_SLUG, &no).await.status(), StatusCode::SEE_OTHER);

    let admin = app.admin().await;
    let badges = app.staff_get_bytes(&admin, &format!("/admin/events/{}/badges.pdf", event.id)).await;
    let text = pdf_extract::extract_text_from_mem(&badges).expect("badge text");
    assert_eq!(text.matches("Bitte nicht fotografieren").count(), 1, "one badge says so: {text}");
    let (_, list) = app.staff_get(&admin, &format!("/admin/events/{}/signature-list", event.id)).await;
    assert_eq!(list.matches("Bitte nicht fotografieren").count(), 1);
    let pdf = app.staff_get_bytes(&admin, &format!("/admin/events/{}/signature-list.pdf", event.id)).await;
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("list text");
    assert_eq!(text.matches("Bitte nicht fotografieren").count(), 1, "{text}");

    let door = app.door_device(TAG_SLUG, "Eingang Süd").await;
    let found: Value = app
        .client
        .get(app.url("/api/v1/checkin/attendees?q=Kovalenko"))
        .bearer_auth(&door)
        .send()
        .await
        .expect("search")
        .json()
        .await
        .expect("JSON");
    let found = found.as_array().cloned().or_else(|| found["attendees"].as_array().cloned()).expect("a list");
    assert!(found.is_empty(), "the search is by the names given: {found:?}");
    for (name, refused) in [("Kamerascheu", true), ("Fotogen", false)] {
        let answer: Value = app
            .client
            .get(app.url(&format!("/api/v1/checkin/attendees?q={name}")))
            .bearer_auth(&door)
            .send()
            .await
            .expect("search")
            .json()
            .await
            .expect("JSON");
        let people = answer.as_array().cloned().or_else(|| answer["attendees"].as_array().cloned()).expect("list");
        assert_eq!(people.len(), 1, "{name}");
        assert_eq!(people[0]["no_photos"], refused, "{name}");
    }
    let offline: Value = app
        .client
        .get(app.url("/api/v1/checkin/offline"))
        .bearer_auth(&door)
        .send()
        .await
        .expect("offline")
        .json()
        .await
        .expect("JSON");
    let refusals: Vec<&Value> =
        offline["valid"].as_array().expect("valid").iter().filter(|ticket| ticket["no_photos"] == true).collect();
    assert_eq!(refusals.len(), 1, "the offline list marks one person");

    // Only a yes/no or consent question can be the photo consent.
    let refused = app
        .staff_post(
            &admin,
            &format!("/admin/events/{}/form/questions", event.id),
            &[("kind", "short_text"), ("label_de", "Lieblingsfarbe"), ("shown_at_door", "on")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("page").contains("Nur Ja/Nein-Fragen und Einwilligungen"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn certificates_go_only_to_people_checked_in_with_the_sessions_they_attended() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|config| config.smtp = smtp_on(smtp.port)).await;
    let event = app.event(TAG_SLUG).await;
    let sessions = app.sessions(TAG_SLUG).await;
    let forums: Vec<_> = sessions.iter().filter(|session| session.is_choosable()).collect();
    let (checked_forum, open_forum) = (forums[0], forums[1]);
    let plenary = sessions.iter().find(|session| !session.is_choosable()).expect("the demo has a plenary");
    let register = |email: &'static str, last: &'static str, forum: Uuid| {
        let app = &app;
        async move {
            let forum = forum.to_string();
            let mut fields = valid_fields(email);
            fields.retain(|(name, _)| *name != "last_name");
            fields.extend([("last_name", last), ("programme_session", forum.as_str())]);
            let response = app.post_registration(TAG_SLUG, &fields).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{email}");
            response.headers()["location"].to_str().expect("location").to_owned()
        }
    };
    let anna = register("anna.da@example.org", "Dagewesen", checked_forum.id).await;
    let bernd = register("bernd.weg@example.org", "Ferngeblieben", checked_forum.id).await;
    let carla = register("carla.da@example.org", "Eingang", checked_forum.id).await;
    let dora = register("dora.da@example.org", "Forumfrei", open_forum.id).await;
    let door = app.door_device(TAG_SLUG, "Eingang Nord").await;
    for (path, scan) in [(&anna, "cert-1"), (&carla, "cert-2"), (&dora, "cert-3")] {
        let code = app.ticket_code(path).await;
        let (_, answer) = app.redeem(&door, &code, scan, None).await;
        assert_eq!(answer["result"], "ok");
    }
    let code = app.ticket_code(&anna).await;
    let (_, answer) = app.redeem(&door, &code, "cert-4", Some(checked_forum.id)).await;
    assert_eq!(answer["result"], "ok", "Anna is checked in at her forum; Carla, in the same forum, is not");

    let (_, page) = app.get_text(&anna).await;
    assert!(!page.contains("/certificates/"), "no certificate before the event is over");
    assert_eq!(app.get(&format!("{anna}/certificates/0")).await.status(), StatusCode::NOT_FOUND);

    end_event(&app, event.id, 1).await;
    let (_, page) = app.get_text(&anna).await;
    assert!(page.contains(&format!("{anna}/certificates/0")), "the certificate link after the event");
    let (_, page) = app.get_text(&bernd).await;
    assert!(!page.contains("/certificates/"), "not checked in: no certificate");
    assert_eq!(app.get(&format!("{bernd}/certificates/0")).await.status(), StatusCode::NOT_FOUND);

    let pdf = app.get(&format!("{anna}/certificates/0")).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let text = pdf_extract::extract_text_from_mem(&pdf.bytes().await.expect("pdf")).expect("certificate text");
    assert!(text.contains("Teilnahmebescheinigung"), "{text}");
    assert!(text.contains("Olena Dagewesen"), "the name: {text}");
    assert!(text.contains(&event.title_de), "the event: {text}");
    assert!(text.contains(&checked_forum.title_de), "the forum she was checked in at: {text}");
    assert!(text.contains(&plenary.title_de), "the plenary, for everyone: {text}");
    assert!(!text.contains(&open_forum.title_de), "not a forum she did not choose: {text}");
    let checked_heading = text.find("beim Einlass erfasst").expect("a heading for the sessions checked in");
    let registered_heading = text.find("Programmpunkte laut Anmeldung").expect("a heading for the rest");
    let forum_at = text.find(&checked_forum.title_de).unwrap_or_default();
    let plenary_at = text.find(&plenary.title_de).unwrap_or_default();
    assert!(checked_heading < forum_at && forum_at < registered_heading, "the forum was checked: {text}");
    assert!(registered_heading < plenary_at, "the plenary is as registered, nobody checked: {text}");

    let english = app.get(&format!("{carla}/certificates/0?lang=en")).await;
    let text = pdf_extract::extract_text_from_mem(&english.bytes().await.expect("pdf")).expect("text");
    assert!(text.contains("Certificate of attendance") && text.contains("Olena Eingang"), "{text}");
    assert!(!text.contains(&checked_forum.title_en), "Carla was not checked in at the door-controlled forum: {text}");
    assert!(text.contains(&plenary.title_en), "{text}");
    let text = pdf_extract::extract_text_from_mem(
        &app.get(&format!("{dora}/certificates/0")).await.bytes().await.expect("pdf"),
    )
    .expect("text");
    assert!(text.contains(&open_forum.title_de), "a chosen forum without door control counts: {text}");
    assert!(!text.contains("beim Einlass erfasst"), "but not as checked in: {text}");

    let admin = app.admin().await;
    let (_, overview) = app.staff_get(&admin, &format!("/admin/events/{}", event.id)).await;
    assert!(overview.contains("3 Anmeldungen mit eingecheckten Personen"), "{overview}");
    let sent = app.staff_post(&admin, &format!("/admin/events/{}/certificates", event.id), &[]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let again = app.staff_post(&admin, &format!("/admin/events/{}/certificates", event.id), &[]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let queued = outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq(MailKind::Certificate))
        .all(&app.db)
        .await
        .expect("outbox");
    assert_eq!(queued.len(), 3, "one mail per registration with someone checked in, once");

    let messages = smtp.wait_for(7).await;
    let certificates: Vec<_> = messages
        .iter()
        .filter_map(|raw| MessageParser::default().parse(raw))
        .filter(|mail| mail.subject().unwrap_or_default().starts_with("Ihre Teilnahmebescheinigung"))
        .map(|mail| {
            let to = mail.to().and_then(|to| to.first()).and_then(|a| a.address()).unwrap_or_default().to_owned();
            let pdfs: Vec<String> = mail
                .attachments()
                .filter(|part| part.content_type().is_some_and(|kind| kind.subtype() == Some("pdf")))
                .map(|part| pdf_extract::extract_text_from_mem(part.contents()).expect("attached PDF text"))
                .collect();
            (to, pdfs)
        })
        .collect();
    let mut recipients: Vec<&str> = certificates.iter().map(|(to, _)| to.as_str()).collect();
    recipients.sort_unstable();
    assert_eq!(recipients, ["anna.da@example.org", "carla.da@example.org", "dora.da@example.org"], "nobody else");
    for (to, pdfs) in &certificates {
        assert_eq!(pdfs.len(), 1, "{to}: one certificate");
        assert!(pdfs[0].contains("Teilnahmebescheinigung"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_set_the_retention_period_and_the_notice_and_pages_say_what_applies() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let event_form = |retention: &'static str| {
        vec![
            ("slug", "fachaustausch-2027"),
            ("title_de", "Fachaustausch Kommunalpartnerschaften"),
            ("title_en", ""),
            ("title_uk", "Фаховий обмін"),
            ("description_de", "Erfahrungen aus der Praxis."),
            ("format", "in_person"),
            ("venue", "Rathaus Münster"),
            ("starts_at", "2027-03-18T10:00"),
            ("ends_at", "2027-03-18T16:30"),
            ("time_zone", "Europe/Berlin"),
            ("approval_mode", "open"),
            ("confirmation_hours", "48"),
            ("retention_days", retention),
        ]
    };
    let refused = app.staff_post(&admin, "/admin/events/new", &event_form("0")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("page");
    assert!(
        page.contains("Bitte eine ganze Zahl von 1 bis 3650.") && page.contains("Fachaustausch"),
        "kept, explained"
    );
    let created = app.staff_post(&admin, "/admin/events/new", &event_form("30")).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let event = app.event("fachaustausch-2027").await;
    assert_eq!(event.retention_days, 30);
    let (_, overview) = app.staff_get(&admin, &format!("/admin/events/{}", event.id)).await;
    assert!(overview.contains("am Freitag, 17. April 2027") || overview.contains("17. April 2027"), "{overview}");
    let published =
        app.staff_post(&admin, &format!("/admin/events/{}/status", event.id), &[("status", "published")]).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);

    let (_, notice) = app.get_text("/privacy?event=fachaustausch-2027").await;
    assert!(notice.contains("30 Tage nach der Veranstaltung"), "the notice names the period: {notice}");
    let (_, english) = app.get_text("/events/fachaustausch-2027?lang=en").await;
    assert!(english.contains("<h1 lang=\"de\">Fachaustausch Kommunalpartnerschaften</h1>"), "marked German");
    assert!(english.contains("available in German only"), "and said so");
    let (_, german) = app.get_text("/events/fachaustausch-2027?lang=de").await;
    assert!(!german.contains("lang=\"de\">Fachaustausch") && !german.contains("nur auf Deutsch"));
    let (_, form) = app.get_text("/events/fachaustausch-2027/register?lang=de").await;
    assert!(form.contains("/privacy?event=fachaustausch-2027"), "the form links the event's notice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_running_server_anonymises_an_event_past_its_retention_period_by_itself() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    let path = app.register_confirmed("von.selbst@example.org", &[]).await;
    end_event(&app, event.id, 200).await;
    // The housekeeping loop runs every 15 seconds.
    let started = std::time::Instant::now();
    while app.event(TAG_SLUG).await.anonymised_at.is_none() {
        assert!(started.elapsed() < std::time::Duration::from_secs(40), "the job anonymised the event in time");
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(!all_stored_text(&app.db).await.contains("von.selbst@example.org"));
    assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND);
}
