//! Certificates of attendance from the organisers' side: after the event, one step
//! mails every registration with someone checked in their certificates.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use domain::audit;
use domain::certificate;
use domain::event::Event;
use uuid::Uuid;

use super::event_pages::load_event;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::i18n::Tr;
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new().post("/admin/events/{event}/certificates", Access::Organiser, send_all)
}

/// The event page's certificate section.
pub struct CertificatePanel {
    /// What can be done now, in words.
    pub status: String,
    /// Offered after the event while some registration has not had its mail.
    pub send_url: Option<String>,
}

pub async fn panel(app: &AppState, t: Tr, event: &Event) -> Result<CertificatePanel, WebError> {
    if !certificate::issued_for(event, Utc::now()) {
        let key = if event.anonymised_at.is_some() { "admin-certificates-gone" } else { "admin-certificates-later" };
        return Ok(CertificatePanel { status: t.get(key), send_url: None });
    }
    let eligible = certificate::registrations_with_attendance(app.db(), event.id).await?.len();
    let mailed = certificate::mails_queued(app.db(), event.id).await? as usize;
    Ok(CertificatePanel {
        status: t.count_with(
            "admin-certificates-status",
            "count",
            eligible as i64,
            &[("mailed", &mailed.min(eligible).to_string())],
        ),
        send_url: (eligible > mailed).then(|| urls::admin_certificates(event.id)),
    })
}

async fn send_all(State(app): State<AppState>, staff: Staff, Path(event_id): Path<Uuid>) -> Result<Response, WebError> {
    let event = load_event(&app, event_id).await?;
    let now = Utc::now();
    if certificate::issued_for(&event, now) {
        let queued = certificate::queue_mails(app.pools(), event.id, now).await?;
        audit::record(
            &app.pools().write,
            staff.user(),
            audit::Action {
                event_id: Some(event.id),
                action: "certificates.send",
                subject: &event.title_de,
                detail: format!("{queued} registrations"),
            },
            now,
        )
        .await?;
    }
    Ok(Redirect::to(&format!("{}#certificates", urls::admin_event(event.id))).into_response())
}
