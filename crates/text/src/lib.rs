//! What people read and follow, independent of HTTP: the translations (every visible
//! string in German, English and Ukrainian, dates and times in the reader's language)
//! and the site's URLs. The web crates and the documents (mails, calendar files, PDFs)
//! share them, so neither has to reach into the other.

mod translations;
pub mod urls;

pub use translations::Tr;
