//! The instance's signing keys (tickets, known log-in devices): generated on first start,
//! stored in the database so that they survive restarts and every instance on one
//! PostgreSQL signs alike.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, Set};

use crate::entity::instance_secret;
use crate::ids::random_bytes;
use crate::login::KnownDevices;
use crate::ticket::TicketSigner;

const TICKET_KEY: &str = "ticket_signing_key_ed25519";
const KNOWN_DEVICE_KEY: &str = "known_device_key_ed25519";

pub async fn ticket_signer(db: &DatabaseConnection) -> Result<TicketSigner, DbErr> {
    Ok(TicketSigner::from_secret(stored_secret(db, TICKET_KEY).await?))
}

/// A key of its own, so that a mark for a browser can never pass for a ticket or back.
pub async fn known_devices(db: &DatabaseConnection) -> Result<KnownDevices, DbErr> {
    Ok(KnownDevices::from_secret(stored_secret(db, KNOWN_DEVICE_KEY).await?))
}

async fn stored_secret(db: &DatabaseConnection, name: &str) -> Result<[u8; 32], DbErr> {
    let candidate = URL_SAFE_NO_PAD.encode(random_bytes::<32>());
    // Two instances starting at once both try; the first insert wins and both read it.
    instance_secret::Entity::insert(instance_secret::ActiveModel { name: Set(name.to_owned()), value: Set(candidate) })
        .on_conflict_do_nothing_on([instance_secret::Column::Name])
        .exec(db)
        .await?;
    let stored = instance_secret::Entity::find_by_id(name.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(name.to_owned()))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(stored.value.as_bytes())
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .ok_or_else(|| DbErr::Custom(format!("the stored key {name} is damaged")))?;
    Ok(bytes)
}
