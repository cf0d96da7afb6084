//! One member of a delegation can cancel without cancelling the others; members keep the
//! order of the form (the contact person first).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Attendee {
    Table,
    CancelledAt,
    Position,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Attendee::Table)
                    .add_column(timestamp_with_time_zone_null(Attendee::CancelledAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(Attendee::Table).add_column(integer(Attendee::Position).default(0)).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Attendee::Table).drop_column(Attendee::Position).to_owned()).await?;
        manager.alter_table(Table::alter().table(Attendee::Table).drop_column(Attendee::CancelledAt).to_owned()).await
    }
}
