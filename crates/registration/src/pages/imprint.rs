//! The imprint (Impressum): who runs the site, as § 5 DDG and § 18 Abs. 2 MStV ask,
//! and whom to ask about data protection. Before an administrator has entered the
//! details, the page says so and where they are entered, rather than failing.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use domain::operator::OperatorDetails;

use site::AppState;
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Router<AppState> {
    Router::new().route("/impressum", get(show))
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/imprint.html")]
struct ImprintPage {
    t: Tr,
    /// `None` until an administrator entered the details.
    operator: Option<Arc<OperatorDetails>>,
    privacy_url: String,
    /// Where the details are entered (the back office asks for an administrator's log-in;
    /// its session cookie is not sent here, so the page cannot tell who is looking).
    settings_url: String,
}

async fn show(State(app): State<AppState>, Lang(language): Lang) -> Result<ImprintPage, site::error::WebError> {
    Ok(ImprintPage {
        t: Tr::new(language),
        operator: app.operator().await?,
        privacy_url: urls::privacy(),
        settings_url: urls::admin_operator(),
    })
}
