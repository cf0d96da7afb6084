use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    #[sea_orm(string_value = "short_text")]
    ShortText,
    #[sea_orm(string_value = "long_text")]
    LongText,
    #[sea_orm(string_value = "single_choice")]
    SingleChoice,
    #[sea_orm(string_value = "multiple_choice")]
    MultipleChoice,
    #[sea_orm(string_value = "yes_no")]
    YesNo,
    /// A checkbox with its own text, e.g. consent to photos; recorded with that text.
    #[sea_orm(string_value = "consent")]
    Consent,
}

impl QuestionKind {
    /// Answered yes or no: a yes/no question or a consent checkbox.
    pub fn is_yes_or_no(self) -> bool {
        matches!(self, QuestionKind::YesNo | QuestionKind::Consent)
    }
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "question")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    pub position: i32,
    pub kind: QuestionKind,
    pub required: bool,
    #[sea_orm(column_type = "Text")]
    pub label_de: String,
    #[sea_orm(column_type = "Text")]
    pub label_en: String,
    #[sea_orm(column_type = "Text")]
    pub label_uk: String,
    /// Choices, one per line; the German line is what an answer stores.
    #[sea_orm(column_type = "Text")]
    pub options_de: String,
    #[sea_orm(column_type = "Text")]
    pub options_en: String,
    #[sea_orm(column_type = "Text")]
    pub options_uk: String,
    /// The answer is shown at the door and on badges (photo consent: photographers must know).
    pub shown_at_door: bool,
}

impl ActiveModelBehavior for ActiveModel {}
