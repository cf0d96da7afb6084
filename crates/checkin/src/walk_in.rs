//! Walk-ins: door staff register someone standing at the entrance and let them in at
//! once. The registration takes a place like any other (a full event refuses, there is
//! no waiting list at the door) and the person gets the usual e-mail with the ticket.

use ::registration::AppState;
use ::registration::error::WebError;
use ::registration::pages::register::parse_organisation_type;
use chrono::Utc;
use domain::Language;
use domain::checkin::{self, Presented, ScanAnswer, ScanError, ScanRequest};
use domain::door::DoorDevice;
use domain::person::{EmailAddress, MAX_TEXT_CHARS, PersonName, clean_text};
use domain::registration::{self, NewAttendee, RegistrationError, RegistrationRequest};
use serde::Deserialize;

/// What the walk-in form sends, as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct WalkInForm {
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub organisation_type: String,
    /// The person agreed to their data being processed (asked at the door).
    #[serde(default)]
    pub data_consent: Consent,
    #[serde(default)]
    pub scan_id: String,
}

/// A checkbox sends "yes", JSON sends `true`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(untagged)]
pub enum Consent {
    Flag(bool),
    Text(String),
    #[default]
    Missing,
}

impl Consent {
    pub fn given(&self) -> bool {
        match self {
            Consent::Flag(given) => *given,
            Consent::Text(text) => matches!(text.as_str(), "yes" | "true" | "on"),
            Consent::Missing => false,
        }
    }
}

#[derive(Debug)]
pub enum WalkInRefusal {
    /// Field name and message code, in the form's order.
    Invalid(Vec<(&'static str, &'static str)>),
    AlreadyRegistered,
    EventFull,
    Closed,
}

/// Registers the walk-in and checks them in; the check-in is recorded as manual.
pub async fn admit(
    app: &AppState,
    device: &DoorDevice,
    form: WalkInForm,
    language: Language,
) -> Result<Result<ScanAnswer, WalkInRefusal>, WebError> {
    let mut invalid: Vec<(&'static str, &'static str)> = Vec::new();
    let first_name = PersonName::parse(&form.first_name).map_err(|e| invalid.push(("first_name", e.code()))).ok();
    let last_name = PersonName::parse(&form.last_name).map_err(|e| invalid.push(("last_name", e.code()))).ok();
    let email = EmailAddress::parse(&form.email).map_err(|e| invalid.push(("email", e.code()))).ok();
    let organisation =
        clean_text(&form.organisation, MAX_TEXT_CHARS).map_err(|e| invalid.push(("organisation", e.code()))).ok();
    let organisation_type = parse_organisation_type(&form.organisation_type);
    if organisation_type.is_none() {
        invalid.push(("organisation_type", "choose"));
    }
    if !form.data_consent.given() {
        invalid.push(("data_consent", "consent-missing"));
    }
    if !checkin::is_valid_scan_id(&form.scan_id) {
        invalid.push(("scan_id", "invalid-choice"));
    }
    let (Some(first_name), Some(last_name), Some(email), Some(organisation), Some(organisation_type), true) =
        (first_name, last_name, email, organisation, organisation_type, invalid.is_empty())
    else {
        return Ok(Err(WalkInRefusal::Invalid(invalid)));
    };
    let request = RegistrationRequest {
        event_id: device.event_id,
        language,
        attendees: vec![NewAttendee {
            first_name,
            last_name,
            email,
            organisation,
            organisation_type,
            partner_municipality: String::new(),
            programme_session_ids: Vec::new(),
            answers: Vec::new(),
        }],
        data_consent: true,
        consent_wording: ::registration::i18n::Tr::new(language).get("door-walk-in-consent"),
        submission_key: Some(format!("door-{}-{}", device.id.simple(), form.scan_id)).filter(|key| key.len() <= 64),
        at_the_door: true,
    };
    let registered = match registration::register(app.pools(), request, Utc::now()).await {
        Ok(registered) => registered,
        // The same walk-in form sent twice: let the first registration in (again).
        Err(RegistrationError::AlreadySubmitted(earlier)) => *earlier,
        Err(RegistrationError::AlreadyRegistered) => return Ok(Err(WalkInRefusal::AlreadyRegistered)),
        Err(RegistrationError::EventFull) => return Ok(Err(WalkInRefusal::EventFull)),
        Err(RegistrationError::NotOpen(_) | RegistrationError::EventNotFound) => return Ok(Err(WalkInRefusal::Closed)),
        Err(RegistrationError::Database(err)) => return Err(WebError::Database(err)),
        Err(other) => return Err(WebError::Internal(other.to_string())),
    };
    let details = registration::by_id(app.db(), registered.id).await?.ok_or(WebError::NotFound)?;
    let attendee = details.attendees.first().ok_or(WebError::NotFound)?;
    let scan = ScanRequest {
        presented: Presented::Attendee(attendee.attendee.id),
        scan_id: form.scan_id,
        programme_session_id: None,
        offline_at: None,
    };
    match checkin::redeem(app.pools(), app.verifier(), device, &scan, Utc::now()).await {
        Ok(answer) => Ok(Ok(answer)),
        Err(ScanError::Database(err)) => Err(WebError::Database(err)),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}
