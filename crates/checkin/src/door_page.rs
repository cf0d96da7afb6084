//! The door page at `/door/{device_token}`: a handheld scanner types the ticket code and
//! Enter, the page shows a big result with the attendee's name. It works as a plain form;
//! `static/door.js` makes it answer without reloading and keeps the input focused.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::REFERRER_POLICY;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use domain::checkin::{self, Presented, ScanAnswer, ScanError, ScanRequest, ScanResult};
use domain::door::{self, DoorDevice};
use domain::event::{self, Event};
use domain::ids::secret_token;
use domain::programme::{self, ProgrammeSession};
use domain::registration::count_attendees;
use serde::Deserialize;
use site::AppState;
use site::caches::only_event;
use site::error::WebError;
use site::i18n::{Lang, Tr};
use site::rate_limit::too_many_requests;
use uuid::Uuid;

use crate::api::{
    MANUAL_PATH, OFFLINE_PATH, RECENT_LIMIT, RECENT_PATH, REDEEM_PATH, SEARCH_LIMIT, SEARCH_PATH, UNDO_PATH,
    WALK_IN_PATH,
};
use crate::walk_in::{WalkInForm, WalkInRefusal};
use site::form::{Choice, organisation_type_choices};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/door", get(remembered))
        .route("/door/sw.js", get(service_worker))
        .route("/door/{device_token}", get(show).post(scan))
        .route("/door/{device_token}/undo", post(undo_scan))
        .route("/door/{device_token}/walk-in", post(walk_in))
}

/// The device remembers its door link in a cookie (scripts cannot read it, and it is only
/// sent to /door), so door staff can reopen the page from the bookmark `/door`.
const DEVICE_COOKIE: &str = "door_device";

fn remember_device(device_token: &str, secure: bool) -> Option<axum::http::HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    format!("{DEVICE_COOKIE}={device_token}; Path=/door; Max-Age=2592000; HttpOnly; SameSite=Strict{secure}")
        .parse()
        .ok()
}

/// `/door` without a token: the remembered device's page, or a page that says how to open one.
async fn remembered(headers: axum::http::HeaderMap) -> Response {
    let token = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(DEVICE_COOKIE)?.strip_prefix('=').map(str::to_owned));
    match token {
        Some(token) if !token.is_empty() => axum::response::Redirect::to(&site::urls::door(&token)).into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

#[derive(Debug, Default, Deserialize)]
struct ScanForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    scan_id: String,
    #[serde(default)]
    session: String,
    /// Set instead of `code` when door staff picked a name from the search.
    #[serde(default)]
    attendee: String,
}

#[derive(Debug, Default, Deserialize)]
struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// One row of the name search on the page.
pub struct FoundAttendee {
    pub id: String,
    pub name: String,
    pub organisation: String,
    /// "eingecheckt um 10:02", empty when not yet.
    pub checked_in: String,
    /// Did not consent to photos.
    pub no_photos: bool,
}

pub struct ScopeOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A scan result as the door shows it: colour class, icon and words, so that the
/// outcome never depends on colour alone.
pub struct ResultView {
    pub class: &'static str,
    pub icon: &'static str,
    pub headline: String,
    pub name: String,
    pub detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "checkin/door.html")]
struct DoorPage {
    t: Tr,
    event_title: String,
    device_name: String,
    device_token: String,
    counts: String,
    /// The counts message with `{checked}` and `{expected}` left for the script.
    counts_template: String,
    scopes: Vec<ScopeOption>,
    scan_id: String,
    result: Option<ResultView>,
    api_url: &'static str,
    time_zone: String,
    /// The message for `already_checked_in` with `{time}` and `{device}` left for the script.
    already_template: String,
    door_url: String,
    search: String,
    found: Vec<FoundAttendee>,
    search_api: &'static str,
    manual_api: &'static str,
    /// "eingecheckt um {time}" with the time left for the script.
    checked_in_template: String,
    recent: Vec<RecentRow>,
    recent_api: &'static str,
    undo_api: &'static str,
    undo_url: String,
    here: String,
    here_template: String,
    walk_in: WalkInForm,
    /// The walk-in form is open: it was just sent with a mistake.
    walk_in_open: bool,
    walk_in_url: String,
    walk_in_api: &'static str,
    offline_api: &'static str,
    organisation_types: Vec<Choice>,
}

/// One of the device's recent scans on the page.
pub struct RecentRow {
    pub scan_id: String,
    pub time: String,
    pub result: String,
    pub name: String,
    pub undoable: bool,
}

async fn load_device(
    app: &AppState,
    device_token: &str,
) -> Result<(DoorDevice, Event, Vec<ProgrammeSession>), WebError> {
    let device = door::by_token(app.db(), device_token).await?.ok_or(WebError::NotFound)?;
    let event = event::by_id(app.db(), device.event_id).await?.ok_or(WebError::NotFound)?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    Ok((device, event, sessions))
}

/// What the request brought that the page shows back.
#[derive(Default)]
struct PageInput {
    selected_session: Option<Uuid>,
    result: Option<ResultView>,
    search: String,
    walk_in: WalkInForm,
}

async fn page(
    app: &AppState,
    t: Tr,
    device_token: String,
    (device, event, sessions): (DoorDevice, Event, Vec<ProgrammeSession>),
    input: PageInput,
) -> Result<Response, WebError> {
    let PageInput { selected_session, result, search, walk_in } = input;
    let zone = event.zone();
    // The device token is in the URL: it must not travel on in a Referer header, and the
    // device remembers it for `/door`.
    let mut headers = axum::http::HeaderMap::new();
    headers.insert(REFERRER_POLICY, axum::http::HeaderValue::from_static("no-referrer"));
    headers.insert(
        axum::http::header::CONTENT_SECURITY_POLICY,
        axum::http::HeaderValue::from_static(site::assets::door_page_policy()),
    );
    if let Some(cookie) = remember_device(&device_token, app.public_url().starts_with("https://")) {
        headers.insert(axum::http::header::SET_COOKIE, cookie);
    }
    let here = checkin::count_by_device(app.db(), &device).await?;
    let recent = checkin::recent_scans(app.db(), &device, RECENT_LIMIT)
        .await?
        .into_iter()
        .map(|scan| RecentRow {
            time: t.time(&scan.scanned_at.with_timezone(&zone)),
            result: t.get(result_key(scan.result)),
            name: scan.name.unwrap_or_default(),
            undoable: scan.undoable,
            scan_id: scan.scan_id,
        })
        .collect();
    let found = checkin::search_attendees(app.db(), &device, &search, None, SEARCH_LIMIT)
        .await?
        .into_iter()
        .map(|person| FoundAttendee {
            id: person.id.to_string(),
            checked_in: person
                .checked_in_at
                .map(|at| t.with("door-search-checked-in", "time", &t.time(&at.with_timezone(&zone))))
                .unwrap_or_default(),
            name: person.name,
            organisation: person.organisation,
            no_photos: person.no_photos,
        })
        .collect();
    let checked = checkin::count_checked_in(app.db(), event.id).await?;
    let expected = count_attendees(app.db(), event.id).await?;
    let mut scopes = vec![ScopeOption {
        value: String::new(),
        label: t.get("door-scope-entrance"),
        selected: selected_session.is_none(),
    }];
    scopes.extend(sessions.iter().map(|session| ScopeOption {
        value: session.id.to_string(),
        label: session.title(t.language).to_owned(),
        selected: selected_session == Some(session.id),
    }));
    let page = DoorPage {
        t,
        event_title: event.title(t.language).to_owned(),
        device_name: device.name.clone(),
        counts: t.with2("door-counts", ["checked", "expected"], [&checked.to_string(), &expected.to_string()]),
        counts_template: t.with2("door-counts", ["checked", "expected"], ["{checked}", "{expected}"]),
        scopes,
        scan_id: secret_token(),
        result,
        api_url: REDEEM_PATH,
        time_zone: event.time_zone.clone(),
        already_template: t.with2("door-result-already", ["time", "device"], ["{time}", "{device}"]),
        door_url: site::urls::door(&device_token),
        undo_url: site::urls::door_undo(&device_token),
        walk_in_url: site::urls::door_walk_in(&device_token),
        device_token,
        search,
        found,
        search_api: SEARCH_PATH,
        manual_api: MANUAL_PATH,
        checked_in_template: t.with("door-search-checked-in", "time", "{time}"),
        recent,
        recent_api: RECENT_PATH,
        undo_api: UNDO_PATH,
        here: t.with("door-counts-here", "count", &here.to_string()),
        here_template: t.with("door-counts-here", "count", "{count}"),
        walk_in_open: !walk_in.first_name.is_empty() || !walk_in.email.is_empty(),
        walk_in_api: WALK_IN_PATH,
        offline_api: OFFLINE_PATH,
        organisation_types: organisation_type_choices(t, &walk_in.organisation_type),
        walk_in,
    };
    Ok((headers, page).into_response())
}

async fn show(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(device_token): Path<String>,
    search: Result<Query<SearchQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, WebError> {
    let loaded = load_device(&app, &device_token).await?;
    let search = search.map(|Query(query)| query.q).unwrap_or_default();
    // Longer than any name: nothing to find, and nothing to show back in the search box.
    let search = if search.trim().chars().count() > checkin::MAX_SEARCH_CHARS { String::new() } else { search };
    page(&app, Tr::new(language), device_token, loaded, PageInput { search, ..PageInput::default() }).await
}

async fn scan(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(device_token): Path<String>,
    form: Result<Form<ScanForm>, FormRejection>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let loaded = load_device(&app, &device_token).await?;
    if let Err(wait) = app.limits().scans.check(&loaded.0.id.to_string()) {
        return Ok(too_many_requests(wait));
    }
    let Ok(Form(form)) = form else {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    };
    let selected_session = Uuid::parse_str(form.session.trim()).ok();
    let scan_id = if checkin::is_valid_scan_id(&form.scan_id) { form.scan_id } else { secret_token() };
    let presented = match Uuid::parse_str(form.attendee.trim()) {
        // A name picked from the search list (the no-JavaScript path).
        Ok(attendee) if form.code.trim().is_empty() => Presented::Attendee(attendee),
        _ => Presented::Token(form.code.trim().to_owned()),
    };
    let request = ScanRequest { presented, scan_id, programme_session_id: selected_session, offline_at: None };
    let zone = loaded.1.zone();
    let result = match checkin::redeem(app.pools(), app.verifier(), &loaded.0, &request, Utc::now()).await {
        Ok(answer) => {
            app.metrics().check_in(answer.result.code());
            result_view(t, &answer, zone)
        }
        Err(ScanError::UnknownSession | ScanError::InvalidScanId) => ResultView {
            class: "result-bad",
            icon: "✗",
            headline: t.get("door-unknown-session"),
            name: String::new(),
            detail: String::new(),
        },
        Err(ScanError::Database(err)) => return Err(WebError::Database(err)),
    };
    let input = PageInput { selected_session, result: Some(result), ..PageInput::default() };
    let event_id = loaded.0.event_id;
    only_event(event_id, page(&app, t, device_token, loaded, input).await)
}

fn result_view(t: Tr, answer: &ScanAnswer, zone: chrono_tz::Tz) -> ResultView {
    let (class, icon) = match answer.result {
        ScanResult::Ok => ("result-ok", "✓"),
        ScanResult::AlreadyCheckedIn => ("result-warn", "!"),
        _ => ("result-bad", "✗"),
    };
    let headline = match answer.result {
        ScanResult::Ok => t.get("door-result-ok"),
        ScanResult::AlreadyCheckedIn => {
            let time = answer.checked_in_at.map(|at| t.time(&at.with_timezone(&zone))).unwrap_or_default();
            t.with2("door-result-already", ["time", "device"], [&time, answer.device.as_deref().unwrap_or("–")])
        }
        ScanResult::Invalid => t.get("door-result-invalid"),
        ScanResult::Revoked => t.get("door-result-revoked"),
        ScanResult::Cancelled => t.get("door-result-cancelled"),
        ScanResult::WrongEvent => t.get("door-result-wrong-event"),
        ScanResult::NotRegisteredForSession => t.get("door-result-not-registered-for-session"),
    };
    let (name, detail) = answer
        .attendee
        .as_ref()
        .map(|attendee| (attendee.name.clone(), attendee.organisation.clone()))
        .unwrap_or_default();
    ResultView { class, icon, headline, name, detail }
}

fn result_key(result: ScanResult) -> &'static str {
    match result {
        ScanResult::Ok => "door-result-ok",
        ScanResult::AlreadyCheckedIn => "door-recent-already",
        ScanResult::Invalid => "door-result-invalid",
        ScanResult::Revoked => "door-result-revoked",
        ScanResult::Cancelled => "door-result-cancelled",
        ScanResult::WrongEvent => "door-result-wrong-event",
        ScanResult::NotRegisteredForSession => "door-result-not-registered-for-session",
    }
}

#[derive(Debug, Default, Deserialize)]
struct UndoForm {
    #[serde(default)]
    scan_id: String,
}

/// The no-JavaScript undo: takes back the check-in and shows the page again.
async fn undo_scan(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(device_token): Path<String>,
    form: Result<Form<UndoForm>, FormRejection>,
) -> Result<Response, WebError> {
    let loaded = load_device(&app, &device_token).await?;
    let Ok(Form(form)) = form else {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    };
    checkin::undo(app.pools(), &loaded.0, &form.scan_id, Utc::now()).await?;
    let event_id = loaded.0.event_id;
    only_event(event_id, page(&app, Tr::new(language), device_token, loaded, PageInput::default()).await)
}

/// The no-JavaScript walk-in: registers, lets in and shows the result; a mistake keeps
/// what was typed in the open form.
async fn walk_in(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(device_token): Path<String>,
    form: Result<Form<WalkInForm>, FormRejection>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let loaded = load_device(&app, &device_token).await?;
    let Ok(Form(form)) = form else {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    };
    let zone = loaded.1.zone();
    let bad = |headline: String| ResultView {
        class: "result-bad",
        icon: "✗",
        headline,
        name: String::new(),
        detail: String::new(),
    };
    let (result, kept) = match crate::walk_in::admit(&app, &loaded.0, form.clone(), language).await? {
        Ok(answer) => (result_view(t, &answer, zone), WalkInForm::default()),
        Err(WalkInRefusal::Invalid(errors)) => {
            let messages: Vec<&str> = errors.list().iter().map(|message| message.text.as_str()).collect();
            (bad(messages.join(" ")), form)
        }
        Err(WalkInRefusal::Refused(refusal)) => (bad(t.get(WalkInRefusal::headline_key(&refusal))), form),
    };
    let event_id = loaded.0.event_id;
    let input = PageInput { result: Some(result), walk_in: kept, ..PageInput::default() };
    only_event(event_id, page(&app, t, device_token, loaded, input).await)
}

/// The door page's service worker, served under /door/ so that its scope covers the
/// door links.
async fn service_worker() -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (axum::http::header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../../static/door-sw.js"),
    )
        .into_response()
}
