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
    #[error("invalid-phone")]
    InvalidPhone,
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
            InvalidInput::InvalidPhone => "invalid-phone",
        }
    }
}

pub const MAX_TEXT_CHARS: usize = 200;
pub const MAX_EMAIL_CHARS: usize = 254;

/// Trims, refuses invisible and direction characters ([`is_forbidden_char`]), limits length.
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

/// Characters that are invisible or change how the text around them reads, so that a
/// name on a door list or badge could look different from what is stored (or two names
/// alike that differ): controls (Cc), format characters (Cf: zero-width spaces, direction
/// marks, embeddings, overrides and isolates, the byte order mark, tag characters), the
/// line and paragraph separators (Zl, Zp) and U+FFFD, which stands where a browser sent
/// invalid UTF-8. The zero-width joiner stays: emoji sequences and several scripts
/// (Devanagari, Persian) need it.
pub fn is_forbidden_char(c: char) -> bool {
    c.is_control()
        || (c != ZERO_WIDTH_JOINER && is_format_char(c))
        || matches!(c, '\u{2028}' | '\u{2029}' | char::REPLACEMENT_CHARACTER)
}

const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// Unicode's general category Cf (format), as of Unicode 16, written out so that no table
/// crate is needed; a property test compares it with the Unicode data of `regex-syntax`.
fn is_format_char(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
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
    /// A pragmatic check: one `@`, a local part, a domain with a dot and no spaces, and
    /// an address the mailer (lettre) accepts. The mailbox's existence is proven later
    /// by mail, not by a pattern.
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
        let address = format!("{local}@{}", domain.to_lowercase());
        // The mailer's own parser has the last word: an address it refuses (a domain label
        // starting or ending with `-`, say) can never be sent to.
        if address.parse::<lettre::Address>().is_err() {
            return Err(InvalidInput::InvalidEmail);
        }
        Ok(EmailAddress(address))
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

/// A telephone number as people write it (`+49 211 123456-0`, `(0211) 12 34 56`): digits
/// with spaces, `-`, `/`, `.` and brackets between them, an optional leading `+`. It is
/// shown, never dialled, so the form is kept as typed; the digit count catches a name or
/// an e-mail address typed into the wrong field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let number = clean_text(raw, 40)?;
        let body = number.strip_prefix('+').unwrap_or(&number);
        let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '/' | '.' | '(' | ')');
        let digits = body.chars().filter(char::is_ascii_digit).count();
        // The shortest numbers in use have a few digits after the area code; ITU-T E.164
        // allows 15 digits, an extension a few more.
        if !body.chars().all(allowed) || !(5..=20).contains(&digits) {
            return Err(InvalidInput::InvalidPhone);
        }
        Ok(PhoneNumber(number))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_keep_their_written_form_and_refuse_words() {
        for written in ["+49 211 837-1001", "(0211) 12 34 56", "0211/123456", "+380 44 123 45 67"] {
            assert_eq!(PhoneNumber::parse(&format!(" {written} ")).map(|n| n.as_str().to_owned()), Ok(written.into()));
        }
        assert_eq!(PhoneNumber::parse(""), Err(InvalidInput::Required));
        for wrong in ["info@example.org", "Zentrale", "1234", "+49 211 +1", "0211 123456 ext 3"] {
            assert_eq!(PhoneNumber::parse(wrong), Err(InvalidInput::InvalidPhone), "{wrong}");
        }
    }

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
    fn email_is_refused_when_the_mailer_could_not_send_to_it() {
        for unsendable in ["a@-b.example", "a@b-.example", "a@b.-example.org", "a@exa_mple.org", ".a@example.org"] {
            assert_eq!(EmailAddress::parse(unsendable), Err(InvalidInput::InvalidEmail), "{unsendable}");
        }
        for sendable in ["a@b-c.example", "o'neill+tag@example.org", "olena@рада.укр", "x@xn--80a1acny.xn--j1amh"]
        {
            assert!(EmailAddress::parse(sendable).is_ok(), "{sendable}");
        }
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

    #[test]
    fn names_refuse_invisible_format_and_separator_characters() {
        for invisible in [
            '\u{00AD}',
            '\u{061C}',
            '\u{180E}',
            '\u{200B}',
            '\u{200C}',
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{2060}',
            '\u{2066}',
            '\u{2069}',
            '\u{206F}',
            '\u{FEFF}',
            '\u{FFF9}',
            '\u{110BD}',
            '\u{1D173}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{2028}',
            '\u{2029}',
            '\u{FFFD}',
        ] {
            assert_eq!(
                PersonName::parse(&format!("Ol{invisible}ena")),
                Err(InvalidInput::InvalidCharacters),
                "U+{:04X}",
                u32::from(invisible)
            );
        }
        // The joiner inside an emoji sequence, and marks that combine visibly, stay.
        assert!(PersonName::parse("Olena 👩\u{200D}👩\u{200D}👧").is_ok());
        assert!(PersonName::parse("Zoe\u{0308}").is_ok());
        assert!(PersonName::parse("Renée O’Neill-Łukasiewicz").is_ok());
    }
}
