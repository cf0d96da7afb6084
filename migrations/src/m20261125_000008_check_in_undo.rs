//! Undone check-ins: door staff can take back a mistaken check-in, and the undo is kept
//! (who, when, and the check-in it removed) instead of vanishing.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CheckInUndo {
    Table,
    Id,
    CheckInId,
    AttendeeId,
    EventId,
    Scope,
    DeviceId,
    ScanId,
    CheckedInAt,
    Method,
    UndoneBy,
    UndoneAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CheckInUndo::Table)
                    .if_not_exists()
                    .col(pk_uuid(CheckInUndo::Id))
                    .col(uuid(CheckInUndo::CheckInId))
                    .col(uuid(CheckInUndo::AttendeeId))
                    .col(uuid(CheckInUndo::EventId))
                    .col(string(CheckInUndo::Scope))
                    .col(uuid(CheckInUndo::DeviceId))
                    .col(string(CheckInUndo::ScanId))
                    .col(timestamp_with_time_zone(CheckInUndo::CheckedInAt))
                    .col(string_len(CheckInUndo::Method, 16))
                    .col(uuid(CheckInUndo::UndoneBy))
                    .col(timestamp_with_time_zone(CheckInUndo::UndoneAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CheckInUndo::Table).if_exists().to_owned()).await
    }
}
