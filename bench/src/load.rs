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
    /// Server CPU time (user + system) divided by the requests: what one request costs
    /// the server, whatever the load generator takes of the same two cores.
    pub server_cpu_per_request: Duration,
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
    server_pid: u32,
    request: F,
) -> Measurement
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Outcome> + Send,
{
    let request = Arc::new(request);
    let next = Arc::new(AtomicUsize::new(0));
    let cpu_before = cpu_seconds(server_pid);
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
    let server_cpu = cpu_seconds(server_pid) - cpu_before;
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
        server_cpu_per_request: Duration::from_secs_f64(server_cpu / latencies.len().max(1) as f64),
    };
    eprintln!(
        "  c={:<2} {:>6} requests {:>9.0}/s  p50 {:>7.2} ms  p99 {:>7.2} ms  p99.9 {:>7.2} ms  cpu {:>5.0} µs  errors {}{}",
        concurrency,
        measurement.requests,
        measurement.throughput(),
        measurement.p50.as_secs_f64() * 1e3,
        measurement.p99.as_secs_f64() * 1e3,
        measurement.p999.as_secs_f64() * 1e3,
        measurement.server_cpu_per_request.as_secs_f64() * 1e6,
        measurement.errors,
        measurement.first_error.as_deref().map(|e| format!(" (first: {e})")).unwrap_or_default(),
    );
    measurement
}

/// The process's user + system CPU time from /proc/PID/stat (clock ticks of 1/100 s).
fn cpu_seconds(pid: u32) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0.0;
    };
    // The command name may contain spaces; the fields after it are plain numbers.
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |index: usize| fields.get(index).and_then(|value| value.parse::<f64>().ok()).unwrap_or_default();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}
