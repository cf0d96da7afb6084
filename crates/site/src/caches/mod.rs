//! Short-lived in-memory caches of this instance; every write through it makes them
//! stale at once, another instance's writes show within each cache's freshness period.

pub mod attendee_rows;
pub mod door_devices;
pub mod pages;
