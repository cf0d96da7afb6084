//! Setting events up in the back office: create, edit, publish, cancel and duplicate
//! (next year's Tag der Städtepartnerschaften starts as a copy of this year's).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entity::{event, programme_session};
use crate::event::{ApprovalMode, Event, EventFormat, EventStatus};
use crate::ids::new_id;
use crate::store::{Pools, begin_write};

/// Everything an organiser types about an event, parsed at the edge.
#[derive(Clone, Debug)]
pub struct EventDraft {
    pub slug: String,
    pub title_de: String,
    pub title_en: String,
    pub title_uk: String,
    pub description_de: String,
    pub description_en: String,
    pub description_uk: String,
    pub format: EventFormat,
    pub venue: String,
    pub address: String,
    pub online_url: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub time_zone: String,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub capacity: Option<i32>,
    pub approval_mode: ApprovalMode,
    pub double_opt_in: bool,
    pub confirmation_hours: i32,
    pub door_overbooking: bool,
    /// Days after the end when personal data is anonymised.
    pub retention_days: i32,
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("another event has this address")]
    SlugTaken,
    #[error("more places are taken ({0}) than the new capacity")]
    CapacityBelowTaken(i32),
    #[error("the event does not exist")]
    NotFound,
    #[error(transparent)]
    Database(#[from] DbErr),
}

fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_)))
}

/// A new event starts as a draft: nobody sees it until it is published.
pub async fn create(db: &DatabaseConnection, draft: EventDraft, now: DateTime<Utc>) -> Result<Event, SetupError> {
    let model = event::ActiveModel {
        id: Set(new_id()),
        slug: Set(draft.slug),
        title_de: Set(draft.title_de),
        title_en: Set(draft.title_en),
        title_uk: Set(draft.title_uk),
        description_de: Set(draft.description_de),
        description_en: Set(draft.description_en),
        description_uk: Set(draft.description_uk),
        format: Set(draft.format),
        venue: Set(draft.venue),
        address: Set(draft.address),
        online_url: Set(draft.online_url),
        starts_at: Set(draft.starts_at),
        ends_at: Set(draft.ends_at),
        time_zone: Set(draft.time_zone),
        registration_opens_at: Set(draft.registration_opens_at),
        registration_closes_at: Set(draft.registration_closes_at),
        capacity: Set(draft.capacity),
        taken: Set(0),
        approval_mode: Set(draft.approval_mode),
        status: Set(EventStatus::Draft),
        created_at: Set(now),
        double_opt_in: Set(draft.double_opt_in),
        confirmation_hours: Set(draft.confirmation_hours),
        door_overbooking: Set(draft.door_overbooking),
        retention_days: Set(draft.retention_days),
        anonymised_at: Set(None),
        ask_organisation: Set(crate::event::FieldRule::Required),
        ask_organisation_type: Set(crate::event::FieldRule::Required),
        ask_partner_municipality: Set(crate::event::FieldRule::Optional),
    };
    match event::Entity::insert(model).exec_with_returning(db).await {
        Ok(event) => Ok(event),
        Err(err) if is_unique_violation(&err) => Err(SetupError::SlugTaken),
        Err(err) => Err(err.into()),
    }
}

/// Saves new details. The capacity may not drop below the places already taken; that
/// is decided in the same statement, so a registration arriving meanwhile is safe.
pub async fn update(pools: &Pools, event_id: Uuid, draft: EventDraft) -> Result<Event, SetupError> {
    let txn = begin_write(&pools.write).await?;
    let current = event::Entity::find_by_id(event_id).one(&txn).await?.ok_or(SetupError::NotFound)?;
    if let Some(capacity) = draft.capacity
        && capacity < current.taken
    {
        return Err(SetupError::CapacityBelowTaken(current.taken));
    }
    let mut active: event::ActiveModel = current.into();
    active.slug = Set(draft.slug);
    active.title_de = Set(draft.title_de);
    active.title_en = Set(draft.title_en);
    active.title_uk = Set(draft.title_uk);
    active.description_de = Set(draft.description_de);
    active.description_en = Set(draft.description_en);
    active.description_uk = Set(draft.description_uk);
    active.format = Set(draft.format);
    active.venue = Set(draft.venue);
    active.address = Set(draft.address);
    active.online_url = Set(draft.online_url);
    active.starts_at = Set(draft.starts_at);
    active.ends_at = Set(draft.ends_at);
    active.time_zone = Set(draft.time_zone);
    active.registration_opens_at = Set(draft.registration_opens_at);
    active.registration_closes_at = Set(draft.registration_closes_at);
    active.capacity = Set(draft.capacity);
    active.approval_mode = Set(draft.approval_mode);
    active.double_opt_in = Set(draft.double_opt_in);
    active.confirmation_hours = Set(draft.confirmation_hours);
    active.door_overbooking = Set(draft.door_overbooking);
    active.retention_days = Set(draft.retention_days);
    let updated = match active.update(&txn).await {
        Ok(updated) => updated,
        Err(err) if is_unique_violation(&err) => return Err(SetupError::SlugTaken),
        Err(err) => return Err(err.into()),
    };
    txn.commit().await?;
    Ok(updated)
}

pub async fn set_status(db: &DatabaseConnection, event_id: Uuid, status: EventStatus) -> Result<bool, DbErr> {
    Ok(event::Entity::update_many()
        .col_expr(event::Column::Status, Expr::value(status))
        .filter(event::Column::Id.eq(event_id))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// A draft copy under a new address, every time (event, registration window, programme)
/// moved by the same amount so that the copy starts at `starts_at`. No registrations,
/// no places taken.
pub async fn duplicate(
    pools: &Pools,
    event_id: Uuid,
    slug: String,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Event, SetupError> {
    let txn = begin_write(&pools.write).await?;
    let original = event::Entity::find_by_id(event_id).one(&txn).await?.ok_or(SetupError::NotFound)?;
    let shift = starts_at - original.starts_at;
    let copy = Event {
        id: new_id(),
        slug,
        starts_at,
        ends_at: original.ends_at + shift,
        registration_opens_at: original.registration_opens_at.map(|at| at + shift),
        registration_closes_at: original.registration_closes_at.map(|at| at + shift),
        taken: 0,
        status: EventStatus::Draft,
        created_at: now,
        anonymised_at: None,
        ..original
    };
    let copy = match event::Entity::insert(event::ActiveModel::from(copy)).exec_with_returning(&txn).await {
        Ok(copy) => copy,
        Err(err) if is_unique_violation(&err) => return Err(SetupError::SlugTaken),
        Err(err) => return Err(err.into()),
    };
    let sessions = crate::programme::for_event(&txn, event_id).await?;
    if !sessions.is_empty() {
        programme_session::Entity::insert_many(sessions.into_iter().map(|session| {
            programme_session::ActiveModel::from(programme_session::Model {
                id: new_id(),
                event_id: copy.id,
                starts_at: session.starts_at + shift,
                ends_at: session.ends_at + shift,
                taken: 0,
                ..session
            })
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    crate::registration_form::copy_questions(&txn, event_id, copy.id).await?;
    txn.commit().await?;
    Ok(copy)
}

/// Every event, newest first, for the back office.
pub async fn all_events(db: &DatabaseConnection) -> Result<Vec<Event>, DbErr> {
    use sea_orm::QueryOrder;
    event::Entity::find().order_by_desc(event::Column::StartsAt).all(db).await
}
