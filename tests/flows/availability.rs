//! Holding up under attack (issue 17): slow and idle connections, password guessing,
//! staff who must still get in, and a busy door that must not slow other events.

use std::sync::Arc;
use std::time::Duration;

use domain::account::Role;
use domain::demo::{INFO_SLUG, TAG_SLUG};
use domain::login::MAX_FAILURES_PER_ACCOUNT;
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

use crate::support::{ChildServer, TestApp, valid_fields};

/// Opens a connection and sends nothing.
async fn idle_socket(address: &str) -> (Instant, TcpStream) {
    (Instant::now(), TcpStream::connect(address).await.expect("connect"))
}

/// Whether the server closed the socket by `deadline` (reading what it sent first, a
/// refusal say).
async fn closed_by(mut socket: TcpStream, deadline: Instant) -> bool {
    let mut sink = Vec::new();
    tokio::time::timeout_at(deadline, socket.read_to_end(&mut sink)).await.is_ok()
}

/// A slowloris client: a request line, then one header line every `every`, never the end
/// of the headers. Returns how long the server kept the connection (capped at `give_up`).
async fn send_headers_slowly(address: String, every: Duration, give_up: Duration) -> Duration {
    let started = Instant::now();
    let Ok(mut socket) = TcpStream::connect(&address).await else {
        return Duration::ZERO;
    };
    if socket.write_all(b"GET / HTTP/1.1\r\nHost: treffpunkt.test\r\n").await.is_err() {
        return started.elapsed();
    }
    let mut buffer = [0_u8; 512];
    while started.elapsed() < give_up {
        tokio::select! {
            // Any answer (a refusal) or the end of the connection: the server let go.
            _ = socket.read(&mut buffer) => return started.elapsed(),
            () = tokio::time::sleep(every) => {
                if socket.write_all(b"X-Still-Typing: 1\r\n").await.is_err() {
                    return started.elapsed();
                }
            }
        }
    }
    started.elapsed()
}

fn host_and_port(app_base: &str) -> String {
    app_base.trim_start_matches("http://").to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundreds_of_idle_and_slow_connections_neither_block_a_request_nor_stay_open() {
    let header_read_timeout = Duration::from_secs(2);
    let app = TestApp::spawn_with(|config| {
        config.header_read_timeout = header_read_timeout;
        config.max_connections = 100;
    })
    .await;
    let address = host_and_port(&app.base);
    let mut idle = Vec::new();
    for _ in 0..150 {
        idle.push(idle_socket(&address).await);
    }
    let slow: Vec<_> = (0..150)
        .map(|_| {
            tokio::spawn(send_headers_slowly(address.clone(), Duration::from_millis(500), Duration::from_secs(15)))
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let started = Instant::now();
    let response = reqwest::Client::new()
        .get(app.url("/"))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .expect("a normal request is answered");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(started.elapsed() < Duration::from_secs(1), "answered in {:?}", started.elapsed());

    let margin = Duration::from_secs(4);
    for (opened, socket) in idle {
        assert!(closed_by(socket, opened + header_read_timeout + margin).await, "an idle socket is closed");
    }
    for task in slow {
        let kept = task.await.expect("slow client");
        assert!(kept < header_read_timeout + margin, "a slow client was kept {kept:?}");
    }
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_timeout() {
    let header_read_timeout = Duration::from_secs(1);
    let app = TestApp::spawn_with(|config| config.header_read_timeout = header_read_timeout).await;
    let mut socket = TcpStream::connect(host_and_port(&app.base)).await.expect("connect");
    socket.write_all(b"GET / HTTP/1.1\r\nHost: treffpunkt.test\r\n\r\n").await.expect("request");
    let mut answer = [0_u8; 4096];
    let read = socket.read(&mut answer).await.expect("response");
    assert!(answer[..read].starts_with(b"HTTP/1.1 "), "an answer on the kept-alive connection");
    let answered = Instant::now();
    assert!(closed_by(socket, answered + header_read_timeout + Duration::from_secs(3)).await);
}

/// The situation of the report: a host with `ulimit -n 128`, where 150 idle sockets made
/// `accept` fail with "Too many open files" and a normal request time out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_with_few_file_descriptors_answers_while_idle_sockets_pile_up() {
    let app = TestApp::spawn().await;
    let server = ChildServer::start_limited(&app.database_url, &[], Some(128)).await;
    let address = host_and_port(&server.base);
    let mut idle = Vec::new();
    for _ in 0..150 {
        idle.push(idle_socket(&address).await);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let response = reqwest::Client::new()
        .get(format!("{}/", server.base))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .expect("a normal request is answered");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(started.elapsed() < Duration::from_secs(1), "answered in {:?}", started.elapsed());
    drop(idle);
}

/// The most memory this test process has used so far, in bytes (Linux).
fn peak_memory() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kilobytes| kilobytes * 1024)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_wrong_passwords_for_one_account_run_at_most_the_allowed_checks() {
    let app = TestApp::spawn().await;
    app.team_member("target@example.org", Role::Organiser, &[]).await;
    let before = app.state.password_checks().performed();
    let attempts = (0..200).map(|n| {
        let app = &app;
        async move { app.post_login("target@example.org", &format!("wrong guess {n}")).await.status() }
    });
    let statuses = futures::future::join_all(attempts).await;
    let checks = app.state.password_checks().performed() - before;
    assert!(checks <= MAX_FAILURES_PER_ACCOUNT, "{checks} password checks for one account");
    let told_wrong = statuses.iter().filter(|status| **status == StatusCode::UNPROCESSABLE_ENTITY).count();
    assert!(told_wrong as u64 <= MAX_FAILURES_PER_ACCOUNT, "{told_wrong} answers \"wrong password\"");
    assert!(
        statuses.iter().all(|status| [422, 429, 503].contains(&status.as_u16())),
        "only \"wrong\", \"wait\" or \"busy\": {statuses:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_hundred_concurrent_log_ins_with_unknown_addresses_stay_within_the_cores_and_memory() {
    let app = TestApp::spawn().await;
    // Warm up: the first log-in builds what every later one reuses.
    app.post_login("warm-up@example.org", "some password here").await;
    let peak_before = peak_memory();
    let attempts = (0..300).map(|n| {
        let app = &app;
        async move { app.post_login(&format!("nobody{n}@example.org"), "some password here").await.status() }
    });
    let statuses = futures::future::join_all(attempts).await;
    let checks = app.state.password_checks();
    assert!(checks.most_at_once() <= checks.at_once(), "{} checks ran at once", checks.most_at_once());
    let grown = peak_memory().saturating_sub(peak_before);
    eprintln!("peak memory grew by {} MiB; {} checks in all", grown / (1024 * 1024), checks.performed());
    assert!(grown < 100 * 1024 * 1024, "peak memory grew by {} MiB", grown / (1024 * 1024));
    assert!(statuses.iter().all(|status| [422, 429, 503].contains(&status.as_u16())), "{statuses:?}");
}

#[tokio::test]
async fn a_client_gets_ten_log_in_tries_then_waits() {
    let app = TestApp::spawn_with(|config| config.rate_limits = true).await;
    let mut statuses = Vec::new();
    for n in 0..12 {
        let response = app.post_login(&format!("guess{n}@example.org"), "some password here").await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(response.headers().contains_key("retry-after"));
        }
        statuses.push(response.status());
    }
    assert_eq!(&statuses[..10], &[StatusCode::UNPROCESSABLE_ENTITY; 10], "{statuses:?}");
    assert_eq!(&statuses[10..], &[StatusCode::TOO_MANY_REQUESTS; 2], "{statuses:?}");
    assert_eq!(app.state.password_checks().performed(), 10, "a refused try costs no password check");
}

#[tokio::test]
async fn a_scan_at_one_event_leaves_the_other_events_cached_rows_and_a_write_to_it_does_not() {
    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    let info = app.event(INFO_SLUG).await;
    let registration = app.register_confirmed("ana@example.org", &[]).await;
    let ticket = app.ticket_code(&registration).await;
    let device = app.door_device(TAG_SLUG, "Eingang Nord").await;

    let tag_rows = app.state.attendee_rows(tag.id).await.expect("rows");
    let info_rows = app.state.attendee_rows(info.id).await.expect("rows");
    let (status, answer) = app.redeem(&device, &ticket, "scan-1", None).await;
    assert_eq!((status, answer["result"].as_str()), (StatusCode::OK, Some("ok")));

    let info_after_scan = app.state.attendee_rows(info.id).await.expect("rows");
    assert!(Arc::ptr_eq(&info_rows, &info_after_scan), "another event's rows are not read again");
    let tag_after_scan = app.state.attendee_rows(tag.id).await.expect("rows");
    assert!(!Arc::ptr_eq(&tag_rows, &tag_after_scan), "the scanned event's rows are read again");
    assert!(
        tag_after_scan.iter().any(|row| row.checked_in_at.is_some()),
        "this instance never shows its own change late"
    );

    // A registration for the other event makes its rows stale, and only its rows.
    app.post_registration(INFO_SLUG, &valid_fields("bo@example.org")).await;
    let info_after_registration = app.state.attendee_rows(info.id).await.expect("rows");
    assert!(!Arc::ptr_eq(&info_after_scan, &info_after_registration));
    let tag_after_registration = app.state.attendee_rows(tag.id).await.expect("rows");
    assert!(Arc::ptr_eq(&tag_after_scan, &tag_after_registration));

    // A write that names no event (here: a log-in attempt) makes everything stale.
    app.post_login("nobody@example.org", "some password here").await;
    let tag_after_other_write = app.state.attendee_rows(tag.id).await.expect("rows");
    assert!(!Arc::ptr_eq(&tag_after_registration, &tag_after_other_write));
}
