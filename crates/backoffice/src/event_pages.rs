//! What every back-office page of one event shares: loading the event (the guard has
//! already checked that this user may see it) and the links between its pages.

use domain::event::{self, Event};
use site::error::WebError;
use site::{AppState, urls};
use uuid::Uuid;

/// An event that exists and that the guard let this user see, or 404.
pub async fn load_event(app: &AppState, event_id: Uuid) -> Result<Event, WebError> {
    event::by_id(app.db(), event_id).await?.ok_or(WebError::NotFound)
}

pub struct EventLinks {
    pub edit: String,
    pub status: String,
    pub duplicate: String,
    pub attendees: String,
    pub programme: String,
    pub form: String,
    pub doors: String,
    pub check_ins: String,
    pub signature_list: String,
    pub signature_list_pdf: String,
    pub badges_pdf: String,
    pub csv: String,
    pub xlsx: String,
    pub report: String,
    pub new_attendee: String,
    pub messages: String,
}

impl EventLinks {
    pub fn of(event_id: Uuid) -> Self {
        EventLinks {
            edit: urls::admin_event_edit(event_id),
            status: urls::admin_event_status(event_id),
            duplicate: urls::admin_event_duplicate(event_id),
            attendees: urls::admin_attendees(event_id),
            programme: urls::admin_programme(event_id),
            form: urls::admin_form(event_id),
            doors: urls::admin_doors(event_id),
            check_ins: urls::admin_check_ins(event_id),
            signature_list: urls::admin_signature_list(event_id),
            signature_list_pdf: urls::admin_signature_list_pdf(event_id),
            badges_pdf: urls::admin_badges_pdf(event_id),
            csv: urls::admin_attendees_csv(event_id),
            xlsx: urls::admin_attendees_xlsx(event_id),
            report: urls::admin_report(event_id),
            new_attendee: urls::admin_new_attendee(event_id),
            messages: urls::admin_messages(event_id),
        }
    }
}
