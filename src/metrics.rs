//! The metrics address: `/metrics` in Prometheus's text format and nothing else, on the
//! address given with `--metrics-bind` (kept off the public one: the figures are for the
//! operator, and a scrape costs a few queries).

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use site::AppState;
use tokio::net::TcpListener;

pub async fn serve(listener: TcpListener, app: AppState) {
    let address = listener.local_addr().map(|address| address.to_string()).unwrap_or_default();
    tracing::info!(%address, "metrics served at /metrics");
    let router = Router::new().route("/metrics", get(metrics)).with_state(app);
    if let Err(err) = axum::serve(listener, router).await {
        tracing::error!(error = %err, "the metrics address stopped");
    }
}

async fn metrics(State(app): State<AppState>) -> Response {
    match site::metrics::render(&app).await {
        Ok(text) => {
            let mut response = text.into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
            );
            response
        }
        Err(err) => {
            tracing::warn!(error = %err, "metrics could not be read");
            (StatusCode::SERVICE_UNAVAILABLE, "the database does not answer").into_response()
        }
    }
}
