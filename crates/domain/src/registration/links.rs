//! Links that open a registration. Each is handed out once (the page after registering,
//! a mail as it is sent) and only its hash is stored, so a copy of the database opens
//! nothing; a registration has as many working links as it was given.

use super::*;
use crate::entity::registration_link;
pub use crate::entity::registration_link::LinkPurpose;
use crate::ids::hash_token;

/// Makes a new link to a registration and returns its token: the only time it exists in
/// plain text.
/// `member`: the link opens only that member's part of the registration (their ticket,
/// sessions and data), as mailed to their own address.
pub async fn issue_link<C: ConnectionTrait>(
    db: &C,
    registration_id: Uuid,
    member: Option<Uuid>,
    purpose: LinkPurpose,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let token = secret_token();
    store_link(db, registration_id, member, &token, purpose, now).await?;
    Ok(token)
}

/// Keeps the hash of a link made with the registration itself (its first link).
pub(super) async fn insert_link<C: ConnectionTrait>(
    db: &C,
    registration: &Registration,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    store_link(db, registration.id, None, token, LinkPurpose::Manage, now).await
}

async fn store_link<C: ConnectionTrait>(
    db: &C,
    registration_id: Uuid,
    member: Option<Uuid>,
    token: &str,
    purpose: LinkPurpose,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    registration_link::Entity::insert(registration_link::ActiveModel {
        token_hash: Set(hash_token(token)),
        registration_id: Set(registration_id),
        attendee_id: Set(member),
        purpose: Set(purpose),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The registration a link opens for `purpose`, if the token is one that was handed out.
pub async fn linked_registration<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: LinkPurpose,
) -> Result<Option<Registration>, DbErr> {
    Ok(linked(db, token, purpose).await?.map(|(registration, _)| registration))
}

/// The registration a link opens, and the member it is limited to (`None`: all of it).
pub async fn linked<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: LinkPurpose,
) -> Result<Option<(Registration, Option<Uuid>)>, DbErr> {
    // Tokens are 43 URL-safe characters; anything else cannot exist, so skip the query.
    if token.len() != 43 || !token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Ok(None);
    }
    let Some(link) = registration_link::Entity::find_by_id(hash_token(token)).one(db).await? else {
        return Ok(None);
    };
    if link.purpose != purpose {
        return Ok(None);
    }
    Ok(registration::Entity::find_by_id(link.registration_id).one(db).await?.map(|found| (found, link.attendee_id)))
}

/// Every link of one purpose to a registration stops working: confirmation links when
/// the place they confirm is released or a new round of confirming begins, all links
/// when the registration's personal data is erased.
pub async fn withdraw_links<C: ConnectionTrait>(
    db: &C,
    registration_id: Uuid,
    purpose: Option<LinkPurpose>,
) -> Result<(), DbErr> {
    let mut delete =
        registration_link::Entity::delete_many().filter(registration_link::Column::RegistrationId.eq(registration_id));
    if let Some(purpose) = purpose {
        delete = delete.filter(registration_link::Column::Purpose.eq(purpose));
    }
    delete.exec(db).await?;
    Ok(())
}
