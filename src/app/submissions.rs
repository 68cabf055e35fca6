//! What participants send: a critique with its credential (a paper code
//! or a Privacy Pass token), checked and stored in one step; the themes
//! the "check your answers" step suggests; the optional "about you"
//! answers.
//!
//! # Security contract
//! [`submit`] takes a [`Redemption`], which only the token module makes,
//! and a [`Submission`], which only its parser makes: the store spends the
//! one and keeps the other in one transaction, or neither. Nothing about
//! the request (address, time finer than the period, which credential
//! opened which page) reaches here.

use super::error::Expect;
use super::{round_keys, App, AppError};
use crate::domain::{AboutYou, Receipt, Round, Submission, Theme, MAX_THEMES};
use crate::store::StoreError;
use crate::tokens::redeemer::RedeemError;
use crate::tokens::{PaperCode, Redemption};
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

/// Spend `redemption` and store `submission` in its round's open period
/// as of `today`, durably: `Ok` means "received".
pub async fn submit(
    app: &App,
    redemption: Redemption,
    submission: Submission,
    today: Date,
) -> Result<Receipt, AppError> {
    let round = submission.round().clone();
    match app.store.submit(redemption, submission, today).await {
        // Another instance, or a restored key file, still held a key the
        // store has tombstoned: the token is refused like any unknown one.
        Err(StoreError::TokenKeyRetired) => {
            let (_, round) = super::rounds::round(app, round.as_str()).await?;
            Err(token_rejected(app, &round, today, RedeemError::KeyUnknown).await)
        }
        other => other.or_missing(AppError::RoundUnknown),
    }
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

/// Store one person's "about you" answers for `round` (batched and
/// shuffled by the writer, under fresh random ids).
pub async fn about_you(
    app: &App,
    round: &Round,
    answers: AboutYou,
    today: Date,
) -> Result<(), AppError> {
    app.store
        .about_you(round, answers, today)
        .await
        .or_missing(AppError::RoundUnknown)
}
