//! Door devices of one event: create one (its link and a QR code to open it on a phone,
//! shown once), list, rename, revoke.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use domain::audit;
use domain::door;
use serde::Deserialize;
use uuid::Uuid;

use super::event_pages::load_event;
use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::form::FormErrors;
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/doors", Access::Door, list)
        .post("/admin/events/{event}/doors", Access::Door, create)
        .post("/admin/events/{event}/doors/{device}/rename", Access::Door, rename)
        .post("/admin/events/{event}/doors/{device}/revoke", Access::Door, revoke)
}

pub struct DeviceLine {
    pub name: String,
    pub created: String,
    pub revoked: Option<String>,
    pub rename_url: String,
    pub revoke_url: String,
    pub field_id: String,
}

/// The link of a device just created: the only moment its token can be shown.
pub struct NewDevice {
    pub name: String,
    pub link: String,
    pub qr_svg: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/doors.html")]
struct DoorsPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    back_url: String,
    create_url: String,
    devices: Vec<DeviceLine>,
    created: Option<NewDevice>,
    /// What was typed (not `name`: inside the fields macro that is the field's name).
    typed_name: String,
    messages: FormErrors,
}

async fn page(app: &AppState, t: Tr, staff: &Staff, event_id: Uuid) -> Result<DoorsPage, WebError> {
    let event = load_event(app, event_id).await?;
    let zone = event.zone();
    let devices = door::for_event(app.db(), event.id)
        .await?
        .into_iter()
        .map(|device| DeviceLine {
            created: t.date_time(&device.created_at.with_timezone(&zone)),
            revoked: device.revoked_at.map(|at| t.date_time(&at.with_timezone(&zone))),
            rename_url: urls::admin_door_action(event.id, device.id, "rename"),
            revoke_url: urls::admin_door_action(event.id, device.id, "revoke"),
            field_id: device.id.simple().to_string(),
            name: device.name,
        })
        .collect();
    Ok(DoorsPage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-doors-of", "event", event.title(t.language)),
        back_url: urls::admin_event(event.id),
        create_url: urls::admin_doors(event.id),
        devices,
        created: None,
        typed_name: String::new(),
        messages: FormErrors::new(t),
    })
}

async fn list(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
) -> Result<DoorsPage, WebError> {
    page(&app, Tr::new(language), &staff, event_id).await
}

#[derive(Deserialize)]
struct NameForm {
    #[serde(default)]
    name: String,
}

/// The QR code of a door link, as inline SVG with a text alternative.
fn qr_svg(link: &str, label: &str) -> Result<String, WebError> {
    documents::qr::inline_svg(link, label).map_err(WebError::internal)
}

async fn create(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<NameForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let now = Utc::now();
    match door::create(&app.pools().write, event.id, &form.name, now).await? {
        Ok((device, token)) => {
            audit::record(
                &app.pools().write,
                staff.user(),
                audit::Action {
                    event_id: Some(event.id),
                    action: "door.create",
                    subject: &device.name,
                    detail: String::new(),
                },
                now,
            )
            .await?;
            let mut page = page(&app, t, &staff, event.id).await?;
            let link = format!("{}{}", app.public_url(), urls::door(&token));
            page.created = Some(NewDevice {
                qr_svg: qr_svg(&link, &t.with("admin-door-qr-alt", "name", &device.name))?,
                name: device.name,
                link,
            });
            Ok(page.into_response())
        }
        Err(invalid) => {
            let mut page = page(&app, t, &staff, event.id).await?;
            page.typed_name = form.name;
            page.messages.invalid("name", invalid);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn device_of_event(app: &AppState, event_id: Uuid, device_id: Uuid) -> Result<door::DoorDevice, WebError> {
    door::for_event(app.db(), event_id)
        .await?
        .into_iter()
        .find(|device| device.id == device_id)
        .ok_or(WebError::NotFound)
}

async fn rename(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, device_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<NameForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let device = device_of_event(&app, event_id, device_id).await?;
    let renamed = door::rename(&app.pools().write, device.id, &form.name).await?;
    app.forget_door_devices();
    match renamed {
        Ok(()) => {
            audit::record(
                &app.pools().write,
                staff.user(),
                audit::Action {
                    event_id: Some(event_id),
                    action: "door.rename",
                    subject: &device.name,
                    detail: form.name.trim().to_owned(),
                },
                Utc::now(),
            )
            .await?;
            Ok(Redirect::to(&urls::admin_doors(event_id)).into_response())
        }
        Err(invalid) => {
            let mut page = page(&app, t, &staff, event_id).await?;
            page.messages.invalid(format!("rename-{}", device.id.simple()), invalid);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn revoke(
    State(app): State<AppState>,
    staff: Staff,
    Path((event_id, device_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, WebError> {
    let device = device_of_event(&app, event_id, device_id).await?;
    let now = Utc::now();
    let revoked = door::revoke(&app.pools().write, device.id, now).await?;
    app.forget_door_devices();
    if revoked {
        audit::record(
            &app.pools().write,
            staff.user(),
            audit::Action {
                event_id: Some(event_id),
                action: "door.revoke",
                subject: &device.name,
                detail: String::new(),
            },
            now,
        )
        .await?;
    }
    Ok(Redirect::to(&urls::admin_doors(event_id)).into_response())
}
