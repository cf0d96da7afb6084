//! A ticket to print or forward: one person's QR code with their name, the event, its
//! date and place, as a PDF whose file name says whose ticket it is.

use chrono::DateTime;
use domain::event::Event;
use domain::registration::Attendee;
use text::Tr;

use crate::RenderError;
use crate::pdf::{self, TicketPage};

/// The page's texts in the holder's language, and the code's modules.
pub fn page(t: Tr, event: &Event, person: &Attendee, code: &str) -> Result<TicketPage, RenderError> {
    let zone = event.zone();
    let place = [event.venue.as_str(), event.address.as_str()]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let starts: DateTime<chrono_tz::Tz> = event.starts_at.with_timezone(&zone);
    Ok(TicketPage {
        heading: t.get("ticket-pdf-heading"),
        name: person.full_name(),
        organisation: person.organisation.clone(),
        event_title: event.title(t.language).to_owned(),
        facts: vec![
            t.span(&starts, &event.ends_at.with_timezone(&zone)),
            if event.has_venue() && !place.is_empty() { place } else { t.get("event-format-online") },
        ],
        code_label: t.get("manage-ticket-code"),
        code: code.to_owned(),
        modules: crate::qr::modules(code)?,
    })
}

/// Rendered on the blocking pool: fonts and a few thousand squares take a few ms.
pub async fn render(page: TicketPage) -> Result<Vec<u8>, RenderError> {
    tokio::task::spawn_blocking(move || pdf::ticket(&page))
        .await
        .map_err(|err| RenderError(format!("pdf task: {err}")))?
        .map_err(|err| RenderError(format!("pdf: {err}")))
}

/// `ticket-{event}-{name}.pdf` in ASCII letters (Cyrillic spelled in Latin ones), so a
/// delegation's tickets can be told apart in a downloads folder or an e-mail.
pub fn file_name(event: &Event, person: &Attendee) -> String {
    let spelled = domain::search::latin(&domain::search::fold(&person.full_name()));
    let name: String = spelled
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let name = if name.is_empty() { "person".to_owned() } else { name };
    format!("ticket-{}-{name}.pdf", event.slug)
}
