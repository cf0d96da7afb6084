//! `systemctl stop` sends SIGTERM: the server stops accepting, finishes the requests in
//! flight with whole responses, and exits 0.

use std::time::Duration;

use domain::demo::TAG_SLUG;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::smtp::SmtpServer;
use crate::support::{ChildServer, TestApp, valid_fields};

/// A registration whose headers and first half of the body are sent; the rest waits.
struct HalfSentRegistration {
    stream: TcpStream,
    rest: Vec<u8>,
}

impl HalfSentRegistration {
    async fn start(address: &str, email: &str) -> HalfSentRegistration {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(valid_fields(email)).finish();
        let head = format!(
            "POST /events/{TAG_SLUG}/register HTTP/1.1\r\nhost: {address}\r\n\
             content-type: application/x-www-form-urlencoded\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let mut stream = TcpStream::connect(address).await.expect("connect");
        let (first, rest) = body.as_bytes().split_at(body.len() / 2);
        stream.write_all(head.as_bytes()).await.expect("send the headers");
        stream.write_all(first).await.expect("send half the body");
        HalfSentRegistration { stream, rest: rest.to_vec() }
    }

    /// Sends the rest and reads the answer to its end: the status and the `Location`.
    async fn finish(mut self) -> (u16, String) {
        self.stream.write_all(&self.rest).await.expect("send the rest of the body");
        let mut answer = Vec::new();
        self.stream.read_to_end(&mut answer).await.expect("the whole answer, no reset");
        let answer = String::from_utf8(answer).expect("an HTTP answer");
        let (head, body) = answer.split_once("\r\n\r\n").expect("a complete head");
        let status = head.get(9..12).and_then(|code| code.parse().ok()).expect("a status line");
        let header = |name: &str| {
            head.lines()
                .find_map(|line| line.split_once(':').filter(|(key, _)| key.eq_ignore_ascii_case(name)))
                .map(|(_, value)| value.trim().to_owned())
        };
        let length: usize = header("content-length").and_then(|length| length.parse().ok()).expect("content-length");
        assert_eq!(body.len(), length, "the whole body arrived: {answer}");
        (status, header("location").unwrap_or_default())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_the_requests_in_flight_and_exits_0() {
    let app = TestApp::spawn().await;
    let mut server = ChildServer::start(&app.database_url).await;
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut in_flight = Vec::new();
    for number in 0..8 {
        in_flight.push(HalfSentRegistration::start(&address, &format!("drain{number}@example.org")).await);
    }
    // The server has read the heads and waits for the bodies when the signal comes.
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.terminate();
    let started = std::time::Instant::now();
    while TcpStream::connect(&address).await.is_ok() {
        assert!(started.elapsed() < Duration::from_secs(5), "the server still accepts new connections");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The requests are still being waited for after the listener closed.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut locations = Vec::new();
    for registration in in_flight {
        let (status, location) = registration.finish().await;
        assert_eq!(status, 303, "the registration went through");
        locations.push(location);
    }
    let status = server.exit_status(Duration::from_secs(40)).await.expect("the server ends after draining");
    assert!(status.success(), "exit status {status:?}");
    for location in locations {
        let path = location
            .split_once("://")
            .map_or(location.as_str(), |(_, rest)| rest.find('/').map_or("/", |slash| &rest[slash..]));
        let (page, _) = app.get_text(path).await;
        assert_eq!(page, reqwest::StatusCode::OK, "the registration at {path} was stored");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_the_mail_being_sent_finish_and_hands_the_rest_back() {
    use domain::entity::outbox_message;
    use sea_orm::EntityTrait;

    // Only the child process sends mail; this one holds the database and queues three
    // confirmations, which the child then claims in one batch.
    let app = TestApp::spawn_with(|config| config.mail_worker = false).await;
    for number in 0..3 {
        app.register_confirmed(&format!("drain-mail{number}@example.org"), &[]).await;
    }
    let smtp = SmtpServer::answering_after(0, Duration::from_millis(1500)).await;
    let port = smtp.port.to_string();
    let flags = ["--smtp-host", "127.0.0.1", "--smtp-port", port.as_str(), "--smtp-security", "none"];
    let mut server = ChildServer::start_with(&app.database_url, &flags).await;
    // The first message is with the mail server, whose answer takes 1.5 s.
    assert_eq!(smtp.wait_for(1).await.len(), 1, "the first confirmation is being sent");
    server.terminate();
    let status = server.exit_status(Duration::from_secs(40)).await.expect("the server ends after the message");
    assert!(status.success(), "exit status {status:?}");
    let messages = outbox_message::Entity::find().all(&app.db).await.expect("outbox");
    let (sent, unsent): (Vec<_>, Vec<_>) = messages.into_iter().partition(|message| message.sent_at.is_some());
    assert_eq!(sent.len(), smtp.messages().len(), "every message the mail server took is marked sent, none half-sent");
    assert_eq!(sent.len(), 1, "no further message is started after the signal");
    assert_eq!(unsent.len(), 2);
    for message in unsent {
        assert_eq!(message.claimed_until, None, "handed back for the next instance at once");
        assert_eq!(message.attempts, 0, "an untried message has not been attempted");
    }
}
