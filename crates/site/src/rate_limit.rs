//! Per-client rate limits (token buckets in memory, per server instance): enough to stop
//! a script flooding the registration form or guessing door device tokens, generous
//! enough for a town hall registering its whole delegation from one address. Overall
//! ceilings per minute hold against many addresses at once.
//!
//! The client is the connection's peer, or behind the configured reverse proxy the last
//! address in `X-Forwarded-For` (the one the proxy saw); an IPv6 client is its /64, the
//! block one household or office gets.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::AppState;

/// Buckets above this count are pruned of the ones that are full again.
const PRUNE_ABOVE: usize = 10_000;

pub struct RateLimiter {
    burst: f64,
    per_second: f64,
    enabled: bool,
    buckets: Mutex<HashMap<String, Bucket>>,
}

struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    /// `burst` requests at once, then `per_minute` on average.
    pub fn new(burst: u32, per_minute: u32) -> Self {
        RateLimiter {
            burst: f64::from(burst),
            per_second: f64::from(per_minute) / 60.0,
            enabled: true,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    pub fn disabled() -> Self {
        RateLimiter { enabled: false, ..RateLimiter::new(1, 1) }
    }

    /// Takes one request from the client's bucket, or says how long to wait.
    pub fn check(&self, client: &str) -> Result<(), Duration> {
        if !self.enabled {
            return Ok(());
        }
        let now = Instant::now();
        // A poisoned lock only means another request panicked mid-update; the counts are
        // still usable.
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() > PRUNE_ABOVE {
            let (burst, per_second) = (self.burst, self.per_second);
            buckets.retain(|_, bucket| {
                bucket.tokens + now.duration_since(bucket.updated).as_secs_f64() * per_second < burst
            });
        }
        let bucket = buckets.entry(client.to_owned()).or_insert(Bucket { tokens: self.burst, updated: now });
        let refilled = now.duration_since(bucket.updated).as_secs_f64() * self.per_second;
        bucket.tokens = (bucket.tokens + refilled).min(self.burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64(((1.0 - bucket.tokens) / self.per_second).ceil().max(1.0)))
        }
    }
}

/// A 429 answer; the error-page layer renders it in the user's language (or as JSON
/// under `/api/`).
pub fn too_many_requests(wait: Duration) -> axum::response::Response {
    use axum::response::IntoResponse;
    (axum::http::StatusCode::TOO_MANY_REQUESTS, [(axum::http::header::RETRY_AFTER, wait.as_secs().to_string())])
        .into_response()
}

/// The limits the server applies.
pub struct Limits {
    /// Registration submissions per client address.
    pub registration: RateLimiter,
    /// Scans per door device.
    pub scans: RateLimiter,
    /// Failed door-device authentications per client address.
    pub door_auth_failures: RateLimiter,
    /// Log-in form submissions per client address: each may cost a password check.
    pub login: RateLimiter,
    /// Registration submissions from all clients together.
    pub all_registrations: RateLimiter,
    /// Log-in form submissions from all clients together (browsers that signed in
    /// before are not counted: they must get in during an attack).
    pub all_log_ins: RateLimiter,
}

/// The key of the overall buckets.
pub const EVERYONE: &str = "everyone";

impl Limits {
    pub fn standard() -> Self {
        Limits {
            registration: RateLimiter::new(20, 20),
            scans: RateLimiter::new(120, 1_200),
            door_auth_failures: RateLimiter::new(10, 10),
            // A team member mistyping a few times gets through; a script gets one try
            // every six seconds.
            login: RateLimiter::new(10, 10),
            // Three times the busiest registration morning measured (about 200 a minute
            // when an invitation goes out); the server itself takes over 1,000 a second.
            all_registrations: RateLimiter::new(300, 600),
            // A team of dozens signs in a few times a day.
            all_log_ins: RateLimiter::new(60, 60),
        }
    }

    /// For load benchmarks and tests that send thousands of requests from one address.
    pub fn off() -> Self {
        Limits {
            registration: RateLimiter::disabled(),
            scans: RateLimiter::disabled(),
            door_auth_failures: RateLimiter::disabled(),
            login: RateLimiter::disabled(),
            all_registrations: RateLimiter::disabled(),
            all_log_ins: RateLimiter::disabled(),
        }
    }

    /// A registration submission from `client`: its own bucket first (a refused client
    /// takes nothing from everyone's), then everyone's.
    pub fn registration(&self, client: ClientIp) -> Result<(), Duration> {
        self.registration.check(&client.key())?;
        self.all_registrations.check(EVERYONE)
    }
}

/// The client's address: the connection's peer, or behind the trusted reverse proxy the
/// address the proxy saw.
#[derive(Clone, Copy, Debug)]
pub struct ClientIp(pub Option<IpAddr>);

impl ClientIp {
    /// The key of the client's buckets and log-in count: the address, or for IPv6 its
    /// /64 (one address of a block is as good as another to whoever holds the block).
    pub fn key(self) -> String {
        match self.0 {
            None => "unknown".to_owned(),
            Some(IpAddr::V4(ip)) => ip.to_string(),
            Some(IpAddr::V6(ip)) => format!("{}/64", Ipv6Addr::from(u128::from(ip) & (u128::MAX << 64))),
        }
    }

    /// `peer` unless it is `trusted_proxy`; then the last `X-Forwarded-For` hop, which
    /// the proxy appended (earlier hops are whatever the client claimed).
    pub fn of(peer: Option<IpAddr>, trusted_proxy: Option<IpAddr>, headers: &HeaderMap) -> ClientIp {
        let peer = peer.map(|ip| ip.to_canonical());
        if peer.is_some() && peer == trusted_proxy.map(|ip| ip.to_canonical()) {
            let last_hop = headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .next_back()
                .map(str::trim);
            if let Some(forwarded) = last_hop.and_then(parse_hop) {
                return ClientIp(Some(forwarded.to_canonical()));
            }
        }
        ClientIp(peer)
    }
}

/// `203.0.113.7`, `2001:db8::1`, or with a port (`203.0.113.7:4711`, `[2001:db8::1]:4711`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>().ok().or_else(|| hop.parse::<SocketAddr>().ok().map(|address| address.ip()))
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
        Ok(ClientIp::of(peer, state.trusted_proxy(), &parts.headers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_its_burst_then_asks_to_wait() {
        let limiter = RateLimiter::new(3, 60);
        for _ in 0..3 {
            assert!(limiter.check("10.0.0.1").is_ok());
        }
        let wait = limiter.check("10.0.0.1").err();
        assert!(wait.is_some_and(|wait| wait >= Duration::from_secs(1)));
        assert!(limiter.check("10.0.0.2").is_ok(), "other clients have their own bucket");
        assert!(RateLimiter::disabled().check("x").is_ok());
    }

    #[test]
    fn registrations_meet_the_clients_bucket_then_everyones() {
        let limits =
            Limits { registration: RateLimiter::new(2, 1), all_registrations: RateLimiter::new(3, 1), ..Limits::off() };
        let client = |ip: &str| ClientIp(ip.parse().ok());
        assert!(limits.registration(client("192.0.2.1")).is_ok());
        assert!(limits.registration(client("192.0.2.1")).is_ok());
        assert!(limits.registration(client("192.0.2.1")).is_err(), "the client's own bucket");
        assert!(limits.registration(client("192.0.2.2")).is_ok(), "a refused client took nothing from everyone");
        assert!(limits.registration(client("192.0.2.3")).is_err(), "everyone's bucket is empty");
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            if let Ok(value) = value.parse() {
                headers.append("x-forwarded-for", value);
            }
        }
        headers
    }

    #[test]
    fn behind_the_trusted_proxy_the_client_is_the_last_forwarded_hop() {
        let proxy: IpAddr = "10.0.0.2".parse().expect("an address");
        let client = |peer: &str, headers: &HeaderMap| ClientIp::of(peer.parse().ok(), Some(proxy), headers).key();
        assert_eq!(client("10.0.0.2", &forwarded(&["1.1.1.1, 203.0.113.7"])), "203.0.113.7");
        assert_eq!(client("10.0.0.2", &forwarded(&["1.1.1.1", "203.0.113.7:4711"])), "203.0.113.7");
        assert_eq!(client("10.0.0.2", &forwarded(&[])), "10.0.0.2", "no header: the proxy itself");
        assert_eq!(client("10.0.0.2", &forwarded(&["nonsense"])), "10.0.0.2");
        assert_eq!(client("198.51.100.9", &forwarded(&["203.0.113.7"])), "198.51.100.9", "not the proxy: ignored");
        assert_eq!(ClientIp::of("10.0.0.2".parse().ok(), None, &forwarded(&["203.0.113.7"])).key(), "10.0.0.2");
        assert_eq!(client("::ffff:10.0.0.2", &forwarded(&["203.0.113.7"])), "203.0.113.7", "mapped IPv4 is IPv4");
    }

    #[test]
    fn an_ipv6_client_is_its_slash_64() {
        let key = |ip: &str| ClientIp(ip.parse().ok()).key();
        assert_eq!(key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("192.0.2.1"), "192.0.2.1");
        assert_eq!(ClientIp(None).key(), "unknown");
    }
}
