//! The programme of an event: plenary, forums, workshops, excursions, each with its
//! own time, room and (optionally) capacity.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entity::programme_session;
pub use crate::entity::programme_session::{Model as ProgrammeSession, SessionKind};
use crate::language::Language;

impl ProgrammeSession {
    pub fn title(&self, language: Language) -> &str {
        language.pick(&self.title_de, &self.title_en, &self.title_uk)
    }

    pub fn free_places(&self) -> Option<i32> {
        self.capacity.map(|capacity| (capacity - self.taken).max(0))
    }

    pub fn is_full(&self) -> bool {
        self.free_places() == Some(0)
    }

    /// Plenary sessions are for everyone; the rest are chosen at registration.
    pub fn is_choosable(&self) -> bool {
        self.kind != SessionKind::Plenary
    }

    pub fn overlaps(&self, other: &ProgrammeSession) -> bool {
        self.starts_at < other.ends_at && other.starts_at < self.ends_at
    }
}

pub async fn for_event<C: ConnectionTrait>(db: &C, event_id: Uuid) -> Result<Vec<ProgrammeSession>, DbErr> {
    programme_session::Entity::find()
        .filter(programme_session::Column::EventId.eq(event_id))
        .order_by_asc(programme_session::Column::StartsAt)
        .order_by_asc(programme_session::Column::Position)
        .all(db)
        .await
}
