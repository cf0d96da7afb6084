//! QR ticket images, rendered on demand from the signed token (never stored), and
//! cacheable: the ETag changes only when the ticket is re-issued.

use std::io::Cursor;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use domain::registration::RegistrationStatus;
use domain::ticket::Ticket;
use qrcode::{EcLevel, QrCode};
use serde::Deserialize;

use super::manage::load;
use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/r/{manage_token}/ticket.svg", get(svg)).route("/r/{manage_token}/ticket.png", get(png))
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
        Format::Svg => ([(CONTENT_TYPE, "image/svg+xml")], cache, render_svg(&token)?).into_response(),
        Format::Png => ([(CONTENT_TYPE, "image/png")], cache, render_png(&token)?).into_response(),
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

/// Level M: survives a crease or a cracked phone screen and keeps the code at version 8.
fn qr_code(token: &str) -> Result<QrCode, WebError> {
    QrCode::with_error_correction_level(token.as_bytes(), EcLevel::M)
        .map_err(|err| WebError::Internal(format!("QR code: {err}")))
}

pub fn render_svg(token: &str) -> Result<String, WebError> {
    Ok(qr_code(token)?.render::<qrcode::render::svg::Color>().min_dimensions(296, 296).quiet_zone(true).build())
}

pub fn render_png(token: &str) -> Result<Vec<u8>, WebError> {
    use image::ImageEncoder as _;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};

    let image = qr_code(token)?.render::<image::Luma<u8>>().min_dimensions(400, 400).quiet_zone(true).build();
    let mut bytes = Vec::with_capacity(16 * 1024);
    // Fast compression: a black-and-white grid compresses well anyway, and the default
    // level made encoding most of the request's time (bench/RESULTS.md).
    PngEncoder::new_with_quality(Cursor::new(&mut bytes), CompressionType::Fast, FilterType::NoFilter)
        .write_image(image.as_raw(), image.width(), image.height(), image::ExtendedColorType::L8)
        .map_err(|err| WebError::Internal(format!("PNG: {err}")))?;
    Ok(bytes)
}
