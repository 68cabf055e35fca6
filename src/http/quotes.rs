//! The host's quote moderation (admin API).
//!
//! # Security contract
//! A quote is queued only if its writer ticked "you may quote me" and at
//! least one of its themes is SHOWN in a published period
//! ([`crate::digest::voices::release_of`]). The moderator never receives
//! the raw text: the queue holds the text after
//! [`crate::digest::scrub::scrub`], with where each placeholder sits. An
//! approved quote keeps that scrubbed text (or the moderator's edit,
//! scrubbed again); a quote's id is random and says nothing about the
//! critique, its order or its token.

use super::api::json_body;
use super::error::ApiError;
use super::organisation::{answer_text, releases, VoiceError};
use super::{admin, AppState};
use crate::digest::voices::{self, Highlight, RejectReason};
use crate::store::{QuoteRecord, QuoteState, StoreError};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

/// A quote waiting for a decision, as any moderator sees it.
#[derive(Serialize)]
pub(crate) struct Pending {
    pub id: String,
    pub round: String,
    pub period: String,
    pub themes: Vec<String>,
    /// The critique's text after scrubbing.
    pub text: String,
    /// Where each placeholder is in `text` (byte ranges).
    pub removals: Vec<Highlight>,
}

#[derive(Serialize)]
struct Queue {
    quotes: Vec<Pending>,
    /// The reason codes a rejection may carry.
    reasons: Vec<&'static str>,
}

/// Queue every newly eligible critique (a write only when there is one).
async fn materialise(state: &AppState) -> Result<(), ApiError> {
    let mut fresh = Vec::new();
    for round in state.store.rounds()? {
        for release in releases(state, &round)? {
            for c in state.store.quote_candidates(&round, &release)? {
                fresh.push(QuoteRecord {
                    id: crate::store::random_id()?,
                    round: round.slug.to_string(),
                    period: c.period,
                    themes: c.themes,
                    state: QuoteState::Pending,
                    source: Some(crate::encoding::hex(&c.id)),
                });
            }
        }
    }
    if !fresh.is_empty() {
        state.store.add_quotes(fresh).await?;
    }
    Ok(())
}

/// `GET /api/v1/admin/quotes`: the moderation queue, scrubbed.
pub async fn queue(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    admin::require_admin(&state, &req)?;
    Ok(HttpResponse::Ok().json(Queue {
        quotes: pending_quotes(&state).await?,
        reasons: RejectReason::ALL.iter().map(|r| r.code()).collect(),
    }))
}

/// The moderation queue, scrubbed, newly eligible critiques queued first
/// (admin API and console alike).
pub(crate) async fn pending_quotes(state: &AppState) -> Result<Vec<Pending>, ApiError> {
    materialise(state).await?;
    let mut quotes = Vec::new();
    for q in state.store.quotes()? {
        if q.state != QuoteState::Pending {
            continue;
        }
        let Some(original) = state.store.quote_source_text(&q)? else {
            continue;
        };
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Decision {
    decision: String,
    text: Option<String>,
    reason: Option<String>,
}

#[derive(Serialize)]
struct Decided {
    id: String,
    #[serde(flatten)]
    state: QuoteState,
}

/// `POST /api/v1/admin/quotes/{quote}`: approve, edit or reject.
pub async fn decide(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    admin::require_admin(&state, &req)?;
    let body: Decision = json_body(&req, payload).await?;
    let decided = decide_quote(&state, &path, &body.decision, body.text, body.reason).await?;
    Ok(HttpResponse::Ok().json(Decided {
        id: path.into_inner(),
        state: decided,
    }))
}

/// Approve (`text` and `reason` absent), edit (with `text`, scrubbed
/// again) or reject (with a reason code) the pending quote `id` (admin API
/// and console alike).
pub(crate) async fn decide_quote(
    state: &AppState,
    id: &str,
    decision: &str,
    text: Option<String>,
    reason: Option<String>,
) -> Result<QuoteState, ApiError> {
    let quote = state.store.quote(id)?.ok_or(VoiceError::QuoteUnknown)?;
    if quote.state != QuoteState::Pending {
        return Err(VoiceError::QuoteDecided.into());
    }
    let decided = match (decision, text, reason) {
        ("approve", None, None) => {
            let original = state
                .store
                .quote_source_text(&quote)?
                .ok_or(VoiceError::QuoteUnknown)?;
            QuoteState::Approved {
                text: voices::for_moderation(&original).0,
                edited: false,
            }
        }
        ("edit", Some(text), None) => QuoteState::Approved {
            // The moderator's words are scrubbed again.
            text: voices::for_moderation(&answer_text(&text)?).0,
            edited: true,
        },
        ("reject", None, Some(reason)) => QuoteState::Rejected {
            reason: RejectReason::parse(&reason).ok_or(VoiceError::ReasonUnknown)?,
        },
        _ => return Err(VoiceError::DecisionInvalid.into()),
    };
    state
        .store
        .decide_quote(&quote.id, decided.clone())
        .await
        .map_err(|e| match e {
            StoreError::Exists(_) => ApiError::from(VoiceError::QuoteDecided),
            StoreError::NotFound(_) => ApiError::from(VoiceError::QuoteUnknown),
            e => ApiError::from(e),
        })?;
    Ok(decided)
}
