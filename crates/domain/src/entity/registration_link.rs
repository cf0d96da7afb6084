//! A link that opens a registration: its page (`/r/{token}`) or its address
//! confirmation (`/r/confirm/{token}`). Only the token's hash is stored.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum LinkPurpose {
    /// Opens the registration's page.
    #[sea_orm(string_value = "manage")]
    Manage,
    /// Confirms the contact address (double opt-in).
    #[sea_orm(string_value = "confirm_email")]
    ConfirmEmail,
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registration_link")]
pub struct Model {
    /// Hex SHA-256 of the token in the link.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub registration_id: Uuid,
    /// Reserved for links that open one member's part of a delegation; `None` opens
    /// the whole registration.
    pub attendee_id: Option<Uuid>,
    pub purpose: LinkPurpose,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
