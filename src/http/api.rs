//! The JSON API for participants' clients and for reading digests.

use super::body::{self, JSON, JSON_LIMIT};
use super::error::ApiError;
use super::privacy_pass;
use super::AppState;
use crate::app::{digests, rounds, submissions, voices, AppError};
use crate::digest::{self, Digest};
use crate::domain::{AnsweredSubmission, InputError, RawAnswers};
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

/// Count a critique accepted (`None`) or refused, for the metrics: by the
/// refusal's stable code, except that a form's invalid answers count as
/// `invalid_input` (a form lists all its problems at once, so no one code
/// is the reason). Refusals before the round is known are not counted.
pub(super) fn count(state: &AppState, refusal: Option<&ApiError>, form: bool) {
    let metrics = state.app.metrics();
    match refusal {
        None => metrics.submission_accepted(),
        Some(ApiError::App(AppError::Input(_))) if form => {
            metrics.submission_rejected("invalid_input")
        }
        Some(e) => metrics.submission_rejected(e.code()),
    }
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
    /// Question id → option id, or a list of them (issue 20).
    #[serde(default)]
    answers: RawAnswers,
}

#[derive(serde::Serialize)]
struct ReceiptBody {
    receipt: String,
    /// The one-time code for "about you" (issue 16).
    about_you_code: String,
}

/// `POST /api/v1/rounds/{round}/critiques`: a paper code in the body or a
/// Privacy Pass token in `Authorization` (RFC 9577), never both.
pub async fn submit(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (_, round) = rounds::round(&state.app, &path).await?;
    let today = state.today();
    let app = &state.app;
    let outcome = async {
        // A Privacy Pass token, if presented, is checked before the body is
        // read.
        let token = match privacy_pass::authorization(&req) {
            Some(value) => Some(submissions::redeem_token(app, value, &round, today).await?),
            None => None,
        };
        let body: CritiqueBody = json_body(&req, payload).await?;
        let code_given = body
            .code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let mut errors = Vec::new();
        let redemption = match (token, code_given) {
            (Some(_), Some(_)) => return Err(ApiError::CredentialsConflict),
            (Some(token), None) => Some(token),
            // Neither: ask for a token (RFC 9577 §2.1); the message also
            // names the paper code.
            (None, None) => {
                return Err(submissions::token_required(app, &round, today).await.into())
            }
            (None, Some(raw)) => match PaperCode::parse(raw) {
                Some(code) => Some(submissions::redeem_code(app, &code).await?),
                None => {
                    errors.push(InputError::CodeMalformed);
                    None
                }
            },
        };
        let submission = AnsweredSubmission::parse(
            &round,
            &body.themes,
            &body.text,
            body.quote_ok,
            &body.answers,
        )
        .map_err(|e| errors.extend(e))
        .ok();
        let (Some(redemption), Some(submission)) = (redemption, submission) else {
            return Err(AppError::Input(errors).into());
        };
        Ok(submissions::submit(app, redemption, submission, today).await?)
    }
    .await;
    count(&state, outcome.as_ref().err(), false);
    let accepted = outcome?;
    Ok(HttpResponse::Created().json(ReceiptBody {
        receipt: accepted.receipt.display(),
        about_you_code: accepted.about_you.display(),
    }))
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
    let d = digests::digest(&state.app, &path, state.today()).await?;
    let voices = voices::load_voices(&state.app, &path).await?;
    Ok(HttpResponse::Ok().json(WithVoices { digest: &d, voices }))
}
