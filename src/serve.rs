//! The HTTP server around the router: accepts connections (plain HTTP/1.1, or HTTPS with
//! HTTP/1.1 and HTTP/2), closes the slow and the idle ones, keeps the number of open
//! connections under a ceiling and shuts down gracefully. `axum::serve` runs hyper
//! without a timer, so a client that sent its headers one line every few seconds, or
//! nothing at all, kept its connection and a file descriptor for ever, until `accept`
//! failed with "Too many open files".

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::{GracefulShutdown, Watcher};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, oneshot};
use tokio::time::Instant;
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt;

/// File descriptors kept for everything but client connections: the database pools,
/// the SMTP connection, files being written, the waiting room below.
const RESERVED_FDS: u64 = 128;
/// Newcomers waiting for a connection that was asked to make room; beyond them new
/// connections are refused at once.
const WAITING_ROOM: usize = 32;
/// How long a newcomer waits for the room it asked for before it is refused.
const WAIT_FOR_ROOM: Duration = Duration::from_secs(1);
/// Requests in flight at shutdown get this long to finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);
/// What a refused connection reads: no page, just "come back in a few seconds".
const REFUSAL: &[u8] =
    b"HTTP/1.1 503 Service Unavailable\r\nretry-after: 5\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";

/// How long connections may stay open and how many there may be.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// From the moment a connection waits for a request until its headers are complete.
    /// On an idle keep-alive connection the wait starts when the last response is sent
    /// (hyper 1.12 starts this timer as soon as a connection waits for a request head), so
    /// this is also how long an idle connection is kept.
    pub header_read_timeout: Duration,
    /// A connection on which no byte moved for this long is closed (a client that stopped
    /// reading its response). Longer than the 30 s request timeout.
    pub idle_timeout: Duration,
    /// Open connections at most; see [`connection_ceiling`].
    pub max_connections: usize,
}

/// Raises the soft limit of open files to the hard limit, as far as the system allows,
/// and returns the limit now in force.
pub fn raise_fd_limit() -> Option<u64> {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => Some(limit),
        Err(err) => {
            tracing::warn!(error = %err, "cannot raise the limit of open files");
            None
        }
    }
}

/// The configured ceiling, lowered so that connections never take the file descriptors
/// the database and the mail need.
pub fn connection_ceiling(configured: usize, fd_limit: Option<u64>) -> usize {
    let by_fds = fd_limit.map_or(usize::MAX, |limit| {
        usize::try_from(limit.saturating_sub(RESERVED_FDS).max(limit / 4)).unwrap_or(usize::MAX)
    });
    configured.min(by_fds).max(1)
}

/// Serves `router` on `listener` until `shutdown` completes, then lets requests in flight
/// finish (at most [`SHUTDOWN_GRACE`]). With `tls`, every connection first completes a
/// TLS handshake (within the header-read timeout) and may then speak HTTP/2.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    tls: Option<TlsAcceptor>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let connections = Arc::new(Connections::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder.http1().timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout);
    // HTTP/2 has no header-read timeout; its connections are bounded by the idle watch,
    // the ceiling and hyper's limits on streams and header size.
    builder.http2().timer(TokioTimer::new());
    // Plain HTTP stays HTTP/1.1: HTTP/2 is offered only where TLS negotiates it.
    let builder = if tls.is_none() { builder.http1_only() } else { builder };
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    accept_failed(err).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(admission) = connections.admit() else {
            refuse(&stream, tls.is_some());
            continue;
        };
        let connection = Connection {
            stream,
            remote,
            router: router.clone(),
            builder: builder.clone(),
            tls: tls.clone(),
            handshake_timeout: limits.header_read_timeout,
            watcher: graceful.watcher(),
            connections: connections.clone(),
            idle_timeout: limits.idle_timeout,
        };
        tokio::spawn(connection.run(admission));
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still running after {} s; stopping anyway", SHUTDOWN_GRACE.as_secs());
    }
    Ok(())
}

/// A failed `accept`: a connection that went away before we took it costs nothing; any
/// other error (out of file descriptors) is logged and the loop pauses, instead of
/// spinning on the same error.
async fn accept_failed(err: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionReset, Interrupted};
    if matches!(err.kind(), ConnectionAborted | ConnectionReset | Interrupted) {
        return;
    }
    tracing::error!(error = %err, "accept error");
    tokio::time::sleep(Duration::from_millis(50)).await;
}

/// Answers 503 if the socket takes it at once (a fresh socket's buffer does), and closes.
/// A TLS client could not read a plain answer: it is only closed.
fn refuse(stream: &TcpStream, tls: bool) {
    if !tls {
        let _ = stream.try_write(REFUSAL);
    }
}

enum Admission {
    /// A free place.
    Now(OwnedSemaphorePermit),
    /// The connection waiting longest for a request was asked to close and hands its
    /// place over. The waiting-room place is held until then.
    AfterEviction(OwnedSemaphorePermit, oneshot::Receiver<OwnedSemaphorePermit>),
}

/// The open connections: a semaphore for the ceiling, and each connection's state, to
/// pick the one to close when a newcomer finds no room.
struct Connections {
    places: Arc<Semaphore>,
    waiting_room: Arc<Semaphore>,
    open: Mutex<HashMap<u64, Arc<Tracker>>>,
    next_id: AtomicU64,
    epoch: Instant,
}

impl Connections {
    fn new(max_connections: usize) -> Self {
        Connections {
            places: Arc::new(Semaphore::new(max_connections)),
            waiting_room: Arc::new(Semaphore::new(WAITING_ROOM)),
            open: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
            epoch: Instant::now(),
        }
    }

    /// A place now, or after closing the connection that has waited longest for a request
    /// (idle, or sending its headers slowly); `None` when every connection is busy with a
    /// request, or too many newcomers already wait.
    fn admit(&self) -> Option<Admission> {
        if let Ok(place) = self.places.clone().try_acquire_owned() {
            return Some(Admission::Now(place));
        }
        let waiting = self.waiting_room.clone().try_acquire_owned().ok()?;
        self.evict_longest_waiting().map(|place| Admission::AfterEviction(waiting, place))
    }

    /// Asks the connection waiting longest for a request to close; it hands its place to
    /// the receiver (directly: a place freed into the semaphore could go to anyone).
    fn evict_longest_waiting(&self) -> Option<oneshot::Receiver<OwnedSemaphorePermit>> {
        let open = self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let candidate = open
            .values()
            .filter(|tracker| tracker.in_flight.load(Ordering::Acquire) == 0)
            .filter(|tracker| !tracker.evicted.load(Ordering::Acquire))
            .min_by_key(|tracker| tracker.waiting_since.load(Ordering::Acquire));
        let tracker = candidate?;
        let (handover, place) = oneshot::channel();
        tracker.evicted.store(true, Ordering::Release);
        *tracker.handover.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(handover);
        tracker.evict.notify_one();
        Some(place)
    }

    fn register(self: &Arc<Self>) -> Registration {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let tracker = Arc::new(Tracker::new(self.epoch));
        self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).insert(id, tracker.clone());
        Registration { connections: self.clone(), id, tracker }
    }
}

/// Removes a connection from the list when it ends, however it ends.
struct Registration {
    connections: Arc<Connections>,
    id: u64,
    tracker: Arc<Tracker>,
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.connections.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(&self.id);
    }
}

/// What the server knows of one connection, in milliseconds since `epoch`.
struct Tracker {
    epoch: Instant,
    /// When a byte was last read or written.
    last_io: AtomicU64,
    /// When it began waiting for its next request (opened, or the last response ended).
    waiting_since: AtomicU64,
    /// Requests whose response is not yet fully handed to the connection.
    in_flight: AtomicUsize,
    evicted: AtomicBool,
    evict: Notify,
    /// Where to hand the place when evicted.
    handover: Mutex<Option<oneshot::Sender<OwnedSemaphorePermit>>>,
}

impl Tracker {
    fn new(epoch: Instant) -> Self {
        let now = millis_since(epoch);
        Tracker {
            epoch,
            last_io: AtomicU64::new(now),
            waiting_since: AtomicU64::new(now),
            in_flight: AtomicUsize::new(0),
            evicted: AtomicBool::new(false),
            evict: Notify::new(),
            handover: Mutex::new(None),
        }
    }

    fn touch(&self) {
        self.last_io.store(millis_since(self.epoch), Ordering::Relaxed);
    }

    /// Completes once no byte has moved for `limit`.
    async fn idle_for(&self, limit: Duration) {
        loop {
            let last = self.last_io.load(Ordering::Relaxed);
            tokio::time::sleep_until(self.epoch + Duration::from_millis(last) + limit).await;
            if self.last_io.load(Ordering::Relaxed) == last {
                return;
            }
        }
    }
}

fn millis_since(epoch: Instant) -> u64 {
    u64::try_from(epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// An accepted connection, ready to be served once it has a place.
struct Connection {
    stream: TcpStream,
    remote: SocketAddr,
    router: Router,
    builder: auto::Builder<TokioExecutor>,
    tls: Option<TlsAcceptor>,
    /// A TLS handshake must complete within this time, as a request's headers must.
    handshake_timeout: Duration,
    watcher: Watcher,
    connections: Arc<Connections>,
    idle_timeout: Duration,
}

impl Connection {
    async fn run(self, admission: Admission) {
        let place = match admission {
            Admission::Now(place) => place,
            Admission::AfterEviction(_waiting, handed_over) => {
                match tokio::time::timeout(WAIT_FOR_ROOM, handed_over).await {
                    Ok(Ok(place)) => place,
                    _ => {
                        refuse(&self.stream, self.tls.is_some());
                        return;
                    }
                }
            }
        };
        let registration = self.connections.register();
        let tracker = registration.tracker.clone();
        let (router, remote) = (self.router, self.remote);
        let request_tracker = tracker.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            // Handlers and the rate limits read the peer address as axum's `ConnectInfo`.
            request.extensions_mut().insert(ConnectInfo(remote));
            let in_flight = InFlight::start(request_tracker.clone());
            let response = router.clone().oneshot(request);
            async move {
                let response = response.await?;
                Ok::<_, Infallible>(response.map(|body| TrackedBody { body, _in_flight: in_flight }))
            }
        });
        let watched = Watched { stream: self.stream, tracker: tracker.clone() };
        let (builder, watcher) = (self.builder, self.watcher);
        let served = async {
            let Some(acceptor) = self.tls else {
                let connection = builder.serve_connection(TokioIo::new(watched), service);
                return watcher.watch(connection).await.map_err(|err| err.to_string());
            };
            let stream = match tokio::time::timeout(self.handshake_timeout, acceptor.accept(watched)).await {
                Ok(Ok(stream)) => stream,
                Ok(Err(err)) => return Err(format!("TLS handshake failed: {err}")),
                Err(_) => return Err("TLS handshake took too long".to_owned()),
            };
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            watcher.watch(connection).await.map_err(|err| err.to_string())
        };
        tokio::select! {
            served = served => {
                if let Err(err) = served {
                    tracing::debug!(error = %err, %remote, "connection ended with an error");
                }
            }
            () = tracker.idle_for(self.idle_timeout) => {
                tracing::debug!(%remote, "closing a connection on which nothing moved");
            }
            () = tracker.evict.notified() => {
                tracing::debug!(%remote, "closing the connection waiting longest for a request, to make room");
            }
        }
        // The connection is closed by now (the select dropped it). If a newcomer asked for
        // its place, the place goes to it, or back to everyone if that one gave up.
        let handover = tracker.handover.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        if let Some(handover) = handover {
            let _ = handover.send(place);
        }
    }
}

/// Counts a request from its arrival until its response body is handed over.
struct InFlight(Arc<Tracker>);

impl InFlight {
    fn start(tracker: Arc<Tracker>) -> Self {
        tracker.in_flight.fetch_add(1, Ordering::AcqRel);
        InFlight(tracker)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if self.0.in_flight.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.0.waiting_since.store(millis_since(self.0.epoch), Ordering::Release);
        }
    }
}

/// The response body, holding the request's [`InFlight`] until hyper drops it (when the
/// last byte is written out or the connection ends).
struct TrackedBody {
    body: Body,
    _in_flight: InFlight,
}

impl http_body::Body for TrackedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}

/// The socket, noting when a byte moves for the idle watch.
struct Watched {
    stream: TcpStream,
    tracker: Arc<Tracker>,
}

impl AsyncRead for Watched {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.tracker.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(written)) if written > 0) {
            self.tracker.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(written)) if written > 0) {
            self.tracker.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ceiling_leaves_descriptors_for_the_database_and_mail() {
        assert_eq!(connection_ceiling(2048, Some(20_000)), 2048);
        assert_eq!(connection_ceiling(2048, Some(1024)), 896);
        assert_eq!(connection_ceiling(2048, Some(128)), 32, "a quarter of very few, for the waiting room and SQLite");
        assert_eq!(connection_ceiling(2048, None), 2048);
        assert_eq!(connection_ceiling(0, Some(20_000)), 1);
    }
}
