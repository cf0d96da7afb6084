//! The domain of Treffpunkt: events and their programme, registrations of one or more
//! attendees, signed tickets and their exactly-once redemption at the door.
//!
//! Nothing here knows about HTTP. Each operation takes a database connection and typed
//! input that was parsed at the edge, and keeps its rules under concurrency with one
//! conditional statement (capacity, check-in, scan ids).

pub mod account;
pub mod attendee_list;
pub mod audit;
pub mod certificate;
pub mod checkin;
pub mod demo;
pub mod door;
pub mod entity;
pub mod event;
pub mod event_setup;
pub mod ids;
pub mod keys;
pub mod language;
pub mod login;
pub mod messages;
pub mod operator;
pub mod outbox;
pub mod person;
pub mod places;
pub mod privacy;
pub mod programme;
pub mod registration;
pub mod registration_form;
pub mod search;
pub mod store;
pub mod ticket;

pub use language::Language;
