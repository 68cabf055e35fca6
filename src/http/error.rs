//! The one place where errors become HTTP statuses and stable codes: the
//! use cases' [`AppError`], the HTTP layer's own refusals ([`ApiError`]),
//! and the console's ([`ConsoleError`]). Views render an error; they never
//! decide its status.
//!
//! JSON API errors have the body `{"error": "<stable_code>", "message":
//! "..."}` (plus `"errors": [...]` when several fields are wrong, and
//! `"detail"` for a parser's or verifier's technical detail, in English).
//! The message is that of the code in `locales/*/api.ftl`, in the
//! request's language (`language::localise` answers again in it). A 500
//! says nothing about internals; the log line says what failed, never with
//! personal data.

use crate::app::voices::MAX_ANSWER_CHARS;
use crate::app::AppError;
use crate::digest::voices::RejectReason;
use crate::domain::InputError;
use crate::messages::Messages;
use crate::views::console as console_views;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use fluent_bundle::FluentValue;
use serde::Serialize;

/// What went wrong with a request: a use case's answer, or a refusal of
/// the HTTP layer itself (the request's shape, size, credentials or pace).
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error("not found")]
    NotFound,
    /// The address exists but not for this method; the value is `Allow`.
    #[error("method not allowed")]
    MethodNotAllowed(String),
    #[error("both a code and a token")]
    CredentialsConflict,
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
    /// Too many requests from this client, or from everyone: wait this
    /// many seconds.
    #[error("rate limited")]
    RateLimited(u64),
}

impl From<InputError> for ApiError {
    fn from(e: InputError) -> Self {
        Self::App(e.into())
    }
}

/// Seconds a client should wait after a 503.
pub const RETRY_AFTER_SECS: u32 = 2;

/// Seconds to wait after the password gate was full (Argon2id work takes
/// longer to drain than the write queue).
pub const HASHING_RETRY_SECS: u32 = 5;

/// The status of each thing that can go wrong in a use case.
fn app_status(e: &AppError) -> StatusCode {
    use AppError as E;
    match e {
        E::Input(_)
        | E::Account(_)
        | E::TextInvalid
        | E::TranslationInvalid(_)
        | E::StatusInvalid
        | E::ReasonRequired
        | E::DecisionInvalid
        | E::ReasonUnknown => StatusCode::UNPROCESSABLE_ENTITY,
        E::RoundUnknown
        | E::OrganisationUnknown
        | E::UserUnknown
        | E::CheckpointUnknown
        | E::NoCheckpoint
        | E::PeriodNotSealed
        | E::PeriodNotPublished
        | E::QuoteUnknown
        | E::PledgeUnknown => StatusCode::NOT_FOUND,
        E::CodeUnknown
        | E::AboutYouCodeRefused
        | E::InvitationExhausted
        | E::SetupClosed
        | E::OtherOrganisation => StatusCode::FORBIDDEN,
        E::CodeSpent
        | E::TokenSpent
        | E::OrganisationExists
        | E::RoundExists
        | E::UsernameTaken(_)
        | E::OwnAccount
        | E::TooFewToClose { .. }
        | E::ClosedEarlyAlready
        | E::PeriodJustBegun
        | E::QuoteDecided => StatusCode::CONFLICT,
        E::TokenRequired { .. } | E::TokenRejected { .. } | E::InvitationUnknown => {
            StatusCode::UNAUTHORIZED
        }
        // c2sp.org/tlog-witness answers an unverifiable note with 403.
        E::CosignatureInvalid => StatusCode::FORBIDDEN,
        // RFC 9578 §6.2: a token request of an unsupported type, for a key
        // the issuer does not have, or of the wrong size is a 422.
        E::TokenRequestInvalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        E::CheckpointInvalid(_) | E::LogRange(_) | E::OwnRole => StatusCode::BAD_REQUEST,
        E::Busy | E::Unavailable | E::HashingBusy => StatusCode::SERVICE_UNAVAILABLE,
        E::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The stable machine-readable code of each thing that can go wrong in a
/// use case (also the metrics' rejection reasons).
fn app_code(e: &AppError) -> &'static str {
    use AppError as E;
    match e {
        E::Input(errors) => errors.first().map_or("invalid_request", InputError::code),
        E::Account(_) => "account_invalid",
        E::RoundUnknown => "round_unknown",
        E::TooFewToClose { .. } => "period_too_small_to_close",
        E::ClosedEarlyAlready => "period_closed_early_already",
        E::PeriodJustBegun => "period_just_begun",
        E::OrganisationUnknown => "organisation_unknown",
        E::UserUnknown => "not_found",
        E::OrganisationExists | E::RoundExists | E::UsernameTaken(_) => "already_exists",
        E::SetupClosed => "setup_closed",
        E::OwnRole => "own_role",
        E::OwnAccount => "own_account",
        E::OtherOrganisation => "other_organisation",
        E::PeriodNotSealed => "period_not_sealed",
        E::CheckpointInvalid(_) => "checkpoint_invalid",
        E::CheckpointUnknown => "checkpoint_unknown",
        E::CosignatureInvalid => "cosignature_invalid",
        E::NoCheckpoint => "not_found",
        E::LogRange(_) => "invalid_query",
        E::CodeUnknown => "code_unknown",
        E::CodeSpent => "code_spent",
        E::AboutYouCodeRefused => "about_you_code_refused",
        E::TokenRequired { .. } => "token_required",
        E::TokenRejected { .. } => "token_invalid",
        E::TokenSpent => "token_spent",
        E::InvitationUnknown => "invitation_unknown",
        E::InvitationExhausted => "invitation_used",
        E::TokenRequestInvalid(_) => "token_request_invalid",
        E::PeriodNotPublished => "period_not_published",
        E::TextInvalid => "text_invalid",
        E::TranslationInvalid(_) => "translation_invalid",
        E::StatusInvalid => "status_invalid",
        E::ReasonRequired => "reason_required",
        E::DecisionInvalid => "decision_invalid",
        E::ReasonUnknown => "reason_unknown",
        E::QuoteDecided => "quote_decided",
        E::QuoteUnknown => "quote_unknown",
        E::PledgeUnknown => "pledge_unknown",
        E::Busy | E::HashingBusy => "busy",
        E::Unavailable => "unavailable",
        E::Internal(_) => "internal",
    }
}

/// The arguments of each use case's message (`locales/*/api.ftl`, keyed
/// by its code).
fn app_arguments(e: &AppError) -> Vec<(&'static str, FluentValue<'static>)> {
    use AppError as E;
    match e {
        E::Input(errors) => errors
            .first()
            .map(InputError::arguments)
            .unwrap_or_default(),
        E::OrganisationExists => vec![("what", "organisation".into())],
        E::RoundExists => vec![("what", "round".into())],
        E::UsernameTaken(_) => vec![("what", "user".into())],
        E::TextInvalid => vec![("max", MAX_ANSWER_CHARS.into())],
        E::TooFewToClose { needed } => vec![("min", (*needed).into())],
        E::TranslationInvalid(language) => vec![
            ("max", MAX_ANSWER_CHARS.into()),
            ("language", language.clone().into()),
        ],
        E::ReasonUnknown => vec![(
            "reasons",
            RejectReason::ALL.map(|r| r.code()).join(", ").into(),
        )],
        _ => Vec::new(),
    }
}

/// A use case's technical detail, in English (the JSON `detail`).
fn app_detail(e: &AppError) -> Option<String> {
    use AppError as E;
    match e {
        E::Input(errors) => errors.first().and_then(InputError::detail),
        E::TokenRejected { why, .. } => Some(why.to_string()),
        E::TokenRequestInvalid(why) => Some(why.to_string()),
        E::LogRange(detail) | E::CheckpointInvalid(detail) => Some(detail.clone()),
        _ => None,
    }
}

/// The status of a console form shown again because of what was typed
/// (sign-in and set-up included).
pub const FORM_INVALID: StatusCode = StatusCode::BAD_REQUEST;

/// The status of a console form shown again with the problems found: 409
/// when what was asked conflicts with what exists, else [`FORM_INVALID`].
pub fn form_status(e: &AppError) -> StatusCode {
    match e {
        AppError::OrganisationExists
        | AppError::RoundExists
        | AppError::UsernameTaken(_)
        | AppError::OwnAccount => StatusCode::CONFLICT,
        _ => FORM_INVALID,
    }
}

impl ApiError {
    /// The stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::App(e) => app_code(e),
            Self::NotFound => "not_found",
            Self::MethodNotAllowed(_) => "method_not_allowed",
            Self::CredentialsConflict => "credentials_conflict",
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
            Self::RateLimited(_) => "rate_limited",
        }
    }

    /// A paper code or Privacy Pass token was checked and refused: the
    /// client's failure allowance is charged (`ratelimit`). A malformed code
    /// (caught by its check symbol, so usually a typing slip) never reaches
    /// a check and is not charged.
    pub fn is_credential_failure(&self) -> bool {
        matches!(
            self,
            Self::App(
                AppError::CodeUnknown
                    | AppError::CodeSpent
                    | AppError::AboutYouCodeRefused
                    | AppError::TokenRejected { .. }
                    | AppError::TokenSpent
            )
        )
    }

    /// The message's arguments (`locales/*/api.ftl`, keyed by the code).
    fn arguments(&self) -> Vec<(&'static str, FluentValue<'static>)> {
        match self {
            Self::App(e) => app_arguments(e),
            Self::MethodNotAllowed(allow) => vec![("allow", allow.clone().into())],
            Self::UnsupportedMediaType(expected) => vec![("expected", (*expected).into())],
            Self::PayloadTooLarge(limit)
            | Self::UriTooLong(limit)
            | Self::HeadersTooLarge(limit) => vec![("limit", (*limit).into())],
            Self::RateLimited(seconds) => vec![("seconds", (*seconds).into())],
            _ => Vec::new(),
        }
    }

    /// A technical detail from a parser or a verifier, in English: the
    /// JSON `detail`, kept out of the message so that a message never
    /// mixes languages.
    pub fn detail(&self) -> Option<String> {
        match self {
            Self::App(e) => app_detail(e),
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

    /// Log an internal failure, whole, once (never anything personal: the
    /// use cases do not put it there).
    fn log(&self) {
        if let Self::App(AppError::Internal(e)) = self {
            tracing::error!(detail = %format!("{e:#}"), "internal error");
        }
    }

    /// The JSON answer in `m`'s language: `{"error", "message", "detail"?,
    /// "errors"?}`, with the headers the error calls for.
    pub fn response_in(&self, m: &Messages) -> HttpResponse {
        let m = m.api();
        let errors = match self {
            Self::App(AppError::Input(errors)) if errors.len() > 1 => errors
                .iter()
                .map(|e| Detail {
                    error: e.code(),
                    message: m.f(e.code(), &e.arguments()),
                    field: e.field(),
                    detail: e.detail(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut response = HttpResponse::build(self.status_code());
        for (name, value) in self.headers() {
            response.insert_header((name, value));
        }
        response.insert_header((header::CONTENT_LANGUAGE, m.language()));
        let mut response = response.json(Body {
            error: self.code(),
            message: self.message_in(&m),
            field: match self {
                Self::App(AppError::Input(errors)) => errors.first().and_then(InputError::field),
                _ => None,
            },
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
    /// The JSON path of the field at fault, when there is one (issue 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
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
    field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::App(e) => app_status(e),
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::CredentialsConflict
            | Self::InvalidUtf8
            | Self::InvalidJson(_)
            | Self::InvalidQuery(_)
            | Self::PathNotCanonical => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            Self::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            Self::TimedOut => StatusCode::REQUEST_TIMEOUT,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    /// In English: a middleware ([`super::language::localise`]) answers
    /// again in the request's language.
    fn error_response(&self) -> HttpResponse {
        self.log();
        self.response_in(&Messages::english())
    }
}

impl ApiError {
    /// The headers the answer carries, whatever its body (a JSON error, a
    /// page or a form shown again).
    pub fn headers(&self) -> Vec<(header::HeaderName, String)> {
        match self {
            Self::Unauthorized | Self::App(AppError::InvitationUnknown) => {
                vec![(header::WWW_AUTHENTICATE, "Bearer".into())]
            }
            Self::App(
                AppError::TokenRequired { challenge } | AppError::TokenRejected { challenge, .. },
            ) => vec![(header::WWW_AUTHENTICATE, challenge.clone())],
            Self::App(AppError::Busy | AppError::Unavailable) => {
                vec![(header::RETRY_AFTER, RETRY_AFTER_SECS.to_string())]
            }
            Self::App(AppError::HashingBusy) => {
                vec![(header::RETRY_AFTER, HASHING_RETRY_SECS.to_string())]
            }
            Self::RateLimited(secs) => vec![(header::RETRY_AFTER, secs.to_string())],
            Self::MethodNotAllowed(allow) => vec![(header::ALLOW, allow.clone())],
            _ => Vec::new(),
        }
    }

    /// `response` (a page) with this error's status and headers.
    pub fn page(&self, markup: maud::Markup) -> HttpResponse {
        self.log();
        let mut response = HttpResponse::build(self.status_code());
        for (name, value) in self.headers() {
            response.insert_header((name, value));
        }
        let mut response = response
            .content_type("text/html; charset=utf-8")
            .body(markup.into_string());
        if self.is_credential_failure() {
            super::ratelimit::mark_credential_failed(&mut response);
        }
        response
    }
}

/// Why a console request was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// No live session: go and sign in.
    #[error("sign in")]
    SignIn,
    /// Signed in, but this role may not use this route (or this user may
    /// not act on that organisation).
    #[error("forbidden")]
    Forbidden,
    /// A state-changing form without this session's CSRF token, or from
    /// another origin.
    #[error("csrf")]
    Csrf,
    #[error("too many attempts")]
    RateLimited(u64),
    /// An administrator without a second factor, when administrators must
    /// have one: go and enrol.
    #[error("enrol a second factor")]
    Enrol,
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl From<AppError> for ConsoleError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::OtherOrganisation => Self::Forbidden,
            e => Self::Api(e.into()),
        }
    }
}

impl From<InputError> for ConsoleError {
    fn from(e: InputError) -> Self {
        AppError::from(e).into()
    }
}

impl ResponseError for ConsoleError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::SignIn | Self::Enrol => StatusCode::SEE_OTHER,
            Self::Forbidden | Self::Csrf => StatusCode::FORBIDDEN,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Api(e) => e.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let page = |markup: maud::Markup| {
            HttpResponse::build(status)
                .content_type("text/html; charset=utf-8")
                .body(markup.into_string())
        };
        match self {
            Self::SignIn => HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/console/login"))
                .finish(),
            Self::Enrol => HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/console/account/two-step?required=yes"))
                .finish(),
            Self::Forbidden => page(console_views::forbidden(
                None,
                "You cannot use this page",
                "Your role does not include this page. Ask an administrator if you need it.",
            )),
            Self::Csrf => page(console_views::forbidden(
                None,
                "This form has expired",
                "The form was not sent from a current console page, so nothing was changed. Go \
                 back, reload the page and send it again.",
            )),
            Self::RateLimited(secs) => too_many_attempts(*secs),
            Self::Api(e) => {
                let (title, body) = match e {
                    ApiError::NotFound
                    | ApiError::App(
                        AppError::RoundUnknown
                        | AppError::OrganisationUnknown
                        | AppError::UserUnknown,
                    ) => (
                        "Not found".to_owned(),
                        "There is nothing at this address.".to_owned(),
                    ),
                    ApiError::App(AppError::Internal(_)) => (
                        "Sorry, something went wrong".to_owned(),
                        "Nothing was changed. Try again in a few minutes.".to_owned(),
                    ),
                    ApiError::App(AppError::HashingBusy) => (
                        "The console is busy".to_owned(),
                        format!(
                            "Too many people are signing in at this moment, so yours was not \
                             checked and nothing was changed. Wait {HASHING_RETRY_SECS} seconds, \
                             then try again."
                        ),
                    ),
                    other => ("That did not work".to_owned(), other.message()),
                };
                e.page(console_views::forbidden(None, &title, &body))
            }
        }
    }
}

/// The 429 page for sign-in attempts (also used by the rate-limit
/// middleware for console addresses).
pub fn too_many_attempts(retry_after: u64) -> HttpResponse {
    ApiError::RateLimited(retry_after).page(console_views::forbidden(
        None,
        "Too many sign-in attempts",
        &format!(
            "There have been too many attempts to sign in, from your connection or to this \
             account. Wait {retry_after} seconds, then try again."
        ),
    ))
}
