//! The audit log: every organiser action, who did it and when. Entries are only ever
//! added; the back office shows them per event and in full to administrators.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use crate::account::User;
use crate::entity::audit_entry;
pub use crate::entity::audit_entry::Model as AuditEntry;
use crate::ids::new_id;

/// One action to record. `action` is a stable code (`event.publish`), `subject` what
/// it touched in words, `detail` anything worth keeping (old and new values).
pub struct Action<'a> {
    pub event_id: Option<Uuid>,
    pub action: &'a str,
    pub subject: &'a str,
    pub detail: String,
}

pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &User,
    action: Action<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_entry::Entity::insert(audit_entry::ActiveModel {
        id: Set(new_id()),
        at: Set(now),
        actor_id: Set(Some(actor.id)),
        actor_email: Set(actor.email.clone()),
        event_id: Set(action.event_id),
        action: Set(action.action.to_owned()),
        subject: Set(action.subject.to_owned()),
        detail: Set(action.detail),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The newest entries, for one event or for everything.
pub async fn recent(db: &DatabaseConnection, event_id: Option<Uuid>, limit: u64) -> Result<Vec<AuditEntry>, DbErr> {
    let mut query = audit_entry::Entity::find().order_by_desc(audit_entry::Column::At).limit(limit);
    if let Some(event_id) = event_id {
        query = query.filter(audit_entry::Column::EventId.eq(event_id));
    }
    query.all(db).await
}

/// One page of the log, newest first, optionally of one kind of action (an exact
/// code such as `attendee.cancel`, or a prefix ending in `.` such as `export.`).
pub async fn page(
    db: &DatabaseConnection,
    action: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<Vec<AuditEntry>, DbErr> {
    let mut query = audit_entry::Entity::find()
        .order_by_desc(audit_entry::Column::At)
        .order_by_desc(audit_entry::Column::Id)
        .offset(offset)
        .limit(limit);
    match action {
        Some(prefix) if prefix.ends_with('.') => query = query.filter(audit_entry::Column::Action.starts_with(prefix)),
        Some(exact) => query = query.filter(audit_entry::Column::Action.eq(exact)),
        None => {}
    }
    query.all(db).await
}

/// Entries about one attendee or registration, for its history.
pub async fn about(db: &DatabaseConnection, event_id: Uuid, subject_prefix: &str) -> Result<Vec<AuditEntry>, DbErr> {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::EventId.eq(event_id))
        .filter(audit_entry::Column::Detail.starts_with(subject_prefix))
        .order_by_desc(audit_entry::Column::At)
        .all(db)
        .await
}
