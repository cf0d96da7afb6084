//! Scans sent by a device the organisers revoked. They admit no one (the device is told
//! 401 and stops), but they are kept: a lost phone or a device blocked in the middle of
//! an event may have let people in while offline, and the organisers must see whom.

use super::*;

/// What the scan log keeps of a revoked device's scan (its `response` column).
#[derive(Clone, Debug, Serialize, Deserialize)]
struct BlockedRecord {
    attendee_id: Option<Uuid>,
    offline_at: Option<DateTime<Utc>>,
    programme_session_id: Option<Uuid>,
}

/// The scan log's result code for these scans.
const BLOCKED: &str = "device_revoked";

/// Keeps a scan a revoked device sent, once per scan id, with the person it names when
/// the ticket or the attendee id can be read. A malformed scan id is not kept.
pub async fn record_blocked_scan(
    db: &DatabaseConnection,
    verifier: &TicketVerifier,
    device: &DoorDevice,
    request: &ScanRequest,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if !is_valid_scan_id(&request.scan_id) {
        return Ok(());
    }
    let attendee_id = match &request.presented {
        Presented::Attendee(id) => Some(*id),
        Presented::Token(token) => match verifier.verify(token) {
            Ok(claims) => ticket::Entity::find_by_id(claims.ticket_id).one(db).await?.map(|ticket| ticket.attendee_id),
            Err(_) => None,
        },
    };
    let record = BlockedRecord {
        attendee_id,
        offline_at: request.offline_at,
        programme_session_id: request.programme_session_id,
    };
    door_scan::Entity::insert(door_scan::ActiveModel {
        id: Set(crate::ids::log_id()),
        device_id: Set(device.id),
        scan_id: Set(request.scan_id.clone()),
        result: Set(BLOCKED.to_owned()),
        response: Set(serde_json::to_string(&record).map_err(|err| DbErr::Custom(err.to_string()))?),
        scanned_at: Set(now),
    })
    .on_conflict_do_nothing_on([door_scan::Column::DeviceId, door_scan::Column::ScanId])
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// A scan a revoked device sent, for the check-in overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockedScan {
    pub device_id: Uuid,
    pub attendee_id: Option<Uuid>,
    pub programme_session_id: Option<Uuid>,
    /// When the server received it.
    pub received_at: DateTime<Utc>,
    /// When the device let the person in while offline, by its own clock.
    pub offline_at: Option<DateTime<Utc>>,
}

/// Every scan revoked devices of this event sent, in the order they arrived.
pub async fn blocked_scans(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<BlockedScan>, DbErr> {
    use sea_orm::QueryOrder;
    let devices = sea_orm::sea_query::Query::select()
        .column(door_device::Column::Id)
        .from(door_device::Entity)
        .and_where(door_device::Column::EventId.eq(event_id))
        .to_owned();
    let scans = door_scan::Entity::find()
        .filter(door_scan::Column::Result.eq(BLOCKED))
        .filter(door_scan::Column::DeviceId.in_subquery(devices))
        .order_by_asc(door_scan::Column::ScannedAt)
        .all(db)
        .await?;
    Ok(scans
        .into_iter()
        .map(|scan| {
            let record: Option<BlockedRecord> = serde_json::from_str(&scan.response).ok();
            BlockedScan {
                device_id: scan.device_id,
                attendee_id: record.as_ref().and_then(|record| record.attendee_id),
                programme_session_id: record.as_ref().and_then(|record| record.programme_session_id),
                received_at: scan.scanned_at,
                offline_at: record.and_then(|record| record.offline_at),
            }
        })
        .collect())
}
