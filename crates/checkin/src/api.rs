//! The check-in API, a stable contract for the door page and any scanner app:
//!
//! `POST /api/v1/checkin/redeem`, `Authorization: Bearer DEVICE_TOKEN`,
//! `{"token": "...", "scan_id": "...", "session": null}` → `200 {"result": ..., "attendee":
//! ..., "checked_in_at": ..., "device": ...}`. Every scan outcome is a 200; 401 for a
//! missing or revoked device token; 400 for malformed JSON or an unusable field.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::Query;
use axum::extract::State;
use axum::http::header::WWW_AUTHENTICATE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use domain::checkin::{self, Presented, ScanError, ScanRequest};
use domain::door::{self, DoorDevice};
use site::AppState;
use site::caches::only_event;
use site::error::WebError;
use site::i18n::{Lang, Tr};
use site::rate_limit::ClientIp;

use crate::walk_in::WalkInRefusal;
use serde::Deserialize;
use uuid::Uuid;

pub const REDEEM_PATH: &str = "/api/v1/checkin/redeem";
pub const SEARCH_PATH: &str = "/api/v1/checkin/attendees";
pub const MANUAL_PATH: &str = "/api/v1/checkin/manual";
pub const RECENT_PATH: &str = "/api/v1/checkin/recent";
pub const UNDO_PATH: &str = "/api/v1/checkin/undo";
pub const WALK_IN_PATH: &str = "/api/v1/checkin/walk-in";
pub const OFFLINE_PATH: &str = "/api/v1/checkin/offline";

/// The door shows this many recent scans.
pub const RECENT_LIMIT: u64 = 20;

/// At most this many names answer a search.
pub const SEARCH_LIMIT: u64 = 20;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(REDEEM_PATH, post(redeem))
        .route(SEARCH_PATH, get(search))
        .route(MANUAL_PATH, post(manual))
        .route(RECENT_PATH, get(recent))
        .route(UNDO_PATH, post(undo))
        .route(WALK_IN_PATH, post(walk_in))
        .route(OFFLINE_PATH, get(offline))
        .route_layer(axum::middleware::map_response(site::download::not_stored))
}

#[derive(Debug, Deserialize)]
struct RedeemBody {
    token: String,
    scan_id: String,
    #[serde(default)]
    session: Option<String>,
    /// When the device let the person in while offline (sent with the queued scan).
    #[serde(default)]
    offline_at: Option<chrono::DateTime<Utc>>,
}

/// An API error: a stable code for programs and a sentence for people.
fn api_error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": code, "message": message }))).into_response()
}

fn rate_limited(wait: std::time::Duration) -> Response {
    let mut response =
        api_error(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "Too many requests; retry after the given seconds.");
    if let Ok(value) = wait.as_secs().to_string().parse() {
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, value);
    }
    response
}

fn unauthorised() -> Response {
    let mut response = api_error(
        StatusCode::UNAUTHORIZED,
        "unauthorised",
        "A valid door device token is required: Authorization: Bearer DEVICE_TOKEN.",
    );
    response.headers_mut().insert(WWW_AUTHENTICATE, axum::http::HeaderValue::from_static("Bearer"));
    response
}

/// The device behind the `Authorization: Bearer` header, if it is active.
pub async fn authorised_device(app: &AppState, headers: &HeaderMap) -> Result<Option<DoorDevice>, WebError> {
    let Some(token) = bearer(headers) else {
        return Ok(None);
    };
    Ok(app.door_device(token).await?)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
}

/// The revoked device behind the request, if that is why it was refused.
async fn revoked_device(app: &AppState, headers: &HeaderMap) -> Result<Option<DoorDevice>, WebError> {
    match bearer(headers) {
        Some(token) => Ok(door::revoked_by_token(app.db(), token).await?),
        None => Ok(None),
    }
}

/// A scan refused because its device was revoked is kept for the organisers' check-in
/// overview (who may have been let in offline by a lost or blocked device).
async fn record_if_revoked(
    app: &AppState,
    headers: &HeaderMap,
    refused_with: StatusCode,
    scan: impl FnOnce() -> Option<ScanRequest>,
) -> Result<(), WebError> {
    if refused_with != StatusCode::UNAUTHORIZED {
        return Ok(());
    }
    if let (Some(device), Some(request)) = (revoked_device(app, headers).await?, scan()) {
        checkin::record_blocked_scan(app.db(), app.verifier(), &device, &request, Utc::now()).await?;
    }
    Ok(())
}

async fn redeem(
    State(app): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let device = match scanning_device(&app, client, &headers).await? {
        Ok(device) => device,
        Err(refusal) => {
            record_if_revoked(&app, &headers, refusal.status(), || {
                let body: RedeemBody = serde_json::from_slice(&body).ok()?;
                Some(ScanRequest {
                    programme_session_id: parse_session(body.session.as_deref()).ok().flatten(),
                    presented: Presented::Token(body.token),
                    scan_id: body.scan_id,
                    offline_at: body.offline_at,
                })
            })
            .await?;
            return Ok(refusal);
        }
    };
    let body: RedeemBody = match serde_json::from_slice(&body) {
        Ok(body) => body,
        Err(err) => {
            return Ok(api_error(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                &format!(
                    "The body must be JSON like {{\"token\": \"…\", \"scan_id\": \"…\", \"session\": null}}: {err}"
                ),
            ));
        }
    };
    let Ok(programme_session_id) = parse_session(body.session.as_deref()) else {
        return Ok(invalid_session());
    };
    let request = ScanRequest {
        presented: Presented::Token(body.token),
        scan_id: body.scan_id,
        programme_session_id,
        offline_at: body.offline_at,
    };
    only_event(device.event_id, answer(&app, &device, &request).await)
}

/// Redeems and answers as the API does for every way in (scan or name).
async fn answer(app: &AppState, device: &DoorDevice, request: &ScanRequest) -> Result<Response, WebError> {
    match checkin::redeem(app.pools(), app.verifier(), device, request, Utc::now()).await {
        Ok(answer) => {
            app.metrics().check_in(answer.result.code());
            Ok(Json(answer).into_response())
        }
        Err(ScanError::InvalidScanId) => Ok(api_error(
            StatusCode::BAD_REQUEST,
            "invalid_scan_id",
            "scan_id must be 1 to 100 printable ASCII characters, unique per scan on this device.",
        )),
        Err(ScanError::UnknownSession) => Ok(api_error(
            StatusCode::BAD_REQUEST,
            "unknown_session",
            "This programme session does not belong to the device's event.",
        )),
        Err(ScanError::Database(err)) => Err(WebError::Database(err)),
    }
}

#[derive(Debug, Deserialize)]
struct SearchQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    session: Option<String>,
}

/// `null`, absent or empty: the entrance; otherwise a programme session id.
fn parse_session(raw: Option<&str>) -> Result<Option<Uuid>, uuid::Error> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(raw) => Uuid::parse_str(raw).map(Some),
    }
}

fn invalid_session() -> Response {
    api_error(StatusCode::BAD_REQUEST, "invalid_session", "session must be a programme session id or null.")
}

/// `GET /api/v1/checkin/attendees?q=NAME&session=ID`: expected attendees whose name or
/// organisation contains `q` (two characters at least), with their check-in time.
async fn search(
    State(app): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    query: Result<Query<SearchQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, WebError> {
    let device = match device_or_refusal(&app, client, &headers).await? {
        Ok(device) => device,
        Err(refusal) => return Ok(refusal),
    };
    let Ok(Query(query)) = query else {
        return Ok(api_error(StatusCode::BAD_REQUEST, "invalid_query", "Use ?q=NAME and optionally &session=ID."));
    };
    if query.q.trim().chars().count() > checkin::MAX_SEARCH_CHARS {
        return Ok(api_error(StatusCode::BAD_REQUEST, "query_too_long", "q is longer than any name (200 characters)."));
    }
    let Ok(session) = parse_session(query.session.as_deref()) else {
        return Ok(invalid_session());
    };
    let attendees = checkin::search_attendees(app.db(), &device, &query.q, session, SEARCH_LIMIT).await?;
    Ok(Json(serde_json::json!({ "attendees": attendees })).into_response())
}

#[derive(Debug, Deserialize)]
struct ManualBody {
    attendee: String,
    scan_id: String,
    #[serde(default)]
    session: Option<String>,
    #[serde(default)]
    offline_at: Option<chrono::DateTime<Utc>>,
}

/// `POST /api/v1/checkin/manual`: checks in the attendee door staff picked by name,
/// exactly once like a scan, recorded as manual.
async fn manual(
    State(app): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let device = match scanning_device(&app, client, &headers).await? {
        Ok(device) => device,
        Err(refusal) => {
            record_if_revoked(&app, &headers, refusal.status(), || {
                let body: ManualBody = serde_json::from_slice(&body).ok()?;
                Some(ScanRequest {
                    presented: Presented::Attendee(Uuid::parse_str(body.attendee.trim()).ok()?),
                    programme_session_id: parse_session(body.session.as_deref()).ok().flatten(),
                    scan_id: body.scan_id,
                    offline_at: body.offline_at,
                })
            })
            .await?;
            return Ok(refusal);
        }
    };
    let Ok(body) = serde_json::from_slice::<ManualBody>(&body) else {
        return Ok(api_error(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "The body must be JSON like {\"attendee\": \"…\", \"scan_id\": \"…\", \"session\": null}.",
        ));
    };
    let Ok(attendee) = Uuid::parse_str(body.attendee.trim()) else {
        return Ok(api_error(StatusCode::BAD_REQUEST, "invalid_attendee", "attendee must be an attendee id."));
    };
    let Ok(programme_session_id) = parse_session(body.session.as_deref()) else {
        return Ok(invalid_session());
    };
    let request = ScanRequest {
        presented: Presented::Attendee(attendee),
        scan_id: body.scan_id,
        programme_session_id,
        offline_at: body.offline_at,
    };
    only_event(device.event_id, answer(&app, &device, &request).await)
}

/// The device behind the request, or the answer to give: 401, or 429 once guessing
/// device tokens used up this address's tries.
async fn device_or_refusal(
    app: &AppState,
    client: ClientIp,
    headers: &HeaderMap,
) -> Result<Result<DoorDevice, Response>, WebError> {
    match authorised_device(app, headers).await? {
        Some(device) => Ok(Ok(device)),
        // A revoked device's token is known, not guessed: it costs no tries.
        None if revoked_device(app, headers).await?.is_some() => Ok(Err(unauthorised())),
        None => Ok(Err(match app.limits().door_auth_failures.check(&client.key()) {
            Err(wait) => rate_limited(wait),
            Ok(()) => unauthorised(),
        })),
    }
}

/// `GET /api/v1/checkin/recent`: this device's last 20 scans and the counts.
async fn recent(State(app): State<AppState>, client: ClientIp, headers: HeaderMap) -> Result<Response, WebError> {
    let device = match device_or_refusal(&app, client, &headers).await? {
        Ok(device) => device,
        Err(refusal) => return Ok(refusal),
    };
    let scans = checkin::recent_scans(app.db(), &device, RECENT_LIMIT).await?;
    let here = checkin::count_by_device(app.db(), &device).await?;
    let total = checkin::count_checked_in(app.db(), device.event_id).await?;
    let expected = domain::registration::count_attendees(app.db(), device.event_id).await?;
    Ok(Json(serde_json::json!({
        "scans": scans,
        "counts": { "device": here, "total": total, "expected": expected },
    }))
    .into_response())
}

#[derive(Debug, Deserialize)]
struct UndoBody {
    scan_id: String,
}

/// `POST /api/v1/checkin/undo {"scan_id": "…"}`: takes back this device's check-in from
/// that scan; the undo is recorded.
async fn undo(
    State(app): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let device = match device_or_refusal(&app, client, &headers).await? {
        Ok(device) => device,
        Err(refusal) => return Ok(refusal),
    };
    let Ok(body) = serde_json::from_slice::<UndoBody>(&body) else {
        return Ok(api_error(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "The body must be JSON like {\"scan_id\": \"…\"}.",
        ));
    };
    let undone = checkin::undo(app.pools(), &device, &body.scan_id, Utc::now()).await?;
    only_event(device.event_id, Ok(Json(serde_json::json!({ "undone": undone })).into_response()))
}

/// `POST /api/v1/checkin/walk-in`: registers someone at the door and checks them in.
/// 200 with the scan answer; 422 with a message per field; 409 when the address is
/// already registered (use the name search) or the event is full.
async fn walk_in(
    State(app): State<AppState>,
    Lang(language): Lang,
    client: ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let device = match scanning_device(&app, client, &headers).await? {
        Ok(device) => device,
        Err(refusal) => return Ok(refusal),
    };
    let Ok(form) = serde_json::from_slice::<crate::walk_in::WalkInForm>(&body) else {
        return Ok(api_error(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "The body must be a JSON object of the walk-in fields.",
        ));
    };
    let t = Tr::new(language);
    let answer = match crate::walk_in::admit(&app, &device, form, language).await? {
        Ok(answer) => Ok(Json(answer).into_response()),
        Err(WalkInRefusal::Invalid(errors)) => {
            let fields: serde_json::Map<String, serde_json::Value> = errors
                .list()
                .iter()
                .map(|message| (message.field.clone(), serde_json::Value::String(message.text.clone())))
                .collect();
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(serde_json::json!({ "error": "invalid", "fields": fields })))
                .into_response())
        }
        Err(WalkInRefusal::Refused(refusal)) => {
            Ok(api_error(StatusCode::CONFLICT, refusal.code(), &t.get(WalkInRefusal::headline_key(&refusal))))
        }
    };
    only_event(device.event_id, answer)
}

/// `GET /api/v1/checkin/offline`: the public key and the ticket lists a door device keeps
/// to decide on its own while the network is gone (it syncs its scans afterwards).
async fn offline(State(app): State<AppState>, client: ClientIp, headers: HeaderMap) -> Result<Response, WebError> {
    let device = match device_or_refusal(&app, client, &headers).await? {
        Ok(device) => device,
        Err(refusal) => return Ok(refusal),
    };
    let data = checkin::offline_data(app.db(), device.event_id).await?;
    Ok(Json(serde_json::json!({
        "public_key": app.verifier().public_key_base64(),
        "event_id": data.event_id,
        "valid": data.valid,
        "invalid": data.invalid,
        "revoked": data.revoked,
        "fetched_at": Utc::now(),
    }))
    .into_response())
}

/// [`device_or_refusal`] for requests that check someone in, which also count against
/// the device's scan rate.
async fn scanning_device(
    app: &AppState,
    client: ClientIp,
    headers: &HeaderMap,
) -> Result<Result<DoorDevice, Response>, WebError> {
    let device = match device_or_refusal(app, client, headers).await? {
        Ok(device) => device,
        Err(refusal) => return Ok(Err(refusal)),
    };
    Ok(match app.limits().scans.check(&device.id.to_string()) {
        Ok(()) => Ok(device),
        Err(wait) => Err(rate_limited(wait)),
    })
}
