//! Double opt-in per event: the place is held until the e-mail address is confirmed
//! through a link, for a limited time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Event {
    Table,
    DoubleOptIn,
    ConfirmationHours,
}

#[derive(DeriveIden)]
enum Registration {
    Table,
    ConfirmToken,
    ConfirmBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Event::Table).add_column(boolean(Event::DoubleOptIn).default(false)).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(Event::Table).add_column(integer(Event::ConfirmationHours).default(48)).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Registration::Table)
                    .add_column(string_null(Registration::ConfirmToken))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Registration::Table)
                    .add_column(timestamp_with_time_zone_null(Registration::ConfirmBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registration_confirm_token")
                    .table(Registration::Table)
                    .col(Registration::ConfirmToken)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("idx_registration_confirm_token").table(Registration::Table).to_owned())
            .await?;
        for column in [Registration::ConfirmToken, Registration::ConfirmBy] {
            manager.alter_table(Table::alter().table(Registration::Table).drop_column(column).to_owned()).await?;
        }
        for column in [Event::DoubleOptIn, Event::ConfirmationHours] {
            manager.alter_table(Table::alter().table(Event::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
