//! sea-orm entities, one module per table. The rules that use them live one level up.

pub mod attendee;
pub mod attendee_session;
pub mod check_in;
pub mod check_in_conflict;
pub mod check_in_undo;
pub mod door_device;
pub mod door_scan;
pub mod event;
pub mod instance_secret;
pub mod outbox_message;
pub mod programme_session;
pub mod registration;
pub mod ticket;
