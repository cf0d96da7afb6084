//! The accessibility statement (Erklärung zur Barrierefreiheit) that BITV 2.0 asks public
//! bodies to publish, with a way to report barriers.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::routing::get;

use site::AppState;
use site::i18n::{Lang, Tr};

pub fn routes() -> Router<AppState> {
    Router::new().route("/accessibility", get(show))
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/accessibility.html")]
struct AccessibilityPage {
    t: Tr,
}

async fn show(Lang(language): Lang) -> AccessibilityPage {
    AccessibilityPage { t: Tr::new(language) }
}
