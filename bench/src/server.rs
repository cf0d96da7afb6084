//! The server under test: the release binary as a child process with a fresh database.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const POSTGRES_SERVER: &str = "postgres://postgres@127.0.0.1:5432";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Database {
    Sqlite,
    Postgres,
}

impl Database {
    pub fn name(self) -> &'static str {
        match self {
            Database::Sqlite => "SQLite",
            Database::Postgres => "PostgreSQL",
        }
    }
}

pub fn postgres_available() -> bool {
    psql(&["-tAc", "SELECT 1"]).is_ok()
}

fn psql(args: &[&str]) -> Result<String, String> {
    let output = Command::new("psql")
        .args(["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1"])
        .args(args)
        .output()
        .map_err(|err| format!("psql: {err}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

pub struct Server {
    child: Child,
    pub base: String,
    pub startup: Duration,
    binary: PathBuf,
    data_dir: PathBuf,
    database_url: Option<String>,
    postgres_database: Option<String>,
}

impl Server {
    /// Starts the server and measures the time from launch to the first answered request.
    pub async fn start(binary: &Path, database: Database) -> Result<Server, String> {
        Server::start_with(binary, database, &[]).await
    }

    /// Starts the server with extra environment settings.
    pub async fn start_with(binary: &Path, database: Database, env: &[(&str, &str)]) -> Result<Server, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|err| err.to_string())?
            .port();
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_micros();
        let data_dir = std::env::temp_dir().join(format!("treffpunkt-bench-{stamp}"));
        std::fs::create_dir_all(&data_dir).map_err(|err| err.to_string())?;
        let (database_url, postgres_database) = match database {
            Database::Sqlite => (None, None),
            Database::Postgres => {
                let name = format!("treffpunkt_bench_{stamp}");
                psql(&["-c", &format!("CREATE DATABASE {name}")])?;
                (Some(format!("{POSTGRES_SERVER}/{name}")), Some(name))
            }
        };
        let launched = Instant::now();
        let mut command = Command::new(binary);
        command
            .args(["--demo", "--bind", &format!("127.0.0.1:{port}")])
            .arg("--data-dir")
            .arg(&data_dir)
            .env("RUST_LOG", "warn")
            .env("TREFFPUNKT_RATE_LIMITS", "off")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        if let Some(url) = &database_url {
            command.env("DATABASE_URL", url);
        } else {
            command.env_remove("DATABASE_URL");
        }
        let child = command.spawn().map_err(|err| format!("cannot start {}: {err}", binary.display()))?;
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        loop {
            if let Ok(response) = client.get(format!("{base}/")).send().await
                && response.status() == 200
            {
                break;
            }
            if launched.elapsed() > Duration::from_secs(30) {
                return Err("the server did not answer within 30 s".to_owned());
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let startup = launched.elapsed();
        Ok(Server { child, base, startup, binary: binary.to_owned(), data_dir, database_url, postgres_database })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn rss_kib(&self) -> u64 {
        rss_kib(self.child.id())
    }

    /// Samples the resident set size every 50 ms until stopped; returns the peak.
    pub fn rss_sampler(&self) -> RssSampler {
        let pid = self.child.id();
        let peak = Arc::new(AtomicU64::new(rss_kib(pid)));
        let running = Arc::new(AtomicBool::new(true));
        let task = {
            let peak = peak.clone();
            let running = running.clone();
            tokio::spawn(async move {
                while running.load(Ordering::Relaxed) {
                    peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            })
        };
        RssSampler { peak, running, task }
    }

    /// The ticket codes on the registration pages (setup, not measured).
    pub async fn ticket_codes(&self, client: &reqwest::Client, manage_paths: &[String]) -> Result<Vec<String>, String> {
        let mut codes = Vec::with_capacity(manage_paths.len());
        for path in manage_paths {
            let page = client
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .map_err(|err| err.to_string())?
                .text()
                .await
                .map_err(|err| err.to_string())?;
            let code = page
                .split("<code class=\"ticket-code\">")
                .nth(1)
                .and_then(|rest| rest.split('<').next())
                .ok_or("a registration page without a ticket code")?;
            codes.push(code.to_owned());
        }
        Ok(codes)
    }

    /// Creates a door device with the operator command, as an organiser would.
    pub fn door_device(&self, slug: &str) -> Result<String, String> {
        let mut command = Command::new(&self.binary);
        command
            .args(["door-device", "create", "--event", slug, "--name", "Bench"])
            .arg("--data-dir")
            .arg(&self.data_dir);
        if let Some(url) = &self.database_url {
            command.env("DATABASE_URL", url);
        } else {
            command.env_remove("DATABASE_URL");
        }
        let output = command.output().map_err(|err| err.to_string())?;
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .find_map(|line| line.strip_prefix("token: "))
            .map(|token| token.trim().to_owned())
            .ok_or_else(|| format!("door-device create failed: {}", String::from_utf8_lossy(&output.stderr)))
    }

    /// Waits until the mail folder stops growing (the worker has sent the backlog), at
    /// most `limit`.
    pub async fn wait_for_mail_backlog(&self, limit: Duration) {
        let folder = self.data_dir.join("mail");
        let count = || std::fs::read_dir(&folder).map(|entries| entries.count()).unwrap_or(0);
        let started = std::time::Instant::now();
        let mut last = count();
        while started.elapsed() < limit {
            tokio::time::sleep(Duration::from_secs(2)).await;
            let now = count();
            if now == last {
                return;
            }
            last = now;
        }
    }

    /// Creates an administrator with the given password through the command line.
    pub fn administrator(&self, email: &str, password: &str) -> Result<(), String> {
        use std::io::Write;
        let mut command = Command::new(&self.binary);
        command
            .args(["admin", "create", "--email", email, "--password-stdin"])
            .arg("--data-dir")
            .arg(&self.data_dir)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        if let Some(url) = &self.database_url {
            command.env("DATABASE_URL", url);
        } else {
            command.env_remove("DATABASE_URL");
        }
        let mut child = command.spawn().map_err(|err| err.to_string())?;
        if let Some(mut stdin) = child.stdin.take() {
            writeln!(stdin, "{password}").map_err(|err| err.to_string())?;
        }
        let output = child.wait_with_output().map_err(|err| err.to_string())?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!("admin create failed: {}", String::from_utf8_lossy(&output.stderr)))
        }
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
        if let Some(name) = self.postgres_database.take() {
            let _ = psql(&["-c", &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")]);
        }
    }
}

pub struct RssSampler {
    peak: Arc<AtomicU64>,
    running: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<()>,
}

impl RssSampler {
    pub async fn stop(self) -> u64 {
        self.running.store(false, Ordering::Relaxed);
        let _ = self.task.await;
        self.peak.load(Ordering::Relaxed)
    }
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status.lines().find_map(|line| {
                line.strip_prefix("VmRSS:").and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            })
        })
        .unwrap_or_default()
}
