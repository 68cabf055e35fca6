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
use crate::domain::AboutYou;
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

/// `POST /r/{round}/about-you`.
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
    let answers = match AboutYou::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Ok(a) => a,
        Err(wrong) => {
            // Keep the valid choices; name each question with a bad one.
            let kept: BTreeMap<String, String> = AboutYou::parse(
                pairs
                    .iter()
                    .filter(|(k, _)| !wrong.contains(&k.as_str()))
                    .map(|(k, v)| (k.as_str(), v.as_str())),
            )
            .map(|a| a.answers)
            .unwrap_or_default();
            let errors: Vec<(&str, String)> =
                wrong.iter().map(|q| (*q, m.t("about-error"))).collect();
            // Which questions had a bad choice is said on the page; the
            // status is that of any invalid input.
            return ApiError::from(AppError::Input(Vec::new()))
                .page(views::about_you_form(&m, &org, &round, &kept, &errors));
        }
    };
    match submissions::about_you(&state.app, &round, answers, state.today()).await {
        Ok(()) => page(StatusCode::OK, views::about_you_thanks(&m, &org, &round)),
        Err(e) => problem_page(&m, &req, &e.into()),
    }
}
