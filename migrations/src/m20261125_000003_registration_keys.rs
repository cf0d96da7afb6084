//! One active registration per e-mail address and event, and one registration per form
//! submission (a double click or a resent form must not register twice).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Registration {
    Table,
    EmailKey,
    SubmissionKey,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Registration::Table)
                    .add_column(string(Registration::EmailKey).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Registration::Table)
                    .add_column(string_null(Registration::SubmissionKey))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared("UPDATE registration SET email_key = lower(contact_email)").await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registration_submission")
                    .table(Registration::Table)
                    .col(Registration::SubmissionKey)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A partial index (same syntax on SQLite and PostgreSQL): a cancelled registration
        // does not block registering again.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX IF NOT EXISTS idx_registration_active_email \
             ON registration (event_id, email_key) WHERE status <> 'cancelled'",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DROP INDEX IF EXISTS idx_registration_active_email").await?;
        manager
            .drop_index(Index::drop().name("idx_registration_submission").table(Registration::Table).to_owned())
            .await?;
        for column in [Registration::SubmissionKey, Registration::EmailKey] {
            manager.alter_table(Table::alter().table(Registration::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
