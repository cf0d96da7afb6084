//! One module per page or feature.

pub mod accessibility;
pub mod calendar;
pub mod certificate;
pub mod events;
pub mod imprint;
pub mod manage;
pub mod personal_data;
pub mod privacy;
pub mod register;
pub mod ticket;
