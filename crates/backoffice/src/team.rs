//! The team (administrators only): who has access with which role and to which events,
//! invitations by e-mail, and the audit log of every organiser action.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::account::{self, Role};
use domain::audit;
use domain::event_setup;
use domain::person::EmailAddress;
use serde::Deserialize;
use uuid::Uuid;

use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::form::{Choice, FormErrors};
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/team", Access::Administrator, list)
        .post("/admin/team/invite", Access::Administrator, invite)
        .post("/admin/team/{user}", Access::Administrator, set_access)
        .get("/admin/audit", Access::Administrator, audit_log)
}

const ROLES: [(Role, &str); 3] =
    [(Role::DoorStaff, "door"), (Role::Organiser, "organiser"), (Role::Administrator, "admin")];

fn role_value(role: Role) -> &'static str {
    ROLES.iter().find(|(candidate, _)| *candidate == role).map_or("door", |(_, value)| value)
}

fn parse_role(raw: &str) -> Option<Role> {
    ROLES.iter().find(|(_, value)| *value == raw).map(|(role, _)| *role)
}

pub struct EventBox {
    pub id: String,
    pub title: String,
    pub checked: bool,
}

pub struct Member {
    pub name: String,
    pub email: String,
    pub roles: Vec<Choice>,
    pub all_events: bool,
    pub events: Vec<EventBox>,
    pub disabled: bool,
    pub is_self: bool,
    pub url: String,
    pub field_id: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/team.html")]
struct TeamPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    members: Vec<Member>,
    invitations: Vec<String>,
    roles: Vec<Choice>,
    invite_url: String,
    email: String,
    messages: FormErrors,
    invited: Option<String>,
}

fn role_choices(t: Tr, selected: Role) -> Vec<Choice> {
    ROLES
        .iter()
        .map(|(role, value)| Choice::new(*value, t.get(&format!("admin-role-{value}")), *role == selected))
        .collect()
}

async fn page(app: &AppState, t: Tr, staff: &Staff) -> Result<TeamPage, WebError> {
    let events = event_setup::all_events(app.db()).await?;
    let mut members = Vec::new();
    for user in account::team(app.db()).await? {
        let assigned = account::assigned_events(app.db(), user.id).await?;
        members.push(Member {
            roles: role_choices(t, user.role),
            all_events: user.all_events,
            events: events
                .iter()
                .map(|event| EventBox {
                    id: event.id.to_string(),
                    title: event.title(t.language).to_owned(),
                    checked: assigned.contains(&event.id),
                })
                .collect(),
            disabled: user.disabled_at.is_some(),
            is_self: user.id == staff.user().id,
            url: urls::admin_team_member(user.id),
            field_id: user.id.simple().to_string(),
            name: user.name,
            email: user.email,
        });
    }
    let invitations =
        account::pending_invitations(app.db(), Utc::now()).await?.into_iter().map(|link| link.email).collect();
    Ok(TeamPage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        members,
        invitations,
        roles: role_choices(t, Role::Organiser),
        invite_url: urls::admin_team_invite(),
        email: String::new(),
        messages: FormErrors::new(t),
        invited: None,
    })
}

async fn list(State(app): State<AppState>, Lang(language): Lang, staff: Staff) -> Result<TeamPage, WebError> {
    page(&app, Tr::new(language), &staff).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct InviteForm {
    email: String,
    role: String,
}

async fn invite(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let mut page = page(&app, t, &staff).await?;
    page.email = form.email.trim().to_owned();
    let email = page.messages.take("email", EmailAddress::parse(&form.email));
    let role = parse_role(&form.role);
    if role.is_none() {
        page.messages.add("role", t.get("error-invalid-choice"));
    }
    let (Some(email), Some(role)) = (email, role) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let now = Utc::now();
    account::invite(&app.pools().write, &email, role, staff.user().id, language, now).await?;
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action {
            event_id: None,
            action: "team.invite",
            subject: email.as_str(),
            detail: role_value(role).to_owned(),
        },
        now,
    )
    .await?;
    let mut page = self::page(&app, t, &staff).await?;
    page.invited = Some(t.with("admin-invited", "email", email.as_str()));
    Ok(page.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AccessForm {
    role: String,
    all_events: Option<String>,
    events: Vec<Uuid>,
    disabled: Option<String>,
}

async fn set_access(
    State(app): State<AppState>,
    staff: Staff,
    Path(user_id): Path<Uuid>,
    Form(form): Form<AccessForm>,
) -> Result<Response, WebError> {
    let Some(user) = account::by_id(app.db(), user_id).await? else {
        return Err(WebError::NotFound);
    };
    let Some(role) = parse_role(&form.role) else {
        return Ok(StatusCode::BAD_REQUEST.into_response());
    };
    // Nobody locks themselves out: one's own role and access stay as they are.
    if user.id == staff.user().id {
        return Ok(Redirect::to(&urls::admin_team()).into_response());
    }
    let now = Utc::now();
    account::set_access(
        &app.pools().write,
        user.id,
        role,
        form.all_events.is_some(),
        &form.events,
        form.disabled.is_some(),
        now,
    )
    .await?;
    let detail = format!(
        "role {}; all events {}; events {}; disabled {}",
        role_value(role),
        form.all_events.is_some(),
        form.events.len(),
        form.disabled.is_some()
    );
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action { event_id: None, action: "team.access", subject: &user.email, detail },
        now,
    )
    .await?;
    Ok(Redirect::to(&urls::admin_team()).into_response())
}

pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/audit.html")]
struct AuditPage {
    t: Tr,
    nav: Option<Nav>,
    entries: Vec<AuditLine>,
    actions: Vec<Choice>,
    newer_url: Option<String>,
    older_url: Option<String>,
}

/// Every action the log records, in the order the filter offers them; a prefix ending
/// in `.` stands for a group (every export).
const ACTIONS: [&str; 40] = [
    "export.",
    "export.attendees_csv",
    "export.attendees_xlsx",
    "export.signature_list",
    "export.badges",
    "export.report",
    "export.yearly_report",
    "export.check_ins_csv",
    "privacy.export",
    "privacy.download",
    "privacy.erase",
    "privacy.anonymise",
    "privacy.deletion_request",
    "attendee.add",
    "attendee.edit",
    "attendee.cancel",
    "attendee.check_in",
    "attendee.reissue_ticket",
    "registration.approve",
    "registration.decline",
    "registration.move_up",
    "event.create",
    "event.edit",
    "event.duplicate",
    "event.publish",
    "event.cancel",
    "programme.add",
    "programme.edit",
    "programme.remove",
    "form.fields",
    "form.question.add",
    "form.question.edit",
    "form.question.remove",
    "message.send",
    "certificates.send",
    "door.create",
    "door.rename",
    "door.revoke",
    "team.access",
    "settings.operator",
];

/// An action as people read it; a code the list does not know is shown as it is.
fn action_label(t: Tr, code: &str) -> String {
    if ACTIONS.contains(&code) || code == "team.invite" || code == "account.log_in" {
        t.get(&format!("admin-audit-{}", code.trim_end_matches('.').replace(['.', '_'], "-")))
    } else {
        code.to_owned()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AuditQuery {
    action: String,
    page: String,
}

const AUDIT_PAGE: u64 = 100;

async fn audit_log(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Query(query): Query<AuditQuery>,
) -> Result<AuditPage, WebError> {
    let t = Tr::new(language);
    let zone = chrono_tz::Europe::Berlin;
    let action = ACTIONS.iter().copied().find(|known| *known == query.action);
    let page = query.page.parse::<u64>().unwrap_or(1).clamp(1, 10_000);
    // One entry more than shown says whether there is an older page.
    let mut found = audit::page(app.db(), action, (page - 1) * AUDIT_PAGE, AUDIT_PAGE + 1).await?;
    let has_older = found.len() as u64 > AUDIT_PAGE;
    found.truncate(AUDIT_PAGE as usize);
    let entries = found
        .into_iter()
        .map(|entry| AuditLine {
            at: t.date_time(&entry.at.with_timezone(&zone)),
            actor: entry.actor_email,
            action: action_label(t, &entry.action),
            subject: entry.subject,
            detail: entry.detail,
        })
        .collect();
    let link = |page: u64| {
        let mut url = format!("{}?page={page}", urls::admin_audit());
        if let Some(action) = action {
            url.push_str(&format!("&action={action}"));
        }
        url
    };
    let mut actions = vec![Choice::new("", t.get("admin-filter-any"), action.is_none())];
    actions.extend(ACTIONS.iter().map(|code| Choice::new(*code, action_label(t, code), action == Some(*code))));
    Ok(AuditPage {
        t,
        nav: Nav::of(&staff),
        entries,
        actions,
        newer_url: (page > 1).then(|| link(page - 1)),
        older_url: has_older.then(|| link(page + 1)),
    })
}
