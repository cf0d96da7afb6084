//! What pages and mails say about an event and its programme sessions, already in the
//! reader's language.

use chrono::{DateTime, Utc};
use domain::event::{Event, EventFormat, EventStatus, RegistrationWindow};
use domain::programme::{ProgrammeSession, SessionKind};
use text::{Tr, urls};

/// What every page says about an event, already in the reader's language.
pub struct EventSummary {
    pub slug: String,
    pub title: String,
    /// `Some("de")` when the title is the German one for want of a translation.
    pub title_lang: Option<&'static str>,
    pub description: Vec<String>,
    pub description_lang: Option<&'static str>,
    /// "Only in German", when the title or description is.
    pub fallback_note: Option<String>,
    pub when: String,
    pub format: String,
    pub place: Option<String>,
    pub is_online: bool,
    pub places: Option<String>,
    pub is_full: bool,
    pub is_cancelled: bool,
    /// Why registration is not possible right now, if it is not.
    pub closed_reason: Option<String>,
    /// Open but full: registering puts people on the waiting list, and the page says so.
    pub waitlist_only: bool,
    pub url: String,
    pub register_url: String,
    pub calendar_url: String,
}

impl EventSummary {
    pub fn new(event: &Event, t: Tr, now: DateTime<Utc>) -> Self {
        let zone = event.zone();
        let place = event.has_venue().then(|| {
            if event.address.is_empty() { event.venue.clone() } else { format!("{}, {}", event.venue, event.address) }
        });
        let closed_reason = match event.registration_window(now) {
            _ if event.status == EventStatus::Cancelled => Some(t.get("event-cancelled")),
            RegistrationWindow::Open => None,
            RegistrationWindow::NotYetOpen(opens) => {
                Some(t.with("registration-not-open-yet", "date", &t.date_time(&opens.with_timezone(&zone))))
            }
            RegistrationWindow::Closed => Some(t.get("registration-closed")),
        };
        EventSummary {
            slug: event.slug.clone(),
            title: event.title(t.language).to_owned(),
            title_lang: t.language.fallback(&event.title_en, &event.title_uk),
            description: paragraphs(event.description(t.language)),
            description_lang: t.language.fallback(&event.description_en, &event.description_uk),
            fallback_note: (t.language.fallback(&event.title_en, &event.title_uk).is_some()
                || (t.language.fallback(&event.description_en, &event.description_uk).is_some()
                    && !event.description_de.trim().is_empty()))
            .then(|| t.get("content-german-only")),
            when: t.span(&event.starts_at.with_timezone(&zone), &event.ends_at.with_timezone(&zone)),
            format: t.get(format_key(event.format)),
            place,
            is_online: event.is_online(),
            places: event.free_places().map(|free| places_text(t, free)),
            is_full: event.is_full(),
            waitlist_only: closed_reason.is_none() && event.is_full(),
            is_cancelled: event.status == EventStatus::Cancelled,
            closed_reason,
            url: urls::event(&event.slug),
            register_url: urls::register(&event.slug),
            calendar_url: urls::event_calendar(&event.slug),
        }
    }
}

/// One programme session as the event page and the form show it.
pub struct SessionSummary {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub time: String,
    pub room: String,
    pub speakers: String,
    pub places: Option<String>,
    pub is_full: bool,
    pub is_choosable: bool,
}

impl SessionSummary {
    pub fn new(session: &ProgrammeSession, event: &Event, t: Tr) -> Self {
        let zone = event.zone();
        SessionSummary {
            id: session.id.to_string(),
            kind: t.get(kind_key(session.kind)),
            title: session.title(t.language).to_owned(),
            title_lang: t.language.fallback(&session.title_en, &session.title_uk),
            time: format!(
                "{}–{}",
                t.time(&session.starts_at.with_timezone(&zone)),
                t.time(&session.ends_at.with_timezone(&zone))
            ),
            room: session.room.clone(),
            speakers: session.speakers.clone(),
            places: session.free_places().map(|free| places_text(t, free)),
            is_full: session.is_full(),
            is_choosable: session.is_choosable(),
        }
    }
}

fn places_text(t: Tr, free: i32) -> String {
    if free == 0 { t.get("places-full") } else { t.count("places-free", "count", i64::from(free)) }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

pub fn format_key(format: EventFormat) -> &'static str {
    match format {
        EventFormat::InPerson => "event-format-in-person",
        EventFormat::Online => "event-format-online",
        EventFormat::Hybrid => "event-format-hybrid",
    }
}

fn kind_key(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Plenary => "session-kind-plenary",
        SessionKind::Forum => "session-kind-forum",
        SessionKind::Workshop => "session-kind-workshop",
        SessionKind::Excursion => "session-kind-excursion",
    }
}
