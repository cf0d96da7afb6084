//! Who runs the site: administrators enter the operator's details, /impressum shows them
//! in every language (and still answers before they are entered), every public page
//! links it, the privacy notice names the data-protection contact and every mail ends
//! with the contact line.

use domain::account::Role;
use domain::demo::TAG_SLUG;
use reqwest::StatusCode;

use crate::support::TestApp;

const SETTINGS: &str = "/admin/settings/operator";

/// A complete form as an administrator fills it in.
fn filled(email: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "Stadt Musterhausen, Amt für Internationales"),
        ("representative", "Oberbürgermeisterin Jana Probe"),
        ("address", "Rathausplatz 1\r\n12345 Musterhausen"),
        ("email", email),
        ("phone", "+49 1234 56789-0"),
        ("responsible_name", "Mykola Testenko"),
        ("responsible_address", ""),
        ("privacy_contact", "Behördlicher Datenschutzbeauftragter"),
        ("privacy_email", "datenschutz@musterhausen.example"),
    ]
}

#[tokio::test]
async fn an_administrator_saves_the_operator_details_and_the_imprint_shows_them_in_every_language() {
    let app = TestApp::spawn().await;
    // Read once before saving, so a cache that is not forgotten on saving would show here.
    let (status, before) = app.get_text("/impressum").await;
    assert_eq!(status, StatusCode::OK);
    assert!(before.contains("Netzwerkstelle Städtepartnerschaften NRW (Demo)"), "the demo fills the imprint");
    let admin = app.admin().await;
    let (status, form) = app.staff_get(&admin, SETTINGS).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"netzwerkstelle@example.org\""), "the form shows what is stored");

    let response = app.staff_post(&admin, SETTINGS, &filled("international@musterhausen.example")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, saved) = app.staff_get(&admin, response.headers()["location"].to_str().expect("location")).await;
    assert!(saved.contains("Gespeichert."), "the form says it was saved");

    for (language, heading, responsible) in [
        ("de", "<h1>Impressum</h1>", "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"),
        ("en", "<h1>Imprint</h1>", "Responsible for the content under § 18(2)"),
        ("uk", "<h1>Вихідні дані (Impressum)</h1>", "Відповідальний за зміст"),
    ] {
        let (status, page) = app.get_text(&format!("/impressum?lang={language}")).await;
        assert_eq!(status, StatusCode::OK, "{language}");
        assert!(page.contains(&format!("lang=\"{language}\"")) && page.contains(heading), "{language}: {page}");
        assert!(page.contains(responsible), "{language}: the responsible person's heading");
        for detail in [
            "Stadt Musterhausen, Amt für Internationales",
            "Oberbürgermeisterin Jana Probe",
            "Rathausplatz 1<br>12345 Musterhausen",
            "international@musterhausen.example",
            "+49 1234 56789-0",
            "Mykola Testenko",
            "Behördlicher Datenschutzbeauftragter",
            "datenschutz@musterhausen.example",
        ] {
            assert!(page.contains(detail), "{language}: {detail} is on the imprint");
        }
        assert!(!page.contains("(Demo)"), "{language}: the saved details replaced the demo's");
    }

    let (_, privacy) = app.get_text("/privacy?lang=en").await;
    assert!(privacy.contains("Stadt Musterhausen, Amt für Internationales"), "the privacy notice names the controller");
    assert!(privacy.contains("Behördlicher Datenschutzbeauftragter") && privacy.contains("datenschutz@musterhausen"));

    let (_, audit) = app.staff_get(&admin, "/admin/audit?action=settings.operator").await;
    let entries = audit.split("<tbody>").nth(1).unwrap_or_default();
    assert!(entries.contains("Betreiberangaben geändert"), "the audit log says what was done in words: {entries}");
    assert!(entries.contains("email") && entries.contains("name"), "and which fields changed");
}

#[tokio::test]
async fn a_wrong_address_is_refused_with_a_message_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let mut fields = filled("international@musterhausen");
    fields.retain(|(name, _)| *name != "phone");
    fields.push(("phone", "Zentrale"));
    let response = app.staff_post(&admin, &format!("{SETTINGS}?lang=en"), &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(page.contains("class=\"error-summary\""), "a summary above the form");
    assert!(
        page.contains("E-mail address: Please enter a valid e-mail address"),
        "the summary names the field, in the reader's language: {page}"
    );
    assert!(page.contains("Phone number: Please enter a phone number"), "every problem at once");
    assert!(page.contains("value=\"international@musterhausen\""), "what was typed stays");
    assert!(
        page.contains("Rathausplatz 1\r\n12345 Musterhausen") || page.contains("Rathausplatz 1\n12345 Musterhausen")
    );
    assert!(page.contains("aria-invalid=\"true\""), "the field is marked for screen readers");

    let stored = domain::operator::load(&app.db).await.expect("query").expect("the demo's details");
    assert_eq!(stored.email(), "netzwerkstelle@example.org", "nothing was saved");
    let (_, imprint) = app.get_text("/impressum").await;
    assert!(!imprint.contains("Musterhausen"));
}

#[tokio::test]
async fn only_administrators_reach_the_operator_details() {
    let app = TestApp::spawn().await;
    let event = app.event(TAG_SLUG).await;
    app.team_member("organiser@example.org", Role::Organiser, &[event.id]).await;
    let organiser = app.sign_in("organiser@example.org").await;
    let (status, _) = app.staff_get(&organiser, SETTINGS).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let response = app.staff_post(&organiser, SETTINGS, &filled("evil@example.org")).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let stored = domain::operator::load(&app.db).await.expect("query").expect("the demo's details");
    assert_eq!(stored.email(), "netzwerkstelle@example.org", "the organiser changed nothing");
    let (_, start) = app.staff_get(&organiser, "/admin").await;
    assert!(!start.contains(SETTINGS), "the navigation offers organisers no link there");

    let admin = app.admin().await;
    let (_, start) = app.staff_get(&admin, "/admin").await;
    assert!(start.contains(&format!("href=\"{SETTINGS}\"")), "administrators find it in the navigation");
    let anonymous = app.client.post(app.url(SETTINGS)).form(&filled("evil@example.org")).send().await.expect("POST");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "anonymous visitors are sent to the log-in");
}

#[tokio::test]
async fn every_public_page_links_the_imprint_in_every_language() {
    let app = TestApp::spawn().await;
    for path in ["/", &format!("/events/{TAG_SLUG}"), &format!("/events/{TAG_SLUG}/register"), "/privacy"] {
        for (language, label) in [("de", "Impressum"), ("en", "Imprint"), ("uk", "Вихідні дані")] {
            let (status, page) = app.get_text(&format!("{path}?lang={language}")).await;
            assert_eq!(status, StatusCode::OK, "{path} {language}");
            let footer = page.split("<footer").nth(1).unwrap_or_default();
            assert!(
                footer.contains(&format!("<a href=\"/impressum\">{label}</a>")),
                "{path} in {language}: the footer links the imprint"
            );
        }
    }
}

#[tokio::test]
async fn before_anything_is_entered_the_imprint_says_so_and_where_to_enter_it() {
    let app = TestApp::spawn_with(|config| config.demo = false).await;
    for (language, missing) in
        [("de", "noch nicht eingetragen"), ("en", "have not been entered yet"), ("uk", "ще не внесено")]
    {
        let (status, page) = app.get_text(&format!("/impressum?lang={language}")).await;
        assert_eq!(status, StatusCode::OK, "{language}");
        assert!(page.contains(missing), "{language}: {page}");
        assert!(page.contains(&format!("href=\"{SETTINGS}\"")), "{language}: where administrators enter them");
    }
    let (status, privacy) = app.get_text("/privacy").await;
    assert_eq!(status, StatusCode::OK, "the privacy notice too");
    assert!(privacy.contains("href=\"/impressum\""));
    let admin = app.admin().await;
    let (_, start) = app.staff_get(&admin, "/admin").await;
    assert!(start.contains("Die Betreiberangaben fehlen"), "administrators are told on their start page");
    let (status, form) = app.staff_get(&admin, SETTINGS).await;
    assert_eq!(status, StatusCode::OK, "an empty form");
    assert!(form.contains("id=\"field-name\" name=\"name\" type=\"text\" value=\"\""));
}

#[tokio::test]
async fn every_mail_ends_with_the_operators_contact_and_the_imprint_link() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    // Read by the worker's cache before the change: saving must make it read them again.
    app.register_confirmed("first@example.org", &[]).await;
    app.mailed_texts("first@example.org", 1).await;
    let response = app.staff_post(&admin, SETTINGS, &filled("international@musterhausen.example")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    app.register_confirmed("olena@rada.example.ua", &[]).await;
    let texts = app.mailed_texts("olena@rada.example.ua", 1).await;
    let text = &texts[0];
    let footer = text.rsplit("-- \n").next().unwrap_or_default();
    assert!(
        footer.contains("Kontakt: Stadt Musterhausen, Amt für Internationales, international@musterhausen.example"),
        "the contact line under the confirmation: {text}"
    );
    let imprint = app.mailed_paths("olena@rada.example.ua", "/impressum", 1).await;
    assert_eq!(imprint[0], "/impressum?lang=de", "and the imprint link in the reader's language");
}

#[tokio::test]
async fn a_mail_before_anything_is_entered_still_links_the_imprint() {
    let app = TestApp::spawn_with(|config| config.demo = false).await;
    let admin = app.admin().await;
    let response =
        app.staff_post(&admin, "/admin/team/invite", &[("email", "new@example.org"), ("role", "door")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let texts = app.mailed_texts("new@example.org", 1).await;
    assert!(!texts[0].contains("Kontakt:"), "no contact to name yet: {}", texts[0]);
    assert!(texts[0].contains(&format!("Impressum: {}/impressum?lang=de", app.base)), "{}", texts[0]);
}
