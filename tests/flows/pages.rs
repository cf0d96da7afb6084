//! Finding an event and registering, in three languages.

use domain::demo::TAG_SLUG;
use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn the_event_list_and_event_page_show_the_demo_programme_with_free_places() {
    let app = TestApp::spawn().await;
    let (status, list) = app.get_text("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Tag der Städtepartnerschaften"), "{list}");
    assert!(list.contains("Reallabor"));
    assert!(list.contains(&format!("/events/{TAG_SLUG}")));

    let (status, page) = app.get_text(&format!("/events/{TAG_SLUG}")).await;
    assert_eq!(status, StatusCode::OK);
    for forum in
        ["Kommunale Partnerschaften mit der Ukraine", "Jugendaustausch", "Klimapartnerschaften", "Fördermittel"]
    {
        assert!(page.contains(forum), "{forum} is on the programme");
    }
    assert!(page.contains("Dortmunder U"));
    assert!(page.contains("10 Plätze frei"), "the smallest forum shows its places");
    assert!(page.contains("12:00–13:30"), "forum times are in the event's time zone");
    assert_eq!(page.matches("<h1>").count(), 1);
}

#[tokio::test]
async fn a_registration_takes_a_forum_place_and_shows_on_the_registration_page() {
    let app = TestApp::spawn().await;
    let forum = app.smallest_forum().await;
    // The event page is cached for a second; a registration must not show late.
    let (_, before) = app.get_text(&format!("/events/{TAG_SLUG}")).await;
    assert!(before.contains("10 Plätze frei"));
    let path = app.register_confirmed("anna@example.org", &[forum.id]).await;
    assert!(path.starts_with("/r/") && path.len() == 3 + 43, "{path}");

    let (status, page) = app.get_text(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Sie sind angemeldet."));
    assert!(page.contains("Olena Kovalenko"));
    assert!(page.contains("Fördermittel"), "the chosen forum is listed");
    assert!(page.contains(&format!("{path}/ticket.svg")));
    assert!(page.contains(&format!("{path}/calendar.ics")));

    let (_, event_page) = app.get_text(&format!("/events/{TAG_SLUG}")).await;
    assert!(event_page.contains("9 Plätze frei"), "one forum place is taken");
    assert!(event_page.contains("299 Plätze frei"), "one event place is taken");
}

#[tokio::test]
async fn pages_speak_english_and_ukrainian_and_remember_the_choice() {
    let app = TestApp::spawn().await;
    let response = app.get("/?lang=uk").await;
    let cookie = response.headers()["set-cookie"].to_str().unwrap_or_default().to_owned();
    assert!(cookie.starts_with("lang=uk"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let page = response.text().await.unwrap_or_default();
    assert!(page.contains("<html lang=\"uk\">"));
    assert!(page.contains("Заходи"), "Ukrainian heading");
    assert!(page.contains("День партнерства міст"), "Ukrainian event title");

    let remembered = app
        .client
        .get(app.url(&format!("/events/{TAG_SLUG}/register")))
        .header("cookie", "lang=uk")
        .send()
        .await
        .expect("GET");
    let page = remembered.text().await.unwrap_or_default();
    assert!(page.contains("Прізвище"), "the form is in Ukrainian");

    let english = app
        .client
        .get(app.url(&format!("/events/{TAG_SLUG}")))
        .header("accept-language", "en-GB,en;q=0.9,de;q=0.5")
        .send()
        .await
        .expect("GET");
    let page = english.text().await.unwrap_or_default();
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("Day of Town Twinning"));
    assert!(page.contains("10 places left"));
}

#[tokio::test]
async fn the_privacy_notice_is_linked_from_the_form() {
    let app = TestApp::spawn().await;
    let (_, form) = app.get_text(&format!("/events/{TAG_SLUG}/register")).await;
    assert!(form.contains("href=\"/privacy\""));
    assert!(form.contains("name=\"data_consent\""));
    let (status, privacy) = app.get_text("/privacy?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(privacy.contains("Privacy notice"));
}
