//! Writing to attendees: choose who (the attendee-list filters), write a subject and a
//! text with placeholders, look at the preview for the first recipient, send. Each
//! registration's contact person gets one mail through the outbox; the message and its
//! sending are in the audit log.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::audit;
use domain::messages::{self, personalise};
use domain::person::{InvalidInput, MAX_TEXT_CHARS, clean_optional_text, clean_text};
use domain::programme;
use serde::Deserialize;
use uuid::Uuid;

use super::event_pages::{EventLinks, load_event};
use super::form::Nav;
use super::list_query::ListQuery;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::form::{Choice, FormErrors};
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new().get("/admin/events/{event}/messages", Access::Organiser, compose).post(
        "/admin/events/{event}/messages",
        Access::Organiser,
        preview_or_send,
    )
}

/// The form as typed: who (the list's filters) and what.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    status: String,
    session: String,
    org_type: String,
    checked_in: String,
    subject: String,
    body: String,
    action: String,
}

impl MessageForm {
    fn query(&self) -> ListQuery {
        ListQuery {
            status: self.status.clone(),
            session: self.session.clone(),
            org_type: self.org_type.clone(),
            checked_in: self.checked_in.clone(),
            ..ListQuery::default()
        }
    }
}

pub struct SentLine {
    pub when: String,
    pub subject: String,
    pub recipients: i32,
}

pub struct Preview {
    pub recipients: usize,
    pub subject: String,
    pub body: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/messages.html")]
struct MessagesPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    links: EventLinks,
    action: String,
    form: MessageForm,
    statuses: Vec<Choice>,
    sessions: Vec<Choice>,
    organisation_types: Vec<Choice>,
    checked_in: Vec<Choice>,
    messages: FormErrors,
    preview: Option<Preview>,
    sent: Vec<SentLine>,
    notice: Option<String>,
}

async fn page(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    event_id: Uuid,
    form: MessageForm,
    messages: FormErrors,
) -> Result<MessagesPage, WebError> {
    let event = load_event(app, event_id).await?;
    let sessions = programme::for_event(app.db(), event.id).await?;
    let (statuses, session_choices, organisation_types, checked_in) =
        super::list_query::filter_choices(t, &form.query(), &sessions);
    let zone = event.zone();
    let sent = messages::for_event(app.db(), event.id)
        .await?
        .into_iter()
        .map(|message| SentLine {
            when: t.date_time(&message.created_at.with_timezone(&zone)),
            subject: message.subject,
            recipients: message.recipients,
        })
        .collect();
    Ok(MessagesPage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-messages-of", "event", event.title(t.language)),
        links: EventLinks::of(event.id),
        action: urls::admin_messages(event.id),
        form,
        statuses,
        sessions: session_choices,
        organisation_types,
        checked_in,
        messages,
        preview: None,
        sent,
        notice: None,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SentQuery {
    sent: Option<usize>,
}

async fn compose(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Query(query): Query<SentQuery>,
) -> Result<MessagesPage, WebError> {
    let t = Tr::new(language);
    let form = MessageForm { status: "confirmed".into(), ..MessageForm::default() };
    let mut page = page(&app, t, &staff, event_id, form, FormErrors::new(t)).await?;
    page.notice = query.sent.map(|count| t.count("admin-messages-sent", "count", count as i64));
    Ok(page)
}

/// A message text: line breaks are fine, other control characters are not.
fn clean_body(raw: &str) -> Result<String, InvalidInput> {
    let text = raw.trim().replace("\r\n", "\n");
    if text.is_empty() {
        return Err(InvalidInput::Required);
    }
    if text.chars().count() > 10_000 {
        return Err(InvalidInput::TooLong);
    }
    text.split('\n')
        .map(|line| clean_optional_text(line, 10_000))
        .collect::<Result<Vec<_>, _>>()
        .map(|lines| lines.join("\n"))
}

async fn preview_or_send(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<MessageForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let mut errors = FormErrors::new(t);
    let subject = errors.take("subject", clean_text(&form.subject, MAX_TEXT_CHARS));
    let body = errors.take("body", clean_body(&form.body));
    let all = app.attendee_rows(event.id).await?;
    let chosen = form.query().filter().apply(&all);
    let mut registration_ids: Vec<Uuid> = Vec::new();
    for row in &chosen {
        if !registration_ids.contains(&row.registration_id) {
            registration_ids.push(row.registration_id);
        }
    }
    if registration_ids.is_empty() {
        errors.add("status", t.get("admin-messages-nobody"));
    }
    let (Some(subject), Some(body)) = (subject, body) else {
        let page = page(&app, t, &staff, event.id, form, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    if !errors.is_empty() {
        let page = page(&app, t, &staff, event.id, form, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    if form.action != "send" {
        // The preview shows what the first recipient will read.
        let first = chosen.first().map(|row| row.full_name()).unwrap_or_default();
        let title = event.title(language);
        let link = format!("{}{}", app.public_url(), urls::manage("…"));
        let mut page = page(&app, t, &staff, event.id, form, errors).await?;
        page.preview = Some(Preview {
            recipients: registration_ids.len(),
            subject: personalise(&subject, &first, title, &link),
            body: personalise(&body, &first, title, &link),
        });
        return Ok(page.into_response());
    }
    let now = Utc::now();
    let message = messages::send(app.pools(), event.id, staff.user(), &subject, &body, &registration_ids, now).await?;
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action {
            event_id: Some(event.id),
            action: "message.send",
            subject: &message.subject,
            detail: format!("{} recipients", registration_ids.len()),
        },
        now,
    )
    .await?;
    Ok(Redirect::to(&format!("{}?sent={}", urls::admin_messages(event.id), registration_ids.len())).into_response())
}
