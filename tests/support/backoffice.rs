//! Back-office helpers: team members of each role, signed in through the real log-in
//! form, and requests that carry their session cookie and form token.

use domain::account::{self, Password, Role};
use domain::person::EmailAddress;
use reqwest::StatusCode;
use uuid::Uuid;

use super::TestApp;

pub const PASSWORD: &str = "korrekt Pferd Batterie Heftklammer";

/// A signed-in team member as their browser would hold them.
pub struct Staff {
    pub email: String,
    pub cookie: String,
    pub csrf: String,
}

/// The form token a page carries in its hidden `csrf` field.
pub fn csrf_on(page: &str) -> Option<String> {
    let start = page.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = page[start..].find('"')?;
    Some(page[start..start + end].to_owned())
}

/// The value of a cookie set by a response.
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|value| value.strip_prefix(&format!("{name}="))?.split(';').next().map(str::to_owned))
}

impl TestApp {
    /// Creates an account directly in the database (what `treffpunkt admin create` does).
    pub async fn team_member(&self, email: &str, role: Role, events: &[Uuid]) {
        let address = EmailAddress::parse(email).expect("valid address");
        let password = Password::parse(PASSWORD).expect("valid password");
        let user = account::create_user(&self.state.pools().write, &address, email, password, role, chrono::Utc::now())
            .await
            .expect("account created");
        let all_events = events.is_empty();
        account::set_access(&self.state.pools().write, user.id, role, all_events, events, false, chrono::Utc::now())
            .await
            .expect("access set");
    }

    /// The log-in form's cookie and token, as a browser gets them.
    pub async fn login_form(&self) -> (String, String) {
        let response = self.get("/admin/login").await;
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = set_cookie(&response, "tp_form").expect("the log-in page sets its form cookie");
        let csrf = csrf_on(&response.text().await.expect("body")).expect("the log-in form has a token");
        (cookie, csrf)
    }

    pub async fn post_login(&self, email: &str, password: &str) -> reqwest::Response {
        let (cookie, csrf) = self.login_form().await;
        self.client
            .post(self.url("/admin/login"))
            .header("cookie", format!("tp_form={cookie}"))
            .form(&[("csrf", csrf.as_str()), ("email", email), ("password", password), ("next", "/admin")])
            .send()
            .await
            .expect("POST log-in")
    }

    /// Signs in through the form and reads the session's form token from the start page.
    pub async fn sign_in(&self, email: &str) -> Staff {
        let response = self.post_login(email, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "log-in of {email} succeeds");
        let cookie = set_cookie(&response, "tp_session").expect("a session cookie");
        let staff = Staff { email: email.to_owned(), cookie, csrf: String::new() };
        let (status, page) = self.staff_get(&staff, "/admin").await;
        assert_eq!(status, StatusCode::OK);
        Staff { csrf: csrf_on(&page).expect("the start page carries the form token"), ..staff }
    }

    /// An administrator, signed in.
    pub async fn admin(&self) -> Staff {
        self.team_member("admin@example.org", Role::Administrator, &[]).await;
        self.sign_in("admin@example.org").await
    }

    pub async fn staff_get_response(&self, staff: &Staff, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("cookie", format!("tp_session={}", staff.cookie))
            .send()
            .await
            .expect("GET")
    }

    pub async fn staff_get(&self, staff: &Staff, path: &str) -> (StatusCode, String) {
        let response = self.staff_get_response(staff, path).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    pub async fn staff_get_bytes(&self, staff: &Staff, path: &str) -> Vec<u8> {
        let response = self.staff_get_response(staff, path).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.bytes().await.expect("body").to_vec()
    }

    /// Posts a back-office form with the session's token.
    pub async fn staff_post(&self, staff: &Staff, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = vec![("csrf", staff.csrf.as_str())];
        form.extend_from_slice(fields);
        self.client
            .post(self.url(path))
            .header("cookie", format!("tp_session={}", staff.cookie))
            .form(&form)
            .send()
            .await
            .expect("POST")
    }
}
