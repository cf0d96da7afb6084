//! Walk-ins: door staff register someone standing at the entrance and let them in at
//! once. The registration takes a place like any other (a full event refuses, there is
//! no waiting list at the door) and the person gets the usual e-mail with the ticket.

use chrono::Utc;
use domain::Language;
use domain::checkin::{self, Presented, ScanAnswer, ScanError, ScanRequest};
use domain::door::DoorDevice;
use domain::registration::{self, RegistrationRequest};
use serde::Deserialize;
use site::AppState;
use site::error::{Refusal, WebError};
use site::form::{FormErrors, PersonFields, PersonRules};
use site::i18n::Tr;

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

pub enum WalkInRefusal {
    /// A message per refused field, in the form's order.
    Invalid(FormErrors),
    /// The domain said no: already registered, full or closed.
    Refused(Refusal),
}

impl WalkInRefusal {
    /// What the door says when the domain refuses, by the refusal's code.
    pub fn headline_key(refusal: &Refusal) -> &'static str {
        match refusal.code() {
            "already_registered" => "door-walk-in-already",
            "event_full" => "door-walk-in-full",
            _ => "door-walk-in-closed",
        }
    }
}

/// Registers the walk-in and checks them in; the check-in is recorded as manual.
pub async fn admit(
    app: &AppState,
    device: &DoorDevice,
    form: WalkInForm,
    language: Language,
) -> Result<Result<ScanAnswer, WalkInRefusal>, WebError> {
    let t = Tr::new(language);
    let mut errors = FormErrors::new(t);
    let fields = PersonFields {
        first_name: form.first_name.clone(),
        last_name: form.last_name.clone(),
        email: form.email.clone(),
        organisation: form.organisation.clone(),
        organisation_type: form.organisation_type.clone(),
        ..PersonFields::default()
    };
    let person = fields.parse(PersonRules::walk_in(), &mut errors, str::to_owned);
    if !form.data_consent.given() {
        errors.code("data_consent", "consent-missing");
    }
    if !checkin::is_valid_scan_id(&form.scan_id) {
        errors.code("scan_id", "invalid-choice");
    }
    let attendee = match person {
        Some(person) if errors.is_empty() => person.into_attendee(None, Vec::new(), Vec::new()),
        _ => None,
    };
    let Some(attendee) = attendee else {
        return Ok(Err(WalkInRefusal::Invalid(errors)));
    };
    let request = RegistrationRequest {
        event_id: device.event_id,
        language,
        attendees: vec![attendee],
        data_consent: true,
        consent_wording: t.get("door-walk-in-consent"),
        submission_key: Some(format!("door-{}-{}", device.id.simple(), form.scan_id)).filter(|key| key.len() <= 64),
        at_the_door: true,
    };
    let registered = match registration::register(app.pools(), request, Utc::now()).await {
        Ok(registered) => registered.registration,
        Err(failure) => match Refusal::of(failure)? {
            // The same walk-in form sent twice: let the first registration in (again).
            Refusal::AlreadySubmitted(earlier) => *earlier,
            refusal => return Ok(Err(WalkInRefusal::Refused(refusal))),
        },
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
        Ok(answer) => {
            app.metrics().check_in(answer.result.code());
            Ok(Ok(answer))
        }
        Err(ScanError::Database(err)) => Err(WebError::Database(err)),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}
