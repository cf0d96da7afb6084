//! Which programme sessions an attendee chose.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendee_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub attendee_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub programme_session_id: Uuid,
}

impl ActiveModelBehavior for ActiveModel {}
