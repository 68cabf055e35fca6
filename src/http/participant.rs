//! Participant and public pages: the form, the confirmation, the digest.
//!
//! Nothing here reads the client's address, user agent, referrer or
//! cookies, and no response sets a cookie.

use super::body::{self, FORM, FORM_LIMIT};
use super::error::{ApiError, RETRY_AFTER_SECS};
use super::AppState;
use crate::domain::{InputError, Organisation, Round, Submission};
use crate::tokens::PaperCode;
use crate::views::{self, FormErrors, FormValues};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};
use maud::Markup;

const STYLE: &str = include_str!("../../static/style.css");

pub(super) fn page(status: StatusCode, markup: Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

pub async fn home() -> HttpResponse {
    page(StatusCode::OK, views::home())
}

/// 200 while the store accepts writes.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    if state.store.healthy() {
        HttpResponse::Ok().content_type("text/plain").body("ok")
    } else {
        HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("store unavailable")
    }
}

pub async fn style() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(STYLE)
}

/// JSON for API addresses, a page for everything else.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    if req.path().starts_with("/api/") {
        ApiError::NotFound.error_response()
    } else {
        page(StatusCode::NOT_FOUND, views::not_found())
    }
}

/// A round and its organisation, or `RoundUnknown`.
pub(super) fn load_round(state: &AppState, slug: &str) -> Result<(Organisation, Round), ApiError> {
    let round = state.store.round(slug)?.ok_or(ApiError::RoundUnknown)?;
    let org = state
        .store
        .organisation(round.organisation.as_str())?
        .ok_or(ApiError::RoundUnknown)?;
    Ok((org, round))
}

/// A page for an error that is not about one field of the form.
fn problem_page(e: &ApiError) -> HttpResponse {
    let markup = match e {
        ApiError::RoundUnknown => views::problem(
            "Feedback round not found",
            "There is no feedback round at this address. Check the address on your card.",
        ),
        ApiError::OrganisationUnknown | ApiError::NotFound => views::not_found(),
        _ => views::problem("Sorry, there is a problem with the service", &e.message()),
    };
    if let ApiError::Internal(detail) = e {
        tracing::error!(%detail, "internal error");
    }
    page(e.status_code(), markup)
}

pub async fn form(state: web::Data<AppState>, path: web::Path<String>) -> HttpResponse {
    match load_round(&state, &path) {
        Ok((org, round)) => page(
            StatusCode::OK,
            views::round_form(&org, &round, &FormValues::default(), &Vec::new()),
        ),
        Err(e) => problem_page(&e),
    }
}

/// Which form field an input problem belongs to.
fn field_of(e: &InputError) -> &'static str {
    match e {
        InputError::CodeMissing | InputError::CodeMalformed => "code",
        InputError::ThemesMissing | InputError::ThemesTooMany | InputError::ThemeUnknown => {
            "themes"
        }
        _ => "text",
    }
}

pub async fn submit(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let (org, round) = match load_round(&state, &path) {
        Ok(found) => found,
        Err(e) => return problem_page(&e),
    };
    let again = |status, values: &FormValues, errors: FormErrors| {
        page(status, views::round_form(&org, &round, values, &errors))
    };
    let pairs = match body::read(&req, payload, FORM, FORM_LIMIT)
        .await
        .and_then(|b| body::decode_form(&b))
    {
        Ok(pairs) => pairs,
        Err(e) => {
            state.store.metrics().submission_rejected(e.code());
            let message = match &e {
                ApiError::PayloadTooLarge(_) => {
                    "What you sent is too long. Shorten what you wrote and send it again.".into()
                }
                ApiError::InvalidUtf8 => {
                    "Some of what you sent could not be read. Type it again and send it.".into()
                }
                ApiError::UnsupportedMediaType(_) => {
                    "Send your answers with the form on this page.".into()
                }
                other => other.message(),
            };
            return again(
                e.status_code(),
                &FormValues::default(),
                vec![("text", message)],
            );
        }
    };
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let values = FormValues {
        themes: pairs
            .iter()
            .filter(|(n, _)| n == "themes")
            .map(|(_, v)| v.clone())
            .collect(),
        text: field("text").to_owned(),
        quote_ok: field("quote_ok") == "yes",
    };
    let mut errors: Vec<InputError> = Vec::new();
    let code = if field("code").trim().is_empty() {
        errors.push(InputError::CodeMissing);
        None
    } else {
        PaperCode::parse(field("code")).or_else(|| {
            errors.push(InputError::CodeMalformed);
            None
        })
    };
    let submission = Submission::parse(&round, &values.themes, &values.text, values.quote_ok)
        .map_err(|e| errors.extend(e))
        .ok();
    let (Some(code), Some(submission)) = (code, submission) else {
        // Refusals before the store are counted here; the store counts its own.
        let reason = errors.first().map_or("invalid_request", InputError::code);
        state.store.metrics().submission_rejected(reason);
        let listed = errors.iter().map(|e| (field_of(e), e.message())).collect();
        return again(StatusCode::UNPROCESSABLE_ENTITY, &values, listed);
    };
    match state
        .store
        .submit(state.codes.redeem(&code), submission, state.clock.today())
        .await
        .map_err(ApiError::from)
    {
        Ok(receipt) => page(StatusCode::OK, views::confirmation(&org, &round, &receipt)),
        Err(e @ (ApiError::CodeUnknown | ApiError::CodeSpent)) => {
            again(e.status_code(), &values, vec![("code", e.message())])
        }
        Err(e @ (ApiError::Busy | ApiError::Unavailable)) => {
            let mut response = again(
                e.status_code(),
                &values,
                vec![(
                    "text",
                    "The service is busy. Nothing was stored and your code was not used. \
                     Wait a moment, type your code again and press Send."
                        .into(),
                )],
            );
            response.headers_mut().insert(
                header::RETRY_AFTER,
                header::HeaderValue::from(RETRY_AFTER_SECS),
            );
            response
        }
        Err(e) => problem_page(&e),
    }
}

pub async fn digest(state: web::Data<AppState>, path: web::Path<String>) -> HttpResponse {
    match super::api::load_digest(&state, &path).await {
        Ok(d) => page(StatusCode::OK, views::digest(&d)),
        Err(e) => problem_page(&e),
    }
}
