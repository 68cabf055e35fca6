//! Privacy Pass over HTTP: the issuer directory and token requests
//! (RFC 9578 §4, §6), the `Authorization` value a critique presents (RFC
//! 9577 §2.2), and the invitation page. (The host makes invitations in
//! `admin.rs`.)
//!
//! Handlers only extract, call [`crate::app::codes`] and
//! [`crate::app::submissions`] (which call [`crate::tokens`]), and render.
//! Nothing here logs or stores a request's blinded message, nonce,
//! signature or invitation.

use super::body;
use super::error::ApiError;
use super::participant::{messages, page, problem_page};
use super::AppState;
use crate::app::{codes, rounds, AppError};
use crate::tokens::issuer::{DIRECTORY_MEDIA_TYPE, REQUEST_MEDIA_TYPE, RESPONSE_MEDIA_TYPE};
use crate::tokens::Invitation;
use crate::views;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};

/// Path of the issuer request URI (published in the directory).
pub use crate::app::codes::TOKEN_REQUEST_PATH;

/// Largest token request body read; a type-2 request is 259 bytes, so
/// anything between is refused as the wrong length, anything above as
/// too large.
const REQUEST_LIMIT: usize = 1024;

/// The browser client, built from `clients/browser` (see its README).
const INVITE_JS: &str = include_str!("../../static/invite.js");

/// GET `/.well-known/private-token-issuer-directory` (RFC 9578 §4).
pub async fn directory(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let body = codes::directory(&state.app, state.today()).await?;
    Ok(HttpResponse::Ok()
        .content_type(DIRECTORY_MEDIA_TYPE)
        // RFC 9578 §4: directories may be cached; a day is well inside the
        // overlap window of a key rotation.
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .json(body))
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
        .ok_or(AppError::InvitationUnknown)?;
    let bytes = body::read(&req, payload, REQUEST_MEDIA_TYPE, REQUEST_LIMIT).await?;
    let response = codes::issue_token(&state.app, &invitation, &bytes, state.today()).await?;
    Ok(HttpResponse::Ok()
        .content_type(RESPONSE_MEDIA_TYPE)
        .body(response))
}

/// The `Authorization` value presented with a critique, if any: a Privacy
/// Pass token to redeem (RFC 9577 §2.2). A value that is not text is
/// presented as empty, and refused as a malformed token.
pub(super) fn authorization(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or(""))
}

/// GET `/i/{round}`: the page an invitation link opens. The invitation is
/// in the fragment, which browsers never send, so the server cannot tell
/// which invitation opened it.
pub async fn invite_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> HttpResponse {
    let m = messages(&req);
    match rounds::round(&state.app, &path).await {
        Ok((org, round)) => page(StatusCode::OK, views::invite_page(&m, &org, &round)),
        // Any round that is not there is "not found" here.
        Err(_) => problem_page(&m, &req, &ApiError::NotFound),
    }
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
    let (org, round) = crate::app::rounds::round(&state.app, &path).await?;
    Ok(HttpResponse::Ok().json(views::invite_words(&m, &org, &round)))
}

/// GET `/static/invite.js`: the browser's Privacy Pass client.
pub async fn invite_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(INVITE_JS)
}
