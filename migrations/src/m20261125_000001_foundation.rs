//! The foundation: events and their programme, registrations with attendees and tickets,
//! door devices, check-ins and the scans that led to them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InstanceSecret {
    Table,
    Name,
    Value,
}

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
    Slug,
    TitleDe,
    TitleEn,
    TitleUk,
    DescriptionDe,
    DescriptionEn,
    DescriptionUk,
    Format,
    Venue,
    Address,
    OnlineUrl,
    StartsAt,
    EndsAt,
    TimeZone,
    RegistrationOpensAt,
    RegistrationClosesAt,
    Capacity,
    Taken,
    ApprovalMode,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProgrammeSession {
    Table,
    Id,
    EventId,
    Kind,
    TitleDe,
    TitleEn,
    TitleUk,
    Room,
    Speakers,
    StartsAt,
    EndsAt,
    Capacity,
    Taken,
    Position,
}

#[derive(DeriveIden)]
enum Registration {
    Table,
    Id,
    EventId,
    ManageToken,
    ContactEmail,
    Language,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Attendee {
    Table,
    Id,
    RegistrationId,
    EventId,
    FirstName,
    LastName,
    Email,
    Organisation,
    OrganisationType,
    PartnerMunicipality,
    DataConsentAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AttendeeSession {
    Table,
    AttendeeId,
    ProgrammeSessionId,
}

#[derive(DeriveIden)]
enum Ticket {
    Table,
    Id,
    AttendeeId,
    EventId,
    Version,
    RevokedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DoorDevice {
    Table,
    Id,
    EventId,
    Name,
    TokenHash,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum CheckIn {
    Table,
    Id,
    AttendeeId,
    TicketId,
    EventId,
    ProgrammeSessionId,
    Scope,
    DeviceId,
    ScanId,
    CheckedInAt,
}

#[derive(DeriveIden)]
enum DoorScan {
    Table,
    Id,
    DeviceId,
    ScanId,
    Result,
    Response,
    ScannedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InstanceSecret::Table)
                    .if_not_exists()
                    .col(string(InstanceSecret::Name).primary_key())
                    .col(text(InstanceSecret::Value))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Event::Table)
                    .if_not_exists()
                    .col(pk_uuid(Event::Id))
                    .col(string_uniq(Event::Slug))
                    .col(string(Event::TitleDe))
                    .col(string(Event::TitleEn))
                    .col(string(Event::TitleUk))
                    .col(text(Event::DescriptionDe))
                    .col(text(Event::DescriptionEn))
                    .col(text(Event::DescriptionUk))
                    .col(string_len(Event::Format, 16))
                    .col(string(Event::Venue))
                    .col(string(Event::Address))
                    .col(string_null(Event::OnlineUrl))
                    .col(timestamp_with_time_zone(Event::StartsAt))
                    .col(timestamp_with_time_zone(Event::EndsAt))
                    .col(string_len(Event::TimeZone, 64))
                    .col(timestamp_with_time_zone_null(Event::RegistrationOpensAt))
                    .col(timestamp_with_time_zone_null(Event::RegistrationClosesAt))
                    .col(integer_null(Event::Capacity))
                    .col(integer(Event::Taken).default(0))
                    .col(string_len(Event::ApprovalMode, 16))
                    .col(string_len(Event::Status, 16))
                    .col(timestamp_with_time_zone(Event::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_event_status_starts_at")
                    .table(Event::Table)
                    .col(Event::Status)
                    .col(Event::StartsAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProgrammeSession::Table)
                    .if_not_exists()
                    .col(pk_uuid(ProgrammeSession::Id))
                    .col(uuid(ProgrammeSession::EventId))
                    .col(string_len(ProgrammeSession::Kind, 16))
                    .col(string(ProgrammeSession::TitleDe))
                    .col(string(ProgrammeSession::TitleEn))
                    .col(string(ProgrammeSession::TitleUk))
                    .col(string(ProgrammeSession::Room))
                    .col(string(ProgrammeSession::Speakers))
                    .col(timestamp_with_time_zone(ProgrammeSession::StartsAt))
                    .col(timestamp_with_time_zone(ProgrammeSession::EndsAt))
                    .col(integer_null(ProgrammeSession::Capacity))
                    .col(integer(ProgrammeSession::Taken).default(0))
                    .col(integer(ProgrammeSession::Position))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProgrammeSession::Table, ProgrammeSession::EventId)
                            .to(Event::Table, Event::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_programme_session_event")
                    .table(ProgrammeSession::Table)
                    .col(ProgrammeSession::EventId)
                    .col(ProgrammeSession::Position)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Registration::Table)
                    .if_not_exists()
                    .col(pk_uuid(Registration::Id))
                    .col(uuid(Registration::EventId))
                    .col(string_uniq(Registration::ManageToken))
                    .col(string(Registration::ContactEmail))
                    .col(string_len(Registration::Language, 8))
                    .col(string_len(Registration::Status, 24))
                    .col(timestamp_with_time_zone(Registration::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Registration::Table, Registration::EventId)
                            .to(Event::Table, Event::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registration_event")
                    .table(Registration::Table)
                    .col(Registration::EventId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Attendee::Table)
                    .if_not_exists()
                    .col(pk_uuid(Attendee::Id))
                    .col(uuid(Attendee::RegistrationId))
                    .col(uuid(Attendee::EventId))
                    .col(string(Attendee::FirstName))
                    .col(string(Attendee::LastName))
                    .col(string(Attendee::Email))
                    .col(string(Attendee::Organisation))
                    .col(string_len(Attendee::OrganisationType, 32))
                    .col(string(Attendee::PartnerMunicipality))
                    .col(timestamp_with_time_zone(Attendee::DataConsentAt))
                    .col(timestamp_with_time_zone(Attendee::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendee::Table, Attendee::RegistrationId)
                            .to(Registration::Table, Registration::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in
            [("idx_attendee_registration", Attendee::RegistrationId), ("idx_attendee_event", Attendee::EventId)]
        {
            manager.create_index(Index::create().name(name).table(Attendee::Table).col(column).to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(AttendeeSession::Table)
                    .if_not_exists()
                    .col(uuid(AttendeeSession::AttendeeId))
                    .col(uuid(AttendeeSession::ProgrammeSessionId))
                    .primary_key(
                        Index::create().col(AttendeeSession::AttendeeId).col(AttendeeSession::ProgrammeSessionId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AttendeeSession::Table, AttendeeSession::AttendeeId)
                            .to(Attendee::Table, Attendee::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AttendeeSession::Table, AttendeeSession::ProgrammeSessionId)
                            .to(ProgrammeSession::Table, ProgrammeSession::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Ticket::Table)
                    .if_not_exists()
                    .col(pk_uuid(Ticket::Id))
                    .col(uuid(Ticket::AttendeeId))
                    .col(uuid(Ticket::EventId))
                    .col(integer(Ticket::Version))
                    .col(timestamp_with_time_zone_null(Ticket::RevokedAt))
                    .col(timestamp_with_time_zone(Ticket::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Ticket::Table, Ticket::AttendeeId)
                            .to(Attendee::Table, Attendee::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_ticket_attendee_version")
                    .table(Ticket::Table)
                    .col(Ticket::AttendeeId)
                    .col(Ticket::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DoorDevice::Table)
                    .if_not_exists()
                    .col(pk_uuid(DoorDevice::Id))
                    .col(uuid(DoorDevice::EventId))
                    .col(string(DoorDevice::Name))
                    .col(string_uniq(DoorDevice::TokenHash))
                    .col(timestamp_with_time_zone(DoorDevice::CreatedAt))
                    .col(timestamp_with_time_zone_null(DoorDevice::RevokedAt))
                    .foreign_key(
                        ForeignKey::create().from(DoorDevice::Table, DoorDevice::EventId).to(Event::Table, Event::Id),
                    )
                    .to_owned(),
            )
            .await?;

        // `scope` is the event id or the programme session id as text, so that one unique
        // index makes a check-in exactly-once per attendee and scope on both databases
        // (a NULL session id would not collide in a unique index).
        manager
            .create_table(
                Table::create()
                    .table(CheckIn::Table)
                    .if_not_exists()
                    .col(pk_uuid(CheckIn::Id))
                    .col(uuid(CheckIn::AttendeeId))
                    .col(uuid(CheckIn::TicketId))
                    .col(uuid(CheckIn::EventId))
                    .col(uuid_null(CheckIn::ProgrammeSessionId))
                    .col(string_len(CheckIn::Scope, 40))
                    .col(uuid(CheckIn::DeviceId))
                    .col(string(CheckIn::ScanId))
                    .col(timestamp_with_time_zone(CheckIn::CheckedInAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CheckIn::Table, CheckIn::AttendeeId)
                            .to(Attendee::Table, Attendee::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CheckIn::Table, CheckIn::DeviceId)
                            .to(DoorDevice::Table, DoorDevice::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_check_in_once")
                    .table(CheckIn::Table)
                    .col(CheckIn::AttendeeId)
                    .col(CheckIn::Scope)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_check_in_event").table(CheckIn::Table).col(CheckIn::EventId).to_owned(),
            )
            .await?;

        // Every answer the check-in API gave, keyed by the client's scan id, so that a
        // retried request returns the first answer and counts nothing.
        manager
            .create_table(
                Table::create()
                    .table(DoorScan::Table)
                    .if_not_exists()
                    .col(pk_uuid(DoorScan::Id))
                    .col(uuid(DoorScan::DeviceId))
                    .col(string(DoorScan::ScanId))
                    .col(string_len(DoorScan::Result, 32))
                    .col(text(DoorScan::Response))
                    .col(timestamp_with_time_zone(DoorScan::ScannedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DoorScan::Table, DoorScan::DeviceId)
                            .to(DoorDevice::Table, DoorDevice::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_door_scan_once")
                    .table(DoorScan::Table)
                    .col(DoorScan::DeviceId)
                    .col(DoorScan::ScanId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DoorScan::Table.into_iden(),
            CheckIn::Table.into_iden(),
            DoorDevice::Table.into_iden(),
            Ticket::Table.into_iden(),
            AttendeeSession::Table.into_iden(),
            Attendee::Table.into_iden(),
            Registration::Table.into_iden(),
            ProgrammeSession::Table.into_iden(),
            Event::Table.into_iden(),
            InstanceSecret::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}
