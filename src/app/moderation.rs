//! Quote moderation: critiques whose writers said "you may quote me" are
//! queued once a period is published, and a moderator approves, edits or
//! rejects each.
//!
//! # Security contract
//! A quote is queued only if its writer ticked "you may quote me" and at
//! least one of its themes is SHOWN in a published period
//! ([`crate::digest::voices::release_of`]). The moderator never receives
//! the raw text, only the text after [`crate::digest::scrub::scrub`]; an
//! approved quote keeps that (or the moderator's edit, scrubbed again). A
//! quote's id is random and says nothing about the critique, its order or
//! its token.

use super::staff::record;
use super::voices::answer_text;
use super::{Actor, App, AppError};
use crate::digest::voices::{self, Highlight, RejectReason, Release};
use crate::domain::{Candidate, QuoteRecord, QuoteState, Round, Slug};
use crate::store::StoreError;
use time::Date;

/// A quote waiting for a decision, as any moderator sees it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pending {
    pub id: String,
    pub round: String,
    pub period: String,
    pub themes: Vec<String>,
    /// The critique's text after scrubbing.
    pub text: String,
    /// Where each placeholder is in `text` (byte ranges).
    pub removals: Vec<Highlight>,
}

/// Queue every newly eligible critique (a write only when there is one).
async fn materialise(app: &App) -> Result<(), AppError> {
    let candidates = app
        .store
        .read(|s| {
            let mut out = Vec::new();
            for round in s.rounds()? {
                let digests = s.sealed_digests(&round.slug)?;
                for release in digests.iter().filter_map(voices::release_of) {
                    out.push((round.slug.clone(), s.quote_candidates(&round, &release)?));
                }
            }
            Ok::<_, StoreError>(out)
        })
        .await?;
    let mut fresh = Vec::new();
    for (round, found) in candidates {
        fresh.extend(records_of(&round, found, usize::MAX)?);
    }
    if !fresh.is_empty() {
        app.store.add_quotes(fresh).await?;
    }
    Ok(())
}

/// Up to `most` quotes newly eligible in `release` of `round`, pending,
/// under fresh random ids (not stored yet).
async fn queued(
    app: &App,
    round: &Round,
    release: &Release,
    most: usize,
) -> Result<Vec<QuoteRecord>, AppError> {
    let slug = round.slug.clone();
    let (round, release) = (round.clone(), release.clone());
    let found = app
        .store
        .read(move |s| s.quote_candidates(&round, &release))
        .await?;
    records_of(&slug, found, most)
}

/// Pending quotes of up to `most` of `found`, candidates of `round`.
fn records_of(
    round: &Slug,
    found: Vec<Candidate>,
    most: usize,
) -> Result<Vec<QuoteRecord>, AppError> {
    let mut out = Vec::new();
    for c in found.into_iter().take(most) {
        out.push(QuoteRecord {
            id: crate::store::random_id()?,
            round: round.to_string(),
            period: c.period,
            themes: c.themes,
            state: QuoteState::Pending,
            source: Some(crate::encoding::hex(&c.id)),
        });
    }
    Ok(out)
}

/// The moderation queue, scrubbed, newly eligible critiques queued first.
pub async fn pending_quotes(app: &App) -> Result<Vec<Pending>, AppError> {
    materialise(app).await?;
    let originals = app
        .store
        .read(|s| {
            let mut out = Vec::new();
            for q in s.quotes()? {
                if q.state != QuoteState::Pending {
                    continue;
                }
                if let Some(original) = s.quote_source_text(&q)? {
                    out.push((q, original));
                }
            }
            Ok::<_, StoreError>(out)
        })
        .await?;
    let mut quotes = Vec::new();
    for (q, original) in originals {
        let (text, removals) = voices::for_moderation(&original);
        quotes.push(Pending {
            id: q.id,
            round: q.round,
            period: q.period,
            themes: q.themes,
            text,
            removals,
        });
    }
    // Random ids: sorting by them is a random order, stable across reads.
    quotes.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(quotes)
}

/// A moderator's decision on a pending quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Publish the scrubbed text as it is.
    Approve,
    /// Publish the moderator's words instead (scrubbed again).
    Edit(String),
    /// Never publish it, for this reason (a [`RejectReason`] code).
    Reject(String),
}

impl Decision {
    /// The decision as a form or a body gives it: `approve`, `edit` with a
    /// text, or `reject` with a reason, and nothing else.
    pub fn parse(decision: &str, text: Option<String>, reason: Option<String>) -> Option<Self> {
        match (decision, text, reason) {
            ("approve", None, None) => Some(Self::Approve),
            ("edit", Some(text), None) => Some(Self::Edit(text)),
            ("reject", None, Some(reason)) => Some(Self::Reject(reason)),
            _ => None,
        }
    }

    /// The stable name of the decision (`quote.<name>` in the log).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Edit(_) => "edit",
            Self::Reject(_) => "reject",
        }
    }
}

/// Decide pending quote `id`; `None` is a decision that
/// [`Decision::parse`] refused, reported once the quote is known to be
/// pending.
pub async fn decide_quote(
    app: &App,
    actor: &Actor,
    id: &str,
    decision: Option<Decision>,
    today: Date,
) -> Result<QuoteState, AppError> {
    let quote = {
        let id = id.to_owned();
        app.store.read(move |s| s.quote(&id)).await?
    }
    .ok_or(AppError::QuoteUnknown)?;
    if quote.state != QuoteState::Pending {
        return Err(AppError::QuoteDecided);
    }
    let decision = decision.ok_or(AppError::DecisionInvalid)?;
    let name = decision.name();
    let decided = match decision {
        Decision::Approve => {
            let q = quote.clone();
            let original = app
                .store
                .read(move |s| s.quote_source_text(&q))
                .await?
                .ok_or(AppError::QuoteUnknown)?;
            QuoteState::Approved {
                text: voices::for_moderation(&original).0,
                edited: false,
            }
        }
        Decision::Edit(text) => QuoteState::Approved {
            // The moderator's words are scrubbed again.
            text: voices::for_moderation(&answer_text(&text)?).0,
            edited: true,
        },
        Decision::Reject(reason) => QuoteState::Rejected {
            reason: RejectReason::parse(&reason).ok_or(AppError::ReasonUnknown)?,
        },
    };
    app.store
        .decide_quote(&quote.id, decided.clone())
        .await
        .map_err(|e| match e {
            StoreError::Exists(_) => AppError::QuoteDecided,
            StoreError::NotFound(_) => AppError::QuoteUnknown,
            e => e.into(),
        })?;
    let slug = quote.round.clone();
    let round = app.store.read(move |s| s.round(&slug)).await?;
    record(
        app,
        actor,
        &format!("quote.{name}"),
        round.as_ref(),
        None,
        today,
    )
    .await?;
    Ok(decided)
}

/// Approve, as scrubbed, up to `most` quotes of the release for the demo,
/// skipping words `quoted` holds already: the same quote twice would look
/// like a fault in the demo.
pub(super) async fn approve_for_demo(
    app: &App,
    (round, release): (&Round, &Release),
    most: usize,
    quoted: &mut std::collections::HashSet<String>,
    today: Date,
) -> Result<(), AppError> {
    let queued = queued(app, round, release, usize::MAX).await?;
    let originals = app
        .store
        .read(move |s| {
            let mut out = Vec::new();
            for q in queued {
                out.push((s.quote_source_text(&q)?, q));
            }
            Ok::<_, StoreError>(out)
        })
        .await?;
    let mut fresh = Vec::new();
    for (original, q) in originals {
        if fresh.len() == most {
            break;
        }
        let Some(original) = original else {
            continue;
        };
        if quoted.insert(voices::for_moderation(&original).0) {
            fresh.push(q);
        }
    }
    app.store.add_quotes(fresh.clone()).await?;
    for q in &fresh {
        let approve = Some(Decision::Approve);
        decide_quote(app, &Actor::Unnamed, &q.id, approve, today).await?;
    }
    Ok(())
}
