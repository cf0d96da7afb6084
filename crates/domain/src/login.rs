//! Signing in to the back office: the attempt is recorded before the password is looked
//! at, the throttle decides on what is recorded, and the password checks that run at
//! once are bounded. Counting failures before verifying and recording them after let
//! 200 concurrent wrong passwords for one account run 18 argon2 checks (limit 5), and
//! 300 concurrent log-ins drove memory from 395 MiB to 1.5 GiB (19 MiB per check).

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
};
use uuid::Uuid;

use crate::account::{NewSession, decoy_hash, open_session, verify_password};
use crate::entity::{login_failure, user_account};
use crate::ids::new_id;
use crate::store::Pools;

/// Failed log-ins counted over this window.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// Failures per account address in the window before log-in is refused for a while.
pub const MAX_FAILURES_PER_ACCOUNT: u64 = 5;
/// Failures per client address: one office behind one address may mistype a few times.
pub const MAX_FAILURES_PER_CLIENT: u64 = 30;
/// How long a log-in waits for a free password check before it is told to come back.
const WAIT_FOR_A_CHECK: StdDuration = StdDuration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum LogInError {
    #[error("wrong e-mail address or password")]
    WrongCredentials,
    #[error("too many failed attempts; try again later")]
    Throttled,
    #[error("every password check is busy; try again in a moment")]
    Busy,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// The argon2id checks running at once: each takes 19 MiB and tens of milliseconds of
/// a core, so more at once than there are cores only costs memory and time.
pub struct PasswordChecks {
    permits: tokio::sync::Semaphore,
    at_once: usize,
    performed: AtomicU64,
    running: AtomicUsize,
    most_at_once: AtomicUsize,
}

impl PasswordChecks {
    pub fn new(at_once: usize) -> Self {
        let at_once = at_once.max(1);
        PasswordChecks {
            permits: tokio::sync::Semaphore::new(at_once),
            at_once,
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

    /// Verifies off the async workers once a check is free; `Busy` after waiting
    /// [`WAIT_FOR_A_CHECK`].
    async fn verify(&self, password: &str, stored_hash: String) -> Result<bool, LogInError> {
        let Ok(Ok(_permit)) = tokio::time::timeout(WAIT_FOR_A_CHECK, self.permits.acquire()).await else {
            return Err(LogInError::Busy);
        };
        self.performed.fetch_add(1, Ordering::Relaxed);
        let running = self.running.fetch_add(1, Ordering::AcqRel) + 1;
        self.most_at_once.fetch_max(running, Ordering::Relaxed);
        let password = password.to_owned();
        let matches =
            tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash)).await.unwrap_or(false);
        self.running.fetch_sub(1, Ordering::AcqRel);
        Ok(matches)
    }
}

/// One log-in attempt, recorded before the password is checked, so that concurrent
/// attempts see each other: the k-th recorded attempt counts at least k.
struct Attempt {
    ids: Vec<Uuid>,
    account_subject: String,
}

impl Attempt {
    async fn record(db: &DatabaseConnection, email: &str, client: &str, now: DateTime<Utc>) -> Result<Self, DbErr> {
        let account_subject = format!("email:{email}");
        let ids = vec![new_id(), new_id()];
        let subjects = [account_subject.clone(), format!("ip:{client}")];
        let rows = ids.iter().zip(subjects).map(|(id, subject)| login_failure::ActiveModel {
            id: Set(*id),
            subject: Set(subject),
            at: Set(now),
        });
        login_failure::Entity::insert_many(rows).exec_without_returning(db).await?;
        Ok(Attempt { ids, account_subject })
    }

    /// Whether the attempts recorded so far, this one included, allow checking the password.
    async fn allowed(&self, db: &DatabaseConnection, client: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
        let since = now - THROTTLE_WINDOW;
        Ok(count_since(db, &self.account_subject, since).await? <= MAX_FAILURES_PER_ACCOUNT
            && count_since(db, &format!("ip:{client}"), since).await? <= MAX_FAILURES_PER_CLIENT)
    }

    /// The password was not checked (refused or busy): the attempt does not count.
    async fn withdraw(self, db: &DatabaseConnection) -> Result<(), DbErr> {
        login_failure::Entity::delete_many().filter(login_failure::Column::Id.is_in(self.ids)).exec(db).await?;
        Ok(())
    }

    /// The right password: this attempt is no failure (the client's count keeps only
    /// failures), and the account's failures are forgiven.
    async fn succeeded(self, db: &DatabaseConnection) -> Result<(), DbErr> {
        login_failure::Entity::delete_many()
            .filter(
                login_failure::Column::Id.is_in(self.ids).or(login_failure::Column::Subject.eq(self.account_subject)),
            )
            .exec(db)
            .await?;
        Ok(())
    }
}

async fn count_since(db: &DatabaseConnection, subject: &str, since: DateTime<Utc>) -> Result<u64, DbErr> {
    login_failure::Entity::find()
        .filter(login_failure::Column::Subject.eq(subject))
        .filter(login_failure::Column::At.gte(since))
        .count(db)
        .await
}

/// Checks the password and opens a session, unless the address or the client has
/// failed too often lately; then the password is not even looked at.
pub async fn log_in(
    pools: &Pools,
    checks: &PasswordChecks,
    email: &str,
    password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<NewSession, LogInError> {
    let email = email.trim().to_lowercase();
    let attempt = Attempt::record(&pools.write, &email, client, now).await?;
    if !attempt.allowed(&pools.read, client, now).await? {
        attempt.withdraw(&pools.write).await?;
        return Err(LogInError::Throttled);
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

/// Forgets failed log-ins older than the window (run by the maintenance task).
pub async fn clean_up(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<(), DbErr> {
    login_failure::Entity::delete_many().filter(login_failure::Column::At.lt(now - THROTTLE_WINDOW)).exec(db).await?;
    Ok(())
}
