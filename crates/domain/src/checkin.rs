//! Redeeming a ticket at the door, exactly once per attendee and event (or programme
//! session), and answering a repeated scan id with the first answer.
//!
//! One transaction per scan: claim the scan id (unique per device), decide, insert the
//! check-in with `ON CONFLICT DO NOTHING` on (attendee, scope), store the answer. Eight
//! devices scanning one ticket at once get one `ok`; a retried request counts nothing.

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    TryInsertResult,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::begin_write;
use crate::door::DoorDevice;
use crate::entity::{
    attendee, attendee_session, check_in, door_device, door_scan, programme_session, registration, ticket,
};
use crate::registration::RegistrationStatus;
use crate::ticket::TicketVerifier;

/// The outcome of one scan; the wire names are the check-in API's contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanResult {
    Ok,
    AlreadyCheckedIn,
    Invalid,
    Revoked,
    Cancelled,
    WrongEvent,
    NotRegisteredForSession,
}

impl ScanResult {
    pub fn code(self) -> &'static str {
        match self {
            ScanResult::Ok => "ok",
            ScanResult::AlreadyCheckedIn => "already_checked_in",
            ScanResult::Invalid => "invalid",
            ScanResult::Revoked => "revoked",
            ScanResult::Cancelled => "cancelled",
            ScanResult::WrongEvent => "wrong_event",
            ScanResult::NotRegisteredForSession => "not_registered_for_session",
        }
    }
}

/// Who was scanned: only what the door needs to greet them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScannedAttendee {
    pub name: String,
    pub organisation: String,
}

/// The answer to one scan, as the check-in API sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanAnswer {
    pub result: ScanResult,
    pub attendee: Option<ScannedAttendee>,
    /// When the attendee was checked in: now for `ok`, the first time for `already_checked_in`.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// The device that checked the attendee in.
    pub device: Option<String>,
}

impl ScanAnswer {
    fn bare(result: ScanResult) -> Self {
        ScanAnswer { result, attendee: None, checked_in_at: None, device: None }
    }
}

#[derive(Clone, Debug)]
pub struct ScanRequest {
    pub token: String,
    pub scan_id: String,
    /// Checking in to one programme session instead of the event entrance.
    pub programme_session_id: Option<Uuid>,
}

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("the scan id must be 1 to 100 printable characters")]
    InvalidScanId,
    #[error("the programme session does not belong to this event")]
    UnknownSession,
    #[error(transparent)]
    Database(#[from] DbErr),
}

pub fn is_valid_scan_id(scan_id: &str) -> bool {
    !scan_id.is_empty() && scan_id.len() <= 100 && scan_id.bytes().all(|b| b.is_ascii_graphic())
}

pub async fn redeem(
    db: &DatabaseConnection,
    verifier: &TicketVerifier,
    device: &DoorDevice,
    request: &ScanRequest,
    now: DateTime<Utc>,
) -> Result<ScanAnswer, ScanError> {
    if !is_valid_scan_id(&request.scan_id) {
        return Err(ScanError::InvalidScanId);
    }
    // PostgreSQL keeps microseconds: the time in the first answer must equal the time
    // every later `already_checked_in` reads back.
    let now = now.trunc_subsecs(6);
    if let Some(session_id) = request.programme_session_id {
        let belongs = programme_session::Entity::find_by_id(session_id)
            .filter(programme_session::Column::EventId.eq(device.event_id))
            .one(db)
            .await?
            .is_some();
        if !belongs {
            return Err(ScanError::UnknownSession);
        }
    }

    let txn = begin_write(db).await?;
    let scan_row_id = Uuid::new_v4();
    let claim = door_scan::Entity::insert(door_scan::ActiveModel {
        id: Set(scan_row_id),
        device_id: Set(device.id),
        scan_id: Set(request.scan_id.clone()),
        result: Set(String::new()),
        response: Set(String::new()),
        scanned_at: Set(now),
    })
    .on_conflict_do_nothing_on([door_scan::Column::DeviceId, door_scan::Column::ScanId])
    .exec_without_returning(&txn)
    .await?;
    if !matches!(claim, TryInsertResult::Inserted(1)) {
        txn.rollback().await?;
        return first_answer(db, device.id, &request.scan_id).await;
    }

    let answer = decide(&txn, verifier, device, request, now).await?;
    let response = serde_json::to_string(&answer).map_err(|err| DbErr::Custom(err.to_string()))?;
    door_scan::Entity::update_many()
        .col_expr(door_scan::Column::Result, Expr::value(answer.result.code()))
        .col_expr(door_scan::Column::Response, Expr::value(response))
        .filter(door_scan::Column::Id.eq(scan_row_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(answer)
}

/// The stored answer to a scan id this device already sent.
async fn first_answer(db: &DatabaseConnection, device_id: Uuid, scan_id: &str) -> Result<ScanAnswer, ScanError> {
    let stored = door_scan::Entity::find()
        .filter(door_scan::Column::DeviceId.eq(device_id))
        .filter(door_scan::Column::ScanId.eq(scan_id))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("door scan".to_owned()))?;
    serde_json::from_str(&stored.response).map_err(|err| ScanError::Database(DbErr::Custom(err.to_string())))
}

async fn decide<C: ConnectionTrait>(
    db: &C,
    verifier: &TicketVerifier,
    device: &DoorDevice,
    request: &ScanRequest,
    now: DateTime<Utc>,
) -> Result<ScanAnswer, DbErr> {
    let Ok(claims) = verifier.verify(&request.token) else {
        return Ok(ScanAnswer::bare(ScanResult::Invalid));
    };
    if claims.event_id != device.event_id {
        return Ok(ScanAnswer::bare(ScanResult::WrongEvent));
    }
    let Some(ticket) = ticket::Entity::find_by_id(claims.ticket_id).one(db).await? else {
        return Ok(ScanAnswer::bare(ScanResult::Invalid));
    };
    if i32::from(claims.version) != ticket.version {
        return Ok(ScanAnswer::bare(ScanResult::Invalid));
    }
    let Some(attendee) = attendee::Entity::find_by_id(ticket.attendee_id).one(db).await? else {
        return Ok(ScanAnswer::bare(ScanResult::Invalid));
    };
    let scanned = ScannedAttendee { name: attendee.full_name(), organisation: attendee.organisation.clone() };
    let with_attendee =
        |result| ScanAnswer { result, attendee: Some(scanned.clone()), checked_in_at: None, device: None };

    if ticket.revoked_at.is_some() {
        return Ok(with_attendee(ScanResult::Revoked));
    }
    let status = registration::Entity::find_by_id(attendee.registration_id)
        .one(db)
        .await?
        .map(|registration| registration.status);
    match status {
        Some(RegistrationStatus::Confirmed) => {}
        Some(RegistrationStatus::Cancelled) => return Ok(with_attendee(ScanResult::Cancelled)),
        // Waitlisted, unconfirmed or unapproved registrations hold no valid ticket yet.
        _ => return Ok(with_attendee(ScanResult::Invalid)),
    }

    if let Some(session_id) = request.programme_session_id
        && !is_registered_for_session(db, attendee.id, session_id).await?
    {
        return Ok(with_attendee(ScanResult::NotRegisteredForSession));
    }

    let scope = request.programme_session_id.unwrap_or(device.event_id).to_string();
    let inserted = check_in::Entity::insert(check_in::ActiveModel {
        id: Set(Uuid::new_v4()),
        attendee_id: Set(attendee.id),
        ticket_id: Set(ticket.id),
        event_id: Set(device.event_id),
        programme_session_id: Set(request.programme_session_id),
        scope: Set(scope.clone()),
        device_id: Set(device.id),
        scan_id: Set(request.scan_id.clone()),
        checked_in_at: Set(now),
    })
    .on_conflict_do_nothing_on([check_in::Column::AttendeeId, check_in::Column::Scope])
    .exec_without_returning(db)
    .await?;
    if matches!(inserted, TryInsertResult::Inserted(1)) {
        return Ok(ScanAnswer {
            checked_in_at: Some(now),
            device: Some(device.name.clone()),
            ..with_attendee(ScanResult::Ok)
        });
    }

    let first = check_in::Entity::find()
        .filter(check_in::Column::AttendeeId.eq(attendee.id))
        .filter(check_in::Column::Scope.eq(scope))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("check-in".to_owned()))?;
    let first_device = door_device::Entity::find_by_id(first.device_id).one(db).await?.map(|device| device.name);
    Ok(ScanAnswer {
        checked_in_at: Some(first.checked_in_at),
        device: first_device,
        ..with_attendee(ScanResult::AlreadyCheckedIn)
    })
}

/// Plenary sessions are for every attendee; others only for those who chose them.
async fn is_registered_for_session<C: ConnectionTrait>(
    db: &C,
    attendee_id: Uuid,
    session_id: Uuid,
) -> Result<bool, DbErr> {
    let session = programme_session::Entity::find_by_id(session_id).one(db).await?;
    if session.is_some_and(|session| !session.is_choosable()) {
        return Ok(true);
    }
    Ok(attendee_session::Entity::find_by_id((attendee_id, session_id)).one(db).await?.is_some())
}

/// How many attendees are checked in at the event entrance.
pub async fn count_checked_in(db: &DatabaseConnection, event_id: Uuid) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    check_in::Entity::find()
        .filter(check_in::Column::EventId.eq(event_id))
        .filter(check_in::Column::Scope.eq(event_id.to_string()))
        .count(db)
        .await
}
