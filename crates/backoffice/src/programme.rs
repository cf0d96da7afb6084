//! The programme of one event: sessions listed in time order, added, reordered among
//! parallel sessions, and removed (with a warning and a confirmation when attendees
//! chose the session).

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use domain::audit;
use domain::person::{MAX_TEXT_CHARS, clean_optional_text, clean_text};
use domain::programme::{self, ProgrammeSession, SessionDraft, SessionKind};
use serde::Deserialize;
use uuid::Uuid;

use super::event_pages::{EventLinks, load_event};
use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::form::{Choice, FormErrors};
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/programme", Access::Organiser, list)
        .post("/admin/events/{event}/programme", Access::Organiser, add)
        .get("/admin/events/{event}/programme/{session}/edit", Access::Organiser, edit_form)
        .post("/admin/events/{event}/programme/{session}/edit", Access::Organiser, save)
        .post("/admin/events/{event}/programme/{session}/move", Access::Organiser, move_session)
        .post("/admin/events/{event}/programme/{session}/remove", Access::Organiser, remove)
}

const KINDS: [(SessionKind, &str); 4] = [
    (SessionKind::Plenary, "plenary"),
    (SessionKind::Forum, "forum"),
    (SessionKind::Workshop, "workshop"),
    (SessionKind::Excursion, "excursion"),
];

pub struct SessionLine {
    pub title: String,
    pub kind: String,
    pub time: String,
    pub room: String,
    pub speakers: String,
    pub places: String,
    pub chosen: u64,
    pub move_url: String,
    pub remove_url: String,
    pub edit_url: String,
    pub field_id: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct SessionForm {
    kind: String,
    title_de: String,
    title_en: String,
    title_uk: String,
    room: String,
    speakers: String,
    starts_at: String,
    ends_at: String,
    capacity: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/programme.html")]
struct ProgrammePage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    links: EventLinks,
    sessions: Vec<SessionLine>,
    kinds: Vec<Choice>,
    form: SessionForm,
    messages: FormErrors,
    add_url: String,
    /// "New session", or "Edit …" when the form holds an existing session.
    form_title: String,
    submit_label: String,
    /// The session whose removal waits for a confirmation, with its warning.
    warning: Option<String>,
}

async fn page(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    event_id: Uuid,
    form: SessionForm,
    messages: FormErrors,
) -> Result<ProgrammePage, WebError> {
    let event = load_event(app, event_id).await?;
    let zone = event.zone();
    let mut sessions = Vec::new();
    for session in programme::for_event(app.db(), event.id).await? {
        let kind = KINDS.iter().find(|(kind, _)| *kind == session.kind).map_or("forum", |(_, value)| value);
        sessions.push(SessionLine {
            title: session.title(t.language).to_owned(),
            kind: t.get(&format!("session-kind-{kind}")),
            time: t.span(&session.starts_at.with_timezone(&zone), &session.ends_at.with_timezone(&zone)),
            room: session.room.clone(),
            speakers: session.speakers.clone(),
            places: session
                .capacity
                .map_or_else(|| "–".to_owned(), |capacity| format!("{} / {capacity}", session.taken)),
            chosen: programme::chosen_by(app.db(), session.id).await?,
            move_url: urls::admin_programme_action(event.id, session.id, "move"),
            remove_url: urls::admin_programme_action(event.id, session.id, "remove"),
            edit_url: urls::admin_programme_action(event.id, session.id, "edit"),
            field_id: session.id.simple().to_string(),
        });
    }
    let kinds = KINDS
        .iter()
        .map(|(_, value)| Choice::new(*value, t.get(&format!("session-kind-{value}")), form.kind == *value))
        .collect();
    Ok(ProgrammePage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-programme-of", "event", event.title(t.language)),
        links: EventLinks::of(event.id),
        sessions,
        kinds,
        form,
        messages,
        add_url: urls::admin_programme(event.id),
        form_title: t.get("admin-session-new"),
        submit_label: t.get("admin-session-add"),
        warning: None,
    })
}

async fn list(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
) -> Result<ProgrammePage, WebError> {
    let t = Tr::new(language);
    page(&app, t, &staff, event_id, SessionForm { kind: "forum".into(), ..SessionForm::default() }, FormErrors::new(t))
        .await
}

impl SessionForm {
    fn of(session: &ProgrammeSession, zone: chrono_tz::Tz) -> Self {
        let local = |at: chrono::DateTime<Utc>| at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string();
        SessionForm {
            kind: KINDS.iter().find(|(kind, _)| *kind == session.kind).map_or("forum", |(_, value)| value).to_owned(),
            title_de: session.title_de.clone(),
            title_en: session.title_en.clone(),
            title_uk: session.title_uk.clone(),
            room: session.room.clone(),
            speakers: session.speakers.clone(),
            starts_at: local(session.starts_at),
            ends_at: local(session.ends_at),
            capacity: session.capacity.map(|capacity| capacity.to_string()).unwrap_or_default(),
        }
    }

    /// The draft, or one message per refused field.
    fn parse(&self, t: Tr, zone: chrono_tz::Tz, messages: &mut FormErrors) -> Option<SessionDraft> {
        let kind = KINDS.iter().find(|(_, value)| *value == self.kind).map(|(kind, _)| *kind);
        if kind.is_none() {
            messages.add("kind", t.get("error-invalid-choice"));
        }
        let title_de = messages.take("title_de", clean_text(&self.title_de, MAX_TEXT_CHARS));
        let title_en = messages.take("title_en", clean_optional_text(&self.title_en, MAX_TEXT_CHARS));
        let title_uk = messages.take("title_uk", clean_optional_text(&self.title_uk, MAX_TEXT_CHARS));
        let room = messages.take("room", clean_optional_text(&self.room, MAX_TEXT_CHARS));
        let speakers = messages.take("speakers", clean_optional_text(&self.speakers, MAX_TEXT_CHARS));
        let starts_at = messages.take("starts_at", super::event_form::parse_required_local(&self.starts_at, zone));
        let ends_at = messages.take("ends_at", super::event_form::parse_required_local(&self.ends_at, zone));
        if let (Some(starts_at), Some(ends_at)) = (starts_at, ends_at)
            && ends_at <= starts_at
        {
            messages.add("ends_at", t.get("admin-error-ends-before-start"));
        }
        let capacity = messages.capacity("capacity", &self.capacity);
        if !messages.is_empty() {
            return None;
        }
        Some(SessionDraft {
            kind: kind?,
            title_de: title_de?,
            title_en: title_en?,
            title_uk: title_uk?,
            room: room?,
            speakers: speakers?,
            starts_at: starts_at?,
            ends_at: ends_at?,
            capacity: capacity?,
        })
    }
}

async fn add(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<SessionForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let mut messages = FormErrors::new(t);
    let Some(draft) = form.parse(t, event.zone(), &mut messages) else {
        let page = page(&app, t, &staff, event.id, form, messages).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let session = programme::add(&app.pools().write, event.id, draft).await?;
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action {
            event_id: Some(event.id),
            action: "programme.add",
            subject: &session.title_de,
            detail: String::new(),
        },
        Utc::now(),
    )
    .await?;
    Ok(Redirect::to(&urls::admin_programme(event.id)).into_response())
}

async fn session_of_event(app: &AppState, event_id: Uuid, session_id: Uuid) -> Result<ProgrammeSession, WebError> {
    programme::for_event(app.db(), event_id)
        .await?
        .into_iter()
        .find(|session| session.id == session_id)
        .ok_or(WebError::NotFound)
}

/// The programme page with the form filled in for one session.
async fn editing(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    session: &ProgrammeSession,
    form: SessionForm,
    messages: FormErrors,
) -> Result<ProgrammePage, WebError> {
    let mut page = page(app, t, staff, session.event_id, form, messages).await?;
    page.form_title = t.with("admin-session-edit", "session", session.title(t.language));
    page.submit_label = t.get("admin-save");
    page.add_url = urls::admin_programme_action(session.event_id, session.id, "edit");
    Ok(page)
}

async fn edit_form(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, session_id)): Path<(Uuid, Uuid)>,
) -> Result<ProgrammePage, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let session = session_of_event(&app, event.id, session_id).await?;
    let form = SessionForm::of(&session, event.zone());
    editing(&app, t, &staff, &session, form, FormErrors::new(t)).await
}

async fn save(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, session_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<SessionForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let session = session_of_event(&app, event.id, session_id).await?;
    let mut messages = FormErrors::new(t);
    if let Some(draft) = form.parse(t, event.zone(), &mut messages) {
        if programme::update(&app.pools().write, session.id, draft).await? {
            audit::record(
                &app.pools().write,
                staff.user(),
                audit::Action {
                    event_id: Some(event.id),
                    action: "programme.edit",
                    subject: &session.title_de,
                    detail: String::new(),
                },
                Utc::now(),
            )
            .await?;
            return Ok(Redirect::to(&urls::admin_programme(event.id)).into_response());
        }
        messages.add("capacity", t.count("admin-error-capacity-below-taken", "taken", i64::from(session.taken)));
    }
    let page = editing(&app, t, &staff, &session, form, messages).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MoveForm {
    direction: String,
}

async fn move_session(
    State(app): State<AppState>,
    Path((event_id, session_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    programme::move_session(&app.pools().write, event_id, session_id, form.direction == "up").await?;
    Ok(Redirect::to(&urls::admin_programme(event_id)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RemoveForm {
    confirm: Option<String>,
}

async fn remove(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, session_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let Some(session) =
        programme::for_event(app.db(), event_id).await?.into_iter().find(|session| session.id == session_id)
    else {
        return Err(WebError::NotFound);
    };
    let chosen = programme::chosen_by(app.db(), session.id).await?;
    if chosen > 0 && form.confirm.is_none() {
        let mut page = page(
            &app,
            t,
            &staff,
            event_id,
            SessionForm { kind: "forum".into(), ..SessionForm::default() },
            FormErrors::new(t),
        )
        .await?;
        page.warning = Some(t.count("admin-session-remove-warning", "count", chosen as i64));
        page.warning = page.warning.map(|warning| format!("{warning} ({})", session.title(language)));
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    programme::remove(&app.pools().write, session.id).await?;
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action {
            event_id: Some(event_id),
            action: "programme.remove",
            subject: &session.title_de,
            detail: format!("chosen by {chosen}"),
        },
        Utc::now(),
    )
    .await?;
    Ok(Redirect::to(&urls::admin_programme(event_id)).into_response())
}
