use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// What a team member may do; each role includes the ones below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, EnumIter, DeriveActiveEnum, Serialize, Deserialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Door devices of their events, nothing else.
    #[sea_orm(string_value = "door")]
    DoorStaff,
    /// Events they are assigned to (or all), their attendees, exports and figures.
    #[sea_orm(string_value = "organiser")]
    Organiser,
    /// Everything, including the team and the audit log.
    #[sea_orm(string_value = "admin")]
    Administrator,
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_account")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Lower case; one account per address.
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    /// argon2id in PHC format; `None` until the invitation was accepted.
    pub password_hash: Option<String>,
    pub role: Role,
    /// Organisers and door staff see every event, not only the assigned ones.
    pub all_events: bool,
    pub created_at: DateTimeUtc,
    pub disabled_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
