//! Who runs the site (Impressum, § 5 DDG and § 18 MStV; the privacy notice's controller
//! and data-protection contact; the contact line under every mail).
//!
//! One row, not a key/value table: every detail is a typed, NOT NULL column, read and
//! written in one statement, and a new detail is a migration that says what it is. The
//! row's id is fixed to 1 by a CHECK, so a second row cannot appear. No row means the
//! operator has not entered the details yet; the pages say so instead of failing.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OperatorDetails {
    Table,
    Id,
    Name,
    Representative,
    Address,
    Email,
    Phone,
    ResponsibleName,
    ResponsibleAddress,
    PrivacyContact,
    PrivacyEmail,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OperatorDetails::Table)
                    .col(integer(OperatorDetails::Id).primary_key().check(Expr::col(OperatorDetails::Id).eq(1)))
                    .col(text(OperatorDetails::Name))
                    .col(text(OperatorDetails::Representative).default(""))
                    .col(text(OperatorDetails::Address))
                    .col(text(OperatorDetails::Email))
                    .col(text(OperatorDetails::Phone))
                    .col(text(OperatorDetails::ResponsibleName))
                    .col(text(OperatorDetails::ResponsibleAddress).default(""))
                    .col(text(OperatorDetails::PrivacyContact))
                    .col(text(OperatorDetails::PrivacyEmail))
                    .col(timestamp_with_time_zone(OperatorDetails::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OperatorDetails::Table).to_owned()).await
    }
}
