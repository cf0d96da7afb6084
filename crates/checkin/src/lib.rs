//! Door check-in: the check-in API (`POST /api/v1/checkin/redeem`) that any scanner
//! app uses, and the door page for phones, tablets and handheld scanners.

pub mod api;
pub mod door_page;
pub mod walk_in;

use axum::Router;
use site::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(api::routes()).merge(door_page::routes())
}
