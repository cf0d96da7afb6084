//! Delegation members with an address of their own get their own mail: each person may
//! have a language of their own (empty: the registration's), and an outbox message may be
//! meant for one member instead of the contact person.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Attendee {
    Table,
    Language,
}

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    AttendeeId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Attendee::Table).add_column(string_len_null(Attendee::Language, 2)).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(OutboxMessage::Table).add_column(uuid_null(OutboxMessage::AttendeeId)).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(OutboxMessage::Table).drop_column(OutboxMessage::AttendeeId).to_owned())
            .await?;
        manager.alter_table(Table::alter().table(Attendee::Table).drop_column(Attendee::Language).to_owned()).await
    }
}
