//! Registering for an event: one submission, one transaction, places taken by
//! conditional updates so that no event or programme session is ever overbooked.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

use crate::db::{Pools, begin_write};
pub use crate::entity::attendee::{Model as Attendee, OrganisationType};
pub use crate::entity::registration::{Model as Registration, RegistrationStatus};
use crate::entity::{attendee, attendee_session, event, programme_session, registration, session_waitlist, ticket};
use crate::event::{Event, RegistrationWindow};
use crate::ids::{new_id, secret_token};
use crate::language::Language;
use crate::outbox::MailKind;
use crate::person::{EmailAddress, PersonName};
use crate::programme::ProgrammeSession;
use crate::ticket::Ticket;

/// One person to register, already parsed.
#[derive(Clone, Debug)]
pub struct NewAttendee {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: EmailAddress,
    pub organisation: String,
    pub organisation_type: OrganisationType,
    pub partner_municipality: String,
    pub programme_session_ids: Vec<Uuid>,
    /// Answers to the event's own questions.
    pub answers: Vec<crate::registration_form::NewAnswer>,
}

/// What a registration form submits. The first attendee is the contact person.
#[derive(Clone, Debug)]
pub struct RegistrationRequest {
    pub event_id: Uuid,
    pub language: Language,
    pub attendees: Vec<NewAttendee>,
    /// The data-processing consent was given; the form refuses to submit without it.
    pub data_consent: bool,
    /// The consent's text as the person (or the organiser taking it down) read it.
    pub consent_wording: String,
    /// A random key the form carries: submitting the same form twice registers once.
    pub submission_key: Option<String>,
    /// Registered by door staff for someone standing at the entrance: allowed after the
    /// registration window closed, never waitlisted (a full event refuses), no opt-in.
    pub at_the_door: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum RegistrationError {
    #[error("the event does not exist")]
    EventNotFound,
    #[error("registration is not open")]
    NotOpen(RegistrationWindow),
    #[error("the event is fully booked")]
    EventFull,
    #[error("this e-mail address is already registered for the event")]
    AlreadyRegistered,
    #[error("this form was submitted before")]
    AlreadySubmitted(Box<Registration>),
    #[error("the programme session does not belong to this event")]
    UnknownSession(Uuid),
    #[error("two chosen programme sessions take place at the same time")]
    SessionsOverlap(Uuid, Uuid),
    #[error("consent to data processing is missing")]
    ConsentMissing,
    #[error("a registration needs at least one attendee")]
    NoAttendees,
    #[error("the delegation has as many people as one registration may have")]
    DelegationFull,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// A registration with everything its confirmation page shows.
#[derive(Clone, Debug)]
pub struct RegistrationDetails {
    pub registration: Registration,
    pub event: Event,
    pub attendees: Vec<AttendeeDetails>,
}

#[derive(Clone, Debug)]
pub struct AttendeeDetails {
    pub attendee: Attendee,
    pub sessions: Vec<ProgrammeSession>,
    /// The current (not revoked) ticket.
    pub ticket: Option<Ticket>,
    /// Full sessions this attendee waits for a place in.
    pub waiting_for: Vec<ProgrammeSession>,
}

impl Attendee {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// Registers, taking one place in the event and one in each chosen session, or nothing.
///
/// The event and its programme are read from the read pool: they decide only whether the
/// form makes sense. Places are decided by the conditional updates in the write
/// transaction, so a stale read can refuse at worst, never overbook.
pub async fn register(
    pools: &Pools,
    request: RegistrationRequest,
    now: DateTime<Utc>,
) -> Result<Registration, RegistrationError> {
    check_request(&request)?;
    let event =
        event::Entity::find_by_id(request.event_id).one(&pools.read).await?.ok_or(RegistrationError::EventNotFound)?;
    let sessions = crate::programme::for_event(&pools.read, event.id).await?;
    register_checked(pools, &event, &sessions, request, now).await
}

/// [`register`] for an event and programme the caller has just read (the registration
/// form shows them anyway), saving the two reads on the busiest write path.
pub async fn register_for(
    pools: &Pools,
    event: &Event,
    sessions: &[ProgrammeSession],
    request: RegistrationRequest,
    now: DateTime<Utc>,
) -> Result<Registration, RegistrationError> {
    check_request(&request)?;
    if event.id != request.event_id {
        return Err(RegistrationError::EventNotFound);
    }
    register_checked(pools, event, sessions, request, now).await
}

fn check_request(request: &RegistrationRequest) -> Result<(), RegistrationError> {
    if request.attendees.is_empty() {
        return Err(RegistrationError::NoAttendees);
    }
    if !request.data_consent {
        return Err(RegistrationError::ConsentMissing);
    }
    Ok(())
}

async fn register_checked(
    pools: &Pools,
    event: &Event,
    sessions: &[ProgrammeSession],
    request: RegistrationRequest,
    now: DateTime<Utc>,
) -> Result<Registration, RegistrationError> {
    match event.registration_window(now) {
        RegistrationWindow::Open => {}
        _ if request.at_the_door && event.status == crate::event::EventStatus::Published && now < event.ends_at => {}
        window => return Err(RegistrationError::NotOpen(window)),
    }
    let chosen: Vec<Vec<ProgrammeSession>> = request
        .attendees
        .iter()
        .map(|attendee| chosen_sessions(sessions, &attendee.programme_session_ids))
        .collect::<Result<_, _>>()?;

    let email_key = request.attendees[0].email.as_str().to_lowercase();
    // Fast answers for a resent form and a second registration; the unique indexes below
    // decide when two arrive at the same moment.
    if let Some(existing) =
        earlier_registration(&pools.read, event.id, request.submission_key.as_deref(), &email_key).await?
    {
        return Err(existing);
    }

    let txn = begin_write(&pools.write).await?;

    // A full event puts the whole registration on the waiting list, in order of arrival.
    let seats = i32::try_from(request.attendees.len()).unwrap_or(i32::MAX);
    let confirmed = if request.at_the_door && event.door_overbooking {
        // Organisers allowed overbooking at the door: the place is taken regardless.
        event::Entity::update_many()
            .col_expr(event::Column::Taken, Expr::col(event::Column::Taken).add(seats))
            .filter(event::Column::Id.eq(event.id))
            .exec(&txn)
            .await?;
        true
    } else {
        take_event_places(&txn, event.id, seats).await?
    };
    if !confirmed && request.at_the_door {
        return Err(RegistrationError::EventFull);
    }
    // With double opt-in the place is held until the address is confirmed by a link; at
    // invitation-only events it is held until an organiser approves (organisers then
    // read the address anyway, so no opt-in link is sent). Organisers and door staff
    // registering someone themselves need neither.
    let needs_approval = event.approval_mode == crate::event::ApprovalMode::OrganiserApproves;
    let status = match (confirmed, request.at_the_door, needs_approval, event.double_opt_in) {
        (false, _, _, _) => RegistrationStatus::Waitlisted,
        (true, true, _, _) => RegistrationStatus::Confirmed,
        (true, false, true, _) => RegistrationStatus::AwaitingApproval,
        (true, false, false, true) => RegistrationStatus::PendingConfirmation,
        (true, false, false, false) => RegistrationStatus::Confirmed,
    };
    let pending = status == RegistrationStatus::PendingConfirmation;
    let registration = registration::ActiveModel {
        id: Set(new_id()),
        event_id: Set(event.id),
        manage_token: Set(secret_token()),
        contact_email: Set(request.attendees[0].email.as_str().to_owned()),
        language: Set(request.language),
        status: Set(status),
        created_at: Set(now),
        email_key: Set(email_key.clone()),
        submission_key: Set(request.submission_key.clone()),
        confirm_token: Set(pending.then(secret_token)),
        reminder_queued_at: Set(None),
        consent_wording: Set(request.consent_wording.clone()),
        deletion_requested_at: Set(None),
        confirm_by: Set(
            pending.then(|| now + chrono::Duration::hours(i64::from(Ord::max(event.confirmation_hours, 1))))
        ),
    };
    let registration = match registration::Entity::insert(registration).exec_with_returning(&txn).await {
        Ok(registration) => registration,
        Err(err) if matches!(err.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            txn.rollback().await?;
            let existing =
                earlier_registration(&pools.write, event.id, request.submission_key.as_deref(), &email_key).await?;
            return Err(existing.unwrap_or(RegistrationError::Database(err)));
        }
        Err(err) => return Err(err.into()),
    };

    for (position, (new_attendee, chosen)) in request.attendees.into_iter().zip(chosen).enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        // Waiting-list entries keep their choices; places are taken when they move up.
        let person = Person { registration_id: registration.id, event_id: event.id, holds_places: confirmed };
        insert_attendee(&txn, &person, position, new_attendee, chosen, now).await?;
    }
    // The mail commits with the registration: no registration without its message.
    let mail = match status {
        RegistrationStatus::PendingConfirmation => MailKind::ConfirmEmail,
        RegistrationStatus::Waitlisted => MailKind::Waitlisted,
        RegistrationStatus::AwaitingApproval => MailKind::AwaitingApproval,
        _ => MailKind::Confirmation,
    };
    crate::outbox::enqueue(&txn, mail, registration.id, now).await?;
    txn.commit().await?;
    Ok(registration)
}

/// The registration this form (same submission key) or this address (same event, not
/// cancelled) already made, as the error to answer with.
async fn earlier_registration<C: ConnectionTrait>(
    db: &C,
    event_id: Uuid,
    submission_key: Option<&str>,
    email_key: &str,
) -> Result<Option<RegistrationError>, DbErr> {
    if let Some(key) = submission_key
        && let Some(earlier) =
            registration::Entity::find().filter(registration::Column::SubmissionKey.eq(key)).one(db).await?
    {
        return Ok(Some(RegistrationError::AlreadySubmitted(Box::new(earlier))));
    }
    let active = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::EmailKey.eq(email_key))
        .filter(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .one(db)
        .await?;
    // The same form may have been committed between the two reads above.
    Ok(active.map(|earlier| match submission_key {
        Some(key) if earlier.submission_key.as_deref() == Some(key) => {
            RegistrationError::AlreadySubmitted(Box::new(earlier))
        }
        _ => RegistrationError::AlreadyRegistered,
    }))
}

/// Cancels a whole registration: frees its places and sessions, tells the contact person,
/// and moves people up from the waiting list into the freed places. `false` when it was
/// already cancelled.
pub async fn cancel(pools: &Pools, registration_id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    end(pools, registration_id, MailKind::Cancelled, now).await
}

/// Organisers decline a registration at an invitation-only event: like a cancellation
/// (places freed, waiting list moves), with its own message.
pub async fn decline(pools: &Pools, registration_id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    end(pools, registration_id, MailKind::Declined, now).await
}

/// Organisers approve a registration that awaits approval: it is confirmed (its places
/// were held since it came in) and the confirmation with the tickets goes out. `false`
/// when it was not awaiting approval (approved or cancelled meanwhile).
pub async fn approve(pools: &Pools, registration_id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let txn = begin_write(&pools.write).await?;
    let approved = registration::Entity::update_many()
        .col_expr(registration::Column::Status, Expr::value(RegistrationStatus::Confirmed))
        .filter(registration::Column::Id.eq(registration_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::AwaitingApproval))
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if approved {
        crate::outbox::enqueue(&txn, MailKind::Confirmation, registration_id, now).await?;
    }
    txn.commit().await?;
    Ok(approved)
}

async fn end(pools: &Pools, registration_id: Uuid, mail: MailKind, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let txn = begin_write(&pools.write).await?;
    let Some(current) = registration::Entity::find_by_id(registration_id).one(&txn).await? else {
        return Ok(false);
    };
    if current.status == RegistrationStatus::Cancelled {
        return Ok(false);
    }
    // Conditional on the status read above, so two cancellations free the places once.
    let changed = registration::Entity::update_many()
        .col_expr(registration::Column::Status, Expr::value(RegistrationStatus::Cancelled))
        .filter(registration::Column::Id.eq(registration_id))
        .filter(registration::Column::Status.eq(current.status))
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !changed {
        return Ok(false);
    }
    if current.status.holds_places() {
        release_places(&txn, &current, now).await?;
    }
    crate::outbox::enqueue(&txn, mail, registration_id, now).await?;
    promote_from_waitlist(&txn, current.event_id, now).await?;
    txn.commit().await?;
    Ok(true)
}

async fn release_places<C: ConnectionTrait>(
    db: &C,
    registration: &Registration,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let attendee_ids: Vec<Uuid> = attendee::Entity::find()
        .filter(attendee::Column::RegistrationId.eq(registration.id))
        .filter(attendee::Column::CancelledAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|attendee| attendee.id)
        .collect();
    let seats = i32::try_from(attendee_ids.len()).unwrap_or(i32::MAX);
    event::Entity::update_many()
        .col_expr(event::Column::Taken, Expr::col(event::Column::Taken).sub(seats))
        .filter(event::Column::Id.eq(registration.event_id))
        .exec(db)
        .await?;
    free_session_places(db, &attendee_ids, now).await
}

/// These attendees give up their programme sessions (they cancelled): each place goes
/// to whoever waits longest for that session, and they leave the sessions' waiting lists.
async fn free_session_places<C: ConnectionTrait>(
    db: &C,
    attendee_ids: &[Uuid],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    session_waitlist::Entity::delete_many()
        .filter(session_waitlist::Column::AttendeeId.is_in(attendee_ids.iter().copied()))
        .exec(db)
        .await?;
    let choices = attendee_session::Entity::find()
        .filter(attendee_session::Column::AttendeeId.is_in(attendee_ids.iter().copied()))
        .all(db)
        .await?;
    for choice in &choices {
        programme_session::Entity::update_many()
            .col_expr(programme_session::Column::Taken, Expr::col(programme_session::Column::Taken).sub(1))
            .filter(programme_session::Column::Id.eq(choice.programme_session_id))
            .exec(db)
            .await?;
    }
    for choice in choices {
        promote_session_waitlist(db, choice.programme_session_id, now).await?;
    }
    Ok(())
}

/// The registration a person belongs to, and whether it holds places (then sessions are
/// taken, or waited for when full; otherwise the choice waits with the registration).
struct Person {
    registration_id: Uuid,
    event_id: Uuid,
    holds_places: bool,
}

/// Stores one person of a registration: the attendee, their sessions, answers and ticket.
async fn insert_attendee<C: ConnectionTrait>(
    db: &C,
    person: &Person,
    position: i32,
    new_attendee: NewAttendee,
    chosen: Vec<ProgrammeSession>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let attendee_id = new_id();
    attendee::Entity::insert(attendee::ActiveModel {
        id: Set(attendee_id),
        registration_id: Set(person.registration_id),
        event_id: Set(person.event_id),
        first_name: Set(new_attendee.first_name.as_str().to_owned()),
        last_name: Set(new_attendee.last_name.as_str().to_owned()),
        email: Set(new_attendee.email.as_str().to_owned()),
        organisation: Set(new_attendee.organisation),
        organisation_type: Set(new_attendee.organisation_type),
        partner_municipality: Set(new_attendee.partner_municipality),
        data_consent_at: Set(now),
        created_at: Set(now),
        cancelled_at: Set(None),
        position: Set(position),
        anonymised_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    for session in chosen {
        choose_session(db, person, attendee_id, session.id, now).await?;
    }
    crate::registration_form::save_answers(db, attendee_id, person.event_id, &new_attendee.answers, now).await?;
    ticket::Entity::insert(ticket::ActiveModel {
        id: Set(new_id()),
        attendee_id: Set(attendee_id),
        event_id: Set(person.event_id),
        version: Set(1),
        revoked_at: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// One session chosen by an attendee: a place taken when the registration holds places
/// (a full session puts the attendee on its waiting list instead), or the bare choice.
async fn choose_session<C: ConnectionTrait>(
    db: &C,
    person: &Person,
    attendee_id: Uuid,
    session_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if person.holds_places && !take_session_place(db, session_id).await? {
        return wait_for_session(db, attendee_id, person.registration_id, person.event_id, session_id, now).await;
    }
    attendee_session::Entity::insert(attendee_session::ActiveModel {
        attendee_id: Set(attendee_id),
        programme_session_id: Set(session_id),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Puts an attendee on a full session's waiting list (once; a second time changes nothing).
async fn wait_for_session<C: ConnectionTrait>(
    db: &C,
    attendee_id: Uuid,
    registration_id: Uuid,
    event_id: Uuid,
    session_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    session_waitlist::Entity::insert(session_waitlist::ActiveModel {
        attendee_id: Set(attendee_id),
        programme_session_id: Set(session_id),
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        created_at: Set(now),
    })
    .on_conflict_do_nothing_on([session_waitlist::Column::AttendeeId, session_waitlist::Column::ProgrammeSessionId])
    .exec(db)
    .await?;
    Ok(())
}

/// Gives a session's free places to the people waiting for it, longest waiting first,
/// while places are free; each one moved up is told by e-mail. Claiming the waiting-list
/// entry with a conditional delete makes two promotions at once move everyone once.
pub(crate) async fn promote_session_waitlist<C: ConnectionTrait>(
    db: &C,
    session_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    loop {
        let Some(next) = session_waitlist::Entity::find()
            .filter(session_waitlist::Column::ProgrammeSessionId.eq(session_id))
            .order_by_asc(session_waitlist::Column::CreatedAt)
            .order_by_asc(session_waitlist::Column::RegistrationId)
            .order_by_asc(session_waitlist::Column::AttendeeId)
            .one(db)
            .await?
        else {
            return Ok(());
        };
        if !take_session_place(db, session_id).await? {
            return Ok(());
        }
        let claimed =
            session_waitlist::Entity::delete_by_id((next.attendee_id, session_id)).exec(db).await?.rows_affected == 1;
        if !claimed {
            programme_session::Entity::update_many()
                .col_expr(programme_session::Column::Taken, Expr::col(programme_session::Column::Taken).sub(1))
                .filter(programme_session::Column::Id.eq(session_id))
                .exec(db)
                .await?;
            continue;
        }
        attendee_session::Entity::insert(attendee_session::ActiveModel {
            attendee_id: Set(next.attendee_id),
            programme_session_id: Set(session_id),
        })
        .exec_without_returning(db)
        .await?;
        crate::outbox::enqueue(db, MailKind::SessionPromoted, next.registration_id, now).await?;
    }
}

/// Confirms waiting registrations in order of arrival while their places fit. The first
/// that does not fit stops the line: nobody overtakes. For a session that filled up in
/// the meantime they join that session's waiting list.
async fn promote_from_waitlist<C: ConnectionTrait>(db: &C, event_id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    loop {
        let Some(next) = registration::Entity::find()
            .filter(registration::Column::EventId.eq(event_id))
            .filter(registration::Column::Status.eq(RegistrationStatus::Waitlisted))
            .order_by_asc(registration::Column::CreatedAt)
            .order_by_asc(registration::Column::Id)
            .one(db)
            .await?
        else {
            return Ok(());
        };
        let attendees = attendee::Entity::find()
            .filter(attendee::Column::RegistrationId.eq(next.id))
            .filter(attendee::Column::CancelledAt.is_null())
            .all(db)
            .await?;
        let seats = i32::try_from(attendees.len()).unwrap_or(i32::MAX);
        if !take_event_places(db, event_id, seats).await? {
            return Ok(());
        }
        // At invitation-only events a place that frees up goes to the next in line, who
        // still waits for the organisers' approval; with double opt-in the place is held
        // until the address is confirmed (nobody on a waiting list has confirmed it yet).
        let rules = event::Entity::find_by_id(event_id).one(db).await?;
        let needs_approval =
            rules.as_ref().is_some_and(|event| event.approval_mode == crate::event::ApprovalMode::OrganiserApproves);
        let confirm_within = rules
            .as_ref()
            .filter(|event| event.double_opt_in)
            .map(|event| chrono::Duration::hours(i64::from(Ord::max(event.confirmation_hours, 1))));
        let (new_status, mail) = match (needs_approval, confirm_within) {
            (true, _) => (RegistrationStatus::AwaitingApproval, MailKind::AwaitingApproval),
            (false, Some(_)) => (RegistrationStatus::PendingConfirmation, MailKind::ConfirmEmail),
            (false, None) => (RegistrationStatus::Confirmed, MailKind::Promoted),
        };
        let pending = new_status == RegistrationStatus::PendingConfirmation;
        let promoted = registration::Entity::update_many()
            .col_expr(registration::Column::ConfirmToken, Expr::value(pending.then(secret_token)))
            .col_expr(
                registration::Column::ConfirmBy,
                Expr::value(confirm_within.filter(|_| pending).map(|within| now + within)),
            )
            .col_expr(registration::Column::Status, Expr::value(new_status))
            .filter(registration::Column::Id.eq(next.id))
            .filter(registration::Column::Status.eq(RegistrationStatus::Waitlisted))
            .exec(db)
            .await?
            .rows_affected
            == 1;
        if !promoted {
            // Another cancellation promoted it a moment ago: give the places back, go on.
            event::Entity::update_many()
                .col_expr(event::Column::Taken, Expr::col(event::Column::Taken).sub(seats))
                .filter(event::Column::Id.eq(event_id))
                .exec(db)
                .await?;
            continue;
        }
        let attendee_ids: Vec<Uuid> = attendees.iter().map(|attendee| attendee.id).collect();
        let choices = attendee_session::Entity::find()
            .filter(attendee_session::Column::AttendeeId.is_in(attendee_ids))
            .all(db)
            .await?;
        for choice in choices {
            if !take_session_place(db, choice.programme_session_id).await? {
                attendee_session::Entity::delete_by_id((choice.attendee_id, choice.programme_session_id))
                    .exec(db)
                    .await?;
                wait_for_session(db, choice.attendee_id, next.id, event_id, choice.programme_session_id, now).await?;
            }
        }
        crate::outbox::enqueue(db, mail, next.id, now).await?;
    }
}

/// The sessions an attendee chose, checked against the event's programme.
fn chosen_sessions(sessions: &[ProgrammeSession], ids: &[Uuid]) -> Result<Vec<ProgrammeSession>, RegistrationError> {
    let mut chosen: Vec<ProgrammeSession> = Vec::with_capacity(ids.len());
    for id in ids {
        if chosen.iter().any(|session| session.id == *id) {
            continue;
        }
        let session = sessions
            .iter()
            .find(|session| session.id == *id && session.is_choosable())
            .ok_or(RegistrationError::UnknownSession(*id))?;
        if let Some(clash) = chosen.iter().find(|other| other.overlaps(session)) {
            return Err(RegistrationError::SessionsOverlap(clash.id, session.id));
        }
        chosen.push(session.clone());
    }
    Ok(chosen)
}

/// `UPDATE event SET taken = taken + n WHERE id = ? AND (capacity IS NULL OR taken + n <= capacity)`
async fn take_event_places<C: ConnectionTrait>(db: &C, event_id: Uuid, seats: i32) -> Result<bool, DbErr> {
    let result = event::Entity::update_many()
        .col_expr(event::Column::Taken, Expr::col(event::Column::Taken).add(seats))
        .filter(event::Column::Id.eq(event_id))
        .filter(
            Expr::col(event::Column::Capacity)
                .is_null()
                .or(Expr::col(event::Column::Taken).add(seats).lte(Expr::col(event::Column::Capacity))),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

async fn take_session_place<C: ConnectionTrait>(db: &C, session_id: Uuid) -> Result<bool, DbErr> {
    let result = programme_session::Entity::update_many()
        .col_expr(programme_session::Column::Taken, Expr::col(programme_session::Column::Taken).add(1))
        .filter(programme_session::Column::Id.eq(session_id))
        .filter(
            Expr::col(programme_session::Column::Capacity)
                .is_null()
                .or(Expr::col(programme_session::Column::Taken).lt(Expr::col(programme_session::Column::Capacity))),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Looks a registration up by its secret manage token.
pub async fn by_manage_token(db: &DatabaseConnection, token: &str) -> Result<Option<RegistrationDetails>, DbErr> {
    // Tokens are 43 URL-safe characters; anything else cannot exist, so skip the query.
    if token.len() != 43 || !token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Ok(None);
    }
    let Some(registration) =
        registration::Entity::find().filter(registration::Column::ManageToken.eq(token)).one(db).await?
    else {
        return Ok(None);
    };
    details(db, registration).await
}

/// A registration by its id, with everything its confirmation shows (for the mail worker).
pub async fn by_id(db: &DatabaseConnection, id: Uuid) -> Result<Option<RegistrationDetails>, DbErr> {
    match registration::Entity::find_by_id(id).one(db).await? {
        Some(registration) => details(db, registration).await,
        None => Ok(None),
    }
}

/// Sessions one attendee waits for, in programme order.
fn sessions_of_waiting(
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

async fn details(db: &DatabaseConnection, registration: Registration) -> Result<Option<RegistrationDetails>, DbErr> {
    details_of(db, registration, false).await
}

async fn details_of(
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
    Ok(Some(RegistrationDetails { registration, event, attendees }))
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

/// Queues a mail with the registration link for every active registration of this
/// address. Returns how many, which the caller must not show: the answer to "send me my
/// link" is the same whether or not the address is registered.
pub async fn send_manage_links(pools: &Pools, email: &EmailAddress, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let registrations = registration::Entity::find()
        .filter(registration::Column::EmailKey.eq(email.as_str().to_lowercase()))
        .filter(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .all(&pools.read)
        .await?;
    for registration in &registrations {
        crate::outbox::enqueue(&pools.write, MailKind::ManageLink, registration.id, now).await?;
    }
    Ok(registrations.len())
}

/// Cancels one member of a delegation: frees their place and sessions and moves the
/// waiting list up. The last member cancels the whole registration. `false` when there
/// was nothing to cancel.
pub async fn cancel_attendee(
    pools: &Pools,
    registration_id: Uuid,
    attendee_id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let active = attendee::Entity::find()
        .filter(attendee::Column::RegistrationId.eq(registration_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .all(&pools.write)
        .await?;
    if !active.iter().any(|attendee| attendee.id == attendee_id) {
        return Ok(false);
    }
    if active.len() == 1 {
        return cancel(pools, registration_id, now).await;
    }
    let txn = begin_write(&pools.write).await?;
    let Some(current) = registration::Entity::find_by_id(registration_id).one(&txn).await? else {
        return Ok(false);
    };
    let changed = attendee::Entity::update_many()
        .col_expr(attendee::Column::CancelledAt, Expr::value(now))
        .filter(attendee::Column::Id.eq(attendee_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !changed || current.status == RegistrationStatus::Cancelled {
        return Ok(false);
    }
    if current.status.holds_places() {
        event::Entity::update_many()
            .col_expr(event::Column::Taken, Expr::col(event::Column::Taken).sub(1))
            .filter(event::Column::Id.eq(current.event_id))
            .exec(&txn)
            .await?;
        free_session_places(&txn, &[attendee_id], now).await?;
        promote_from_waitlist(&txn, current.event_id, now).await?;
    }
    txn.commit().await?;
    Ok(true)
}

impl RegistrationStatus {
    /// Confirmed registrations and those waiting for their e-mail confirmation or for the
    /// organisers' approval hold places.
    pub fn holds_places(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Confirmed
                | RegistrationStatus::PendingConfirmation
                | RegistrationStatus::AwaitingApproval
        )
    }
}

/// What following an e-mail confirmation link led to.
#[derive(Debug)]
pub enum EmailConfirmation {
    Confirmed(Box<Registration>),
    /// Clicked again: nothing changes.
    AlreadyConfirmed(Box<Registration>),
    /// Too late (the place was released) or the registration was cancelled.
    Expired,
    Unknown,
}

/// Confirms the e-mail address of a registration under double opt-in: the held place
/// becomes the attendee's and the confirmation with tickets is queued.
pub async fn confirm_email(pools: &Pools, token: &str, now: DateTime<Utc>) -> Result<EmailConfirmation, DbErr> {
    if token.len() != 43 || !token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Ok(EmailConfirmation::Unknown);
    }
    let find = || registration::Entity::find().filter(registration::Column::ConfirmToken.eq(token)).one(&pools.write);
    let Some(found) = find().await? else {
        return Ok(EmailConfirmation::Unknown);
    };
    match found.status {
        RegistrationStatus::Confirmed => return Ok(EmailConfirmation::AlreadyConfirmed(Box::new(found))),
        RegistrationStatus::PendingConfirmation if found.confirm_by.is_some_and(|by| by >= now) => {}
        _ => return Ok(EmailConfirmation::Expired),
    }
    let txn = begin_write(&pools.write).await?;
    let confirmed = registration::Entity::update_many()
        .col_expr(registration::Column::Status, Expr::value(RegistrationStatus::Confirmed))
        .filter(registration::Column::Id.eq(found.id))
        .filter(registration::Column::Status.eq(RegistrationStatus::PendingConfirmation))
        .filter(registration::Column::ConfirmBy.gte(now))
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if confirmed {
        crate::outbox::enqueue(&txn, MailKind::Confirmation, found.id, now).await?;
    }
    txn.commit().await?;
    // Two clicks at once: the second finds the first one's work.
    let current = find().await?.ok_or_else(|| DbErr::RecordNotFound("registration".to_owned()))?;
    Ok(match (confirmed, current.status) {
        (true, _) => EmailConfirmation::Confirmed(Box::new(current)),
        (false, RegistrationStatus::Confirmed) => EmailConfirmation::AlreadyConfirmed(Box::new(current)),
        (false, _) => EmailConfirmation::Expired,
    })
}

/// Releases the places of registrations whose e-mail was not confirmed in time and moves
/// the waiting list up. Safe to run in every instance at once; returns how many.
pub async fn release_unconfirmed(pools: &Pools, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let overdue = registration::Entity::find()
        .filter(registration::Column::Status.eq(RegistrationStatus::PendingConfirmation))
        .filter(registration::Column::ConfirmBy.lt(now))
        .all(&pools.read)
        .await?;
    let mut released = 0;
    for registration in overdue {
        let txn = begin_write(&pools.write).await?;
        let expired = registration::Entity::update_many()
            .col_expr(registration::Column::Status, Expr::value(RegistrationStatus::Cancelled))
            .filter(registration::Column::Id.eq(registration.id))
            .filter(registration::Column::Status.eq(RegistrationStatus::PendingConfirmation))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if expired {
            release_places(&txn, &registration, now).await?;
            promote_from_waitlist(&txn, registration.event_id, now).await?;
            released += 1;
        }
        txn.commit().await?;
    }
    Ok(released)
}

/// Queues one reminder for every confirmed registration of an event that starts within
/// `before` from now. Each registration is marked in the same transaction as its mail, so
/// several instances running this at once queue each reminder once. Returns how many.
pub async fn queue_reminders(pools: &Pools, now: DateTime<Utc>, before: chrono::Duration) -> Result<usize, DbErr> {
    let soon: Vec<Uuid> = event::Entity::find()
        .filter(event::Column::StartsAt.gt(now))
        .filter(event::Column::StartsAt.lte(now + before))
        .filter(event::Column::Status.eq(crate::event::EventStatus::Published))
        .all(&pools.read)
        .await?
        .into_iter()
        .map(|event| event.id)
        .collect();
    if soon.is_empty() {
        return Ok(0);
    }
    let due = registration::Entity::find()
        .filter(registration::Column::EventId.is_in(soon))
        .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .filter(registration::Column::ReminderQueuedAt.is_null())
        .all(&pools.read)
        .await?;
    let mut queued = 0;
    for registration in due {
        let txn = begin_write(&pools.write).await?;
        let marked = registration::Entity::update_many()
            .col_expr(registration::Column::ReminderQueuedAt, Expr::value(now))
            .filter(registration::Column::Id.eq(registration.id))
            .filter(registration::Column::ReminderQueuedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if marked {
            crate::outbox::enqueue(&txn, MailKind::Reminder, registration.id, now).await?;
            queued += 1;
        }
        txn.commit().await?;
    }
    Ok(queued)
}

/// At most this many people in one registration (the contact person and the delegation).
pub const MAX_PEOPLE: usize = 21;

/// The contact person adds someone to a registration after registering: an event place
/// (or, for a registration on the waiting list, a place in its line), the sessions (a
/// full one puts the new person on its waiting list), the answers and a ticket; the
/// confirmation with every ticket goes out again. Allowed while registration is open.
pub async fn add_attendee(
    pools: &Pools,
    registration_id: Uuid,
    new_attendee: NewAttendee,
    now: DateTime<Utc>,
) -> Result<(), RegistrationError> {
    let current = registration::Entity::find_by_id(registration_id)
        .one(&pools.read)
        .await?
        .ok_or(RegistrationError::EventNotFound)?;
    let event =
        event::Entity::find_by_id(current.event_id).one(&pools.read).await?.ok_or(RegistrationError::EventNotFound)?;
    match event.registration_window(now) {
        RegistrationWindow::Open => {}
        window => return Err(RegistrationError::NotOpen(window)),
    }
    let sessions = crate::programme::for_event(&pools.read, event.id).await?;
    let chosen = chosen_sessions(&sessions, &new_attendee.programme_session_ids)?;
    let txn = begin_write(&pools.write).await?;
    // Read again inside the write: a cancellation a moment ago wins.
    let current =
        registration::Entity::find_by_id(registration_id).one(&txn).await?.ok_or(RegistrationError::EventNotFound)?;
    if current.status == RegistrationStatus::Cancelled {
        return Err(RegistrationError::NotOpen(RegistrationWindow::Closed));
    }
    let people =
        attendee::Entity::find().filter(attendee::Column::RegistrationId.eq(registration_id)).all(&txn).await?;
    if people.iter().filter(|person| person.cancelled_at.is_none()).count() >= MAX_PEOPLE {
        return Err(RegistrationError::DelegationFull);
    }
    let holds_places = current.status.holds_places();
    if holds_places && !take_event_places(&txn, event.id, 1).await? {
        return Err(RegistrationError::EventFull);
    }
    let position = people.iter().map(|person| person.position).max().unwrap_or(0) + 1;
    let person = Person { registration_id, event_id: event.id, holds_places };
    insert_attendee(&txn, &person, position, new_attendee, chosen, now).await?;
    if current.status == RegistrationStatus::Confirmed {
        crate::outbox::enqueue(&txn, MailKind::Confirmation, registration_id, now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// New details and programme choice for one attendee, parsed at the edge.
#[derive(Clone, Debug)]
pub struct AttendeeChange {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub organisation: String,
    pub partner_municipality: String,
    pub programme_session_ids: Vec<Uuid>,
    /// New answers to the event's questions; `None` leaves them as they are.
    pub answers: Option<Vec<crate::registration_form::NewAnswer>>,
}

/// Changes an attendee's details and programme choice. Places in newly chosen sessions
/// are taken by the same conditional updates as at registration, places in dropped ones
/// are freed; a session that is full refuses the whole change.
pub async fn change_attendee(
    pools: &Pools,
    registration_id: Uuid,
    attendee_id: Uuid,
    change: AttendeeChange,
) -> Result<(), RegistrationError> {
    let Some(current) = registration::Entity::find_by_id(registration_id).one(&pools.read).await? else {
        return Err(RegistrationError::EventNotFound);
    };
    if current.status == RegistrationStatus::Cancelled {
        return Err(RegistrationError::NotOpen(RegistrationWindow::Closed));
    }
    let sessions = crate::programme::for_event(&pools.read, current.event_id).await?;
    let wanted = chosen_sessions(&sessions, &change.programme_session_ids)?;
    let txn = begin_write(&pools.write).await?;
    let Some(attendee) = attendee::Entity::find_by_id(attendee_id)
        .filter(attendee::Column::RegistrationId.eq(registration_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .one(&txn)
        .await?
    else {
        return Err(RegistrationError::NoAttendees);
    };
    let had: Vec<Uuid> = attendee_session::Entity::find()
        .filter(attendee_session::Column::AttendeeId.eq(attendee.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|choice| choice.programme_session_id)
        .collect();
    let waiting: Vec<Uuid> = session_waitlist::Entity::find()
        .filter(session_waitlist::Column::AttendeeId.eq(attendee.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|entry| entry.programme_session_id)
        .collect();
    let holds_places = current.status.holds_places();
    let now = Utc::now();
    for session in wanted.iter().filter(|session| !had.contains(&session.id) && !waiting.contains(&session.id)) {
        // Full: this attendee waits for a place there, the rest of the change stands.
        let person = Person { registration_id, event_id: current.event_id, holds_places };
        choose_session(&txn, &person, attendee.id, session.id, now).await?;
    }
    let not_wanted = |id: &Uuid| !wanted.iter().any(|session| session.id == *id);
    for dropped in had.iter().filter(|id| not_wanted(id)) {
        attendee_session::Entity::delete_by_id((attendee.id, *dropped)).exec(&txn).await?;
        if holds_places {
            programme_session::Entity::update_many()
                .col_expr(programme_session::Column::Taken, Expr::col(programme_session::Column::Taken).sub(1))
                .filter(programme_session::Column::Id.eq(*dropped))
                .exec(&txn)
                .await?;
            promote_session_waitlist(&txn, *dropped, now).await?;
        }
    }
    for given_up in waiting.iter().filter(|id| not_wanted(id)) {
        session_waitlist::Entity::delete_by_id((attendee.id, *given_up)).exec(&txn).await?;
    }
    attendee::Entity::update_many()
        .col_expr(attendee::Column::FirstName, Expr::value(change.first_name.as_str()))
        .col_expr(attendee::Column::LastName, Expr::value(change.last_name.as_str()))
        .col_expr(attendee::Column::Organisation, Expr::value(change.organisation))
        .col_expr(attendee::Column::PartnerMunicipality, Expr::value(change.partner_municipality))
        .filter(attendee::Column::Id.eq(attendee.id))
        .exec(&txn)
        .await?;
    if let Some(answers) = &change.answers {
        crate::registration_form::replace_answers(&txn, attendee.id, current.event_id, answers, chrono::Utc::now())
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Issues a new ticket for an attendee (a lost or shared code): the old one is revoked
/// and answers `revoked` at the door, online and, after the devices' next list refresh,
/// offline. Returns the new ticket.
pub async fn reissue_ticket(pools: &Pools, attendee_id: Uuid, now: DateTime<Utc>) -> Result<Option<Ticket>, DbErr> {
    let txn = begin_write(&pools.write).await?;
    let Some(current) = ticket::Entity::find()
        .filter(ticket::Column::AttendeeId.eq(attendee_id))
        .filter(ticket::Column::RevokedAt.is_null())
        .one(&txn)
        .await?
    else {
        return Ok(None);
    };
    let revoked = ticket::Entity::update_many()
        .col_expr(ticket::Column::RevokedAt, Expr::value(now))
        .filter(ticket::Column::Id.eq(current.id))
        .filter(ticket::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !revoked {
        return Ok(None);
    }
    let replacement = ticket::Entity::insert(ticket::ActiveModel {
        id: Set(new_id()),
        attendee_id: Set(attendee_id),
        event_id: Set(current.event_id),
        version: Set(current.version + 1),
        revoked_at: Set(None),
        created_at: Set(now),
    })
    .exec_with_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok(Some(replacement))
}
