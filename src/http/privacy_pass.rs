//! Privacy Pass over HTTP: the issuer directory and token requests
//! (RFC 9578 §4, §6), the token challenge and redemption on the critique
//! endpoint (RFC 9577), the host's invitations, and the invitation page.
//!
//! Handlers only extract, call [`crate::tokens`] or the store, and map
//! errors. Nothing here logs or stores a request's blinded message, nonce,
//! signature or invitation.

use super::body;
use super::error::ApiError;
use super::participant::load_round;
use super::AppState;
use crate::domain::{InputError, Round};
use crate::tokens::invitation::{MAX_INVITATIONS, MAX_TOKENS_PER_INVITATION};
use crate::tokens::issuer::{
    IssueError, DIRECTORY_MEDIA_TYPE, REQUEST_MEDIA_TYPE, RESPONSE_MEDIA_TYPE,
};
use crate::tokens::{Invitation, Redemption};
use crate::views;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use time::Date;

/// Path of the issuer request URI (published in the directory).
pub const TOKEN_REQUEST_PATH: &str = "/api/v1/token-request";
/// Largest token request body read; a type-2 request is 259 bytes, so
/// anything between is refused as the wrong length, anything above as
/// too large.
const REQUEST_LIMIT: usize = 1024;

/// The browser client, built from `clients/browser` (see its README).
const INVITE_JS: &str = include_str!("../../static/invite.js");

/// GET `/.well-known/private-token-issuer-directory` (RFC 9578 §4).
pub async fn directory(state: web::Data<AppState>) -> HttpResponse {
    let uri = format!(
        "{}{TOKEN_REQUEST_PATH}",
        state.public_url.trim_end_matches('/')
    );
    let body = state.issuer.directory(state.clock.today(), uri);
    HttpResponse::Ok()
        .content_type(DIRECTORY_MEDIA_TYPE)
        // RFC 9578 §4: directories may be cached; a day is well inside the
        // overlap window of a key rotation.
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .json(body)
}

/// POST the issuer request URI: `Authorization: Bearer <invitation>` and a
/// TokenRequest body → a TokenResponse (RFC 9578 §6.2, §6.3).
pub async fn token_request(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let invitation = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .and_then(Invitation::parse)
        .ok_or(ApiError::InvitationUnknown)?;
    let bytes = body::read(&req, payload, REQUEST_MEDIA_TYPE, REQUEST_LIMIT).await?;
    let today = state.clock.today();
    let request = state.issuer.parse(&bytes, today).map_err(refused)?;
    let hash = state.invitations.hash(&invitation);
    // A cheap read first, so that guessed invitations cost no signing.
    match state.store.invitation(&hash)? {
        None => return Err(ApiError::InvitationUnknown),
        Some((0, _)) => return Err(ApiError::InvitationExhausted),
        Some(_) => {}
    }
    // Blind signing takes about 2 ms of CPU: off the async workers.
    let signer = state.clone();
    let response = web::block(move || signer.issuer.sign(request, today))
        .await
        .map_err(|_| ApiError::Internal("signing task failed".into()))?
        .map_err(refused)?;
    // Only now is the invitation spent, atomically: of many concurrent
    // requests on a one-token invitation exactly one gets here first, and
    // every other signature is thrown away unseen.
    state.store.consume_invitation(&hash).await?;
    Ok(HttpResponse::Ok()
        .content_type(RESPONSE_MEDIA_TYPE)
        .body(response))
}

/// The client's mistakes are 400s; ours (no key, a failed signature) 500s.
fn refused(e: IssueError) -> ApiError {
    match e {
        IssueError::NoKey | IssueError::Signing => ApiError::Internal(e.to_string()),
        other => ApiError::TokenRequestInvalid(other),
    }
}

/// The redemption a request presents in `Authorization: PrivateToken …`, if
/// any. A header that is present but does not verify is a 401 with a fresh
/// challenge.
pub(super) fn presented_token(
    state: &AppState,
    req: &HttpRequest,
    round: &Round,
    today: Date,
) -> Result<Option<Redemption>, ApiError> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().unwrap_or("");
    state
        .redeemer
        .redeem(value, round.slug.as_str(), today)
        .map(|t| Some(Redemption::PrivacyPass(t)))
        .map_err(|why| ApiError::TokenRejected(challenge(state, round, today), why))
}

/// 401 asking for a token for `round` (RFC 9577 §2.1).
pub(super) fn token_required(state: &AppState, round: &Round, today: Date) -> ApiError {
    ApiError::TokenRequired(challenge(state, round, today))
}

fn challenge(state: &AppState, round: &Round, today: Date) -> String {
    state
        .redeemer
        .www_authenticate(round.slug.as_str(), today)
        // Never without a key in practice: start-up makes one.
        .unwrap_or_else(|| "PrivateToken".into())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewInvitations {
    count: usize,
    tokens_per_invitation: Option<u32>,
    /// The language the links open the page in (`?lang=`).
    #[serde(default)]
    language: Option<String>,
}

#[derive(Serialize)]
struct Invitations {
    round: String,
    tokens_per_invitation: u32,
    invitations: Vec<InvitationOut>,
}

#[derive(Serialize)]
struct InvitationOut {
    invitation: String,
    link: String,
}

/// POST `/api/v1/admin/rounds/{round}/invitations`: fresh invitations,
/// shown once; the store keeps only their keyed hashes.
pub async fn create_invitations(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    super::admin::require_admin(&state, &req)?;
    let (_, round) = load_round(&state, &path)?;
    let body: NewInvitations = super::api::json_body(&req, payload).await?;
    let tokens = body.tokens_per_invitation.unwrap_or(1);
    if !(1..=MAX_INVITATIONS).contains(&body.count)
        || !(1..=MAX_TOKENS_PER_INVITATION).contains(&tokens)
    {
        return Err(InputError::CountInvalid.into());
    }
    let language = super::admin::card_language(body.language.as_deref())?;
    let invitations = issue_invitations(&state, &round, body.count, tokens, language)
        .await?
        .into_iter()
        .map(|(invitation, link)| InvitationOut { link, invitation })
        .collect();
    Ok(HttpResponse::Created().json(Invitations {
        round: round.slug.to_string(),
        tokens_per_invitation: tokens,
        invitations,
    }))
}

/// Make `count` invitations for `round`, each good for `tokens` tokens,
/// and record their keyed hashes (admin API and console alike). Returns
/// each invitation with its personal link (the invitation in the fragment;
/// `?lang=` when the links are for one language).
pub(super) async fn issue_invitations(
    state: &AppState,
    round: &crate::domain::Round,
    count: usize,
    tokens: u32,
    language: Option<&str>,
) -> Result<Vec<(String, String)>, ApiError> {
    let rng = ring::rand::SystemRandom::new();
    let fresh: Vec<Invitation> = (0..count)
        .map(|_| Invitation::generate(&rng))
        .collect::<Result<_, _>>()
        .map_err(|_| ApiError::Internal("random generator failed".into()))?;
    let hashes = fresh.iter().map(|i| state.invitations.hash(i)).collect();
    let made = state
        .store
        .create_invitations(round.slug.clone(), hashes, tokens)
        .await?;
    if made != fresh.len() {
        // Two equal 128-bit invitations: never in practice.
        return Err(ApiError::Internal("invitation collision; try again".into()));
    }
    let base = state.public_url.trim_end_matches('/');
    Ok(fresh
        .iter()
        .map(|i| {
            let invitation = i.display();
            let query = language.map(|l| format!("?lang={l}")).unwrap_or_default();
            let link = format!("{base}/i/{}{query}#{invitation}", round.slug);
            (invitation, link)
        })
        .collect())
}

/// GET `/i/{round}`: the page an invitation link opens. The invitation is
/// in the fragment, which browsers never send, so the server cannot tell
/// which invitation opened it.
pub async fn invite_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> HttpResponse {
    let m = super::participant::messages(&req);
    let markup = match load_round(&state, &path) {
        Ok((org, round)) => views::invite_page(&m, &org, &round),
        Err(_) => {
            return HttpResponse::build(StatusCode::NOT_FOUND)
                .content_type("text/html; charset=utf-8")
                .body(views::not_found_in(&m, Some(req.path())).into_string())
        }
    };
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

/// GET `/i/{round}/words.json`: the words and the later steps the
/// invitation page's script shows, in the language and version asked for
/// (`?lang=`, `?easy=1`). Like the page itself, it says nothing about any
/// invitation.
pub async fn invite_words(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let m = super::participant::messages(&req);
    let (org, round) = load_round(&state, &path)?;
    Ok(HttpResponse::Ok().json(views::invite_words(&m, &org, &round)))
}

/// GET `/static/invite.js`: the browser's Privacy Pass client.
pub async fn invite_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(INVITE_JS)
}
