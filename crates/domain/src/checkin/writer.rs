//! SQLite's check-in writer: one task takes whatever scans have queued up into one
//! transaction (group commit) and decides the ticket scans among them there, with a
//! handful of statements for the whole batch instead of several per scan.
//!
//! Why: sqlx hands every SQLite statement to a worker thread and back, and every commit
//! writes the WAL; per scan that was most of a redemption's CPU (perf, bench/RESULTS.md).
//! Inside the writer's transaction (BEGIN IMMEDIATE, the only writer of the file) what
//! it reads is what it will write against, so a batch reads the tickets, their holders
//! and their check-ins once, decides every scan in arrival order in memory (a second
//! scan of a ticket in the same batch sees the first), and inserts the check-ins and the
//! scan log lines with one statement each. PostgreSQL writes concurrently and keeps one
//! transaction per scan (`decide_alone`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    TryInsertResult,
};
use uuid::Uuid;

use super::{
    FirstCheckIn, Pending, ScanAnswer, ScanError, ScanRequest, ScanResult, ScannedAttendee, admitted_at, check_in_in,
    first_answer, holder_query, is_registered_for_session, record_conflict, record_scan, refusal, scan_log_line,
};
use crate::door::DoorDevice;
use crate::entity::{check_in, door_scan, ticket};
use crate::store::{Pools, begin_write};

/// A scan waiting for the writer, with where its answer goes.
pub(crate) struct Queued {
    pending: Pending,
    reply: tokio::sync::oneshot::Sender<Result<ScanAnswer, ScanError>>,
}

/// The writer's queue; one per set of pools, started with the first check-in.
type CheckInQueue = tokio::sync::mpsc::Sender<Queued>;

/// At most this many scans share one transaction.
const MOST_PER_BATCH: usize = 64;

/// Whether scans go through the batching writer (SQLite) or one transaction each.
pub(super) fn batches(pools: &Pools) -> bool {
    pools.write.get_database_backend() == sea_orm::DbBackend::Sqlite
}

/// Writes what a scan decided, or decides it: through the writer on SQLite, in its own
/// transaction on PostgreSQL.
pub(super) async fn decide(pools: &Pools, pending: Pending) -> Result<ScanAnswer, ScanError> {
    if !batches(pools) {
        return decide_alone(&pools.write, &pending).await;
    }
    let stopped = || ScanError::Database(DbErr::Custom("the check-in writer stopped".to_owned()));
    let (reply, answer) = tokio::sync::oneshot::channel();
    running_writer(pools).send(Queued { pending, reply }).await.map_err(|_| stopped())?;
    answer.await.map_err(|_| stopped())?
}

/// Whether a check-in writer was started and has stopped (its task ended, a panic in a
/// batch): scans then fail until the next one starts it again. Not started yet is fine:
/// the first scan starts it.
pub fn writer_stopped(pools: &Pools) -> bool {
    pools.writers.find::<CheckInQueue>().is_some_and(|queue| queue.is_closed())
}

/// The writer's queue, with a writer started if there is none or it has stopped. A
/// writer that died (a panic in a batch) costs the scans of that batch and those queued
/// behind it an error — the door page then decides them offline and sends them again —
/// not every later scan.
fn running_writer(pools: &Pools) -> CheckInQueue {
    pools.writers.get_or_start(
        |queue: &CheckInQueue| !queue.is_closed(),
        || {
            let (queue, jobs) = tokio::sync::mpsc::channel(1024);
            (queue, tokio::spawn(write_batches(pools.write.clone(), pools.batch_observer(), jobs)))
        },
    )
}

/// One transaction for everything queued; if that fails as a whole, each scan again in
/// its own, so an error belongs to the scan that caused it. If not even the transaction
/// can begin (the write connection stayed busy), every scan of the batch gets the error
/// at once instead of waiting for one failing attempt after the other.
async fn write_batches(
    db: DatabaseConnection,
    observer: crate::store::BatchObserver,
    mut jobs: tokio::sync::mpsc::Receiver<Queued>,
) {
    let mut batch = Vec::with_capacity(MOST_PER_BATCH);
    while jobs.recv_many(&mut batch, MOST_PER_BATCH).await > 0 {
        // Requests that are ready to run reach the queue before the batch starts: each
        // batch wakes SQLite's worker thread six times, whatever its size (perf showed
        // these wake-ups as the largest cost per scan).
        tokio::task::yield_now().await;
        while batch.len() < MOST_PER_BATCH
            && let Ok(job) = jobs.try_recv()
        {
            batch.push(job);
        }
        let taken = std::mem::take(&mut batch);
        if let Some(observe) = observer.get() {
            observe(taken.len());
        }
        let txn = match begin_write(&db).await {
            Ok(txn) => txn,
            Err(err) => {
                tracing::error!(error = %err, scans = taken.len(), "check-in batch could not begin");
                for job in taken {
                    let _ = job.reply.send(Err(ScanError::Database(DbErr::Custom(err.to_string()))));
                }
                continue;
            }
        };
        let decided = {
            let pendings: Vec<&Pending> = taken.iter().map(|job| &job.pending).collect();
            decide_together(txn, &pendings).await
        };
        match decided {
            Ok(answers) => {
                for (job, answer) in taken.into_iter().zip(answers) {
                    let _ = job.reply.send(answer);
                }
            }
            Err(err) => {
                tracing::warn!(error = %err, scans = taken.len(), "check-in batch failed; deciding each scan alone");
                for job in taken {
                    let answer = decide_alone(&db, &job.pending).await;
                    let _ = job.reply.send(answer);
                }
            }
        }
    }
}

/// One scan in its own transaction: PostgreSQL's way, and the writer's fallback. Every
/// statement here copes with a concurrent writer (`ON CONFLICT DO NOTHING`, then reading
/// what the other one wrote).
async fn decide_alone(db: &DatabaseConnection, pending: &Pending) -> Result<ScanAnswer, ScanError> {
    let txn = begin_write(db).await?;
    let answer = match pending {
        Pending::Scan { .. } => decide_batch(&txn, &[pending])
            .await?
            .pop()
            .unwrap_or_else(|| Err(ScanError::Database(DbErr::Custom("no answer".to_owned())))),
        Pending::CheckIn { device, request, admitted, now } => {
            check_in_in(&txn, device, request, admitted, *now).await?
        }
        Pending::Log { device, request, answer, now } => {
            if record_scan(&txn, device, request, answer, *now).await? {
                Ok(answer.clone())
            } else {
                first_answer(&txn, device.id, &request.scan_id).await
            }
        }
    };
    txn.commit().await?;
    answer
}

/// The writer's transaction: the ticket scans and logged answers of the batch decided
/// together, then the check-ins decided before the writer (names picked at the door) one
/// by one. So within a batch a manual check-in comes after the ticket scans whatever its
/// arrival: if both admit one person, the scan is the first check-in and the manual one
/// answers `already_checked_in` (and an offline manual one is the conflict's second) —
/// an order the two could have arrived in.
async fn decide_together(
    txn: DatabaseTransaction,
    pendings: &[&Pending],
) -> Result<Vec<Result<ScanAnswer, ScanError>>, DbErr> {
    let (one_by_one, batched): (Vec<usize>, Vec<usize>) =
        (0..pendings.len()).partition(|&index| matches!(pendings[index], Pending::CheckIn { .. }));
    let mut answers: Vec<Option<Result<ScanAnswer, ScanError>>> = (0..pendings.len()).map(|_| None).collect();
    let batch: Vec<&Pending> = batched.iter().map(|&index| pendings[index]).collect();
    for (index, answer) in batched.iter().zip(decide_batch(&txn, &batch).await?) {
        answers[*index] = Some(answer);
    }
    for index in one_by_one {
        if let Pending::CheckIn { device, request, admitted, now } = pendings[index] {
            answers[index] = Some(check_in_in(&txn, device, request, admitted, *now).await?);
        }
    }
    txn.commit().await?;
    Ok(answers
        .into_iter()
        .map(|answer| answer.unwrap_or_else(|| Err(ScanError::Database(DbErr::Custom("no answer".to_owned())))))
        .collect())
}

/// Ticket scans (`Pending::Scan`) and answers known before the writer (`Pending::Log`)
/// decided together inside the writer's transaction: three reads and two inserts for the
/// whole batch. Must only run where this transaction is the only writer (SQLite's
/// IMMEDIATE): the inserts expect exactly the rows decided here and fail otherwise.
async fn decide_batch(
    txn: &DatabaseTransaction,
    pendings: &[&Pending],
) -> Result<Vec<Result<ScanAnswer, ScanError>>, DbErr> {
    let mut answered = earlier_answers(txn, pendings).await?;
    let ticket_ids: Vec<Uuid> = pendings
        .iter()
        .filter_map(|pending| match pending {
            Pending::Scan { ticket_id, .. } => Some(*ticket_id),
            _ => None,
        })
        .collect();
    let (holders, mut checked_in) = holders_of(txn, &ticket_ids).await?;

    let mut answers = Vec::with_capacity(pendings.len());
    let mut new_check_ins = Vec::new();
    let mut new_scans = Vec::new();
    for pending in pendings {
        let (device, request, now) = match pending {
            Pending::Scan { device, request, now, .. } | Pending::Log { device, request, now, .. } => {
                (device, request, *now)
            }
            Pending::CheckIn { .. } => {
                // Not for this path (`decide_together` keeps them apart); answered, so that
                // the answers stay in step with the scans.
                answers.push(Err(ScanError::Database(DbErr::Custom("a check-in in the ticket batch".to_owned()))));
                continue;
            }
        };
        let key = (device.id, request.scan_id.clone());
        // A scan id this device sent before (a retry) gets its first answer, nothing more.
        if let Some(first) = answered.get(&key) {
            answers.push(Ok(first.clone()));
            continue;
        }
        let (answer, scanned_at) = match pending {
            Pending::Scan { ticket_id, version, .. } => {
                let scan = TicketScan { device, request, ticket_id: *ticket_id, version: *version, now };
                match scan.decide(txn, &holders, &mut checked_in).await? {
                    Decision::Admit(admission) => {
                        let Admission { check_in, scanned, at } = *admission;
                        let answer = ScanAnswer {
                            result: ScanResult::Ok,
                            attendee: Some(scanned),
                            checked_in_at: Some(at),
                            device: Some(device.name.clone()),
                        };
                        new_check_ins.push(check_in);
                        (answer, at)
                    }
                    Decision::Answer(answer) => (answer, now),
                }
            }
            Pending::Log { answer, .. } => (answer.clone(), now),
            // Answered above.
            Pending::CheckIn { .. } => continue,
        };
        new_scans.push(scan_log_line(device, request, &answer, scanned_at)?);
        answered.insert(key, answer.clone());
        answers.push(Ok(answer));
    }

    expect_inserted("check-in", new_check_ins.len(), {
        check_in::Entity::insert_many(new_check_ins)
            .on_conflict_do_nothing_on([check_in::Column::AttendeeId, check_in::Column::Scope])
            .exec_without_returning(txn)
            .await?
    })?;
    expect_inserted("door scan", new_scans.len(), {
        door_scan::Entity::insert_many(new_scans)
            .on_conflict_do_nothing_on([door_scan::Column::DeviceId, door_scan::Column::ScanId])
            .exec_without_returning(txn)
            .await?
    })?;
    Ok(answers)
}

/// An insert of rows decided against what the transaction read must insert them all;
/// anything else means another writer, and the batch is decided again scan by scan.
fn expect_inserted(what: &str, expected: usize, inserted: TryInsertResult<u64>) -> Result<(), DbErr> {
    match inserted {
        TryInsertResult::Empty if expected == 0 => Ok(()),
        TryInsertResult::Inserted(count) if usize::try_from(count).is_ok_and(|count| count == expected) => Ok(()),
        other => Err(DbErr::Custom(format!("{what} batch: expected {expected} new rows, got {other:?}"))),
    }
}

/// The answers already given to the batch's (device, scan id) pairs.
async fn earlier_answers(
    txn: &DatabaseTransaction,
    pendings: &[&Pending],
) -> Result<HashMap<(Uuid, String), ScanAnswer>, DbErr> {
    let mut pairs = std::collections::HashSet::new();
    for pending in pendings {
        if let Pending::Scan { device, request, .. } | Pending::Log { device, request, .. } = pending {
            pairs.insert((device.id, request.scan_id.clone()));
        }
    }
    if pairs.is_empty() {
        return Ok(HashMap::new());
    }
    let mut devices: Vec<Uuid> = pairs.iter().map(|(device, _)| *device).collect();
    devices.sort_unstable();
    devices.dedup();
    let scan_ids: Vec<String> = pairs.iter().map(|(_, scan_id)| scan_id.clone()).collect();
    let stored = door_scan::Entity::find()
        .filter(door_scan::Column::DeviceId.is_in(padded(devices)))
        .filter(door_scan::Column::ScanId.is_in(padded(scan_ids)))
        .all(txn)
        .await?;
    let mut answers = HashMap::with_capacity(stored.len());
    // The two lists also match other devices' ids of the same spelling: only this batch's
    // pairs count.
    for scan in stored.into_iter().filter(|scan| pairs.contains(&(scan.device_id, scan.scan_id.clone()))) {
        let answer: ScanAnswer =
            serde_json::from_str(&scan.response).map_err(|err| DbErr::Custom(format!("stored scan answer: {err}")))?;
        answers.insert((scan.device_id, scan.scan_id), answer);
    }
    Ok(answers)
}

/// The holder of each ticket, and every check-in of those holders by (attendee, scope).
async fn holders_of(
    txn: &DatabaseTransaction,
    ticket_ids: &[Uuid],
) -> Result<(HashMap<Uuid, super::TicketHolder>, HashMap<(Uuid, String), FirstCheckIn>), DbErr> {
    let mut holders = HashMap::with_capacity(ticket_ids.len());
    let mut checked_in = HashMap::new();
    if ticket_ids.is_empty() {
        return Ok((holders, checked_in));
    }
    let rows = holder_query(None)
        .filter(ticket::Column::Id.is_in(padded(ticket_ids.to_vec())))
        .into_model::<super::TicketHolder>()
        .all(txn)
        .await?;
    for row in rows {
        if let (Some(scope), Some(at), Some(device)) =
            (row.checked_in_scope.clone(), row.checked_in_at, row.checked_in_device)
        {
            checked_in.insert((row.attendee_id, scope), (at, row.checked_in_by.clone(), device));
        }
        holders.entry(row.ticket_id).or_insert(row);
    }
    Ok((holders, checked_in))
}

/// An `IN (…)` list grown to the next power of two by repeating its last value, so a
/// batch of any size uses one of seven statements (each kept prepared) instead of 64.
fn padded<T: Clone>(mut values: Vec<T>) -> Vec<T> {
    if let Some(last) = values.last().cloned() {
        values.resize(values.len().next_power_of_two(), last);
    }
    values
}

/// One ticket scan of the batch, its signature already checked.
struct TicketScan<'a> {
    device: &'a DoorDevice,
    request: &'a ScanRequest,
    ticket_id: Uuid,
    version: i32,
    now: DateTime<Utc>,
}

enum Decision {
    /// Let in: the check-in to insert, with who it is.
    Admit(Box<Admission>),
    /// Refused or already in.
    Answer(ScanAnswer),
}

struct Admission {
    check_in: check_in::ActiveModel,
    scanned: ScannedAttendee,
    at: DateTime<Utc>,
}

impl TicketScan<'_> {
    /// Decides the scan against the batch's reads, updated with the batch's earlier scans.
    async fn decide(
        &self,
        txn: &DatabaseTransaction,
        holders: &HashMap<Uuid, super::TicketHolder>,
        checked_in: &mut HashMap<(Uuid, String), FirstCheckIn>,
    ) -> Result<Decision, DbErr> {
        let (device, request) = (self.device, self.request);
        let Some(holder) = holders.get(&self.ticket_id).filter(|holder| holder.version == self.version) else {
            return Ok(Decision::Answer(ScanAnswer::bare(ScanResult::Invalid)));
        };
        let scanned = holder.scanned();
        let with_attendee = |result| {
            Decision::Answer(ScanAnswer { result, attendee: Some(scanned.clone()), checked_in_at: None, device: None })
        };
        if let Some(result) = refusal(holder) {
            return Ok(with_attendee(result));
        }
        if let Some(session_id) = request.programme_session_id
            && !is_registered_for_session(txn, holder.attendee_id, session_id).await?
        {
            return Ok(with_attendee(ScanResult::NotRegisteredForSession));
        }
        let scope = request.programme_session_id.unwrap_or(device.event_id).to_string();
        if let Some((at, by, first_device)) = checked_in.get(&(holder.attendee_id, scope.clone())).cloned() {
            if request.offline_at.is_some() {
                let attendee = holder.attendee_id;
                record_conflict(txn, device, request, attendee, &scope, (first_device, at), self.now).await?;
            }
            return Ok(Decision::Answer(ScanAnswer {
                result: ScanResult::AlreadyCheckedIn,
                attendee: Some(scanned),
                checked_in_at: Some(at),
                device: by,
            }));
        }
        let at = admitted_at(request, self.now);
        checked_in.insert((holder.attendee_id, scope.clone()), (at, Some(device.name.clone()), device.id));
        Ok(Decision::Admit(Box::new(Admission {
            check_in: check_in::ActiveModel {
                id: Set(crate::ids::log_id()),
                attendee_id: Set(holder.attendee_id),
                ticket_id: Set(holder.ticket_id),
                event_id: Set(device.event_id),
                programme_session_id: Set(request.programme_session_id),
                scope: Set(scope),
                device_id: Set(device.id),
                scan_id: Set(request.scan_id.clone()),
                checked_in_at: Set(at),
                method: Set("scan".to_owned()),
            },
            scanned,
            at,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::ScanResult;

    /// A SQLite file with only the scan log (what a scan answered before the writer
    /// needs) and a device to scan with; PostgreSQL has no writer task.
    async fn scan_log_only() -> (std::path::PathBuf, Pools, DoorDevice) {
        let file = std::env::temp_dir().join(format!("treffpunkt-writer-{}.db", Uuid::new_v4().simple()));
        let pools = crate::store::connect(&format!("sqlite://{}?mode=rwc", file.display())).await.expect("connect");
        sea_orm::ConnectionTrait::execute_unprepared(
            &pools.write,
            "CREATE TABLE door_scan (id BLOB PRIMARY KEY, device_id BLOB NOT NULL, scan_id TEXT NOT NULL, \
             result TEXT NOT NULL, response TEXT NOT NULL, scanned_at TEXT NOT NULL, UNIQUE (device_id, scan_id))",
        )
        .await
        .expect("table");
        let device = DoorDevice {
            id: Uuid::new_v4(),
            event_id: Uuid::new_v4(),
            name: "Eingang".to_owned(),
            token_hash: String::new(),
            created_at: Utc::now(),
            revoked_at: None,
        };
        (file, pools, device)
    }

    /// SQLite only: PostgreSQL has no writer task.
    #[tokio::test]
    async fn a_writer_that_stopped_is_started_again_for_the_next_scan() {
        let (file, pools, device) = scan_log_only().await;
        let now = Utc::now();
        let log = |scan_id: &str| Pending::Log {
            device: device.clone(),
            request: ScanRequest {
                presented: super::super::Presented::Token("x".to_owned()),
                scan_id: scan_id.to_owned(),
                programme_session_id: None,
                offline_at: None,
            },
            answer: ScanAnswer::bare(ScanResult::Invalid),
            now,
        };
        assert!(!writer_stopped(&pools), "not started yet is not stopped");
        let first = decide(&pools, log("before")).await.expect("the first writer answers");
        assert_eq!(first.result, ScanResult::Invalid);
        assert!(!writer_stopped(&pools), "running");

        // What a panic in a batch leaves behind: a queue nobody takes from.
        let (dead, jobs) = tokio::sync::mpsc::channel(1);
        drop(jobs);
        pools.writers.replace::<CheckInQueue>(dead);
        assert!(writer_stopped(&pools), "readiness sees the stopped writer");
        let after = decide(&pools, log("after")).await.expect("a new writer answers");
        assert_eq!(after.result, ScanResult::Invalid);
        let logged = door_scan::Entity::find().all(&pools.read).await.expect("scan log");
        assert_eq!(logged.len(), 2, "both scans are in the log");
        let _ = std::fs::remove_file(&file);
    }

    /// At shutdown: scans whose requests are gone (a timeout, a closed connection) are
    /// still written before the process ends.
    #[tokio::test]
    async fn finishing_the_writers_writes_every_queued_scan() {
        let (file, pools, device) = scan_log_only().await;
        let now = Utc::now();
        let queue = running_writer(&pools);
        for number in 0..300 {
            let (reply, answer) = tokio::sync::oneshot::channel();
            drop(answer);
            let pending = Pending::Log {
                device: device.clone(),
                request: ScanRequest {
                    presented: super::super::Presented::Token("x".to_owned()),
                    scan_id: format!("scan-{number}"),
                    programme_session_id: None,
                    offline_at: None,
                },
                answer: ScanAnswer::bare(ScanResult::Invalid),
                now,
            };
            queue.send(Queued { pending, reply }).await.expect("queued");
        }
        drop(queue);
        pools.finish_writers().await;
        let logged = door_scan::Entity::find().all(&pools.read).await.expect("scan log");
        assert_eq!(logged.len(), 300, "every queued scan is written");
        let _ = std::fs::remove_file(&file);
    }
}
