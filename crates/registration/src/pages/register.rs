//! The registration form: shown, read in one pass into a domain registration, or shown
//! again with the values kept and one message per field.

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
use documents::event_summary::{EventSummary, SessionSummary};
use domain::Language;
use domain::event::{self, Event};
use domain::ids::secret_token;
use domain::programme::{self, ProgrammeSession};
use domain::registration::{self, NewAttendee, RegistrationRequest};
use domain::registration_form::{self as form_rules, FieldRules, Question};
use serde::Deserialize;
use site::caches::only_event;
use site::error::{Refusal, WebError};
use site::form::{
    Choice, ContactDefaults, FieldMessage, FormErrors, PersonFields, PersonRules, language_choices,
    organisation_type_choices, session_ids,
};
use site::i18n::{Lang, Tr};
use site::questions::{QuestionField, answers_sent, parse_answers, question_fields};
use site::rate_limit::{ClientIp, too_many_requests};
use site::{AppState, urls};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/{slug}/register", get(show).post(submit))
        .route("/events/{slug}/register/sent", get(sent))
}

/// What the browser sends. Every field defaults to empty so that a missing field is a
/// message next to that field, not a rejected request.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub email: String,
    /// Organisation, its type and the partner municipality are asked as the event's
    /// form settings say (required, optional or not at all).
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub organisation_type: String,
    #[serde(default)]
    pub partner_municipality: String,
    #[serde(default)]
    pub programme_session: Vec<String>,
    #[serde(default)]
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
    /// Each member's own kind of organisation and partner municipality (empty: the
    /// contact person's), where the event asks them.
    #[serde(default)]
    pub guest_organisation_type: Vec<String>,
    #[serde(default)]
    pub guest_partner_municipality: Vec<String>,
    /// The language of each member's own mails (`de`, `en`, `uk`; empty: the form's).
    #[serde(default)]
    pub guest_language: Vec<String>,
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

/// At most this many further people in one registration.
pub const MAX_GUESTS: usize = 20;

/// The contact person's fields in the order of the form, for the summary of messages.
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

    fn contact(&self) -> PersonFields {
        PersonFields {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            organisation: self.organisation.clone(),
            organisation_type: self.organisation_type.clone(),
            partner_municipality: self.partner_municipality.clone(),
        }
    }

    /// One delegation row's fields (a row has no type of organisation or partner of its own).
    fn guest(&self, row: usize) -> PersonFields {
        let value = |values: &[String]| values.get(row).cloned().unwrap_or_default();
        PersonFields {
            first_name: value(&self.guest_first_name),
            last_name: value(&self.guest_last_name),
            email: value(&self.guest_email),
            organisation: value(&self.guest_organisation),
            organisation_type: value(&self.guest_organisation_type),
            partner_municipality: value(&self.guest_partner_municipality),
        }
    }

    /// How many delegation rows the form has (filled or not), plus one when asked for.
    fn guest_rows(&self) -> usize {
        let filled = [
            &self.guest_first_name,
            &self.guest_last_name,
            &self.guest_email,
            &self.guest_organisation,
            &self.guest_partner_municipality,
        ]
        .iter()
        .map(|values| values.len())
        .max()
        .unwrap_or(0);
        (filled + usize::from(!self.add_guest.is_empty())).min(MAX_GUESTS)
    }

    /// How many delegation rows the browser sent, however many that is.
    fn rows_sent(&self) -> usize {
        [&self.guest_first_name, &self.guest_last_name, &self.guest_email, &self.guest_organisation]
            .iter()
            .map(|values| values.iter().filter(|value| !value.trim().is_empty()).count())
            .max()
            .unwrap_or(0)
    }

    /// Rows with something typed in; empty rows are left-over blanks, not people.
    fn used_guest_rows(&self) -> Vec<usize> {
        (0..self.guest_rows()).filter(|row| !self.guest(*row).is_blank()).collect()
    }

    fn guest_language(&self, row: usize) -> &str {
        self.guest_language.get(row).map(|code| code.trim()).unwrap_or_default()
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

    /// Reads the whole form in one pass (every person, their sessions and answers, the
    /// consent) into the domain's request, or every message at once, in the page's order.
    fn parse(&self, event: &Event, questions: &[Question], t: Tr) -> Result<RegistrationRequest, FormErrors> {
        let language = t.language;
        let mut errors = FormErrors::new(t);
        let contact = self.contact().parse(PersonRules::contact(FieldRules::of(event)), &mut errors, str::to_owned);
        let sessions = session_ids(self.programme_session.iter().map(String::as_str), "programme_session", &mut errors);
        let answers = parse_answers(questions, &self.answers, None, language, &mut errors);
        let mut members = Vec::new();
        for row in self.used_guest_rows() {
            let person = self
                .guest(row)
                .parse(PersonRules::member(FieldRules::of(event)), &mut errors, |name| format!("guest_{name}-{row}"));
            let sessions = session_ids(self.guest_sessions(row), &format!("guest_session-{row}"), &mut errors);
            let answers = parse_answers(questions, &self.answers, Some(row), language, &mut errors);
            let own_language = match self.guest_language(row) {
                "" => None,
                code => match Language::parse(code) {
                    // The registration's own language needs no note of its own.
                    Some(chosen) => Some(chosen).filter(|chosen| *chosen != language),
                    None => {
                        errors.code(format!("guest_language-{row}"), "invalid-choice");
                        None
                    }
                },
            };
            members.push((person, sessions, answers, own_language));
        }
        if self.data_consent != "yes" {
            errors.code("data_consent", "consent-missing");
        }
        if self.rows_sent() > MAX_GUESTS {
            // Never a silent cut: more people than one registration takes is said.
            errors.key("delegation", "error-delegation-full");
        }
        errors.sort_by_place(place_on_page);
        let contact = match (contact, sessions) {
            (Some(person), Some(sessions)) if errors.is_empty() => person.into_attendee(None, sessions, answers),
            _ => None,
        };
        let Some(contact) = contact else { return Err(errors) };
        let defaults = ContactDefaults::of(&contact);
        let mut attendees = vec![contact];
        for (person, sessions, answers, own_language) in members {
            if let (Some(person), Some(sessions)) = (person, sessions)
                && let Some(member) = person.into_attendee(Some(&defaults), sessions, answers)
            {
                attendees.push(NewAttendee { language: own_language, ..member });
            }
        }
        Ok(RegistrationRequest {
            event_id: event.id,
            language,
            attendees,
            data_consent: true,
            consent_wording: t.get("field-consent"),
            submission_key: self.submission_key(),
            at_the_door: false,
        })
    }
}

/// A field's name as the summary above the form says it; a delegation member's fields
/// and answers with the person's number.
fn field_label(field: &str, questions: &[Question], t: Tr) -> Option<String> {
    let (name, row) = match field.rsplit_once('-') {
        Some((name, row)) if row.parse::<usize>().is_ok() && (name.starts_with("guest_") || name.starts_with("q-")) => {
            (name, row.parse::<usize>().ok())
        }
        _ => (field, None),
    };
    let own = match name {
        "first_name" | "guest_first_name" => t.get("field-first-name"),
        "last_name" | "guest_last_name" => t.get("field-last-name"),
        "email" => t.get("field-email"),
        "guest_email" => t.get("delegation-email"),
        "organisation" => t.get("field-organisation"),
        "guest_organisation" => t.get("delegation-organisation"),
        "guest_organisation_type" => t.get("field-organisation-type"),
        "guest_language" => t.get("delegation-language"),
        "guest_partner_municipality" => t.get("field-partner-municipality"),
        "organisation_type" => t.get("field-organisation-type"),
        "partner_municipality" => t.get("field-partner-municipality"),
        "programme_session" | "guest_session" => t.get("field-sessions"),
        "data_consent" => t.get("field-consent-name"),
        question => {
            let id = question.strip_prefix("q-")?;
            questions.iter().find(|q| q.id.simple().to_string() == id)?.label(t.language).to_owned()
        }
    };
    Some(match row {
        Some(row) => {
            let person = t.count("delegation-person", "number", i64::try_from(row + 2).unwrap_or(0));
            format!("{person}, {own}")
        }
        None => own,
    })
}

/// Where a field's message stands in the summary: the contact person's fields and
/// answers, then each delegation row, then the consent at the bottom.
fn place_on_page(field: &str) -> (u8, usize) {
    if field == "data_consent" {
        return (3, 0);
    }
    let row = field.rsplit_once('-').and_then(|(_, row)| row.parse::<usize>().ok());
    match (field.starts_with("guest_") || (field.starts_with("q-") && row.is_some()), row) {
        (true, Some(row)) => (2, row),
        _ if field.starts_with("q-") => (1, 0),
        _ if field == "delegation" => (2, MAX_GUESTS),
        _ => (0, FIELDS.iter().position(|known| *known == field).unwrap_or(0)),
    }
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
    /// The kinds of organisation, the first choice "as the contact person".
    pub organisation_types: Vec<Choice>,
    pub organisation_type_error: String,
    pub partner_municipality: String,
    pub partner_municipality_error: String,
    /// The languages for this person's own mails, the form's language first chosen.
    pub languages: Vec<Choice>,
    pub language_error: String,
    pub sessions: Vec<SessionChoice>,
    pub questions: Vec<QuestionField>,
}

pub struct SessionChoice {
    pub session: SessionSummary,
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/register.html")]
pub struct RegisterPage {
    t: Tr,
    event: EventSummary,
    form: RegisterForm,
    organisation_types: Vec<Choice>,
    sessions: Vec<SessionChoice>,
    messages: FormErrors,
    /// The messages above the form, each naming its field.
    summary: Vec<FieldMessage>,
    guests: Vec<GuestRow>,
    /// The delegation row just added, to scroll to and focus.
    added_row: Option<usize>,
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
        messages: FormErrors,
        t: Tr,
    ) -> Self {
        let chosen: HashSet<&str> = form.programme_session.iter().map(String::as_str).collect();
        let choosable = || sessions.iter().filter(|session| session.is_choosable());
        let session_choices = choosable()
            .map(|session| SessionChoice {
                checked: chosen.contains(session.id.to_string().as_str()),
                session: SessionSummary::new(session, event, t),
            })
            .collect();
        let guests = (0..form.guest_rows())
            .map(|index| {
                let picked = form.guest_sessions(index);
                let fields = form.guest(index);
                let message = |name: &str| messages.message(&format!("guest_{name}-{index}")).to_owned();
                GuestRow {
                    index,
                    legend: t.count("delegation-person", "number", i64::try_from(index + 2).unwrap_or(0)),
                    first_name_error: message("first_name"),
                    last_name_error: message("last_name"),
                    email_error: message("email"),
                    organisation_error: message("organisation"),
                    organisation_types: {
                        let mut choices =
                            vec![Choice::new("", t.get("delegation-as-contact"), fields.organisation_type.is_empty())];
                        choices.extend(organisation_type_choices(t, &fields.organisation_type));
                        choices
                    },
                    organisation_type_error: message("organisation_type"),
                    partner_municipality_error: message("partner_municipality"),
                    partner_municipality: fields.partner_municipality.clone(),
                    languages: {
                        let picked = Language::parse(form.guest_language(index)).unwrap_or(t.language);
                        language_choices(t, picked.code())
                    },
                    language_error: message("language"),
                    first_name: fields.first_name,
                    last_name: fields.last_name,
                    email: fields.email,
                    organisation: fields.organisation,
                    sessions: choosable()
                        .map(|session| SessionChoice {
                            checked: picked.contains(&session.id.to_string().as_str()),
                            session: SessionSummary::new(session, event, t),
                        })
                        .collect(),
                    questions: question_fields(questions, &form.answers, Some(index), t, |field| {
                        messages.message(field).to_owned()
                    }),
                }
            })
            .collect();
        let event_summary = EventSummary::new(event, t, Utc::now());
        let rules = FieldRules::of(event);
        let summary = messages.summary(|field| field_label(field, questions, t));
        let added_row = (!form.add_guest.is_empty()).then(|| form.guest_rows().saturating_sub(1));
        RegisterPage {
            summary,
            added_row,
            questions: question_fields(questions, &form.answers, None, t, |field| messages.message(field).to_owned()),
            ask_organisation: form_rules::field_rule_code(rules.organisation),
            ask_organisation_type: form_rules::field_rule_code(rules.organisation_type),
            ask_partner_municipality: form_rules::field_rule_code(rules.partner_municipality),
            guests,
            max_guests: MAX_GUESTS,
            t,
            notice: event_summary.closed_reason.clone(),
            event: event_summary,
            organisation_types: organisation_type_choices(t, &form.organisation_type),
            form,
            sessions: session_choices,
            messages,
            privacy_url: urls::event_privacy(&event.slug),
        }
    }

    /// "Register", or "join the waiting list" while the event is full.
    fn submit_label(&self) -> String {
        self.t.get(if self.event.waitlist_only { "register-submit-waitlist" } else { "register-submit" })
    }

    fn is_added_row(&self, index: &usize) -> bool {
        self.added_row == Some(*index)
    }

    fn can_add_guest(&self) -> bool {
        self.guests.len() < self.max_guests
    }

    /// The translated message for one field, empty when the field is fine.
    pub fn message(&self, field: &str) -> &str {
        self.messages.message(field)
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
    let t = Tr::new(language);
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let questions = form_rules::questions(app.db(), event.id).await?;
    Ok(RegisterPage::new(&event, &sessions, &questions, RegisterForm::fresh(), FormErrors::new(t), t))
}

async fn submit(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(slug): Path<String>,
    client: ClientIp,
    body: Bytes,
) -> Result<Response, WebError> {
    if let Err(wait) = app.limits().registration(client) {
        return Ok(too_many_requests(wait));
    }
    let t = Tr::new(language);
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    // A registration changes only its event: other events' cached pages and rows stay.
    only_event(event.id, register(&app, t, &slug, event, &body).await)
}

/// The form sent for `event`: registered, or the form again with what is wrong.
async fn register(app: &AppState, t: Tr, slug: &str, event: Event, body: &[u8]) -> Result<Response, WebError> {
    let sessions = programme::for_event(app.db(), event.id).await?;
    let questions = form_rules::questions(app.db(), event.id).await?;
    let mut form = match RegisterForm::read(body) {
        Ok(form) => form,
        Err(rejection) => {
            tracing::info!(%rejection, "unreadable registration form");
            app.metrics().registration("unreadable");
            let page = RegisterPage::new(&event, &sessions, &questions, RegisterForm::fresh(), FormErrors::new(t), t)
                .with_notice(t.get("error-form-unreadable"));
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    };
    if !form.add_guest.is_empty() {
        // Another row for the delegation; nothing is registered yet.
        return Ok(RegisterPage::new(&event, &sessions, &questions, form, FormErrors::new(t), t).into_response());
    }
    let request = match form.parse(&event, &questions, t) {
        Ok(request) => request,
        Err(errors) => {
            app.metrics().registration("invalid");
            return Ok(unprocessable(RegisterPage::new(&event, &sessions, &questions, form, errors, t)));
        }
    };
    let contact_email = request.attendees.first().map(|contact| contact.email.clone());
    let failure = match registration::register_for(app.pools(), &event, &sessions, request, Utc::now()).await {
        Ok(registration) => {
            app.metrics().registration("registered");
            return Ok(Redirect::to(&urls::manage(&registration.manage_token)).into_response());
        }
        Err(failure) => failure,
    };
    // Places may have changed while the form was open: show the current figures.
    let event = event::public_by_slug(app.db(), slug).await?.ok_or(WebError::NotFound)?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let mut errors = FormErrors::new(t);
    let refusal = Refusal::of(failure)?;
    app.metrics().registration(match &refusal {
        Refusal::AlreadySubmitted(_) => "already_submitted",
        Refusal::AlreadyRegistered => "already_registered",
        Refusal::Message { .. } => "refused",
    });
    let notice = match refusal {
        Refusal::AlreadySubmitted(earlier) => {
            // The same form and people sent again (a double click): this browser made the
            // registration, so it gets a link to it; links are stored only as hashes.
            let link = registration::issue_link(
                &app.pools().write,
                earlier.id,
                None,
                registration::LinkPurpose::Manage,
                Utc::now(),
            )
            .await?;
            return Ok(Redirect::to(&urls::manage(&link)).into_response());
        }
        // Whoever typed the address learns nothing about it: no "already registered", the
        // link goes by mail to that address only, and the page says to look there.
        Refusal::AlreadyRegistered => {
            if let Some(email) = &contact_email {
                registration::send_manage_link(app.pools(), event.id, email, Utc::now()).await?;
            }
            return Ok(Redirect::to(&urls::registration_sent(&event.slug)).into_response());
        }
        // A form sent before with other people (back button, a shared computer): never
        // the earlier registration. A new key, so that sending it again registers whoever
        // it holds now.
        Refusal::Message { field: None, key: "error-form-reused" } => {
            form.submission = secret_token();
            Some(t.get("error-form-reused"))
        }
        // Closed or no longer open: the page says so above the form.
        Refusal::Message { field: None, key: "registration-closed" } => None,
        Refusal::Message { field: None, key } => Some(t.get(key)),
        Refusal::Message { field: Some(field), key } => {
            errors.key(field, key);
            None
        }
    };
    let page = RegisterPage::new(&event, &sessions, &questions, form, errors, t);
    Ok(unprocessable(match notice {
        Some(notice) => page.with_notice(notice),
        None => page,
    }))
}

/// After a registration whose link went by mail: look in the mailbox. Shown for an
/// address that was registered before, so it says nothing about that address.
#[derive(Template, WebTemplate)]
#[template(path = "registration/registration_sent.html")]
struct SentPage {
    t: Tr,
    event: EventSummary,
    find_url: String,
}

async fn sent(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(slug): Path<String>,
) -> Result<SentPage, WebError> {
    let t = Tr::new(language);
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    Ok(SentPage { t, event: EventSummary::new(&event, t, Utc::now()), find_url: urls::find_registration() })
}

fn unprocessable(page: RegisterPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}
