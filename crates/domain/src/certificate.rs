//! Certificates of attendance (Teilnahmebescheinigungen): only for people who were
//! checked in at the entrance, once the event is over, listing the programme sessions
//! they attended.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entity::{check_in, registration};
use crate::event::Event;
use crate::programme::ProgrammeSession;
use crate::registration::{Attendee, RegistrationDetails, RegistrationStatus};

/// One person's certificate: who, and which sessions they attended.
#[derive(Clone, Debug)]
pub struct Attendance {
    pub attendee: Attendee,
    /// Sessions where the door checked this person in.
    pub checked_in: Vec<ProgrammeSession>,
    /// Sessions without door control: plenaries, and what the person chose when
    /// registering (nobody checked whether they went).
    pub registered_for: Vec<ProgrammeSession>,
}

/// Certificates are issued once the event is over.
pub fn issued_for(event: &Event, now: DateTime<Utc>) -> bool {
    now >= event.ends_at && event.anonymised_at.is_none()
}

/// The people of a registration who were checked in at the entrance, with the sessions
/// they attended: a session where the door checked people in counts only with their own
/// check-in there; without door control, a plenary counts for everyone and a chosen
/// session when they had a place in it.
pub async fn attendances(db: &DatabaseConnection, details: &RegistrationDetails) -> Result<Vec<Attendance>, DbErr> {
    if details.registration.status != RegistrationStatus::Confirmed {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = details.attendees.iter().map(|person| person.attendee.id).collect();
    let own = check_in::Entity::find()
        .select_only()
        .column(check_in::Column::AttendeeId)
        .column(check_in::Column::ProgrammeSessionId)
        .filter(check_in::Column::AttendeeId.is_in(ids))
        .into_tuple::<(Uuid, Option<Uuid>)>()
        .all(db)
        .await?;
    let controlled = door_controlled_sessions(db, details.event.id).await?;
    let programme = crate::programme::for_event(db, details.event.id).await?;
    Ok(details
        .attendees
        .iter()
        .filter(|person| own.iter().any(|(attendee, scope)| *attendee == person.attendee.id && scope.is_none()))
        .map(|person| {
            let id = person.attendee.id;
            let checked_in = programme
                .iter()
                .filter(|session| controlled.contains(&session.id))
                .filter(|session| own.iter().any(|(attendee, scope)| *attendee == id && *scope == Some(session.id)))
                .cloned()
                .collect();
            let registered_for = programme
                .iter()
                .filter(|session| !controlled.contains(&session.id))
                .filter(|session| {
                    !session.is_choosable() || person.sessions.iter().any(|chosen| chosen.id == session.id)
                })
                .cloned()
                .collect();
            Attendance { attendee: person.attendee.clone(), checked_in, registered_for }
        })
        .collect())
}

/// Sessions where the door checked anybody in.
async fn door_controlled_sessions(db: &DatabaseConnection, event_id: Uuid) -> Result<HashSet<Uuid>, DbErr> {
    Ok(check_in::Entity::find()
        .select_only()
        .column(check_in::Column::ProgrammeSessionId)
        .distinct()
        .filter(check_in::Column::EventId.eq(event_id))
        .filter(check_in::Column::ProgrammeSessionId.is_not_null())
        .into_tuple::<Option<Uuid>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect())
}

/// Queues one mail with the certificates for every registration with someone checked
/// in, except those that got one already (sending twice sends nothing new). Returns how
/// many were queued.
pub async fn queue_mails(pools: &crate::store::Pools, event_id: Uuid, now: DateTime<Utc>) -> Result<usize, DbErr> {
    use crate::entity::outbox_message;
    use crate::outbox::MailKind;
    let registrations = registrations_with_attendance(&pools.write, event_id).await?;
    let txn = crate::store::begin_write(&pools.write).await?;
    let already: HashSet<Uuid> = outbox_message::Entity::find()
        .select_only()
        .column(outbox_message::Column::RegistrationId)
        .filter(outbox_message::Column::Kind.eq(MailKind::Certificate))
        .filter(outbox_message::Column::RegistrationId.is_in(registrations.iter().copied()))
        .into_tuple::<Uuid>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    let mut queued = 0;
    for registration_id in registrations.into_iter().filter(|id| !already.contains(id)) {
        crate::outbox::enqueue(&txn, MailKind::Certificate, registration_id, now).await?;
        queued += 1;
    }
    txn.commit().await?;
    Ok(queued)
}

/// How many registrations got their certificates by mail already (queued or sent).
pub async fn mails_queued(db: &DatabaseConnection, event_id: Uuid) -> Result<u64, DbErr> {
    use crate::entity::outbox_message;
    use sea_orm::PaginatorTrait;
    let of_event = sea_orm::sea_query::Query::select()
        .column(registration::Column::Id)
        .from(registration::Entity)
        .and_where(registration::Column::EventId.eq(event_id))
        .to_owned();
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq(crate::outbox::MailKind::Certificate))
        .filter(outbox_message::Column::RegistrationId.in_subquery(of_event))
        .count(db)
        .await
}

/// Registrations of an event with at least one person checked in at the entrance.
pub async fn registrations_with_attendance(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<Uuid>, DbErr> {
    let attendees: HashSet<Uuid> = check_in::Entity::find()
        .select_only()
        .column(check_in::Column::AttendeeId)
        .filter(check_in::Column::EventId.eq(event_id))
        .filter(check_in::Column::ProgrammeSessionId.is_null())
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let people = crate::entity::attendee::Entity::find()
        .select_only()
        .column(crate::entity::attendee::Column::Id)
        .column(crate::entity::attendee::Column::RegistrationId)
        .filter(crate::entity::attendee::Column::EventId.eq(event_id))
        .filter(crate::entity::attendee::Column::CancelledAt.is_null())
        .into_tuple::<(Uuid, Uuid)>()
        .all(db)
        .await?;
    let confirmed: HashSet<Uuid> = registration::Entity::find()
        .select_only()
        .column(registration::Column::Id)
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut registrations: Vec<Uuid> = people
        .into_iter()
        .filter(|(attendee, registration)| attendees.contains(attendee) && confirmed.contains(registration))
        .map(|(_, registration)| registration)
        .collect();
    registrations.sort_unstable();
    registrations.dedup();
    Ok(registrations)
}
