//! Pieces every back-office page and form shares: the navigation, per-field messages
//! and select options.

use domain::person::InvalidInput;

use super::Staff;
use crate::i18n::Tr;

/// What the header shows to a signed-in team member.
pub struct Nav {
    pub name: String,
    pub is_admin: bool,
    pub csrf: String,
}

impl Nav {
    pub fn of(staff: &Staff) -> Option<Nav> {
        Some(Nav { name: staff.user().name.clone(), is_admin: staff.is_admin(), csrf: staff.csrf().to_owned() })
    }
}

pub struct FieldMessage {
    pub field: String,
    pub text: String,
}

/// The translated messages of a form that did not go through, one per field.
#[derive(Default)]
pub struct Messages {
    messages: Vec<FieldMessage>,
}

impl Messages {
    pub fn add(&mut self, field: &str, text: String) {
        if self.message(field).is_empty() {
            self.messages.push(FieldMessage { field: field.to_owned(), text });
        }
    }

    pub fn invalid(&mut self, t: Tr, field: &str, invalid: InvalidInput) {
        self.add(field, t.get(&format!("error-{}", invalid.code())));
    }

    /// Keeps a parsed value, or records why the field was refused.
    pub fn take<T>(&mut self, t: Tr, field: &str, parsed: Result<T, InvalidInput>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(invalid) => {
                self.invalid(t, field, invalid);
                None
            }
        }
    }

    /// A number of places: empty means unlimited (`Some(None)`), `None` when refused.
    pub fn capacity(&mut self, t: Tr, field: &str, raw: &str) -> Option<Option<i32>> {
        match raw.trim() {
            "" => Some(None),
            raw => match raw.parse::<i32>() {
                Ok(capacity) if (1..=100_000).contains(&capacity) => Some(Some(capacity)),
                _ => {
                    self.add(field, t.get("admin-error-capacity"));
                    None
                }
            },
        }
    }

    pub fn message(&self, field: &str) -> &str {
        self.messages.iter().find(|message| message.field == field).map_or("", |message| message.text.as_str())
    }

    pub fn list(&self) -> &[FieldMessage] {
        &self.messages
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
}

/// One `<option>` of a select.
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
