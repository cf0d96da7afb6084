//! The privacy notice (Datenschutzhinweise) the registration form links to.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::routing::get;

use crate::i18n::{Lang, Tr};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/privacy", get(show))
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy.html")]
struct PrivacyPage {
    t: Tr,
}

async fn show(Lang(language): Lang) -> PrivacyPage {
    PrivacyPage { t: Tr::new(language) }
}
