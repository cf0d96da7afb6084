//! Spreadsheets: the attendee lists as CSV (for German Excel: `;`-separated, every field
//! quoted, UTF-8 with a byte order mark so umlauts and Cyrillic read right; formulas
//! defused) and XLSX (typed columns, frozen header), and the funder report
//! (Verwendungsnachweis) as XLSX.

use domain::attendee_list::{self, AttendeeRow};
use domain::event::Event;
use domain::programme::ProgrammeSession;
use domain::registration::RegistrationStatus;
use domain::registration_form::Question;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use text::Tr;

use crate::RenderError;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The status as the back office shows it.
pub fn status_label(t: Tr, status: RegistrationStatus) -> String {
    t.get(&format!("admin-status-{}", attendee_list::status_code(status)))
}

fn xlsx_failed(err: XlsxError) -> RenderError {
    RenderError(format!("xlsx: {err}"))
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
    let chosen = sessions
        .iter()
        .filter(|session| row.session_ids.contains(&session.id))
        .map(|session| session.title(t.language).to_owned());
    // Sessions waited for, said as the pages and mails say it.
    let waiting = sessions
        .iter()
        .filter(|session| row.waiting_session_ids.contains(&session.id))
        .map(|session| t.with("session-on-waiting-list", "session", session.title(t.language)));
    chosen.chain(waiting).collect::<Vec<_>>().join("; ")
}

/// What makes a spreadsheet read a cell as a formula (tab and CR: some skip them first).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Where a spreadsheet may begin a new cell inside a value: after any separator a program
/// might split at (a file opened with the wrong one still splits there) and a line break.
const CELL_BREAKS: [char; 5] = [',', ';', '\t', '\n', '\r'];

/// One CSV field, always quoted (RFC 4180: quotes doubled), so German Excel, which splits
/// at `;`, and every other reader see the same cells. A formula character wherever a cell
/// could begin — at the start and after a separator or line break inside the value — gets
/// an apostrophe before it, so no spreadsheet runs a name as a formula (CSV injection),
/// whichever separator it splits at.
pub fn csv_field(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    let mut cell_start = true;
    for c in value.chars() {
        if cell_start && FORMULA_START.contains(&c) {
            out.push('\'');
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
        cell_start = CELL_BREAKS.contains(&c);
    }
    out.push('"');
    out
}

/// A CSV text starting with the byte order mark (Excel then reads it as UTF-8) and the
/// header line.
pub fn csv_start<S: AsRef<str>>(header: &[S]) -> String {
    let mut out = String::from("\u{feff}");
    csv_line(&mut out, header);
    out
}

/// One line, separated by `;` as Excel expects in German (and most European) settings,
/// where `,` is the decimal comma.
pub fn csv_line<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    out.push_str(&fields.iter().map(|field| csv_field(field.as_ref())).collect::<Vec<_>>().join(";"));
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

/// The attendee list as CSV: the standard columns, then one per question.
pub fn attendees_csv(
    t: Tr,
    event: &Event,
    sessions: &[ProgrammeSession],
    questions: &[Question],
    rows: &[&AttendeeRow],
) -> String {
    let zone = event.zone();
    // The byte order mark makes Excel read the file as UTF-8.
    let mut out = csv_start(&header_with_questions(t, questions));
    for (index, row) in rows.iter().enumerate() {
        let attendee = &row.attendee;
        let fields = [
            (index + 1).to_string(),
            attendee.first_name.clone(),
            attendee.last_name.clone(),
            attendee.email.clone(),
            attendee.organisation.clone(),
            t.get(&format!("org-type-{}", attendee.organisation_type.code())),
            attendee.partner_municipality.clone(),
            status_label(t, row.status),
            session_titles(t, row, sessions),
            attendee.created_at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
            row.checked_in_at
                .map(|at| at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        ];
        let mut fields = fields.to_vec();
        fields.extend(answer_cells(t, questions, row));
        csv_line(&mut out, &fields);
    }
    out
}

/// The attendee list as an XLSX workbook, with dates as dates.
pub fn attendees_xlsx(
    t: Tr,
    event: &Event,
    sessions: &[ProgrammeSession],
    questions: &[Question],
    rows: &[&AttendeeRow],
) -> Result<Vec<u8>, RenderError> {
    let zone = event.zone();
    let failed = xlsx_failed;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(t.get("admin-attendees-title").chars().take(31).collect::<String>()).map_err(failed)?;
    let bold = Format::new().set_bold();
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let header = header_with_questions(t, questions);
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
            (5, t.get(&format!("org-type-{}", attendee.organisation_type.code()))),
            (6, attendee.partner_municipality.clone()),
            (7, status_label(t, row.status)),
            (8, session_titles(t, row, sessions)),
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
        for (offset, answer) in answer_cells(t, questions, row).iter().enumerate() {
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
    workbook.save_to_buffer().map_err(failed)
}

/// One event's line in a funder report.
pub struct ReportedEvent {
    title: String,
    date: String,
    figures: attendee_list::Figures,
}

/// The funder report (Verwendungsnachweis) for one event or a year: counts and
/// organisation types over all, one line per event, the organisations and the
/// partnerships represented.
pub fn report_workbook(
    t: Tr,
    heading: &str,
    events: &[ReportedEvent],
    all: &attendee_list::Figures,
) -> Result<Vec<u8>, RenderError> {
    let failed = xlsx_failed;
    let bold = Format::new().set_bold();
    let mut workbook = Workbook::new();
    let summary = workbook.add_worksheet();
    summary.set_name(t.get("admin-report-sheet-summary")).map_err(failed)?;
    summary.write_string_with_format(0, 0, heading, &bold).map_err(failed)?;
    let counts = [
        ("admin-figure-registered", all.registered),
        ("admin-figure-confirmed", all.confirmed),
        ("admin-figure-waitlisted", all.waitlisted),
        ("admin-figure-waiting-for-sessions", all.waiting_for_sessions),
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
        summary.write_string(line, 0, t.get(&format!("org-type-{}", kind.code()))).map_err(failed)?;
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
        "admin-figure-waitlisted",
        "admin-figure-waiting-for-sessions",
    ];
    for (column, key) in headings.iter().enumerate() {
        per_event.write_string_with_format(0, column as u16, t.get(key), &bold).map_err(failed)?;
    }
    for (index, event) in events.iter().enumerate() {
        let line = index as u32 + 1;
        per_event.write_string(line, 0, &event.title).map_err(failed)?;
        per_event.write_string(line, 1, &event.date).map_err(failed)?;
        let figures = &event.figures;
        for (column, count) in [
            figures.registered,
            figures.confirmed,
            figures.checked_in,
            figures.waitlisted,
            figures.waiting_for_sessions,
        ]
        .into_iter()
        .enumerate()
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

pub fn reported(t: Tr, event: &Event, figures: attendee_list::Figures) -> ReportedEvent {
    let zone = event.zone();
    ReportedEvent {
        title: event.title(t.language).to_owned(),
        date: t.span(&event.starts_at.with_timezone(&zone), &event.ends_at.with_timezone(&zone)),
        figures,
    }
}

#[cfg(test)]
mod tests {
    use super::{csv_field, csv_line};

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("Müller"), "\"Müller\"");
        assert_eq!(csv_field("Stadt Köln, Amt 1"), "\"Stadt Köln, Amt 1\"");
        assert_eq!(csv_field("Say \"hi\""), "\"Say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "\"'-1\"");
        assert_eq!(csv_field("Stadt;=1+1;x"), "\"Stadt;'=1+1;x\"");
        assert_eq!(csv_field("a,@SUM(A1)\n+1\t-2"), "\"a,'@SUM(A1)\n'+1\t'-2\"");
        assert_eq!(csv_field("10:00-11:00; Saal 2"), "\"10:00-11:00; Saal 2\"", "a dash inside a word stays");
        assert_eq!(csv_field(""), "\"\"");
    }

    #[test]
    fn lines_are_separated_by_semicolons() {
        let mut out = String::new();
        csv_line(&mut out, &["1", "Olena", "=1+1"]);
        assert_eq!(out, "\"1\";\"Olena\";\"'=1+1\"\r\n");
    }
}
