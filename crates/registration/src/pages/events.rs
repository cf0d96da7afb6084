//! The list of upcoming events and one event's page with its programme.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use domain::event::{self, Event, EventFormat, EventStatus, RegistrationWindow};
use domain::programme::{self, ProgrammeSession, SessionKind};

use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::urls;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(index)).route("/events/{slug}", get(show))
}

/// What every page says about an event, already in the reader's language.
pub struct EventSummary {
    pub slug: String,
    pub title: String,
    /// `Some("de")` when the title is the German one for want of a translation.
    pub title_lang: Option<&'static str>,
    pub description: Vec<String>,
    pub description_lang: Option<&'static str>,
    /// "Only in German", when the title or description is.
    pub fallback_note: Option<String>,
    pub when: String,
    pub format: String,
    pub place: Option<String>,
    pub is_online: bool,
    pub places: Option<String>,
    pub is_full: bool,
    pub is_cancelled: bool,
    /// Why registration is not possible right now, if it is not.
    pub closed_reason: Option<String>,
    pub url: String,
    pub register_url: String,
    pub calendar_url: String,
}

impl EventSummary {
    pub fn new(event: &Event, t: Tr, now: DateTime<Utc>) -> Self {
        let zone = event.zone();
        let place = event.has_venue().then(|| {
            if event.address.is_empty() { event.venue.clone() } else { format!("{}, {}", event.venue, event.address) }
        });
        let closed_reason = match event.registration_window(now) {
            _ if event.status == EventStatus::Cancelled => Some(t.get("event-cancelled")),
            RegistrationWindow::Open if event.is_full() => Some(t.get("event-full")),
            RegistrationWindow::Open => None,
            RegistrationWindow::NotYetOpen(opens) => {
                Some(t.with("registration-not-open-yet", "date", &t.date_time(&opens.with_timezone(&zone))))
            }
            RegistrationWindow::Closed => Some(t.get("registration-closed")),
        };
        EventSummary {
            slug: event.slug.clone(),
            title: event.title(t.language).to_owned(),
            title_lang: t.language.fallback(&event.title_en, &event.title_uk),
            description: paragraphs(event.description(t.language)),
            description_lang: t.language.fallback(&event.description_en, &event.description_uk),
            fallback_note: (t.language.fallback(&event.title_en, &event.title_uk).is_some()
                || (t.language.fallback(&event.description_en, &event.description_uk).is_some()
                    && !event.description_de.trim().is_empty()))
            .then(|| t.get("content-german-only")),
            when: t.span(&event.starts_at.with_timezone(&zone), &event.ends_at.with_timezone(&zone)),
            format: t.get(format_key(event.format)),
            place,
            is_online: event.is_online(),
            places: event.free_places().map(|free| places_text(t, free)),
            is_full: event.is_full(),
            is_cancelled: event.status == EventStatus::Cancelled,
            closed_reason,
            url: urls::event(&event.slug),
            register_url: urls::register(&event.slug),
            calendar_url: urls::event_calendar(&event.slug),
        }
    }
}

/// One programme session as the event page and the form show it.
pub struct SessionSummary {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub time: String,
    pub room: String,
    pub speakers: String,
    pub places: Option<String>,
    pub is_full: bool,
    pub is_choosable: bool,
}

impl SessionSummary {
    pub fn new(session: &ProgrammeSession, event: &Event, t: Tr) -> Self {
        let zone = event.zone();
        SessionSummary {
            id: session.id.to_string(),
            kind: t.get(kind_key(session.kind)),
            title: session.title(t.language).to_owned(),
            title_lang: t.language.fallback(&session.title_en, &session.title_uk),
            time: format!(
                "{}–{}",
                t.time(&session.starts_at.with_timezone(&zone)),
                t.time(&session.ends_at.with_timezone(&zone))
            ),
            room: session.room.clone(),
            speakers: session.speakers.clone(),
            places: session.free_places().map(|free| places_text(t, free)),
            is_full: session.is_full(),
            is_choosable: session.is_choosable(),
        }
    }
}

fn places_text(t: Tr, free: i32) -> String {
    if free == 0 { t.get("places-full") } else { t.count("places-free", "count", i64::from(free)) }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

pub fn format_key(format: EventFormat) -> &'static str {
    match format {
        EventFormat::InPerson => "event-format-in-person",
        EventFormat::Online => "event-format-online",
        EventFormat::Hybrid => "event-format-hybrid",
    }
}

fn kind_key(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Plenary => "session-kind-plenary",
        SessionKind::Forum => "session-kind-forum",
        SessionKind::Workshop => "session-kind-workshop",
        SessionKind::Excursion => "session-kind-excursion",
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "index.html")]
struct IndexPage {
    t: Tr,
    events: Vec<EventSummary>,
    feed_url: String,
}

async fn index(State(app): State<AppState>, Lang(language): Lang) -> Result<Response, WebError> {
    let key = format!("index:{}", language.code());
    if let Some(html) = app.page_cache().get(&key) {
        return Ok(Html(html).into_response());
    }
    let generation = app.page_cache().generation();
    let now = Utc::now();
    let t = Tr::new(language);
    let events = event::published_upcoming(app.db(), now).await?;
    let page = IndexPage {
        t,
        events: events.iter().map(|event| EventSummary::new(event, t, now)).collect(),
        feed_url: urls::calendar_feed(),
    };
    cached(&app, key, generation, &page)
}

/// Renders, keeps the page for a second, and answers with it.
fn cached(app: &AppState, key: String, generation: u64, page: &impl Template) -> Result<Response, WebError> {
    let html = axum::body::Bytes::from(page.render().map_err(|err| WebError::Internal(err.to_string()))?);
    app.page_cache().put(key, generation, html.clone());
    Ok(Html(html).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "event.html")]
struct EventPage {
    t: Tr,
    event: EventSummary,
    sessions: Vec<SessionSummary>,
}

async fn show(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let key = format!("event:{slug}:{}", language.code());
    if let Some(html) = app.page_cache().get(&key) {
        return Ok(Html(html).into_response());
    }
    let generation = app.page_cache().generation();
    let t = Tr::new(language);
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let page = EventPage {
        t,
        sessions: sessions.iter().map(|session| SessionSummary::new(session, &event, t)).collect(),
        event: EventSummary::new(&event, t, Utc::now()),
    };
    cached(&app, key, generation, &page)
}
