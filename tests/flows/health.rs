//! `/healthz` and `/readyz` as a load balancer sees them.

use migration::{Migrator, MigratorTrait};
use reqwest::StatusCode;
use serde_json::Value;

use crate::support::TestApp;
use treffpunkt::{Application, Config};

async fn readiness(app: &TestApp) -> (StatusCode, Value) {
    let response = app.get("/readyz").await;
    let status = response.status();
    assert_eq!(response.headers()["cache-control"], "no-store");
    (status, response.json().await.expect("JSON"))
}

#[tokio::test]
async fn a_running_server_is_healthy_and_ready() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_text("/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    let (status, body) = readiness(&app).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "ready");
}

#[tokio::test]
async fn a_schema_behind_the_code_is_not_ready_until_migrated() {
    let app = TestApp::spawn().await;
    Migrator::down(&app.db, Some(1)).await.expect("roll back the newest migration");
    let (status, body) = readiness(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(
        body["problems"][0].as_str().is_some_and(|problem| problem.starts_with("migrations not applied")),
        "{body}"
    );
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK, "the process still answers");

    Migrator::up(&app.db, None).await.expect("migrate");
    assert_eq!(readiness(&app).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_closed_database_is_not_ready_and_the_reason_names_no_internals() {
    let app = TestApp::spawn().await;
    app.state.db().clone().close().await.expect("close the pool");
    let (status, body) = readiness(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["problems"][0], "database unreachable", "{body}");
    let (status, text) = app.get_text("/healthz").await;
    assert_eq!((status, text.as_str()), (StatusCode::OK, "ok"), "no database needed");
}

#[tokio::test]
async fn an_instance_whose_mail_worker_is_not_running_is_not_ready() {
    // Built but its jobs never started: the mail worker never beats, as when it died.
    let data_dir = std::env::temp_dir().join(format!("treffpunkt-ready-{}", uuid::Uuid::new_v4().simple()));
    let application = Application::build(Config::new("127.0.0.1:0", data_dir.clone())).await.expect("builds");
    let problems = treffpunkt::health::problems(application.state()).await;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("the mail worker has not been seen"), "{problems:?}");

    // An instance that leaves mail to the others does not wait for a worker of its own.
    drop(application);
    let config = Config { mail_worker: false, ..Config::new("127.0.0.1:0", data_dir.clone()) };
    let application = Application::build(config).await.expect("builds");
    assert!(treffpunkt::health::problems(application.state()).await.is_empty());
    let _ = std::fs::remove_dir_all(&data_dir);
}
