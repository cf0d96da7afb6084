//! The load loop: `concurrency` workers share a request counter until the request count
//! or the time limit is reached; every latency is kept for exact percentiles.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub enum Outcome {
    Ok,
    Failed(String),
}

impl Outcome {
    /// Succeeds when the response has the expected status; reads the body, as a browser would.
    pub async fn expect(response: Result<reqwest::Response, reqwest::Error>, status: u16) -> Outcome {
        match response {
            Ok(response) if response.status() == status => match response.bytes().await {
                Ok(_) => Outcome::Ok,
                Err(err) => Outcome::Failed(err.to_string()),
            },
            Ok(response) => Outcome::Failed(format!("status {}", response.status())),
            Err(err) => Outcome::Failed(err.to_string()),
        }
    }
}

pub struct Measurement {
    pub name: &'static str,
    pub concurrency: usize,
    pub requests: usize,
    pub errors: usize,
    pub first_error: Option<String>,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
    pub p999: Duration,
}

impl Measurement {
    pub fn throughput(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

pub async fn run<F, Fut>(
    name: &'static str,
    concurrency: usize,
    requests: usize,
    limit: Duration,
    request: F,
) -> Measurement
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Outcome> + Send,
{
    let request = Arc::new(request);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::with_capacity(concurrency);
    for _ in 0..concurrency {
        let request = request.clone();
        let next = next.clone();
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= requests || started.elapsed() > limit {
                    break;
                }
                let sent = Instant::now();
                let outcome = request(index).await;
                latencies.push(sent.elapsed());
                if let Outcome::Failed(message) = outcome {
                    errors.push(message);
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::with_capacity(requests);
    let mut errors = Vec::new();
    for worker in workers {
        if let Ok((worker_latencies, worker_errors)) = worker.await {
            latencies.extend(worker_latencies);
            errors.extend(worker_errors);
        }
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    let percentile = |p: f64| -> Duration {
        if latencies.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((p / 100.0) * latencies.len() as f64).ceil() as usize;
        latencies[rank.clamp(1, latencies.len()) - 1]
    };
    let measurement = Measurement {
        name,
        concurrency,
        requests: latencies.len(),
        errors: errors.len(),
        first_error: errors.first().cloned(),
        elapsed,
        p50: percentile(50.0),
        p99: percentile(99.0),
        p999: percentile(99.9),
    };
    eprintln!(
        "  c={:<2} {:>6} requests {:>9.0}/s  p50 {:>7.2} ms  p99 {:>7.2} ms  p99.9 {:>7.2} ms  errors {}{}",
        concurrency,
        measurement.requests,
        measurement.throughput(),
        measurement.p50.as_secs_f64() * 1e3,
        measurement.p99.as_secs_f64() * 1e3,
        measurement.p999.as_secs_f64() * 1e3,
        measurement.errors,
        measurement.first_error.as_deref().map(|e| format!(" (first: {e})")).unwrap_or_default(),
    );
    measurement
}
