use sea_orm::entity::prelude::*;

/// A person let in by two devices that were both offline: counted once, shown to
/// organisers with both devices and times.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "check_in_conflict")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub attendee_id: Uuid,
    pub event_id: Uuid,
    pub scope: String,
    pub first_device_id: Uuid,
    pub first_at: DateTimeUtc,
    pub second_device_id: Uuid,
    /// When the second device let the person in (its own clock, while offline).
    pub second_at: DateTimeUtc,
    pub scan_id: String,
    pub recorded_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
