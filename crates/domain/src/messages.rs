//! Messages organisers write to attendees: stored once, sent through the outbox to the
//! contact person of every chosen registration (a delegation gets one mail), with the
//! placeholders `{name}`, `{event}` and `{link}` filled in per recipient.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait};
use uuid::Uuid;

use crate::account::User;
pub use crate::entity::organiser_message::Model as OrganiserMessage;
use crate::entity::{organiser_message, outbox_message};
use crate::ids::new_id;
use crate::outbox::MailKind;
use crate::store::{Pools, begin_write};

/// Fills the placeholders of a subject or body for one recipient.
pub fn personalise(text: &str, name: &str, event: &str, link: &str) -> String {
    text.replace("{name}", name).replace("{event}", event).replace("{link}", link)
}

/// Stores the message and queues one mail per registration, all in one transaction.
pub async fn send(
    pools: &Pools,
    event_id: Uuid,
    author: &User,
    subject: &str,
    body: &str,
    registration_ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<OrganiserMessage, DbErr> {
    let txn = begin_write(&pools.write).await?;
    let message = organiser_message::Entity::insert(organiser_message::ActiveModel {
        id: Set(new_id()),
        event_id: Set(event_id),
        subject: Set(subject.to_owned()),
        body: Set(body.to_owned()),
        created_by: Set(author.id),
        created_at: Set(now),
        recipients: Set(i32::try_from(registration_ids.len()).unwrap_or(i32::MAX)),
    })
    .exec_with_returning(&txn)
    .await?;
    if !registration_ids.is_empty() {
        outbox_message::Entity::insert_many(registration_ids.iter().map(|registration_id| {
            outbox_message::ActiveModel {
                id: Set(new_id()),
                kind: Set(MailKind::OrganiserMessage),
                registration_id: Set(*registration_id),
                created_at: Set(now),
                next_attempt_at: Set(now),
                attempts: Set(0),
                claimed_until: Set(None),
                sent_at: Set(None),
                last_error: Set(None),
                message_id: Set(Some(message.id)),
                undeliverable_at: Set(None),
                attendee_id: Set(None),
            }
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(message)
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
    use super::personalise;

    #[test]
    fn placeholders_are_filled_and_other_braces_left_alone() {
        assert_eq!(
            personalise("Hallo {name}, {event}: {link} {unknown}", "Olena", "Tag", "https://x/r/abc"),
            "Hallo Olena, Tag: https://x/r/abc {unknown}"
        );
    }
}
