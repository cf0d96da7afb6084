//! Events: what is published, when registration is open, how many places are left.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::event;
pub use crate::entity::event::{ApprovalMode, EventFormat, EventStatus, FieldRule, Model as Event};
use crate::language::Language;

/// Where registration stands at a given moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegistrationWindow {
    NotYetOpen(DateTime<Utc>),
    Open,
    Closed,
}

impl Event {
    pub fn title(&self, language: Language) -> &str {
        language.pick(&self.title_de, &self.title_en, &self.title_uk)
    }

    pub fn description(&self, language: Language) -> &str {
        language.pick(&self.description_de, &self.description_en, &self.description_uk)
    }

    /// The event's time zone; an unknown name (never written by us) falls back to Berlin.
    pub fn zone(&self) -> Tz {
        self.time_zone.parse().unwrap_or(chrono_tz::Europe::Berlin)
    }

    pub fn is_online(&self) -> bool {
        matches!(self.format, EventFormat::Online | EventFormat::Hybrid)
    }

    pub fn has_venue(&self) -> bool {
        matches!(self.format, EventFormat::InPerson | EventFormat::Hybrid)
    }

    pub fn free_places(&self) -> Option<i32> {
        self.capacity.map(|capacity| (capacity - self.taken).max(0))
    }

    pub fn is_full(&self) -> bool {
        self.free_places() == Some(0)
    }

    pub fn registration_window(&self, now: DateTime<Utc>) -> RegistrationWindow {
        if self.status != EventStatus::Published {
            return RegistrationWindow::Closed;
        }
        if let Some(opens) = self.registration_opens_at
            && now < opens
        {
            return RegistrationWindow::NotYetOpen(opens);
        }
        let closes = self.registration_closes_at.unwrap_or(self.starts_at);
        if now >= closes { RegistrationWindow::Closed } else { RegistrationWindow::Open }
    }
}

/// A slug as it may appear in a URL: lower-case ASCII letters, digits and dashes.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 80
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub async fn published_upcoming(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Vec<Event>, DbErr> {
    event::Entity::find()
        .filter(event::Column::Status.eq(EventStatus::Published))
        .filter(event::Column::EndsAt.gte(now))
        .order_by_asc(event::Column::StartsAt)
        .all(db)
        .await
}

/// Published events, upcoming and past, for the calendar feed.
pub async fn published(db: &DatabaseConnection) -> Result<Vec<Event>, DbErr> {
    event::Entity::find()
        .filter(event::Column::Status.eq(EventStatus::Published))
        .order_by_asc(event::Column::StartsAt)
        .all(db)
        .await
}

/// An event the public may see: published or cancelled (so a link still explains itself).
pub async fn public_by_slug(db: &DatabaseConnection, slug: &str) -> Result<Option<Event>, DbErr> {
    if !is_valid_slug(slug) {
        return Ok(None);
    }
    event::Entity::find()
        .filter(event::Column::Slug.eq(slug))
        .filter(event::Column::Status.ne(EventStatus::Draft))
        .one(db)
        .await
}

pub async fn by_slug(db: &DatabaseConnection, slug: &str) -> Result<Option<Event>, DbErr> {
    event::Entity::find().filter(event::Column::Slug.eq(slug)).one(db).await
}

pub async fn by_id(db: &DatabaseConnection, id: uuid::Uuid) -> Result<Option<Event>, DbErr> {
    event::Entity::find_by_id(id).one(db).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event_at(starts_at: DateTime<Utc>) -> Event {
        Event {
            id: uuid::Uuid::nil(),
            slug: "tag".into(),
            title_de: "Tag".into(),
            title_en: String::new(),
            title_uk: "День".into(),
            description_de: String::new(),
            description_en: String::new(),
            description_uk: String::new(),
            format: EventFormat::InPerson,
            venue: String::new(),
            address: String::new(),
            online_url: None,
            starts_at,
            ends_at: starts_at + chrono::Duration::hours(6),
            time_zone: "Europe/Berlin".into(),
            registration_opens_at: None,
            registration_closes_at: None,
            capacity: Some(10),
            taken: 10,
            approval_mode: ApprovalMode::Open,
            status: EventStatus::Published,
            created_at: starts_at,
            double_opt_in: false,
            confirmation_hours: 48,
            door_overbooking: false,
            retention_days: crate::privacy::DEFAULT_RETENTION_DAYS,
            anonymised_at: None,
            ask_organisation: FieldRule::Required,
            ask_organisation_type: FieldRule::Required,
            ask_partner_municipality: FieldRule::Optional,
        }
    }

    #[test]
    fn registration_closes_when_the_event_starts_unless_set_otherwise() {
        let start = Utc.with_ymd_and_hms(2026, 6, 18, 8, 0, 0).single().unwrap_or_default();
        let mut event = event_at(start);
        assert_eq!(event.registration_window(start - chrono::Duration::days(1)), RegistrationWindow::Open);
        assert_eq!(event.registration_window(start), RegistrationWindow::Closed);
        let opens = start - chrono::Duration::days(10);
        event.registration_opens_at = Some(opens);
        assert_eq!(
            event.registration_window(opens - chrono::Duration::seconds(1)),
            RegistrationWindow::NotYetOpen(opens)
        );
        event.status = EventStatus::Cancelled;
        assert_eq!(event.registration_window(start - chrono::Duration::days(1)), RegistrationWindow::Closed);
    }

    #[test]
    fn full_event_has_no_free_places_and_titles_fall_back_to_german() {
        let event = event_at(Utc::now());
        assert!(event.is_full());
        assert_eq!(event.title(Language::En), "Tag");
        assert_eq!(event.title(Language::Uk), "День");
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert!(is_valid_slug("tag-der-staedtepartnerschaften-2026"));
        assert!(!is_valid_slug("../etc"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug("Tag"));
    }
}
