//! Registering for an event: one submission, one transaction, places taken by
//! conditional updates so that no event or programme session is ever overbooked.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

pub use crate::entity::attendee::{Model as Attendee, OrganisationType};
pub use crate::entity::registration::{Model as Registration, RegistrationStatus};
use crate::entity::{attendee, attendee_session, event, programme_session, registration, session_waitlist, ticket};
use crate::event::{Event, RegistrationWindow};
use crate::ids::{hash_token, new_id, secret_token};
use crate::language::Language;
use crate::outbox::MailKind;
use crate::person::{EmailAddress, PersonName};
use crate::places::{promote_session_waitlist, take_event_places, take_session_place};
use crate::programme::ProgrammeSession;
use crate::store::{Pools, begin_write};
use crate::ticket::Ticket;

mod changes;
mod lifecycle;
mod links;
mod read;

pub use changes::*;
pub use lifecycle::*;
pub use links::*;
pub use read::*;

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
    /// The language of this person's own mails; `None`: the registration's.
    pub language: Option<Language>,
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
    /// The form's key was used before with other people or for another event: a form
    /// left open (back button, a shared computer at the registration desk) sent again.
    #[error("this form was sent before with other data")]
    FormReused,
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
    /// Limited to this member of a delegation (their own link, their own mail): then
    /// `attendees` holds only them.
    pub member: Option<Uuid>,
}

impl RegistrationDetails {
    /// One member's part: what their own link shows and their own mails say. A member
    /// who gave up their own place sees their part as cancelled, whatever the others do.
    pub fn for_member(mut self, attendee_id: Uuid) -> Option<Self> {
        self.attendees.retain(|person| person.attendee.id == attendee_id);
        let member = self.attendees.first()?;
        if member.attendee.cancelled_at.is_some() {
            self.registration.status = RegistrationStatus::Cancelled;
        }
        self.member = Some(attendee_id);
        Some(self)
    }

    /// The person this view is for: the member, or the contact person (`None` when the
    /// contact cancelled their own place).
    pub fn person(&self) -> Option<&AttendeeDetails> {
        match self.member {
            Some(_) => self.attendees.first(),
            None => self.attendees.iter().find(|person| person.attendee.position == 0),
        }
    }

    /// The language of the person this view is for (a member may have their own).
    pub fn language(&self) -> Language {
        match self.member {
            Some(_) => self.person().and_then(|member| member.attendee.language).unwrap_or(self.registration.language),
            None => self.registration.language,
        }
    }

    /// Where this view's mail goes: the member's own address, or the contact's.
    pub fn recipient_email(&self) -> &str {
        match (self.member, self.person()) {
            (Some(_), Some(member)) => &member.attendee.email,
            _ => &self.registration.contact_email,
        }
    }

    /// The sessions of the person this view is for, not of everyone in the delegation:
    /// the calendar file holds one person's day.
    pub fn own_sessions(&self) -> &[ProgrammeSession] {
        self.person().map(|person| person.sessions.as_slice()).unwrap_or_default()
    }
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
) -> Result<Registered, RegistrationError> {
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
) -> Result<Registered, RegistrationError> {
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
) -> Result<Registered, RegistrationError> {
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
    let submission = request
        .submission_key
        .as_deref()
        .map(|key| Submission { key_hash: hash_token(key), digest: submission_digest(&request) });
    // Fast answers for a resent form and a second registration; the unique indexes below
    // decide when two arrive at the same moment.
    if let Some(existing) = earlier_registration(&pools.read, event.id, submission.as_ref(), &email_key).await? {
        return Err(existing);
    }
    let digest = submission.as_ref().map(|submission| submission.digest.clone());

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
    // The page after registering opens with this link; mails get links of their own.
    let manage_token = secret_token();
    let registration = registration::ActiveModel {
        id: Set(new_id()),
        event_id: Set(event.id),
        manage_token_hash: Set(hash_token(&manage_token)),
        contact_email: Set(request.attendees[0].email.as_str().to_owned()),
        language: Set(request.language),
        status: Set(status),
        created_at: Set(now),
        email_key: Set(email_key.clone()),
        submission_key_hash: Set(submission.as_ref().map(|submission| submission.key_hash.clone())),
        submission_digest: Set(digest),
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
            let existing = earlier_registration(&pools.write, event.id, submission.as_ref(), &email_key).await?;
            return Err(existing.unwrap_or(RegistrationError::Database(err)));
        }
        Err(err) => return Err(err.into()),
    };

    let contact_email = request.attendees[0].email.as_str().to_owned();
    let mut members_with_own_address = Vec::new();
    for (position, (new_attendee, chosen)) in request.attendees.into_iter().zip(chosen).enumerate() {
        let own_address = position > 0 && crate::outbox::has_own_address(new_attendee.email.as_str(), &contact_email);
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        // Waiting-list entries keep their choices; places are taken when they move up.
        let person = Person { registration_id: registration.id, event_id: event.id, holds_places: confirmed };
        let attendee_id = insert_attendee(&txn, &person, position, new_attendee, chosen, now).await?;
        if own_address {
            members_with_own_address.push(attendee_id);
        }
    }
    // The mail commits with the registration: no registration without its message.
    let mail = match status {
        RegistrationStatus::PendingConfirmation => MailKind::ConfirmEmail,
        RegistrationStatus::Waitlisted => MailKind::Waitlisted,
        RegistrationStatus::AwaitingApproval => MailKind::AwaitingApproval,
        _ => MailKind::Confirmation,
    };
    crate::outbox::enqueue_with_members(&txn, mail, registration.id, &members_with_own_address, now).await?;
    links::insert_link(&txn, &registration, &manage_token, now).await?;
    txn.commit().await?;
    Ok(Registered { registration, manage_token })
}

/// A registration just made, with the link its page opens with (shown once, as the
/// page after the form; only its hash is stored).
#[derive(Clone, Debug)]
pub struct Registered {
    pub registration: Registration,
    pub manage_token: String,
}

/// A form's key and what it sent this time.
struct Submission {
    /// Stored as a hash like every other secret a client holds.
    key_hash: String,
    digest: String,
}

impl Submission {
    /// The earlier registration made by this very submission (a double click, a resent
    /// form), or the refusal for a reused form: the key alone opens nothing.
    fn answer(&self, event_id: Uuid, earlier: Registration) -> RegistrationError {
        if earlier.event_id == event_id && earlier.submission_digest.as_deref() == Some(self.digest.as_str()) {
            RegistrationError::AlreadySubmitted(Box::new(earlier))
        } else {
            RegistrationError::FormReused
        }
    }
}

/// The registration this form (same submission key) or this address (same event, not
/// cancelled) already made, as the error to answer with.
async fn earlier_registration<C: ConnectionTrait>(
    db: &C,
    event_id: Uuid,
    submission: Option<&Submission>,
    email_key: &str,
) -> Result<Option<RegistrationError>, DbErr> {
    if let Some(submission) = submission
        && let Some(earlier) = registration::Entity::find()
            .filter(registration::Column::SubmissionKeyHash.eq(submission.key_hash.as_str()))
            .one(db)
            .await?
    {
        return Ok(Some(submission.answer(event_id, earlier)));
    }
    let active = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::EmailKey.eq(email_key))
        .filter(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .one(db)
        .await?;
    // The same form may have been committed between the two reads above.
    Ok(active.map(|earlier| match submission {
        Some(submission) if earlier.submission_key_hash.as_deref() == Some(submission.key_hash.as_str()) => {
            submission.answer(event_id, earlier)
        }
        _ => RegistrationError::AlreadyRegistered,
    }))
}

/// What a form sent, as a SHA-256 over the event and every person's data, sessions and
/// answers (each part length-prefixed, so no two different forms run together into one
/// text). The language and the consent's wording are left out: the same people sent
/// again in another language are the same submission.
pub fn submission_digest(request: &RegistrationRequest) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    let mut part = |bytes: &[u8]| {
        hasher.update(u64::try_from(bytes.len()).unwrap_or(u64::MAX).to_le_bytes());
        hasher.update(bytes);
    };
    part(request.event_id.as_bytes());
    for attendee in &request.attendees {
        let email = attendee.email.as_str().to_lowercase();
        for text in [
            attendee.first_name.as_str(),
            attendee.last_name.as_str(),
            email.as_str(),
            attendee.organisation.as_str(),
            attendee.organisation_type.code(),
            attendee.partner_municipality.as_str(),
        ] {
            part(text.as_bytes());
        }
        let mut sessions = attendee.programme_session_ids.clone();
        sessions.sort_unstable();
        sessions.dedup();
        part(&sessions.len().to_le_bytes());
        for session in &sessions {
            part(session.as_bytes());
        }
        let mut answers: Vec<(Uuid, &str)> =
            attendee.answers.iter().map(|answer| (answer.question_id, answer.value.as_str())).collect();
        answers.sort_unstable();
        part(&answers.len().to_le_bytes());
        for (question, value) in answers {
            part(question.as_bytes());
            part(value.as_bytes());
        }
    }
    hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect()
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
) -> Result<Uuid, DbErr> {
    let attendee_id = new_id();
    attendee::Entity::insert(attendee::ActiveModel {
        id: Set(attendee_id),
        registration_id: Set(person.registration_id),
        event_id: Set(person.event_id),
        search_key: Set(crate::search::key(&[
            new_attendee.first_name.as_str(),
            new_attendee.last_name.as_str(),
            &new_attendee.organisation,
        ])),
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
        language: Set(new_attendee.language),
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
    Ok(attendee_id)
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
