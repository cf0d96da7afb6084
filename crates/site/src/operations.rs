//! What the operator watches: when the server started, whether its background workers
//! are alive (heartbeats) and how the last backup went. Read by `/readyz`, the metrics
//! and the back office's status page; written by the jobs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Utc};

/// A worker's last sign of life, in milliseconds since the epoch; 0 before its first.
#[derive(Debug, Default)]
pub struct Heartbeat(AtomicI64);

impl Heartbeat {
    pub fn beat(&self) {
        self.0.store(Utc::now().timestamp_millis(), Ordering::Relaxed);
    }

    /// Whether it beat within `limit`.
    pub fn alive_within(&self, limit: Duration) -> bool {
        let last = self.0.load(Ordering::Relaxed);
        let limit = i64::try_from(limit.as_millis()).unwrap_or(i64::MAX);
        last > 0 && Utc::now().timestamp_millis().saturating_sub(last) <= limit
    }
}

/// A backup that was written and verified.
#[derive(Clone, Debug)]
pub struct BackupDone {
    pub at: DateTime<Utc>,
    pub path: PathBuf,
    pub bytes: u64,
}

/// A backup that failed, with why.
#[derive(Clone, Debug)]
pub struct BackupFailed {
    pub at: DateTime<Utc>,
    pub reason: String,
}

/// The scheduled backups so far (none when no backup folder is configured).
#[derive(Clone, Debug, Default)]
pub struct BackupHistory {
    pub last_success: Option<BackupDone>,
    /// The last failure; it stays until a later backup succeeds.
    pub last_failure: Option<BackupFailed>,
    pub failures: u64,
}

#[derive(Debug)]
pub struct Operations {
    pub started_at: DateTime<Utc>,
    /// The data folder, for the disk space left.
    pub data_dir: PathBuf,
    /// Whether this instance runs the mail worker (then `/readyz` expects its heartbeat).
    pub runs_mail_worker: bool,
    /// The database as the operator may see it: backend and place, never a password.
    pub database: String,
    /// Where scheduled backups go; `None` when there are none.
    pub backup_dir: Option<PathBuf>,
    pub mail_worker: Heartbeat,
    backups: Mutex<BackupHistory>,
}

impl Operations {
    pub fn new(data_dir: PathBuf, runs_mail_worker: bool, database: String, backup_dir: Option<PathBuf>) -> Self {
        Operations {
            started_at: Utc::now(),
            data_dir,
            runs_mail_worker,
            database,
            backup_dir,
            mail_worker: Heartbeat::default(),
            backups: Mutex::new(BackupHistory::default()),
        }
    }

    pub fn backup_succeeded(&self, done: BackupDone) {
        let mut history = self.backups.lock().unwrap_or_else(PoisonError::into_inner);
        history.last_success = Some(done);
        history.last_failure = None;
    }

    pub fn backup_failed(&self, reason: String) {
        let mut history = self.backups.lock().unwrap_or_else(PoisonError::into_inner);
        history.last_failure = Some(BackupFailed { at: Utc::now(), reason });
        history.failures += 1;
    }

    pub fn backups(&self) -> BackupHistory {
        self.backups.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::Heartbeat;
    use std::time::Duration;

    #[test]
    fn a_worker_is_alive_only_after_a_recent_beat() {
        let heartbeat = Heartbeat::default();
        assert!(!heartbeat.alive_within(Duration::from_secs(300)), "never beat: not alive");
        heartbeat.beat();
        assert!(heartbeat.alive_within(Duration::from_secs(300)));
        heartbeat.0.store(chrono::Utc::now().timestamp_millis() - 301_000, std::sync::atomic::Ordering::Relaxed);
        assert!(!heartbeat.alive_within(Duration::from_secs(300)), "silent too long");
    }
}
