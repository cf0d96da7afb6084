//! What Treffpunkt writes for people to keep, print or open elsewhere: QR ticket
//! images, calendar files, PDFs (signature lists, badges, certificates), spreadsheets
//! (CSV, XLSX), the personal-data export, and the e-mails with their composition and
//! delivery. Pure functions of domain data and the reader's language; no HTTP.

pub mod calendar;
pub mod certificate;
pub mod event_summary;
pub mod mail;
pub mod pdf;
pub mod personal_data;
pub mod qr;
pub mod spreadsheets;
pub mod ticket;

/// A document could not be written (a library refused its input); our fault, not the
/// reader's.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RenderError(pub String);
