//! CSS and JavaScript, compiled into the binary so that one file is the whole server.

use axum::Router;
use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::error::WebError;
use crate::state::AppState;

pub const STYLE: &str = include_str!("../../../static/style.css");
pub const DOOR_SCRIPT: &str = include_str!("../../../static/door.js");

/// The door page's Content-Security-Policy: the site's, with the stylesheet and the door
/// script allowed inline by their SHA-256 (the page inlines them, see `door.html`).
pub fn door_page_policy() -> &'static str {
    static POLICY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let hash = |text: &str| format!("'sha256-{}'", domain::ids::sha256_base64(text));
        format!(
            "default-src 'self'; img-src 'self' data:; style-src 'self' {}; script-src 'self' {}; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            hash(STYLE),
            hash(DOOR_SCRIPT)
        )
    });
    &POLICY
}

const FILES: &[(&str, &str, &str)] = &[
    ("style.css", "text/css; charset=utf-8", STYLE),
    ("door.js", "text/javascript; charset=utf-8", DOOR_SCRIPT),
    ("favicon.svg", "image/svg+xml", include_str!("../../../static/favicon.svg")),
    // jsQR 1.4.0 (Apache-2.0), see static/vendor/README.md.
    ("jsQR.js", "text/javascript; charset=utf-8", include_str!("../../../static/vendor/jsQR.js")),
];

pub fn routes() -> Router<AppState> {
    Router::new().route("/static/{name}", get(serve))
}

async fn serve(Path(name): Path<String>) -> Result<Response, WebError> {
    let (_, content_type, body) = FILES.iter().find(|(file, _, _)| *file == name).ok_or(WebError::NotFound)?;
    // Links carry `?v=<version>`, so a new release is fetched afresh.
    Ok(([(CONTENT_TYPE, *content_type), (CACHE_CONTROL, "public, max-age=86400")], *body).into_response())
}
