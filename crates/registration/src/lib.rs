//! The participant pages: the event list, event pages with their programme, the
//! registration form, the registration's own page with QR tickets and calendar files,
//! certificates, the participants' privacy rights and the imprint.

pub mod pages;

use axum::Router;
use site::AppState;

/// All participant routes; the binary merges them with the back office's and the door's.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(pages::events::routes())
        .merge(pages::register::routes())
        .merge(pages::manage::routes())
        .merge(pages::personal_data::routes())
        .merge(pages::certificate::routes())
        .merge(pages::ticket::routes())
        .merge(pages::calendar::routes())
        .merge(pages::privacy::routes())
        .merge(pages::accessibility::routes())
        .merge(pages::imprint::routes())
}
