//! What organisers do with personal data: see when an event's data will be anonymised
//! and anonymise it once the event is over, see the participants' erasure requests,
//! export one person's data and erase it. Every such action is in the audit log.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::attendee_list::AttendeeRow;
use domain::audit;
use domain::event::Event;
use domain::privacy::{self, Erasure};
use serde::Deserialize;
use uuid::Uuid;

use super::event_pages::load_event;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::i18n::Tr;
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/attendees/{attendee}/data.json", Access::Organiser, export)
        .post("/admin/events/{event}/attendees/{attendee}/erase", Access::Organiser, erase)
        .post("/admin/events/{event}/anonymise", Access::Organiser, anonymise)
}

/// The name an organiser sees: anonymised people have none.
pub fn shown_name(t: Tr, row: &AttendeeRow) -> String {
    if row.attendee.anonymised_at.is_some() { t.get("admin-anonymised-person") } else { row.full_name() }
}

/// The event page's privacy section.
pub struct PrivacyPanel {
    /// "Personal data will be anonymised on …" or "was anonymised on …".
    pub status: String,
    /// Offered once the event is over and until it is done.
    pub anonymise_url: Option<String>,
    pub requests: Vec<RequestLine>,
}

/// A person whose erasure was asked for and is not done yet.
pub struct RequestLine {
    pub name: String,
    pub requested: String,
    pub url: String,
}

pub async fn panel(app: &AppState, t: Tr, event: &Event, rows: &[AttendeeRow]) -> Result<PrivacyPanel, WebError> {
    let zone = event.zone();
    let at = |at: chrono::DateTime<Utc>| t.date_time(&at.with_timezone(&zone));
    let now = Utc::now();
    let status = match event.anonymised_at {
        Some(done) => t.with("admin-privacy-anonymised", "time", &at(done)),
        None => {
            let count = rows.iter().filter(|row| row.attendee.anonymised_at.is_none()).count();
            t.count_with(
                "admin-privacy-due",
                "count",
                count as i64,
                &[("time", &at(privacy::anonymised_from(event))), ("days", &event.retention_days.to_string())],
            )
        }
    };
    let requested = privacy::deletion_requests(app.db(), event.id).await?;
    let requests = rows
        .iter()
        .filter(|row| row.attendee.anonymised_at.is_none())
        .filter_map(|row| {
            let (_, asked) = requested.iter().find(|(registration, _)| *registration == row.registration_id)?;
            Some(RequestLine {
                name: row.full_name(),
                requested: at(*asked),
                url: urls::admin_attendee(event.id, row.attendee.id),
            })
        })
        .collect();
    Ok(PrivacyPanel {
        status,
        anonymise_url: (event.anonymised_at.is_none() && event.ends_at <= now).then(|| urls::admin_anonymise(event.id)),
        requests,
    })
}

async fn export(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let event = load_event(&app, event_id).await?;
    let details = domain::registration::by_attendee(app.db(), attendee_id)
        .await?
        .filter(|details| details.event.id == event.id)
        .ok_or(WebError::NotFound)?;
    let data = documents::personal_data::export(app.db(), &details, Some(attendee_id)).await?;
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action {
            event_id: Some(event.id),
            action: "privacy.export",
            subject: "",
            detail: format!("attendee:{attendee_id}"),
        },
        Utc::now(),
    )
    .await?;
    site::download::json_download(&data, &format!("treffpunkt-person-{}.json", attendee_id.simple()))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ConfirmForm {
    confirm: Option<String>,
}

async fn erase(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    let event = load_event(&app, event_id).await?;
    let back = urls::admin_attendee(event.id, attendee_id);
    if form.confirm.is_none() {
        return Ok(Redirect::to(&format!("{back}?erase=unconfirmed#erase")).into_response());
    }
    let belongs = app.attendee_rows(event.id).await?.iter().any(|row| row.attendee.id == attendee_id);
    if !belongs {
        return Err(WebError::NotFound);
    }
    let now = Utc::now();
    match privacy::erase_attendee(app.pools(), attendee_id, now).await? {
        Erasure::Erased { cancelled } => {
            audit::record(
                &app.pools().write,
                staff.user(),
                audit::Action {
                    event_id: Some(event.id),
                    action: "privacy.erase",
                    subject: "",
                    detail: format!("attendee:{attendee_id}{}", if cancelled { " place cancelled" } else { "" }),
                },
                now,
            )
            .await?;
            app.page_cache().invalidate();
            Ok(Redirect::to(&back).into_response())
        }
        Erasure::AlreadyErased => Ok(Redirect::to(&back).into_response()),
        Erasure::NotFound => Err(WebError::NotFound),
    }
}

async fn anonymise(
    State(app): State<AppState>,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    let event = load_event(&app, event_id).await?;
    let back = urls::admin_event(event.id);
    if form.confirm.is_none() {
        return Ok(Redirect::to(&format!("{back}?anonymise=unconfirmed#privacy")).into_response());
    }
    let now = Utc::now();
    // Only after the event: before it, the door still needs the names.
    if event.anonymised_at.is_some() || now < event.ends_at {
        return Ok(Redirect::to(&back).into_response());
    }
    let people = privacy::anonymise_event(app.pools(), event.id, now).await?;
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action {
            event_id: Some(event.id),
            action: "privacy.anonymise",
            subject: &event.title_de,
            detail: format!("{people} attendees"),
        },
        now,
    )
    .await?;
    app.page_cache().invalidate();
    Ok(Redirect::to(&back).into_response())
}
