//! The registration form of one event: which standard fields it asks (required,
//! optional, not at all) and the organisers' own questions in three languages —
//! added, edited, reordered and removed (with a warning and a confirmation when
//! people have answered).

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use domain::audit;
use domain::registration_form::{
    self as form_rules, DraftProblem, FieldRules, MAX_QUESTION_CHARS, Question, QuestionDraft, QuestionKind,
};
use serde::Deserialize;
use uuid::Uuid;

use super::event_pages::{EventLinks, load_event};
use super::form::Nav;
use super::{Access, Guarded, Staff};
use domain::person::{clean_optional_text, clean_text};
use site::AppState;
use site::error::WebError;
use site::form::{Choice, FormErrors};
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/events/{event}/form", Access::Organiser, show)
        .post("/admin/events/{event}/form/fields", Access::Organiser, save_fields)
        .post("/admin/events/{event}/form/questions", Access::Organiser, add)
        .get("/admin/events/{event}/form/questions/{question}/edit", Access::Organiser, edit_form)
        .post("/admin/events/{event}/form/questions/{question}/edit", Access::Organiser, save)
        .post("/admin/events/{event}/form/questions/{question}/move", Access::Organiser, move_question)
        .post("/admin/events/{event}/form/questions/{question}/remove", Access::Organiser, remove)
}

pub struct QuestionLine {
    pub label: String,
    pub kind: String,
    pub required: bool,
    pub options: String,
    pub answered: u64,
    pub edit_url: String,
    pub move_url: String,
    pub remove_url: String,
    pub field_id: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct QuestionForm {
    kind: String,
    required: Option<String>,
    shown_at_door: Option<String>,
    label_de: String,
    label_en: String,
    label_uk: String,
    options_de: String,
    options_en: String,
    options_uk: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct FieldsForm {
    organisation: String,
    organisation_type: String,
    partner_municipality: String,
}

/// One standard field with its three choices.
pub struct StandardField {
    pub name: &'static str,
    pub label: String,
    pub rules: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/form.html")]
struct FormPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    title: String,
    links: EventLinks,
    fields_url: String,
    standard: Vec<StandardField>,
    questions: Vec<QuestionLine>,
    kinds: Vec<Choice>,
    form: QuestionForm,
    messages: FormErrors,
    add_url: String,
    form_title: String,
    submit_label: String,
    warning: Option<String>,
    saved: bool,
}

async fn page(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    event_id: Uuid,
    form: QuestionForm,
    messages: FormErrors,
) -> Result<FormPage, WebError> {
    let event = load_event(app, event_id).await?;
    let rules = FieldRules::of(&event);
    let standard = [
        ("organisation", "field-organisation", rules.organisation),
        ("organisation_type", "field-organisation-type", rules.organisation_type),
        ("partner_municipality", "field-partner-municipality", rules.partner_municipality),
    ]
    .into_iter()
    .map(|(name, label, current)| StandardField {
        name,
        label: t.get(label),
        rules: form_rules::FIELD_RULES
            .iter()
            .map(|(rule, code)| Choice::new(*code, t.get(&format!("admin-field-rule-{code}")), *rule == current))
            .collect(),
    })
    .collect();
    let mut questions = Vec::new();
    for question in form_rules::questions(app.db(), event.id).await? {
        questions.push(QuestionLine {
            label: question.label(t.language).to_owned(),
            kind: t.get(&format!("admin-question-kind-{}", form_rules::kind_code(question.kind))),
            required: question.required,
            options: question.options(t.language).into_iter().map(|(_, label)| label).collect::<Vec<_>>().join(" · "),
            answered: form_rules::answered_by(app.db(), question.id).await?,
            edit_url: urls::admin_question_action(event.id, question.id, "edit"),
            move_url: urls::admin_question_action(event.id, question.id, "move"),
            remove_url: urls::admin_question_action(event.id, question.id, "remove"),
            field_id: question.id.simple().to_string(),
        });
    }
    let kinds = form_rules::KINDS
        .iter()
        .map(|(_, code)| Choice::new(*code, t.get(&format!("admin-question-kind-{code}")), form.kind == *code))
        .collect();
    Ok(FormPage {
        t,
        nav: Nav::of(staff),
        csrf: staff.csrf().to_owned(),
        title: t.with("admin-form-of", "event", event.title(t.language)),
        links: EventLinks::of(event.id),
        fields_url: format!("{}/fields", urls::admin_form(event.id)),
        standard,
        questions,
        kinds,
        form,
        messages,
        add_url: format!("{}/questions", urls::admin_form(event.id)),
        form_title: t.get("admin-question-new"),
        submit_label: t.get("admin-question-add"),
        warning: None,
        saved: false,
    })
}

fn fresh_form() -> QuestionForm {
    QuestionForm { kind: "short_text".into(), ..QuestionForm::default() }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShowQuery {
    saved: Option<String>,
}

async fn show(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    axum::extract::Query(query): axum::extract::Query<ShowQuery>,
) -> Result<FormPage, WebError> {
    let t = Tr::new(language);
    let mut page = page(&app, t, &staff, event_id, fresh_form(), FormErrors::new(t)).await?;
    page.saved = query.saved.is_some();
    Ok(page)
}

async fn save_fields(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<FieldsForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let parsed = (
        form_rules::parse_field_rule(&form.organisation),
        form_rules::parse_field_rule(&form.organisation_type),
        form_rules::parse_field_rule(&form.partner_municipality),
    );
    let (Some(organisation), Some(organisation_type), Some(partner_municipality)) = parsed else {
        let mut messages = FormErrors::new(t);
        for (field, rule) in
            [("organisation", parsed.0), ("organisation_type", parsed.1), ("partner_municipality", parsed.2)]
        {
            if rule.is_none() {
                messages.add(field, t.get("error-invalid-choice"));
            }
        }
        let page = page(&app, t, &staff, event.id, fresh_form(), messages).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let rules = FieldRules { organisation, organisation_type, partner_municipality };
    form_rules::set_field_rules(&app.pools().write, event.id, rules).await?;
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action {
            event_id: Some(event.id),
            action: "form.fields",
            subject: &event.title_de,
            detail: format!(
                "organisation: {}, organisation_type: {}, partner_municipality: {}",
                form.organisation, form.organisation_type, form.partner_municipality
            ),
        },
        Utc::now(),
    )
    .await?;
    Ok(Redirect::to(&format!("{}?saved=1", urls::admin_form(event.id))).into_response())
}

impl QuestionForm {
    fn of(question: &Question) -> Self {
        QuestionForm {
            kind: form_rules::kind_code(question.kind).to_owned(),
            required: question.required.then(|| "on".to_owned()),
            shown_at_door: question.shown_at_door.then(|| "on".to_owned()),
            label_de: question.label_de.clone(),
            label_en: question.label_en.clone(),
            label_uk: question.label_uk.clone(),
            options_de: question.options_de.clone(),
            options_en: question.options_en.clone(),
            options_uk: question.options_uk.clone(),
        }
    }

    /// The draft, or one message per refused field.
    fn parse(&self, t: Tr, messages: &mut FormErrors) -> Option<QuestionDraft> {
        let kind = form_rules::parse_kind(&self.kind);
        if kind.is_none() {
            messages.add("kind", t.get("error-invalid-choice"));
        }
        let label_de = messages.take("label_de", clean_text(&self.label_de, MAX_QUESTION_CHARS));
        let label_en = messages.take("label_en", clean_optional_text(&self.label_en, MAX_QUESTION_CHARS));
        let label_uk = messages.take("label_uk", clean_optional_text(&self.label_uk, MAX_QUESTION_CHARS));
        // Options are one per line: line breaks are allowed, other control characters not.
        let options = |field: &str, text: &str, messages: &mut FormErrors| -> Option<String> {
            let lines: Result<Vec<String>, _> =
                text.lines().map(|line| clean_optional_text(line, MAX_QUESTION_CHARS)).collect();
            messages.take(field, lines.map(|lines| lines.join("\n")))
        };
        let options_de = options("options_de", &self.options_de, messages);
        let options_en = options("options_en", &self.options_en, messages);
        let options_uk = options("options_uk", &self.options_uk, messages);
        let draft = QuestionDraft {
            kind,
            required: self.required.is_some(),
            shown_at_door: self.shown_at_door.is_some(),
            label_de: label_de.unwrap_or_default(),
            label_en: label_en.unwrap_or_default(),
            label_uk: label_uk.unwrap_or_default(),
            options_de: options_de.unwrap_or_default(),
            options_en: options_en.unwrap_or_default(),
            options_uk: options_uk.unwrap_or_default(),
        };
        if draft.shown_at_door && !draft.kind.is_some_and(QuestionKind::is_yes_or_no) {
            messages.add("shown_at_door", t.get("admin-error-shown-at-door"));
        }
        for (field, problem) in draft.option_problems() {
            let key = match problem {
                DraftProblem::TooFewOptions => "admin-error-options-too-few",
                DraftProblem::TooManyOptions => "admin-error-options-too-many",
                DraftProblem::OptionsDoNotMatch => "admin-error-options-do-not-match",
                DraftProblem::DuplicateOption => "admin-error-options-duplicate",
            };
            messages.add(field, t.get(key));
        }
        messages.is_empty().then_some(draft)
    }
}

async fn record(
    app: &AppState,
    staff: &Staff,
    event_id: Uuid,
    action: &'static str,
    subject: &str,
    detail: String,
) -> Result<(), WebError> {
    audit::record(
        &app.pools().write,
        staff.user(),
        audit::Action { event_id: Some(event_id), action, subject, detail },
        Utc::now(),
    )
    .await?;
    Ok(())
}

async fn add(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path(event_id): Path<Uuid>,
    Form(form): Form<QuestionForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let event = load_event(&app, event_id).await?;
    let mut messages = FormErrors::new(t);
    if let Some(draft) = form.parse(t, &mut messages) {
        let label = draft.label_de.clone();
        if form_rules::add(&app.pools().write, event.id, draft).await?.is_some() {
            record(&app, &staff, event.id, "form.question.add", &label, String::new()).await?;
            return Ok(Redirect::to(&urls::admin_form(event.id)).into_response());
        }
        messages.add("label_de", t.count("admin-error-too-many-questions", "count", form_rules::MAX_QUESTIONS as i64));
    }
    let page = page(&app, t, &staff, event.id, form, messages).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn question_of_event(app: &AppState, event_id: Uuid, question_id: Uuid) -> Result<Question, WebError> {
    form_rules::questions(app.db(), event_id)
        .await?
        .into_iter()
        .find(|question| question.id == question_id)
        .ok_or(WebError::NotFound)
}

async fn editing(
    app: &AppState,
    t: Tr,
    staff: &Staff,
    question: &Question,
    form: QuestionForm,
    messages: FormErrors,
) -> Result<FormPage, WebError> {
    let mut page = page(app, t, staff, question.event_id, form, messages).await?;
    page.form_title = t.with("admin-question-edit", "question", question.label(t.language));
    page.submit_label = t.get("admin-save");
    page.add_url = urls::admin_question_action(question.event_id, question.id, "edit");
    Ok(page)
}

async fn edit_form(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, question_id)): Path<(Uuid, Uuid)>,
) -> Result<FormPage, WebError> {
    let question = question_of_event(&app, event_id, question_id).await?;
    let t = Tr::new(language);
    editing(&app, t, &staff, &question, QuestionForm::of(&question), FormErrors::new(t)).await
}

async fn save(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, question_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<QuestionForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let question = question_of_event(&app, event_id, question_id).await?;
    let mut messages = FormErrors::new(t);
    let Some(draft) = form.parse(t, &mut messages) else {
        let page = editing(&app, t, &staff, &question, form, messages).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let label = draft.label_de.clone();
    form_rules::update(&app.pools().write, question.id, draft).await?;
    let detail = if label == question.label_de { String::new() } else { format!("{} → {label}", question.label_de) };
    record(&app, &staff, event_id, "form.question.edit", &label, detail).await?;
    Ok(Redirect::to(&urls::admin_form(event_id)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MoveForm {
    direction: String,
}

async fn move_question(
    State(app): State<AppState>,
    Path((event_id, question_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    form_rules::move_question(&app.pools().write, event_id, question_id, form.direction == "up").await?;
    Ok(Redirect::to(&urls::admin_form(event_id)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RemoveForm {
    confirm: Option<String>,
}

async fn remove(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Path((event_id, question_id)): Path<(Uuid, Uuid)>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let question = question_of_event(&app, event_id, question_id).await?;
    let answered = form_rules::answered_by(app.db(), question.id).await?;
    if answered > 0 && form.confirm.is_none() {
        let mut page = page(&app, t, &staff, event_id, fresh_form(), FormErrors::new(t)).await?;
        let warning = t.count("admin-question-remove-warning", "count", answered as i64);
        page.warning = Some(format!("{warning} ({})", question.label(language)));
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    form_rules::remove(&app.pools().write, question.id).await?;
    record(&app, &staff, event_id, "form.question.remove", &question.label_de, format!("answered by {answered}"))
        .await?;
    Ok(Redirect::to(&urls::admin_form(event_id)).into_response())
}
