//! E-mail: composing messages in the attendee's language and delivering them through
//! SMTP or, without SMTP settings, as `.eml` files in the data folder. Messages come
//! from the outbox (`domain::outbox`); the server's mail worker sends them.

pub mod account;
pub mod certificate;
pub mod confirmation;
pub mod organiser;

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// A link in a mail: the public address with the page's path and the reader's language,
/// so the page opens in the language the mail was written in.
pub fn link(public_url: &str, path: &str, language: domain::Language) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{public_url}{path}{separator}lang={}", language.code())
}

/// What every composer needs from the site that sends: the sender's address, the public
/// address every link starts with, and the operator named under every mail.
pub struct Sender<'a> {
    pub mailer: &'a Mailer,
    pub public_url: &'a str,
    /// `None` until an administrator entered the operator's details.
    pub operator: Option<&'a domain::operator::OperatorDetails>,
}

impl Sender<'_> {
    /// The footer in the reader's language.
    pub fn footer(&self, t: text::Tr) -> MailFooter {
        MailFooter::new(self.operator, self.public_url, t)
    }
}

/// What every mail ends with: who runs the site and how to reach them (when the details
/// are entered) and the link to the imprint, so that a reader can always find out who
/// wrote to them.
pub struct MailFooter {
    /// "Contact: Netzwerkstelle …, info@…"; `None` before the details are entered.
    pub contact: Option<String>,
    /// "Imprint:" in the reader's language; the URL follows it.
    pub imprint_label: String,
    pub imprint_url: String,
}

impl MailFooter {
    pub fn new(operator: Option<&domain::operator::OperatorDetails>, public_url: &str, t: text::Tr) -> Self {
        let contact = operator
            .map(|operator| t.with2("mail-contact", ["operator", "email"], [operator.name(), operator.email()]));
        MailFooter {
            contact,
            imprint_label: t.get("mail-imprint"),
            imprint_url: link(public_url, &text::urls::imprint(), t.language),
        }
    }

    /// The footer of a plain-text mail, after the usual `-- ` signature separator.
    pub fn text(&self) -> String {
        format!("-- \n{}", self.lines())
    }

    /// The footer's lines without the separator, for a signature block that has one.
    pub fn lines(&self) -> String {
        let mut lines = String::new();
        if let Some(contact) = &self.contact {
            lines.push_str(contact);
            lines.push('\n');
        }
        lines.push_str(&format!("{} {}\n", self.imprint_label, self.imprint_url));
        lines
    }
}

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// Implicit TLS, usually port 465.
    Tls,
    /// Plain connection upgraded with STARTTLS, usually port 587.
    StartTls,
    /// No encryption: only for a relay on the same host.
    None,
}

#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: Option<u16>,
    pub security: SmtpSecurity,
    pub user: Option<String>,
    pub password: Option<String>,
}

pub enum Delivery {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `.eml` file per message, for set-ups without SMTP (and for looking at them).
    Folder(PathBuf),
}

pub struct Mailer {
    delivery: Delivery,
    pub from: Mailbox,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the sender address {0:?} is not an e-mail address")]
    Sender(String),
    #[error("SMTP settings: {0}")]
    Smtp(String),
}

impl Mailer {
    pub fn new(smtp: Option<SmtpSettings>, mail_folder: PathBuf, from: &str) -> Result<Mailer, MailError> {
        let from: Mailbox = from.parse().map_err(|_| MailError::Sender(from.to_owned()))?;
        let delivery = match smtp {
            None => Delivery::Folder(mail_folder),
            Some(settings) => Delivery::Smtp(smtp_transport(&settings)?),
        };
        Ok(Mailer { delivery, from })
    }

    pub fn describe(&self) -> String {
        match &self.delivery {
            Delivery::Smtp(_) => "SMTP".to_owned(),
            Delivery::Folder(folder) => format!("files in {}", folder.display()),
        }
    }

    pub async fn deliver(&self, message: &Message, file_stem: &str) -> Result<(), DeliveryError> {
        match &self.delivery {
            Delivery::Smtp(transport) => transport.send(message.clone()).await.map(drop).map_err(|err| DeliveryError {
                // 5xx: the server will never take this message (no such mailbox, refused).
                permanent: err.is_permanent(),
                reason: err.to_string(),
            }),
            Delivery::Folder(folder) => {
                tokio::fs::create_dir_all(folder).await.map_err(DeliveryError::temporary)?;
                // Written next to its final name and renamed, so a reader never sees half a file.
                let partial = folder.join(format!(".{file_stem}.eml.partial"));
                let finished = folder.join(format!("{file_stem}.eml"));
                tokio::fs::write(&partial, message.formatted()).await.map_err(DeliveryError::temporary)?;
                tokio::fs::rename(&partial, &finished).await.map_err(DeliveryError::temporary)
            }
        }
    }
}

/// Why a message did not go out, and whether trying again could help.
#[derive(Debug, thiserror::Error)]
#[error("{reason}")]
pub struct DeliveryError {
    pub reason: String,
    /// Trying again cannot help: the mail server refused the message for good (5xx) or
    /// the message cannot be composed (an address the mailer cannot send to).
    pub permanent: bool,
}

impl DeliveryError {
    pub fn temporary(reason: impl std::fmt::Display) -> Self {
        DeliveryError { reason: reason.to_string(), permanent: false }
    }

    pub fn permanent(reason: impl std::fmt::Display) -> Self {
        DeliveryError { reason: reason.to_string(), permanent: true }
    }
}

fn smtp_transport(settings: &SmtpSettings) -> Result<AsyncSmtpTransport<Tokio1Executor>, MailError> {
    let builder = match settings.security {
        SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host),
        SmtpSecurity::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host),
        SmtpSecurity::None => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)),
    }
    .map_err(|err| MailError::Smtp(err.to_string()))?;
    let mut builder = builder.timeout(Some(Duration::from_secs(20)));
    if let Some(port) = settings.port {
        builder = builder.port(port);
    }
    if let (Some(user), Some(password)) = (&settings.user, &settings.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    Ok(builder.build())
}
