//! Personal data has an end: a set number of days after an event it is anonymised, and a
//! person can have theirs erased earlier. Anonymising removes what identifies a person
//! (names, e-mail addresses, free-text answers, the manage link, their mails, their names
//! in the audit log and in the door's scan log) and keeps what the funder's figures count
//! (status, registration day, organisation and its type, partner municipality, sessions,
//! check-ins, choices), so every figure is the same before and after.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QuerySelect,
};
use uuid::Uuid;

use crate::checkin::ScanAnswer;
use crate::entity::question::QuestionKind;
use crate::entity::{
    answer, attendee, audit_entry, door_device, door_scan, event, outbox_message, question, registration,
};
use crate::event::Event;
use crate::ids::{new_id, secret_token};
use crate::registration::RegistrationStatus;
use crate::store::{Pools, begin_write};

/// Half a year after the event: long enough for the funder's report and questions
/// afterwards, short enough to keep little. Organisers set it per event.
pub const DEFAULT_RETENTION_DAYS: i32 = 180;

/// The range organisers may choose from, in days.
pub const RETENTION_DAYS: std::ops::RangeInclusive<i32> = 1..=3650;

/// When an event's personal data will be (or was due to be) anonymised.
pub fn anonymised_from(event: &Event) -> DateTime<Utc> {
    event.ends_at + Duration::days(i64::from(event.retention_days))
}

/// Anonymises every event whose retention period is over. Returns how many events.
pub async fn anonymise_due(pools: &Pools, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let candidates = event::Entity::find()
        .filter(event::Column::AnonymisedAt.is_null())
        .filter(event::Column::EndsAt.lt(now))
        .all(&pools.write)
        .await?;
    let mut done = 0;
    for event in candidates.iter().filter(|event| anonymised_from(event) <= now) {
        anonymise_event(pools, event.id, now).await?;
        done += 1;
    }
    Ok(done)
}

/// Anonymises all people of one event in one transaction; returns how many attendees.
pub async fn anonymise_event(pools: &Pools, event_id: Uuid, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let txn = begin_write(&pools.write).await?;
    let people = attendee::Entity::find()
        .filter(attendee::Column::EventId.eq(event_id))
        .filter(attendee::Column::AnonymisedAt.is_null())
        .all(&txn)
        .await?;
    let ids: Vec<Uuid> = people.iter().map(|person| person.id).collect();
    scrub_attendees(&txn, &ids, now).await?;
    let names: Vec<String> = people.iter().map(|person| person.full_name()).collect();
    scrub_scan_log(&txn, event_id, &names).await?;
    // Every entry about an attendee starts with `attendee:{id}` (45 characters): keep the
    // action, who did it and when; drop the name and the old and new values.
    audit_entry::Entity::update_many()
        .col_expr(audit_entry::Column::Subject, Expr::value(""))
        .col_expr(audit_entry::Column::Detail, Expr::cust("substr(\"detail\", 1, 45)"))
        .filter(audit_entry::Column::EventId.eq(event_id))
        .filter(audit_entry::Column::Detail.starts_with("attendee:"))
        .exec(&txn)
        .await?;
    audit_entry::Entity::update_many()
        .col_expr(audit_entry::Column::Subject, Expr::value(""))
        .filter(audit_entry::Column::EventId.eq(event_id))
        .filter(audit_entry::Column::Action.eq("attendee.add"))
        .exec(&txn)
        .await?;
    let registrations = registration::Entity::find()
        .select_only()
        .column(registration::Column::Id)
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::ContactEmail.ne(""))
        .into_tuple::<Uuid>()
        .all(&txn)
        .await?;
    for registration_id in registrations {
        scrub_registration(&txn, registration_id).await?;
    }
    event::Entity::update_many()
        .col_expr(event::Column::AnonymisedAt, Expr::value(now))
        .filter(event::Column::Id.eq(event_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(ids.len())
}

/// What erasing one person did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Erasure {
    /// Erased; `cancelled` when their place was given up first (the event was still ahead).
    Erased {
        cancelled: bool,
    },
    AlreadyErased,
    NotFound,
}

/// Erases one person's data (their request, or the organisers' decision). Before the
/// event their place is cancelled first, so the waiting list moves; after it, the person
/// stays counted (checked in, sessions) without a name. The contact person's erasure
/// also removes the registration's contact address and manage link.
pub async fn erase_attendee(pools: &Pools, attendee_id: Uuid, now: DateTime<Utc>) -> Result<Erasure, DbErr> {
    let Some(person) = attendee::Entity::find_by_id(attendee_id).one(&pools.write).await? else {
        return Ok(Erasure::NotFound);
    };
    if person.anonymised_at.is_some() {
        return Ok(Erasure::AlreadyErased);
    }
    let Some(event) = event::Entity::find_by_id(person.event_id).one(&pools.write).await? else {
        return Ok(Erasure::NotFound);
    };
    let Some(owner) = registration::Entity::find_by_id(person.registration_id).one(&pools.write).await? else {
        return Ok(Erasure::NotFound);
    };
    let still_ahead = now < event.ends_at;
    let cancelled = still_ahead
        && person.cancelled_at.is_none()
        && owner.status != RegistrationStatus::Cancelled
        && crate::registration::cancel_attendee(pools, owner.id, person.id, now).await?;
    let txn = begin_write(&pools.write).await?;
    scrub_attendees(&txn, &[person.id], now).await?;
    scrub_scan_log(&txn, event.id, &[person.full_name()]).await?;
    let prefix = format!("attendee:{}", person.id);
    audit_entry::Entity::update_many()
        .col_expr(audit_entry::Column::Subject, Expr::value(""))
        .col_expr(audit_entry::Column::Detail, Expr::value(prefix.clone()))
        .filter(audit_entry::Column::EventId.eq(event.id))
        .filter(audit_entry::Column::Detail.starts_with(&prefix))
        .exec(&txn)
        .await?;
    // Added by hand: that entry names the registration and the person.
    audit_entry::Entity::update_many()
        .col_expr(audit_entry::Column::Subject, Expr::value(""))
        .filter(audit_entry::Column::EventId.eq(event.id))
        .filter(audit_entry::Column::Action.eq("attendee.add"))
        .filter(audit_entry::Column::Detail.starts_with(format!("registration:{}", owner.id)))
        .exec(&txn)
        .await?;
    let others_left = attendee::Entity::find()
        .filter(attendee::Column::RegistrationId.eq(owner.id))
        .filter(attendee::Column::AnonymisedAt.is_null())
        .count(&txn)
        .await?;
    if person.position == 0 || others_left == 0 {
        scrub_registration(&txn, owner.id).await?;
    }
    txn.commit().await?;
    Ok(Erasure::Erased { cancelled })
}

/// Records that the people of a registration asked for their data to be erased; `false`
/// when they had asked already.
pub async fn request_deletion(
    db: &DatabaseConnection,
    registration_id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(registration::Entity::update_many()
        .col_expr(registration::Column::DeletionRequestedAt, Expr::value(now))
        .filter(registration::Column::Id.eq(registration_id))
        .filter(registration::Column::DeletionRequestedAt.is_null())
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// Registrations of an event whose people asked for erasure, with the time they asked.
pub async fn deletion_requests(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<(Uuid, DateTime<Utc>)>, DbErr> {
    registration::Entity::find()
        .select_only()
        .column(registration::Column::Id)
        .column(registration::Column::DeletionRequestedAt)
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::DeletionRequestedAt.is_not_null())
        .into_tuple::<(Uuid, DateTime<Utc>)>()
        .all(db)
        .await
}

const PARAMETER_CHUNK: usize = 500;

async fn scrub_attendees<C: ConnectionTrait>(db: &C, ids: &[Uuid], now: DateTime<Utc>) -> Result<(), DbErr> {
    let free_text = Query::select()
        .column(question::Column::Id)
        .from(question::Entity)
        .and_where(question::Column::Kind.is_in([QuestionKind::ShortText, QuestionKind::LongText]))
        .to_owned();
    // Chunks keep each statement under the databases' parameter limits.
    for chunk in ids.chunks(PARAMETER_CHUNK) {
        attendee::Entity::update_many()
            .col_expr(attendee::Column::FirstName, Expr::value(""))
            .col_expr(attendee::Column::LastName, Expr::value(""))
            .col_expr(attendee::Column::Email, Expr::value(""))
            .col_expr(attendee::Column::SearchKey, Expr::value(""))
            .col_expr(attendee::Column::AnonymisedAt, Expr::value(now))
            .filter(attendee::Column::Id.is_in(chunk.iter().copied()))
            .exec(db)
            .await?;
        answer::Entity::delete_many()
            .filter(answer::Column::AttendeeId.is_in(chunk.iter().copied()))
            .filter(answer::Column::QuestionId.in_subquery(free_text.clone()))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The registration's contact address, its links and its mails go; its status and
/// language stay. Every link to it stops working.
async fn scrub_registration<C: ConnectionTrait>(db: &C, registration_id: Uuid) -> Result<(), DbErr> {
    registration::Entity::update_many()
        .col_expr(registration::Column::ContactEmail, Expr::value(""))
        .col_expr(registration::Column::EmailKey, Expr::value(format!("anonymised:{registration_id}")))
        .col_expr(registration::Column::ManageTokenHash, Expr::value(crate::ids::hash_token(&secret_token())))
        .col_expr(registration::Column::SubmissionKeyHash, Expr::value(Option::<String>::None))
        // A hash of names and addresses is still personal data.
        .col_expr(registration::Column::SubmissionDigest, Expr::value(Option::<String>::None))
        .col_expr(registration::Column::ConsentWording, Expr::value(""))
        .filter(registration::Column::Id.eq(registration_id))
        .exec(db)
        .await?;
    outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    crate::registration::withdraw_links(db, registration_id, None).await?;
    Ok(())
}

/// The door keeps each scan's answer (to answer a resent scan the same way); the
/// answer greets the person by name, which goes.
async fn scrub_scan_log<C: ConnectionTrait>(db: &C, event_id: Uuid, names: &[String]) -> Result<(), DbErr> {
    let names: std::collections::HashSet<&str> = names.iter().map(String::as_str).collect();
    let devices = Query::select()
        .column(door_device::Column::Id)
        .from(door_device::Entity)
        .and_where(door_device::Column::EventId.eq(event_id))
        .to_owned();
    let scans = door_scan::Entity::find().filter(door_scan::Column::DeviceId.in_subquery(devices)).all(db).await?;
    for scan in scans {
        let Ok(mut answer) = serde_json::from_str::<ScanAnswer>(&scan.response) else { continue };
        let Some(greeted) = answer.attendee.as_mut().filter(|greeted| names.contains(greeted.name.as_str())) else {
            continue;
        };
        greeted.name.clear();
        let response = serde_json::to_string(&answer).map_err(|err| DbErr::Custom(err.to_string()))?;
        door_scan::Entity::update_many()
            .col_expr(door_scan::Column::Response, Expr::value(response))
            .filter(door_scan::Column::Id.eq(scan.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// An audit entry written by a participant from their registration page (asking for
/// their data or its erasure): no account, so no actor.
pub async fn record_by_participant<C: ConnectionTrait>(
    db: &C,
    event_id: Uuid,
    action: &str,
    detail: String,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_entry::Entity::insert(audit_entry::ActiveModel {
        id: Set(new_id()),
        at: Set(now),
        actor_id: Set(None),
        actor_email: Set(String::new()),
        event_id: Set(Some(event_id)),
        action: Set(action.to_owned()),
        subject: Set(String::new()),
        detail: Set(detail),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}
