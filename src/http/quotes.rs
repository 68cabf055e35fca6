//! The host's quote moderation (admin API), through
//! [`crate::app::moderation`]: the queue holds scrubbed text only, and a
//! decision is approve, edit (scrubbed again) or reject with a reason code.

use super::api::json_body;
use super::auth::AdminToken;
use super::error::ApiError;
use super::AppState;
use crate::app::moderation::{self, Decision, Pending};
use crate::app::Actor;
use crate::digest::voices::RejectReason;
use crate::domain::QuoteState;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Queue {
    quotes: Vec<Pending>,
    /// The reason codes a rejection may carry.
    reasons: Vec<&'static str>,
}

/// `GET /api/v1/admin/quotes`: the moderation queue, scrubbed.
pub async fn queue(_: AdminToken, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(Queue {
        quotes: moderation::pending_quotes(&state.app).await?,
        reasons: RejectReason::ALL.iter().map(|r| r.code()).collect(),
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionBody {
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
    _: AdminToken,
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: DecisionBody = json_body(&req, payload).await?;
    let decision = Decision::parse(&body.decision, body.text, body.reason);
    let actor = &Actor::Unnamed;
    let decided =
        moderation::decide_quote(&state.app, actor, &path, decision, state.today()).await?;
    Ok(HttpResponse::Ok().json(Decided {
        id: path.into_inner(),
        state: decided,
    }))
}
