use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Which message to compose; the worker renders it when it sends, from current data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    #[sea_orm(string_value = "confirmation")]
    Confirmation,
    /// Placed on the waiting list.
    #[sea_orm(string_value = "waitlisted")]
    Waitlisted,
    /// Moved up from the waiting list: now confirmed, with tickets.
    #[sea_orm(string_value = "promoted")]
    Promoted,
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
    /// The link to the registration page, asked for again.
    #[sea_orm(string_value = "manage_link")]
    ManageLink,
    /// Double opt-in: "please confirm your e-mail address" with the link.
    #[sea_orm(string_value = "confirm_email")]
    ConfirmEmail,
    /// A reminder shortly before the event, with the tickets.
    #[sea_orm(string_value = "reminder")]
    Reminder,
    /// Invitation-only events: received, the organisers decide.
    #[sea_orm(string_value = "awaiting_approval")]
    AwaitingApproval,
    /// The organisers declined the registration.
    #[sea_orm(string_value = "declined")]
    Declined,
    /// The organisers changed details or sessions: the current state, with tickets.
    #[sea_orm(string_value = "changed")]
    ChangedByOrganiser,
    /// A place in a programme session came free for someone on its waiting list.
    #[sea_orm(string_value = "session_promoted")]
    SessionPromoted,
    /// A message organisers wrote (`message_id`).
    #[sea_orm(string_value = "organiser_message")]
    OrganiserMessage,
    /// After the event: the certificates of attendance of the people checked in, as PDFs.
    #[sea_orm(string_value = "certificate")]
    Certificate,
    /// Moved up from the waiting list of a double-opt-in event: a place came free, and
    /// the address must now be confirmed to keep it.
    #[sea_orm(string_value = "promoted_confirm_email")]
    PromotedConfirmEmail,
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_message")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: MailKind,
    pub registration_id: Uuid,
    pub created_at: DateTimeUtc,
    pub next_attempt_at: DateTimeUtc,
    pub attempts: i32,
    /// A worker holds the message until then; after that another may take it over.
    pub claimed_until: Option<DateTimeUtc>,
    pub sent_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    /// For `OrganiserMessage`: which message.
    pub message_id: Option<Uuid>,
    /// Given up: the mail server refused it for good (5xx), it could not be composed
    /// (an address the mailer cannot send to) or it failed [`crate::outbox::MAX_ATTEMPTS`]
    /// times. Never tried again; the back office shows it.
    pub undeliverable_at: Option<DateTimeUtc>,
    /// A message to one member of a delegation at their own address; `None`: to the
    /// registration's contact person.
    pub attendee_id: Option<Uuid>,
}

impl ActiveModelBehavior for ActiveModel {}
