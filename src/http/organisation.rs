//! Organisations answer their digest ("you said, we did"): their bearer
//! keys, responses per theme per published period, and pledges with a
//! status history. Also gathers what is published beside a digest
//! (quotes, responses, pledges, the "about you" aggregate).
//!
//! # Security contract
//! An organisation key is 256 random bits, shown once when made and kept
//! only as its SHA-256. [`require_organisation`] hashes what is presented
//! and compares it in constant time with each of that organisation's
//! hashes: a missing key, a wrong key and another organisation's key get
//! the same `401`. These routes draw from the admin rate-limit bucket,
//! charged before the key is checked (see `ratelimit.rs`).

use super::api::json_body;
use super::error::ApiError;
use super::{admin, AppState};
use crate::crypto::sha256;
use crate::digest::voices::{
    self, PeriodVoices, PledgeChange, PledgeStatus, PublicQuote, PublicResponse, Release,
};
use crate::domain::{Period, Round};
use crate::store::{PledgeRecord, QuoteState, ResponseVersion};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

/// Longest response or pledge text, in characters.
pub const MAX_ANSWER_CHARS: usize = 4000;

/// What can go wrong in this half of the digest, with stable codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoiceError {
    #[error("period not published")]
    PeriodNotPublished,
    #[error("text invalid")]
    TextInvalid,
    #[error("status invalid")]
    StatusInvalid,
    #[error("reason required")]
    ReasonRequired,
    #[error("decision invalid")]
    DecisionInvalid,
    #[error("reason unknown")]
    ReasonUnknown,
    #[error("quote decided")]
    QuoteDecided,
    #[error("quote unknown")]
    QuoteUnknown,
    #[error("pledge unknown")]
    PledgeUnknown,
}

impl VoiceError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::PeriodNotPublished => "period_not_published",
            Self::TextInvalid => "text_invalid",
            Self::StatusInvalid => "status_invalid",
            Self::ReasonRequired => "reason_required",
            Self::DecisionInvalid => "decision_invalid",
            Self::ReasonUnknown => "reason_unknown",
            Self::QuoteDecided => "quote_decided",
            Self::QuoteUnknown => "quote_unknown",
            Self::PledgeUnknown => "pledge_unknown",
        }
    }

    /// The message's arguments (`locales/*/api.ftl`, keyed by the code).
    pub fn arguments(&self) -> Vec<(&'static str, FluentValue<'static>)> {
        match self {
            Self::TextInvalid => vec![("max", MAX_ANSWER_CHARS.into())],
            Self::ReasonUnknown => vec![(
                "reasons",
                voices::RejectReason::ALL
                    .map(|r| r.code())
                    .join(", ")
                    .into(),
            )],
            _ => Vec::new(),
        }
    }

    /// The explanation in plain English (the console).
    pub fn message(&self) -> String {
        crate::messages::Messages::english()
            .api()
            .f(self.code(), &self.arguments())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::PeriodNotPublished | Self::QuoteUnknown | Self::PledgeUnknown => {
                StatusCode::NOT_FOUND
            }
            Self::QuoteDecided => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

impl From<VoiceError> for ApiError {
    fn from(e: VoiceError) -> Self {
        Self::Voices(e)
    }
}

/// Text of a response, pledge or edited quote: trimmed, 1 to
/// [`MAX_ANSWER_CHARS`] characters, no control characters but line breaks.
pub(super) fn answer_text(text: &str) -> Result<String, VoiceError> {
    let t = text.trim();
    let n = t.chars().count();
    if n == 0 || n > MAX_ANSWER_CHARS || t.chars().any(|c| c.is_control() && c != '\n' && c != '\r')
    {
        return Err(VoiceError::TextInvalid);
    }
    Ok(t.to_owned())
}

// ---------------------------------------------------------------- keys

#[derive(Serialize)]
struct NewKey {
    organisation: String,
    key: String,
}

/// `POST /api/v1/admin/organisations/{organisation}/keys` (admin): a new
/// key, shown once.
pub async fn create_key(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    admin::require_admin(&state, &req)?;
    let org = state
        .store
        .organisation(&path)?
        .ok_or(ApiError::OrganisationUnknown)?;
    let key = admin::new_token().map_err(|e| ApiError::Internal(e.to_string()))?;
    state
        .store
        .add_org_key(org.slug.as_str(), sha256(key.as_bytes()))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(NewKey {
            organisation: org.slug.to_string(),
            key,
        }))
}

/// Check the bearer key against `organisation`'s keys, in constant time
/// per key. Unknown organisation, no key, a wrong key or another
/// organisation's key: the same `401`.
fn require_organisation(
    state: &AppState,
    req: &HttpRequest,
    organisation: &str,
) -> Result<(), ApiError> {
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("")
        .trim();
    let hash = sha256(presented.as_bytes());
    let mut ok = subtle::Choice::from(0u8);
    for stored in state.store.org_key_hashes(organisation)? {
        ok |= hash.ct_eq(&stored);
    }
    if !presented.is_empty() && bool::from(ok) {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

/// The round `slug` of `organisation` and its published period `period`.
fn published(
    state: &AppState,
    organisation: &str,
    round: &str,
    period: &str,
) -> Result<(Round, Release), ApiError> {
    let round = state
        .store
        .round(round)?
        .filter(|r| r.organisation.as_str() == organisation)
        .ok_or(ApiError::RoundUnknown)?;
    let release = releases(state, &round)?
        .into_iter()
        .find(|r| r.period == period)
        .ok_or(VoiceError::PeriodNotPublished)?;
    Ok((round, release))
}

/// The published periods of `round`, oldest first.
pub(crate) fn releases(state: &AppState, round: &Round) -> Result<Vec<Release>, ApiError> {
    Ok(state
        .store
        .sealed_digests(&round.slug)?
        .iter()
        .filter_map(voices::release_of)
        .collect())
}

fn theme_of(round: &Round, theme: &str) -> Result<String, ApiError> {
    round
        .themes
        .iter()
        .find(|t| t.slug.as_str() == theme)
        .map(|t| t.slug.to_string())
        .ok_or(ApiError::Input(vec![
            crate::domain::InputError::ThemeUnknown,
        ]))
}

/// The period a change made today is recorded in: the coarsest time kept.
fn this_period(state: &AppState, round: &Round) -> String {
    Period::containing(state.clock.today(), round.period).id()
}

// ----------------------------------------------------------- responses

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResponseBody {
    round: String,
    period: String,
    theme: String,
    text: String,
}

/// `POST /api/v1/organisations/{organisation}/responses`: publish (or
/// replace) the response to one theme of one published period. Earlier
/// versions are kept and shown.
pub async fn put_response(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    require_organisation(&state, &req, &path)?;
    let body: ResponseBody = json_body(&req, payload).await?;
    let record = respond(
        &state,
        &path,
        &body.round,
        &body.period,
        &body.theme,
        &body.text,
    )
    .await?;
    Ok(HttpResponse::Ok().json(record))
}

/// Publish (or replace) `organisation`'s response to `theme` of `round`'s
/// published `period` (organisation API and console alike).
pub(crate) async fn respond(
    state: &AppState,
    organisation: &str,
    round: &str,
    period: &str,
    theme: &str,
    text: &str,
) -> Result<crate::store::ResponseRecord, ApiError> {
    let (round, release) = published(state, organisation, round, period)?;
    let theme = theme_of(&round, theme)?;
    let text = answer_text(text)?;
    let version = ResponseVersion {
        text,
        changed_in: this_period(state, &round),
    };
    state
        .store
        .put_response(round.slug.as_str(), &release.period, &theme, version)
        .await?;
    state
        .store
        .responses_of(round.slug.as_str())?
        .into_iter()
        .find(|r| r.period == release.period && r.theme == theme)
        .ok_or(ApiError::Internal("response not stored".into()))
}

// ------------------------------------------------------------- pledges

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeBody {
    round: String,
    period: String,
    theme: String,
    text: String,
    status: Option<String>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeUpdate {
    status: String,
    reason: Option<String>,
}

/// A status change made now, checked: a dropped pledge needs a reason.
fn change(
    state: &AppState,
    round: &Round,
    status: &str,
    reason: Option<&str>,
) -> Result<PledgeChange, ApiError> {
    let status = PledgeStatus::parse(status).ok_or(VoiceError::StatusInvalid)?;
    let reason = reason
        .filter(|r| !r.trim().is_empty())
        .map(answer_text)
        .transpose()?;
    if status == PledgeStatus::Dropped && reason.is_none() {
        return Err(VoiceError::ReasonRequired.into());
    }
    Ok(PledgeChange {
        status,
        reason,
        period: this_period(state, round),
    })
}

/// `POST /api/v1/organisations/{organisation}/pledges`.
pub async fn create_pledge(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    require_organisation(&state, &req, &path)?;
    let body: PledgeBody = json_body(&req, payload).await?;
    let pledge = add_pledge(
        &state,
        &path,
        (&body.round, &body.period, &body.theme),
        &body.text,
        body.status.as_deref(),
        body.reason.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Created().json(pledge))
}

/// A new pledge of `organisation` on (round, published period, theme),
/// `planned` unless `status` says otherwise (organisation API and console
/// alike).
pub(crate) async fn add_pledge(
    state: &AppState,
    organisation: &str,
    (round, period, theme): (&str, &str, &str),
    text: &str,
    status: Option<&str>,
    reason: Option<&str>,
) -> Result<PledgeRecord, ApiError> {
    let (round, release) = published(state, organisation, round, period)?;
    let theme = theme_of(&round, theme)?;
    let text = answer_text(text)?;
    let first = change(state, &round, status.unwrap_or("planned"), reason)?;
    let pledge = PledgeRecord {
        id: crate::store::random_id()?,
        organisation: organisation.to_owned(),
        round: round.slug.to_string(),
        period: release.period,
        theme,
        text,
        history: vec![first],
    };
    state.store.create_pledge(pledge.clone()).await?;
    Ok(pledge)
}

/// `PATCH /api/v1/organisations/{organisation}/pledges/{pledge}`: a new
/// status, added to the pledge's history.
pub async fn update_pledge(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (organisation, id) = path.into_inner();
    require_organisation(&state, &req, &organisation)?;
    let body: PledgeUpdate = json_body(&req, payload).await?;
    let pledge = restatus_pledge(
        &state,
        &organisation,
        &id,
        &body.status,
        body.reason.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(pledge))
}

/// A new status for `organisation`'s pledge `id`, added to its history (a
/// dropped pledge needs a reason; organisation API and console alike).
pub(crate) async fn restatus_pledge(
    state: &AppState,
    organisation: &str,
    id: &str,
    status: &str,
    reason: Option<&str>,
) -> Result<PledgeRecord, ApiError> {
    let existing = state
        .store
        .pledge(id)?
        .filter(|p| p.organisation == organisation)
        .ok_or(VoiceError::PledgeUnknown)?;
    let round = state
        .store
        .round(&existing.round)?
        .ok_or(ApiError::RoundUnknown)?;
    let next = change(state, &round, status, reason)?;
    state
        .store
        .update_pledge(id, organisation, next)
        .await
        .map_err(|e| match e {
            crate::store::StoreError::NotFound(_) => VoiceError::PledgeUnknown.into(),
            e => ApiError::from(e),
        })
}

// ------------------------------------------------ beside the digest

/// `organisation`'s rounds as they are now (their themes, with the
/// host's translations, name the digest's themes).
pub(super) fn rounds_of(state: &AppState, organisation: &str) -> Result<Vec<Round>, ApiError> {
    Ok(state
        .store
        .rounds()?
        .into_iter()
        .filter(|r| r.organisation.as_str() == organisation)
        .collect())
}

/// What is published beside `organisation`'s digest, per published
/// period, newest first.
pub(super) fn load_voices(
    state: &AppState,
    organisation: &str,
) -> Result<Vec<PeriodVoices>, ApiError> {
    let approved: Vec<_> = state
        .store
        .quotes()?
        .into_iter()
        .filter_map(|q| match &q.state {
            QuoteState::Approved { text, .. } => Some((q.clone(), text.clone())),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for round in state
        .store
        .rounds()?
        .into_iter()
        .filter(|r| r.organisation.as_str() == organisation)
    {
        let r = round.slug.as_str();
        let responses = state.store.responses_of(r)?;
        let pledges = state.store.pledges_of(r)?;
        let about_you = state.store.about_you_of(r)?;
        for release in releases(state, &round)? {
            let mut quotes: Vec<PublicQuote> = approved
                .iter()
                .filter(|(q, _)| q.round == r && release.covers.contains(&q.period))
                .filter(|(q, _)| q.themes.iter().any(|t| release.shown_themes.contains(t)))
                .map(|(q, text)| PublicQuote {
                    text: text.clone(),
                    period: release.period.clone(),
                    period_label: release.label.clone(),
                    themes: q.themes.clone(),
                })
                .collect();
            // Shuffled: the order says nothing about when a quote was
            // written or approved.
            crate::secrets::random::shuffle(&mut quotes)
                .map_err(|_| ApiError::Internal("random generator failed".into()))?;
            let answers: Vec<_> = about_you
                .iter()
                .filter(|a| release.covers.contains(&a.period))
                .map(|a| a.answers.clone())
                .collect();
            out.push(PeriodVoices {
                round: r.to_owned(),
                period: release.period.clone(),
                label: release.label.clone(),
                quotes,
                responses: responses
                    .iter()
                    .filter(|x| x.period == release.period)
                    .filter_map(|x| {
                        x.versions.last().map(|v| PublicResponse {
                            theme: x.theme.clone(),
                            text: v.text.clone(),
                            versions: x.versions.clone(),
                        })
                    })
                    .collect(),
                pledges: pledges
                    .iter()
                    .filter(|p| p.period == release.period)
                    .cloned()
                    .collect(),
                about_you: voices::aggregate(&answers, release.k, release.base),
            });
        }
    }
    out.sort_by(|a, b| b.period.cmp(&a.period).then(a.round.cmp(&b.round)));
    Ok(out)
}
