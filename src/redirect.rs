//! `--redirect-http ADDR`: plain HTTP on a second address, answering every request with a
//! permanent redirect to the same path on the HTTPS public address. A 308 keeps a POST a
//! POST (a form sent to the old address is not turned into a GET).

use axum::Router;
use axum::extract::{OriginalUri, State};
use axum::response::Redirect;

/// Redirects every request to `https_base` (the public URL, without trailing slash) plus
/// the request's path and query.
pub fn router(https_base: &str) -> Router {
    let base = https_base.trim_end_matches('/').to_owned();
    Router::new().fallback(redirect).with_state(base)
}

async fn redirect(State(base): State<String>, OriginalUri(uri): OriginalUri) -> Redirect {
    let path = uri.path_and_query().map_or("/", |path| path.as_str());
    Redirect::permanent(&format!("{base}{path}"))
}
