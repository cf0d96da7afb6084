//! The attendee list of one event: search, filters, sorting, pages and bulk actions.
//! One attendee's page is in `attendee`, adding and changing one in `attendee_form`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::attendee_list::{self, AnswerFilter, AttendeeRow, Filter, SortBy};
use domain::audit;
use domain::person::MAX_TEXT_CHARS;
use domain::programme::{self, ProgrammeSession};
use domain::registration::{self, OrganisationType, RegistrationStatus};
use domain::registration_form::{self as form_rules, Question, QuestionKind};
use serde::Deserialize;
use site::error::WebError;
use site::form::{Choice, organisation_type_choices};
use site::i18n::{Lang, Tr};
use site::{AppState, urls};
use uuid::Uuid;

use super::events::{EventLinks, load_event};
use super::form::Nav;
use super::{Access, Guarded, Staff};

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/attendees", Access::Organiser, list)
        .post("/admin/events/{event}/attendees/bulk", Access::Organiser, bulk)
        .merge(super::attendee::routes())
        .merge(super::attendee_form::routes())
}

/// The list's query string as typed: every filter is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub status: String,
    pub session: String,
    pub org_type: String,
    pub checked_in: String,
    /// `{question}:{value}`, or `{question}:*` for any answer.
    pub answer: String,
    pub sort: String,
    pub desc: String,
    pub page: String,
}

impl ListQuery {
    /// Unknown values are ignored rather than refused: a filter link is never an error.
    pub fn filter(&self) -> Filter {
        Filter {
            text: self.q.chars().take(MAX_TEXT_CHARS).collect(),
            status: attendee_list::parse_status(&self.status),
            programme_session_id: self.session.parse().ok(),
            organisation_type: OrganisationType::parse(&self.org_type),
            checked_in: match self.checked_in.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            sort: match self.sort.as_str() {
                "organisation" => SortBy::Organisation,
                "registered" => SortBy::Registered,
                "status" => SortBy::Status,
                "checked_in" => SortBy::CheckedIn,
                _ => SortBy::Name,
            },
            descending: self.desc == "1",
            answer: self.answer.split_once(':').and_then(|(question, value)| {
                Some(AnswerFilter {
                    question_id: question.parse().ok()?,
                    value: (value != "*").then(|| value.to_owned()),
                })
            }),
        }
    }

    fn page(&self) -> usize {
        self.page.parse().unwrap_or(1)
    }

    /// The same filter as a query string, with another page or sort.
    fn with(&self, page: Option<usize>, sort: Option<(&str, bool)>) -> String {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("q", &self.q),
            ("status", &self.status),
            ("session", &self.session),
            ("org_type", &self.org_type),
            ("checked_in", &self.checked_in),
            ("answer", &self.answer),
        ] {
            if !value.is_empty() {
                serializer.append_pair(name, value);
            }
        }
        let (sort, descending) = sort.unwrap_or((self.sort.as_str(), self.desc == "1"));
        if !sort.is_empty() {
            serializer.append_pair("sort", sort);
        }
        if descending {
            serializer.append_pair("desc", "1");
        }
        if let Some(page) = page.filter(|page| *page > 1) {
            serializer.append_pair("page", &page.to_string());
        }
        serializer.finish()
    }
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

pub fn filter_choices(
    t: Tr,
    query: &ListQuery,
    sessions: &[ProgrammeSession],
) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    let any = |t: Tr| Choice::new("", t.get("admin-filter-any"), false);
    let mut statuses = vec![any(t)];
    for status in [
        RegistrationStatus::Confirmed,
        RegistrationStatus::PendingConfirmation,
        RegistrationStatus::Waitlisted,
        RegistrationStatus::AwaitingApproval,
        RegistrationStatus::Cancelled,
    ] {
        let code = attendee_list::status_code(status);
        statuses.push(Choice::new(code, status_label(t, status), query.status == code));
    }
    let mut session_choices = vec![any(t)];
    for session in sessions {
        let id = session.id.to_string();
        let selected = query.session == id;
        session_choices.push(Choice::new(id, session.title(t.language).to_owned(), selected));
    }
    let mut types = vec![any(t)];
    types.extend(organisation_type_choices(t, &query.org_type));
    let checked_in = vec![
        any(t),
        Choice::new("yes", t.get("admin-filter-checked-in-yes"), query.checked_in == "yes"),
        Choice::new("no", t.get("admin-filter-checked-in-no"), query.checked_in == "no"),
    ];
    (statuses, session_choices, types, checked_in)
}

/// The answers one can filter by: each option of a choice question, yes and no, or
/// "answered" for text questions. Empty when the event asks no questions.
pub fn answer_choices(t: Tr, query: &ListQuery, questions: &[Question]) -> Vec<Choice> {
    if questions.is_empty() {
        return Vec::new();
    }
    let mut choices = vec![Choice::new("", t.get("admin-filter-any"), false)];
    for question in questions {
        let label = question.label(t.language);
        let short: String = label.chars().take(60).collect();
        let values: Vec<(String, String)> = match question.kind {
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice => question
                .options(t.language)
                .into_iter()
                .map(|(value, shown)| (value.to_owned(), shown.to_owned()))
                .collect(),
            QuestionKind::YesNo | QuestionKind::Consent => {
                vec![(form_rules::YES.to_owned(), t.get("answer-yes")), (form_rules::NO.to_owned(), t.get("answer-no"))]
            }
            QuestionKind::ShortText | QuestionKind::LongText => {
                vec![("*".to_owned(), t.get("admin-filter-answer-any"))]
            }
        };
        for (value, shown) in values {
            let code = format!("{}:{value}", question.id);
            let selected = query.answer == code;
            choices.push(Choice::new(code, format!("{short}: {shown}"), selected));
        }
    }
    choices
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
struct ConfirmBulkPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    action: String,
    names: Vec<String>,
    ids: Vec<String>,
    back: String,
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
        "export_csv" => Ok(super::exports::csv_response(t, &app, &event, &rows.iter().collect::<Vec<_>>()).await?),
        "export_xlsx" => super::exports::xlsx_response(t, &app, &event, &rows.iter().collect::<Vec<_>>()).await,
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

