//! The web crates' error type and the one place where failures become pages.
//!
//! Handlers return [`WebError`] for what they cannot answer themselves. The
//! [`error_pages`] middleware turns every bare 4xx/5xx (ours, axum's rejections, the
//! body limit, the router's fallback) into a page in the user's language, or into a
//! JSON body under `/api/`, so that no visitor sees a plain-text or empty error.

use askama::Template;
use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::Language;
use domain::registration::{Registration, RegistrationError};
use sea_orm::DbErr;

use crate::i18n::{Tr, language_of};

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("database: {0}")]
    Database(#[from] DbErr),
    #[error("internal: {0}")]
    Internal(String),
}

impl WebError {
    /// One of our own faults, from anything that can say what went wrong.
    pub fn internal(error: impl std::fmt::Display) -> Self {
        WebError::Internal(error.to_string())
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND.into_response(),
            WebError::Database(err) => {
                tracing::error!(error = %err, "database error");
                if is_unavailable(&err) {
                    StatusCode::SERVICE_UNAVAILABLE.into_response()
                } else {
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            }
            WebError::Internal(message) => {
                tracing::error!(error = %message, "internal error");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }
}

/// What a form says when the domain refuses a registration or a change to one. This is
/// the one reading of [`RegistrationError`] for people: the participant pages, the back
/// office and the door (as JSON) all start from it.
#[derive(Debug)]
pub enum Refusal {
    /// A message (a translation key) next to a field, or about the whole form (`None`).
    Message { field: Option<&'static str>, key: &'static str },
    /// The address already has a registration for this event.
    AlreadyRegistered,
    /// The same form was sent before; this is the registration it made.
    AlreadySubmitted(Box<Registration>),
}

impl Refusal {
    /// Our own faults and unknown things stay errors (500, 404, 503).
    pub fn of(error: RegistrationError) -> Result<Refusal, WebError> {
        let message = |field, key| Ok(Refusal::Message { field, key });
        match error {
            RegistrationError::Database(err) => Err(WebError::Database(err)),
            RegistrationError::EventNotFound => Err(WebError::NotFound),
            RegistrationError::NoAttendees => Err(WebError::Internal("a form registered nobody".to_owned())),
            RegistrationError::AlreadyRegistered => Ok(Refusal::AlreadyRegistered),
            RegistrationError::AlreadySubmitted(earlier) => Ok(Refusal::AlreadySubmitted(earlier)),
            RegistrationError::FormReused => message(None, "error-form-reused"),
            RegistrationError::EventFull => message(None, "error-event-full"),
            RegistrationError::DelegationFull => message(None, "error-delegation-full"),
            RegistrationError::NotOpen(_) => message(None, "registration-closed"),
            RegistrationError::ConsentMissing => message(Some("data_consent"), "error-consent-missing"),
            RegistrationError::UnknownSession(_) => message(Some("programme_session"), "error-unknown-session"),
            RegistrationError::SessionsOverlap(..) => message(Some("programme_session"), "error-sessions-overlap"),
        }
    }

    /// The machine-readable reason in JSON answers.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::AlreadyRegistered | Refusal::AlreadySubmitted(_) => "already_registered",
            Refusal::Message { key: "error-event-full", .. } => "event_full",
            Refusal::Message { key: "registration-closed", .. } => "closed",
            Refusal::Message { .. } => "invalid",
        }
    }
}

/// The database cannot be reached right now: worth a "try again shortly", not a bug report.
fn is_unavailable(err: &DbErr) -> bool {
    matches!(err, DbErr::ConnectionAcquire(_) | DbErr::Conn(_))
}

#[derive(Template)]
#[template(path = "site/error.html")]
pub struct ErrorPage {
    pub t: Tr,
    pub status: u16,
    pub title: String,
    pub text: String,
}

impl ErrorPage {
    pub fn new(language: Language, status: StatusCode) -> Self {
        let t = Tr::new(language);
        let key = match status.as_u16() {
            400 | 403 | 404 | 405 | 408 | 413 | 415 | 429 | 503 => status.as_u16(),
            code if code >= 500 => 500,
            _ => 400,
        };
        ErrorPage {
            t,
            status: status.as_u16(),
            title: t.get(&format!("error-{key}-title")),
            text: t.get(&format!("error-{key}-text")),
        }
    }
}

/// Renders bare error responses as translated HTML pages or JSON.
pub async fn error_pages(request: Request, next: Next) -> Response {
    let language = language_of(request.uri(), request.headers());
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || has_body_of_its_own(&response) {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let page = ErrorPage::new(language, status);
    let (body, content_type) = if is_api {
        let body = serde_json::json!({ "error": page.title, "message": page.text }).to_string();
        (body, "application/json")
    } else {
        match page.render() {
            Ok(html) => (html, "text/html; charset=utf-8"),
            Err(err) => {
                tracing::error!(error = %err, "error page failed to render");
                (page.title, "text/plain; charset=utf-8")
            }
        }
    };
    parts.headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// Our own pages and JSON answers already say what went wrong; axum's rejections
/// and empty status responses are plain text or nothing.
fn has_body_of_its_own(response: &Response) -> bool {
    response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html") || value.starts_with("application/json"))
}
