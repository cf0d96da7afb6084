//! The e-mail outbox: messages written in the same transaction as the registration
//! they belong to, sent later by a worker that claims them one at a time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    Id,
    Kind,
    RegistrationId,
    CreatedAt,
    NextAttemptAt,
    Attempts,
    ClaimedUntil,
    SentAt,
    LastError,
}

#[derive(DeriveIden)]
enum Registration {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OutboxMessage::Table)
                    .if_not_exists()
                    .col(pk_uuid(OutboxMessage::Id))
                    .col(string_len(OutboxMessage::Kind, 32))
                    .col(uuid(OutboxMessage::RegistrationId))
                    .col(timestamp_with_time_zone(OutboxMessage::CreatedAt))
                    .col(timestamp_with_time_zone(OutboxMessage::NextAttemptAt))
                    .col(integer(OutboxMessage::Attempts))
                    .col(timestamp_with_time_zone_null(OutboxMessage::ClaimedUntil))
                    .col(timestamp_with_time_zone_null(OutboxMessage::SentAt))
                    .col(text_null(OutboxMessage::LastError))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutboxMessage::Table, OutboxMessage::RegistrationId)
                            .to(Registration::Table, Registration::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The worker asks "what is due and unsent?" every second.
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_due")
                    .table(OutboxMessage::Table)
                    .col(OutboxMessage::SentAt)
                    .col(OutboxMessage::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OutboxMessage::Table).if_exists().to_owned()).await
    }
}
