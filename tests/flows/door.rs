//! The door: a device created on the command line, the door page with a scanner.

use domain::demo::TAG_SLUG;
use reqwest::StatusCode;

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

    let (status, page) = app.get_text(&format!("/door/{device}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Eingang Süd"));
    assert!(page.contains("autofocus"), "the code field is ready for the scanner");
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
