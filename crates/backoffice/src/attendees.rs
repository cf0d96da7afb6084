//! The attendee list of one event: search, filters, sorting, pages and bulk actions.
//! One attendee's page is in `attendee`, adding and changing one in `attendee_form`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::attendee_list::{self, AttendeeRow, SortBy};
use domain::audit;
use domain::programme::{self};
use domain::registration::{self, RegistrationStatus};
use domain::registration_form::{self as form_rules};
use serde::Deserialize;
use site::error::WebError;
use site::form::Choice;
use site::i18n::{Lang, Tr};
use site::{AppState, urls};
use uuid::Uuid;

use super::event_pages::{EventLinks, load_event};
use super::form::Nav;
use super::list_query::{ListQuery, answer_choices, filter_choices, waiting_choices};
use super::{Access, Guarded, Staff};

pub fn routes() -> Guarded {
    Guarded::new().get("/admin/events/{event}/attendees", Access::Organiser, list).post(
        "/admin/events/{event}/attendees/bulk",
        Access::Organiser,
        bulk,
    )
}

pub use documents::spreadsheets::status_label;

pub struct Row {
    pub id: String,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub partner_municipality: String,
    pub status: String,
    pub checked_in: String,
    pub registered: String,
    pub url: String,
}

pub struct SortLink {
    pub label: String,
    pub url: String,
    /// `ascending`/`descending` for `aria-sort`, empty when not sorted by this column.
    pub sorted: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/attendees.html")]
struct ListPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    links: EventLinks,
    query: ListQuery,
    statuses: Vec<Choice>,
    sessions: Vec<Choice>,
    organisation_types: Vec<Choice>,
    checked_in: Vec<Choice>,
    /// Sessions' waiting lists, for a forum with more interest than places.
    waiting: Vec<Choice>,
    answers: Vec<Choice>,
    sort_links: Vec<SortLink>,
    rows: Vec<Row>,
    total: usize,
    page: usize,
    pages: usize,
    previous_url: Option<String>,
    next_url: Option<String>,
    csv_url: String,
    xlsx_url: String,
    bulk_url: String,
    list_url: String,
}

fn row_view(t: Tr, event_id: Uuid, row: &AttendeeRow, zone: chrono_tz::Tz) -> Row {
    Row {
        id: row.attendee.id.to_string(),
        name: super::privacy::shown_name(t, row),
        email: row.attendee.email.clone(),
        organisation: row.attendee.organisation.clone(),
        partner_municipality: row.attendee.partner_municipality.clone(),
        status: status_label(t, row.status),
        checked_in: row.checked_in_at.map(|at| t.time(&at.with_timezone(&zone))).unwrap_or_default(),
        registered: row.attendee.created_at.with_timezone(&zone).format("%d.%m.%Y %H:%M").to_string(),
        url: urls::admin_attendee(event_id, row.attendee.id),
    }
}

async fn list(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<ListQuery>,
) -> Result<ListPage, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let filter = query.filter();
    let all = app.attendee_rows(event.id).await?;
    let page = attendee_list::page_of(filter.apply(&all), query.page());
    let zone = event.zone();
    let list_url = urls::admin_attendees(event.id);
    let link = |page: usize| format!("{list_url}?{}", query.with(Some(page), None));
    let sort_links = [
        ("name", "admin-col-name", SortBy::Name),
        ("organisation", "admin-col-organisation", SortBy::Organisation),
        ("status", "admin-col-status", SortBy::Status),
        ("checked_in", "admin-col-checked-in", SortBy::CheckedIn),
        ("registered", "admin-col-registered", SortBy::Registered),
    ]
    .into_iter()
    .map(|(value, key, sort)| {
        let active = filter.sort == sort;
        SortLink {
            label: t.get(key),
            url: format!("{list_url}?{}", query.with(None, Some((value, active && !filter.descending)))),
            sorted: match (active, filter.descending) {
                (false, _) => "",
                (true, false) => "ascending",
                (true, true) => "descending",
            },
        }
    })
    .collect();
    let (statuses, session_choices, organisation_types, checked_in) = filter_choices(t, &query, &sessions);
    let answers = answer_choices(t, &query, &form_rules::questions(app.db(), event.id).await?);
    let waiting = waiting_choices(t, &query, &sessions);
    let export_query = query.with(None, None);
    Ok(ListPage {
        t,
        nav: Nav::of(&staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-attendees-of", "event", event.title(language)),
        links: EventLinks::of(event.id),
        statuses,
        sessions: session_choices,
        organisation_types,
        checked_in,
        answers,
        waiting,
        sort_links,
        rows: page.rows.iter().map(|row| row_view(t, event.id, row, zone)).collect(),
        total: page.total,
        page: page.page,
        pages: page.pages,
        previous_url: (page.page > 1).then(|| link(page.page - 1)),
        next_url: (page.page < page.pages).then(|| link(page.page + 1)),
        csv_url: format!("{}?{export_query}", urls::admin_attendees_csv(event.id)),
        xlsx_url: format!("{}?{export_query}", urls::admin_attendees_xlsx(event.id)),
        bulk_url: urls::admin_attendees_bulk(event.id),
        list_url,
        query,
    })
}

#[derive(Deserialize)]
struct BulkForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    selected: Vec<Uuid>,
    /// Cancelling several people is confirmed on a second page that lists them.
    confirm: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/confirm_bulk.html")]
pub(crate) struct ConfirmBulkPage {
    pub(crate) t: Tr,
    pub(crate) nav: Option<Nav>,
    pub(crate) csrf: String,
    pub(crate) action: String,
    pub(crate) names: Vec<String>,
    pub(crate) ids: Vec<String>,
    pub(crate) back: String,
}

async fn bulk(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<BulkForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let rows: Vec<AttendeeRow> = app
        .attendee_rows(event.id)
        .await?
        .iter()
        .filter(|row| form.selected.contains(&row.attendee.id))
        .cloned()
        .collect();
    if rows.is_empty() {
        let notice = super::Notice {
            t,
            nav: Nav::of(&staff),
            title: t.get("admin-bulk-title"),
            text: t.get("admin-bulk-nothing-selected"),
            back: urls::admin_attendees(event.id),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, notice).into_response());
    }
    match form.action.as_str() {
        "export_csv" => {
            Ok(super::exports::csv_response(t, &app, &staff, &event, &rows.iter().collect::<Vec<_>>()).await?)
        }
        "export_xlsx" => super::exports::xlsx_response(t, &app, &staff, &event, &rows.iter().collect::<Vec<_>>()).await,
        "approve" => {
            let now = Utc::now();
            let mut registrations: Vec<Uuid> = Vec::new();
            for row in rows.iter().filter(|row| row.status == RegistrationStatus::AwaitingApproval) {
                if !registrations.contains(&row.registration_id)
                    && registration::approve(app.pools(), row.registration_id, now).await?
                {
                    registrations.push(row.registration_id);
                    record(&app, &staff, event.id, "registration.approve", row, "bulk".to_owned()).await?;
                }
            }
            Ok(Redirect::to(&urls::admin_attendees(event.id)).into_response())
        }
        "message" => super::messages::compose_to_selection(&app, t, &staff, &event, &rows).await,
        "cancel" if form.confirm.is_none() => Ok(ConfirmBulkPage {
            t,
            nav: Nav::of(&staff),
            csrf: staff.csrf().to_owned(),
            action: urls::admin_attendees_bulk(event.id),
            names: rows.iter().map(AttendeeRow::full_name).collect(),
            ids: rows.iter().map(|row| row.attendee.id.to_string()).collect(),
            back: urls::admin_attendees(event.id),
        }
        .into_response()),
        "cancel" => {
            let now = Utc::now();
            for row in rows.iter().filter(|row| row.status != RegistrationStatus::Cancelled) {
                if registration::cancel_attendee(app.pools(), row.registration_id, row.attendee.id, now).await? {
                    record(&app, &staff, event.id, "attendee.cancel", row, "bulk".to_owned()).await?;
                }
            }
            Ok(Redirect::to(&urls::admin_attendees(event.id)).into_response())
        }
        _ => Ok(StatusCode::BAD_REQUEST.into_response()),
    }
}

/// Records an action on one attendee; the detail starts with the attendee's id, so the
/// attendee's page can show its history.
pub(crate) async fn record(
    app: &AppState,
    staff: &Staff,
    event_id: Uuid,
    action: &str,
    row: &AttendeeRow,
    note: String,
) -> Result<(), WebError> {
    let detail = format!("attendee:{} {note}", row.attendee.id);
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action { event_id: Some(event_id), action, subject: &row.full_name(), detail },
        Utc::now(),
    )
    .await?;
    Ok(())
}

pub(crate) async fn find_row(app: &AppState, event_id: Uuid, attendee_id: Uuid) -> Result<AttendeeRow, WebError> {
    app.attendee_rows(event_id)
        .await?
        .iter()
        .find(|row| row.attendee.id == attendee_id)
        .cloned()
        .ok_or(WebError::NotFound)
}
