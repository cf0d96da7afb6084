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

impl OrganisationType {
    /// The choices of every form, in the form's (and the figures') order.
    pub const ALL: [OrganisationType; 7] = [
        OrganisationType::Kommune,
        OrganisationType::Kreis,
        OrganisationType::Verein,
        OrganisationType::PartnerAbroad,
        OrganisationType::LandBund,
        OrganisationType::ScienceEducation,
        OrganisationType::CivilSocietyOther,
    ];

    /// The stored value, also the value forms send and filter links carry.
    pub fn code(self) -> &'static str {
        match self {
            OrganisationType::Kommune => "kommune",
            OrganisationType::Kreis => "kreis",
            OrganisationType::Verein => "verein",
            OrganisationType::PartnerAbroad => "partner_abroad",
            OrganisationType::LandBund => "land_bund",
            OrganisationType::ScienceEducation => "science_education",
            OrganisationType::CivilSocietyOther => "civil_society_other",
            OrganisationType::Unspecified => "unspecified",
        }
    }

    /// One of the choices by its code; `unspecified` is no choice.
    pub fn parse(code: &str) -> Option<OrganisationType> {
        OrganisationType::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::OrganisationType;
    use sea_orm::ActiveEnum;

    #[test]
    fn codes_are_the_stored_values() {
        for kind in OrganisationType::ALL.into_iter().chain([OrganisationType::Unspecified]) {
            assert_eq!(kind.to_value(), kind.code());
        }
        assert_eq!(OrganisationType::parse("partner_abroad"), Some(OrganisationType::PartnerAbroad));
        assert_eq!(OrganisationType::parse("unspecified"), None);
    }
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
    /// Name and organisation as the door's search finds them (`crate::search::key`).
    pub search_key: String,
    /// The language this person's own mails and links use; `None`: the registration's.
    pub language: Option<crate::Language>,
}

impl ActiveModelBehavior for ActiveModel {}
