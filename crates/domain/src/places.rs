//! Places of events and programme sessions: taken by one conditional update each, so
//! that nothing is ever overbooked, and given to whoever waits longest when they free.
//! Registrations take them; the programme gives more when a session grows.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entity::{attendee_session, event, programme_session, session_waitlist};
use crate::outbox::MailKind;

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
        // The person who got the place hears it at their own address too.
        if crate::outbox::members_with_own_address(db, next.registration_id).await?.contains(&next.attendee_id) {
            crate::outbox::enqueue_to_member(
                db,
                MailKind::SessionPromoted,
                next.registration_id,
                next.attendee_id,
                now,
            )
            .await?;
        }
    }
}

/// `UPDATE event SET taken = taken + n WHERE id = ? AND (capacity IS NULL OR taken + n <= capacity)`
pub(crate) async fn take_event_places<C: ConnectionTrait>(db: &C, event_id: Uuid, seats: i32) -> Result<bool, DbErr> {
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

pub(crate) async fn take_session_place<C: ConnectionTrait>(db: &C, session_id: Uuid) -> Result<bool, DbErr> {
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
