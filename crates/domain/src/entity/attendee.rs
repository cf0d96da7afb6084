use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Kept for the funder's figures; the order is the order of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum OrganisationType {
    #[sea_orm(string_value = "kommune")]
    Kommune,
    #[sea_orm(string_value = "kreis")]
    Kreis,
    #[sea_orm(string_value = "verein")]
    Verein,
    #[sea_orm(string_value = "partner_abroad")]
    PartnerAbroad,
    #[sea_orm(string_value = "land_bund")]
    LandBund,
    #[sea_orm(string_value = "science_education")]
    ScienceEducation,
    #[sea_orm(string_value = "civil_society_other")]
    CivilSocietyOther,
    /// The event's form does not ask (or the person left it open).
    #[sea_orm(string_value = "unspecified")]
    Unspecified,
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendee")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub registration_id: Uuid,
    pub event_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub organisation: String,
    pub organisation_type: OrganisationType,
    pub partner_municipality: String,
    pub data_consent_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    /// This member of a delegation cancelled; the others still come.
    pub cancelled_at: Option<DateTimeUtc>,
    /// The order in the registration form: 0 is the contact person.
    pub position: i32,
    /// Personal data removed (retention period over, or erased on request); the row
    /// stays for the figures.
    pub anonymised_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
