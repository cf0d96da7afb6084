//! Property tests: arbitrary input never panics the token verifier or the parsers, and
//! nothing but a token this key signed verifies.

use proptest::prelude::*;
use treffpunkt_domain::operator::{OperatorDetails, OperatorInput};
use treffpunkt_domain::person::{EmailAddress, PersonName, PhoneNumber, clean_optional_text, is_forbidden_char};
use treffpunkt_domain::ticket::{TOKEN_CHARS, TicketClaims, TicketSigner};
use uuid::Uuid;

fn signer() -> TicketSigner {
    TicketSigner::from_secret([42u8; 32])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_verify(text in ".{0,300}") {
        prop_assert!(signer().verifier().verify(&text).is_err());
    }

    #[test]
    fn arbitrary_token_shaped_strings_never_verify(text in proptest::string::string_regex(&format!("[A-Za-z0-9_-]{{{TOKEN_CHARS}}}")).expect("regex")) {
        prop_assert!(signer().verifier().verify(&text).is_err());
    }

    #[test]
    fn any_changed_or_removed_character_breaks_a_real_token(
        ticket in any::<u128>(), event in any::<u128>(), version in any::<u16>(),
        position in 0usize..TOKEN_CHARS, replacement in proptest::char::range('!', '~'), remove in any::<bool>()
    ) {
        let token = signer().sign(TicketClaims { ticket_id: Uuid::from_u128(ticket), event_id: Uuid::from_u128(event), version });
        let mut characters: Vec<char> = token.chars().collect();
        if remove {
            characters.remove(position);
        } else {
            prop_assume!(characters[position] != replacement);
            characters[position] = replacement;
        }
        let changed: String = characters.into_iter().collect();
        prop_assert!(signer().verifier().verify(&changed).is_err());
    }

    #[test]
    fn a_real_token_verifies_to_its_claims(ticket in any::<u128>(), event in any::<u128>(), version in any::<u16>()) {
        let claims = TicketClaims { ticket_id: Uuid::from_u128(ticket), event_id: Uuid::from_u128(event), version };
        prop_assert_eq!(signer().verifier().verify(&signer().sign(claims)), Ok(claims));
    }

    #[test]
    fn every_address_the_form_accepts_is_one_the_mailer_accepts(
        text in "[a-zA-Z0-9._%+'!#&*/=?^`{|}~-]{1,12}@[a-zA-Z0-9äöüа-я._-]{1,20}\\.[a-z0-9-]{0,6}"
    ) {
        if let Ok(email) = EmailAddress::parse(&text) {
            prop_assert!(email.as_str().parse::<lettre::Address>().is_ok(), "{}", email);
        }
    }

    #[test]
    fn parsers_never_panic_and_accepted_text_has_no_control_characters(text in "\\PC{0,300}|.{0,300}") {
        if let Ok(name) = PersonName::parse(&text) {
            prop_assert!(!name.as_str().chars().any(char::is_control));
            prop_assert!(!name.as_str().is_empty());
        }
        if let Ok(email) = EmailAddress::parse(&text) {
            prop_assert!(email.as_str().contains('@'));
            prop_assert!(!email.as_str().chars().any(char::is_whitespace));
        }
        let _ = clean_optional_text(&text, 200);
        if let Ok(phone) = PhoneNumber::parse(&text) {
            prop_assert!(phone.as_str().chars().any(|c| c.is_ascii_digit()));
            prop_assert!(!phone.as_str().chars().any(char::is_alphabetic));
        }
    }

    /// The imprint shows what was stored: nothing accepted carries an invisible or
    /// direction-changing character, whatever is typed into whichever field (addresses
    /// keep their line breaks, and only those).
    #[test]
    fn operator_details_accept_no_invisible_characters(text in "\\PC{0,120}|.{0,120}|[a-z\n\r]{0,40}") {
        let input = OperatorInput {
            name: &text,
            representative: &text,
            address: &text,
            email: "info@example.org",
            phone: "+49 211 123456",
            responsible_name: &text,
            responsible_address: &text,
            privacy_contact: &text,
            privacy_email: "datenschutz@example.org",
        };
        if let Ok(details) = OperatorDetails::parse(&input) {
            for shown in [details.name(), details.representative(), details.responsible_name(), details.privacy_contact()] {
                prop_assert!(!shown.chars().any(is_forbidden_char));
            }
            for line in details.address_lines().into_iter().chain(details.responsible_address_lines()) {
                prop_assert!(!line.is_empty() && !line.chars().any(is_forbidden_char), "{line:?}");
            }
        }
    }
}

/// The refused characters are exactly Unicode's categories Cc, Cf, Zl and Zp and U+FFFD
/// (the zero-width joiner excepted), by Unicode's own data: regex-syntax carries the
/// tables, so a character our written-out list missed shows up here.
#[test]
fn the_refused_characters_are_exactly_the_invisible_categories() {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::parse(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\x{FFFD}]").expect("pattern");
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else { panic!("a Unicode class: {hir:?}") };
    let invisible = |c: char| class.ranges().iter().any(|range| (range.start()..=range.end()).contains(&c));
    let differing: Vec<String> = (0..=0x10FFFF_u32)
        .filter_map(char::from_u32)
        .filter(|c| is_forbidden_char(*c) != (invisible(*c) && *c != '\u{200D}'))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(differing.is_empty(), "refused or not against Unicode's categories: {differing:?}");
}
