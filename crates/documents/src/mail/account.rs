//! E-mails about team accounts: the invitation and the password-reset link. Plain text
//! in the language the link was asked for in; the secret link is in the mail only.

use domain::account::{LinkMail, LinkPurpose};
use lettre::Message;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;

use super::Sender;
use text::{Tr, urls};

pub fn compose(sender: &Sender<'_>, link: &LinkMail) -> Result<Message, String> {
    let (public_url, mailer) = (sender.public_url, sender.mailer);
    let t = Tr::new(link.language);
    let (subject, text) = match link.purpose {
        LinkPurpose::Invite => (t.get("mail-invite-subject"), t.get("mail-invite-text")),
        LinkPurpose::PasswordReset | LinkPurpose::Setup => (t.get("mail-reset-subject"), t.get("mail-reset-text")),
    };
    let to: Mailbox = link.email.parse().map_err(|err| format!("recipient: {err}"))?;
    let body = format!(
        "{text}\n\n{}\n\n{}",
        super::link(public_url, &urls::admin_account_link(&link.token), link.language),
        sender.footer(t).text(),
    );
    Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|err| err.to_string())
}
