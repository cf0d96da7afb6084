//! Messages organisers write to attendees: stored once, sent through the outbox to the
//! contact person of every chosen registration (a delegation gets one mail), with the
//! placeholders `{name}`, `{event}` and `{link}` filled in per recipient.
//!
//! German is always written; English and Ukrainian are optional. Each registration gets
//! the version of its language, German where that one was not written.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait};
use uuid::Uuid;

use crate::Language;
use crate::account::User;
pub use crate::entity::organiser_message::Model as OrganiserMessage;
use crate::entity::{organiser_message, outbox_message};
use crate::ids::new_id;
use crate::outbox::MailKind;
use crate::person::EmailAddress;
use crate::store::{Pools, begin_write};

/// Fills the placeholders of a subject or body for one recipient.
pub fn personalise(text: &str, name: &str, event: &str, link: &str) -> String {
    text.replace("{name}", name).replace("{event}", event).replace("{link}", link)
}

/// One language's subject and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageText {
    pub subject: String,
    pub body: String,
}

/// What the organisers wrote: German always, English and Ukrainian where written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Versions {
    pub de: MessageText,
    pub en: Option<MessageText>,
    pub uk: Option<MessageText>,
}

impl Versions {
    /// The version a reader of `language` gets, and its language: their own where it
    /// was written, German otherwise.
    pub fn for_reader(&self, language: Language) -> (Language, &MessageText) {
        let own = match language {
            Language::De => None,
            Language::En => self.en.as_ref(),
            Language::Uk => self.uk.as_ref(),
        };
        match own {
            Some(text) => (language, text),
            None => (Language::De, &self.de),
        }
    }

    /// The written versions, German first.
    pub fn written(&self) -> Vec<(Language, &MessageText)> {
        let mut written = vec![(Language::De, &self.de)];
        written.extend(self.en.as_ref().map(|text| (Language::En, text)));
        written.extend(self.uk.as_ref().map(|text| (Language::Uk, text)));
        written
    }
}

/// How many registrations of one language there are, and which version they get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LanguageShare {
    pub reader: Language,
    pub registrations: usize,
    pub gets: Language,
}

/// The recipients by their registration's language (languages nobody has left out), so
/// the organisers see before sending who reads which version.
pub fn language_shares(versions: &Versions, readers: impl IntoIterator<Item = Language>) -> Vec<LanguageShare> {
    let mut counts = [0usize; 3];
    for reader in readers {
        if let Some(slot) = Language::ALL.iter().position(|language| *language == reader) {
            counts[slot] += 1;
        }
    }
    Language::ALL
        .into_iter()
        .zip(counts)
        .filter(|(_, registrations)| *registrations > 0)
        .map(|(reader, registrations)| LanguageShare { reader, registrations, gets: versions.for_reader(reader).0 })
        .collect()
}

impl OrganiserMessage {
    pub fn versions(&self) -> Versions {
        let written = |subject: &Option<String>, body: &Option<String>| match (subject, body) {
            (Some(subject), Some(body)) => Some(MessageText { subject: subject.clone(), body: body.clone() }),
            _ => None,
        };
        Versions {
            de: MessageText { subject: self.subject.clone(), body: self.body.clone() },
            en: written(&self.subject_en, &self.body_en),
            uk: written(&self.subject_uk, &self.body_uk),
        }
    }
}

/// A message ready to be sent: its texts, where replies go, and how it was addressed.
#[derive(Clone, Debug)]
pub struct NewMessage {
    pub versions: Versions,
    pub reply_to: Option<EmailAddress>,
    /// How many people were ticked in the attendee list; `None` for a filtered group.
    pub selected_people: Option<usize>,
}

fn count(number: usize) -> i32 {
    i32::try_from(number).unwrap_or(i32::MAX)
}

/// Who one mail of a message goes to: a registration's contact person, or a member of a
/// delegation at their own address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub registration_id: Uuid,
    /// `None`: the contact person (who also reads for members without an own address).
    pub member: Option<Uuid>,
}

/// Stores the message and queues one mail per recipient, all in one transaction.
pub async fn send(
    pools: &Pools,
    event_id: Uuid,
    author: &User,
    message: &NewMessage,
    recipients: &[Recipient],
    now: DateTime<Utc>,
) -> Result<OrganiserMessage, DbErr> {
    let versions = &message.versions;
    let subject = |text: &Option<MessageText>| text.as_ref().map(|text| text.subject.clone());
    let body = |text: &Option<MessageText>| text.as_ref().map(|text| text.body.clone());
    let txn = begin_write(&pools.write).await?;
    let stored = organiser_message::Entity::insert(organiser_message::ActiveModel {
        id: Set(new_id()),
        event_id: Set(event_id),
        subject: Set(versions.de.subject.clone()),
        body: Set(versions.de.body.clone()),
        subject_en: Set(subject(&versions.en)),
        body_en: Set(body(&versions.en)),
        subject_uk: Set(subject(&versions.uk)),
        body_uk: Set(body(&versions.uk)),
        reply_to: Set(message.reply_to.as_ref().map(|address| address.as_str().to_owned())),
        created_by: Set(author.id),
        created_at: Set(now),
        recipients: Set(count(recipients.len())),
        selected_people: Set(message.selected_people.map(count)),
    })
    .exec_with_returning(&txn)
    .await?;
    if !recipients.is_empty() {
        outbox_message::Entity::insert_many(recipients.iter().map(|recipient| outbox_message::ActiveModel {
            id: Set(new_id()),
            kind: Set(MailKind::OrganiserMessage),
            registration_id: Set(recipient.registration_id),
            created_at: Set(now),
            next_attempt_at: Set(now),
            attempts: Set(0),
            claimed_until: Set(None),
            sent_at: Set(None),
            last_error: Set(None),
            message_id: Set(Some(stored.id)),
            undeliverable_at: Set(None),
            attendee_id: Set(recipient.member),
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(stored)
}

pub async fn by_id(db: &DatabaseConnection, id: Uuid) -> Result<Option<OrganiserMessage>, DbErr> {
    organiser_message::Entity::find_by_id(id).one(db).await
}

/// The messages sent for an event, newest first.
pub async fn for_event(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<OrganiserMessage>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    organiser_message::Entity::find()
        .filter(organiser_message::Column::EventId.eq(event_id))
        .order_by_desc(organiser_message::Column::CreatedAt)
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::{LanguageShare, MessageText, Versions, language_shares, personalise};
    use crate::Language;

    #[test]
    fn placeholders_are_filled_and_other_braces_left_alone() {
        assert_eq!(
            personalise("Hallo {name}, {event}: {link} {unknown}", "Olena", "Tag", "https://x/r/abc"),
            "Hallo Olena, Tag: https://x/r/abc {unknown}"
        );
    }

    fn text(subject: &str) -> MessageText {
        MessageText { subject: subject.to_owned(), body: format!("{subject} text") }
    }

    #[test]
    fn each_reader_gets_their_language_and_german_where_none_was_written() {
        let versions = Versions { de: text("Hinweis"), en: None, uk: Some(text("Примітка")) };
        assert_eq!(versions.for_reader(Language::De), (Language::De, &text("Hinweis")));
        assert_eq!(versions.for_reader(Language::En), (Language::De, &text("Hinweis")));
        assert_eq!(versions.for_reader(Language::Uk), (Language::Uk, &text("Примітка")));
        let written: Vec<Language> = versions.written().into_iter().map(|(language, _)| language).collect();
        assert_eq!(written, [Language::De, Language::Uk]);
    }

    #[test]
    fn the_preview_counts_readers_by_language_and_names_the_version_they_get() {
        let versions = Versions { de: text("Hinweis"), en: Some(text("Note")), uk: None };
        let shares = language_shares(&versions, [Language::Uk, Language::De, Language::Uk]);
        assert_eq!(
            shares,
            [
                LanguageShare { reader: Language::De, registrations: 1, gets: Language::De },
                LanguageShare { reader: Language::Uk, registrations: 2, gets: Language::De },
            ]
        );
    }
}
