//! The e-mail outbox. A message is written in the transaction that makes it necessary
//! (a registration and its confirmation commit together or not at all); a worker claims
//! a batch of due messages in one transaction (rows locked, others skipped), so several
//! server instances on one PostgreSQL never take the same message, and a crashed
//! worker's claim runs out.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::entity::outbox_message;
pub use crate::entity::outbox_message::{MailKind, Model as OutboxMessage};
use crate::ids::new_id;

/// How long a worker may take to send one message before another instance may retry it.
pub const CLAIM: Duration = Duration::seconds(120);

/// Queues a message inside the caller's transaction: to the contact person, and for the
/// kinds that concern everyone in the registration (see [`MailKind::reaches_members`]) to
/// each member with an address of their own too.
pub async fn enqueue<C: ConnectionTrait>(
    db: &C,
    kind: MailKind,
    registration_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let members =
        if kind.reaches_members() { members_with_own_address(db, registration_id).await? } else { Vec::new() };
    enqueue_with_members(db, kind, registration_id, &members, now).await
}

/// [`enqueue`] for a caller who knows the members with an address of their own (the
/// registration that has just stored them).
pub async fn enqueue_with_members<C: ConnectionTrait>(
    db: &C,
    kind: MailKind,
    registration_id: Uuid,
    members: &[Uuid],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    insert(db, kind, registration_id, None, now).await?;
    if kind.reaches_members() {
        for member in members {
            insert(db, kind, registration_id, Some(*member), now).await?;
        }
    }
    Ok(())
}

/// Queues a message for one member of a registration at their own address (their link
/// asked for again, their session place).
pub async fn enqueue_to_member<C: ConnectionTrait>(
    db: &C,
    kind: MailKind,
    registration_id: Uuid,
    attendee_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    insert(db, kind, registration_id, Some(attendee_id), now).await
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    kind: MailKind,
    registration_id: Uuid,
    attendee_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    outbox_message::Entity::insert(outbox_message::ActiveModel {
        id: Set(new_id()),
        kind: Set(kind),
        registration_id: Set(registration_id),
        created_at: Set(now),
        next_attempt_at: Set(now),
        attempts: Set(0),
        claimed_until: Set(None),
        sent_at: Set(None),
        last_error: Set(None),
        message_id: Set(None),
        undeliverable_at: Set(None),
        attendee_id: Set(attendee_id),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The members of a registration (not the contact person, not cancelled) whose address
/// is not the contact's: only they can be written to on their own.
pub async fn members_with_own_address<C: ConnectionTrait>(db: &C, registration_id: Uuid) -> Result<Vec<Uuid>, DbErr> {
    use crate::entity::attendee;
    use sea_orm::QueryOrder;
    let people = attendee::Entity::find()
        .filter(attendee::Column::RegistrationId.eq(registration_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .order_by_asc(attendee::Column::Position)
        .all(db)
        .await?;
    let Some(contact) = people.iter().find(|person| person.position == 0) else {
        return Ok(Vec::new());
    };
    Ok(people
        .iter()
        .filter(|person| person.position > 0 && has_own_address(&person.email, &contact.email))
        .map(|person| person.id)
        .collect())
}

/// A member's address is their own when it is set and differs from the contact's (the
/// form fills the contact's in where a member has none).
pub fn has_own_address(member_email: &str, contact_email: &str) -> bool {
    !member_email.is_empty() && !member_email.eq_ignore_ascii_case(contact_email)
}

impl MailKind {
    /// Whether members with an address of their own get this mail too: what happens to
    /// the registration as a whole. Confirming the address is the contact's business,
    /// organisers' messages go to contacts, certificates go in one mail to the contact.
    pub fn reaches_members(self) -> bool {
        matches!(
            self,
            MailKind::Confirmation
                | MailKind::Waitlisted
                | MailKind::Promoted
                | MailKind::Cancelled
                | MailKind::Reminder
                | MailKind::AwaitingApproval
                | MailKind::Declined
                | MailKind::ChangedByOrganiser
        )
    }
}

/// Tells everyone who holds or waits for a place at an event (every registration not
/// cancelled) with one message each, queued together. Returns how many.
pub async fn notify_event(
    db: &DatabaseConnection,
    kind: MailKind,
    event_id: Uuid,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    use crate::entity::registration::{self, RegistrationStatus};
    let txn = crate::store::begin_write(db).await?;
    let ids: Vec<Uuid> = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .all(&txn)
        .await?
        .into_iter()
        .map(|registration| registration.id)
        .collect();
    for id in &ids {
        enqueue(&txn, kind, *id, now).await?;
    }
    txn.commit().await?;
    Ok(ids.len())
}

/// How many due messages a worker takes at once. One claim per batch instead of one
/// per message: on SQLite every claim waits for the single writer, and registrations
/// wait behind it (bench: registrations with the worker running vs without).
pub const BATCH: u64 = 16;

/// Takes up to [`BATCH`] of the oldest due messages for this worker, in one write
/// transaction: on SQLite that transaction holds the write lock, on PostgreSQL the rows
/// are locked and other instances skip them; either way no message is taken twice.
pub async fn claim_due(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Vec<ClaimedMessage>, DbErr> {
    use sea_orm::{DbBackend, QuerySelect, sea_query::LockBehavior, sea_query::LockType};
    let txn = crate::store::begin_write(db).await?;
    let mut due = outbox_message::Entity::find()
        .filter(outbox_message::Column::SentAt.is_null())
        .filter(outbox_message::Column::UndeliverableAt.is_null())
        .filter(outbox_message::Column::NextAttemptAt.lte(now))
        .filter(
            Expr::col(outbox_message::Column::ClaimedUntil)
                .is_null()
                .or(Expr::col(outbox_message::Column::ClaimedUntil).lt(now)),
        )
        .order_by_asc(outbox_message::Column::NextAttemptAt)
        .limit(BATCH);
    if db.get_database_backend() == DbBackend::Postgres {
        due = due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let claimed = due.all(&txn).await?;
    if !claimed.is_empty() {
        outbox_message::Entity::update_many()
            .col_expr(outbox_message::Column::ClaimedUntil, Expr::value(now + CLAIM))
            .col_expr(outbox_message::Column::Attempts, Expr::col(outbox_message::Column::Attempts).add(1))
            .filter(outbox_message::Column::Id.is_in(claimed.iter().map(|message| message.id)))
            .exec(&txn)
            .await?;
    }
    let mut taken = Vec::with_capacity(claimed.len());
    for message in claimed {
        let links = MailLinks::issue(&txn, &message, now).await?;
        let message = OutboxMessage { attempts: message.attempts + 1, claimed_until: Some(now + CLAIM), ..message };
        taken.push(ClaimedMessage { message, links });
    }
    txn.commit().await?;
    Ok(taken)
}

/// A message a worker took, with the links it is to carry.
#[derive(Clone, Debug)]
pub struct ClaimedMessage {
    pub message: OutboxMessage,
    pub links: MailLinks,
}

/// The links one mail carries, made as it is taken for sending: only their hashes are
/// stored, so the plain tokens exist in this mail and nowhere else.
#[derive(Clone, Debug)]
pub struct MailLinks {
    /// Opens the registration's page.
    pub manage: String,
    /// Confirms the address, for the mails that ask for it.
    pub confirm: Option<String>,
}

impl MailLinks {
    async fn issue<C: ConnectionTrait>(db: &C, message: &OutboxMessage, now: DateTime<Utc>) -> Result<Self, DbErr> {
        use crate::registration::{LinkPurpose, issue_link};
        // A member's mail opens the member's own part of the registration.
        let manage = issue_link(db, message.registration_id, message.attendee_id, LinkPurpose::Manage, now).await?;
        let confirm = match message.kind {
            MailKind::ConfirmEmail | MailKind::PromotedConfirmEmail => {
                Some(issue_link(db, message.registration_id, None, LinkPurpose::ConfirmEmail, now).await?)
            }
            _ => None,
        };
        Ok(MailLinks { manage, confirm })
    }
}

/// Hands claimed messages back untried (this instance is shutting down): another
/// instance, or this one after its restart, takes them at once instead of after the
/// claim runs out, and the attempt the claim counted is not counted.
pub async fn release_untried(db: &DatabaseConnection, ids: &[Uuid]) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(outbox_message::Column::Attempts, Expr::col(outbox_message::Column::Attempts).sub(1))
        .filter(outbox_message::Column::Id.is_in(ids.iter().copied()))
        .filter(outbox_message::Column::SentAt.is_null())
        .filter(outbox_message::Column::ClaimedUntil.is_not_null())
        .exec(db)
        .await?;
    Ok(())
}

pub async fn mark_sent(db: &DatabaseConnection, id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::SentAt, Expr::value(now))
        .col_expr(outbox_message::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(outbox_message::Column::LastError, Expr::value(Option::<String>::None))
        .filter(outbox_message::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// After this many failed attempts a message is given up: with the back-off below that
/// is about three hours of trying, long enough for a mail server's outage or a full
/// mailbox, short of retrying an address that cannot work for ever.
pub const MAX_ATTEMPTS: i32 = 10;

/// What becomes of a message whose delivery failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterFailure {
    /// Tried again then.
    RetryAt(DateTime<Utc>),
    /// Refused for good or failed too often: marked undeliverable, not tried again.
    GivenUp,
}

/// Releases the claim and schedules the next try (30 s, 1 min, 2 min, … up to an hour),
/// or gives the message up when the failure is `permanent` (the mail server answered 5xx,
/// the message cannot be composed) or it has failed [`MAX_ATTEMPTS`] times.
pub async fn mark_failed(
    db: &DatabaseConnection,
    message: &OutboxMessage,
    error: &str,
    permanent: bool,
    now: DateTime<Utc>,
) -> Result<AfterFailure, DbErr> {
    let outcome = if permanent || message.attempts >= MAX_ATTEMPTS {
        AfterFailure::GivenUp
    } else {
        AfterFailure::RetryAt(now + retry_delay(message.attempts))
    };
    let mut update = outbox_message::Entity::update_many()
        .col_expr(outbox_message::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(outbox_message::Column::LastError, Expr::value(error.chars().take(1000).collect::<String>()));
    update = match outcome {
        AfterFailure::RetryAt(next) => update.col_expr(outbox_message::Column::NextAttemptAt, Expr::value(next)),
        AfterFailure::GivenUp => update.col_expr(outbox_message::Column::UndeliverableAt, Expr::value(now)),
    };
    update.filter(outbox_message::Column::Id.eq(message.id)).exec(db).await?;
    Ok(outcome)
}

pub fn retry_delay(attempts: i32) -> Duration {
    let doublings = Ord::min(u32::try_from(attempts.saturating_sub(1)).unwrap_or(0), 7);
    Ord::min(Duration::seconds(30) * 2_i32.pow(doublings), Duration::hours(1))
}

/// Messages still to be sent (not sent, not given up), for the operator's view and the tests.
/// The messages of an event's registrations that were given up, newest first, with the
/// contact address they were for.
pub async fn undeliverable_for_event(
    db: &DatabaseConnection,
    event_id: Uuid,
) -> Result<Vec<(OutboxMessage, String)>, DbErr> {
    use crate::entity::registration;
    use sea_orm::QueryOrder;
    let registrations: std::collections::HashMap<Uuid, String> = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .all(db)
        .await?
        .into_iter()
        .map(|registration| (registration.id, registration.contact_email))
        .collect();
    let ids: Vec<Uuid> = registrations.keys().copied().collect();
    let mut given_up = Vec::new();
    for chunk in ids.chunks(500) {
        given_up.extend(
            outbox_message::Entity::find()
                .filter(outbox_message::Column::RegistrationId.is_in(chunk.iter().copied()))
                .filter(outbox_message::Column::UndeliverableAt.is_not_null())
                .order_by_desc(outbox_message::Column::UndeliverableAt)
                .all(db)
                .await?,
        );
    }
    Ok(given_up
        .into_iter()
        .map(|message| {
            let address = registrations.get(&message.registration_id).cloned().unwrap_or_default();
            (message, address)
        })
        .collect())
}

pub async fn unsent_count(db: &DatabaseConnection) -> Result<u64, DbErr> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::SentAt.is_null())
        .filter(outbox_message::Column::UndeliverableAt.is_null())
        .count(db)
        .await
}

/// How the outbox stands, for the operator (metrics, status page).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutboxState {
    /// Messages still to send (due or waiting for a retry).
    pub unsent: u64,
    /// When the oldest of them was queued.
    pub oldest_unsent: Option<DateTime<Utc>>,
    /// Messages given up on, kept for the organisers to see.
    pub undeliverable: u64,
}

pub async fn state(db: &DatabaseConnection) -> Result<OutboxState, DbErr> {
    let unsent = || {
        outbox_message::Entity::find()
            .filter(outbox_message::Column::SentAt.is_null())
            .filter(outbox_message::Column::UndeliverableAt.is_null())
    };
    let oldest = unsent().order_by_asc(outbox_message::Column::CreatedAt).one(db).await?;
    let undeliverable =
        outbox_message::Entity::find().filter(outbox_message::Column::UndeliverableAt.is_not_null()).count(db).await?;
    Ok(OutboxState {
        unsent: unsent().count(db).await?,
        oldest_unsent: oldest.map(|message| message.created_at),
        undeliverable,
    })
}

pub async fn for_registration(db: &DatabaseConnection, registration_id: Uuid) -> Result<Vec<OutboxMessage>, DbErr> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::RegistrationId.eq(registration_id))
        .order_by_asc(outbox_message::Column::CreatedAt)
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!(retry_delay(1), Duration::seconds(30));
        assert_eq!(retry_delay(2), Duration::seconds(60));
        assert_eq!(retry_delay(4), Duration::seconds(240));
        assert_eq!(retry_delay(30), Duration::hours(1));
    }
}
