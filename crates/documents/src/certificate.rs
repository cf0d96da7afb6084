//! Certificates of attendance: their texts in the reader's language, the PDF and its
//! file name.

use chrono::Utc;
use domain::certificate::Attendance;
use domain::event::Event;
use text::Tr;

use crate::RenderError;
use crate::pdf;

/// The certificate's texts in the reader's language.
pub fn certificate_text(t: Tr, event: &Event, attendance: &Attendance) -> pdf::Certificate {
    let zone = event.zone();
    let (starts, ends) = (event.starts_at.with_timezone(&zone), event.ends_at.with_timezone(&zone));
    let date = if starts.date_naive() == ends.date_naive() {
        t.date(&starts)
    } else {
        t.with2("certificate-days", ["from", "to"], [&t.date(&starts), &t.date(&ends)])
    };
    let place = [event.venue.as_str(), event.address.as_str()]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let person = &attendance.attendee;
    let lines = |sessions: &[domain::programme::ProgrammeSession]| -> Vec<String> {
        sessions
            .iter()
            .map(|session| {
                let (from, to) = (session.starts_at.with_timezone(&zone), session.ends_at.with_timezone(&zone));
                format!("{}–{}  {}", t.time(&from), t.time(&to), session.title(t.language))
            })
            .collect()
    };
    pdf::Certificate {
        issuer: t.get("organiser-name"),
        heading: t.get("certificate-heading"),
        confirms: t.get("certificate-confirms"),
        name: person.full_name(),
        organisation: person.organisation.clone(),
        // An online event took place nowhere: "online", not "in online".
        attended: if event.has_venue() && !place.is_empty() {
            t.with2("certificate-attended", ["date", "place"], [&date, &place])
        } else {
            t.with("certificate-attended-online", "date", &date)
        },
        event_title: event.title(t.language).to_owned(),
        session_groups: vec![
            (t.get("certificate-sessions"), lines(&attendance.checked_in)),
            (t.get("certificate-sessions-registered"), lines(&attendance.registered_for)),
        ],
        issued: t.with("certificate-issued", "date", &t.date(&Utc::now().with_timezone(&zone))),
        signature: t.get("certificate-signature"),
    }
}

/// Renders on the blocking pool: a page of text and embedded fonts takes a few ms.
pub async fn render(text: pdf::Certificate) -> Result<Vec<u8>, RenderError> {
    tokio::task::spawn_blocking(move || pdf::certificate(&text))
        .await
        .map_err(|err| RenderError(format!("pdf task: {err}")))?
        .map_err(|err| RenderError(format!("pdf: {err}")))
}

/// The file name: the person's name is not in it (downloads folders are shared).
pub fn file_name(event: &Event, position: usize) -> String {
    format!("teilnahmebescheinigung-{}-{}.pdf", event.slug, position + 1)
}
