//! Adding an attendee by hand (a registration taken on the phone) and changing one, in
//! the back office.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use domain::attendee_list::AttendeeRow;
use domain::audit;
use uuid::Uuid;

use super::attendees::{find_row, record};
use super::event_pages::load_event;
use super::form::Nav;
use super::{Access, Guarded, Staff};
use axum::body::Bytes;
use domain::outbox::MailKind;
use domain::programme;
use domain::registration::{self, RegistrationRequest};
use domain::registration_form as form_rules;
use domain::registration_form::{FieldRule, FieldRules};
use serde::Deserialize;
use site::error::{Refusal, WebError};
use site::form::{Choice, FormErrors, PersonFields, PersonRules, language_choices, organisation_type_choices};
use site::i18n::{Lang, Tr};
use site::questions::{QuestionField, answers_sent, parse_answers, question_fields, stored_as_sent};
use site::{AppState, urls};

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/attendees/new", Access::Organiser, new_form)
        .post("/admin/events/{event}/attendees/new", Access::Organiser, add)
        .get("/admin/events/{event}/attendees/{attendee}/edit", Access::Organiser, edit_form)
        .post("/admin/events/{event}/attendees/{attendee}/edit", Access::Organiser, save)
}

/// The form for adding someone by hand, as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddForm {
    first_name: String,
    last_name: String,
    email: String,
    organisation: String,
    organisation_type: String,
    partner_municipality: String,
    language: String,
    programme_session: Vec<Uuid>,
    consent: Option<String>,
    /// Answers to the event's own questions, by field name (read from the raw form).
    #[serde(skip)]
    answers: Vec<(String, String)>,
}

pub struct SessionBox {
    pub id: String,
    pub title: String,
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/attendee_form.html")]
struct AddPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    action: String,
    form: AddForm,
    organisation_types: Vec<Choice>,
    languages: Vec<Choice>,
    sessions: Vec<SessionBox>,
    /// The event's own questions, as the public form asks them.
    questions: Vec<QuestionField>,
    messages: FormErrors,
}

async fn add_page(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    event_id: Uuid,
    form: AddForm,
    messages: FormErrors,
) -> Result<AddPage, WebError> {
    let event = load_event(app, event_id).await?;
    let sessions = programme::for_event(app.db(), event.id)
        .await?
        .into_iter()
        .filter(|session| session.is_choosable())
        .map(|session| SessionBox {
            id: session.id.to_string(),
            title: session.title(t.language).to_owned(),
            checked: form.programme_session.contains(&session.id),
        })
        .collect();
    let mut organisation_types = vec![Choice::new("", t.get("field-organisation-type-choose"), false)];
    organisation_types.extend(organisation_type_choices(t, &form.organisation_type));
    let languages = language_choices(t, &form.language);
    let questions = form_rules::questions(app.db(), event.id).await?;
    let questions = question_fields(&questions, &form.answers, None, t, |field| messages.message(field).to_owned());
    Ok(AddPage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-add-attendee-to", "event", event.title(t.language)),
        action: urls::admin_new_attendee(event.id),
        form,
        organisation_types,
        languages,
        sessions,
        questions,
        messages,
    })
}

async fn new_form(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
) -> Result<AddPage, WebError> {
    let form = AddForm { language: language.code().to_owned(), ..AddForm::default() };
    let t = Tr::new(language);
    add_page(&app, t, &staff, event_id, form, FormErrors::new(t)).await
}

async fn add(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    body: Bytes,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let mut messages = FormErrors::new(t);
    let Ok(mut form) = serde_html_form::from_bytes::<AddForm>(&body) else {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    };
    form.answers = answers_sent(&body);
    let questions = form_rules::questions(app.db(), event.id).await?;
    let answers = parse_answers(&questions, &form.answers, None, language, &mut messages);
    let fields = PersonFields {
        first_name: form.first_name.clone(),
        last_name: form.last_name.clone(),
        email: form.email.clone(),
        organisation: form.organisation.clone(),
        organisation_type: form.organisation_type.clone(),
        partner_municipality: form.partner_municipality.clone(),
    };
    let person = fields.parse(PersonRules::organiser(FieldRules::of(&event)), &mut messages, str::to_owned);
    if form.consent.is_none() {
        messages.add("consent", t.get("admin-error-consent"));
    }
    let attendee = match person {
        Some(person) if messages.is_empty() => person.into_attendee(None, form.programme_session.clone(), answers),
        _ => None,
    };
    let Some(attendee) = attendee else {
        let page = add_page(&app, t, &staff, event.id, form, messages).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let name = format!("{} {}", attendee.first_name.as_str(), attendee.last_name.as_str());
    let request = RegistrationRequest {
        event_id: event.id,
        language: domain::Language::parse(&form.language).unwrap_or(language),
        attendees: vec![attendee],
        data_consent: true,
        consent_wording: Tr::new(language).get("admin-field-consent-by-phone"),
        submission_key: None,
        // Taken by an organiser: allowed outside the online window, never waitlisted.
        at_the_door: true,
    };
    let now = Utc::now();
    match registration::register(app.pools(), request, now).await {
        Ok(created) => {
            let detail = format!("registration:{} by hand", created.registration.id);
            audit::record(
                &app.pools().write,
                staff.user(),
                audit::Action { event_id: Some(event.id), action: "attendee.add", subject: &name, detail },
                now,
            )
            .await?;
            Ok(Redirect::to(&urls::admin_attendees(event.id)).into_response())
        }
        Err(failure) => {
            match Refusal::of(failure)? {
                Refusal::AlreadyRegistered => messages.add("email", t.get("admin-error-already-registered")),
                Refusal::Message { field, key } => messages.key(field.unwrap_or("first_name"), key),
                Refusal::AlreadySubmitted(_) => messages.add("first_name", t.get("error-form-unreadable")),
            }
            let page = add_page(&app, t, &staff, event.id, form, messages).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The edit form as typed: every field of the person, their sessions and answers.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    first_name: String,
    last_name: String,
    email: String,
    organisation: String,
    organisation_type: String,
    partner_municipality: String,
    language: String,
    programme_session: Vec<Uuid>,
    /// Answers to the event's own questions, by field name (read from the raw form).
    #[serde(skip)]
    answers: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/attendee_edit.html")]
struct EditPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    action: String,
    back: String,
    form: EditForm,
    organisation_types: Vec<Choice>,
    languages: Vec<Choice>,
    sessions: Vec<SessionBox>,
    questions: Vec<QuestionField>,
    messages: FormErrors,
}

async fn edit_page(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    row: &AttendeeRow,
    form: EditForm,
    messages: FormErrors,
) -> Result<EditPage, WebError> {
    let sessions = programme::for_event(app.db(), row.attendee.event_id)
        .await?
        .into_iter()
        .filter(|session| session.is_choosable())
        .map(|session| SessionBox {
            id: session.id.to_string(),
            title: session.title(t.language).to_owned(),
            checked: form.programme_session.contains(&session.id),
        })
        .collect();
    let mut organisation_types = vec![Choice::new("", t.get("field-organisation-type-choose"), false)];
    organisation_types.extend(organisation_type_choices(t, &form.organisation_type));
    let questions = form_rules::questions(app.db(), row.attendee.event_id).await?;
    let questions = question_fields(&questions, &form.answers, None, t, |field| messages.message(field).to_owned());
    Ok(EditPage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-edit-attendee", "name", &row.full_name()),
        action: urls::admin_attendee_action(row.attendee.event_id, row.attendee.id, "edit"),
        back: urls::admin_attendee(row.attendee.event_id, row.attendee.id),
        organisation_types,
        languages: language_choices(t, &form.language),
        form,
        sessions,
        questions,
        messages,
    })
}

/// The language of a person's mails: their own, or their registration's.
fn language_of(row: &AttendeeRow) -> domain::Language {
    row.attendee.language.unwrap_or(row.language)
}

async fn edit_form(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<EditPage, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    let questions = form_rules::questions(app.db(), event_id).await?;
    let stored = form_rules::answers_of(app.db(), &[attendee_id]).await?;
    let form = EditForm {
        first_name: row.attendee.first_name.clone(),
        last_name: row.attendee.last_name.clone(),
        email: row.attendee.email.clone(),
        organisation: row.attendee.organisation.clone(),
        organisation_type: row.attendee.organisation_type.code().to_owned(),
        partner_municipality: row.attendee.partner_municipality.clone(),
        language: language_of(&row).code().to_owned(),
        programme_session: row.session_ids.clone(),
        answers: stored_as_sent(&questions, &stored),
    };
    let t = Tr::new(language);
    edit_page(&app, t, &staff, &row, form, FormErrors::new(t)).await
}

/// Saves every field of a person an organiser changed; the audit log names which.
async fn save(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
    body: Bytes,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let row = find_row(&app, event_id, attendee_id).await?;
    let Ok(mut form) = serde_html_form::from_bytes::<EditForm>(&body) else {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    };
    form.answers = answers_sent(&body);
    let mut messages = FormErrors::new(t);
    let questions = form_rules::questions(app.db(), event_id).await?;
    let answers = parse_answers(&questions, &form.answers, None, language, &mut messages);
    let fields = PersonFields {
        first_name: form.first_name.clone(),
        last_name: form.last_name.clone(),
        email: form.email.clone(),
        organisation: form.organisation.clone(),
        organisation_type: form.organisation_type.clone(),
        partner_municipality: form.partner_municipality.clone(),
    };
    let rules = PersonRules {
        email: FieldRule::Required,
        organisation: FieldRule::Optional,
        organisation_type: FieldRule::Optional,
        partner_municipality: FieldRule::Optional,
    };
    let person = fields.parse(rules, &mut messages, str::to_owned);
    let chosen_language = domain::Language::parse(&form.language);
    if chosen_language.is_none() {
        messages.code("language", "invalid-choice");
    }
    let (Some(person), Some(chosen_language), true) = (person, chosen_language, messages.is_empty()) else {
        let page = edit_page(&app, t, &staff, &row, form, messages).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let Some(email) = person.email.clone() else {
        return Err(WebError::NotFound);
    };
    let stored_answers = form_rules::answers_of(app.db(), &[attendee_id]).await?;
    let changed = changed_fields(&row, &person, chosen_language, &form, &questions, &stored_answers);
    let change = registration::AttendeeChange {
        first_name: person.first_name,
        last_name: person.last_name,
        organisation: person.organisation,
        partner_municipality: person.partner_municipality,
        programme_session_ids: form.programme_session.clone(),
        answers: Some(answers),
        by_organiser: Some(registration::OrganiserChange {
            email,
            organisation_type: person.organisation_type,
            language: chosen_language,
        }),
    };
    match registration::change_attendee(app.pools(), row.registration_id, attendee_id, change).await {
        Ok(()) => {
            // The person hears of it, with their current sessions and tickets.
            domain::outbox::enqueue(&app.pools().write, MailKind::ChangedByOrganiser, row.registration_id, Utc::now())
                .await?;
            record(&app, &staff, event_id, "attendee.edit", &row, format!("changed: {}", changed.join(", "))).await?;
            Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
        }
        Err(failure) => {
            match Refusal::of(failure)? {
                Refusal::AlreadyRegistered => messages.add("email", t.get("admin-error-already-registered")),
                Refusal::Message { field: Some(field), key } => messages.key(field, key),
                _ => messages.add("first_name", t.get("admin-error-not-editable")),
            }
            let page = edit_page(&app, t, &staff, &row, form, messages).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Which fields an edit changes, by their stored names, for the audit log (what, not
/// the values: the log is read by more people than the list).
fn changed_fields(
    row: &AttendeeRow,
    new: &site::form::Person,
    language: domain::Language,
    form: &EditForm,
    questions: &[form_rules::Question],
    stored_answers: &[form_rules::Answer],
) -> Vec<&'static str> {
    let old = &row.attendee;
    let mut old_sessions = row.session_ids.clone();
    old_sessions.sort_unstable();
    let mut new_sessions = form.programme_session.clone();
    new_sessions.sort_unstable();
    new_sessions.dedup();
    let mut old_answers = stored_as_sent(questions, stored_answers);
    old_answers.sort();
    let mut new_answers: Vec<(String, String)> =
        form.answers.iter().filter(|(_, value)| !value.trim().is_empty()).cloned().collect();
    new_answers.sort();
    [
        ("first_name", old.first_name != new.first_name.as_str()),
        ("last_name", old.last_name != new.last_name.as_str()),
        ("email", new.email.as_ref().is_none_or(|email| old.email != email.as_str())),
        ("organisation", old.organisation != new.organisation),
        ("organisation_type", old.organisation_type != new.organisation_type),
        ("partner_municipality", old.partner_municipality != new.partner_municipality),
        ("language", language_of(row) != language),
        ("sessions", old_sessions != new_sessions),
        ("answers", old_answers != new_answers),
    ]
    .into_iter()
    .filter_map(|(name, changed)| changed.then_some(name))
    .collect()
}
