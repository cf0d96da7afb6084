//! The back office's start page (the events this team member may see) and one event:
//! its overview with figures, its settings form, publishing, cancelling, duplicating.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use domain::attendee_list::{self, Figures};
use domain::event::EventStatus;
use domain::event_setup::{self};
use domain::programme;
use domain::registration_form::{self as form_rules, Question, QuestionKind};
use serde::Deserialize;
use uuid::Uuid;

use super::event_pages::{EventLinks, load_event};
use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new().get("/admin", Access::SignedIn, dashboard).get("/admin/events/{event}", Access::Door, overview)
}

pub fn status_label(t: Tr, status: EventStatus) -> String {
    t.get(match status {
        EventStatus::Draft => "admin-event-status-draft",
        EventStatus::Published => "admin-event-status-published",
        EventStatus::Cancelled => "admin-event-status-cancelled",
    })
}

pub struct EventLine {
    pub title: String,
    pub when: String,
    pub status: String,
    pub expected: usize,
    pub checked_in: usize,
    pub url: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/dashboard.html")]
struct DashboardPage {
    t: Tr,
    nav: Option<Nav>,
    events: Vec<EventLine>,
    may_create: bool,
    new_url: String,
    /// Funder reports per year of the events shown: (label, link).
    reports: Vec<(String, String)>,
    /// For administrators, while the imprint has no operator details: where to enter them.
    operator_missing: Option<String>,
}

async fn dashboard(State(app): State<AppState>, Lang(language): Lang, staff: Staff) -> Result<DashboardPage, WebError> {
    let t = Tr::new(language);
    let mut events = Vec::new();
    let mut years = std::collections::BTreeSet::new();
    let now = chrono::Utc::now();
    let mut all = event_setup::all_events(app.db()).await?;
    // The next event first, then the later ones; past events after them, latest first.
    all.sort_by_key(|event| {
        let start = event.starts_at.timestamp();
        if event.ends_at >= now { (0, start) } else { (1, -start) }
    });
    for event in all {
        if !staff.0.may_see_event(event.id) {
            continue;
        }
        years.insert(chrono::Datelike::year(&event.starts_at.with_timezone(&event.zone())));
        let rows = app.attendee_rows(event.id).await?;
        let zone = event.zone();
        events.push(EventLine {
            title: event.title(language).to_owned(),
            when: t.span(&event.starts_at.with_timezone(&zone), &event.ends_at.with_timezone(&zone)),
            status: status_label(t, event.status),
            expected: rows.iter().filter(|row| row.is_expected()).count(),
            checked_in: rows.iter().filter(|row| row.checked_in_at.is_some()).count(),
            url: urls::admin_event(event.id),
        });
    }
    let reports = if staff.is_organiser() {
        years
            .into_iter()
            .rev()
            .map(|year| (t.with("admin-report-year", "year", &year.to_string()), urls::admin_yearly_report(year)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(DashboardPage {
        t,
        nav: Nav::of(&staff),
        events,
        may_create: staff.is_organiser(),
        new_url: urls::admin_new_event(),
        reports,
        operator_missing: (staff.is_admin() && app.operator().await?.is_none()).then(urls::admin_operator),
    })
}

/// A bar of a chart or a line of a table of figures.
pub struct Bar {
    pub label: String,
    pub value: usize,
    /// Share of the largest value, in per cent, for the bar's width.
    pub percent: usize,
}

fn bars(items: Vec<(String, usize)>) -> Vec<Bar> {
    let max = items.iter().map(|(_, value)| *value).max().unwrap_or(0).max(1);
    items.into_iter().map(|(label, value)| Bar { label, value, percent: value * 100 / max }).collect()
}

/// The answers to one choice, yes/no or consent question, as bars.
pub struct AnswerFigure {
    pub question: String,
    pub bars: Vec<Bar>,
}

/// Every question with fixed answers, counted among confirmed attendees.
fn answer_figures(t: Tr, questions: &[Question], rows: &[attendee_list::AttendeeRow]) -> Vec<AnswerFigure> {
    questions
        .iter()
        .filter(|question| !matches!(question.kind, QuestionKind::ShortText | QuestionKind::LongText))
        .map(|question| {
            let options: Vec<(String, String)> = if question.has_options() {
                question.options(t.language).into_iter().map(|(v, l)| (v.to_owned(), l.to_owned())).collect()
            } else {
                vec![(form_rules::YES.to_owned(), t.get("answer-yes")), (form_rules::NO.to_owned(), t.get("answer-no"))]
            };
            let values: Vec<&str> = options.iter().map(|(value, _)| value.as_str()).collect();
            let counts = attendee_list::answer_counts(rows, question.id, &values);
            AnswerFigure {
                question: question.label(t.language).to_owned(),
                bars: bars(options.into_iter().map(|(_, label)| label).zip(counts).collect()),
            }
        })
        .collect()
}

pub struct SessionFigure {
    pub title: String,
    pub chosen: usize,
    pub capacity: String,
    pub checked_in: usize,
    /// People waiting for a place in it (a full forum's waiting list).
    pub waiting: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/event.html")]
struct OverviewPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    when: String,
    status: String,
    is_draft: bool,
    is_published: bool,
    public_url: Option<String>,
    may_organise: bool,
    links: EventLinks,
    figures: Figures,
    by_type: Vec<Bar>,
    per_day: Vec<Bar>,
    sessions: Vec<SessionFigure>,
    by_answer: Vec<AnswerFigure>,
    privacy: super::privacy::PrivacyPanel,
    certificates: super::certificates::CertificatePanel,
    /// Mail given up (refused for good or failed too often): when, what, to whom, why.
    undeliverable: Vec<UndeliverableLine>,
    /// Anonymising was asked for without the confirmation tick.
    anonymise_unconfirmed: bool,
    /// Dates suggested for a copy: the same day one and two years later.
    copy_slug: String,
    copy_starts: String,
}

/// One given-up mail on the event's page.
pub struct UndeliverableLine {
    pub at: String,
    pub kind: String,
    pub address: String,
    pub reason: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct OverviewQuery {
    anonymise: String,
}

async fn overview(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<OverviewQuery>,
) -> Result<OverviewPage, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let rows = app.attendee_rows(event.id).await?;
    let figures = attendee_list::figures(&rows);
    let zone = event.zone();
    let by_type = bars(
        figures
            .by_organisation_type
            .iter()
            .map(|(kind, count)| (t.get(&format!("org-type-{}", kind.code())), *count))
            .collect(),
    );
    let per_day =
        bars(figures.per_day.iter().map(|(day, count)| (day.format("%d.%m.%Y").to_string(), *count)).collect());
    let waiting = programme::waiting_counts(app.db(), event.id).await?;
    let sessions = programme::for_event(app.db(), event.id)
        .await?
        .into_iter()
        .map(|session| {
            let (chosen, checked_in) = figures.by_session.get(&session.id).copied().unwrap_or_default();
            SessionFigure {
                waiting: waiting.get(&session.id).copied().unwrap_or_default(),
                title: session.title(language).to_owned(),
                chosen,
                capacity: session.capacity.map_or_else(|| "–".to_owned(), |capacity| capacity.to_string()),
                checked_in,
            }
        })
        .collect();
    let by_answer = answer_figures(t, &form_rules::questions(app.db(), event.id).await?, &rows);
    let next_year = event.starts_at.with_timezone(&zone) + chrono::Duration::days(364);
    let privacy = super::privacy::panel(&app, t, &event, &rows).await?;
    let certificates = super::certificates::panel(&app, t, &event).await?;
    let undeliverable = domain::outbox::undeliverable_for_event(app.db(), event.id)
        .await?
        .into_iter()
        .map(|(message, address)| UndeliverableLine {
            at: message.undeliverable_at.map(|at| t.date_time(&at.with_timezone(&zone))).unwrap_or_default(),
            kind: t.get(&format!("admin-mail-{}", sea_orm::ActiveEnum::to_value(&message.kind))),
            address,
            reason: message.last_error.unwrap_or_default(),
        })
        .collect();
    Ok(OverviewPage {
        t,
        nav: Nav::of(&staff),
        csrf: staff.csrf().to_owned(),
        title: event.title(language).to_owned(),
        when: t.span(&event.starts_at.with_timezone(&zone), &event.ends_at.with_timezone(&zone)),
        status: status_label(t, event.status),
        is_draft: event.status == EventStatus::Draft,
        is_published: event.status == EventStatus::Published,
        public_url: (event.status != EventStatus::Draft).then(|| urls::event(&event.slug)),
        may_organise: staff.is_organiser(),
        links: EventLinks::of(event.id),
        figures,
        by_type,
        per_day,
        sessions,
        by_answer,
        privacy,
        certificates,
        undeliverable,
        anonymise_unconfirmed: query.anonymise == "unconfirmed",
        copy_slug: format!("{}-kopie", event.slug),
        copy_starts: next_year.format(super::event_form::LOCAL_FORMAT).to_string(),
    })
}
