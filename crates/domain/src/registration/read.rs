//! Reading registrations with everything their pages and mails show.

use super::*;

/// Looks a registration up by its secret manage token.
pub async fn by_manage_token(db: &DatabaseConnection, token: &str) -> Result<Option<RegistrationDetails>, DbErr> {
    match linked(db, token, LinkPurpose::Manage).await? {
        Some((registration, None)) => details(db, registration).await,
        // A member's own link: their part only, also once they cancelled it.
        Some((registration, Some(member))) => {
            Ok(details_of(db, registration, true).await?.and_then(|details| details.for_member(member)))
        }
        None => Ok(None),
    }
}

/// A registration by its id, with everything its confirmation shows (for the mail worker).
pub async fn by_id(db: &DatabaseConnection, id: Uuid) -> Result<Option<RegistrationDetails>, DbErr> {
    match registration::Entity::find_by_id(id).one(db).await? {
        Some(registration) => details(db, registration).await,
        None => Ok(None),
    }
}

/// Sessions one attendee waits for, in programme order.
pub(super) fn sessions_of_waiting(
    all: &[ProgrammeSession],
    waiting: &[session_waitlist::Model],
    attendee_id: Uuid,
) -> Vec<ProgrammeSession> {
    all.iter()
        .filter(|session| {
            waiting.iter().any(|entry| entry.attendee_id == attendee_id && entry.programme_session_id == session.id)
        })
        .cloned()
        .collect()
}

/// A registration with every person ever on it, members who cancelled too: what is
/// stored about them (a data export).
pub async fn with_everyone(db: &DatabaseConnection, id: Uuid) -> Result<Option<RegistrationDetails>, DbErr> {
    match registration::Entity::find_by_id(id).one(db).await? {
        Some(registration) => details_of(db, registration, true).await,
        None => Ok(None),
    }
}

/// The registration of one attendee, with everyone on it (see [`with_everyone`]).
pub async fn by_attendee(db: &DatabaseConnection, attendee_id: Uuid) -> Result<Option<RegistrationDetails>, DbErr> {
    match attendee::Entity::find_by_id(attendee_id).one(db).await? {
        Some(person) => with_everyone(db, person.registration_id).await,
        None => Ok(None),
    }
}

pub(super) async fn details(
    db: &DatabaseConnection,
    registration: Registration,
) -> Result<Option<RegistrationDetails>, DbErr> {
    details_of(db, registration, false).await
}

pub(super) async fn details_of(
    db: &DatabaseConnection,
    registration: Registration,
    with_cancelled: bool,
) -> Result<Option<RegistrationDetails>, DbErr> {
    let Some(event) = event::Entity::find_by_id(registration.event_id).one(db).await? else {
        return Ok(None);
    };
    let mut people = attendee::Entity::find().filter(attendee::Column::RegistrationId.eq(registration.id));
    if !with_cancelled {
        people = people.filter(attendee::Column::CancelledAt.is_null());
    }
    let attendees = people
        .order_by_asc(attendee::Column::Position)
        .order_by_asc(attendee::Column::CreatedAt)
        .order_by_asc(attendee::Column::Id)
        .all(db)
        .await?;
    let programme = crate::programme::for_event(db, event.id).await?;
    let attendee_ids: Vec<Uuid> = attendees.iter().map(|attendee| attendee.id).collect();
    let choices = attendee_session::Entity::find()
        .filter(attendee_session::Column::AttendeeId.is_in(attendee_ids.clone()))
        .all(db)
        .await?;
    let waiting = session_waitlist::Entity::find()
        .filter(session_waitlist::Column::AttendeeId.is_in(attendee_ids.clone()))
        .all(db)
        .await?;
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::AttendeeId.is_in(attendee_ids))
        .filter(ticket::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    let attendees = attendees
        .into_iter()
        .map(|attendee| {
            let sessions = programme
                .iter()
                .filter(|session| {
                    choices
                        .iter()
                        .any(|choice| choice.attendee_id == attendee.id && choice.programme_session_id == session.id)
                })
                .cloned()
                .collect();
            let ticket = tickets
                .iter()
                .filter(|ticket| ticket.attendee_id == attendee.id)
                .max_by_key(|ticket| ticket.version)
                .cloned();
            let waiting_for = sessions_of_waiting(&programme, &waiting, attendee.id);
            AttendeeDetails { attendee, sessions, ticket, waiting_for }
        })
        .collect();
    Ok(Some(RegistrationDetails { registration, event, attendees, member: None }))
}

/// How many people are expected: active attendees of confirmed registrations.
pub async fn count_attendees(db: &DatabaseConnection, event_id: Uuid) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    let confirmed = sea_orm::sea_query::Query::select()
        .column(registration::Column::Id)
        .from(registration::Entity)
        .and_where(registration::Column::EventId.eq(event_id))
        .and_where(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .to_owned();
    attendee::Entity::find()
        .filter(attendee::Column::EventId.eq(event_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .filter(attendee::Column::RegistrationId.in_subquery(confirmed))
        .count(db)
        .await
}
