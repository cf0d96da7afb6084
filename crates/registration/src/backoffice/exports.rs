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
use domain::checkin;
use domain::door;
use domain::event::Event;
use domain::programme::{self, ProgrammeSession};
use domain::registration::RegistrationStatus;
use domain::registration_form::{self as form_rules, Question};
use serde::Deserialize;
use uuid::Uuid;

use super::attendees::{ListQuery, status_label};
use super::events::{EventLinks, load_event};
use super::form::{Choice, Nav};
use super::pdf;
use super::{Access, Guarded, Staff};
use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::pages::personal_data::private_download;
use crate::pages::register::organisation_type_value;
use crate::state::AppState;
use crate::urls;

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

/// The columns of the attendee exports, in order.
/// The columns every attendee export has; the event's questions follow.
const STANDARD_COLUMNS: usize = 11;

fn export_header(t: Tr) -> Vec<String> {
    [
        "admin-col-no",
        "field-first-name",
        "field-last-name",
        "field-email",
        "field-organisation",
        "field-organisation-type",
        "admin-col-partner-municipality",
        "admin-col-status",
        "admin-col-sessions",
        "admin-col-registered",
        "admin-col-checked-in",
    ]
    .iter()
    .map(|key| t.get(key))
    .collect()
}

fn session_titles(t: Tr, row: &AttendeeRow, sessions: &[ProgrammeSession]) -> String {
    sessions
        .iter()
        .filter(|session| row.session_ids.contains(&session.id))
        .map(|session| session.title(t.language))
        .collect::<Vec<_>>()
        .join("; ")
}

/// RFC 4180 quoting; a leading `= + - @` is neutralised so a spreadsheet never runs a
/// name as a formula (CSV injection).
fn csv_field(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', ';', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

/// A CSV text starting with the byte order mark (Excel then reads it as UTF-8) and the
/// header line.
fn csv_start<S: AsRef<str>>(header: &[S]) -> String {
    let mut out = String::from("\u{feff}");
    csv_line(&mut out, header);
    out
}

fn csv_line<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    out.push_str(&fields.iter().map(|field| csv_field(field.as_ref())).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
}

/// One row's answers to the event's own questions, in the order of the form.
fn answer_cells(t: Tr, questions: &[Question], row: &AttendeeRow) -> Vec<String> {
    let (yes, no) = (t.get("answer-yes"), t.get("answer-no"));
    questions
        .iter()
        .map(|question| {
            row.answers
                .iter()
                .find(|(id, _)| *id == question.id)
                .map(|(_, value)| question.show_answer(value, t.language, &yes, &no))
                .unwrap_or_default()
        })
        .collect()
}

/// The standard columns, then one per question of the event's form.
fn header_with_questions(t: Tr, questions: &[Question]) -> Vec<String> {
    let mut header = export_header(t);
    header.extend(questions.iter().map(|question| question.label(t.language).to_owned()));
    header
}

pub async fn csv_response(t: Tr, app: &AppState, event: &Event, rows: &[&AttendeeRow]) -> Result<Response, WebError> {
    let sessions = programme::for_event(app.db(), event.id).await?;
    let questions = form_rules::questions(app.db(), event.id).await?;
    let zone = event.zone();
    // The byte order mark makes Excel read the file as UTF-8.
    let mut out = csv_start(&header_with_questions(t, &questions));
    for (index, row) in rows.iter().enumerate() {
        let attendee = &row.attendee;
        let fields = [
            (index + 1).to_string(),
            attendee.first_name.clone(),
            attendee.last_name.clone(),
            attendee.email.clone(),
            attendee.organisation.clone(),
            t.get(&format!("org-type-{}", organisation_type_value(attendee.organisation_type))),
            attendee.partner_municipality.clone(),
            status_label(t, row.status),
            session_titles(t, row, &sessions),
            attendee.created_at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
            row.checked_in_at
                .map(|at| at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        ];
        let mut fields = fields.to_vec();
        fields.extend(answer_cells(t, &questions, row));
        csv_line(&mut out, &fields);
    }
    Ok(private_download("text/csv; charset=utf-8", &file_name(event, "teilnehmende", "csv"), out.into_bytes()))
}

pub async fn xlsx_response(t: Tr, app: &AppState, event: &Event, rows: &[&AttendeeRow]) -> Result<Response, WebError> {
    use rust_xlsxwriter::{Format, Workbook};
    let sessions = programme::for_event(app.db(), event.id).await?;
    let questions = form_rules::questions(app.db(), event.id).await?;
    let zone = event.zone();
    let failed = |err: rust_xlsxwriter::XlsxError| WebError::Internal(format!("xlsx: {err}"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(t.get("admin-attendees-title").chars().take(31).collect::<String>()).map_err(failed)?;
    let bold = Format::new().set_bold();
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let header = header_with_questions(t, &questions);
    for (column, heading) in header.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, heading, &bold).map_err(failed)?;
    }
    for (index, row) in rows.iter().enumerate() {
        let line = index as u32 + 1;
        let attendee = &row.attendee;
        sheet.write_number(line, 0, (index + 1) as f64).map_err(failed)?;
        let texts = [
            (1, attendee.first_name.clone()),
            (2, attendee.last_name.clone()),
            (3, attendee.email.clone()),
            (4, attendee.organisation.clone()),
            (5, t.get(&format!("org-type-{}", organisation_type_value(attendee.organisation_type)))),
            (6, attendee.partner_municipality.clone()),
            (7, status_label(t, row.status)),
            (8, session_titles(t, row, &sessions)),
        ];
        for (column, value) in texts {
            sheet.write_string(line, column, &value).map_err(failed)?;
        }
        let registered = attendee.created_at.with_timezone(&zone).naive_local();
        sheet.write_datetime_with_format(line, 9, registered, &date_time).map_err(failed)?;
        if let Some(at) = row.checked_in_at {
            sheet
                .write_datetime_with_format(line, 10, at.with_timezone(&zone).naive_local(), &date_time)
                .map_err(failed)?;
        }
        for (offset, answer) in answer_cells(t, &questions, row).iter().enumerate() {
            sheet.write_string(line, (STANDARD_COLUMNS + offset) as u16, answer).map_err(failed)?;
        }
    }
    for column in STANDARD_COLUMNS..header.len() {
        sheet.set_column_width(column as u16, 24).map_err(failed)?;
    }
    for (column, width) in [6, 18, 18, 30, 30, 24, 22, 16, 30, 17, 17].into_iter().enumerate() {
        sheet.set_column_width(column as u16, width).map_err(failed)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    sheet.autofilter(0, 0, rows.len() as u32, (header.len() - 1) as u16).map_err(failed)?;
    let bytes = workbook.save_to_buffer().map_err(failed)?;
    Ok(private_download(XLSX, &file_name(event, "teilnehmende", "xlsx"), bytes))
}

async fn attendees_csv(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(event_id): Path<Uuid>,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let event = load_event(&app, event_id).await?;
    let all = app.attendee_rows(event.id).await?;
    let rows = query.filter().apply(&all);
    csv_response(Tr::new(language), &app, &event, &rows).await
}

async fn attendees_xlsx(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(event_id): Path<Uuid>,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let event = load_event(&app, event_id).await?;
    let all = app.attendee_rows(event.id).await?;
    let rows = query.filter().apply(&all);
    xlsx_response(Tr::new(language), &app, &event, &rows).await
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
#[template(path = "admin/signature_list.html")]
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
    let bytes = render_pdf(move || pdf::signature_list(&list)).await?;
    Ok(private_download("application/pdf", &file_name(&event, "unterschriftenliste", "pdf"), bytes))
}

async fn badges_pdf(
    State(app): State<AppState>,
    Lang(language): Lang,
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
    let bytes = render_pdf(move || pdf::badges(&title, &badges)).await?;
    Ok(private_download("application/pdf", &file_name(&event, "namensschilder", "pdf"), bytes))
}

/// The funder report (Verwendungsnachweis): figures by organisation type, the
/// municipalities and partnerships represented, one sheet each.
/// One event's line in a funder report.
struct ReportedEvent {
    title: String,
    date: String,
    figures: attendee_list::Figures,
}

/// The funder report (Verwendungsnachweis) for one event or a year: counts and
/// organisation types over all, one line per event, the organisations and the
/// partnerships represented.
fn report_workbook(
    t: Tr,
    heading: &str,
    events: &[ReportedEvent],
    all: &attendee_list::Figures,
) -> Result<Vec<u8>, WebError> {
    use rust_xlsxwriter::{Format, Workbook};
    let failed = |err: rust_xlsxwriter::XlsxError| WebError::Internal(format!("xlsx: {err}"));
    let bold = Format::new().set_bold();
    let mut workbook = Workbook::new();
    let summary = workbook.add_worksheet();
    summary.set_name(t.get("admin-report-sheet-summary")).map_err(failed)?;
    summary.write_string_with_format(0, 0, heading, &bold).map_err(failed)?;
    let counts = [
        ("admin-figure-registered", all.registered),
        ("admin-figure-confirmed", all.confirmed),
        ("admin-figure-waitlisted", all.waitlisted),
        ("admin-figure-cancelled", all.cancelled),
        ("admin-figure-checked-in", all.checked_in),
    ];
    for (index, (key, count)) in counts.iter().enumerate() {
        summary.write_string(index as u32 + 2, 0, t.get(key)).map_err(failed)?;
        summary.write_number(index as u32 + 2, 1, *count as f64).map_err(failed)?;
    }
    let by_type_row = counts.len() as u32 + 3;
    summary.write_string_with_format(by_type_row, 0, t.get("admin-figure-by-type"), &bold).map_err(failed)?;
    for (index, (kind, count)) in all.by_organisation_type.iter().enumerate() {
        let line = by_type_row + 1 + index as u32;
        summary
            .write_string(line, 0, t.get(&format!("org-type-{}", organisation_type_value(*kind))))
            .map_err(failed)?;
        summary.write_number(line, 1, *count as f64).map_err(failed)?;
    }
    summary.set_column_width(0, 40).map_err(failed)?;
    let per_event = workbook.add_worksheet();
    per_event.set_name(t.get("admin-report-sheet-events")).map_err(failed)?;
    let headings = [
        "admin-col-event",
        "admin-col-when",
        "admin-figure-registered",
        "admin-figure-confirmed",
        "admin-figure-checked-in",
    ];
    for (column, key) in headings.iter().enumerate() {
        per_event.write_string_with_format(0, column as u16, t.get(key), &bold).map_err(failed)?;
    }
    for (index, event) in events.iter().enumerate() {
        let line = index as u32 + 1;
        per_event.write_string(line, 0, &event.title).map_err(failed)?;
        per_event.write_string(line, 1, &event.date).map_err(failed)?;
        for (column, count) in
            [event.figures.registered, event.figures.confirmed, event.figures.checked_in].into_iter().enumerate()
        {
            per_event.write_number(line, column as u16 + 2, count as f64).map_err(failed)?;
        }
    }
    per_event.set_column_width(0, 50).map_err(failed)?;
    per_event.set_column_width(1, 40).map_err(failed)?;
    per_event.set_freeze_panes(1, 0).map_err(failed)?;
    let organisations = workbook.add_worksheet();
    organisations.set_name(t.get("admin-report-sheet-organisations")).map_err(failed)?;
    organisations.write_string_with_format(0, 0, t.get("field-organisation"), &bold).map_err(failed)?;
    for (index, name) in all.organisations.iter().enumerate() {
        organisations.write_string(index as u32 + 1, 0, name).map_err(failed)?;
    }
    organisations.set_column_width(0, 40).map_err(failed)?;
    organisations.set_freeze_panes(1, 0).map_err(failed)?;
    let partnerships = workbook.add_worksheet();
    partnerships.set_name(t.get("admin-report-sheet-partnerships")).map_err(failed)?;
    partnerships.write_string_with_format(0, 0, t.get("field-organisation"), &bold).map_err(failed)?;
    partnerships.write_string_with_format(0, 1, t.get("admin-col-partner-municipality"), &bold).map_err(failed)?;
    for (index, (organisation, partner)) in all.partnerships.iter().enumerate() {
        partnerships.write_string(index as u32 + 1, 0, organisation).map_err(failed)?;
        partnerships.write_string(index as u32 + 1, 1, partner).map_err(failed)?;
    }
    partnerships.set_column_width(0, 40).map_err(failed)?;
    partnerships.set_column_width(1, 40).map_err(failed)?;
    partnerships.set_freeze_panes(1, 0).map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

fn reported(t: Tr, event: &Event, figures: attendee_list::Figures) -> ReportedEvent {
    let zone = event.zone();
    ReportedEvent {
        title: event.title(t.language).to_owned(),
        date: t.span(&event.starts_at.with_timezone(&zone), &event.ends_at.with_timezone(&zone)),
        figures,
    }
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn report(
    State(app): State<AppState>,
    Lang(language): Lang,
    Path(event_id): Path<Uuid>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let rows = app.attendee_rows(event.id).await?;
    let figures = attendee_list::figures(&rows);
    let bytes = report_workbook(t, event.title(language), &[reported(t, &event, figures.clone())], &figures)?;
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
    let bytes = report_workbook(t, &heading, &events, &attendee_list::figures(&all_rows))?;
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

#[derive(Template, WebTemplate)]
#[template(path = "admin/check_ins.html")]
struct CheckInsPage {
    t: Tr,
    nav: Option<Nav>,
    title: String,
    links: EventLinks,
    expected: usize,
    check_ins: Vec<CheckInLine>,
    undos: Vec<CheckInLine>,
    conflicts: Vec<ConflictLine>,
    csv_url: String,
    form_url: String,
    sessions: Vec<Choice>,
}

struct CheckInData {
    check_ins: Vec<CheckInLine>,
    undos: Vec<CheckInLine>,
    conflicts: Vec<ConflictLine>,
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
    if let Some(scope_id) = scope_id {
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
    Ok(private_download("text/csv; charset=utf-8", &file_name(&event, "check-ins", "csv"), out.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("Müller"), "Müller");
        assert_eq!(csv_field("Stadt Köln, Amt 1"), "\"Stadt Köln, Amt 1\"");
        assert_eq!(csv_field("Say \"hi\""), "\"Say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
    }
}
