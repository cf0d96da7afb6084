//! Database schema of Treffpunkt, applied at start-up on SQLite and PostgreSQL alike.

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_foundation;
mod m20261125_000002_outbox;
mod m20261125_000003_registration_keys;
mod m20261125_000004_attendee_cancellation;
mod m20261125_000005_double_opt_in;
mod m20261125_000006_reminders;
mod m20261125_000007_check_in_method;
mod m20261125_000008_check_in_undo;
mod m20261125_000009_check_in_conflict;
mod m20261125_000010_back_office;
mod m20261125_000011_door_overbooking;
mod m20261125_000012_organiser_message;
mod m20261125_000013_registration_form;
mod m20261125_000014_session_waitlist;
mod m20261125_000015_privacy;
mod m20261126_000016_submission_digest;
mod m20261126_000017_undeliverable_mail;
mod m20261126_000020_attendee_search_key;
mod m20261126_000021_hashed_registration_secrets;
mod m20261126_000022_operator_details;
mod m20261126_000023_message_languages;
mod m20261126_000024_member_mail;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_foundation::Migration),
            Box::new(m20261125_000002_outbox::Migration),
            Box::new(m20261125_000003_registration_keys::Migration),
            Box::new(m20261125_000004_attendee_cancellation::Migration),
            Box::new(m20261125_000005_double_opt_in::Migration),
            Box::new(m20261125_000006_reminders::Migration),
            Box::new(m20261125_000007_check_in_method::Migration),
            Box::new(m20261125_000008_check_in_undo::Migration),
            Box::new(m20261125_000009_check_in_conflict::Migration),
            Box::new(m20261125_000010_back_office::Migration),
            Box::new(m20261125_000011_door_overbooking::Migration),
            Box::new(m20261125_000012_organiser_message::Migration),
            Box::new(m20261125_000013_registration_form::Migration),
            Box::new(m20261125_000014_session_waitlist::Migration),
            Box::new(m20261125_000015_privacy::Migration),
            Box::new(m20261126_000016_submission_digest::Migration),
            Box::new(m20261126_000017_undeliverable_mail::Migration),
            Box::new(m20261126_000020_attendee_search_key::Migration),
            Box::new(m20261126_000021_hashed_registration_secrets::Migration),
            Box::new(m20261126_000022_operator_details::Migration),
            Box::new(m20261126_000023_message_languages::Migration),
            Box::new(m20261126_000024_member_mail::Migration),
        ]
    }
}
