//! The people who run the service: accounts and roles, signing in and the
//! sessions that follow (in memory), the staff action log, backups and the
//! keys page.
//!
//! # Security contract
//! - [`sign_in`] costs the same Argon2id work for an unknown user name as
//!   for a wrong password, and answers both the same way.
//! - Every hash and check goes through the [`crate::staff::hashing`] gate,
//!   so Argon2id's memory stays bounded however many sign in at once.
//! - A session outlives neither its account ([`session`] ends it when the
//!   account is gone) nor a removal ([`remove_user`] ends them all).
//! - Administrators can neither change their own role nor remove their own
//!   account, so the console always keeps one.
//! - The action log says who did what to which round, at the round's
//!   period (a week without one), and never anything about a participant.
//! - A correct password for an account with a second factor starts no
//!   session ([`SignIn::SecondStep`]); [`second_step`] starts one only for
//!   a current one-time code whose step was not accepted before (RFC 6238
//!   §5.2) or an unused recovery code, spent by a compare-and-swap. The
//!   secret is sealed under the key directory's staff key; recovery codes
//!   are kept only as keyed hashes. Enrolling, turning it off and using a
//!   recovery code are security events in the action log, without any
//!   secret or code.
//! - Every code attempt (sign-in or turning it off) is counted for its
//!   account before it is checked; [`crate::staff::totp::CODE_FAILURES`]
//!   wrong ones in a row lock the account's code step
//!   ([`Code::Locked`]), and the lock's start is a
//!   `second-factor.failures` event. Enrolling and turning it off end the
//!   user's other sessions. A role change keeps the stored second factor
//!   (the store rewrites it in one transaction).

use super::error::Expect;
use super::{Actor, App, AppError};
use crate::domain::{Period, PeriodLength, Round, Slug};
use crate::staff::password::{self, Password};
use crate::staff::recovery::{self, RecoveryCode};
use crate::staff::session::Session;
use crate::staff::totp::{Secret, Totp};
use crate::staff::{Action, NewAccount, Role, SecondFactor, StaffError, User, Username};
use time::Date;

/// Append to the staff action log as `actor` (an [`Actor::Unnamed`] leaves
/// no entry): at `round`'s period, or the week, of `today`.
pub(super) async fn record(
    app: &App,
    actor: &Actor,
    action: &str,
    round: Option<&Round>,
    subject: Option<String>,
    today: Date,
) -> Result<(), AppError> {
    let Some(name) = actor.logged_as() else {
        return Ok(());
    };
    let length = round.map_or(PeriodLength::ONE_WEEK, |r| r.period);
    let entry = Action {
        period: Period::containing(today, length).id(),
        actor: name.to_owned(),
        action: action.to_owned(),
        round: round.map(|r| r.slug.to_string()),
        subject,
    };
    app.store.log_staff_action(entry).await?;
    Ok(())
}

/// The staff action log, oldest first.
pub async fn log(app: &App) -> Result<Vec<Action>, AppError> {
    Ok(app.store.read(|s| s.staff_actions()).await?)
}

/// Every account, by user name.
pub async fn users(app: &App) -> Result<Vec<User>, AppError> {
    let mut users = app.store.read(|s| s.users()).await?;
    users.sort_by(|a, b| a.username.as_str().cmp(b.username.as_str()));
    Ok(users)
}

/// The organisations an account may belong to (for [`crate::staff::NewInvitation::parse`]).
pub async fn organisation_slugs(app: &App) -> Result<Vec<Slug>, AppError> {
    Ok(app
        .store
        .read(|s| s.organisations())
        .await?
        .into_iter()
        .map(|o| o.slug)
        .collect())
}

/// Whether anyone has an account yet (before the first, the console
/// offers its set-up).
pub async fn has_users(app: &App) -> Result<bool, AppError> {
    Ok(app.store.read(|s| s.has_users()).await?)
}

/// Hash a password off the async workers, through the hashing gate
/// (Argon2id takes 19 MiB and tens of milliseconds of CPU).
pub(super) async fn hash(app: &App, password: Password) -> Result<String, AppError> {
    app.hashing
        .run(move |workspace| workspace.hash(&password))
        .await?
        .map_err(|_| AppError::Internal(anyhow::anyhow!("hashing failed")))
}

/// The subject of a log entry about an account.
fn described(user: &User) -> String {
    match &user.organisation {
        Some(o) => format!("{} as {} of {o}", user.username, user.role.as_str()),
        None => format!("{} as {}", user.username, user.role.as_str()),
    }
}

/// Add an account with a password typed or generated (the command line;
/// the console invites instead: [`super::password_links::invite`]).
pub async fn add_user(
    app: &App,
    actor: &Actor,
    account: NewAccount,
    today: Date,
) -> Result<User, AppError> {
    let (username, password, role, organisation) = account.into_parts();
    let user = User::new(username, role, organisation, hash(app, password).await?)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("new user: {e}")))?;
    app.store.add_user(user.clone()).await.or_conflict(
        AppError::Internal(anyhow::anyhow!("no store for users")),
        AppError::UsernameTaken(user.username.to_string()),
    )?;
    record(
        app,
        actor,
        "user.create",
        None,
        Some(described(&user)),
        today,
    )
    .await?;
    super::mail::new_administrator(app, &user).await;
    Ok(user)
}

/// The first administrator, while there are no accounts at all (the
/// caller has checked the admin token); the store refuses a second
/// "first" one. Recorded as their own action.
pub async fn first_administrator(
    app: &App,
    actor: &Actor,
    username: Username,
    password: Password,
    today: Date,
) -> Result<User, AppError> {
    let user = User::new(
        username,
        Role::Administrator,
        None,
        hash(app, password).await?,
    )
    .map_err(|e| AppError::Internal(anyhow::anyhow!("new user: {e}")))?;
    app.store
        .add_first_user(user.clone())
        .await
        .or_conflict(AppError::SetupClosed, AppError::SetupClosed)?;
    let subject = Some(user.username.to_string());
    record(app, actor, "user.first-administrator", None, subject, today).await?;
    Ok(user)
}

/// The account with this id.
pub async fn user(app: &App, id: &str) -> Result<User, AppError> {
    let id = id.to_owned();
    app.store
        .read(move |s| s.user(&id))
        .await?
        .ok_or(AppError::UserUnknown)
}

/// Give account `id` another role (and, for organisation users, their
/// organisation, which must exist). The new role applies from the user's
/// next request: sessions read the account each time.
pub async fn change_role(
    app: &App,
    by: &User,
    id: &str,
    (role, organisation): (Role, Option<&str>),
    today: Date,
) -> Result<User, AppError> {
    let mut user = user(app, id).await?;
    if user.id == by.id {
        return Err(AppError::OwnRole);
    }
    let organisation = match organisation.map(str::trim).filter(|o| !o.is_empty()) {
        None => None,
        Some(slug) => {
            let slug = slug.to_owned();
            Some(
                app.store
                    .read(move |s| s.organisation(&slug))
                    .await?
                    .ok_or(AppError::Account(vec![StaffError::OrganisationMissing]))?
                    .slug,
            )
        }
    };
    crate::staff::membership(role, organisation.as_ref())
        .map_err(|e| AppError::Account(vec![e]))?;
    user.role = role;
    user.organisation = organisation;
    app.store
        .update_user(user.clone())
        .await
        .or_missing(AppError::UserUnknown)?;
    let subject = Some(format!("{} as {}", user.username, role.as_str()));
    record(app, &actor(by), "user.role", None, subject, today).await?;
    super::mail::new_administrator(app, &user).await;
    Ok(user)
}

/// Remove account `id` and end its sessions.
pub async fn remove_user(app: &App, by: &User, id: &str, today: Date) -> Result<(), AppError> {
    let user = user(app, id).await?;
    if user.id == by.id {
        return Err(AppError::OwnAccount);
    }
    app.store
        .remove_user(&user.id)
        .await
        .or_missing(AppError::UserUnknown)?;
    app.sessions.end_user(&user.id);
    let subject = Some(user.username.to_string());
    record(app, &actor(by), "user.remove", None, subject, today).await
}

/// A console user as the log names them.
pub fn actor(user: &User) -> Actor {
    Actor::Staff(user.username.clone())
}

/// What a user name and password lead to.
pub enum SignIn {
    /// Right, and no second factor: a new session's id.
    Session(String),
    /// Right, and the account has a second factor: ask for it next (no
    /// session yet).
    SecondStep(Box<User>),
    /// Wrong, or no such user (the same answer).
    Failed,
}

/// Check a typed user name and password: a session if they match and the
/// account has no second factor, the second step if it has one. Uniform:
/// an unknown (or malformed) user name is checked against a dummy hash, so
/// it costs the same as a wrong password, and both get `Failed`.
pub async fn sign_in(app: &App, typed: &str, presented: String) -> Result<SignIn, AppError> {
    let user = match Username::parse(typed) {
        Ok(name) => {
            app.store
                .read(move |s| s.user_by_name(name.as_str()))
                .await?
        }
        Err(_) => None,
    };
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    // The dummy hash is made (once) inside the gate too: it is Argon2id work.
    let matched = app
        .hashing
        .run(move |workspace| match stored {
            Some(hash) => workspace.verify(&presented, &hash),
            None => workspace.verify(&presented, password::dummy_hash()),
        })
        .await?;
    match user {
        Some(user) if matched && user.second_factor.is_some() => {
            Ok(SignIn::SecondStep(Box::new(user)))
        }
        Some(user) if matched => start_session(app, &user).await.map(SignIn::Session),
        _ => Ok(SignIn::Failed),
    }
}

/// The one-time-code generator of an enrolled user (the secret opened with
/// the key directory's staff key).
fn totp_of(app: &App, user: &User, factor: &SecondFactor) -> Result<Totp, AppError> {
    let raw = app.store.open_second_factor(&user.id, &factor.secret)?;
    Ok(Totp::new(Secret::from_bytes(&raw)))
}

/// Whether `typed` looks like a one-time code (digits only, spaces
/// ignored) rather than a recovery code.
fn is_numeric_code(typed: &str) -> bool {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `typed` as a current one-time code of `totp` for `user_id`: accepted
/// for the current step or one either side (RFC 6238 §5.2, one step of
/// allowed delay), and only once per step: a step at or before the last
/// one accepted is a replay (§5.2: the verifier "MUST NOT accept the
/// second attempt of the same OTP").
fn current_code(app: &App, user_id: &str, totp: &Totp, typed: &str) -> bool {
    match totp.verify(typed, app.sessions.unix_secs()) {
        Some(step) => app.replay.accept(user_id, step),
        None => false,
    }
}

/// What a code at the second step (or on the form that turns it off)
/// led to.
#[derive(Debug, PartialEq, Eq)]
pub enum Code<T> {
    /// Right: a new session's id, or the factor removed.
    Right(T),
    /// Wrong (or no second step to take).
    Wrong,
    /// Too many wrong codes in a row: the account's code step is locked
    /// ([`crate::staff::totp::CodeFailures`]), nothing was checked.
    Locked,
}

/// Count a code attempt of `user` before checking it: `false` when the
/// account's code step is locked.
fn code_attempt(app: &App, user: &User) -> bool {
    use crate::staff::totp::Attempt;
    app.code_failures.attempt(&user.id, app.sessions.now_secs()) == Attempt::Check
}

/// After a counted attempt: reset the count if `right`, else count the
/// failure, and record a `second-factor.failures` security event (the
/// user name and the week only) when it starts a lock. What to answer.
async fn code_outcome<T>(
    app: &App,
    user: &User,
    right: Option<T>,
    today: Date,
) -> Result<Code<T>, AppError> {
    if let Some(t) = right {
        app.code_failures.succeeded(&user.id);
        return Ok(Code::Right(t));
    }
    if !app.code_failures.failed(&user.id, app.sessions.now_secs()) {
        return Ok(Code::Wrong);
    }
    let subject = Some(user.username.to_string());
    record(
        app,
        &actor(user),
        "second-factor.failures",
        None,
        subject,
        today,
    )
    .await?;
    Ok(Code::Locked)
}

/// The second step of signing in, for the user whose password was right:
/// a current one-time code, or an unused recovery code (spent here, by a
/// compare-and-swap on the account, so it works once even when two
/// sign-ins race, and recorded in the action log). A new session's id
/// when right; each attempt counts towards the account's lock (counted
/// before the code is checked).
pub async fn second_step(
    app: &App,
    user_id: &str,
    typed: &str,
    today: Date,
) -> Result<Code<String>, AppError> {
    let id = user_id.to_owned();
    let Some(user) = app.store.read(move |s| s.user(&id)).await? else {
        return Ok(Code::Wrong);
    };
    let Some(factor) = user.second_factor.clone() else {
        return Ok(Code::Wrong);
    };
    if !code_attempt(app, &user) {
        return Ok(Code::Locked);
    }
    let right = if is_numeric_code(typed) {
        let totp = totp_of(app, &user, &factor)?;
        current_code(app, &user.id, &totp, typed)
    } else {
        recovery_code(app, &user, factor, typed, today).await?
    };
    let session = match right {
        true => Some(start_session(app, &user).await?),
        false => None,
    };
    code_outcome(app, &user, session, today).await
}

/// Whether `typed` is an unused recovery code of `user`'s `factor`: then
/// spent (by a compare-and-swap) and recorded.
async fn recovery_code(
    app: &App,
    user: &User,
    factor: SecondFactor,
    typed: &str,
    today: Date,
) -> Result<bool, AppError> {
    let mut spent = factor.clone();
    if !spent.recovery.redeem(&app.recovery_key, &user.id, typed) {
        return Ok(false);
    }
    let left = spent.recovery.remaining();
    match app
        .store
        .swap_second_factor(&user.id, Some(factor), Some(spent))
        .await
    {
        Ok(()) => {}
        // Spent by a racing sign-in, or the factor was changed.
        Err(crate::store::StoreError::Exists(_) | crate::store::StoreError::NotFound(_)) => {
            return Ok(false)
        }
        Err(e) => return Err(e.into()),
    }
    let subject = Some(format!("{} ({left} left)", user.username));
    record(
        app,
        &actor(user),
        "second-factor.recovery-code-used",
        None,
        subject,
        today,
    )
    .await?;
    Ok(true)
}

/// What confirming an enrolment led to.
pub enum Enrolment {
    /// Enrolled: the recovery codes, to show once.
    Codes(Vec<RecoveryCode>),
    /// The code typed is not a current code of the new secret.
    WrongCode,
    /// The account has a second factor already (another tab).
    Already,
}

/// Enrol `user` with `secret` (shown to them as a QR code and as text)
/// once they type a current code of it, proving their app has it. The
/// secret is sealed under the key directory's staff key; ten recovery
/// codes are made and only their keyed hashes stored. Every other session
/// of the user ends (one started with a phished password before the
/// enrolment must not outlive it); session `keep`, the enrolling one, stays.
pub async fn enrol(
    app: &App,
    user: &User,
    keep: &str,
    secret: &Secret,
    typed: &str,
    today: Date,
) -> Result<Enrolment, AppError> {
    let totp = Totp::new(Secret::from_bytes(secret.expose()));
    let Some(step) = totp.verify(typed, app.sessions.unix_secs()) else {
        return Ok(Enrolment::WrongCode);
    };
    // The confirming code cannot sign in afterwards. A step the guard
    // refuses (just after a restart) is refused for sign-in too.
    app.replay.accept(&user.id, step);
    let sealed = app.store.seal_second_factor(&user.id, secret.expose())?;
    let (codes, hashes) = recovery::generate(&app.recovery_key, &user.id)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("random generator failed")))?;
    let factor = SecondFactor {
        secret: sealed,
        recovery: hashes,
    };
    if !swap_factor(app, user, None, Some(factor)).await? {
        return Ok(Enrolment::Already);
    }
    app.sessions.end_others(&user.id, keep);
    let subject = Some(user.username.to_string());
    record(
        app,
        &actor(user),
        "second-factor.enrol",
        None,
        subject,
        today,
    )
    .await?;
    Ok(Enrolment::Codes(codes))
}

/// Replace `user`'s stored second factor `from` with `to`; `false` when it
/// was no longer `from` (changed by a racing request).
async fn swap_factor(
    app: &App,
    user: &User,
    from: Option<SecondFactor>,
    to: Option<SecondFactor>,
) -> Result<bool, AppError> {
    match app.store.swap_second_factor(&user.id, from, to).await {
        Ok(()) => Ok(true),
        Err(crate::store::StoreError::Exists(_)) => Ok(false),
        Err(crate::store::StoreError::NotFound(_)) => Err(AppError::UserUnknown),
        Err(e) => Err(e.into()),
    }
}

/// Remove `user`'s second factor, if `typed` is a current one-time code
/// (used once, like a sign-in's, and counted towards the account's lock
/// like one). Every other session of the user ends; session `keep`, the
/// one turning it off, stays.
pub async fn disable_second_factor(
    app: &App,
    user: &User,
    keep: &str,
    typed: &str,
    today: Date,
) -> Result<Code<()>, AppError> {
    let Some(factor) = user.second_factor.clone() else {
        return Ok(Code::Wrong);
    };
    if !code_attempt(app, user) {
        return Ok(Code::Locked);
    }
    let totp = totp_of(app, user, &factor)?;
    if !is_numeric_code(typed) || !current_code(app, &user.id, &totp, typed) {
        return code_outcome(app, user, None, today).await;
    }
    if !swap_factor(app, user, Some(factor), None).await? {
        return Ok(Code::Wrong);
    }
    app.sessions.end_others(&user.id, keep);
    let subject = Some(user.username.to_string());
    record(
        app,
        &actor(user),
        "second-factor.disable",
        None,
        subject,
        today,
    )
    .await?;
    code_outcome(app, user, Some(()), today).await
}

/// Seconds on the staff sessions' clock (for the console's waiting
/// second steps and enrolments, in memory).
pub fn now_secs(app: &App) -> u64 {
    app.sessions.now_secs()
}

/// A new session for `user`: its id, for the cookie (kept only hashed).
pub async fn start_session(app: &App, user: &User) -> Result<String, AppError> {
    Ok(app.sessions.start(&user.id)?)
}

/// The live session `id` and its account. A session whose account was
/// removed ends here.
pub async fn session(app: &App, id: &str) -> Result<Option<(User, Session)>, AppError> {
    let Some(session) = app.sessions.get(id) else {
        return Ok(None);
    };
    let user_id = session.user_id.clone();
    match app.store.read(move |s| s.user(&user_id)).await? {
        Some(user) => Ok(Some((user, session))),
        None => {
            app.sessions.end(id);
            Ok(None)
        }
    }
}

/// End session `id` (signing out).
pub async fn sign_out(app: &App, id: &str) -> Result<(), AppError> {
    app.sessions.end(id);
    Ok(())
}

/// A consistent snapshot of the store (see [`crate::store::Store::backup`]):
/// never a key.
pub async fn backup(app: &App) -> Result<Vec<u8>, AppError> {
    let bytes = app.store.backup().await?;
    tracing::info!(bytes = bytes.len(), "backup taken");
    Ok(bytes)
}

/// What the keys page shows: ids and fingerprints, never a key.
pub struct Keys {
    pub master_ids: Vec<String>,
    pub master_current: String,
    /// Privacy Pass keys: (round, key id hex, first day it issues).
    pub token_keys: Vec<(String, String, String)>,
    pub log_key_fingerprint: String,
}

pub async fn keys(app: &App) -> Result<Keys, AppError> {
    let (master_ids, master_current) = app.master_keys.clone();
    Ok(Keys {
        master_ids,
        master_current,
        token_keys: app
            .privacy_pass()?
            .round_keys
            .ring
            .current()
            .public_list()
            .into_iter()
            .map(|k| (k.round, k.token_key_id, k.not_before))
            .collect(),
        log_key_fingerprint: crate::encoding::hex(&crate::crypto::sha256(
            app.store.log_public_key(),
        )),
    })
}
