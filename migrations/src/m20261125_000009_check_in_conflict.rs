//! Door devices that could not reach the server let the same person in more than once:
//! the person is counted once, and one conflict per person and scope is kept for
//! organisers (the first two admissions; every scan stays in the scan log).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CheckInConflict {
    Table,
    Id,
    AttendeeId,
    EventId,
    Scope,
    FirstDeviceId,
    FirstAt,
    SecondDeviceId,
    SecondAt,
    ScanId,
    RecordedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CheckInConflict::Table)
                    .if_not_exists()
                    .col(pk_uuid(CheckInConflict::Id))
                    .col(uuid(CheckInConflict::AttendeeId))
                    .col(uuid(CheckInConflict::EventId))
                    .col(string(CheckInConflict::Scope))
                    .col(uuid(CheckInConflict::FirstDeviceId))
                    .col(timestamp_with_time_zone(CheckInConflict::FirstAt))
                    .col(uuid(CheckInConflict::SecondDeviceId))
                    .col(timestamp_with_time_zone(CheckInConflict::SecondAt))
                    .col(string(CheckInConflict::ScanId))
                    .col(timestamp_with_time_zone(CheckInConflict::RecordedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_check_in_conflict_once")
                    .table(CheckInConflict::Table)
                    .col(CheckInConflict::AttendeeId)
                    .col(CheckInConflict::Scope)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CheckInConflict::Table).if_exists().to_owned()).await
    }
}
