//! Messages organisers write to attendees: the text once, and one outbox message per
//! recipient registration that points to it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrganiserMessage {
    Table,
    Id,
    EventId,
    Subject,
    Body,
    CreatedBy,
    CreatedAt,
    Recipients,
}

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    MessageId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrganiserMessage::Table)
                    .if_not_exists()
                    .col(pk_uuid(OrganiserMessage::Id))
                    .col(uuid(OrganiserMessage::EventId))
                    .col(string(OrganiserMessage::Subject))
                    .col(text(OrganiserMessage::Body))
                    .col(uuid(OrganiserMessage::CreatedBy))
                    .col(timestamp_with_time_zone(OrganiserMessage::CreatedAt))
                    .col(integer(OrganiserMessage::Recipients))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(OutboxMessage::Table).add_column(uuid_null(OutboxMessage::MessageId)).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(OutboxMessage::Table).drop_column(OutboxMessage::MessageId).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(OrganiserMessage::Table).if_exists().to_owned()).await
    }
}
