use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "door_scan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub device_id: Uuid,
    pub scan_id: String,
    pub result: String,
    /// The JSON answer given the first time, returned again for a repeated scan id.
    #[sea_orm(column_type = "Text")]
    pub response: String,
    pub scanned_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
