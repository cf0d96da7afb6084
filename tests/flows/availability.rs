//! Holding up under attack (issue 17): slow and idle connections.

use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

use crate::support::{ChildServer, TestApp};

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
