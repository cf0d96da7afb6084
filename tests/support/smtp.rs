//! A small but real SMTP server on loopback for the mail tests: it speaks enough of
//! RFC 5321 for lettre (EHLO, MAIL, RCPT, DATA with dot-unstuffing, RSET, QUIT) and
//! keeps every message it accepts. Recipients whose address contains `bounce` are
//! refused with a permanent 550.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use documents::mail::{SmtpSecurity, SmtpSettings};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// The server's settings for sending to a test SMTP server on loopback `port`.
pub fn smtp_on(port: u16) -> Option<SmtpSettings> {
    Some(SmtpSettings {
        host: "127.0.0.1".to_owned(),
        port: Some(port),
        security: SmtpSecurity::None,
        user: None,
        password: None,
    })
}

pub struct SmtpServer {
    pub port: u16,
    messages: Arc<Mutex<Vec<Vec<u8>>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        SmtpServer::start_on(0).await
    }

    pub async fn start_on(port: u16) -> SmtpServer {
        SmtpServer::answering_after(port, Duration::ZERO).await
    }

    /// A server that keeps each message (it shows in [`SmtpServer::messages`] at once)
    /// but answers its end of DATA only after `delay`: a message stays in flight that
    /// long, as with a slow mail server.
    pub async fn answering_after(port: u16, delay: Duration) -> SmtpServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("SMTP port");
        let port = listener.local_addr().expect("address").port();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let store = messages.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, store.clone(), delay));
            }
        });
        SmtpServer { port, messages, task }
    }

    pub fn messages(&self) -> Vec<Vec<u8>> {
        self.messages.lock().map(|messages| messages.clone()).unwrap_or_default()
    }

    /// Waits until at least `count` messages arrived (at most ten seconds).
    pub async fn wait_for(&self, count: usize) -> Vec<Vec<u8>> {
        let started = Instant::now();
        loop {
            let messages = self.messages();
            if messages.len() >= count || started.elapsed() > Duration::from_secs(10) {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn session(stream: TcpStream, messages: Arc<Mutex<Vec<Vec<u8>>>>, delay: Duration) {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    if writer.write_all(b"220 localhost ESMTP treffpunkt-test\r\n").await.is_err() {
        return;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let command = String::from_utf8_lossy(&line).trim().to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("RCPT") && command.contains("BOUNCE") {
            // A mailbox that does not exist, refused for good as real servers do.
            b"550 5.1.1 Recipient address rejected: User unknown\r\n"
        } else if command.starts_with("EHLO") {
            b"250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 OK\r\n"
        } else if ["HELO", "MAIL", "RCPT", "RSET", "NOOP"].iter().any(|verb| command.starts_with(verb)) {
            b"250 OK\r\n"
        } else if command == "DATA" {
            if writer.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await.is_err() {
                return;
            }
            let mut message = Vec::new();
            loop {
                line.clear();
                if reader.read_until(b'\n', &mut line).await.unwrap_or(0) == 0 {
                    return;
                }
                if line == b".\r\n" {
                    break;
                }
                let content = if line.starts_with(b"..") { &line[1..] } else { &line[..] };
                message.extend_from_slice(content);
            }
            if let Ok(mut stored) = messages.lock() {
                stored.push(message);
            }
            tokio::time::sleep(delay).await;
            b"250 OK queued\r\n"
        } else if command == "QUIT" {
            let _ = writer.write_all(b"221 Bye\r\n").await;
            return;
        } else {
            b"502 Command not implemented\r\n"
        };
        if writer.write_all(reply).await.is_err() {
            return;
        }
    }
}
