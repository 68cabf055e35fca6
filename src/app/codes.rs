//! Credentials handed out for a round: paper codes (printed on card
//! sheets), invitations (personal links), and the Privacy Pass tokens an
//! invitation is exchanged for (RFC 9578 §6).
//!
//! # Security contract
//! Codes and invitations are shown once, to whoever asked for them, and
//! the store keeps only their keyed hashes. Codes are independent uniform
//! random values, shuffled anyway so that no future change to their
//! generation can leak an order. Issuing a token spends one use of an
//! invitation only after the blind signature is made, atomically, and
//! nothing of the request (blinded message, nonce) is kept.

use super::error::Expect;
use super::round_keys;
use super::rounds::round;
use super::staff::record;
use super::{Actor, App, AppError};
use crate::domain::{InputError, Organisation, Round};
use crate::tokens::invitation::{MAX_INVITATIONS, MAX_TOKENS_PER_INVITATION};
use crate::tokens::issuer::{Directory, IssueError};
use crate::tokens::{Invitation, PaperCode};
use time::Date;

/// Most codes one request may make.
pub const MAX_CODES: u64 = 10_000;

/// Fresh paper codes for a round: shown once (on a card sheet or as
/// JSON), kept only as keyed hashes.
pub struct Codes {
    pub organisation: Organisation,
    pub round: Round,
    /// The language the cards are printed in (none: English, and the
    /// reader's browser decides the form's).
    pub language: Option<&'static str>,
    /// Where the cards send people (in `language`, `?lang=`).
    pub url: String,
    /// The codes as printed, shuffled.
    pub codes: Vec<String>,
}

/// Make `count` (1 to [`MAX_CODES`]) fresh codes for round `slug`, for
/// cards in `language` (a shipped language, or none), record their hashes
/// and open the round.
pub async fn issue_codes(
    app: &App,
    actor: &Actor,
    slug: &str,
    (count, language): (u64, Option<&'static str>),
    today: Date,
) -> Result<Codes, AppError> {
    let (organisation, round) = round(app, slug).await?;
    if !(1..=MAX_CODES).contains(&count) {
        return Err(InputError::CountInvalid.into());
    }
    let rng = ring::rand::SystemRandom::new();
    let fresh: Vec<PaperCode> = (0..count)
        .map(|_| PaperCode::generate(&rng))
        .collect::<Result<_, _>>()?;
    let hashes = fresh.iter().map(|c| app.codes.hash(c)).collect();
    let issued = app
        .store
        .issue_codes(round.slug.clone(), hashes)
        .await
        .or_missing(AppError::RoundUnknown)?;
    if issued != fresh.len() {
        // A code equal to one already issued (about 2^-55 each) was skipped.
        return Err(AppError::Internal(anyhow::anyhow!(
            "code collision; try again"
        )));
    }
    let mut codes: Vec<String> = fresh.iter().map(PaperCode::display).collect();
    crate::secrets::random::shuffle(&mut codes)?;
    let subject = Some(format!("{count} codes"));
    record(app, actor, "codes.issue", Some(&round), subject, today).await?;
    Ok(Codes {
        url: app.round_url_in(round.slug.as_str(), language),
        language,
        organisation,
        round,
        codes,
    })
}

/// Fresh invitations for a round, each with its personal link (the
/// invitation in the fragment, which browsers never send).
pub struct Invitations {
    pub round: Round,
    pub tokens_per_invitation: u32,
    /// The id (hex) of the round's key that signs their tokens today.
    pub token_key_id: String,
    /// (invitation, link), shown once.
    pub made: Vec<(String, String)>,
}

/// Make `count` (1 to 10000) invitations for round `slug`, each good for
/// `tokens` (1 to 100) tokens, their links opening the page in `language`
/// (`?lang=`; none: the reader's browser decides); record their keyed
/// hashes and open the round.
pub async fn issue_invitations(
    app: &App,
    actor: &Actor,
    slug: &str,
    (count, tokens, language): (u64, u32, Option<&'static str>),
    today: Date,
) -> Result<Invitations, AppError> {
    let (_, round) = round(app, slug).await?;
    let count = usize::try_from(count)
        .ok()
        .filter(|n| (1..=MAX_INVITATIONS).contains(n))
        .ok_or(InputError::CountInvalid)?;
    if !(1..=MAX_TOKENS_PER_INVITATION).contains(&tokens) {
        return Err(InputError::CountInvalid.into());
    }
    // The round's key is in the log before anyone holds an invitation.
    let token_key_id = round_keys::issuing_key_id(app, round.slug.as_str(), today).await?;
    let rng = ring::rand::SystemRandom::new();
    let fresh: Vec<Invitation> = (0..count)
        .map(|_| Invitation::generate(&rng))
        .collect::<Result<_, _>>()?;
    let hashes = fresh.iter().map(|i| app.invitations.hash(i)).collect();
    let made = app
        .store
        .create_invitations(round.slug.clone(), hashes, tokens)
        .await
        .or_missing(AppError::RoundUnknown)?;
    if made != fresh.len() {
        // Two equal 128-bit invitations: never in practice.
        return Err(AppError::Internal(anyhow::anyhow!(
            "invitation collision; try again"
        )));
    }
    let made = fresh
        .iter()
        .map(|i| {
            let invitation = i.display();
            let query = language.map(|l| format!("?lang={l}")).unwrap_or_default();
            let link = format!("{}/i/{}{query}#{invitation}", app.public_url(), round.slug);
            (invitation, link)
        })
        .collect();
    let subject = Some(format!("{count} invitations"));
    record(
        app,
        actor,
        "invitations.issue",
        Some(&round),
        subject,
        today,
    )
    .await?;
    Ok(Invitations {
        round,
        tokens_per_invitation: tokens,
        token_key_id,
        made,
    })
}

/// Path of the issuer request URI (published in the directory).
pub const TOKEN_REQUEST_PATH: &str = "/api/v1/token-request";

/// The issuer directory (RFC 9578 §4).
pub async fn directory(app: &App, today: Date) -> Result<Directory, AppError> {
    let uri = format!("{}{TOKEN_REQUEST_PATH}", app.public_url());
    Ok(app.privacy_pass()?.issuer.directory(today, uri))
}

/// Exchange one use of `invitation` for a blind signature of the token
/// request `body` (RFC 9578 §6.2, §6.3) under the key of the invitation's
/// round (a token verifies only in that round): the TokenResponse.
pub async fn issue_token(
    app: &App,
    invitation: &Invitation,
    body: &[u8],
    today: Date,
) -> Result<Vec<u8>, AppError> {
    let issuer = app.privacy_pass()?.issuer.clone();
    let hash = app.invitations.hash(invitation);
    // A cheap read first, so that guessed invitations cost no signing; it
    // also says which round's key signs.
    let round = match app.store.read(move |s| s.invitation(&hash)).await? {
        None => return Err(AppError::InvitationUnknown),
        Some((0, _)) => return Err(AppError::InvitationExhausted),
        Some((_, round)) => round,
    };
    round_keys::ensure(app, &round, today).await?;
    let request = match issuer.parse(body, &round, today) {
        // A key another instance has just logged: look again, once.
        Err(IssueError::KeyUnknown) if round_keys::learn_round(app, &round).await? => {
            issuer.parse(body, &round, today)
        }
        other => other,
    }
    .map_err(refused)?;
    // Blind signing takes about 2 ms of CPU: off the async workers.
    let response = tokio::task::spawn_blocking(move || issuer.sign(request))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("signing task failed: {e}")))?
        .map_err(refused)?;
    // Only now is the invitation spent, atomically: of many concurrent
    // requests on a one-token invitation exactly one gets here first, and
    // every other signature is thrown away unseen.
    app.store.consume_invitation(&hash).await?;
    Ok(response)
}

/// The client's mistakes are its own; ours (no key, a failed signature)
/// are internal.
fn refused(e: IssueError) -> AppError {
    match e {
        IssueError::NoKey | IssueError::Signing => AppError::Internal(anyhow::Error::new(e)),
        other => AppError::TokenRequestInvalid(other),
    }
}
