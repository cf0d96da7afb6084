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
use domain::registration::RegistrationDetails;
use domain::registration_form as form_rules;
use serde_json::json;
use uuid::Uuid;

use super::events::EventSummary;
use super::manage::load;
use super::register;
use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::urls;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/r/{manage_token}/data.json", get(download))
        .route("/r/{manage_token}/deletion", get(confirm_deletion).post(request_deletion))
}

/// Everything stored about the people of a registration, or only about `only`: details,
/// consents with their wording, answers with the wording shown, sessions, check-ins and
/// e-mails (the contact person's part only when they are included).
pub async fn export(app: &AppState, details: &RegistrationDetails, only: Option<Uuid>) -> Result<Vec<u8>, WebError> {
    let people: Vec<_> =
        details.attendees.iter().filter(|person| only.is_none_or(|id| person.attendee.id == id)).collect();
    let ids: Vec<Uuid> = people.iter().map(|person| person.attendee.id).collect();
    let questions = form_rules::questions(app.db(), details.event.id).await?;
    let answers = form_rules::answers_of(app.db(), &ids).await?;
    let check_ins = domain::checkin::overview(app.db(), details.event.id).await?.check_ins;
    let registration = &details.registration;
    let includes_contact = people.iter().any(|person| person.attendee.position == 0);
    let mails =
        if includes_contact { domain::outbox::for_registration(app.db(), registration.id).await? } else { Vec::new() };
    let people: Vec<serde_json::Value> = people
        .iter()
        .map(|person| {
            let attendee = &person.attendee;
            json!({
                "first_name": attendee.first_name,
                "last_name": attendee.last_name,
                "email": attendee.email,
                "organisation": attendee.organisation,
                "organisation_type": register::organisation_type_value(attendee.organisation_type),
                "partner_municipality": attendee.partner_municipality,
                "data_processing_consent_at": attendee.data_consent_at,
                "data_processing_consent_wording": registration.consent_wording,
                "registered_at": attendee.created_at,
                "cancelled_at": attendee.cancelled_at,
                "programme_sessions": person.sessions.iter().map(|session| session.title_de.clone()).collect::<Vec<_>>(),
                "waiting_for_sessions": person.waiting_for.iter().map(|session| session.title_de.clone()).collect::<Vec<_>>(),
                "answers": answers.iter().filter(|answer| answer.attendee_id == attendee.id).map(|answer| json!({
                    "question": questions.iter().find(|q| q.id == answer.question_id).map(|q| q.label_de.clone()),
                    "answer": answer.value,
                    "wording_shown": answer.wording,
                    "answered_at": answer.answered_at,
                })).collect::<Vec<_>>(),
                "check_ins": check_ins.iter().filter(|check_in| check_in.attendee_id == attendee.id).map(|check_in| json!({
                    "at": check_in.checked_in_at,
                    "scope": check_in.scope,
                    "method": check_in.method,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut registration_part = json!({
        "status": domain::attendee_list::status_code(registration.status),
        "language": registration.language,
        "registered_at": registration.created_at,
        "deletion_requested_at": registration.deletion_requested_at,
    });
    if includes_contact {
        registration_part["contact_email"] = json!(registration.contact_email);
    }
    let export = json!({
        "event": { "title": details.event.title_de, "starts_at": details.event.starts_at, "slug": details.event.slug },
        "registration": registration_part,
        "attendees": people,
        "emails": mails.iter().map(|mail| json!({
            "kind": mail.kind,
            "queued_at": mail.created_at,
            "sent_at": mail.sent_at,
        })).collect::<Vec<_>>(),
    });
    serde_json::to_vec_pretty(&export).map_err(|err| WebError::Internal(format!("json: {err}")))
}

/// Middleware for responses that carry people's data (the back office, the door's API):
/// neither the browser nor anything between may store them.
pub async fn not_stored(mut response: Response) -> Response {
    response
        .headers_mut()
        .entry(axum::http::header::CACHE_CONTROL)
        .or_insert(axum::http::HeaderValue::from_static("private, no-store"));
    response
}

/// A file about people to save, never kept by a cache on the way.
pub fn private_download(content_type: &'static str, file_name: &str, body: Vec<u8>) -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
            (axum::http::header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// Everything stored about people, as a JSON file to save.
pub fn json_download(body: Vec<u8>, file_name: &str) -> Response {
    private_download("application/json; charset=utf-8", file_name, body)
}

async fn download(State(app): State<AppState>, Path(manage_token): Path<String>) -> Result<Response, WebError> {
    let details = load(&app, &manage_token).await?;
    let everyone =
        domain::registration::with_everyone(app.db(), details.registration.id).await?.ok_or(WebError::NotFound)?;
    let body = export(&app, &everyone, None).await?;
    domain::privacy::record_by_participant(
        &app.pools().write,
        details.event.id,
        "privacy.download",
        format!("registration:{}", details.registration.id),
        Utc::now(),
    )
    .await?;
    Ok(json_download(body, "treffpunkt-daten.json"))
}

#[derive(Template, WebTemplate)]
#[template(path = "deletion.html")]
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
    let details = load(&app, &manage_token).await?;
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
    let details = load(&app, &manage_token).await?;
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
