//! Calendar files to download: one public event, the feed of all published events, and
//! a registration's own file (written by `documents::calendar`).

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use domain::event;

use super::manage::load;
use documents::calendar;
use site::AppState;
use site::error::WebError;
use site::i18n::{Lang, Tr};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/calendar.ics", get(feed))
        .route("/events/{slug}/calendar.ics", get(one_event))
        .route("/r/{manage_token}/calendar.ics", get(registration_calendar))
}

async fn feed(State(app): State<AppState>, Lang(language): Lang) -> Result<Response, WebError> {
    let events = event::published(app.db()).await?;
    Ok(calendar_response(calendar::feed_text(app.public_url(), &events, Tr::new(language)), None))
}

async fn one_event(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let event = event::public_by_slug(app.db(), &slug).await?.ok_or(WebError::NotFound)?;
    Ok(calendar_response(calendar::event_text(app.public_url(), &event, Tr::new(language)), Some(&event.slug)))
}

async fn registration_calendar(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(manage_token): Path<String>,
) -> Result<Response, WebError> {
    let details = load(&app, &manage_token).await?;
    let text = calendar::registration_text(app.public_url(), &details, Tr::new(language));
    Ok(calendar_response(text, Some(&details.event.slug)))
}

fn calendar_response(body: String, download_name: Option<&str>) -> Response {
    let mut response =
        ([(CONTENT_TYPE, "text/calendar; charset=utf-8"), (CACHE_CONTROL, "private, max-age=300")], body)
            .into_response();
    if let Some(name) = download_name
        && let Ok(value) = format!("attachment; filename=\"{name}.ics\"").parse()
    {
        response.headers_mut().insert(CONTENT_DISPOSITION, value);
    }
    response
}
