//! Setting an event up in the back office: the event form (new and edit), its status
//! (draft, published, cancelled) and duplicating an event.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use domain::audit;
use domain::event::{self, ApprovalMode, Event, EventFormat, EventStatus};
use domain::event_setup::{self, EventDraft, SetupError};
use domain::person::{InvalidInput, MAX_TEXT_CHARS, clean_optional_text, clean_text};
use serde::Deserialize;
use uuid::Uuid;

use super::event_pages::load_event;
use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::form::{Choice, FormErrors};
use site::i18n::{Lang, Tr};
use site::urls;

/// An organiser limited to some events gets the event they just made.
async fn keep_access(app: &AppState, staff: &Staff, event_id: Uuid) -> Result<(), WebError> {
    if !staff.0.may_see_event(event_id) {
        domain::account::assign_event(&app.pools().write, staff.user().id, event_id).await?;
    }
    Ok(())
}

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/new", Access::Organiser, new_form)
        .post("/admin/events/new", Access::Organiser, create)
        .get("/admin/events/{event}/edit", Access::Organiser, edit_form)
        .post("/admin/events/{event}/edit", Access::Organiser, save)
        .post("/admin/events/{event}/status", Access::Organiser, change_status)
        .post("/admin/events/{event}/duplicate", Access::Organiser, duplicate)
}

/// The value format of `<input type="datetime-local">`.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// A local date and time typed for the event's zone, as UTC.
fn parse_local(raw: &str, zone: Tz) -> Result<Option<DateTime<Utc>>, InvalidInput> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let naive = NaiveDateTime::parse_from_str(raw, LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| InvalidInput::InvalidDateTime)?;
    // The hour skipped when clocks go forward does not exist; the one repeated when they
    // go back is taken the first time.
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|at| Some(at.with_timezone(&Utc)))
        .ok_or(InvalidInput::InvalidDateTime)
}

/// A required local date and time.
pub fn parse_required_local(raw: &str, zone: Tz) -> Result<DateTime<Utc>, InvalidInput> {
    parse_local(raw, zone)?.ok_or(InvalidInput::Required)
}

fn local(at: Option<DateTime<Utc>>, zone: Tz) -> String {
    at.map(|at| at.with_timezone(&zone).format(LOCAL_FORMAT).to_string()).unwrap_or_default()
}

/// The settings form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EventForm {
    slug: String,
    title_de: String,
    title_en: String,
    title_uk: String,
    description_de: String,
    description_en: String,
    description_uk: String,
    format: String,
    venue: String,
    address: String,
    online_url: String,
    starts_at: String,
    ends_at: String,
    time_zone: String,
    registration_opens_at: String,
    registration_closes_at: String,
    capacity: String,
    approval_mode: String,
    double_opt_in: Option<String>,
    confirmation_hours: String,
    door_overbooking: Option<String>,
    /// Empty (or not sent, by older forms) means the default.
    retention_days: String,
}

impl EventForm {
    fn of(event: &Event) -> Self {
        let zone = event.zone();
        EventForm {
            slug: event.slug.clone(),
            title_de: event.title_de.clone(),
            title_en: event.title_en.clone(),
            title_uk: event.title_uk.clone(),
            description_de: event.description_de.clone(),
            description_en: event.description_en.clone(),
            description_uk: event.description_uk.clone(),
            format: format_value(event.format).to_owned(),
            venue: event.venue.clone(),
            address: event.address.clone(),
            online_url: event.online_url.clone().unwrap_or_default(),
            starts_at: local(Some(event.starts_at), zone),
            ends_at: local(Some(event.ends_at), zone),
            time_zone: event.time_zone.clone(),
            registration_opens_at: local(event.registration_opens_at, zone),
            registration_closes_at: local(event.registration_closes_at, zone),
            capacity: event.capacity.map(|capacity| capacity.to_string()).unwrap_or_default(),
            approval_mode: approval_value(event.approval_mode).to_owned(),
            double_opt_in: event.double_opt_in.then(|| "on".to_owned()),
            confirmation_hours: event.confirmation_hours.to_string(),
            door_overbooking: event.door_overbooking.then(|| "on".to_owned()),
            retention_days: event.retention_days.to_string(),
        }
    }

    fn blank() -> Self {
        EventForm {
            format: "in_person".into(),
            time_zone: "Europe/Berlin".into(),
            approval_mode: "open".into(),
            confirmation_hours: "48".into(),
            retention_days: domain::privacy::DEFAULT_RETENTION_DAYS.to_string(),
            ..EventForm::default()
        }
    }

    /// The draft, or one message per refused field.
    fn parse(&self, t: Tr, messages: &mut FormErrors) -> Option<EventDraft> {
        let slug = self.slug.trim().to_owned();
        if slug.is_empty() {
            messages.invalid("slug", InvalidInput::Required);
        } else if !event::is_valid_slug(&slug) {
            messages.add("slug", t.get("admin-error-slug"));
        }
        let title_de = messages.take("title_de", clean_text(&self.title_de, MAX_TEXT_CHARS));
        let title_en = messages.take("title_en", clean_optional_text(&self.title_en, MAX_TEXT_CHARS));
        let title_uk = messages.take("title_uk", clean_optional_text(&self.title_uk, MAX_TEXT_CHARS));
        let description =
            |field: &str, raw: &str, messages: &mut FormErrors| messages.take(field, clean_description(raw));
        let description_de = description("description_de", &self.description_de, messages);
        let description_en = description("description_en", &self.description_en, messages);
        let description_uk = description("description_uk", &self.description_uk, messages);
        let format = parse_format(&self.format);
        if format.is_none() {
            messages.add("format", t.get("error-invalid-choice"));
        }
        let venue = messages.take("venue", clean_optional_text(&self.venue, MAX_TEXT_CHARS));
        let address = messages.take("address", clean_optional_text(&self.address, MAX_TEXT_CHARS));
        let online_url = match self.online_url.trim() {
            "" => Some(None),
            url if (url.starts_with("https://") || url.starts_with("http://"))
                && url.len() <= 500
                && !url.contains(char::is_whitespace) =>
            {
                Some(Some(url.to_owned()))
            }
            _ => {
                messages.add("online_url", t.get("admin-error-url"));
                None
            }
        };
        let zone: Option<Tz> = self.time_zone.trim().parse().ok();
        if zone.is_none() {
            messages.add("time_zone", t.get("admin-error-time-zone"));
        }
        let zone = zone.unwrap_or(chrono_tz::Europe::Berlin);
        let mut when = |field: &str, raw: &str, required: bool| match parse_local(raw, zone) {
            Ok(None) if required => {
                messages.invalid(field, InvalidInput::Required);
                None
            }
            Ok(at) => Some(at),
            Err(invalid) => {
                messages.invalid(field, invalid);
                None
            }
        };
        let starts_at = when("starts_at", &self.starts_at, true).flatten();
        let ends_at = when("ends_at", &self.ends_at, true).flatten();
        let opens_at = when("registration_opens_at", &self.registration_opens_at, false);
        let closes_at = when("registration_closes_at", &self.registration_closes_at, false);
        if let (Some(starts_at), Some(ends_at)) = (starts_at, ends_at)
            && ends_at <= starts_at
        {
            messages.add("ends_at", t.get("admin-error-ends-before-start"));
        }
        if let (Some(Some(opens)), Some(Some(closes))) = (opens_at, closes_at)
            && closes <= opens
        {
            messages.add("registration_closes_at", t.get("admin-error-closes-before-opens"));
        }
        let capacity = messages.capacity("capacity", &self.capacity);
        let approval_mode = match self.approval_mode.as_str() {
            "open" => Some(ApprovalMode::Open),
            "approval" => Some(ApprovalMode::OrganiserApproves),
            _ => {
                messages.add("approval_mode", t.get("error-invalid-choice"));
                None
            }
        };
        let confirmation_hours = match self.confirmation_hours.trim().parse::<i32>() {
            Ok(hours) if (1..=720).contains(&hours) => Some(hours),
            _ => {
                messages.add("confirmation_hours", t.get("admin-error-hours"));
                None
            }
        };
        let retention_days = match self.retention_days.trim() {
            "" => Some(domain::privacy::DEFAULT_RETENTION_DAYS),
            days => match days.parse::<i32>() {
                Ok(days) if domain::privacy::RETENTION_DAYS.contains(&days) => Some(days),
                _ => {
                    messages.add("retention_days", t.get("admin-error-retention-days"));
                    None
                }
            },
        };
        if !messages.is_empty() {
            return None;
        }
        Some(EventDraft {
            slug,
            title_de: title_de?,
            title_en: title_en?,
            title_uk: title_uk?,
            description_de: description_de?,
            description_en: description_en?,
            description_uk: description_uk?,
            format: format?,
            venue: venue?,
            address: address?,
            online_url: online_url?,
            starts_at: starts_at?,
            ends_at: ends_at?,
            time_zone: zone.name().to_owned(),
            registration_opens_at: opens_at?,
            registration_closes_at: closes_at?,
            capacity: capacity?,
            approval_mode: approval_mode?,
            double_opt_in: self.double_opt_in.is_some(),
            confirmation_hours: confirmation_hours?,
            door_overbooking: self.door_overbooking.is_some(),
            retention_days: retention_days?,
        })
    }
}

/// Descriptions are paragraphs: line breaks are fine, other control characters are not.
fn clean_description(raw: &str) -> Result<String, InvalidInput> {
    let text = raw.trim().replace("\r\n", "\n");
    if text.chars().count() > 10_000 {
        return Err(InvalidInput::TooLong);
    }
    text.split('\n')
        .map(|line| clean_optional_text(line, 10_000))
        .collect::<Result<Vec<_>, _>>()
        .map(|lines| lines.join("\n"))
}

const FORMATS: [EventFormat; 3] = [EventFormat::InPerson, EventFormat::Online, EventFormat::Hybrid];

fn format_value(format: EventFormat) -> &'static str {
    match format {
        EventFormat::InPerson => "in_person",
        EventFormat::Online => "online",
        EventFormat::Hybrid => "hybrid",
    }
}

fn parse_format(raw: &str) -> Option<EventFormat> {
    FORMATS.into_iter().find(|format| format_value(*format) == raw)
}

fn approval_value(mode: ApprovalMode) -> &'static str {
    match mode {
        ApprovalMode::Open => "open",
        ApprovalMode::OrganiserApproves => "approval",
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/event_form.html")]
struct EventFormPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    action: String,
    form: EventForm,
    formats: Vec<Choice>,
    approval_modes: Vec<Choice>,
    messages: FormErrors,
}

impl EventFormPage {
    fn new(t: Tr, staff: &Staff, title: String, action: String, form: EventForm, messages: FormErrors) -> Self {
        let formats = FORMATS
            .into_iter()
            .map(|format| {
                let value = format_value(format);
                Choice::new(value, t.get(&format!("admin-format-{value}")), form.format == value)
            })
            .collect();
        let approval_modes = ["open", "approval"]
            .into_iter()
            .map(|value| Choice::new(value, t.get(&format!("admin-approval-{value}")), form.approval_mode == value))
            .collect();
        EventFormPage {
            t,
            nav: Nav::of(staff),
            csrf: staff.csrf().to_owned(),
            title,
            action,
            form,
            formats,
            approval_modes,
            messages,
        }
    }
}

async fn new_form(Lang(language): Lang, staff: Staff) -> EventFormPage {
    let t = Tr::new(language);
    EventFormPage::new(
        t,
        &staff,
        t.get("admin-new-event"),
        urls::admin_new_event(),
        EventForm::blank(),
        FormErrors::new(t),
    )
}

async fn create(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Form(form): Form<EventForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let mut messages = FormErrors::new(t);
    let now = Utc::now();
    if let Some(draft) = form.parse(t, &mut messages) {
        match event_setup::create(&app.pools().write, draft, now).await {
            Ok(event) => {
                audit::record(
                    &app.pools().write,
                    staff.user(),
                    audit::Action {
                        event_id: Some(event.id),
                        action: "event.create",
                        subject: &event.title_de,
                        detail: event.slug.clone(),
                    },
                    now,
                )
                .await?;
                keep_access(&app, &staff, event.id).await?;
                return Ok(Redirect::to(&urls::admin_event(event.id)).into_response());
            }
            Err(SetupError::SlugTaken) => messages.add("slug", t.get("admin-error-slug-taken")),
            Err(SetupError::Database(err)) => return Err(err.into()),
            Err(SetupError::CapacityBelowTaken(_) | SetupError::NotFound) => return Err(WebError::NotFound),
        }
    }
    let page = EventFormPage::new(t, &staff, t.get("admin-new-event"), urls::admin_new_event(), form, messages);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn edit_form(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
) -> Result<EventFormPage, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let title = t.with("admin-edit-event", "event", event.title(language));
    Ok(EventFormPage::new(
        t,
        &staff,
        title,
        urls::admin_event_edit(event.id),
        EventForm::of(&event),
        FormErrors::new(t),
    ))
}

async fn save(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<EventForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let mut messages = FormErrors::new(t);
    if let Some(draft) = form.parse(t, &mut messages) {
        match event_setup::update(app.pools(), event.id, draft).await {
            Ok(updated) => {
                let mut detail = changes(&event, &updated);
                // A new time or place is news for everyone registered: each gets the
                // current details (with tickets and calendar file) by e-mail.
                let moved = (event.starts_at, event.ends_at, &event.venue, &event.address)
                    != (updated.starts_at, updated.ends_at, &updated.venue, &updated.address);
                if moved && updated.status != EventStatus::Draft {
                    let told = domain::outbox::notify_event(
                        &app.pools().write,
                        domain::outbox::MailKind::ChangedByOrganiser,
                        event.id,
                        Utc::now(),
                    )
                    .await?;
                    detail.push_str(&format!("; {told} registrations told"));
                }
                audit::record(
                    &app.pools().write,
                    staff.user(),
                    audit::Action {
                        event_id: Some(event.id),
                        action: "event.edit",
                        subject: &updated.title_de,
                        detail,
                    },
                    Utc::now(),
                )
                .await?;
                keep_access(&app, &staff, event.id).await?;
                return Ok(Redirect::to(&urls::admin_event(event.id)).into_response());
            }
            Err(SetupError::SlugTaken) => messages.add("slug", t.get("admin-error-slug-taken")),
            Err(SetupError::CapacityBelowTaken(taken)) => {
                messages.add("capacity", t.count("admin-error-capacity-below-taken", "taken", i64::from(taken)));
            }
            Err(SetupError::NotFound) => return Err(WebError::NotFound),
            Err(SetupError::Database(err)) => return Err(err.into()),
        }
    }
    let title = t.with("admin-edit-event", "event", event.title(language));
    let page = EventFormPage::new(t, &staff, title, urls::admin_event_edit(event.id), form, messages);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The fields that changed, for the audit log.
fn changes(before: &Event, after: &Event) -> String {
    let mut changed = Vec::new();
    let mut note = |name: &str, old: String, new: String| {
        if old != new {
            changed.push(format!("{name}: {old} → {new}"));
        }
    };
    note("slug", before.slug.clone(), after.slug.clone());
    note("title_de", before.title_de.clone(), after.title_de.clone());
    note("starts_at", before.starts_at.to_rfc3339(), after.starts_at.to_rfc3339());
    note("ends_at", before.ends_at.to_rfc3339(), after.ends_at.to_rfc3339());
    note("venue", before.venue.clone(), after.venue.clone());
    note("capacity", format!("{:?}", before.capacity), format!("{:?}", after.capacity));
    note("format", format_value(before.format).to_owned(), format_value(after.format).to_owned());
    note("door_overbooking", before.door_overbooking.to_string(), after.door_overbooking.to_string());
    note("retention_days", before.retention_days.to_string(), after.retention_days.to_string());
    note(
        "approval_mode",
        approval_value(before.approval_mode).to_owned(),
        approval_value(after.approval_mode).to_owned(),
    );
    changed.join("; ")
}

#[derive(Deserialize)]
struct StatusForm {
    #[serde(default)]
    status: String,
    /// Cancelling an event is ticked off explicitly.
    confirm: Option<String>,
}

async fn change_status(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<StatusForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    if form.status == "cancelled" && form.confirm.is_none() {
        let notice = super::Notice {
            t,
            nav: Nav::of(&staff),
            title: t.get("admin-cancel-event"),
            text: t.get("admin-cancel-event-unconfirmed"),
            back: urls::admin_event(event.id),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, notice).into_response());
    }
    let (status, action) = match form.status.as_str() {
        "published" => (EventStatus::Published, "event.publish"),
        "cancelled" => (EventStatus::Cancelled, "event.cancel"),
        "draft" => (EventStatus::Draft, "event.unpublish"),
        _ => return Ok(StatusCode::BAD_REQUEST.into_response()),
    };
    event_setup::set_status(&app.pools().write, event.id, status).await?;
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action { event_id: Some(event.id), action, subject: &event.title_de, detail: String::new() },
        Utc::now(),
    )
    .await?;
    app.page_cache().invalidate();
    Ok(Redirect::to(&urls::admin_event(event.id)).into_response())
}

#[derive(Deserialize)]
struct DuplicateForm {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    starts_at: String,
}

async fn duplicate(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<DuplicateForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let slug = form.slug.trim().to_owned();
    let starts_at = parse_local(&form.starts_at, event.zone()).ok().flatten();
    let refusal = |text: String| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            super::Notice {
                t,
                nav: Nav::of(&staff),
                title: t.get("admin-duplicate"),
                text,
                back: urls::admin_event(event.id),
            },
        )
            .into_response()
    };
    let (true, Some(starts_at)) = (event::is_valid_slug(&slug), starts_at) else {
        return Ok(refusal(t.get("admin-error-duplicate")));
    };
    let now = Utc::now();
    match event_setup::duplicate(app.pools(), event.id, slug, starts_at, now).await {
        Ok(copy) => {
            audit::record(
                &app.pools().write,
                staff.user(),
                audit::Action {
                    event_id: Some(copy.id),
                    action: "event.duplicate",
                    subject: &copy.title_de,
                    detail: format!("from {}", event.slug),
                },
                now,
            )
            .await?;
            keep_access(&app, &staff, copy.id).await?;
            Ok(Redirect::to(&urls::admin_event_edit(copy.id)).into_response())
        }
        Err(SetupError::SlugTaken) => Ok(refusal(t.get("admin-error-slug-taken"))),
        Err(SetupError::NotFound | SetupError::CapacityBelowTaken(_)) => Err(WebError::NotFound),
        Err(SetupError::Database(err)) => Err(err.into()),
    }
}
