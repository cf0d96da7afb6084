//! A one-second cache of the public event pages, the most requested pages when an
//! invitation goes out. A request that may change places makes the pages it may have
//! changed stale at once (`state::invalidate_on_writes`, and the maintenance task), so
//! this instance never shows its own changes late; another instance's changes show
//! within a second.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use uuid::Uuid;

use super::{Generations, Scope, Snapshot};

const FRESH_FOR: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct PageCache {
    generations: Generations,
    entries: Mutex<HashMap<String, Entry>>,
}

struct Entry {
    stored: Instant,
    snapshot: Snapshot,
    scope: Scope,
    html: Bytes,
}

impl PageCache {
    /// After a write that may have changed anything: every page and every event's rows.
    pub fn invalidate(&self) {
        self.generations.invalidate_all();
    }

    /// After a write that changed only this event: its pages and rows, and the lists of
    /// every event.
    pub fn invalidate_event(&self, event_id: Uuid) {
        self.generations.invalidate_event(event_id);
    }

    /// The writes this cache and the attendee rows follow.
    pub fn generations(&self) -> &Generations {
        &self.generations
    }

    pub fn get(&self, key: &str) -> Option<Bytes> {
        let entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries
            .get(key)
            .filter(|entry| entry.stored.elapsed() < FRESH_FOR)
            .filter(|entry| self.generations.current(entry.snapshot, entry.scope))
            .map(|entry| entry.html.clone())
    }

    /// Stores a page rendered from data read after `snapshot`; a write in its `scope` that
    /// happened in between makes it stale at once.
    pub fn put(&self, key: String, snapshot: Snapshot, scope: Scope, html: Bytes) {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Keys are slugs × languages: few. Dropping everything now and then bounds the map
        // even if someone requests many unknown-but-valid slugs.
        if entries.len() > 1_000 {
            entries.clear();
        }
        entries.insert(key, Entry { stored: Instant::now(), snapshot, scope, html });
    }

    /// Take it before reading what the page shows.
    pub fn snapshot(&self) -> Snapshot {
        self.generations.snapshot()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_served_until_a_write_or_a_second_passes() {
        let cache = PageCache::default();
        let event = Scope::Event(Uuid::from_u128(1));
        let snapshot = cache.snapshot();
        cache.put("event:tag:de".into(), snapshot, event, Bytes::from("<p>9 Plätze frei</p>"));
        assert_eq!(cache.get("event:tag:de"), Some(Bytes::from("<p>9 Plätze frei</p>")));
        cache.invalidate_event(Uuid::from_u128(2));
        assert!(cache.get("event:tag:de").is_some(), "a write to another event leaves it");
        cache.invalidate();
        assert_eq!(cache.get("event:tag:de"), None, "a write makes it stale");
        cache.put("event:tag:de".into(), snapshot, event, Bytes::from("<p>old</p>"));
        assert_eq!(cache.get("event:tag:de"), None, "rendered before the write: never served");
    }
}
