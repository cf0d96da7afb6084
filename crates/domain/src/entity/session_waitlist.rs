use sea_orm::entity::prelude::*;

/// An attendee waiting for a place in a full programme session (their event place is
/// held; only this session is not yet theirs).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session_waitlist")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub attendee_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub programme_session_id: Uuid,
    pub registration_id: Uuid,
    pub event_id: Uuid,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
