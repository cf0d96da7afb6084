//! In real Chromium: register through the form, see the QR ticket, and check it in at
//! the door page the way a handheld scanner does (it types the code and Enter).

use domain::checkin::count_checked_in;
use domain::demo::TAG_SLUG;
use sea_orm::EntityTrait;

use crate::support::TestApp;
use crate::support::browser::{Browser, ENTER};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn a_participant_registers_in_the_browser_and_a_scanner_checks_the_ticket_in() {
    let app = TestApp::spawn().await;
    let browser = Browser::start().await;

    browser.open(&app.url(&format!("/events/{TAG_SLUG}/register?lang=de"))).await;
    for (field, value) in [
        ("#field-first_name", "Jürgen"),
        ("#field-last_name", "Schmidt"),
        ("#field-email", "juergen@stadt-koeln.de"),
        ("#field-organisation", "Stadt Köln"),
    ] {
        let input = browser.find(field).await;
        browser.type_into(&input, value).await;
    }
    browser.script("document.getElementById('field-organisation_type').value = 'kommune'").await;
    let consent = browser.find("#consent").await;
    browser.click(&consent).await;
    // Enter in a text field registers (it must not add a delegation row).
    let organisation = browser.find("#field-organisation").await;
    browser.type_into(&organisation, ENTER).await;
    browser.wait_for_text("h1", "Ihre Anmeldung").await;
    let registration_url = browser.current_url().await;
    assert!(registration_url.contains("/r/"), "{registration_url}");
    let ticket_image = browser.find(".ticket img").await;
    let loaded = browser.script("return document.querySelector('.ticket img').naturalWidth").await;
    assert!(loaded.as_u64().unwrap_or_default() > 100, "the QR image loads under the page's CSP: {loaded}");
    assert!(browser.attribute(&ticket_image, "alt").await.contains("Jürgen Schmidt"));
    let code = browser.script("return document.querySelector('code.ticket-code').textContent").await;
    let code = code.as_str().unwrap_or_default().to_owned();
    assert_eq!(code.len(), domain::ticket::TOKEN_CHARS);

    let device = app.door_device(TAG_SLUG, "Eingang Nord").await;
    let door_url = app.url(&format!("/door/{device}?lang=de"));
    browser.open(&door_url).await;
    let focused = browser.focused().await;
    assert_eq!(browser.attribute(&focused, "id").await, "door-code", "the code field has the focus");
    // The device's list (with who refused photos) has arrived.
    browser.wait_for_text("#door-status", "Listen von").await;
    browser.type_into(&focused, &format!("{code}{ENTER}")).await;
    let result = browser.wait_for_text("#door-result", "Einlass").await;
    assert!(result.contains("Einlass") && result.contains("Jürgen Schmidt"), "{result}");
    assert!(result.contains("Bitte nicht fotografieren"), "he did not consent to photos: {result}");
    assert_eq!(browser.current_url().await, door_url, "answered by the script, without reloading");
    assert!(browser.wait_for_text("#door-counts", "1 von 1").await.contains("1 von 1"), "the count follows");

    let focused = browser.focused().await;
    browser.type_into(&focused, &format!("{code}{ENTER}")).await;
    let again = browser.wait_for_text("#door-result", "Bereits eingecheckt").await;
    assert!(again.contains("Bereits eingecheckt um") && again.contains("durch Eingang Nord"), "{again}");

    let focused = browser.focused().await;
    browser.type_into(&focused, &format!("{}x{ENTER}", &code[1..])).await;
    let invalid = browser.wait_for_text("#door-result", "Ungültiges Ticket").await;
    assert!(invalid.contains("Ungültiges Ticket"), "{invalid}");
    assert!(!invalid.contains("fotografieren"), "a refused code names nobody: {invalid}");

    // The recent list offers to undo the one check-in; after that the ticket admits again.
    browser.wait_for_text("#door-recent", "Ungültiges Ticket").await;
    let undo = browser.find("#door-recent button.recent-undo").await;
    browser.click(&undo).await;
    assert!(browser.wait_for_text("#door-counts", "0 von 1").await.contains("0 von 1"), "the undo counts");
    let focused = browser.find("#door-code").await;
    browser.type_into(&focused, &format!("{code}{ENTER}")).await;
    assert!(browser.wait_for_text("#door-counts", "1 von 1").await.contains("1 von 1"), "admitted again");

    browser.quit().await;
    assert_eq!(count_checked_in(&app.db, app.event(TAG_SLUG).await.id).await.expect("count"), 1);
}

/// A YUV4MPEG2 video (what Chromium's fake camera plays) showing the image in grey on
/// white, centred in 640×480.
pub(crate) fn y4m_of(png: &[u8]) -> Vec<u8> {
    let (width, height) = (640usize, 480usize);
    let image = image::load_from_memory(png).expect("PNG").to_luma8();
    let (image_width, image_height) = (image.width() as usize, image.height() as usize);
    let (left, top) = (width.saturating_sub(image_width) / 2, height.saturating_sub(image_height) / 2);
    let mut luma = vec![255u8; width * height];
    for y in 0..image_height.min(height) {
        for x in 0..image_width.min(width) {
            luma[(top + y) * width + left + x] = image.get_pixel(x as u32, y as u32).0[0];
        }
    }
    let chroma = vec![128u8; (width / 2) * (height / 2)];
    let mut video = format!("YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..3 {
        video.extend_from_slice(b"FRAME\n");
        video.extend_from_slice(&luma);
        video.extend_from_slice(&chroma);
        video.extend_from_slice(&chroma);
    }
    video
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn the_door_page_checks_a_ticket_in_from_the_phone_camera() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("camera@example.org", &[]).await;
    let png = app.get(&format!("{path}/ticket.png")).await.bytes().await.expect("PNG");
    let video = app.data_dir().join("ticket.y4m");
    std::fs::write(&video, y4m_of(&png)).expect("write the fake camera video");
    let browser = Browser::start_with(&[
        "--use-fake-device-for-media-stream".to_owned(),
        "--use-fake-ui-for-media-stream".to_owned(),
        format!("--use-file-for-fake-video-capture={}", video.display()),
    ])
    .await;
    let device = app.door_device(TAG_SLUG, "Eingang Kamera").await;
    browser.open(&app.url(&format!("/door/{device}?lang=de"))).await;
    let camera = browser.find("#door-camera").await;
    browser.click(&camera).await;
    let result = browser.wait_for_text("#door-result", "Einlass").await;
    assert!(result.contains("Einlass") && result.contains("Olena Kovalenko"), "{result}");
    let classes = browser.script("return document.getElementById('door-result').className").await;
    assert!(classes.as_str().unwrap_or_default().contains("door-fullscreen"), "full screen while the camera runs");
    // The same code in front of the camera is not sent again at once.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    browser.quit().await;
    assert_eq!(count_checked_in(&app.db, app.event(TAG_SLUG).await.id).await.expect("count"), 1);
    let scans = domain::entity::door_scan::Entity::find().all(&app.db).await.expect("scans");
    assert_eq!(scans.len(), 1, "one scan sent, not one per frame");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn door_staff_type_a_name_and_admit_the_person_with_one_tap() {
    let app = TestApp::spawn().await;
    app.register_confirmed("tap@example.org", &[]).await;
    let browser = Browser::start().await;
    let device = app.door_device(TAG_SLUG, "Eingang Nord").await;
    let door_url = app.url(&format!("/door/{device}?lang=de"));
    browser.open(&door_url).await;
    let search = browser.find("#door-search").await;
    browser.type_into(&search, "Kovalenko").await;
    browser.wait_for_text("#door-found", "Olena Kovalenko").await;
    let admit = browser.find("#door-found button.found-admit").await;
    browser.click(&admit).await;
    let result = browser.wait_for_text("#door-result", "Einlass").await;
    assert!(result.contains("Olena Kovalenko"), "{result}");
    let listed = browser.wait_for_text("#door-found", "eingecheckt um").await;
    assert!(listed.contains("eingecheckt um"), "the list shows the check-in: {listed}");
    assert_eq!(browser.current_url().await, door_url, "answered by the script");
    browser.quit().await;
    assert_eq!(count_checked_in(&app.db, app.event(TAG_SLUG).await.id).await.expect("count"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn without_network_the_door_checks_tickets_itself_and_syncs_each_scan_once() {
    let app = TestApp::spawn().await;
    let first = app.register_confirmed("offline-one@example.org", &[]).await;
    let first_code = app.ticket_code(&first).await;
    let replaced = app.register_confirmed("offline-two@example.org", &[]).await;
    let replaced_code = app.ticket_code(&replaced).await;
    let replaced_attendee = domain::registration::by_manage_token(&app.db, replaced.trim_start_matches("/r/"))
        .await
        .expect("query")
        .expect("registration")
        .attendees[0]
        .attendee
        .id;
    domain::registration::reissue_ticket(app.state.pools(), replaced_attendee, chrono::Utc::now())
        .await
        .expect("reissue")
        .expect("new ticket");
    let browser = Browser::start().await;
    let device = app.door_device(TAG_SLUG, "Eingang Offline").await;
    browser.open(&app.url(&format!("/door/{device}?lang=de"))).await;
    let status = browser.wait_for_text("#door-status", "Listen von").await;
    assert!(status.contains("Online"), "{status}");
    let event_id = app.event(TAG_SLUG).await.id;

    browser.set_offline(true).await;
    let code_field = browser.find("#door-code").await;
    browser.type_into(&code_field, &format!("{first_code}{ENTER}")).await;
    let result = browser.wait_for_text("#door-result", "offline geprüft").await;
    assert!(result.contains("Einlass") && result.contains("Olena Kovalenko"), "{result}");
    assert!(browser.wait_for_text("#door-status", "1 Scans warten").await.contains("Offline"));
    browser.type_into(&code_field, &format!("{first_code}{ENTER}")).await;
    let again = browser.wait_for_text("#door-result", "Bereits eingecheckt").await;
    assert!(again.contains("Bereits eingecheckt"), "this device remembers whom it let in: {again}");
    browser.type_into(&code_field, &format!("{replaced_code}{ENTER}")).await;
    let revoked = browser.wait_for_text("#door-result", "Ticket ersetzt").await;
    assert!(revoked.contains("Ticket ersetzt oder gesperrt"), "a replaced ticket, known from the lists: {revoked}");
    let tampered = format!("{}A{}", &first_code[..60], &first_code[61..]);
    browser.type_into(&code_field, &format!("{tampered}{ENTER}")).await;
    let mut invalid = browser.wait_for_text("#door-result", "Ungültiges Ticket").await;
    if !invalid.contains("Ungültiges Ticket") {
        // Seen twice with several Chromiums on 2 cores: no result at all within 10 s.
        // Keep what the page showed for whoever looks next, then scan once more.
        let status = browser.wait_for_text("#door-status", "").await;
        eprintln!("no result for the tampered code: url {}, status {status:?}", browser.current_url().await);
        let code_field = browser.find("#door-code").await;
        browser.type_into(&code_field, &format!("{tampered}{ENTER}")).await;
        invalid = browser.wait_for_text("#door-result", "Ungültiges Ticket").await;
    }
    assert!(invalid.contains("Ungültiges Ticket"), "the signature is checked offline: {invalid}");
    assert_eq!(count_checked_in(&app.db, event_id).await.expect("count"), 0, "nothing reached the server yet");
    // The name search works from the device's own list while offline.
    let search = browser.find("#door-search").await;
    browser.type_into(&search, "Kovalenko").await;
    let found = browser.wait_for_text("#door-found", "Olena Kovalenko").await;
    assert!(found.contains("Olena Kovalenko"), "offline search: {found}");

    browser.set_offline(false).await;
    let started = std::time::Instant::now();
    while count_checked_in(&app.db, event_id).await.expect("count") == 0 {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the queued scan was not synced");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let status = browser.wait_for_text("#door-status", "Online").await;
    assert!(!status.contains("warten"), "the queue is empty: {status}");
    browser.quit().await;
    assert_eq!(count_checked_in(&app.db, event_id).await.expect("count"), 1, "counted once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn the_public_pages_and_the_door_page_pass_axe_in_three_languages() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("axe@example.org", &[]).await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let browser = Browser::start().await;
    let mut problems = Vec::new();
    for language in ["de", "en", "uk"] {
        for page in [
            "/".to_owned(),
            format!("/events/{TAG_SLUG}"),
            format!("/events/{TAG_SLUG}/register"),
            format!("/events/{TAG_SLUG}/register/sent"),
            path.clone(),
            format!("{path}/cancel"),
            format!("{path}/deletion"),
            format!("{path}/attendees/0/edit"),
            format!("{path}/attendees/new"),
            "/r/find".to_owned(),
            "/privacy".to_owned(),
            "/accessibility".to_owned(),
            "/impressum".to_owned(),
            format!("/door/{device}"),
            "/no-such-page".to_owned(),
        ] {
            browser.open(&app.url(&format!("{page}?lang={language}"))).await;
            for violation in browser.accessibility_violations().await {
                problems.push(format!("{language} {page}: {violation}"));
            }
        }
        // The registration form with its error summary and messages.
        browser.open(&app.url(&format!("/events/{TAG_SLUG}/register?lang={language}"))).await;
        let submit = browser.find("#register-submit").await;
        browser.click(&submit).await;
        let heading = error_summary_heading(language);
        assert!(browser.wait_for_text("#error-summary-title", heading).await.contains(heading), "the error summary");
        for violation in browser.accessibility_violations().await {
            problems.push(format!("{language} register with errors: {violation}"));
        }
    }
    // The checker itself works: an image without a text alternative is found.
    browser.open(&app.url("/")).await;
    browser.script("document.querySelector('main').appendChild(Object.assign(document.createElement('img'), {src: '/static/favicon.svg'}))").await;
    let control = browser.accessibility_violations().await;
    assert!(control.iter().any(|violation| violation["id"] == "image-alt"), "axe did not run: {control:?}");
    browser.quit().await;
    assert!(problems.is_empty(), "{} accessibility violations:\n{}", problems.len(), problems.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn someone_registers_with_the_keyboard_alone() {
    use crate::support::browser::{SPACE, TAB};
    let app = TestApp::spawn().await;
    let browser = Browser::start().await;
    browser.open(&app.url(&format!("/events/{TAG_SLUG}?lang=de"))).await;
    // From the top of the event page: Tab to the registration link, Enter.
    let mut reached = false;
    for _ in 0..40 {
        browser.press(TAB).await;
        let href = browser.script("return document.activeElement.getAttribute('href') || ''").await;
        if href.as_str().unwrap_or_default().ends_with("/register") {
            reached = true;
            break;
        }
    }
    assert!(reached, "the registration link is reachable with Tab");
    browser.press(ENTER).await;
    browser.wait_for_text("h1", "Anmeldung").await;
    for (id, text) in [
        ("field-first_name", "Tetiana"),
        ("field-last_name", "Boyko"),
        ("field-email", "tetiana@example.org"),
        ("field-organisation", "Stadt Bonn"),
    ] {
        browser.tab_to(id).await;
        browser.press(text).await;
    }
    browser.tab_to("field-organisation_type").await;
    browser.press("K").await;
    browser.tab_to("consent").await;
    browser.press(SPACE).await;
    browser.tab_to("register-submit").await;
    browser.press(ENTER).await;
    let heading = browser.wait_for_text("h1", "Ihre Anmeldung").await;
    assert!(heading.contains("Ihre Anmeldung"), "registered without a mouse: {heading}");
    assert!(browser.text("main").await.contains("Tetiana Boyko"));
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn an_organiser_logs_in_in_the_browser_and_the_back_office_passes_axe_in_three_languages() {
    let app = TestApp::spawn().await;
    app.register_confirmed("axe-admin@example.org", &[]).await;
    app.team_member("organiser@example.org", domain::account::Role::Administrator, &[]).await;
    let event = app.event(TAG_SLUG).await;
    let attendee = domain::attendee_list::load(&app.db, event.id).await.expect("rows")[0].attendee.id;
    let browser = Browser::start().await;
    // Anonymous: the back office sends the browser to the log-in form, which returns it.
    let wanted = format!("/admin/events/{}/attendees", event.id);
    browser.open(&app.url(&wanted)).await;
    let email = browser.find("#field-email").await;
    browser.type_into(&email, "organiser@example.org").await;
    let password = browser.find("#field-password").await;
    browser.type_into(&password, crate::support::backoffice::PASSWORD).await;
    let submit = browser.find("form.narrow button[type=submit]").await;
    browser.click(&submit).await;
    let heading = browser.wait_for_text("h1", "Teilnehmende").await;
    assert!(heading.contains(event.title_de.as_str()), "back on the page asked for: {heading}");
    assert!(browser.current_url().await.ends_with(&wanted));

    let mut problems = Vec::new();
    let base = format!("/admin/events/{}", event.id);
    for language in ["de", "en", "uk"] {
        for page in [
            "/admin".to_owned(),
            base.clone(),
            format!("{base}/edit"),
            format!("{base}/attendees"),
            format!("{base}/attendees/{attendee}"),
            format!("{base}/attendees/new"),
            format!("{base}/programme"),
            format!("{base}/form"),
            format!("{base}/check-ins"),
            format!("{base}/doors"),
            format!("{base}/signature-list"),
            format!("{base}/messages"),
            "/admin/events/new".to_owned(),
            "/admin/team".to_owned(),
            "/admin/audit".to_owned(),
            "/admin/settings/operator".to_owned(),
            "/admin/status".to_owned(),
        ] {
            browser.open(&app.url(&format!("{page}?lang={language}"))).await;
            for violation in browser.accessibility_violations().await {
                problems.push(format!("{language} {page}: {violation}"));
            }
        }
        // The event form with its messages.
        browser.open(&app.url(&format!("/admin/events/new?lang={language}"))).await;
        let save = browser.find("main form button[type=submit]").await;
        browser.click(&save).await;
        let heading = error_summary_heading(language);
        assert!(browser.wait_for_text("#error-summary-title", heading).await.contains(heading), "the error summary");
        for violation in browser.accessibility_violations().await {
            problems.push(format!("{language} event form with errors: {violation}"));
        }
    }
    browser.quit().await;
    assert!(problems.is_empty(), "{} accessibility violations:\n{}", problems.len(), problems.join("\n"));
}

/// The start of the error summary's heading in each language.
fn error_summary_heading(language: &str) -> &'static str {
    match language {
        "de" => "Bitte prüfen",
        "en" => "Please check",
        _ => "Будь ласка, перевірте",
    }
}

/// A full event keeps its form for the waiting list: in Chromium, the event page offers
/// the waiting list, the form's button says so, and sending it puts the person on it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn someone_joins_the_waiting_list_of_a_full_event_in_the_browser() {
    use domain::entity::event;
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(1))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("one place");
    app.register_confirmed("first@example.org", &[]).await;
    let browser = Browser::start().await;
    browser.open(&app.url(&format!("/events/{TAG_SLUG}?lang=de"))).await;
    let offer = browser.wait_for_text(".button", "Auf die Warteliste").await;
    assert!(offer.contains("Auf die Warteliste"), "{offer}");
    let link = browser.find("a.button").await;
    browser.click(&link).await;
    browser.wait_for_text("#register-submit", "Auf die Warteliste setzen").await;
    for (field, value) in [
        ("#field-first_name", "Marta"),
        ("#field-last_name", "Warteliste"),
        ("#field-email", "marta@example.org"),
        ("#field-organisation", "Stadt Bonn"),
    ] {
        let input = browser.find(field).await;
        browser.type_into(&input, value).await;
    }
    browser.script("document.getElementById('field-organisation_type').value = 'kommune'").await;
    let consent = browser.find("#consent").await;
    browser.click(&consent).await;
    let submit = browser.find("#register-submit").await;
    browser.click(&submit).await;
    let status = browser.wait_for_text(".status", "Warteliste").await;
    assert!(status.contains("Sie stehen auf der Warteliste"), "{status}");
    browser.quit().await;
}

/// A door page whose device was revoked stops letting people in (it used to fall back
/// to its offline decision and show a green "Einlass"), says so, and keeps its queue.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn a_revoked_door_device_stops_admitting_and_says_so() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("blocked@example.org", &[]).await;
    let code = app.ticket_code(&path).await;
    let device = app.door_device(TAG_SLUG, "Eingang Gesperrt").await;
    let browser = Browser::start().await;
    browser.open(&app.url(&format!("/door/{device}?lang=de"))).await;
    browser.wait_for_text("#door-status", "Listen von").await;
    let stored = domain::door::by_token(&app.db, &device).await.expect("query").expect("device");
    domain::door::revoke(&app.state.pools().write, stored.id, chrono::Utc::now()).await.expect("revoke");
    app.state.forget_door_devices();
    let focused = browser.focused().await;
    browser.type_into(&focused, &format!("{code}{ENTER}")).await;
    let result = browser.wait_for_text("#door-result", "gesperrt").await;
    assert!(result.contains("gesperrt") && !result.contains("Einlass"), "{result}");
    let status = browser.wait_for_text("#door-status", "gesperrt").await;
    assert!(status.contains("gesperrt"), "{status}");
    let event_id = app.event(TAG_SLUG).await.id;
    assert_eq!(count_checked_in(&app.db, event_id).await.expect("count"), 0, "nobody was let in");
    // The server kept the scan for the organisers' check-in overview.
    let started = std::time::Instant::now();
    loop {
        let blocked = domain::checkin::blocked_scans(&app.db, event_id).await.expect("query");
        if blocked.len() == 1 {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "the revoked device's scan was not recorded: {blocked:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    browser.quit().await;
}

/// No page is wider than a small phone's screen: long questions, answers, names and
/// addresses wrap instead of pushing the page sideways (the answers on a registration
/// page used to).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium and chromedriver; .ci/run runs it"]
async fn pages_never_scroll_sideways_on_a_small_phone() {
    let app = TestApp::spawn().await;
    let mut fields = crate::support::valid_fields("long-answers@example.org");
    fields[3] =
        ("organisation", "Stadtverwaltung der Kreisfreien Stadt Mülheim an der Ruhr, Referat für Internationales");
    fields.push(("guest_first_name", "Oleksandra-Maria"));
    fields.push(("guest_last_name", "Kovalenko-Shevchenko-Bondarenko"));
    fields.push(("guest_email", "oleksandra.maria.kovalenko-shevchenko@hromada-partnerstadt.example.ua"));
    fields.push(("guest_organisation", ""));
    let response = app.post_registration(TAG_SLUG, &fields).await;
    let manage = response.headers()["location"].to_str().expect("registered").to_owned();
    let browser = Browser::start_phone().await;
    for path in [
        "/".to_owned(),
        format!("/events/{TAG_SLUG}"),
        format!("/events/{TAG_SLUG}/register"),
        manage.clone(),
        "/impressum".to_owned(),
    ] {
        for language in ["de", "uk"] {
            let separator = if path.contains('?') { '&' } else { '?' };
            let url = format!("{path}{separator}lang={language}");
            browser.open(&app.url(&url)).await;
            let widths = browser
                .script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
                .await;
            let (scroll, client) = (widths[0].as_i64().unwrap_or(0), widths[1].as_i64().unwrap_or(0));
            assert!(client > 0 && client <= 320, "{url}: measured at a small phone's width ({client})");
            if scroll > client {
                let wide = browser
                    .script(
                        "const w = document.documentElement.clientWidth;
                         return [...document.querySelectorAll('body *')]
                           .filter(e => e.getBoundingClientRect().right > w + 1)
                           .slice(0, 8)
                           .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)
                                + ' ' + (e.textContent || '').trim().slice(0, 40));",
                    )
                    .await;
                panic!("{url} scrolls sideways on a small phone: {scroll} > {client}; too wide: {wide}");
            }
        }
    }
    browser.quit().await;
}
