//! After the event: the certificates of attendance of a registration's people who were
//! checked in, as PDF attachments, to the contact person.

use domain::outbox::MailLinks;
use domain::registration::RegistrationDetails;
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use uuid::Uuid;

use super::Sender;
use text::{Tr, urls};

/// One attached certificate: file name and PDF.
pub struct AttachedCertificate {
    pub file_name: String,
    pub pdf: Vec<u8>,
}

pub fn compose(
    sender: &Sender<'_>,
    details: &RegistrationDetails,
    certificates: Vec<AttachedCertificate>,
    links: &MailLinks,
    outbox_id: Uuid,
) -> Result<Message, String> {
    let (public_url, mailer) = (sender.public_url, sender.mailer);
    if certificates.is_empty() {
        return Err("nobody of this registration was checked in".to_owned());
    }
    let language = details.registration.language;
    let t = Tr::new(language);
    let name = details.attendees.first().map(|attendee| attendee.attendee.full_name()).unwrap_or_default();
    let event = details.event.title(language);
    let link = super::link(public_url, &urls::manage(&links.manage), language);
    let body = format!(
        "{}\n\n{}\n\n{}\n{link}\n\n{}",
        t.with("mail-greeting", "name", &name),
        t.count_with("mail-certificate-intro", "count", certificates.len() as i64, &[("event", event)]),
        t.get("mail-certificate-link"),
        sender.footer(t).text(),
    );
    let pdf = ContentType::parse("application/pdf").map_err(|err| err.to_string())?;
    let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(body));
    for certificate in certificates {
        parts = parts.singlepart(Attachment::new(certificate.file_name).body(certificate.pdf, pdf.clone()));
    }
    let to_address = details.registration.contact_email.parse().map_err(|_| "the contact address is not usable")?;
    Message::builder()
        .message_id(Some(format!("<{}@treffpunkt>", outbox_id.simple())))
        .from(mailer.from.clone())
        .to(Mailbox::new(Some(name), to_address))
        .subject(t.with("mail-certificate-subject", "event", event))
        .multipart(parts)
        .map_err(|err| err.to_string())
}
