use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "answer")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub attendee_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub question_id: Uuid,
    pub event_id: Uuid,
    /// Text as typed; a choice as its German wording (several: one per line);
    /// `yes` or `no` for yes/no questions and consents.
    #[sea_orm(column_type = "Text")]
    pub value: String,
    /// The question (and the chosen options) as the person read them, in their language.
    #[sea_orm(column_type = "Text")]
    pub wording: String,
    pub answered_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
