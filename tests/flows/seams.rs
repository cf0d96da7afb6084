//! Where two features meet: what participants, organisers and door staff ran into on
//! the day (issue "the seams between features").

use domain::demo::TAG_SLUG;
use domain::entity::event;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::support::TestApp;

/// The smallest forum of the main event, cut down to one place.
async fn forum_with_one_place(app: &TestApp) -> domain::programme::ProgrammeSession {
    use domain::entity::programme_session;
    let forum = app.smallest_forum().await;
    programme_session::Entity::update_many()
        .col_expr(programme_session::Column::Capacity, Expr::value(Some(1)))
        .filter(programme_session::Column::Id.eq(forum.id))
        .exec(&app.db)
        .await
        .expect("one place in the forum");
    forum
}

async fn fill_the_event(app: &TestApp) {
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(1))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("one place");
    app.register_confirmed("first@example.org", &[]).await;
}

#[tokio::test]
async fn a_full_event_shows_its_form_for_the_waiting_list_in_every_language() {
    let app = TestApp::spawn().await;
    fill_the_event(&app).await;
    for (language, join, full) in [
        ("de", "Auf die Warteliste", "ausgebucht"),
        ("en", "Join the waiting list", "fully booked"),
        ("uk", "списку очікування", "Усі місця"),
    ] {
        let (_, list) = app.get_text(&format!("/?lang={language}")).await;
        assert!(list.contains(join), "{language}: the event list offers the waiting list");
        let (_, page) = app.get_text(&format!("/events/{TAG_SLUG}?lang={language}")).await;
        assert!(page.contains(full) && page.contains(join), "{language}: the event page says full and offers it");
        assert!(page.contains(&format!("/events/{TAG_SLUG}/register")), "{language}: it links to the form");
        let (status, form) = app.get_text(&format!("/events/{TAG_SLUG}/register?lang={language}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("<form method=\"post\""), "{language}: the form is there");
        assert!(form.contains(join), "{language}: its button says waiting list");
    }
    let waiting = app.register_confirmed("second@example.org", &[]).await;
    let (_, page) = app.get_text(&waiting).await;
    assert!(page.contains("Sie stehen auf der Warteliste."), "the form puts people on the waiting list");
}

/// The name fields of the first administrator's form and of a new door device start
/// empty (they came pre-filled with the field's own name, "name").
#[tokio::test]
async fn name_fields_start_empty() {
    let app = TestApp::spawn().await;
    let token = domain::account::setup_link(&app.state.pools().write, chrono::Utc::now())
        .await
        .expect("query")
        .expect("no administrator yet");
    let (status, form) = app.get_text(&format!("/admin/account/{token}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("id=\"field-name\""), "the form asks the name");
    assert!(!form.contains("value=\"name\""), "and does not fill in the word name");
    let admin = app.admin().await;
    let tag = app.event(TAG_SLUG).await;
    let (status, doors) = app.staff_get(&admin, &format!("/admin/events/{}/doors", tag.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doors.contains("id=\"field-name\"") && !doors.contains("value=\"name\""));
}

/// An idle server logs no warnings (SQLite transactions warned twice a second), writes no
/// colour codes into a log that is not a terminal, and its last words at start-up are
/// the first administrator's link.
#[tokio::test]
async fn the_idle_server_log_is_quiet_and_ends_with_the_set_up_link() {
    use std::io::Read;
    let app = TestApp::spawn().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .args(["--bind", &format!("127.0.0.1:{port}"), "--database-url", &app.database_url])
        .arg("--data-dir")
        .arg(app.data_dir().join("quiet"))
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    // The mail worker polls every half second, the housekeeping runs at once.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let _ = child.kill();
    let _ = child.wait();
    let mut log = String::new();
    child.stdout.take().expect("stdout").read_to_string(&mut log).expect("read stdout");
    let mut errors = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut errors).expect("read stderr");
    assert!(log.contains("listening"), "{log}");
    assert!(!log.contains("WARN") && !errors.contains("WARN"), "warnings while idle:\n{log}{errors}");
    assert!(!log.contains('\u{1b}'), "no colour codes when not a terminal");
    let last = log.lines().rev().find(|line| line.contains("/admin/account/"));
    let lines: Vec<&str> = log.lines().collect();
    let last_log_line = lines.iter().rposition(|line| line.contains(" INFO ") || line.contains(" WARN "));
    let link_line = lines.iter().rposition(|line| line.contains("/admin/account/"));
    assert!(last.is_some(), "the set-up link is printed:\n{log}");
    assert!(link_line > last_log_line, "nothing is logged after the link:\n{log}");
}

/// The door's name search folds case and accents in every script and finds Cyrillic
/// names typed in Latin letters (it folded only ASCII).
#[tokio::test]
async fn the_door_finds_names_of_every_script_as_typed() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    for (index, (first, last, organisation)) in [
        ("Олена", "Коваленко", "Житомирська міська рада"),
        ("Łukasz", "Wójcik", "Urząd Miasta Kraków"),
        ("Jürgen", "Größmann", "Stadt Köln"),
        ("Ayşe", "Çelik", "Öztürk Verein"),
    ]
    .into_iter()
    .enumerate()
    {
        let email = format!("person{index}@example.org");
        let mut fields = crate::support::valid_fields(&email);
        fields[0] = ("first_name", first);
        fields[1] = ("last_name", last);
        fields[3] = ("organisation", organisation);
        let response = app.post_registration(TAG_SLUG, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    for (typed, expected) in [
        ("Коваленко", "Олена Коваленко"),
        ("олена", "Олена Коваленко"),
        ("Kovalenko", "Олена Коваленко"),
        ("Житомир", "Олена Коваленко"),
        ("zhytomyr", "Олена Коваленко"),
        ("Łukasz", "Łukasz Wójcik"),
        ("wojcik", "Łukasz Wójcik"),
        ("ÇELİK", "Ayşe Çelik"),
        ("öztürk", "Ayşe Çelik"),
        ("grossmann", "Jürgen Größmann"),
        ("GRÖSSMANN", "Jürgen Größmann"),
    ] {
        let response = app
            .client
            .get(app.url("/api/v1/checkin/attendees"))
            .query(&[("q", typed)])
            .bearer_auth(&device)
            .send()
            .await
            .expect("GET");
        assert_eq!(response.status(), StatusCode::OK);
        let found = response.json::<serde_json::Value>().await.expect("JSON")["attendees"].clone();
        let names: Vec<&str> =
            found.as_array().into_iter().flatten().filter_map(|person| person["name"].as_str()).collect();
        assert_eq!(names, vec![expected], "{typed:?}");
    }
    let offline = app
        .client
        .get(app.url("/api/v1/checkin/offline"))
        .bearer_auth(&device)
        .send()
        .await
        .expect("GET")
        .json::<serde_json::Value>()
        .await
        .expect("JSON");
    let keys: Vec<&str> =
        offline["valid"].as_array().into_iter().flatten().filter_map(|entry| entry["search_key"].as_str()).collect();
    assert!(keys.iter().any(|key| key.contains("коваленко") && key.contains("kovalenko")), "{keys:?}");
}

/// An online event speaks of no entrance, and its certificate says "online" (it said
/// "in online", "у місці онлайн"), with the signature caption in full.
#[tokio::test]
async fn an_online_event_has_no_entrance_and_its_certificate_says_online() {
    use domain::demo::INFO_SLUG;
    let app = TestApp::spawn().await;
    let event = app.event(INFO_SLUG).await;
    let response = app.post_registration(INFO_SLUG, &crate::support::valid_fields("online@example.org")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = response.headers()["location"].to_str().expect("location").to_owned();
    let (_, page) = app.get_text(&path).await;
    assert!(!page.contains("am Einlass"), "no entrance for an online event");
    assert!(page.contains("findet online statt"), "it says how one takes part");
    let door = app.door_device(INFO_SLUG, "Online-Team").await;
    let code = app.ticket_code(&path).await;
    let (_, answer) = app.redeem(&door, &code, "online-1", None).await;
    assert_eq!(answer["result"], "ok");
    crate::flows::privacy::end_event(&app, event.id, 1).await;
    for (language, online, wrong) in [("de", "online an folgender", "in online"), ("uk", "участь онлайн", "у місці")]
    {
        let pdf = app.get(&format!("{path}/certificates/0?lang={language}")).await;
        assert_eq!(pdf.status(), StatusCode::OK);
        let text = pdf_extract::extract_text_from_mem(&pdf.bytes().await.expect("pdf")).expect("certificate text");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(online) && !text.contains(wrong), "{language}: {text}");
        if language == "de" {
            // Wrapped under the signature line (the extractor joins the lines without a space).
            let unspaced = text.replace(' ', "");
            assert!(
                unspaced.contains("Unterschrift,NetzwerkstelleStädtepartnerschaftenNRW"),
                "caption in full: {text}"
            );
        }
    }
}

/// The back office: the dashboard lists the next event first; a person's page is not
/// headed as if it were theirs ("Ihr Ticket") and its mail history has no raw keys.
#[tokio::test]
async fn the_back_office_reads_right() {
    use domain::demo::{INFO_SLUG, REALLABOR_SLUG};
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let (_, dashboard) = app.staff_get(&admin, "/admin").await;
    let mut positions = Vec::new();
    for slug in [INFO_SLUG, TAG_SLUG, REALLABOR_SLUG] {
        let title = app.event(slug).await.title_de;
        positions.push(dashboard.find(&title).unwrap_or_else(|| panic!("{title} on the dashboard")));
    }
    let (info, tag, reallabor) = (positions[0], positions[1], positions[2]);
    assert!(info < tag && tag < reallabor, "in the order they take place: {info} {tag} {reallabor}");

    let path = app.register_confirmed("person@example.org", &[]).await;
    let tag = app.event(TAG_SLUG).await;
    let rows = domain::attendee_list::load(&app.db, tag.id).await.expect("rows");
    let person = rows.first().expect("registered");
    let edited = app
        .staff_post(
            &admin,
            &format!("/admin/events/{}/attendees/{}/edit", tag.id, person.attendee.id),
            &[
                ("first_name", "Olena"),
                ("last_name", "Kovalenko-Shevchenko"),
                ("email", "person@example.org"),
                ("organisation", "Stadt Würzburg"),
                ("organisation_type", "kommune"),
                ("language", "de"),
            ],
        )
        .await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.staff_get(&admin, &format!("/admin/events/{}/attendees/{}", tag.id, person.attendee.id)).await;
    assert!(!page.contains("Ihr Ticket"), "the organiser's view of someone else");
    assert!(page.contains("Änderung durch das Team"), "the change mail is named");
    assert!(!page.contains("admin-mail-"), "no raw translation key in the mail history");
    drop(path);
}

/// Each status shows and mails what is true for it: a calendar entry is confirmed only
/// with a confirmed place, the page promises a ticket only once there is one, an
/// unconfirmed registration says where the link went and until when the place is held,
/// and moving up on a double-opt-in event says that a place came free.
#[tokio::test]
async fn each_status_tells_what_is_true_for_it() {
    use domain::demo::REALLABOR_SLUG;
    use domain::entity::outbox_message;
    use domain::outbox::MailKind;
    let app = TestApp::spawn().await;
    fill_the_event(&app).await;
    let waiting = app.register_confirmed("waiting@example.org", &[]).await;
    let (_, page) = app.get_text(&waiting).await;
    assert!(!page.contains("jederzeit Ihr Ticket") && !page.contains("mit Ticket noch einmal"), "no ticket promised");
    let (_, calendar) = app.get_text(&format!("{waiting}/calendar.ics")).await;
    assert!(calendar.contains("STATUS:TENTATIVE") && !calendar.contains("STATUS:CONFIRMED"), "{calendar}");
    let cancelled = app.client.post(app.url(&format!("{waiting}/cancel"))).send().await.expect("POST");
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    let (_, calendar) = app.get_text(&format!("{waiting}/calendar.ics")).await;
    assert!(calendar.contains("STATUS:CANCELLED") && !calendar.contains("STATUS:CONFIRMED"), "{calendar}");
    let (_, page) = app.get_text(&waiting).await;
    assert!(!page.contains(&format!("{waiting}/calendar.ics")), "no calendar for a cancelled registration: {page}");
    assert!(!page.contains("noch einmal schicken"), "nothing to send again");

    // Double opt-in: the unconfirmed page names the address and the deadline.
    let reallabor = app.event(REALLABOR_SLUG).await;
    let response = app.post_registration(REALLABOR_SLUG, &crate::support::valid_fields("opt-in@example.org")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let pending = response.headers()["location"].to_str().expect("location").to_owned();
    let (_, page) = app.get_text(&pending).await;
    assert!(page.contains("opt-in@example.org") && page.contains("Bitte bestätigen Sie bis"), "{page}");

    // Someone waiting on a double-opt-in event moves up: the mail says a place came free.
    let taken = app.event(REALLABOR_SLUG).await.taken;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(taken + 1))
        .filter(event::Column::Id.eq(reallabor.id))
        .exec(&app.db)
        .await
        .expect("capacity");
    let response = app.post_registration(REALLABOR_SLUG, &crate::support::valid_fields("second@example.org")).await;
    let second_path = response.headers()["location"].to_str().expect("location").to_owned();
    let response = app.post_registration(REALLABOR_SLUG, &crate::support::valid_fields("third@example.org")).await;
    let third_path = response.headers()["location"].to_str().expect("location").to_owned();
    let (_, third) = app.get_text(&third_path).await;
    assert!(third.contains("Warteliste"), "the third waits");
    app.client.post(app.url(&format!("{second_path}/cancel"))).send().await.expect("POST");
    let kinds: Vec<MailKind> =
        outbox_message::Entity::find().all(&app.db).await.expect("outbox").into_iter().map(|mail| mail.kind).collect();
    assert!(kinds.contains(&MailKind::PromotedConfirmEmail), "{kinds:?}");
    // The mail itself (written as a file: the tests run without SMTP) says so.
    let folder = app.data_dir().join("mail");
    let mut said = false;
    for _ in 0..100 {
        said = std::fs::read_dir(&folder).into_iter().flatten().flatten().any(|file| {
            let raw = std::fs::read(file.path()).unwrap_or_default();
            mail_parser::MessageParser::default().parse(&raw).is_some_and(|mail| {
                mail.subject().is_some_and(|subject| subject.starts_with("Ein Platz ist frei geworden"))
                    && mail.body_text(0).is_some_and(|text| text.contains("bestätigen"))
            })
        });
        if said {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(said, "the moved-up person is told that a place came free and asked to confirm");
}

/// The form names each field in its summary, marks only optional fields as optional,
/// returns to the row it just added, and says when a delegation is too large.
#[tokio::test]
async fn the_form_names_its_fields_and_keeps_the_reader_where_they_were() {
    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    let response = app.post_registration(TAG_SLUG, &[("first_name", ""), ("email", "x")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("page");
    let summary = page.split("class=\"error-summary\"").nth(1).and_then(|rest| rest.split("</ul>").next());
    let summary = summary.unwrap_or_default();
    assert!(summary.contains("Vorname: Bitte füllen Sie dieses Feld aus."), "{summary}");
    assert!(summary.contains("E-Mail-Adresse: Bitte geben Sie eine gültige"), "{summary}");

    // A required partner municipality is not labelled optional.
    event::Entity::update_many()
        .col_expr(event::Column::AskPartnerMunicipality, Expr::value("required"))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("ask the partner municipality");
    app.state.page_cache().invalidate();
    let (_, form) = app.get_text(&format!("/events/{TAG_SLUG}/register")).await;
    let label = form.split("for=\"field-partner_municipality\"").nth(1).and_then(|rest| rest.split("</label>").next());
    assert!(label.is_some_and(|label| !label.contains("freiwillig") && !label.contains("optional")), "{label:?}");

    // "Add a person" comes back to the new row and focuses it.
    let mut fields = crate::support::valid_fields("delegation@example.org");
    fields.push(("add_guest", "1"));
    let response = app.post_registration(TAG_SLUG, &fields).await;
    let page = response.text().await.expect("page");
    assert!(page.contains("id=\"guest-0\""), "the new row");
    assert!(page.contains("id=\"field-guest_first_name-0\" name=\"guest_first_name\" type=\"text\" value=\"\" autocomplete=\"off\" autofocus"));
    assert!(page.contains("#guest-1\""), "the next 'add a person' returns to the row after");

    // More people than a registration takes is an error, not a silent cut.
    let names: Vec<String> = (0..21).map(|index| format!("Gast{index}")).collect();
    let mut fields = crate::support::valid_fields("many@example.org");
    for name in &names {
        fields.push(("guest_first_name", name));
        fields.push(("guest_last_name", "Muster"));
    }
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "21 further people are refused");
    assert!(response.text().await.expect("page").contains("höchstens 21 Personen"));
}

/// The offline lists know who is in; a second admission by the same device is a
/// conflict too; a conflict names the admissions in the order they happened.
#[tokio::test]
async fn offline_the_door_knows_who_is_in_and_conflicts_keep_the_order_of_the_scans() {
    use domain::entity::check_in_conflict;
    let app = TestApp::spawn().await;
    let north = app.door_device(TAG_SLUG, "Eingang Nord").await;
    let south = app.door_device(TAG_SLUG, "Eingang Süd").await;
    let scan = |device: String, ticket: String, scan_id: &'static str, offline_at: Option<String>| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/api/v1/checkin/redeem"))
                .bearer_auth(device)
                .json(&serde_json::json!({"token": ticket, "scan_id": scan_id, "session": null, "offline_at": offline_at}))
                .send()
                .await
                .expect("POST")
                .json::<serde_json::Value>()
                .await
                .expect("JSON")
        }
    };
    let anna = app.ticket_code(&app.register_confirmed("anna@example.org", &[]).await).await;
    assert_eq!(scan(north.clone(), anna.clone(), "a-1", None).await["result"], "ok");
    let lists = app
        .client
        .get(app.url("/api/v1/checkin/offline"))
        .bearer_auth(&south)
        .send()
        .await
        .expect("GET")
        .json::<serde_json::Value>()
        .await
        .expect("JSON");
    let checked: Vec<bool> =
        lists["valid"].as_array().into_iter().flatten().map(|entry| entry["checked_in_at"].is_string()).collect();
    assert_eq!(checked, vec![true], "the list says Anna is in");

    // The same device lets Anna in again while offline: a conflict, not silence.
    let again = scan(north.clone(), anna.clone(), "a-2", Some(chrono::Utc::now().to_rfc3339())).await;
    assert_eq!(again["result"], "already_checked_in");
    let conflicts = check_in_conflict::Entity::find().all(&app.db).await.expect("conflicts");
    assert_eq!(conflicts.len(), 1, "a double admission by one device is kept");
    assert_eq!(conflicts[0].first_device_id, conflicts[0].second_device_id);

    // Two devices offline; the later scan reaches the server first.
    let bernd = app.ticket_code(&app.register_confirmed("bernd@example.org", &[]).await).await;
    let minutes_ago = |minutes: i64| {
        use chrono::{SubsecRound, Utc};
        (Utc::now() - chrono::Duration::minutes(minutes)).trunc_subsecs(0)
    };
    let (earlier, later) = (minutes_ago(20), minutes_ago(10));
    let first_sync = scan(south.clone(), bernd.clone(), "b-s", Some(later.to_rfc3339())).await;
    assert_eq!(first_sync["result"], "ok");
    let second_sync = scan(north.clone(), bernd.clone(), "b-n", Some(earlier.to_rfc3339())).await;
    assert_eq!(second_sync["result"], "already_checked_in");
    let north_id = domain::door::by_token(&app.db, &north).await.expect("query").expect("device").id;
    let conflict = check_in_conflict::Entity::find()
        .all(&app.db)
        .await
        .expect("conflicts")
        .into_iter()
        .find(|conflict| conflict.second_at == later)
        .expect("the conflict of the two devices");
    assert_eq!(conflict.first_device_id, north_id, "the earlier admission comes first");
    assert_eq!(conflict.first_at, earlier);
}

/// An organiser limited to some events can open (and set up) the event they create.
#[tokio::test]
async fn a_limited_organiser_opens_the_event_they_created() {
    use domain::account::Role;
    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    app.team_member("organiser@example.org", Role::Organiser, &[tag.id]).await;
    let organiser = app.sign_in("organiser@example.org").await;
    let created = crate::flows::backoffice::create_event(&app, &organiser, "fachaustausch-2027").await;
    let (status, _) = app.staff_get(&organiser, &format!("/admin/events/{created}")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) =
        app.staff_get(&organiser, &format!("/admin/events/{}", app.event(domain::demo::INFO_SLUG).await.id)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "other events stay closed to them");
}

/// Adding a person by hand asks the event's own questions (the photo consent too) and
/// works after online registration has closed.
#[tokio::test]
async fn a_phone_registration_answers_the_questions_after_registration_closed() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(
            event::Column::RegistrationClosesAt,
            Expr::value(Some(chrono::Utc::now() - chrono::Duration::hours(1))),
        )
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("close registration");
    let questions = domain::registration_form::questions(&app.db, tag.id).await.expect("questions");
    let photo = questions
        .iter()
        .find(|question| question.kind == domain::registration_form::QuestionKind::Consent)
        .expect("the demo asks for photo consent");
    let (_, form) = app.staff_get(&admin, &format!("/admin/events/{}/attendees/new", tag.id)).await;
    let field = format!("q-{}", photo.id.simple());
    assert!(form.contains(&format!("name=\"{field}\"")), "the form asks the photo consent");
    let added = app
        .staff_post(
            &admin,
            &format!("/admin/events/{}/attendees/new", tag.id),
            &[
                ("first_name", "Petro"),
                ("last_name", "Telefon"),
                ("email", "petro@example.org"),
                ("organisation", "Hromada"),
                ("organisation_type", "partner_abroad"),
                ("language", "uk"),
                ("consent", "on"),
                (&field, "yes"),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER, "registered by hand after the online window closed");
    let rows = domain::attendee_list::load(&app.db, tag.id).await.expect("rows");
    let petro = rows.iter().find(|row| row.attendee.last_name == "Telefon").expect("added");
    let answers = domain::registration_form::answers_of(&app.db, &[petro.attendee.id]).await.expect("answers");
    assert!(answers.iter().any(|answer| answer.question_id == photo.id && answer.value == "yes"), "{answers:?}");
}

/// A registration's mail links open its pages in its language, and English and
/// Ukrainian mails start their text with a capital letter after the greeting.
#[tokio::test]
async fn mails_link_in_the_registrations_language_and_read_right() {
    let app = TestApp::spawn().await;
    for (language, email) in [("uk", "uk@example.org"), ("en", "en@example.org")] {
        let response = app
            .client
            .post(app.url(&format!("/events/{TAG_SLUG}/register?lang={language}")))
            .form(&crate::support::valid_fields(email))
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let folder = app.data_dir().join("mail");
    let mut texts = Vec::new();
    for _ in 0..100 {
        texts = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|file| {
                let raw = std::fs::read(file.path()).ok()?;
                let mail = mail_parser::MessageParser::default().parse(&raw)?;
                let to = mail.to()?.first()?.address()?.to_owned();
                Some((to, mail.body_text(0)?.to_string()))
            })
            .collect();
        if texts.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(texts.len(), 2, "both confirmations are written");
    for (to, text) in &texts {
        let language = if to.starts_with("uk") { "uk" } else { "en" };
        assert!(text.contains(&format!("?lang={language}")), "{to}: links carry the language: {text}");
        let after_greeting = text.lines().skip_while(|line| !line.contains("Olena")).nth(1).unwrap_or_default();
        let after_greeting = if after_greeting.trim().is_empty() {
            text.lines().skip_while(|line| !line.contains("Olena")).nth(2).unwrap_or_default()
        } else {
            after_greeting
        };
        assert!(after_greeting.trim_start().starts_with(char::is_uppercase), "{to}: {after_greeting:?}");
    }
}

/// Every person of a delegation has a ticket to forward (a PDF with name, event, date
/// and place, named after them), and a confirmation with twenty tickets stays small.
#[tokio::test]
async fn tickets_can_be_forwarded_and_a_delegations_mail_stays_small() {
    let app = TestApp::spawn().await;
    let names: Vec<String> = (0..20).map(|index| format!("Гість{index}")).collect();
    let mut fields = crate::support::valid_fields("delegation@example.org");
    for name in &names {
        fields.push(("guest_first_name", name));
        fields.push(("guest_last_name", "Коваленко"));
    }
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = response.headers()["location"].to_str().expect("location").to_owned();
    let pdf = app.get(&format!("{path}/ticket.pdf?attendee=3")).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    let disposition = pdf.headers()["content-disposition"].to_str().expect("header").to_owned();
    assert!(disposition.contains("ticket-tag-der-staedtepartnerschaften-hist2-kovalenko.pdf"), "{disposition}");
    let text = pdf_extract::extract_text_from_mem(&pdf.bytes().await.expect("pdf")).expect("text");
    let tag = app.event(TAG_SLUG).await;
    for expected in ["Гість2 Коваленко", tag.title_de.as_str(), "Dortmund"] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    let folder = app.data_dir().join("mail");
    let mut size = 0;
    for _ in 0..100 {
        size = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|file| std::fs::metadata(file.path()).ok())
            .map(|meta| meta.len())
            .max()
            .unwrap_or(0);
        if size > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(size > 10_000 && size < 500_000, "the confirmation with 21 tickets is {size} bytes");
}

/// Every export of people's data is in the audit log, which reads in words and can be
/// filtered and paged.
#[tokio::test]
async fn exports_are_audited_and_the_log_reads_in_words() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    app.register_confirmed("someone@example.org", &[]).await;
    let tag = app.event(TAG_SLUG).await;
    for export in
        ["attendees.csv", "attendees.xlsx", "signature-list.pdf", "badges.pdf", "report.xlsx", "check-ins.csv"]
    {
        let response = app.staff_get_response(&admin, &format!("/admin/events/{}/{export}", tag.id)).await;
        assert_eq!(response.status(), StatusCode::OK, "{export}");
    }
    let (_, audit) = app.staff_get(&admin, "/admin/audit?action=export.").await;
    let table = audit.split("<tbody>").nth(1).unwrap_or_default();
    for label in [
        "Export: Teilnehmendenliste (CSV)",
        "Export: Teilnehmendenliste (Excel)",
        "Export: Unterschriftenliste (PDF)",
        "Export: Namensschilder (PDF)",
        "Export: Verwendungsnachweis",
        "Export: Einlassliste (CSV)",
    ] {
        assert!(table.contains(label), "{label}: {table}");
    }
    assert!(!table.contains("Angemeldet (Backoffice)"), "the filter keeps only exports");
    assert!(!table.contains("export.attendees_csv"), "no raw codes in the table");
}

/// Each member of a delegation has their own kind of organisation and partner
/// municipality (the contact person's where left empty), so the funder's figures count
/// a Polish guest as a partner abroad, not as the contact's Kommune.
#[tokio::test]
async fn every_member_of_a_delegation_is_a_person_of_their_own() {
    use domain::registration::OrganisationType;
    let app = TestApp::spawn().await;
    let mut fields = crate::support::valid_fields("contact@example.org");
    fields.extend([
        ("guest_first_name", "Agnieszka"),
        ("guest_last_name", "Nowak"),
        ("guest_email", ""),
        ("guest_organisation", "Urząd Miasta Lublin"),
        ("guest_organisation_type", "partner_abroad"),
        ("guest_partner_municipality", "Münster"),
        ("guest_first_name", "Jonas"),
        ("guest_last_name", "Kollege"),
        ("guest_email", ""),
        ("guest_organisation", ""),
        ("guest_organisation_type", ""),
        ("guest_partner_municipality", ""),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let tag = app.event(TAG_SLUG).await;
    let rows = domain::attendee_list::load(&app.db, tag.id).await.expect("rows");
    let person =
        |last: &str| rows.iter().find(|row| row.attendee.last_name == last).expect("registered").attendee.clone();
    let (guest, colleague) = (person("Nowak"), person("Kollege"));
    assert_eq!(guest.organisation_type, OrganisationType::PartnerAbroad);
    assert_eq!(guest.partner_municipality, "Münster");
    assert_eq!(colleague.organisation_type, OrganisationType::Kommune, "the contact's, as nothing was chosen");
    assert_eq!(colleague.organisation, "Stadt Würzburg");
    let figures = domain::attendee_list::figures(&rows);
    assert!(
        figures.by_organisation_type.contains(&(OrganisationType::PartnerAbroad, 1)),
        "{:?}",
        figures.by_organisation_type
    );
}

/// A forum's waiting list shows in the event's figures, and a session filter lists the
/// people who still come (cancelled ones only when asked for).
#[tokio::test]
async fn forum_waiting_lists_show_and_session_filters_leave_out_the_cancelled() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let tag = app.event(TAG_SLUG).await;
    let forum = forum_with_one_place(&app).await;
    let first = app.register_confirmed("first@example.org", &[forum.id]).await;
    app.register_confirmed("waiting@example.org", &[forum.id]).await;
    let (_, overview) = app.staff_get(&admin, &format!("/admin/events/{}", tag.id)).await;
    let row = overview.split(&forum.title_de).nth(1).and_then(|rest| rest.split("</tr>").next()).unwrap_or_default();
    assert!(row.ends_with("<td class=\"number\">1</td>"), "one person waits for the forum: {row}");

    let cancelled = app.client.post(app.url(&format!("{first}/cancel"))).send().await.expect("POST");
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    let (_, list) = app.staff_get(&admin, &format!("/admin/events/{}/attendees?session={}", tag.id, forum.id)).await;
    assert!(!list.contains("first@example.org"), "the cancelled person is not counted in the forum");
    let (_, list) = app
        .staff_get(&admin, &format!("/admin/events/{}/attendees?session={}&status=cancelled", tag.id, forum.id))
        .await;
    assert!(list.contains("first@example.org"), "unless cancelled people are asked for");
}

/// An organiser moves a waiting person up by hand: a place beyond the capacity, the
/// person is confirmed with a ticket and told, the log says who did it.
#[tokio::test]
async fn an_organiser_moves_a_waiting_person_up_by_hand() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    fill_the_event(&app).await;
    let waiting = app.register_confirmed("waiting@example.org", &[]).await;
    let tag = app.event(TAG_SLUG).await;
    let rows = domain::attendee_list::load(&app.db, tag.id).await.expect("rows");
    let person = rows.iter().find(|row| row.attendee.email == "waiting@example.org").expect("waiting");
    let page_path = format!("/admin/events/{}/attendees/{}", tag.id, person.attendee.id);
    let (_, page) = app.staff_get(&admin, &page_path).await;
    assert!(page.contains("Von der Warteliste nachrücken lassen"));
    let moved = app.staff_post(&admin, &format!("{page_path}/move-up"), &[]).await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let (_, own_page) = app.get_text(&waiting).await;
    assert!(own_page.contains("Sie sind angemeldet.") && own_page.contains("class=\"ticket-code\""), "confirmed");
    assert_eq!(app.event(TAG_SLUG).await.taken, 2, "a place beyond the capacity of one");
    let kinds: Vec<domain::outbox::MailKind> = domain::entity::outbox_message::Entity::find()
        .all(&app.db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|mail| mail.kind)
        .collect();
    assert!(kinds.contains(&domain::outbox::MailKind::Promoted), "told by mail");
    let (_, audit) = app.staff_get(&admin, "/admin/audit").await;
    assert!(audit.split("<tbody>").nth(1).unwrap_or_default().contains("Von Hand nachgerückt"));
}

/// A registration's page and the door page are never kept by a cache on the way.
#[tokio::test]
async fn pages_behind_secret_links_are_not_stored() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("private@example.org", &[]).await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    for page in [path.clone(), format!("/door/{device}")] {
        let response = app.get(&page).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["cache-control"], "private, no-store", "{page}");
    }
    let image = app.get(&format!("{path}/ticket.png")).await;
    assert!(image.headers()["cache-control"].to_str().unwrap_or_default().contains("must-revalidate"));
}

/// Two forums (parallel ones), for a contact and a member to choose one each.
async fn two_forums(app: &TestApp) -> (domain::programme::ProgrammeSession, domain::programme::ProgrammeSession) {
    let sessions: Vec<_> = app.sessions(TAG_SLUG).await.into_iter().filter(|session| session.is_choosable()).collect();
    let first = sessions.first().cloned().expect("a forum");
    let second = sessions.get(1).cloned().expect("a second forum");
    (first, second)
}

/// A delegation member with an address of their own gets their own mails, in the
/// language chosen for them, with their own ticket, calendar and link; the contact
/// still gets the overview, and the contact's calendar holds the contact's own day.
#[tokio::test]
async fn a_delegation_member_with_an_own_address_gets_their_own_mail_in_their_language() {
    use crate::support::ticket_codes_on;
    let app = TestApp::spawn().await;
    let (contact_forum, member_forum) = two_forums(&app).await;
    let contact_choice = contact_forum.id.to_string();
    let member_choice = format!("0:{}", member_forum.id);
    let mut fields = crate::support::valid_fields("lead@stadt.example.de");
    fields.extend([
        ("programme_session", contact_choice.as_str()),
        ("guest_first_name", "Oksana"),
        ("guest_last_name", "Melnyk"),
        ("guest_email", "Oksana@Hromada.example.ua"),
        ("guest_organisation", ""),
        ("guest_language", "uk"),
        ("guest_session", member_choice.as_str()),
        ("guest_first_name", "Jonas"),
        ("guest_last_name", "Weber"),
        ("guest_email", ""),
        ("guest_organisation", ""),
        ("guest_language", "de"),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let contact_page = response.headers()["location"].to_str().expect("location").to_owned();
    let (_, page) = app.get_text(&contact_page).await;
    let all_codes = ticket_codes_on(&page);
    assert_eq!(all_codes.len(), 3);

    // The contact: one overview with every ticket; the calendar holds the contact's forum.
    let lead = app.mails_to("lead@stadt.example.de", 1).await;
    let member = app.mails_to("oksana@hromada.example.ua", 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.mails_to("lead@stadt.example.de", 1).await.len(), 1, "one mail to the contact, not one per member");
    assert!(lead[0].subject.starts_with("Anmeldebestätigung"), "{}", lead[0].subject);
    let mut lead_codes = lead[0].ticket_codes();
    lead_codes.sort();
    let mut sorted = all_codes.clone();
    sorted.sort();
    assert_eq!(lead_codes, sorted, "the overview carries all three tickets");
    let summaries = |calendar: &icalendar::Calendar| -> Vec<String> {
        use icalendar::Component;
        calendar
            .components
            .iter()
            .filter_map(|part| part.as_event())
            .filter_map(|event| event.get_summary().map(str::to_owned))
            .collect()
    };
    let lead_calendar = summaries(&lead[0].calendar().expect("the contact's calendar"));
    assert!(lead_calendar.iter().any(|summary| summary.contains(&contact_forum.title_de)), "{lead_calendar:?}");
    assert!(
        !lead_calendar.iter().any(|summary| summary.contains(&member_forum.title_de)),
        "not the member's forum: {lead_calendar:?}"
    );

    // The member: her own mail, in Ukrainian, with her ticket and her forum only.
    assert_eq!(member.len(), 1);
    assert!(member[0].subject.starts_with("Підтвердження реєстрації"), "{}", member[0].subject);
    let member_codes = member[0].ticket_codes();
    assert_eq!(member_codes.len(), 1, "her own ticket only");
    assert!(all_codes.contains(&member_codes[0]));
    assert!(
        !member[0].text.contains("Jonas") && !member[0].text.contains("Kovalenko"),
        "nothing of the others: {}",
        member[0].text
    );
    let member_calendar = summaries(&member[0].calendar().expect("her calendar"));
    assert!(
        member_calendar
            .iter()
            .any(|summary| summary.contains(&member_forum.title_uk) || summary.contains(&member_forum.title_de)),
        "{member_calendar:?}"
    );
    assert!(!member_calendar.iter().any(|summary| summary.contains(&contact_forum.title_uk)), "{member_calendar:?}");

    // Her link opens her part, in her language, and only what is hers to do.
    let her_page = app.mailed_paths("oksana@hromada.example.ua", "/r/", 1).await.remove(0);
    assert!(her_page.contains("lang=uk"), "{her_page}");
    let (status, page) = app.get_text(&her_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Oksana Melnyk") && !page.contains("Jonas Weber") && !page.contains("Olena Kovalenko"));
    assert_eq!(ticket_codes_on(&page), member_codes);
    let her_token = her_page.trim_start_matches("/r/").split('?').next().expect("token").to_owned();
    assert!(!page.contains(&format!("/r/{her_token}/cancel\"")), "no link to cancel the whole registration");
    let refused = app.client.post(app.url(&format!("/r/{her_token}/cancel"))).send().await.expect("POST");
    assert_eq!(refused.status(), StatusCode::NOT_FOUND, "the whole registration is the contact's to cancel");
    let (status, _) = app.get_text(&format!("/r/{her_token}/attendees/new")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, ics) = app.get_text(&format!("/r/{her_token}/calendar.ics")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!ics.contains(&contact_forum.id.to_string()), "her calendar holds her day");

    // She asks for her link again at /r/find: it comes to her, opening her part.
    let find =
        app.client.post(app.url("/r/find")).form(&[("email", "oksana@hromada.example.ua")]).send().await.expect("POST");
    assert_eq!(find.status(), StatusCode::OK);
    let links = app.mailed_paths("oksana@hromada.example.ua", "/r/", 2).await;
    let (_, again) = app.get_text(&links[1]).await;
    assert!(again.contains("Oksana Melnyk") && !again.contains("Jonas Weber"));

    // Jonas, without an address of his own, has no link of his own: the contact's page
    // still shows him; the contact cancels everything: she is told, in Ukrainian.
    let cancelled = app.client.post(app.url(&format!("{contact_page}/cancel"))).send().await.expect("POST");
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    let member = app.mails_to("oksana@hromada.example.ua", 3).await;
    assert!(
        member.iter().any(|mail| mail.subject.starts_with("Скасування")),
        "{:?}",
        member.iter().map(|mail| &mail.subject).collect::<Vec<_>>()
    );
}

/// The waiting list speaks to a member with an own address too: placed on it, then
/// moved up, each in her language.
#[tokio::test]
async fn a_delegation_member_hears_of_the_waiting_list_and_of_moving_up() {
    let app = TestApp::spawn().await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(2))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("two places");
    let first = app.register_confirmed("first@example.org", &[]).await;
    let mut fields = crate::support::valid_fields("lead@stadt.example.de");
    fields.extend([
        ("guest_first_name", "Mykola"),
        ("guest_last_name", "Bondar"),
        ("guest_email", "mykola@hromada.example.ua"),
        ("guest_organisation", ""),
        ("guest_language", "uk"),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let waiting = app.mails_to("mykola@hromada.example.ua", 1).await;
    assert!(waiting[0].subject.starts_with("Список очікування"), "{}", waiting[0].subject);
    assert!(waiting[0].ticket_codes().is_empty(), "no ticket while waiting");

    let cancelled = app.client.post(app.url(&format!("{first}/cancel"))).send().await.expect("POST");
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    // Mail files of one second sort by their random ids: found by subject, not place.
    let mails = app.mails_to("mykola@hromada.example.ua", 2).await;
    let moved_up = mails
        .iter()
        .find(|mail| mail.subject.starts_with("Для вас звільнилося місце"))
        .unwrap_or_else(|| panic!("{:?}", mails.iter().map(|mail| &mail.subject).collect::<Vec<_>>()));
    assert_eq!(moved_up.ticket_codes().len(), 1, "his ticket once he moved up");
}

/// A language no one offers is refused with a message, not stored.
#[tokio::test]
async fn a_delegation_member_language_must_be_one_the_site_speaks() {
    let app = TestApp::spawn().await;
    let mut fields = crate::support::valid_fields("lead@stadt.example.de");
    fields.extend([
        ("guest_first_name", "Mykola"),
        ("guest_last_name", "Bondar"),
        ("guest_email", ""),
        ("guest_organisation", ""),
        ("guest_language", "fr"),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(page.contains("Person 2, Sprache der E-Mails an diese Person"), "the summary names the field");
}

/// Organisers correct every field of a person, a delegation member's as well as the
/// contact's (address, kind of organisation, language, answers), and the audit log says
/// which fields changed.
#[tokio::test]
async fn organisers_edit_every_field_of_a_person_and_the_log_names_what_changed() {
    use domain::registration::OrganisationType;
    let app = TestApp::spawn().await;
    let mut fields = crate::support::valid_fields("contact@example.org");
    fields.extend([
        ("guest_first_name", "Agnieszka"),
        ("guest_last_name", "Nowak"),
        ("guest_email", ""),
        ("guest_organisation", ""),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    app.register_confirmed("taken@example.org", &[]).await;
    let tag = app.event(TAG_SLUG).await;
    let rows = domain::attendee_list::load(&app.db, tag.id).await.expect("rows");
    let member = rows.iter().find(|row| row.attendee.last_name == "Nowak").expect("member").clone();
    let contact = rows.iter().find(|row| row.attendee.email == "contact@example.org").expect("contact").clone();
    let admin = app.admin().await;

    let edit = format!("/admin/events/{}/attendees/{}/edit", tag.id, member.attendee.id);
    let (status, form) = app.staff_get(&admin, &edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("name=\"email\"")
            && form.contains("name=\"language\"")
            && form.contains("name=\"organisation_type\"")
    );
    let saved = app
        .staff_post(
            &admin,
            &edit,
            &[
                ("first_name", "Agnieszka"),
                ("last_name", "Nowak"),
                ("email", "a.nowak@lublin.example.pl"),
                ("organisation", "Urząd Miasta Lublin"),
                ("organisation_type", "partner_abroad"),
                ("partner_municipality", "Münster"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let rows = domain::attendee_list::load(&app.db, tag.id).await.expect("rows");
    let changed = rows.iter().find(|row| row.attendee.id == member.attendee.id).expect("member");
    assert_eq!(changed.attendee.email, "a.nowak@lublin.example.pl");
    assert_eq!(changed.attendee.organisation_type, OrganisationType::PartnerAbroad);
    assert_eq!(changed.attendee.language, Some(domain::Language::En));
    assert_eq!(changed.attendee.organisation, "Urząd Miasta Lublin");
    // Now with an address of her own, she hears of the change herself, in English.
    let mails = app.mails_to("a.nowak@lublin.example.pl", 1).await;
    assert!(mails[0].subject.starts_with("Registration changed"), "{}", mails[0].subject);
    assert!(mails[0].text.contains("Dear Agnieszka Nowak"), "{}", mails[0].text);

    let (_, log) = app.staff_get(&admin, "/admin/audit").await;
    assert!(log.contains("email, organisation, organisation_type, partner_municipality, language"), "{log}");

    // The contact's address is the registration's: another registration's is refused.
    let edit = format!("/admin/events/{}/attendees/{}/edit", tag.id, contact.attendee.id);
    let taken = app
        .staff_post(
            &admin,
            &edit,
            &[
                ("first_name", "Olena"),
                ("last_name", "Kovalenko"),
                ("email", "TAKEN@example.org"),
                ("organisation", "Stadt Würzburg"),
                ("organisation_type", "kommune"),
                ("language", "uk"),
            ],
        )
        .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad = app
        .staff_post(
            &admin,
            &edit,
            &[("first_name", "Olena"), ("last_name", "Kovalenko"), ("email", "not an address"), ("language", "xx")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = bad.text().await.expect("body");
    assert!(page.contains("gültige E-Mail-Adresse") && page.contains("Diese Auswahl ist nicht möglich"), "{page}");
    let moved = app
        .staff_post(
            &admin,
            &edit,
            &[
                ("first_name", "Olena"),
                ("last_name", "Kovalenko"),
                ("email", "olena.new@example.org"),
                ("organisation", "Stadt Würzburg"),
                ("organisation_type", "kommune"),
                ("language", "uk"),
            ],
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let registration =
        domain::registration::by_attendee(&app.db, contact.attendee.id).await.expect("query").expect("found");
    assert_eq!(registration.registration.contact_email, "olena.new@example.org");
    assert_eq!(
        registration.registration.language,
        domain::Language::Uk,
        "the contact's language is the registration's"
    );
    let mails = app.mails_to("olena.new@example.org", 1).await;
    assert!(mails[0].text.contains("Olena"));
}

/// A forum's waiting list is a filter of the list, a note in the CSV and XLSX session
/// column, and a count in the funder report, read back by independent readers.
#[tokio::test]
async fn forum_waiting_lists_are_in_the_filters_the_exports_and_the_funder_report() {
    use calamine::{Data, Reader, Xlsx};
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let tag = app.event(TAG_SLUG).await;
    let forum = forum_with_one_place(&app).await;
    app.register_confirmed("has-place@example.org", &[forum.id]).await;
    app.register_confirmed("waits@example.org", &[forum.id]).await;
    app.register_confirmed("no-forum@example.org", &[]).await;

    let list = format!("/admin/events/{}/attendees", tag.id);
    let (_, page) = app.staff_get(&admin, &list).await;
    assert!(page.contains("name=\"waiting\""), "the list offers the filter");
    for filter in [format!("waiting={}", forum.id), "waiting=any".to_owned()] {
        let (_, page) = app.staff_get(&admin, &format!("{list}?{filter}")).await;
        assert!(page.contains("waits@example.org"), "{filter}");
        assert!(!page.contains("has-place@example.org") && !page.contains("no-forum@example.org"), "{filter}");
    }

    let csv = app.staff_get_bytes(&admin, &format!("/admin/events/{}/attendees.csv?waiting=any", tag.id)).await;
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("CSV parses");
    assert_eq!(rows.len(), 1, "the filter applies to the export");
    let waited = format!("{} (Warteliste)", forum.title_de);
    assert!(rows[0].iter().any(|cell| cell == waited), "{:?}", rows[0]);

    let xlsx = app.staff_get_bytes(&admin, &format!("/admin/events/{}/attendees.xlsx", tag.id)).await;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("a workbook");
    let sheet = workbook.worksheet_range_at(0).expect("a sheet").expect("readable");
    let cells: Vec<String> = sheet.rows().flatten().map(Data::to_string).collect();
    assert!(cells.contains(&waited), "the XLSX says who waits");
    assert!(cells.contains(&forum.title_de), "and who has the place");

    let report = app.staff_get_bytes(&admin, &format!("/admin/events/{}/report.xlsx", tag.id)).await;
    let mut report: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(report)).expect("a workbook");
    let summary = report.worksheet_range_at(0).expect("a sheet").expect("readable");
    let line = summary
        .rows()
        .find(|row| row.first().map(Data::to_string).as_deref() == Some("Auf Wartelisten von Programmpunkten"))
        .expect("the report counts the forum waiting lists");
    assert_eq!(line.get(1).map(Data::to_string).as_deref(), Some("1"));
}

/// A member who gives up their own place on their own link sees it cancelled there (no
/// ticket, a cancelled calendar entry); the rest of the delegation still comes.
#[tokio::test]
async fn a_member_cancels_their_own_place_on_their_own_link() {
    let app = TestApp::spawn().await;
    let mut fields = crate::support::valid_fields("lead@stadt.example.de");
    fields.extend([
        ("guest_first_name", "Mykola"),
        ("guest_last_name", "Bondar"),
        ("guest_email", "mykola@hromada.example.ua"),
        ("guest_organisation", ""),
        ("guest_language", "uk"),
    ]);
    let response = app.post_registration(TAG_SLUG, &fields).await;
    let contact_page = response.headers()["location"].to_str().expect("registered").to_owned();
    let his_page = app.mailed_paths("mykola@hromada.example.ua", "/r/", 1).await.remove(0);
    let his_token = his_page.trim_start_matches("/r/").split('?').next().expect("token").to_owned();
    let cancelled = app.client.post(app.url(&format!("/r/{his_token}/attendees/0/cancel"))).send().await.expect("POST");
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    let (status, page) = app.get_text(&format!("/r/{his_token}?lang=de")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Diese Anmeldung wurde storniert."), "his part is cancelled");
    assert!(crate::support::ticket_codes_on(&page).is_empty(), "no ticket");
    let (_, contact) = app.get_text(&contact_page).await;
    assert!(contact.contains("Sie sind angemeldet.") && !contact.contains("Mykola Bondar"), "the contact still comes");
    assert_eq!(crate::support::ticket_codes_on(&contact).len(), 1);
}
