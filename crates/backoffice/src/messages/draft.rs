//! The message form as typed — who (the attendee list's filters, or the people ticked in
//! the list) and what (German, optionally English and Ukrainian, a Reply-To) — and its
//! parsing into a `NewMessage`, with one message per refused field.

use domain::messages::{MessageText, NewMessage, Versions};
use domain::person::{EmailAddress, InvalidInput, MAX_TEXT_CHARS, clean_optional_text, clean_text};
use serde::Deserialize;
use site::form::FormErrors;
use uuid::Uuid;

use crate::list_query::ListQuery;

/// The longest text of one language version; a message is read, not a brochure.
const MAX_BODY_CHARS: usize = 10_000;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub q: String,
    pub status: String,
    pub session: String,
    pub org_type: String,
    pub checked_in: String,
    pub answer: String,
    /// Attendees ticked in the list (hidden fields). When there are any, the message
    /// goes to them and the filters are not used. Kept as typed: an id that does not
    /// parse or is not of this event is left out, not an error.
    pub selected: Vec<String>,
    pub subject: String,
    pub body: String,
    pub subject_en: String,
    pub body_en: String,
    pub subject_uk: String,
    pub body_uk: String,
    pub reply_to: String,
    pub action: String,
}

impl MessageForm {
    pub fn query(&self) -> ListQuery {
        ListQuery {
            q: self.q.clone(),
            status: self.status.clone(),
            session: self.session.clone(),
            org_type: self.org_type.clone(),
            checked_in: self.checked_in.clone(),
            answer: self.answer.clone(),
            ..ListQuery::default()
        }
    }

    /// The message goes to ticked people rather than to a filtered group.
    pub fn is_selection(&self) -> bool {
        !self.selected.is_empty()
    }

    pub fn selected_ids(&self) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = Vec::new();
        for id in self.selected.iter().filter_map(|raw| raw.trim().parse().ok()) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The texts and the Reply-To, or `None` with the reasons in `errors`.
    /// `selected_people`: how many ticked people it goes to, for a selection.
    pub fn parse(&self, errors: &mut FormErrors, selected_people: Option<usize>) -> Option<NewMessage> {
        let subject = errors.take("subject", clean_text(&self.subject, MAX_TEXT_CHARS));
        let body = errors.take("body", clean_body(&self.body));
        let en = optional_version(errors, ("subject_en", &self.subject_en), ("body_en", &self.body_en));
        let uk = optional_version(errors, ("subject_uk", &self.subject_uk), ("body_uk", &self.body_uk));
        let reply_to = match self.reply_to.trim() {
            "" => Some(None),
            typed => errors.take("reply_to", EmailAddress::parse(typed)).map(Some),
        };
        Some(NewMessage {
            versions: Versions { de: MessageText { subject: subject?, body: body? }, en: en?, uk: uk? },
            reply_to: reply_to?,
            selected_people,
        })
    }
}

/// An English or Ukrainian version: both fields empty is no version; one without the
/// other is refused, since a mail needs both and silently sending German instead would
/// surprise the organisers. `None` when refused.
fn optional_version(
    errors: &mut FormErrors,
    (subject_field, subject): (&str, &str),
    (body_field, body): (&str, &str),
) -> Option<Option<MessageText>> {
    if subject.trim().is_empty() && body.trim().is_empty() {
        return Some(None);
    }
    let subject = errors.take(subject_field, clean_text(subject, MAX_TEXT_CHARS));
    let body = errors.take(body_field, clean_body(body));
    Some(Some(MessageText { subject: subject?, body: body? }))
}

/// A message text: line breaks are fine, other control characters are not.
fn clean_body(raw: &str) -> Result<String, InvalidInput> {
    let text = raw.trim().replace("\r\n", "\n");
    if text.is_empty() {
        return Err(InvalidInput::Required);
    }
    if text.chars().count() > MAX_BODY_CHARS {
        return Err(InvalidInput::TooLong);
    }
    text.split('\n')
        .map(|line| clean_optional_text(line, MAX_BODY_CHARS))
        .collect::<Result<Vec<_>, _>>()
        .map(|lines| lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::MessageForm;
    use domain::Language;
    use site::form::FormErrors;
    use site::i18n::Tr;

    fn form() -> MessageForm {
        MessageForm { subject: "Hinweis".into(), body: "Hallo {name}".into(), ..MessageForm::default() }
    }

    #[test]
    fn german_alone_is_a_message_and_empty_versions_are_none() {
        let mut errors = FormErrors::new(Tr::new(Language::De));
        let message = form().parse(&mut errors, None).expect("valid");
        assert!(errors.is_empty());
        assert_eq!((message.versions.en, message.versions.uk, message.reply_to), (None, None, None));
    }

    #[test]
    fn a_version_with_a_subject_but_no_text_and_a_bad_reply_to_are_refused_per_field() {
        let mut errors = FormErrors::new(Tr::new(Language::De));
        let typed = MessageForm {
            subject_uk: "Примітка".into(),
            reply_to: "team@".into(),
            selected: vec!["not-an-id".into()],
            ..form()
        };
        assert!(typed.parse(&mut errors, Some(1)).is_none());
        assert!(errors.has("body_uk") && errors.has("reply_to"));
        assert!(!errors.has("subject_uk") && !errors.has("subject_en"));
        assert!(typed.is_selection() && typed.selected_ids().is_empty(), "kept as typed, parsed leniently");
    }
}
