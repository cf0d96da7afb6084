//! The organisers' back office: team accounts with roles, their sessions (in the
//! database, so that any instance can serve any request), one-time account links
//! (first administrator, invitations, password resets), failed log-ins for throttling,
//! organisers' event assignments and the audit log of every organiser action.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Role,
    AllEvents,
    CreatedAt,
    DisabledAt,
}

#[derive(DeriveIden)]
enum UserEvent {
    Table,
    UserId,
    EventId,
}

#[derive(DeriveIden)]
enum UserSession {
    Table,
    TokenHash,
    UserId,
    CsrfToken,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AccountLink {
    Table,
    TokenHash,
    Purpose,
    Email,
    Role,
    UserId,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    MailToken,
    MailLanguage,
    MailClaimedUntil,
    MailSentAt,
}

#[derive(DeriveIden)]
enum LoginFailure {
    Table,
    Id,
    Subject,
    At,
}

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    At,
    ActorId,
    ActorEmail,
    EventId,
    Action,
    Subject,
    Detail,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(UserAccount::Table)
                    .if_not_exists()
                    .col(pk_uuid(UserAccount::Id))
                    .col(string(UserAccount::Email).unique_key())
                    .col(string(UserAccount::Name))
                    .col(string_null(UserAccount::PasswordHash))
                    .col(string_len(UserAccount::Role, 16))
                    .col(boolean(UserAccount::AllEvents))
                    .col(timestamp_with_time_zone(UserAccount::CreatedAt))
                    .col(timestamp_with_time_zone_null(UserAccount::DisabledAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserEvent::Table)
                    .if_not_exists()
                    .col(uuid(UserEvent::UserId))
                    .col(uuid(UserEvent::EventId))
                    .primary_key(Index::create().col(UserEvent::UserId).col(UserEvent::EventId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserSession::Table)
                    .if_not_exists()
                    .col(string_len(UserSession::TokenHash, 64).primary_key())
                    .col(uuid(UserSession::UserId))
                    .col(string(UserSession::CsrfToken))
                    .col(timestamp_with_time_zone(UserSession::CreatedAt))
                    .col(timestamp_with_time_zone(UserSession::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AccountLink::Table)
                    .if_not_exists()
                    .col(string_len(AccountLink::TokenHash, 64).primary_key())
                    .col(string_len(AccountLink::Purpose, 16))
                    .col(string(AccountLink::Email))
                    .col(string_len_null(AccountLink::Role, 16))
                    .col(uuid_null(AccountLink::UserId))
                    .col(uuid_null(AccountLink::CreatedBy))
                    .col(timestamp_with_time_zone(AccountLink::CreatedAt))
                    .col(timestamp_with_time_zone(AccountLink::ExpiresAt))
                    .col(timestamp_with_time_zone_null(AccountLink::UsedAt))
                    .col(string_null(AccountLink::MailToken))
                    .col(string_len(AccountLink::MailLanguage, 8))
                    .col(timestamp_with_time_zone_null(AccountLink::MailClaimedUntil))
                    .col(timestamp_with_time_zone_null(AccountLink::MailSentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginFailure::Table)
                    .if_not_exists()
                    .col(pk_uuid(LoginFailure::Id))
                    .col(string(LoginFailure::Subject))
                    .col(timestamp_with_time_zone(LoginFailure::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_login_failure_subject")
                    .table(LoginFailure::Table)
                    .col(LoginFailure::Subject)
                    .col(LoginFailure::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEntry::Table)
                    .if_not_exists()
                    .col(pk_uuid(AuditEntry::Id))
                    .col(timestamp_with_time_zone(AuditEntry::At))
                    .col(uuid_null(AuditEntry::ActorId))
                    .col(string(AuditEntry::ActorEmail))
                    .col(uuid_null(AuditEntry::EventId))
                    .col(string_len(AuditEntry::Action, 48))
                    .col(string(AuditEntry::Subject))
                    .col(text(AuditEntry::Detail))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_entry_event_at")
                    .table(AuditEntry::Table)
                    .col(AuditEntry::EventId)
                    .col(AuditEntry::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEntry::Table.into_iden(),
            LoginFailure::Table.into_iden(),
            AccountLink::Table.into_iden(),
            UserSession::Table.into_iden(),
            UserEvent::Table.into_iden(),
            UserAccount::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
