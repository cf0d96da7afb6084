//! The event's own questions in forms: reading the answers a form sent (for the contact
//! person and each delegation member), showing the questions with what was sent, and
//! showing given answers on the registration's page and in the back office.

use domain::Language;
use domain::registration_form::{self as form_rules, NewAnswer, Question, QuestionKind};

use crate::form::FormErrors;
use crate::i18n::Tr;

/// The answer fields of a form body, by name (`q-…`), in the order sent.
pub fn answers_sent(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .filter(|(name, _)| name.starts_with("q-"))
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

pub fn sent_values<'a>(sent: &'a [(String, String)], field: &str) -> Vec<&'a str> {
    sent.iter().filter(|(name, _)| name == field).map(|(_, value)| value.as_str()).collect()
}

/// Stored answers as the form would send them, to fill in a form for changing them.
pub fn stored_as_sent(questions: &[Question], answers: &[form_rules::Answer]) -> Vec<(String, String)> {
    let mut sent = Vec::new();
    for question in questions {
        let Some(given) = answers.iter().find(|answer| answer.question_id == question.id) else {
            continue;
        };
        let field = answer_field(question, None);
        match question.kind {
            QuestionKind::MultipleChoice => {
                sent.extend(given.value.lines().map(|line| (field.clone(), line.to_owned())))
            }
            // An unticked box sends nothing.
            QuestionKind::Consent if given.value != form_rules::YES => {}
            _ => sent.push((field, given.value.clone())),
        }
    }
    sent
}

/// One person's answers from sent fields (`None`: the contact person, else the
/// delegation row); each refused one gets its message next to its field.
pub fn parse_answers(
    questions: &[Question],
    sent: &[(String, String)],
    row: Option<usize>,
    language: Language,
    errors: &mut FormErrors,
) -> Vec<NewAnswer> {
    let mut answers = Vec::new();
    for question in questions {
        let field = answer_field(question, row);
        match question.parse_answer(&sent_values(sent, &field), language) {
            Ok(Some(answer)) => answers.push(answer),
            Ok(None) => {}
            Err(problem) => errors.code(field, problem.code()),
        }
    }
    answers
}

/// The form field of one question for one person (`None`: the contact person).
pub fn answer_field(question: &Question, row: Option<usize>) -> String {
    match row {
        None => format!("q-{}", question.id.simple()),
        Some(row) => format!("q-{}-{row}", question.id.simple()),
    }
}

/// An answer as the manage page and the back office show it.
pub struct GivenAnswer {
    pub question: String,
    pub answer: String,
    /// What the person read when answering (a consent's own text), if it differs
    /// from the question as shown now.
    pub wording: String,
    pub at: String,
}

/// One person's answers in the order of the form, in the reader's language.
pub fn given_answers(
    t: Tr,
    questions: &[Question],
    answers: &[form_rules::Answer],
    zone: chrono_tz::Tz,
) -> Vec<GivenAnswer> {
    questions
        .iter()
        .filter_map(|question| {
            let given = answers.iter().find(|answer| answer.question_id == question.id)?;
            let label = question.label(t.language).to_owned();
            Some(GivenAnswer {
                answer: question.show_answer(&given.value, t.language, &t.get("answer-yes"), &t.get("answer-no")),
                wording: if given.wording == label || given.wording.starts_with(&format!("{label}: ")) {
                    String::new()
                } else {
                    given.wording.clone()
                },
                at: t.date_time(&given.answered_at.with_timezone(&zone)),
                question: label,
            })
        })
        .collect()
}

/// One of the event's own questions as the form shows it for one person.
pub struct QuestionField {
    /// The field name, also the element id after `field-`.
    pub name: String,
    /// `short_text`, `long_text`, `single_choice`, `multiple_choice`, `yes_no`, `consent`.
    pub kind: &'static str,
    pub label: String,
    /// `Some("de")` when the label is German for want of a translation.
    pub label_lang: Option<&'static str>,
    pub required: bool,
    /// The typed text, for text questions.
    pub value: String,
    /// Radio buttons or checkboxes (yes/no included), for choice questions.
    pub options: Vec<AnswerOption>,
    /// A consent box that is ticked.
    pub ticked: bool,
    pub message: String,
}

pub struct AnswerOption {
    pub id: String,
    pub value: String,
    pub label: String,
    /// `Some("de")` when the option is German for want of a translation.
    pub label_lang: Option<&'static str>,
    pub checked: bool,
}

pub fn question_fields(
    questions: &[Question],
    sent: &[(String, String)],
    row: Option<usize>,
    t: Tr,
    message_for: impl Fn(&str) -> String,
) -> Vec<QuestionField> {
    questions
        .iter()
        .map(|question| {
            let name = answer_field(question, row);
            let sent = sent_values(sent, &name);
            let options_lang = match question.kind {
                QuestionKind::YesNo => None,
                _ => t.language.fallback(&question.options_en, &question.options_uk),
            };
            let options: Vec<(String, String)> = match question.kind {
                QuestionKind::YesNo => vec![
                    (form_rules::YES.to_owned(), t.get("answer-yes")),
                    (form_rules::NO.to_owned(), t.get("answer-no")),
                ],
                _ => question
                    .options(t.language)
                    .into_iter()
                    .map(|(value, label)| (value.to_owned(), label.to_owned()))
                    .collect(),
            };
            QuestionField {
                kind: form_rules::kind_code(question.kind),
                label: question.label(t.language).to_owned(),
                label_lang: t.language.fallback(&question.label_en, &question.label_uk),
                required: question.required,
                value: sent.first().map(|value| (*value).to_owned()).unwrap_or_default(),
                options: options
                    .into_iter()
                    .enumerate()
                    .map(|(index, (value, label))| AnswerOption {
                        id: format!("{name}-option-{index}"),
                        checked: sent.contains(&value.as_str()),
                        value,
                        label,
                        label_lang: options_lang,
                    })
                    .collect(),
                ticked: sent.contains(&form_rules::YES),
                message: message_for(&name),
                name,
            }
        })
        .collect()
}
