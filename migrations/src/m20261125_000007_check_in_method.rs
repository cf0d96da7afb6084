//! Whether a check-in came from a scanned ticket or from door staff picking a name.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CheckIn {
    Table,
    Method,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(CheckIn::Table)
                    .add_column(string_len(CheckIn::Method, 16).default("scan"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(CheckIn::Table).drop_column(CheckIn::Method).to_owned()).await
    }
}
