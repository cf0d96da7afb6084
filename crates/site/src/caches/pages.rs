//! A one-second cache of the public event pages, the most requested pages when an
//! invitation goes out. Any request that may change places (every non-GET request to this
//! instance, and the maintenance task) invalidates it at once (`state::invalidate_on_writes`), so this instance never
//! shows its own changes late; another instance's changes show within a second.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;

const FRESH_FOR: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct PageCache {
    generation: AtomicU64,
    entries: Mutex<HashMap<String, Entry>>,
}

struct Entry {
    stored: Instant,
    generation: u64,
    html: Bytes,
}

impl PageCache {
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    pub fn get(&self, key: &str) -> Option<Bytes> {
        let generation = self.generation.load(Ordering::SeqCst);
        let entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries
            .get(key)
            .filter(|entry| entry.generation == generation && entry.stored.elapsed() < FRESH_FOR)
            .map(|entry| entry.html.clone())
    }

    /// Stores a page rendered from data read while `generation` was current; a write that
    /// happened in between makes it stale at once.
    pub fn put(&self, key: String, generation: u64, html: Bytes) {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Keys are slugs × languages: few. Dropping everything now and then bounds the map
        // even if someone requests many unknown-but-valid slugs.
        if entries.len() > 1_000 {
            entries.clear();
        }
        entries.insert(key, Entry { stored: Instant::now(), generation, html });
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_served_until_a_write_or_a_second_passes() {
        let cache = PageCache::default();
        let generation = cache.generation();
        cache.put("event:tag:de".into(), generation, Bytes::from("<p>9 Plätze frei</p>"));
        assert_eq!(cache.get("event:tag:de"), Some(Bytes::from("<p>9 Plätze frei</p>")));
        cache.invalidate();
        assert_eq!(cache.get("event:tag:de"), None, "a write makes it stale");
        cache.put("event:tag:de".into(), generation, Bytes::from("<p>old</p>"));
        assert_eq!(cache.get("event:tag:de"), None, "rendered before the write: never served");
    }
}
