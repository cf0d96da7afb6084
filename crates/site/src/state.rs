//! The application state every handler shares: one cheap clone.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use domain::login::{KnownDevices, PasswordChecks};
use domain::store::Pools;
use domain::ticket::{TicketSigner, TicketVerifier};
use sea_orm::DatabaseConnection;

use crate::caches::WroteEvent;
use crate::caches::attendee_rows::AttendeeRowsCache;
use crate::caches::door_devices::DeviceCache;
use crate::caches::operator::OperatorCache;
use crate::caches::pages::PageCache;
use crate::rate_limit::Limits;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    pools: Pools,
    signer: TicketSigner,
    verifier: TicketVerifier,
    public_url: String,
    limits: Limits,
    page_cache: PageCache,
    attendee_rows: AttendeeRowsCache,
    door_devices: DeviceCache,
    operator: OperatorCache,
    password_checks: PasswordChecks,
    known_devices: KnownDevices,
    /// The reverse proxy whose `X-Forwarded-For` names the client.
    trusted_proxy: Option<IpAddr>,
    /// Requests being answered right now; the mail worker gives way while there are any.
    in_flight: AtomicUsize,
    operations: crate::operations::Operations,
    metrics: Arc<crate::metrics::Metrics>,
}

impl AppState {
    /// `public_url` is how people reach this server (e.g. `https://anmeldung.example.org`),
    /// without a trailing slash; it goes into calendar files and printed door links.
    /// `trusted_proxy`: the reverse proxy in front, if any (see `rate_limit::ClientIp`).
    pub fn new(
        pools: Pools,
        signer: TicketSigner,
        known_devices: KnownDevices,
        public_url: &str,
        limits: Limits,
        trusted_proxy: Option<IpAddr>,
        operations: crate::operations::Operations,
    ) -> Self {
        let verifier = signer.verifier();
        let metrics = Arc::new(crate::metrics::Metrics::new());
        let batches = metrics.clone();
        pools.observe_writer_batches(move |scans| batches.writer_batch(scans));
        AppState {
            inner: Arc::new(Inner {
                pools,
                signer,
                verifier,
                public_url: public_url.trim_end_matches('/').to_owned(),
                limits,
                page_cache: PageCache::default(),
                in_flight: AtomicUsize::new(0),
                attendee_rows: AttendeeRowsCache::default(),
                door_devices: DeviceCache::default(),
                operator: OperatorCache::default(),
                password_checks: PasswordChecks::sized_to_cores(),
                known_devices,
                trusted_proxy,
                operations,
                metrics,
            }),
        }
    }

    /// The pool for reads.
    pub fn db(&self) -> &DatabaseConnection {
        &self.inner.pools.read
    }

    /// Both pools, for domain operations that read and then write (registering, redeeming).
    pub fn pools(&self) -> &Pools {
        &self.inner.pools
    }

    pub fn signer(&self) -> &TicketSigner {
        &self.inner.signer
    }

    pub fn verifier(&self) -> &TicketVerifier {
        &self.inner.verifier
    }

    /// How many requests this instance is answering at this moment.
    pub fn requests_in_flight(&self) -> usize {
        self.inner.in_flight.load(Ordering::Relaxed)
    }

    pub fn page_cache(&self) -> &PageCache {
        &self.inner.page_cache
    }

    /// An event's attendee rows for the back office, read at most every few seconds.
    /// The rows are shared: a cache hit costs no copy.
    pub async fn attendee_rows(
        &self,
        event_id: uuid::Uuid,
    ) -> Result<std::sync::Arc<Vec<domain::attendee_list::AttendeeRow>>, sea_orm::DbErr> {
        self.inner.attendee_rows.rows(self.db(), self.inner.page_cache.generations(), event_id).await
    }

    /// The active door device with this token (kept for two seconds, see `device_cache`).
    pub async fn door_device(&self, token: &str) -> Result<Option<domain::door::DoorDevice>, sea_orm::DbErr> {
        self.inner.door_devices.device(self.db(), token).await
    }

    /// After revoking or renaming a device: the next request reads it again.
    pub fn forget_door_devices(&self) {
        self.inner.door_devices.forget();
    }

    /// Who runs the site (imprint, privacy notice, mail footers); `None` until entered.
    pub async fn operator(&self) -> Result<Option<Arc<domain::operator::OperatorDetails>>, sea_orm::DbErr> {
        self.inner.operator.details(self.db()).await
    }

    /// After saving the operator's details: the next page and mail read them again.
    pub fn forget_operator(&self) {
        self.inner.operator.forget();
    }

    /// The argon2 checks of log-ins, bounded to one per core.
    pub fn password_checks(&self) -> &PasswordChecks {
        &self.inner.password_checks
    }

    /// Signs and recognises browsers that signed in before.
    pub fn known_devices(&self) -> &KnownDevices {
        &self.inner.known_devices
    }

    pub fn trusted_proxy(&self) -> Option<IpAddr> {
        self.inner.trusted_proxy
    }

    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    pub fn public_url(&self) -> &str {
        &self.inner.public_url
    }

    /// Start time, worker heartbeats and backups, for the health checks and status page.
    pub fn operations(&self) -> &crate::operations::Operations {
        &self.inner.operations
    }

    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.inner.metrics
    }
}

/// Makes the cached pages and rows stale after every request that may have changed
/// something: only one event's when the answer says the request changed only that event
/// ([`crate::caches::only_event`]), everything otherwise.
pub async fn invalidate_on_writes(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let response = next.run(request).await;
    if writes {
        match response.extensions().get::<WroteEvent>() {
            Some(WroteEvent(event_id)) => app.page_cache().invalidate_event(*event_id),
            None => app.page_cache().invalidate(),
        }
    }
    response
}

/// Counts the requests in flight (the count drops when the response is done or the
/// request is dropped, whatever happens in between).
pub async fn count_in_flight(State(app): State<AppState>, request: Request, next: Next) -> Response {
    struct InFlight(AppState);
    impl Drop for InFlight {
        fn drop(&mut self) {
            self.0.inner.in_flight.fetch_sub(1, Ordering::Relaxed);
        }
    }
    app.inner.in_flight.fetch_add(1, Ordering::Relaxed);
    let _in_flight = InFlight(app);
    next.run(request).await
}
