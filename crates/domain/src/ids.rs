//! Random identifiers and secrets. Nothing a user sees is sequential or guessable.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub fn new_id() -> Uuid {
    Uuid::new_v4()
}

/// A time-ordered id (UUIDv7) for rows written in bulk that no one holds as a key to
/// anything: check-ins and the door's scan log. Consecutive ids sit side by side in the
/// primary-key index, so a batch of inserts writes a few pages to the WAL instead of one
/// per row (perf: commits were a tenth of a check-in's cost).
pub fn log_id() -> Uuid {
    Uuid::now_v7()
}

/// 256 random bits, URL-safe: manage links and door device tokens.
pub fn secret_token() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The operating system's generator failing is not something a request can cause
    // or recover from; without randomness no token may be issued at all.
    #[allow(clippy::expect_used)]
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    bytes
}

/// Hex SHA-256 of a secret token, so that stored hashes do not open anything.
pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// SHA-256 in standard base64, as Content-Security-Policy hashes are written.
pub fn sha256_base64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let first = secret_token();
        let second = secret_token();
        assert_eq!(first.len(), 43);
        assert_ne!(first, second);
        assert!(first.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn token_hash_is_stable_hex() {
        assert_eq!(hash_token("abc").len(), 64);
        assert_eq!(hash_token("abc"), hash_token("abc"));
        assert_ne!(hash_token("abc"), hash_token("abd"));
    }
}
