//! Team accounts of the back office: passwords (argon2id), sessions kept in the
//! database, one-time account links (first administrator, invitations, password
//! resets); signing in and its throttle are in `login`.

use argon2::password_hash::SaltString;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    ExprTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

pub use crate::entity::account_link::{LinkPurpose, Model as AccountLink};
pub use crate::entity::user_account::{Model as User, Role};
use crate::entity::{account_link, user_account, user_event, user_session};
use crate::ids::{hash_token, new_id, secret_token};
use crate::language::Language;
use crate::person::{EmailAddress, InvalidInput, MAX_TEXT_CHARS, clean_text};
use crate::store::Pools;

/// Long enough to resist guessing with the throttle in place; no composition rules
/// (NIST SP 800-63B), a pass phrase is welcome.
pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 200;

/// A signed-in browser stays signed in for a working day and a bit.
pub const SESSION_LIFETIME: Duration = Duration::hours(12);

/// A password as typed, checked for length only.
pub struct Password(String);

impl Password {
    pub fn parse(raw: &str) -> Result<Password, InvalidInput> {
        let chars = raw.chars().count();
        if raw.is_empty() {
            Err(InvalidInput::Required)
        } else if chars < MIN_PASSWORD_CHARS {
            Err(InvalidInput::PasswordTooShort)
        } else if chars > MAX_PASSWORD_CHARS {
            Err(InvalidInput::TooLong)
        } else {
            Ok(Password(raw.to_owned()))
        }
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

/// argon2id with the crate's defaults (19 MiB, 2 passes: OWASP's recommendation).
pub fn hash_password(password: &Password) -> Result<String, DbErr> {
    let salt = SaltString::encode_b64(&crate::ids::random_bytes::<16>())
        .map_err(|err| DbErr::Custom(format!("password salt: {err}")))?;
    Argon2::default()
        .hash_password(password.0.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| DbErr::Custom(format!("password hash: {err}")))
}

pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// Hashing takes tens of milliseconds of CPU: off the async workers.
async fn hash_off_thread(password: Password) -> Result<String, DbErr> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|err| DbErr::Custom(format!("password hashing task: {err}")))?
}

/// A hash of a password nobody knows, verified when the address has no account, so that
/// the answer takes as long as for a real account and reveals nothing.
pub(crate) fn decoy_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$u1bJb8mmB0RV4WTSe0J9T2bUq3C3dxCNvzSc6q1u0nE"
}

/// A session: the cookie value (shown once) and the form token that goes with it.
#[derive(Clone, Debug)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub user: User,
}

pub(crate) async fn open_session<C: ConnectionTrait>(
    db: &C,
    user: User,
    now: DateTime<Utc>,
) -> Result<NewSession, DbErr> {
    let token = secret_token();
    let csrf_token = secret_token();
    user_session::Entity::insert(user_session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        user_id: Set(user.id),
        csrf_token: Set(csrf_token.clone()),
        created_at: Set(now),
        expires_at: Set(now + SESSION_LIFETIME),
    })
    .exec_without_returning(db)
    .await?;
    Ok(NewSession { token, csrf_token, user })
}

/// The signed-in user behind a session cookie and the session's form token.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub user: User,
    pub csrf_token: String,
    /// The events an organiser or door staff member is assigned to (all when `all_events`).
    pub event_ids: Vec<Uuid>,
}

impl SignedIn {
    pub fn may_see_event(&self, event_id: Uuid) -> bool {
        self.user.role == Role::Administrator || self.user.all_events || self.event_ids.contains(&event_id)
    }
}

pub async fn session_user(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> Result<Option<SignedIn>, DbErr> {
    let Some(session) = user_session::Entity::find_by_id(hash_token(token))
        .filter(user_session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(user) = user_account::Entity::find_by_id(session.user_id)
        .filter(user_account::Column::DisabledAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let event_ids = user_event::Entity::find()
        .filter(user_event::Column::UserId.eq(user.id))
        .all(db)
        .await?
        .into_iter()
        .map(|assignment| assignment.event_id)
        .collect();
    Ok(Some(SignedIn { user, csrf_token: session.csrf_token, event_ids }))
}

pub async fn log_out(db: &DatabaseConnection, token: &str) -> Result<(), DbErr> {
    user_session::Entity::delete_by_id(hash_token(token)).exec(db).await?;
    Ok(())
}

/// Forgets expired sessions and old failed log-ins (run by the maintenance task).
pub async fn clean_up(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<(), DbErr> {
    user_session::Entity::delete_many().filter(user_session::Column::ExpiresAt.lte(now)).exec(db).await?;
    crate::login::clean_up(db, now).await
}

pub async fn administrator_exists<C: ConnectionTrait>(db: &C) -> Result<bool, DbErr> {
    Ok(user_account::Entity::find()
        .filter(user_account::Column::Role.eq(Role::Administrator))
        .filter(user_account::Column::DisabledAt.is_null())
        .count(db)
        .await?
        > 0)
}

/// How long each kind of link stays valid.
fn link_lifetime(purpose: LinkPurpose) -> Duration {
    match purpose {
        LinkPurpose::Setup => Duration::hours(24),
        LinkPurpose::Invite => Duration::days(7),
        LinkPurpose::PasswordReset => Duration::hours(1),
    }
}

/// The set-up link for the first administrator, while there is none. Each start prints
/// a new one; older ones stay valid until they expire or one is used.
pub async fn setup_link(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Option<String>, DbErr> {
    if administrator_exists(db).await? {
        return Ok(None);
    }
    let token = secret_token();
    insert_link(db, &token, LinkPurpose::Setup, "", Some(Role::Administrator), None, None, Language::De, now, false)
        .await?;
    Ok(Some(token))
}

/// Invites a team member by e-mail: the link goes out through the mail worker.
pub async fn invite(
    db: &DatabaseConnection,
    email: &EmailAddress,
    role: Role,
    invited_by: Uuid,
    language: Language,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let token = secret_token();
    let email = email.as_str().to_lowercase();
    insert_link(db, &token, LinkPurpose::Invite, &email, Some(role), None, Some(invited_by), language, now, true).await
}

/// An invitation handed over directly (the command line prints it), not by e-mail.
pub async fn invite_now(
    db: &DatabaseConnection,
    email: &EmailAddress,
    role: Role,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let token = secret_token();
    let email = email.as_str().to_lowercase();
    insert_link(db, &token, LinkPurpose::Invite, &email, Some(role), None, None, Language::De, now, false).await?;
    Ok(token)
}

/// Queues a password-reset mail when the address belongs to an active account; says
/// nothing either way (the page answers the same), so addresses cannot be probed.
pub async fn request_password_reset(
    db: &DatabaseConnection,
    email: &EmailAddress,
    language: Language,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let email = email.as_str().to_lowercase();
    let Some(user) = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email.as_str()))
        .filter(user_account::Column::DisabledAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let token = secret_token();
    insert_link(db, &token, LinkPurpose::PasswordReset, &email, None, Some(user.id), None, language, now, true).await
}

#[allow(clippy::too_many_arguments)]
async fn insert_link(
    db: &DatabaseConnection,
    token: &str,
    purpose: LinkPurpose,
    email: &str,
    role: Option<Role>,
    user_id: Option<Uuid>,
    created_by: Option<Uuid>,
    language: Language,
    now: DateTime<Utc>,
    by_mail: bool,
) -> Result<(), DbErr> {
    account_link::Entity::insert(account_link::ActiveModel {
        token_hash: Set(hash_token(token)),
        purpose: Set(purpose),
        email: Set(email.to_owned()),
        role: Set(role),
        user_id: Set(user_id),
        created_by: Set(created_by),
        created_at: Set(now),
        expires_at: Set(now + link_lifetime(purpose)),
        used_at: Set(None),
        mail_token: Set(by_mail.then(|| token.to_owned())),
        mail_language: Set(language.code().to_owned()),
        mail_claimed_until: Set(None),
        mail_sent_at: Set(if by_mail { None } else { Some(now) }),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// A valid, unused link, for showing its form.
pub async fn open_link(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> Result<Option<AccountLink>, DbErr> {
    account_link::Entity::find_by_id(hash_token(token))
        .filter(account_link::Column::UsedAt.is_null())
        .filter(account_link::Column::ExpiresAt.gt(now))
        .one(db)
        .await
}

/// What the link form submits. The name and address are asked only where the link
/// does not know them (the first administrator; invitations ask for the name).
pub struct LinkAnswer {
    pub name: Option<String>,
    pub email: Option<EmailAddress>,
    pub password: Password,
}

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("the link is unknown, used or expired")]
    Invalid,
    #[error("an account with this e-mail address exists")]
    EmailTaken,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Uses a link once: creates the account (set-up, invitation) or sets the new password
/// (reset), and signs the person in. Every other session of a reset account ends.
pub async fn use_link(
    pools: &Pools,
    token: &str,
    answer: LinkAnswer,
    now: DateTime<Utc>,
) -> Result<NewSession, LinkError> {
    let password_hash = hash_off_thread(answer.password).await?;
    let txn = crate::store::begin_write(&pools.write).await?;
    let claimed = account_link::Entity::update_many()
        .col_expr(account_link::Column::UsedAt, Expr::value(now))
        .col_expr(account_link::Column::MailToken, Expr::value(Option::<String>::None))
        .filter(account_link::Column::TokenHash.eq(hash_token(token)))
        .filter(account_link::Column::UsedAt.is_null())
        .filter(account_link::Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(LinkError::Invalid);
    }
    let link = account_link::Entity::find_by_id(hash_token(token)).one(&txn).await?.ok_or(LinkError::Invalid)?;
    let user = match link.purpose {
        LinkPurpose::PasswordReset => {
            let user_id = link.user_id.ok_or(LinkError::Invalid)?;
            let user = user_account::Entity::find_by_id(user_id).one(&txn).await?.ok_or(LinkError::Invalid)?;
            let mut active: user_account::ActiveModel = user.into();
            active.password_hash = Set(Some(password_hash));
            let user = active.update(&txn).await?;
            user_session::Entity::delete_many().filter(user_session::Column::UserId.eq(user.id)).exec(&txn).await?;
            user
        }
        LinkPurpose::Setup | LinkPurpose::Invite => {
            if link.purpose == LinkPurpose::Setup && administrator_exists(&txn).await? {
                return Err(LinkError::Invalid);
            }
            let email = match (&answer.email, link.email.is_empty()) {
                (Some(email), true) => email.as_str().to_lowercase(),
                _ => link.email.clone(),
            };
            if email.is_empty() {
                return Err(LinkError::Invalid);
            }
            let name = answer.name.clone().unwrap_or_default();
            let user = User {
                id: new_id(),
                email,
                name,
                password_hash: Some(password_hash),
                role: link.role.unwrap_or(Role::DoorStaff),
                all_events: link.purpose == LinkPurpose::Setup,
                created_at: now,
                disabled_at: None,
            };
            let inserted = user_account::Entity::insert(user_account::ActiveModel::from(user.clone()))
                .on_conflict(OnConflict::column(user_account::Column::Email).do_nothing().to_owned())
                .exec_without_returning(&txn)
                .await?;
            if inserted != 1 {
                return Err(LinkError::EmailTaken);
            }
            user
        }
    };
    let session = open_session(&txn, user, now).await?;
    txn.commit().await?;
    Ok(session)
}

/// Creates an account directly (the `treffpunkt admin create` command).
pub async fn create_user(
    db: &DatabaseConnection,
    email: &EmailAddress,
    name: &str,
    password: Password,
    role: Role,
    now: DateTime<Utc>,
) -> Result<User, LinkError> {
    let name = clean_text(name, MAX_TEXT_CHARS).map_err(|_| LinkError::Invalid)?;
    let user = User {
        id: new_id(),
        email: email.as_str().to_lowercase(),
        name,
        password_hash: Some(hash_off_thread(password).await?),
        role,
        all_events: true,
        created_at: now,
        disabled_at: None,
    };
    let inserted = user_account::Entity::insert(user_account::ActiveModel::from(user.clone()))
        .on_conflict(OnConflict::column(user_account::Column::Email).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    if inserted != 1 {
        return Err(LinkError::EmailTaken);
    }
    Ok(user)
}

pub async fn team(db: &DatabaseConnection) -> Result<Vec<User>, DbErr> {
    user_account::Entity::find().order_by_asc(user_account::Column::Name).all(db).await
}

pub async fn by_id(db: &DatabaseConnection, id: Uuid) -> Result<Option<User>, DbErr> {
    user_account::Entity::find_by_id(id).one(db).await
}

pub async fn pending_invitations(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Vec<AccountLink>, DbErr> {
    account_link::Entity::find()
        .filter(account_link::Column::Purpose.eq(LinkPurpose::Invite))
        .filter(account_link::Column::UsedAt.is_null())
        .filter(account_link::Column::ExpiresAt.gt(now))
        .order_by_asc(account_link::Column::CreatedAt)
        .all(db)
        .await
}

/// Changes what a team member may do and which events they see; ends their sessions
/// when they are disabled.
pub async fn set_access(
    db: &DatabaseConnection,
    user_id: Uuid,
    role: Role,
    all_events: bool,
    event_ids: &[Uuid],
    disabled: bool,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let Some(user) = user_account::Entity::find_by_id(user_id).one(&txn).await? else {
        return Ok(());
    };
    let mut active: user_account::ActiveModel = user.clone().into();
    active.role = Set(role);
    active.all_events = Set(all_events);
    active.disabled_at = Set(if disabled { user.disabled_at.or(Some(now)) } else { None });
    active.update(&txn).await?;
    user_event::Entity::delete_many().filter(user_event::Column::UserId.eq(user_id)).exec(&txn).await?;
    if !event_ids.is_empty() {
        user_event::Entity::insert_many(
            event_ids
                .iter()
                .map(|event_id| user_event::ActiveModel { user_id: Set(user_id), event_id: Set(*event_id) }),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    if disabled {
        user_session::Entity::delete_many().filter(user_session::Column::UserId.eq(user_id)).exec(&txn).await?;
    }
    txn.commit().await
}

/// Adds one event to a team member's events (an organiser limited to some events who
/// creates or duplicates one must be able to open it); nothing if it is there already.
pub async fn assign_event(db: &DatabaseConnection, user_id: Uuid, event_id: Uuid) -> Result<(), DbErr> {
    user_event::Entity::insert(user_event::ActiveModel { user_id: Set(user_id), event_id: Set(event_id) })
        .on_conflict_do_nothing_on([user_event::Column::UserId, user_event::Column::EventId])
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn assigned_events(db: &DatabaseConnection, user_id: Uuid) -> Result<Vec<Uuid>, DbErr> {
    Ok(user_event::Entity::find()
        .filter(user_event::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|assignment| assignment.event_id)
        .collect())
}

/// An account-link e-mail ready to send: the worker claims it like an outbox message.
pub struct LinkMail {
    pub token_hash: String,
    pub token: String,
    pub purpose: LinkPurpose,
    pub email: String,
    pub language: Language,
}

/// Claims the oldest unsent account-link e-mail (invitation, password reset).
pub async fn claim_link_mail(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<Option<LinkMail>, DbErr> {
    let Some(candidate) = account_link::Entity::find()
        .filter(account_link::Column::MailSentAt.is_null())
        .filter(account_link::Column::MailToken.is_not_null())
        .filter(
            Expr::col(account_link::Column::MailClaimedUntil)
                .is_null()
                .or(Expr::col(account_link::Column::MailClaimedUntil).lt(now)),
        )
        .order_by_asc(account_link::Column::CreatedAt)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let claimed = account_link::Entity::update_many()
        .col_expr(account_link::Column::MailClaimedUntil, Expr::value(now + crate::outbox::CLAIM))
        .filter(account_link::Column::TokenHash.eq(candidate.token_hash.as_str()))
        .filter(account_link::Column::MailSentAt.is_null())
        .filter(
            Expr::col(account_link::Column::MailClaimedUntil)
                .is_null()
                .or(Expr::col(account_link::Column::MailClaimedUntil).lt(now)),
        )
        .exec(db)
        .await?;
    let Some(token) = candidate.mail_token.filter(|_| claimed.rows_affected == 1) else {
        return Ok(None);
    };
    Ok(Some(LinkMail {
        token_hash: candidate.token_hash,
        token,
        purpose: candidate.purpose,
        email: candidate.email,
        language: Language::parse(&candidate.mail_language).unwrap_or(Language::De),
    }))
}

/// The mail is out: the secret is no longer kept.
pub async fn link_mail_sent(db: &DatabaseConnection, token_hash: &str, now: DateTime<Utc>) -> Result<(), DbErr> {
    account_link::Entity::update_many()
        .col_expr(account_link::Column::MailSentAt, Expr::value(now))
        .col_expr(account_link::Column::MailToken, Expr::value(Option::<String>::None))
        .filter(account_link::Column::TokenHash.eq(token_hash))
        .exec(db)
        .await?;
    Ok(())
}

/// Sending failed: another try after the claim runs out.
pub async fn link_mail_failed(db: &DatabaseConnection, token_hash: &str, retry_at: DateTime<Utc>) -> Result<(), DbErr> {
    account_link::Entity::update_many()
        .col_expr(account_link::Column::MailClaimedUntil, Expr::value(retry_at))
        .filter(account_link::Column::TokenHash.eq(token_hash))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let password = Password::parse("korrekt Pferd Batterie").expect("long enough");
        let hash = hash_password(&password).expect("hashes");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("korrekt Pferd Batterie", &hash));
        assert!(!verify_password("korrekt Pferd Batteri", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn the_decoy_hash_parses_and_matches_nothing_typed() {
        assert!(PasswordHash::new(decoy_hash()).is_ok());
        assert!(!verify_password("", decoy_hash()));
        assert!(!verify_password("password123", decoy_hash()));
    }

    #[test]
    fn short_and_empty_passwords_are_refused() {
        assert_eq!(Password::parse("").err(), Some(InvalidInput::Required));
        assert_eq!(Password::parse("kurz").err(), Some(InvalidInput::PasswordTooShort));
        assert_eq!(Password::parse(&"x".repeat(201)).err(), Some(InvalidInput::TooLong));
        assert!(Password::parse("zehn Zeich").is_ok());
    }
}
