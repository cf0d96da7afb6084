//! The request's language: `?lang=`, then the `lang` cookie (set when `?lang=` was
//! given), then `Accept-Language`, then German.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Uri};
use axum::middleware::Next;
use axum::response::Response;
use domain::Language;
pub use text::Tr;

use crate::state::AppState;

const LANGUAGE_COOKIE: &str = "lang";

/// The request's language as an extractor.
#[derive(Clone, Copy, Debug)]
pub struct Lang(pub Language);

impl Lang {
    pub fn tr(self) -> Tr {
        Tr::new(self.0)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Lang(language_of(&parts.uri, &parts.headers)))
    }
}

pub fn language_of(uri: &Uri, headers: &HeaderMap) -> Language {
    from_query(uri).or_else(|| from_cookie(headers)).or_else(|| from_accept_language(headers)).unwrap_or_default()
}

fn from_query(uri: &Uri) -> Option<Language> {
    uri.query()?.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(Language::parse)
}

fn from_cookie(headers: &HeaderMap) -> Option<Language> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix("lang="))
        .and_then(Language::parse)
}

/// The supported language the browser likes best (highest q, first on a tie).
fn from_accept_language(headers: &HeaderMap) -> Option<Language> {
    let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(Language, f32)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let Some(language) = parts.next().and_then(Language::parse) else { continue };
        let quality = parts
            .find_map(|part| part.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if quality > 0.0 && best.is_none_or(|(_, best_quality)| quality > best_quality) {
            best = Some((language, quality));
        }
    }
    best.map(|(language, _)| language)
}

/// Remembers a language chosen with `?lang=` in a cookie for a year. Scripts never need
/// it (HttpOnly); it is Secure whenever the server is reached over HTTPS.
pub async fn remember_language(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let chosen = from_query(request.uri());
    let mut response = next.run(request).await;
    if let Some(language) = chosen {
        let secure = if app.public_url().starts_with("https://") { "; Secure" } else { "" };
        let cookie =
            format!("{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}", language.code());
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn query_beats_cookie_beats_accept_language() {
        let uri: Uri = "/events?x=1&lang=uk".parse().unwrap_or_default();
        let all = headers(&[("cookie", "a=b; lang=en"), ("accept-language", "de-DE")]);
        assert_eq!(language_of(&uri, &all), Language::Uk);
        let plain: Uri = "/events".parse().unwrap_or_default();
        assert_eq!(language_of(&plain, &all), Language::En);
        assert_eq!(language_of(&plain, &headers(&[("accept-language", "fr;q=1, uk;q=0.8, en;q=0.9")])), Language::En);
        assert_eq!(language_of(&plain, &headers(&[("accept-language", "fr, pl")])), Language::De);
        assert_eq!(language_of(&plain, &HeaderMap::new()), Language::De);
    }
}
