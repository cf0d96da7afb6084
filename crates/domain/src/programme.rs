//! The programme of an event: plenary, forums, workshops, excursions, each with its
//! own time, room and (optionally) capacity.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entity::programme_session;
pub use crate::entity::programme_session::{Model as ProgrammeSession, SessionKind};
use crate::language::Language;

impl ProgrammeSession {
    pub fn title(&self, language: Language) -> &str {
        language.pick(&self.title_de, &self.title_en, &self.title_uk)
    }

    pub fn free_places(&self) -> Option<i32> {
        self.capacity.map(|capacity| (capacity - self.taken).max(0))
    }

    pub fn is_full(&self) -> bool {
        self.free_places() == Some(0)
    }

    /// Plenary sessions are for everyone; the rest are chosen at registration.
    pub fn is_choosable(&self) -> bool {
        self.kind != SessionKind::Plenary
    }

    pub fn overlaps(&self, other: &ProgrammeSession) -> bool {
        self.starts_at < other.ends_at && other.starts_at < self.ends_at
    }
}

/// How many people wait for a place in each of an event's full sessions.
pub async fn waiting_counts<C: ConnectionTrait>(
    db: &C,
    event_id: Uuid,
) -> Result<std::collections::HashMap<Uuid, usize>, DbErr> {
    use crate::entity::session_waitlist;
    let sessions: Vec<Uuid> = for_event(db, event_id).await?.into_iter().map(|session| session.id).collect();
    let mut counts = std::collections::HashMap::new();
    for waiting in session_waitlist::Entity::find()
        .filter(session_waitlist::Column::ProgrammeSessionId.is_in(sessions))
        .all(db)
        .await?
    {
        *counts.entry(waiting.programme_session_id).or_insert(0) += 1;
    }
    Ok(counts)
}

pub async fn for_event<C: ConnectionTrait>(db: &C, event_id: Uuid) -> Result<Vec<ProgrammeSession>, DbErr> {
    programme_session::Entity::find()
        .filter(programme_session::Column::EventId.eq(event_id))
        .order_by_asc(programme_session::Column::StartsAt)
        .order_by_asc(programme_session::Column::Position)
        .all(db)
        .await
}

/// A programme session as an organiser typed it, parsed at the edge.
#[derive(Clone, Debug)]
pub struct SessionDraft {
    pub kind: SessionKind,
    pub title_de: String,
    pub title_en: String,
    pub title_uk: String,
    pub room: String,
    pub speakers: String,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub capacity: Option<i32>,
}

/// Adds a session at the end of the programme.
pub async fn add(
    db: &sea_orm::DatabaseConnection,
    event_id: Uuid,
    draft: SessionDraft,
) -> Result<ProgrammeSession, DbErr> {
    use sea_orm::ActiveValue::Set;
    let position = for_event(db, event_id).await?.iter().map(|session| session.position).max().unwrap_or(0) + 1;
    programme_session::Entity::insert(programme_session::ActiveModel {
        id: Set(crate::ids::new_id()),
        event_id: Set(event_id),
        kind: Set(draft.kind),
        title_de: Set(draft.title_de),
        title_en: Set(draft.title_en),
        title_uk: Set(draft.title_uk),
        room: Set(draft.room),
        speakers: Set(draft.speakers),
        starts_at: Set(draft.starts_at),
        ends_at: Set(draft.ends_at),
        capacity: Set(draft.capacity),
        taken: Set(0),
        position: Set(position),
    })
    .exec_with_returning(db)
    .await
}

/// Saves new details of a session. The capacity may not drop below the places taken;
/// that is decided in the same statement. `false` when it would.
pub async fn update(db: &sea_orm::DatabaseConnection, session_id: Uuid, draft: SessionDraft) -> Result<bool, DbErr> {
    use sea_orm::ExprTrait;
    use sea_orm::sea_query::Expr;
    let mut update = programme_session::Entity::update_many()
        .col_expr(programme_session::Column::Kind, Expr::value(draft.kind))
        .col_expr(programme_session::Column::TitleDe, Expr::value(draft.title_de))
        .col_expr(programme_session::Column::TitleEn, Expr::value(draft.title_en))
        .col_expr(programme_session::Column::TitleUk, Expr::value(draft.title_uk))
        .col_expr(programme_session::Column::Room, Expr::value(draft.room))
        .col_expr(programme_session::Column::Speakers, Expr::value(draft.speakers))
        .col_expr(programme_session::Column::StartsAt, Expr::value(draft.starts_at))
        .col_expr(programme_session::Column::EndsAt, Expr::value(draft.ends_at))
        .col_expr(programme_session::Column::Capacity, Expr::value(draft.capacity))
        .filter(programme_session::Column::Id.eq(session_id));
    if let Some(capacity) = draft.capacity {
        update = update.filter(Expr::col(programme_session::Column::Taken).lte(capacity));
    }
    if update.exec(db).await?.rows_affected != 1 {
        return Ok(false);
    }
    // More places: whoever waits for this session moves up.
    let txn = crate::store::begin_write(db).await?;
    crate::places::promote_session_waitlist(&txn, session_id, chrono::Utc::now()).await?;
    txn.commit().await?;
    Ok(true)
}

/// How many attendees chose a session: removing it takes it out of their programme.
pub async fn chosen_by(db: &sea_orm::DatabaseConnection, session_id: Uuid) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    crate::entity::attendee_session::Entity::find()
        .filter(crate::entity::attendee_session::Column::ProgrammeSessionId.eq(session_id))
        .count(db)
        .await
}

/// Removes a session and everyone's choice of it; their event places stay.
pub async fn remove(db: &sea_orm::DatabaseConnection, session_id: Uuid) -> Result<(), DbErr> {
    let txn = crate::store::begin_write(db).await?;
    crate::entity::attendee_session::Entity::delete_many()
        .filter(crate::entity::attendee_session::Column::ProgrammeSessionId.eq(session_id))
        .exec(&txn)
        .await?;
    crate::entity::session_waitlist::Entity::delete_many()
        .filter(crate::entity::session_waitlist::Column::ProgrammeSessionId.eq(session_id))
        .exec(&txn)
        .await?;
    programme_session::Entity::delete_by_id(session_id).exec(&txn).await?;
    txn.commit().await
}

/// Moves a session one place up or down among the sessions that start at the same
/// time (parallel forums are listed in this order); the programme stays in time order,
/// so a session never changes its time by being moved.
pub async fn move_session(
    db: &sea_orm::DatabaseConnection,
    event_id: Uuid,
    session_id: Uuid,
    up: bool,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    let txn = crate::store::begin_write(db).await?;
    let mut sessions = for_event(&txn, event_id).await?;
    let Some(index) = sessions.iter().position(|session| session.id == session_id) else {
        return Ok(());
    };
    let other = if up { index.checked_sub(1) } else { Some(index + 1).filter(|next| *next < sessions.len()) };
    let Some(other) = other.filter(|other| sessions[*other].starts_at == sessions[index].starts_at) else {
        return Ok(());
    };
    sessions.swap(index, other);
    // Positions are renumbered in the new order, so equal positions cannot tie.
    for (position, session) in sessions.iter().enumerate() {
        programme_session::Entity::update_many()
            .col_expr(programme_session::Column::Position, Expr::value(position as i32 + 1))
            .filter(programme_session::Column::Id.eq(session.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await
}
