//! What participants send: a critique with its credential (a paper code
//! or a Privacy Pass token), checked and stored in one step; the themes
//! the "check your answers" step suggests; the optional "about you"
//! answers, with the one-time code the critique's receipt carries.
//!
//! # Security contract
//! [`submit`] takes a [`Redemption`], which only the token module makes,
//! and an [`AnsweredSubmission`], which only its parser makes: the store spends the
//! one and keeps the other in one transaction, or neither. Nothing about
//! the request (address, time finer than the period, which credential
//! opened which page) reaches here.
//!
//! Each accepted critique gets one fresh random [`AboutYouCode`]; only its
//! keyed hash (bound to the round and the open period) is stored, as a
//! record of its own in the critique's transaction ([`Store::submit_with`]).
//! [`about_you`] spends it in the transaction that counts the answers, so
//! answers without a code, with a forged one, a spent one or one of a
//! closed period store nothing, and a period never counts more
//! respondents than critiques.
//!
//! [`Store::submit_with`]: crate::store::Store::submit_with

use super::error::Expect;
use super::{round_keys, App, AppError};
use crate::domain::{AboutYou, AnsweredSubmission, Receipt, Round, Theme, MAX_THEMES};
use crate::store::{Store, StoreError};
use crate::tokens::redeemer::RedeemError;
use crate::tokens::{AboutYouCode, PaperCode, Redemption};
use time::Date;

/// A paper code as a credential (hashed under the code key: the code
/// itself goes no further).
pub async fn redeem_code(app: &App, code: &PaperCode) -> Result<Redemption, AppError> {
    Ok(app.codes.redeem(code))
}

/// The Privacy Pass token presented in `authorization` (an
/// `Authorization: PrivateToken …` value) for `round`, verified under the
/// round's keys; a token that does not verify is refused with a fresh
/// challenge.
pub async fn redeem_token(
    app: &App,
    authorization: &str,
    round: &Round,
    today: Date,
) -> Result<Redemption, AppError> {
    let redeemer = &app.privacy_pass()?.redeemer;
    let slug = round.slug.as_str();
    let verified = match redeemer.redeem(authorization, slug, today) {
        // A key another instance has just logged: look again, once.
        Err(RedeemError::KeyUnknown) if learns_key(app, authorization, slug).await? => {
            redeemer.redeem(authorization, slug, today)
        }
        other => other,
    };
    match verified {
        Ok(token) => Ok(Redemption::PrivacyPass(token)),
        Err(why) => Err(token_rejected(app, round, today, why).await),
    }
}

/// Whether the key the token names is `round`'s and was just learnt from
/// the store.
async fn learns_key(app: &App, authorization: &str, round: &str) -> Result<bool, AppError> {
    match crate::tokens::redeemer::token_key_id(authorization) {
        Some(id) => round_keys::learn_key(app, round, &id).await,
        None => Ok(false),
    }
}

/// A token that cannot be used in `round`, refused with a fresh challenge.
async fn token_rejected(app: &App, round: &Round, today: Date, why: RedeemError) -> AppError {
    match challenge(app, round, today).await {
        Ok(challenge) => AppError::TokenRejected { challenge, why },
        Err(e) => e,
    }
}

/// No credential at all: ask for a token for `round` (RFC 9577 §2.1).
pub async fn token_required(app: &App, round: &Round, today: Date) -> AppError {
    match challenge(app, round, today).await {
        Ok(challenge) => AppError::TokenRequired { challenge },
        Err(e) => e,
    }
}

/// The `WWW-Authenticate` challenge for a token for `round`, with its key,
/// which is made and logged first if the round has none yet.
async fn challenge(app: &App, round: &Round, today: Date) -> Result<String, AppError> {
    round_keys::ensure(app, round.slug.as_str(), today).await?;
    app.privacy_pass()?
        .redeemer
        .www_authenticate(round.slug.as_str(), today)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the round has no token key")))
}

/// What an accepted critique gives back: its receipt, and the one-time
/// code for "about you".
#[derive(Debug, Clone)]
pub struct Accepted {
    pub receipt: Receipt,
    pub about_you: AboutYouCode,
}

/// Spend `redemption` and store `submission` in its round's open period
/// as of `today`, durably, with a fresh "about you" code for that period:
/// `Ok` means "received".
pub async fn submit(
    app: &App,
    redemption: Redemption,
    submission: AnsweredSubmission,
    today: Date,
) -> Result<Accepted, AppError> {
    let round = submission.round().clone();
    let (_, found) = super::rounds::round(app, round.as_str()).await?;
    // Should the period be sealed before the store's transaction reads it,
    // the critique goes to the next and this code is simply never valid.
    let period = open_period_id(app, &found, today).await?;
    let about_you = AboutYouCode::generate(&ring::rand::SystemRandom::new())
        .map_err(|_| AppError::Internal(anyhow::anyhow!("random generator failed")))?;
    let name = app.codes.about_you(&about_you, round.as_str(), &period);
    let also = vec![Store::about_you_code(name)];
    match app
        .store
        .submit_with(redemption, submission, today, also)
        .await
        .map(|receipt| Accepted { receipt, about_you })
    {
        // Another instance, or a restored key file, still held a key the
        // store has tombstoned: the token is refused like any unknown one.
        Err(StoreError::TokenKeyRetired) => {
            let (_, round) = super::rounds::round(app, round.as_str()).await?;
            Err(token_rejected(app, &round, today, RedeemError::KeyUnknown).await)
        }
        other => other.or_missing(AppError::RoundUnknown),
    }
}

/// The id of `round`'s open period today, as the store files critiques.
async fn open_period_id(app: &App, round: &Round, today: Date) -> Result<String, AppError> {
    let round = round.clone();
    Ok(app
        .store
        .read(move |s| s.open_period(&round, today))
        .await?
        .id())
}

/// Themes of `round` that the lexicon finds in `text` and the person did
/// not choose, best first, offered unticked: only as many as still fit
/// under the limit of themes, so that ticking every one is never refused.
pub async fn suggested_themes<'r>(
    round: &'r Round,
    text: &str,
    chosen: &[String],
) -> Vec<&'r Theme> {
    crate::digest::tagging::suggest(text)
        .iter()
        .filter(|s| !chosen.contains(&s.theme))
        .filter_map(|s| round.themes.iter().find(|t| t.slug().as_str() == s.theme))
        .take(MAX_THEMES.saturating_sub(chosen.len()))
        .collect()
}

/// Count one person's "about you" answers for `round`, spending `code`:
/// refused whole ([`AppError::AboutYouCodeRefused`]) unless it was given
/// for a critique of the round's open period and is unspent.
pub async fn about_you(
    app: &App,
    round: &Round,
    code: &AboutYouCode,
    answers: AboutYou,
    today: Date,
) -> Result<(), AppError> {
    let period = open_period_id(app, round, today).await?;
    let name = app.codes.about_you(code, round.slug.as_str(), &period);
    match app
        .store
        .about_you(round, &period, name, &answers, today)
        .await
    {
        Err(StoreError::NotFound("record" | "period")) => Err(AppError::AboutYouCodeRefused),
        other => other.or_missing(AppError::RoundUnknown),
    }
}
