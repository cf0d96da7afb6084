//! What a form submission sent, beside its key: a form sent again with other people
//! (the back button at a shared registration desk) is told so instead of being answered
//! with the registration the key made before.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Registration {
    Table,
    SubmissionDigest,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Registrations made before have no digest: their key then matches nothing again.
        manager
            .alter_table(
                Table::alter()
                    .table(Registration::Table)
                    .add_column(string_null(Registration::SubmissionDigest))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Registration::Table).drop_column(Registration::SubmissionDigest).to_owned(),
            )
            .await
    }
}
