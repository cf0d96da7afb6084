//! The organisers' view of who registered: one row per attendee with the registration's
//! status, the chosen sessions and the entrance check-in, filtered, sorted and paged;
//! the same rows feed the exports, the signature lists and the figures.
//!
//! The rows of one event are read with three queries and filtered in memory: text
//! search must be case-insensitive for umlauts and Cyrillic, which SQLite's `LOWER`
//! is not, and an event has thousands of attendees, not millions (bench: 10,000
//! attendees in the list benchmark of `bench/`).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, JoinType, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use crate::Language;
use crate::entity::attendee::{Model as Attendee, OrganisationType};
use crate::entity::registration::RegistrationStatus;
use crate::entity::{attendee, attendee_session, check_in, registration};
use crate::search::Needle;

/// One attendee as the back office lists them.
#[derive(Clone, Debug)]
pub struct AttendeeRow {
    pub attendee: Attendee,
    pub registration_id: Uuid,
    /// The registration's status, or `Cancelled` when this member alone cancelled.
    pub status: RegistrationStatus,
    pub contact_email: String,
    pub language: Language,
    pub session_ids: Vec<Uuid>,
    /// Full programme sessions this attendee waits for a place in.
    pub waiting_session_ids: Vec<Uuid>,
    /// Checked in at the entrance.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Sessions this attendee was checked in to.
    pub session_check_ins: Vec<Uuid>,
    /// Answers to the event's own questions: (question, stored value).
    pub answers: Vec<(Uuid, String)>,
}

impl AttendeeRow {
    pub fn full_name(&self) -> String {
        self.attendee.full_name()
    }

    /// Expected at the event: a confirmed registration, not cancelled individually.
    pub fn is_expected(&self) -> bool {
        self.status == RegistrationStatus::Confirmed
    }

    fn matches_text(&self, needle: &Needle) -> bool {
        let attendee = &self.attendee;
        [
            attendee.first_name.as_str(),
            attendee.last_name.as_str(),
            attendee.email.as_str(),
            attendee.organisation.as_str(),
            attendee.partner_municipality.as_str(),
        ]
        .iter()
        .any(|field| needle.finds(field))
            || needle.finds(&self.full_name())
    }
}

/// Text as the list sorts it: folded as the search folds it (`crate::search::fold`).
pub fn search_key(text: &str) -> String {
    crate::search::fold(text)
}

/// One attendee joined with its registration, as the list query returns it: the nine
/// text fields come as one value joined by [`TEXT_SEPARATOR`] (perf on SQLite: every
/// column of every row is copied and allocated twice, and most of a cold read of 12,000
/// attendees went to the allocator).
#[derive(Debug, FromQueryResult)]
struct ListedRow {
    id: Uuid,
    registration_id: Uuid,
    data_consent_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
    cancelled_at: Option<DateTime<Utc>>,
    position: i32,
    anonymised_at: Option<DateTime<Utc>>,
    language: Option<Language>,
    texts: String,
}

/// A control character no stored text may contain (`person::clean_text` refuses them).
const TEXT_SEPARATOR: char = '\u{1f}';

/// The text fields in the order the query joins them.
const JOINED_TEXTS: &str = concat!(
    "\"attendee\".\"first_name\" || '\u{1f}' || \"attendee\".\"last_name\" || '\u{1f}' || \"attendee\".\"email\"",
    " || '\u{1f}' || \"attendee\".\"organisation\" || '\u{1f}' || \"attendee\".\"organisation_type\"",
    " || '\u{1f}' || \"attendee\".\"partner_municipality\" || '\u{1f}' || \"registration\".\"status\"",
    " || '\u{1f}' || \"registration\".\"contact_email\" || '\u{1f}' || \"registration\".\"language\"",
);

/// One attendee joined with its registration.
#[derive(Debug)]
struct ListedAttendee {
    id: Uuid,
    registration_id: Uuid,
    event_id: Uuid,
    first_name: String,
    last_name: String,
    email: String,
    organisation: String,
    organisation_type: OrganisationType,
    partner_municipality: String,
    data_consent_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
    cancelled_at: Option<DateTime<Utc>>,
    position: i32,
    anonymised_at: Option<DateTime<Utc>>,
    registration_status: RegistrationStatus,
    contact_email: String,
    language: Language,
    own_language: Option<Language>,
}

impl ListedAttendee {
    fn from_row(row: ListedRow, event_id: Uuid) -> Result<Self, DbErr> {
        use sea_orm::ActiveEnum;
        let mut texts = row.texts.split(TEXT_SEPARATOR).map(str::to_owned);
        let mut next = || texts.next().ok_or_else(|| DbErr::Custom("an attendee row lacks a field".to_owned()));
        let (first_name, last_name, email, organisation) = (next()?, next()?, next()?, next()?);
        let organisation_type =
            OrganisationType::try_from_value(&next()?).map_err(|err| DbErr::Custom(err.to_string()))?;
        let partner_municipality = next()?;
        let registration_status =
            RegistrationStatus::try_from_value(&next()?).map_err(|err| DbErr::Custom(err.to_string()))?;
        let contact_email = next()?;
        let language = Language::try_from_value(&next()?).map_err(|err| DbErr::Custom(err.to_string()))?;
        Ok(ListedAttendee {
            id: row.id,
            registration_id: row.registration_id,
            event_id,
            first_name,
            last_name,
            email,
            organisation,
            organisation_type,
            partner_municipality,
            data_consent_at: row.data_consent_at,
            created_at: row.created_at,
            cancelled_at: row.cancelled_at,
            position: row.position,
            anonymised_at: row.anonymised_at,
            registration_status,
            contact_email,
            language,
            own_language: row.language,
        })
    }
}

/// Every attendee of an event (cancelled ones too), in registration order.
///
/// Four narrow queries side by side: the attendees joined with their registration (text
/// fields joined into one value, see [`ListedRow`]), the session choices, the
/// check-ins and the answers. A cold read of 12,230 attendees on SQLite took 150 ms at
/// the median with one column per field, 92 ms with the texts joined (release build,
/// whole list request, measured through HTTP).
pub async fn load(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<AttendeeRow>, DbErr> {
    let (listed, choices, waiting, check_ins, answers) = tokio::try_join!(
        listed_attendees(db, event_id),
        session_choices(db, event_id),
        session_waiting(db, event_id),
        check_ins_of(db, event_id),
        crate::registration_form::answers_of_event(db, event_id),
    )?;
    let mut sessions: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (attendee_id, session_id) in choices {
        sessions.entry(attendee_id).or_default().push(session_id);
    }
    let mut waiting_for: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (attendee_id, session_id) in waiting {
        waiting_for.entry(attendee_id).or_default().push(session_id);
    }
    let mut entrance_check_ins: HashMap<Uuid, DateTime<Utc>> = HashMap::new();
    let mut session_check_ins: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (attendee_id, session_id, checked_in_at) in check_ins {
        match session_id {
            None => {
                entrance_check_ins.insert(attendee_id, checked_in_at);
            }
            Some(session_id) => session_check_ins.entry(attendee_id).or_default().push(session_id),
        }
    }
    let mut answers = answers;
    // Sorted here: SQLite's ORDER BY needed a temporary B-tree, 10 of the query's 55 ms
    // at 12,000 attendees.
    let mut listed = listed;
    listed.sort_unstable_by_key(|row| (row.created_at, row.position, row.id));
    Ok(listed
        .into_iter()
        .map(|row| {
            let status =
                if row.cancelled_at.is_some() { RegistrationStatus::Cancelled } else { row.registration_status };
            AttendeeRow {
                registration_id: row.registration_id,
                status,
                contact_email: row.contact_email,
                language: row.language,
                session_ids: sessions.remove(&row.id).unwrap_or_default(),
                waiting_session_ids: waiting_for.remove(&row.id).unwrap_or_default(),
                checked_in_at: entrance_check_ins.get(&row.id).copied(),
                session_check_ins: session_check_ins.remove(&row.id).unwrap_or_default(),
                answers: answers.remove(&row.id).unwrap_or_default(),
                attendee: Attendee {
                    id: row.id,
                    registration_id: row.registration_id,
                    event_id: row.event_id,
                    first_name: row.first_name,
                    last_name: row.last_name,
                    email: row.email,
                    organisation: row.organisation,
                    organisation_type: row.organisation_type,
                    partner_municipality: row.partner_municipality,
                    data_consent_at: row.data_consent_at,
                    created_at: row.created_at,
                    cancelled_at: row.cancelled_at,
                    position: row.position,
                    anonymised_at: row.anonymised_at,
                    // Not read for the list: it searches with `search::Needle` in memory.
                    search_key: String::new(),
                    language: row.own_language,
                },
            }
        })
        .collect())
}

/// The attendees of an event with their registration's status, contact and language.
async fn listed_attendees(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<ListedAttendee>, DbErr> {
    attendee::Entity::find()
        .select_only()
        .columns([
            attendee::Column::Id,
            attendee::Column::RegistrationId,
            attendee::Column::DataConsentAt,
            attendee::Column::CreatedAt,
            attendee::Column::CancelledAt,
            attendee::Column::Position,
            attendee::Column::AnonymisedAt,
            attendee::Column::Language,
        ])
        .column_as(sea_orm::sea_query::Expr::cust(JOINED_TEXTS), "texts")
        .join(
            JoinType::InnerJoin,
            attendee::Entity::belongs_to(registration::Entity)
                .from(attendee::Column::RegistrationId)
                .to(registration::Column::Id)
                .into(),
        )
        .filter(attendee::Column::EventId.eq(event_id))
        .into_model::<ListedRow>()
        .all(db)
        .await?
        .into_iter()
        .map(|row| ListedAttendee::from_row(row, event_id))
        .collect()
}

/// (attendee, session) for every session choice of the event's attendees.
async fn session_choices(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<(Uuid, Uuid)>, DbErr> {
    let of_event = Query::select()
        .column(attendee::Column::Id)
        .from(attendee::Entity)
        .and_where(attendee::Column::EventId.eq(event_id))
        .to_owned();
    attendee_session::Entity::find()
        .select_only()
        .columns([attendee_session::Column::AttendeeId, attendee_session::Column::ProgrammeSessionId])
        .filter(attendee_session::Column::AttendeeId.in_subquery(of_event))
        .into_tuple::<(Uuid, Uuid)>()
        .all(db)
        .await
}

/// (attendee, session) for everyone waiting for a place in a full session of the event.
async fn session_waiting(db: &DatabaseConnection, event_id: Uuid) -> Result<Vec<(Uuid, Uuid)>, DbErr> {
    use crate::entity::session_waitlist;
    let of_event = Query::select()
        .column(attendee::Column::Id)
        .from(attendee::Entity)
        .and_where(attendee::Column::EventId.eq(event_id))
        .to_owned();
    session_waitlist::Entity::find()
        .select_only()
        .columns([session_waitlist::Column::AttendeeId, session_waitlist::Column::ProgrammeSessionId])
        .filter(session_waitlist::Column::AttendeeId.in_subquery(of_event))
        .into_tuple::<(Uuid, Uuid)>()
        .all(db)
        .await
}

/// (attendee, session or entrance, time) for every check-in at the event.
async fn check_ins_of(
    db: &DatabaseConnection,
    event_id: Uuid,
) -> Result<Vec<(Uuid, Option<Uuid>, DateTime<Utc>)>, DbErr> {
    check_in::Entity::find()
        .select_only()
        .columns([check_in::Column::AttendeeId, check_in::Column::ProgrammeSessionId, check_in::Column::CheckedInAt])
        .filter(check_in::Column::EventId.eq(event_id))
        .into_tuple::<(Uuid, Option<Uuid>, DateTime<Utc>)>()
        .all(db)
        .await
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Name,
    Organisation,
    Registered,
    Status,
    CheckedIn,
}

#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Name, e-mail, organisation or partner municipality contains this (any case).
    pub text: String,
    pub status: Option<RegistrationStatus>,
    pub programme_session_id: Option<Uuid>,
    pub organisation_type: Option<OrganisationType>,
    pub checked_in: Option<bool>,
    pub answer: Option<AnswerFilter>,
    /// People on a session's waiting list: `Some(None)` any session's, `Some(Some(id))`
    /// that session's (cancelled people only when the status filter asks for them).
    pub waiting: Option<Option<Uuid>>,
    pub sort: SortBy,
    pub descending: bool,
}

impl Filter {
    pub fn keeps(&self, row: &AttendeeRow) -> bool {
        let needle = Needle::new(&self.text);
        (needle.is_empty() || row.matches_text(&needle))
            && self.status.is_none_or(|status| row.status == status)
            // People in a session are those who still come: cancelled ones only when asked for.
            && self.programme_session_id.is_none_or(|id| {
                row.session_ids.contains(&id) && (row.status != RegistrationStatus::Cancelled || self.status.is_some())
            })
            && self.organisation_type.is_none_or(|kind| row.attendee.organisation_type == kind)
            && self.checked_in.is_none_or(|wanted| row.checked_in_at.is_some() == wanted)
            && self.answer.as_ref().is_none_or(|wanted| wanted.keeps(row))
            && self.waiting.is_none_or(|session| {
                let waits = match session {
                    Some(id) => row.waiting_session_ids.contains(&id),
                    None => !row.waiting_session_ids.is_empty(),
                };
                waits && (row.status != RegistrationStatus::Cancelled || self.status.is_some())
            })
    }

    /// The rows this filter keeps, in its order.
    pub fn apply<'a>(&self, rows: &'a [AttendeeRow]) -> Vec<&'a AttendeeRow> {
        let mut kept: Vec<&AttendeeRow> = rows.iter().filter(|row| self.keeps(row)).collect();
        let name_key = |row: &&AttendeeRow| name_order(row);
        match self.sort {
            SortBy::Name => kept.sort_by_cached_key(name_key),
            SortBy::Organisation => {
                kept.sort_by_cached_key(|row| (search_key(&row.attendee.organisation), name_key(row)));
            }
            SortBy::Registered => kept.sort_by_key(|row| (row.attendee.created_at, row.attendee.position)),
            SortBy::Status => kept.sort_by_cached_key(|row| (status_order(row.status), name_key(row))),
            SortBy::CheckedIn => kept.sort_by_cached_key(|row| (row.checked_in_at, name_key(row))),
        }
        if self.descending {
            kept.reverse();
        }
        kept
    }
}

/// Attendees who gave an answer to one question: a given value (one of the options
/// for choices, `yes`/`no`), or any answer at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerFilter {
    pub question_id: Uuid,
    /// `None`: answered at all (for text questions).
    pub value: Option<String>,
}

impl AnswerFilter {
    fn keeps(&self, row: &AttendeeRow) -> bool {
        row.answers.iter().any(|(question_id, value)| {
            *question_id == self.question_id
                && match &self.value {
                    None => !value.is_empty(),
                    Some(wanted) => value.lines().any(|line| line == wanted),
                }
        })
    }
}

/// Alphabetical by last name, then first name, as a German list is ordered (Ä with A).
pub fn name_order(row: &AttendeeRow) -> (String, String) {
    (search_key(&row.attendee.last_name), search_key(&row.attendee.first_name))
}

fn status_order(status: RegistrationStatus) -> u8 {
    match status {
        RegistrationStatus::Confirmed => 0,
        RegistrationStatus::AwaitingApproval => 1,
        RegistrationStatus::PendingConfirmation => 2,
        RegistrationStatus::Waitlisted => 3,
        RegistrationStatus::Cancelled => 4,
    }
}

/// One page of a filtered list.
pub struct Page<'a> {
    pub rows: Vec<&'a AttendeeRow>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
}

pub const PAGE_SIZE: usize = 50;

pub fn page_of(rows: Vec<&AttendeeRow>, page: usize) -> Page<'_> {
    let total = rows.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let rows = rows.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    Page { rows, total, page, pages }
}

/// The figures an organiser and the funder ask for.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Attendees per status (an attendee cancelled alone counts as cancelled).
    pub by_status: BTreeMap<&'static str, usize>,
    pub registered: usize,
    pub confirmed: usize,
    pub waitlisted: usize,
    /// People who come (not cancelled) and wait for a place in at least one full session.
    pub waiting_for_sessions: usize,
    pub cancelled: usize,
    pub checked_in: usize,
    /// Expected (confirmed) attendees per organisation type.
    pub by_organisation_type: Vec<(OrganisationType, usize)>,
    /// Confirmed attendees and entrance check-ins per programme session.
    pub by_session: HashMap<Uuid, (usize, usize)>,
    /// New attendees per day of registration (all statuses).
    pub per_day: Vec<(NaiveDate, usize)>,
    /// Municipalities and organisations represented among confirmed attendees.
    pub organisations: Vec<String>,
    /// Partner municipalities named by confirmed attendees.
    pub partner_municipalities: Vec<String>,
    /// Partnerships represented: pairs (organisation, partner municipality) as entered.
    pub partnerships: Vec<(String, String)>,
}

pub fn figures(rows: &[AttendeeRow]) -> Figures {
    let mut figures = Figures { registered: rows.len(), ..Figures::default() };
    let mut by_type: BTreeMap<usize, (OrganisationType, usize)> = BTreeMap::new();
    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let mut organisations = std::collections::BTreeSet::new();
    let mut partners = std::collections::BTreeSet::new();
    let mut partnerships = std::collections::BTreeSet::new();
    for row in rows {
        *per_day.entry(row.attendee.created_at.date_naive()).or_default() += 1;
        match row.status {
            RegistrationStatus::Confirmed => figures.confirmed += 1,
            RegistrationStatus::Waitlisted => figures.waitlisted += 1,
            RegistrationStatus::Cancelled => figures.cancelled += 1,
            RegistrationStatus::PendingConfirmation | RegistrationStatus::AwaitingApproval => {}
        }
        *figures.by_status.entry(status_code(row.status)).or_default() += 1;
        if row.status != RegistrationStatus::Cancelled && !row.waiting_session_ids.is_empty() {
            figures.waiting_for_sessions += 1;
        }
        if row.checked_in_at.is_some() {
            figures.checked_in += 1;
        }
        if !row.is_expected() {
            continue;
        }
        let kind = row.attendee.organisation_type;
        by_type.entry(organisation_type_order(kind)).or_insert((kind, 0)).1 += 1;
        for session_id in &row.session_ids {
            figures.by_session.entry(*session_id).or_default().0 += 1;
        }
        for session_id in &row.session_check_ins {
            figures.by_session.entry(*session_id).or_default().1 += 1;
        }
        let organisation = row.attendee.organisation.trim();
        if !organisation.is_empty() {
            organisations.insert(organisation.to_owned());
        }
        let partner = row.attendee.partner_municipality.trim();
        if !partner.is_empty() {
            partners.insert(partner.to_owned());
            if !organisation.is_empty() {
                partnerships.insert((organisation.to_owned(), partner.to_owned()));
            }
        }
    }
    figures.by_organisation_type = by_type.into_values().collect();
    figures.per_day = per_day.into_iter().collect();
    figures.organisations = organisations.into_iter().collect();
    figures.partner_municipalities = partners.into_iter().collect();
    figures.partnerships = partnerships.into_iter().collect();
    figures
}

/// How many expected (confirmed) attendees gave each of these answers to a question;
/// a multiple-choice answer counts once for each option chosen.
pub fn answer_counts(rows: &[AttendeeRow], question_id: Uuid, values: &[&str]) -> Vec<usize> {
    let mut counts = vec![0; values.len()];
    for row in rows.iter().filter(|row| row.is_expected()) {
        for (_, given) in row.answers.iter().filter(|(question, _)| *question == question_id) {
            for line in given.lines() {
                if let Some(index) = values.iter().position(|value| *value == line) {
                    counts[index] += 1;
                }
            }
        }
    }
    counts
}

pub fn status_code(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::PendingConfirmation => "pending_confirmation",
        RegistrationStatus::Confirmed => "confirmed",
        RegistrationStatus::Waitlisted => "waitlisted",
        RegistrationStatus::AwaitingApproval => "awaiting_approval",
        RegistrationStatus::Cancelled => "cancelled",
    }
}

pub fn parse_status(raw: &str) -> Option<RegistrationStatus> {
    [
        RegistrationStatus::PendingConfirmation,
        RegistrationStatus::Confirmed,
        RegistrationStatus::Waitlisted,
        RegistrationStatus::AwaitingApproval,
        RegistrationStatus::Cancelled,
    ]
    .into_iter()
    .find(|status| status_code(*status) == raw)
}

/// The form's order; not given comes last.
fn organisation_type_order(kind: OrganisationType) -> usize {
    OrganisationType::ALL.iter().position(|known| *known == kind).unwrap_or(OrganisationType::ALL.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(first: &str, last: &str, organisation: &str, status: RegistrationStatus, day: u32) -> AttendeeRow {
        let created_at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 5, day, 9, 0, 0).single().unwrap_or_default();
        AttendeeRow {
            attendee: Attendee {
                id: Uuid::new_v4(),
                registration_id: Uuid::nil(),
                event_id: Uuid::nil(),
                first_name: first.into(),
                last_name: last.into(),
                email: format!("{}@example.org", first.to_lowercase()),
                organisation: organisation.into(),
                organisation_type: OrganisationType::Kommune,
                partner_municipality: "Чернівці".into(),
                data_consent_at: created_at,
                created_at,
                cancelled_at: None,
                position: 0,
                anonymised_at: None,
                search_key: String::new(),
                language: None,
            },
            registration_id: Uuid::nil(),
            status,
            contact_email: String::new(),
            language: Language::De,
            session_ids: Vec::new(),
            waiting_session_ids: Vec::new(),
            checked_in_at: None,
            session_check_ins: Vec::new(),
            answers: Vec::new(),
        }
    }

    #[test]
    fn text_search_ignores_case_in_umlauts_and_cyrillic() {
        let rows = vec![
            row("Jürgen", "Özdemir", "Stadt Köln", RegistrationStatus::Confirmed, 1),
            row("Олена", "Шевченко", "Київ", RegistrationStatus::Confirmed, 2),
        ];
        let found = |text: &str| -> Vec<AttendeeRow> {
            Filter { text: text.into(), ..Filter::default() }.apply(&rows).into_iter().cloned().collect()
        };
        assert_eq!(found("ÖZDEMIR").len(), 1);
        assert_eq!(found("ozdemir").len(), 1, "without the umlaut too");
        assert_eq!(found("köln")[0].attendee.first_name, "Jürgen");
        assert_eq!(found("ОЛЕНА")[0].attendee.last_name, "Шевченко");
        assert_eq!(found("чернівці").len(), 2, "partner municipality is searched");
        assert!(found("Paris").is_empty());
    }

    #[test]
    fn search_keys_fold_german_and_turkish_letters_but_not_cyrillic() {
        assert_eq!(search_key("Größmann"), "grossmann");
        assert_eq!(search_key("Şahin"), "sahin");
        assert_eq!(search_key("Ґалушко"), "ґалушко");
        assert_eq!(search_key("Łukasz"), "lukasz");
    }

    #[test]
    fn figures_count_statuses_and_only_confirmed_people_by_type() {
        let rows = vec![
            row("A", "A", "Stadt Bonn", RegistrationStatus::Confirmed, 1),
            row("B", "B", "Stadt Bonn", RegistrationStatus::Waitlisted, 1),
            row("C", "C", "Kreis Lippe", RegistrationStatus::Cancelled, 3),
        ];
        let figures = figures(&rows);
        assert_eq!((figures.registered, figures.confirmed, figures.waitlisted, figures.cancelled), (3, 1, 1, 1));
        assert_eq!(figures.by_organisation_type, vec![(OrganisationType::Kommune, 1)]);
        assert_eq!(figures.per_day.len(), 2);
        assert_eq!(figures.partnerships, vec![("Stadt Bonn".to_owned(), "Чернівці".to_owned())]);
    }

    #[test]
    fn pages_are_clamped() {
        let rows: Vec<AttendeeRow> =
            (0..120).map(|i| row(&format!("P{i}"), "X", "O", RegistrationStatus::Confirmed, 1)).collect();
        let page = page_of(rows.iter().collect(), 9);
        assert_eq!((page.page, page.pages, page.total, page.rows.len()), (3, 3, 120, 20));
    }
}
