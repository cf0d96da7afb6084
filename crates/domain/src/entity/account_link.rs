use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use super::user_account::Role;

#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum LinkPurpose {
    /// The first administrator, printed on the console at the first start.
    #[sea_orm(string_value = "setup")]
    Setup,
    /// A new team member chooses a name and password.
    #[sea_orm(string_value = "invite")]
    Invite,
    #[sea_orm(string_value = "reset")]
    PasswordReset,
}

/// A one-time link that lets someone set a password.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account_link")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub purpose: LinkPurpose,
    pub email: String,
    /// The role an invitation grants.
    pub role: Option<Role>,
    /// The account a password reset is for.
    pub user_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    /// The link's secret, kept only until the e-mail with it was sent.
    pub mail_token: Option<String>,
    pub mail_language: String,
    pub mail_claimed_until: Option<DateTimeUtc>,
    pub mail_sent_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
