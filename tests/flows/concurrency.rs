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
