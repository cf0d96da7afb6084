//! Privacy: how long personal data is kept after an event (then it is anonymised and
//! the figures stay), deletion requests from participants, the wording of the data
//! processing consent each registration agreed to, and questions whose answer door
//! staff and badges show (photo consent).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Event {
    Table,
    RetentionDays,
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum Attendee {
    Table,
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum Registration {
    Table,
    ConsentWording,
    DeletionRequestedAt,
}

#[derive(DeriveIden)]
enum Question {
    Table,
    ShownAtDoor,
}

/// Half a year after the event (`domain::privacy::DEFAULT_RETENTION_DAYS`).
const DEFAULT_RETENTION_DAYS: i32 = 180;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one column at a time.
        let alterations = [
            Table::alter()
                .table(Event::Table)
                .add_column(integer(Event::RetentionDays).default(DEFAULT_RETENTION_DAYS))
                .to_owned(),
            Table::alter()
                .table(Event::Table)
                .add_column(timestamp_with_time_zone_null(Event::AnonymisedAt))
                .to_owned(),
            Table::alter()
                .table(Attendee::Table)
                .add_column(timestamp_with_time_zone_null(Attendee::AnonymisedAt))
                .to_owned(),
            Table::alter()
                .table(Registration::Table)
                .add_column(text(Registration::ConsentWording).default(""))
                .to_owned(),
            Table::alter()
                .table(Registration::Table)
                .add_column(timestamp_with_time_zone_null(Registration::DeletionRequestedAt))
                .to_owned(),
            Table::alter().table(Question::Table).add_column(boolean(Question::ShownAtDoor).default(false)).to_owned(),
        ];
        for alteration in alterations {
            manager.alter_table(alteration).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let drops = [
            Table::alter().table(Event::Table).drop_column(Event::RetentionDays).to_owned(),
            Table::alter().table(Event::Table).drop_column(Event::AnonymisedAt).to_owned(),
            Table::alter().table(Attendee::Table).drop_column(Attendee::AnonymisedAt).to_owned(),
            Table::alter().table(Registration::Table).drop_column(Registration::ConsentWording).to_owned(),
            Table::alter().table(Registration::Table).drop_column(Registration::DeletionRequestedAt).to_owned(),
            Table::alter().table(Question::Table).drop_column(Question::ShownAtDoor).to_owned(),
        ];
        for drop in drops {
            manager.alter_table(drop).await?;
        }
        Ok(())
    }
}
