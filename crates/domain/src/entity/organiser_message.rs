use sea_orm::entity::prelude::*;

/// A message organisers wrote to (some of) an event's attendees. German is always
/// written; English and Ukrainian only when the organisers wrote them (both the subject
/// and the text, or neither).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organiser_message")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    /// The German subject.
    pub subject: String,
    /// The German text, with placeholders: `{name}`, `{event}`, `{link}`.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub subject_en: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub body_en: Option<String>,
    pub subject_uk: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub body_uk: Option<String>,
    /// Where replies go; `None`: to the sender address.
    pub reply_to: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    /// Registrations it was queued for.
    pub recipients: i32,
    /// How many people were ticked in the attendee list; `None` when it went to a
    /// filtered group.
    pub selected_people: Option<i32>,
}

impl ActiveModelBehavior for ActiveModel {}
