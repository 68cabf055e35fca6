//! The one place where errors become HTTP statuses.
//!
//! JSON API errors have the body `{"error": "<stable_code>", "message":
//! "..."}` (plus `"errors": [...]` when several fields are wrong, and
//! `"detail"` for a parser's or verifier's technical detail, in English).
//! The message is in the request's language (`locales/*/api.ftl`). A 500
//! says nothing about internals; the log line says what failed, never with
//! personal data.

use crate::domain::InputError;
use crate::messages::Messages;
use crate::store::StoreError;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use fluent_bundle::FluentValue;
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
    /// The path is percent-encoded, or has an empty or dot segment or a
    /// trailing slash (see `ratelimit::canonical`).
    #[error("path not canonical")]
    PathNotCanonical,
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
            Self::PathNotCanonical => "path_not_canonical",
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

    /// A paper code or Privacy Pass token was checked and refused: the
    /// client's failure allowance is charged (`ratelimit`). A malformed code
    /// (caught by its check symbol, so usually a typing slip) never reaches
    /// a check and is not charged.
    pub fn is_credential_failure(&self) -> bool {
        matches!(
            self,
            Self::CodeUnknown | Self::CodeSpent | Self::TokenRejected(..) | Self::TokenSpent
        )
    }

    /// The message's arguments (`locales/*/api.ftl`, keyed by the code).
    fn arguments(&self) -> Vec<(&'static str, FluentValue<'static>)> {
        match self {
            Self::Input(errors) => errors
                .first()
                .map(InputError::arguments)
                .unwrap_or_default(),
            Self::MethodNotAllowed(allow) => vec![("allow", allow.clone().into())],
            Self::Exists(what) => vec![("what", (*what).into())],
            Self::UnsupportedMediaType(expected) => vec![("expected", (*expected).into())],
            Self::PayloadTooLarge(limit)
            | Self::UriTooLong(limit)
            | Self::HeadersTooLarge(limit) => {
                vec![("limit", (*limit).into())]
            }
            Self::RateLimited(seconds) => vec![("seconds", (*seconds).into())],
            Self::Voices(e) => e.arguments(),
            _ => Vec::new(),
        }
    }

    /// A technical detail from a parser or a verifier, in English: the
    /// JSON `detail`, kept out of the message so that a message never
    /// mixes languages.
    pub fn detail(&self) -> Option<String> {
        match self {
            Self::Input(errors) => errors.first().and_then(InputError::detail),
            Self::TokenRejected(_, why) => Some(why.to_string()),
            Self::TokenRequestInvalid(why) => Some(why.to_string()),
            Self::InvalidJson(detail) | Self::InvalidQuery(detail) => Some(detail.clone()),
            _ => None,
        }
    }

    /// The explanation in `m`'s language (`m` from [`Messages::api`]).
    pub fn message_in(&self, m: &Messages) -> String {
        m.f(self.code(), &self.arguments())
    }

    /// The explanation in plain English, with any technical detail (for
    /// logs, the console and the command line).
    pub fn message(&self) -> String {
        let text = self.message_in(&Messages::english().api());
        match self.detail() {
            Some(detail) => format!("{text} ({detail})"),
            None => text,
        }
    }

    /// The JSON answer in `m`'s language: `{"error", "message", "detail"?,
    /// "errors"?}`, with the headers the error calls for.
    pub fn response_in(&self, m: &Messages) -> HttpResponse {
        let m = m.api();
        let errors = match self {
            Self::Input(errors) if errors.len() > 1 => errors
                .iter()
                .map(|e| Detail {
                    error: e.code(),
                    message: m.f(e.code(), &e.arguments()),
                    detail: e.detail(),
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
        response.insert_header((header::CONTENT_LANGUAGE, m.language()));
        let mut response = response.json(Body {
            error: self.code(),
            message: self.message_in(&m),
            detail: self.detail(),
            errors,
        });
        if self.is_credential_failure() {
            super::ratelimit::mark_credential_failed(&mut response);
        }
        response
    }
}

#[derive(Serialize)]
struct Body {
    error: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<Detail>,
}

#[derive(Serialize)]
struct Detail {
    error: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Input(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::RoundUnknown
            | Self::OrganisationUnknown
            | Self::NotFound
            | Self::PeriodNotSealed => StatusCode::NOT_FOUND,
            Self::CodeUnknown | Self::InvitationExhausted => StatusCode::FORBIDDEN,
            Self::CodeSpent | Self::Exists(_) | Self::TokenSpent => StatusCode::CONFLICT,
            Self::Unauthorized
            | Self::TokenRequired(_)
            | Self::TokenRejected(..)
            | Self::InvitationUnknown => StatusCode::UNAUTHORIZED,
            Self::CredentialsConflict | Self::TokenRequestInvalid(_) | Self::PathNotCanonical => {
                StatusCode::BAD_REQUEST
            }
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

    /// In English: a middleware ([`super::language::localise`]) answers
    /// again in the request's language.
    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(detail) = self {
            tracing::error!(%detail, "internal error");
        }
        self.response_in(&Messages::english())
    }
}
