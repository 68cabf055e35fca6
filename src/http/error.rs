//! The one place where errors become HTTP statuses.
//!
//! JSON API errors have the body `{"error": "<stable_code>", "message":
//! "..."}` (plus `"errors": [...]` when several fields are wrong). A 500 says
//! nothing about internals; the log line says what failed, never with
//! personal data.

use crate::domain::InputError;
use crate::store::StoreError;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

/// What went wrong with a request, named for what happened.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("bad input")]
    Input(Vec<InputError>),
    #[error("unknown round")]
    RoundUnknown,
    #[error("unknown organisation")]
    OrganisationUnknown,
    #[error("not found")]
    NotFound,
    /// The address exists but not for this method; the value is `Allow`.
    #[error("method not allowed")]
    MethodNotAllowed(String),
    #[error("period not sealed")]
    PeriodNotSealed,
    #[error("code unknown")]
    CodeUnknown,
    #[error("code spent")]
    CodeSpent,
    /// Neither a paper code nor a Privacy Pass token: carries the
    /// `WWW-Authenticate` challenge (RFC 9577 §2.1).
    #[error("token required")]
    TokenRequired(String),
    /// A token that did not verify: carries a fresh challenge.
    #[error("token rejected: {1}")]
    TokenRejected(String, crate::tokens::redeemer::RedeemError),
    #[error("token spent")]
    TokenSpent,
    #[error("both a code and a token")]
    CredentialsConflict,
    #[error("invitation unknown")]
    InvitationUnknown,
    #[error("invitation used up")]
    InvitationExhausted,
    #[error("bad token request: {0}")]
    TokenRequestInvalid(crate::tokens::issuer::IssueError),
    #[error("already exists: {0}")]
    Exists(&'static str),
    /// A posted checkpoint note that does not parse.
    #[error("checkpoint invalid: {0}")]
    CheckpointInvalid(String),
    /// A checkpoint this log never signed.
    #[error("checkpoint unknown")]
    CheckpointUnknown,
    /// No cosignature from a configured witness verifies.
    #[error("cosignature invalid")]
    CosignatureInvalid,
    #[error("unauthorized")]
    Unauthorized,
    #[error("unsupported media type")]
    UnsupportedMediaType(&'static str),
    #[error("payload too large")]
    PayloadTooLarge(usize),
    #[error("uri too long")]
    UriTooLong(usize),
    #[error("headers too large")]
    HeadersTooLarge(usize),
    #[error("request timeout")]
    TimedOut,
    #[error("invalid utf-8")]
    InvalidUtf8,
    #[error("invalid json")]
    InvalidJson(String),
    #[error("invalid query")]
    InvalidQuery(String),
    #[error("busy")]
    Busy,
    /// Too many requests from this client, or from everyone: wait this
    /// many seconds.
    #[error("rate limited")]
    RateLimited(u64),
    #[error("unavailable")]
    Unavailable,
    #[error("internal: {0}")]
    Internal(String),
    /// Quotes, responses and pledges (see `organisation.rs`).
    #[error("{0}")]
    Voices(super::organisation::VoiceError),
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound("round") => Self::RoundUnknown,
            StoreError::NotFound("organisation") => Self::OrganisationUnknown,
            StoreError::NotFound(_) => Self::NotFound,
            StoreError::Exists(what) => Self::Exists(what),
            StoreError::CodeUnknown => Self::CodeUnknown,
            StoreError::CodeSpent => Self::CodeSpent,
            StoreError::TokenSpent => Self::TokenSpent,
            // Handlers that spend tokens answer with a fresh challenge.
            StoreError::TokenKeyRetired => Self::TokenRejected(
                "PrivateToken".into(),
                crate::tokens::redeemer::RedeemError::KeyUnknown,
            ),
            StoreError::InvitationUnknown => Self::InvitationUnknown,
            StoreError::InvitationExhausted => Self::InvitationExhausted,
            StoreError::Invalid(e) => Self::Input(vec![e]),
            StoreError::Busy => Self::Busy,
            StoreError::Unavailable => Self::Unavailable,
            StoreError::Io(e) => Self::Internal(e),
        }
    }
}

impl From<InputError> for ApiError {
    fn from(e: InputError) -> Self {
        Self::Input(vec![e])
    }
}

/// Seconds a client should wait after a 503.
pub const RETRY_AFTER_SECS: u32 = 2;

impl ApiError {
    /// The stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Input(errors) => errors.first().map_or("invalid_request", InputError::code),
            Self::RoundUnknown => "round_unknown",
            Self::OrganisationUnknown => "organisation_unknown",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed(_) => "method_not_allowed",
            Self::PeriodNotSealed => "period_not_sealed",
            Self::CheckpointInvalid(_) => "checkpoint_invalid",
            Self::CheckpointUnknown => "checkpoint_unknown",
            Self::CosignatureInvalid => "cosignature_invalid",
            Self::CodeUnknown => "code_unknown",
            Self::CodeSpent => "code_spent",
            Self::TokenRequired(_) => "token_required",
            Self::TokenRejected(..) => "token_invalid",
            Self::TokenSpent => "token_spent",
            Self::CredentialsConflict => "credentials_conflict",
            Self::InvitationUnknown => "invitation_unknown",
            Self::InvitationExhausted => "invitation_used",
            Self::TokenRequestInvalid(_) => "token_request_invalid",
            Self::Exists(_) => "already_exists",
            Self::Unauthorized => "unauthorized",
            Self::UnsupportedMediaType(_) => "unsupported_media_type",
            Self::PayloadTooLarge(_) => "payload_too_large",
            Self::UriTooLong(_) => "uri_too_long",
            Self::HeadersTooLarge(_) => "headers_too_large",
            Self::TimedOut => "request_timeout",
            Self::InvalidUtf8 => "invalid_utf8",
            Self::InvalidJson(_) => "invalid_json",
            Self::InvalidQuery(_) => "invalid_query",
            Self::Busy => "busy",
            Self::RateLimited(_) => "rate_limited",
            Self::Unavailable => "unavailable",
            Self::Internal(_) => "internal",
            Self::Voices(e) => e.code(),
        }
    }

    /// A plain-English explanation.
    pub fn message(&self) -> String {
        match self {
            Self::Input(errors) => errors
                .first()
                .map_or_else(|| "The request is not valid.".into(), InputError::message),
            Self::RoundUnknown => "There is no feedback round at this address.".into(),
            Self::OrganisationUnknown => "There is no organisation at this address.".into(),
            Self::NotFound => "There is nothing at this address.".into(),
            Self::MethodNotAllowed(allow) => {
                format!("This address only answers {allow}.")
            }
            Self::PeriodNotSealed => "That period has not been sealed: receipts are listed only \
                 after a period has ended."
                .into(),
            Self::CodeUnknown => "We do not recognise this code for this feedback round. Check \
                 each letter and number on your card."
                .into(),
            Self::CodeSpent => "This code has already been used. If you did not use it, tell \
                 the person who gave it to you."
                .into(),
            Self::TokenRequired(_) => "Send the paper code from your card in \"code\", or a \
                 Privacy Pass token in the Authorization header: the WWW-Authenticate header \
                 says which token this round accepts."
                .into(),
            Self::TokenRejected(_, why) => format!(
                "This token cannot be used here: {why}. Nothing was stored. The \
                 WWW-Authenticate header says which token this round accepts."
            ),
            Self::TokenSpent => "This token has already been used. Each token can be used \
                 once."
                .into(),
            Self::CredentialsConflict => "Send either a paper code or a token, not both.".into(),
            Self::InvitationUnknown => "We do not recognise this invitation. Check that you \
                 copied the whole link."
                .into(),
            Self::InvitationExhausted => "This invitation has already been used for all the \
                 tokens it gives. If you did not use it, tell the person who invited you."
                .into(),
            Self::TokenRequestInvalid(why) => {
                format!("The token request is not valid: {why}.")
            }
            Self::Exists(what) => format!("That {what} already exists."),
            Self::Unauthorized => "Send a valid token in the Authorization header.".into(),
            Self::UnsupportedMediaType(expected) => {
                format!("Send the body as {expected}.")
            }
            Self::PayloadTooLarge(limit) => {
                format!("The body is too large: send at most {limit} bytes.")
            }
            Self::UriTooLong(limit) => {
                format!("The web address is too long: at most {limit} characters.")
            }
            Self::HeadersTooLarge(limit) => {
                format!("The request headers are too large: at most {limit} bytes.")
            }
            Self::TimedOut => "The request took too long to arrive. Nothing was stored; \
                 send it again."
                .into(),
            Self::InvalidUtf8 => "The body is not valid UTF-8 text.".into(),
            Self::InvalidJson(detail) => format!("The body is not the JSON expected: {detail}"),
            Self::InvalidQuery(detail) => format!("The query is not valid: {detail}."),
            Self::CheckpointInvalid(why) => format!(
                "Send the cosigned checkpoint as a signed note (c2sp.org/signed-note): {why}."
            ),
            Self::CheckpointUnknown => "This log has signed no checkpoint with that text.".into(),
            Self::CosignatureInvalid => "No cosignature from a witness this server accepts \
                 verifies (or one from such a witness does not): nothing was kept."
                .into(),
            Self::Busy => "The service is busy. Nothing was stored; try again in a moment.".into(),
            Self::RateLimited(secs) => format!(
                "Too many requests in a short time. Nothing was stored and no code was used; \
                 try again in {secs} seconds."
            ),
            Self::Unavailable => "The service cannot store anything right now. Nothing was \
                 stored; try again later."
                .into(),
            Self::Internal(_) => "Something went wrong on our side. Nothing was stored.".into(),
            Self::Voices(e) => e.message(),
        }
    }
}

#[derive(Serialize)]
struct Body {
    error: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<Detail>,
}

#[derive(Serialize)]
struct Detail {
    error: &'static str,
    message: String,
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Input(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::RoundUnknown
            | Self::OrganisationUnknown
            | Self::NotFound
            | Self::PeriodNotSealed
            | Self::CheckpointUnknown => StatusCode::NOT_FOUND,
            // c2sp.org/tlog-witness answers an unverifiable note with 403.
            Self::CosignatureInvalid => StatusCode::FORBIDDEN,
            Self::CheckpointInvalid(_) => StatusCode::BAD_REQUEST,
            Self::CodeUnknown | Self::InvitationExhausted => StatusCode::FORBIDDEN,
            Self::CodeSpent | Self::Exists(_) | Self::TokenSpent => StatusCode::CONFLICT,
            Self::Unauthorized
            | Self::TokenRequired(_)
            | Self::TokenRejected(..)
            | Self::InvitationUnknown => StatusCode::UNAUTHORIZED,
            // RFC 9578 §6.2: a token request of an unsupported type, for a
            // key the issuer does not have, or of the wrong size is a 422.
            Self::TokenRequestInvalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::CredentialsConflict => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::InvalidUtf8 | Self::InvalidJson(_) | Self::InvalidQuery(_) => {
                StatusCode::BAD_REQUEST
            }
            Self::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            Self::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            Self::TimedOut => StatusCode::REQUEST_TIMEOUT,
            Self::Busy | Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Voices(e) => e.status(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(detail) = self {
            tracing::error!(%detail, "internal error");
        }
        let errors = match self {
            Self::Input(errors) if errors.len() > 1 => errors
                .iter()
                .map(|e| Detail {
                    error: e.code(),
                    message: e.message(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut response = HttpResponse::build(self.status_code());
        match self {
            Self::Unauthorized | Self::InvitationUnknown => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            Self::TokenRequired(challenge) | Self::TokenRejected(challenge, _) => {
                response.insert_header((header::WWW_AUTHENTICATE, challenge.as_str()));
            }
            Self::Busy | Self::Unavailable => {
                response.insert_header((header::RETRY_AFTER, RETRY_AFTER_SECS.to_string()));
            }
            Self::RateLimited(secs) => {
                response.insert_header((header::RETRY_AFTER, secs.to_string()));
            }
            Self::MethodNotAllowed(allow) => {
                response.insert_header((header::ALLOW, allow.clone()));
            }
            _ => {}
        }
        response.json(Body {
            error: self.code(),
            message: self.message(),
            errors,
        })
    }
}
