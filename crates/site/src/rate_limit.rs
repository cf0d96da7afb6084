//! Per-client rate limits (token buckets in memory, per server instance): enough to stop
//! a script flooding the registration form or guessing door device tokens, generous
//! enough for a town hall registering its whole delegation from one address.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

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
}

impl Limits {
    pub fn standard() -> Self {
        Limits {
            registration: RateLimiter::new(20, 20),
            scans: RateLimiter::new(120, 1_200),
            door_auth_failures: RateLimiter::new(10, 10),
            // A team member mistyping a few times gets through; a script gets one try
            // every six seconds.
            login: RateLimiter::new(10, 10),
        }
    }

    /// For load benchmarks and tests that send thousands of requests from one address.
    pub fn off() -> Self {
        Limits {
            registration: RateLimiter::disabled(),
            scans: RateLimiter::disabled(),
            door_auth_failures: RateLimiter::disabled(),
            login: RateLimiter::disabled(),
        }
    }
}

/// The peer address of the connection, when the server was started with it.
#[derive(Clone, Copy, Debug)]
pub struct ClientIp(pub Option<IpAddr>);

impl ClientIp {
    pub fn key(self) -> String {
        self.0.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip())))
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
}
