//! Door devices by token, kept for two seconds: every scan authenticates its device,
//! and on SQLite each statement costs two thread hand-offs (perf: they were most of a
//! redemption's CPU). Revoking or renaming through this instance forgets them at once;
//! another instance's revocation takes effect within `FRESH_FOR`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use domain::door::{self, DoorDevice};
use sea_orm::{DatabaseConnection, DbErr};

const FRESH_FOR: Duration = Duration::from_secs(2);
/// More devices than any event has: beyond it, everything is forgotten.
const MOST_DEVICES: usize = 1_000;

#[derive(Default)]
pub struct DeviceCache {
    /// By the SHA-256 of the token, as stored.
    devices: Mutex<HashMap<String, (Instant, DoorDevice)>>,
}

impl DeviceCache {
    /// The active device with this token. Only found devices are kept, so a new device
    /// works at once and an unknown token always asks the database.
    pub async fn device(&self, db: &DatabaseConnection, token: &str) -> Result<Option<DoorDevice>, DbErr> {
        let key = domain::ids::hash_token(token);
        if let Ok(devices) = self.devices.lock()
            && let Some((fetched, device)) = devices.get(&key)
            && fetched.elapsed() < FRESH_FOR
        {
            return Ok(Some(device.clone()));
        }
        let found = door::by_token(db, token).await?;
        if let (Some(device), Ok(mut devices)) = (&found, self.devices.lock()) {
            if devices.len() >= MOST_DEVICES {
                devices.clear();
            }
            devices.insert(key, (Instant::now(), device.clone()));
        }
        Ok(found)
    }

    pub fn forget(&self) {
        if let Ok(mut devices) = self.devices.lock() {
            devices.clear();
        }
    }
}
