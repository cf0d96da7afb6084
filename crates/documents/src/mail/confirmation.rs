//! The e-mails about a registration: confirmation, waiting list, promotion from the
//! waiting list, cancellation and "your link again". Each says what was registered and
//! links to the registration page; confirmed ones carry every attendee's QR ticket as an
//! inline image, the calendar file and, for online and hybrid events, the access link.
//! Plain text and HTML, in the registration's language.

use askama::Template;
use chrono::Utc;
use domain::outbox::{MailKind, MailLinks};
use domain::registration::{RegistrationDetails, RegistrationStatus};
use domain::ticket::TicketSigner;
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use uuid::Uuid;

use super::{MailFooter, Sender};
use crate::calendar;
use crate::event_summary::EventSummary;
use crate::qr::render_png_for_mail;
use text::{Tr, urls};

pub struct MailAttendee {
    pub name: String,
    pub organisation: String,
    pub sessions: Vec<String>,
    pub ticket_code: Option<String>,
    /// Content-ID of the inline QR image.
    pub image_id: String,
}

#[derive(Template)]
#[template(path = "documents/mail/confirmation.txt")]
struct ConfirmationText<'a> {
    t: Tr,
    /// The double opt-in link, while the address is unconfirmed.
    confirm_url: Option<&'a str>,
    intro: &'a str,
    contact_name: &'a str,
    event: &'a EventSummary,
    attendees: &'a [MailAttendee],
    manage_url: &'a str,
    online_url: Option<&'a str>,
    footer: &'a MailFooter,
}

#[derive(Template)]
#[template(path = "documents/mail/confirmation.html")]
struct ConfirmationHtml<'a> {
    t: Tr,
    /// The double opt-in link, while the address is unconfirmed.
    confirm_url: Option<&'a str>,
    subject: &'a str,
    intro: &'a str,
    contact_name: &'a str,
    event: &'a EventSummary,
    attendees: &'a [MailAttendee],
    manage_url: &'a str,
    online_url: Option<&'a str>,
    footer: &'a MailFooter,
}

pub fn compose(
    sender: &Sender<'_>,
    signer: &TicketSigner,
    details: &RegistrationDetails,
    kind: MailKind,
    links: &MailLinks,
    outbox_id: Uuid,
) -> Result<Message, String> {
    let (public_url, mailer) = (sender.public_url, sender.mailer);
    // A member's own mail is in their language, to their address, about their part only.
    let language = details.language();
    let t = Tr::new(language);
    let footer = sender.footer(t);
    let event = EventSummary::new(&details.event, t, Utc::now());
    let title = event.title.as_str();
    let (subject, intro) = match kind {
        MailKind::Confirmation => {
            (t.with("mail-confirmation-subject", "event", title), t.with("mail-confirmation-intro", "event", title))
        }
        MailKind::Waitlisted => {
            (t.with("mail-waitlisted-subject", "event", title), t.with("mail-waitlisted-intro", "event", title))
        }
        MailKind::Promoted => {
            (t.with("mail-promoted-subject", "event", title), t.with("mail-promoted-intro", "event", title))
        }
        MailKind::Cancelled => {
            (t.with("mail-cancelled-subject", "event", title), t.with("mail-cancelled-intro", "event", title))
        }
        MailKind::ManageLink => {
            (t.with("mail-link-subject", "event", title), t.with("mail-link-intro", "event", title))
        }
        MailKind::Reminder => {
            let date = t.date(&details.event.starts_at.with_timezone(&details.event.zone()));
            (
                t.with2("mail-reminder-subject", ["event", "date"], [title, &date]),
                t.with2("mail-reminder-intro", ["event", "date"], [title, &date]),
            )
        }
        MailKind::PromotedConfirmEmail => (
            t.with("mail-promoted-confirm-subject", "event", title),
            t.with("mail-promoted-confirm-intro", "event", title),
        ),
        MailKind::ConfirmEmail => {
            (t.with("mail-confirm-subject", "event", title), t.with("mail-confirm-intro", "event", title))
        }
        MailKind::AwaitingApproval => {
            (t.with("mail-approval-subject", "event", title), t.with("mail-approval-intro", "event", title))
        }
        MailKind::Declined => {
            (t.with("mail-declined-subject", "event", title), t.with("mail-declined-intro", "event", title))
        }
        MailKind::SessionPromoted => (
            t.with("mail-session-promoted-subject", "event", title),
            t.with("mail-session-promoted-intro", "event", title),
        ),
        MailKind::ChangedByOrganiser => {
            (t.with("mail-changed-subject", "event", title), t.with("mail-changed-intro", "event", title))
        }
        // Composed by `organiser::compose`; never reaches this function.
        MailKind::OrganiserMessage => return Err("an organiser message has its own composer".to_owned()),
        MailKind::Certificate => return Err("certificates have their own composer".to_owned()),
    };
    // Tickets and calendar only while the registration holds places; a mail queued before a
    // cancellation and sent after it carries none.
    let confirmed = details.registration.status == RegistrationStatus::Confirmed
        && !matches!(kind, MailKind::Cancelled | MailKind::Declined);
    let manage_url = super::link(public_url, &urls::manage(&links.manage), language);
    let online_url = details.event.online_url.as_deref().filter(|_| confirmed && details.event.is_online());
    let attendees: Vec<MailAttendee> = details
        .attendees
        .iter()
        .enumerate()
        .map(|(index, attendee)| MailAttendee {
            name: attendee.attendee.full_name(),
            organisation: attendee.attendee.organisation.clone(),
            sessions: attendee
                .sessions
                .iter()
                .map(|session| session.title(language).to_owned())
                .chain(
                    attendee
                        .waiting_for
                        .iter()
                        .map(|session| t.with("session-on-waiting-list", "session", session.title(language))),
                )
                .collect(),
            ticket_code: attendee.ticket.as_ref().filter(|_| confirmed).map(|ticket| signer.token_for(ticket)),
            image_id: format!("ticket-{}@treffpunkt", index + 1),
        })
        .collect();
    let confirm_url = links
        .confirm
        .as_deref()
        .filter(|_| details.registration.status == RegistrationStatus::PendingConfirmation)
        .map(|token| super::link(public_url, &urls::confirm_email(token), language));
    let contact = details.attendees.first().map(|attendee| attendee.attendee.full_name()).unwrap_or_default();
    let text = ConfirmationText {
        t,
        confirm_url: confirm_url.as_deref(),
        intro: &intro,
        contact_name: &contact,
        event: &event,
        attendees: &attendees,
        manage_url: &manage_url,
        online_url,
        footer: &footer,
    }
    .render()
    .map_err(|err| err.to_string())?;
    let html = ConfirmationHtml {
        t,
        confirm_url: confirm_url.as_deref(),
        subject: &subject,
        intro: &intro,
        contact_name: &contact,
        event: &event,
        attendees: &attendees,
        manage_url: &manage_url,
        online_url,
        footer: &footer,
    }
    .render()
    .map_err(|err| err.to_string())?;

    let mut related = MultiPart::related().singlepart(SinglePart::html(html));
    for attendee in &attendees {
        if let Some(code) = &attendee.ticket_code {
            let png = render_png_for_mail(code).map_err(|err| err.to_string())?;
            related = related.singlepart(Attachment::new_inline(attendee.image_id.clone()).body(png, png_type()?));
        }
    }
    let mut body =
        MultiPart::mixed().multipart(MultiPart::alternative().singlepart(SinglePart::plain(text)).multipart(related));
    if confirmed {
        let calendar = calendar::registration_text(public_url, details, t);
        let calendar_type =
            ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH").map_err(|err| err.to_string())?;
        body = body.singlepart(Attachment::new(format!("{}.ics", details.event.slug)).body(calendar, calendar_type));
    }

    let to_address = details.recipient_email().parse().map_err(|_| "the recipient's address is not usable")?;
    Message::builder()
        // One Message-ID per outbox message: a copy sent again after a crash is recognisable.
        .message_id(Some(format!("<{}@treffpunkt>", outbox_id.simple())))
        .from(mailer.from.clone())
        .to(Mailbox::new(Some(contact), to_address))
        .subject(subject)
        .multipart(body)
        .map_err(|err| err.to_string())
}

fn png_type() -> Result<ContentType, String> {
    ContentType::parse("image/png").map_err(|err| err.to_string())
}
