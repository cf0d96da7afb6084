//! Mail the outbox gave up on: refused for good by the mail server, impossible to compose,
//! or failed too often. It is no longer retried and the back office shows it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    UndeliverableAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxMessage::Table)
                    .add_column(timestamp_with_time_zone_null(OutboxMessage::UndeliverableAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(OutboxMessage::Table).drop_column(OutboxMessage::UndeliverableAt).to_owned(),
            )
            .await
    }
}
