use sea_orm::entity::prelude::*;

/// A message organisers wrote to (some of) an event's attendees.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organiser_message")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    pub subject: String,
    /// With placeholders: `{name}`, `{event}`, `{link}`.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub recipients: i32,
}

impl ActiveModelBehavior for ActiveModel {}
