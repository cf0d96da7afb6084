//! Every URL the pages, mails and documents link to or redirect to, built in one place.

pub fn home() -> String {
    "/".to_owned()
}

pub fn event(slug: &str) -> String {
    format!("/events/{slug}")
}

pub fn register(slug: &str) -> String {
    format!("/events/{slug}/register")
}

/// Where the registration form leads when the registration's link went by mail.
pub fn registration_sent(slug: &str) -> String {
    format!("/events/{slug}/register/sent")
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

/// One person's ticket as a PDF to print or forward.
pub fn ticket_pdf(manage_token: &str, attendee_index: usize) -> String {
    with_attendee(format!("/r/{manage_token}/ticket.pdf"), attendee_index)
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

pub fn add_attendee(manage_token: &str) -> String {
    format!("/r/{manage_token}/attendees/new")
}

pub fn cancel_attendee(manage_token: &str, attendee_index: usize) -> String {
    format!("/r/{manage_token}/attendees/{attendee_index}/cancel")
}

/// The certificate of attendance of the registration's `index`th person.
pub fn certificate(manage_token: &str, index: usize) -> String {
    format!("/r/{manage_token}/certificates/{index}")
}

/// Everything stored about the people of a registration, as JSON.
pub fn personal_data(manage_token: &str) -> String {
    format!("/r/{manage_token}/data.json")
}

/// Asking for the erasure of the registration's data.
pub fn deletion(manage_token: &str) -> String {
    format!("/r/{manage_token}/deletion")
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

/// The privacy notice with what applies to one event (how long its data is kept).
pub fn event_privacy(slug: &str) -> String {
    format!("/privacy?event={slug}")
}

pub fn privacy() -> String {
    "/privacy".to_owned()
}

/// Who runs the site (§ 5 DDG, § 18 MStV); the German word is the one people look for.
pub fn imprint() -> String {
    "/impressum".to_owned()
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

// The back office.

pub fn admin_home() -> String {
    "/admin".to_owned()
}

pub fn admin_login() -> String {
    "/admin/login".to_owned()
}

/// The log-in page, returning to `path` afterwards.
pub fn admin_login_then(path: &str) -> String {
    let next: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
    format!("/admin/login?next={next}")
}

pub fn admin_logout() -> String {
    "/admin/logout".to_owned()
}

pub fn admin_forgot_password() -> String {
    "/admin/password/forgot".to_owned()
}

/// A one-time account link: first administrator, invitation, password reset.
pub fn admin_account_link(token: &str) -> String {
    format!("/admin/account/{token}")
}

pub fn admin_team() -> String {
    "/admin/team".to_owned()
}

pub fn admin_team_invite() -> String {
    "/admin/team/invite".to_owned()
}

pub fn admin_team_member(user_id: uuid::Uuid) -> String {
    format!("/admin/team/{user_id}")
}

pub fn admin_audit() -> String {
    "/admin/audit".to_owned()
}

/// Where administrators enter the operator's details for the imprint.
pub fn admin_operator() -> String {
    "/admin/settings/operator".to_owned()
}

/// The server's status for administrators: version, outbox, backups, disk.
pub fn admin_status() -> String {
    "/admin/status".to_owned()
}

pub fn admin_new_event() -> String {
    "/admin/events/new".to_owned()
}

pub fn admin_event(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}")
}

pub fn admin_event_edit(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/edit")
}

pub fn admin_event_status(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/status")
}

pub fn admin_event_duplicate(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/duplicate")
}

pub fn admin_attendees(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/attendees")
}

pub fn admin_attendees_bulk(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/attendees/bulk")
}

pub fn admin_new_attendee(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/attendees/new")
}

/// Mailing every certificate of attendance of an event.
pub fn admin_certificates(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/certificates")
}

/// Anonymising an event's personal data now (after the event).
pub fn admin_anonymise(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/anonymise")
}

/// One attendee's data as JSON.
pub fn admin_attendee_data(event_id: uuid::Uuid, attendee_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/attendees/{attendee_id}/data.json")
}

/// Erasing one attendee's data.
pub fn admin_attendee_erase(event_id: uuid::Uuid, attendee_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/attendees/{attendee_id}/erase")
}

pub fn admin_attendee(event_id: uuid::Uuid, attendee_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/attendees/{attendee_id}")
}

/// `cancel`, `reissue` or `check-in`.
pub fn admin_attendee_action(event_id: uuid::Uuid, attendee_id: uuid::Uuid, action: &str) -> String {
    format!("/admin/events/{event_id}/attendees/{attendee_id}/{action}")
}

pub fn admin_attendees_csv(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/attendees.csv")
}

pub fn admin_attendees_xlsx(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/attendees.xlsx")
}

pub fn admin_signature_list(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/signature-list")
}

pub fn admin_signature_list_pdf(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/signature-list.pdf")
}

pub fn admin_badges_pdf(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/badges.pdf")
}

pub fn admin_report(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/report.xlsx")
}

/// The funder report over all events of a year.
pub fn admin_yearly_report(year: i32) -> String {
    format!("/admin/reports/{year}")
}

pub fn admin_check_ins(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/check-ins")
}

pub fn admin_check_ins_csv(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/check-ins.csv")
}

pub fn admin_programme(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/programme")
}

/// The event's registration form: standard fields and own questions.
pub fn admin_form(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/form")
}

/// `edit`, `move` or `remove` for one question of the form.
pub fn admin_question_action(event_id: uuid::Uuid, question_id: uuid::Uuid, action: &str) -> String {
    format!("/admin/events/{event_id}/form/questions/{question_id}/{action}")
}

/// `move` or `remove`.
pub fn admin_programme_action(event_id: uuid::Uuid, session_id: uuid::Uuid, action: &str) -> String {
    format!("/admin/events/{event_id}/programme/{session_id}/{action}")
}

/// Writing to attendees.
pub fn admin_messages(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/messages")
}

pub fn admin_doors(event_id: uuid::Uuid) -> String {
    format!("/admin/events/{event_id}/doors")
}

/// `rename` or `revoke`.
pub fn admin_door_action(event_id: uuid::Uuid, device_id: uuid::Uuid, action: &str) -> String {
    format!("/admin/events/{event_id}/doors/{device_id}/{action}")
}
