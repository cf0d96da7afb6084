//! PDF documents for the funder, the door and the participants: signature lists (Teilnehmerliste /
//! Unterschriftenliste), name badges and certificates of attendance, A4, with DejaVu Sans embedded (a subset, with
//! a ToUnicode map, so names in umlauts and Cyrillic print and can be extracted).

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
const A4_WIDTH: f32 = 210.0 * MM;
const A4_HEIGHT: f32 = 297.0 * MM;

static REGULAR: &[u8] = include_bytes!("../../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../fonts/DejaVuSans-Bold.ttf");

struct Fonts {
    regular: Font,
    bold: Font,
    metrics: ttf_parser::Face<'static>,
}

impl Fonts {
    fn load() -> Result<Fonts, String> {
        Ok(Fonts {
            regular: Font::new(REGULAR.into(), 0).ok_or("the regular font does not load")?,
            bold: Font::new(BOLD.into(), 0).ok_or("the bold font does not load")?,
            metrics: ttf_parser::Face::parse(REGULAR, 0).map_err(|err| err.to_string())?,
        })
    }

    /// The width of a text in points (regular face; bold is a little wider, hence the margin
    /// callers keep).
    fn width(&self, text: &str, size: f32) -> f32 {
        let units = f32::from(self.metrics.units_per_em());
        text.chars()
            .map(|c| {
                self.metrics
                    .glyph_index(c)
                    .and_then(|glyph| self.metrics.glyph_hor_advance(glyph))
                    .map_or(0.5 * units, f32::from)
            })
            .sum::<f32>()
            * size
            / units
    }

    /// The text cut to fit `max_width`, with an ellipsis when cut.
    fn fit(&self, text: &str, size: f32, max_width: f32) -> String {
        if self.width(text, size) <= max_width {
            return text.to_owned();
        }
        let mut fitted = String::new();
        for c in text.chars() {
            fitted.push(c);
            if self.width(&fitted, size) + self.width("…", size) > max_width {
                fitted.pop();
                break;
            }
        }
        format!("{}…", fitted.trim_end())
    }
}

fn text(surface: &mut Surface, font: &Font, x: f32, y: f32, size: f32, content: &str) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill::default()));
    surface.draw_text(Point::from_xy(x, y), font.clone(), size, content, false, TextDirection::Auto);
}

fn lines(surface: &mut Surface, segments: &[(f32, f32, f32, f32)], width: f32) {
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke { width, paint: rgb::Color::new(0, 0, 0).into(), ..Default::default() }));
    let mut path = PathBuilder::new();
    for (x1, y1, x2, y2) in segments {
        path.move_to(*x1, *y1);
        path.line_to(*x2, *y2);
    }
    if let Some(path) = path.finish() {
        surface.draw_path(&path);
    }
}

fn rectangle(surface: &mut Surface, x: f32, y: f32, width: f32, height: f32) {
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke { width: 0.5, paint: rgb::Color::new(120, 120, 120).into(), ..Default::default() }));
    let mut path = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(x, y, width, height) {
        path.push_rect(rect);
    }
    if let Some(path) = path.finish() {
        surface.draw_path(&path);
    }
}

fn a4() -> Result<PageSettings, String> {
    PageSettings::from_wh(A4_WIDTH, A4_HEIGHT).ok_or_else(|| "A4 page size".to_owned())
}

/// What a signature list prints, already in the reader's language.
pub struct SignatureList {
    pub heading: String,
    /// Event, date, place: one line each.
    pub facts: Vec<String>,
    /// Column headings: No., name, organisation, municipality, signature.
    pub columns: [String; 5],
    pub rows: Vec<[String; 4]>,
    /// Per row, a short second line under the name (no photos), or empty.
    pub notes: Vec<String>,
    /// "Seite {page} von {pages}", with the placeholders filled per page.
    pub page_label: Box<dyn Fn(usize, usize) -> String + Send>,
}

/// Columns (x in mm from the left edge, width in mm).
const COLUMNS: [(f32, f32); 5] = [(15.0, 10.0), (25.0, 50.0), (75.0, 50.0), (125.0, 35.0), (160.0, 35.0)];
const ROW_HEIGHT: f32 = 11.0 * MM;
const FIRST_ROW_TOP: f32 = 58.0 * MM;
const LAST_ROW_BOTTOM: f32 = 280.0 * MM;

pub fn signature_list(list: &SignatureList) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let rows_per_page = ((LAST_ROW_BOTTOM - FIRST_ROW_TOP) / ROW_HEIGHT).floor().max(1.0) as usize;
    let pages = list.rows.len().div_ceil(rows_per_page).max(1);
    let mut document = Document::new();
    for page_index in 0..pages {
        let mut page = document.start_page_with(a4()?);
        let mut surface = page.surface();
        text(&mut surface, &fonts.bold, 15.0 * MM, 20.0 * MM, 15.0, &fonts.fit(&list.heading, 15.0, 180.0 * MM));
        for (index, fact) in list.facts.iter().enumerate() {
            let y = (28.0 + 6.0 * index as f32) * MM;
            text(&mut surface, &fonts.regular, 15.0 * MM, y, 10.0, &fonts.fit(fact, 10.0, 180.0 * MM));
        }
        let header_y = FIRST_ROW_TOP - 3.0 * MM;
        for ((x, width), heading) in COLUMNS.iter().zip(&list.columns) {
            text(&mut surface, &fonts.bold, x * MM, header_y, 9.0, &fonts.fit(heading, 9.0, (width - 1.0) * MM));
        }
        let rows: Vec<&[String; 4]> = list.rows.iter().skip(page_index * rows_per_page).take(rows_per_page).collect();
        let notes: Vec<&String> = list.notes.iter().skip(page_index * rows_per_page).take(rows_per_page).collect();
        let mut segments = vec![(15.0 * MM, FIRST_ROW_TOP, 195.0 * MM, FIRST_ROW_TOP)];
        for (offset, row) in rows.iter().enumerate() {
            let top = FIRST_ROW_TOP + offset as f32 * ROW_HEIGHT;
            let baseline = top + 7.0 * MM;
            for ((x, width), value) in COLUMNS.iter().zip(row.iter()) {
                text(&mut surface, &fonts.regular, x * MM, baseline, 9.0, &fonts.fit(value, 9.0, (width - 1.5) * MM));
            }
            if let Some(note) = notes.get(offset).filter(|note| !note.is_empty()) {
                let (x, width) = COLUMNS[1];
                text(
                    &mut surface,
                    &fonts.bold,
                    x * MM,
                    top + 10.0 * MM,
                    7.0,
                    &fonts.fit(note, 7.0, (width - 1.5) * MM),
                );
            }
            segments.push((15.0 * MM, top + ROW_HEIGHT, 195.0 * MM, top + ROW_HEIGHT));
        }
        lines(&mut surface, &segments, 0.4);
        let label = (list.page_label)(page_index + 1, pages);
        text(&mut surface, &fonts.regular, 15.0 * MM, 290.0 * MM, 8.0, &label);
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|err| format!("{err:?}"))
}

/// One badge: the name large, organisation and municipality below, the event at the foot.
pub struct Badge {
    pub name: String,
    pub organisation: String,
    pub municipality: String,
    /// Printed in bold above the event's name: "No photos, please", or empty.
    pub note: String,
}

/// A4 sheets of 2 × 4 badges (90 × 60 mm), cut marks as thin frames.
pub fn badges(event_title: &str, badges: &[Badge]) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    const PER_PAGE: usize = 8;
    const WIDTH: f32 = 90.0 * MM;
    const HEIGHT: f32 = 60.0 * MM;
    const LEFT: f32 = 12.0 * MM;
    const TOP: f32 = 22.0 * MM;
    let mut document = Document::new();
    let sheets: Vec<&[Badge]> = if badges.is_empty() { vec![&[]] } else { badges.chunks(PER_PAGE).collect() };
    for sheet in sheets {
        let mut page = document.start_page_with(a4()?);
        let mut surface = page.surface();
        for (index, badge) in sheet.iter().enumerate() {
            let x = LEFT + (index % 2) as f32 * (WIDTH + 6.0 * MM);
            let y = TOP + (index / 2) as f32 * (HEIGHT + 4.0 * MM);
            rectangle(&mut surface, x, y, WIDTH, HEIGHT);
            let inner = WIDTH - 10.0 * MM;
            let name_size = if fonts.width(&badge.name, 18.0) > inner { 14.0 } else { 18.0 };
            text(
                &mut surface,
                &fonts.bold,
                x + 5.0 * MM,
                y + 20.0 * MM,
                name_size,
                &fonts.fit(&badge.name, name_size, inner),
            );
            text(
                &mut surface,
                &fonts.regular,
                x + 5.0 * MM,
                y + 31.0 * MM,
                11.0,
                &fonts.fit(&badge.organisation, 11.0, inner),
            );
            text(
                &mut surface,
                &fonts.regular,
                x + 5.0 * MM,
                y + 38.0 * MM,
                11.0,
                &fonts.fit(&badge.municipality, 11.0, inner),
            );
            if !badge.note.is_empty() {
                text(
                    &mut surface,
                    &fonts.bold,
                    x + 5.0 * MM,
                    y + 46.0 * MM,
                    10.0,
                    &fonts.fit(&badge.note, 10.0, inner),
                );
            }
            text(&mut surface, &fonts.regular, x + 5.0 * MM, y + 53.0 * MM, 8.0, &fonts.fit(event_title, 8.0, inner));
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|err| format!("{err:?}"))
}

/// A certificate of attendance, every text already in the reader's language.
pub struct Certificate {
    /// The organiser, as a letterhead.
    pub issuer: String,
    pub heading: String,
    /// "Hiermit wird bestätigt, dass"
    pub confirms: String,
    pub name: String,
    pub organisation: String,
    /// "am … in … an folgender Veranstaltung teilgenommen hat:"
    pub attended: String,
    pub event_title: String,
    /// Groups of sessions under their heading ("attended, checked in at the door";
    /// "as registered"): one line per session, time and title.
    pub session_groups: Vec<(String, Vec<String>)>,
    /// "Ausgestellt am …"
    pub issued: String,
    /// Under the signature line.
    pub signature: String,
}

impl Fonts {
    /// The text broken into lines no wider than `max_width` (words kept whole; a word
    /// wider than a line is cut with an ellipsis).
    fn wrap(&self, text: &str, size: f32, max_width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.width(&candidate, size) <= max_width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines.into_iter().map(|line| self.fit(&line, size, max_width)).collect()
    }
}

/// One A4 page: letterhead, heading, name, event, sessions attended, date and signature
/// line. At most as many sessions as fit; the rest are summarised as "…".
pub fn certificate(certificate: &Certificate) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    const LEFT: f32 = 25.0 * MM;
    const WIDTH: f32 = 160.0 * MM;
    let centred = |surface: &mut Surface, font: &Font, y: f32, size: f32, content: &str| {
        let x = (A4_WIDTH - fonts.width(content, size) * 1.05).max(0.0) / 2.0;
        text(surface, font, x, y, size, content);
    };
    let mut document = Document::new();
    let mut page = document.start_page_with(a4()?);
    let mut surface = page.surface();
    text(&mut surface, &fonts.bold, LEFT, 25.0 * MM, 11.0, &fonts.fit(&certificate.issuer, 11.0, WIDTH));
    lines(&mut surface, &[(LEFT, 29.0 * MM, LEFT + WIDTH, 29.0 * MM)], 0.8);
    centred(&mut surface, &fonts.bold, 62.0 * MM, 24.0, &fonts.fit(&certificate.heading, 24.0, WIDTH));
    centred(&mut surface, &fonts.regular, 82.0 * MM, 12.0, &fonts.fit(&certificate.confirms, 12.0, WIDTH));
    centred(&mut surface, &fonts.bold, 97.0 * MM, 20.0, &fonts.fit(&certificate.name, 20.0, WIDTH));
    let mut y = 106.0 * MM;
    if !certificate.organisation.is_empty() {
        centred(&mut surface, &fonts.regular, y, 12.0, &fonts.fit(&certificate.organisation, 12.0, WIDTH));
    }
    y += 14.0 * MM;
    for line in fonts.wrap(&certificate.attended, 12.0, WIDTH) {
        centred(&mut surface, &fonts.regular, y, 12.0, &line);
        y += 6.0 * MM;
    }
    y += 4.0 * MM;
    for line in fonts.wrap(&certificate.event_title, 15.0, WIDTH).into_iter().take(3) {
        centred(&mut surface, &fonts.bold, y, 15.0, &line);
        y += 8.0 * MM;
    }
    const LAST_SESSION_LINE: f32 = 232.0 * MM;
    for (heading, sessions) in certificate.session_groups.iter().filter(|(_, sessions)| !sessions.is_empty()) {
        if y > LAST_SESSION_LINE {
            break;
        }
        y += 6.0 * MM;
        text(&mut surface, &fonts.bold, LEFT, y, 11.0, &fonts.fit(heading, 11.0, WIDTH));
        y += 7.0 * MM;
        for (index, session) in sessions.iter().enumerate() {
            if y > LAST_SESSION_LINE && index + 1 < sessions.len() {
                text(&mut surface, &fonts.regular, LEFT + 4.0 * MM, y, 10.0, "…");
                break;
            }
            text(&mut surface, &fonts.regular, LEFT + 4.0 * MM, y, 10.0, &fonts.fit(session, 10.0, WIDTH - 4.0 * MM));
            y += 5.5 * MM;
        }
    }
    text(&mut surface, &fonts.regular, LEFT, 250.0 * MM, 10.0, &fonts.fit(&certificate.issued, 10.0, WIDTH));
    lines(&mut surface, &[(LEFT + 90.0 * MM, 268.0 * MM, LEFT + WIDTH, 268.0 * MM)], 0.5);
    // The caption wraps under the signature line instead of being cut.
    let mut caption_y = 273.0 * MM;
    for line in fonts.wrap(&certificate.signature, 9.0, 70.0 * MM).into_iter().take(3) {
        text(&mut surface, &fonts.regular, LEFT + 90.0 * MM, caption_y, 9.0, &line);
        caption_y += 4.5 * MM;
    }
    surface.finish();
    page.finish();
    document.finish().map_err(|err| format!("{err:?}"))
}

/// What a ticket to print or forward shows beside its QR code, in the holder's language.
pub struct TicketPage {
    pub heading: String,
    pub name: String,
    pub organisation: String,
    pub event_title: String,
    /// Date and time; the place (or "online").
    pub facts: Vec<String>,
    /// "Ticket-Code zum Eintippen" and the code itself, for a scanner that cannot read it.
    pub code_label: String,
    pub code: String,
    /// The QR code's modules, row by row (`true` is dark), quiet zone included.
    pub modules: Vec<Vec<bool>>,
}

/// One A4 page whose top half is the ticket: the QR code drawn as vector squares (sharp
/// at any size), the holder's name and the event beside it, the typed code below.
pub fn ticket(ticket: &TicketPage) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    const LEFT: f32 = 15.0 * MM;
    const QR_SIZE: f32 = 70.0 * MM;
    const TEXT_LEFT: f32 = LEFT + QR_SIZE + 8.0 * MM;
    const TEXT_WIDTH: f32 = A4_WIDTH - TEXT_LEFT - 15.0 * MM;
    let mut document = Document::new();
    let mut page = document.start_page_with(a4()?);
    let mut surface = page.surface();
    text(&mut surface, &fonts.bold, LEFT, 22.0 * MM, 14.0, &fonts.fit(&ticket.heading, 14.0, A4_WIDTH - 30.0 * MM));
    let count = ticket.modules.len().max(1) as f32;
    let module = QR_SIZE / count;
    surface.set_stroke(None);
    surface.set_fill(Some(Fill::default()));
    let mut path = PathBuilder::new();
    for (row, cells) in ticket.modules.iter().enumerate() {
        for (column, dark) in cells.iter().enumerate() {
            if *dark
                && let Some(rect) =
                    Rect::from_xywh(LEFT + column as f32 * module, 30.0 * MM + row as f32 * module, module, module)
            {
                path.push_rect(rect);
            }
        }
    }
    if let Some(path) = path.finish() {
        surface.draw_path(&path);
    }
    let mut y = 40.0 * MM;
    for line in fonts.wrap(&ticket.name, 16.0, TEXT_WIDTH).into_iter().take(2) {
        text(&mut surface, &fonts.bold, TEXT_LEFT, y, 16.0, &line);
        y += 7.5 * MM;
    }
    for line in fonts.wrap(&ticket.organisation, 11.0, TEXT_WIDTH).into_iter().take(2) {
        text(&mut surface, &fonts.regular, TEXT_LEFT, y, 11.0, &line);
        y += 5.5 * MM;
    }
    y += 4.0 * MM;
    for line in fonts.wrap(&ticket.event_title, 12.0, TEXT_WIDTH).into_iter().take(3) {
        text(&mut surface, &fonts.bold, TEXT_LEFT, y, 12.0, &line);
        y += 6.0 * MM;
    }
    for fact in &ticket.facts {
        for line in fonts.wrap(fact, 10.0, TEXT_WIDTH).into_iter().take(2) {
            text(&mut surface, &fonts.regular, TEXT_LEFT, y, 10.0, &line);
            y += 5.0 * MM;
        }
    }
    let below = 30.0 * MM + QR_SIZE + 8.0 * MM;
    text(&mut surface, &fonts.regular, LEFT, below, 9.0, &fonts.fit(&ticket.code_label, 9.0, A4_WIDTH - 30.0 * MM));
    // The code is long (132 characters): two lines at a size every printer renders.
    let half = ticket.code.len() / 2;
    let (first, second) = ticket.code.split_at(half.min(ticket.code.len()));
    text(&mut surface, &fonts.regular, LEFT, below + 5.0 * MM, 8.0, first);
    text(&mut surface, &fonts.regular, LEFT, below + 9.0 * MM, 8.0, second);
    lines(&mut surface, &[(LEFT, below + 14.0 * MM, A4_WIDTH - 15.0 * MM, below + 14.0 * MM)], 0.3);
    surface.finish();
    page.finish();
    document.finish().map_err(|err| format!("{err:?}"))
}
