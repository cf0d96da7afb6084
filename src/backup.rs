//! Backups of the SQLite database: an online copy with `VACUUM INTO` while the server
//! writes, verified before it counts; restoring one into an empty data folder; the
//! schedule the server runs; the copy taken before migrations change the schema.
//! PostgreSQL is backed up with its own tools (`pg_dump`), never by us.
//!
//! The statements here are SQLite's own (`VACUUM INTO`, `PRAGMA integrity_check`), which
//! no query builder expresses; they go through sqlx directly.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};

/// The database file's name in a data folder.
pub const DATABASE_FILE: &str = "treffpunkt.db";

/// How long a backup waits for a lock (a checkpoint or a schema change) before it
/// fails; the writer keeps its transactions to milliseconds.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the database is PostgreSQL: back it up with pg_dump, e.g.\n  {0}")]
    Postgres(String),
    #[error("{0}")]
    Refused(String),
    #[error("{path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Database(#[from] sea_orm::sqlx::Error),
    #[error("the copy {0} failed its check: {1}")]
    Damaged(PathBuf, String),
}

impl BackupError {
    fn file(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
        move |source| BackupError::File { path: path.to_owned(), source }
    }

    /// The operator asked for something this command does not do (exit code 2), as
    /// opposed to a copy that failed.
    pub fn is_refusal(&self) -> bool {
        matches!(self, BackupError::Postgres(_) | BackupError::Refused(_))
    }
}

/// A verified backup.
#[derive(Clone, Debug)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: u64,
    pub finished_at: DateTime<Utc>,
}

/// The SQLite file a database URL names; `None` for PostgreSQL or an in-memory database.
pub fn sqlite_file(database_url: &str) -> Option<PathBuf> {
    let rest = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// The command an operator runs instead, for a PostgreSQL URL, without its password
/// (pg_dump reads that from `PGPASSWORD` or `~/.pgpass`).
pub fn pg_dump_command(database_url: &str, to: &Path) -> String {
    format!("pg_dump --format=custom --file='{}' '{}'", to.display(), without_password(database_url))
}

/// `postgres://user:secret@host/db` → `postgres://user@host/db`.
pub fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

/// Opens an existing SQLite file (never creates one) with a busy timeout.
async fn open(path: &Path) -> Result<SqlitePool, BackupError> {
    if !path.is_file() {
        return Err(BackupError::Refused(format!("there is no database file at {}", path.display())));
    }
    let options = SqliteConnectOptions::new().filename(path).create_if_missing(false).busy_timeout(BUSY_TIMEOUT);
    Ok(SqlitePoolOptions::new().max_connections(1).connect_with(options).await?)
}

/// Copies the database behind `source` to `to`, consistently while others write: VACUUM
/// INTO reads one snapshot (WAL readers never wait for the writer) into a temporary file,
/// which is checked and only then renamed to `to`.
pub async fn copy_online(source: &SqlitePool, to: &Path) -> Result<Written, BackupError> {
    let file_name = to.file_name().and_then(|name| name.to_str()).unwrap_or("backup");
    let partial = to.with_file_name(format!(".{file_name}.partial"));
    let partial_text = partial
        .to_str()
        .ok_or_else(|| BackupError::Refused(format!("the path {} is not UTF-8", partial.display())))?
        .to_owned();
    if to.exists() {
        return Err(BackupError::Refused(format!("{} exists already; choose a new name", to.display())));
    }
    // Left over from a copy that was interrupted; VACUUM INTO refuses an existing file.
    let _ = std::fs::remove_file(&partial);
    sea_orm::sqlx::query("VACUUM INTO ?").bind(&partial_text).execute(source).await?;
    if let Err(err) = verify(&partial).await {
        let _ = std::fs::remove_file(&partial);
        return Err(err);
    }
    std::fs::rename(&partial, to).map_err(BackupError::file(to))?;
    let bytes = std::fs::metadata(to).map_err(BackupError::file(to))?.len();
    Ok(Written { path: to.to_owned(), bytes, finished_at: Utc::now() })
}

/// `treffpunkt backup`: copies the SQLite database at `database_url` to `to`.
pub async fn backup(database_url: &str, to: &Path) -> Result<Written, BackupError> {
    if database_url.starts_with("postgres") {
        return Err(BackupError::Postgres(pg_dump_command(database_url, to)));
    }
    let file = sqlite_file(database_url)
        .ok_or_else(|| BackupError::Refused(format!("cannot back up the database at {database_url}")))?;
    let source = open(&file).await?;
    let written = copy_online(&source, to).await;
    source.close().await;
    written
}

/// The file is a whole SQLite database (`integrity_check` says ok) of Treffpunkt (it has
/// the migrations table).
pub async fn verify(path: &Path) -> Result<(), BackupError> {
    let pool = open(path).await?;
    let checked = check(&pool).await;
    pool.close().await;
    checked.map_err(|problem| BackupError::Damaged(path.to_owned(), problem))
}

async fn check(pool: &SqlitePool) -> Result<(), String> {
    let lines: Vec<String> =
        sea_orm::sqlx::query_scalar("PRAGMA integrity_check").fetch_all(pool).await.map_err(|err| err.to_string())?;
    if lines != ["ok"] {
        return Err(lines.join("; "));
    }
    let migrations: i64 = sea_orm::sqlx::query_scalar("SELECT count(*) FROM seaql_migrations")
        .fetch_one(pool)
        .await
        .map_err(|_| "it is not a Treffpunkt database (no migrations table)".to_owned())?;
    if migrations == 0 {
        return Err("it is not a Treffpunkt database (no migrations applied)".to_owned());
    }
    Ok(())
}

/// `treffpunkt restore`: the verified backup becomes `data_dir/treffpunkt.db`. Refused
/// when a database is there already: a restore never overwrites one, live or not.
pub async fn restore(from: &Path, data_dir: &Path) -> Result<PathBuf, BackupError> {
    let target = data_dir.join(DATABASE_FILE);
    for existing in [target.clone(), data_dir.join(format!("{DATABASE_FILE}-wal"))] {
        if existing.exists() {
            return Err(BackupError::Refused(format!(
                "{} exists: restore only into a data folder without a database \
                 (move the old one away first; a restore never overwrites a database)",
                existing.display()
            )));
        }
    }
    verify(from).await?;
    std::fs::create_dir_all(data_dir).map_err(BackupError::file(data_dir))?;
    let partial = data_dir.join(format!(".{DATABASE_FILE}.restoring"));
    std::fs::copy(from, &partial).map_err(BackupError::file(&partial))?;
    std::fs::File::open(&partial).and_then(|file| file.sync_all()).map_err(BackupError::file(&partial))?;
    // A server started meanwhile created a database: leave it, keep ours aside.
    if target.exists() {
        return Err(BackupError::Refused(format!("{} appeared during the restore", target.display())));
    }
    std::fs::rename(&partial, &target).map_err(BackupError::file(&target))?;
    Ok(target)
}

/// The server's own backups: every `every` into `dir`, the newest `keep` kept.
#[derive(Clone, Debug)]
pub struct BackupSchedule {
    pub dir: PathBuf,
    pub every: Duration,
    pub keep: usize,
}

/// Scheduled backups' names sort by time: `treffpunkt-20261126T060212.345Z.db` (UTC).
const SCHEDULED_PREFIX: &str = "treffpunkt-";
const SCHEDULED_SUFFIX: &str = ".db";

/// Takes a backup every `schedule.every` until the process ends. A failure is logged as
/// an error and remembered for the status page and the metrics; the older backups stay.
pub async fn run_schedule(app: site::AppState, schedule: BackupSchedule) {
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + schedule.every, schedule.every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match scheduled_backup(&app, &schedule).await {
            Ok(written) => {
                tracing::info!(path = %written.path.display(), bytes = written.bytes, "backup written and verified");
                app.metrics().backup_succeeded(written.finished_at, written.bytes);
                app.operations().backup_succeeded(site::operations::BackupDone {
                    at: written.finished_at,
                    path: written.path,
                    bytes: written.bytes,
                });
            }
            Err(err) => {
                tracing::error!(error = %err, dir = %schedule.dir.display(), "backup failed");
                app.operations().backup_failed(err.to_string());
                app.metrics().backup_failed();
            }
        }
    }
}

async fn scheduled_backup(app: &site::AppState, schedule: &BackupSchedule) -> Result<Written, BackupError> {
    std::fs::create_dir_all(&schedule.dir).map_err(BackupError::file(&schedule.dir))?;
    let name = format!("{SCHEDULED_PREFIX}{}{SCHEDULED_SUFFIX}", Utc::now().format("%Y%m%dT%H%M%S%.3fZ"));
    let source = app.pools().read.get_sqlite_connection_pool();
    let written = copy_online(source, &schedule.dir.join(name)).await?;
    // Only now that a new one verified: an old backup is never removed for a failed one.
    remove_oldest(&schedule.dir, schedule.keep)?;
    Ok(written)
}

/// Removes scheduled backups beyond the newest `keep`.
fn remove_oldest(dir: &Path, keep: usize) -> Result<(), BackupError> {
    let mut backups: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(BackupError::file(dir))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with(SCHEDULED_PREFIX) && name.ends_with(SCHEDULED_SUFFIX))
        })
        .collect();
    backups.sort();
    let surplus = backups.len().saturating_sub(keep.max(1));
    for old in backups.into_iter().take(surplus) {
        std::fs::remove_file(&old).map_err(BackupError::file(&old))?;
    }
    Ok(())
}

/// Before migrations change an existing SQLite database: a verified copy next to it,
/// `treffpunkt.db.before-<first pending migration>-<time>`, so that an upgrade that goes
/// wrong can be undone. `None` when nothing is pending (or the database is new).
pub async fn before_migrations(pools: &domain::store::Pools, file: &Path) -> Result<Option<PathBuf>, BackupError> {
    use migration::{Migrator, MigratorTrait};
    let database = |err: sea_orm::DbErr| BackupError::Refused(format!("cannot read the applied migrations: {err}"));
    if Migrator::get_applied_migrations_read_only(&pools.write).await.map_err(database)?.is_empty() {
        return Ok(None);
    }
    let pending = Migrator::get_pending_migrations_read_only(&pools.write).await.map_err(database)?;
    let Some(first) = pending.first() else { return Ok(None) };
    let file_name = file.file_name().and_then(|name| name.to_str()).unwrap_or(DATABASE_FILE);
    let copy =
        file.with_file_name(format!("{file_name}.before-{}-{}", first.name(), Utc::now().format("%Y%m%dT%H%M%SZ")));
    copy_online(pools.write.get_sqlite_connection_pool(), &copy).await.map(|written| Some(written.path))
}

/// After a successful start: the copies taken before earlier upgrades go (`keep`, the
/// one taken at this start, stays until the next).
pub fn remove_earlier_pre_migration_copies(file: &Path, keep: Option<&Path>) {
    let Some(dir) = file.parent() else { return };
    let file_name = file.file_name().and_then(|name| name.to_str()).unwrap_or(DATABASE_FILE);
    let prefix = format!("{file_name}.before-");
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let earlier = path.file_name().and_then(|name| name.to_str()).is_some_and(|name| name.starts_with(&prefix));
        if earlier && keep.is_none_or(|kept| kept.file_name() != path.file_name()) {
            match std::fs::remove_file(&path) {
                Ok(()) => tracing::info!(path = %path.display(), "removed the copy taken before an earlier upgrade"),
                Err(err) => {
                    tracing::warn!(path = %path.display(), error = %err, "cannot remove an old pre-upgrade copy")
                }
            }
        }
    }
}

/// Parses `30s`, `15m`, `6h`, `1d` or `200ms`.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number.parse().map_err(|_| format!("{text:?} is not a duration like 30s, 15m, 6h or 1d"))?;
    let millis = match unit {
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        _ => return Err(format!("{text:?} is not a duration like 30s, 15m, 6h or 1d")),
    };
    match number.checked_mul(millis) {
        Some(0) => Err("the interval must be longer than zero".to_owned()),
        Some(total) => Ok(Duration::from_millis(total)),
        None => Err(format!("{text:?} is too long")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_as_operators_write_them() {
        assert_eq!(parse_interval("6h"), Ok(Duration::from_secs(6 * 3600)));
        assert_eq!(parse_interval("1d"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_interval("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_interval("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_interval("200ms"), Ok(Duration::from_millis(200)));
        for wrong in ["", "6", "h", "0s", "6 hours", "-1h", "1.5h"] {
            assert!(parse_interval(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn pg_dump_line_carries_no_password() {
        let line = pg_dump_command("postgres://treff:geheim@db.example:5432/treffpunkt", Path::new("/b/t.dump"));
        assert_eq!(line, "pg_dump --format=custom --file='/b/t.dump' 'postgres://treff@db.example:5432/treffpunkt'");
        assert_eq!(without_password("postgres://postgres@127.0.0.1/test"), "postgres://postgres@127.0.0.1/test");
    }

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(sqlite_file("sqlite:///data/treffpunkt.db?mode=rwc"), Some(PathBuf::from("/data/treffpunkt.db")));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x@y/z"), None);
    }
}
