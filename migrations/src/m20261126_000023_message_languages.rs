//! Messages to attendees in several languages: German is required (the `subject` and
//! `body` columns), English and Ukrainian are optional, and each registration gets the
//! version of its language. Also the Reply-To the organisers chose, and how many people
//! were ticked in the attendee list when the message went to a selection rather than to
//! a filtered group.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum OrganiserMessage {
    Table,
    SubjectEn,
    BodyEn,
    SubjectUk,
    BodyUk,
    ReplyTo,
    SelectedPeople,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one column at a time.
        for column in [
            string_null(OrganiserMessage::SubjectEn),
            text_null(OrganiserMessage::BodyEn),
            string_null(OrganiserMessage::SubjectUk),
            text_null(OrganiserMessage::BodyUk),
            string_null(OrganiserMessage::ReplyTo),
            integer_null(OrganiserMessage::SelectedPeople),
        ] {
            manager.alter_table(Table::alter().table(OrganiserMessage::Table).add_column(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            OrganiserMessage::SubjectEn,
            OrganiserMessage::BodyEn,
            OrganiserMessage::SubjectUk,
            OrganiserMessage::BodyUk,
            OrganiserMessage::ReplyTo,
            OrganiserMessage::SelectedPeople,
        ] {
            manager.alter_table(Table::alter().table(OrganiserMessage::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
