//! A message organisers wrote, to one registration's contact person: their text with
//! the placeholders filled in, and the link to the registration page below it.

use domain::messages::{OrganiserMessage, personalise};
use domain::outbox::MailLinks;
use domain::registration::RegistrationDetails;
use lettre::Message;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use uuid::Uuid;

use super::Sender;
use text::{Tr, urls};

pub fn compose(
    sender: &Sender<'_>,
    details: &RegistrationDetails,
    message: &OrganiserMessage,
    links: &MailLinks,
    outbox_id: Uuid,
) -> Result<Message, String> {
    let (public_url, mailer) = (sender.public_url, sender.mailer);
    let language = details.registration.language;
    let t = Tr::new(language);
    let name = details.attendees.first().map(|attendee| attendee.attendee.full_name()).unwrap_or_default();
    let event = details.event.title(language);
    let link = super::link(public_url, &urls::manage(&links.manage), language);
    let subject = personalise(&message.subject, &name, event, &link);
    // One signature block: the event's line and link, then who runs the site.
    let contact = sender.footer(t).lines();
    let body = format!(
        "{}\n\n-- \n{}\n{link}\n{}",
        personalise(&message.body, &name, event, &link),
        t.with("mail-message-footer", "event", event),
        contact,
    );
    let to_address = details.registration.contact_email.parse().map_err(|_| "the contact address is not usable")?;
    Message::builder()
        .message_id(Some(format!("<{}@treffpunkt>", outbox_id.simple())))
        .from(mailer.from.clone())
        .to(Mailbox::new(Some(name), to_address))
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|err| err.to_string())
}
