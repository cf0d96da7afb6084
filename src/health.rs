//! Health checks for load balancers and supervisors: `/healthz` says the process answers
//! (nothing else, so a slow database never gets a healthy process restarted), `/readyz`
//! says this instance can serve: database, schema, background workers.

use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use migration::{Migrator, MigratorTrait};
use sea_orm::ConnectionTrait;
use site::AppState;

/// A database that takes longer than this for `SELECT 1` is as good as unreachable for
/// the people waiting on a page.
const DATABASE_DEADLINE: Duration = Duration::from_secs(2);

/// The mail worker beats before every message; one message (composing, SMTP with its
/// timeouts) never takes this long, a worker that hangs or died does.
pub const MAIL_WORKER_SILENCE: Duration = Duration::from_secs(300);

pub fn routes(state: AppState) -> Router {
    Router::new().route("/healthz", get(healthz)).route("/readyz", get(readyz)).with_state(state)
}

async fn healthz() -> Response {
    not_stored((StatusCode::OK, "ok").into_response())
}

async fn readyz(State(app): State<AppState>) -> Response {
    let problems = problems(&app).await;
    let (status, body) = if problems.is_empty() {
        (StatusCode::OK, serde_json::json!({ "status": "ready" }))
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, serde_json::json!({ "status": "unavailable", "problems": problems }))
    };
    not_stored((status, axum::Json(body)).into_response())
}

/// What keeps this instance from serving; empty when it is ready.
pub async fn problems(app: &AppState) -> Vec<String> {
    let mut problems = Vec::new();
    match tokio::time::timeout(DATABASE_DEADLINE, app.db().execute_unprepared("SELECT 1")).await {
        Ok(Ok(_)) => match Migrator::get_pending_migrations_read_only(app.db()).await {
            Ok(pending) if pending.is_empty() => {}
            Ok(pending) => {
                let names: Vec<&str> = pending.iter().map(|migration| migration.name()).collect();
                problems.push(format!("migrations not applied: {}", names.join(", ")));
            }
            Err(err) => {
                tracing::warn!(error = %err, "readiness: cannot read the migrations");
                problems.push("cannot read the migrations".to_owned());
            }
        },
        // The reason goes to the log, not to whoever asks: it may name hosts and paths.
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness: the database does not answer");
            problems.push("database unreachable".to_owned());
        }
        Err(_) => problems.push(format!("database did not answer within {} s", DATABASE_DEADLINE.as_secs())),
    }
    if domain::checkin::writer_stopped(app.pools()) {
        problems.push("the SQLite check-in writer stopped".to_owned());
    }
    let operations = app.operations();
    if operations.runs_mail_worker && !operations.mail_worker.alive_within(MAIL_WORKER_SILENCE) {
        problems.push(format!("the mail worker has not been seen for {} s", MAIL_WORKER_SILENCE.as_secs()));
    }
    problems
}

/// A proxy must never answer a health check from its cache.
fn not_stored(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
