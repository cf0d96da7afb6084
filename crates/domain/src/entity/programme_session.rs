use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    #[sea_orm(string_value = "plenary")]
    Plenary,
    #[sea_orm(string_value = "forum")]
    Forum,
    #[sea_orm(string_value = "workshop")]
    Workshop,
    #[sea_orm(string_value = "excursion")]
    Excursion,
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programme_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    pub kind: SessionKind,
    pub title_de: String,
    pub title_en: String,
    pub title_uk: String,
    pub room: String,
    pub speakers: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub capacity: Option<i32>,
    pub taken: i32,
    pub position: i32,
}

impl ActiveModelBehavior for ActiveModel {}
