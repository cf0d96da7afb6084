//! Background jobs of every server instance: the mail worker (claims due outbox
//! messages, composes and delivers them, records the outcome; a failed delivery is
//! retried with back-off until the mail server refuses it for good or it failed too
//! often, then it is kept as undeliverable, never dropped) and the periodic housekeeping.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use documents::certificate;
use documents::mail::certificate::AttachedCertificate;
use documents::mail::{self, DeliveryError, Mailer, Sender};
use domain::outbox::{self, AfterFailure, ClaimedMessage, MailLinks, OutboxMessage};
use site::AppState;
use site::i18n::Tr;
use tokio::sync::watch;

/// How often an idle worker looks for due messages.
const IDLE_POLL: Duration = Duration::from_millis(500);

/// Sends the outbox's mail until `stop` turns true (or its sender is gone). A message
/// being sent is finished and marked first, so a shutdown never leaves one half-sent;
/// the rest of a claimed batch stays in the outbox and is claimed again once its claim
/// runs out. Each round tells `/readyz` the worker is alive.
pub async fn run_mail_worker(app: AppState, mailer: Arc<Mailer>, mut stop: watch::Receiver<bool>) {
    while !*stop.borrow() {
        app.operations().mail_worker.beat();
        let pause = match send_batch(&app, &mailer, &stop).await {
            Ok(true) => continue,
            Ok(false) => IDLE_POLL,
            Err(err) => {
                tracing::warn!(error = %err, "mail worker cannot reach the database");
                IDLE_POLL * 4
            }
        };
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            changed = stop.changed() => if changed.is_err() { return },
        }
    }
    tracing::info!("mail worker stopped");
}

/// Sends a batch of due messages; `false` when none was due.
pub async fn send_next(app: &AppState, mailer: &Arc<Mailer>) -> Result<bool, sea_orm::DbErr> {
    let (_never, not_stopping) = watch::channel(false);
    send_batch(app, mailer, &not_stopping).await
}

/// Sends a batch of due messages, stopping before the next one when `stop` turns true;
/// `false` when none was due.
async fn send_batch(
    app: &AppState,
    mailer: &Arc<Mailer>,
    stop: &watch::Receiver<bool>,
) -> Result<bool, sea_orm::DbErr> {
    let db = &app.pools().write;
    let batch = outbox::claim_due(db, Utc::now()).await?;
    if batch.is_empty() {
        return send_next_account_mail(app, mailer).await;
    }
    for (position, claimed) in batch.iter().enumerate() {
        if *stop.borrow() {
            let untried: Vec<_> = batch[position..].iter().map(|claimed| claimed.message.id).collect();
            outbox::release_untried(db, &untried).await?;
            break;
        }
        let message = &claimed.message;
        // A claim that is about to run out may be taken by another instance: leave the
        // rest of the batch to whoever claims it next rather than risk sending twice.
        if message.claimed_until.is_some_and(|until| until - Utc::now() < SAFETY_MARGIN) {
            break;
        }
        // People waiting for an answer come first: while requests are being answered the
        // mail goes out at a steady trickle (it is safe in the outbox meanwhile), at full
        // speed when the server is idle. Composing costs more CPU than registering
        // (bench: registrations ran at half speed while the worker composed at full speed).
        if app.requests_in_flight() > 0 {
            tokio::time::sleep(PACE_WHILE_BUSY).await;
        }
        app.operations().mail_worker.beat();
        match deliver(app, mailer, claimed).await {
            Ok(()) => {
                // Marked one by one: after a crash at most the message in flight goes again.
                outbox::mark_sent(db, message.id, Utc::now()).await?;
                tracing::info!(message = %message.id, kind = ?message.kind, "mail sent");
            }
            Err(failure) => {
                let after = outbox::mark_failed(db, message, &failure.reason, failure.permanent, Utc::now()).await?;
                let error = without_addresses(&failure.reason);
                app.metrics().delivery_failed(matches!(after, AfterFailure::GivenUp));
                match after {
                    AfterFailure::RetryAt(next) => {
                        tracing::warn!(message = %message.id, attempts = message.attempts, %error, %next, "mail not sent; will retry");
                    }
                    AfterFailure::GivenUp => {
                        tracing::warn!(message = %message.id, attempts = message.attempts, %error, "mail undeliverable; given up");
                    }
                }
            }
        }
    }
    Ok(true)
}

/// The pause before each message while requests are in flight: at most 20 messages a
/// second then (1,200 a minute). At 40 a second, registrations on PostgreSQL ran 21 %
/// slower than with no mail at all at 8 and 32 concurrent clients (bench 15:14).
const PACE_WHILE_BUSY: Duration = Duration::from_millis(50);

/// Time left on a claim below which the worker stops working through its batch.
const SAFETY_MARGIN: chrono::TimeDelta = chrono::TimeDelta::seconds(30);

/// Sends one due invitation or password-reset mail; `false` when none was due.
async fn send_next_account_mail(app: &AppState, mailer: &Mailer) -> Result<bool, sea_orm::DbErr> {
    let db = &app.pools().write;
    let Some(link) = domain::account::claim_link_mail(db, Utc::now()).await? else {
        return Ok(false);
    };
    let stem = format!("{}-account-{}", Utc::now().format("%Y%m%dT%H%M%S"), &link.token_hash[..16]);
    let operator = app.operator().await?;
    let sender = Sender { mailer, public_url: app.public_url(), operator: operator.as_deref() };
    let sent = match mail::account::compose(&sender, &link) {
        Ok(email) => mailer.deliver(&email, &stem).await.map_err(|failure| failure.reason),
        Err(error) => Err(error),
    };
    match sent {
        Ok(()) => domain::account::link_mail_sent(db, &link.token_hash, Utc::now()).await?,
        Err(error) => {
            let error = without_addresses(&error);
            tracing::warn!(%error, "account mail not sent; will retry");
            domain::account::link_mail_failed(db, &link.token_hash, Utc::now() + chrono::Duration::seconds(60)).await?;
        }
    }
    Ok(true)
}

async fn deliver(app: &AppState, mailer: &Arc<Mailer>, claimed: &ClaimedMessage) -> Result<(), DeliveryError> {
    let (message, links) = (&claimed.message, claimed.links.clone());
    let details = match message.attendee_id {
        None => domain::registration::by_id(app.db(), message.registration_id).await,
        // A member's own mail: their part of the registration, in their language.
        Some(member) => domain::registration::with_everyone(app.db(), message.registration_id)
            .await
            .map(|found| found.and_then(|details| details.for_member(member))),
    }
    .map_err(DeliveryError::temporary)?
    .ok_or_else(|| DeliveryError::permanent("the registration or the member no longer exists"))?;
    if message.kind == domain::outbox::MailKind::Certificate {
        return deliver_certificates(app, mailer, message, details, links).await;
    }
    let written = if message.kind == domain::outbox::MailKind::OrganiserMessage {
        let written = match message.message_id {
            Some(id) => domain::messages::by_id(app.db(), id).await.map_err(DeliveryError::temporary)?,
            None => None,
        };
        Some(written.ok_or_else(|| DeliveryError::permanent("the organisers' message no longer exists"))?)
    } else {
        None
    };
    // Read at sending time like the rest, so a mail queued before the operator's details
    // were corrected carries the corrected contact line (cached: one read a minute).
    let operator = app.operator().await.map_err(DeliveryError::temporary)?;
    // Composing (QR images, MIME) takes about 2 ms of CPU per message: done on the
    // blocking pool, so the request threads never wait behind it (bench: registrations
    // at concurrency 1 took twice as long while the worker composed on those threads).
    let (app_for_compose, mailer_for_compose, kind, id) = (app.clone(), mailer.clone(), message.kind, message.id);
    let email = tokio::task::spawn_blocking(move || {
        let sender = Sender {
            mailer: &mailer_for_compose,
            public_url: app_for_compose.public_url(),
            operator: operator.as_deref(),
        };
        match written {
            Some(written) => mail::organiser::compose(&sender, &details, &written, &links, id),
            None => mail::confirmation::compose(&sender, app_for_compose.signer(), &details, kind, &links, id),
        }
    })
    .await
    .map_err(|err| DeliveryError::temporary(format!("composing failed: {err}")))?
    // Composed from the stored data, it fails the same way every time (an address the
    // mailer cannot send to).
    .map_err(DeliveryError::permanent)?;
    let stem = format!("{}-{}", message.created_at.format("%Y%m%dT%H%M%S"), message.id.simple());
    mailer.deliver(&email, &stem).await
}

/// Certificates are rendered from the check-ins at sending time, in the registration's
/// language, one PDF per person checked in.
async fn deliver_certificates(
    app: &AppState,
    mailer: &Arc<Mailer>,
    message: &OutboxMessage,
    details: domain::registration::RegistrationDetails,
    links: MailLinks,
) -> Result<(), DeliveryError> {
    let t = Tr::new(details.registration.language);
    let attendances = domain::certificate::attendances(app.db(), &details).await.map_err(DeliveryError::temporary)?;
    let mut certificates = Vec::new();
    for attendance in &attendances {
        let position = details.attendees.iter().position(|person| person.attendee.id == attendance.attendee.id);
        let text = certificate::certificate_text(t, &details.event, attendance);
        certificates.push(AttachedCertificate {
            file_name: certificate::file_name(&details.event, position.unwrap_or_default()),
            pdf: certificate::render(text).await.map_err(DeliveryError::temporary)?,
        });
    }
    let operator = app.operator().await.map_err(DeliveryError::temporary)?;
    let (app_for_compose, mailer_for_compose, id) = (app.clone(), mailer.clone(), message.id);
    let email = tokio::task::spawn_blocking(move || {
        let sender = Sender {
            mailer: &mailer_for_compose,
            public_url: app_for_compose.public_url(),
            operator: operator.as_deref(),
        };
        mail::certificate::compose(&sender, &details, certificates, &links, id)
    })
    .await
    .map_err(|err| DeliveryError::temporary(format!("composing failed: {err}")))?
    .map_err(DeliveryError::permanent)?;
    let stem = format!("{}-{}", message.created_at.format("%Y%m%dT%H%M%S"), message.id.simple());
    mailer.deliver(&email, &stem).await
}

/// How often the places of unconfirmed registrations are checked.
const MAINTENANCE_INTERVAL: Duration = Duration::from_secs(15);

/// Periodic housekeeping in every instance: releases places held for registrations whose
/// e-mail address was not confirmed in time (double opt-in), which moves the waiting list,
/// queues the reminders for events that begin soon, and anonymises the personal data of
/// events whose retention period is over.
/// `reminder_before`: how long before an event its attendees get a reminder.
pub async fn run_maintenance(app: AppState, reminder_before: chrono::Duration) {
    loop {
        match domain::registration::release_unconfirmed(app.pools(), Utc::now()).await {
            Ok(0) => {}
            Ok(released) => {
                app.page_cache().invalidate();
                tracing::info!(released, "released places of unconfirmed registrations");
            }
            Err(err) => tracing::warn!(error = %err, "cannot release unconfirmed registrations"),
        }
        if let Err(err) = domain::account::clean_up(&app.pools().write, Utc::now()).await {
            tracing::warn!(error = %err, "cannot clean up expired sessions");
        }
        match domain::registration::queue_reminders(app.pools(), Utc::now(), reminder_before).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "queued reminders"),
            Err(err) => tracing::warn!(error = %err, "cannot queue reminders"),
        }
        match domain::privacy::anonymise_due(app.pools(), Utc::now()).await {
            Ok(0) => {}
            Ok(events) => {
                app.page_cache().invalidate();
                tracing::info!(events, "anonymised the personal data of events past their retention period");
            }
            Err(err) => tracing::warn!(error = %err, "cannot anonymise events past their retention period"),
        }
        tokio::time::sleep(MAINTENANCE_INTERVAL).await;
    }
}

/// An SMTP server's refusal often quotes the recipient ("550 <x@example.org>: …"); the
/// log gets the reason without the address (attendee data never goes to the logs).
pub fn without_addresses(text: &str) -> String {
    text.split(' ').map(|word| if word.contains('@') { "[address]" } else { word }).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::without_addresses;

    #[test]
    fn addresses_in_smtp_errors_stay_out_of_the_log() {
        let refused = "permanent error (550): 5.1.1 <olena@rada.example.ua>: Recipient address rejected";
        let logged = without_addresses(refused);
        assert!(!logged.contains("olena") && !logged.contains('@'), "{logged}");
        assert!(logged.contains("Recipient address rejected") && logged.contains("550"), "{logged}");
    }
}
