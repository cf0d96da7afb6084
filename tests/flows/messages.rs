//! Messages to attendees in their language: German always, English and Ukrainian where
//! written, German for whoever has no version of their own; to a filtered group (an
//! answer to the event's own question included) or to the people ticked in the list;
//! replies to an address the organisers chose. The mails are read back from the server's
//! mail folder with an independent parser (mail-parser).

use std::time::{Duration, Instant};

use domain::demo::{INFO_SLUG, TAG_SLUG};
use domain::entity::outbox_message;
use domain::outbox::MailKind;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::support::backoffice::Staff;
use crate::support::{TestApp, valid_fields};

/// Registers one person for the Tag der Städtepartnerschaften from the form in `lang`
/// (`?lang=` sets the registration's language).
async fn register_in(app: &TestApp, email: &str, lang: &str, extra: &[(&str, &str)]) {
    let mut fields = valid_fields(email);
    fields.extend_from_slice(extra);
    let response = app
        .client
        .post(app.url(&format!("/events/{TAG_SLUG}/register?lang={lang}")))
        .form(&fields)
        .send()
        .await
        .expect("POST registration");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "registration of {email} succeeds");
}

fn messages_path(event_id: Uuid) -> String {
    format!("/admin/events/{event_id}/messages")
}

/// The registrations an organiser message is queued for.
async fn queued_for(app: &TestApp) -> Vec<Uuid> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq(MailKind::OrganiserMessage))
        .all(&app.db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|message| message.registration_id)
        .collect()
}

async fn registration_of(app: &TestApp, event_id: Uuid, email: &str) -> Uuid {
    domain::attendee_list::load(&app.db, event_id)
        .await
        .expect("rows")
        .into_iter()
        .find(|row| row.contact_email == email)
        .map(|row| row.registration_id)
        .unwrap_or_else(|| panic!("{email} is registered"))
}

async fn attendee_of(app: &TestApp, event_id: Uuid, email: &str) -> String {
    domain::attendee_list::load(&app.db, event_id)
        .await
        .expect("rows")
        .into_iter()
        .find(|row| row.contact_email == email)
        .map(|row| row.attendee.id.to_string())
        .unwrap_or_else(|| panic!("{email} is registered"))
}

/// An organiser message as its recipient's mail program reads it.
#[derive(Debug)]
struct Received {
    to: String,
    subject: String,
    body: String,
    reply_to: Option<String>,
}

/// The mails in the server's mail folder whose subject is one of `subjects`, once there
/// are `expected` of them (waits up to ten seconds).
async fn received(app: &TestApp, subjects: &[&str], expected: usize) -> Vec<Received> {
    let folder = app.data_dir().join("mail");
    let started = Instant::now();
    loop {
        let mut mails = Vec::new();
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let bytes = std::fs::read(entry.path()).expect("read a mail");
            let Some(mail) = mail_parser::MessageParser::default().parse(&bytes) else { continue };
            let subject = mail.subject().unwrap_or_default().to_owned();
            if !subjects.contains(&subject.as_str()) {
                continue;
            }
            let address = |list: Option<&mail_parser::Address>| {
                list.and_then(|list| list.first()).and_then(|addr| addr.address()).map(str::to_owned)
            };
            mails.push(Received {
                to: address(mail.to()).unwrap_or_default(),
                subject,
                body: mail.body_text(0).unwrap_or_default().replace("\r\n", "\n"),
                reply_to: address(mail.reply_to()),
            });
        }
        if mails.len() >= expected {
            return mails;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{} of {expected} messages arrived", mails.len());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn only_to<'a>(mails: &'a [Received], address: &str) -> &'a Received {
    let to: Vec<&Received> = mails.iter().filter(|mail| mail.to == address).collect();
    assert_eq!(to.len(), 1, "one message to {address}: {mails:?}");
    to[0]
}

async fn send(app: &TestApp, admin: &Staff, event_id: Uuid, fields: &[(&str, &str)]) -> reqwest::Response {
    app.staff_post(admin, &messages_path(event_id), fields).await
}

#[tokio::test]
async fn each_registration_gets_the_version_of_its_language_and_replies_go_where_the_organisers_said() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    register_in(&app, "de@example.org", "de", &[]).await;
    register_in(&app, "en@example.org", "en", &[]).await;
    register_in(&app, "uk@example.org", "uk", &[]).await;
    let admin = app.admin().await;
    let fields = |action: &'static str| {
        vec![
            ("status", "confirmed"),
            ("subject", "Hinweis zum Einlass"),
            ("body", "Hallo {name},\nder Einlass zu „{event}“ beginnt um 9 Uhr."),
            ("subject_en", ""),
            ("body_en", ""),
            ("subject_uk", "Примітка щодо входу"),
            ("body_uk", "Вітаємо, {name}!\nВхід на «{event}» починається о 9:00."),
            ("reply_to", "Team@Stadt-Wuerzburg.example.de"),
            ("action", action),
        ]
    };

    let preview = send(&app, &admin, event.id, &fields("preview")).await;
    assert_eq!(preview.status(), StatusCode::OK);
    let page = preview.text().await.expect("body");
    assert!(page.contains("Vorschau; geht an 3 Empfängeradressen"), "three registrations");
    assert!(page.contains("Hallo Olena Kovalenko,") && page.contains("Вітаємо, Olena Kovalenko!"), "each version");
    assert!(page.contains("<pre class=\"message-body\" lang=\"uk\">"), "the Ukrainian version is marked as such");
    let row = |(reader, reader_code): (&str, &str), (gets, gets_code): (&str, &str)| {
        format!(
            "<tr><th scope=\"row\" lang=\"{reader_code}\">{reader}</th><td>1</td><td lang=\"{gets_code}\">{gets}</td></tr>"
        )
    };
    assert!(page.contains(&row(("English", "en"), ("Deutsch", "de"))), "English readers get German: {page}");
    assert!(page.contains(&row(("Українська", "uk"), ("Українська", "uk"))), "Ukrainian readers get Ukrainian");
    assert!(page.contains("Antworten gehen an Team@stadt-wuerzburg.example.de."), "where replies go");
    assert!(queued_for(&app).await.is_empty(), "a preview sends nothing");

    let sent = send(&app, &admin, event.id, &fields("send")).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let mails = received(&app, &["Hinweis zum Einlass", "Примітка щодо входу"], 3).await;
    assert_eq!(mails.len(), 3, "one mail per registration");
    let german = only_to(&mails, "de@example.org");
    assert_eq!(german.subject, "Hinweis zum Einlass");
    assert!(
        german.body.contains("Hallo Olena Kovalenko,\nder Einlass zu „Tag der Städtepartnerschaften"),
        "{}",
        german.body
    );
    assert!(german.body.contains("Ihre Anmeldung zu"), "{}", german.body);
    let english = only_to(&mails, "en@example.org");
    assert_eq!(english.subject, "Hinweis zum Einlass", "no English version: German");
    assert!(english.body.contains("der Einlass zu „Tag der Städtepartnerschaften"), "{}", english.body);
    assert!(english.body.contains("Your registration for \"Day of Town Twinning"), "the footer in their language");
    let ukrainian = only_to(&mails, "uk@example.org");
    assert_eq!(ukrainian.subject, "Примітка щодо входу");
    assert!(ukrainian.body.contains("Вітаємо, Olena Kovalenko!"), "{}", ukrainian.body);
    assert!(ukrainian.body.contains("Ваша реєстрація"), "{}", ukrainian.body);
    assert!(ukrainian.body.contains("/r/") && ukrainian.body.contains("lang=uk"), "the registration link");
    for mail in &mails {
        assert_eq!(mail.reply_to.as_deref(), Some("Team@stadt-wuerzburg.example.de"), "to {}", mail.to);
    }

    let (_, page) = app.staff_get(&admin, &messages_path(event.id)).await;
    assert!(page.contains("Hinweis zum Einlass (3) · Deutsch, Українська"), "the history names the versions");
    let (_, audit) = app.staff_get(&admin, "/admin/audit").await;
    assert!(audit.contains("3 recipients; versions: de, uk; filter: status=confirmed"), "audited");
}

#[tokio::test]
async fn a_reply_to_that_is_not_an_address_or_half_a_version_is_refused_and_nothing_is_queued() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    register_in(&app, "de@example.org", "de", &[]).await;
    let admin = app.admin().await;
    let (status, page) = app.staff_get(&admin, &messages_path(event.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("value=\"{}\"", admin.email)), "replies go to the organiser unless changed");
    assert!(page.contains("lang=\"en\"") && page.contains("lang=\"uk\""), "the versions' fields are marked");

    let refused = send(
        &app,
        &admin,
        event.id,
        &[
            ("status", "confirmed"),
            ("subject", "Hinweis"),
            ("body", "Text"),
            ("subject_en", "Note"),
            ("reply_to", "team at stadt"),
            ("action", "send"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("body");
    assert!(page.contains("Bitte geben Sie eine gültige E-Mail-Adresse ein"), "the Reply-To's message");
    assert!(page.contains("id=\"field-body_en-error\""), "an English subject needs its text");
    assert!(page.contains("Text auf Englisch: Bitte füllen Sie dieses Feld aus."), "the summary names the field");
    assert!(page.contains("value=\"team at stadt\"") && page.contains("value=\"Note\""), "typed values are kept");
    assert!(queued_for(&app).await.is_empty(), "nothing queued");
    assert!(domain::messages::for_event(&app.db, event.id).await.expect("messages").is_empty(), "nothing stored");
}

#[tokio::test]
async fn ticked_people_get_the_message_and_someone_of_another_event_cannot_be_slipped_in() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    for email in ["ana@example.org", "bo@example.org", "carla@example.org"] {
        register_in(&app, email, "de", &[]).await;
    }
    let other = app.post_registration(INFO_SLUG, &valid_fields("other@example.org")).await;
    assert_eq!(other.status(), StatusCode::SEE_OTHER);
    let other_event = app.event(INFO_SLUG).await;
    let stranger = attendee_of(&app, other_event.id, "other@example.org").await;
    let ana = attendee_of(&app, event.id, "ana@example.org").await;
    let bo = attendee_of(&app, event.id, "bo@example.org").await;
    let admin = app.admin().await;

    // Ticked in the list, "write a message" opens the composer for those two.
    let bulk = format!("/admin/events/{}/attendees/bulk", event.id);
    let (_, list) = app.staff_get(&admin, &format!("/admin/events/{}/attendees", event.id)).await;
    assert!(list.contains("<option value=\"message\">"), "the list offers it");
    let composer = app.staff_post(&admin, &bulk, &[("action", "message"), ("selected", &ana), ("selected", &bo)]).await;
    assert_eq!(composer.status(), StatusCode::OK);
    let page = composer.text().await.expect("body");
    assert!(page.contains("An die 2 ausgewählten Personen"), "{page}");
    for id in [&ana, &bo] {
        assert!(page.contains(&format!("name=\"selected\" value=\"{id}\"")), "carried as a hidden field");
    }

    let only_the_stranger = send(
        &app,
        &admin,
        event.id,
        &[("selected", &stranger), ("subject", "Hinweis"), ("body", "Text"), ("action", "send")],
    )
    .await;
    assert_eq!(only_the_stranger.status(), StatusCode::UNPROCESSABLE_ENTITY, "nobody of this event is chosen");
    assert!(only_the_stranger.text().await.expect("body").contains("Diese Auswahl trifft auf niemanden zu."));
    assert!(queued_for(&app).await.is_empty(), "no fallback to the filters");

    let fields = |action: &'static str| {
        vec![
            ("status", "confirmed"),
            ("selected", ana.as_str()),
            ("selected", bo.as_str()),
            ("selected", stranger.as_str()),
            ("subject", "Nur für euch zwei"),
            ("body", "Hallo {name}"),
            ("action", action),
        ]
    };
    let preview = send(&app, &admin, event.id, &fields("preview")).await;
    assert_eq!(preview.status(), StatusCode::OK);
    assert!(preview.text().await.expect("body").contains("Vorschau; geht an 2 Empfängeradressen"));
    let sent = send(&app, &admin, event.id, &fields("send")).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let mut queued = queued_for(&app).await;
    queued.sort();
    let mut expected = vec![
        registration_of(&app, event.id, "ana@example.org").await,
        registration_of(&app, event.id, "bo@example.org").await,
    ];
    expected.sort();
    assert_eq!(queued, expected, "exactly the two ticked people, not Carla, not the stranger");
    let mails = received(&app, &["Nur für euch zwei"], 2).await;
    let mut to: Vec<&str> = mails.iter().map(|mail| mail.to.as_str()).collect();
    to.sort_unstable();
    assert_eq!(to, ["ana@example.org", "bo@example.org"]);
    let (_, page) = app.staff_get(&admin, &messages_path(event.id)).await;
    assert!(page.contains("an 2 ausgewählte Personen"), "the history says how it was addressed");
    let (_, audit) = app.staff_get(&admin, "/admin/audit").await;
    assert!(audit.contains("2 recipients; versions: de; 2 people ticked"), "audited");
}

#[tokio::test]
async fn a_message_goes_to_the_group_filtered_by_an_answer_to_the_events_own_question() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    let country = domain::registration_form::questions(&app.db, event.id)
        .await
        .expect("questions")
        .into_iter()
        .find(|question| question.label_de == "Land Ihrer Partnerkommune")
        .expect("the demo asks for the partner's country");
    let field = format!("q-{}", country.id.simple());
    register_in(&app, "polen@example.org", "de", &[(&field, "Polen")]).await;
    register_in(&app, "ukraine@example.org", "de", &[(&field, "Ukraine")]).await;
    let admin = app.admin().await;
    let (_, page) = app.staff_get(&admin, &messages_path(event.id)).await;
    let answer = format!("{}:Polen", country.id);
    assert!(page.contains(&format!("value=\"{answer}\"")), "the composer offers the answers as a filter");
    let fields = |action: &'static str| {
        vec![
            ("status", "confirmed"),
            ("answer", answer.as_str()),
            ("subject", "Partnerschaften mit Polen"),
            ("body", "Hallo {name}"),
            ("action", action),
        ]
    };
    let preview = send(&app, &admin, event.id, &fields("preview")).await;
    assert!(preview.text().await.expect("body").contains("Vorschau für eine Empfängeradresse"));
    let sent = send(&app, &admin, event.id, &fields("send")).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(queued_for(&app).await, [registration_of(&app, event.id, "polen@example.org").await]);
    let mails = received(&app, &["Partnerschaften mit Polen"], 1).await;
    assert_eq!(only_to(&mails, "polen@example.org").reply_to.as_deref(), None, "no Reply-To asked for");
}

/// A delegation member with an address of their own is a reader of their own: ticked,
/// they get the message at that address in their language; a member without one is
/// reached through the contact person, once.
#[tokio::test]
async fn a_ticked_delegation_member_with_an_own_address_gets_the_message_in_their_language() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    register_in(
        &app,
        "lead@stadt.example.de",
        "de",
        &[
            ("guest_first_name", "Oksana"),
            ("guest_last_name", "Melnyk"),
            ("guest_email", "oksana@hromada.example.ua"),
            ("guest_organisation", ""),
            ("guest_language", "uk"),
            ("guest_first_name", "Jonas"),
            ("guest_last_name", "Weber"),
            ("guest_email", ""),
            ("guest_organisation", ""),
            ("guest_language", "de"),
        ],
    )
    .await;
    let rows = domain::attendee_list::load(&app.db, event.id).await.expect("rows");
    let id_of = |last: &str| {
        rows.iter().find(|row| row.attendee.last_name == last).map(|row| row.attendee.id.to_string()).expect(last)
    };
    let (oksana, jonas) = (id_of("Melnyk"), id_of("Weber"));
    let admin = app.admin().await;
    let sent = send(
        &app,
        &admin,
        event.id,
        &[
            ("selected", oksana.as_str()),
            ("selected", jonas.as_str()),
            ("subject", "Hinweis zum Einlass"),
            ("body", "Hallo {name}"),
            ("subject_uk", "Примітка щодо входу"),
            ("body_uk", "Вітаємо, {name}"),
            ("action", "send"),
        ],
    )
    .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    // Each has the confirmation already, then the message.
    let hers = app.mails_to("oksana@hromada.example.ua", 2).await;
    let hers: Vec<_> = hers.iter().filter(|mail| mail.subject.starts_with("Примітка")).collect();
    assert_eq!(hers.len(), 1, "Oksana gets it herself, in Ukrainian");
    assert!(hers[0].text.contains("Вітаємо, Oksana Melnyk"), "{}", hers[0].text);
    let contact = app.mails_to("lead@stadt.example.de", 2).await;
    let contact: Vec<_> = contact.iter().filter(|mail| mail.subject.starts_with("Hinweis zum Einlass")).collect();
    assert_eq!(contact.len(), 1, "Jonas, without an address, is reached through the contact, once");
}
