use sea_orm::entity::prelude::*;

/// One organiser action: who did what to which thing, when.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_entry")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub at: DateTimeUtc,
    pub actor_id: Option<Uuid>,
    /// Kept as written then, so the log stays readable after an account is gone.
    pub actor_email: String,
    pub event_id: Option<Uuid>,
    /// A stable code such as `event.publish` or `attendee.cancel`.
    pub action: String,
    /// What was acted on, in words (an attendee's name, an event's title).
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
}

impl ActiveModelBehavior for ActiveModel {}
