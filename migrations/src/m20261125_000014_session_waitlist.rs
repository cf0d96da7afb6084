//! Waiting lists per programme session: a confirmed attendee who chose a full forum waits
//! for a place there while keeping the event place; whoever waits longest moves up first.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SessionWaitlist {
    Table,
    AttendeeId,
    ProgrammeSessionId,
    RegistrationId,
    EventId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SessionWaitlist::Table)
                    .if_not_exists()
                    .col(uuid(SessionWaitlist::AttendeeId))
                    .col(uuid(SessionWaitlist::ProgrammeSessionId))
                    .col(uuid(SessionWaitlist::RegistrationId))
                    .col(uuid(SessionWaitlist::EventId))
                    .col(timestamp_with_time_zone(SessionWaitlist::CreatedAt))
                    .primary_key(
                        Index::create().col(SessionWaitlist::AttendeeId).col(SessionWaitlist::ProgrammeSessionId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("session_waitlist_order")
                    .table(SessionWaitlist::Table)
                    .col(SessionWaitlist::ProgrammeSessionId)
                    .col(SessionWaitlist::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SessionWaitlist::Table).if_exists().to_owned()).await
    }
}
