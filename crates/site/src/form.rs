//! What every form shares: the messages of a form that did not go through (one type for
//! participants' forms, the back office and the door), and the one parser of a
//! person's details, used wherever a person is typed in.

use domain::person::{EmailAddress, InvalidInput, MAX_TEXT_CHARS, PersonName, clean_optional_text, clean_text};
use domain::registration::{Attendee, NewAttendee, OrganisationType};
use domain::registration_form::NewAnswer;
use domain::registration_form::{FieldRule, FieldRules};
use serde::Deserialize;
use uuid::Uuid;

use crate::i18n::Tr;

/// One field's message, already in the reader's language.
#[derive(Clone, Debug)]
pub struct FieldMessage {
    pub field: String,
    pub text: String,
}

/// The messages of a form that did not go through: at most one per field, in the order
/// they were found, translated as they are added.
#[derive(Clone, Debug)]
pub struct FormErrors {
    t: Tr,
    messages: Vec<FieldMessage>,
}

impl FormErrors {
    pub fn new(t: Tr) -> Self {
        FormErrors { t, messages: Vec::new() }
    }

    /// The language the messages are in.
    pub fn language(&self) -> domain::Language {
        self.t.language
    }

    /// A message in the reader's language; a field keeps its first message.
    pub fn add(&mut self, field: impl Into<String>, text: String) {
        let field = field.into();
        if !self.has(&field) {
            self.messages.push(FieldMessage { field, text });
        }
    }

    /// The message with this translation key.
    pub fn key(&mut self, field: impl Into<String>, key: &str) {
        let text = self.t.get(key);
        self.add(field, text);
    }

    /// The message for a refusal code of the domain's parsers (`error-{code}`).
    pub fn code(&mut self, field: impl Into<String>, code: &str) {
        self.key(field, &format!("error-{code}"));
    }

    pub fn invalid(&mut self, field: impl Into<String>, invalid: InvalidInput) {
        self.code(field, invalid.code());
    }

    /// Keeps a parsed value, or records why the field was refused.
    pub fn take<T>(&mut self, field: &str, parsed: Result<T, InvalidInput>) -> Option<T> {
        parsed.map_err(|invalid| self.invalid(field, invalid)).ok()
    }

    /// A number of places: empty means unlimited (`Some(None)`), `None` when refused.
    pub fn capacity(&mut self, field: &str, raw: &str) -> Option<Option<i32>> {
        match raw.trim() {
            "" => Some(None),
            raw => match raw.parse::<i32>() {
                Ok(capacity) if (1..=100_000).contains(&capacity) => Some(Some(capacity)),
                _ => {
                    self.key(field, "admin-error-capacity");
                    None
                }
            },
        }
    }

    /// The message for one field, empty when the field is fine.
    pub fn message(&self, field: &str) -> &str {
        self.messages.iter().find(|message| message.field == field).map_or("", |message| message.text.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.messages.iter().any(|message| message.field == field)
    }

    pub fn list(&self) -> &[FieldMessage] {
        &self.messages
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// The messages for the summary above a form, each naming its field
    /// ("Vorname: Bitte füllen Sie dieses Feld aus."): `label` gives a field's name as the
    /// page shows it, `None` where the message says enough by itself.
    pub fn summary(&self, label: impl Fn(&str) -> Option<String>) -> Vec<FieldMessage> {
        self.messages
            .iter()
            .map(|message| FieldMessage {
                field: message.field.clone(),
                text: match label(&message.field) {
                    Some(label) => self.t.with2("form-error-line", ["field", "message"], [&label, &message.text]),
                    None => message.text.clone(),
                },
            })
            .collect()
    }

    /// Orders the messages like the fields on the page, so the summary at the top reads
    /// like the form below it.
    pub fn sort_by_place<K: Ord>(&mut self, place: impl Fn(&str) -> K) {
        self.messages.sort_by_key(|message| place(&message.field));
    }
}

/// One person's details as a form sends them (every field defaults to empty, so that a
/// missing field is a message next to it, not a rejected request).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonFields {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub organisation: String,
    pub organisation_type: String,
    pub partner_municipality: String,
}

/// How a form asks a person's details; the names are always required.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonRules {
    pub email: FieldRule,
    pub organisation: FieldRule,
    pub organisation_type: FieldRule,
    pub partner_municipality: FieldRule,
}

impl PersonRules {
    /// The contact person of the public form: an address, the rest as the event asks.
    pub fn contact(fields: FieldRules) -> Self {
        PersonRules {
            email: FieldRule::Required,
            organisation: fields.organisation,
            organisation_type: fields.organisation_type,
            partner_municipality: fields.partner_municipality,
        }
    }

    /// A further member of a registration: everything the event asks is asked of them
    /// too, and the contact person's address, organisation, its type and partner
    /// municipality stand in for what is left empty.
    pub fn member(fields: FieldRules) -> Self {
        let asked = |rule: FieldRule| if rule == FieldRule::Hidden { rule } else { FieldRule::Optional };
        PersonRules {
            email: FieldRule::Optional,
            organisation: FieldRule::Optional,
            organisation_type: asked(fields.organisation_type),
            partner_municipality: asked(fields.partner_municipality),
        }
    }

    /// Organisers may fill in what the public form does not ask; what it requires, they must.
    pub fn organiser(fields: FieldRules) -> Self {
        let relaxed = |rule: FieldRule| if rule == FieldRule::Required { rule } else { FieldRule::Optional };
        PersonRules {
            email: FieldRule::Required,
            organisation: relaxed(fields.organisation),
            organisation_type: relaxed(fields.organisation_type),
            partner_municipality: relaxed(fields.partner_municipality),
        }
    }

    /// Someone registered at the entrance: who they are and for whom they come.
    pub fn walk_in() -> Self {
        PersonRules {
            email: FieldRule::Required,
            organisation: FieldRule::Required,
            organisation_type: FieldRule::Required,
            partner_municipality: FieldRule::Hidden,
        }
    }
}

/// A person's details, parsed. What the form does not ask is empty (`None`, `""`,
/// `Unspecified`).
#[derive(Clone, Debug)]
pub struct Person {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Option<EmailAddress>,
    pub organisation: String,
    pub organisation_type: OrganisationType,
    pub partner_municipality: String,
}

impl PersonRules {
    /// Changing someone already registered: no address; the rest as the form asks.
    pub fn change(organisation: FieldRule, partner_municipality: FieldRule) -> Self {
        PersonRules {
            email: FieldRule::Hidden,
            organisation,
            organisation_type: FieldRule::Hidden,
            partner_municipality,
        }
    }
}

/// What a further member of a registration takes from the contact person where the
/// form leaves it empty: mail goes to the contact's address, and the organisation, its
/// type and the partner municipality are the contact's.
#[derive(Clone, Debug)]
pub struct ContactDefaults {
    pub email: EmailAddress,
    pub organisation: String,
    pub organisation_type: OrganisationType,
    pub partner_municipality: String,
}

impl ContactDefaults {
    pub fn of(contact: &NewAttendee) -> Self {
        ContactDefaults {
            email: contact.email.clone(),
            organisation: contact.organisation.clone(),
            organisation_type: contact.organisation_type,
            partner_municipality: contact.partner_municipality.clone(),
        }
    }

    /// From the stored contact person; `None` if their address was erased.
    pub fn of_stored(contact: &Attendee) -> Option<Self> {
        Some(ContactDefaults {
            email: EmailAddress::parse(&contact.email).ok()?,
            organisation: contact.organisation.clone(),
            organisation_type: contact.organisation_type,
            partner_municipality: contact.partner_municipality.clone(),
        })
    }
}

impl Person {
    /// The person as the domain registers them; `None` without an address of their own
    /// or from `defaults`.
    pub fn into_attendee(
        self,
        defaults: Option<&ContactDefaults>,
        programme_session_ids: Vec<Uuid>,
        answers: Vec<NewAnswer>,
    ) -> Option<NewAttendee> {
        let email = self.email.or_else(|| defaults.map(|contact| contact.email.clone()))?;
        let or_default = |own: String, theirs: Option<&String>| match theirs {
            Some(theirs) if own.is_empty() => theirs.clone(),
            _ => own,
        };
        Some(NewAttendee {
            first_name: self.first_name,
            last_name: self.last_name,
            email,
            organisation: or_default(self.organisation, defaults.map(|contact| &contact.organisation)),
            organisation_type: match defaults {
                Some(contact) if self.organisation_type == OrganisationType::Unspecified => contact.organisation_type,
                _ => self.organisation_type,
            },
            partner_municipality: or_default(
                self.partner_municipality,
                defaults.map(|contact| &contact.partner_municipality),
            ),
            programme_session_ids,
            answers,
            // The registration's; a delegation row may choose another.
            language: None,
        })
    }
}

/// The chosen programme sessions; one that is no id is refused under `field`.
pub fn session_ids<'a>(
    raw: impl IntoIterator<Item = &'a str>,
    field: &str,
    errors: &mut FormErrors,
) -> Option<Vec<Uuid>> {
    let parsed: Result<Vec<Uuid>, _> = raw.into_iter().map(Uuid::parse_str).collect();
    parsed.map_err(|_| errors.code(field, "unknown-session")).ok()
}

impl PersonFields {
    /// Parses every detail the rules ask for; each refused one gets its message under the
    /// form's name for it (`field("email")`, e.g. `guest_email-2`). `None` when any was refused.
    pub fn parse(&self, rules: PersonRules, errors: &mut FormErrors, field: impl Fn(&str) -> String) -> Option<Person> {
        let first_name = errors.take(&field("first_name"), PersonName::parse(&self.first_name));
        let last_name = errors.take(&field("last_name"), PersonName::parse(&self.last_name));
        let email = match (rules.email, self.email.trim()) {
            (FieldRule::Hidden, _) | (FieldRule::Optional, "") => Some(None),
            _ => errors.take(&field("email"), EmailAddress::parse(&self.email)).map(Some),
        };
        let organisation = errors.take(&field("organisation"), text_as_asked(rules.organisation, &self.organisation));
        let organisation_type = organisation_type_as_asked(rules.organisation_type, &self.organisation_type)
            .map_err(|code| errors.code(field("organisation_type"), code))
            .ok();
        let partner_municipality = errors.take(
            &field("partner_municipality"),
            text_as_asked(rules.partner_municipality, &self.partner_municipality),
        );
        Some(Person {
            first_name: first_name?,
            last_name: last_name?,
            email: email?,
            organisation: organisation?,
            organisation_type: organisation_type?,
            partner_municipality: partner_municipality?,
        })
    }

    /// Whether anything was typed into the person's row (empty rows are left-over blanks).
    pub fn is_blank(&self) -> bool {
        self.first_name.trim().is_empty() && self.last_name.trim().is_empty() && self.email.trim().is_empty()
    }
}

/// A text detail as the form asks it.
fn text_as_asked(rule: FieldRule, raw: &str) -> Result<String, InvalidInput> {
    match rule {
        FieldRule::Required => clean_text(raw, MAX_TEXT_CHARS),
        FieldRule::Optional => clean_optional_text(raw, MAX_TEXT_CHARS),
        FieldRule::Hidden => Ok(String::new()),
    }
}

/// The kind of organisation as the form asks it; the error is a message code.
fn organisation_type_as_asked(rule: FieldRule, raw: &str) -> Result<OrganisationType, &'static str> {
    match (rule, raw) {
        (FieldRule::Hidden, _) | (FieldRule::Optional, "") => Ok(OrganisationType::Unspecified),
        (FieldRule::Required, "") => Err("choose"),
        (_, raw) => OrganisationType::parse(raw).ok_or("invalid-choice"),
    }
}

/// The select's options of the kinds of organisation, in the form's order, with the
/// one sent marked.
pub fn organisation_type_choices(t: Tr, selected: &str) -> Vec<Choice> {
    OrganisationType::ALL
        .into_iter()
        .map(|kind| Choice::new(kind.code(), t.get(&format!("org-type-{}", kind.code())), selected == kind.code()))
        .collect()
}

/// The languages a person's mails can be in, each named in itself (`language-name-*`),
/// `selected` (a code) chosen.
pub fn language_choices(t: Tr, selected: &str) -> Vec<Choice> {
    domain::Language::ALL
        .into_iter()
        .map(|language| {
            let code = language.code();
            Choice::new(code, t.get(&format!("language-name-{code}")), selected == code)
        })
        .collect()
}

/// One `<option>` of a select.
#[derive(Clone, Debug)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: String, selected: bool) -> Choice {
        Choice { value: value.into(), label, selected }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Language;

    fn fields(first: &str, last: &str, email: &str) -> PersonFields {
        PersonFields {
            first_name: first.into(),
            last_name: last.into(),
            email: email.into(),
            ..PersonFields::default()
        }
    }

    #[test]
    fn a_member_without_address_or_organisation_parses() {
        let mut errors = FormErrors::new(Tr::new(Language::De));
        let rules = PersonRules::member(FieldRules {
            organisation: FieldRule::Required,
            organisation_type: FieldRule::Required,
            partner_municipality: FieldRule::Hidden,
        });
        let person = fields("Олена", "Коваленко", "").parse(rules, &mut errors, str::to_owned);
        let person = person.expect("parses");
        assert!(errors.is_empty());
        assert_eq!(person.first_name.as_str(), "Олена");
        assert!(person.email.is_none());
        assert_eq!(person.organisation_type, OrganisationType::Unspecified);
    }

    #[test]
    fn every_refused_field_gets_its_message_under_the_forms_name() {
        let mut errors = FormErrors::new(Tr::new(Language::En));
        let rules = PersonRules::walk_in();
        let person = fields("", "Kovalenko", "not-an-address").parse(rules, &mut errors, |name| format!("g_{name}"));
        assert!(person.is_none());
        for field in ["g_first_name", "g_email", "g_organisation", "g_organisation_type"] {
            assert!(!errors.message(field).is_empty(), "{field}: {:?}", errors.list());
        }
        assert!(errors.message("g_last_name").is_empty());
        assert!(errors.message("g_organisation_type").starts_with(|c: char| c.is_uppercase()));
    }

    #[test]
    fn a_field_keeps_its_first_message() {
        let mut errors = FormErrors::new(Tr::new(Language::De));
        errors.code("email", "invalid-email");
        let first = errors.message("email").to_owned();
        errors.key("email", "error-event-full");
        assert_eq!(errors.message("email"), first);
        assert_eq!(errors.list().len(), 1);
    }
}
