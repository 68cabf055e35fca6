//! The optional "about you" form, offered after sending a critique.
//!
//! # Security contract
//! Nothing in the form, its address or its answer ties it to a critique:
//! the link on the confirmation page is the round's own address, no
//! cookie is set, and nothing of the request but the round and the answers
//! is read. Answers go to the writer, which stores them in shuffled
//! batches under fresh random ids (see `store/voices.rs`). The POST draws
//! from the same per-client bucket as the other participant POSTs (every
//! POST under `/r/`).

use super::body::{self, FORM, FORM_LIMIT};
use super::error::ApiError;
use super::participant::{messages, page, problem_page};
use super::AppState;
use crate::app::{rounds, submissions, AppError};
use crate::domain::{AboutYou, QUESTIONS};
use crate::views;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use std::collections::BTreeMap;

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
            views::about_you_form(&m, &org, &round, &BTreeMap::new(), &[]),
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

/// The form again in the other version (Easy Read or standard), with the
/// choices and the problems its switch carried: nothing is stored. Only
/// the form's own questions can be named as problems.
fn switched(
    m: &crate::messages::Messages,
    org: &crate::domain::Organisation,
    round: &crate::domain::Round,
    pairs: &[(String, String)],
) -> maud::Markup {
    let errors: Vec<(&str, String)> = QUESTIONS
        .iter()
        .map(|(q, _)| *q)
        .filter(|q| pairs.iter().any(|(n, v)| n == "error" && v == q))
        .map(|q| (q, m.t("about-error")))
        .collect();
    views::about_you_form(m, org, round, &valid_choices(pairs), &errors)
}

/// `POST /r/{round}/about-you`; with `switch=yes`, the form again in the
/// other version, storing nothing.
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
                &BTreeMap::new(),
                &[("age", message)],
            ));
        }
    };
    if req.query_string().split('&').any(|p| p == "switch=yes") {
        return page(StatusCode::OK, switched(&m, &org, &round, &pairs));
    }
    let answers = match AboutYou::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Ok(a) => a,
        Err(wrong) => {
            // Keep the valid choices; name each question with a bad one.
            let errors: Vec<(&str, String)> =
                wrong.iter().map(|q| (*q, m.t("about-error"))).collect();
            // Which questions had a bad choice is said on the page; the
            // status is that of any invalid input.
            return ApiError::from(AppError::Input(Vec::new())).page(views::about_you_form(
                &m,
                &org,
                &round,
                &valid_choices(&pairs),
                &errors,
            ));
        }
    };
    match submissions::about_you(&state.app, &round, answers, state.today()).await {
        Ok(()) => page(StatusCode::OK, views::about_you_thanks(&m, &org, &round)),
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}
