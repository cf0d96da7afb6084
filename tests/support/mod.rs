//! The test harness: the real application on a random port with a fresh database
//! (a temporary SQLite file, or a fresh PostgreSQL database when `TEST_DATABASE_URL`
//! is set), and one helper per step a user takes.

#![allow(dead_code)]

pub mod backoffice;
pub mod browser;
pub mod smtp;

use std::path::PathBuf;

use domain::demo::TAG_SLUG;
use domain::event::Event;
use domain::programme::ProgrammeSession;
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::Value;
use treffpunkt::{Application, Config};
use uuid::Uuid;

/// One written mail as an independent parser read it.
#[derive(Clone, Debug)]
pub struct SentMail {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// (MIME type, file name, contents) of every attachment, inline images included.
    pub attachments: Vec<(String, String, Vec<u8>)>,
}

impl SentMail {
    fn of(mail: &mail_parser::Message<'_>) -> SentMail {
        use mail_parser::MimeHeaders;
        SentMail {
            subject: mail.subject().unwrap_or_default().to_owned(),
            text: mail.body_text(0).unwrap_or_default().to_string(),
            html: mail.body_html(0).unwrap_or_default().to_string(),
            attachments: mail
                .attachments()
                .map(|part| {
                    let kind = part
                        .content_type()
                        .map(|kind| format!("{}/{}", kind.ctype(), kind.subtype().unwrap_or_default()))
                        .unwrap_or_default();
                    (kind, part.attachment_name().unwrap_or_default().to_owned(), part.contents().to_vec())
                })
                .collect(),
        }
    }

    /// The calendar file attached, parsed by icalendar.
    pub fn calendar(&self) -> Option<icalendar::Calendar> {
        self.attachments
            .iter()
            .find(|(kind, _, _)| kind == "text/calendar")
            .and_then(|(_, _, bytes)| String::from_utf8_lossy(bytes).parse().ok())
    }

    /// The QR codes of the inline ticket images, decoded.
    pub fn ticket_codes(&self) -> Vec<String> {
        self.attachments.iter().filter(|(kind, _, _)| kind == "image/png").map(|(_, _, png)| decode_qr(png)).collect()
    }
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    pub state: site::AppState,
    /// The database this server uses, for running the CLI against it.
    pub database_url: String,
    /// `http://…` of the plain-HTTP redirect listener (`--redirect-http`), if any.
    pub redirect_base: Option<String>,
    temp_dir: PathBuf,
    /// The PostgreSQL server and the database created for this test, dropped afterwards.
    postgres: Option<(String, String)>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.temp_dir);
        if let Some((server, name)) = self.postgres.take() {
            drop_postgres_database(server, name);
        }
    }
}

/// Drop cannot await; a small runtime on its own thread removes the database.
fn drop_postgres_database(server: String, name: String) {
    let _ = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        runtime.block_on(async {
            let admin = sea_orm::Database::connect(&server).await.map_err(std::io::Error::other)?;
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .map_err(std::io::Error::other)?;
            admin.close().await.map_err(std::io::Error::other)
        })
    })
    .join();
}

/// A database no server has opened yet (no tables), on the backend the tests run on;
/// removed afterwards.
pub struct EmptyDatabase {
    pub url: String,
    temp_dir: PathBuf,
    postgres: Option<(String, String)>,
}

impl EmptyDatabase {
    pub async fn create() -> EmptyDatabase {
        let temp_dir = std::env::temp_dir().join(format!("treffpunkt-empty-{}", Uuid::new_v4().simple()));
        std::fs::create_dir_all(&temp_dir).expect("temp dir");
        let postgres = fresh_database().await;
        let url = match &postgres {
            Some((server, name)) => {
                let (prefix, _) = server.rsplit_once('/').expect("TEST_DATABASE_URL ends in /DATABASE");
                format!("{prefix}/{name}")
            }
            None => format!("sqlite://{}?mode=rwc", temp_dir.join("treffpunkt.db").display()),
        };
        EmptyDatabase { url, temp_dir, postgres }
    }
}

impl Drop for EmptyDatabase {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.temp_dir);
        if let Some((server, name)) = self.postgres.take() {
            drop_postgres_database(server, name);
        }
    }
}

/// A fresh database URL: a new SQLite file, or a new database on the PostgreSQL
/// server named by `TEST_DATABASE_URL`.
async fn fresh_database() -> Option<(String, String)> {
    let server = std::env::var("TEST_DATABASE_URL").ok().filter(|url| !url.is_empty())?;
    let name = format!("treffpunkt_test_{}", Uuid::new_v4().simple());
    let admin = sea_orm::Database::connect(&server).await.expect("TEST_DATABASE_URL must be reachable");
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create the test database");
    admin.close().await.ok();
    Some((server, name))
}

impl TestApp {
    /// The server with the demo events seeded, rate limits off (the tests send many
    /// requests from one address on purpose).
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let temp_dir = std::env::temp_dir().join(format!("treffpunkt-test-{}", Uuid::new_v4().simple()));
        std::fs::create_dir_all(&temp_dir).expect("temp dir");
        let postgres = fresh_database().await;
        let database_url = postgres.as_ref().map(|(server, name)| {
            let (prefix, _) = server.rsplit_once('/').expect("TEST_DATABASE_URL ends in /DATABASE");
            format!("{prefix}/{name}")
        });
        let mut config =
            Config { database_url, demo: true, rate_limits: false, ..Config::new("127.0.0.1:0", temp_dir.clone()) };
        adjust(&mut config);
        let database_url = config.database_url();
        let tls_files = config.tls.clone();
        let scheme = if tls_files.is_some() { "https" } else { "http" };
        let application = Application::build(config).await.expect("the application starts");
        let address = application.address().expect("bound address");
        let redirect_base = application
            .redirect_address()
            .map(|address| format!("http://{}", address.expect("redirect listener address")));
        let state = application.state().clone();
        tokio::spawn(application.run_until_stopped());
        let mut client = reqwest::Client::builder().redirect(Policy::none());
        if let Some(files) = &tls_files {
            // Served over HTTPS: the client trusts the server's own certificate, nothing else.
            let pem = std::fs::read(&files.cert).expect("the test certificate");
            let root = reqwest::Certificate::from_pem(&pem).expect("a PEM certificate");
            client = client.tls_built_in_root_certs(false).add_root_certificate(root);
        }
        let client = client.build().expect("http client");
        TestApp {
            base: format!("{scheme}://{address}"),
            client,
            db: state.db().clone(),
            state,
            database_url,
            redirect_base,
            temp_dir,
            postgres,
        }
    }

    pub fn data_dir(&self) -> &std::path::Path {
        &self.temp_dir
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_text(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    pub async fn event(&self, slug: &str) -> Event {
        domain::event::by_slug(&self.db, slug).await.expect("query").expect("event exists")
    }

    pub async fn sessions(&self, slug: &str) -> Vec<ProgrammeSession> {
        let event = self.event(slug).await;
        domain::programme::for_event(&self.db, event.id).await.expect("sessions")
    }

    /// The demo forum with the fewest places ("Fördermittel", 10).
    pub async fn smallest_forum(&self) -> ProgrammeSession {
        self.sessions(TAG_SLUG)
            .await
            .into_iter()
            .filter(|session| session.capacity.is_some())
            .min_by_key(|session| session.capacity)
            .expect("the demo has forums")
    }

    /// Posts the registration form as a browser would.
    pub async fn post_registration(&self, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/events/{slug}/register")))
            .form(fields)
            .send()
            .await
            .expect("POST registration")
    }

    /// Registers one person for the Tag der Städtepartnerschaften, optionally in sessions.
    pub async fn register(&self, email: &str, sessions: &[Uuid]) -> reqwest::Response {
        let ids: Vec<String> = sessions.iter().map(Uuid::to_string).collect();
        let mut fields = valid_fields(email);
        for id in &ids {
            fields.push(("programme_session", id.as_str()));
        }
        self.post_registration(TAG_SLUG, &fields).await
    }

    /// Registers and follows the redirect: the registration page's path.
    pub async fn register_confirmed(&self, email: &str, sessions: &[Uuid]) -> String {
        let response = self.register(email, sessions).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "registration of {email} succeeds");
        response.headers()["location"].to_str().expect("location").to_owned()
    }

    /// The mails written so far to `address` (the .eml folder of a server without SMTP),
    /// by the second they were queued (within one second in no set order), read by an
    /// independent parser (mail-parser); waits up to ten seconds for at least `at_least`.
    pub async fn mails_to(&self, address: &str, at_least: usize) -> Vec<SentMail> {
        let folder = self.data_dir().join("mail");
        let started = std::time::Instant::now();
        loop {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
                .into_iter()
                .flatten()
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|extension| extension == "eml"))
                .collect();
            // In the order they were written: the names start with the second the message
            // was queued and then a random id, so two mails of one second sorted by name
            // came in either order (a flaky test on PostgreSQL).
            files.sort_by_key(|path| (std::fs::metadata(path).and_then(|meta| meta.modified()).ok(), path.clone()));
            let mut mails = Vec::new();
            for file in files {
                let bytes = std::fs::read(&file).expect("read a mail");
                let Some(mail) = mail_parser::MessageParser::default().parse(&bytes) else { continue };
                let to = mail.to().and_then(|to| to.first()).and_then(|to| to.address()).unwrap_or_default();
                if !to.eq_ignore_ascii_case(address) {
                    continue;
                }
                mails.push(SentMail::of(&mail));
            }
            if mails.len() >= at_least {
                return mails;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "{} of {at_least} mails to {address} in {}",
                mails.len(),
                folder.display()
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The paths starting with `prefix` (e.g. `/r/confirm/`) in the mails written so far
    /// to `address`, oldest mail first; waits up to ten seconds for at least `at_least`
    /// such mails. Links are handed out only in mails (their tokens are stored as
    /// hashes), so this is how a test follows one.
    pub async fn mailed_paths(&self, address: &str, prefix: &str, at_least: usize) -> Vec<String> {
        let started = std::time::Instant::now();
        loop {
            let start = format!("{}{prefix}", self.base);
            let paths: Vec<String> = self
                .mails_to(address, 0)
                .await
                .iter()
                .flat_map(|mail| {
                    mail.text
                        .split_whitespace()
                        .filter(|word| word.starts_with(&start))
                        .map(|word| {
                            word.trim_start_matches(self.base.as_str())
                                .trim_end_matches(['.', ',', ')', '>'])
                                .to_owned()
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            if paths.len() >= at_least {
                return paths;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "no mail to {address} with a link {prefix}…"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The plain-text parts of the mails written so far to `address`, oldest first; waits
    /// up to ten seconds for at least `at_least` of them.
    pub async fn mailed_texts(&self, address: &str, at_least: usize) -> Vec<String> {
        self.mails_to(address, at_least).await.into_iter().map(|mail| mail.text).collect()
    }

    /// The registration a page path (`/r/{token}`, with or without a query) opens.
    pub async fn registration_id_at(&self, path: &str) -> Uuid {
        let token = path.trim_start_matches("/r/").split(['?', '/']).next().unwrap_or_default();
        domain::registration::by_manage_token(&self.db, token)
            .await
            .expect("query")
            .map(|details| details.registration.id)
            .unwrap_or_else(|| panic!("{path} opens no registration"))
    }

    /// The ticket code shown on a registration page.
    pub async fn ticket_code(&self, registration_path: &str) -> String {
        let (status, page) = self.get_text(registration_path).await;
        assert_eq!(status, StatusCode::OK);
        ticket_codes_on(&page).into_iter().next().expect("the page shows the ticket code")
    }

    pub async fn door_device(&self, slug: &str, name: &str) -> String {
        let event = self.event(slug).await;
        let (_, token) = domain::door::create(&self.db, event.id, name, chrono::Utc::now())
            .await
            .expect("query")
            .expect("valid name");
        token
    }

    /// One call of the check-in API.
    pub async fn redeem(
        &self,
        device_token: &str,
        ticket: &str,
        scan_id: &str,
        session: Option<Uuid>,
    ) -> (StatusCode, Value) {
        let body = serde_json::json!({ "token": ticket, "scan_id": scan_id, "session": session });
        let response = self
            .client
            .post(self.url("/api/v1/checkin/redeem"))
            .bearer_auth(device_token)
            .json(&body)
            .send()
            .await
            .expect("POST redeem");
        let status = response.status();
        (status, response.json().await.expect("JSON answer"))
    }
}

/// Decodes a PNG with rqrr, an independent QR decoder; the image must hold one code.
pub fn decode_qr(png: &[u8]) -> String {
    let image = image::load_from_memory(png).expect("a PNG image").to_luma8();
    let (width, height) = image.dimensions();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width as usize, height as usize, |x, y| {
        image.get_pixel(x as u32, y as u32).0[0]
    });
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().expect("the QR code decodes").1
}

/// All ticket codes a registration page shows, in the order of its attendees.
pub fn ticket_codes_on(page: &str) -> Vec<String> {
    page.split("<code class=\"ticket-code\">")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap_or_default().to_owned())
        .collect()
}

/// A complete, valid form for one person.
pub fn valid_fields(email: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("first_name", "Olena"),
        ("last_name", "Kovalenko"),
        ("email", email),
        ("organisation", "Stadt Würzburg"),
        ("organisation_type", "kommune"),
        ("partner_municipality", "Lwiw"),
        ("data_consent", "yes"),
    ]
}

/// The real binary as a separate process, to be killed with SIGKILL or run twice on
/// one database.
pub struct ChildServer {
    child: std::process::Child,
    pub base: String,
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        self.kill();
    }
}

impl ChildServer {
    pub async fn start(database_url: &str) -> ChildServer {
        ChildServer::start_with(database_url, &[]).await
    }

    /// The binary with further command-line flags (SMTP settings, say).
    pub async fn start_with(database_url: &str, flags: &[&str]) -> ChildServer {
        ChildServer::start_limited(database_url, flags, None).await
    }

    /// The binary under a hard limit of open files (`ulimit -n`), as on a small host.
    pub async fn start_limited(database_url: &str, flags: &[&str], open_files: Option<u32>) -> ChildServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let data_dir = std::env::temp_dir().join(format!("treffpunkt-child-{}", Uuid::new_v4().simple()));
        let binary = env!("CARGO_BIN_EXE_treffpunkt");
        let mut command = match open_files {
            // `ulimit -n` in sh sets the soft and the hard limit; `exec` keeps the process id.
            Some(limit) => {
                let mut command = std::process::Command::new("sh");
                command.args(["-c", &format!("ulimit -n {limit} && exec \"$0\" \"$@\""), binary]);
                command
            }
            None => std::process::Command::new(binary),
        };
        let child = command
            .args(["--bind", &format!("127.0.0.1:{port}"), "--database-url", database_url, "--rate-limits", "off"])
            .arg("--data-dir")
            .arg(&data_dir)
            .args(flags)
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("the server binary starts");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        let started = std::time::Instant::now();
        loop {
            if let Ok(response) = client.get(format!("{base}/")).send().await
                && response.status() == StatusCode::OK
            {
                break;
            }
            assert!(started.elapsed() < std::time::Duration::from_secs(20), "the server did not come up");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        ChildServer { child, base }
    }

    /// The server's process id (with an open-files limit: `sh` replaced itself by it).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM, as systemd sends on `systemctl stop` (through `kill`, so the tests need no
    /// crate for signals).
    pub fn terminate(&self) {
        let sent = std::process::Command::new("kill").args(["-TERM", &self.pid().to_string()]).status();
        assert!(sent.expect("kill runs").success(), "SIGTERM sent");
    }

    /// Waits for the process to end; `None` if it still runs after `within`.
    pub async fn exit_status(&mut self, within: std::time::Duration) -> Option<std::process::ExitStatus> {
        let started = std::time::Instant::now();
        while started.elapsed() < within {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                return Some(status);
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        None
    }

    /// SIGKILL: no shutdown, no flush, as when the machine's power goes.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
