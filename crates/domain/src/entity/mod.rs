//! sea-orm entities, one module per table. The rules that use them live one level up.

pub mod account_link;
pub mod answer;
pub mod attendee;
pub mod attendee_session;
pub mod audit_entry;
pub mod check_in;
pub mod check_in_conflict;
pub mod check_in_undo;
pub mod door_device;
pub mod door_scan;
pub mod event;
pub mod instance_secret;
pub mod login_failure;
pub mod operator_details;
pub mod organiser_message;
pub mod outbox_message;
pub mod programme_session;
pub mod question;
pub mod registration;
pub mod registration_link;
pub mod session_waitlist;
pub mod ticket;
pub mod user_account;
pub mod user_event;
pub mod user_session;
