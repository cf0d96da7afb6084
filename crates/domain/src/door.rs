//! Door devices: a named phone or tablet authorised by a secret token, revocable.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entity::door_device;
pub use crate::entity::door_device::Model as DoorDevice;
use crate::ids::{hash_token, new_id, secret_token};
use crate::person::{InvalidInput, clean_text};

/// Creates a device and returns it with its token; only the token's hash is stored,
/// so this is the one moment the token can be shown.
pub async fn create(
    db: &DatabaseConnection,
    event_id: Uuid,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Result<(DoorDevice, String), InvalidInput>, DbErr> {
    let name = match clean_text(name, 80) {
        Ok(name) => name,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let token = secret_token();
    let device = door_device::Entity::insert(door_device::ActiveModel {
        id: Set(new_id()),
        event_id: Set(event_id),
        name: Set(name),
        token_hash: Set(hash_token(&token)),
        created_at: Set(now),
        revoked_at: Set(None),
    })
    .exec_with_returning(db)
    .await?;
    Ok(Ok((device, token)))
}

/// The active (not revoked) device holding this token.
pub async fn by_token(db: &DatabaseConnection, token: &str) -> Result<Option<DoorDevice>, DbErr> {
    holding(db, token, false).await
}

/// The revoked device that held this token: what it still sends is recorded, never
/// admitted.
pub async fn revoked_by_token(db: &DatabaseConnection, token: &str) -> Result<Option<DoorDevice>, DbErr> {
    holding(db, token, true).await
}

async fn holding(db: &DatabaseConnection, token: &str, revoked: bool) -> Result<Option<DoorDevice>, DbErr> {
    if token.is_empty() || token.len() > 100 {
        return Ok(None);
    }
    let revoked_at =
        if revoked { door_device::Column::RevokedAt.is_not_null() } else { door_device::Column::RevokedAt.is_null() };
    door_device::Entity::find()
        .filter(door_device::Column::TokenHash.eq(hash_token(token)))
        .filter(revoked_at)
        .one(db)
        .await
}

pub async fn revoke(db: &DatabaseConnection, device_id: Uuid, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let result = door_device::Entity::update_many()
        .col_expr(door_device::Column::RevokedAt, sea_orm::sea_query::Expr::value(now))
        .filter(door_device::Column::Id.eq(device_id))
        .filter(door_device::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The "device" that checks people in by hand from the back office: one per team member
/// and event, named after the person, so check-in lists say who let someone in. Its
/// token field holds a marker no hash can equal, so no request can ever use it.
pub async fn office_device(
    db: &DatabaseConnection,
    event_id: Uuid,
    user_id: Uuid,
    label: &str,
    now: DateTime<Utc>,
) -> Result<DoorDevice, DbErr> {
    let marker = format!("office:{user_id}:{event_id}");
    if let Some(device) =
        door_device::Entity::find().filter(door_device::Column::TokenHash.eq(marker.as_str())).one(db).await?
    {
        return Ok(device);
    }
    let name: String = label.chars().take(80).collect();
    door_device::Entity::insert(door_device::ActiveModel {
        id: Set(new_id()),
        event_id: Set(event_id),
        name: Set(name),
        token_hash: Set(marker.clone()),
        created_at: Set(now),
        revoked_at: Set(None),
    })
    .on_conflict(sea_orm::sea_query::OnConflict::column(door_device::Column::TokenHash).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    door_device::Entity::find()
        .filter(door_device::Column::TokenHash.eq(marker))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("office device".to_owned()))
}

/// The door devices of an event (not the back office's), newest first.
pub async fn for_event(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<DoorDevice>, DbErr> {
    use sea_orm::QueryOrder;
    door_device::Entity::find()
        .filter(door_device::Column::EventId.eq(event_id))
        .filter(door_device::Column::TokenHash.not_like("office:%"))
        .order_by_desc(door_device::Column::CreatedAt)
        .all(db)
        .await
}

pub async fn rename(db: &DatabaseConnection, device_id: Uuid, name: &str) -> Result<Result<(), InvalidInput>, DbErr> {
    let name = match clean_text(name, 80) {
        Ok(name) => name,
        Err(invalid) => return Ok(Err(invalid)),
    };
    door_device::Entity::update_many()
        .col_expr(door_device::Column::Name, sea_orm::sea_query::Expr::value(name))
        .filter(door_device::Column::Id.eq(device_id))
        .exec(db)
        .await?;
    Ok(Ok(()))
}

/// Every device of an event by id (office devices included), to name them in lists.
pub async fn names(db: &DatabaseConnection, event_id: Uuid) -> Result<std::collections::HashMap<Uuid, String>, DbErr> {
    Ok(door_device::Entity::find()
        .filter(door_device::Column::EventId.eq(event_id))
        .all(db)
        .await?
        .into_iter()
        .map(|device| (device.id, device.name))
        .collect())
}
