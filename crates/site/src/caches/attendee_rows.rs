//! The attendee rows of an event for the back office, kept for a few seconds: organisers page, sort and
//! filter the same list in quick succession, and reading 12,000 rows costs about
//! 90 ms on SQLite (bench/RESULTS.md). A write to this instance that concerns the
//! event (or names no event) makes its rows stale at once, so organisers never see
//! their own change late; another instance's changes show within `FRESH_FOR`. A scan at
//! another event's door leaves them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use domain::attendee_list::{self, AttendeeRow};
use sea_orm::{DatabaseConnection, DbErr};
use uuid::Uuid;

use super::{Generations, Scope, Snapshot};

const FRESH_FOR: Duration = Duration::from_secs(3);

#[derive(Default)]
pub struct AttendeeRowsCache {
    entries: Mutex<HashMap<Uuid, Entry>>,
    /// One read per event at a time: when the rows go stale, eight organisers' requests
    /// arriving together wait for one read instead of making eight (the benchmark's p99
    /// at concurrency 8 was 1.8 s before). Other events' reads do not wait for it.
    loading: Mutex<HashMap<Uuid, Arc<tokio::sync::Mutex<()>>>>,
}

struct Entry {
    stored: Instant,
    snapshot: Snapshot,
    rows: Arc<Vec<AttendeeRow>>,
}

impl AttendeeRowsCache {
    pub async fn rows(
        &self,
        db: &DatabaseConnection,
        generations: &Generations,
        event_id: Uuid,
    ) -> Result<Arc<Vec<AttendeeRow>>, DbErr> {
        if let Some(rows) = self.fresh(generations, event_id) {
            return Ok(rows);
        }
        let loading = self.loading_lock(event_id);
        let _loading = loading.lock().await;
        if let Some(rows) = self.fresh(generations, event_id) {
            return Ok(rows);
        }
        let snapshot = generations.snapshot();
        let rows = Arc::new(attendee_list::load(db, event_id).await?);
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // A handful of events are open at a time; forgetting everything now and then
        // bounds the memory whatever is requested.
        if entries.len() > 50 {
            entries.clear();
        }
        entries.insert(event_id, Entry { stored: Instant::now(), snapshot, rows: rows.clone() });
        Ok(rows)
    }

    fn loading_lock(&self, event_id: Uuid) -> Arc<tokio::sync::Mutex<()>> {
        let mut loading = self.loading.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if loading.len() > 50 {
            // Only locks nobody holds or waits for are dropped.
            loading.retain(|_, lock| Arc::strong_count(lock) > 1);
        }
        loading.entry(event_id).or_default().clone()
    }

    fn fresh(&self, generations: &Generations, event_id: Uuid) -> Option<Arc<Vec<AttendeeRow>>> {
        let entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries
            .get(&event_id)
            .filter(|entry| entry.stored.elapsed() < FRESH_FOR)
            .filter(|entry| generations.current(entry.snapshot, Scope::Event(event_id)))
            .map(|entry| entry.rows.clone())
    }
}
