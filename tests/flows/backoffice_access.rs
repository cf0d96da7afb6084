//! Who may do what in the back office: every registered route against anonymous
//! visitors, door staff, an organiser of this event, an organiser of another event and
//! an administrator; the form token (CSRF) on every state-changing form; the log-in
//! throttle; and a crawl that finds no back-office link the guard does not know.

use backoffice::{Access, route_table};
use domain::account::Role;
use domain::demo::{INFO_SLUG, TAG_SLUG};
use reqwest::{Method, StatusCode};

use crate::support::TestApp;
use crate::support::backoffice::{PASSWORD, Staff};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    Door,
    OrganiserOfThisEvent,
    OrganiserOfAnotherEvent,
    Administrator,
}

/// What the guard must answer: `None` means "let through" (any status but 403, a
/// redirect to the log-in page, or a server error).
fn expected(access: Access, who: Who, event_scoped: bool, method: &Method) -> Option<StatusCode> {
    match (access, who) {
        // Forms shown before signing in need the cookie their page set; the walk sends none.
        (Access::Anyone, _) if method == Method::POST => Some(StatusCode::FORBIDDEN),
        (Access::Anyone, _) => None,
        (_, Who::Anonymous) => Some(StatusCode::SEE_OTHER),
        (Access::Administrator, Who::Administrator) => None,
        (Access::Administrator, _) => Some(StatusCode::FORBIDDEN),
        (Access::Organiser, Who::Door) => Some(StatusCode::FORBIDDEN),
        (_, Who::OrganiserOfAnotherEvent) if event_scoped => Some(StatusCode::FORBIDDEN),
        _ => None,
    }
}

#[tokio::test]
async fn every_back_office_route_answers_each_role_as_its_rule_says() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    let other = app.event(INFO_SLUG).await;
    let registration = app.register_confirmed("matrix@example.org", &[]).await;
    let _ = registration;
    let attendee = domain::attendee_list::load(&app.db, event.id).await.expect("rows")[0].attendee.id;
    let session = app.sessions(TAG_SLUG).await[0].id;
    let device_token = app.door_device(TAG_SLUG, "Eingang Nord").await;
    let device = domain::door::by_token(&app.db, &device_token).await.expect("query").expect("device").id;
    app.team_member("door@example.org", Role::DoorStaff, &[event.id]).await;
    app.team_member("organiser@example.org", Role::Organiser, &[event.id]).await;
    app.team_member("elsewhere@example.org", Role::Organiser, &[other.id]).await;
    let admin = app.admin().await;
    let mut people: Vec<(Who, Option<Staff>)> = vec![(Who::Anonymous, None)];
    for (who, email) in [
        (Who::Door, "door@example.org"),
        (Who::OrganiserOfThisEvent, "organiser@example.org"),
        (Who::OrganiserOfAnotherEvent, "elsewhere@example.org"),
    ] {
        people.push((who, Some(app.sign_in(email).await)));
    }
    people.push((Who::Administrator, Some(admin)));

    let mut rules = route_table();
    assert!(rules.len() >= 30, "the table lists the back office ({} routes)", rules.len());
    // Logging out ends the session the rest of the walk needs, so it comes last; the
    // destructive actions come after the pages.
    rules.sort_by_key(|rule| (rule.path.ends_with("/logout"), rule.method == Method::POST));
    let mut checked = 0;
    for (who, staff) in &people {
        for rule in &rules {
            let path = rule
                .path
                .replace("{event}", &event.id.to_string())
                .replace("{attendee}", &attendee.to_string())
                .replace("{session}", &session.to_string())
                .replace("{device}", &device.to_string())
                .replace("{user}", &uuid::Uuid::new_v4().to_string())
                .replace("{token}", "unknown-token")
                .replace("{year}", "2026");
            let mut request = app.client.request(rule.method.clone(), app.url(&path));
            if let Some(staff) = staff {
                request = request.header("cookie", format!("tp_session={}", staff.cookie));
            }
            if rule.method == Method::POST {
                let token = staff.as_ref().map_or("", |staff| staff.csrf.as_str());
                request = request.form(&[("csrf", token)]);
            }
            let response = request.send().await.expect("request");
            let status = response.status();
            let location = response.headers().get("location").and_then(|value| value.to_str().ok()).unwrap_or("");
            let event_scoped = rule.path.contains("{event}");
            let what = format!("{who:?} {} {}", rule.method, rule.path);
            match expected(rule.access, *who, event_scoped, &rule.method) {
                Some(StatusCode::SEE_OTHER) => {
                    assert_eq!(status, StatusCode::SEE_OTHER, "{what}");
                    assert!(location.starts_with("/admin/login"), "{what} goes to the log-in page, not {location}");
                }
                Some(refused) => assert_eq!(status, refused, "{what}"),
                None => {
                    assert!(status != StatusCode::FORBIDDEN, "{what} is let through");
                    let logs_out = rule.path.ends_with("/logout");
                    assert!(logs_out || !location.starts_with("/admin/login"), "{what} needs no new log-in");
                    assert!(!status.is_server_error(), "{what} answered {status}");
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, rules.len() * people.len());
}

/// A route reachable from the back office but missing from the rule table would be
/// refused to everyone (the guard denies what it does not know): no link may lead there.
#[tokio::test]
async fn every_link_in_the_back_office_leads_to_a_route_with_a_rule() {
    let app = TestApp::spawn().await;
    app.register_confirmed("crawl@example.org", &[]).await;
    let admin = app.admin().await;
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = vec!["/admin".to_owned()];
    while let Some(path) = queue.pop() {
        if !seen.insert(path.clone()) || seen.len() > 80 {
            continue;
        }
        let response = app.staff_get_response(&admin, &path).await;
        assert_ne!(response.status(), StatusCode::FORBIDDEN, "{path} is refused to an administrator");
        assert!(!response.status().is_server_error(), "{path}: {}", response.status());
        let is_html = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/html"));
        if !is_html {
            continue;
        }
        let page = response.text().await.expect("body");
        for link in page.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()) {
            let link = link.replace("&amp;", "&");
            let path = link.split(['?', '#']).next().unwrap_or("").to_owned();
            if path.starts_with("/admin") && !path.ends_with("/logout") && !seen.contains(&path) {
                queue.push(path);
            }
        }
    }
    assert!(seen.len() >= 12, "the crawl reached the event pages: {seen:?}");
}

#[tokio::test]
async fn a_form_without_the_session_token_or_from_another_site_changes_nothing() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    let admin = app.admin().await;
    let path = format!("/admin/events/{}/status", event.id);
    let post = |token: &str, origin: Option<&str>| {
        let mut request = app
            .client
            .post(app.url(&path))
            .header("cookie", format!("tp_session={}", admin.cookie))
            .form(&[("csrf", token), ("status", "cancelled"), ("confirm", "on")]);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        request.send()
    };
    assert_eq!(post("", None).await.expect("POST").status(), StatusCode::FORBIDDEN, "no token");
    assert_eq!(post("forged", None).await.expect("POST").status(), StatusCode::FORBIDDEN, "wrong token");
    let cross_site = post(&admin.csrf, Some("https://evil.example")).await.expect("POST");
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN, "another site's form");
    let page = cross_site.text().await.expect("body");
    assert!(page.contains("Kein Zugriff"), "a translated page explains the refusal");
    assert_eq!(app.event(TAG_SLUG).await.status, domain::event::EventStatus::Published, "nothing changed");

    let accepted = post(&admin.csrf, Some(&app.base)).await.expect("POST");
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER, "the real form goes through");
    assert_eq!(app.event(TAG_SLUG).await.status, domain::event::EventStatus::Cancelled);

    // The log-in form has no session: its token is bound to a cookie instead.
    let (_, csrf) = app.login_form().await;
    let without_cookie = app
        .client
        .post(app.url("/admin/login"))
        .form(&[("csrf", csrf.as_str()), ("email", "admin@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .expect("POST");
    assert_eq!(without_cookie.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn repeated_wrong_passwords_slow_that_client_down_even_for_the_right_one() {
    let app = TestApp::spawn().await;
    app.team_member("target@example.org", Role::Organiser, &[]).await;
    for attempt in 1..=5 {
        let response = app.post_login("target@example.org", &format!("wrong guess {attempt}")).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "attempt {attempt}");
        let page = response.text().await.expect("body");
        assert!(page.contains("E-Mail-Adresse oder Passwort stimmen nicht"), "attempt {attempt} says why");
    }
    let slowed = app.post_login("target@example.org", PASSWORD).await;
    assert_eq!(slowed.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = slowed.headers()["retry-after"].to_str().expect("ascii").parse().expect("seconds");
    assert!((1..=5).contains(&wait), "a few seconds, not a lock-out: {wait}");
    assert!(
        slowed.headers().get("set-cookie").is_none_or(|value| !value.to_str().unwrap_or("").contains("tp_session"))
    );
    assert!(slowed.text().await.expect("body").contains("Sekunde"), "the page says how long to wait");
    // Another account is not affected.
    app.team_member("colleague@example.org", Role::Organiser, &[]).await;
    assert_eq!(app.post_login("colleague@example.org", PASSWORD).await.status(), StatusCode::SEE_OTHER);
    // An unknown address fails the same way as a wrong password.
    let unknown = app.post_login("nobody@example.org", PASSWORD).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
