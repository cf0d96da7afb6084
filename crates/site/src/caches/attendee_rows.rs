//! The attendee rows of an event for the back office, kept for a few seconds: organisers page, sort and
//! filter the same list in quick succession, and reading 12,000 rows costs about
//! 90 ms on SQLite (bench/RESULTS.md). Every write to this instance makes the rows
//! stale at once (the page cache's generation), so organisers never see their own
//! change late; another instance's changes show within `FRESH_FOR`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use domain::attendee_list::{self, AttendeeRow};
use sea_orm::DbErr;
use uuid::Uuid;

use sea_orm::DatabaseConnection;

const FRESH_FOR: Duration = Duration::from_secs(3);

#[derive(Default)]
pub struct AttendeeRowsCache {
    entries: Mutex<HashMap<Uuid, Entry>>,
    /// One read at a time: when the rows go stale, eight organisers' requests arriving
    /// together wait for one read instead of making eight (the benchmark's p99 at
    /// concurrency 8 was 1.8 s before).
    loading: tokio::sync::Mutex<()>,
}

struct Entry {
    stored: Instant,
    generation: u64,
    rows: Arc<Vec<AttendeeRow>>,
}

impl AttendeeRowsCache {
    /// `generation`: the page cache's, read before the rows; a write since makes them stale.
    pub async fn rows(
        &self,
        db: &DatabaseConnection,
        generation: u64,
        event_id: Uuid,
    ) -> Result<Arc<Vec<AttendeeRow>>, DbErr> {
        if let Some(rows) = self.fresh(event_id, generation) {
            return Ok(rows);
        }
        let _loading = self.loading.lock().await;
        if let Some(rows) = self.fresh(event_id, generation) {
            return Ok(rows);
        }
        let rows = Arc::new(attendee_list::load(db, event_id).await?);
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // A handful of events are open at a time; forgetting everything now and then
        // bounds the memory whatever is requested.
        if entries.len() > 50 {
            entries.clear();
        }
        entries.insert(event_id, Entry { stored: Instant::now(), generation, rows: rows.clone() });
        Ok(rows)
    }

    fn fresh(&self, event_id: Uuid, generation: u64) -> Option<Arc<Vec<AttendeeRow>>> {
        let entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries
            .get(&event_id)
            .filter(|entry| entry.generation == generation && entry.stored.elapsed() < FRESH_FOR)
            .map(|entry| entry.rows.clone())
    }
}
