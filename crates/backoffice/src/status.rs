//! The status page (administrators): what an operator checks first — version,
//! database, uptime, the outbox, the last backup and the disk space left.

use std::path::Path;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use chrono::{DateTime, Utc};

use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::i18n::{Lang, Tr};

pub fn routes() -> Guarded {
    Guarded::new().get("/admin/status", Access::Administrator, show)
}

/// One line of the page: what it is and how it stands.
struct Fact {
    label: String,
    value: String,
    /// Something the operator should act on (a failed backup, mail given up on).
    warning: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/status.html")]
struct StatusPage {
    t: Tr,
    nav: Option<Nav>,
    facts: Vec<Fact>,
}

async fn show(State(app): State<AppState>, Lang(language): Lang, staff: Staff) -> Result<StatusPage, WebError> {
    let t = Tr::new(language);
    let operations = app.operations();
    let outbox = domain::outbox::state(app.db()).await?;
    let now = Utc::now();
    let fact = |key: &str, value: String| Fact { label: t.get(key), value, warning: false };
    let mut facts = vec![
        fact("admin-status-version", env!("CARGO_PKG_VERSION").to_owned()),
        fact("admin-status-database", operations.database.clone()),
        fact(
            "admin-status-running-since",
            t.with2(
                "admin-status-since",
                ["time", "duration"],
                [&local_time(t, operations.started_at), &duration(t, now - operations.started_at)],
            ),
        ),
        fact("admin-status-outbox-unsent", outbox.unsent.to_string()),
        fact(
            "admin-status-outbox-oldest",
            outbox.oldest_unsent.map_or_else(|| t.get("admin-status-none"), |oldest| duration(t, now - oldest)),
        ),
        Fact {
            label: t.get("admin-status-outbox-undeliverable"),
            value: outbox.undeliverable.to_string(),
            warning: outbox.undeliverable > 0,
        },
    ];
    let backups = operations.backups();
    facts.push(match (&operations.backup_dir, &backups.last_failure, &backups.last_success) {
        (None, _, _) => fact("admin-status-backup", t.get("admin-status-backup-off")),
        (Some(_), Some(failed), _) => Fact {
            label: t.get("admin-status-backup"),
            value: t.with2(
                "admin-status-backup-failed",
                ["time", "reason"],
                [&local_time(t, failed.at), &failed.reason],
            ),
            warning: true,
        },
        (Some(_), None, Some(done)) => fact(
            "admin-status-backup",
            t.with2("admin-status-backup-done", ["time", "size"], [&local_time(t, done.at), &megabytes(t, done.bytes)]),
        ),
        (Some(dir), None, None) => {
            fact("admin-status-backup", t.with("admin-status-backup-none-yet", "dir", &dir.display().to_string()))
        }
    });
    let free =
        disk_free(&operations.data_dir).map_or_else(|| t.get("admin-status-unknown"), |bytes| megabytes(t, bytes));
    facts.push(fact("admin-status-disk-free", free));
    Ok(StatusPage { t, nav: Nav::of(&staff), facts })
}

/// Bytes the server may still write in the folder (what an unprivileged user gets).
// The field types are the platform's (u64 on 64-bit Linux, narrower elsewhere).
#[allow(clippy::useless_conversion)]
fn disk_free(dir: &Path) -> Option<u64> {
    let stats = nix::sys::statvfs::statvfs(dir).ok()?;
    u64::try_from(stats.blocks_available()).ok()?.checked_mul(u64::try_from(stats.fragment_size()).ok()?)
}

fn local_time(t: Tr, at: DateTime<Utc>) -> String {
    t.date_time(&at.with_timezone(&chrono_tz::Europe::Berlin))
}

/// "3 days" from a day on; "2 h 5 min" below.
fn duration(t: Tr, span: chrono::TimeDelta) -> String {
    let minutes = span.num_minutes().max(0);
    if minutes >= 24 * 60 {
        return t.count("admin-status-days", "days", minutes / (24 * 60));
    }
    t.with2(
        "admin-status-hours-minutes",
        ["hours", "minutes"],
        [&(minutes / 60).to_string(), &(minutes % 60).to_string()],
    )
}

/// Megabytes with one decimal, in the reader's notation (a comma in German and Ukrainian).
fn megabytes(t: Tr, bytes: u64) -> String {
    let tenths = bytes / 100_000;
    let number = format!("{}.{}", tenths / 10, tenths % 10);
    let number = if t.code() == "en" { number } else { number.replace('.', ",") };
    t.with("admin-status-megabytes", "size", &number)
}
