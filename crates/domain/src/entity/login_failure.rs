use sea_orm::entity::prelude::*;

/// One failed log-in, by account address and by client address: the throttle counts them.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_failure")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `email:…` or `ip:…`.
    pub subject: String,
    pub at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
