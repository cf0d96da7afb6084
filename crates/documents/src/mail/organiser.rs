//! A message organisers wrote, to one registration's contact person (or a member of a
//! delegation at their own address): the version in the reader's language (German where that one was not written) with the placeholders
//! filled in, and the link to the registration page below it, introduced in the
//! registration's language. Replies go where the organisers said.

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
    // A member of a delegation at their own address reads in their own language.
    let language = details.language();
    let t = Tr::new(language);
    let versions = message.versions();
    let (written_in, text) = versions.for_reader(language);
    let name = details.attendees.first().map(|attendee| attendee.attendee.full_name()).unwrap_or_default();
    // The event's name inside the text in the text's language, so a German text does not
    // carry an English title; the footer and the link in the reader's own language.
    let event_in_text = details.event.title(written_in);
    let event = details.event.title(language);
    let link = super::link(public_url, &urls::manage(&links.manage), language);
    let subject = personalise(&text.subject, &name, event_in_text, &link);
    // One signature block: the event's line and link, then who runs the site.
    let contact = sender.footer(t).lines();
    let body = format!(
        "{}\n\n-- \n{}\n{link}\n{}",
        personalise(&text.body, &name, event_in_text, &link),
        t.with("mail-message-footer", "event", event),
        contact,
    );
    let to_address = details.recipient_email().parse().map_err(|_| "the recipient's address is not usable")?;
    let mut builder = Message::builder()
        .message_id(Some(format!("<{}@treffpunkt>", outbox_id.simple())))
        .from(mailer.from.clone())
        .to(Mailbox::new(Some(name), to_address));
    if let Some(reply_to) = &message.reply_to {
        let address = reply_to.parse().map_err(|_| "the Reply-To address is not usable")?;
        builder = builder.reply_to(Mailbox::new(None, address));
    }
    builder.subject(subject).header(ContentType::TEXT_PLAIN).body(body).map_err(|err| err.to_string())
}
