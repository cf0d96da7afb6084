//! Exports and documents of one event: the attendee list as CSV (UTF-8 with BOM, so
//! Excel reads umlauts and Cyrillic) and XLSX (typed columns, frozen header), the
//! signature list as print-ready HTML and PDF (whole event or one programme session),
//! name badges as PDF, the funder report, and the check-in overview.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use chrono::Utc;
use domain::attendee_list::{self, AttendeeRow};
use domain::audit;
use domain::checkin;
use domain::door;
use domain::event::Event;
use domain::programme;
use domain::registration::RegistrationStatus;
use domain::registration_form as form_rules;
use serde::Deserialize;
use uuid::Uuid;

use super::event_pages::{EventLinks, load_event};
use super::form::Nav;
use super::list_query::ListQuery;
use super::{Access, Guarded, Staff};
use documents::pdf;
use documents::spreadsheets::{self, XLSX, csv_line, csv_start, report_workbook, reported};
use site::AppState;
use site::download::private_download;
use site::error::WebError;
use site::form::Choice;
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/attendees.csv", Access::Organiser, attendees_csv)
        .get("/admin/events/{event}/attendees.xlsx", Access::Organiser, attendees_xlsx)
        .get("/admin/events/{event}/signature-list", Access::Organiser, signature_list_page)
        .get("/admin/events/{event}/signature-list.pdf", Access::Organiser, signature_list_pdf)
        .get("/admin/events/{event}/badges.pdf", Access::Organiser, badges_pdf)
        .get("/admin/events/{event}/report.xlsx", Access::Organiser, report)
        .get("/admin/reports/{year}", Access::Organiser, yearly_report)
        .get("/admin/events/{event}/check-ins", Access::Organiser, check_ins_page)
        .get("/admin/events/{event}/check-ins.csv", Access::Organiser, check_ins_csv)
}

/// A file name from the event's address: ASCII only, so every browser keeps it.
fn file_name(event: &Event, suffix: &str, extension: &str) -> String {
    format!("{}-{suffix}.{extension}", event.slug)
}

/// The attendee list (all or as filtered) as a CSV download.
/// Every download of people's data goes to the audit log: who took which list, of how many.
async fn record_export(
    app: &AppState,
    staff: &Staff,
    event: Option<&Event>,
    action: &str,
    detail: String,
) -> Result<(), WebError> {
    let subject = event.map_or_else(String::new, |event| event.title_de.clone());
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action { event_id: event.map(|event| event.id), action, subject: &subject, detail },
        Utc::now(),
    )
    .await?;
    Ok(())
}

pub async fn csv_response(
    t: Tr,
    app: &AppState,
    staff: &Staff,
    event: &Event,
    rows: &[&AttendeeRow],
) -> Result<Response, WebError> {
    record_export(app, staff, Some(event), "export.attendees_csv", format!("{} people", rows.len())).await?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let questions = form_rules::questions(app.db(), event.id).await?;
    let csv = spreadsheets::attendees_csv(t, event, &sessions, &questions, rows);
    Ok(private_download("text/csv; charset=utf-8", &file_name(event, "teilnehmende", "csv"), csv.into_bytes()))
}

/// The attendee list (all or as filtered) as an XLSX download.
pub async fn xlsx_response(
    t: Tr,
    app: &AppState,
    staff: &Staff,
    event: &Event,
    rows: &[&AttendeeRow],
) -> Result<Response, WebError> {
    record_export(app, staff, Some(event), "export.attendees_xlsx", format!("{} people", rows.len())).await?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let questions = form_rules::questions(app.db(), event.id).await?;
    let bytes = spreadsheets::attendees_xlsx(t, event, &sessions, &questions, rows).map_err(WebError::internal)?;
    Ok(private_download(XLSX, &file_name(event, "teilnehmende", "xlsx"), bytes))
}

async fn attendees_csv(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let event = load_event(&app, event_id).await?;
    let all = app.attendee_rows(event.id).await?;
    let rows = query.filter().apply(&all);
    csv_response(Tr::new(language), &app, &staff, &event, &rows).await
}

async fn attendees_xlsx(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let event = load_event(&app, event_id).await?;
    let all = app.attendee_rows(event.id).await?;
    let rows = query.filter().apply(&all);
    xlsx_response(Tr::new(language), &app, &staff, &event, &rows).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SessionQuery {
    session: String,
}

/// The people on a signature list: confirmed attendees of the event, or of one session,
/// by last name.
struct ListContent {
    heading: String,
    facts: Vec<String>,
    rows: Vec<[String; 4]>,
    /// Per row, printed under the name: "No photos, please", or empty.
    notes: Vec<String>,
    session_choices: Vec<Choice>,
    session_param: String,
}

/// "No photos, please" for each person who did not consent to photos, else empty.
async fn photo_notes(app: &AppState, t: Tr, event_id: Uuid, rows: &[&AttendeeRow]) -> Result<Vec<String>, WebError> {
    let door = form_rules::door_questions(&form_rules::questions(app.db(), event_id).await?);
    Ok(rows
        .iter()
        .map(|row| if form_rules::declines_photos(&door, &row.answers) { t.get("no-photos") } else { String::new() })
        .collect())
}

/// The people a signature list or a badge sheet is for: confirmed, of the event or one
/// session, in alphabetical order.
fn confirmed_by_name(rows: &[AttendeeRow], session_id: Option<Uuid>) -> Vec<&AttendeeRow> {
    let mut people: Vec<&AttendeeRow> = rows
        .iter()
        .filter(|row| row.status == RegistrationStatus::Confirmed)
        .filter(|row| session_id.is_none_or(|id| row.session_ids.contains(&id)))
        .collect();
    people.sort_by_cached_key(|row| attendee_list::name_order(row));
    people
}

async fn list_content(app: &AppState, t: Tr, event: &Event, query: &SessionQuery) -> Result<ListContent, WebError> {
    let sessions = programme::for_event(app.db(), event.id).await?;
    let session = query.session.parse::<Uuid>().ok().and_then(|id| sessions.iter().find(|session| session.id == id));
    let all = app.attendee_rows(event.id).await?;
    let rows = confirmed_by_name(&all, session.map(|session| session.id));
    let zone = event.zone();
    let mut facts = vec![
        t.with("admin-list-event", "event", event.title(t.language)),
        t.with(
            "admin-list-date",
            "date",
            &t.span(&event.starts_at.with_timezone(&zone), &event.ends_at.with_timezone(&zone)),
        ),
    ];
    if event.has_venue() {
        facts.push(t.with("admin-list-place", "place", format!("{} {}", event.venue, event.address).trim()));
    }
    if let Some(session) = session {
        facts.push(t.with(
            "admin-list-session",
            "session",
            &format!("{} ({})", session.title(t.language), t.time(&session.starts_at.with_timezone(&zone))),
        ));
    }
    let mut session_choices = vec![Choice::new("", t.get("admin-list-whole-event"), session.is_none())];
    session_choices.extend(sessions.iter().map(|candidate| {
        Choice::new(
            candidate.id.to_string(),
            candidate.title(t.language).to_owned(),
            session.is_some_and(|s| s.id == candidate.id),
        )
    }));
    let notes = photo_notes(app, t, event.id, &rows).await?;
    Ok(ListContent {
        heading: t.get("admin-signature-list-title"),
        facts,
        notes,
        rows: rows
            .iter()
            .enumerate()
            .map(|(index, row)| {
                [
                    (index + 1).to_string(),
                    format!("{}, {}", row.attendee.last_name, row.attendee.first_name),
                    row.attendee.organisation.clone(),
                    row.attendee.partner_municipality.clone(),
                ]
            })
            .collect(),
        session_choices,
        session_param: session.map(|session| format!("?session={}", session.id)).unwrap_or_default(),
    })
}

fn list_columns(t: Tr) -> [String; 5] {
    [
        t.get("admin-col-no"),
        t.get("admin-col-name"),
        t.get("field-organisation"),
        t.get("admin-col-municipality"),
        t.get("admin-col-signature"),
    ]
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/signature_list.html")]
struct SignatureListPage {
    t: Tr,
    nav: Option<Nav>,
    heading: String,
    facts: Vec<String>,
    columns: [String; 5],
    /// The row's cells and its note.
    rows: Vec<([String; 4], String)>,
    sessions: Vec<Choice>,
    form_url: String,
    pdf_url: String,
    badges_url: String,
    links: EventLinks,
}

async fn signature_list_page(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<SessionQuery>,
) -> Result<SignatureListPage, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let content = list_content(&app, t, &event, &query).await?;
    Ok(SignatureListPage {
        t,
        nav: Nav::of(&staff),
        heading: content.heading,
        facts: content.facts,
        columns: list_columns(t),
        rows: content.rows.into_iter().zip(content.notes).collect(),
        sessions: content.session_choices,
        form_url: urls::admin_signature_list(event.id),
        pdf_url: format!("{}{}", urls::admin_signature_list_pdf(event.id), content.session_param),
        badges_url: format!("{}{}", urls::admin_badges_pdf(event.id), content.session_param),
        links: EventLinks::of(event.id),
    })
}

async fn render_pdf(render: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static) -> Result<Vec<u8>, WebError> {
    tokio::task::spawn_blocking(render)
        .await
        .map_err(|err| WebError::Internal(format!("pdf task: {err}")))?
        .map_err(|err| WebError::Internal(format!("pdf: {err}")))
}

async fn signature_list_pdf(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<SessionQuery>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let content = list_content(&app, t, &event, &query).await?;
    let list = pdf::SignatureList {
        heading: content.heading,
        facts: content.facts,
        columns: list_columns(t),
        rows: content.rows,
        notes: content.notes,
        page_label: Box::new(move |page, pages| {
            t.with2("admin-list-page", ["page", "pages"], [&page.to_string(), &pages.to_string()])
        }),
    };
    let people = list.rows.len();
    let bytes = render_pdf(move || pdf::signature_list(&list)).await?;
    record_export(&app, &staff, Some(&event), "export.signature_list", format!("{people} people")).await?;
    Ok(private_download("application/pdf", &file_name(&event, "unterschriftenliste", "pdf"), bytes))
}

async fn badges_pdf(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<SessionQuery>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let session_id = query.session.parse::<Uuid>().ok();
    let all = app.attendee_rows(event.id).await?;
    let rows = confirmed_by_name(&all, session_id);
    let notes = photo_notes(&app, t, event.id, &rows).await?;
    let badges: Vec<pdf::Badge> = rows
        .iter()
        .zip(notes)
        .map(|(row, note)| pdf::Badge {
            note,
            name: row.full_name(),
            organisation: row.attendee.organisation.clone(),
            municipality: row.attendee.partner_municipality.clone(),
        })
        .collect();
    let title = event.title(t.language).to_owned();
    let people = badges.len();
    let bytes = render_pdf(move || pdf::badges(&title, &badges)).await?;
    record_export(&app, &staff, Some(&event), "export.badges", format!("{people} people")).await?;
    Ok(private_download("application/pdf", &file_name(&event, "namensschilder", "pdf"), bytes))
}

async fn report(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let rows = app.attendee_rows(event.id).await?;
    let figures = attendee_list::figures(&rows);
    let bytes = report_workbook(t, event.title(language), &[reported(t, &event, figures.clone())], &figures)
        .map_err(WebError::internal)?;
    record_export(&app, &staff, Some(&event), "export.report", String::new()).await?;
    Ok(private_download(XLSX, &file_name(&event, "verwendungsnachweis", "xlsx"), bytes))
}

/// The funder report over every event of a year this team member may see.
async fn yearly_report(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(year): Path<String>,
) -> Result<Response, WebError> {
    use chrono::Datelike;
    let t = Tr::new(language);
    let Some(year) = year.parse::<i32>().ok().filter(|year| (2000..=2100).contains(year)) else {
        return Err(WebError::NotFound);
    };
    let mut events = Vec::new();
    let mut all_rows = Vec::new();
    for event in domain::event_setup::all_events(app.db()).await? {
        if !staff.0.may_see_event(event.id) || event.starts_at.with_timezone(&event.zone()).year() != year {
            continue;
        }
        let rows = app.attendee_rows(event.id).await?;
        events.push(reported(t, &event, attendee_list::figures(&rows)));
        all_rows.extend(rows.iter().cloned());
    }
    events.reverse();
    let heading = t.with("admin-report-year", "year", &year.to_string());
    let bytes =
        report_workbook(t, &heading, &events, &attendee_list::figures(&all_rows)).map_err(WebError::internal)?;
    Ok(private_download(XLSX, &format!("verwendungsnachweis-{year}.xlsx"), bytes))
}

pub struct CheckInLine {
    pub time: String,
    pub name: String,
    pub scope: String,
    pub device: String,
    pub method: String,
}

pub struct ConflictLine {
    pub name: String,
    pub first: String,
    pub second: String,
}

/// A scan a revoked device sent (see `checkin::record_blocked_scan`).
pub struct BlockedLine {
    pub received: String,
    pub name: String,
    pub scope: String,
    pub device: String,
    pub offline_at: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/check_ins.html")]
struct CheckInsPage {
    t: Tr,
    nav: Option<Nav>,
    title: String,
    links: EventLinks,
    expected: usize,
    check_ins: Vec<CheckInLine>,
    undos: Vec<CheckInLine>,
    conflicts: Vec<ConflictLine>,
    blocked: Vec<BlockedLine>,
    csv_url: String,
    form_url: String,
    sessions: Vec<Choice>,
}

struct CheckInData {
    check_ins: Vec<CheckInLine>,
    undos: Vec<CheckInLine>,
    conflicts: Vec<ConflictLine>,
    blocked: Vec<BlockedLine>,
    expected: usize,
}

/// The check-ins of the event, of its entrance only (`Some(event id)`) or of one session.
async fn check_in_data(app: &AppState, t: Tr, event: &Event, scope_id: Option<Uuid>) -> Result<CheckInData, WebError> {
    let rows = app.attendee_rows(event.id).await?;
    let names: std::collections::HashMap<Uuid, String> =
        rows.iter().map(|row| (row.attendee.id, row.full_name())).collect();
    let devices = door::names(app.db(), event.id).await?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let mut overview = checkin::overview(app.db(), event.id).await?;
    let mut blocked = checkin::blocked_scans(app.db(), event.id).await?;
    if let Some(scope_id) = scope_id {
        // The entrance is the event's own id as a scope, `None` on a scan.
        blocked.retain(|scan| scan.programme_session_id.unwrap_or(event.id) == scope_id);
        let scope_key = scope_id.to_string();
        overview.check_ins.retain(|check_in| check_in.scope == scope_key);
        overview.undos.retain(|undo| undo.scope == scope_key);
        overview.conflicts.retain(|conflict| conflict.scope == scope_key);
    }
    let zone = event.zone();
    let at = |time: chrono::DateTime<Utc>| t.date_time(&time.with_timezone(&zone));
    let scope =
        |session_id: Option<Uuid>| match session_id.and_then(|id| sessions.iter().find(|session| session.id == id)) {
            Some(session) => session.title(t.language).to_owned(),
            None => t.get("admin-scope-entrance"),
        };
    let name = |id: &Uuid| names.get(id).cloned().unwrap_or_default();
    let device = |id: &Uuid| devices.get(id).cloned().unwrap_or_default();
    Ok(CheckInData {
        check_ins: overview
            .check_ins
            .iter()
            .map(|check_in| CheckInLine {
                time: at(check_in.checked_in_at),
                name: name(&check_in.attendee_id),
                scope: scope(check_in.programme_session_id),
                device: device(&check_in.device_id),
                method: t.get(&format!("admin-method-{}", check_in.method)),
            })
            .collect(),
        undos: overview
            .undos
            .iter()
            .map(|undo| CheckInLine {
                time: at(undo.undone_at),
                name: name(&undo.attendee_id),
                scope: scope(undo.scope.parse().ok().filter(|id| *id != event.id)),
                device: device(&undo.undone_by),
                method: t.with("admin-undo-of", "time", &at(undo.checked_in_at)),
            })
            .collect(),
        conflicts: overview
            .conflicts
            .iter()
            .map(|conflict| ConflictLine {
                name: name(&conflict.attendee_id),
                first: format!("{} · {}", at(conflict.first_at), device(&conflict.first_device_id)),
                second: format!("{} · {}", at(conflict.second_at), device(&conflict.second_device_id)),
            })
            .collect(),
        blocked: blocked
            .iter()
            .map(|scan| BlockedLine {
                received: at(scan.received_at),
                name: scan.attendee_id.as_ref().map(name).unwrap_or_else(|| t.get("admin-blocked-unknown")),
                scope: scope(scan.programme_session_id),
                device: device(&scan.device_id),
                offline_at: scan.offline_at.map(at).unwrap_or_default(),
            })
            .collect(),
        expected: rows.iter().filter(|row| row.is_expected()).count(),
    })
}

async fn check_ins_page(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<SessionQuery>,
) -> Result<CheckInsPage, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let scope_id = query.session.parse::<Uuid>().ok();
    let data = check_in_data(&app, t, &event, scope_id).await?;
    let mut sessions = vec![
        Choice::new("", t.get("admin-list-whole-event"), scope_id.is_none()),
        Choice::new(event.id.to_string(), t.get("admin-scope-entrance"), scope_id == Some(event.id)),
    ];
    sessions.extend(programme::for_event(app.db(), event.id).await?.iter().map(|session| {
        Choice::new(session.id.to_string(), session.title(language).to_owned(), scope_id == Some(session.id))
    }));
    Ok(CheckInsPage {
        t,
        nav: Nav::of(&staff),
        title: t.with("admin-check-ins-of", "event", event.title(language)),
        links: EventLinks::of(event.id),
        expected: data.expected,
        check_ins: data.check_ins,
        undos: data.undos,
        conflicts: data.conflicts,
        blocked: data.blocked,
        csv_url: match scope_id {
            Some(scope_id) => format!("{}?session={scope_id}", urls::admin_check_ins_csv(event.id)),
            None => urls::admin_check_ins_csv(event.id),
        },
        form_url: urls::admin_check_ins(event.id),
        sessions,
    })
}

async fn check_ins_csv(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<SessionQuery>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let data = check_in_data(&app, t, &event, query.session.parse().ok()).await?;
    let header = ["admin-col-time", "admin-col-name", "admin-col-scope", "admin-col-device", "admin-col-method"];
    let mut out = csv_start(&header.map(|key| t.get(key)));
    for line in data.check_ins.iter().chain(&data.undos) {
        let fields = [&line.time, &line.name, &line.scope, &line.device, &line.method];
        csv_line(&mut out, &fields);
    }
    let people = data.check_ins.len();
    record_export(&app, &staff, Some(&event), "export.check_ins_csv", format!("{people} check-ins")).await?;
    Ok(private_download("text/csv; charset=utf-8", &file_name(&event, "check-ins", "csv"), out.into_bytes()))
}
