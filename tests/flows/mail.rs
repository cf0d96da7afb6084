//! E-mail through the outbox: a real SMTP server on loopback receives the confirmation,
//! an independent parser (mail-parser) reads it, rqrr decodes its QR code and icalendar
//! parses its calendar file.

use std::time::Duration;

use domain::demo::TAG_SLUG;
use domain::entity::outbox_message;
use mail_parser::{MessageParser, MimeHeaders};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::support::smtp::{SmtpServer, smtp_on};
use crate::support::{TestApp, decode_qr, valid_fields};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_confirmation_arrives_by_smtp_in_the_attendees_language_with_ticket_and_calendar() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|config| config.smtp = smtp_on(smtp.port)).await;
    let forum = app.smallest_forum().await;
    let forum_id = forum.id.to_string();
    let mut fields = valid_fields("olena@rada.example.ua");
    fields.push(("programme_session", forum_id.as_str()));
    let response = app
        .client
        .post(app.url(&format!("/events/{TAG_SLUG}/register?lang=uk")))
        .form(&fields)
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = response.headers()["location"].to_str().expect("location").to_owned();
    let code_on_page = app.ticket_code(&path).await;

    let messages = smtp.wait_for(1).await;
    assert_eq!(messages.len(), 1, "one confirmation");
    let mail = MessageParser::default().parse(&messages[0]).expect("a parseable e-mail");
    assert!(mail.subject().unwrap_or_default().starts_with("Підтвердження реєстрації: День партнерства міст"));
    assert_eq!(mail.to().and_then(|to| to.first()).and_then(|a| a.address()), Some("olena@rada.example.ua"));
    let text = mail.body_text(0).expect("a plain-text part").to_string();
    // The mail carries a link of its own (only hashes of links are stored) that opens the
    // same registration.
    let mailed = text
        .split_whitespace()
        .find(|word| word.starts_with(&format!("{}/r/", app.base)))
        .expect("the manage link")
        .trim_start_matches(app.base.as_str())
        .to_owned();
    assert_ne!(mailed.split('?').next(), Some(path.as_str()), "not the page's own link");
    assert_eq!(app.ticket_code(&mailed).await, code_on_page, "the mailed link opens this registration: {text}");
    assert!(text.contains(&code_on_page), "the ticket code in words");
    assert!(text.contains("Фінансування") || text.contains("Fördermittel"), "the chosen forum");
    let html = mail.body_html(0).expect("an HTML part").to_string();
    assert!(html.contains("cid:ticket-1@treffpunkt"));
    assert!(html.contains("lang=\"uk\""));

    let mut calendars = 0;
    let mut images = 0;
    for part in mail.attachments() {
        let kind = part.content_type().map(|kind| format!("{}/{}", kind.ctype(), kind.subtype().unwrap_or_default()));
        match kind.as_deref() {
            Some("text/calendar") => {
                calendars += 1;
                assert_eq!(part.attachment_name(), Some(&*format!("{TAG_SLUG}.ics")));
                let calendar: icalendar::Calendar =
                    String::from_utf8_lossy(part.contents()).parse().expect("the attached calendar parses");
                assert_eq!(calendar.components.len(), 2, "the event and the forum");
            }
            Some("image/png") => {
                images += 1;
                let token = decode_qr(part.contents());
                assert_eq!(token, code_on_page, "the mailed QR code is the ticket");
            }
            other => panic!("unexpected part {other:?}"),
        }
    }
    assert_eq!((calendars, images), (1, 1));
    assert_eq!(domain::outbox::unsent_count(&app.db).await.expect("count"), 0);

    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let (_, answer) = app.redeem(&device, &code_on_page, "from-mail", None).await;
    assert_eq!(answer["result"], "ok");
}

#[tokio::test]
async fn without_smtp_settings_each_mail_is_an_eml_file_in_the_data_folder() {
    let app = TestApp::spawn().await;
    app.register_confirmed("jan@example.org", &[]).await;
    let folder = app.data_dir().join("mail");
    let started = std::time::Instant::now();
    let file = loop {
        let found = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .find(|path| path.extension().is_some_and(|extension| extension == "eml"));
        if let Some(file) = found {
            break file;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "no .eml file in {}", folder.display());
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let bytes = std::fs::read(&file).expect("read the file");
    let mail = MessageParser::default().parse(&bytes).expect("a parseable e-mail");
    assert!(mail.subject().unwrap_or_default().starts_with("Anmeldebestätigung: Tag der Städtepartnerschaften"));
    assert!(mail.body_text(0).unwrap_or_default().contains("Guten Tag Olena Kovalenko"));
}

#[tokio::test]
async fn an_instance_without_the_mail_worker_leaves_the_mail_queued_for_the_others() {
    let app = TestApp::spawn_with(|config| config.mail_worker = false).await;
    app.register_confirmed("queued@example.org", &[]).await;
    // The worker of a normal instance sends within a second (see the test above).
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(domain::outbox::unsent_count(&app.db).await.expect("count"), 1, "the mail waits in the outbox");
    let files = std::fs::read_dir(app.data_dir().join("mail")).into_iter().flatten().count();
    assert_eq!(files, 0, "nothing was written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_smtp_is_down_the_mail_waits_and_goes_out_once_when_it_is_back() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    let app = TestApp::spawn_with(|config| config.smtp = smtp_on(port)).await;
    let path = app.register_confirmed("kai@example.org", &[]).await;
    assert!(path.starts_with("/r/"), "registering does not wait for mail");

    // The first attempt fails and is scheduled again, with the error kept.
    let started = std::time::Instant::now();
    let failed = loop {
        let messages = outbox_message::Entity::find().all(&app.db).await.expect("outbox");
        if let Some(message) =
            messages.into_iter().find(|message| message.attempts >= 1 && message.claimed_until.is_none())
        {
            break message;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "no delivery attempt");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(failed.sent_at.is_none());
    assert!(failed.last_error.is_some());
    assert!(failed.next_attempt_at > chrono::Utc::now(), "retried later, with back-off");

    let smtp = SmtpServer::start_on(port).await;
    // Skip the back-off instead of waiting 30 s.
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::NextAttemptAt, Expr::value(chrono::Utc::now()))
        .filter(outbox_message::Column::Id.eq(failed.id))
        .exec(&app.db)
        .await
        .expect("fast-forward");
    assert_eq!(smtp.wait_for(1).await.len(), 1);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(smtp.messages().len(), 1, "sent once, not again");
    let sent = outbox_message::Entity::find_by_id(failed.id).one(&app.db).await.expect("query").expect("row");
    assert!(sent.sent_at.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_sharing_a_database_send_each_message_once() {
    let smtp = SmtpServer::start().await;
    let app = TestApp::spawn_with(|config| config.smtp = smtp_on(smtp.port)).await;
    let second = treffpunkt::Application::build(treffpunkt::Config {
        database_url: Some(app.database_url.clone()),
        rate_limits: false,
        smtp: smtp_on(smtp.port),
        ..treffpunkt::Config::new("127.0.0.1:0", app.data_dir().to_owned())
    })
    .await
    .expect("a second instance");
    tokio::spawn(second.run_until_stopped());
    for n in 0..20 {
        app.register_confirmed(&format!("twin{n}@example.org"), &[]).await;
    }
    let messages = smtp.wait_for(20).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let messages = if smtp.messages().len() > messages.len() { smtp.messages() } else { messages };
    assert_eq!(messages.len(), 20, "every registration's mail, once");
    let mut ids: Vec<String> = messages
        .iter()
        .map(|bytes| {
            MessageParser::default()
                .parse(bytes)
                .and_then(|mail| mail.message_id().map(str::to_owned))
                .unwrap_or_default()
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 20, "no message twice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn with_smtp_down_a_hundred_registrations_and_a_restart_still_send_each_mail_once() {
    use crate::support::ChildServer;
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    // Only the two server processes below send mail; this one just holds the database.
    let app = TestApp::spawn_with(|config| config.mail_worker = false).await;
    let port_text = port.to_string();
    let flags = ["--smtp-host", "127.0.0.1", "--smtp-port", port_text.as_str(), "--smtp-security", "none"];
    let register_on = |base: String, n: usize| {
        let client = app.client.clone();
        async move {
            let email = format!("hundred{n}@example.org");
            let response = client
                .post(format!("{base}/events/{TAG_SLUG}/register"))
                .form(&valid_fields(&email))
                .send()
                .await
                .expect("POST");
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "registration {n} does not wait for mail");
        }
    };
    let mut first = ChildServer::start_with(&app.database_url, &flags).await;
    for n in 0..50 {
        register_on(first.base.clone(), n).await;
    }
    // Power cut in the middle: no shutdown, claims left behind.
    first.kill();
    let second = ChildServer::start_with(&app.database_url, &flags).await;
    for n in 50..100 {
        register_on(second.base.clone(), n).await;
    }
    assert_eq!(domain::outbox::unsent_count(&app.db).await.expect("count"), 100, "all mail waits, none lost");

    let smtp = SmtpServer::start_on(port).await;
    // Fast-forward time: the dead instance's claims run out, the back-off is over.
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::ClaimedUntil, Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None))
        .filter(outbox_message::Column::SentAt.is_null())
        .exec(&app.db)
        .await
        .expect("claims run out");
    let started = std::time::Instant::now();
    while smtp.messages().len() < 100 {
        assert!(started.elapsed() < Duration::from_secs(120), "only {} of 100 mails arrived", smtp.messages().len());
        outbox_message::Entity::update_many()
            .col_expr(outbox_message::Column::NextAttemptAt, Expr::value(chrono::Utc::now()))
            .filter(outbox_message::Column::SentAt.is_null())
            .exec(&app.db)
            .await
            .expect("back-off over");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let messages = smtp.messages();
    assert_eq!(messages.len(), 100, "each registration's mail arrived once");
    let mut recipients: Vec<String> = messages
        .iter()
        .map(|bytes| {
            let mail = MessageParser::default().parse(bytes).expect("a parseable mail");
            mail.to()
                .and_then(|to| to.first())
                .and_then(|address| address.address())
                .map(str::to_owned)
                .unwrap_or_default()
        })
        .collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), 100, "a hundred different people, nobody twice");
    assert_eq!(domain::outbox::unsent_count(&app.db).await.expect("count"), 0);
}
