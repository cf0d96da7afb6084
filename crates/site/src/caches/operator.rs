//! The operator's details, kept for a minute: every mail the worker composes and every
//! imprint and privacy page shows them, and they change perhaps once a year. Saving
//! through this instance forgets them at once; another instance's save shows within
//! `FRESH_FOR`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use domain::operator::{self, OperatorDetails};
use sea_orm::{DatabaseConnection, DbErr};

const FRESH_FOR: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct OperatorCache {
    /// When it was read, and what was found (`None`: nothing entered yet).
    kept: Mutex<Option<(Instant, Option<Arc<OperatorDetails>>)>>,
}

impl OperatorCache {
    pub async fn details(&self, db: &DatabaseConnection) -> Result<Option<Arc<OperatorDetails>>, DbErr> {
        if let Ok(kept) = self.kept.lock()
            && let Some((fetched, details)) = kept.as_ref()
            && fetched.elapsed() < FRESH_FOR
        {
            return Ok(details.clone());
        }
        let details = operator::load(db).await?.map(Arc::new);
        if let Ok(mut kept) = self.kept.lock() {
            *kept = Some((Instant::now(), details.clone()));
        }
        Ok(details)
    }

    pub fn forget(&self) {
        if let Ok(mut kept) = self.kept.lock() {
            *kept = None;
        }
    }
}
