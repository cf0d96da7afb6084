//! Signing in to the back office: the attempt is recorded before the password is looked
//! at, the throttle decides on what is recorded, and the password checks that run at
//! once are bounded. Counting failures before verifying and recording them after let
//! 200 concurrent wrong passwords for one account run 18 argon2 checks (limit 5), and
//! 300 concurrent log-ins drove memory from 395 MiB to 1.5 GiB (19 MiB per check).
//!
//! Wrong passwords slow log-in down; they never lock it. After a few free tries each
//! further try waits twice as long as the one before (5 s, 10 s, … up to a minute), counted per
//! account and client, and per account for browsers that never signed in to it. A
//! browser that signed in to the account before (the known-device mark) is slowed only
//! by its own tries, so guessing from elsewhere cannot keep staff out.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use argon2::password_hash::Output;
use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, Version};

use crate::account::{NewSession, decoy_hash, open_session};
use crate::entity::{login_failure, user_account};
use crate::ids::new_id;
use crate::store::Pools;

/// Log-in attempts counted over this window.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// Tries per account and client (or per known browser) before each further one waits.
pub const FREE_ATTEMPTS: u64 = 5;
/// Tries per account from browsers that never signed in to it, from any client, before
/// each further one waits: the bound on guessing from many addresses.
pub const FREE_ATTEMPTS_PER_ACCOUNT: u64 = 20;
/// The wait after the first try that is not free; each further try waits twice as long.
pub const FIRST_DELAY: Duration = Duration::seconds(5);
/// The longest wait between two tries: a guesser gets one try a minute per account.
pub const MAX_DELAY: Duration = Duration::seconds(60);
/// The longest e-mail address a mail server accepts.
const MAX_EMAIL_BYTES: usize = 320;
/// How long a browser stays known after signing in.
pub const KNOWN_DEVICE_LIFETIME: Duration = Duration::days(180);
/// How long a log-in waits for a free password check before it is told to come back.
const WAIT_FOR_A_CHECK: StdDuration = StdDuration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum LogInError {
    #[error("wrong e-mail address or password")]
    WrongCredentials,
    #[error("too many attempts; try again after {0}")]
    Throttled(Duration),
    #[error("every password check is busy; try again in a moment")]
    Busy,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// The argon2id checks running at once: each takes 19 MiB and tens of milliseconds of
/// a core, so more at once than there are cores only costs memory and time. They run
/// on threads of their own, each reusing one block buffer: a fresh 19 MiB for every
/// check left holes that the requests' small allocations split, so each check grew the
/// heap (300 concurrent log-ins grew the server by 170 MiB with two checks at a time).
pub struct PasswordChecks {
    permits: tokio::sync::Semaphore,
    at_once: usize,
    jobs: std::sync::mpsc::Sender<Check>,
    performed: AtomicU64,
    running: AtomicUsize,
    most_at_once: AtomicUsize,
}

type Check = Box<dyn FnOnce(&mut Vec<Block>) + Send>;

impl PasswordChecks {
    /// Starts `at_once` checking threads; they end when this is dropped.
    pub fn new(at_once: usize) -> Self {
        let (jobs, queue) = std::sync::mpsc::channel::<Check>();
        let queue = Arc::new(Mutex::new(queue));
        let started = (0..at_once.max(1))
            .filter(|number| {
                let queue = queue.clone();
                std::thread::Builder::new()
                    .name(format!("password-check-{number}"))
                    .spawn(move || {
                        let mut memory = Vec::new();
                        loop {
                            // One thread waits for the next check at a time; the lock is
                            // released as soon as it has one.
                            let next = queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).recv();
                            match next {
                                Ok(check) => check(&mut memory),
                                Err(_) => break,
                            }
                        }
                    })
                    .is_ok()
            })
            .count();
        PasswordChecks {
            permits: tokio::sync::Semaphore::new(started),
            at_once: started,
            jobs,
            performed: AtomicU64::new(0),
            running: AtomicUsize::new(0),
            most_at_once: AtomicUsize::new(0),
        }
    }

    /// One check per core.
    pub fn sized_to_cores() -> Self {
        PasswordChecks::new(std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
    }

    /// How many checks may run at once.
    pub fn at_once(&self) -> usize {
        self.at_once
    }

    /// Checks run since start (for tests and the operator's curiosity).
    pub fn performed(&self) -> u64 {
        self.performed.load(Ordering::Relaxed)
    }

    /// The most checks that ran at the same time since start.
    pub fn most_at_once(&self) -> usize {
        self.most_at_once.load(Ordering::Relaxed)
    }

    /// Verifies on a checking thread once one is free; `Busy` after waiting
    /// [`WAIT_FOR_A_CHECK`].
    async fn verify(&self, password: &str, stored_hash: String) -> Result<bool, LogInError> {
        let Ok(Ok(_permit)) = tokio::time::timeout(WAIT_FOR_A_CHECK, self.permits.acquire()).await else {
            return Err(LogInError::Busy);
        };
        self.performed.fetch_add(1, Ordering::Relaxed);
        let running = self.running.fetch_add(1, Ordering::AcqRel) + 1;
        self.most_at_once.fetch_max(running, Ordering::Relaxed);
        let (answer, answered) = tokio::sync::oneshot::channel();
        let password = password.to_owned();
        let sent = self.jobs.send(Box::new(move |memory: &mut Vec<Block>| {
            let _ = answer.send(verify_reusing(memory, &password, &stored_hash));
        }));
        let matches = if sent.is_ok() { answered.await.unwrap_or(false) } else { false };
        self.running.fetch_sub(1, Ordering::AcqRel);
        Ok(matches)
    }
}

/// Our hashes take 19 MiB; a stored hash asking for more than 64 MiB is not ours.
const MOST_BLOCKS: usize = 64 * 1024;

/// What `account::verify_password` does, in `memory` instead of a fresh allocation.
fn verify_reusing(memory: &mut Vec<Block>, password: &str, stored_hash: &str) -> bool {
    let Ok(hash) = PasswordHash::new(stored_hash) else {
        return false;
    };
    let (Ok(params), Ok(algorithm)) = (Params::try_from(&hash), Algorithm::try_from(hash.algorithm)) else {
        return false;
    };
    let Ok(version) = hash.version.map(Version::try_from).transpose() else {
        return false;
    };
    let (Some(salt), Some(expected)) = (hash.salt, hash.hash) else {
        return false;
    };
    let mut salt_buffer = [0_u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buffer) else {
        return false;
    };
    let blocks = params.block_count();
    if blocks > MOST_BLOCKS {
        return false;
    }
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    let mut computed = vec![0_u8; expected.len()];
    Argon2::new(algorithm, version.unwrap_or_default(), params)
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut computed, &mut memory[..blocks])
        .is_ok()
        // Output compares in constant time.
        && Output::new(&computed).is_ok_and(|computed| computed == expected)
}

/// Who is trying to sign in, as far as the server can tell.
pub struct Attempter<'a> {
    /// The client address (see `site::rate_limit::ClientIp::key`).
    pub client: &'a str,
    /// The browser carries a valid known-device mark for the address typed.
    pub known_device: bool,
}

/// The wait after `attempts` tries when `free` of them cost nothing: 5 s, 10 s, 20 s, …,
/// at most [`MAX_DELAY`].
pub fn delay_after(attempts: u64, free: u64) -> Duration {
    match attempts.checked_sub(free.saturating_add(1)) {
        None => Duration::zero(),
        Some(doublings) => {
            let factor = 1_i64.checked_shl(u32::try_from(doublings).unwrap_or(u32::MAX)).filter(|factor| *factor > 0);
            let seconds = factor.and_then(|factor| factor.checked_mul(FIRST_DELAY.num_seconds()));
            Duration::seconds(seconds.unwrap_or(i64::MAX).min(MAX_DELAY.num_seconds()))
        }
    }
}

/// One log-in attempt, recorded before the password is checked, so that concurrent
/// attempts see each other: the k-th recorded attempt counts at least k.
struct Attempt {
    ids: Vec<Uuid>,
    /// Each subject counted and how many of its tries are free.
    subjects: Vec<(String, u64)>,
}

impl Attempt {
    async fn record(
        db: &DatabaseConnection,
        email: &str,
        attempter: &Attempter<'_>,
        now: DateTime<Utc>,
    ) -> Result<Self, DbErr> {
        // Only a browser holding the mark can add to a known device's count, so guessing
        // from elsewhere never slows it down.
        let subjects = if attempter.known_device {
            vec![(format!("known:{email}"), FREE_ATTEMPTS)]
        } else {
            vec![
                (format!("pair:{email}|{}", attempter.client), FREE_ATTEMPTS),
                (format!("email:{email}"), FREE_ATTEMPTS_PER_ACCOUNT),
            ]
        };
        let ids: Vec<Uuid> = subjects.iter().map(|_| new_id()).collect();
        let rows = ids.iter().zip(&subjects).map(|(id, (subject, _))| login_failure::ActiveModel {
            id: Set(*id),
            subject: Set(subject.clone()),
            at: Set(now),
        });
        login_failure::Entity::insert_many(rows).exec_without_returning(db).await?;
        Ok(Attempt { ids, subjects })
    }

    /// How long this attempt must still wait, judged on the attempts recorded so far
    /// (this one included); zero when the password may be checked now.
    async fn wait(&self, db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Duration, DbErr> {
        let mut wait = Duration::zero();
        for (subject, free) in &self.subjects {
            let recorded = login_failure::Entity::find()
                .filter(login_failure::Column::Subject.eq(subject.as_str()))
                .filter(login_failure::Column::At.gte(now - THROTTLE_WINDOW))
                .all(db)
                .await?;
            let gap = delay_after(u64::try_from(recorded.len()).unwrap_or(u64::MAX), *free);
            let previous = recorded.iter().filter(|row| !self.ids.contains(&row.id)).map(|row| row.at).max();
            if let Some(previous) = previous
                && now - previous < gap
            {
                wait = wait.max(gap - (now - previous));
            }
        }
        Ok(wait)
    }

    /// The password was not checked (refused or busy): the attempt does not count.
    async fn withdraw(self, db: &DatabaseConnection) -> Result<(), DbErr> {
        login_failure::Entity::delete_many().filter(login_failure::Column::Id.is_in(self.ids)).exec(db).await?;
        Ok(())
    }

    /// The right password: this attempt is no failure, and this client's (or this
    /// browser's) tries are forgiven; the account's other tries from unknown browsers
    /// stay, or signing in would reset the count for whoever is guessing.
    async fn succeeded(self, db: &DatabaseConnection) -> Result<(), DbErr> {
        let own = self.subjects.first().map(|(subject, _)| subject.clone()).unwrap_or_default();
        login_failure::Entity::delete_many()
            .filter(
                Condition::any()
                    .add(login_failure::Column::Id.is_in(self.ids))
                    .add(login_failure::Column::Subject.eq(own)),
            )
            .exec(db)
            .await?;
        Ok(())
    }
}

/// Checks the password and opens a session, unless this attempt must wait after the
/// tries before it; then the password is not even looked at.
pub async fn log_in(
    pools: &Pools,
    checks: &PasswordChecks,
    email: &str,
    password: &str,
    attempter: &Attempter<'_>,
    now: DateTime<Utc>,
) -> Result<NewSession, LogInError> {
    let email = email.trim().to_lowercase();
    // No account has a longer address (RFC 5321); such an attempt is not worth a row.
    if email.len() > MAX_EMAIL_BYTES {
        return Err(LogInError::WrongCredentials);
    }
    let attempt = Attempt::record(&pools.write, &email, attempter, now).await?;
    let wait = attempt.wait(&pools.read, now).await?;
    if wait > Duration::zero() {
        attempt.withdraw(&pools.write).await?;
        return Err(LogInError::Throttled(wait));
    }
    let user = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email.as_str()))
        .filter(user_account::Column::DisabledAt.is_null())
        .one(&pools.read)
        .await?;
    let stored_hash = user.as_ref().and_then(|user| user.password_hash.clone()).unwrap_or(decoy_hash().to_owned());
    let password_matches = match checks.verify(password, stored_hash).await {
        Ok(matches) => matches,
        Err(busy) => {
            attempt.withdraw(&pools.write).await?;
            return Err(busy);
        }
    };
    match user {
        Some(user) if password_matches && user.password_hash.is_some() => {
            attempt.succeeded(&pools.write).await?;
            Ok(open_session(&pools.write, user, now).await?)
        }
        _ => Err(LogInError::WrongCredentials),
    }
}

/// The mark of a browser that signed in to an account: the account's address and the
/// time, signed with the instance's key (Ed25519). It names no one in the clear and
/// cannot be made for another address.
pub struct KnownDevices {
    key: SigningKey,
}

impl KnownDevices {
    pub fn from_secret(secret: [u8; 32]) -> Self {
        KnownDevices { key: SigningKey::from_bytes(&secret) }
    }

    /// A fresh mark for a browser that just signed in as `email`.
    pub fn mark(&self, email: &str, now: DateTime<Utc>) -> String {
        let issued = now.timestamp();
        let signature = self.key.sign(&Self::message(email, issued));
        format!("{issued}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
    }

    /// Whether `mark` was made here for `email` (as typed) and is not too old.
    pub fn recognises(&self, mark: &str, email: &str, now: DateTime<Utc>) -> bool {
        let Some((issued, signature)) = mark.split_once('.') else {
            return false;
        };
        let Ok(issued) = issued.parse::<i64>() else {
            return false;
        };
        let Some(signature) = URL_SAFE_NO_PAD
            .decode(signature)
            .ok()
            .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
            .map(|bytes| Signature::from_bytes(&bytes))
        else {
            return false;
        };
        let age = now.timestamp().saturating_sub(issued);
        (0..=KNOWN_DEVICE_LIFETIME.num_seconds()).contains(&age)
            && self.key.verifying_key().verify_strict(&Self::message(email, issued), &signature).is_ok()
    }

    fn message(email: &str, issued: i64) -> Vec<u8> {
        format!("treffpunkt known device\n{}\n{issued}", email.trim().to_lowercase()).into_bytes()
    }
}

/// Forgets failed log-ins older than the window (run by the maintenance task).
pub async fn clean_up(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<(), DbErr> {
    login_failure::Entity::delete_many().filter(login_failure::Column::At.lt(now - THROTTLE_WINDOW)).exec(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checking_in_a_reused_buffer_agrees_with_the_plain_check() {
        let password = crate::account::Password::parse("korrekt Pferd Batterie").expect("long enough");
        let hash = crate::account::hash_password(&password).expect("hashes");
        let mut memory = Vec::new();
        for _ in 0..2 {
            assert!(verify_reusing(&mut memory, "korrekt Pferd Batterie", &hash));
            assert!(!verify_reusing(&mut memory, "korrekt Pferd Batteri", &hash));
            assert!(!verify_reusing(&mut memory, "korrekt Pferd Batterie", decoy_hash()));
            assert!(!verify_reusing(&mut memory, "anything", "not a hash"));
        }
        assert!(crate::account::verify_password("korrekt Pferd Batterie", &hash));
    }

    #[test]
    fn tries_after_the_free_ones_wait_twice_as_long_each_up_to_a_minute() {
        let waits: Vec<i64> = (1..=11).map(|attempts| delay_after(attempts, 5).num_seconds()).collect();
        assert_eq!(waits, [0, 0, 0, 0, 0, 5, 10, 20, 40, 60, 60]);
        assert_eq!(delay_after(70, 5), MAX_DELAY, "no overflow");
        assert_eq!(delay_after(u64::MAX, 5), MAX_DELAY);
    }

    #[test]
    fn a_known_device_mark_holds_for_its_address_only_and_not_for_ever() {
        let devices = KnownDevices::from_secret([7; 32]);
        let now = Utc::now();
        let mark = devices.mark("Anna@Example.org", now);
        assert!(devices.recognises(&mark, " anna@example.org", now + Duration::days(1)));
        assert!(!devices.recognises(&mark, "bo@example.org", now), "another address");
        assert!(!devices.recognises(&mark, "anna@example.org", now + KNOWN_DEVICE_LIFETIME + Duration::days(1)));
        assert!(!devices.recognises(&mark, "anna@example.org", now - Duration::days(1)), "from the future");
        assert!(!KnownDevices::from_secret([8; 32]).recognises(&mark, "anna@example.org", now), "another key");
        let mut forged = mark.clone().into_bytes();
        let last = forged.len() - 2;
        forged[last] = if forged[last] == b'A' { b'B' } else { b'A' };
        assert!(!devices.recognises(&String::from_utf8(forged).unwrap_or_default(), "anna@example.org", now));
        for broken in ["", ".", "x.y", "1.", "-1.AAAA"] {
            assert!(!devices.recognises(broken, "anna@example.org", now));
        }
    }
}
