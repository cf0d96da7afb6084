//! The attendee list's filter as its query string carries it (every filter optional,
//! unknown values ignored) and the choices its filter form offers; the list, its
//! exports and the messages to attendees share them.

use domain::attendee_list::{self, AnswerFilter, Filter, SortBy};
use domain::person::MAX_TEXT_CHARS;
use domain::programme::ProgrammeSession;
use domain::registration::{OrganisationType, RegistrationStatus};
use domain::registration_form::{self as form_rules, Question, QuestionKind};
use serde::Deserialize;
use site::form::{Choice, organisation_type_choices};
use site::i18n::Tr;

use documents::spreadsheets::status_label;

/// The list's query string as typed: every filter is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub status: String,
    pub session: String,
    pub org_type: String,
    pub checked_in: String,
    /// `{question}:{value}`, or `{question}:*` for any answer.
    pub answer: String,
    /// A session's id, or `any`: people waiting for a place there (any session).
    pub waiting: String,
    pub sort: String,
    pub desc: String,
    pub page: String,
}

impl ListQuery {
    /// Unknown values are ignored rather than refused: a filter link is never an error.
    pub fn filter(&self) -> Filter {
        Filter {
            text: self.q.chars().take(MAX_TEXT_CHARS).collect(),
            status: attendee_list::parse_status(&self.status),
            programme_session_id: self.session.parse().ok(),
            organisation_type: OrganisationType::parse(&self.org_type),
            checked_in: match self.checked_in.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            sort: match self.sort.as_str() {
                "organisation" => SortBy::Organisation,
                "registered" => SortBy::Registered,
                "status" => SortBy::Status,
                "checked_in" => SortBy::CheckedIn,
                _ => SortBy::Name,
            },
            descending: self.desc == "1",
            waiting: match self.waiting.as_str() {
                "any" => Some(None),
                id => id.parse().ok().map(Some),
            },
            answer: self.answer.split_once(':').and_then(|(question, value)| {
                Some(AnswerFilter {
                    question_id: question.parse().ok()?,
                    value: (value != "*").then(|| value.to_owned()),
                })
            }),
        }
    }

    pub fn page(&self) -> usize {
        self.page.parse().unwrap_or(1)
    }

    /// The same filter as a query string, with another page or sort.
    pub fn with(&self, page: Option<usize>, sort: Option<(&str, bool)>) -> String {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("q", &self.q),
            ("status", &self.status),
            ("session", &self.session),
            ("org_type", &self.org_type),
            ("checked_in", &self.checked_in),
            ("answer", &self.answer),
            ("waiting", &self.waiting),
        ] {
            if !value.is_empty() {
                serializer.append_pair(name, value);
            }
        }
        let (sort, descending) = sort.unwrap_or((self.sort.as_str(), self.desc == "1"));
        if !sort.is_empty() {
            serializer.append_pair("sort", sort);
        }
        if descending {
            serializer.append_pair("desc", "1");
        }
        if let Some(page) = page.filter(|page| *page > 1) {
            serializer.append_pair("page", &page.to_string());
        }
        serializer.finish()
    }
}

pub fn filter_choices(
    t: Tr,
    query: &ListQuery,
    sessions: &[ProgrammeSession],
) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    let any = |t: Tr| Choice::new("", t.get("admin-filter-any"), false);
    let mut statuses = vec![any(t)];
    for status in [
        RegistrationStatus::Confirmed,
        RegistrationStatus::PendingConfirmation,
        RegistrationStatus::Waitlisted,
        RegistrationStatus::AwaitingApproval,
        RegistrationStatus::Cancelled,
    ] {
        let code = attendee_list::status_code(status);
        statuses.push(Choice::new(code, status_label(t, status), query.status == code));
    }
    let mut session_choices = vec![any(t)];
    for session in sessions {
        let id = session.id.to_string();
        let selected = query.session == id;
        session_choices.push(Choice::new(id, session.title(t.language).to_owned(), selected));
    }
    let mut types = vec![any(t)];
    types.extend(organisation_type_choices(t, &query.org_type));
    let checked_in = vec![
        any(t),
        Choice::new("yes", t.get("admin-filter-checked-in-yes"), query.checked_in == "yes"),
        Choice::new("no", t.get("admin-filter-checked-in-no"), query.checked_in == "no"),
    ];
    (statuses, session_choices, types, checked_in)
}

/// The waiting lists one can filter by: any session's, or one session's.
pub fn waiting_choices(t: Tr, query: &ListQuery, sessions: &[ProgrammeSession]) -> Vec<Choice> {
    let mut choices = vec![
        Choice::new("", t.get("admin-filter-any"), false),
        Choice::new("any", t.get("admin-filter-waiting-any"), query.waiting == "any"),
    ];
    for session in sessions.iter().filter(|session| session.is_choosable()) {
        let id = session.id.to_string();
        let selected = query.waiting == id;
        choices.push(Choice::new(id, session.title(t.language).to_owned(), selected));
    }
    choices
}

/// The answers one can filter by: each option of a choice question, yes and no, or
/// "answered" for text questions. Empty when the event asks no questions.
pub fn answer_choices(t: Tr, query: &ListQuery, questions: &[Question]) -> Vec<Choice> {
    if questions.is_empty() {
        return Vec::new();
    }
    let mut choices = vec![Choice::new("", t.get("admin-filter-any"), false)];
    for question in questions {
        let label = question.label(t.language);
        let short: String = label.chars().take(60).collect();
        let values: Vec<(String, String)> = match question.kind {
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice => question
                .options(t.language)
                .into_iter()
                .map(|(value, shown)| (value.to_owned(), shown.to_owned()))
                .collect(),
            QuestionKind::YesNo | QuestionKind::Consent => {
                vec![(form_rules::YES.to_owned(), t.get("answer-yes")), (form_rules::NO.to_owned(), t.get("answer-no"))]
            }
            QuestionKind::ShortText | QuestionKind::LongText => {
                vec![("*".to_owned(), t.get("admin-filter-answer-any"))]
            }
        };
        for (value, shown) in values {
            let code = format!("{}:{value}", question.id);
            let selected = query.answer == code;
            choices.push(Choice::new(code, format!("{short}: {shown}"), selected));
        }
    }
    choices
}
