//! QR ticket images, rendered on demand from the signed token (never stored), and
//! cacheable: the ETag changes only when the ticket is re-issued.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use documents::qr::{render_png, render_svg};
use domain::registration::RegistrationStatus;
use domain::ticket::Ticket;
use serde::Deserialize;

use super::manage::load;
use site::AppState;
use site::error::WebError;
use site::i18n::{Lang, Tr};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/r/{manage_token}/ticket.svg", get(svg))
        .route("/r/{manage_token}/ticket.png", get(png))
        .route("/r/{manage_token}/ticket.pdf", get(pdf))
}

/// One person's ticket to print or forward: QR code, name, event, date and place.
async fn pdf(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(manage_token): Path<String>,
    Query(which): Query<WhichAttendee>,
) -> Result<Response, WebError> {
    let details = load(&app, &manage_token).await?;
    if details.registration.status != RegistrationStatus::Confirmed {
        return Err(WebError::NotFound);
    }
    let index = match which.attendee.as_deref() {
        None => 0,
        Some(raw) => raw.parse::<usize>().map_err(|_| WebError::NotFound)?,
    };
    let person = details.attendees.get(index).ok_or(WebError::NotFound)?;
    let ticket = person.ticket.as_ref().ok_or(WebError::NotFound)?;
    let code = app.signer().token_for(ticket);
    let page = documents::ticket::page(Tr::new(language), &details.event, &person.attendee, &code)
        .map_err(WebError::internal)?;
    let bytes = documents::ticket::render(page).await.map_err(WebError::internal)?;
    let file_name = documents::ticket::file_name(&details.event, &person.attendee);
    Ok(site::download::private_download("application/pdf", &file_name, bytes))
}

#[derive(Deserialize)]
struct WhichAttendee {
    attendee: Option<String>,
}

#[derive(Clone, Copy)]
enum Format {
    Svg,
    Png,
}

async fn svg(
    State(app): State<AppState>,
    Path(manage_token): Path<String>,
    Query(which): Query<WhichAttendee>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    ticket_image(&app, &manage_token, which, &headers, Format::Svg).await
}

async fn png(
    State(app): State<AppState>,
    Path(manage_token): Path<String>,
    Query(which): Query<WhichAttendee>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    ticket_image(&app, &manage_token, which, &headers, Format::Png).await
}

async fn ticket_image(
    app: &AppState,
    manage_token: &str,
    which: WhichAttendee,
    headers: &HeaderMap,
    format: Format,
) -> Result<Response, WebError> {
    let details = load(app, manage_token).await?;
    if details.registration.status != RegistrationStatus::Confirmed {
        return Err(WebError::NotFound);
    }
    let index = match which.attendee.as_deref() {
        None => 0,
        Some(raw) => raw.parse::<usize>().map_err(|_| WebError::NotFound)?,
    };
    let ticket =
        details.attendees.get(index).and_then(|attendee| attendee.ticket.as_ref()).ok_or(WebError::NotFound)?;
    let etag = etag(ticket, format);
    let cache = [(CACHE_CONTROL, "private, max-age=300, must-revalidate".to_owned()), (ETAG, etag.clone())];
    if headers.get(IF_NONE_MATCH).and_then(|value| value.to_str().ok()).is_some_and(|value| value.contains(&etag)) {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    let token = app.signer().token_for(ticket);
    let response = match format {
        Format::Svg => {
            ([(CONTENT_TYPE, "image/svg+xml")], cache, render_svg(&token).map_err(WebError::internal)?).into_response()
        }
        Format::Png => {
            ([(CONTENT_TYPE, "image/png")], cache, render_png(&token).map_err(WebError::internal)?).into_response()
        }
    };
    Ok(response)
}

fn etag(ticket: &Ticket, format: Format) -> String {
    let extension = match format {
        Format::Svg => "svg",
        Format::Png => "png",
    };
    format!("\"{}-{}-{extension}\"", ticket.id.simple(), ticket.version)
}
