//! Treffpunkt's load benchmark: starts the release server with a fresh database
//! (SQLite, and PostgreSQL when reachable), drives the participant and door paths at
//! concurrency 1, 8 and 32 from this machine, and writes the figures to
//! `bench/RESULTS.md`. Every run is bounded in requests and in time and talks only to
//! 127.0.0.1.
//!
//! Usage: `cargo build --release -p treffpunkt && cargo run --release -p treffpunkt-bench
//! [-- --server PATH] [--sqlite-only] [--quick]`

mod load;
mod report;
mod server;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use load::{Measurement, Outcome, run};
use server::{Database, Server};

/// Bounds per concurrency level: (concurrency, requests, longest run).
const LEVELS: [(usize, usize, Duration); 3] =
    [(1, 1_000, Duration::from_secs(10)), (8, 4_000, Duration::from_secs(10)), (32, 8_000, Duration::from_secs(10))];

pub struct Options {
    server: PathBuf,
    sqlite_only: bool,
    /// A tenth of the requests, for trying the harness out.
    quick: bool,
    /// Only what check-in needs (registrations for tickets, then the scans), for
    /// profiling the door's path; not written to RESULTS.md.
    check_in_only: bool,
}

fn options() -> Result<Options, String> {
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".to_owned());
    let mut options = Options {
        server: PathBuf::from(format!("{target}/release/treffpunkt")),
        sqlite_only: false,
        quick: false,
        check_in_only: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--server" => options.server = args.next().ok_or("--server needs a path")?.into(),
            "--sqlite-only" => options.sqlite_only = true,
            "--quick" => options.quick = true,
            "--check-in-only" => options.check_in_only = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if !options.server.exists() {
        return Err(format!(
            "no server binary at {}; build it first: cargo build --release -p treffpunkt",
            options.server.display()
        ));
    }
    Ok(options)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> std::process::ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("treffpunkt-bench: {message}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut databases = vec![Database::Sqlite];
    if !options.sqlite_only {
        match server::postgres_available() {
            true => databases.push(Database::Postgres),
            false => eprintln!("PostgreSQL is not reachable at 127.0.0.1:5432; benchmarking SQLite only"),
        }
    }
    let mut sections = Vec::new();
    for database in databases {
        match bench_database(&options, database).await {
            Ok(section) => sections.push(section),
            Err(message) => {
                eprintln!("treffpunkt-bench ({}): {message}", database.name());
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let binary_size = std::fs::metadata(&options.server).map(|meta| meta.len()).unwrap_or_default();
    let text = report::render(&sections, binary_size);
    println!("{text}");
    if options.check_in_only {
        return std::process::ExitCode::SUCCESS;
    }
    if let Err(err) = report::prepend_to_results(&text) {
        eprintln!("could not write bench/RESULTS.md: {err}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}

/// Everything measured against one database.
pub struct Section {
    pub database: Database,
    pub startup: Duration,
    pub idle_rss_kib: u64,
    pub peak_rss_kib: u64,
    pub measurements: Vec<Measurement>,
    /// Attendees in the list the back-office steps read.
    pub listed_attendees: usize,
}

/// Bounds for the back-office steps: each request reads the whole event.
const BACK_OFFICE_LEVELS: [(usize, usize, Duration); 2] =
    [(1, 200, Duration::from_secs(10)), (8, 400, Duration::from_secs(10))];

/// The value of `name="…" value="…"` or a cookie, cut out of a page or header.
fn between<'a>(text: &'a str, start: &str, end: char) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    text[from..].split(end).next()
}

/// Signs an administrator in through the log-in form; returns the session cookie and the
/// online event's back-office path.
async fn sign_in(client: &reqwest::Client, base: &str) -> Result<(String, String), String> {
    let form = client.get(format!("{base}/admin/login")).send().await.map_err(|err| err.to_string())?;
    let cookie = form
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|value| between(value, "tp_form=", ';').map(str::to_owned))
        .ok_or("the log-in page set no form cookie")?;
    let page = form.text().await.map_err(|err| err.to_string())?;
    let csrf = between(&page, "name=\"csrf\" value=\"", '"').ok_or("no form token")?.to_owned();
    let response = client
        .post(format!("{base}/admin/login"))
        .header("cookie", format!("tp_form={cookie}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "bench@example.org"),
            ("password", BENCH_PASSWORD),
            ("next", "/admin"),
        ])
        .send()
        .await
        .map_err(|err| err.to_string())?;
    let session = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|value| between(value, "tp_session=", ';').map(str::to_owned))
        .ok_or_else(|| format!("log-in failed with {}", response.status()))?;
    let dashboard = client
        .get(format!("{base}/admin"))
        .header("cookie", format!("tp_session={session}"))
        .send()
        .await
        .map_err(|err| err.to_string())?
        .text()
        .await
        .map_err(|err| err.to_string())?;
    let title = dashboard.find("Online-Informationsveranstaltung").ok_or("the online event is not listed")?;
    let link = dashboard[..title].rfind("href=\"/admin/events/").ok_or("no event link")?;
    let path = between(&dashboard[link..], "href=\"", '"').ok_or("no event link")?.to_owned();
    Ok((session, path))
}

/// Registers one person per request on the online event at each level; returns the
/// measurements and the registration pages' paths.
async fn registration_step(
    client: &reqwest::Client,
    base: &str,
    pid: u32,
    levels: &[(usize, usize, Duration)],
    name: &'static str,
) -> (Vec<Measurement>, Vec<String>) {
    let manage_paths = Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut measurements = Vec::new();
    let mut first_email = 0;
    for &(concurrency, requests, limit) in levels {
        let url = format!("{base}/events/online-info-foerderprogramme/register");
        let client = client.clone();
        let paths = manage_paths.clone();
        let offset = first_email;
        measurements.push(
            run(name, concurrency, requests, limit, pid, move |index| {
                let email = format!("bench{}@example.org", offset + index);
                let request = client.post(url.clone()).form(&[
                    ("first_name", "Bench"),
                    ("last_name", "Mark"),
                    ("email", email.as_str()),
                    ("organisation", "Stadt Lasttest"),
                    ("organisation_type", "kommune"),
                    ("partner_municipality", ""),
                    ("data_consent", "yes"),
                ]);
                let paths = paths.clone();
                async move {
                    let response = match request.send().await {
                        Ok(response) => response,
                        Err(err) => return Outcome::Failed(err.to_string()),
                    };
                    if response.status() != 303 {
                        return Outcome::Failed(format!("status {}", response.status()));
                    }
                    if let Some(location) = response.headers().get("location").and_then(|value| value.to_str().ok())
                        && let Ok(mut paths) = paths.lock()
                    {
                        paths.push(location.to_owned());
                    }
                    Outcome::Ok
                }
            })
            .await,
        );
        first_email += requests;
    }
    let paths = manage_paths.lock().map(|paths| paths.clone()).unwrap_or_default();
    (measurements, paths)
}

const BENCH_PASSWORD: &str = "bench password, long enough";

async fn bench_database(options: &Options, database: Database) -> Result<Section, String> {
    // Profiling the door's path: without the confirmation mails of the registration step
    // composing alongside (they made runs differ by a third).
    let server = if options.check_in_only {
        Server::start_with(&options.server, database, &[("TREFFPUNKT_MAIL_WORKER", "off")]).await?
    } else {
        Server::start(&options.server, database).await?
    };
    let startup = server.startup;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle_rss_kib = server.rss_kib();
    let sampler = server.rss_sampler();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(64)
        .build()
        .map_err(|err| err.to_string())?;
    let scale = if options.quick { 10 } else { 1 };
    let levels: Vec<(usize, usize, Duration)> =
        LEVELS.iter().map(|(concurrency, requests, limit)| (*concurrency, requests / scale, *limit)).collect();
    let mut measurements = Vec::new();
    let base = server.base.clone();
    let pid = server.pid();

    eprintln!("[{}] event page", database.name());
    for &(concurrency, requests, limit) in levels.iter().filter(|_| !options.check_in_only) {
        let url = format!("{base}/events/tag-der-staedtepartnerschaften");
        let client = client.clone();
        measurements.push(
            run("event page", concurrency, requests, limit, pid, move |_| {
                let request = client.get(url.clone());
                async move { Outcome::expect(request.send().await, 200).await }
            })
            .await,
        );
    }

    // The same registrations against a server that sends no mail, to see what the outbox
    // and the mail worker cost (issue: within 20 %).
    if !options.check_in_only {
        eprintln!("[{}] registration submit, no mail sent", database.name());
        let quiet = Server::start_with(&options.server, database, &[("TREFFPUNKT_MAIL_WORKER", "off")]).await?;
        let (without_mail, _) =
            registration_step(&client, &quiet.base, quiet.pid(), &levels, "registration submit, no mail sent").await;
        quiet.stop();
        measurements.extend(without_mail);
    }

    eprintln!("[{}] registration submit", database.name());
    let (with_mail, manage_paths) = registration_step(&client, &base, pid, &levels, "registration submit").await;
    measurements.extend(with_mail);
    if manage_paths.is_empty() {
        return Err("no registration succeeded".to_owned());
    }
    let manage_paths = Arc::new(manage_paths);
    // The registration step left thousands of confirmation mails to compose; the figures
    // that follow are for the days after, not for that backlog.
    if !options.check_in_only {
        eprintln!("[{}] waiting for the confirmation mails to be sent", database.name());
        server.wait_for_mail_backlog(Duration::from_secs(120)).await;
    }

    let other_steps: &[(&str, &str)] = if options.check_in_only {
        &[]
    } else {
        &[("QR ticket PNG", "/ticket.png"), ("calendar file", "/calendar.ics")]
    };
    for &(name, suffix) in other_steps {
        eprintln!("[{}] {name}", database.name());
        for &(concurrency, requests, limit) in &levels {
            let client = client.clone();
            let paths = manage_paths.clone();
            let base = base.clone();
            measurements.push(
                run(name, concurrency, requests, limit, pid, move |index| {
                    let path = &paths[index % paths.len()];
                    let request = client.get(format!("{base}{path}{suffix}"));
                    async move { Outcome::expect(request.send().await, 200).await }
                })
                .await,
            );
        }
    }

    eprintln!("[{}] collecting ticket codes", database.name());
    let tickets = Arc::new(server.ticket_codes(&client, &manage_paths).await?);
    let device = server.door_device("online-info-foerderprogramme")?;
    for (name, repeated) in [("check-in, first scans", false), ("check-in, repeated scans", true)] {
        eprintln!("[{}] {name}", database.name());
        let mut next_ticket = 0;
        for &(concurrency, requests, limit) in &levels {
            let client = client.clone();
            let tickets = tickets.clone();
            let url = format!("{base}/api/v1/checkin/redeem");
            let device = device.clone();
            let offset = next_ticket;
            let expected = if repeated { "already_checked_in" } else { "ok" };
            let requests = if repeated { requests } else { requests.min(tickets.len().saturating_sub(offset)) };
            measurements.push(
                run(name, concurrency, requests, limit, pid, move |index| {
                    let ticket = &tickets[(offset + index) % tickets.len()];
                    let scan_id = format!("{}-{}-{index}", if repeated { "again" } else { "first" }, offset);
                    let body = format!(r#"{{"token":"{ticket}","scan_id":"{scan_id}","session":null}}"#);
                    let request = client
                        .post(url.clone())
                        .header("authorization", format!("Bearer {device}"))
                        .header("content-type", "application/json")
                        .body(body);
                    async move {
                        match request.send().await {
                            Ok(response) if response.status() == 200 => match response.text().await {
                                Ok(text) if text.contains(&format!("\"result\":\"{expected}\"")) => Outcome::Ok,
                                Ok(text) => Outcome::Failed(format!("unexpected answer {text}")),
                                Err(err) => Outcome::Failed(err.to_string()),
                            },
                            Ok(response) => Outcome::Failed(format!("status {}", response.status())),
                            Err(err) => Outcome::Failed(err.to_string()),
                        }
                    }
                })
                .await,
            );
            next_ticket += requests;
        }
    }

    if options.check_in_only {
        let peak_rss_kib = sampler.stop().await;
        server.stop();
        return Ok(Section { database, startup, idle_rss_kib, peak_rss_kib, measurements, listed_attendees: 0 });
    }
    server.administrator("bench@example.org", BENCH_PASSWORD)?;
    let (session, event_path) = sign_in(&client, &base).await?;
    let listed_attendees = manage_paths.len();
    for (name, query) in [
        ("back office: attendee list, first page", "/attendees"),
        ("back office: attendee search and filter", "/attendees?q=mark&status=confirmed&sort=organisation"),
        ("back office: CSV export of everyone", "/attendees.csv"),
    ] {
        eprintln!("[{}] {name}", database.name());
        for &(concurrency, requests, limit) in &BACK_OFFICE_LEVELS {
            let client = client.clone();
            let url = format!("{base}{event_path}{query}");
            let cookie = format!("tp_session={session}");
            let requests = if options.quick { requests / 10 } else { requests };
            measurements.push(
                run(name, concurrency, requests, limit, pid, move |_| {
                    let request = client.get(url.clone()).header("cookie", cookie.clone());
                    async move { Outcome::expect(request.send().await, 200).await }
                })
                .await,
            );
        }
    }

    // Every write to the instance makes the cached rows stale: a rejected form post before
    // each read measures the list when it has to be read from the database again.
    eprintln!("[{}] back office: attendee list, rows re-read", database.name());
    {
        let client = client.clone();
        let url = format!("{base}{event_path}/attendees");
        let write = format!("{base}/r/find");
        let cookie = format!("tp_session={session}");
        let requests = if options.quick { 5 } else { 50 };
        measurements.push(
            run("back office: attendee list, rows re-read", 1, requests, Duration::from_secs(20), pid, move |_| {
                let client = client.clone();
                let (url, write, cookie) = (url.clone(), write.clone(), cookie.clone());
                async move {
                    if let Err(err) = client.post(write).form(&[("email", "")]).send().await {
                        return Outcome::Failed(err.to_string());
                    }
                    Outcome::expect(client.get(url).header("cookie", cookie).send().await, 200).await
                }
            })
            .await,
        );
    }

    let peak_rss_kib = sampler.stop().await;
    server.stop();
    Ok(Section { database, startup, idle_rss_kib, peak_rss_kib, measurements, listed_attendees })
}
