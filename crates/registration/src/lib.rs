//! The participant web: the event list, event pages with their programme, the
//! registration form, the registration's own page with QR tickets and calendar files,
//! and the pieces every web crate shares (state, translations, error pages, URLs).

pub mod assets;
pub mod backoffice;
pub mod device_cache;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod page_cache;
pub mod pages;
pub mod rate_limit;
pub mod state;
pub mod urls;

use axum::Router;

pub use state::AppState;

/// Forms are a few kilobytes; the server's body limit is the same.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

// The shared templates name `site::urls`; the door crate gives the same name to this
// crate, so one template compiles in both.
extern crate self as site;

/// All participant routes; the binary merges them with the door's.
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
        .merge(assets::routes())
}
