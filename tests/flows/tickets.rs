//! The QR ticket: decoded by an independent decoder, redeemed exactly once.

use domain::checkin::count_checked_in;
use domain::demo::TAG_SLUG;
use reqwest::StatusCode;

use crate::support::{TestApp, decode_qr};

#[tokio::test]
async fn the_decoded_ticket_redeems_once_then_says_already_and_a_changed_character_is_invalid() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("bohdan@example.org", &[]).await;
    let shown_code = app.ticket_code(&path).await;

    let png = app.get(&format!("{path}/ticket.png")).await;
    assert_eq!(png.status(), StatusCode::OK);
    assert_eq!(png.headers()["content-type"], "image/png");
    let token = decode_qr(&png.bytes().await.expect("body"));
    assert_eq!(token, shown_code, "the QR holds the code shown on the page");
    assert!(token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "ASCII only");

    let device = app.door_device(TAG_SLUG, "Eingang Nord").await;
    let (status, first) = app.redeem(&device, &token, "scan-1", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first["result"], "ok");
    assert_eq!(first["attendee"]["name"], "Olena Kovalenko");
    assert_eq!(first["device"], "Eingang Nord");

    let (_, second) = app.redeem(&device, &token, "scan-2", None).await;
    assert_eq!(second["result"], "already_checked_in");
    assert_eq!(second["checked_in_at"], first["checked_in_at"], "the first check-in time");
    assert_eq!(second["device"], "Eingang Nord");

    let (_, repeated) = app.redeem(&device, &token, "scan-1", None).await;
    assert_eq!(repeated, first, "a repeated scan id gets the first answer");
    let raw = app
        .client
        .post(app.url("/api/v1/checkin/redeem"))
        .bearer_auth(&device)
        .json(&serde_json::json!({ "token": token, "scan_id": "scan-1" }))
        .send()
        .await
        .expect("POST");
    assert_eq!(raw.headers()["cache-control"], "private, no-store", "names at the door are not kept by caches");

    let mut flipped = token.clone().into_bytes();
    let middle = flipped.len() / 2;
    flipped[middle] = if flipped[middle] == b'A' { b'B' } else { b'A' };
    let flipped = String::from_utf8(flipped).unwrap_or_default();
    let (status, changed) = app.redeem(&device, &flipped, "scan-3", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(changed["result"], "invalid");
    assert!(changed["attendee"].is_null(), "an invalid ticket reveals nobody");

    let (_, truncated) = app.redeem(&device, &token[..token.len() - 4], "scan-4", None).await;
    assert_eq!(truncated["result"], "invalid");

    let event = app.event(TAG_SLUG).await;
    assert_eq!(count_checked_in(&app.db, event.id).await.expect("count"), 1);
}

#[tokio::test]
async fn a_ticket_for_another_event_is_wrong_event_and_a_session_needs_a_choice() {
    let app = TestApp::spawn().await;
    let forum = app.smallest_forum().await;
    let other_forum =
        app.sessions(TAG_SLUG).await.into_iter().find(|s| s.capacity.is_some() && s.id != forum.id).expect("forum");
    let path = app.register_confirmed("carla@example.org", &[forum.id]).await;
    let token = app.ticket_code(&path).await;

    let reallabor_door = app.door_device(domain::demo::REALLABOR_SLUG, "Reallabor").await;
    let (_, answer) = app.redeem(&reallabor_door, &token, "x-1", None).await;
    assert_eq!(answer["result"], "wrong_event");

    let door = app.door_device(TAG_SLUG, "Forum").await;
    let (_, answer) = app.redeem(&door, &token, "x-2", Some(other_forum.id)).await;
    assert_eq!(answer["result"], "not_registered_for_session");
    let (_, answer) = app.redeem(&door, &token, "x-3", Some(forum.id)).await;
    assert_eq!(answer["result"], "ok", "checked in to the chosen forum");
    let (_, answer) = app.redeem(&door, &token, "x-4", None).await;
    assert_eq!(answer["result"], "ok", "the entrance is a separate check-in");
}

#[tokio::test]
async fn ticket_images_are_cacheable_and_revalidate() {
    let app = TestApp::spawn().await;
    let path = app.register_confirmed("dara@example.org", &[]).await;
    let svg = app.get(&format!("{path}/ticket.svg")).await;
    assert_eq!(svg.status(), StatusCode::OK);
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    let etag = svg.headers()["etag"].to_str().expect("etag").to_owned();
    assert!(svg.headers()["cache-control"].to_str().unwrap_or_default().contains("max-age"));
    assert!(svg.text().await.unwrap_or_default().contains("<svg"));
    let again = app
        .client
        .get(app.url(&format!("{path}/ticket.svg")))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("GET");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}
