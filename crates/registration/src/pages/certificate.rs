//! Certificates of attendance as PDF: downloaded from the registration page by people
//! who were checked in, once the event is over, and mailed by organisers in one step.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;
use documents::certificate::{certificate_text, file_name, render};
use domain::certificate;

use super::manage::load;
use site::AppState;
use site::download::private_download;
use site::error::WebError;
use site::i18n::{Lang, Tr};

pub fn routes() -> Router<AppState> {
    Router::new().route("/r/{manage_token}/certificates/{index}", get(download))
}

async fn download(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path((manage_token, index)): Path<(String, usize)>,
) -> Result<Response, WebError> {
    let details = load(&app, &manage_token).await?;
    let person = details.attendees.get(index).ok_or(WebError::NotFound)?;
    if !certificate::issued_for(&details.event, Utc::now()) {
        return Err(WebError::NotFound);
    }
    let attendance = certificate::attendances(app.db(), &details)
        .await?
        .into_iter()
        .find(|attendance| attendance.attendee.id == person.attendee.id)
        .ok_or(WebError::NotFound)?;
    let bytes =
        render(certificate_text(Tr::new(language), &details.event, &attendance)).await.map_err(WebError::internal)?;
    Ok(private_download("application/pdf", &file_name(&details.event, index), bytes))
}
