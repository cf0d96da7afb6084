//! What people type about themselves, parsed once at the edge.

use std::fmt;

/// Why a typed value was refused; the web layer turns the code into a message in
/// the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvalidInput {
    #[error("required")]
    Required,
    #[error("too-long")]
    TooLong,
    #[error("invalid-email")]
    InvalidEmail,
    #[error("invalid-characters")]
    InvalidCharacters,
    #[error("password-too-short")]
    PasswordTooShort,
    #[error("invalid-date-time")]
    InvalidDateTime,
}

impl InvalidInput {
    pub fn code(self) -> &'static str {
        match self {
            InvalidInput::Required => "required",
            InvalidInput::TooLong => "too-long",
            InvalidInput::InvalidEmail => "invalid-email",
            InvalidInput::InvalidCharacters => "invalid-characters",
            InvalidInput::PasswordTooShort => "password-too-short",
            InvalidInput::InvalidDateTime => "invalid-date-time",
        }
    }
}

pub const MAX_TEXT_CHARS: usize = 200;
pub const MAX_EMAIL_CHARS: usize = 254;

/// Trims, refuses control characters and bidirectional overrides, limits length.
/// Optional fields use [`clean_optional_text`].
pub fn clean_text(raw: &str, max_chars: usize) -> Result<String, InvalidInput> {
    let text = clean_optional_text(raw, max_chars)?;
    if text.is_empty() { Err(InvalidInput::Required) } else { Ok(text) }
}

pub fn clean_optional_text(raw: &str, max_chars: usize) -> Result<String, InvalidInput> {
    let text = raw.trim();
    if text.chars().count() > max_chars {
        return Err(InvalidInput::TooLong);
    }
    if text.chars().any(is_forbidden_char) {
        return Err(InvalidInput::InvalidCharacters);
    }
    Ok(text.to_owned())
}

/// Control characters and the bidirectional embedding/override/isolate marks that can
/// make a name on a door list or badge read differently from what is stored.
fn is_forbidden_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        clean_text(raw, 100).map(PersonName)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// A pragmatic check: one `@`, a local part, a domain with a dot and no spaces.
    /// The mailbox's existence is proven later by mail, not by a pattern.
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let address = raw.trim();
        if address.is_empty() {
            return Err(InvalidInput::Required);
        }
        if address.chars().count() > MAX_EMAIL_CHARS {
            return Err(InvalidInput::TooLong);
        }
        let Some((local, domain)) = address.split_once('@') else {
            return Err(InvalidInput::InvalidEmail);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.chars().any(|c| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"@".contains(c));
        if !(domain_ok && local_ok) {
            return Err(InvalidInput::InvalidEmail);
        }
        Ok(EmailAddress(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_needs_a_domain_with_a_dot() {
        assert_eq!(EmailAddress::parse("a@b"), Err(InvalidInput::InvalidEmail));
        assert_eq!(EmailAddress::parse("no-at.example.org"), Err(InvalidInput::InvalidEmail));
        assert_eq!(EmailAddress::parse("  "), Err(InvalidInput::Required));
        assert_eq!(
            EmailAddress::parse(" Olena@Rathaus.Example.UA ").map(|e| e.as_str().to_owned()),
            Ok("Olena@rathaus.example.ua".to_owned())
        );
        assert_eq!(EmailAddress::parse("a b@example.org"), Err(InvalidInput::InvalidEmail));
    }

    #[test]
    fn names_are_trimmed_and_refuse_control_and_bidi_characters() {
        assert_eq!(PersonName::parse("  Jürgen ").map(|n| n.as_str().to_owned()), Ok("Jürgen".into()));
        assert_eq!(PersonName::parse("Олена").map(|n| n.as_str().to_owned()), Ok("Олена".into()));
        assert_eq!(PersonName::parse(""), Err(InvalidInput::Required));
        assert_eq!(PersonName::parse("a\u{0007}b"), Err(InvalidInput::InvalidCharacters));
        assert_eq!(PersonName::parse("evil\u{202E}txt"), Err(InvalidInput::InvalidCharacters));
        assert_eq!(PersonName::parse(&"x".repeat(101)), Err(InvalidInput::TooLong));
    }
}
