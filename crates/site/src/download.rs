//! Responses that carry people's data: files to save and pages that no cache on the
//! way may keep.

use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::error::WebError;

/// Middleware for responses that carry people's data (the back office, the door's API):
/// neither the browser nor anything between may store them.
pub async fn not_stored(mut response: Response) -> Response {
    response.headers_mut().entry(CACHE_CONTROL).or_insert(HeaderValue::from_static("private, no-store"));
    response
}

/// A file about people to save, never kept by a cache on the way.
pub fn private_download(content_type: &'static str, file_name: &str, body: Vec<u8>) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
            (CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// Everything stored about people, as a JSON file to save.
pub fn json_download(value: &serde_json::Value, file_name: &str) -> Result<Response, WebError> {
    let body = serde_json::to_vec_pretty(value).map_err(|err| WebError::Internal(format!("json: {err}")))?;
    Ok(private_download("application/json; charset=utf-8", file_name, body))
}
