//! The registration form of one event beyond name and e-mail address: which standard
//! fields it asks, and the organisers' own questions (short or long text, one or several
//! choices, yes/no, a consent with its own text) in three languages, with every
//! person's answers.
//!
//! An answer keeps the wording the person read, so a consent (say, to photos) can be
//! shown later exactly as it was given. A choice is stored as its German wording, so
//! answers stay readable when options are added or translated later.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

pub use crate::entity::answer::Model as Answer;
pub use crate::entity::event::FieldRule;
pub use crate::entity::question::{Model as Question, QuestionKind};
use crate::entity::{answer, event, question};
use crate::ids::new_id;
use crate::language::Language;
use crate::person::{InvalidInput, MAX_TEXT_CHARS, clean_optional_text};

/// Long answers (dietary needs, accessibility) get room; one line stays short.
pub const MAX_LONG_ANSWER_CHARS: usize = 2000;
/// A question's own text may be a whole consent paragraph.
pub const MAX_QUESTION_CHARS: usize = 1000;
pub const MAX_OPTIONS: usize = 30;
/// A form is for people, not a survey: more than this is refused.
pub const MAX_QUESTIONS: usize = 30;

pub const YES: &str = "yes";
pub const NO: &str = "no";

pub const KINDS: [(QuestionKind, &str); 6] = [
    (QuestionKind::ShortText, "short_text"),
    (QuestionKind::LongText, "long_text"),
    (QuestionKind::SingleChoice, "single_choice"),
    (QuestionKind::MultipleChoice, "multiple_choice"),
    (QuestionKind::YesNo, "yes_no"),
    (QuestionKind::Consent, "consent"),
];

pub fn kind_code(kind: QuestionKind) -> &'static str {
    KINDS.iter().find(|(known, _)| *known == kind).map_or("short_text", |(_, code)| code)
}

pub fn parse_kind(raw: &str) -> Option<QuestionKind> {
    KINDS.iter().find(|(_, code)| *code == raw).map(|(kind, _)| *kind)
}

pub const FIELD_RULES: [(FieldRule, &str); 3] =
    [(FieldRule::Required, "required"), (FieldRule::Optional, "optional"), (FieldRule::Hidden, "hidden")];

pub fn field_rule_code(rule: FieldRule) -> &'static str {
    FIELD_RULES.iter().find(|(known, _)| *known == rule).map_or("required", |(_, code)| code)
}

pub fn parse_field_rule(raw: &str) -> Option<FieldRule> {
    FIELD_RULES.iter().find(|(_, code)| *code == raw).map(|(rule, _)| *rule)
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty())
}

impl Question {
    pub fn label(&self, language: Language) -> &str {
        language.pick(&self.label_de, &self.label_en, &self.label_uk)
    }

    pub fn has_options(&self) -> bool {
        matches!(self.kind, QuestionKind::SingleChoice | QuestionKind::MultipleChoice)
    }

    /// The choices as `(stored value, label in this language)`. A translation with a
    /// different number of lines is not used (the German lines are shown instead).
    pub fn options(&self, language: Language) -> Vec<(&str, &str)> {
        let values: Vec<&str> = lines(&self.options_de).collect();
        let translated: Vec<&str> = match language {
            Language::De => Vec::new(),
            Language::En => lines(&self.options_en).collect(),
            Language::Uk => lines(&self.options_uk).collect(),
        };
        if translated.len() == values.len() {
            values.into_iter().zip(translated).collect()
        } else {
            values.into_iter().map(|value| (value, value)).collect()
        }
    }

    /// A stored answer as a reader in this language sees it: choices translated where
    /// the option still exists, yes/no as the given words.
    pub fn show_answer(&self, value: &str, language: Language, yes: &str, no: &str) -> String {
        match self.kind {
            QuestionKind::YesNo | QuestionKind::Consent => {
                if value == YES {
                    yes.to_owned()
                } else {
                    no.to_owned()
                }
            }
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                let options = self.options(language);
                value
                    .lines()
                    .map(|chosen| {
                        options.iter().find(|(stored, _)| *stored == chosen).map_or(chosen, |(_, label)| label)
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            QuestionKind::ShortText | QuestionKind::LongText => value.to_owned(),
        }
    }

    /// Parses what the form sent for this question (several values for multiple
    /// choice). `None` when left empty and allowed to be.
    pub fn parse_answer(&self, sent: &[&str], language: Language) -> Result<Option<NewAnswer>, AnswerProblem> {
        let first = sent.first().copied().unwrap_or("");
        let value = match self.kind {
            QuestionKind::ShortText | QuestionKind::LongText => {
                let limit = if self.kind == QuestionKind::ShortText { MAX_TEXT_CHARS } else { MAX_LONG_ANSWER_CHARS };
                // Line breaks belong in a long answer; other control characters do not.
                let text = if self.kind == QuestionKind::LongText {
                    let lines: Result<Vec<String>, InvalidInput> =
                        first.lines().map(|line| clean_optional_text(line, limit)).collect();
                    lines.map(|lines| lines.join("\n").trim().to_owned())
                } else {
                    clean_optional_text(first, limit)
                };
                let text = text.map_err(AnswerProblem::Invalid)?;
                if text.chars().count() > limit {
                    return Err(AnswerProblem::Invalid(InvalidInput::TooLong));
                }
                text
            }
            QuestionKind::SingleChoice => {
                let chosen = first.trim();
                if !chosen.is_empty() && !self.options(Language::De).iter().any(|(value, _)| *value == chosen) {
                    return Err(AnswerProblem::InvalidChoice);
                }
                chosen.to_owned()
            }
            QuestionKind::MultipleChoice => {
                let options = self.options(Language::De);
                let mut chosen = Vec::new();
                for value in sent.iter().map(|value| value.trim()).filter(|value| !value.is_empty()) {
                    if !options.iter().any(|(option, _)| *option == value) {
                        return Err(AnswerProblem::InvalidChoice);
                    }
                    if !chosen.contains(&value) {
                        chosen.push(value);
                    }
                }
                // The order of the options, whatever order the browser sent them in.
                options
                    .iter()
                    .map(|(option, _)| *option)
                    .filter(|option| chosen.contains(option))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            QuestionKind::YesNo => match first.trim() {
                "" => String::new(),
                YES => YES.to_owned(),
                NO => NO.to_owned(),
                _ => return Err(AnswerProblem::InvalidChoice),
            },
            // An unticked box is a "no" worth keeping: photographers must know.
            QuestionKind::Consent => match first.trim() {
                YES => YES.to_owned(),
                "" if self.required => String::new(),
                "" => NO.to_owned(),
                _ => return Err(AnswerProblem::InvalidChoice),
            },
        };
        if value.is_empty() {
            return if self.required {
                Err(if self.kind == QuestionKind::Consent { AnswerProblem::NotTicked } else { AnswerProblem::Missing })
            } else {
                Ok(None)
            };
        }
        let wording = match self.kind {
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                format!("{}: {}", self.label(language), self.show_answer(&value, language, YES, NO))
            }
            _ => self.label(language).to_owned(),
        };
        Ok(Some(NewAnswer { question_id: self.id, value, wording }))
    }
}

/// Why an answer was refused; the web layer says it in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerProblem {
    Missing,
    NotTicked,
    InvalidChoice,
    Invalid(InvalidInput),
}

impl AnswerProblem {
    pub fn code(self) -> &'static str {
        match self {
            AnswerProblem::Missing => "answer-missing",
            AnswerProblem::NotTicked => "answer-not-ticked",
            AnswerProblem::InvalidChoice => "invalid-choice",
            AnswerProblem::Invalid(invalid) => invalid.code(),
        }
    }
}

/// One person's answer to one question, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAnswer {
    pub question_id: Uuid,
    pub value: String,
    pub wording: String,
}

/// A question as an organiser typed it, parsed at the edge.
#[derive(Clone, Debug, Default)]
pub struct QuestionDraft {
    pub kind: Option<QuestionKind>,
    pub required: bool,
    pub label_de: String,
    pub label_en: String,
    pub label_uk: String,
    pub options_de: String,
    pub options_en: String,
    pub options_uk: String,
    /// Door lists and badges show the answer (photo consent); only for yes/no and consent.
    pub shown_at_door: bool,
}

/// What is wrong with a draft, per field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    /// A choice question needs at least two options.
    TooFewOptions,
    TooManyOptions,
    /// A translation has a different number of lines than the German options.
    OptionsDoNotMatch,
    /// The same option twice: answers could not tell them apart.
    DuplicateOption,
}

impl QuestionDraft {
    /// Problems with the options, per language field (`options_de`, …).
    pub fn option_problems(&self) -> Vec<(&'static str, DraftProblem)> {
        let kind = self.kind.unwrap_or(QuestionKind::ShortText);
        if !matches!(kind, QuestionKind::SingleChoice | QuestionKind::MultipleChoice) {
            return Vec::new();
        }
        let german: Vec<&str> = lines(&self.options_de).collect();
        let mut problems = Vec::new();
        if german.len() < 2 {
            problems.push(("options_de", DraftProblem::TooFewOptions));
        } else if german.len() > MAX_OPTIONS {
            problems.push(("options_de", DraftProblem::TooManyOptions));
        } else if german.iter().enumerate().any(|(i, option)| german[..i].contains(option)) {
            problems.push(("options_de", DraftProblem::DuplicateOption));
        }
        for (field, text) in [("options_en", &self.options_en), ("options_uk", &self.options_uk)] {
            let count = lines(text).count();
            if count != 0 && count != german.len() {
                problems.push((field, DraftProblem::OptionsDoNotMatch));
            }
        }
        problems
    }

    /// Options are kept only for choice questions; blank lines are dropped.
    fn tidy_options(&self, text: &str) -> String {
        let kind = self.kind.unwrap_or(QuestionKind::ShortText);
        if matches!(kind, QuestionKind::SingleChoice | QuestionKind::MultipleChoice) {
            lines(text).collect::<Vec<_>>().join("\n")
        } else {
            String::new()
        }
    }
}

pub async fn questions<C: ConnectionTrait>(db: &C, event_id: Uuid) -> Result<Vec<Question>, DbErr> {
    question::Entity::find()
        .filter(question::Column::EventId.eq(event_id))
        .order_by_asc(question::Column::Position)
        .all(db)
        .await
}

/// Adds a question at the end of the form; `None` when the form already has the most
/// questions allowed.
pub async fn add(db: &DatabaseConnection, event_id: Uuid, draft: QuestionDraft) -> Result<Option<Question>, DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let existing = questions(&txn, event_id).await?;
    if existing.len() >= MAX_QUESTIONS {
        return Ok(None);
    }
    let position = existing.iter().map(|question| question.position).max().unwrap_or(0) + 1;
    let added = question::Entity::insert(question::ActiveModel {
        id: Set(new_id()),
        event_id: Set(event_id),
        position: Set(position),
        kind: Set(draft.kind.unwrap_or(QuestionKind::ShortText)),
        required: Set(draft.required),
        options_de: Set(draft.tidy_options(&draft.options_de)),
        options_en: Set(draft.tidy_options(&draft.options_en)),
        options_uk: Set(draft.tidy_options(&draft.options_uk)),
        label_de: Set(draft.label_de),
        label_en: Set(draft.label_en),
        label_uk: Set(draft.label_uk),
        shown_at_door: Set(draft.shown_at_door && draft.kind.is_some_and(QuestionKind::is_yes_or_no)),
    })
    .exec_with_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok(Some(added))
}

/// New wording, options or kind. Answers given so far stay as they were given.
pub async fn update(db: &DatabaseConnection, question_id: Uuid, draft: QuestionDraft) -> Result<(), DbErr> {
    question::Entity::update_many()
        .col_expr(question::Column::Kind, Expr::value(draft.kind.unwrap_or(QuestionKind::ShortText)))
        .col_expr(question::Column::Required, Expr::value(draft.required))
        .col_expr(
            question::Column::ShownAtDoor,
            Expr::value(draft.shown_at_door && draft.kind.is_some_and(QuestionKind::is_yes_or_no)),
        )
        .col_expr(question::Column::OptionsDe, Expr::value(draft.tidy_options(&draft.options_de)))
        .col_expr(question::Column::OptionsEn, Expr::value(draft.tidy_options(&draft.options_en)))
        .col_expr(question::Column::OptionsUk, Expr::value(draft.tidy_options(&draft.options_uk)))
        .col_expr(question::Column::LabelDe, Expr::value(draft.label_de))
        .col_expr(question::Column::LabelEn, Expr::value(draft.label_en))
        .col_expr(question::Column::LabelUk, Expr::value(draft.label_uk))
        .filter(question::Column::Id.eq(question_id))
        .exec(db)
        .await?;
    Ok(())
}

/// How many people answered a question: removing it removes their answers.
pub async fn answered_by(db: &DatabaseConnection, question_id: Uuid) -> Result<u64, DbErr> {
    answer::Entity::find().filter(answer::Column::QuestionId.eq(question_id)).count(db).await
}

/// Removes a question and every answer to it.
pub async fn remove(db: &DatabaseConnection, question_id: Uuid) -> Result<(), DbErr> {
    let txn = crate::store::begin_write(db).await?;
    answer::Entity::delete_many().filter(answer::Column::QuestionId.eq(question_id)).exec(&txn).await?;
    question::Entity::delete_by_id(question_id).exec(&txn).await?;
    txn.commit().await
}

/// Moves a question one place up or down in the form.
pub async fn move_question(db: &DatabaseConnection, event_id: Uuid, question_id: Uuid, up: bool) -> Result<(), DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let mut list = questions(&txn, event_id).await?;
    let Some(index) = list.iter().position(|question| question.id == question_id) else {
        return Ok(());
    };
    let other = if up { index.checked_sub(1) } else { Some(index + 1).filter(|next| *next < list.len()) };
    let Some(other) = other else {
        return Ok(());
    };
    list.swap(index, other);
    for (position, question) in list.iter().enumerate() {
        question::Entity::update_many()
            .col_expr(question::Column::Position, Expr::value(position as i32 + 1))
            .filter(question::Column::Id.eq(question.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await
}

/// Which standard fields the form asks, and whether they must be filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldRules {
    pub organisation: FieldRule,
    pub organisation_type: FieldRule,
    pub partner_municipality: FieldRule,
}

impl FieldRules {
    pub fn of(event: &crate::event::Event) -> Self {
        FieldRules {
            organisation: event.ask_organisation,
            organisation_type: event.ask_organisation_type,
            partner_municipality: event.ask_partner_municipality,
        }
    }
}

pub async fn set_field_rules(db: &DatabaseConnection, event_id: Uuid, rules: FieldRules) -> Result<(), DbErr> {
    event::Entity::update_many()
        .col_expr(event::Column::AskOrganisation, Expr::value(rules.organisation))
        .col_expr(event::Column::AskOrganisationType, Expr::value(rules.organisation_type))
        .col_expr(event::Column::AskPartnerMunicipality, Expr::value(rules.partner_municipality))
        .filter(event::Column::Id.eq(event_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Stores one person's answers (inside the caller's transaction).
pub async fn save_answers<C: ConnectionTrait>(
    db: &C,
    attendee_id: Uuid,
    event_id: Uuid,
    answers: &[NewAnswer],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if answers.is_empty() {
        return Ok(());
    }
    answer::Entity::insert_many(answers.iter().map(|given| answer::ActiveModel {
        attendee_id: Set(attendee_id),
        question_id: Set(given.question_id),
        event_id: Set(event_id),
        value: Set(given.value.clone()),
        wording: Set(given.wording.clone()),
        answered_at: Set(now),
    }))
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Replaces one person's answers with what they (or an organiser) gave now. Answers
/// that did not change keep their time and wording.
pub async fn replace_answers<C: ConnectionTrait>(
    db: &C,
    attendee_id: Uuid,
    event_id: Uuid,
    answers: &[NewAnswer],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let before = answer::Entity::find().filter(answer::Column::AttendeeId.eq(attendee_id)).all(db).await?;
    let unchanged =
        |given: &NewAnswer| before.iter().any(|old| old.question_id == given.question_id && old.value == given.value);
    let keep: Vec<Uuid> = answers.iter().filter(|given| unchanged(given)).map(|given| given.question_id).collect();
    let mut delete = answer::Entity::delete_many().filter(answer::Column::AttendeeId.eq(attendee_id));
    if !keep.is_empty() {
        delete = delete.filter(answer::Column::QuestionId.is_not_in(keep.clone()));
    }
    delete.exec(db).await?;
    let fresh: Vec<NewAnswer> = answers.iter().filter(|given| !keep.contains(&given.question_id)).cloned().collect();
    save_answers(db, attendee_id, event_id, &fresh, now).await
}

/// Every answer of these attendees, in no particular order.
pub async fn answers_of(db: &DatabaseConnection, attendee_ids: &[Uuid]) -> Result<Vec<Answer>, DbErr> {
    if attendee_ids.is_empty() {
        return Ok(Vec::new());
    }
    answer::Entity::find().filter(answer::Column::AttendeeId.is_in(attendee_ids.iter().copied())).all(db).await
}

/// The answers of an event's attendees: attendee → (question, value).
pub async fn answers_of_event(
    db: &DatabaseConnection,
    event_id: Uuid,
) -> Result<HashMap<Uuid, Vec<(Uuid, String)>>, DbErr> {
    let mut by_attendee: HashMap<Uuid, Vec<(Uuid, String)>> = HashMap::new();
    for (attendee_id, question_id, value) in answer::Entity::find()
        .select_only()
        .columns([answer::Column::AttendeeId, answer::Column::QuestionId, answer::Column::Value])
        .filter(answer::Column::EventId.eq(event_id))
        .into_tuple::<(Uuid, Uuid, String)>()
        .all(db)
        .await?
    {
        by_attendee.entry(attendee_id).or_default().push((question_id, value));
    }
    Ok(by_attendee)
}

/// The questions whose answer the door and the badges show (the photo consent).
pub fn door_questions(questions: &[Question]) -> Vec<Uuid> {
    questions.iter().filter(|question| question.shown_at_door).map(|question| question.id).collect()
}

/// Whether a person with these answers (question, value) must not be photographed:
/// they did not say yes to every question shown at the door.
pub fn declines_photos(door_questions: &[Uuid], answers: &[(Uuid, String)]) -> bool {
    door_questions.iter().any(|door| !answers.iter().any(|(question, value)| question == door && value == YES))
}

/// Of an event's attendees (or only of `among`), those who said yes to every question
/// shown at the door; `None` when the event shows no question at the door.
pub async fn photo_consenters(
    db: &DatabaseConnection,
    event_id: Uuid,
    among: Option<&[Uuid]>,
) -> Result<Option<std::collections::HashSet<Uuid>>, DbErr> {
    let door = door_questions(&questions(db, event_id).await?);
    if door.is_empty() {
        return Ok(None);
    }
    let mut query = answer::Entity::find()
        .select_only()
        .column(answer::Column::AttendeeId)
        .filter(answer::Column::EventId.eq(event_id))
        .filter(answer::Column::QuestionId.is_in(door.iter().copied()))
        .filter(answer::Column::Value.eq(YES));
    if let Some(among) = among {
        query = query.filter(answer::Column::AttendeeId.is_in(among.iter().copied()));
    }
    let mut yes: HashMap<Uuid, usize> = HashMap::new();
    for attendee_id in query.into_tuple::<Uuid>().all(db).await? {
        *yes.entry(attendee_id).or_default() += 1;
    }
    Ok(Some(yes.into_iter().filter(|(_, count)| *count == door.len()).map(|(id, _)| id).collect()))
}

/// Copies an event's questions to its duplicate (next year's event asks the same).
pub async fn copy_questions<C: ConnectionTrait>(db: &C, from_event: Uuid, to_event: Uuid) -> Result<(), DbErr> {
    let list = questions(db, from_event).await?;
    if list.is_empty() {
        return Ok(());
    }
    question::Entity::insert_many(
        list.into_iter()
            .map(|question| question::ActiveModel::from(Question { id: new_id(), event_id: to_event, ..question })),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind, required: bool) -> Question {
        Question {
            id: Uuid::nil(),
            event_id: Uuid::nil(),
            position: 1,
            kind,
            required,
            label_de: "Essen".into(),
            label_en: "Food".into(),
            label_uk: String::new(),
            options_de: "vegetarisch\nvegan\nkeine Wünsche".into(),
            options_en: "vegetarian\nvegan\nno preference".into(),
            options_uk: "вегетаріанське\nвеганське".into(),
            shown_at_door: false,
        }
    }

    #[test]
    fn whoever_did_not_say_yes_to_every_question_shown_at_the_door_declines_photos() {
        let (photos, press) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let yes = |question: Uuid| (question, YES.to_owned());
        assert!(!declines_photos(&[], &[]), "no question at the door: nobody is marked");
        assert!(declines_photos(&[photos], &[]), "not answered");
        assert!(declines_photos(&[photos], &[(photos, NO.to_owned())]), "said no");
        assert!(!declines_photos(&[photos], &[yes(photos)]));
        assert!(declines_photos(&[photos, press], &[yes(photos)]), "yes to one of two");
        assert!(!declines_photos(&[photos, press], &[yes(press), yes(photos)]));
    }

    #[test]
    fn choices_are_stored_in_german_and_shown_translated_where_the_lines_match() {
        let single = question(QuestionKind::SingleChoice, true);
        let answer = single.parse_answer(&["vegan"], Language::En).ok().flatten();
        assert_eq!(answer.as_ref().map(|a| a.value.as_str()), Some("vegan"));
        assert_eq!(answer.map(|a| a.wording), Some("Food: vegan".to_owned()));
        assert_eq!(single.show_answer("vegetarisch", Language::En, "yes", "no"), "vegetarian");
        // The Ukrainian options have too few lines: German is shown.
        assert_eq!(single.show_answer("vegetarisch", Language::Uk, "так", "ні"), "vegetarisch");
        assert_eq!(single.parse_answer(&["vegetarian"], Language::En), Err(AnswerProblem::InvalidChoice));
        assert_eq!(single.parse_answer(&[""], Language::De), Err(AnswerProblem::Missing));
    }

    #[test]
    fn multiple_choice_keeps_the_order_of_the_options_and_drops_repeats() {
        let multiple = question(QuestionKind::MultipleChoice, false);
        let answer = multiple.parse_answer(&["keine Wünsche", "vegetarisch", "vegetarisch"], Language::De);
        assert_eq!(answer.ok().flatten().map(|a| a.value), Some("vegetarisch\nkeine Wünsche".to_owned()));
        assert_eq!(multiple.parse_answer(&[], Language::De), Ok(None));
        assert_eq!(multiple.parse_answer(&["Fisch"], Language::De), Err(AnswerProblem::InvalidChoice));
    }

    #[test]
    fn an_optional_consent_left_unticked_is_recorded_as_no_and_a_required_one_is_refused() {
        let optional = question(QuestionKind::Consent, false);
        assert_eq!(optional.parse_answer(&[], Language::De).ok().flatten().map(|a| a.value), Some(NO.to_owned()));
        let answer = optional.parse_answer(&["yes"], Language::En).ok().flatten();
        assert_eq!(answer.map(|a| (a.value, a.wording)), Some((YES.to_owned(), "Food".to_owned())));
        let required = question(QuestionKind::Consent, true);
        assert_eq!(required.parse_answer(&[], Language::De), Err(AnswerProblem::NotTicked));
    }

    #[test]
    fn text_answers_refuse_control_characters_and_long_text_keeps_its_lines() {
        let short = question(QuestionKind::ShortText, false);
        assert_eq!(
            short.parse_answer(&["a\u{202E}b"], Language::De),
            Err(AnswerProblem::Invalid(InvalidInput::InvalidCharacters))
        );
        assert_eq!(short.parse_answer(&["  "], Language::De), Ok(None));
        let long = question(QuestionKind::LongText, true);
        let answer = long.parse_answer(&["Rollstuhl\r\nRampe bitte"], Language::De).ok().flatten();
        assert_eq!(answer.map(|a| a.value), Some("Rollstuhl\nRampe bitte".to_owned()));
        let too_long = "x".repeat(MAX_LONG_ANSWER_CHARS + 1);
        assert_eq!(
            long.parse_answer(&[too_long.as_str()], Language::De),
            Err(AnswerProblem::Invalid(InvalidInput::TooLong))
        );
    }

    #[test]
    fn choice_drafts_need_two_distinct_options_and_matching_translations() {
        let mut draft = QuestionDraft {
            kind: Some(QuestionKind::SingleChoice),
            options_de: "ja\n\nja".into(),
            options_en: "yes".into(),
            ..QuestionDraft::default()
        };
        assert_eq!(
            draft.option_problems(),
            vec![("options_de", DraftProblem::DuplicateOption), ("options_en", DraftProblem::OptionsDoNotMatch)]
        );
        draft.options_de = "ja\nnein".into();
        draft.options_en = "yes\nno".into();
        assert!(draft.option_problems().is_empty());
        draft.kind = Some(QuestionKind::ShortText);
        draft.options_de = String::new();
        assert!(draft.option_problems().is_empty());
    }
}
