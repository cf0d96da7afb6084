//! What door devices and organisers read about check-ins: the door's name search, a
//! device's recent scans and counts, the lists a device keeps offline, and the
//! organisers' overview.

use super::*;

/// How many attendees are checked in at the event entrance.
pub async fn count_checked_in(db: &DatabaseConnection, event_id: Uuid) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    check_in::Entity::find()
        .filter(check_in::Column::EventId.eq(event_id))
        .filter(check_in::Column::Scope.eq(event_id.to_string()))
        .count(db)
        .await
}

/// One attendee in the door's name search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoorAttendee {
    pub id: Uuid,
    pub name: String,
    pub organisation: String,
    /// When they were checked in to the searched scope, if they were.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Did not consent to photos (a question shown at the door): photographers must know.
    pub no_photos: bool,
}

/// The longest name search answered: more than any name or organisation (200 characters
/// each) and far below SQLite's limit on `LIKE` patterns (50,000 bytes, an error beyond).
pub const MAX_SEARCH_CHARS: usize = 200;

/// Finds expected attendees of the device's event by name or organisation (at most
/// `limit`), with whether they are already checked in to the entrance or the session.
pub async fn search_attendees(
    db: &DatabaseConnection,
    device: &DoorDevice,
    query: &str,
    programme_session_id: Option<Uuid>,
    limit: u64,
) -> Result<Vec<DoorAttendee>, DbErr> {
    use sea_orm::Condition;
    use sea_orm::ExprTrait;
    use sea_orm::sea_query::{Expr, LikeExpr, Query};
    use sea_orm::{QueryOrder, QuerySelect};
    // Longer than any name: nothing to find (and SQLite refuses LIKE patterns over 50 kB).
    let length = query.trim().chars().count();
    if !(2..=MAX_SEARCH_CHARS).contains(&length) {
        return Ok(Vec::new());
    }
    let needle = crate::search::Needle::new(query);
    // Against the stored, folded key (SQLite's LOWER folds only ASCII); a literal search:
    // % and _ typed by door staff are not wildcards.
    let matches = needle.forms().into_iter().fold(Condition::any(), |any, form| {
        let escaped: String =
            form.chars().flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] }).collect();
        any.add(Expr::col(attendee::Column::SearchKey).like(LikeExpr::new(format!("%{escaped}%")).escape('\\')))
    });
    let confirmed = Query::select()
        .column(registration::Column::Id)
        .from(registration::Entity)
        .and_where(registration::Column::EventId.eq(device.event_id))
        .and_where(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .to_owned();
    let found = attendee::Entity::find()
        .filter(attendee::Column::EventId.eq(device.event_id))
        .filter(attendee::Column::CancelledAt.is_null())
        .filter(attendee::Column::RegistrationId.in_subquery(confirmed))
        .filter(matches)
        .order_by_asc(attendee::Column::LastName)
        .order_by_asc(attendee::Column::FirstName)
        .limit(limit)
        .all(db)
        .await?;
    let scope = programme_session_id.unwrap_or(device.event_id).to_string();
    let ids: Vec<Uuid> = found.iter().map(|attendee| attendee.id).collect();
    // Only the people found: the search runs as door staff type.
    let consenters = crate::registration_form::photo_consenters(db, device.event_id, Some(&ids)).await?;
    let check_ins = check_in::Entity::find()
        .filter(check_in::Column::AttendeeId.is_in(ids))
        .filter(check_in::Column::Scope.eq(scope))
        .all(db)
        .await?;
    Ok(found
        .into_iter()
        .map(|attendee| DoorAttendee {
            checked_in_at: check_ins
                .iter()
                .find(|check_in| check_in.attendee_id == attendee.id)
                .map(|c| c.checked_in_at),
            no_photos: consenters.as_ref().is_some_and(|yes| !yes.contains(&attendee.id)),
            name: attendee.full_name(),
            organisation: attendee.organisation,
            id: attendee.id,
        })
        .collect())
}

/// One line of a device's recent scans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentScan {
    pub scan_id: String,
    pub result: ScanResult,
    pub name: Option<String>,
    pub scanned_at: DateTime<Utc>,
    /// This scan's check-in still stands and this device may take it back.
    pub undoable: bool,
}

/// The device's last `limit` scans, newest first.
pub async fn recent_scans(db: &DatabaseConnection, device: &DoorDevice, limit: u64) -> Result<Vec<RecentScan>, DbErr> {
    use sea_orm::{QueryOrder, QuerySelect};
    let scans = door_scan::Entity::find()
        .filter(door_scan::Column::DeviceId.eq(device.id))
        .order_by_desc(door_scan::Column::ScannedAt)
        .limit(limit)
        .all(db)
        .await?;
    let scan_ids: Vec<String> = scans.iter().map(|scan| scan.scan_id.clone()).collect();
    let standing: Vec<String> = check_in::Entity::find()
        .filter(check_in::Column::DeviceId.eq(device.id))
        .filter(check_in::Column::ScanId.is_in(scan_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|check_in| check_in.scan_id)
        .collect();
    Ok(scans
        .into_iter()
        .filter_map(|scan| {
            let answer: ScanAnswer = serde_json::from_str(&scan.response).ok()?;
            Some(RecentScan {
                undoable: answer.result == ScanResult::Ok && standing.contains(&scan.scan_id),
                name: answer.attendee.map(|attendee| attendee.name),
                result: answer.result,
                scanned_at: scan.scanned_at,
                scan_id: scan.scan_id,
            })
        })
        .collect())
}

/// How many this device let in at the entrance.
pub async fn count_by_device(db: &DatabaseConnection, device: &DoorDevice) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    check_in::Entity::find()
        .filter(check_in::Column::DeviceId.eq(device.id))
        .filter(check_in::Column::Scope.eq(device.event_id.to_string()))
        .count(db)
        .await
}

/// What a door device needs to decide on its own while the network is gone.
#[derive(Clone, Debug, Serialize)]
pub struct OfflineData {
    pub event_id: Uuid,
    /// The tickets that admit, with the name and organisation to show.
    pub valid: Vec<OfflineTicket>,
    /// Tickets of this event that do not admit (cancelled, not yet confirmed).
    pub invalid: Vec<Uuid>,
    /// Tickets replaced by a newer one: the door says so.
    pub revoked: Vec<Uuid>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OfflineTicket {
    pub ticket: Uuid,
    pub attendee: Uuid,
    pub name: String,
    pub organisation: String,
    /// What the device's own search looks in (`crate::search::key`).
    pub search_key: String,
    /// Already checked in at the entrance (by any device), when the lists were made:
    /// offline, the device says so instead of letting the person in unawares.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Did not consent to photos.
    pub no_photos: bool,
}

pub async fn offline_data(db: &DatabaseConnection, event_id: Uuid) -> Result<OfflineData, DbErr> {
    let tickets = ticket::Entity::find().filter(ticket::Column::EventId.eq(event_id)).all(db).await?;
    let attendees = attendee::Entity::find().filter(attendee::Column::EventId.eq(event_id)).all(db).await?;
    let confirmed: Vec<Uuid> = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .all(db)
        .await?
        .into_iter()
        .map(|registration| registration.id)
        .collect();
    let consenters = crate::registration_form::photo_consenters(db, event_id, None).await?;
    let checked_in: std::collections::HashMap<Uuid, DateTime<Utc>> = check_in::Entity::find()
        .filter(check_in::Column::EventId.eq(event_id))
        .filter(check_in::Column::Scope.eq(event_id.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|check_in| (check_in.attendee_id, check_in.checked_in_at))
        .collect();
    let mut valid = Vec::new();
    let mut invalid = Vec::new();
    let mut revoked = Vec::new();
    for ticket in tickets {
        if ticket.revoked_at.is_some() {
            revoked.push(ticket.id);
            continue;
        }
        let holder = attendees.iter().find(|attendee| attendee.id == ticket.attendee_id);
        match holder {
            Some(attendee)
                if ticket.revoked_at.is_none()
                    && attendee.cancelled_at.is_none()
                    && confirmed.contains(&attendee.registration_id) =>
            {
                valid.push(OfflineTicket {
                    ticket: ticket.id,
                    attendee: attendee.id,
                    name: attendee.full_name(),
                    organisation: attendee.organisation.clone(),
                    search_key: attendee.search_key.clone(),
                    checked_in_at: checked_in.get(&attendee.id).copied(),
                    no_photos: consenters.as_ref().is_some_and(|yes| !yes.contains(&attendee.id)),
                });
            }
            _ => invalid.push(ticket.id),
        }
    }
    Ok(OfflineData { event_id, valid, invalid, revoked })
}

/// Everything organisers see about an event's check-ins: who is in (entrance and
/// sessions), the undos and the offline conflicts, oldest first.
pub struct Overview {
    pub check_ins: Vec<check_in::Model>,
    pub undos: Vec<crate::entity::check_in_undo::Model>,
    pub conflicts: Vec<crate::entity::check_in_conflict::Model>,
}

pub async fn overview(db: &DatabaseConnection, event_id: Uuid) -> Result<Overview, DbErr> {
    use crate::entity::{check_in_conflict, check_in_undo};
    use sea_orm::QueryOrder;
    Ok(Overview {
        check_ins: check_in::Entity::find()
            .filter(check_in::Column::EventId.eq(event_id))
            .order_by_asc(check_in::Column::CheckedInAt)
            .all(db)
            .await?,
        undos: check_in_undo::Entity::find()
            .filter(check_in_undo::Column::EventId.eq(event_id))
            .order_by_asc(check_in_undo::Column::UndoneAt)
            .all(db)
            .await?,
        conflicts: check_in_conflict::Entity::find()
            .filter(check_in_conflict::Column::EventId.eq(event_id))
            .order_by_asc(check_in_conflict::Column::SecondAt)
            .all(db)
            .await?,
    })
}
