//! A registration's life after it was made: cancelling (whole or one member),
//! approving and declining, confirming the address (double opt-in), releasing places
//! that were not confirmed in time, moving the waiting list up, reminders and links.

use super::*;

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

pub(super) async fn end(
    pools: &Pools,
    registration_id: Uuid,
    mail: MailKind,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let txn = begin_write(&pools.write).await?;
    let ended = end_within(&txn, registration_id, mail, now).await?;
    txn.commit().await?;
    Ok(ended)
}

/// [`end`] inside the caller's write transaction.
async fn end_within<C: ConnectionTrait>(
    db: &C,
    registration_id: Uuid,
    mail: MailKind,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let Some(current) = registration::Entity::find_by_id(registration_id).one(db).await? else {
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
        .exec(db)
        .await?
        .rows_affected
        == 1;
    if !changed {
        return Ok(false);
    }
    if current.status.holds_places() {
        release_places(db, &current, now).await?;
    }
    crate::outbox::enqueue(db, mail, registration_id, now).await?;
    promote_from_waitlist(db, current.event_id, now).await?;
    Ok(true)
}

pub(super) async fn release_places<C: ConnectionTrait>(
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
pub(super) async fn free_session_places<C: ConnectionTrait>(
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

/// Confirms waiting registrations in order of arrival while their places fit. The first
/// that does not fit stops the line: nobody overtakes. For a session that filled up in
/// the meantime they join that session's waiting list.
/// An organiser moves a registration up from the waiting list by hand: its people get
/// places even beyond the capacity (the organisers decide that), the registration is
/// confirmed and told so. `false` when it was not waiting (any more).
pub async fn move_up_by_hand(pools: &Pools, registration_id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let txn = begin_write(&pools.write).await?;
    let Some(waiting) = registration::Entity::find_by_id(registration_id).one(&txn).await? else {
        return Ok(false);
    };
    let moved = registration::Entity::update_many()
        .col_expr(registration::Column::Status, Expr::value(RegistrationStatus::Confirmed))
        .filter(registration::Column::Id.eq(registration_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Waitlisted))
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !moved {
        return Ok(false);
    }
    let attendees = attendee::Entity::find()
        .filter(attendee::Column::RegistrationId.eq(registration_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .all(&txn)
        .await?;
    let seats = i32::try_from(attendees.len()).unwrap_or(i32::MAX);
    event::Entity::update_many()
        .col_expr(event::Column::Taken, Expr::col(event::Column::Taken).add(seats))
        .filter(event::Column::Id.eq(waiting.event_id))
        .exec(&txn)
        .await?;
    take_chosen_sessions(&txn, &attendees, registration_id, waiting.event_id, now).await?;
    crate::outbox::enqueue(&txn, MailKind::Promoted, registration_id, now).await?;
    txn.commit().await?;
    Ok(true)
}

/// A registration that moved up from the event's waiting list takes the places in its
/// people's chosen sessions; a session that is full is waited for instead, as always.
async fn take_chosen_sessions<C: ConnectionTrait>(
    db: &C,
    attendees: &[Attendee],
    registration_id: Uuid,
    event_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let attendee_ids: Vec<Uuid> = attendees.iter().map(|attendee| attendee.id).collect();
    let choices = attendee_session::Entity::find()
        .filter(attendee_session::Column::AttendeeId.is_in(attendee_ids))
        .all(db)
        .await?;
    for choice in choices {
        if !take_session_place(db, choice.programme_session_id).await? {
            attendee_session::Entity::delete_by_id((choice.attendee_id, choice.programme_session_id)).exec(db).await?;
            wait_for_session(db, choice.attendee_id, registration_id, event_id, choice.programme_session_id, now)
                .await?;
        }
    }
    Ok(())
}

pub(super) async fn promote_from_waitlist<C: ConnectionTrait>(
    db: &C,
    event_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
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
            (false, Some(_)) => (RegistrationStatus::PendingConfirmation, MailKind::PromotedConfirmEmail),
            (false, None) => (RegistrationStatus::Confirmed, MailKind::Promoted),
        };
        let pending = new_status == RegistrationStatus::PendingConfirmation;
        let promoted = registration::Entity::update_many()
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
        if promoted && pending {
            // A new round of confirming: links from an earlier one confirm nothing.
            withdraw_links(db, next.id, Some(LinkPurpose::ConfirmEmail)).await?;
        }
        if !promoted {
            // Another cancellation promoted it a moment ago: give the places back, go on.
            event::Entity::update_many()
                .col_expr(event::Column::Taken, Expr::col(event::Column::Taken).sub(seats))
                .filter(event::Column::Id.eq(event_id))
                .exec(db)
                .await?;
            continue;
        }
        take_chosen_sessions(db, &attendees, next.id, event_id, now).await?;
        crate::outbox::enqueue(db, mail, next.id, now).await?;
    }
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
    // Members of a delegation with this address of their own get the link to their part.
    let address = email.as_str().to_lowercase();
    let members = attendee::Entity::find()
        .filter(
            Expr::expr(sea_orm::sea_query::Func::lower(Expr::col((attendee::Entity, attendee::Column::Email))))
                .eq(address.as_str()),
        )
        .filter(attendee::Column::Position.gt(0))
        .filter(attendee::Column::CancelledAt.is_null())
        .all(&pools.read)
        .await?;
    let mut sent = registrations.len();
    for member in members {
        let Some(registration) = registration::Entity::find_by_id(member.registration_id).one(&pools.read).await?
        else {
            continue;
        };
        if registration.status != RegistrationStatus::Cancelled && registration.email_key != address {
            crate::outbox::enqueue_to_member(&pools.write, MailKind::ManageLink, registration.id, member.id, now)
                .await?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Queues the mail with the registration link for this address's active registration
/// for one event (the registration form's answer to an address registered before).
/// `false` when there is none; the caller answers the same either way.
pub async fn send_manage_link(
    pools: &Pools,
    event_id: Uuid,
    email: &EmailAddress,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let Some(registration) = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::EmailKey.eq(email.as_str().to_lowercase()))
        .filter(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .one(&pools.write)
        .await?
    else {
        return Ok(false);
    };
    crate::outbox::enqueue(&pools.write, MailKind::ManageLink, registration.id, now).await?;
    Ok(true)
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
    let txn = begin_write(&pools.write).await?;
    // The registration's row is locked first (PostgreSQL; SQLite's write transaction
    // holds the whole database), so two members cancelling at once are counted one after
    // the other: read outside, both saw two members and the registration stayed
    // confirmed with nobody in it.
    let Some(current) = locked_registration(&txn, registration_id).await? else {
        return Ok(false);
    };
    let active = attendee::Entity::find()
        .filter(attendee::Column::RegistrationId.eq(registration_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .all(&txn)
        .await?;
    if current.status == RegistrationStatus::Cancelled || !active.iter().any(|attendee| attendee.id == attendee_id) {
        return Ok(false);
    }
    if active.len() == 1 {
        let ended = end_within(&txn, registration_id, MailKind::Cancelled, now).await?;
        txn.commit().await?;
        return Ok(ended);
    }
    let changed = attendee::Entity::update_many()
        .col_expr(attendee::Column::CancelledAt, Expr::value(now))
        .filter(attendee::Column::Id.eq(attendee_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !changed {
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

/// The registration, its row locked until the transaction ends on PostgreSQL (`FOR
/// UPDATE`; SQLite has no row locks and needs none: its write transaction excludes
/// every other writer).
async fn locked_registration(txn: &sea_orm::DatabaseTransaction, id: Uuid) -> Result<Option<Registration>, DbErr> {
    use sea_orm::QuerySelect;
    let find = registration::Entity::find_by_id(id);
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        find.lock_exclusive().one(txn).await
    } else {
        find.one(txn).await
    }
}

/// What following an e-mail confirmation link led to.
#[derive(Debug)]
pub enum EmailConfirmation {
    /// Confirmed now, or clicked again: the registration's page opens with a new link
    /// (the confirmation link proves the address; the page needs a link of its own).
    Confirmed {
        manage_token: String,
    },
    AlreadyConfirmed {
        manage_token: String,
    },
    /// Too late (the place was released) or the registration was cancelled.
    Expired,
    Unknown,
}

/// Confirms the e-mail address of a registration under double opt-in: the held place
/// becomes the attendee's and the confirmation with tickets is queued.
pub async fn confirm_email(pools: &Pools, token: &str, now: DateTime<Utc>) -> Result<EmailConfirmation, DbErr> {
    let Some(found) = linked_registration(&pools.write, token, LinkPurpose::ConfirmEmail).await? else {
        return Ok(EmailConfirmation::Unknown);
    };
    match found.status {
        RegistrationStatus::Confirmed | RegistrationStatus::PendingConfirmation => {}
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
    // Two clicks at once: the second finds the first one's work.
    let current = registration::Entity::find_by_id(found.id)
        .one(&txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("registration".to_owned()))?;
    let answer = match (confirmed, current.status) {
        (true, _) => EmailConfirmation::Confirmed {
            manage_token: issue_link(&txn, found.id, None, LinkPurpose::Manage, now).await?,
        },
        (false, RegistrationStatus::Confirmed) => EmailConfirmation::AlreadyConfirmed {
            manage_token: issue_link(&txn, found.id, None, LinkPurpose::Manage, now).await?,
        },
        (false, _) => EmailConfirmation::Expired,
    };
    txn.commit().await?;
    Ok(answer)
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
