//! Every URL the participant pages link to or redirect to, built in one place.

pub fn home() -> String {
    "/".to_owned()
}

pub fn event(slug: &str) -> String {
    format!("/events/{slug}")
}

pub fn register(slug: &str) -> String {
    format!("/events/{slug}/register")
}

pub fn event_calendar(slug: &str) -> String {
    format!("/events/{slug}/calendar.ics")
}

pub fn calendar_feed() -> String {
    "/calendar.ics".to_owned()
}

pub fn manage(manage_token: &str) -> String {
    format!("/r/{manage_token}")
}

pub fn ticket_svg(manage_token: &str, attendee_index: usize) -> String {
    with_attendee(format!("/r/{manage_token}/ticket.svg"), attendee_index)
}

pub fn ticket_png(manage_token: &str, attendee_index: usize) -> String {
    with_attendee(format!("/r/{manage_token}/ticket.png"), attendee_index)
}

pub fn registration_calendar(manage_token: &str) -> String {
    format!("/r/{manage_token}/calendar.ics")
}

/// The double opt-in link in the e-mail.
pub fn confirm_email(confirm_token: &str) -> String {
    format!("/r/confirm/{confirm_token}")
}

pub fn resend(manage_token: &str) -> String {
    format!("/r/{manage_token}/resend")
}

pub fn edit_attendee(manage_token: &str, attendee_index: usize) -> String {
    format!("/r/{manage_token}/attendees/{attendee_index}/edit")
}

pub fn cancel_attendee(manage_token: &str, attendee_index: usize) -> String {
    format!("/r/{manage_token}/attendees/{attendee_index}/cancel")
}

pub fn cancel(manage_token: &str) -> String {
    format!("/r/{manage_token}/cancel")
}

/// "Send me my link": the registration links for an e-mail address, by mail.
pub fn find_registration() -> String {
    "/r/find".to_owned()
}

pub fn accessibility() -> String {
    "/accessibility".to_owned()
}

pub fn privacy() -> String {
    "/privacy".to_owned()
}

pub fn door(device_token: &str) -> String {
    format!("/door/{device_token}")
}

/// The door page's no-JavaScript forms.
pub fn door_undo(device_token: &str) -> String {
    format!("/door/{device_token}/undo")
}

pub fn door_walk_in(device_token: &str) -> String {
    format!("/door/{device_token}/walk-in")
}

pub fn door_script() -> &'static str {
    concat!("/static/door.js?v=", env!("CARGO_PKG_VERSION"))
}

/// The vendored QR decoder (jsQR) for camera scanning at the door.
pub fn qr_decoder_script() -> &'static str {
    concat!("/static/jsQR.js?v=", env!("CARGO_PKG_VERSION"))
}

pub fn stylesheet() -> &'static str {
    concat!("/static/style.css?v=", env!("CARGO_PKG_VERSION"))
}

/// The contact person's ticket has the plain URL; delegation members are numbered.
fn with_attendee(url: String, attendee_index: usize) -> String {
    if attendee_index == 0 { url } else { format!("{url}?attendee={attendee_index}") }
}
