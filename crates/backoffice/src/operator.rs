//! The operator's details (administrators only): who runs the site, for the imprint,
//! the privacy notice and the contact line under every mail.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use domain::operator::{self, FIELDS, OperatorDetails, OperatorInput};
use serde::Deserialize;

use super::form::Nav;
use super::{Access, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::form::FormErrors;
use site::i18n::{Lang, Tr};
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new().get("/admin/settings/operator", Access::Administrator, show).post(
        "/admin/settings/operator",
        Access::Administrator,
        save,
    )
}

/// What the form sends; a missing field is empty, so it gets a message, not a 400.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct OperatorForm {
    name: String,
    representative: String,
    address: String,
    email: String,
    phone: String,
    responsible_name: String,
    responsible_address: String,
    privacy_contact: String,
    privacy_email: String,
}

impl OperatorForm {
    fn of(details: &OperatorDetails) -> Self {
        OperatorForm {
            name: details.name().to_owned(),
            representative: details.representative().to_owned(),
            address: details.address().to_owned(),
            email: details.email().to_owned(),
            phone: details.phone().to_owned(),
            responsible_name: details.responsible_name().to_owned(),
            responsible_address: details.responsible_address().to_owned(),
            privacy_contact: details.privacy_contact().to_owned(),
            privacy_email: details.privacy_email().to_owned(),
        }
    }

    fn input(&self) -> OperatorInput<'_> {
        OperatorInput {
            name: &self.name,
            representative: &self.representative,
            address: &self.address,
            email: &self.email,
            phone: &self.phone,
            responsible_name: &self.responsible_name,
            responsible_address: &self.responsible_address,
            privacy_contact: &self.privacy_contact,
            privacy_email: &self.privacy_email,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/operator.html")]
struct OperatorPage {
    t: Tr,
    nav: Option<Nav>,
    csrf: String,
    action: String,
    imprint_url: String,
    form: OperatorForm,
    messages: FormErrors,
    saved: bool,
}

/// The translation key of a field's label (`admin-operator-{field}`).
fn label(t: Tr, field: &str) -> String {
    t.get(&format!("admin-operator-{}", field.replace('_', "-")))
}

impl OperatorPage {
    fn new(t: Tr, staff: &Staff, form: OperatorForm) -> Self {
        OperatorPage {
            t,
            nav: Nav::of(staff),
            csrf: staff.csrf().to_owned(),
            action: urls::admin_operator(),
            imprint_url: urls::imprint(),
            form,
            messages: FormErrors::new(t),
            saved: false,
        }
    }

    /// The summary's lines, each naming its field.
    fn summary(&self) -> Vec<site::form::FieldMessage> {
        self.messages.summary(|field| Some(label(self.t, field)))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ShowQuery {
    saved: Option<String>,
}

async fn show(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Query(query): Query<ShowQuery>,
) -> Result<OperatorPage, WebError> {
    // Straight from the database, not the cache: the form shows what is stored.
    let form = operator::load(app.db()).await?.as_ref().map(OperatorForm::of).unwrap_or_default();
    let mut page = OperatorPage::new(Tr::new(language), &staff, form);
    page.saved = query.saved.is_some();
    Ok(page)
}

async fn save(
    State(app): State<AppState>,
    Lang(language): Lang,
    staff: Staff,
    Form(form): Form<OperatorForm>,
) -> Result<Response, WebError> {
    let details = match OperatorDetails::parse(&form.input()) {
        Ok(details) => details,
        Err(problems) => {
            let mut page = OperatorPage::new(Tr::new(language), &staff, form);
            for problem in problems {
                page.messages.invalid(problem.field, problem.problem);
            }
            page.messages.sort_by_place(|field| FIELDS.iter().position(|known| *known == field));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    operator::save(&app.pools().write, &details, staff.user(), Utc::now()).await?;
    app.forget_operator();
    Ok(Redirect::to(&format!("{}?saved=1", urls::admin_operator())).into_response())
}
