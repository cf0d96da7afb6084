//! The back office's status page: what an administrator sees of the server.

use std::time::Duration;

use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn administrators_see_version_database_outbox_backups_and_disk_space() {
    let backups = std::env::temp_dir().join(format!("treffpunkt-status-{}", uuid::Uuid::new_v4().simple()));
    let dir = backups.clone();
    let app = TestApp::spawn_with(|config| {
        // Scheduled backups are SQLite's: this server runs on SQLite on either suite.
        config.database_url = None;
        config.backups = Some(treffpunkt::backup::BackupSchedule { dir, every: Duration::from_millis(200), keep: 2 });
    })
    .await;
    let admin = app.admin().await;
    let (status, page) = app.staff_get(&admin, "/admin/status").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(env!("CARGO_PKG_VERSION")), "the version");
    assert!(page.contains("SQLite") && page.contains("treffpunkt.db"), "the database");
    assert!(page.contains("E-Mails im Postausgang"), "the outbox");
    assert!(page.contains("Freier Speicher im Datenordner") && page.contains(" MB"), "the disk space");
    assert!(page.contains("href=\"/admin/status\""), "in the navigation");

    tokio::time::sleep(Duration::from_millis(700)).await;
    let (_, page) = app.staff_get(&admin, "/admin/status").await;
    let backup_line = page.split("Letzte Sicherung").nth(1).expect("the backup line");
    assert!(backup_line[..200.min(backup_line.len())].contains("MB"), "time and size: {backup_line}");

    // The folder becomes unusable: the failure is shown, with its reason.
    std::fs::remove_dir_all(&backups).expect("remove");
    std::fs::write(&backups, b"in the way").expect("a file in its place");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (_, page) = app.staff_get(&admin, "/admin/status").await;
    assert!(page.contains("Fehlgeschlagen am"), "the failure is shown");
    let _ = std::fs::remove_file(&backups);
}

#[tokio::test]
async fn the_status_page_names_the_database_without_its_password() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (status, page) = app.staff_get(&admin, "/admin/status").await;
    assert_eq!(status, StatusCode::OK);
    if app.database_url.starts_with("postgres") {
        assert!(page.contains("PostgreSQL"), "the backend");
    } else {
        assert!(page.contains("SQLite"), "the backend");
        assert!(page.contains("Keine geplanten Sicherungen"), "no schedule configured");
    }
    let password = app
        .database_url
        .split_once("://")
        .and_then(|(_, rest)| rest.split_once('@'))
        .and_then(|(user, _)| user.split_once(':'))
        .map(|(_, password)| password.to_owned());
    if let Some(password) = password.filter(|password| !password.is_empty()) {
        assert!(!page.contains(&password), "no password on the page");
    }
}
