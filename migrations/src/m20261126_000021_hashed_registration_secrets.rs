//! Registration secrets are kept as SHA-256 hashes, as session and door tokens already
//! were: a copy of the database (a backup, a dump) opens no registration.
//!
//! Every link that opens a registration page or confirms an address is a row of
//! `registration_link`, made when the link is handed out (the page after registering, each
//! mail as it is sent), so that every mail can carry a working link although no raw token
//! is stored. Existing manage and confirm tokens move there as hashes and keep working.
//!
//! `registration.manage_token` becomes `manage_token_hash` (the first link's hash, no
//! longer read): SQLite cannot drop a column declared UNIQUE without rebuilding the table
//! under every foreign key that points at it, which is not worth a column.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sha2::{Digest, Sha256};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Registration {
    Table,
    Id,
    ManageToken,
    ManageTokenHash,
    ConfirmToken,
    SubmissionKey,
    SubmissionKeyHash,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RegistrationLink {
    Table,
    TokenHash,
    RegistrationId,
    AttendeeId,
    Purpose,
    CreatedAt,
}

/// As `domain::ids::hash_token`: lower-case hex SHA-256.
fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RegistrationLink::Table)
                    .col(string_len(RegistrationLink::TokenHash, 64).primary_key())
                    .col(uuid(RegistrationLink::RegistrationId))
                    .col(uuid_null(RegistrationLink::AttendeeId))
                    .col(string_len(RegistrationLink::Purpose, 16))
                    .col(timestamp_with_time_zone(RegistrationLink::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RegistrationLink::Table, RegistrationLink::RegistrationId)
                            .to(Registration::Table, Registration::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registration_link_registration")
                    .table(RegistrationLink::Table)
                    .col(RegistrationLink::RegistrationId)
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        let rows = db
            .query_all(
                &Query::select()
                    .columns([Registration::ManageToken, Registration::ConfirmToken, Registration::SubmissionKey])
                    .from(Registration::Table)
                    .to_owned(),
            )
            .await?;
        for row in rows {
            let manage: String = row.try_get("", "manage_token")?;
            let confirm: Option<String> = row.try_get("", "confirm_token")?;
            let submission: Option<String> = row.try_get("", "submission_key")?;
            let manage_hash = hash(&manage);
            let mut links = vec![(manage_hash.clone(), "manage")];
            links.extend(confirm.as_deref().map(|token| (hash(token), "confirm_email")));
            for (token_hash, purpose) in links {
                db.execute(
                    &Query::insert()
                        .into_table(RegistrationLink::Table)
                        .columns([
                            RegistrationLink::TokenHash,
                            RegistrationLink::RegistrationId,
                            RegistrationLink::Purpose,
                            RegistrationLink::CreatedAt,
                        ])
                        .select_from(
                            Query::select()
                                .expr(Expr::val(token_hash))
                                .column(Registration::Id)
                                .expr(Expr::val(purpose))
                                .column(Registration::CreatedAt)
                                .from(Registration::Table)
                                .and_where(Expr::col(Registration::ManageToken).eq(manage.as_str()))
                                .to_owned(),
                        )
                        .map_err(|err| DbErr::Migration(err.to_string()))?
                        .to_owned(),
                )
                .await?;
            }
            db.execute(
                &Query::update()
                    .table(Registration::Table)
                    .value(Registration::ManageToken, manage_hash)
                    .value(Registration::SubmissionKey, submission.as_deref().map(hash))
                    .and_where(Expr::col(Registration::ManageToken).eq(manage.as_str()))
                    .to_owned(),
            )
            .await?;
        }

        manager
            .drop_index(Index::drop().name("idx_registration_confirm_token").table(Registration::Table).to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table(Registration::Table).drop_column(Registration::ConfirmToken).to_owned())
            .await?;
        for (from, to) in [
            (Registration::ManageToken, Registration::ManageTokenHash),
            (Registration::SubmissionKey, Registration::SubmissionKeyHash),
        ] {
            manager.alter_table(Table::alter().table(Registration::Table).rename_column(from, to).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The raw tokens are gone; a hash cannot be turned back into a link.
        Err(DbErr::Migration("hashed registration secrets cannot be restored to plain tokens".to_owned()))
    }
}
