//! Everything stored about the people of a registration (GDPR Art. 15 and 20), as the
//! JSON that participants download and organisers export for one person.

use domain::registration::RegistrationDetails;
use domain::registration_form as form_rules;
use sea_orm::{DatabaseConnection, DbErr};
use serde_json::json;
use uuid::Uuid;

/// Everything stored about the people of a registration, or only about `only`: details,
/// consents with their wording, answers with the wording shown, sessions, check-ins and
/// e-mails (the contact person's part only when they are included).
pub async fn export(
    db: &DatabaseConnection,
    details: &RegistrationDetails,
    only: Option<Uuid>,
) -> Result<serde_json::Value, DbErr> {
    let people: Vec<_> =
        details.attendees.iter().filter(|person| only.is_none_or(|id| person.attendee.id == id)).collect();
    let ids: Vec<Uuid> = people.iter().map(|person| person.attendee.id).collect();
    let questions = form_rules::questions(db, details.event.id).await?;
    let answers = form_rules::answers_of(db, &ids).await?;
    let check_ins = domain::checkin::overview(db, details.event.id).await?.check_ins;
    let registration = &details.registration;
    let includes_contact = people.iter().any(|person| person.attendee.position == 0);
    let mails =
        if includes_contact { domain::outbox::for_registration(db, registration.id).await? } else { Vec::new() };
    let people: Vec<serde_json::Value> = people
        .iter()
        .map(|person| {
            let attendee = &person.attendee;
            json!({
                "first_name": attendee.first_name,
                "last_name": attendee.last_name,
                "email": attendee.email,
                "organisation": attendee.organisation,
                "organisation_type": attendee.organisation_type.code(),
                "partner_municipality": attendee.partner_municipality,
                "data_processing_consent_at": attendee.data_consent_at,
                "data_processing_consent_wording": registration.consent_wording,
                "registered_at": attendee.created_at,
                "cancelled_at": attendee.cancelled_at,
                "programme_sessions": person.sessions.iter().map(|session| session.title_de.clone()).collect::<Vec<_>>(),
                "waiting_for_sessions": person.waiting_for.iter().map(|session| session.title_de.clone()).collect::<Vec<_>>(),
                "answers": answers.iter().filter(|answer| answer.attendee_id == attendee.id).map(|answer| json!({
                    "question": questions.iter().find(|q| q.id == answer.question_id).map(|q| q.label_de.clone()),
                    "answer": answer.value,
                    "wording_shown": answer.wording,
                    "answered_at": answer.answered_at,
                })).collect::<Vec<_>>(),
                "check_ins": check_ins.iter().filter(|check_in| check_in.attendee_id == attendee.id).map(|check_in| json!({
                    "at": check_in.checked_in_at,
                    "scope": check_in.scope,
                    "method": check_in.method,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut registration_part = json!({
        "status": domain::attendee_list::status_code(registration.status),
        "language": registration.language,
        "registered_at": registration.created_at,
        "deletion_requested_at": registration.deletion_requested_at,
    });
    if includes_contact {
        registration_part["contact_email"] = json!(registration.contact_email);
    }
    let export = json!({
        "event": { "title": details.event.title_de, "starts_at": details.event.starts_at, "slug": details.event.slug },
        "registration": registration_part,
        "attendees": people,
        "emails": mails.iter().map(|mail| json!({
            "kind": mail.kind,
            "queued_at": mail.created_at,
            "sent_at": mail.sent_at,
            "undeliverable_at": mail.undeliverable_at,
        })).collect::<Vec<_>>(),
    });
    Ok(export)
}
