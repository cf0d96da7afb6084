use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum EventFormat {
    #[sea_orm(string_value = "in_person")]
    InPerson,
    #[sea_orm(string_value = "online")]
    Online,
    #[sea_orm(string_value = "hybrid")]
    Hybrid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum ApprovalMode {
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "approval")]
    OrganiserApproves,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "published")]
    Published,
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// How the registration form asks for one of the standard fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum FieldRule {
    #[sea_orm(string_value = "required")]
    Required,
    #[sea_orm(string_value = "optional")]
    Optional,
    #[sea_orm(string_value = "hidden")]
    Hidden,
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub slug: String,
    pub title_de: String,
    pub title_en: String,
    pub title_uk: String,
    #[sea_orm(column_type = "Text")]
    pub description_de: String,
    #[sea_orm(column_type = "Text")]
    pub description_en: String,
    #[sea_orm(column_type = "Text")]
    pub description_uk: String,
    pub format: EventFormat,
    pub venue: String,
    pub address: String,
    pub online_url: Option<String>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub time_zone: String,
    pub registration_opens_at: Option<DateTimeUtc>,
    pub registration_closes_at: Option<DateTimeUtc>,
    pub capacity: Option<i32>,
    pub taken: i32,
    pub approval_mode: ApprovalMode,
    pub status: EventStatus,
    pub created_at: DateTimeUtc,
    /// Registrations hold their place until the e-mail address is confirmed by a link.
    pub double_opt_in: bool,
    /// How long an unconfirmed registration holds its place.
    pub confirmation_hours: i32,
    /// Walk-ins and people organisers add by hand get in even when the event is full.
    pub door_overbooking: bool,
    /// Days after the end when personal data is anonymised.
    pub retention_days: i32,
    /// When that happened.
    pub anonymised_at: Option<DateTimeUtc>,
    /// Which standard fields the registration form asks (the name and address always).
    pub ask_organisation: FieldRule,
    pub ask_organisation_type: FieldRule,
    pub ask_partner_municipality: FieldRule,
}

impl ActiveModelBehavior for ActiveModel {}
