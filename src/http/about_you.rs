//! The optional "about you" form, offered after sending a critique.
//!
//! # Security contract
//! Answers are counted only with the one-time code the critique's
//! confirmation carried (see [`crate::app::submissions`]): the confirmation
//! page posts it to this form in a hidden field, or the person types it;
//! it never travels in an address (addresses reach logs), and no cookie is
//! set. Nothing of the request but the round, the code and the answers is
//! read. A missing, malformed, unknown or spent code is refused with the
//! answers kept on the page, and stores nothing. The POST draws from the
//! "about you" per-client bucket.

use super::body::{self, FORM, FORM_LIMIT};
use super::error::ApiError;
use super::participant::{messages, page, problem_page};
use super::AppState;
use crate::app::{rounds, submissions, AppError};
use crate::domain::{AboutYou, QUESTIONS};
use crate::messages::Messages;
use crate::tokens::AboutYouCode;
use crate::views::{self, ABOUT_CODE as CODE};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use std::collections::BTreeMap;

/// Longest code shown back as typed (a code is 14 characters with dashes).
const MAX_CODE_ECHO: usize = 40;

/// `GET /r/{round}/about-you`.
pub async fn form(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> HttpResponse {
    let m = messages(&req);
    match rounds::round(&state.app, &path).await {
        Ok((org, round)) => page(
            StatusCode::OK,
            views::about_you_form(&m, &org, &round, "", &BTreeMap::new(), &[]),
        ),
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}

/// The choices among `pairs` that are answers the form offers.
fn valid_choices(pairs: &[(String, String)]) -> BTreeMap<String, String> {
    let valid = |(k, v): &&(String, String)| AboutYou::parse([(k.as_str(), v.as_str())]).is_ok();
    AboutYou::parse(
        pairs
            .iter()
            .filter(valid)
            .map(|(k, v)| (k.as_str(), v.as_str())),
    )
    .map(|a| a.answers)
    .unwrap_or_default()
}

/// The code as posted (typed or carried), trimmed and cut short.
fn posted_code(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .find(|(n, _)| n == CODE)
        .map(|(_, v)| v.trim().chars().take(MAX_CODE_ECHO).collect())
        .unwrap_or_default()
}

/// The code's problem, if it is missing or malformed.
fn code_problem(m: &Messages, raw: &str) -> Option<String> {
    if raw.is_empty() {
        Some(m.t("about-code-missing"))
    } else if AboutYouCode::parse(raw).is_none() {
        Some(m.t("about-code-invalid"))
    } else {
        None
    }
}

/// The form again, with the code, the choices and the problems carried
/// (the confirmation page's button, or the switch to the other version):
/// nothing is stored. Only the form's own fields can be named as problems.
fn carried(
    m: &Messages,
    org: &crate::domain::Organisation,
    round: &crate::domain::Round,
    pairs: &[(String, String)],
) -> maud::Markup {
    let code = posted_code(pairs);
    let errors: Vec<(&str, String)> = std::iter::once(CODE)
        .chain(QUESTIONS.iter().map(|(q, _)| *q))
        .filter(|q| pairs.iter().any(|(n, v)| n == "error" && v == q))
        .map(|q| match q {
            CODE => (
                q,
                code_problem(m, &code).unwrap_or_else(|| m.t("about-code-refused")),
            ),
            _ => (q, m.t("about-error")),
        })
        .collect();
    views::about_you_form(m, org, round, &code, &valid_choices(pairs), &errors)
}

/// `POST /r/{round}/about-you`: the answers with their code. With
/// `switch=yes` (the switch to the other version) or `show=yes` (the
/// confirmation page's button), the form again with what was carried,
/// storing nothing.
pub async fn submit(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let m = messages(&req);
    let (org, round) = match rounds::round(&state.app, &path).await {
        Ok(found) => found,
        Err(e) => return problem_page(&m, &req, &e.into()),
    };
    let pairs = match body::read(&req, payload, FORM, FORM_LIMIT)
        .await
        .and_then(|b| body::decode_form(&b))
    {
        Ok(pairs) => pairs,
        Err(e) => {
            // The body itself could not be read: say so at the first question.
            let message = match &e {
                ApiError::PayloadTooLarge(_) => m.t("error-too_large"),
                ApiError::InvalidUtf8 => m.t("error-unreadable"),
                _ => m.t("error-wrong_form"),
            };
            return e.page(views::about_you_form(
                &m,
                &org,
                &round,
                "",
                &BTreeMap::new(),
                &[("age", message)],
            ));
        }
    };
    if req
        .query_string()
        .split('&')
        .any(|p| p == "switch=yes" || p == "show=yes")
    {
        return page(StatusCode::OK, carried(&m, &org, &round, &pairs));
    }
    let raw = posted_code(&pairs);
    let parsed = AboutYou::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    // Every problem at once: the code's, then each question with a bad
    // choice; the valid choices and the code as typed are kept.
    let mut errors: Vec<(&str, String)> = code_problem(&m, &raw)
        .map(|e| (CODE, e))
        .into_iter()
        .collect();
    if let Err(wrong) = &parsed {
        errors.extend(wrong.iter().map(|q| (*q, m.t("about-error"))));
    }
    let shown_again = |e: ApiError, errors: &[(&str, String)]| {
        e.page(views::about_you_form(
            &m,
            &org,
            &round,
            &raw,
            &valid_choices(&pairs),
            errors,
        ))
    };
    let (Ok(answers), Some(code)) = (parsed, AboutYouCode::parse(&raw)) else {
        // The status is that of any invalid input; the page names each.
        return shown_again(AppError::Input(Vec::new()).into(), &errors);
    };
    match submissions::about_you(&state.app, &round, &code, answers, state.today()).await {
        Ok(()) => page(StatusCode::OK, views::about_you_thanks(&m, &org, &round)),
        Err(e @ AppError::AboutYouCodeRefused) => {
            shown_again(e.into(), &[(CODE, m.t("about-code-refused"))])
        }
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}
