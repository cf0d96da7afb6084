//! The registration form as organisers shape it: standard fields required, optional or
//! not asked; own questions of every kind in three languages; answers given per person
//! (delegation members too) in the participant's language, kept with the wording they
//! read, shown on the manage page and in the back office, filtered by and exported
//! (read back with the csv crate and calamine).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use domain::demo::TAG_SLUG;
use domain::registration_form::{self as form_rules, Question};
use reqwest::StatusCode;

use crate::support::TestApp;
use crate::support::backoffice::Staff;

const FOOD_DE: &str = "Welche Verpflegung wünschen Sie?";
const FOOD_EN: &str = "Which catering would you like?";
const PHOTO_DE: &str = "Ich bin einverstanden, dass Fotos, auf denen ich zu sehen bin, veröffentlicht werden.";
const PHOTO_EN: &str = "I agree that photos showing me may be published.";

async fn add_question(
    app: &TestApp,
    admin: &Staff,
    event_id: uuid::Uuid,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.staff_post(admin, &format!("/admin/events/{event_id}/form/questions"), fields).await
}

fn field(question: &Question, row: Option<usize>) -> String {
    match row {
        None => format!("q-{}", question.id.simple()),
        Some(row) => format!("q-{}-{row}", question.id.simple()),
    }
}

async fn post_in_english(app: &TestApp, fields: &[(String, String)]) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/events/{TAG_SLUG}/register")))
        .header("accept-language", "en")
        .form(fields)
        .send()
        .await
        .expect("POST registration")
}

#[tokio::test]
async fn organisers_shape_the_form_and_answers_are_kept_shown_filtered_and_exported() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let event = app.event(TAG_SLUG).await;
    let form_page = format!("/admin/events/{}/form", event.id);
    let (status, page) = app.staff_get(&admin, &form_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Eigene Fragen") && page.contains("Land Ihrer Partnerkommune"), "the demo's questions");
    let demo_questions = form_rules::questions(&app.db, event.id).await.expect("questions").len();

    // Refused drafts: one message per field, the typed text kept.
    let response = add_question(
        &app,
        &admin,
        event.id,
        &[("kind", "single_choice"), ("label_de", ""), ("options_de", "nur eine"), ("options_en", "one\ntwo\nthree")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(page.contains("Bitte füllen Sie dieses Feld aus."), "the German wording is required");
    assert!(page.contains("mindestens zwei Antwortmöglichkeiten"), "a choice needs two options");
    assert!(page.contains("genauso viele Zeilen"), "the translation must match line by line");
    assert!(page.contains("one\ntwo\nthree"), "the typed options are kept");

    // Five questions of different kinds.
    for fields in [
        vec![
            ("kind", "single_choice"),
            ("required", "on"),
            ("label_de", FOOD_DE),
            ("label_en", FOOD_EN),
            ("label_uk", "Яке харчування ви бажаєте?"),
            ("options_de", "vegetarisch\nvegan\n\nkeine Wünsche"),
            ("options_en", "vegetarian\nvegan\nno preference"),
            ("options_uk", "вегетаріанське\nвеганське\nбез побажань"),
        ],
        vec![("kind", "consent"), ("label_de", PHOTO_DE), ("label_en", PHOTO_EN)],
        vec![("kind", "long_text"), ("label_de", "Was brauchen Sie für eine barrierefreie Teilnahme?")],
        vec![
            ("kind", "multiple_choice"),
            ("label_de", "Dolmetschen"),
            ("label_en", "Interpreting"),
            ("options_de", "Deutsch → Ukrainisch\nUkrainisch → Deutsch"),
        ],
        vec![
            ("kind", "yes_no"),
            ("required", "on"),
            ("label_de", "Brauchen Sie eine Übernachtung?"),
            ("label_en", "Do you need a hotel room?"),
        ],
    ] {
        let response = add_question(&app, &admin, event.id, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "question {:?} is added", fields[2]);
    }
    let mut questions = form_rules::questions(&app.db, event.id).await.expect("questions");
    assert_eq!(questions.len(), demo_questions + 5);
    let questions = questions.split_off(demo_questions);
    let [food, photo, access, interpreting, hotel] = <[Question; 5]>::try_from(questions).expect("five");
    assert_eq!(food.options_de, "vegetarisch\nvegan\nkeine Wünsche", "blank option lines are dropped");

    // Standard fields: organisation optional, its type not asked, partner municipality required.
    let response = app
        .staff_post(
            &admin,
            &format!("{form_page}/fields"),
            &[("organisation", "optional"), ("organisation_type", "hidden"), ("partner_municipality", "required")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let refused = app
        .staff_post(
            &admin,
            &format!("{form_page}/fields"),
            &[("organisation", "sometimes"), ("organisation_type", "hidden"), ("partner_municipality", "required")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "an unknown rule is refused");

    // The public form in English asks the questions in English, without the type select.
    let page = app
        .client
        .get(app.url(&format!("/events/{TAG_SLUG}/register")))
        .header("accept-language", "en")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(page.contains(FOOD_EN) && page.contains(">vegetarian<") && page.contains(PHOTO_EN));
    assert!(page.contains("Was brauchen Sie für eine barrierefreie Teilnahme?"), "no English text: German shown");
    assert!(
        page.contains("<span lang=\"de\">Was brauchen Sie für eine barrierefreie Teilnahme?</span>"),
        "and marked as German"
    );
    assert!(!page.contains("name=\"organisation_type\""), "the organisation type is not asked");
    assert!(page.contains(&format!("name=\"{}\"", field(&food, None))));

    // Missing answers and an unknown choice: messages per field in English, input kept.
    let mut fields: Vec<(String, String)> = [
        ("first_name", "Iryna"),
        ("last_name", "Bondarenko"),
        ("email", "iryna@example.org"),
        ("organisation", ""),
        ("partner_municipality", ""),
        ("data_consent", "yes"),
        ("submission", "questions-form-1"),
    ]
    .iter()
    .map(|(name, value)| (name.to_string(), value.to_string()))
    .collect();
    fields.push((field(&access, None), "Rampe am Eingang, bitte".to_owned()));
    fields.push((field(&photo, None), "yes".to_owned()));
    let response = post_in_english(&app, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert_eq!(page.matches("Please answer this question.").count(), 4, "food and hotel, in summary and at the field");
    assert!(page.contains(&format!("href=\"#field-{}\"", field(&food, None))), "the summary links to the question");
    assert!(page.contains("Rampe am Eingang, bitte"), "the long answer is kept");
    assert!(page.contains("Please fill in this field."), "the partner municipality is required now");
    fields.push((field(&food, None), "Fisch".to_owned()));
    let page = post_in_english(&app, &fields).await.text().await.expect("body");
    assert!(page.contains("This choice is not possible."), "an option that does not exist is refused");

    // A valid registration with one delegation member who answers for themself.
    fields.retain(|(name, _)| *name != field(&food, None) && name != "partner_municipality");
    for (name, value) in [
        ("partner_municipality".to_owned(), "Lutsk"),
        (field(&food, None), "vegetarisch"),
        (field(&hotel, None), "yes"),
        (field(&interpreting, None), "Ukrainisch → Deutsch"),
        (field(&interpreting, None), "Deutsch → Ukrainisch"),
        ("guest_first_name".to_owned(), "Taras"),
        ("guest_last_name".to_owned(), "Melnyk"),
        ("guest_email".to_owned(), ""),
        ("guest_organisation".to_owned(), ""),
        (field(&food, Some(0)), "vegan"),
        (field(&hotel, Some(0)), "no"),
    ] {
        fields.push((name, value.to_owned()));
    }
    let response = post_in_english(&app, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", response.text().await.unwrap_or_default());
    let manage = response.headers()["location"].to_str().expect("location").to_owned();

    let rows = domain::attendee_list::load(&app.db, event.id).await.expect("rows");
    let iryna = rows.iter().find(|row| row.attendee.first_name == "Iryna").expect("contact");
    let taras = rows.iter().find(|row| row.attendee.first_name == "Taras").expect("member");
    assert_eq!(iryna.attendee.organisation_type, domain::registration::OrganisationType::Unspecified);
    assert_eq!(iryna.attendee.organisation, "", "the optional organisation stays empty");
    let stored = form_rules::answers_of(&app.db, &[iryna.attendee.id, taras.attendee.id]).await.expect("answers");
    let answer = |row: &domain::attendee_list::AttendeeRow, question: &Question| {
        stored.iter().find(|a| a.attendee_id == row.attendee.id && a.question_id == question.id).cloned()
    };
    let iryna_food = answer(iryna, &food).expect("food answered");
    assert_eq!(iryna_food.value, "vegetarisch", "a choice is stored in German");
    assert_eq!(iryna_food.wording, format!("{FOOD_EN}: vegetarian"), "with what she read");
    let iryna_photo = answer(iryna, &photo).expect("consent recorded");
    assert_eq!((iryna_photo.value.as_str(), iryna_photo.wording.as_str()), ("yes", PHOTO_EN));
    assert_eq!(
        answer(iryna, &interpreting).map(|a| a.value),
        Some("Deutsch → Ukrainisch\nUkrainisch → Deutsch".to_owned()),
        "several choices in the order of the options"
    );
    assert_eq!(answer(taras, &photo).map(|a| a.value), Some("no".to_owned()), "an unticked consent is a recorded no");
    assert_eq!(answer(taras, &food).map(|a| a.value), Some("vegan".to_owned()));
    assert!(answer(taras, &access).is_none(), "an optional text left empty is no answer");

    // The manage page in English shows the answers translated.
    let page = app
        .client
        .get(app.url(&manage))
        .header("accept-language", "en")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(page.contains("Your answers") && page.contains(">vegetarian<") && page.contains(">vegan<"));

    // Her data as a download: exactly this registration's people, with the consent's wording.
    let other =
        app.post_registration(domain::demo::INFO_SLUG, &crate::support::valid_fields("someone-else@example.org")).await;
    assert_eq!(other.status(), StatusCode::SEE_OTHER);
    let response = app.get(&format!("{manage}/data.json")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"].to_str().unwrap_or_default().starts_with("attachment"));
    let export: serde_json::Value = response.json().await.expect("JSON");
    let people = export["attendees"].as_array().expect("attendees");
    assert_eq!(people.len(), 2);
    assert_eq!(people[0]["email"], "iryna@example.org");
    let consent = people[0]["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .find(|answer| answer["question"] == PHOTO_DE)
        .expect("the photo consent");
    assert_eq!((consent["answer"].as_str(), consent["wording_shown"].as_str()), (Some("yes"), Some(PHOTO_EN)));
    assert!(!export.to_string().contains("someone-else"), "nobody else's data");

    // She changes her answers herself: the form comes filled in; a required answer
    // cannot be taken away; the photo consent can be withdrawn (a recorded "no").
    let edit = format!("{manage}/attendees/0/edit");
    let (status, page) = app.get_text(&edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("value=\"vegetarisch\" checked"), "the stored choice is ticked");
    assert!(!page.contains("name=\"organisation_type\""));
    let mut change: Vec<(String, String)> = vec![
        ("first_name".into(), "Iryna".into()),
        ("last_name".into(), "Bondarenko".into()),
        ("organisation".into(), "Stadt Hamm".into()),
        ("partner_municipality".into(), "Lutsk".into()),
        (field(&hotel, None), "yes".into()),
    ];
    let response = app.client.post(app.url(&edit)).form(&change).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "the required food answer is missing");
    assert!(response.text().await.expect("body").contains("Bitte beantworten Sie diese Frage."));
    change.push((field(&food, None), "vegan".into()));
    let response = app.client.post(app.url(&edit)).form(&change).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let after = form_rules::answers_of(&app.db, &[iryna.attendee.id]).await.expect("answers");
    let value = |question: &Question| after.iter().find(|a| a.question_id == question.id).map(|a| a.value.clone());
    assert_eq!(value(&food).as_deref(), Some("vegan"));
    assert_eq!(value(&photo).as_deref(), Some("no"), "the consent is withdrawn, and that is recorded");
    assert_eq!(value(&interpreting), None, "unticked choices are no answer");
    assert_eq!(value(&access), None);
    let kept = after.iter().find(|a| a.question_id == hotel.id).expect("hotel");
    assert_eq!(
        kept.answered_at,
        answer(iryna, &hotel).expect("before").answered_at,
        "unchanged answers keep their time"
    );
    // Back to the state the rest of this test expects.
    change.retain(|(name, _)| *name != field(&food, None));
    change.push((field(&food, None), "vegetarisch".into()));
    change.push((field(&photo, None), "yes".into()));
    change.push((field(&access, None), "Rampe am Eingang, bitte".into()));
    change.push((field(&interpreting, None), "Deutsch → Ukrainisch".into()));
    change.push((field(&interpreting, None), "Ukrainisch → Deutsch".into()));
    let response =
        app.client.post(app.url(&edit)).header("accept-language", "en").form(&change).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // The back office: answers on the attendee's page, filters by answer, exports.
    let (_, detail) =
        app.staff_get(&admin, &format!("/admin/events/{}/attendees/{}", event.id, iryna.attendee.id)).await;
    assert!(detail.contains(FOOD_DE) && detail.contains(">vegetarisch<"), "shown in the organiser's language");
    assert!(detail.contains(&format!("<q>{PHOTO_EN}</q>")), "the consent with the wording she agreed to");
    let list = format!("/admin/events/{}/attendees", event.id);
    let (_, page) = app.staff_get(&admin, &format!("{list}?answer={}:vegan", food.id)).await;
    assert!(page.contains("Taras Melnyk") && !page.contains("Iryna Bondarenko"), "filtered by a choice");
    let (_, page) = app.staff_get(&admin, &format!("{list}?answer={}:yes", photo.id)).await;
    assert!(page.contains("Iryna Bondarenko") && !page.contains("Taras Melnyk"), "filtered by the photo consent");
    let (_, page) = app.staff_get(&admin, &format!("{list}?answer={}:*", access.id)).await;
    assert!(page.contains("Iryna Bondarenko") && !page.contains("Taras Melnyk"), "answered at all");
    assert!(page.contains(&format!("{}:vegan", food.id)), "the filter offers the options");

    let csv_bytes =
        app.staff_get_bytes(&admin, &format!("/admin/events/{}/attendees.csv?answer={}:yes", event.id, hotel.id)).await;
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv_bytes[3..]);
    let header = reader.headers().expect("header").clone();
    let column = |label: &str| header.iter().position(|h| h == label).unwrap_or_else(|| panic!("column {label}"));
    let records: Vec<csv::StringRecord> = reader.records().map(|record| record.expect("record")).collect();
    assert_eq!(records.len(), 1, "only who needs a hotel room");
    assert_eq!(&records[0][column(FOOD_DE)], "vegetarisch");
    assert_eq!(&records[0][column(PHOTO_DE)], "Ja");
    assert_eq!(&records[0][column("Dolmetschen")], "Deutsch → Ukrainisch, Ukrainisch → Deutsch");

    let xlsx = app.staff_get_bytes(&admin, &format!("/admin/events/{}/attendees.xlsx?sort=name", event.id)).await;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx)).expect("a real workbook");
    let range = workbook.worksheet_range_at(0).expect("a sheet").expect("readable");
    let heading = |label: &str| {
        (0..range.width())
            .find(|column| range.get((0, *column)) == Some(&Data::String(label.into())))
            .unwrap_or_else(|| panic!("heading {label}"))
    };
    let (food_column, photo_column) = (heading(FOOD_DE), heading(PHOTO_DE));
    // By name: Bondarenko before Melnyk.
    assert_eq!(range.get((1, food_column)), Some(&Data::String("vegetarisch".into())));
    assert_eq!(range.get((2, food_column)), Some(&Data::String("vegan".into())));
    assert_eq!(range.get((2, photo_column)), Some(&Data::String("Nein".into())));

    // The figures count the answers of confirmed people.
    let (_, overview) = app.staff_get(&admin, &format!("/admin/events/{}", event.id)).await;
    assert!(overview.contains(&format!("<h3>{FOOD_DE}</h3>")));
    assert!(overview.contains("<th scope=\"row\">vegetarisch</th><td class=\"number\">1</td>"));
    assert!(overview.contains("<th scope=\"row\">Ukraine</th><td class=\"number\">0</td>"), "the partner country");

    // Removing an answered question asks first, then deletes the answers.
    let remove = format!("{form_page}/questions/{}/remove", food.id);
    let response = app.staff_post(&admin, &remove, &[]).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(response.text().await.expect("body").contains("2 Personen haben diese Frage beantwortet"));
    assert_eq!(app.staff_post(&admin, &remove, &[("confirm", "on")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(form_rules::answered_by(&app.db, food.id).await.expect("count"), 0, "its answers are gone");
    assert_eq!(form_rules::questions(&app.db, event.id).await.expect("questions").len(), demo_questions + 4);

    // Next year's copy asks the same questions.
    let copy = domain::event_setup::duplicate(
        app.state.pools(),
        event.id,
        "tag-der-staedtepartnerschaften-2028".to_owned(),
        event.starts_at + chrono::Duration::days(364),
        chrono::Utc::now(),
    )
    .await
    .expect("duplicated");
    let copied = form_rules::questions(&app.db, copy.id).await.expect("questions");
    assert_eq!(copied[demo_questions].label_de, PHOTO_DE, "in the same order");
    assert_eq!(copied.len(), demo_questions + 4);

    let (_, audit) = app.staff_get(&admin, "/admin/audit").await;
    let table = audit.split("<tbody>").nth(1).unwrap_or_default();
    assert!(
        table.contains("Frage angelegt")
            && table.contains("Anmeldeformular geändert")
            && table.contains("Frage entfernt"),
        "{table}"
    );
}
