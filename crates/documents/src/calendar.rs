//! Calendar files: one event, the feed of all published events, and a registration's
//! own file (the event plus the chosen sessions, with the online link).
//!
//! Times are written in UTC (`…Z`), which every calendar converts to local time without
//! needing a VTIMEZONE. UIDs derive from ids, so a second download updates the entry.

use chrono::{DateTime, Utc};
use domain::event::{Event, EventStatus};
use domain::registration::{RegistrationDetails, RegistrationStatus};
use ics::properties::{Description, DtEnd, DtStart, Location, Status, Summary, URL};
use ics::{ICalendar, escape_text};
use text::{Tr, urls};

const UID_DOMAIN: &str = "treffpunkt";

/// The feed of `events`, folded as RFC 5545 asks.
pub fn feed_text(public_url: &str, events: &[Event], t: Tr) -> String {
    let mut calendar = new_calendar(&t.get("calendar-feed-name"));
    for event in events {
        let mut entry = event_entry(public_url, event, t, format!("{}@{UID_DOMAIN}", event.id), None);
        entry.push(event_status(event));
        calendar.add_event(entry);
    }
    fold_lines(&calendar.to_string())
}

/// One public event's file.
pub fn event_text(public_url: &str, event: &Event, t: Tr) -> String {
    let mut calendar = new_calendar(event.title(t.language));
    let mut entry = event_entry(public_url, event, t, format!("{}@{UID_DOMAIN}", event.id), None);
    entry.push(event_status(event));
    calendar.add_event(entry);
    fold_lines(&calendar.to_string())
}

/// The registration's own calendar as text: the event (with the online link for a
/// confirmed registration) and the programme sessions of the person it is for (see
/// `RegistrationDetails::own_sessions`). The e-mail attaches it.
pub fn registration_text(public_url: &str, details: &RegistrationDetails, t: Tr) -> String {
    fold_lines(&registration_calendar_file(public_url, details, t).to_string())
}

fn registration_calendar_file(public_url: &str, details: &RegistrationDetails, t: Tr) -> ICalendar<'static> {
    let language = t.language;
    let event = &details.event;
    let confirmed = details.registration.status == RegistrationStatus::Confirmed;
    let online_url = event.online_url.as_deref().filter(|_| confirmed && event.is_online());
    let registration_id = details.registration.id;
    let mut calendar = new_calendar(event.title(language));
    let status = registration_status(event, details.registration.status);
    let mut entry =
        event_entry(public_url, event, t, format!("{registration_id}.{}@{UID_DOMAIN}", event.id), online_url);
    entry.push(status.clone());
    calendar.add_event(entry);
    // The sessions of the person the file is for (the contact person, or a member with
    // their own link): a delegation's contact does not attend every member's forum.
    for session in details.own_sessions() {
        let mut entry = ics::Event::new(format!("{registration_id}.{}@{UID_DOMAIN}", session.id), ics_time(Utc::now()));
        entry.push(Summary::new(escape_text(format!("{} – {}", session.title(language), event.title(language)))));
        entry.push(DtStart::new(ics_time(session.starts_at)));
        entry.push(DtEnd::new(ics_time(session.ends_at)));
        let place = [session.room.as_str(), event.venue.as_str()]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if !place.is_empty() {
            entry.push(Location::new(escape_text(place)));
        }
        entry.push(URL::new(format!("{}{}", public_url, urls::event(&event.slug))));
        entry.push(status.clone());
        calendar.add_event(entry);
    }
    calendar
}

/// A public event's status: confirmed unless cancelled.
fn event_status(event: &Event) -> Status<'static> {
    if event.status == EventStatus::Cancelled { Status::cancelled() } else { Status::confirmed() }
}

/// The status a registration's calendar entries carry: what is true for the person —
/// confirmed only with a confirmed place, tentative while waiting or unconfirmed,
/// cancelled when either the registration or the event is.
fn registration_status(event: &Event, registration: RegistrationStatus) -> Status<'static> {
    match registration {
        _ if event.status == EventStatus::Cancelled => Status::cancelled(),
        RegistrationStatus::Cancelled => Status::cancelled(),
        RegistrationStatus::Confirmed => Status::confirmed(),
        RegistrationStatus::Waitlisted
        | RegistrationStatus::PendingConfirmation
        | RegistrationStatus::AwaitingApproval => Status::tentative(),
    }
}

fn new_calendar(name: &str) -> ICalendar<'static> {
    let mut calendar = ICalendar::new("2.0", "-//Treffpunkt//Treffpunkt//DE");
    calendar.push(ics::components::Property::new("METHOD", "PUBLISH"));
    calendar.push(ics::components::Property::new("X-WR-CALNAME", escape_text(name.to_owned())));
    calendar
}

fn event_entry(public_url: &str, event: &Event, t: Tr, uid: String, online_url: Option<&str>) -> ics::Event<'static> {
    let language = t.language;
    let mut entry = ics::Event::new(uid, ics_time(Utc::now()));
    entry.push(Summary::new(escape_text(event.title(language).to_owned())));
    entry.push(DtStart::new(ics_time(event.starts_at)));
    entry.push(DtEnd::new(ics_time(event.ends_at)));
    let mut description = event.description(language).to_owned();
    if let Some(url) = online_url {
        description = format!("{}\n\n{description}", t.with("calendar-online-link", "url", url));
    }
    if !description.is_empty() {
        entry.push(Description::new(escape_text(description)));
    }
    let location = if event.has_venue() {
        [event.venue.as_str(), event.address.as_str()]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        online_url.map_or_else(|| t.get("event-format-online"), str::to_owned)
    };
    if !location.is_empty() {
        entry.push(Location::new(escape_text(location)));
    }
    entry.push(URL::new(format!("{}{}", public_url, urls::event(&event.slug))));
    entry
}

fn ics_time(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Re-folds content lines at 75 octets as RFC 5545 §3.1 asks; the `ics` crate folds
/// at 76, which strict validators refuse. Never splits a UTF-8 character.
pub fn fold_lines(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 70 * 3);
    for line in unfolded.split("\r\n").filter(|line| !line.is_empty()) {
        let mut octets = 0;
        for character in line.chars() {
            if octets + character.len_utf8() > 75 {
                out.push_str("\r\n ");
                octets = 1;
            }
            out.push(character);
            octets += character.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold_lines;

    #[test]
    fn folded_lines_are_at_most_75_octets_and_unfold_to_the_original() {
        let long = format!("SUMMARY:{}\r\nUID:x\r\n", "День партнерства міст Städtepartnerschaften ".repeat(6));
        let folded = fold_lines(&long);
        assert!(folded.split("\r\n").all(|line| line.len() <= 75), "{folded}");
        assert_eq!(folded.replace("\r\n ", ""), long);
    }
}
