//! What an operator runs around an upgrade: `treffpunkt --version` names the release and
//! the commit, `treffpunkt migrate --dry-run` lists what the new version would change
//! and changes nothing, `treffpunkt migrate` applies it.

use migration::{Migrator, MigratorTrait};
use sea_orm::ConnectionTrait;

use crate::support::EmptyDatabase;

/// Runs the binary with `args` against `database_url`; its standard output.
fn treffpunkt(database_url: &str, args: &[&str]) -> String {
    let data_dir = std::env::temp_dir().join(format!("treffpunkt-upgrade-{}", uuid::Uuid::new_v4().simple()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .args(args)
        .args(["--database-url", database_url])
        .arg("--data-dir")
        .arg(&data_dir)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs");
    let _ = std::fs::remove_dir_all(&data_dir);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The tables in the database, sea-orm's own included.
async fn tables(database_url: &str) -> u64 {
    let db = sea_orm::Database::connect(database_url).await.expect("connect");
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'"
        }
        _ => "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'",
    };
    let row = db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql)).await;
    let count: i64 = row.expect("count").expect("a row").try_get("", "n").expect("n");
    db.close().await.ok();
    u64::try_from(count).expect("a count")
}

#[test]
fn the_version_names_the_release_and_the_commit() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt")).arg("--version").output().expect("runs");
    let printed = String::from_utf8(output.stdout).expect("UTF-8");
    let expected = format!("treffpunkt {} (commit ", env!("CARGO_PKG_VERSION"));
    assert!(printed.starts_with(&expected), "{printed}");
    let commit = printed.trim_end().trim_end_matches(')').rsplit(' ').next().expect("a commit");
    assert!(
        commit == "unknown" || (commit.len() >= 7 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "a short commit hash: {printed}"
    );
}

#[tokio::test]
async fn migrate_dry_run_lists_every_pending_migration_and_changes_nothing() {
    let database = EmptyDatabase::create().await;
    let all: Vec<String> = Migrator::migrations().iter().map(|migration| migration.name().to_owned()).collect();

    let listed = treffpunkt(&database.url, &["migrate", "--dry-run"]);
    let names: Vec<&str> = listed.lines().filter_map(|line| line.strip_prefix("  ")).collect();
    assert_eq!(names, all, "every migration, in order: {listed}");
    assert!(listed.contains(&format!("{} pending", all.len())), "{listed}");
    assert_eq!(tables(&database.url).await, 0, "a dry run creates no table, not even sea-orm's own");

    let applied = treffpunkt(&database.url, &["migrate"]);
    assert!(applied.contains("Applied."), "{applied}");
    assert!(tables(&database.url).await > 0);
    let again = treffpunkt(&database.url, &["migrate", "--dry-run"]);
    assert!(again.contains("no migration is pending"), "{again}");
}
