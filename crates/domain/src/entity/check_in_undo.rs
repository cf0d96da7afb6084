use sea_orm::entity::prelude::*;

/// A check-in that door staff took back, kept with who undid it and when.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "check_in_undo")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub check_in_id: Uuid,
    pub attendee_id: Uuid,
    pub event_id: Uuid,
    pub scope: String,
    pub device_id: Uuid,
    pub scan_id: String,
    pub checked_in_at: DateTimeUtc,
    pub method: String,
    pub undone_by: Uuid,
    pub undone_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
