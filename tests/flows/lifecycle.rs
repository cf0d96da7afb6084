//! The registration's life: one registration per form and per address, the waiting
//! list, cancelling, moving up, and "send me my link".

use domain::demo::TAG_SLUG;
use domain::entity::{event, outbox_message};
use domain::outbox::MailKind;
use futures::future::join_all;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};

use crate::support::{TestApp, ticket_codes_on, valid_fields};

/// The hidden submission key of a freshly rendered form.
async fn submission_key(app: &TestApp) -> String {
    let (_, form) = app.get_text(&format!("/events/{TAG_SLUG}/register")).await;
    form.split("name=\"submission\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a submission key")
        .to_owned()
}

async fn mails(app: &TestApp) -> Vec<(MailKind, uuid::Uuid)> {
    outbox_message::Entity::find()
        .order_by_asc(outbox_message::Column::CreatedAt)
        .all(&app.db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|message| (message.kind, message.registration_id))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_double_click_or_a_resent_form_registers_once() {
    let app = TestApp::spawn().await;
    let key = submission_key(&app).await;
    let mut fields = valid_fields("double@example.org");
    fields.push(("submission", key.as_str()));
    let responses = join_all((0..5).map(|_| app.post_registration(TAG_SLUG, &fields))).await;
    let locations: Vec<String> = responses
        .iter()
        .map(|response| {
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{:?}", response.headers());
            response.headers()["location"].to_str().unwrap_or_default().to_owned()
        })
        .collect();
    let first = app.registration_id_at(&locations[0]).await;
    for location in &locations {
        assert_eq!(app.registration_id_at(location).await, first, "every click lands on the one registration");
    }
    let tag = app.event(TAG_SLUG).await;
    assert_eq!(domain::registration::count_attendees(&app.db, tag.id).await.expect("count"), 1);
    assert_eq!(tag.taken, 1);
}

#[tokio::test]
async fn a_second_registration_with_the_same_address_mails_the_link_and_the_link_can_be_sent_again() {
    let app = TestApp::spawn().await;
    app.register_confirmed("Mira@Example.org", &[]).await;
    let before = mails(&app).await.len();
    // The form does not say that the address is registered (attack.rs has the details).
    let again = app.register("mira@example.org", &[]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_text(again.headers()["location"].to_str().expect("location")).await;
    assert!(page.contains("Bitte sehen Sie in Ihr E-Mail-Postfach"), "{page}");
    assert!(page.contains("href=\"/r/find\""));
    let links: Vec<_> = mails(&app).await.into_iter().skip(before).collect();
    assert_eq!(links.len(), 1, "the link goes to the registered address");
    assert_eq!(links[0].0, MailKind::ManageLink);

    let before = mails(&app).await.len();
    for address in ["mira@example.org", "nobody@example.org"] {
        let response = app.client.post(app.url("/r/find")).form(&[("email", address)]).send().await.expect("POST");
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.unwrap_or_default();
        assert!(text.contains("Wenn es für diese Adresse Anmeldungen gibt"), "the same answer for {address}");
    }
    let links: Vec<_> = mails(&app).await.into_iter().skip(before).collect();
    assert_eq!(links.len(), 1, "one link mail, for the registered address only");
    assert_eq!(links[0].0, MailKind::ManageLink);

    let bad = app.client.post(app.url("/r/find")).form(&[("email", "not an address")]).send().await.expect("POST");
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap_or_default().contains("gültige E-Mail-Adresse"));
}

#[tokio::test]
async fn a_full_event_puts_people_on_the_waiting_list_and_a_cancellation_moves_the_first_up() {
    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(1))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("one place");
    let first = app.register_confirmed("first@example.org", &[]).await;
    let second = app.register_confirmed("second@example.org", &[]).await;
    let third = app.register_confirmed("third@example.org", &[]).await;
    let (_, page) = app.get_text(&second).await;
    assert!(page.contains("Sie stehen auf der Warteliste."));
    assert!(!page.contains("class=\"ticket-code\""), "no ticket while waiting");
    let (_, event_page) = app.get_text(&format!("/events/{TAG_SLUG}")).await;
    assert!(event_page.contains("Diese Veranstaltung ist ausgebucht."));
    assert!(event_page.contains("Auf die Warteliste"), "a full event offers its waiting list");

    let first_ticket = app.ticket_code(&first).await;
    let (status, confirm) = app.get_text(&format!("{first}/cancel")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("wirklich stornieren"));
    for _ in 0..2 {
        let response = app.client.post(app.url(&format!("{first}/cancel"))).send().await.expect("POST");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "cancelling twice is harmless");
    }
    let (_, cancelled) = app.get_text(&first).await;
    assert!(cancelled.contains("Diese Anmeldung wurde storniert."));
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let (_, answer) = app.redeem(&device, &first_ticket, "after-cancel", None).await;
    assert_eq!(answer["result"], "cancelled");

    let (_, promoted) = app.get_text(&second).await;
    assert!(promoted.contains("Sie sind angemeldet."), "the first in line moved up");
    let second_ticket = app.ticket_code(&second).await;
    let (_, answer) = app.redeem(&device, &second_ticket, "promoted", None).await;
    assert_eq!(answer["result"], "ok");
    let (_, still_waiting) = app.get_text(&third).await;
    assert!(still_waiting.contains("Sie stehen auf der Warteliste."), "nobody overtakes, nobody moves twice");
    assert_eq!(app.event(TAG_SLUG).await.taken, 1, "the freed place was taken once");

    let kinds: Vec<MailKind> = mails(&app).await.into_iter().map(|(kind, _)| kind).collect();
    assert_eq!(
        kinds,
        [MailKind::Confirmation, MailKind::Waitlisted, MailKind::Waitlisted, MailKind::Cancelled, MailKind::Promoted]
    );
    // Registering again after cancelling is allowed.
    app.register_confirmed("first@example.org", &[]).await;
}

#[tokio::test]
async fn every_kind_of_mail_is_composed_and_written_with_the_right_attachments() {
    use mail_parser::{MessageParser, MimeHeaders};

    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(1))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("one place");
    // Each mail is composed when it is sent, from the registration as it is then; wait
    // for each before the next step, as time passes between them in real life.
    let all_sent = || async {
        let started = std::time::Instant::now();
        while domain::outbox::unsent_count(&app.db).await.expect("count") > 0 {
            assert!(started.elapsed() < std::time::Duration::from_secs(15), "mails still unsent");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    };
    let first = app.register_confirmed("one@example.org", &[]).await;
    all_sent().await;
    app.register_confirmed("two@example.org", &[]).await;
    all_sent().await;
    app.client.post(app.url(&format!("{first}/cancel"))).send().await.expect("cancel");
    all_sent().await;
    app.client.post(app.url("/r/find")).form(&[("email", "two@example.org")]).send().await.expect("find");
    all_sent().await;
    let failed = outbox_message::Entity::find()
        .filter(outbox_message::Column::LastError.is_not_null())
        .all(&app.db)
        .await
        .expect("query");
    assert!(failed.is_empty(), "{failed:?}");

    let mut seen = Vec::new();
    for entry in std::fs::read_dir(app.data_dir().join("mail")).expect("mail folder").flatten() {
        let bytes = std::fs::read(entry.path()).expect("read");
        let mail = MessageParser::default().parse(&bytes).expect("parse");
        let subject = mail.subject().unwrap_or_default().to_owned();
        let attachments: Vec<String> = mail
            .attachments()
            .map(|part| {
                part.content_type()
                    .map(|kind| kind.ctype().to_owned() + "/" + kind.subtype().unwrap_or_default())
                    .unwrap_or_default()
            })
            .collect();
        seen.push((subject, attachments));
    }
    seen.sort();
    let expect = |prefix: &str, with_ticket: bool| {
        let found = seen
            .iter()
            .find(|(subject, _)| subject.starts_with(prefix))
            .unwrap_or_else(|| panic!("no mail {prefix}: {seen:?}"));
        assert_eq!(found.1.iter().any(|kind| kind == "image/png"), with_ticket, "{prefix}: {:?}", found.1);
        assert_eq!(found.1.iter().any(|kind| kind == "text/calendar"), with_ticket, "{prefix}: {:?}", found.1);
    };
    expect("Anmeldebestätigung", true);
    expect("Warteliste", false);
    expect("Stornierung", false);
    expect("Ihr Platz ist frei", true);
    expect("Ihr Link zur Anmeldung", true);
    assert_eq!(seen.len(), 5);
}

#[tokio::test]
async fn a_delegation_registers_together_and_everyone_gets_a_ticket() {
    let app = TestApp::spawn().await;
    let forum = app.smallest_forum().await;
    let forum_choice = format!("0:{}", forum.id);
    let mut fields = valid_fields("buergermeisterin@stadt.example.de");
    fields.extend([
        ("guest_first_name", "Oksana"),
        ("guest_last_name", "Melnyk"),
        ("guest_email", "oksana@hromada.example.ua"),
        ("guest_organisation", "Hromada Partnerstadt"),
        ("guest_first_name", "Jonas"),
        ("guest_last_name", "Weber"),
        ("guest_email", ""),
        ("guest_organisation", ""),
        // A blank row is a left-over, not a person.
        ("guest_first_name", ""),
        ("guest_last_name", ""),
        ("guest_email", ""),
        ("guest_organisation", ""),
        ("guest_session", forum_choice.as_str()),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = response.headers()["location"].to_str().expect("location").to_owned();

    let (_, page) = app.get_text(&path).await;
    for name in ["Olena Kovalenko", "Oksana Melnyk", "Jonas Weber"] {
        assert!(page.contains(name), "{name} is on the registration page");
    }
    let codes = ticket_codes_on(&page);
    assert_eq!(codes.len(), 3, "a ticket for each person");
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    for (n, code) in codes.iter().enumerate() {
        let (_, answer) = app.redeem(&device, code, &format!("delegation-{n}"), None).await;
        assert_eq!(answer["result"], "ok");
    }
    let png = app.get(&format!("{path}/ticket.png?attendee=2")).await;
    assert_eq!(png.status(), StatusCode::OK, "each member's ticket image");
    assert_eq!(app.event(TAG_SLUG).await.taken, 3);
    let forum_now = app.sessions(TAG_SLUG).await.into_iter().find(|session| session.id == forum.id).expect("forum");
    assert_eq!(forum_now.taken, 1, "only Oksana chose the forum");
}

#[tokio::test]
async fn adding_a_delegation_row_keeps_what_was_typed_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let mut fields = valid_fields("kontakt@kreis.example.de");
    fields.extend([("guest_first_name", "Petro"), ("guest_last_name", "Bondar"), ("add_guest", "1")]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap_or_default();
    assert!(page.contains("value=\"Petro\""));
    assert!(page.contains("value=\"kontakt@kreis.example.de\""));
    assert!(page.contains("id=\"field-guest_first_name-1\""), "one more row");
    assert!(page.contains("Person 3"));
    let tag = app.event(TAG_SLUG).await;
    assert_eq!(domain::registration::count_attendees(&app.db, tag.id).await.expect("count"), 0);

    let mut wrong = valid_fields("kontakt@kreis.example.de");
    wrong.extend([("guest_first_name", "Petro"), ("guest_last_name", ""), ("guest_email", "petro@")]);
    let response = app.post_registration(TAG_SLUG, &wrong).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap_or_default();
    assert!(page.contains("id=\"field-guest_last_name-0-error\">Bitte füllen Sie dieses Feld aus."));
    assert!(page.contains("id=\"field-guest_email-0-error\">Bitte geben Sie eine gültige E-Mail-Adresse ein"));
    assert!(page.contains("href=\"#field-guest_email-0\""), "the summary links to the row's field");
    assert_eq!(domain::registration::count_attendees(&app.db, tag.id).await.expect("count"), 0);
}

#[tokio::test]
async fn one_member_of_a_delegation_can_cancel_and_the_email_can_be_sent_again() {
    let app = TestApp::spawn().await;
    let mut fields = valid_fields("delegation@stadt.example.de");
    fields.extend([("guest_first_name", "Taras"), ("guest_last_name", "Shevchuk")]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    let path = response.headers()["location"].to_str().expect("location").to_owned();
    let (_, page) = app.get_text(&path).await;
    let codes = ticket_codes_on(&page);
    assert_eq!(codes.len(), 2);
    assert!(page.contains(&format!("{path}/attendees/1/cancel")));
    let (status, confirm) = app.get_text(&format!("{path}/attendees/1/cancel")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("Taras Shevchuk") && !confirm.contains("Olena Kovalenko"));
    let response = app.client.post(app.url(&format!("{path}/attendees/1/cancel"))).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let (_, page) = app.get_text(&path).await;
    assert!(page.contains("Sie sind angemeldet."), "the others still come");
    assert!(!page.contains("Taras Shevchuk"));
    assert_eq!(app.event(TAG_SLUG).await.taken, 1, "the member's place is free again");
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let (_, answer) = app.redeem(&device, &codes[1], "cancelled-member", None).await;
    assert_eq!(answer["result"], "cancelled");
    let (_, answer) = app.redeem(&device, &codes[0], "contact", None).await;
    assert_eq!(answer["result"], "ok");

    let before = mails(&app).await.len();
    let resend = app.client.post(app.url(&format!("{path}/resend"))).send().await.expect("POST");
    assert_eq!(resend.status(), StatusCode::SEE_OTHER);
    let target = resend.headers()["location"].to_str().expect("location").to_owned();
    let (_, page) = app.get_text(&target).await;
    assert!(page.contains("Die E-Mail ist unterwegs."));
    let after = mails(&app).await;
    assert_eq!(after.len(), before + 1);
    assert_eq!(after.last().map(|(kind, _)| *kind), Some(MailKind::ManageLink));
}

/// The plain-text body of the first written mail whose subject starts so (ten seconds at most).
async fn mail_text(app: &TestApp, subject_prefix: &str) -> String {
    use mail_parser::MessageParser;
    let started = std::time::Instant::now();
    loop {
        for entry in std::fs::read_dir(app.data_dir().join("mail")).into_iter().flatten().flatten() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            if let Some(mail) = MessageParser::default().parse(&bytes)
                && mail.subject().unwrap_or_default().starts_with(subject_prefix)
            {
                return mail.body_text(0).unwrap_or_default().to_string();
            }
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "no mail \"{subject_prefix}…\"");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn with_double_opt_in_the_place_is_held_until_the_link_in_the_mail_is_followed() {
    use domain::demo::REALLABOR_SLUG;
    let app = TestApp::spawn().await;
    let response = app.post_registration(REALLABOR_SLUG, &valid_fields("opt-in@example.org")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = response.headers()["location"].to_str().expect("location").to_owned();
    let (_, page) = app.get_text(&path).await;
    assert!(page.contains("Bitte bestätigen Sie Ihre E-Mail-Adresse."));
    assert!(!page.contains("class=\"ticket-code\""), "no ticket before the address is confirmed");
    assert_eq!(app.event(REALLABOR_SLUG).await.taken, 1, "the place is held");

    let text = mail_text(&app, "Bitte bestätigen Sie Ihre Anmeldung").await;
    let link = text.lines().find(|line| line.contains("/r/confirm/")).expect("the confirmation link").trim().to_owned();
    let link_path = link.strip_prefix(&app.base).expect("an absolute link to this server").to_owned();
    for _ in 0..2 {
        let confirmed = app.get(&link_path).await;
        assert_eq!(confirmed.status(), StatusCode::SEE_OTHER, "the link works, also when clicked again");
        let opened = confirmed.headers()["location"].to_str().expect("location").to_owned();
        assert_eq!(app.registration_id_at(&opened).await, app.registration_id_at(&path).await);
    }
    let (_, page) = app.get_text(&path).await;
    assert!(page.contains("Sie sind angemeldet.") && page.contains("class=\"ticket-code\""));
    assert!(
        mail_text(&app, "Anmeldebestätigung").await.contains("Ticket-Code"),
        "then the confirmation with the ticket"
    );
    assert_eq!(app.event(REALLABOR_SLUG).await.taken, 1);

    let (status, unknown) = app.get_text("/r/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(unknown.contains("Dieser Bestätigungslink ist unbekannt"));
}

#[tokio::test]
async fn an_unconfirmed_registration_gives_its_place_to_the_waiting_list_when_time_runs_out() {
    use domain::demo::REALLABOR_SLUG;
    use domain::entity::registration;
    let app = TestApp::spawn().await;
    let reallabor = app.event(REALLABOR_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(1))
        .filter(event::Column::Id.eq(reallabor.id))
        .exec(&app.db)
        .await
        .expect("one place");
    let late = app.post_registration(REALLABOR_SLUG, &valid_fields("late@example.org")).await;
    let late_path = late.headers()["location"].to_str().expect("location").to_owned();
    let waiting = app.post_registration(REALLABOR_SLUG, &valid_fields("waiting@example.org")).await;
    let waiting_path = waiting.headers()["location"].to_str().expect("location").to_owned();
    assert!(app.get_text(&waiting_path).await.1.contains("Sie stehen auf der Warteliste."));

    // The link to confirm arrives by mail (tokens are stored only as hashes).
    let late_confirm = app.mailed_paths("late@example.org", "/r/confirm/", 1).await.remove(0);
    let pending = registration::Entity::find()
        .filter(registration::Column::EmailKey.eq("late@example.org"))
        .one(&app.db)
        .await
        .expect("query")
        .expect("the pending registration");
    registration::Entity::update_many()
        .col_expr(registration::Column::ConfirmBy, Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)))
        .filter(registration::Column::Id.eq(pending.id))
        .exec(&app.db)
        .await
        .expect("let the time run out");
    let released =
        domain::registration::release_unconfirmed(app.state.pools(), chrono::Utc::now()).await.expect("sweep");
    assert_eq!(released, 1);
    assert_eq!(
        domain::registration::release_unconfirmed(app.state.pools(), chrono::Utc::now()).await.expect("sweep"),
        0
    );

    assert!(app.get_text(&late_path).await.1.contains("Diese Anmeldung wurde storniert."));
    let (status, expired) = app.get_text(&late_confirm).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(expired.contains("Dieser Bestätigungslink ist abgelaufen"));
    // The next in line moves up and, at a double opt-in event, confirms the address too.
    let moved = registration::Entity::find()
        .filter(registration::Column::EmailKey.eq("waiting@example.org"))
        .one(&app.db)
        .await
        .expect("query")
        .expect("the waiting registration");
    assert_eq!(moved.status, domain::registration::RegistrationStatus::PendingConfirmation);
    assert!(moved.confirm_by.is_some_and(|by| by > chrono::Utc::now()), "the place is held for a while");
    assert_eq!(app.event(REALLABOR_SLUG).await.taken, 1);
    let kinds: Vec<MailKind> = mails(&app).await.into_iter().map(|(kind, _)| kind).collect();
    assert_eq!(
        kinds.last(),
        Some(&MailKind::PromotedConfirmEmail),
        "the link to confirm goes out, saying a place came free"
    );
    let link = app.mailed_paths("waiting@example.org", "/r/confirm/", 1).await.remove(0);
    let (status, _) = app.get_text(&link).await;
    assert!(status.is_success() || status.is_redirection(), "the link works: {status}");
    assert!(app.get_text(&waiting_path).await.1.contains("Sie sind angemeldet."), "now it counts");
}

#[tokio::test]
async fn confirmed_attendees_get_one_reminder_with_their_ticket_before_the_event() {
    let app = TestApp::spawn().await;
    app.register_confirmed("reminded@example.org", &[]).await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(1))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("full");
    app.register_confirmed("waiting-no-reminder@example.org", &[]).await;

    let far = chrono::Duration::hours(1);
    assert_eq!(
        domain::registration::queue_reminders(app.state.pools(), chrono::Utc::now(), far).await.expect("queue"),
        0
    );
    // The demo's day is four weeks ahead: a window of sixty days reaches it.
    let window = chrono::Duration::days(60);
    assert_eq!(
        domain::registration::queue_reminders(app.state.pools(), chrono::Utc::now(), window).await.expect("queue"),
        1
    );
    assert_eq!(
        domain::registration::queue_reminders(app.state.pools(), chrono::Utc::now(), window).await.expect("queue"),
        0
    );
    let text = mail_text(&app, "Erinnerung: Tag der Städtepartnerschaften").await;
    assert!(text.contains("Ticket-Code"), "the reminder carries the ticket");
    assert!(text.contains("Guten Tag Olena Kovalenko"));
}

#[tokio::test]
async fn an_attendee_changes_details_and_forum_within_the_places_left() {
    use domain::entity::programme_session;
    let app = TestApp::spawn().await;
    let forums: Vec<_> =
        app.sessions(TAG_SLUG).await.into_iter().filter(|session| session.capacity.is_some()).collect();
    let (first, second, full) = (&forums[0], &forums[1], &forums[2]);
    let path = app.register_confirmed("changer@example.org", &[first.id]).await;
    let (status, form) = app.get_text(&format!("{path}/attendees/0/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"Olena\""), "the form starts with the stored details");

    let second_id = second.id.to_string();
    let response = app
        .client
        .post(app.url(&format!("{path}/attendees/0/edit")))
        .form(&[
            ("first_name", "Olena"),
            ("last_name", "Kovalenko-Schmidt"),
            ("organisation", "Stadt Würzburg"),
            ("partner_municipality", "Lwiw"),
            ("programme_session", second_id.as_str()),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_text(&path).await;
    assert!(page.contains("Olena Kovalenko-Schmidt"));
    let taken = |id: uuid::Uuid| {
        let app = &app;
        async move { app.sessions(TAG_SLUG).await.into_iter().find(|session| session.id == id).map(|session| session.taken) }
    };
    assert_eq!(taken(first.id).await, Some(0), "the old forum's place is free again");
    assert_eq!(taken(second.id).await, Some(1));

    programme_session::Entity::update_many()
        .col_expr(programme_session::Column::Taken, Expr::col(programme_session::Column::Capacity))
        .filter(programme_session::Column::Id.eq(full.id))
        .exec(&app.db)
        .await
        .expect("fill a forum");
    let full_id = full.id.to_string();
    let refused = app
        .client
        .post(app.url(&format!("{path}/attendees/0/edit")))
        .form(&[
            ("first_name", "Olena"),
            ("last_name", ""),
            ("organisation", "Stadt Würzburg"),
            ("programme_session", full_id.as_str()),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap_or_default().contains("Bitte füllen Sie dieses Feld aus."));
    let refused = app
        .client
        .post(app.url(&format!("{path}/attendees/0/edit")))
        .form(&[
            ("first_name", "Olena"),
            ("last_name", "K"),
            ("organisation", "Stadt"),
            ("programme_session", full_id.as_str()),
        ])
        .send()
        .await
        .expect("POST");
    // A full forum: the change stands, and she waits for a place there.
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    assert_eq!(taken(second.id).await, Some(0), "the forum she left is free again");
    let full_taken = taken(full.id).await;
    assert_eq!(full_taken, full.capacity, "the full forum is not overbooked");
    let (_, page) = app.get_text(&path).await;
    assert!(page.contains(&format!("{} (Warteliste)", full.title_de)), "she sees she is waiting");
    let (_, form) = app.get_text(&format!("{path}/attendees/0/edit")).await;
    assert!(form.contains(&format!("value=\"{full_id}\" checked")), "the waited-for forum stays chosen");
}

#[tokio::test]
async fn a_delegation_member_waits_only_for_the_full_forum_and_moves_up_once_when_a_place_frees() {
    use domain::entity::{programme_session, session_waitlist};
    let app = TestApp::spawn().await;
    let forums: Vec<_> =
        app.sessions(TAG_SLUG).await.into_iter().filter(|session| session.capacity.is_some()).collect();
    let forum = app.smallest_forum().await;
    let other = forums.iter().find(|session| session.id != forum.id && !session.overlaps(&forum)).unwrap_or(&forums[0]);
    let capacity = forum.capacity.expect("a limited forum");
    // One place left in the forum.
    programme_session::Entity::update_many()
        .col_expr(programme_session::Column::Taken, Expr::value(capacity - 1))
        .filter(programme_session::Column::Id.eq(forum.id))
        .exec(&app.db)
        .await
        .expect("fill the forum");
    let (forum_id, other_id) = (forum.id.to_string(), other.id.to_string());
    let (guest_forum, guest_other) = (format!("0:{forum_id}"), format!("1:{other_id}"));
    let mut fields = crate::support::valid_fields("delegation@example.org");
    fields.extend([
        ("programme_session", forum_id.as_str()),
        ("guest_first_name", "Petro"),
        ("guest_last_name", "Shevchenko"),
        ("guest_email", ""),
        ("guest_organisation", ""),
        ("guest_first_name", "Anna"),
        ("guest_last_name", "Bauer"),
        ("guest_email", ""),
        ("guest_organisation", ""),
        ("guest_first_name", "Mariia"),
        ("guest_last_name", "Tkachenko"),
        ("guest_email", ""),
        ("guest_organisation", ""),
        ("guest_session", guest_forum.as_str()),
        ("guest_session", guest_other.as_str()),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "the delegation is registered");
    let delegation = response.headers()["location"].to_str().expect("location").to_owned();
    let (_, page) = app.get_text(&delegation).await;
    assert!(page.contains("Sie sind angemeldet."));
    assert_eq!(crate::support::ticket_codes_on(&page).len(), 4, "everyone has a ticket");
    assert!(page.contains(&format!("{} (Warteliste)", forum.title_de)), "Petro waits for the forum");
    let waiting = session_waitlist::Entity::find().all(&app.db).await.expect("waiting list");
    assert_eq!(waiting.len(), 1, "only Petro waits, only for the forum");
    let forum_taken = || {
        let app = &app;
        async move { app.sessions(TAG_SLUG).await.into_iter().find(|s| s.id == forum.id).map(|s| s.taken) }
    };
    assert_eq!(forum_taken().await, Some(capacity), "the last place went to Olena");

    // Two more people wait for the forum after him.
    let later_one = app.register_confirmed("later-one@example.org", &[forum.id]).await;
    let later_two = app.register_confirmed("later-two@example.org", &[forum.id]).await;
    let device = app.door_device(TAG_SLUG, "Forum").await;
    let petro_ticket = crate::support::ticket_codes_on(&page)[1].clone();
    let (_, answer) = app.redeem(&device, &petro_ticket, "petro-before", Some(forum.id)).await;
    assert_eq!(answer["result"], "not_registered_for_session", "waiting is not a place");

    // Olena cancels for herself: Petro, first in line, moves up, once, and is told.
    let response = app.client.post(app.url(&format!("{delegation}/attendees/0/cancel"))).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, answer) = app.redeem(&device, &petro_ticket, "petro-after", Some(forum.id)).await;
    assert_eq!(answer["result"], "ok", "now he has the place");
    let (_, waiting_page) = app.get_text(&later_one).await;
    assert!(waiting_page.contains("(Warteliste)"), "the next in line still waits");

    // Organisers add one place: the next in line moves up; the last one still waits.
    let mut draft_session = app.sessions(TAG_SLUG).await.into_iter().find(|s| s.id == forum.id).expect("forum");
    draft_session.capacity = Some(capacity + 1);
    let draft = domain::programme::SessionDraft {
        kind: draft_session.kind,
        title_de: draft_session.title_de.clone(),
        title_en: draft_session.title_en.clone(),
        title_uk: draft_session.title_uk.clone(),
        room: draft_session.room.clone(),
        speakers: draft_session.speakers.clone(),
        starts_at: draft_session.starts_at,
        ends_at: draft_session.ends_at,
        capacity: draft_session.capacity,
    };
    assert!(domain::programme::update(&app.db, forum.id, draft).await.expect("update"));
    let (_, moved) = app.get_text(&later_one).await;
    assert!(!moved.contains("(Warteliste)") && moved.contains(&forum.title_de), "the second in line moved up");
    let (_, still) = app.get_text(&later_two).await;
    assert!(still.contains("(Warteliste)"), "nobody overtakes, nobody moves twice");
    assert_eq!(forum_taken().await, Some(capacity + 1), "never more than the places");

    let promoted: Vec<uuid::Uuid> = mails(&app)
        .await
        .into_iter()
        .filter(|(kind, _)| *kind == MailKind::SessionPromoted)
        .map(|(_, registration)| registration)
        .collect();
    let registration_of = |path: &str| {
        let app = &app;
        let token = path.trim_start_matches("/r/").to_owned();
        async move {
            domain::registration::by_manage_token(&app.db, &token).await.expect("query").expect("found").registration.id
        }
    };
    assert_eq!(promoted, [registration_of(&delegation).await, registration_of(&later_one).await], "one mail each");
    let text = mail_text(&app, "Ein Platz im Programm ist frei").await;
    assert!(text.contains(&forum.title_de), "the mail lists the forum: {text}");
}

#[tokio::test]
async fn the_contact_person_adds_someone_to_the_registration_later() {
    let app = TestApp::spawn().await;
    let forum = app.smallest_forum().await;
    let path = app.register_confirmed("contact@example.org", &[]).await;
    let (_, page) = app.get_text(&path).await;
    assert!(page.contains("Weitere Person zu dieser Anmeldung hinzufügen"));
    let add = format!("{path}/attendees/new");
    let (status, form) = app.get_text(&add).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Person hinzufügen") && form.contains("name=\"email\""));

    let forum_id = forum.id.to_string();
    let refused =
        app.client.post(app.url(&add)).form(&[("first_name", "Ihor"), ("last_name", "")]).send().await.expect("POST");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("body");
    assert!(page.contains("Bitte füllen Sie dieses Feld aus.") && page.contains("Ohne Ihre Einwilligung"));
    assert!(page.contains("value=\"Ihor\""), "what was typed is kept");
    let taken_before = app.event(TAG_SLUG).await.taken;

    let added = app
        .client
        .post(app.url(&add))
        .form(&[
            ("first_name", "Ihor"),
            ("last_name", "Bondar"),
            ("email", ""),
            ("organisation", ""),
            ("programme_session", forum_id.as_str()),
            ("data_consent", "yes"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_text(&path).await;
    assert!(page.contains("Ihor Bondar"));
    let codes = ticket_codes_on(&page);
    assert_eq!(codes.len(), 2, "the new person has a ticket too");
    assert_eq!(app.event(TAG_SLUG).await.taken, taken_before + 1, "one more event place");
    let device = app.door_device(TAG_SLUG, "Forum").await;
    let (_, answer) = app.redeem(&device, &codes[1], "ihor-forum", Some(forum.id)).await;
    assert_eq!(answer["result"], "ok", "in the forum he chose");
    assert_eq!(answer["attendee"]["name"], "Ihor Bondar");
    let kinds: Vec<MailKind> = mails(&app).await.into_iter().map(|(kind, _)| kind).collect();
    assert_eq!(kinds, [MailKind::Confirmation, MailKind::Confirmation], "the confirmation with both tickets again");

    // A full event takes nobody else.
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(tag.taken))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("full");
    let full = app
        .client
        .post(app.url(&add))
        .form(&[("first_name", "Nina"), ("last_name", "Koch"), ("data_consent", "yes")])
        .send()
        .await
        .expect("POST");
    assert_eq!(full.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(full.text().await.expect("body").contains("es kann niemand mehr hinzukommen"));
    let (_, page) = app.get_text(&path).await;
    assert!(!page.contains("Nina Koch") && !page.contains("Weitere Person zu dieser"), "nothing added, no link");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_at_once_for_five_places_then_three_cancellations_move_up_exactly_the_first_three() {
    use domain::entity::registration;
    use domain::registration::RegistrationStatus;
    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(5))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("five places");
    let emails: Vec<String> = (0..20).map(|n| format!("crowd{n}@example.org")).collect();
    let responses = join_all(emails.iter().map(|email| app.register(email, &[]))).await;
    let mut paths = Vec::new();
    for response in responses {
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "nobody is refused: a full event has a waiting list");
        paths.push(response.headers()["location"].to_str().expect("location").to_owned());
    }
    let all = || {
        let app = &app;
        async move {
            registration::Entity::find()
                .filter(registration::Column::EventId.eq(tag.id))
                .order_by_asc(registration::Column::CreatedAt)
                .order_by_asc(registration::Column::Id)
                .all(&app.db)
                .await
                .expect("registrations")
        }
    };
    let before = all().await;
    let confirmed: Vec<_> = before.iter().filter(|r| r.status == RegistrationStatus::Confirmed).collect();
    let waiting: Vec<uuid::Uuid> =
        before.iter().filter(|r| r.status == RegistrationStatus::Waitlisted).map(|r| r.id).collect();
    assert_eq!((confirmed.len(), waiting.len()), (5, 15));

    // Three of the five cancel at the same moment.
    let mut cancelling = Vec::new();
    for path in &paths {
        let token = path.trim_start_matches("/r/");
        let found = domain::registration::by_manage_token(&app.db, token).await.expect("query").expect("found");
        if confirmed.iter().take(3).any(|r| r.id == found.registration.id) {
            cancelling.push(format!("{path}/cancel"));
        }
    }
    assert_eq!(cancelling.len(), 3);
    let answers = join_all(cancelling.iter().map(|path| app.client.post(app.url(path)).send())).await;
    for answer in answers {
        assert_eq!(answer.expect("POST").status(), StatusCode::SEE_OTHER);
    }
    let after = all().await;
    let now_confirmed: Vec<uuid::Uuid> = after
        .iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed && waiting.contains(&r.id))
        .map(|r| r.id)
        .collect();
    assert_eq!(now_confirmed, waiting[..3], "exactly the first three in line moved up");
    assert_eq!(app.event(TAG_SLUG).await.taken, 5, "never more than the places");
    let mut promoted: Vec<uuid::Uuid> =
        mails(&app).await.into_iter().filter(|(kind, _)| *kind == MailKind::Promoted).map(|(_, id)| id).collect();
    promoted.sort();
    let mut expected = waiting[..3].to_vec();
    expected.sort();
    assert_eq!(promoted, expected, "each of them is told once");
}
