//! The Prometheus metrics: counted where things happen (requests, registrations,
//! check-ins, deliveries, backups), the rest read when scraped (outbox, pools). The text
//! is prometheus-client's OpenMetrics encoding, which Prometheus reads.

use std::sync::atomic::AtomicU64;
use std::time::Duration;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use chrono::Utc;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use sea_orm::{DatabaseConnection, DbBackend};

use crate::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    /// The route's pattern (`/r/{token}`), never the path: paths carry secret tokens.
    route: String,
    method: String,
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ResultLabel {
    result: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    pool: String,
    state: String,
}

type FloatGauge = Gauge<f64, AtomicU64>;

fn request_histogram() -> Histogram {
    // 1 ms to about 16 s: a check-in takes a few ms, a PDF export a few hundred.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    request_seconds: Family<RequestLabels, Histogram, fn() -> Histogram>,
    registrations: Family<ResultLabel, Counter>,
    check_ins: Family<ResultLabel, Counter>,
    delivery_failures: Family<ResultLabel, Counter>,
    writer_batch_size: Histogram,
    outbox_unsent: Gauge,
    outbox_oldest_age: FloatGauge,
    outbox_undeliverable: Gauge,
    pool_connections: Family<PoolLabels, Gauge>,
    backup_last_success: Gauge,
    backup_last_bytes: Gauge,
    backup_failures: Counter,
    start_time: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("treffpunkt");
        let metrics = Metrics {
            requests: Family::default(),
            request_seconds: Family::new_with_constructor(request_histogram),
            registrations: Family::default(),
            check_ins: Family::default(),
            delivery_failures: Family::default(),
            writer_batch_size: Histogram::new([1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]),
            outbox_unsent: Gauge::default(),
            outbox_oldest_age: FloatGauge::default(),
            outbox_undeliverable: Gauge::default(),
            pool_connections: Family::default(),
            backup_last_success: Gauge::default(),
            backup_last_bytes: Gauge::default(),
            backup_failures: Counter::default(),
            start_time: Gauge::default(),
            registry: Registry::default(),
        };
        metrics.start_time.set(Utc::now().timestamp());
        registry.register(
            "http_requests",
            "HTTP requests answered, by route, method and status",
            metrics.requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by route, method and status",
            metrics.request_seconds.clone(),
        );
        registry.register("registrations", "Registration forms sent, by result", metrics.registrations.clone());
        registry.register("check_ins", "Ticket scans, by result", metrics.check_ins.clone());
        registry.register(
            "mail_delivery_failures",
            "Failed mail deliveries, by result (retry or undeliverable)",
            metrics.delivery_failures.clone(),
        );
        registry.register(
            "sqlite_writer_batch_size",
            "Scans committed together by the SQLite check-in writer",
            metrics.writer_batch_size.clone(),
        );
        registry.register("outbox_unsent", "Mails waiting in the outbox", metrics.outbox_unsent.clone());
        registry.register(
            "outbox_oldest_unsent_age_seconds",
            "Age of the oldest mail waiting in the outbox (0 when none waits)",
            metrics.outbox_oldest_age.clone(),
        );
        registry.register(
            "outbox_undeliverable",
            "Mails given up on (kept for the organisers)",
            metrics.outbox_undeliverable.clone(),
        );
        registry.register(
            "db_pool_connections",
            "Database pool connections, by pool and state (idle or in_use)",
            metrics.pool_connections.clone(),
        );
        registry.register(
            "backup_last_success_timestamp_seconds",
            "When the last scheduled backup was written and verified (0: none yet)",
            metrics.backup_last_success.clone(),
        );
        registry.register(
            "backup_last_size_bytes",
            "Size of the last scheduled backup",
            metrics.backup_last_bytes.clone(),
        );
        registry.register("backup_failures", "Scheduled backups that failed", metrics.backup_failures.clone());
        registry.register("start_time_seconds", "When this server started (Unix time)", metrics.start_time.clone());
        Metrics { registry, ..metrics }
    }

    pub fn registration(&self, result: &str) {
        self.registrations.get_or_create(&ResultLabel { result: result.to_owned() }).inc();
    }

    pub fn check_in(&self, result: &str) {
        self.check_ins.get_or_create(&ResultLabel { result: result.to_owned() }).inc();
    }

    /// `given_up`: the message is now undeliverable; otherwise it will be retried.
    pub fn delivery_failed(&self, given_up: bool) {
        let result = if given_up { "undeliverable" } else { "retry" };
        self.delivery_failures.get_or_create(&ResultLabel { result: result.to_owned() }).inc();
    }

    pub fn writer_batch(&self, scans: usize) {
        self.writer_batch_size.observe(scans as f64);
    }

    pub fn backup_succeeded(&self, at: chrono::DateTime<Utc>, bytes: u64) {
        self.backup_last_success.set(at.timestamp());
        self.backup_last_bytes.set(i64::try_from(bytes).unwrap_or(i64::MAX));
    }

    pub fn backup_failed(&self) {
        self.backup_failures.inc();
    }

    fn request(&self, labels: RequestLabels, took: Duration) {
        self.request_seconds.get_or_create(&labels).observe(took.as_secs_f64());
        self.requests.get_or_create(&labels).inc();
    }

    fn pool(&self, name: &str, db: &DatabaseConnection) {
        let (size, idle) = match db.get_database_backend() {
            DbBackend::Postgres => {
                let pool = db.get_postgres_connection_pool();
                (pool.size(), pool.num_idle())
            }
            _ => {
                let pool = db.get_sqlite_connection_pool();
                (pool.size(), pool.num_idle())
            }
        };
        let idle = i64::try_from(idle).unwrap_or(i64::MAX);
        let labels = |state: &str| PoolLabels { pool: name.to_owned(), state: state.to_owned() };
        self.pool_connections.get_or_create(&labels("idle")).set(idle);
        self.pool_connections.get_or_create(&labels("in_use")).set((i64::from(size) - idle).max(0));
    }
}

/// The metrics text as Prometheus scrapes it, with the outbox and the pools read now.
pub async fn render(app: &AppState) -> Result<String, sea_orm::DbErr> {
    let metrics = app.metrics();
    let outbox = domain::outbox::state(app.db()).await?;
    metrics.outbox_unsent.set(i64::try_from(outbox.unsent).unwrap_or(i64::MAX));
    metrics.outbox_undeliverable.set(i64::try_from(outbox.undeliverable).unwrap_or(i64::MAX));
    let age =
        outbox.oldest_unsent.map_or(0.0, |oldest| (Utc::now() - oldest).num_milliseconds().max(0) as f64 / 1000.0);
    metrics.outbox_oldest_age.set(age);
    metrics.pool("read", &app.pools().read);
    if app.pools().write.get_database_backend() == DbBackend::Sqlite {
        metrics.pool("write", &app.pools().write);
    }
    let mut text = String::new();
    prometheus_client::encoding::text::encode(&mut text, &metrics.registry)
        .map_err(|_| sea_orm::DbErr::Custom("the metrics could not be encoded".to_owned()))?;
    Ok(text)
}

/// Counts every request with its route pattern, method, status and time taken.
pub async fn count_requests(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str).to_owned();
    // Any word is a method to HTTP; only the ones we serve become labels.
    let method = match request.method().as_str() {
        known @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS") => known,
        _ => "other",
    }
    .to_owned();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let labels = RequestLabels { route, method, status: response.status().as_u16().to_string() };
    app.metrics().request(labels, started.elapsed());
    response
}
