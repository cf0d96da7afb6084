//! `/metrics` on its own address, read by an independent, strict OpenMetrics parser
//! (openmetrics-parser, a pest grammar of the standard).

use domain::demo::TAG_SLUG;
use openmetrics_parser::{MetricsExposition, OpenMetricsType, OpenMetricsValue};
use reqwest::StatusCode;

use crate::support::TestApp;

type Scrape = MetricsExposition<OpenMetricsType, OpenMetricsValue>;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()).expect("free port").port()
}

struct Metrics {
    address: String,
}

impl Metrics {
    async fn scrape(&self, app: &TestApp) -> (String, Scrape) {
        let response = app.client.get(format!("http://{}/metrics", self.address)).send().await.expect("scrape");
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.expect("text");
        let scrape = openmetrics_parser::openmetrics::parse_openmetrics(&text)
            .unwrap_or_else(|err| panic!("OpenMetrics text that parses: {err:?}\n{text}"));
        (text, scrape)
    }
}

/// The summed value of family `name`'s samples whose labels include all of `labels`
/// (a histogram's: its count); 0 when there are none.
fn value(scrape: &Scrape, name: &str, labels: &[(&str, &str)]) -> f64 {
    let Some(family) = scrape.families.get(name) else { return 0.0 };
    family
        .iter_samples()
        .filter(|sample| {
            let set = sample.get_labelset().expect("labels");
            labels.iter().all(|(key, wanted)| set.get_label_value(key) == Some(*wanted))
        })
        .map(|sample| match &sample.value {
            OpenMetricsValue::Counter(counter) => counter.value.as_f64(),
            OpenMetricsValue::Gauge(value) | OpenMetricsValue::Unknown(value) => value.as_f64(),
            OpenMetricsValue::Histogram(histogram) => histogram.count.unwrap_or_default() as f64,
            _ => 0.0,
        })
        .sum()
}

#[tokio::test]
async fn metrics_move_with_a_registration_and_a_check_in_and_stay_off_the_public_address() {
    let address = format!("127.0.0.1:{}", free_port());
    let bind = address.clone();
    let app = TestApp::spawn_with(|config| config.metrics_bind = Some(bind)).await;
    let metrics = Metrics { address };
    assert_eq!(app.get("/metrics").await.status(), StatusCode::NOT_FOUND, "not on the public address");

    let (_, before) = metrics.scrape(&app).await;
    assert_eq!(value(&before, "treffpunkt_registrations", &[("result", "registered")]), 0.0);
    assert!(value(&before, "treffpunkt_start_time_seconds", &[]) > 1.7e9, "a Unix time");
    assert!(value(&before, "treffpunkt_db_pool_connections", &[("pool", "read")]) >= 1.0, "the pool is open");

    let device = app.door_device(TAG_SLUG, "Eingang Metrik").await;
    let path = app.register_confirmed("metrik@example.org", &[]).await;
    let ticket = app.ticket_code(&path).await;
    let (status, _) = app.redeem(&device, &ticket, "metrics-1", None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.redeem(&device, &ticket, "metrics-2", None).await;
    assert_eq!(status, StatusCode::OK);

    let (text, after) = metrics.scrape(&app).await;
    assert_eq!(value(&after, "treffpunkt_registrations", &[("result", "registered")]), 1.0);
    assert_eq!(value(&after, "treffpunkt_check_ins", &[("result", "ok")]), 1.0);
    assert_eq!(value(&after, "treffpunkt_check_ins", &[("result", "already_checked_in")]), 1.0);
    let register = [("route", "/events/{slug}/register"), ("method", "POST"), ("status", "303")];
    assert_eq!(value(&after, "treffpunkt_http_requests", &register), 1.0);
    assert_eq!(value(&after, "treffpunkt_http_request_duration_seconds", &register), 1.0);
    assert!(value(&after, "treffpunkt_outbox_unsent", &[]) >= 0.0);
    assert!(text.contains("treffpunkt_outbox_oldest_unsent_age_seconds"), "{text}");
    assert!(text.contains("treffpunkt_backup_failures_total"), "{text}");
    if app.database_url.starts_with("sqlite:") {
        assert!(value(&after, "treffpunkt_sqlite_writer_batch_size", &[]) >= 1.0, "the writer's batches");
    }
    // Routes, never paths: the registration's and the door's secret tokens stay out.
    let manage_token = path.trim_start_matches("/r/");
    assert!(!text.contains(manage_token) && !text.contains(&device), "no token in the metrics");
    assert!(text.contains("route=\"/r/{manage_token}\""), "the registration page counted by its route: {text}");
}
