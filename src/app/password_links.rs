//! Invitations and password resets for staff (issue 21): an administrator
//! invites a user by e-mail to set their own password, and a user who
//! forgot theirs asks for a reset link. Both are one-time links
//! ([`crate::staff::link`]) mailed through the SMTP transport when there
//! is one; without it an invitation's link is shown once to the
//! administrator instead, and resets cannot be mailed.
//!
//! # Security contract
//! - Links are stored only as keyed hashes, good once, for 72 hours
//!   ([`crate::staff::link`]); a new link replaces the account's earlier
//!   one.
//! - [`request_reset`] is run off the request path by the HTTP layer (the
//!   answer never waits for it), so whether the account exists changes
//!   neither the answer nor its timing. It logs nothing that names the
//!   address typed.
//! - [`set_password`] ends every session of the account and signs no one
//!   in: the user signs in afterwards with their new password and, if
//!   they have one, their second factor (a reset never bypasses it).
//! - The action log says `user.invite`, `user.password-reset` and
//!   `user.password-set` with the user name only, at the week: never an
//!   address, a token or a link.

use super::staff::{hash, record};
use super::{Actor, App, AppError};
use crate::mail::Failure;
use crate::staff::link::{self, Found, LinkToken, Purpose};
use crate::staff::password::{self, Password};
use crate::staff::{EmailAddress, NewInvitation, User, Username};
use time::Date;

/// The console page of a link: `…/console/password/set/<token>`.
pub const SET_PATH: &str = "/console/password/set";

/// How an invitation's link reached the new user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mailed {
    /// Handed to the mail server.
    Sent,
    /// No SMTP is configured: the console shows the link once.
    NoMail,
    /// Sending failed (its class only): the console shows the link once.
    Failed(Failure),
}

/// A user invited: the account, the link (for showing once when it was not
/// mailed) and how it went.
pub struct Invited {
    pub user: User,
    pub link: Link,
    pub mailed: Mailed,
}

/// A whole one-time link (the public address and the token). Never printed
/// by `Debug`.
pub struct Link(zeroize::Zeroizing<String>);

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Link(<hidden>)")
    }
}

impl Link {
    fn new(app: &App, token: &LinkToken) -> Self {
        Self(zeroize::Zeroizing::new(format!(
            "{}{SET_PATH}/{}",
            app.public_url(),
            token.expose()
        )))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A fresh link for `user` made now, stored on the account (replacing
/// any earlier one).
async fn new_link(app: &App, user: &User, purpose: Purpose) -> Result<Link, AppError> {
    let (token, stored) = link::generate(&app.link_key, purpose, app.sessions.unix_secs())
        .map_err(|_| AppError::Internal(anyhow::anyhow!("random generator failed")))?;
    app.store
        .set_password_link(&user.id, stored)
        .await
        .map_err(|e| match e {
            crate::store::StoreError::NotFound(_) => AppError::UserUnknown,
            e => e.into(),
        })?;
    Ok(Link::new(app, &token))
}

/// Invite a new user by e-mail: the account (with no password anyone
/// knows), a one-time link to set theirs, mailed when SMTP is configured.
/// Recorded as `user.invite`.
pub async fn invite(
    app: &App,
    actor: &Actor,
    invitation: NewInvitation,
    today: Date,
) -> Result<Invited, AppError> {
    let (username, email, role, organisation) = invitation.into_parts();
    // Until the link is used, the password is 125 random bits nobody was
    // told, hashed like any other (so signing in costs the same).
    let unknown = password::generate()
        .map_err(|_| AppError::Internal(anyhow::anyhow!("random generator failed")))?;
    let mut user = User::new(username, role, organisation, hash(app, unknown).await?)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("new user: {e}")))?;
    user.email = Some(email.clone());
    // The account and its link are written together.
    let (token, stored) =
        link::generate(&app.link_key, Purpose::Invitation, app.sessions.unix_secs())
            .map_err(|_| AppError::Internal(anyhow::anyhow!("random generator failed")))?;
    user.password_link = Some(stored);
    app.store
        .add_user(user.clone())
        .await
        .or_conflict_taken(&user)?;
    let subject = Some(format!("{} as {}", user.username, user.role.as_str()));
    record(app, actor, "user.invite", None, subject, today).await?;
    super::mail::new_administrator(app, &user).await;
    let link = Link::new(app, &token);
    let mailed = match app.mailer() {
        None => Mailed::NoMail,
        Some(mailer) => {
            let (subject, body) = invitation_message(app, &user, &link);
            match mailer.send(email.as_str(), &subject, &body).await {
                Ok(()) => Mailed::Sent,
                Err(failure) => {
                    tracing::warn!(?failure, "an invitation could not be mailed");
                    Mailed::Failed(failure)
                }
            }
        }
    };
    Ok(Invited { user, link, mailed })
}

trait TakenExt {
    fn or_conflict_taken(self, user: &User) -> Result<(), AppError>;
}

impl TakenExt for Result<(), crate::store::StoreError> {
    fn or_conflict_taken(self, user: &User) -> Result<(), AppError> {
        match self {
            Ok(()) => Ok(()),
            Err(crate::store::StoreError::Exists(_)) => {
                Err(AppError::UsernameTaken(user.username.to_string()))
            }
            Err(e) => Err(e.into()),
        }
    }
}

/// The invitation's subject and body: the user name, the role, the link.
/// Nothing about any round or critique.
pub fn invitation_message(app: &App, user: &User, link: &Link) -> (String, String) {
    let subject = "Your Parrhesia console account".to_owned();
    let body = format!(
        "Hello {name},\n\n\
         An administrator of the Parrhesia service at {site} has made you a console account \
         ({role}).\n\n\
         Your user name: {name}\n\n\
         Choose your password here. The link works once, for {hours} hours:\n\n\
         {link}\n\n\
         Then sign in at {site}/console/login\n\n\
         If you did not expect this message, ignore it: nothing happens until the link is used.\n",
        name = user.username,
        site = app.public_url(),
        role = user.role.label(),
        hours = link::LIFETIME_HOURS,
        link = link.expose(),
    );
    (subject, body)
}

/// The reset's subject and body.
pub fn reset_message(app: &App, user: &User, link: &Link) -> (String, String) {
    let subject = "Reset your Parrhesia console password".to_owned();
    let body = format!(
        "Hello {name},\n\n\
         Someone asked to reset the password of the console account {name} at {site}.\n\n\
         If it was you, choose a new password here. The link works once, for {hours} hours:\n\n\
         {link}\n\n\
         If you use two-step sign-in, you will still need a code from your app (or a recovery \
         code) when you sign in.\n\n\
         If it was not you, ignore this message: your password stays as it is.\n",
        name = user.username,
        site = app.public_url(),
        hours = link::LIFETIME_HOURS,
        link = link.expose(),
    );
    (subject, body)
}

/// The account a "forgot password" form names, by user name or e-mail
/// address (compared without regard to case), if any.
async fn account_named(app: &App, typed: &str) -> Result<Option<User>, AppError> {
    let typed = typed.to_owned();
    app.store
        .read(move |s| {
            if let Ok(name) = Username::parse(&typed) {
                if let Some(user) = s.user_by_name(name.as_str())? {
                    return Ok(Some(user));
                }
            }
            let Ok(address) = EmailAddress::parse(&typed) else {
                return Ok(None);
            };
            Ok(s.users()?.into_iter().find(|u| {
                u.email
                    .as_ref()
                    .is_some_and(|e| e.as_str().eq_ignore_ascii_case(address.as_str()))
            }))
        })
        .await
}

/// A "forgot password" request for `typed` (a user name or an e-mail
/// address): when SMTP is configured and an account with an address
/// matches, a fresh reset link is stored and mailed to that address, and
/// `user.password-reset` recorded (user name only). Otherwise nothing.
///
/// # Security contract
/// Run it off the request path (the HTTP layer spawns it after
/// answering): its work differs with whether the account exists. Errors
/// are logged without the address.
pub async fn request_reset(app: &App, typed: &str, today: Date) {
    let Some(mailer) = app.mailer() else {
        return;
    };
    let outcome =
        async {
            let Some(user) = account_named(app, typed).await? else {
                return Ok(());
            };
            let Some(email) = user.email.clone() else {
                return Ok(());
            };
            // A live invitation stands: anyone may type a user name here, and
            // a reset link must not replace the link already mailed to a new
            // user (they set their password from the invitation).
            if user.password_link.as_ref().is_some_and(|l| {
                l.purpose == Purpose::Invitation && l.live(app.sessions.unix_secs())
            }) {
                return Ok(());
            }
            let link = new_link(app, &user, Purpose::Reset).await?;
            let subject = Some(user.username.to_string());
            let actor = Actor::SignedOut;
            record(app, &actor, "user.password-reset", None, subject, today).await?;
            let (subject, body) = reset_message(app, &user, &link);
            if let Err(failure) = mailer.send(email.as_str(), &subject, &body).await {
                tracing::warn!(?failure, "a password reset could not be mailed");
            }
            Ok::<(), AppError>(())
        };
    if let Err(e) = outcome.await {
        tracing::error!(error = %e, "a password reset request failed");
    }
}

/// Why a link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// It was made, but its 72 hours are over.
    Expired,
    /// Used already, replaced by a newer one, or never made.
    Unusable,
}

/// The account and purpose of a live link, without using it (the page
/// that asks for the new password; a mail scanner fetching the link uses
/// nothing).
pub async fn check_link(app: &App, token: &str) -> Result<Result<Purpose, Refused>, AppError> {
    Ok(
        match link::find(
            &app.link_key,
            app.store.read(|s| s.users()).await?,
            token,
            app.sessions.unix_secs(),
        ) {
            Found::Live(_, purpose) => Ok(purpose),
            Found::Expired => Err(Refused::Expired),
            Found::Unknown => Err(Refused::Unusable),
        },
    )
}

/// Use the link `token` to set its account's password to `password`: the
/// link goes in the same transaction (so it works once, even when two
/// requests race), every session of the account ends, and
/// `user.password-set` is recorded. Signs no one in.
pub async fn set_password(
    app: &App,
    token: &str,
    password: Password,
    today: Date,
) -> Result<Result<User, Refused>, AppError> {
    let found = link::find(
        &app.link_key,
        app.store.read(|s| s.users()).await?,
        token,
        app.sessions.unix_secs(),
    );
    let (user, purpose) = match found {
        Found::Live(user, purpose) => (user, purpose),
        Found::Expired => return Ok(Err(Refused::Expired)),
        Found::Unknown => return Ok(Err(Refused::Unusable)),
    };
    let new_hash = hash(app, password).await?;
    let presented = link::hash(&app.link_key, token);
    match app
        .store
        .use_password_link(&user.id, &presented, new_hash)
        .await
    {
        Ok(()) => {}
        // Used by a racing request, replaced, or the account was removed.
        Err(crate::store::StoreError::Exists(_) | crate::store::StoreError::NotFound(_)) => {
            return Ok(Err(Refused::Unusable))
        }
        Err(e) => return Err(e.into()),
    }
    app.sessions.end_user(&user.id);
    let how = match purpose {
        Purpose::Invitation => "invitation",
        Purpose::Reset => "reset",
    };
    let subject = Some(format!("{} ({how})", user.username));
    let actor = Actor::Staff(user.username.clone());
    record(app, &actor, "user.password-set", None, subject, today).await?;
    Ok(Ok(*user))
}
