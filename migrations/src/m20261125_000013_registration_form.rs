//! The registration form per event: which standard fields are asked (and whether they
//! must be filled in), custom questions in three languages, and each person's answers
//! with the wording they saw (so a consent can be shown later as it was given).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Event {
    Table,
    AskOrganisation,
    AskOrganisationType,
    AskPartnerMunicipality,
}

#[derive(DeriveIden)]
enum Question {
    Table,
    Id,
    EventId,
    Position,
    Kind,
    Required,
    LabelDe,
    LabelEn,
    LabelUk,
    OptionsDe,
    OptionsEn,
    OptionsUk,
}

#[derive(DeriveIden)]
enum Answer {
    Table,
    AttendeeId,
    QuestionId,
    EventId,
    Value,
    Wording,
    AnsweredAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for (column, default) in [
            (Event::AskOrganisation, "required"),
            (Event::AskOrganisationType, "required"),
            (Event::AskPartnerMunicipality, "optional"),
        ] {
            manager
                .alter_table(
                    Table::alter().table(Event::Table).add_column(string_len(column, 16).default(default)).to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Question::Table)
                    .if_not_exists()
                    .col(pk_uuid(Question::Id))
                    .col(uuid(Question::EventId))
                    .col(integer(Question::Position))
                    .col(string_len(Question::Kind, 16))
                    .col(boolean(Question::Required))
                    .col(text(Question::LabelDe))
                    .col(text(Question::LabelEn))
                    .col(text(Question::LabelUk))
                    .col(text(Question::OptionsDe))
                    .col(text(Question::OptionsEn))
                    .col(text(Question::OptionsUk))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("question_event")
                    .table(Question::Table)
                    .col(Question::EventId)
                    .col(Question::Position)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Answer::Table)
                    .if_not_exists()
                    .col(uuid(Answer::AttendeeId))
                    .col(uuid(Answer::QuestionId))
                    .col(uuid(Answer::EventId))
                    .col(text(Answer::Value))
                    .col(text(Answer::Wording))
                    .col(timestamp_with_time_zone(Answer::AnsweredAt))
                    .primary_key(Index::create().col(Answer::AttendeeId).col(Answer::QuestionId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("answer_event").table(Answer::Table).col(Answer::EventId).to_owned())
            .await?;
        manager
            .create_index(
                Index::create().name("answer_question").table(Answer::Table).col(Answer::QuestionId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Answer::Table).if_exists().to_owned()).await?;
        manager.drop_table(Table::drop().table(Question::Table).if_exists().to_owned()).await?;
        for column in [Event::AskOrganisation, Event::AskOrganisationType, Event::AskPartnerMunicipality] {
            manager.alter_table(Table::alter().table(Event::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
