//! The JSON API for participants' clients and for reading digests.

use super::body::{self, JSON, JSON_LIMIT};
use super::error::ApiError;
use super::participant::load_round;
use super::privacy_pass;
use super::AppState;
use crate::digest::{self, Digest};
use crate::domain::{InputError, Submission};
use crate::store::StoreError;
use crate::tokens::PaperCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::de::DeserializeOwned;
use serde::Deserialize;

const OPENAPI: &str = include_str!("openapi.json");

pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(OPENAPI)
}

/// Read a JSON body of type `T`: 415, 413, 400 (not UTF-8, not JSON or not
/// the expected shape) as the case may be.
pub(super) async fn json_body<T: DeserializeOwned>(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<T, ApiError> {
    let bytes = body::read(req, payload, JSON, JSON_LIMIT).await?;
    let text = std::str::from_utf8(&bytes).map_err(|_| ApiError::InvalidUtf8)?;
    serde_json::from_str(text).map_err(|e| ApiError::InvalidJson(e.to_string()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CritiqueBody {
    code: Option<String>,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    quote_ok: bool,
}

#[derive(serde::Serialize)]
struct ReceiptBody {
    receipt: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (_, round) = load_round(&state, &path)?;
    // Refusals before the store are counted here; the store counts its own.
    let refused = |e: ApiError| {
        state.store.metrics().submission_rejected(e.code());
        e
    };
    let today = state.clock.today();
    // A Privacy Pass token, if presented, is checked before the body is read.
    let token = privacy_pass::presented_token(&state, &req, &round, today)
        .await
        .map_err(refused)?;
    let body: CritiqueBody = json_body(&req, payload).await.map_err(refused)?;
    let code_given = body
        .code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let mut errors = Vec::new();
    let redemption = match (token, code_given) {
        (Some(_), Some(_)) => return Err(refused(ApiError::CredentialsConflict)),
        (Some(token), None) => Some(token),
        // Neither: ask for a token (RFC 9577 §2.1); the message also names
        // the paper code.
        (None, None) => {
            return Err(refused(
                privacy_pass::token_required(&state, &round, today).await,
            ))
        }
        (None, Some(raw)) => PaperCode::parse(raw)
            .map(|code| state.codes.redeem(&code))
            .or_else(|| {
                errors.push(InputError::CodeMalformed);
                None
            }),
    };
    let submission = Submission::parse(&round, &body.themes, &body.text, body.quote_ok)
        .map_err(|e| errors.extend(e))
        .ok();
    let (Some(redemption), Some(submission)) = (redemption, submission) else {
        return Err(refused(ApiError::Input(errors)));
    };
    let receipt = match state.store.submit(redemption, submission, today).await {
        // Another instance, or a restored key file, still held a key the
        // store has tombstoned: the token is refused like any unknown one.
        Err(StoreError::TokenKeyRetired) => {
            let why = crate::tokens::redeemer::RedeemError::KeyUnknown;
            return Err(privacy_pass::token_rejected(&state, &round, today, why).await);
        }
        other => other?,
    };
    Ok(HttpResponse::Created().json(ReceiptBody {
        receipt: receipt.display(),
    }))
}

/// The published digest of an organisation: its sealed periods. A period
/// that has just ended is sealed first.
pub(crate) async fn load_digest(state: &AppState, slug: &str) -> Result<Digest, ApiError> {
    let org = state
        .store
        .organisation(slug)?
        .ok_or(ApiError::OrganisationUnknown)?;
    state.store.seal_due(state.clock.today()).await?;
    let rounds = state
        .store
        .rounds_of(&org.slug)?
        .into_iter()
        .map(|r| {
            let sealed = state.store.sealed_digests(&r.slug)?;
            Ok((r, sealed))
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(digest::build(&org, &rounds))
}

/// The digest with what is published beside it (`voices`).
#[derive(serde::Serialize)]
struct WithVoices<'a> {
    #[serde(flatten)]
    digest: &'a Digest,
    voices: Vec<digest::voices::PeriodVoices>,
}

pub async fn digest(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let d = load_digest(&state, &path).await?;
    let voices = super::organisation::load_voices(&state, &path)?;
    Ok(HttpResponse::Ok().json(WithVoices { digest: &d, voices }))
}
