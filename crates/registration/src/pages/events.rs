//! The list of upcoming events and one event's page with its programme.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use documents::event_summary::{EventSummary, SessionSummary};
use domain::event;
use domain::programme;

use site::AppState;
use site::caches::{Scope, Snapshot};
use site::error::WebError;
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(index)).route("/events/{slug}", get(show))
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/index.html")]
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
    let snapshot = app.page_cache().snapshot();
    let now = Utc::now();
    let t = Tr::new(language);
    let events = event::published_upcoming(app.db(), now).await?;
    let page = IndexPage {
        t,
        events: events.iter().map(|event| EventSummary::new(event, t, now)).collect(),
        feed_url: urls::calendar_feed(),
    };
    cached(&app, key, snapshot, Scope::AllEvents, &page)
}

/// Renders, keeps the page for a second, and answers with it.
fn cached(
    app: &AppState,
    key: String,
    snapshot: Snapshot,
    scope: Scope,
    page: &impl Template,
) -> Result<Response, WebError> {
    let html = axum::body::Bytes::from(page.render().map_err(|err| WebError::Internal(err.to_string()))?);
    app.page_cache().put(key, snapshot, scope, html.clone());
    Ok(Html(html).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/event.html")]
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
    let snapshot = app.page_cache().snapshot();
    let t = Tr::new(language);
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let page = EventPage {
        t,
        sessions: sessions.iter().map(|session| SessionSummary::new(session, &event, t)).collect(),
        event: EventSummary::new(&event, t, Utc::now()),
    };
    cached(&app, key, snapshot, Scope::Event(event.id), &page)
}
