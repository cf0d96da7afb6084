use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "check_in")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub attendee_id: Uuid,
    pub ticket_id: Uuid,
    pub event_id: Uuid,
    pub programme_session_id: Option<Uuid>,
    /// The event id or the programme session id: unique together with the attendee.
    pub scope: String,
    pub device_id: Uuid,
    pub scan_id: String,
    pub checked_in_at: DateTimeUtc,
    /// `scan` for a ticket code, `manual` when door staff picked the name from the list.
    pub method: String,
}

impl ActiveModelBehavior for ActiveModel {}
