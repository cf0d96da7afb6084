//! The door: a device created on the command line, the door page with a scanner.

use domain::demo::TAG_SLUG;
use reqwest::StatusCode;
use sea_orm::EntityTrait;

use crate::support::TestApp;

#[tokio::test]
async fn the_cli_creates_a_door_device_whose_link_and_token_work() {
    let app = TestApp::spawn().await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .args([
            "door-device",
            "create",
            "--event",
            TAG_SLUG,
            "--name",
            "Eingang Nord",
            "--database-url",
            &app.database_url,
        ])
        .args(["--public-url", "https://anmeldung.example.org"])
        .output()
        .expect("run treffpunkt");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let printed = String::from_utf8_lossy(&output.stdout).to_string();
    let token = printed.lines().find_map(|line| line.strip_prefix("token: ")).expect("a token line").trim().to_owned();
    assert!(printed.contains(&format!("https://anmeldung.example.org/door/{token}")), "{printed}");

    let path = app.register_confirmed("hana@example.org", &[]).await;
    let ticket = app.ticket_code(&path).await;
    let (status, answer) = app.redeem(&token, &ticket, "cli-1", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["result"], "ok");
    assert_eq!(answer["device"], "Eingang Nord");

    let unknown = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .args(["door-device", "create", "--event", "no-such-event", "--name", "X", "--database-url", &app.database_url])
        .output()
        .expect("run treffpunkt");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no-such-event"));
}

#[tokio::test]
async fn the_door_page_checks_a_scanned_code_in_without_javascript() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang Süd").await;
    let path = app.register_confirmed("ida@example.org", &[]).await;
    let ticket = app.ticket_code(&path).await;

    let response = app.get(&format!("/door/{device}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let policy = response.headers()["content-security-policy"].to_str().expect("policy").to_owned();
    let page = response.text().await.expect("page");
    assert!(page.contains("Eingang Süd"));
    assert!(page.contains("autofocus"), "the code field is ready for the scanner");
    // One round trip on a slow network: style and script come inline, each allowed by
    // its hash and by nothing broader.
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        let inline = page.split(open).nth(1).and_then(|rest| rest.split(close).next()).expect("inline content");
        assert!(inline.len() > 1000, "{open} holds the whole file");
        let hash = format!("'sha256-{}'", domain::ids::sha256_base64(inline));
        assert!(policy.contains(&hash), "{open} is allowed by its hash: {policy}");
    }
    assert!(!policy.contains("unsafe-inline") && !page.contains("door.js"), "{policy}");
    assert!(page.contains("0 von 1 eingecheckt"));
    let scan_id =
        page.split("name=\"scan_id\" value=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("scan id");

    let scan = |code: String, scan_id: String| {
        let app = &app;
        let device = device.clone();
        async move {
            let response = app
                .client
                .post(app.url(&format!("/door/{device}")))
                .form(&[("code", code.as_str()), ("scan_id", scan_id.as_str()), ("session", "")])
                .send()
                .await
                .expect("POST door");
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.unwrap_or_default()
        }
    };
    let first = scan(ticket.clone(), scan_id.to_owned()).await;
    assert!(first.contains("result-ok") && first.contains(">Einlass<"), "a big ok");
    assert!(first.contains("Olena Kovalenko"));
    assert!(first.contains("1 von 1 eingecheckt"));
    let resent = scan(ticket.clone(), scan_id.to_owned()).await;
    assert!(resent.contains("result-ok"), "a resent form gets the first answer");
    let second = scan(format!("  {ticket}\n"), "another-scan".to_owned()).await;
    assert!(second.contains("result-warn") && second.contains("Bereits eingecheckt um"), "already, with the time");
    assert!(second.contains("durch Eingang Süd"));
    let invalid = scan("not-a-ticket".to_owned(), "third-scan".to_owned()).await;
    assert!(invalid.contains("result-bad") && invalid.contains("Ungültiges Ticket"));
}

#[tokio::test]
async fn a_revoked_device_is_locked_out() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Verloren").await;
    let stored = domain::door::by_token(&app.db, &device).await.expect("query").expect("device");
    assert!(domain::door::revoke(&app.db, stored.id, chrono::Utc::now()).await.expect("revoke"));
    let response = app
        .client
        .post(app.url("/api/v1/checkin/redeem"))
        .bearer_auth(&device)
        .json(&serde_json::json!({"token": "x", "scan_id": "1", "session": null}))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let (status, _) = app.get_text(&format!("/door/{device}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn door_staff_find_a_person_by_name_and_check_them_in_by_hand_once() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang West").await;
    app.register_confirmed("found@example.org", &[]).await;
    let mut other = crate::support::valid_fields("other@example.org");
    other[0] = ("first_name", "Bohdan");
    other[1] = ("last_name", "Percent%Sign");
    app.post_registration(TAG_SLUG, &other).await;

    let search = |query: &'static str| {
        let app = &app;
        let device = device.clone();
        async move {
            let response = app
                .client
                .get(app.url("/api/v1/checkin/attendees"))
                .query(&[("q", query)])
                .bearer_auth(device)
                .send()
                .await
                .expect("GET");
            assert_eq!(response.status(), StatusCode::OK);
            response.json::<serde_json::Value>().await.expect("JSON")["attendees"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        }
    };
    let found = search("kovAL").await;
    assert_eq!(found.len(), 1, "case-insensitive, by last name: {found:?}");
    assert_eq!(found[0]["name"], "Olena Kovalenko");
    assert!(found[0]["checked_in_at"].is_null());
    assert_eq!(search("Würzburg").await.len(), 2, "by organisation");
    assert!(search("K").await.is_empty(), "two letters at least");
    assert_eq!(search("%").await.len(), 0, "a % is a letter, not a wildcard");
    assert_eq!(search("t%s").await.len(), 1);

    let attendee = found[0]["id"].as_str().expect("id").to_owned();
    let manual = |scan_id: &'static str| {
        let app = &app;
        let device = device.clone();
        let attendee = attendee.clone();
        async move {
            app.client
                .post(app.url("/api/v1/checkin/manual"))
                .bearer_auth(device)
                .json(&serde_json::json!({"attendee": attendee, "scan_id": scan_id, "session": null}))
                .send()
                .await
                .expect("POST")
                .json::<serde_json::Value>()
                .await
                .expect("JSON")
        }
    };
    assert_eq!(manual("hand-1").await["result"], "ok");
    assert_eq!(manual("hand-2").await["result"], "already_checked_in");
    assert_eq!(manual("hand-1").await["result"], "ok", "a repeated scan id gets the first answer");
    assert!(search("Kovalenko").await[0]["checked_in_at"].is_string());
    let check_ins = domain::entity::check_in::Entity::find().all(&app.db).await.expect("check-ins");
    assert_eq!(check_ins.len(), 1);
    assert_eq!(check_ins[0].method, "manual", "logged as a manual check-in");

    let unauthorised = app.client.get(app.url("/api/v1/checkin/attendees?q=Olena")).send().await.expect("GET");
    assert_eq!(unauthorised.status(), StatusCode::UNAUTHORIZED);
    let foreign = app
        .client
        .post(app.url("/api/v1/checkin/manual"))
        .bearer_auth(&device)
        .json(&serde_json::json!({"attendee": "not-an-id", "scan_id": "x"}))
        .send()
        .await
        .expect("POST");
    assert_eq!(foreign.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_name_search_works_on_the_door_page_without_javascript() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang Ost").await;
    app.register_confirmed("page-search@example.org", &[]).await;
    let (status, page) = app.get_text(&format!("/door/{device}?q=olena")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Olena Kovalenko"));
    let attendee =
        page.split("name=\"attendee\" value=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("an admit form");
    let response = app
        .client
        .post(app.url(&format!("/door/{device}")))
        .form(&[("attendee", attendee), ("scan_id", "page-manual-1"), ("session", "")])
        .send()
        .await
        .expect("POST");
    let page = response.text().await.unwrap_or_default();
    assert!(page.contains("result-ok") && page.contains("Olena Kovalenko"));
    let (_, again) = app.get_text(&format!("/door/{device}?q=olena")).await;
    assert!(again.contains("eingecheckt um"), "the list shows who is in");
}

#[tokio::test]
async fn the_door_remembers_its_device_until_it_is_revoked() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Tablet 1").await;
    let response = app.get(&format!("/door/{device}")).await;
    let cookie = response.headers()["set-cookie"].to_str().expect("cookie").to_owned();
    assert!(cookie.starts_with(&format!("door_device={device}")), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("Path=/door") && cookie.contains("SameSite=Strict"));
    let reopened =
        app.client.get(app.url("/door")).header("cookie", format!("door_device={device}")).send().await.expect("GET");
    assert_eq!(reopened.status(), StatusCode::SEE_OTHER);
    assert_eq!(reopened.headers()["location"], format!("/door/{device}").as_str());
    assert_eq!(app.get("/door").await.status(), StatusCode::NOT_FOUND, "nothing remembered: a 404 page");

    let stored = domain::door::by_token(&app.db, &device).await.expect("query").expect("device");
    domain::door::revoke(&app.db, stored.id, chrono::Utc::now()).await.expect("revoke");
    let (status, _) = app.get_text(&format!("/door/{device}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a revoked device is locked out, remembered or not");
}

#[tokio::test]
async fn a_mistaken_check_in_can_be_undone_by_its_device_and_the_undo_is_kept() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let other = app.door_device(TAG_SLUG, "Anderes Gerät").await;
    let path = app.register_confirmed("undo@example.org", &[]).await;
    let ticket = app.ticket_code(&path).await;
    assert_eq!(app.redeem(&device, &ticket, "first", None).await.1["result"], "ok");
    assert_eq!(app.redeem(&device, &ticket, "second", None).await.1["result"], "already_checked_in");

    let recent = |token: String| {
        let app = &app;
        async move {
            app.client
                .get(app.url("/api/v1/checkin/recent"))
                .bearer_auth(token)
                .send()
                .await
                .expect("GET")
                .json::<serde_json::Value>()
                .await
                .expect("JSON")
        }
    };
    let before = recent(device.clone()).await;
    let scans = before["scans"].as_array().cloned().unwrap_or_default();
    assert_eq!(scans.len(), 2, "newest first: {scans:?}");
    assert_eq!(scans[0]["result"], "already_checked_in");
    assert_eq!(scans[1]["scan_id"], "first");
    assert_eq!(scans[1]["undoable"], true);
    assert_eq!(scans[1]["name"], "Olena Kovalenko");
    assert_eq!(before["counts"]["device"], 1);
    assert_eq!(before["counts"]["total"], 1);
    assert_eq!(before["counts"]["expected"], 1);

    let undo = |token: String, scan_id: &'static str| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/api/v1/checkin/undo"))
                .bearer_auth(token)
                .json(&serde_json::json!({"scan_id": scan_id}))
                .send()
                .await
                .expect("POST")
                .json::<serde_json::Value>()
                .await
                .expect("JSON")
        }
    };
    assert_eq!(undo(other.clone(), "first").await["undone"], false, "only the device that let them in");
    assert_eq!(undo(device.clone(), "first").await["undone"], true);
    assert_eq!(undo(device.clone(), "first").await["undone"], false, "once");
    let event_id = app.event(TAG_SLUG).await.id;
    assert_eq!(domain::checkin::count_checked_in(&app.db, event_id).await.expect("count"), 0);
    let kept = domain::entity::check_in_undo::Entity::find().all(&app.db).await.expect("undos");
    assert_eq!(kept.len(), 1, "the undo is recorded");
    assert_eq!(kept[0].scan_id, "first");
    assert_eq!(recent(device.clone()).await["scans"][1]["undoable"], false);

    assert_eq!(app.redeem(&device, &ticket, "third", None).await.1["result"], "ok", "checked in again after the undo");
    assert_eq!(domain::checkin::count_checked_in(&app.db, event_id).await.expect("count"), 1);
}

#[tokio::test]
async fn a_walk_in_is_registered_and_let_in_at_once_even_after_registration_closed() {
    use domain::entity::{check_in, event, registration};
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::RegistrationClosesAt, Expr::value(chrono::Utc::now() - chrono::Duration::hours(1)))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("close online registration");
    let walk_in = |body: serde_json::Value| {
        let app = &app;
        let device = device.clone();
        async move {
            let response = app
                .client
                .post(app.url("/api/v1/checkin/walk-in"))
                .bearer_auth(device)
                .json(&body)
                .send()
                .await
                .expect("POST");
            let status = response.status();
            (status, response.json::<serde_json::Value>().await.expect("JSON"))
        }
    };
    let person = serde_json::json!({
        "first_name": "Iryna", "last_name": "Hnatiuk", "email": "iryna@hromada.example.ua",
        "organisation": "Hromada Butscha", "organisation_type": "partner_abroad", "data_consent": true, "scan_id": "walk-1"
    });
    let (status, answer) = walk_in(person.clone()).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["result"], "ok");
    assert_eq!(answer["attendee"]["name"], "Iryna Hnatiuk");
    let (status, again) = walk_in(person.clone()).await;
    assert_eq!(status, StatusCode::OK, "the same form twice lets the same person in: {again}");
    assert_eq!(again["result"], "ok", "the first answer for the same scan id");
    let mut same_address = person.clone();
    same_address["scan_id"] = "walk-2".into();
    let (status, refused) = walk_in(same_address).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(refused["error"], "already_registered");

    let stored = registration::Entity::find()
        .filter(registration::Column::EmailKey.eq("iryna@hromada.example.ua"))
        .all(&app.db)
        .await
        .expect("query");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].status, domain::registration::RegistrationStatus::Confirmed);
    let made = check_in::Entity::find().all(&app.db).await.expect("check-ins");
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].method, "manual");

    let (status, invalid) = walk_in(serde_json::json!({
        "first_name": "Max", "last_name": "", "email": "max@", "organisation": "X", "organisation_type": "kommune",
        "data_consent": false, "scan_id": "walk-3"
    }))
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(invalid["fields"]["email"].as_str().unwrap_or_default().contains("gültige E-Mail-Adresse"));
    assert!(invalid["fields"]["data_consent"].is_string());
    assert!(invalid["fields"]["last_name"].is_string());

    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::col(event::Column::Taken))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("fill the event");
    let mut late = person.clone();
    late["email"] = "late@example.org".into();
    late["scan_id"] = "walk-4".into();
    let (status, full) = walk_in(late).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(full["error"], "event_full");
}

#[tokio::test]
async fn a_walk_in_form_without_javascript_keeps_what_was_typed_on_a_mistake() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let send = |fields: Vec<(&'static str, &'static str)>| {
        let app = &app;
        let device = device.clone();
        async move {
            app.client
                .post(app.url(&format!("/door/{device}/walk-in")))
                .form(&fields)
                .send()
                .await
                .expect("POST")
                .text()
                .await
                .unwrap_or_default()
        }
    };
    let mistake = send(vec![
        ("first_name", "Petra"),
        ("last_name", "Schulz"),
        ("email", "petra@"),
        ("organisation", "Kreis Lippe"),
        ("organisation_type", "kreis"),
        ("data_consent", "yes"),
        ("scan_id", "nojs-walk-1"),
    ])
    .await;
    assert!(mistake.contains("result-bad") && mistake.contains("gültige E-Mail-Adresse"));
    assert!(mistake.contains("value=\"Petra\"") && mistake.contains("<details class=\"door-walk-in\" open>"));
    let admitted = send(vec![
        ("first_name", "Petra"),
        ("last_name", "Schulz"),
        ("email", "petra@kreis-lippe.example.de"),
        ("organisation", "Kreis Lippe"),
        ("organisation_type", "kreis"),
        ("data_consent", "yes"),
        ("scan_id", "nojs-walk-2"),
    ])
    .await;
    assert!(admitted.contains("result-ok") && admitted.contains("Petra Schulz"));
}

#[tokio::test]
async fn a_ticket_two_offline_devices_let_in_is_counted_once_and_kept_as_a_conflict() {
    use domain::entity::check_in_conflict;
    let app = TestApp::spawn().await;
    let north = app.door_device(TAG_SLUG, "Eingang Nord").await;
    let south = app.door_device(TAG_SLUG, "Eingang Süd").await;
    let path = app.register_confirmed("twice@example.org", &[]).await;
    let ticket = app.ticket_code(&path).await;
    let sync = |device: String, scan_id: &'static str, offline_at: &'static str| {
        let app = &app;
        let ticket = ticket.clone();
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
    // Both devices were offline at 10:01 and 10:03; north syncs first.
    assert_eq!(sync(north.clone(), "n-1", "2026-12-23T09:01:00Z").await["result"], "ok");
    let second = sync(south.clone(), "s-1", "2026-12-23T09:03:00Z").await;
    assert_eq!(second["result"], "already_checked_in");
    assert_eq!(second["device"], "Eingang Nord");
    assert_eq!(
        sync(south.clone(), "s-1", "2026-12-23T09:03:00Z").await["result"],
        "already_checked_in",
        "a retried sync"
    );
    assert_eq!(sync(north.clone(), "n-2", "2026-12-23T09:05:00Z").await["result"], "already_checked_in");

    let event_id = app.event(TAG_SLUG).await.id;
    assert_eq!(domain::checkin::count_checked_in(&app.db, event_id).await.expect("count"), 1, "counted once");
    let conflicts = check_in_conflict::Entity::find().all(&app.db).await.expect("conflicts");
    assert_eq!(conflicts.len(), 1, "one conflict per person: the first double admission");
    let south_id = domain::door::by_token(&app.db, &south).await.expect("query").expect("device").id;
    assert_eq!(conflicts[0].second_device_id, south_id);
    assert_eq!(conflicts[0].second_at.to_rfc3339(), "2026-12-23T09:03:00+00:00");

    // A synced offline scan counts from when the person came in, if the clock is plausible.
    let later = app.register_confirmed("later@example.org", &[]).await;
    let later_ticket = app.ticket_code(&later).await;
    let came_in = (chrono::Utc::now() - chrono::Duration::minutes(20)).to_rfc3339();
    let answer = app
        .client
        .post(app.url("/api/v1/checkin/redeem"))
        .bearer_auth(&south)
        .json(&serde_json::json!({"token": later_ticket, "scan_id": "s-2", "session": null, "offline_at": came_in}))
        .send()
        .await
        .expect("POST")
        .json::<serde_json::Value>()
        .await
        .expect("JSON");
    assert_eq!(answer["result"], "ok");
    let at =
        chrono::DateTime::parse_from_rfc3339(answer["checked_in_at"].as_str().unwrap_or_default()).expect("a time");
    assert!(chrono::Utc::now().signed_duration_since(at) > chrono::Duration::minutes(19), "the offline time: {at}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_offline_devices_syncing_one_ticket_count_it_once_with_one_conflict() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("eight@example.org", &[]).await;
    let ticket = app.ticket_code(&path).await;
    let mut devices = Vec::new();
    for n in 0..8 {
        devices.push(app.door_device(TAG_SLUG, &format!("Offline {n}")).await);
    }
    let app_ref = &app;
    let answers = futures::future::join_all(devices.iter().enumerate().map(|(n, device)| {
        let ticket = ticket.clone();
        async move {
            app_ref
                .client
                .post(app_ref.url("/api/v1/checkin/redeem"))
                .bearer_auth(device)
                .json(&serde_json::json!({
                    "token": ticket, "scan_id": format!("offline-{n}"), "session": null,
                    "offline_at": (chrono::Utc::now() - chrono::Duration::minutes(10 - n as i64)).to_rfc3339()
                }))
                .send()
                .await
                .expect("POST")
                .json::<serde_json::Value>()
                .await
                .expect("JSON")
        }
    }))
    .await;
    assert_eq!(answers.iter().filter(|answer| answer["result"] == "ok").count(), 1);
    assert_eq!(answers.iter().filter(|answer| answer["result"] == "already_checked_in").count(), 7);
    let event_id = app.event(TAG_SLUG).await.id;
    assert_eq!(domain::checkin::count_checked_in(&app.db, event_id).await.expect("count"), 1);
    let conflicts = domain::entity::check_in_conflict::Entity::find().all(&app.db).await.expect("conflicts");
    assert_eq!(conflicts.len(), 1, "one conflict for the person");
    assert_ne!(conflicts[0].first_device_id, conflicts[0].second_device_id);
}

#[tokio::test]
async fn a_reissued_ticket_makes_the_old_code_revoked_online_and_in_the_offline_lists() {
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    let path = app.register_confirmed("reissue@example.org", &[]).await;
    let old_code = app.ticket_code(&path).await;
    let attendee = domain::entity::attendee::Entity::find().one(&app.db).await.expect("query").expect("attendee");
    let old_ticket = domain::entity::ticket::Entity::find().one(&app.db).await.expect("query").expect("ticket");
    let replacement = domain::registration::reissue_ticket(app.state.pools(), attendee.id, chrono::Utc::now())
        .await
        .expect("reissue")
        .expect("a new ticket");
    assert_eq!(replacement.version, 2);
    let new_code = app.ticket_code(&path).await;
    assert_ne!(new_code, old_code, "the registration page shows the new code");
    assert_eq!(app.redeem(&device, &old_code, "old", None).await.1["result"], "revoked");
    assert_eq!(app.redeem(&device, &new_code, "new", None).await.1["result"], "ok");
    let lists = app
        .client
        .get(app.url("/api/v1/checkin/offline"))
        .bearer_auth(&device)
        .send()
        .await
        .expect("GET")
        .json::<serde_json::Value>()
        .await
        .expect("JSON");
    assert_eq!(lists["revoked"][0], old_ticket.id.to_string());
    assert_eq!(lists["valid"][0]["ticket"], replacement.id.to_string());
    assert_eq!(lists["public_key"], app.state.verifier().public_key_base64());
}

#[tokio::test]
async fn a_full_event_refuses_walk_ins_until_organisers_allow_overbooking_at_the_door() {
    use domain::entity::event;
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    let app = TestApp::spawn().await;
    let device = app.door_device(TAG_SLUG, "Eingang").await;
    app.register_confirmed("first@example.org", &[]).await;
    let tag = app.event(TAG_SLUG).await;
    event::Entity::update_many()
        .col_expr(event::Column::Capacity, Expr::value(Some(tag.taken)))
        .filter(event::Column::Id.eq(tag.id))
        .exec(&app.db)
        .await
        .expect("the event is full");
    let walk_in = |scan_id: &'static str, email: &'static str| {
        let app = &app;
        let device = device.clone();
        async move {
            let body = serde_json::json!({
                "first_name": "Taras", "last_name": "Bondar", "email": email, "organisation": "Hromada Irpin",
                "organisation_type": "partner_abroad", "data_consent": true, "scan_id": scan_id
            });
            let response =
                app.client.post(app.url("/api/v1/checkin/walk-in")).bearer_auth(device).json(&body).send().await;
            let response = response.expect("POST");
            let status = response.status();
            (status, response.json::<serde_json::Value>().await.expect("JSON"))
        }
    };
    let (status, refused) = walk_in("full-1", "taras@example.ua").await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert_eq!(refused["error"], "event_full");

    let admin = app.admin().await;
    let (_, form) = app.staff_get(&admin, &format!("/admin/events/{}/edit", tag.id)).await;
    let value = |name: &str| {
        let marker = format!("name=\"{name}\" type=");
        let at = form.find(&marker).unwrap_or_else(|| panic!("field {name}"));
        let rest = &form[at..];
        let start = rest.find("value=\"").expect("value") + 7;
        rest[start..].split('"').next().expect("value").replace("&#x27;", "'").replace("&amp;", "&")
    };
    let fields: Vec<(&str, String)> =
        ["slug", "title_de", "starts_at", "ends_at", "time_zone", "capacity", "confirmation_hours", "venue", "address"]
            .into_iter()
            .map(|name| (name, value(name)))
            .collect();
    let mut form_fields: Vec<(&str, &str)> = fields.iter().map(|(name, value)| (*name, value.as_str())).collect();
    form_fields.extend([("format", "in_person"), ("approval_mode", "open"), ("door_overbooking", "on")]);
    let saved = app.staff_post(&admin, &format!("/admin/events/{}/edit", tag.id), &form_fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER, "the setting is saved through the form");
    assert!(app.event(TAG_SLUG).await.door_overbooking);
    let first = domain::attendee_list::load(&app.db, tag.id)
        .await
        .expect("rows")
        .into_iter()
        .find(|row| row.contact_email == "first@example.org")
        .expect("registered");
    let kinds: Vec<_> = domain::outbox::for_registration(&app.db, first.registration_id)
        .await
        .expect("outbox")
        .into_iter()
        .map(|message| message.kind)
        .collect();
    assert_eq!(kinds, [domain::outbox::MailKind::Confirmation], "same time and place: nobody is mailed");
    let mut moved: Vec<(&str, &str)> = form_fields.clone();
    moved.retain(|(name, _)| *name != "venue");
    moved.push(("venue", "Rathaus Dortmund, Ratssaal"));
    let saved = app.staff_post(&admin, &format!("/admin/events/{}/edit", tag.id), &moved).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let kinds: Vec<_> = domain::outbox::for_registration(&app.db, first.registration_id)
        .await
        .expect("outbox")
        .into_iter()
        .map(|message| message.kind)
        .collect();
    assert_eq!(
        kinds,
        [domain::outbox::MailKind::Confirmation, domain::outbox::MailKind::ChangedByOrganiser],
        "a new place is mailed to everyone registered"
    );

    let (status, admitted) = walk_in("full-2", "taras@example.ua").await;
    assert_eq!(status, StatusCode::OK, "{admitted}");
    assert_eq!(admitted["result"], "ok");
    let after = app.event(TAG_SLUG).await;
    assert_eq!(after.taken, after.capacity.expect("capacity") + 1, "one over capacity, counted");
    assert_eq!(app.register("online@example.org", &[]).await.status(), StatusCode::SEE_OTHER);
    let waitlisted = domain::attendee_list::load(&app.db, tag.id)
        .await
        .expect("rows")
        .into_iter()
        .find(|row| row.contact_email == "online@example.org")
        .expect("the online registration");
    assert_eq!(waitlisted.status, domain::registration::RegistrationStatus::Waitlisted, "online still waits");
}
