//! The participants' rights over their data (GDPR Art. 15, 17, 20): downloading
//! everything stored about the people of a registration, and asking for its erasure,
//! which organisers then carry out. Organisers export one person with the same JSON.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::Utc;
use documents::event_summary::EventSummary;
use site::download::json_download;

use super::manage::load;
use site::AppState;
use site::error::WebError;
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/r/{manage_token}/data.json", get(download))
        .route("/r/{manage_token}/deletion", get(confirm_deletion).post(request_deletion))
}

async fn download(State(app): State<AppState>, Path(manage_token): Path<String>) -> Result<Response, WebError> {
    let details = load(&app, &manage_token).await?;
    let everyone =
        domain::registration::with_everyone(app.db(), details.registration.id).await?.ok_or(WebError::NotFound)?;
    // A member's own link gives their own data only.
    let everyone = match details.member {
        Some(member) => everyone.for_member(member).ok_or(WebError::NotFound)?,
        None => everyone,
    };
    let data = documents::personal_data::export(app.db(), &everyone, None).await?;
    domain::privacy::record_by_participant(
        &app.pools().write,
        details.event.id,
        "privacy.download",
        format!("registration:{}", details.registration.id),
        Utc::now(),
    )
    .await?;
    json_download(&data, "treffpunkt-daten.json")
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/deletion.html")]
struct DeletionPage {
    t: Tr,
    event: EventSummary,
    names: Vec<String>,
    deletion_url: String,
    manage_url: String,
    /// The event is still ahead: erasing gives up the places.
    cancels_places: bool,
}

async fn confirm_deletion(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(manage_token): Path<String>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let details = super::manage::load_whole(&app, &manage_token).await?;
    if details.registration.deletion_requested_at.is_some() {
        return Ok(Redirect::to(&urls::manage(&manage_token)).into_response());
    }
    let now = Utc::now();
    Ok(DeletionPage {
        t,
        event: EventSummary::new(&details.event, t, now),
        names: details.attendees.iter().map(|attendee| attendee.attendee.full_name()).collect(),
        deletion_url: urls::deletion(&manage_token),
        manage_url: urls::manage(&manage_token),
        cancels_places: now < details.event.ends_at
            && details.registration.status != domain::registration::RegistrationStatus::Cancelled,
    }
    .into_response())
}

async fn request_deletion(State(app): State<AppState>, Path(manage_token): Path<String>) -> Result<Response, WebError> {
    let details = super::manage::load_whole(&app, &manage_token).await?;
    let now = Utc::now();
    // Asking twice records the first time only.
    if domain::privacy::request_deletion(&app.pools().write, details.registration.id, now).await? {
        domain::privacy::record_by_participant(
            &app.pools().write,
            details.event.id,
            "privacy.deletion_request",
            format!("registration:{}", details.registration.id),
            now,
        )
        .await?;
        app.page_cache().invalidate();
    }
    Ok(Redirect::to(&urls::manage(&manage_token)).into_response())
}
