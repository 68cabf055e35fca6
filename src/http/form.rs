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
use crate::domain::{AnsweredSubmission, InputError, RawAnswers, Round};
use crate::tokens::PaperCode;
use crate::views::{self, FormErrors, FormValues};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// Answers that passed every check that needs no storage.
pub(super) struct Answers {
    pub code: PaperCode,
    pub submission: AnsweredSubmission,
    pub values: FormValues,
}

/// What to show when the answers cannot be used: why (which decides the
/// status), what was typed (the code included) and the problems, by
/// stable code.
/// (Boxed: a refusal is rare, and large beside the answers.)
pub(super) type Rejected = Box<(ApiError, FormValues, FormErrors)>;

/// The form's problem code for an input problem.
fn problem_of(e: &InputError) -> &'static str {
    views::form_problem(e.code()).unwrap_or("wrong_form")
}

/// Read the form body as name/value pairs. A body that cannot be decoded
/// is refused with what of it can be shown back (the fields that are valid
/// UTF-8, so the code survives a bad character in the text).
async fn read_pairs(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Vec<(String, String)>, Rejected> {
    let refuse = |e: ApiError, values| {
        let problem = match &e {
            ApiError::PayloadTooLarge(_) => "too_large",
            ApiError::InvalidUtf8 => "unreadable",
            _ => "wrong_form",
        };
        Box::new((e, values, vec![problem]))
    };
    let bytes = body::read(req, payload, FORM, FORM_LIMIT)
        .await
        .map_err(|e| refuse(e, FormValues::default()))?;
    body::decode_form(&bytes).map_err(|e| refuse(e, values_of(&body::decodable_pairs(&bytes))))
}

/// What was typed, as typed.
fn values_of(pairs: &[(String, String)]) -> FormValues {
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    FormValues {
        code: field("code").to_owned(),
        themes: pairs
            .iter()
            .filter(|(n, _)| n == "themes")
            .map(|(_, v)| v.clone())
            .collect(),
        text: field("text").to_owned(),
        quote_ok: field("quote_ok") == "yes",
        answers: RawAnswers::from_form(pairs),
    }
}

/// Parse every answer, collecting all problems: the code, the answers to
/// the round's questions (issue 20), the themes and the text.
fn parse(round: &Round, values: FormValues) -> Result<Answers, Rejected> {
    let mut errors: Vec<InputError> = Vec::new();
    let code = if values.code.trim().is_empty() {
        errors.push(InputError::CodeMissing);
        None
    } else {
        PaperCode::parse(&values.code).or_else(|| {
            errors.push(InputError::CodeMalformed);
            None
        })
    };
    let submission = AnsweredSubmission::parse(
        round,
        &values.themes,
        &values.text,
        values.quote_ok,
        &values.answers,
    )
    .map_err(|e| errors.extend(e))
    .ok();
    match (code, submission) {
        (Some(code), Some(submission)) => Ok(Answers {
            code,
            submission,
            values,
        }),
        _ => {
            let listed = errors.iter().map(problem_of).collect();
            Err(Box::new((AppError::Input(errors).into(), values, listed)))
        }
    }
}

/// Read the form body and parse every answer, collecting all problems.
pub(super) async fn read_answers(
    round: &Round,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Answers, Rejected> {
    parse(round, values_of(&read_pairs(req, payload).await?))
}

/// `POST /r/{round}/check`: show the answers back, store nothing. With
/// `change=yes` (the "Change your answers" button), show the form again
/// with the answers, the code included, filled in. With `switch=yes` (the
/// switch to Easy Read or back on a page that shows the form again), show
/// the form with what was typed and the problems it came with, checked
/// against the known list, in the version the address asks for.
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
    let form_again = |status, values: &FormValues, errors: FormErrors| {
        page(status, views::round_form(&m, &org, &round, values, &errors))
    };
    let query = |flag: &str| req.query_string().split('&').any(|p| p == flag);
    let pairs = match read_pairs(&req, payload).await {
        Ok(pairs) => pairs,
        Err(refused) => {
            let (e, values, errors) = *refused;
            return e.page(views::round_form(&m, &org, &round, &values, &errors));
        }
    };
    if query("switch=yes") {
        let errors: FormErrors = pairs
            .iter()
            .filter(|(n, _)| n == "error")
            .filter_map(|(_, v)| views::form_problem(v))
            .collect();
        return form_again(StatusCode::OK, &values_of(&pairs), errors);
    }
    match parse(&round, values_of(&pairs)) {
        Ok(a) if query("change=yes") => form_again(StatusCode::OK, &a.values, Vec::new()),
        Ok(a) => {
            let values = FormValues {
                code: a.code.display(),
                ..a.values
            };
            let suggested =
                submissions::suggested_themes(&round, &values.text, &values.themes).await;
            page(
                StatusCode::OK,
                views::check_answers(&m, &org, &round, &values, &suggested),
            )
        }
        Err(refused) => {
            let (e, values, errors) = *refused;
            e.page(views::round_form(&m, &org, &round, &values, &errors))
        }
    }
}
