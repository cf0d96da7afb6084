//! The instance's ticket-signing key: generated on first start, stored in the database
//! so that it survives restarts and every instance on one PostgreSQL signs alike.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, Set};

use crate::entity::instance_secret;
use crate::ids::random_bytes;
use crate::ticket::TicketSigner;

const TICKET_KEY: &str = "ticket_signing_key_ed25519";

pub async fn ticket_signer(db: &DatabaseConnection) -> Result<TicketSigner, DbErr> {
    let candidate = URL_SAFE_NO_PAD.encode(random_bytes::<32>());
    // Two instances starting at once both try; the first insert wins and both read it.
    instance_secret::Entity::insert(instance_secret::ActiveModel {
        name: Set(TICKET_KEY.to_owned()),
        value: Set(candidate),
    })
    .on_conflict_do_nothing_on([instance_secret::Column::Name])
    .exec(db)
    .await?;
    let stored = instance_secret::Entity::find_by_id(TICKET_KEY.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(TICKET_KEY.to_owned()))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(stored.value.as_bytes())
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .ok_or_else(|| DbErr::Custom("the stored ticket key is damaged".to_owned()))?;
    Ok(TicketSigner::from_secret(bytes))
}
