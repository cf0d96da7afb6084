//! Holding up under attack (issue 17): slow and idle connections, password guessing,
//! staff who must still get in, and a busy door that must not slow other events.

use std::sync::Arc;
use std::time::Duration;

use domain::account::Role;
use domain::demo::{INFO_SLUG, TAG_SLUG};
use domain::login::{FREE_ATTEMPTS, FREE_ATTEMPTS_PER_ACCOUNT};
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

use crate::support::backoffice::{PASSWORD, csrf_on, set_cookie};
use crate::support::{ChildServer, TestApp, valid_fields};

/// The tests here take turns: some measure time or memory, others load both cores with
/// password checks, and a second measured on a busy machine says nothing.
static MEASURING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

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

/// A normal page request on a new connection, three times: how long the fastest took
/// (the best of three, so that a busy test machine does not decide). Each must succeed.
async fn fastest_of_three(url: &str) -> Duration {
    let mut fastest = Duration::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        let response = reqwest::Client::new()
            .get(url)
            .timeout(Duration::from_secs(10))
            .send()
            .await
            .expect("a normal request is answered");
        let elapsed = started.elapsed();
        let status = response.status();
        assert_eq!(status, StatusCode::OK, "{:?}", response.text().await);
        fastest = fastest.min(elapsed);
    }
    fastest
}

fn host_and_port(app_base: &str) -> String {
    app_base.trim_start_matches("http://").to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundreds_of_idle_and_slow_connections_neither_block_a_request_nor_stay_open() {
    let _turn = MEASURING.lock().await;
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

    let fastest = fastest_of_three(&app.url("/")).await;
    assert!(fastest < Duration::from_secs(1), "a normal request answered in {fastest:?} at best");

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
    let _turn = MEASURING.lock().await;
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
    let _turn = MEASURING.lock().await;
    let app = TestApp::spawn().await;
    let server = ChildServer::start_limited(&app.database_url, &[], Some(128)).await;
    let address = host_and_port(&server.base);
    let mut idle = Vec::new();
    for _ in 0..150 {
        idle.push(idle_socket(&address).await);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let fastest = fastest_of_three(&format!("{}/", server.base)).await;
    assert!(fastest < Duration::from_secs(1), "a normal request answered in {fastest:?} at best");
    drop(idle);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_wrong_passwords_for_one_account_run_at_most_the_allowed_checks() {
    let _turn = MEASURING.lock().await;
    let app = TestApp::spawn().await;
    app.team_member("target@example.org", Role::Organiser, &[]).await;
    let before = app.state.password_checks().performed();
    let attempts = (0..200).map(|n| {
        let app = &app;
        async move { app.post_login("target@example.org", &format!("wrong guess {n}")).await.status() }
    });
    let statuses = futures::future::join_all(attempts).await;
    let checks = app.state.password_checks().performed() - before;
    assert!(checks <= FREE_ATTEMPTS, "{checks} password checks for one account");
    let told_wrong = statuses.iter().filter(|status| **status == StatusCode::UNPROCESSABLE_ENTITY).count();
    assert!(told_wrong as u64 <= FREE_ATTEMPTS, "{told_wrong} answers \"wrong password\"");
    assert!(
        statuses.iter().all(|status| [422, 429, 503].contains(&status.as_u16())),
        "only \"wrong\", \"wait\" or \"busy\": {statuses:?}"
    );
}

/// The most memory process `pid` has used so far, in bytes (Linux).
fn peak_memory(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kilobytes| kilobytes * 1024)
}

/// The log-in form of the server at `base`, filled in and sent as a browser would.
async fn log_in_at(client: &reqwest::Client, base: &str, email: &str, password: &str) -> StatusCode {
    let Ok(form) = client.get(format!("{base}/admin/login")).send().await else {
        return StatusCode::BAD_GATEWAY;
    };
    let cookie = set_cookie(&form, "tp_form").unwrap_or_default();
    let csrf = csrf_on(&form.text().await.unwrap_or_default()).unwrap_or_default();
    client
        .post(format!("{base}/admin/login"))
        .header("cookie", format!("tp_form={cookie}"))
        .form(&[("csrf", csrf.as_str()), ("email", email), ("password", password), ("next", "/admin")])
        .send()
        .await
        .map_or(StatusCode::BAD_GATEWAY, |response| response.status())
}

async fn three_hundred_log_ins_at(base: &str, client: &reqwest::Client) -> Vec<StatusCode> {
    let attempts = (0..300)
        .map(|n| async move { log_in_at(client, base, &format!("nobody{n}@example.org"), "some password here").await });
    futures::future::join_all(attempts).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_hundred_concurrent_log_ins_with_unknown_addresses_stay_within_the_cores_and_memory() {
    let _turn = MEASURING.lock().await;
    let app = TestApp::spawn().await;
    let statuses = three_hundred_log_ins_at(&app.base, &app.client).await;
    let checks = app.state.password_checks();
    assert!(checks.most_at_once() <= checks.at_once(), "{} checks ran at once", checks.most_at_once());
    assert!(statuses.iter().all(|status| [422, 429, 503].contains(&status.as_u16())), "{statuses:?}");

    // The memory of the real binary, measured on its own process.
    let server = ChildServer::start(&app.database_url).await;
    let client = reqwest::Client::new();
    log_in_at(&client, &server.base, "warm-up@example.org", "some password here").await;
    let before = peak_memory(server.pid());
    let statuses = three_hundred_log_ins_at(&server.base, &client).await;
    let grown = peak_memory(server.pid()).saturating_sub(before);
    eprintln!("the server's peak memory grew by {} MiB ({before} bytes before)", grown / (1024 * 1024));
    assert!(before > 0, "the server's memory is readable");
    assert!(grown < 100 * 1024 * 1024, "peak memory grew by {} MiB", grown / (1024 * 1024));
    assert!(statuses.iter().all(|status| [422, 429, 503].contains(&status.as_u16())), "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_gets_ten_log_in_tries_then_waits() {
    let _turn = MEASURING.lock().await;
    let app = TestApp::spawn_with(|config| config.rate_limits = true).await;
    // At once: the bucket refills one try every six seconds, and at once it cannot.
    let attempts = (0..12).map(|n| {
        let app = &app;
        async move {
            let response = app.post_login(&format!("guess{n}@example.org"), "some password here").await;
            if response.status() == StatusCode::TOO_MANY_REQUESTS {
                assert!(response.headers().contains_key("retry-after"));
            }
            response.status()
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    let waiting = statuses.iter().filter(|status| **status == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!(waiting, 2, "ten tries, then the client waits: {statuses:?}");
    assert!(app.state.password_checks().performed() <= 10, "a refused try costs no password check");
}

#[tokio::test]
async fn a_scan_at_one_event_leaves_the_other_events_cached_rows_and_a_write_to_it_does_not() {
    let _turn = MEASURING.lock().await;
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

/// The log-in form sent from `client` (as the trusted proxy names it), with the
/// browser's known-device mark if it has one.
async fn log_in_from(
    app: &TestApp,
    client: &str,
    mark: Option<&str>,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let (form_cookie, csrf) = app.login_form().await;
    let cookies = match mark {
        Some(mark) => format!("tp_form={form_cookie}; tp_device={mark}"),
        None => format!("tp_form={form_cookie}"),
    };
    app.client
        .post(app.url("/admin/login"))
        .header("cookie", cookies)
        .header("x-forwarded-for", format!("198.51.100.200, {client}"))
        .form(&[("csrf", csrf.as_str()), ("email", email), ("password", password), ("next", "/admin")])
        .send()
        .await
        .expect("POST log-in")
}

async fn behind_a_proxy() -> TestApp {
    TestApp::spawn_with(|config| config.trusted_proxy = "127.0.0.1".parse().ok()).await
}

#[tokio::test]
async fn guessing_slows_the_guesser_down_but_never_keeps_staff_out() {
    let _turn = MEASURING.lock().await;
    let app = behind_a_proxy().await;
    app.team_member("anna@example.org", Role::Organiser, &[]).await;
    // Anna signed in on her laptop last week: the browser keeps the mark.
    let first = log_in_from(&app, "192.0.2.10", None, "anna@example.org", PASSWORD).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let mark = set_cookie(&first, "tp_device").expect("the browser is marked as known");

    // Someone guesses from one address: a few tries, then they wait.
    for n in 0..FREE_ATTEMPTS {
        let guess = log_in_from(&app, "203.0.113.7", None, "anna@example.org", &format!("guess number {n}")).await;
        assert_eq!(guess.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let slowed = log_in_from(&app, "203.0.113.7", None, "anna@example.org", "guess number x").await;
    assert_eq!(slowed.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(slowed.headers().contains_key("retry-after"));

    // Anna on a colleague's computer elsewhere is not slowed by it...
    let elsewhere = log_in_from(&app, "192.0.2.99", None, "anna@example.org", PASSWORD).await;
    assert_eq!(elsewhere.status(), StatusCode::SEE_OTHER, "another client is not slowed down");
    // ...and her own browser gets in even from the guesser's address (one office, one NAT).
    let known = log_in_from(&app, "203.0.113.7", Some(&mark), "anna@example.org", PASSWORD).await;
    assert_eq!(known.status(), StatusCode::SEE_OTHER, "a known browser gets in");
    // The mark is Anna's: for another account it is just a cookie.
    app.team_member("bo@example.org", Role::Organiser, &[]).await;
    for n in 0..FREE_ATTEMPTS {
        log_in_from(&app, "203.0.113.8", None, "bo@example.org", &format!("guess number {n}")).await;
    }
    let foreign_mark = log_in_from(&app, "203.0.113.8", Some(&mark), "bo@example.org", PASSWORD).await;
    assert_eq!(foreign_mark.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn guessing_from_many_addresses_slows_unknown_browsers_but_not_a_known_one() {
    let _turn = MEASURING.lock().await;
    let app = behind_a_proxy().await;
    app.team_member("anna@example.org", Role::Organiser, &[]).await;
    let first = log_in_from(&app, "192.0.2.10", None, "anna@example.org", PASSWORD).await;
    let mark = set_cookie(&first, "tp_device").expect("the browser is marked as known");
    for n in 0..FREE_ATTEMPTS_PER_ACCOUNT {
        let client = format!("203.0.113.{}", n + 1);
        let guess = log_in_from(&app, &client, None, "anna@example.org", "one guess each").await;
        assert_eq!(guess.status(), StatusCode::UNPROCESSABLE_ENTITY, "guess {n}");
    }
    let next = log_in_from(&app, "203.0.113.200", None, "anna@example.org", "one guess each").await;
    assert_eq!(next.status(), StatusCode::TOO_MANY_REQUESTS, "the account is slowed down for unknown browsers");
    let known = log_in_from(&app, "192.0.2.10", Some(&mark), "anna@example.org", PASSWORD).await;
    assert_eq!(known.status(), StatusCode::SEE_OTHER, "a known browser gets in");
}

#[tokio::test]
async fn the_addresses_of_one_ipv6_block_share_their_tries_and_an_unproxied_header_is_ignored() {
    let _turn = MEASURING.lock().await;
    let app = behind_a_proxy().await;
    for n in 0..FREE_ATTEMPTS {
        let client = format!("2001:db8:1:2::{}", n + 1);
        let guess = log_in_from(&app, &client, None, "anna@example.org", "some password here").await;
        assert_eq!(guess.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let same_block = log_in_from(&app, "2001:db8:1:2:ffff::9", None, "anna@example.org", "some password here").await;
    assert_eq!(same_block.status(), StatusCode::TOO_MANY_REQUESTS, "one /64 is one client");
    let other_block = log_in_from(&app, "2001:db8:1:3::1", None, "anna@example.org", "some password here").await;
    assert_eq!(other_block.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Without a configured proxy the header is whatever the client claims: ignored.
    let direct = TestApp::spawn().await;
    for n in 0..FREE_ATTEMPTS {
        let client = format!("203.0.113.{}", n + 1);
        log_in_from(&direct, &client, None, "anna@example.org", "some password here").await;
    }
    let claimed = log_in_from(&direct, "203.0.113.100", None, "anna@example.org", "some password here").await;
    assert_eq!(claimed.status(), StatusCode::TOO_MANY_REQUESTS, "a made-up X-Forwarded-For changes nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_ins_from_many_addresses_meet_an_overall_ceiling_that_a_known_browser_passes() {
    let _turn = MEASURING.lock().await;
    let app = TestApp::spawn_with(|config| {
        config.rate_limits = true;
        config.trusted_proxy = "127.0.0.1".parse().ok();
    })
    .await;
    app.team_member("anna@example.org", Role::Organiser, &[]).await;
    let first = log_in_from(&app, "192.0.2.10", None, "anna@example.org", PASSWORD).await;
    let mark = set_cookie(&first, "tp_device").expect("the browser is marked as known");
    // 80 addresses at once (the bucket refills one a second; at once, it cannot).
    let attempts = (0..80).map(|n| {
        let app = &app;
        async move {
            let client = format!("203.0.113.{}", n + 1);
            log_in_from(app, &client, None, &format!("guess{n}@example.org"), "some password").await.status()
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    let refused = statuses.iter().filter(|status| **status == StatusCode::TOO_MANY_REQUESTS).count();
    // 60 at once, one of them taken by Anna's first log-in.
    assert!((19..=21).contains(&refused), "the overall ceiling refuses the rest: {statuses:?}");
    let known = log_in_from(&app, "198.51.100.1", Some(&mark), "anna@example.org", PASSWORD).await;
    assert_eq!(known.status(), StatusCode::SEE_OTHER, "a known browser passes the ceiling");
}
