//! Short-lived in-memory caches of this instance; every write through it makes what it
//! may have changed stale at once, another instance's writes show within each cache's
//! freshness period.
//!
//! A write that names its event (a door scan, a registration) makes only that event's
//! entries stale, and the pages that list every event; any other write makes everything
//! stale. Before, every scan at a busy door made every event's attendee rows reload.

pub mod attendee_rows;
pub mod door_devices;
pub mod operator;
pub mod pages;

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::response::Response;
use uuid::Uuid;

use crate::error::WebError;

/// What a cache entry depends on: one event's data, or every event's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Event(Uuid),
    AllEvents,
}

/// Where the writes are: a sequence number for each write, and the last one that
/// touched each event or everything. Data read after [`Generations::snapshot`] is current
/// while no write in its scope came after the snapshot.
#[derive(Default)]
pub struct Generations {
    sequence: AtomicU64,
    /// The last write that named no event.
    everything: AtomicU64,
    /// The last write to each event (a few events are open at a time; a write names an
    /// event only after finding it in the database).
    events: Mutex<HashMap<Uuid, u64>>,
}

/// The write sequence when data was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snapshot(u64);

impl Generations {
    /// Take it before reading what will be cached.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot(self.sequence.load(Ordering::SeqCst))
    }

    /// Whether data read after `snapshot` is still current for `scope`.
    pub fn current(&self, snapshot: Snapshot, scope: Scope) -> bool {
        if self.everything.load(Ordering::SeqCst) > snapshot.0 {
            return false;
        }
        match scope {
            Scope::AllEvents => self.sequence.load(Ordering::SeqCst) == snapshot.0,
            Scope::Event(event_id) => {
                let events = self.events.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                events.get(&event_id).is_none_or(|changed| *changed <= snapshot.0)
            }
        }
    }

    /// After a write that may have changed anything.
    pub fn invalidate_all(&self) {
        let write = self.sequence.fetch_add(1, Ordering::SeqCst) + 1;
        self.everything.fetch_max(write, Ordering::SeqCst);
    }

    /// After a write that changed only this event's data.
    pub fn invalidate_event(&self, event_id: Uuid) {
        let write = self.sequence.fetch_add(1, Ordering::SeqCst) + 1;
        let mut events = self.events.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let changed = events.entry(event_id).or_insert(write);
        *changed = (*changed).max(write);
    }
}

/// A response extension: the request changed only this event's data.
#[derive(Clone, Copy, Debug)]
pub struct WroteEvent(pub Uuid);

/// Marks an answer as having changed only `event_id`'s data (door scans, registrations),
/// so that the caches of other events stay. Unmarked writes make everything stale.
pub fn only_event(event_id: Uuid, answer: Result<Response, WebError>) -> Result<Response, WebError> {
    answer.map(|mut response| {
        response.extensions_mut().insert(WroteEvent(event_id));
        response
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_to_one_event_leaves_the_others_current() {
        let generations = Generations::default();
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let before = generations.snapshot();
        generations.invalidate_event(a);
        assert!(!generations.current(before, Scope::Event(a)), "the written event is stale");
        assert!(generations.current(before, Scope::Event(b)), "another event is not");
        assert!(!generations.current(before, Scope::AllEvents), "lists of every event are");
        let after = generations.snapshot();
        assert!(generations.current(after, Scope::Event(a)), "read after the write: current");
        generations.invalidate_all();
        assert!(!generations.current(after, Scope::Event(b)), "a write to anything: all stale");
    }
}
