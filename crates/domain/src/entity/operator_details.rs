//! The one row with the site operator's details (its `id` is always 1).

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "operator_details")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub name: String,
    /// Who represents the operator (a public body's head); empty when not given.
    pub representative: String,
    /// Lines separated by `\n`.
    #[sea_orm(column_type = "Text")]
    pub address: String,
    pub email: String,
    pub phone: String,
    pub responsible_name: String,
    /// Empty: the operator's address.
    #[sea_orm(column_type = "Text")]
    pub responsible_address: String,
    pub privacy_contact: String,
    pub privacy_email: String,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
