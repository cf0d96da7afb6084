//! Places and check-ins under concurrency: never overbooked, counted once.

use domain::checkin::count_checked_in;
use domain::demo::TAG_SLUG;
use domain::entity::attendee_session;
use futures::future::join_all;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::support::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_registrations_for_a_forum_of_ten_give_exactly_ten_places_and_forty_wait() {
    let app = TestApp::spawn().await;
    let forum = app.smallest_forum().await;
    assert_eq!(forum.capacity, Some(10));

    let emails: Vec<String> = (0..50).map(|n| format!("person{n}@example.org")).collect();
    let chosen = [forum.id];
    let responses = join_all(emails.iter().map(|email| app.register(email, &chosen))).await;
    for response in responses {
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "everyone gets an event place");
    }
    let stored = attendee_session::Entity::find()
        .filter(attendee_session::Column::ProgrammeSessionId.eq(forum.id))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(stored, 10, "exactly ten attendees hold the forum");
    let waiting = domain::entity::session_waitlist::Entity::find()
        .filter(domain::entity::session_waitlist::Column::ProgrammeSessionId.eq(forum.id))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(waiting, 40, "the other forty wait for the forum");
    let forum_now = app.smallest_forum().await;
    assert_eq!(forum_now.taken, 10);
    assert_eq!(app.event(TAG_SLUG).await.taken, 50, "everyone holds an event place");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_devices_redeeming_one_ticket_at_once_get_one_ok() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("gerd@example.org", &[]).await;
    let token = app.ticket_code(&path).await;
    let mut devices = Vec::new();
    for n in 1..=8 {
        devices.push(app.door_device(TAG_SLUG, &format!("Eingang {n}")).await);
    }
    let app_ref = &app;
    let answers = join_all(devices.iter().enumerate().map(|(n, device)| {
        let scan_id = format!("scan-{n}");
        let token = token.clone();
        async move { app_ref.redeem(device, &token, &scan_id, None).await }
    }))
    .await;
    let results: Vec<&str> = answers.iter().map(|(_, answer)| answer["result"].as_str().unwrap_or_default()).collect();
    assert_eq!(results.iter().filter(|result| **result == "ok").count(), 1, "{results:?}");
    assert_eq!(results.iter().filter(|result| **result == "already_checked_in").count(), 7, "{results:?}");
    let winner =
        answers.iter().find(|(_, answer)| answer["result"] == "ok").map(|(_, answer)| answer.clone()).expect("one ok");
    for (_, answer) in &answers {
        assert_eq!(answer["device"], winner["device"], "everyone names the device that let them in");
    }
    assert_eq!(count_checked_in(&app.db, app.event(TAG_SLUG).await.id).await.expect("count"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_device_sending_the_same_scan_eight_times_at_once_gets_the_first_answer_eight_times() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("doppelt@example.org", &[]).await;
    let token = app.ticket_code(&path).await;
    let device = app.door_device(TAG_SLUG, "Eingang West").await;
    let app_ref = &app;
    // A phone on a bad network resends one request; the copies may be decided together.
    let answers = join_all((0..8).map(|_| {
        let (token, device) = (token.clone(), device.clone());
        async move { app_ref.redeem(&device, &token, "resent-1", None).await }
    }))
    .await;
    for (status, answer) in &answers {
        assert_eq!(*status, reqwest::StatusCode::OK);
        assert_eq!(answer, &answers[0].1, "every copy gets the first answer");
    }
    assert_eq!(answers[0].1["result"], "ok", "and that answer is the check-in");
    assert_eq!(count_checked_in(&app.db, app.event(TAG_SLUG).await.id).await.expect("count"), 1);
    // Another scan of the same ticket is a second scan, not a copy.
    let (_, again) = app.redeem(&device, &token, "resent-2", None).await;
    assert_eq!(again["result"], "already_checked_in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn scans_of_every_kind_arriving_together_each_get_their_own_answer() {
    use domain::entity::{attendee, check_in};
    let app = TestApp::spawn().await;
    let forum = app.smallest_forum().await;
    let other_forum =
        app.sessions(TAG_SLUG).await.into_iter().find(|s| s.capacity.is_some() && s.id != forum.id).expect("forum");
    let mut valid = Vec::new();
    for n in 0..6 {
        let path = app.register_confirmed(&format!("gast{n}@example.org"), &[forum.id]).await;
        valid.push(app.ticket_code(&path).await);
    }
    let cancelled_path = app.register_confirmed("storniert@example.org", &[]).await;
    let cancelled = app.ticket_code(&cancelled_path).await;
    let response = app.client.post(app.url(&format!("{cancelled_path}/cancel"))).send().await.expect("cancel");
    assert!(response.status().is_success() || response.status().is_redirection(), "{}", response.status());
    let reissued_path = app.register_confirmed("ersetzt@example.org", &[]).await;
    let old_code = app.ticket_code(&reissued_path).await;
    let reissued = attendee::Entity::find()
        .filter(attendee::Column::Email.eq("ersetzt@example.org"))
        .one(&app.db)
        .await
        .expect("query")
        .expect("attendee");
    domain::registration::reissue_ticket(app.state.pools(), reissued.id, chrono::Utc::now())
        .await
        .expect("reissue")
        .expect("a new ticket");
    let mut tampered = valid[4].clone().into_bytes();
    let middle = tampered.len() / 2;
    tampered[middle] = if tampered[middle] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap_or_default();

    let north = app.door_device(TAG_SLUG, "Eingang Nord").await;
    let south = app.door_device(TAG_SLUG, "Eingang Süd").await;
    let forum_door = app.door_device(TAG_SLUG, "Forum").await;
    let reallabor = app.door_device(domain::demo::REALLABOR_SLUG, "Reallabor").await;
    // (device, code, scan id, session): sent all at once, so that the SQLite writer
    // decides many of them in one batch.
    let mut scans: Vec<(&str, &str, String, Option<uuid::Uuid>)> = Vec::new();
    for (n, code) in valid.iter().enumerate() {
        scans.push((&north, code, format!("entrance-{n}"), None));
    }
    scans.push((&south, &valid[0], "second-device".to_owned(), None));
    scans.push((&forum_door, &valid[1], "forum".to_owned(), Some(forum.id)));
    scans.push((&forum_door, &valid[2], "other-forum".to_owned(), Some(other_forum.id)));
    scans.push((&north, &cancelled, "cancelled".to_owned(), None));
    scans.push((&north, &old_code, "replaced".to_owned(), None));
    scans.push((&north, &tampered, "tampered".to_owned(), None));
    scans.push((&reallabor, &valid[3], "other-event".to_owned(), None));
    scans.push((&north, &valid[5], "entrance-5".to_owned(), None));
    let app_ref = &app;
    let send_all = || {
        join_all(scans.iter().map(|(device, code, scan_id, session)| async move {
            let (status, answer) = app_ref.redeem(device, code, scan_id, *session).await;
            assert_eq!(status, StatusCode::OK, "{scan_id}: {answer}");
            answer
        }))
    };
    let answers = send_all().await;
    let result = |scan_id: &str| -> Vec<String> {
        scans
            .iter()
            .zip(&answers)
            .filter(|((_, _, id, _), _)| id == scan_id)
            .map(|(_, answer)| answer["result"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    for n in 1..5 {
        assert_eq!(result(&format!("entrance-{n}")), ["ok"], "entrance-{n}");
    }
    let mut first_ticket = [result("entrance-0"), result("second-device")].concat();
    first_ticket.sort();
    assert_eq!(first_ticket, ["already_checked_in", "ok"], "one ticket at two entrances at once");
    assert_eq!(result("entrance-5").len(), 2);
    assert_eq!(answers[5], answers[answers.len() - 1], "a resent scan gets the first answer");
    assert_eq!(answers[5]["result"], "ok");
    assert_eq!(result("forum"), ["ok"], "the forum is its own check-in");
    assert_eq!(result("other-forum"), ["not_registered_for_session"]);
    assert_eq!(result("cancelled"), ["cancelled"]);
    assert_eq!(result("replaced"), ["revoked"]);
    assert_eq!(result("tampered"), ["invalid"]);
    assert_eq!(result("other-event"), ["wrong_event"]);
    for ((_, _, scan_id, _), answer) in scans.iter().zip(&answers) {
        let name = answer["attendee"]["name"].as_str();
        match answer["result"].as_str() {
            Some("ok" | "already_checked_in" | "cancelled" | "revoked" | "not_registered_for_session") => {
                assert!(name.is_some_and(|name| !name.is_empty()), "{scan_id} names the person: {answer}")
            }
            _ => assert!(name.is_none(), "{scan_id} reveals nobody: {answer}"),
        }
    }

    let event = app.event(TAG_SLUG).await;
    assert_eq!(count_checked_in(&app.db, event.id).await.expect("count"), 6, "six people at the entrance");
    let in_forum = check_in::Entity::find()
        .filter(check_in::Column::Scope.eq(forum.id.to_string()))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(in_forum, 1);
    // Every scan sent again is a retry: the same answer, nothing counted twice.
    let again = send_all().await;
    assert_eq!(again, answers, "each scan id keeps its first answer");
    assert_eq!(count_checked_in(&app.db, event.id).await.expect("count"), 6);
}
