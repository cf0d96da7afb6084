//! The attendee list of one event (search, filters, sorting, pages, bulk actions), one
//! attendee's page (answers, sessions, ticket, check-ins, e-mails, history) with its
//! actions, and adding an attendee by hand (a registration taken on the phone).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::attendee_list::{self, AnswerFilter, AttendeeRow, Filter, SortBy};
use domain::audit;
use domain::checkin::{self, Presented, ScanRequest, ScanResult};
use domain::door;
use domain::outbox::MailKind;
use domain::person::{EmailAddress, MAX_TEXT_CHARS, PersonName, clean_optional_text};
use domain::programme::{self, ProgrammeSession};
use domain::registration::{self, NewAttendee, RegistrationError, RegistrationRequest, RegistrationStatus};
use domain::registration_form::{self as form_rules, Question, QuestionKind};
use serde::Deserialize;
use uuid::Uuid;

use super::events::{EventLinks, load_event};
use super::form::{Choice, Messages, Nav};
use super::{Access, Guarded, Staff};
use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::pages::register::{
    ORGANISATION_TYPES, organisation_type_value, parse_organisation_type, standard_organisation_type, standard_text,
};
use crate::state::AppState;
use crate::urls;
use domain::registration_form::{FieldRule, FieldRules};

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/attendees", Access::Organiser, list)
        .post("/admin/events/{event}/attendees/bulk", Access::Organiser, bulk)
        .get("/admin/events/{event}/attendees/new", Access::Organiser, new_form)
        .post("/admin/events/{event}/attendees/new", Access::Organiser, add)
        .get("/admin/events/{event}/attendees/{attendee}", Access::Organiser, detail)
        .get("/admin/events/{event}/attendees/{attendee}/edit", Access::Organiser, edit_form)
        .post("/admin/events/{event}/attendees/{attendee}/edit", Access::Organiser, save)
        .post("/admin/events/{event}/attendees/{attendee}/cancel", Access::Organiser, cancel)
        .post("/admin/events/{event}/attendees/{attendee}/reissue", Access::Organiser, reissue)
        .post("/admin/events/{event}/attendees/{attendee}/approve", Access::Organiser, approve)
        .post("/admin/events/{event}/attendees/{attendee}/decline", Access::Organiser, decline)
        .post("/admin/events/{event}/attendees/{attendee}/check-in", Access::Organiser, check_in)
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
            organisation_type: parse_organisation_type(&self.org_type),
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

pub fn status_label(t: Tr, status: RegistrationStatus) -> String {
    t.get(&format!("admin-status-{}", attendee_list::status_code(status)))
}

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
#[template(path = "admin/attendees.html")]
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
    for kind in ORGANISATION_TYPES {
        let value = organisation_type_value(kind);
        types.push(Choice::new(value, t.get(&format!("org-type-{value}")), query.org_type == value));
    }
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
#[template(path = "admin/confirm_bulk.html")]
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
async fn record(
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

async fn find_row(app: &AppState, event_id: Uuid, attendee_id: Uuid) -> Result<AttendeeRow, WebError> {
    app.attendee_rows(event_id)
        .await?
        .iter()
        .find(|row| row.attendee.id == attendee_id)
        .cloned()
        .ok_or(WebError::NotFound)
}

pub struct Line {
    pub label: String,
    pub value: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/attendee.html")]
struct DetailPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    event_title: String,
    back_url: String,
    facts: Vec<Line>,
    sessions: Vec<String>,
    answers: Vec<crate::pages::register::GivenAnswer>,
    ticket: Option<String>,
    check_ins: Vec<Line>,
    mails: Vec<Line>,
    history: Vec<Line>,
    is_cancelled: bool,
    is_checked_in: bool,
    awaits_approval: bool,
    approve_url: String,
    decline_url: String,
    cancel_url: String,
    reissue_url: String,
    check_in_url: String,
    edit_url: String,
    /// When this person's data was erased (or the event's anonymised).
    erased: Option<String>,
    /// When the registration asked for erasure.
    deletion_requested: Option<String>,
    export_url: String,
    erase_url: String,
    /// Erasing was asked for without the confirmation tick.
    erase_unconfirmed: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DetailQuery {
    erase: String,
}

async fn detail(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
    Query(query): Query<DetailQuery>,
) -> Result<DetailPage, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let row = find_row(&app, event.id, attendee_id).await?;
    let zone = event.zone();
    let at = |at: chrono::DateTime<Utc>| t.date_time(&at.with_timezone(&zone));
    let attendee = &row.attendee;
    let facts = vec![
        Line { label: t.get("admin-col-status"), value: status_label(t, row.status) },
        Line { label: t.get("field-email"), value: attendee.email.clone() },
        Line { label: t.get("field-organisation"), value: attendee.organisation.clone() },
        Line {
            label: t.get("field-organisation-type"),
            value: t.get(&format!("org-type-{}", organisation_type_value(attendee.organisation_type))),
        },
        Line { label: t.get("admin-col-partner-municipality"), value: attendee.partner_municipality.clone() },
        Line { label: t.get("admin-col-contact"), value: row.contact_email.clone() },
        Line { label: t.get("admin-col-language"), value: t.get(&format!("language-name-{}", row.language)) },
        Line { label: t.get("admin-col-registered"), value: at(attendee.created_at) },
        Line { label: t.get("admin-col-consent"), value: at(attendee.data_consent_at) },
    ];
    let mut sessions: Vec<String> = programme::for_event(app.db(), event.id)
        .await?
        .into_iter()
        .filter(|session| row.session_ids.contains(&session.id))
        .map(|session| session.title(language).to_owned())
        .collect();
    let answers = crate::pages::register::given_answers(
        t,
        &form_rules::questions(app.db(), event.id).await?,
        &form_rules::answers_of(app.db(), &[attendee_id]).await?,
        zone,
    );
    let details = registration::by_id(app.db(), row.registration_id).await?;
    let waiting_for = details
        .as_ref()
        .and_then(|details| details.attendees.iter().find(|a| a.attendee.id == attendee_id))
        .map(|a| a.waiting_for.clone())
        .unwrap_or_default();
    sessions.extend(
        waiting_for.iter().map(|session| t.with("session-on-waiting-list", "session", session.title(language))),
    );
    let ticket = details
        .as_ref()
        .and_then(|details| details.attendees.iter().find(|a| a.attendee.id == attendee_id))
        .and_then(|a| a.ticket.as_ref())
        .map(|ticket| t.count("admin-ticket-version", "version", i64::from(ticket.version)));
    let devices = door::names(app.db(), event.id).await?;
    let overview = checkin::overview(app.db(), event.id).await?;
    let check_ins = overview
        .check_ins
        .iter()
        .filter(|check_in| check_in.attendee_id == attendee_id)
        .map(|check_in| Line {
            label: at(check_in.checked_in_at),
            value: format!(
                "{} · {}",
                devices.get(&check_in.device_id).cloned().unwrap_or_default(),
                t.get(&format!("admin-method-{}", check_in.method))
            ),
        })
        .collect();
    let mails = domain::outbox::for_registration(app.db(), row.registration_id)
        .await?
        .into_iter()
        .map(|message| Line {
            label: at(message.created_at),
            value: format!(
                "{} · {}",
                t.get(&format!(
                    "admin-mail-{}",
                    serde_json::to_value(message.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                )),
                match message.sent_at {
                    Some(sent) => t.with("admin-mail-sent-at", "time", &at(sent)),
                    None => t.count("admin-mail-pending", "attempts", i64::from(message.attempts)),
                }
            ),
        })
        .collect();
    let mut entries = audit::about(app.db(), event.id, &format!("attendee:{attendee_id}")).await?;
    entries.extend(audit::about(app.db(), event.id, &format!("registration:{}", row.registration_id)).await?);
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.at));
    let history = entries
        .into_iter()
        .map(|entry| {
            // Participants act from their registration page, without an account.
            let actor = if entry.actor_id.is_none() { t.get("admin-actor-participant") } else { entry.actor_email };
            Line { label: at(entry.at), value: format!("{} · {actor}", entry.action) }
        })
        .collect();
    let mut facts = facts;
    if let Some(wording) = details.as_ref().map(|details| &details.registration.consent_wording)
        && !wording.is_empty()
    {
        facts.push(Line { label: t.get("admin-col-consent-wording"), value: wording.clone() });
    }
    let deletion_requested = details
        .as_ref()
        .and_then(|details| details.registration.deletion_requested_at)
        .map(|asked| t.with("admin-privacy-request-notice", "time", &at(asked)));
    Ok(DetailPage {
        t,
        nav: Nav::of(&staff),
        csrf: staff.csrf().to_owned(),
        title: super::privacy::shown_name(t, &row),
        event_title: event.title(language).to_owned(),
        back_url: urls::admin_attendees(event.id),
        erased: attendee.anonymised_at.map(|erased| t.with("admin-privacy-erased-at", "time", &at(erased))),
        deletion_requested,
        export_url: urls::admin_attendee_data(event.id, attendee_id),
        erase_url: urls::admin_attendee_erase(event.id, attendee_id),
        erase_unconfirmed: query.erase == "unconfirmed",
        facts,
        sessions,
        answers,
        ticket,
        check_ins,
        mails,
        history,
        is_cancelled: row.status == RegistrationStatus::Cancelled,
        is_checked_in: row.checked_in_at.is_some(),
        awaits_approval: row.status == RegistrationStatus::AwaitingApproval,
        approve_url: urls::admin_attendee_action(event.id, attendee_id, "approve"),
        decline_url: urls::admin_attendee_action(event.id, attendee_id, "decline"),
        cancel_url: urls::admin_attendee_action(event.id, attendee_id, "cancel"),
        reissue_url: urls::admin_attendee_action(event.id, attendee_id, "reissue"),
        check_in_url: urls::admin_attendee_action(event.id, attendee_id, "check-in"),
        edit_url: urls::admin_attendee_action(event.id, attendee_id, "edit"),
    })
}

async fn cancel(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    if registration::cancel_attendee(app.pools(), row.registration_id, attendee_id, Utc::now()).await? {
        record(&app, &staff, event_id, "attendee.cancel", &row, String::new()).await?;
    }
    Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
}

/// Approves the whole registration this attendee belongs to (a delegation is approved
/// together).
async fn approve(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    if registration::approve(app.pools(), row.registration_id, Utc::now()).await? {
        record(&app, &staff, event_id, "registration.approve", &row, String::new()).await?;
    }
    Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
}

async fn decline(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    if row.status == RegistrationStatus::AwaitingApproval
        && registration::decline(app.pools(), row.registration_id, Utc::now()).await?
    {
        record(&app, &staff, event_id, "registration.decline", &row, String::new()).await?;
    }
    Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
}

async fn reissue(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    if let Some(ticket) = registration::reissue_ticket(app.pools(), attendee_id, Utc::now()).await? {
        record(&app, &staff, event_id, "attendee.reissue_ticket", &row, format!("version {}", ticket.version)).await?;
    }
    Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
}

async fn check_in(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let row = find_row(&app, event_id, attendee_id).await?;
    let now = Utc::now();
    let label = t.with("admin-office-device", "name", &staff.user().name);
    let device = door::office_device(&app.pools().write, event_id, staff.user().id, &label, now).await?;
    let request = ScanRequest {
        presented: Presented::Attendee(attendee_id),
        scan_id: format!("office-{}", domain::ids::new_id().simple()),
        programme_session_id: None,
        offline_at: None,
    };
    let answer = checkin::redeem(app.pools(), app.verifier(), &device, &request, now)
        .await
        .map_err(|err| WebError::Internal(err.to_string()))?;
    if answer.result == ScanResult::Ok {
        record(&app, &staff, event_id, "attendee.check_in", &row, String::new()).await?;
        return Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response());
    }
    let notice = super::Notice {
        t,
        nav: Nav::of(&staff),
        title: t.get("admin-check-in-title"),
        text: t.get(&format!("admin-scan-{}", answer.result.code())),
        back: urls::admin_attendee(event_id, attendee_id),
    };
    Ok((StatusCode::CONFLICT, notice).into_response())
}

/// The form for adding someone by hand, as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddForm {
    first_name: String,
    last_name: String,
    email: String,
    organisation: String,
    organisation_type: String,
    partner_municipality: String,
    language: String,
    programme_session: Vec<Uuid>,
    consent: Option<String>,
}

pub struct SessionBox {
    pub id: String,
    pub title: String,
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/attendee_form.html")]
struct AddPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    action: String,
    form: AddForm,
    organisation_types: Vec<Choice>,
    languages: Vec<Choice>,
    sessions: Vec<SessionBox>,
    messages: Messages,
}

async fn add_page(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    event_id: Uuid,
    form: AddForm,
    messages: Messages,
) -> Result<AddPage, WebError> {
    let event = load_event(app, event_id).await?;
    let sessions = programme::for_event(app.db(), event.id)
        .await?
        .into_iter()
        .filter(|session| session.is_choosable())
        .map(|session| SessionBox {
            id: session.id.to_string(),
            title: session.title(t.language).to_owned(),
            checked: form.programme_session.contains(&session.id),
        })
        .collect();
    let mut organisation_types = vec![Choice::new("", t.get("field-organisation-type-choose"), false)];
    organisation_types.extend(ORGANISATION_TYPES.into_iter().map(|kind| {
        let value = organisation_type_value(kind);
        Choice::new(value, t.get(&format!("org-type-{value}")), form.organisation_type == value)
    }));
    let languages = ["de", "en", "uk"]
        .into_iter()
        .map(|code| Choice::new(code, t.get(&format!("language-name-{code}")), form.language == code))
        .collect();
    Ok(AddPage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-add-attendee-to", "event", event.title(t.language)),
        action: urls::admin_new_attendee(event.id),
        form,
        organisation_types,
        languages,
        sessions,
        messages,
    })
}

async fn new_form(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
) -> Result<AddPage, WebError> {
    let form = AddForm { language: language.code().to_owned(), ..AddForm::default() };
    add_page(&app, Tr::new(language), &staff, event_id, form, Messages::default()).await
}

async fn add(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<AddForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let mut messages = Messages::default();
    let first_name = messages.take(t, "first_name", PersonName::parse(&form.first_name));
    let last_name = messages.take(t, "last_name", PersonName::parse(&form.last_name));
    let email = messages.take(t, "email", EmailAddress::parse(&form.email));
    // Organisers may fill in what the public form does not ask; what it requires, they must.
    let rule = |rule: FieldRule| if rule == FieldRule::Required { rule } else { FieldRule::Optional };
    let rules = FieldRules::of(&event);
    let organisation = messages.take(t, "organisation", standard_text(rule(rules.organisation), &form.organisation));
    let organisation_type = standard_organisation_type(rule(rules.organisation_type), &form.organisation_type)
        .map_err(|code| messages.add("organisation_type", t.get(&format!("error-{code}"))))
        .ok();
    let partner = messages.take(
        t,
        "partner_municipality",
        standard_text(rule(rules.partner_municipality), &form.partner_municipality),
    );
    if form.consent.is_none() {
        messages.add("consent", t.get("admin-error-consent"));
    }
    let attendee = match (first_name, last_name, email, organisation, organisation_type, partner) {
        (
            Some(first_name),
            Some(last_name),
            Some(email),
            Some(organisation),
            Some(organisation_type),
            Some(partner_municipality),
        ) if messages.is_empty() => NewAttendee {
            first_name,
            last_name,
            email,
            organisation,
            organisation_type,
            partner_municipality,
            programme_session_ids: form.programme_session.clone(),
            answers: Vec::new(),
        },
        _ => {
            let page = add_page(&app, t, &staff, event.id, form, messages).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let name = format!("{} {}", attendee.first_name.as_str(), attendee.last_name.as_str());
    let request = RegistrationRequest {
        event_id: event.id,
        language: domain::Language::parse(&form.language).unwrap_or(language),
        attendees: vec![attendee],
        data_consent: true,
        consent_wording: Tr::new(language).get("admin-field-consent-by-phone"),
        submission_key: None,
        // Taken by an organiser: allowed outside the online window, never waitlisted.
        at_the_door: true,
    };
    let now = Utc::now();
    match registration::register(app.pools(), request, now).await {
        Ok(created) => {
            let detail = format!("registration:{} by hand", created.id);
            audit::record(
                &app.pools().write,
                staff.user(),
                audit::Action { event_id: Some(event.id), action: "attendee.add", subject: &name, detail },
                now,
            )
            .await?;
            Ok(Redirect::to(&urls::admin_attendees(event.id)).into_response())
        }
        Err(err) => {
            match err {
                RegistrationError::AlreadyRegistered => messages.add("email", t.get("admin-error-already-registered")),
                RegistrationError::EventFull => messages.add("first_name", t.get("error-event-full")),
                RegistrationError::UnknownSession(_) => {
                    messages.add("programme_session", t.get("error-unknown-session"))
                }
                RegistrationError::SessionsOverlap(_, _) => {
                    messages.add("programme_session", t.get("error-sessions-overlap"));
                }
                RegistrationError::NotOpen(_) => messages.add("first_name", t.get("registration-closed")),
                RegistrationError::Database(err) => return Err(err.into()),
                RegistrationError::EventNotFound => return Err(WebError::NotFound),
                RegistrationError::AlreadySubmitted(_)
                | RegistrationError::ConsentMissing
                | RegistrationError::NoAttendees
                | RegistrationError::DelegationFull => {
                    messages.add("first_name", t.get("error-form-unreadable"));
                }
            }
            let page = add_page(&app, t, &staff, event.id, form, messages).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The edit form as typed: what the attendee could change themselves, plus sessions.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    first_name: String,
    last_name: String,
    organisation: String,
    partner_municipality: String,
    programme_session: Vec<Uuid>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/attendee_edit.html")]
struct EditPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    action: String,
    back: String,
    form: EditForm,
    sessions: Vec<SessionBox>,
    messages: Messages,
}

async fn edit_page(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    row: &AttendeeRow,
    form: EditForm,
    messages: Messages,
) -> Result<EditPage, WebError> {
    let sessions = programme::for_event(app.db(), row.attendee.event_id)
        .await?
        .into_iter()
        .filter(|session| session.is_choosable())
        .map(|session| SessionBox {
            id: session.id.to_string(),
            title: session.title(t.language).to_owned(),
            checked: form.programme_session.contains(&session.id),
        })
        .collect();
    Ok(EditPage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-edit-attendee", "name", &row.full_name()),
        action: urls::admin_attendee_action(row.attendee.event_id, row.attendee.id, "edit"),
        back: urls::admin_attendee(row.attendee.event_id, row.attendee.id),
        form,
        sessions,
        messages,
    })
}

async fn edit_form(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<EditPage, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    let form = EditForm {
        first_name: row.attendee.first_name.clone(),
        last_name: row.attendee.last_name.clone(),
        organisation: row.attendee.organisation.clone(),
        partner_municipality: row.attendee.partner_municipality.clone(),
        programme_session: row.session_ids.clone(),
    };
    edit_page(&app, Tr::new(language), &staff, &row, form, Messages::default()).await
}

async fn save(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<EditForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let row = find_row(&app, event_id, attendee_id).await?;
    let mut messages = Messages::default();
    let first_name = messages.take(t, "first_name", PersonName::parse(&form.first_name));
    let last_name = messages.take(t, "last_name", PersonName::parse(&form.last_name));
    let organisation = messages.take(t, "organisation", clean_optional_text(&form.organisation, MAX_TEXT_CHARS));
    let partner =
        messages.take(t, "partner_municipality", clean_optional_text(&form.partner_municipality, MAX_TEXT_CHARS));
    let (Some(first_name), Some(last_name), Some(organisation), Some(partner_municipality)) =
        (first_name, last_name, organisation, partner)
    else {
        let page = edit_page(&app, t, &staff, &row, form, messages).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let change = registration::AttendeeChange {
        first_name,
        last_name,
        organisation,
        partner_municipality,
        programme_session_ids: form.programme_session.clone(),
        answers: None,
    };
    match registration::change_attendee(app.pools(), row.registration_id, attendee_id, change).await {
        Ok(()) => {
            // The person hears of it, with their current sessions and tickets.
            domain::outbox::enqueue(&app.pools().write, MailKind::ChangedByOrganiser, row.registration_id, Utc::now())
                .await?;
            record(&app, &staff, event_id, "attendee.edit", &row, String::new()).await?;
            Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
        }
        Err(err) => {
            match err {
                RegistrationError::SessionsOverlap(_, _) => {
                    messages.add("programme_session", t.get("error-sessions-overlap"))
                }
                RegistrationError::UnknownSession(_) => {
                    messages.add("programme_session", t.get("error-unknown-session"))
                }
                RegistrationError::Database(err) => return Err(err.into()),
                _ => messages.add("first_name", t.get("admin-error-not-editable")),
            }
            let page = edit_page(&app, t, &staff, &row, form, messages).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
