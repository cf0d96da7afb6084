//! The organisers' back office under `/admin`: accounts, events and programme,
//! attendee lists, exports and figures.
//!
//! Every route is registered with the access it needs ([`Access`]) through
//! [`Guarded`]; one middleware enforces it for all of them: anonymous visitors are sent
//! to the log-in page, signed-in users without the role get 403, organisers see only
//! their events, and every POST must carry the session's form token (CSRF). A route
//! cannot be added without a rule, and a matched path missing from the table is refused.

pub mod attendee;
pub mod attendee_form;
pub mod attendees;
pub mod auth;
pub mod certificates;
pub mod doors;
pub mod event_form;
pub mod event_pages;
pub mod events;
pub mod exports;
pub mod form;
pub mod list_query;
pub mod messages;
pub mod operator;
pub mod privacy;
pub mod programme;
pub mod questions;
pub mod status;
pub mod team;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::body::Body;
use axum::extract::{FromRequestParts, MatchedPath, RawPathParams, Request, State};
use axum::handler::Handler;
use axum::http::header::{CONTENT_TYPE, COOKIE, HOST, ORIGIN};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use domain::account::{Role, SignedIn};
use uuid::Uuid;

use site::AppState;

/// Who may use a back-office route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Log-in, password reset, account links: no session needed (their forms still
    /// carry a form token bound to a cookie).
    Anyone,
    /// Any signed-in team member (the overview, logging out).
    SignedIn,
    /// Door staff and up: door devices of their events.
    Door,
    /// Organisers and administrators: events, attendees, exports, figures.
    Organiser,
    /// Administrators only: the team, the full audit log and the operator's details.
    Administrator,
}

impl Access {
    fn allows(self, role: Role) -> bool {
        match self {
            Access::Anyone | Access::SignedIn | Access::Door => true,
            Access::Organiser => role >= Role::Organiser,
            Access::Administrator => role == Role::Administrator,
        }
    }
}

/// One registered back-office route and the access it needs.
#[derive(Clone, Debug)]
pub struct RouteRule {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}

/// A router that cannot take a route without its access rule.
pub struct Guarded {
    router: Router<AppState>,
    rules: Vec<RouteRule>,
}

impl Guarded {
    fn new() -> Self {
        Guarded { router: Router::new(), rules: Vec::new() }
    }

    fn get<H, T>(mut self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.rules.push(RouteRule { method: Method::GET, path, access });
        self.router = self.router.route(path, get(handler));
        self
    }

    fn post<H, T>(mut self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.rules.push(RouteRule { method: Method::POST, path, access });
        self.router = self.router.route(path, post(handler));
        self
    }

    fn merge(mut self, other: Guarded) -> Self {
        self.rules.extend(other.rules);
        self.router = self.router.merge(other.router);
        self
    }
}

fn all_routes() -> Guarded {
    Guarded::new()
        .merge(auth::routes())
        .merge(events::routes())
        .merge(event_form::routes())
        .merge(programme::routes())
        .merge(questions::routes())
        .merge(attendees::routes())
        .merge(attendee::routes())
        .merge(attendee_form::routes())
        .merge(exports::routes())
        .merge(doors::routes())
        .merge(messages::routes())
        .merge(privacy::routes())
        .merge(certificates::routes())
        .merge(team::routes())
        .merge(operator::routes())
        .merge(status::routes())
}

/// Every back-office route with its rule: the authorisation test walks this table.
pub fn route_table() -> Vec<RouteRule> {
    all_routes().rules
}

type RuleTable = HashMap<(Method, &'static str), Access>;

/// The table the guard consults; built once from the same registrations as the router.
static RULES: LazyLock<RuleTable> =
    LazyLock::new(|| route_table().into_iter().map(|rule| ((rule.method, rule.path), rule.access)).collect());

/// The back office's routes behind the guard; `state` is what the guard reads sessions with.
pub fn router(state: AppState) -> Router<AppState> {
    all_routes()
        .router
        .route_layer(from_fn_with_state(state, guard))
        .route_layer(axum::middleware::map_response(site::download::not_stored))
}

/// A short page after an action that could not be done, with the way back.
#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "backoffice/notice.html")]
pub struct Notice {
    pub t: site::i18n::Tr,
    pub nav: Option<form::Nav>,
    pub title: String,
    pub text: String,
    pub back: String,
}

const SESSION_COOKIE: &str = "tp_session";
/// Binds the forms shown before signing in to the browser that loaded them.
const FORM_COOKIE: &str = "tp_form";
/// The mark of a browser that signed in before (`domain::login::KnownDevices`).
const DEVICE_COOKIE: &str = "tp_device";
/// Form field (and header, for scripts) that carries the form token.
pub const CSRF_FIELD: &str = "csrf";

/// The signed-in team member, put in place by the guard.
#[derive(Clone, Debug)]
pub struct Staff(pub Arc<SignedIn>);

impl Staff {
    pub fn user(&self) -> &domain::account::User {
        &self.0.user
    }

    pub fn csrf(&self) -> &str {
        &self.0.csrf_token
    }

    pub fn is_admin(&self) -> bool {
        self.0.user.role == Role::Administrator
    }

    pub fn is_organiser(&self) -> bool {
        self.0.user.role >= Role::Organiser
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        // Only reachable behind the guard; a handler on an `Anyone` route asking for
        // staff is a wiring mistake, answered as "forbidden", not a crash.
        parts.extensions.get::<Staff>().cloned().ok_or(StatusCode::FORBIDDEN)
    }
}

/// The form token of a visitor who is not signed in (log-in and link forms).
#[derive(Clone, Debug)]
pub struct FormToken(pub String);

impl<S: Send + Sync> FromRequestParts<S> for FormToken {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<FormToken>().cloned().unwrap_or_else(|| FormToken(domain::ids::secret_token())))
    }
}

async fn guard(
    State(app): State<AppState>,
    matched: MatchedPath,
    params: RawPathParams,
    request: Request,
    next: Next,
) -> Response {
    let method = if request.method() == Method::HEAD { Method::GET } else { request.method().clone() };
    let Some(access) = RULES.get(&(method.clone(), matched.as_str())).copied() else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let headers = request.headers().clone();
    if method == Method::POST && !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    if access == Access::Anyone {
        return anyone(&app, request, next, method).await;
    }
    let signed_in = match cookie(&headers, SESSION_COOKIE) {
        Some(token) => match domain::account::session_user(app.db(), &token, Utc::now()).await {
            Ok(found) => found,
            Err(err) => return site::error::WebError::Database(err).into_response(),
        },
        None => None,
    };
    let Some(signed_in) = signed_in else {
        return Redirect::to(&site::urls::admin_login_then(request.uri().path())).into_response();
    };
    if !access.allows(signed_in.user.role) {
        return StatusCode::FORBIDDEN.into_response();
    }
    if let Some((_, raw)) = params.iter().find(|(name, _)| *name == "event") {
        let Ok(event_id) = raw.parse::<Uuid>() else {
            return StatusCode::NOT_FOUND.into_response();
        };
        if !signed_in.may_see_event(event_id) {
            return StatusCode::FORBIDDEN.into_response();
        }
    }
    let mut request = request;
    if method == Method::POST {
        match checked_form(request, &signed_in.csrf_token).await {
            Ok(checked) => request = checked,
            Err(refusal) => return refusal,
        }
    }
    request.extensions_mut().insert(Staff(Arc::new(signed_in)));
    next.run(request).await
}

/// Pages without a session: the form token lives in a cookie, and a POST must
/// send the same value in its form.
async fn anyone(app: &AppState, request: Request, next: Next, method: Method) -> Response {
    let existing = cookie(request.headers(), FORM_COOKIE);
    let mut request = request;
    if method == Method::POST {
        let Some(expected) = existing.clone() else {
            return StatusCode::FORBIDDEN.into_response();
        };
        match checked_form(request, &expected).await {
            Ok(checked) => request = checked,
            Err(refusal) => return refusal,
        }
    }
    let token = existing.clone().unwrap_or_else(domain::ids::secret_token);
    request.extensions_mut().insert(FormToken(token.clone()));
    let mut response = next.run(request).await;
    let secure = if app.public_url().starts_with("https://") { "; Secure" } else { "" };
    if existing.is_none()
        && let Ok(value) = format!("{FORM_COOKIE}={token}; Path=/admin; HttpOnly; SameSite=Strict{secure}").parse()
    {
        response.headers_mut().append(axum::http::header::SET_COOKIE, value);
    }
    response
}

/// Reads the form body, checks its token against `expected` and hands the body on.
async fn checked_form(request: Request, expected: &str) -> Result<Request, Response> {
    let (parts, body) = request.into_parts();
    if let Some(sent) = parts.headers.get("x-csrf-token").and_then(|value| value.to_str().ok()) {
        return if constant_time_eq(sent, expected) {
            Ok(Request::from_parts(parts, body))
        } else {
            Err(StatusCode::FORBIDDEN.into_response())
        };
    }
    let is_form = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    let bytes = match axum::body::to_bytes(body, site::MAX_FORM_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return Err(StatusCode::PAYLOAD_TOO_LARGE.into_response()),
    };
    let sent = form_urlencoded::parse(&bytes).find(|(name, _)| name == CSRF_FIELD).map(|(_, value)| value);
    if !sent.is_some_and(|sent| constant_time_eq(&sent, expected)) {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A POST from another site is refused outright (the browser names its origin).
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(ORIGIN).and_then(|value| value.to_str().ok()) else {
        return true;
    };
    let host = headers.get(HOST).and_then(|value| value.to_str().ok()).unwrap_or("");
    origin.split_once("://").is_some_and(|(_, rest)| rest == host)
}

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(name)?.strip_prefix('=').map(str::to_owned))
        .filter(|value| !value.is_empty())
}

/// The session cookie: HttpOnly, only sent to the back office, Secure over HTTPS.
pub fn session_cookie(app: &AppState, token: &str) -> String {
    let secure = if app.public_url().starts_with("https://") { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/admin; HttpOnly; SameSite=Lax{secure}")
}

/// The known-device mark: kept as long as it is valid, only sent to the log-in form;
/// signing out keeps it (the browser is still the person's).
pub fn device_cookie(app: &AppState, mark: &str) -> String {
    let secure = if app.public_url().starts_with("https://") { "; Secure" } else { "" };
    let max_age = domain::login::KNOWN_DEVICE_LIFETIME.num_seconds();
    format!("{DEVICE_COOKIE}={mark}; Path=/admin/login; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}")
}

pub fn expired_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=0")
}

#[cfg(test)]
mod tests {
    use domain::Language;
    use site::i18n::Tr;

    /// Keys built at run time (`admin-status-{code}` …) exist for every value in every
    /// language: a missing one would show the raw key.
    #[test]
    fn every_composed_back_office_key_exists_in_every_language() {
        let families: [(&str, &[&str]); 9] = [
            ("admin-status-", &["pending_confirmation", "confirmed", "waitlisted", "awaiting_approval", "cancelled"]),
            (
                "admin-mail-",
                &[
                    "confirmation",
                    "waitlisted",
                    "promoted",
                    "cancelled",
                    "manage_link",
                    "confirm_email",
                    "reminder",
                    "awaiting_approval",
                    "declined",
                    "changed",
                    "organiser_message",
                ],
            ),
            ("admin-method-", &["scan", "manual"]),
            (
                "admin-scan-",
                &[
                    "ok",
                    "already_checked_in",
                    "invalid",
                    "revoked",
                    "cancelled",
                    "wrong_event",
                    "not_registered_for_session",
                ],
            ),
            ("admin-role-", &["door", "organiser", "admin"]),
            ("admin-format-", &["in_person", "online", "hybrid"]),
            ("admin-approval-", &["open", "approval"]),
            (
                "admin-operator-",
                &[
                    "name",
                    "representative",
                    "address",
                    "email",
                    "phone",
                    "responsible-name",
                    "responsible-address",
                    "privacy-contact",
                    "privacy-email",
                ],
            ),
            ("error-", &["password-too-short", "invalid-date-time", "invalid-phone", "403-title", "403-text"]),
        ];
        for language in [Language::De, Language::En, Language::Uk] {
            let t = Tr::new(language);
            for (prefix, values) in families {
                for value in values {
                    let key = format!("{prefix}{value}");
                    let text = t.get(&key);
                    assert!(!text.is_empty() && text != key, "{key} is missing in {}", language.code());
                }
            }
        }
    }
}
