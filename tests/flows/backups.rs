//! Backups and restore, as an operator runs them: `treffpunkt backup` against a server
//! taking registrations, `treffpunkt restore` into a fresh folder, the server's own
//! schedule, the copy before migrations, and PostgreSQL pointed to pg_dump.
//!
//! A backup copies the SQLite file, so these servers run on SQLite whichever backend the
//! suite runs on (PostgreSQL's backup is pg_dump's; its refusal is tested below).

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use domain::demo::TAG_SLUG;
use reqwest::StatusCode;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use treffpunkt::{Application, Config};
use uuid::Uuid;

use crate::support::{TestApp, valid_fields};

async fn sqlite_app(adjust: impl FnOnce(&mut Config)) -> TestApp {
    TestApp::spawn_with(|config| {
        config.database_url = None;
        adjust(config);
    })
    .await
}

fn scratch_dir(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("treffpunkt-{label}-{}", Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// The real binary with these arguments, as an operator types them.
async fn treffpunkt(args: &[&str]) -> Output {
    let args: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt")).args(args).env("RUST_LOG", "warn").output()
    })
    .await
    .expect("joined")
    .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What an independent reader finds in a database file: `integrity_check`'s answer and
/// the registered addresses.
async fn read_database(file: &Path) -> (String, Vec<String>) {
    let options = SqliteConnectOptions::new().filename(file).create_if_missing(false);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.expect("open the database");
    let integrity: Vec<String> =
        sea_orm::sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&pool).await.expect("integrity_check");
    let emails: Vec<String> =
        sea_orm::sqlx::query_scalar("SELECT email FROM attendee").fetch_all(&pool).await.expect("attendees");
    pool.close().await;
    (integrity.join("; "), emails)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn backups_every_200_ms_under_registration_load_restore_with_every_acknowledged_registration() {
    let app = sqlite_app(|_| {}).await;
    let backups = scratch_dir("backups");
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let load_until = tokio::time::Instant::now() + Duration::from_millis(2500);
    let mut registering = Vec::new();
    for worker in 0..4 {
        let (client, url, acknowledged) =
            (app.client.clone(), app.url(&format!("/events/{TAG_SLUG}/register")), acknowledged.clone());
        registering.push(tokio::spawn(async move {
            let mut n = 0;
            while tokio::time::Instant::now() < load_until {
                let email = format!("load{worker}-{n}@example.org");
                n += 1;
                let response = client.post(&url).form(&valid_fields(&email)).send().await.expect("POST");
                assert_eq!(response.status(), StatusCode::SEE_OTHER, "registration of {email}");
                acknowledged.lock().expect("list").push(email);
            }
        }));
    }
    let mut taken = Vec::new();
    let mut ticks = tokio::time::interval(Duration::from_millis(200));
    while tokio::time::Instant::now() < load_until {
        ticks.tick().await;
        let before = acknowledged.lock().expect("list").clone();
        let file = backups.join(format!("backup-{}.db", taken.len()));
        let output =
            treffpunkt(&["backup", "--to", file.to_str().expect("path"), "--database-url", &app.database_url]).await;
        assert!(output.status.success(), "backup {} succeeds: {}", taken.len(), text(&output.stderr));
        assert!(text(&output.stdout).contains("verified"), "{}", text(&output.stdout));
        taken.push((file, before));
    }
    for task in registering {
        task.await.expect("registrations");
    }
    assert!(taken.len() >= 8, "backups every 200 ms for 2.5 s: {}", taken.len());
    assert!(taken.last().is_some_and(|(_, before)| before.len() > 20), "registrations ran meanwhile");

    for (number, (file, before)) in taken.iter().enumerate() {
        let data_dir = scratch_dir("restored");
        let output = treffpunkt(&[
            "restore",
            "--from",
            file.to_str().expect("path"),
            "--data-dir",
            data_dir.to_str().expect("path"),
        ])
        .await;
        assert!(output.status.success(), "restore of backup {number}: {}", text(&output.stderr));
        let (integrity, emails) = read_database(&data_dir.join("treffpunkt.db")).await;
        assert_eq!(integrity, "ok", "backup {number} restored is whole");
        let missing: Vec<&String> = before.iter().filter(|email| !emails.contains(email)).collect();
        assert!(missing.is_empty(), "backup {number} lacks acknowledged registrations: {missing:?}");
        let _ = std::fs::remove_dir_all(&data_dir);
    }
    let _ = std::fs::remove_dir_all(&backups);
}

#[tokio::test]
async fn restore_refuses_a_data_folder_that_has_a_database_and_leaves_it_alone() {
    let app = sqlite_app(|_| {}).await;
    app.register_confirmed("kept@example.org", &[]).await;
    let backups = scratch_dir("backups");
    let file = backups.join("one.db");
    let output = treffpunkt(&[
        "backup",
        "--to",
        file.to_str().expect("path"),
        "--data-dir",
        app.data_dir().to_str().expect("path"),
    ])
    .await;
    assert!(output.status.success(), "{}", text(&output.stderr));

    let live = app.data_dir().join("treffpunkt.db");
    let before = std::fs::metadata(&live).expect("the live database").modified().expect("mtime");
    let output = treffpunkt(&[
        "restore",
        "--from",
        file.to_str().expect("path"),
        "--data-dir",
        app.data_dir().to_str().expect("path"),
    ])
    .await;
    assert_eq!(output.status.code(), Some(2), "refused as a usage error");
    let message = text(&output.stderr);
    assert!(message.contains("treffpunkt.db exists") && message.contains("never overwrites"), "{message}");
    assert_eq!(std::fs::metadata(&live).expect("still there").modified().expect("mtime"), before, "untouched");
    assert_eq!(app.get("/").await.status(), StatusCode::OK, "the server goes on");

    // A file that is not a database is refused before anything is copied.
    let junk = backups.join("junk.db");
    std::fs::write(&junk, b"not a database at all, just text").expect("junk");
    let fresh = scratch_dir("restored");
    let output =
        treffpunkt(&["restore", "--from", junk.to_str().expect("path"), "--data-dir", fresh.to_str().expect("path")])
            .await;
    assert!(!output.status.success(), "junk is refused");
    assert!(!fresh.join("treffpunkt.db").exists(), "nothing was put in place");
    let _ = std::fs::remove_dir_all(&backups);
    let _ = std::fs::remove_dir_all(&fresh);
}

#[tokio::test]
async fn backup_of_postgresql_names_the_pg_dump_command_without_the_password() {
    let to = std::env::temp_dir().join(format!("treffpunkt-pg-{}.dump", Uuid::new_v4().simple()));
    let url = "postgres://treff:geheim@db.example:5432/treffpunkt";
    let output = treffpunkt(&["backup", "--to", to.to_str().expect("path"), "--database-url", url]).await;
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(message.contains("pg_dump --format=custom"), "{message}");
    assert!(message.contains("'postgres://treff@db.example:5432/treffpunkt'"), "{message}");
    assert!(!message.contains("geheim"), "the password stays out: {message}");
    assert!(!to.exists(), "nothing copied");

    // The configured test server, when there is one: the same answer, nothing connected.
    if let Ok(server) = std::env::var("TEST_DATABASE_URL")
        && !server.is_empty()
    {
        let output = treffpunkt(&["backup", "--to", to.to_str().expect("path"), "--database-url", &server]).await;
        assert_eq!(output.status.code(), Some(2));
        assert!(text(&output.stderr).contains("pg_dump"), "{}", text(&output.stderr));
    }
}

#[tokio::test]
async fn the_server_backs_up_on_schedule_keeps_the_newest_and_remembers_a_failure() {
    let dir = scratch_dir("scheduled");
    let schedule_dir = dir.clone();
    let app = sqlite_app(|config| {
        config.backups =
            Some(treffpunkt::backup::BackupSchedule { dir: schedule_dir, every: Duration::from_millis(200), keep: 3 })
    })
    .await;
    app.register_confirmed("scheduled@example.org", &[]).await;
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("backup dir")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        // A backup in progress is written under a hidden name until it verified.
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "the newest three kept: {names:?}");
    for name in &names {
        let stamp = name.strip_prefix("treffpunkt-").and_then(|rest| rest.strip_suffix("Z.db")).expect(name);
        let taken = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%.3f").expect("UTC time in the name").and_utc();
        assert!(Utc::now() - taken < chrono::Duration::seconds(5), "{name}");
        let (integrity, emails) = read_database(&dir.join(name)).await;
        assert_eq!(integrity, "ok");
        assert!(emails.contains(&"scheduled@example.org".to_owned()), "{name}");
    }
    let history = app.state.operations().backups();
    let last: DateTime<Utc> = history.last_success.as_ref().expect("a success remembered").at;
    assert!(history.last_failure.is_none() && Utc::now() - last < chrono::Duration::seconds(2));

    // The folder becomes unusable (a file in its place): the failure is remembered, the
    // old backups are not what pays for it.
    std::fs::remove_dir_all(&dir).expect("remove the folder");
    std::fs::write(&dir, b"in the way").expect("a file where the folder was");
    tokio::time::sleep(Duration::from_millis(600)).await;
    let history = app.state.operations().backups();
    assert!(history.failures >= 1, "failures counted");
    assert!(history.last_failure.is_some(), "the failure shown");
    let _ = std::fs::remove_file(&dir);
}

#[tokio::test]
async fn before_applying_new_migrations_the_server_copies_the_database_and_the_next_start_removes_it() {
    let data_dir = scratch_dir("upgrade");
    let config = || Config { demo: true, ..Config::new("127.0.0.1:0", data_dir.clone()) };
    let file = data_dir.join("treffpunkt.db");
    let copies = || -> Vec<PathBuf> {
        std::fs::read_dir(&data_dir)
            .expect("data dir")
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("treffpunkt.db.before-"))
            })
            .collect()
    };
    drop(Application::build(config()).await.expect("first start"));
    assert!(copies().is_empty(), "a new database needs no copy");

    // As if this version were older: the newest migration is not applied yet.
    let last = {
        use migration::{Migrator, MigratorTrait};
        let pools = domain::store::connect(&format!("sqlite://{}?mode=rw", file.display())).await.expect("open");
        let last = Migrator::get_applied_migrations(&pools.write).await.expect("applied").pop().expect("some");
        Migrator::down(&pools.write, Some(1)).await.expect("roll back the newest");
        last.name().to_owned()
    };
    drop(Application::build(config()).await.expect("the upgrade"));
    let taken = copies();
    assert_eq!(taken.len(), 1, "{taken:?}");
    let name = taken[0].file_name().expect("name").to_string_lossy().into_owned();
    assert!(name.starts_with(&format!("treffpunkt.db.before-{last}-")), "{name}");
    let (integrity, _) = read_database(&taken[0]).await;
    assert_eq!(integrity, "ok");

    drop(Application::build(config()).await.expect("the next start"));
    assert!(copies().is_empty(), "removed after the next successful start");
    let _ = std::fs::remove_dir_all(&data_dir);
}
