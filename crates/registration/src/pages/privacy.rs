//! The privacy notice (Datenschutzhinweise) the registration form links to; linked from
//! an event's form, it also says when that event's data is anonymised. The controller
//! and the data-protection contact are the operator's details from the back office.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use domain::event::EventStatus;
use serde::Deserialize;

use site::AppState;
use site::i18n::{Lang, Tr};

pub fn routes() -> Router<AppState> {
    Router::new().route("/privacy", get(show))
}

#[derive(Template, WebTemplate)]
#[template(path = "registration/privacy.html")]
struct PrivacyPage {
    t: Tr,
    /// The controller and the data-protection contact; `None` until entered, then the
    /// page names the network office in general words.
    operator: Option<std::sync::Arc<domain::operator::OperatorDetails>>,
    imprint_url: String,
    /// "For „…“: anonymised on … (… days after the event)."
    event_retention: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PrivacyQuery {
    event: String,
}

async fn show(
    State(app): State<AppState>,
    Lang(language): Lang,
    Query(query): Query<PrivacyQuery>,
) -> Result<PrivacyPage, site::error::WebError> {
    let t = Tr::new(language);
    // Only published events: a draft's name is not public yet.
    let event = match query.event.as_str() {
        slug if !domain::event::is_valid_slug(slug) => None,
        slug => domain::event::by_slug(app.db(), slug).await?.filter(|event| event.status != EventStatus::Draft),
    };
    let event_retention = event.map(|event| {
        let zone = event.zone();
        t.count_with(
            "privacy-event-retention",
            "days",
            i64::from(event.retention_days),
            &[
                ("event", event.title(language)),
                ("date", &t.date(&domain::privacy::anonymised_from(&event).with_timezone(&zone))),
            ],
        )
    });
    Ok(PrivacyPage { t, operator: app.operator().await?, imprint_url: site::urls::imprint(), event_retention })
}
