//! Reading the participant's form, and the "check your answers" step.
//!
//! The form posts to `POST /r/{round}/check`, which reads and checks the
//! answers without storing anything or spending the code, and shows them
//! back with a "Confirm and send" button. That button posts the same
//! fields, hidden, to `POST /r/{round}`, the only place a code is spent
//! (GOV.UK's "check answers" pattern, without JavaScript). Going back from
//! the check page leaves the code unspent.

use super::body::{self, FORM, FORM_LIMIT};
use super::error::ApiError;
use super::participant::{messages, page, problem_page};
use super::AppState;
use crate::app::{rounds, submissions, AppError};
use crate::domain::{InputError, Round, Submission, MAX_TEXT_CHARS, MAX_THEMES};
use crate::messages::Messages;
use crate::tokens::PaperCode;
use crate::views::{self, FormErrors, FormValues};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// Answers that passed every check that needs no storage.
pub(super) struct Answers {
    pub code: PaperCode,
    pub submission: Submission,
    pub values: FormValues,
}

/// What to show when the answers cannot be used: why (which decides the
/// status), what was typed (never the code) and the problems, field by
/// field.
pub(super) type Rejected = (ApiError, FormValues, FormErrors);

/// An input problem in the page's words.
pub(super) fn input_message(m: &Messages, e: &InputError) -> String {
    let (max, chars) = match e {
        InputError::TextTooLong { chars } => (MAX_TEXT_CHARS, *chars),
        _ => (MAX_THEMES, 0),
    };
    m.f(
        &format!("error-{}", e.code()),
        &[("max", max.into()), ("chars", chars.into())],
    )
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

/// Read the form body and parse every answer, collecting all problems.
pub(super) async fn read_answers(
    m: &Messages,
    round: &Round,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Answers, Rejected> {
    let pairs = match body::read(req, payload, FORM, FORM_LIMIT)
        .await
        .and_then(|b| body::decode_form(&b))
    {
        Ok(pairs) => pairs,
        Err(e) => {
            let message = match &e {
                ApiError::PayloadTooLarge(_) => m.t("error-too_large"),
                ApiError::InvalidUtf8 => m.t("error-unreadable"),
                _ => m.t("error-wrong_form"),
            };
            return Err((e, FormValues::default(), vec![("text", message)]));
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
    let submission = Submission::parse(round, &values.themes, &values.text, values.quote_ok)
        .map_err(|e| errors.extend(e))
        .ok();
    match (code, submission) {
        (Some(code), Some(submission)) => Ok(Answers {
            code,
            submission,
            values,
        }),
        _ => {
            let listed = errors
                .iter()
                .map(|e| (field_of(e), input_message(m, e)))
                .collect();
            Err((AppError::Input(errors).into(), values, listed))
        }
    }
}

/// `POST /r/{round}/check`: show the answers back, store nothing. With
/// `change=yes` (the "Change your answers" button), show the form again
/// with the answers, including the code, filled in.
pub async fn check(
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
    let form_again = |values: &FormValues, code: &str, errors: &FormErrors| {
        views::round_form_with_code(&m, &org, &round, values, code, errors)
    };
    let change = req.query_string().split('&').any(|p| p == "change=yes");
    match read_answers(&m, &round, &req, payload).await {
        Ok(a) if change => page(
            StatusCode::OK,
            form_again(&a.values, &a.code.display(), &Vec::new()),
        ),
        Ok(a) => {
            let suggested =
                submissions::suggested_themes(&round, &a.values.text, &a.values.themes).await;
            page(
                StatusCode::OK,
                views::check_answers(&m, &org, &round, &a.values, &a.code.display(), &suggested),
            )
        }
        Err((e, values, errors)) => e.page(form_again(&values, "", &errors)),
    }
}
