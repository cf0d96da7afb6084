//! Signing in and out, forgotten passwords, and the one-time account links that set up
//! the first administrator, accept an invitation or reset a password.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use chrono::Utc;
use domain::account::{self, LinkAnswer, LinkError, LinkPurpose, Password};
use domain::audit;
use domain::login::{self, LogInError};
use domain::person::{EmailAddress, MAX_TEXT_CHARS, clean_text};
use serde::Deserialize;

use super::form::Nav;
use super::{Access, FormToken, Guarded, Staff};
use site::AppState;
use site::error::WebError;
use site::form::FormErrors;
use site::i18n::{Lang, Tr};
use site::rate_limit::ClientIp;
use site::urls;

pub fn routes() -> Guarded {
    Guarded::new()
        .get("/admin/login", Access::Anyone, login_form)
        .post("/admin/login", Access::Anyone, log_in)
        .post("/admin/logout", Access::SignedIn, log_out)
        .get("/admin/password/forgot", Access::Anyone, forgot_form)
        .post("/admin/password/forgot", Access::Anyone, forgot)
        .get("/admin/account/{token}", Access::Anyone, link_form)
        .post("/admin/account/{token}", Access::Anyone, use_link)
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/login.html")]
struct LoginPage {
    t: Tr,
    nav: Option<Nav>,
    messages: FormErrors,
    notice: Option<String>,
    action: String,
    csrf: String,
    next: String,
    email: String,
    forgot_url: String,
}

impl LoginPage {
    fn new(t: Tr, csrf: String, next: String) -> Self {
        LoginPage {
            t,
            nav: None,
            messages: FormErrors::new(t),
            notice: None,
            action: urls::admin_login(),
            csrf,
            next,
            email: String::new(),
            forgot_url: urls::admin_forgot_password(),
        }
    }
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// Where to go after signing in: only a plain path in our own back office, printable
/// ASCII (a CR or LF would break the `Location` header, `//` or a backslash could lead
/// to another site); anything else goes to the start page.
fn safe_next(next: Option<&str>) -> String {
    next.filter(|next| {
        next.starts_with("/admin")
            && next.len() <= MAX_NEXT_CHARS
            && !next.contains("//")
            && next.bytes().all(|byte| byte.is_ascii_graphic() && byte != b'\\')
    })
    .map_or_else(urls::admin_home, str::to_owned)
}

/// Longer than any back-office address with its filters.
const MAX_NEXT_CHARS: usize = 2000;

async fn login_form(
    Lang(language): Lang,
    FormToken(csrf): FormToken,
    axum::extract::Query(query): axum::extract::Query<NextQuery>,
) -> LoginPage {
    LoginPage::new(Tr::new(language), csrf, safe_next(query.next.as_deref()))
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn log_in(
    State(app): State<AppState>,
    Lang(language): Lang,
    FormToken(csrf): FormToken,
    client: ClientIp,
    headers: axum::http::HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let now = Utc::now();
    // A browser that signed in to this account before gets in whatever others try.
    let known_device = super::cookie(&headers, super::DEVICE_COOKIE)
        .is_some_and(|mark| app.known_devices().recognises(&mark, &form.email, now));
    // Every other submission may cost a password check: a client gets a few, then waits,
    // and all clients together get a ceiling.
    if !known_device {
        let limits = app.limits();
        if let Err(wait) =
            limits.login.check(&client.key()).and_then(|()| limits.all_log_ins.check(site::rate_limit::EVERYONE))
        {
            return Ok(site::rate_limit::too_many_requests(wait));
        }
    }
    let t = Tr::new(language);
    let mut page = LoginPage::new(t, csrf, safe_next(Some(&form.next)));
    page.email = form.email.trim().to_owned();
    if form.email.trim().is_empty() {
        page.messages.add("email", t.get("error-required"));
    }
    if form.password.is_empty() {
        page.messages.add("password", t.get("error-required"));
    }
    if !page.messages.is_empty() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let client_key = client.key();
    let attempter = login::Attempter { client: &client_key, known_device };
    match login::log_in(app.pools(), app.password_checks(), &form.email, &form.password, &attempter, now).await {
        Ok(session) => {
            audit::record(
                &app.pools().write,
                &session.user,
                audit::Action {
                    event_id: None,
                    action: "account.log_in",
                    subject: &session.user.email,
                    detail: String::new(),
                },
                now,
            )
            .await?;
            let mark = app.known_devices().mark(&session.user.email, now);
            Ok((
                AppendHeaders([
                    (SET_COOKIE, super::session_cookie(&app, &session.token)),
                    (SET_COOKIE, super::device_cookie(&app, &mark)),
                ]),
                Redirect::to(&page.next),
            )
                .into_response())
        }
        Err(LogInError::WrongCredentials) => {
            page.messages.add("email", t.get("admin-login-wrong"));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(LogInError::Throttled(wait)) => {
            let seconds = wait.num_seconds().max(1);
            page.messages.add("email", t.count("admin-login-throttled", "seconds", seconds));
            Ok((StatusCode::TOO_MANY_REQUESTS, [("retry-after", seconds.to_string())], page).into_response())
        }
        // The error page says "try again in a moment", in the user's language.
        Err(LogInError::Busy) => Ok((StatusCode::SERVICE_UNAVAILABLE, [("retry-after", "2")]).into_response()),
        Err(LogInError::Database(err)) => Err(err.into()),
    }
}

async fn log_out(
    State(app): State<AppState>,
    staff: Staff,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    if let Some(token) = super::cookie(&headers, super::SESSION_COOKIE) {
        account::log_out(&app.pools().write, &token).await?;
    }
    let _ = staff;
    Ok(([(SET_COOKIE, super::expired_session_cookie())], Redirect::to(&urls::admin_login())).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/forgot.html")]
struct ForgotPage {
    t: Tr,
    nav: Option<Nav>,
    messages: FormErrors,
    action: String,
    csrf: String,
    email: String,
    sent: bool,
}

async fn forgot_form(Lang(language): Lang, FormToken(csrf): FormToken) -> ForgotPage {
    let t = Tr::new(language);
    ForgotPage {
        t,
        nav: None,
        messages: FormErrors::new(t),
        action: urls::admin_forgot_password(),
        csrf,
        email: String::new(),
        sent: false,
    }
}

#[derive(Deserialize)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn forgot(
    State(app): State<AppState>,
    Lang(language): Lang,
    FormToken(csrf): FormToken,
    client: ClientIp,
    Form(form): Form<ForgotForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let mut page = ForgotPage {
        t,
        nav: None,
        messages: FormErrors::new(t),
        action: urls::admin_forgot_password(),
        csrf,
        email: form.email.trim().to_owned(),
        sent: false,
    };
    let Some(email) = page.messages.take("email", EmailAddress::parse(&form.email)) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    if let Err(wait) = app.limits().registration.check(&client.key()) {
        return Ok(site::rate_limit::too_many_requests(wait));
    }
    account::request_password_reset(&app.pools().write, &email, language, Utc::now()).await?;
    page.sent = true;
    Ok(page.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/link.html")]
struct LinkPage {
    t: Tr,
    nav: Option<Nav>,
    messages: FormErrors,
    title: String,
    intro: Option<String>,
    action: String,
    csrf: String,
    asks_name: bool,
    asks_email: bool,
    /// What was typed (not `name`: inside the fields macro that is the field's name).
    typed_name: String,
    email: String,
}

impl LinkPage {
    fn new(t: Tr, link: &account::AccountLink, token: &str, csrf: String) -> Self {
        let (title, intro) = match link.purpose {
            LinkPurpose::Setup => (t.get("admin-setup-title"), Some(t.get("admin-setup-intro"))),
            LinkPurpose::Invite => {
                (t.get("admin-invite-title"), Some(t.with("admin-invite-intro", "email", &link.email)))
            }
            LinkPurpose::PasswordReset => (t.get("admin-reset-title"), None),
        };
        LinkPage {
            t,
            nav: None,
            messages: FormErrors::new(t),
            title,
            intro,
            action: urls::admin_account_link(token),
            csrf,
            asks_name: link.purpose != LinkPurpose::PasswordReset,
            asks_email: link.purpose == LinkPurpose::Setup,
            typed_name: String::new(),
            email: String::new(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "backoffice/link_invalid.html")]
struct LinkInvalidPage {
    t: Tr,
    nav: Option<Nav>,
}

fn link_invalid(t: Tr) -> Response {
    (StatusCode::NOT_FOUND, LinkInvalidPage { t, nav: None }).into_response()
}

async fn link_form(
    State(app): State<AppState>,
    Lang(language): Lang,
    FormToken(csrf): FormToken,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    match account::open_link(app.db(), &token, Utc::now()).await? {
        Some(link) => Ok(LinkPage::new(t, &link, &token, csrf).into_response()),
        None => Ok(link_invalid(t)),
    }
}

#[derive(Deserialize)]
struct LinkForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

async fn use_link(
    State(app): State<AppState>,
    Lang(language): Lang,
    FormToken(csrf): FormToken,
    Path(token): Path<String>,
    Form(form): Form<LinkForm>,
) -> Result<Response, WebError> {
    let t = Tr::new(language);
    let Some(link) = account::open_link(app.db(), &token, Utc::now()).await? else {
        return Ok(link_invalid(t));
    };
    let mut page = LinkPage::new(t, &link, &token, csrf);
    page.typed_name = form.name.trim().to_owned();
    page.email = form.email.trim().to_owned();
    let name = if page.asks_name { page.messages.take("name", clean_text(&form.name, MAX_TEXT_CHARS)) } else { None };
    let email = if page.asks_email { page.messages.take("email", EmailAddress::parse(&form.email)) } else { None };
    let password = page.messages.take("password", Password::parse(&form.password));
    let Some(password) = password.filter(|_| page.messages.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let now = Utc::now();
    match account::use_link(app.pools(), &token, LinkAnswer { name, email, password }, now).await {
        Ok(session) => {
            let action = match link.purpose {
                LinkPurpose::Setup => "account.set_up",
                LinkPurpose::Invite => "account.accept_invitation",
                LinkPurpose::PasswordReset => "account.reset_password",
            };
            audit::record(
                &app.pools().write,
                &session.user,
                audit::Action { event_id: None, action, subject: &session.user.email, detail: String::new() },
                now,
            )
            .await?;
            Ok(([(SET_COOKIE, super::session_cookie(&app, &session.token))], Redirect::to(&urls::admin_home()))
                .into_response())
        }
        Err(LinkError::EmailTaken) => {
            let field = if page.asks_email { "email" } else { "password" };
            page.messages.add(field, t.get("admin-email-taken"));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(LinkError::Invalid) => Ok(link_invalid(t)),
        Err(LinkError::Database(err)) => Err(err.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_plain_back_office_paths_are_followed_after_log_in() {
        assert_eq!(safe_next(Some("/admin/events?q=a&page=2")), "/admin/events?q=a&page=2");
        for hostile in [
            "/admin\r\nSet-Cookie: x=y",
            "/admin/\n",
            "/admin//evil.example",
            "/admin\\@evil.example",
            "/admin/ä",
            "/admin/ x",
            "https://evil.example/admin",
            "//evil.example",
        ] {
            assert_eq!(safe_next(Some(hostile)), "/admin", "{hostile:?}");
        }
        assert_eq!(safe_next(Some(&format!("/admin/{}", "x".repeat(3000)))), "/admin");
        assert_eq!(safe_next(None), "/admin");
    }
}
