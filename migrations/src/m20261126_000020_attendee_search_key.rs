//! The text a person is found by at the door (name and organisation, case and accents
//! folded, Cyrillic also in Latin letters; `domain::search::key`). SQLite's `LOWER` folds
//! only ASCII, so the folding is done once when a person is stored; existing people get
//! their key at the next start (`domain::search::fill_missing_keys`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Attendee {
    Table,
    SearchKey,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Attendee::Table).add_column(string(Attendee::SearchKey).default("")).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Attendee::Table).drop_column(Attendee::SearchKey).to_owned()).await
    }
}
