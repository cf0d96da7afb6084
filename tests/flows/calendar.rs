//! Calendar files, read back with an independent parser (the `icalendar` crate).

use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Europe::Berlin;
use domain::demo::{INFO_SLUG, TAG_SLUG};
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike};
use reqwest::StatusCode;

use crate::support::{TestApp, valid_fields};

async fn calendar(app: &TestApp, path: &str) -> (String, icalendar::Calendar) {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    assert_eq!(response.headers()["content-type"], "text/calendar; charset=utf-8");
    let text = response.text().await.expect("body");
    assert!(text.split("\r\n").all(|line| line.len() <= 75), "content lines are folded at 75 octets");
    let parsed: icalendar::Calendar = text.parse().expect("a calendar the parser accepts");
    (text, parsed)
}

fn events(calendar: &icalendar::Calendar) -> Vec<&icalendar::Event> {
    calendar
        .components
        .iter()
        .filter_map(|component| match component {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .collect()
}

fn utc(value: Option<DatePerhapsTime>) -> DateTime<Utc> {
    match value {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at))) => at,
        other => panic!("expected a UTC date-time, got {other:?}"),
    }
}

fn local_time(at: DateTime<Utc>) -> NaiveTime {
    at.with_timezone(&Berlin).time()
}

#[tokio::test]
async fn the_registration_calendar_holds_the_event_and_the_chosen_forum_in_local_time() {
    let app = TestApp::spawn().await;
    let forum = app.smallest_forum().await;
    let path = app.register_confirmed("emil@example.org", &[forum.id]).await;
    let (_, first) = calendar(&app, &format!("{path}/calendar.ics")).await;
    let entries = events(&first);
    assert_eq!(entries.len(), 2, "the event and the forum");

    let day = &entries[0];
    assert_eq!(day.get_summary(), Some(app.event(TAG_SLUG).await.title_de.as_str()));
    assert_eq!(local_time(utc(day.get_start())), NaiveTime::from_hms_opt(10, 0, 0).expect("time"));
    assert_eq!(local_time(utc(day.get_end())), NaiveTime::from_hms_opt(17, 0, 0).expect("time"));
    assert!(day.get_location().unwrap_or_default().contains("Dortmunder U"));
    assert!(day.get_location().unwrap_or_default().contains("44137 Dortmund"), "escaped commas survive");

    let session = &entries[1];
    assert!(session.get_summary().unwrap_or_default().starts_with("Fördermittel"));
    assert_eq!(local_time(utc(session.get_start())), NaiveTime::from_hms_opt(12, 0, 0).expect("time"));
    assert_eq!(local_time(utc(session.get_end())), NaiveTime::from_hms_opt(13, 30, 0).expect("time"));

    let (_, second) = calendar(&app, &format!("{path}/calendar.ics")).await;
    let uids = |calendar: &icalendar::Calendar| {
        events(calendar).iter().map(|event| event.get_uid().unwrap_or_default().to_owned()).collect::<Vec<_>>()
    };
    assert_eq!(uids(&first), uids(&second), "UIDs are stable across downloads");
    assert_ne!(uids(&first)[0], uids(&first)[1]);
}

#[tokio::test]
async fn the_online_link_is_only_in_the_registrations_own_calendar() {
    let app = TestApp::spawn().await;
    let online_url = app.event(INFO_SLUG).await.online_url.expect("the demo has a link");
    let response = app.post_registration(INFO_SLUG, &valid_fields("fiona@example.org")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = response.headers()["location"].to_str().expect("location").to_owned();

    let (text, _) = calendar(&app, &format!("{path}/calendar.ics")).await;
    assert!(text.replace("\r\n ", "").contains(&online_url), "the attendee's calendar has the link");
    let (_, page) = app.get_text(&path).await;
    assert!(page.contains(&online_url), "the registration page has the link");

    let (public, _) = calendar(&app, &format!("/events/{INFO_SLUG}/calendar.ics")).await;
    assert!(!public.replace("\r\n ", "").contains(&online_url));
    let (feed, parsed) = calendar(&app, "/calendar.ics").await;
    assert!(!feed.replace("\r\n ", "").contains(&online_url));
    let (_, event_page) = app.get_text(&format!("/events/{INFO_SLUG}")).await;
    assert!(!event_page.contains(&online_url));
    assert_eq!(events(&parsed).len(), 3, "the feed lists every published event");
}

#[tokio::test]
async fn the_public_event_calendar_names_the_event_and_its_place() {
    let app = TestApp::spawn().await;
    let (_, parsed) = calendar(&app, &format!("/events/{TAG_SLUG}/calendar.ics?lang=en")).await;
    let entries = events(&parsed);
    assert_eq!(entries.len(), 1);
    assert!(entries[0].get_summary().unwrap_or_default().starts_with("Day of Town Twinning"));
    assert_eq!(entries[0].get_uid().map(str::to_owned), Some(format!("{}@treffpunkt", app.event(TAG_SLUG).await.id)));
    assert!(entries[0].get_url().unwrap_or_default().ends_with(&format!("/events/{TAG_SLUG}")));
}
