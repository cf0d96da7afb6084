//! Redeeming a ticket at the door, exactly once per attendee and event (or programme
//! session), and answering a repeated scan id with the first answer.
//!
//! On SQLite a ticket scan is decided in the check-in writer's transaction together with
//! every scan that arrived meanwhile (`writer`). On PostgreSQL the ticket, its holder,
//! their registration and any earlier check-in are read in one statement, then one
//! transaction writes `INSERT check_in … ON CONFLICT (attendee, scope) DO NOTHING` and
//! the scan log `INSERT door_scan … ON CONFLICT (device, scan_id) DO NOTHING`.
//! Eight devices scanning one ticket at once get one `ok`; a retried request (same scan
//! id) gets the first answer and counts nothing.

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    TryInsertResult,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

mod blocked;
mod views;
mod writer;
pub use writer::writer_stopped;

pub use blocked::*;
pub use views::*;

use crate::door::DoorDevice;
use crate::entity::{
    attendee, attendee_session, check_in, door_device, door_scan, programme_session, registration, ticket,
};
use crate::registration::RegistrationStatus;
use crate::store::{Pools, begin_write};
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
    pub presented: Presented,
    pub scan_id: String,
    /// Checking in to one programme session instead of the event entrance.
    pub programme_session_id: Option<Uuid>,
    /// Set when the device decided this scan itself while offline (its clock), and only
    /// now sends it: a second admission by another device is then a conflict to show.
    pub offline_at: Option<DateTime<Utc>>,
}

/// What the door was shown: a ticket code, or a name door staff picked from the list
/// (logged as a manual check-in).
#[derive(Clone, Debug)]
pub enum Presented {
    Token(String),
    Attendee(Uuid),
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
    pools: &Pools,
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
    // A retried request (same device, same scan id) is not looked up first: it finds the
    // check-in already there, and the scan log's unique (device, scan id) makes it
    // answer with its first answer and write nothing. Each statement costs two thread
    // hand-offs on SQLite, which dominated a redemption's CPU (perf, bench/RESULTS.md).
    if let Some(session_id) = request.programme_session_id {
        let belongs = programme_session::Entity::find_by_id(session_id)
            .filter(programme_session::Column::EventId.eq(device.event_id))
            .one(&pools.read)
            .await?
            .is_some();
        if !belongs {
            return Err(ScanError::UnknownSession);
        }
    }
    if let Presented::Token(token) = &request.presented
        && writer::batches(pools)
    {
        let (device, request) = (device.clone(), request.clone());
        let pending = match verified_ticket(verifier, &device, token) {
            Ok((ticket_id, version)) => Pending::Scan { device, request, ticket_id, version, now },
            Err(result) => Pending::Log { device, request, answer: ScanAnswer::bare(result), now },
        };
        return writer::decide(pools, pending).await;
    }

    // Everything that does not decide "first or not" is read from the read pool, so the
    // write path holds only the deciding statements.
    let answer = match admissible(&pools.read, verifier, device, request).await? {
        Admission::Refused(answer) => answer,
        Admission::Admissible(admitted) => match admitted.first_check_in {
            Some((at, by, first_device)) => {
                if request.offline_at.is_some() {
                    let (attendee, scope) = (admitted.attendee_id, &admitted.scope);
                    record_conflict(&pools.write, device, request, attendee, scope, (first_device, at), now).await?;
                }
                ScanAnswer {
                    result: ScanResult::AlreadyCheckedIn,
                    attendee: Some(admitted.scanned),
                    checked_in_at: Some(at),
                    device: by,
                }
            }
            None => {
                let pending = Pending::CheckIn {
                    device: device.clone(),
                    request: request.clone(),
                    admitted: *admitted,
                    now: admitted_at(request, now),
                };
                return writer::decide(pools, pending).await;
            }
        },
    };
    // A refusal or a repeat changes nothing but the scan log.
    writer::decide(pools, Pending::Log { device: device.clone(), request: request.clone(), answer, now }).await
}

/// When a scan let the person in: a scan decided offline happened when the device saw
/// the ticket, not when it synced (a clock far off is not trusted).
fn admitted_at(request: &ScanRequest, now: DateTime<Utc>) -> DateTime<Utc> {
    request
        .offline_at
        .map(|at| at.trunc_subsecs(6))
        .filter(|at| *at <= now && now - *at < chrono::Duration::days(2))
        .unwrap_or(now)
}

/// The ticket a code names, if its signature holds and it is for the device's event.
fn verified_ticket(verifier: &TicketVerifier, device: &DoorDevice, token: &str) -> Result<(Uuid, i32), ScanResult> {
    let claims = verifier.verify(token).map_err(|_| ScanResult::Invalid)?;
    if claims.event_id != device.event_id {
        return Err(ScanResult::WrongEvent);
    }
    Ok((claims.ticket_id, i32::from(claims.version)))
}

/// What a scan writes once the reads have decided what they can.
pub(crate) enum Pending {
    /// A ticket code whose signature holds, decided entirely by the SQLite writer.
    Scan { device: DoorDevice, request: ScanRequest, ticket_id: Uuid, version: i32, now: DateTime<Utc> },
    /// Insert the check-in unless one exists for the attendee and scope, then log the scan.
    CheckIn { device: DoorDevice, request: ScanRequest, admitted: Admitted, now: DateTime<Utc> },
    /// A refusal or a repeat: only the scan log, with the answer already known.
    Log { device: DoorDevice, request: ScanRequest, answer: ScanAnswer, now: DateTime<Utc> },
}

/// One check-in inside the writer's transaction: insert it unless one exists for this
/// attendee and scope, then log the scan. A scan id this device sent before (a retry
/// racing its original) takes back its insert and answers with the first answer.
async fn check_in_in(
    txn: &sea_orm::DatabaseTransaction,
    device: &DoorDevice,
    request: &ScanRequest,
    admitted: &Admitted,
    now: DateTime<Utc>,
) -> Result<Result<ScanAnswer, ScanError>, DbErr> {
    let id = crate::ids::log_id();
    let inserted = check_in::Entity::insert(check_in::ActiveModel {
        id: Set(id),
        attendee_id: Set(admitted.attendee_id),
        ticket_id: Set(admitted.ticket_id),
        event_id: Set(device.event_id),
        programme_session_id: Set(request.programme_session_id),
        scope: Set(admitted.scope.clone()),
        device_id: Set(device.id),
        scan_id: Set(request.scan_id.clone()),
        checked_in_at: Set(now),
        method: Set(if admitted.manual { "manual" } else { "scan" }.to_owned()),
    })
    .on_conflict_do_nothing_on([check_in::Column::AttendeeId, check_in::Column::Scope])
    .exec_without_returning(txn)
    .await?;
    let inserted = matches!(inserted, TryInsertResult::Inserted(1));
    let answer = if inserted {
        ScanAnswer {
            result: ScanResult::Ok,
            attendee: Some(admitted.scanned.clone()),
            checked_in_at: Some(now),
            device: Some(device.name.clone()),
        }
    } else {
        // Another device won the race a moment ago.
        let (at, by, first_device) = first_check_in(txn, admitted.attendee_id, &admitted.scope)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("check-in".to_owned()))?;
        if request.offline_at.is_some() {
            let (attendee, scope) = (admitted.attendee_id, &admitted.scope);
            record_conflict(txn, device, request, attendee, scope, (first_device, at), now).await?;
        }
        ScanAnswer {
            result: ScanResult::AlreadyCheckedIn,
            attendee: Some(admitted.scanned.clone()),
            checked_in_at: Some(at),
            device: by,
        }
    };
    if record_scan(txn, device, request, &answer, now).await? {
        return Ok(Ok(answer));
    }
    if inserted {
        check_in::Entity::delete_by_id(id).exec(txn).await?;
    }
    Ok(first_answer(txn, device.id, &request.scan_id).await)
}

/// Logs the scan with its answer; `false` when this device already sent this scan id.
async fn record_scan<C: ConnectionTrait>(
    db: &C,
    device: &DoorDevice,
    request: &ScanRequest,
    answer: &ScanAnswer,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let inserted = door_scan::Entity::insert(scan_log_line(device, request, answer, now)?)
        .on_conflict_do_nothing_on([door_scan::Column::DeviceId, door_scan::Column::ScanId])
        .exec_without_returning(db)
        .await?;
    Ok(matches!(inserted, TryInsertResult::Inserted(1)))
}

/// The scan log's line for a scan: its answer as sent, to answer a resent scan id.
fn scan_log_line(
    device: &DoorDevice,
    request: &ScanRequest,
    answer: &ScanAnswer,
    scanned_at: DateTime<Utc>,
) -> Result<door_scan::ActiveModel, DbErr> {
    let response = serde_json::to_string(answer).map_err(|err| DbErr::Custom(err.to_string()))?;
    Ok(door_scan::ActiveModel {
        id: Set(crate::ids::log_id()),
        device_id: Set(device.id),
        scan_id: Set(request.scan_id.clone()),
        result: Set(answer.result.code().to_owned()),
        response: Set(response),
        scanned_at: Set(scanned_at),
    })
}

async fn stored_answer<C: ConnectionTrait>(
    db: &C,
    device_id: Uuid,
    scan_id: &str,
) -> Result<Option<ScanAnswer>, ScanError> {
    let Some(stored) = door_scan::Entity::find()
        .filter(door_scan::Column::DeviceId.eq(device_id))
        .filter(door_scan::Column::ScanId.eq(scan_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    serde_json::from_str(&stored.response).map(Some).map_err(|err| ScanError::Database(DbErr::Custom(err.to_string())))
}

/// The stored answer to a scan id this device already sent.
async fn first_answer<C: ConnectionTrait>(db: &C, device_id: Uuid, scan_id: &str) -> Result<ScanAnswer, ScanError> {
    stored_answer(db, device_id, scan_id)
        .await?
        .ok_or_else(|| ScanError::Database(DbErr::RecordNotFound("door scan".to_owned())))
}

/// A check-in's device: the name door staff see in "already checked in by …".
fn check_in_device() -> sea_orm::RelationDef {
    check_in::Entity::belongs_to(door_device::Entity)
        .from(check_in::Column::DeviceId)
        .to(door_device::Column::Id)
        .into()
}

/// When and by which device the attendee was first checked in to this scope.
async fn first_check_in<C: ConnectionTrait>(
    db: &C,
    attendee_id: Uuid,
    scope: &str,
) -> Result<Option<(DateTime<Utc>, Option<String>, Uuid)>, DbErr> {
    use sea_orm::{JoinType, QuerySelect};
    check_in::Entity::find()
        .select_only()
        .column(check_in::Column::CheckedInAt)
        .column(door_device::Column::Name)
        .column(check_in::Column::DeviceId)
        .join(JoinType::LeftJoin, check_in_device())
        .filter(check_in::Column::AttendeeId.eq(attendee_id))
        .filter(check_in::Column::Scope.eq(scope))
        .into_tuple::<(DateTime<Utc>, Option<String>, Uuid)>()
        .one(db)
        .await
}

enum Admission {
    /// The scan's answer is known without touching the check-ins.
    Refused(ScanAnswer),
    /// A valid ticket of a confirmed attendee for this event (and session).
    Admissible(Box<Admitted>),
}

pub(crate) struct Admitted {
    attendee_id: Uuid,
    ticket_id: Uuid,
    scanned: ScannedAttendee,
    scope: String,
    manual: bool,
    /// The holder's check-in to the scope, if any, read with the ticket.
    first_check_in: Option<FirstCheckIn>,
}

/// When, by which device (its name) and which device someone was checked in to a scope.
type FirstCheckIn = (DateTime<Utc>, Option<String>, Uuid);

/// A ticket with its holder and the holder's registration status: what decides a scan,
/// read in one statement.
#[derive(Debug, sea_orm::FromQueryResult)]
struct TicketHolder {
    ticket_id: Uuid,
    version: i32,
    revoked_at: Option<DateTime<Utc>>,
    attendee_id: Uuid,
    first_name: String,
    last_name: String,
    organisation: String,
    cancelled_at: Option<DateTime<Utc>>,
    status: RegistrationStatus,
    /// An existing check-in of the holder (to the scanned scope, or to any when read for
    /// the writer's batch), with its device.
    checked_in_scope: Option<String>,
    checked_in_at: Option<DateTime<Utc>>,
    checked_in_device: Option<Uuid>,
    checked_in_by: Option<String>,
}

impl TicketHolder {
    fn scanned(&self) -> ScannedAttendee {
        ScannedAttendee {
            name: format!("{} {}", self.first_name, self.last_name),
            organisation: self.organisation.clone(),
        }
    }
}

/// Why a holder's ticket does not let them in, whatever the scope.
fn refusal(holder: &TicketHolder) -> Option<ScanResult> {
    if holder.cancelled_at.is_some() {
        return Some(ScanResult::Cancelled);
    }
    if holder.revoked_at.is_some() {
        return Some(ScanResult::Revoked);
    }
    match holder.status {
        RegistrationStatus::Confirmed => None,
        RegistrationStatus::Cancelled => Some(ScanResult::Cancelled),
        // Waitlisted, unconfirmed or unapproved registrations hold no valid ticket yet.
        _ => Some(ScanResult::Invalid),
    }
}

/// The ticket joined with its attendee, their registration and any check-in to `scope`
/// (with its device), narrowed by `filter`: everything a scan decides on before it
/// writes, in one statement.
async fn ticket_holder<C: ConnectionTrait>(
    db: &C,
    scope: &str,
    filter: sea_orm::Condition,
) -> Result<Option<TicketHolder>, DbErr> {
    holder_query(Some(scope.to_owned())).filter(filter).into_model::<TicketHolder>().one(db).await
}

/// Tickets with their holders, registration status and check-ins (to `scope`, or every
/// check-in of the holder, one row each), with the check-in's device.
fn holder_query(scope: Option<String>) -> sea_orm::Select<ticket::Entity> {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ExprTrait, JoinType, QuerySelect};
    ticket::Entity::find()
        .select_only()
        .column_as(ticket::Column::Id, "ticket_id")
        .column(ticket::Column::Version)
        .column(ticket::Column::RevokedAt)
        .column_as(attendee::Column::Id, "attendee_id")
        .column(attendee::Column::FirstName)
        .column(attendee::Column::LastName)
        .column(attendee::Column::Organisation)
        .column(attendee::Column::CancelledAt)
        .column(registration::Column::Status)
        .column_as(check_in::Column::Scope, "checked_in_scope")
        .column_as(check_in::Column::CheckedInAt, "checked_in_at")
        .column_as(check_in::Column::DeviceId, "checked_in_device")
        .column_as(door_device::Column::Name, "checked_in_by")
        .join(
            JoinType::InnerJoin,
            ticket::Entity::belongs_to(attendee::Entity)
                .from(ticket::Column::AttendeeId)
                .to(attendee::Column::Id)
                .into(),
        )
        .join(
            JoinType::InnerJoin,
            attendee::Entity::belongs_to(registration::Entity)
                .from(attendee::Column::RegistrationId)
                .to(registration::Column::Id)
                .into(),
        )
        .join(
            JoinType::LeftJoin,
            attendee::Entity::belongs_to(check_in::Entity)
                .from(attendee::Column::Id)
                .to(check_in::Column::AttendeeId)
                .on_condition(move |_, right| match &scope {
                    Some(scope) => {
                        sea_orm::Condition::all().add(Expr::col((right, check_in::Column::Scope)).eq(scope.clone()))
                    }
                    None => sea_orm::Condition::all(),
                })
                .into(),
        )
        .join(JoinType::LeftJoin, check_in_device())
}

async fn admissible<C: ConnectionTrait>(
    db: &C,
    verifier: &TicketVerifier,
    device: &DoorDevice,
    request: &ScanRequest,
) -> Result<Admission, DbErr> {
    use sea_orm::Condition;
    let refused = |result| Ok(Admission::Refused(ScanAnswer::bare(result)));
    let scope = request.programme_session_id.unwrap_or(device.event_id).to_string();
    let holder = match &request.presented {
        Presented::Token(token) => {
            let (ticket_id, version) = match verified_ticket(verifier, device, token) {
                Ok(ticket) => ticket,
                Err(result) => return refused(result),
            };
            match ticket_holder(db, &scope, Condition::all().add(ticket::Column::Id.eq(ticket_id))).await? {
                Some(holder) if holder.version == version => holder,
                _ => return refused(ScanResult::Invalid),
            }
        }
        Presented::Attendee(attendee_id) => {
            // The current ticket: a manual check-in is recorded against it like a scan.
            let current = Condition::all()
                .add(attendee::Column::Id.eq(*attendee_id))
                .add(attendee::Column::EventId.eq(device.event_id))
                .add(ticket::Column::RevokedAt.is_null());
            match ticket_holder(db, &scope, current).await? {
                Some(holder) => holder,
                None => {
                    let exists = attendee::Entity::find_by_id(*attendee_id)
                        .filter(attendee::Column::EventId.eq(device.event_id))
                        .one(db)
                        .await?
                        .is_some();
                    return refused(if exists { ScanResult::Invalid } else { ScanResult::WrongEvent });
                }
            }
        }
    };
    let scanned = holder.scanned();
    let with_attendee = |result| {
        Ok(Admission::Refused(ScanAnswer {
            result,
            attendee: Some(scanned.clone()),
            checked_in_at: None,
            device: None,
        }))
    };
    if let Some(result) = refusal(&holder) {
        return with_attendee(result);
    }
    if let Some(session_id) = request.programme_session_id
        && !is_registered_for_session(db, holder.attendee_id, session_id).await?
    {
        return with_attendee(ScanResult::NotRegisteredForSession);
    }
    let manual = matches!(request.presented, Presented::Attendee(_));
    let first_check_in = match (holder.checked_in_at, holder.checked_in_device) {
        (Some(at), Some(by_device)) => Some((at, holder.checked_in_by, by_device)),
        _ => None,
    };
    Ok(Admission::Admissible(Box::new(Admitted {
        attendee_id: holder.attendee_id,
        ticket_id: holder.ticket_id,
        scanned,
        scope,
        manual,
        first_check_in,
    })))
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

/// Takes back the check-in this device made with this scan id: the check-in is moved to
/// `check_in_undo` (who, when), so the person can be checked in again and nothing is lost.
/// `false` when there was nothing of this device's to undo.
pub async fn undo(pools: &Pools, device: &DoorDevice, scan_id: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
    if !is_valid_scan_id(scan_id) {
        return Ok(false);
    }
    let txn = begin_write(&pools.write).await?;
    let Some(made) = check_in::Entity::find()
        .filter(check_in::Column::DeviceId.eq(device.id))
        .filter(check_in::Column::ScanId.eq(scan_id))
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    let removed = check_in::Entity::delete_by_id(made.id).exec(&txn).await?.rows_affected == 1;
    if !removed {
        return Ok(false);
    }
    crate::entity::check_in_undo::Entity::insert(crate::entity::check_in_undo::ActiveModel {
        id: Set(Uuid::new_v4()),
        check_in_id: Set(made.id),
        attendee_id: Set(made.attendee_id),
        event_id: Set(made.event_id),
        scope: Set(made.scope),
        device_id: Set(made.device_id),
        scan_id: Set(made.scan_id),
        checked_in_at: Set(made.checked_in_at),
        method: Set(made.method),
        undone_by: Set(device.id),
        undone_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Keeps a double admission by a device that decided offline (another device, or the
/// same one letting the person in a second time): one conflict per person and scope. The
/// admissions are ordered by when they happened, not by when they reached the server.
async fn record_conflict<C: ConnectionTrait>(
    db: &C,
    device: &DoorDevice,
    request: &ScanRequest,
    attendee_id: Uuid,
    scope: &str,
    (first_device, first_at): (Uuid, DateTime<Utc>),
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    use crate::entity::check_in_conflict;
    // When this device let the person in, by its own clock (shown as it said).
    let this_at = request.offline_at.map_or(now, |at| at.trunc_subsecs(6));
    let ((first_device, first_at), (second_device, second_at)) = if this_at < first_at {
        ((device.id, this_at), (first_device, first_at))
    } else {
        ((first_device, first_at), (device.id, this_at))
    };
    check_in_conflict::Entity::insert(check_in_conflict::ActiveModel {
        id: Set(Uuid::new_v4()),
        attendee_id: Set(attendee_id),
        event_id: Set(device.event_id),
        scope: Set(scope.to_owned()),
        first_device_id: Set(first_device),
        first_at: Set(first_at),
        second_device_id: Set(second_device),
        second_at: Set(second_at),
        scan_id: Set(request.scan_id.clone()),
        recorded_at: Set(now),
    })
    .on_conflict_do_nothing_on([check_in_conflict::Column::AttendeeId, check_in_conflict::Column::Scope])
    .exec_without_returning(db)
    .await?;
    Ok(())
}
