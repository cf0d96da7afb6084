//! Torture: many registrations for few places on one or two instances, a server killed
//! mid-load, many devices scanning the same tickets, a database that goes away.

use std::time::Duration;

use domain::checkin::count_checked_in;
use domain::demo::{INFO_SLUG, TAG_SLUG};
use domain::entity::{attendee, event, registration, ticket};
use domain::registration::RegistrationStatus;
use futures::StreamExt;
use futures::future::join_all;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr};
use treffpunkt::{Application, Config};

use crate::support::{ChildServer, TestApp, valid_fields};

async fn set_capacity(app: &TestApp, slug: &str, capacity: i32) {
    let target = app.event(slug).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(capacity))
        .filter(event::Column::Id.eq(target.id))
        .exec(&app.db)
        .await
        .expect("set capacity");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_concurrent_registrations_for_a_hundred_places_confirm_exactly_a_hundred() {
    let app = TestApp::spawn().await;
    set_capacity(&app, INFO_SLUG, 100).await;
    // On PostgreSQL a second instance shares the database, as when scaling out.
    let mut bases = vec![app.base.clone()];
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|url| !url.is_empty()) {
        let second = Application::build(Config {
            database_url: Some(app.database_url.clone()),
            rate_limits: false,
            ..Config::new("127.0.0.1:0", app.data_dir().to_owned())
        })
        .await
        .expect("a second instance");
        bases.push(format!("http://{}", second.address().expect("address")));
        tokio::spawn(second.run_until_stopped());
    }
    let emails: Vec<String> = (0..1000).map(|n| format!("crowd{n}@example.org")).collect();
    let requests = emails.iter().enumerate().map(|(n, email)| {
        let url = format!("{}/events/{INFO_SLUG}/register", bases[n % bases.len()]);
        app.client.post(url).form(&valid_fields(email)).send()
    });
    for response in join_all(requests).await {
        let response = response.expect("every request is answered");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "confirmed or waiting, never an error");
    }
    let info = app.event(INFO_SLUG).await;
    assert_eq!(info.taken, 100);
    let count = |status: RegistrationStatus| {
        registration::Entity::find()
            .filter(registration::Column::EventId.eq(info.id))
            .filter(registration::Column::Status.eq(status))
            .count(&app.db)
    };
    assert_eq!(count(RegistrationStatus::Confirmed).await.expect("count"), 100, "exactly the places, never more");
    assert_eq!(count(RegistrationStatus::Waitlisted).await.expect("count"), 900, "the rest wait in line");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_server_killed_mid_load_keeps_every_acknowledged_registration_whole() {
    let app = TestApp::spawn().await;
    let mut server = ChildServer::start(&app.database_url).await;
    let base = server.base.clone();
    let client = app.client.clone();
    let load = tokio::spawn(async move {
        futures::stream::iter(0..2_000)
            .map(|n| {
                let client = client.clone();
                let url = format!("{base}/events/{INFO_SLUG}/register");
                async move {
                    let email = format!("crash{n}@example.org");
                    let response = client.post(url).form(&valid_fields(&email)).send().await.ok()?;
                    (response.status() == StatusCode::SEE_OTHER)
                        .then(|| response.headers().get("location")?.to_str().ok().map(str::to_owned))
                        .flatten()
                }
            })
            .buffer_unordered(16)
            .filter_map(|location| async move { location })
            .collect::<Vec<String>>()
            .await
    });
    tokio::time::sleep(Duration::from_millis(700)).await;
    server.kill();
    let acknowledged = load.await.expect("the load task ends");
    assert!(!acknowledged.is_empty(), "some registrations were acknowledged before the kill");
    assert!(acknowledged.len() < 2_000, "the kill happened mid-load");

    let restarted = ChildServer::start(&app.database_url).await;
    for path in &acknowledged {
        let page = app.client.get(format!("{}{path}", restarted.base)).send().await.expect("GET");
        assert_eq!(page.status(), StatusCode::OK, "{path} survived");
        assert!(page.text().await.unwrap_or_default().contains("class=\"ticket-code\""), "{path} has its ticket");
    }
    // Nothing half-written: every registration has its attendee and ticket, and the
    // places taken match the attendees stored.
    let info = app.event(INFO_SLUG).await;
    let registrations = registration::Entity::find()
        .filter(registration::Column::EventId.eq(info.id))
        .count(&app.db)
        .await
        .expect("count");
    let attendees =
        attendee::Entity::find().filter(attendee::Column::EventId.eq(info.id)).count(&app.db).await.expect("count");
    let tickets =
        ticket::Entity::find().filter(ticket::Column::EventId.eq(info.id)).count(&app.db).await.expect("count");
    assert!(registrations >= acknowledged.len() as u64);
    assert_eq!(attendees, registrations);
    assert_eq!(tickets, attendees);
    assert_eq!(i64::from(info.taken), attendees as i64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_clients_scanning_the_same_two_hundred_tickets_count_each_once() {
    let app = TestApp::spawn().await;
    let info = app.event(INFO_SLUG).await;
    for n in 0..200 {
        let request = domain::registration::RegistrationRequest {
            event_id: info.id,
            language: domain::Language::De,
            attendees: vec![domain::registration::NewAttendee {
                first_name: domain::person::PersonName::parse("Scan").expect("name"),
                last_name: domain::person::PersonName::parse(&format!("Person {n}")).expect("name"),
                email: domain::person::EmailAddress::parse(&format!("scan{n}@example.org")).expect("email"),
                organisation: "Stadt".to_owned(),
                organisation_type: domain::registration::OrganisationType::Kommune,
                partner_municipality: String::new(),
                programme_session_ids: Vec::new(),
                answers: Vec::new(),
                language: None,
            }],
            data_consent: true,
            consent_wording: "Einverstanden.".to_owned(),
            submission_key: None,
            at_the_door: false,
        };
        domain::registration::register(app.state.pools(), request, chrono::Utc::now()).await.expect("register");
    }
    let tickets =
        ticket::Entity::find().filter(ticket::Column::EventId.eq(info.id)).all(&app.db).await.expect("tickets");
    let tokens: Vec<String> = tickets.iter().map(|ticket| app.state.signer().token_for(ticket)).collect();
    assert_eq!(tokens.len(), 200);
    let mut devices = Vec::new();
    for n in 0..8 {
        devices.push(app.door_device(INFO_SLUG, &format!("Client {n}")).await);
    }
    let app_ref = &app;
    let tokens_ref = &tokens;
    let clients = devices.iter().enumerate().map(|(client, device)| async move {
        let mut results = Vec::new();
        for step in 0..tokens_ref.len() {
            // Each client walks the tickets from a different starting point.
            let token = &tokens_ref[(step + client * 25) % tokens_ref.len()];
            let (_, answer) = app_ref.redeem(device, token, &format!("c{client}-{step}"), None).await;
            results.push(answer["result"].as_str().unwrap_or_default().to_owned());
        }
        results
    });
    let results: Vec<String> = join_all(clients).await.into_iter().flatten().collect();
    assert_eq!(results.iter().filter(|result| *result == "ok").count(), 200);
    assert_eq!(results.iter().filter(|result| *result == "already_checked_in").count(), 1400);
    assert_eq!(count_checked_in(&app.db, info.id).await.expect("count"), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (TEST_DATABASE_URL); .ci/run runs it"]
async fn a_database_that_goes_away_gives_503_pages_and_the_server_recovers_by_itself() {
    let server_url = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())
        .expect("this test stops PostgreSQL connections: set TEST_DATABASE_URL (.ci/run does)");
    let app = TestApp::spawn().await;
    let name = app.database_url.rsplit('/').next().expect("database name").to_owned();
    let admin = sea_orm::Database::connect(&server_url).await.expect("admin connection");
    use sea_orm::ConnectionTrait;
    admin.execute_unprepared(&format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")).await.expect("lock out");
    admin
        .execute_unprepared(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        ))
        .await
        .expect("drop connections");

    let response = app.get(&format!("/events/{TAG_SLUG}")).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let page = response.text().await.unwrap_or_default();
    assert!(page.contains("Vorübergehend nicht erreichbar"), "{page}");
    for leak in ["sqlx", "SELECT", "postgres", "pg_"] {
        assert!(!page.contains(leak), "the page shows no internals ({leak})");
    }

    admin.execute_unprepared(&format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")).await.expect("let in");
    let started = std::time::Instant::now();
    loop {
        let status = app.get(&format!("/events/{TAG_SLUG}")).await.status();
        if status == StatusCode::OK {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "still {status} after the database came back");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    admin.close().await.ok();
}
