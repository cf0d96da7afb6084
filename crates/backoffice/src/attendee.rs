//! One attendee's page in the back office (answers, sessions, ticket, check-ins,
//! e-mails, history) and its actions: cancel, approve, decline, re-issue the ticket,
//! check in at the office.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::checkin::{self, Presented, ScanRequest, ScanResult};
use domain::registration::{self, RegistrationStatus};
use domain::registration_form as form_rules;
use domain::{audit, door, programme};
use serde::Deserialize;
use uuid::Uuid;

use super::attendees::{find_row, record, status_label};
use super::event_pages::load_event;
use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::error::WebError;
use site::i18n::{Lang, Tr};
use site::{AppState, urls};

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/attendees/{attendee}", Access::Organiser, detail)
        .post("/admin/events/{event}/attendees/{attendee}/cancel", Access::Organiser, cancel)
        .post("/admin/events/{event}/attendees/{attendee}/reissue", Access::Organiser, reissue)
        .post("/admin/events/{event}/attendees/{attendee}/approve", Access::Organiser, approve)
        .post("/admin/events/{event}/attendees/{attendee}/decline", Access::Organiser, decline)
        .post("/admin/events/{event}/attendees/{attendee}/check-in", Access::Organiser, check_in)
}

pub struct Line {
    pub label: String,
    pub value: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/attendee.html")]
struct DetailPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    event_title: String,
    back_url: String,
    facts: Vec<Line>,
    sessions: Vec<String>,
    answers: Vec<site::questions::GivenAnswer>,
    ticket: Option<String>,
    check_ins: Vec<Line>,
    mails: Vec<Line>,
    history: Vec<Line>,
    is_cancelled: bool,
    is_checked_in: bool,
    awaits_approval: bool,
    approve_url: String,
    decline_url: String,
    cancel_url: String,
    reissue_url: String,
    check_in_url: String,
    edit_url: String,
    /// When this person's data was erased (or the event's anonymised).
    erased: Option<String>,
    /// When the registration asked for erasure.
    deletion_requested: Option<String>,
    export_url: String,
    erase_url: String,
    /// Erasing was asked for without the confirmation tick.
    erase_unconfirmed: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DetailQuery {
    erase: String,
}

async fn detail(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
    Query(query): Query<DetailQuery>,
) -> Result<DetailPage, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let row = find_row(&app, event.id, attendee_id).await?;
    let zone = event.zone();
    let at = |at: chrono::DateTime<Utc>| t.date_time(&at.with_timezone(&zone));
    let attendee = &row.attendee;
    let facts = vec![
        Line { label: t.get("admin-col-status"), value: status_label(t, row.status) },
        Line { label: t.get("field-email"), value: attendee.email.clone() },
        Line { label: t.get("field-organisation"), value: attendee.organisation.clone() },
        Line {
            label: t.get("field-organisation-type"),
            value: t.get(&format!("org-type-{}", attendee.organisation_type.code())),
        },
        Line { label: t.get("admin-col-partner-municipality"), value: attendee.partner_municipality.clone() },
        Line { label: t.get("admin-col-contact"), value: row.contact_email.clone() },
        Line { label: t.get("admin-col-language"), value: t.get(&format!("language-name-{}", row.language.code())) },
        Line { label: t.get("admin-col-registered"), value: at(attendee.created_at) },
        Line { label: t.get("admin-col-consent"), value: at(attendee.data_consent_at) },
    ];
    let mut sessions: Vec<String> = programme::for_event(app.db(), event.id)
        .await?
        .into_iter()
        .filter(|session| row.session_ids.contains(&session.id))
        .map(|session| session.title(language).to_owned())
        .collect();
    let answers = site::questions::given_answers(
        t,
        &form_rules::questions(app.db(), event.id).await?,
        &form_rules::answers_of(app.db(), &[attendee_id]).await?,
        zone,
    );
    let details = registration::by_id(app.db(), row.registration_id).await?;
    let waiting_for = details
        .as_ref()
        .and_then(|details| details.attendees.iter().find(|a| a.attendee.id == attendee_id))
        .map(|a| a.waiting_for.clone())
        .unwrap_or_default();
    sessions.extend(
        waiting_for.iter().map(|session| t.with("session-on-waiting-list", "session", session.title(language))),
    );
    let ticket = details
        .as_ref()
        .and_then(|details| details.attendees.iter().find(|a| a.attendee.id == attendee_id))
        .and_then(|a| a.ticket.as_ref())
        .map(|ticket| t.count("admin-ticket-version", "version", i64::from(ticket.version)));
    let devices = door::names(app.db(), event.id).await?;
    let overview = checkin::overview(app.db(), event.id).await?;
    let check_ins = overview
        .check_ins
        .iter()
        .filter(|check_in| check_in.attendee_id == attendee_id)
        .map(|check_in| Line {
            label: at(check_in.checked_in_at),
            value: format!(
                "{} · {}",
                devices.get(&check_in.device_id).cloned().unwrap_or_default(),
                t.get(&format!("admin-method-{}", check_in.method))
            ),
        })
        .collect();
    let mails = domain::outbox::for_registration(app.db(), row.registration_id)
        .await?
        .into_iter()
        .map(|message| Line {
            label: at(message.created_at),
            value: format!(
                "{} · {}",
                // The stored name of the kind (serde's spelling differs for some kinds).
                t.get(&format!("admin-mail-{}", sea_orm::ActiveEnum::to_value(&message.kind))),
                match (message.sent_at, message.undeliverable_at) {
                    (Some(sent), _) => t.with("admin-mail-sent-at", "time", &at(sent)),
                    // Given up: say so, with the mail server's reason, so that organisers
                    // can reach the person another way.
                    (None, Some(_)) => format!(
                        "{} · {}",
                        t.count("admin-mail-undeliverable", "attempts", i64::from(message.attempts)),
                        message.last_error.as_deref().unwrap_or_default()
                    ),
                    (None, None) => t.count("admin-mail-pending", "attempts", i64::from(message.attempts)),
                }
            ),
        })
        .collect();
    let mut entries = audit::about(app.db(), event.id, &format!("attendee:{attendee_id}")).await?;
    entries.extend(audit::about(app.db(), event.id, &format!("registration:{}", row.registration_id)).await?);
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.at));
    let history = entries
        .into_iter()
        .map(|entry| {
            // Participants act from their registration page, without an account.
            let actor = if entry.actor_id.is_none() { t.get("admin-actor-participant") } else { entry.actor_email };
            Line { label: at(entry.at), value: format!("{} · {actor}", entry.action) }
        })
        .collect();
    let mut facts = facts;
    if let Some(wording) = details.as_ref().map(|details| &details.registration.consent_wording)
        && !wording.is_empty()
    {
        facts.push(Line { label: t.get("admin-col-consent-wording"), value: wording.clone() });
    }
    let deletion_requested = details
        .as_ref()
        .and_then(|details| details.registration.deletion_requested_at)
        .map(|asked| t.with("admin-privacy-request-notice", "time", &at(asked)));
    Ok(DetailPage {
        t,
        nav: Nav::of(&staff),
        csrf: staff.csrf().to_owned(),
        title: super::privacy::shown_name(t, &row),
        event_title: event.title(language).to_owned(),
        back_url: urls::admin_attendees(event.id),
        erased: attendee.anonymised_at.map(|erased| t.with("admin-privacy-erased-at", "time", &at(erased))),
        deletion_requested,
        export_url: urls::admin_attendee_data(event.id, attendee_id),
        erase_url: urls::admin_attendee_erase(event.id, attendee_id),
        erase_unconfirmed: query.erase == "unconfirmed",
        facts,
        sessions,
        answers,
        ticket,
        check_ins,
        mails,
        history,
        is_cancelled: row.status == RegistrationStatus::Cancelled,
        is_checked_in: row.checked_in_at.is_some(),
        awaits_approval: row.status == RegistrationStatus::AwaitingApproval,
        approve_url: urls::admin_attendee_action(event.id, attendee_id, "approve"),
        decline_url: urls::admin_attendee_action(event.id, attendee_id, "decline"),
        cancel_url: urls::admin_attendee_action(event.id, attendee_id, "cancel"),
        reissue_url: urls::admin_attendee_action(event.id, attendee_id, "reissue"),
        check_in_url: urls::admin_attendee_action(event.id, attendee_id, "check-in"),
        edit_url: urls::admin_attendee_action(event.id, attendee_id, "edit"),
    })
}

#[derive(Deserialize)]
struct ConfirmForm {
    confirm: Option<String>,
}

/// Cancels one person, after a page that asks to confirm (as for several).
async fn cancel(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    if form.confirm.is_none() {
        let t = Tr::new(language);
        return Ok(super::attendees::ConfirmBulkPage {
            t,
            nav: Nav::of(&staff),
            csrf: staff.csrf().to_owned(),
            action: urls::admin_attendee_action(event_id, attendee_id, "cancel"),
            names: vec![row.full_name()],
            ids: vec![attendee_id.to_string()],
            back: urls::admin_attendee(event_id, attendee_id),
        }
        .into_response());
    }
    if registration::cancel_attendee(app.pools(), row.registration_id, attendee_id, Utc::now()).await? {
        record(&app, &staff, event_id, "attendee.cancel", &row, String::new()).await?;
    }
    Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
}

/// Approves the whole registration this attendee belongs to (a delegation is approved
/// together).
async fn approve(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    if registration::approve(app.pools(), row.registration_id, Utc::now()).await? {
        record(&app, &staff, event_id, "registration.approve", &row, String::new()).await?;
    }
    Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
}

async fn decline(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    if row.status == RegistrationStatus::AwaitingApproval
        && registration::decline(app.pools(), row.registration_id, Utc::now()).await?
    {
        record(&app, &staff, event_id, "registration.decline", &row, String::new()).await?;
    }
    Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
}

async fn reissue(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let row = find_row(&app, event_id, attendee_id).await?;
    if let Some(ticket) = registration::reissue_ticket(app.pools(), attendee_id, Utc::now()).await? {
        record(&app, &staff, event_id, "attendee.reissue_ticket", &row, format!("version {}", ticket.version)).await?;
    }
    Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response())
}

async fn check_in(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, attendee_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let row = find_row(&app, event_id, attendee_id).await?;
    let now = Utc::now();
    let label = t.with("admin-office-device", "name", &staff.user().name);
    let device = door::office_device(&app.pools().write, event_id, staff.user().id, &label, now).await?;
    let request = ScanRequest {
        presented: Presented::Attendee(attendee_id),
        scan_id: format!("office-{}", domain::ids::new_id().simple()),
        programme_session_id: None,
        offline_at: None,
    };
    let answer = checkin::redeem(app.pools(), app.verifier(), &device, &request, now)
        .await
        .map_err(|err| WebError::Internal(err.to_string()))?;
    if answer.result == ScanResult::Ok {
        record(&app, &staff, event_id, "attendee.check_in", &row, String::new()).await?;
        return Ok(Redirect::to(&urls::admin_attendee(event_id, attendee_id)).into_response());
    }
    let notice = super::Notice {
        t,
        nav: Nav::of(&staff),
        title: t.get("admin-check-in-title"),
        text: t.get(&format!("admin-scan-{}", answer.result.code())),
        back: urls::admin_attendee(event_id, attendee_id),
    };
    Ok((StatusCode::CONFLICT, notice).into_response())
}
