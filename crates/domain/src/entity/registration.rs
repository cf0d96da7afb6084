use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    #[sea_orm(string_value = "pending_confirmation")]
    PendingConfirmation,
    #[sea_orm(string_value = "confirmed")]
    Confirmed,
    #[sea_orm(string_value = "waitlisted")]
    Waitlisted,
    #[sea_orm(string_value = "awaiting_approval")]
    AwaitingApproval,
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registration")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    /// The hash of the first link handed out; links are looked up in `registration_link`
    /// (kept because SQLite cannot drop a UNIQUE column, see migration 000021).
    #[sea_orm(unique)]
    pub manage_token_hash: String,
    pub contact_email: String,
    pub language: crate::Language,
    pub status: RegistrationStatus,
    pub created_at: DateTimeUtc,
    /// The contact address in lower case: one active registration per address and event.
    pub email_key: String,
    /// The hash of the form's key that created it, so that a resent form finds it again.
    pub submission_key_hash: Option<String>,
    /// What that submission sent (event and people, see
    /// `registration::submission_digest`): the same key with other data is another
    /// person at a reused form, never this registration.
    pub submission_digest: Option<String>,
    /// Unconfirmed by then, the place is released.
    pub confirm_by: Option<DateTimeUtc>,
    /// When the reminder before the event was queued; at most once.
    pub reminder_queued_at: Option<DateTimeUtc>,
    /// The data-processing consent as the person read it, in their language.
    #[sea_orm(column_type = "Text")]
    pub consent_wording: String,
    /// The participant asked for their data to be erased; organisers do it.
    pub deletion_requested_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
