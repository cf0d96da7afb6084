//! The registration's own page at `/r/{manage_token}`: what was registered, the QR
//! tickets, the calendar file and, for online events, the access link.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::Form;
use axum::extract::Query;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use documents::event_summary::{EventSummary, SessionSummary};
use domain::person::EmailAddress;
use domain::registration::{self, AttendeeChange, EmailConfirmation, RegistrationDetails, RegistrationStatus};
use domain::registration_form::{self as form_rules, FieldRule, FieldRules};
use serde::Deserialize;
use site::error::{Refusal, WebError};
use site::form::{ContactDefaults, FormErrors, PersonFields, PersonRules, session_ids};
use site::i18n::{Lang, Tr};
use site::questions::{QuestionField, answers_sent, given_answers, parse_answers, question_fields, stored_as_sent};
use site::rate_limit::{ClientIp, too_many_requests};
use site::{AppState, urls};

use super::register::SessionChoice;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/r/{manage_token}", get(show))
        .route("/r/{manage_token}/cancel", get(confirm_cancel).post(cancel))
        .route("/r/{manage_token}/resend", post(resend))
        .route("/r/{manage_token}/attendees/{index}/cancel", get(confirm_cancel_attendee).post(cancel_attendee))
        .route("/r/{manage_token}/attendees/{index}/edit", get(edit_attendee).post(save_attendee))
        .route("/r/{manage_token}/attendees/new", get(new_attendee).post(add_attendee))
        .route("/r/find", get(find_form).post(find))
        .route("/r/confirm/{confirm_token}", get(confirm_email))
}

/// The registration behind a manage token, or a 404 page. A member's own link gives
/// their part only (`RegistrationDetails::member`).
pub async fn load(app: &AppState, manage_token: &str) -> Result<RegistrationDetails, WebError> {
    registration::by_manage_token(app.db(), manage_token).await?.ok_or(WebError::NotFound)
}

/// The whole registration, for what only its contact person may do (cancel it, add a
/// person, ask for erasure): a member's own link finds nothing here.
pub async fn load_whole(app: &AppState, manage_token: &str) -> Result<RegistrationDetails, WebError> {
    let details = load(app, manage_token).await?;
    if details.member.is_some() {
        return Err(WebError::NotFound);
    }
    Ok(details)
}

pub struct AttendeeView {
    pub name: String,
    pub organisation: String,
    pub sessions: Vec<String>,
    pub answers: Vec<site::questions::GivenAnswer>,
    pub ticket: Option<TicketView>,
    /// Cancelling one member, offered while the delegation has several.
    pub cancel_url: Option<String>,
    pub edit_url: Option<String>,
    /// The certificate of attendance, once the event is over, if they were checked in.
    pub certificate_url: Option<String>,
}

pub struct TicketView {
    pub svg_url: String,
    pub png_url: String,
    pub pdf_url: String,
    pub code: String,
    pub alt: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/manage.html")]
struct ManagePage {
    t: Tr,
    event: EventSummary,
    status: String,
    is_confirmed: bool,
    contact_email: String,
    attendees: Vec<AttendeeView>,
    /// Not for a cancelled registration (its calendar entry is cancelled).
    calendar_url: Option<String>,
    /// What this page is good for, as true for the status (a ticket only once confirmed).
    keep_link: String,
    /// While the address is unconfirmed: where the link went and until when the place is held.
    pending_note: Option<String>,
    /// "Send the e-mail (with the ticket) again"; not for a cancelled registration.
    resend_label: Option<String>,
    online_url: Option<String>,
    /// The link to cancel, unless it is cancelled already.
    cancel_url: Option<String>,
    resend_url: String,
    /// Everything stored about these people, as a download.
    data_url: String,
    /// Asking for erasure, until asked.
    deletion_url: Option<String>,
    /// When erasure was asked for.
    deletion_requested: Option<String>,
    /// Adding a person, while the registration stands and registration is open.
    add_url: Option<String>,
    /// The e-mail was just queued again.
    resent: bool,
}

async fn show(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(manage_token): Path<String>,
    Query(query): Query<ShowQuery>,
) -> Result<ManagePage, WebError> {
    let t = Tr::new(language);
    let details = load(&app, &manage_token).await?;
    let is_confirmed = details.registration.status == RegistrationStatus::Confirmed;
    let questions = domain::registration_form::questions(app.db(), details.event.id).await?;
    let ids: Vec<uuid::Uuid> = details.attendees.iter().map(|attendee| attendee.attendee.id).collect();
    let answers = domain::registration_form::answers_of(app.db(), &ids).await?;
    let zone = details.event.zone();
    let attended = if domain::certificate::issued_for(&details.event, Utc::now()) {
        domain::certificate::attendances(app.db(), &details).await?
    } else {
        Vec::new()
    };
    let attendees = details
        .attendees
        .iter()
        .enumerate()
        .map(|(index, attendee)| {
            let name = attendee.attendee.full_name();
            AttendeeView {
                organisation: attendee.attendee.organisation.clone(),
                sessions: attendee
                    .sessions
                    .iter()
                    .map(|session| session.title(language).to_owned())
                    .chain(
                        attendee
                            .waiting_for
                            .iter()
                            .map(|session| t.with("session-on-waiting-list", "session", session.title(language))),
                    )
                    .collect(),
                answers: {
                    let own: Vec<_> =
                        answers.iter().filter(|answer| answer.attendee_id == attendee.attendee.id).cloned().collect();
                    given_answers(t, &questions, &own, zone)
                },
                ticket: attendee.ticket.as_ref().filter(|_| is_confirmed).map(|ticket| TicketView {
                    svg_url: urls::ticket_svg(&manage_token, index),
                    png_url: urls::ticket_png(&manage_token, index),
                    pdf_url: urls::ticket_pdf(&manage_token, index),
                    code: app.signer().token_for(ticket),
                    alt: t.with("manage-ticket-alt", "name", &name),
                }),
                edit_url: (details.registration.status != RegistrationStatus::Cancelled)
                    .then(|| urls::edit_attendee(&manage_token, index)),
                certificate_url: attended
                    .iter()
                    .any(|attendance| attendance.attendee.id == attendee.attendee.id)
                    .then(|| urls::certificate(&manage_token, index)),
                // A member on their own link may give up their own place.
                cancel_url: ((details.attendees.len() > 1 || details.member.is_some())
                    && attendee.attendee.cancelled_at.is_none()
                    && details.registration.status != RegistrationStatus::Cancelled)
                    .then(|| urls::cancel_attendee(&manage_token, index)),
                name,
            }
        })
        .collect();
    Ok(ManagePage {
        t,
        event: EventSummary::new(&details.event, t, Utc::now()),
        status: t.get(status_key(details.registration.status)),
        is_confirmed,
        contact_email: details.recipient_email().to_owned(),
        attendees,
        calendar_url: (details.registration.status != RegistrationStatus::Cancelled)
            .then(|| urls::registration_calendar(&manage_token)),
        keep_link: t.get(if is_confirmed { "manage-keep-link" } else { "manage-keep-link-status" }),
        pending_note: details
            .registration
            .confirm_by
            .filter(|_| details.registration.status == RegistrationStatus::PendingConfirmation)
            .map(|deadline| {
                t.with2(
                    "manage-confirm-pending",
                    ["email", "deadline"],
                    [&details.registration.contact_email, &t.date_time(&deadline.with_timezone(&zone))],
                )
            }),
        resend_label: match details.registration.status {
            RegistrationStatus::Cancelled => None,
            RegistrationStatus::Confirmed => Some(t.get("manage-resend")),
            _ => Some(t.get("manage-resend-plain")),
        },
        // The whole registration is the contact person's to cancel.
        cancel_url: (details.registration.status != RegistrationStatus::Cancelled && details.member.is_none())
            .then(|| urls::cancel(&manage_token)),
        resend_url: urls::resend(&manage_token),
        data_url: urls::personal_data(&manage_token),
        deletion_url: (details.registration.deletion_requested_at.is_none() && details.member.is_none())
            .then(|| urls::deletion(&manage_token)),
        deletion_requested: details.registration.deletion_requested_at.map(|at| t.date_time(&at.with_timezone(&zone))),
        add_url: (details.registration.status != RegistrationStatus::Cancelled
            && details.member.is_none()
            && details.event.registration_window(Utc::now()) == domain::event::RegistrationWindow::Open
            && !details.event.is_full()
            && details.attendees.len() < registration::MAX_PEOPLE)
            .then(|| urls::add_attendee(&manage_token)),
        resent: query.sent.is_some(),
        // The online link is for confirmed attendees only, never on a public page.
        online_url: details.event.online_url.clone().filter(|_| is_confirmed && details.event.is_online()),
    })
}

/// Everything stored about this registration's people (GDPR Art. 15 and 20): details,
/// consents, answers with the wording given, sessions, check-ins and e-mails, as JSON.
fn status_key(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::PendingConfirmation => "status-pending-confirmation",
        RegistrationStatus::Confirmed => "status-confirmed",
        RegistrationStatus::Waitlisted => "status-waitlisted",
        RegistrationStatus::AwaitingApproval => "status-awaiting-approval",
        RegistrationStatus::Cancelled => "status-cancelled",
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/cancel.html")]
struct CancelPage {
    t: Tr,
    event: EventSummary,
    names: Vec<String>,
    cancel_url: String,
    manage_url: String,
}

async fn confirm_cancel(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(manage_token): Path<String>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let details = load_whole(&app, &manage_token).await?;
    if details.registration.status == RegistrationStatus::Cancelled {
        return Ok(Redirect::to(&urls::manage(&manage_token)).into_response());
    }
    Ok(CancelPage {
        t,
        event: EventSummary::new(&details.event, t, Utc::now()),
        names: details.attendees.iter().map(|attendee| attendee.attendee.full_name()).collect(),
        cancel_url: urls::cancel(&manage_token),
        manage_url: urls::manage(&manage_token),
    }
    .into_response())
}

async fn cancel(State(app): State<AppState>, Path(manage_token): Path<String>) -> Result<Response, WebError> {
    let details = load_whole(&app, &manage_token).await?;
    // Cancelling twice is harmless: the second finds nothing to cancel.
    registration::cancel(app.pools(), details.registration.id, Utc::now()).await?;
    Ok(Redirect::to(&urls::manage(&manage_token)).into_response())
}

#[derive(Debug, Default, Deserialize)]
struct FindForm {
    #[serde(default)]
    email: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/find.html")]
struct FindPage {
    t: Tr,
    email: String,
    message: String,
    sent: bool,
    find_url: String,
}

async fn find_form(Lang(language): Lang) -> FindPage {
    FindPage {
        t: Tr::new(language),
        email: String::new(),
        message: String::new(),
        sent: false,
        find_url: urls::find_registration(),
    }
}

async fn find(
    State(app): State<AppState>,
    Lang(language): Lang,
    client: ClientIp,
    form: Result<Form<FindForm>, FormRejection>,
) -> Result<Response, WebError> {
    if let Err(wait) = app.limits().registration.check(&client.key()) {
        return Ok(too_many_requests(wait));
    }
    let t = Tr::new(language);
    let email = form.map(|Form(form)| form.email).unwrap_or_default();
    let page = |message: String, sent: bool| FindPage {
        t,
        email: email.clone(),
        message,
        sent,
        find_url: urls::find_registration(),
    };
    match EmailAddress::parse(&email) {
        Ok(address) => {
            registration::send_manage_links(app.pools(), &address, Utc::now()).await?;
            Ok(page(String::new(), true).into_response())
        }
        Err(invalid) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(t.get(&format!("error-{}", invalid.code())), false))
                .into_response())
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct ShowQuery {
    sent: Option<String>,
}

/// Sends the registration's e-mail (with tickets and calendar, while confirmed) again.
async fn resend(
    State(app): State<AppState>,
    client: ClientIp,
    Path(manage_token): Path<String>,
) -> Result<Response, WebError> {
    if let Err(wait) = app.limits().registration.check(&client.key()) {
        return Ok(too_many_requests(wait));
    }
    let details = load(&app, &manage_token).await?;
    let (kind, now) = (domain::outbox::MailKind::ManageLink, Utc::now());
    match details.member {
        Some(member) => {
            domain::outbox::enqueue_to_member(&app.pools().write, kind, details.registration.id, member, now).await?
        }
        None => domain::outbox::enqueue(&app.pools().write, kind, details.registration.id, now).await?,
    }
    Ok(Redirect::to(&format!("{}?sent=1", urls::manage(&manage_token))).into_response())
}

async fn confirm_cancel_attendee(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path((manage_token, index)): Path<(String, usize)>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let details = load(&app, &manage_token).await?;
    let attendee = details.attendees.get(index).ok_or(WebError::NotFound)?;
    Ok(CancelPage {
        t,
        event: EventSummary::new(&details.event, t, Utc::now()),
        names: vec![attendee.attendee.full_name()],
        cancel_url: urls::cancel_attendee(&manage_token, index),
        manage_url: urls::manage(&manage_token),
    }
    .into_response())
}

async fn cancel_attendee(
    State(app): State<AppState>,
    Path((manage_token, index)): Path<(String, usize)>,
) -> Result<Response, WebError> {
    let details = load(&app, &manage_token).await?;
    let attendee = details.attendees.get(index).ok_or(WebError::NotFound)?;
    registration::cancel_attendee(app.pools(), details.registration.id, attendee.attendee.id, Utc::now()).await?;
    Ok(Redirect::to(&urls::manage(&manage_token)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/confirm_failed.html")]
struct ConfirmFailedPage {
    t: Tr,
    title: String,
    text: String,
}

/// The double opt-in link: confirms and shows the registration with its tickets, or
/// explains why that is no longer possible.
async fn confirm_email(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(confirm_token): Path<String>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let (status, title, text) = match registration::confirm_email(app.pools(), &confirm_token, Utc::now()).await? {
        EmailConfirmation::Confirmed { manage_token } | EmailConfirmation::AlreadyConfirmed { manage_token } => {
            return Ok(Redirect::to(&urls::manage(&manage_token)).into_response());
        }
        EmailConfirmation::Expired => (StatusCode::GONE, t.get("confirm-expired-title"), t.get("confirm-expired-text")),
        EmailConfirmation::Unknown => {
            (StatusCode::NOT_FOUND, t.get("confirm-unknown-title"), t.get("confirm-unknown-text"))
        }
    };
    Ok((status, ConfirmFailedPage { t, title, text }).into_response())
}

/// What the change form sends; every field defaults to empty so that a missing field is a
/// message, not a rejected request.
#[derive(Clone, Debug, Default, Deserialize)]
struct EditForm {
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    partner_municipality: String,
    #[serde(default)]
    programme_session: Vec<String>,
    /// Only when adding a person: their own address (empty: the contact person's) and
    /// the consent to data processing for them.
    #[serde(default)]
    email: String,
    #[serde(default)]
    data_consent: String,
    /// Answers to the event's questions, by field name (read from the raw form).
    #[serde(skip)]
    answers: Vec<(String, String)>,
}

impl EditForm {
    /// The form as sent: the fixed fields by serde, the answers to the event's questions
    /// by their field names; `None` when the body is no form.
    fn read(body: &[u8]) -> Option<EditForm> {
        let mut form = serde_html_form::from_bytes::<EditForm>(body).ok()?;
        form.answers = answers_sent(body);
        Some(form)
    }

    fn person(&self) -> PersonFields {
        PersonFields {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            organisation: self.organisation.clone(),
            partner_municipality: self.partner_municipality.clone(),
            ..PersonFields::default()
        }
    }

    /// The chosen sessions and the answers; refused ones get their messages.
    fn choices(
        &self,
        questions: &[form_rules::Question],
        errors: &mut FormErrors,
    ) -> (Option<Vec<uuid::Uuid>>, Vec<form_rules::NewAnswer>) {
        let sessions = session_ids(self.programme_session.iter().map(String::as_str), "programme_session", errors);
        let language = errors.language();
        (sessions, parse_answers(questions, &self.answers, None, language, errors))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/edit_attendee.html")]
struct EditPage {
    t: Tr,
    event: EventSummary,
    form: EditForm,
    sessions: Vec<SessionChoice>,
    questions: Vec<QuestionField>,
    /// `required`, `optional` or `hidden`, as the event's form asks.
    ask_organisation: &'static str,
    ask_partner_municipality: &'static str,
    messages: FormErrors,
    save_url: String,
    manage_url: String,
    /// Adding a person to the registration rather than changing one.
    adding: bool,
    privacy_url: String,
}

impl EditPage {
    fn message(&self, field: &str) -> &str {
        self.messages.message(field)
    }
}

/// The form for one person of the registration: `Some(index)` changes that person,
/// `None` adds someone.
async fn edit_page(
    app: &AppState,
    t: Tr,
    manage_token: &str,
    index: Option<usize>,
    form: Option<EditForm>,
    messages: FormErrors,
) -> Result<EditPage, WebError> {
    let details = match index {
        Some(_) => load(app, manage_token).await?,
        // Adding a person is the contact person's.
        None => load_whole(app, manage_token).await?,
    };
    let attendee = match index {
        Some(index) => Some(details.attendees.get(index).ok_or(WebError::NotFound)?),
        None => None,
    };
    let questions = form_rules::questions(app.db(), details.event.id).await?;
    let stored = match attendee {
        Some(attendee) => form_rules::answers_of(app.db(), &[attendee.attendee.id]).await?,
        None => Vec::new(),
    };
    let form = match (form, attendee) {
        (Some(form), _) => form,
        (None, None) => EditForm::default(),
        (None, Some(attendee)) => EditForm {
            answers: stored_as_sent(&questions, &stored),
            first_name: attendee.attendee.first_name.clone(),
            last_name: attendee.attendee.last_name.clone(),
            organisation: attendee.attendee.organisation.clone(),
            partner_municipality: attendee.attendee.partner_municipality.clone(),
            programme_session: attendee
                .sessions
                .iter()
                .chain(&attendee.waiting_for)
                .map(|session| session.id.to_string())
                .collect(),
            ..EditForm::default()
        },
    };
    let programme = domain::programme::for_event(app.db(), details.event.id).await?;
    let sessions = programme
        .iter()
        .filter(|session| session.is_choosable())
        .map(|session| {
            let checked = form.programme_session.contains(&session.id.to_string());
            SessionChoice { session: SessionSummary::new(session, &details.event, t), checked }
        })
        .collect();
    let questions = question_fields(&questions, &form.answers, None, t, |field| messages.message(field).to_owned());
    let rules = FieldRules::of(&details.event);
    Ok(EditPage {
        t,
        event: EventSummary::new(&details.event, t, Utc::now()),
        form,
        sessions,
        questions,
        ask_organisation: form_rules::field_rule_code(rules.organisation),
        ask_partner_municipality: form_rules::field_rule_code(rules.partner_municipality),
        messages,
        save_url: match index {
            Some(index) => urls::edit_attendee(manage_token, index),
            None => urls::add_attendee(manage_token),
        },
        manage_url: urls::manage(manage_token),
        adding: index.is_none(),
        privacy_url: urls::privacy(),
    })
}

async fn new_attendee(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(manage_token): Path<String>,
) -> Result<EditPage, WebError> {
    let t = Tr::new(language);
    edit_page(&app, t, &manage_token, None, None, FormErrors::new(t)).await
}

/// Adds a person to the registration (a delegation member who comes after all).
async fn add_attendee(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(manage_token): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let Some(form) = EditForm::read(&body) else {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    };
    let details = load_whole(&app, &manage_token).await?;
    let contact = details.attendees.first().ok_or(WebError::NotFound)?;
    let defaults = ContactDefaults::of_stored(&contact.attendee).ok_or(WebError::NotFound)?;
    let questions = form_rules::questions(app.db(), details.event.id).await?;
    let mut errors = FormErrors::new(t);
    let person = form.person().parse(PersonRules::member(FieldRules::of(&details.event)), &mut errors, str::to_owned);
    let (sessions, answers) = form.choices(&questions, &mut errors);
    if form.data_consent != "yes" {
        errors.code("data_consent", "consent-missing");
    }
    let person = match (person, sessions) {
        (Some(person), Some(sessions)) if errors.is_empty() => person.into_attendee(Some(&defaults), sessions, answers),
        _ => None,
    };
    let Some(person) = person else {
        let page = edit_page(&app, t, &manage_token, None, Some(form), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let failure = match registration::add_attendee(app.pools(), details.registration.id, person, Utc::now()).await {
        Ok(()) => return Ok(Redirect::to(&urls::manage(&manage_token)).into_response()),
        Err(failure) => failure,
    };
    let mut errors = FormErrors::new(t);
    match Refusal::of(failure)? {
        // Adding to a full event: the page says no one more can come.
        Refusal::Message { key: "error-event-full", .. } => errors.key("first_name", "error-add-event-full"),
        Refusal::Message { field, key } => errors.key(field.unwrap_or("first_name"), key),
        Refusal::AlreadyRegistered | Refusal::AlreadySubmitted(_) => return Err(WebError::NotFound),
    }
    let page = edit_page(&app, t, &manage_token, None, Some(form), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn edit_attendee(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path((manage_token, index)): Path<(String, usize)>,
) -> Result<EditPage, WebError> {
    let t = Tr::new(language);
    edit_page(&app, t, &manage_token, Some(index), None, FormErrors::new(t)).await
}

async fn save_attendee(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path((manage_token, index)): Path<(String, usize)>,
    body: axum::body::Bytes,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let Some(form) = EditForm::read(&body) else {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    };
    let details = load(&app, &manage_token).await?;
    let attendee = details.attendees.get(index).ok_or(WebError::NotFound)?;
    let rules = FieldRules::of(&details.event);
    let questions = form_rules::questions(app.db(), details.event.id).await?;
    let mut errors = FormErrors::new(t);
    let person = form.person().parse(
        PersonRules::change(rules.organisation, rules.partner_municipality),
        &mut errors,
        str::to_owned,
    );
    let (sessions, answers) = form.choices(&questions, &mut errors);
    let (Some(person), Some(programme_session_ids), true) = (person, sessions, errors.is_empty()) else {
        let page = edit_page(&app, t, &manage_token, Some(index), Some(form), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    // A field the form does not ask keeps what is stored.
    let kept = |rule: FieldRule, typed: String, stored: &String| {
        if rule == FieldRule::Hidden { stored.clone() } else { typed }
    };
    let change = AttendeeChange {
        first_name: person.first_name,
        last_name: person.last_name,
        organisation: kept(rules.organisation, person.organisation, &attendee.attendee.organisation),
        partner_municipality: kept(
            rules.partner_municipality,
            person.partner_municipality,
            &attendee.attendee.partner_municipality,
        ),
        programme_session_ids,
        answers: Some(answers),
        by_organiser: None,
    };
    let failure =
        match registration::change_attendee(app.pools(), details.registration.id, attendee.attendee.id, change).await {
            Ok(()) => return Ok(Redirect::to(&urls::manage(&manage_token)).into_response()),
            Err(failure) => failure,
        };
    let mut errors = FormErrors::new(t);
    match Refusal::of(failure)? {
        Refusal::Message { field: Some(field), key } => errors.key(field, key),
        _ => return Err(WebError::NotFound),
    }
    let page = edit_page(&app, t, &manage_token, Some(index), Some(form), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
