//! The registration form: shown, checked field by field, turned into a domain
//! registration, or shown again with the values kept and one message per field.

use std::collections::HashSet;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::Utc;
use domain::event::{self, Event};
use domain::ids::secret_token;
use domain::person::{EmailAddress, InvalidInput, MAX_TEXT_CHARS, PersonName, clean_optional_text, clean_text};
use domain::programme::{self, ProgrammeSession};
use domain::registration::{self, NewAttendee, OrganisationType, RegistrationError, RegistrationRequest};
use domain::registration_form::{self as form_rules, FieldRule, FieldRules, NewAnswer, Question, QuestionKind};
use serde::Deserialize;
use uuid::Uuid;
use validator::{Validate, ValidationError};

use super::events::{EventSummary, SessionSummary};
use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::rate_limit::{ClientIp, too_many_requests};
use crate::state::AppState;
use crate::urls;

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{slug}/register", get(show).post(submit))
}

/// The order of the form's choices; the values are the stored names.
pub const ORGANISATION_TYPES: [OrganisationType; 7] = [
    OrganisationType::Kommune,
    OrganisationType::Kreis,
    OrganisationType::Verein,
    OrganisationType::PartnerAbroad,
    OrganisationType::LandBund,
    OrganisationType::ScienceEducation,
    OrganisationType::CivilSocietyOther,
];

pub fn organisation_type_value(kind: OrganisationType) -> &'static str {
    match kind {
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

pub fn parse_organisation_type(raw: &str) -> Option<OrganisationType> {
    ORGANISATION_TYPES.into_iter().find(|kind| organisation_type_value(*kind) == raw)
}

/// What the browser sends. Every field defaults to empty so that a missing field is a
/// message next to that field, not a rejected request.
#[derive(Clone, Debug, Default, Deserialize, Validate)]
pub struct RegisterForm {
    #[serde(default)]
    #[validate(custom(function = "person_name"))]
    pub first_name: String,
    #[serde(default)]
    #[validate(custom(function = "person_name"))]
    pub last_name: String,
    #[serde(default)]
    #[validate(custom(function = "email_address"))]
    pub email: String,
    /// Organisation, its type and the partner municipality are asked as the event's
    /// form settings say (required, optional or not at all): checked in [`Self::check`].
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub organisation_type: String,
    #[serde(default)]
    pub partner_municipality: String,
    #[serde(default)]
    pub programme_session: Vec<String>,
    #[serde(default)]
    #[validate(custom(function = "consent_given"))]
    pub data_consent: String,
    /// A random key per form: a double click or a resent form registers once.
    #[serde(default)]
    pub submission: String,
    /// Further members of a delegation, one value per row in each list (browsers send
    /// the rows' fields in document order).
    #[serde(default)]
    pub guest_first_name: Vec<String>,
    #[serde(default)]
    pub guest_last_name: Vec<String>,
    #[serde(default)]
    pub guest_email: Vec<String>,
    #[serde(default)]
    pub guest_organisation: Vec<String>,
    /// `ROW:SESSION_ID` for each ticked programme session of a delegation member.
    #[serde(default)]
    pub guest_session: Vec<String>,
    /// Set by the "add a person" button: show one more row instead of registering.
    #[serde(default)]
    pub add_guest: String,
    /// Answers to the event's own questions as sent: `q-{question}` for the contact
    /// person, `q-{question}-{row}` for a delegation member (names are per event, so
    /// they are read from the raw form, not by serde).
    #[serde(skip)]
    pub answers: Vec<(String, String)>,
}

/// The answer fields of a form body, by name (`q-…`), in the order sent.
pub fn answers_sent(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .filter(|(name, _)| name.starts_with("q-"))
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

pub fn sent_values<'a>(sent: &'a [(String, String)], field: &str) -> Vec<&'a str> {
    sent.iter().filter(|(name, _)| name == field).map(|(_, value)| value.as_str()).collect()
}

/// Stored answers as the form would send them, to fill in a form for changing them.
pub fn stored_as_sent(questions: &[Question], answers: &[form_rules::Answer]) -> Vec<(String, String)> {
    let mut sent = Vec::new();
    for question in questions {
        let Some(given) = answers.iter().find(|answer| answer.question_id == question.id) else {
            continue;
        };
        let field = answer_field(question, None);
        match question.kind {
            QuestionKind::MultipleChoice => {
                sent.extend(given.value.lines().map(|line| (field.clone(), line.to_owned())))
            }
            // An unticked box sends nothing.
            QuestionKind::Consent if given.value != form_rules::YES => {}
            _ => sent.push((field, given.value.clone())),
        }
    }
    sent
}

/// One person's answers from sent fields; refused ones as (field, message code).
pub fn parse_answers(
    questions: &[Question],
    sent: &[(String, String)],
    row: Option<usize>,
    language: domain::Language,
) -> Result<Vec<NewAnswer>, Vec<(String, &'static str)>> {
    let mut answers = Vec::new();
    let mut refused = Vec::new();
    for question in questions {
        let field = answer_field(question, row);
        match question.parse_answer(&sent_values(sent, &field), language) {
            Ok(Some(answer)) => answers.push(answer),
            Ok(None) => {}
            Err(problem) => refused.push((field, problem.code())),
        }
    }
    if refused.is_empty() { Ok(answers) } else { Err(refused) }
}

/// The form field of one question for one person (`None`: the contact person).
pub fn answer_field(question: &Question, row: Option<usize>) -> String {
    match row {
        None => format!("q-{}", question.id.simple()),
        Some(row) => format!("q-{}-{row}", question.id.simple()),
    }
}

/// A standard field as the event's form asks it.
pub fn standard_text(rule: FieldRule, raw: &str) -> Result<String, InvalidInput> {
    match rule {
        FieldRule::Required => clean_text(raw, MAX_TEXT_CHARS),
        FieldRule::Optional => clean_optional_text(raw, MAX_TEXT_CHARS),
        FieldRule::Hidden => Ok(String::new()),
    }
}

pub fn standard_organisation_type(rule: FieldRule, raw: &str) -> Result<OrganisationType, &'static str> {
    match (rule, raw) {
        (FieldRule::Hidden, _) | (FieldRule::Optional, "") => Ok(OrganisationType::Unspecified),
        (FieldRule::Required, "") => Err("choose"),
        (_, raw) => parse_organisation_type(raw).ok_or("invalid-choice"),
    }
}

/// At most this many further people in one registration.
pub const MAX_GUESTS: usize = 20;

impl RegisterForm {
    fn fresh() -> Self {
        RegisterForm { submission: secret_token(), ..RegisterForm::default() }
    }

    /// Reads the form the browser sent: the fixed fields by serde, the answers by name.
    fn read(body: &[u8]) -> Result<Self, serde_html_form::de::Error> {
        let mut form: RegisterForm = serde_html_form::from_bytes(body)?;
        form.answers = answers_sent(body);
        Ok(form)
    }

    /// One person's answers; refused ones become messages next to their fields.
    fn answers_of(
        &self,
        questions: &[Question],
        row: Option<usize>,
        language: domain::Language,
        errors: &mut FormErrors,
    ) -> Vec<NewAnswer> {
        parse_answers(questions, &self.answers, row, language).unwrap_or_else(|refused| {
            for (field, code) in refused {
                errors.code(field, code);
            }
            Vec::new()
        })
    }

    /// Everything the validator attributes cannot know: the event's standard-field
    /// rules, its questions (for every person) and the delegation rows.
    fn check(&self, rules: FieldRules, questions: &[Question], language: domain::Language, errors: &mut FormErrors) {
        if let Err(e) = standard_text(rules.organisation, &self.organisation) {
            errors.code("organisation", e.code());
        }
        if let Err(code) = standard_organisation_type(rules.organisation_type, &self.organisation_type) {
            errors.code("organisation_type", code);
        }
        if let Err(e) = standard_text(rules.partner_municipality, &self.partner_municipality) {
            errors.code("partner_municipality", e.code());
        }
        self.answers_of(questions, None, language, errors);
        self.check_guests(errors);
        for row in (0..self.guest_rows()).filter(|row| self.is_guest_row_used(*row)) {
            self.answers_of(questions, Some(row), language, errors);
        }
        errors.sort_as_shown();
    }

    /// How many delegation rows the form has (filled or not), plus one when asked for.
    fn guest_rows(&self) -> usize {
        let filled = [&self.guest_first_name, &self.guest_last_name, &self.guest_email, &self.guest_organisation]
            .iter()
            .map(|values| values.len())
            .max()
            .unwrap_or(0);
        (filled + usize::from(!self.add_guest.is_empty())).min(MAX_GUESTS)
    }

    fn guest_value(values: &[String], row: usize) -> &str {
        values.get(row).map_or("", |value| value.as_str())
    }

    /// Rows with a name; empty rows are left-over blanks, not people.
    fn is_guest_row_used(&self, row: usize) -> bool {
        !Self::guest_value(&self.guest_first_name, row).trim().is_empty()
            || !Self::guest_value(&self.guest_last_name, row).trim().is_empty()
            || !Self::guest_value(&self.guest_email, row).trim().is_empty()
    }

    /// Messages for the delegation rows, so they come in the same round as the contact
    /// person's and not one after the other.
    fn check_guests(&self, errors: &mut FormErrors) {
        for row in (0..self.guest_rows()).filter(|row| self.is_guest_row_used(*row)) {
            if let Err(e) = PersonName::parse(Self::guest_value(&self.guest_first_name, row)) {
                errors.code(format!("guest_first_name-{row}"), e.code());
            }
            if let Err(e) = PersonName::parse(Self::guest_value(&self.guest_last_name, row)) {
                errors.code(format!("guest_last_name-{row}"), e.code());
            }
            let email = Self::guest_value(&self.guest_email, row);
            if let (false, Err(e)) = (email.trim().is_empty(), EmailAddress::parse(email)) {
                errors.code(format!("guest_email-{row}"), e.code());
            }
            if let Err(e) = clean_optional_text(Self::guest_value(&self.guest_organisation, row), MAX_TEXT_CHARS) {
                errors.code(format!("guest_organisation-{row}"), e.code());
            }
        }
    }

    fn guest_sessions(&self, row: usize) -> Vec<&str> {
        let prefix = format!("{row}:");
        self.guest_session.iter().filter_map(|value| value.strip_prefix(&prefix)).collect()
    }

    fn submission_key(&self) -> Option<String> {
        let key = self.submission.trim();
        let usable = !key.is_empty()
            && key.len() <= 64
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        usable.then(|| key.to_owned())
    }
}

fn invalid(reason: InvalidInput) -> ValidationError {
    ValidationError::new(reason.code())
}

fn person_name(value: &str) -> Result<(), ValidationError> {
    PersonName::parse(value).map(drop).map_err(invalid)
}

fn email_address(value: &str) -> Result<(), ValidationError> {
    EmailAddress::parse(value).map(drop).map_err(invalid)
}

fn consent_given(value: &str) -> Result<(), ValidationError> {
    if value == "yes" { Ok(()) } else { Err(ValidationError::new("consent-missing")) }
}

impl RegisterForm {
    /// Parses the checked form into the domain's request. The validators above have
    /// already refused what would fail here; an unexpected failure is still a field error.
    fn into_request(
        self,
        event: &Event,
        questions: &[Question],
        language: domain::Language,
    ) -> Result<RegistrationRequest, FormErrors> {
        let mut errors = FormErrors::default();
        let rules = FieldRules::of(event);
        let first_name = PersonName::parse(&self.first_name).map_err(|e| errors.code("first_name", e.code()));
        let last_name = PersonName::parse(&self.last_name).map_err(|e| errors.code("last_name", e.code()));
        let email = EmailAddress::parse(&self.email).map_err(|e| errors.code("email", e.code()));
        let organisation =
            standard_text(rules.organisation, &self.organisation).map_err(|e| errors.code("organisation", e.code()));
        let partner = standard_text(rules.partner_municipality, &self.partner_municipality)
            .map_err(|e| errors.code("partner_municipality", e.code()));
        let organisation_type = standard_organisation_type(rules.organisation_type, &self.organisation_type)
            .map_err(|code| errors.code("organisation_type", code));
        let answers = self.answers_of(questions, None, language, &mut errors);
        let sessions: Result<Vec<Uuid>, ()> = self
            .programme_session
            .iter()
            .map(|raw| Uuid::parse_str(raw).map_err(|_| errors.code("programme_session", "unknown-session")))
            .collect();
        let contact = match (first_name, last_name, email, organisation, partner, organisation_type, sessions) {
            (Ok(first_name), Ok(last_name), Ok(email), Ok(organisation), Ok(partner), Ok(kind), Ok(sessions)) => {
                NewAttendee {
                    first_name,
                    last_name,
                    email,
                    organisation,
                    organisation_type: kind,
                    partner_municipality: partner,
                    programme_session_ids: sessions,
                    answers,
                }
            }
            _ => return Err(errors),
        };
        let mut attendees = vec![contact];
        for row in (0..self.guest_rows()).filter(|row| self.is_guest_row_used(*row)) {
            if let Some(guest) = self.guest(row, &attendees[0], questions, language, &mut errors) {
                attendees.push(guest);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(RegistrationRequest {
            event_id: event.id,
            language,
            attendees,
            data_consent: self.data_consent == "yes",
            consent_wording: crate::i18n::Tr::new(language).get("field-consent"),
            submission_key: self.submission_key(),
            at_the_door: false,
        })
    }

    /// One delegation member. Organisation and type are the contact person's unless given;
    /// without an own address, mail about the member goes to the contact person.
    fn guest(
        &self,
        row: usize,
        contact: &NewAttendee,
        questions: &[Question],
        language: domain::Language,
        errors: &mut FormErrors,
    ) -> Option<NewAttendee> {
        let value = |values: &[String]| Self::guest_value(values, row).to_owned();
        let first_name = PersonName::parse(&value(&self.guest_first_name))
            .map_err(|e| errors.code(format!("guest_first_name-{row}"), e.code()));
        let last_name = PersonName::parse(&value(&self.guest_last_name))
            .map_err(|e| errors.code(format!("guest_last_name-{row}"), e.code()));
        let raw_email = value(&self.guest_email);
        let email = if raw_email.trim().is_empty() {
            Ok(contact.email.clone())
        } else {
            EmailAddress::parse(&raw_email).map_err(|e| errors.code(format!("guest_email-{row}"), e.code()))
        };
        let raw_organisation = value(&self.guest_organisation);
        let organisation = if raw_organisation.trim().is_empty() {
            Ok(contact.organisation.clone())
        } else {
            clean_text(&raw_organisation, MAX_TEXT_CHARS)
                .map_err(|e| errors.code(format!("guest_organisation-{row}"), e.code()))
        };
        let sessions: Result<Vec<Uuid>, ()> = self
            .guest_sessions(row)
            .into_iter()
            .map(|raw| Uuid::parse_str(raw).map_err(|_| errors.code(format!("guest_session-{row}"), "unknown-session")))
            .collect();
        let answers = self.answers_of(questions, Some(row), language, errors);
        Some(NewAttendee {
            first_name: first_name.ok()?,
            last_name: last_name.ok()?,
            email: email.ok()?,
            organisation: organisation.ok()?,
            organisation_type: contact.organisation_type,
            partner_municipality: contact.partner_municipality.clone(),
            programme_session_ids: sessions.ok()?,
            answers,
        })
    }
}

/// Messages per field (field name → message code), in the order of the form.
#[derive(Clone, Debug, Default)]
pub struct FormErrors {
    entries: Vec<(String, String)>,
}

impl FormErrors {
    fn code(&mut self, field: impl Into<String>, code: &str) {
        let field = field.into();
        if !self.has(&field) {
            self.entries.push((field, code.to_owned()));
        }
    }

    fn from_validation(errors: &validator::ValidationErrors) -> Self {
        let mut form_errors = FormErrors::default();
        // The form's order, so the summary at the top reads like the form below it.
        for field in FIELDS {
            if let Some(first) = errors.field_errors().get(field).and_then(|list| list.first()) {
                form_errors.code(field, &first.code);
            }
        }
        form_errors
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The summary in the order of the page: the contact person's fields and answers,
    /// then each delegation row, then the consent at the bottom.
    fn sort_as_shown(&mut self) {
        let place = |field: &str| -> (u8, usize) {
            if field == "data_consent" {
                return (3, 0);
            }
            let row = field.rsplit_once('-').and_then(|(_, row)| row.parse::<usize>().ok());
            match (field.starts_with("guest_") || (field.starts_with("q-") && row.is_some()), row) {
                (true, Some(row)) => (2, row),
                _ if field.starts_with("q-") => (1, 0),
                _ => (0, FIELDS.iter().position(|known| *known == field).unwrap_or(0)),
            }
        };
        self.entries.sort_by_key(|(field, _)| place(field));
    }

    pub fn has(&self, field: &str) -> bool {
        self.entries.iter().any(|(name, _)| *name == field)
    }
}

const FIELDS: [&str; 8] = [
    "first_name",
    "last_name",
    "email",
    "organisation",
    "organisation_type",
    "partner_municipality",
    "programme_session",
    "data_consent",
];

/// An answer as the manage page and the back office show it.
pub struct GivenAnswer {
    pub question: String,
    pub answer: String,
    /// What the person read when answering (a consent's own text), if it differs
    /// from the question as shown now.
    pub wording: String,
    pub at: String,
}

/// One person's answers in the order of the form, in the reader's language.
pub fn given_answers(
    t: Tr,
    questions: &[Question],
    answers: &[form_rules::Answer],
    zone: chrono_tz::Tz,
) -> Vec<GivenAnswer> {
    questions
        .iter()
        .filter_map(|question| {
            let given = answers.iter().find(|answer| answer.question_id == question.id)?;
            let label = question.label(t.language).to_owned();
            Some(GivenAnswer {
                answer: question.show_answer(&given.value, t.language, &t.get("answer-yes"), &t.get("answer-no")),
                wording: if given.wording == label || given.wording.starts_with(&format!("{label}: ")) {
                    String::new()
                } else {
                    given.wording.clone()
                },
                at: t.date_time(&given.answered_at.with_timezone(&zone)),
                question: label,
            })
        })
        .collect()
}

/// A message for the page: which field, its translated text.
pub struct FieldMessage {
    pub field: String,
    pub text: String,
}

pub struct ChoiceOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// One delegation row as the form shows it, with its messages.
pub struct GuestRow {
    pub index: usize,
    pub legend: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub organisation: String,
    pub first_name_error: String,
    pub last_name_error: String,
    pub email_error: String,
    pub organisation_error: String,
    pub sessions: Vec<SessionChoice>,
    pub questions: Vec<QuestionField>,
}

/// One of the event's own questions as the form shows it for one person.
pub struct QuestionField {
    /// The field name, also the element id after `field-`.
    pub name: String,
    /// `short_text`, `long_text`, `single_choice`, `multiple_choice`, `yes_no`, `consent`.
    pub kind: &'static str,
    pub label: String,
    /// `Some("de")` when the label is German for want of a translation.
    pub label_lang: Option<&'static str>,
    pub required: bool,
    /// The typed text, for text questions.
    pub value: String,
    /// Radio buttons or checkboxes (yes/no included), for choice questions.
    pub options: Vec<AnswerOption>,
    /// A consent box that is ticked.
    pub ticked: bool,
    pub message: String,
}

pub struct AnswerOption {
    pub id: String,
    pub value: String,
    pub label: String,
    /// `Some("de")` when the option is German for want of a translation.
    pub label_lang: Option<&'static str>,
    pub checked: bool,
}

pub fn question_fields(
    questions: &[Question],
    sent: &[(String, String)],
    row: Option<usize>,
    t: Tr,
    message_for: impl Fn(&str) -> String,
) -> Vec<QuestionField> {
    questions
        .iter()
        .map(|question| {
            let name = answer_field(question, row);
            let sent = sent_values(sent, &name);
            let options_lang = match question.kind {
                QuestionKind::YesNo => None,
                _ => t.language.fallback(&question.options_en, &question.options_uk),
            };
            let options: Vec<(String, String)> = match question.kind {
                QuestionKind::YesNo => vec![
                    (form_rules::YES.to_owned(), t.get("answer-yes")),
                    (form_rules::NO.to_owned(), t.get("answer-no")),
                ],
                _ => question
                    .options(t.language)
                    .into_iter()
                    .map(|(value, label)| (value.to_owned(), label.to_owned()))
                    .collect(),
            };
            QuestionField {
                kind: form_rules::kind_code(question.kind),
                label: question.label(t.language).to_owned(),
                label_lang: t.language.fallback(&question.label_en, &question.label_uk),
                required: question.required,
                value: sent.first().map(|value| (*value).to_owned()).unwrap_or_default(),
                options: options
                    .into_iter()
                    .enumerate()
                    .map(|(index, (value, label))| AnswerOption {
                        id: format!("{name}-option-{index}"),
                        checked: sent.contains(&value.as_str()),
                        value,
                        label,
                        label_lang: options_lang,
                    })
                    .collect(),
                ticked: sent.contains(&form_rules::YES),
                message: message_for(&name),
                name,
            }
        })
        .collect()
}

pub struct SessionChoice {
    pub session: SessionSummary,
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "register.html")]
pub struct RegisterPage {
    t: Tr,
    event: EventSummary,
    form: RegisterForm,
    organisation_types: Vec<ChoiceOption>,
    sessions: Vec<SessionChoice>,
    messages: Vec<FieldMessage>,
    guests: Vec<GuestRow>,
    max_guests: usize,
    /// The contact person's answers to the event's own questions.
    questions: Vec<QuestionField>,
    /// How the standard fields are asked: `required`, `optional` or `hidden`.
    ask_organisation: &'static str,
    ask_organisation_type: &'static str,
    ask_partner_municipality: &'static str,
    /// A message about the whole form (fully booked, closed), shown above it.
    notice: Option<String>,
    privacy_url: String,
}

impl RegisterPage {
    fn new(
        event: &Event,
        sessions: &[ProgrammeSession],
        questions: &[Question],
        form: RegisterForm,
        errors: &FormErrors,
        t: Tr,
    ) -> Self {
        let chosen: HashSet<&str> = form.programme_session.iter().map(String::as_str).collect();
        let session_choices = sessions
            .iter()
            .filter(|session| session.is_choosable())
            .map(|session| {
                let id = session.id.to_string();
                let checked = chosen.contains(id.as_str());
                SessionChoice { session: SessionSummary::new(session, event, t), checked }
            })
            .collect();
        let organisation_types = ORGANISATION_TYPES
            .into_iter()
            .map(|kind| {
                let value = organisation_type_value(kind);
                ChoiceOption {
                    value,
                    label: t.get(&format!("org-type-{value}")),
                    selected: form.organisation_type == value,
                }
            })
            .collect();
        let messages: Vec<FieldMessage> = errors
            .entries
            .iter()
            .map(|(field, code)| FieldMessage { field: field.clone(), text: t.get(&format!("error-{code}")) })
            .collect();
        let message_for = |field: String| -> String { message_in(&messages, &field).to_owned() };
        let guests = (0..form.guest_rows())
            .map(|index| {
                let picked = form.guest_sessions(index);
                GuestRow {
                    index,
                    legend: t.count("delegation-person", "number", i64::try_from(index + 2).unwrap_or(0)),
                    first_name: RegisterForm::guest_value(&form.guest_first_name, index).to_owned(),
                    last_name: RegisterForm::guest_value(&form.guest_last_name, index).to_owned(),
                    email: RegisterForm::guest_value(&form.guest_email, index).to_owned(),
                    organisation: RegisterForm::guest_value(&form.guest_organisation, index).to_owned(),
                    first_name_error: message_for(format!("guest_first_name-{index}")),
                    last_name_error: message_for(format!("guest_last_name-{index}")),
                    email_error: message_for(format!("guest_email-{index}")),
                    organisation_error: message_for(format!("guest_organisation-{index}")),
                    sessions: sessions
                        .iter()
                        .filter(|session| session.is_choosable())
                        .map(|session| SessionChoice {
                            checked: picked.contains(&session.id.to_string().as_str()),
                            session: SessionSummary::new(session, event, t),
                        })
                        .collect(),
                    questions: question_fields(questions, &form.answers, Some(index), t, |field| {
                        message_in(&messages, field).to_owned()
                    }),
                }
            })
            .collect();
        let summary = EventSummary::new(event, t, Utc::now());
        let rules = FieldRules::of(event);
        RegisterPage {
            questions: question_fields(questions, &form.answers, None, t, |field| {
                message_in(&messages, field).to_owned()
            }),
            ask_organisation: form_rules::field_rule_code(rules.organisation),
            ask_organisation_type: form_rules::field_rule_code(rules.organisation_type),
            ask_partner_municipality: form_rules::field_rule_code(rules.partner_municipality),
            guests,
            max_guests: MAX_GUESTS,
            t,
            notice: summary.closed_reason.clone(),
            event: summary,
            form,
            organisation_types,
            sessions: session_choices,
            messages,
            privacy_url: urls::event_privacy(&event.slug),
        }
    }

    fn can_add_guest(&self) -> bool {
        self.guests.len() < self.max_guests
    }

    /// The translated message for one field, empty when the field is fine.
    pub fn message(&self, field: &str) -> &str {
        message_in(&self.messages, field)
    }

    fn with_notice(mut self, notice: String) -> Self {
        self.notice = Some(notice);
        self
    }
}

async fn show(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(slug): Path<String>,
) -> Result<RegisterPage, WebError> {
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let questions = form_rules::questions(app.db(), event.id).await?;
    Ok(RegisterPage::new(
        &event,
        &sessions,
        &questions,
        RegisterForm::fresh(),
        &FormErrors::default(),
        Tr::new(language),
    ))
}

async fn submit(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(slug): Path<String>,
    client: ClientIp,
    body: Bytes,
) -> Result<Response, WebError> {
    if let Err(wait) = app.limits().registration.check(&client.key()) {
        return Ok(too_many_requests(wait));
    }
    let t = Tr::new(language);
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let questions = form_rules::questions(app.db(), event.id).await?;
    let form = match RegisterForm::read(&body) {
        Ok(form) => form,
        Err(rejection) => {
            tracing::info!(%rejection, "unreadable registration form");
            let page =
                RegisterPage::new(&event, &sessions, &questions, RegisterForm::fresh(), &FormErrors::default(), t)
                    .with_notice(t.get("error-form-unreadable"));
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    };
    if !form.add_guest.is_empty() {
        // Another row for the delegation; nothing is registered yet.
        return Ok(RegisterPage::new(&event, &sessions, &questions, form, &FormErrors::default(), t).into_response());
    }
    let mut errors = match form.validate() {
        Ok(()) => FormErrors::default(),
        Err(errors) => FormErrors::from_validation(&errors),
    };
    form.check(FieldRules::of(&event), &questions, language, &mut errors);
    if !errors.is_empty() {
        return Ok(unprocessable(RegisterPage::new(&event, &sessions, &questions, form, &errors, t)));
    }
    let request = match form.clone().into_request(&event, &questions, language) {
        Ok(request) => request,
        Err(errors) => return Ok(unprocessable(RegisterPage::new(&event, &sessions, &questions, form, &errors, t))),
    };
    let failure = match registration::register_for(app.pools(), &event, &sessions, request, Utc::now()).await {
        Ok(registration) => return Ok(Redirect::to(&urls::manage(&registration.manage_token)).into_response()),
        Err(failure) => failure,
    };
    // Places may have changed while the form was open: show the current figures.
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let mut errors = FormErrors::default();
    let page = match failure {
        RegistrationError::EventNotFound => return Err(WebError::NotFound),
        RegistrationError::Database(err) => return Err(WebError::Database(err)),
        RegistrationError::NoAttendees | RegistrationError::DelegationFull => {
            return Err(WebError::Internal("a form registered nobody or too many".to_owned()));
        }
        RegistrationError::ConsentMissing => {
            errors.code("data_consent", "consent-missing");
            RegisterPage::new(&event, &sessions, &questions, form, &errors, t)
        }
        RegistrationError::EventFull => {
            RegisterPage::new(&event, &sessions, &questions, form, &errors, t).with_notice(t.get("error-event-full"))
        }
        RegistrationError::AlreadySubmitted(earlier) => {
            return Ok(Redirect::to(&urls::manage(&earlier.manage_token)).into_response());
        }
        RegistrationError::AlreadyRegistered => {
            let page = AlreadyRegisteredPage {
                t,
                event: EventSummary::new(&event, t, Utc::now()),
                email: form.email.trim().to_owned(),
                find_url: urls::find_registration(),
            };
            return Ok((StatusCode::CONFLICT, page).into_response());
        }
        RegistrationError::NotOpen(_) => RegisterPage::new(&event, &sessions, &questions, form, &errors, t),
        RegistrationError::UnknownSession(_) => {
            errors.code("programme_session", "unknown-session");
            RegisterPage::new(&event, &sessions, &questions, form, &errors, t)
        }
        RegistrationError::SessionsOverlap(..) => {
            errors.code("programme_session", "sessions-overlap");
            RegisterPage::new(&event, &sessions, &questions, form, &errors, t)
        }
    };
    Ok(unprocessable(page))
}

/// The address already has a registration for this event: offer to send its link again
/// (to that address only, so nothing is revealed to whoever typed it).
#[derive(Template, WebTemplate)]
#[template(path = "already_registered.html")]
struct AlreadyRegisteredPage {
    t: Tr,
    event: EventSummary,
    email: String,
    find_url: String,
}

fn unprocessable(page: RegisterPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// The translated message for one field, empty when the field is fine.
fn message_in<'a>(messages: &'a [FieldMessage], field: &str) -> &'a str {
    messages.iter().find(|message| message.field == field).map_or("", |message| message.text.as_str())
}
