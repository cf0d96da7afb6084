//! Demo data: the Tag der Städtepartnerschaften with its forums, a Reallabor workshop
//! and an online information event, dated a few weeks ahead of the day it is seeded.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Berlin;
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, TransactionTrait};
use uuid::Uuid;

use crate::entity::event::{ApprovalMode, EventFormat, EventStatus};
use crate::entity::programme_session::SessionKind;
use crate::entity::{event, programme_session};
use crate::ids::new_id;
use crate::operator;

pub const TAG_SLUG: &str = "tag-der-staedtepartnerschaften";
pub const REALLABOR_SLUG: &str = "reallabor-aufbaupartnerschaften-ukraine";
pub const INFO_SLUG: &str = "online-info-foerderprogramme";

/// Kind, titles (de, en, uk), room, speakers, local start and end (hour, minute), capacity.
type DemoSession = (SessionKind, [&'static str; 3], &'static str, &'static str, (u32, u32), (u32, u32), Option<i32>);

/// Seeds the demo events when the database has no events; returns whether it did.
pub async fn seed_if_empty(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<bool, DbErr> {
    if event::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    let txn = db.begin().await?;
    let tag_day = weekday_after(now, 28);
    let tag = insert_event(
        &txn,
        DemoEvent {
            slug: TAG_SLUG,
            titles: [
                &format!("Tag der Städtepartnerschaften {}", tag_day.year()),
                &format!("Day of Town Twinning {}", tag_day.year()),
                &format!("День партнерства міст {}", tag_day.year()),
            ],
            descriptions: [
                "Der Tag der Städtepartnerschaften bringt Kommunen, Kreise, Vereine und ihre Partner im Ausland zusammen: Plenum am Vormittag, vier parallele Foren am Mittag, Austausch und Vernetzung am Nachmittag.",
                "The Day of Town Twinning brings together municipalities, districts, associations and their partners abroad: plenary in the morning, four parallel forums at noon, exchange and networking in the afternoon.",
                "День партнерства міст об'єднує громади, райони, об'єднання та їхніх партнерів за кордоном: пленарне засідання вранці, чотири паралельні форуми опівдні, обмін досвідом і нетворкінг після обіду.",
            ],
            format: EventFormat::InPerson,
            venue: "Dortmunder U",
            address: "Leonie-Reygers-Terrasse 2, 44137 Dortmund",
            online_url: None,
            day: tag_day,
            from: (10, 0),
            to: (17, 0),
            capacity: Some(300),
            approval_mode: ApprovalMode::Open,
            double_opt_in: false,
        },
        now,
    )
    .await?;
    let forum_time = ((12, 0), (13, 30));
    let sessions: [DemoSession; 6] = [
        (
            SessionKind::Plenary,
            ["Eröffnung und Plenum", "Opening and plenary", "Відкриття та пленарне засідання"],
            "Großer Saal",
            "Ministerium für Bundes- und Europaangelegenheiten NRW",
            (10, 0),
            (11, 30),
            None,
        ),
        (
            SessionKind::Forum,
            [
                "Kommunale Partnerschaften mit der Ukraine",
                "Municipal partnerships with Ukraine",
                "Муніципальні партнерства з Україною",
            ],
            "Raum 1.1",
            "Netzwerkstelle Städtepartnerschaften",
            forum_time.0,
            forum_time.1,
            Some(25),
        ),
        (
            SessionKind::Forum,
            ["Jugendaustausch", "Youth exchange", "Молодіжні обміни"],
            "Raum 1.2",
            "Jugendwerk",
            forum_time.0,
            forum_time.1,
            Some(20),
        ),
        (
            SessionKind::Forum,
            ["Klimapartnerschaften", "Climate partnerships", "Кліматичні партнерства"],
            "Raum 2.1",
            "Servicestelle Kommunen in der Einen Welt",
            forum_time.0,
            forum_time.1,
            Some(15),
        ),
        (
            SessionKind::Forum,
            ["Fördermittel", "Funding", "Фінансування"],
            "Raum 2.2",
            "Förderberatung",
            forum_time.0,
            forum_time.1,
            Some(10),
        ),
        (
            SessionKind::Plenary,
            ["Markt der Möglichkeiten und Abschluss", "Marketplace and closing", "Ярмарок можливостей і завершення"],
            "Foyer",
            "",
            (14, 0),
            (17, 0),
            None,
        ),
    ];
    for (position, (kind, titles, room, speakers, from, to, capacity)) in sessions.into_iter().enumerate() {
        programme_session::Entity::insert(programme_session::ActiveModel {
            id: Set(new_id()),
            event_id: Set(tag),
            kind: Set(kind),
            title_de: Set(titles[0].to_owned()),
            title_en: Set(titles[1].to_owned()),
            title_uk: Set(titles[2].to_owned()),
            room: Set(room.to_owned()),
            speakers: Set(speakers.to_owned()),
            starts_at: Set(local(tag_day, from)),
            ends_at: Set(local(tag_day, to)),
            capacity: Set(capacity),
            taken: Set(0),
            position: Set(i32::try_from(position).unwrap_or(0)),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    demo_questions(&txn, tag).await?;

    insert_event(
        &txn,
        DemoEvent {
            slug: REALLABOR_SLUG,
            titles: [
                "Reallabor Kommunaler Aufbaupartnerschaften NRW – Ukraine",
                "Real-world lab of municipal reconstruction partnerships NRW – Ukraine",
                "Реальна лабораторія муніципальних партнерств відбудови NRW – Україна",
            ],
            descriptions: [
                "Werkstatt für Kommunen mit Partnern in der Ukraine: Erfahrungen teilen, Projekte planen, Förderwege kennenlernen.",
                "Workshop for municipalities with partners in Ukraine: share experience, plan projects, learn about funding.",
                "Майстерня для громад, що мають партнерів в Україні: обмін досвідом, планування проєктів, можливості фінансування.",
            ],
            format: EventFormat::Hybrid,
            venue: "Haus der Kommunen",
            address: "Kaiserswerther Straße 199, 40474 Düsseldorf",
            online_url: Some("https://meet.example.org/reallabor"),
            day: weekday_after(now, 45),
            from: (9, 30),
            to: (16, 0),
            capacity: Some(40),
            approval_mode: ApprovalMode::Open,
            double_opt_in: true,
        },
        now,
    )
    .await?;

    insert_event(
        &txn,
        DemoEvent {
            slug: INFO_SLUG,
            titles: [
                "Online-Informationsveranstaltung: Förderprogramme für Städtepartnerschaften",
                "Online information event: funding programmes for town twinning",
                "Онлайн-інформаційний захід: програми підтримки партнерства міст",
            ],
            descriptions: [
                "Eine Stunde zu den wichtigsten Förderprogrammen, mit Zeit für Fragen.",
                "One hour on the main funding programmes, with time for questions.",
                "Година про основні програми фінансування, з часом для запитань.",
            ],
            format: EventFormat::Online,
            venue: "",
            address: "",
            online_url: Some("https://meet.example.org/foerderprogramme"),
            day: weekday_after(now, 14),
            from: (14, 0),
            to: (15, 30),
            capacity: None,
            approval_mode: ApprovalMode::Open,
            double_opt_in: false,
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Fills the imprint with invented operator details, so a first look at the demo shows a
/// filled one; details someone entered already are kept. Separate from
/// [`seed_if_empty`] (the start-up calls it after that seeded), which tests also run
/// on the schema of older migrations, before this table existed.
pub async fn seed_operator(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<(), DbErr> {
    operator::upsert(db, &demo_operator()?, now, operator::Overwrite::No).await
}

fn demo_operator() -> Result<operator::OperatorDetails, DbErr> {
    operator::OperatorDetails::parse(&operator::OperatorInput {
        name: "Netzwerkstelle Städtepartnerschaften NRW (Demo)",
        representative: "Dr. Katrin Beispiel, Leiterin der Netzwerkstelle",
        address: "Musterstraße 12\n40213 Düsseldorf\nDeutschland",
        email: "netzwerkstelle@example.org",
        phone: "+49 211 555 0100",
        responsible_name: "Dr. Katrin Beispiel",
        responsible_address: "",
        privacy_contact: "Datenschutzbeauftragte der Netzwerkstelle (Demo)",
        privacy_email: "datenschutz@example.org",
    })
    .map_err(|problems| DbErr::Custom(format!("the demo's operator details are invalid: {problems:?}")))
}

struct DemoEvent<'a> {
    slug: &'a str,
    titles: [&'a str; 3],
    descriptions: [&'a str; 3],
    format: EventFormat,
    venue: &'a str,
    address: &'a str,
    online_url: Option<&'a str>,
    day: NaiveDate,
    from: (u32, u32),
    to: (u32, u32),
    capacity: Option<i32>,
    approval_mode: ApprovalMode,
    /// Registrations confirm their e-mail address before the place is theirs.
    double_opt_in: bool,
}

/// Optional questions of the kind the network office asks (optional, so that a plain
/// registration still goes through): the partner country for the funder's figures,
/// catering, interpreting, and consent to photos.
async fn demo_questions<C: sea_orm::ConnectionTrait>(db: &C, event_id: Uuid) -> Result<(), DbErr> {
    use crate::entity::question::{self, QuestionKind};
    let questions: [(QuestionKind, [&str; 3], [&str; 3]); 4] = [
        (
            QuestionKind::SingleChoice,
            ["Land Ihrer Partnerkommune", "Country of your partner municipality", "Країна вашої громади-партнера"],
            [
                "Ukraine\nPolen\nFrankreich\nIsrael\nanderes Land",
                "Ukraine\nPoland\nFrance\nIsrael\nother country",
                "Україна\nПольща\nФранція\nІзраїль\nінша країна",
            ],
        ),
        (
            QuestionKind::SingleChoice,
            ["Verpflegung", "Catering", "Харчування"],
            [
                "keine Wünsche\nvegetarisch\nvegan",
                "no preference\nvegetarian\nvegan",
                "без побажань\nвегетаріанське\nвеганське",
            ],
        ),
        (
            QuestionKind::MultipleChoice,
            ["Dolmetschen benötigt", "Interpreting needed", "Потрібен переклад"],
            [
                "Deutsch → Ukrainisch\nUkrainisch → Deutsch",
                "German → Ukrainian\nUkrainian → German",
                "німецька → українська\nукраїнська → німецька",
            ],
        ),
        (
            QuestionKind::Consent,
            [
                "Ich bin einverstanden, dass Fotos und Videos, auf denen ich zu sehen bin, für die Öffentlichkeitsarbeit des Netzwerkbüros veröffentlicht werden.",
                "I agree that photos and videos showing me may be published for the network office's public relations.",
                "Я погоджуюся, що фото та відео зі мною можуть бути опубліковані для інформаційної роботи мережевого бюро.",
            ],
            ["", "", ""],
        ),
    ];
    for (position, (kind, labels, options)) in questions.into_iter().enumerate() {
        question::Entity::insert(question::ActiveModel {
            id: Set(new_id()),
            event_id: Set(event_id),
            position: Set(i32::try_from(position).unwrap_or(0) + 1),
            kind: Set(kind),
            required: Set(false),
            label_de: Set(labels[0].to_owned()),
            label_en: Set(labels[1].to_owned()),
            label_uk: Set(labels[2].to_owned()),
            options_de: Set(options[0].to_owned()),
            options_en: Set(options[1].to_owned()),
            options_uk: Set(options[2].to_owned()),
            // Photographers must know who said no.
            shown_at_door: Set(kind == QuestionKind::Consent),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

async fn insert_event<C: sea_orm::ConnectionTrait>(
    db: &C,
    demo: DemoEvent<'_>,
    now: DateTime<Utc>,
) -> Result<Uuid, DbErr> {
    let id = new_id();
    event::Entity::insert(event::ActiveModel {
        id: Set(id),
        slug: Set(demo.slug.to_owned()),
        title_de: Set(demo.titles[0].to_owned()),
        title_en: Set(demo.titles[1].to_owned()),
        title_uk: Set(demo.titles[2].to_owned()),
        description_de: Set(demo.descriptions[0].to_owned()),
        description_en: Set(demo.descriptions[1].to_owned()),
        description_uk: Set(demo.descriptions[2].to_owned()),
        format: Set(demo.format),
        venue: Set(demo.venue.to_owned()),
        address: Set(demo.address.to_owned()),
        online_url: Set(demo.online_url.map(str::to_owned)),
        starts_at: Set(local(demo.day, demo.from)),
        ends_at: Set(local(demo.day, demo.to)),
        time_zone: Set("Europe/Berlin".to_owned()),
        registration_opens_at: Set(None),
        registration_closes_at: Set(None),
        capacity: Set(demo.capacity),
        taken: Set(0),
        approval_mode: Set(demo.approval_mode),
        status: Set(EventStatus::Published),
        created_at: Set(now),
        double_opt_in: Set(demo.double_opt_in),
        confirmation_hours: Set(48),
        door_overbooking: Set(false),
        retention_days: Set(crate::privacy::DEFAULT_RETENTION_DAYS),
        anonymised_at: Set(None),
        ask_organisation: Set(crate::event::FieldRule::Required),
        ask_organisation_type: Set(crate::event::FieldRule::Required),
        ask_partner_municipality: Set(crate::event::FieldRule::Optional),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// The first working day in North Rhine-Westphalia at least `days` days after `now`, in
/// Berlin: no weekend, no public holiday, not between the years.
fn weekday_after(now: DateTime<Utc>, days: i64) -> NaiveDate {
    let mut day = (now + Duration::days(days)).with_timezone(&Berlin).date_naive();
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || is_day_off_in_nrw(day) {
        day = day.succ_opt().unwrap_or(day);
    }
    day
}

/// The public holidays of North Rhine-Westphalia, and the days between the years
/// (24 December to 1 January), when offices are closed and nobody holds a conference.
fn is_day_off_in_nrw(day: NaiveDate) -> bool {
    let fixed = [(5, 1), (10, 3), (11, 1)];
    let between_the_years = (day.month() == 12 && day.day() >= 24) || (day.month() == 1 && day.day() == 1);
    if between_the_years || fixed.contains(&(day.month(), day.day())) {
        return true;
    }
    // Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi.
    let easter = easter_sunday(day.year());
    [-2, 1, 39, 50, 60].iter().any(|offset| easter + Duration::days(*offset) == day)
}

/// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter_sunday(year: i32) -> NaiveDate {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month.unsigned_abs(), day.unsigned_abs()).unwrap_or_default()
}

/// A wall-clock time in Berlin as UTC (demo times avoid the DST switch hour).
fn local(day: NaiveDate, (hour, minute): (u32, u32)) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
    Berlin
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&day.and_time(time)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    #[test]
    fn easter_falls_where_the_calendar_has_it() {
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2030), date(2030, 4, 21));
    }

    #[test]
    fn the_demo_never_falls_on_a_holiday_or_a_weekend() {
        for holiday in [date(2027, 3, 26), date(2027, 5, 6), date(2027, 5, 17), date(2027, 5, 27), date(2026, 12, 24)] {
            assert!(is_day_off_in_nrw(holiday), "{holiday}");
        }
        // Seeded on 26 November 2026, four weeks ahead is Christmas Eve: the first working
        // day after the years is Monday, 4 January.
        let seeded = Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().unwrap_or_default();
        let day = weekday_after(seeded, 28);
        assert_eq!(day, date(2027, 1, 4));
        assert!(is_day_off_in_nrw(date(2026, 12, 28)) && is_day_off_in_nrw(date(2027, 1, 1)));
        for offset in 0..400 {
            let day = weekday_after(seeded, offset);
            assert!(!is_day_off_in_nrw(day) && !matches!(day.weekday(), Weekday::Sat | Weekday::Sun), "{day}");
        }
    }
}
