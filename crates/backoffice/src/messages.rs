//! Writing to attendees: choose who (the attendee-list filters, or the people ticked in
//! the list), write a German subject and text with placeholders — English and Ukrainian
//! optionally — look at the preview of every version, send. Each registration's contact
//! person gets one mail through the outbox, in the registration's language where that
//! version was written and in German otherwise; the message and its sending are in the
//! audit log.

mod draft;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::attendee_list::AttendeeRow;
use domain::audit;
use domain::event::Event;
use domain::messages::{self, NewMessage, Recipient, language_shares, personalise};
use domain::{Language, programme, registration_form};
use serde::Deserialize;
use uuid::Uuid;

pub use self::draft::MessageForm;
use super::event_pages::{EventLinks, load_event};
use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::form::{Choice, FieldMessage, FormErrors};
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new().get("/admin/events/{event}/messages", Access::Organiser, compose).post(
        "/admin/events/{event}/messages",
        Access::Organiser,
        preview_or_send,
    )
}

pub struct SentLine {
    pub when: String,
    pub subject: String,
    pub recipients: i32,
    /// The written versions' language names.
    pub languages: String,
    /// "to 2 selected people", empty for a filtered group.
    pub selection: String,
}

/// A ticked person the message goes to.
pub struct SelectedPerson {
    pub id: String,
    pub name: String,
}

/// How many registrations of one language there are and which version they read.
pub struct ShareLine {
    /// The language's own name ("English"), marked with its code on the page.
    pub reader: String,
    pub reader_code: &'static str,
    pub registrations: usize,
    pub gets: String,
    pub gets_code: &'static str,
}

/// One written version as its first reader will see it.
pub struct PreviewVersion {
    pub language: String,
    pub code: &'static str,
    pub subject: String,
    pub body: String,
}

pub struct Preview {
    pub recipients: usize,
    pub shares: Vec<ShareLine>,
    pub versions: Vec<PreviewVersion>,
    /// Where replies go, in words.
    pub replies: String,
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
    /// The ticked people (only those of this event); empty when writing to a filtered group.
    selection: Vec<SelectedPerson>,
    statuses: Vec<Choice>,
    sessions: Vec<Choice>,
    organisation_types: Vec<Choice>,
    checked_in: Vec<Choice>,
    answers: Vec<Choice>,
    messages: FormErrors,
    /// The messages above the form, each naming its field (three fields are called "Text").
    summary: Vec<FieldMessage>,
    preview: Option<Preview>,
    sent: Vec<SentLine>,
    notice: Option<String>,
}

/// The form's fields in the order of the page, each with its label where the summary
/// above the form must name it.
const FIELDS: [(&str, Option<&str>); 9] = [
    ("status", None),
    ("selected", None),
    ("subject", Some("admin-messages-subject")),
    ("body", Some("admin-messages-body")),
    ("subject_en", Some("admin-messages-subject-en")),
    ("body_en", Some("admin-messages-body-en")),
    ("subject_uk", Some("admin-messages-subject-uk")),
    ("body_uk", Some("admin-messages-body-uk")),
    ("reply_to", Some("admin-messages-reply-to")),
];

fn summary(t: Tr, messages: &mut FormErrors) -> Vec<FieldMessage> {
    let place = |field: &str| FIELDS.iter().position(|(name, _)| *name == field).unwrap_or(FIELDS.len());
    messages.sort_by_place(place);
    messages.summary(|field| {
        FIELDS.iter().find(|(name, _)| *name == field).and_then(|(_, label)| label.map(|key| t.get(key)))
    })
}

fn language_name(t: Tr, language: Language) -> String {
    t.get(&format!("language-name-{}", language.code()))
}

async fn page(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    event: &Event,
    form: MessageForm,
    selection: &[AttendeeRow],
    mut messages: FormErrors,
) -> Result<MessagesPage, WebError> {
    let sessions = programme::for_event(app.db(), event.id).await?;
    let query = form.query();
    let (statuses, session_choices, organisation_types, checked_in) =
        super::list_query::filter_choices(t, &query, &sessions);
    let questions = registration_form::questions(app.db(), event.id).await?;
    let answers = super::list_query::answer_choices(t, &query, &questions);
    let zone = event.zone();
    let sent = messages::for_event(app.db(), event.id)
        .await?
        .into_iter()
        .map(|message| SentLine {
            when: t.date_time(&message.created_at.with_timezone(&zone)),
            languages: message
                .versions()
                .written()
                .into_iter()
                .map(|(language, _)| language_name(t, language))
                .collect::<Vec<_>>()
                .join(", "),
            selection: message
                .selected_people
                .map(|people| t.count("admin-messages-history-selected", "count", i64::from(people)))
                .unwrap_or_default(),
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
        selection: selection
            .iter()
            .map(|row| SelectedPerson { id: row.attendee.id.to_string(), name: row.full_name() })
            .collect(),
        statuses,
        sessions: session_choices,
        organisation_types,
        checked_in,
        answers,
        summary: summary(t, &mut messages),
        messages,
        preview: None,
        sent,
        notice: None,
    })
}

/// A fresh form: replies go to the signed-in organiser unless they change it. A message
/// invites questions, and the sender address is often a mailbox nobody reads; the field
/// shows the address, so sending it to attendees is seen and can be changed or emptied.
fn fresh_form(staff: &Staff) -> MessageForm {
    MessageForm { status: "confirmed".into(), reply_to: staff.user().email.clone(), ..MessageForm::default() }
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
    let event = load_event(&app, event_id).await?;
    let mut page = page(&app, t, &staff, &event, fresh_form(&staff), &[], FormErrors::new(t)).await?;
    page.notice = query.sent.map(|count| t.count("admin-messages-sent", "count", count as i64));
    Ok(page)
}

/// The composer for the people ticked in the attendee list (its bulk action "write a
/// message"); `rows` are already limited to this event.
pub(crate) async fn compose_to_selection(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    event: &Event,
    rows: &[AttendeeRow],
) -> Result<Response, WebError> {
    let form =
        MessageForm { selected: rows.iter().map(|row| row.attendee.id.to_string()).collect(), ..fresh_form(staff) };
    Ok(page(app, t, staff, event, form, rows, FormErrors::new(t)).await?.into_response())
}

/// Who the message goes to, each once, in the list's order, with the language they read:
/// a member of a delegation with an address of their own gets it there, in their own
/// language; everyone else through their registration's contact person.
fn recipients_of(rows: &[AttendeeRow]) -> Vec<(Recipient, domain::Language)> {
    let mut recipients: Vec<(Recipient, domain::Language)> = Vec::new();
    for row in rows {
        let own_address =
            row.attendee.position > 0 && domain::outbox::has_own_address(&row.attendee.email, &row.contact_email);
        let (recipient, language) = if own_address {
            let member = Recipient { registration_id: row.registration_id, member: Some(row.attendee.id) };
            (member, row.attendee.language.unwrap_or(row.language))
        } else {
            (Recipient { registration_id: row.registration_id, member: None }, row.language)
        };
        if !recipients.iter().any(|(known, _)| *known == recipient) {
            recipients.push((recipient, language));
        }
    }
    recipients
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
    let all = app.attendee_rows(event.id).await?;
    // Ticked people are looked up among this event's attendees: an id of another event's
    // attendee (or no id at all) chooses nobody. A selection never falls back to the
    // filters, which would reach far more people than were ticked.
    let rows: Vec<AttendeeRow> = if form.is_selection() {
        let ids = form.selected_ids();
        all.iter().filter(|row| ids.contains(&row.attendee.id)).cloned().collect()
    } else {
        form.query().filter().apply(&all).into_iter().cloned().collect()
    };
    let selection: &[AttendeeRow] = if form.is_selection() { &rows } else { &[] };
    let mut errors = FormErrors::new(t);
    let message = form.parse(&mut errors, form.is_selection().then_some(selection.len()));
    let recipients = recipients_of(&rows);
    if recipients.is_empty() {
        errors.add(if selection.is_empty() { "status" } else { "selected" }, t.get("admin-messages-nobody"));
    }
    let message = match message {
        Some(message) if errors.is_empty() => message,
        _ => {
            let page = page(&app, t, &staff, &event, form, selection, errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    if form.action != "send" {
        let preview = preview(&app, t, &event, &message, &rows);
        let mut page = page(&app, t, &staff, &event, form, selection, errors).await?;
        page.preview = Some(preview);
        return Ok(page.into_response());
    }
    let now = Utc::now();
    let addressed: Vec<Recipient> = recipients.iter().map(|(recipient, _)| *recipient).collect();
    let stored = messages::send(app.pools(), event.id, staff.user(), &message, &addressed, now).await?;
    let languages: Vec<&str> = message.versions.written().into_iter().map(|(language, _)| language.code()).collect();
    let audience = match message.selected_people {
        Some(people) => format!("{people} people ticked"),
        None => format!("filter: {}", form.query().with(None, None)),
    };
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action {
            event_id: Some(event.id),
            action: "message.send",
            subject: &stored.subject,
            detail: format!("{} recipients; versions: {}; {audience}", recipients.len(), languages.join(", ")),
        },
        now,
    )
    .await?;
    Ok(Redirect::to(&format!("{}?sent={}", urls::admin_messages(event.id), recipients.len())).into_response())
}

/// Every written version as its first reader sees it (the first recipient overall where
/// nobody reads that version), and who reads which.
fn preview(app: &AppState, t: Tr, event: &Event, message: &NewMessage, rows: &[AttendeeRow]) -> Preview {
    let versions = &message.versions;
    // One reader per recipient: the contact person reads in the registration's language,
    // a member at their own address in theirs.
    let readers = recipients_of(rows);
    let name_of = |recipient: &Recipient| {
        rows.iter()
            .find(|row| match recipient.member {
                Some(member) => row.attendee.id == member,
                None => row.registration_id == recipient.registration_id,
            })
            .map(AttendeeRow::full_name)
            .unwrap_or_default()
    };
    let shares = language_shares(versions, readers.iter().map(|(_, language)| *language))
        .into_iter()
        .map(|share| ShareLine {
            reader: language_name(t, share.reader),
            reader_code: share.reader.code(),
            registrations: share.registrations,
            gets: language_name(t, share.gets),
            gets_code: share.gets.code(),
        })
        .collect();
    let link = format!("{}{}", app.public_url(), urls::manage("…"));
    let previews = versions
        .written()
        .into_iter()
        .map(|(language, text)| {
            let first = readers
                .iter()
                .find(|(_, reads)| versions.for_reader(*reads).0 == language)
                .or(readers.first())
                .map(|(recipient, _)| name_of(recipient))
                .unwrap_or_default();
            let title = event.title(language);
            PreviewVersion {
                language: language_name(t, language),
                code: language.code(),
                subject: personalise(&text.subject, &first, title, &link),
                body: personalise(&text.body, &first, title, &link),
            }
        })
        .collect();
    Preview {
        recipients: readers.len(),
        shares,
        versions: previews,
        replies: match &message.reply_to {
            Some(address) => t.with("admin-messages-replies-to", "address", address.as_str()),
            None => t.get("admin-messages-replies-to-sender"),
        },
    }
}
