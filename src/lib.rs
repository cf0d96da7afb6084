//! The Treffpunkt server: configuration, start-up, the HTTP stack around the web crates
//! (participant pages, back office, door) and the background jobs. `main.rs` parses the
//! command line; tests build the same [`Application`].

pub mod backup;
pub mod health;
pub mod jobs;
pub mod metrics;
pub mod redirect;
pub mod serve;
pub mod tls;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state};
use chrono::Utc;
use documents::mail::{MailError, Mailer, SmtpSettings};
use domain::store::Pools;
use domain::ticket::TicketSigner;
use migration::{Migrator, MigratorTrait};
use sea_orm::DbErr;
use site::AppState;
use site::rate_limit::Limits;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Forms and check-in requests are a few kilobytes; anything near this is not ours.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub const DEFAULT_SENDER: &str = "Treffpunkt <treffpunkt@localhost>";

/// Enough for a phone on a slow network to send a request's headers.
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Twice the request timeout: only a connection that is stuck stays this long silent.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// Far more than the busiest registration morning needs (a few hundred at once), and
/// at a few tens of kilobytes each still small in memory.
pub const DEFAULT_MAX_CONNECTIONS: usize = 2048;

/// Everything the server needs to start, parsed once from flags and environment.
#[derive(Clone, Debug)]
pub struct Config {
    pub bind: String,
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; `None` means the SQLite file in `data_dir`.
    pub database_url: Option<String>,
    /// How people reach the server, for links in calendar files and door links.
    pub public_url: Option<String>,
    /// Seed the demo events when the database has none.
    pub demo: bool,
    /// Per-client rate limits; off only for load benchmarks and tests.
    pub rate_limits: bool,
    /// Without SMTP settings every e-mail is written as a `.eml` file to `data_dir/mail`.
    pub smtp: Option<SmtpSettings>,
    /// The sender of every e-mail, e.g. `Netzwerkstelle <anmeldung@example.org>`.
    pub mail_from: String,
    /// Attendees get a reminder this many hours before an event begins.
    pub reminder_hours: u32,
    /// This instance sends the outbox's mail. With several instances on one PostgreSQL
    /// any number may (each message is claimed once); off leaves sending to the others.
    pub mail_worker: bool,
    /// A client must send a request's headers within this time; it is also how long an
    /// idle keep-alive connection is kept.
    pub header_read_timeout: Duration,
    /// A connection on which nothing moved for this long is closed.
    pub idle_timeout: Duration,
    /// Open connections at most (lowered to what the file-descriptor limit allows).
    pub max_connections: usize,
    /// The reverse proxy in front: requests from it name the client in the last
    /// `X-Forwarded-For` hop. Without it every client behind a proxy is the proxy.
    pub trusted_proxy: Option<IpAddr>,
    /// The server's own SQLite backups; `None`: none (an operator may still run
    /// `treffpunkt backup`).
    pub backups: Option<backup::BackupSchedule>,
    /// Where Prometheus scrapes `/metrics`: an address of its own, never the public one.
    pub metrics_bind: Option<String>,
    /// Serve HTTPS with this certificate and key instead of plain HTTP.
    pub tls: Option<tls::TlsFiles>,
    /// How often the certificate files are checked for a renewal.
    pub tls_reload_every: Duration,
    /// With TLS: a second address answering plain HTTP with a redirect to HTTPS.
    pub redirect_http: Option<String>,
    /// Connections to PostgreSQL this instance opens at most (SQLite ignores it).
    pub database_pool: u32,
}

impl Config {
    /// Defaults for everything but where to listen and keep data.
    pub fn new(bind: &str, data_dir: PathBuf) -> Config {
        Config {
            bind: bind.to_owned(),
            data_dir,
            database_url: None,
            public_url: None,
            demo: false,
            rate_limits: true,
            smtp: None,
            mail_from: DEFAULT_SENDER.to_owned(),
            reminder_hours: 48,
            mail_worker: true,
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            trusted_proxy: None,
            backups: None,
            metrics_bind: None,
            tls: None,
            tls_reload_every: tls::DEFAULT_RELOAD_EVERY,
            redirect_http: None,
            database_pool: domain::store::DEFAULT_POSTGRES_POOL,
        }
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", self.data_dir.join("treffpunkt.db").display()))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("could not create the data folder {0}: {1}")]
    DataDir(PathBuf, std::io::Error),
    #[error("database: {0}")]
    Database(#[from] DbErr),
    #[error("could not listen on {0}: {1}")]
    Bind(String, std::io::Error),
    #[error("e-mail: {0}")]
    Mail(#[from] MailError),
    #[error("backup: {0}")]
    Backup(#[from] backup::BackupError),
    #[error("{0}")]
    Unusable(String),
    #[error("TLS: {0}")]
    Tls(#[from] tls::TlsError),
    #[error("--redirect-http needs --tls-cert and --tls-key: without HTTPS there is nothing to redirect to")]
    RedirectWithoutTls,
    #[error("--redirect-http sends visitors to the public URL, which must then be https, not {0}")]
    RedirectToPlainHttp(String),
}

/// Opens the database, applies migrations and loads the ticket key.
pub async fn open_database(config: &Config) -> Result<(Pools, TicketSigner), StartError> {
    let url = config.database_url();
    if url.starts_with("sqlite:") && config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir).map_err(|err| StartError::DataDir(config.data_dir.clone(), err))?;
    }
    let pools = domain::store::connect_with_pool(&url, config.database_pool).await?;
    let database_file = backup::sqlite_file(&url);
    let before_migrations = match &database_file {
        Some(file) => backup::before_migrations(&pools, file).await?,
        None => None,
    };
    if let Some(copy) = &before_migrations {
        tracing::info!(path = %copy.display(), "copied the database before applying new migrations");
    }
    migrate(&pools).await?;
    if let Some(file) = &database_file {
        backup::remove_earlier_pre_migration_copies(file, before_migrations.as_deref());
    }
    let filled = domain::search::fill_missing_keys(&pools.write).await?;
    if filled > 0 {
        tracing::info!(filled, "stored the search keys of people registered before this version");
    }
    let signer = domain::keys::ticket_signer(&pools.write).await?;
    Ok((pools, signer))
}

/// Applies the migrations in one transaction that shuts out every other instance doing
/// the same: on PostgreSQL it takes an advisory lock first (released when it ends, also
/// when this process dies half-way), on SQLite it is a write transaction, which holds
/// the file's write lock. Two instances starting together on one database otherwise both
/// found the same migrations pending and one failed creating a table the other had made.
/// Each migration runs in a savepoint inside it (PostgreSQL) or as plain statements.
async fn migrate(pools: &Pools) -> Result<(), DbErr> {
    use sea_orm::{ConnectionTrait, DbBackend, TransactionTrait};
    let txn = if pools.write.get_database_backend() == DbBackend::Postgres {
        let txn = pools.write.begin().await?;
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")).await?;
        txn
    } else {
        domain::store::begin_write(&pools.write).await?
    };
    Migrator::up(&txn, None).await?;
    txn.commit().await
}

/// The names of the migrations not yet applied to the configured database, in the order
/// they would run; nothing is written (not even sea-orm's table of applied migrations).
/// A SQLite file that does not exist yet has all of them pending and is not created.
pub async fn pending_migrations(config: &Config) -> Result<Vec<String>, StartError> {
    let default_file = config.data_dir.join("treffpunkt.db");
    if config.database_url.is_none() && !default_file.exists() {
        return Ok(Migrator::migrations().iter().map(|migration| migration.name().to_owned()).collect());
    }
    let pools = domain::store::connect(&config.database_url()).await?;
    let pending = Migrator::get_pending_migrations_read_only(&pools.read).await?;
    Ok(pending.iter().map(|migration| migration.name().to_owned()).collect())
}

/// The advisory lock's key on PostgreSQL: "treffpkt" in ASCII, unlikely to meet another
/// application's key in a shared database.
const MIGRATION_LOCK: i64 = 0x7472_6566_6670_6b74;

/// How long the mail worker may take to finish the message it is sending at shutdown
/// (the SMTP transport's own timeouts are shorter).
const MAIL_GRACE: Duration = Duration::from_secs(30);
/// How long the check-in writer may take to write what is queued at shutdown: a batch
/// takes milliseconds; this only bounds a database that stopped answering.
const WRITER_GRACE: Duration = Duration::from_secs(10);

/// A bound, ready server. Production and tests start it the same way.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    /// `None` when this instance leaves the outbox to others (`--mail-worker off`).
    mailer: Option<Arc<Mailer>>,
    reminder_before: chrono::Duration,
    jobs_started: bool,
    connection_limits: serve::ConnectionLimits,
    backups: Option<backup::BackupSchedule>,
    metrics_listener: Option<TcpListener>,
    /// `Some` when serving HTTPS.
    https: Option<tls::Https>,
    /// The plain-HTTP listener that redirects to HTTPS, and where it redirects to.
    redirect: Option<(TcpListener, Router)>,
    /// Turns true at Ctrl-C or SIGTERM: the listeners and the mail worker stop.
    stopping: Arc<tokio::sync::watch::Sender<bool>>,
    mail_worker: Option<tokio::task::JoinHandle<()>>,
}

impl Application {
    pub async fn build(config: Config) -> Result<Self, StartError> {
        // Each connection holds a file descriptor; the soft limit is often 1024 while the
        // hard limit allows far more.
        let fd_limit = serve::raise_fd_limit();
        let connection_limits = serve::ConnectionLimits {
            header_read_timeout: config.header_read_timeout,
            idle_timeout: config.idle_timeout,
            max_connections: serve::connection_ceiling(config.max_connections, fd_limit),
        };
        if config.backups.is_some() && backup::sqlite_file(&config.database_url()).is_none() {
            return Err(StartError::Unusable(
                "--backup-dir backs up a SQLite database; back up PostgreSQL with pg_dump".to_owned(),
            ));
        }
        if config.redirect_http.is_some() {
            if config.tls.is_none() {
                return Err(StartError::RedirectWithoutTls);
            }
            // Without --public-url it is https://ADDRESS; an http one would send visitors
            // round in a circle.
            if let Some(public_url) = config.public_url.as_ref().filter(|url| !url.starts_with("https://")) {
                return Err(StartError::RedirectToPlainHttp(public_url.clone()));
            }
        }
        // Unusable certificate files stop the start, before anything else is opened.
        let https = match config.tls.clone() {
            Some(files) => Some(tls::Https::load(files, config.tls_reload_every).await?),
            None => None,
        };
        let (pools, signer) = open_database(&config).await?;
        if config.demo && domain::demo::seed_if_empty(&pools.write, Utc::now()).await? {
            domain::demo::seed_operator(&pools.write, Utc::now()).await?;
            tracing::info!("seeded the demo events and the demo imprint");
        }
        let listener =
            TcpListener::bind(&config.bind).await.map_err(|err| StartError::Bind(config.bind.clone(), err))?;
        let address = listener.local_addr().map_err(|err| StartError::Bind(config.bind.clone(), err))?;
        let metrics_listener = match &config.metrics_bind {
            Some(bind) => Some(TcpListener::bind(bind).await.map_err(|err| StartError::Bind(bind.clone(), err))?),
            None => None,
        };
        let scheme = if https.is_some() { "https" } else { "http" };
        let public_url = config.public_url.clone().unwrap_or_else(|| format!("{scheme}://{address}"));
        if https.is_some() && !public_url.starts_with("https://") {
            tracing::warn!(%public_url, "serving HTTPS, but the public URL is not https: links and cookies follow the public URL");
        }
        let redirect = match &config.redirect_http {
            Some(bind) => {
                let listener = TcpListener::bind(bind).await.map_err(|err| StartError::Bind(bind.clone(), err))?;
                Some((listener, redirect::router(&public_url)))
            }
            None => None,
        };
        let limits = if config.rate_limits { Limits::standard() } else { Limits::off() };
        let mailer = Mailer::new(config.smtp.clone(), config.data_dir.join("mail"), &config.mail_from)?;
        let reminder_before = chrono::Duration::hours(i64::from(config.reminder_hours));
        let known_devices = domain::keys::known_devices(&pools.write).await?;
        let database = match backup::sqlite_file(&config.database_url()) {
            Some(file) => format!("SQLite {}", file.display()),
            // Without the query, which may carry credentials too (sslpassword).
            None => format!(
                "PostgreSQL {}",
                backup::without_password(config.database_url().split('?').next().unwrap_or_default())
            ),
        };
        let operations = site::operations::Operations::new(
            config.data_dir.clone(),
            config.mail_worker,
            database,
            config.backups.as_ref().map(|schedule| schedule.dir.clone()),
        );
        let state = AppState::new(pools, signer, known_devices, &public_url, limits, config.trusted_proxy, operations);
        let mut app_router = router(state.clone());
        if https.is_some() {
            // Browsers that saw HTTPS here once never try plain HTTP again for a year
            // (not sent on plain HTTP, where a browser would ignore it anyway).
            app_router = app_router.layer(SetResponseHeaderLayer::overriding(
                STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=31536000"),
            ));
        }
        Ok(Application {
            listener,
            router: app_router,
            state,
            mailer: config.mail_worker.then(|| Arc::new(mailer)),
            reminder_before,
            jobs_started: false,
            connection_limits,
            backups: config.backups,
            metrics_listener,
            https,
            redirect,
            stopping: Arc::new(tokio::sync::watch::channel(false).0),
            mail_worker: None,
        })
    }

    pub fn address(&self) -> Result<SocketAddr, std::io::Error> {
        self.listener.local_addr()
    }

    pub fn serves_https(&self) -> bool {
        self.https.is_some()
    }

    /// The address of the plain-HTTP redirect listener, if there is one.
    pub fn redirect_address(&self) -> Option<Result<SocketAddr, std::io::Error>> {
        self.redirect.as_ref().map(|(listener, _)| listener.local_addr())
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// While no administrator exists, a fresh one-time link to create the first one.
    pub async fn setup_link(&self) -> Result<Option<String>, DbErr> {
        let token = domain::account::setup_link(&self.state.pools().write, Utc::now()).await?;
        Ok(token.map(|token| format!("{}{}", self.state.public_url(), site::urls::admin_account_link(&token))))
    }

    /// Starts the mail worker (unless this instance leaves mail to others) and the
    /// housekeeping; once only, however often it is called.
    pub fn start_jobs(&mut self) {
        if self.jobs_started {
            return;
        }
        self.jobs_started = true;
        if let Some(mailer) = self.mailer.clone() {
            tracing::info!(delivery = %mailer.describe(), "mail worker started");
            let stop = self.stopping.subscribe();
            self.mail_worker = Some(tokio::spawn(jobs::run_mail_worker(self.state.clone(), mailer, stop)));
        }
        tokio::spawn(jobs::run_maintenance(self.state.clone(), self.reminder_before));
        if let Some(schedule) = self.backups.clone() {
            tracing::info!(dir = %schedule.dir.display(), every = ?schedule.every, keep = schedule.keep, "scheduled backups");
            tokio::spawn(backup::run_schedule(self.state.clone(), schedule));
        }
    }

    /// Where `/metrics` is served, if anywhere.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics_listener.as_ref().and_then(|listener| listener.local_addr().ok())
    }

    /// Serves until Ctrl-C or SIGTERM, then drains: stops accepting, lets requests in
    /// flight finish (at most 30 s), lets the mail worker finish the message it is
    /// sending and the check-in writer write what is queued, and returns.
    pub async fn run_until_stopped(mut self) -> Result<(), std::io::Error> {
        self.start_jobs();
        if let Some(listener) = self.metrics_listener.take() {
            tokio::spawn(metrics::serve(listener, self.state.clone()));
        }
        let stop = self.stopping.clone();
        tokio::spawn(async move {
            shutdown_signal().await;
            stop.send_replace(true);
        });
        let when_stopped = |mut stopped: tokio::sync::watch::Receiver<bool>| async move {
            // An error means the sender is gone: nobody can stop this any more.
            if stopped.wait_for(|stop| *stop).await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        let stopped = self.stopping.subscribe();
        let acceptor = self.https.map(|https| {
            tokio::spawn(https.reloader.watch());
            https.acceptor
        });
        if let Some((listener, router)) = self.redirect {
            let limits = self.connection_limits;
            tokio::spawn(serve::serve(listener, router, limits, None, when_stopped(stopped.clone())));
        }
        serve::serve(self.listener, self.router, self.connection_limits, acceptor, when_stopped(stopped)).await?;
        if let Some(worker) = self.mail_worker.take()
            && tokio::time::timeout(MAIL_GRACE, worker).await.is_err()
        {
            tracing::warn!("the mail worker did not finish within {} s; stopping anyway", MAIL_GRACE.as_secs());
        }
        if tokio::time::timeout(WRITER_GRACE, self.state.pools().finish_writers()).await.is_err() {
            tracing::warn!("the check-in writer did not finish within {} s; stopping anyway", WRITER_GRACE.as_secs());
        }
        tracing::info!("stopped");
        Ok(())
    }
}

/// The whole HTTP application: both web crates and the layers around them.
pub fn router(state: AppState) -> Router {
    let security_headers = [
        (
            CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (REFERRER_POLICY, "same-origin"),
        (X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("permissions-policy"), "camera=(self), microphone=(), geolocation=()"),
    ];
    let mut app = Router::new()
        .merge(registration::router())
        .merge(backoffice::router(state.clone()))
        .merge(checkin::router())
        .merge(site::assets::routes())
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(from_fn_with_state(state.clone(), site::i18n::remember_language))
        .layer(from_fn_with_state(state.clone(), site::state::invalidate_on_writes))
        .layer(from_fn_with_state(state.clone(), site::state::count_in_flight))
        .layer(from_fn_with_state(state.clone(), site::metrics::count_requests))
        .with_state(state.clone())
        // Outside the language, cache and in-flight layers: a probe every few seconds
        // is not a visitor.
        .merge(health::routes(state))
        // A bug must cost one request a 500 page, not the connection or the server.
        .layer(CatchPanicLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(from_fn(site::error::error_pages))
        .layer(from_fn(private_pages_not_stored));
    for (name, value) in security_headers {
        app = app.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)));
    }
    // Every log line of a request carries its id; the id goes back in `x-request-id`,
    // so a user's report can be matched to the log.
    let request_id = HeaderName::from_static("x-request-id");
    app.layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            let id = request.headers().get("x-request-id").and_then(|value| value.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", id, method = %request.method(), path = %loggable_path(request.uri().path()))
        }))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

/// A registration's pages and the door pages show people's data behind a secret link:
/// no cache on the way may keep them (ticket images and calendar files say their own).
async fn private_pages_not_stored(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let private = ["/r/", "/door/"].iter().any(|prefix| request.uri().path().starts_with(prefix));
    let mut response = next.run(request).await;
    if private {
        response
            .headers_mut()
            .entry(axum::http::header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("private, no-store"));
    }
    response
}

/// The path without the secret it may carry (manage and door tokens open registrations
/// and the door), so that logs can be shared.
fn loggable_path(path: &str) -> String {
    // Longest first: a confirmation link's token sits one segment later.
    for prefix in ["/r/confirm/", "/admin/account/", "/r/", "/door/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map_or("", |slash| &rest[slash..]);
            return format!("{prefix}…{tail}");
        }
    }
    path.to_owned()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::warn!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn secret_tokens_stay_out_of_logged_paths() {
        assert_eq!(loggable_path("/r/abcDEF123/ticket.png"), "/r/…/ticket.png");
        assert_eq!(loggable_path("/door/secret"), "/door/…");
        assert_eq!(loggable_path("/events/tag"), "/events/tag");
        assert_eq!(loggable_path("/r/confirm/secret-confirm"), "/r/confirm/…");
        assert_eq!(loggable_path("/admin/account/secret-link"), "/admin/account/…");
        assert_eq!(loggable_path("/admin/attendees"), "/admin/attendees");
    }
}
