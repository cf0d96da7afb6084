//! What every web crate shares: the application state, the one error type and the
//! error pages, the request's language, URLs, rate limits, caches, static assets, the
//! form-error type with the one person-form parser, and the event's own questions in
//! forms. The participant pages, the back office and the door build on it and never on
//! each other.

pub mod assets;
pub mod caches;
pub mod download;
pub mod error;
pub mod form;
pub mod i18n;
pub mod metrics;
pub mod operations;
pub mod questions;
pub mod rate_limit;
pub mod state;

pub use state::AppState;
pub use text::urls;

/// Forms are a few kilobytes; the server's body limit is the same.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

// The shared templates name `site::urls`, in this crate as in the others.
extern crate self as site;
