//! Changing a registration's people: adding a member, changing one, re-issuing a ticket.

use super::*;

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
    let contact_email = people.iter().find(|person| person.position == 0).map(|contact| contact.email.clone());
    let own_address = contact_email
        .as_deref()
        .is_some_and(|contact| crate::outbox::has_own_address(new_attendee.email.as_str(), contact));
    let added = insert_attendee(&txn, &person, position, new_attendee, chosen, now).await?;
    if current.status == RegistrationStatus::Confirmed {
        // The contact gets the new overview; the person added, at their own address,
        // their own ticket. The others' mails have not changed.
        let added_with_own_address: &[Uuid] = if own_address { &[added] } else { &[] };
        crate::outbox::enqueue_with_members(&txn, MailKind::Confirmation, registration_id, added_with_own_address, now)
            .await?;
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
    /// What only organisers change; `None` (the participant's own page) leaves it.
    pub by_organiser: Option<OrganiserChange>,
}

/// The fields of a person that only organisers change: the address (the contact
/// person's is the registration's too), the kind of organisation, and the language of
/// the person's mails (the contact person's is the registration's).
#[derive(Clone, Debug)]
pub struct OrganiserChange {
    pub email: EmailAddress,
    pub organisation_type: OrganisationType,
    pub language: Language,
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
    let search_key = crate::search::key(&[change.first_name.as_str(), change.last_name.as_str(), &change.organisation]);
    attendee::Entity::update_many()
        .col_expr(attendee::Column::SearchKey, Expr::value(search_key))
        .col_expr(attendee::Column::FirstName, Expr::value(change.first_name.as_str()))
        .col_expr(attendee::Column::LastName, Expr::value(change.last_name.as_str()))
        .col_expr(attendee::Column::Organisation, Expr::value(change.organisation))
        .col_expr(attendee::Column::PartnerMunicipality, Expr::value(change.partner_municipality))
        .filter(attendee::Column::Id.eq(attendee.id))
        .exec(&txn)
        .await?;
    if let Some(by_organiser) = &change.by_organiser {
        apply_organiser_change(&txn, &current, &attendee, by_organiser).await?;
    }
    if let Some(answers) = &change.answers {
        crate::registration_form::replace_answers(&txn, attendee.id, current.event_id, answers, chrono::Utc::now())
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

async fn apply_organiser_change<C: ConnectionTrait>(
    db: &C,
    registration: &Registration,
    person: &Attendee,
    change: &OrganiserChange,
) -> Result<(), RegistrationError> {
    let is_contact = person.position == 0;
    // A member's own language is kept only where it differs from the registration's.
    let own_language = (!is_contact && change.language != registration.language).then_some(change.language);
    attendee::Entity::update_many()
        .col_expr(attendee::Column::Email, Expr::value(change.email.as_str()))
        .col_expr(attendee::Column::OrganisationType, Expr::value(change.organisation_type))
        .col_expr(attendee::Column::Language, Expr::value(own_language))
        .filter(attendee::Column::Id.eq(person.id))
        .exec(db)
        .await?;
    if is_contact {
        let updated = registration::Entity::update_many()
            .col_expr(registration::Column::ContactEmail, Expr::value(change.email.as_str()))
            .col_expr(registration::Column::EmailKey, Expr::value(change.email.as_str().to_lowercase()))
            .col_expr(registration::Column::Language, Expr::value(change.language))
            .filter(registration::Column::Id.eq(registration.id))
            .exec(db)
            .await;
        match updated {
            // Another active registration of this event has that address.
            Err(err) if matches!(err.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
                return Err(RegistrationError::AlreadyRegistered);
            }
            other => {
                other?;
            }
        }
    }
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
