//! A round's questions (issue 20), the console side of the admin API's
//! `questions` and `answers_without_text`: one question at a time is added,
//! edited, moved up or down or removed, and the whole new list goes
//! through the same use case as the API ([`crate::app::rounds::update_round`],
//! which applies the freeze after opening and records `round.update` in the
//! staff log).

use super::round_form::Problems;
use super::{html, post, refused, ConsoleError, Done, FormPage, Shown, Staff, StaffForm};
use crate::app::{rounds, AppError};
use crate::domain::{
    InputError, OptionSpec, Question, QuestionError, QuestionSpec, Questions, Round, RoundSettings,
    RoundUpdate,
};
use crate::http::AppState;
use crate::views::console::{self as views, option_field, MAX_OPTION_ROWS};
use actix_web::{web, HttpRequest, HttpResponse};

/// The questions page of a round, with the editor holding question
/// `editing` (counted from 0), or a new one.
struct QuestionsPage {
    round: String,
    editing: Option<usize>,
}

impl FormPage for QuestionsPage {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let (org, round) = rounds::round(&state.app, &self.round).await?;
        let page = views::questions(
            &staff.frame(),
            &org,
            &round,
            self.editing,
            shown.values,
            shown.errors,
            shown.done,
        );
        Ok(html(shown.status, page))
    }

    /// The use case's refusal: the freeze after opening (or a change that
    /// landed meanwhile), on the list or the setting.
    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        let AppError::Input(errors) = e else {
            return Vec::new();
        };
        errors
            .iter()
            .map(|e| match e {
                InputError::Question(q) => placed(q, &[]),
                e => ("questions".to_owned(), format!("The questions: {e}.")),
            })
            .collect()
    }
}

/// Where a question's problem shows on the page, worded for the host:
/// the editor's field, with `rows` the editor row of each option given.
fn placed(e: &QuestionError, rows: &[usize]) -> (String, String) {
    let row = |option: &usize| rows.get(*option).copied().unwrap_or(*option);
    let (field, label) = match e {
        QuestionError::IdInvalid { .. } | QuestionError::IdRepeated { .. } => {
            ("id".to_owned(), "Short name (id)".to_owned())
        }
        QuestionError::KindUnknown { .. } => ("kind".to_owned(), "Kind of question".to_owned()),
        QuestionError::PromptInvalid { .. } => ("prompt".to_owned(), "Question".to_owned()),
        QuestionError::HintInvalid { .. } => ("hint".to_owned(), "Hint".to_owned()),
        QuestionError::OptionCount { .. } => ("options".to_owned(), "Answers".to_owned()),
        QuestionError::OptionIdInvalid { option, .. }
        | QuestionError::OptionIdRepeated { option, .. } => (
            option_field(row(option), "id"),
            format!("Answer {} short name", row(option) + 1),
        ),
        QuestionError::OptionLabelInvalid { option, .. } => (
            option_field(row(option), "label"),
            format!("Answer {} label", row(option) + 1),
        ),
        QuestionError::OptionEasyReadInvalid { option, .. } => (
            option_field(row(option), "easy_read"),
            format!("Answer {} in Easy Read", row(option) + 1),
        ),
        QuestionError::MaxInvalid { .. } | QuestionError::MaxNotAllowed { .. } => {
            ("max".to_owned(), "Most answers".to_owned())
        }
        QuestionError::AnswersWithoutTextLocked => (
            "answers_without_text".to_owned(),
            "Answers without writing".to_owned(),
        ),
        QuestionError::TooMany { .. } | QuestionError::Locked { .. } => {
            ("questions".to_owned(), "The round's questions".to_owned())
        }
    };
    // The domain's message starts with the JSON path: the page names the
    // field by its label instead.
    let message = e.message();
    let what = message
        .split_once(": ")
        .map_or(message.as_str(), |(_, w)| w);
    (field, format!("{label}: {what}"))
}

/// `?edit=N`: the question the editor holds, if the address names one.
fn editing(req: &HttpRequest) -> Option<usize> {
    req.query_string()
        .split('&')
        .find_map(|p| p.strip_prefix("edit="))
        .and_then(|n| n.parse().ok())
}

pub async fn questions(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let page = QuestionsPage {
        round: path.into_inner(),
        editing: editing(&req),
    };
    page.show(&state, &staff, Shown::fresh(&req)).await
}

/// The question the editor sent, and the editor row of each option.
fn editor_spec(form: &super::Form) -> (QuestionSpec, Vec<usize>) {
    let text = |name: &str| form.get(name).trim().to_owned();
    let optional = |name: &str| Some(text(name)).filter(|t| !t.is_empty());
    let mut rows = Vec::new();
    let mut options = Vec::new();
    for row in 0..MAX_OPTION_ROWS {
        let label = text(&option_field(row, "label"));
        let id = text(&option_field(row, "id"));
        let easy_read = optional(&option_field(row, "easy_read"));
        if label.is_empty() && id.is_empty() && easy_read.is_none() {
            continue;
        }
        let id = if id.is_empty() { slug_of(&label) } else { id };
        rows.push(row);
        options.push(OptionSpec {
            id,
            label,
            easy_read,
        });
    }
    let kind = text("kind");
    let max = text("max");
    let spec = QuestionSpec {
        id: text("id"),
        // A scale with no rows gets the default five.
        options: (!(options.is_empty() && kind == "scale")).then_some(options),
        kind,
        prompt: text("prompt"),
        hint: optional("hint"),
        required: Some(form.get("required") == "yes"),
        // A number that is not one is sent on as 0, which the domain
        // refuses with its own message.
        max: (!max.is_empty()).then(|| max.parse().unwrap_or(0)),
    };
    (spec, rows)
}

/// A short name made from a label: lower-case ASCII letters and digits,
/// single hyphens, starting with a letter, at most 40 characters (what
/// [`crate::domain::Slug`] takes); "" if nothing is left (the domain then
/// says the short name is needed).
fn slug_of(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if out.is_empty() && !c.is_ascii_alphabetic() {
                continue;
            }
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The round's questions as the API's list.
fn specs(round: &Round) -> Vec<QuestionSpec> {
    round
        .questions
        .iter()
        .cloned()
        .map(QuestionSpec::from)
        .collect()
}

/// The form as a change to the round: the whole new list, or the setting.
fn read(form: &super::Form, round: &Round) -> Result<RoundUpdate, Problems> {
    let index: Option<usize> = form.get("index").parse().ok();
    let mut list = specs(round);
    let in_list = index.filter(|i| *i < list.len());
    match form.get("action") {
        "setting" => {
            return RoundUpdate::parse(RoundSettings {
                answers_without_text: Some(form.get("answers_without_text") == "yes"),
                ..RoundSettings::default()
            })
            .map_err(|e| vec![("answers_without_text".to_owned(), e.to_string())]);
        }
        "up" | "down" | "remove" => {
            let Some(i) = in_list else {
                return Err(stale());
            };
            match form.get("action") {
                "up" if i > 0 => list.swap(i, i - 1),
                "down" if i + 1 < list.len() => list.swap(i, i + 1),
                "remove" => {
                    list.remove(i);
                }
                _ => return Err(stale()),
            }
        }
        _ => {
            let (spec, rows) = editor_spec(form);
            let at = in_list.unwrap_or(list.len());
            if let Err(errors) = Question::parse(at, spec.clone()) {
                return Err(errors.iter().map(|e| placed(e, &rows)).collect());
            }
            match in_list {
                Some(i) => list[i] = spec,
                None => list.push(spec),
            }
            if let Err(errors) = Questions::parse(list.clone()) {
                // Only problems of this question (or of the whole list)
                // can be new: the others were valid already.
                return Err(errors.iter().map(|e| placed(e, &rows)).collect::<Vec<_>>());
            }
        }
    }
    let questions = Questions::parse(list)
        .map_err(|errors| errors.iter().map(|e| placed(e, &[])).collect::<Vec<_>>())?;
    RoundUpdate::parse(RoundSettings {
        questions: Some(questions),
        ..RoundSettings::default()
    })
    .map_err(|e| vec![("questions".to_owned(), e.to_string())])
}

/// A button for a question that is no longer where the page showed it.
fn stale() -> Problems {
    vec![(
        "questions".to_owned(),
        "The round's questions changed while you were looking: check the list and try again."
            .to_owned(),
    )]
}

pub async fn update_questions(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let slug = path.into_inner();
    let editing = (posted.form.get("action") == "save")
        .then(|| posted.form.get("index").parse().ok())
        .flatten();
    let page = |_: &super::Form| QuestionsPage {
        round: slug.clone(),
        editing,
    };
    // An unknown round is a page that is not there, not a field.
    let (_, round) = rounds::round(&state.app, &slug).await?;
    let update = match read(&posted.form, &round) {
        Ok(update) => update,
        Err(problems) => return refused(&state, &posted, page(&posted.form), &problems).await,
    };
    post(&state, &posted, page, async |_| {
        let actor = staff.actor();
        let round = rounds::update_round(&state.app, &actor, &slug, update, state.today()).await?;
        Ok(Done::SeeOther(format!(
            "/console/rounds/{}/questions?done=saved",
            round.slug
        )))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::slug_of;

    #[test]
    fn short_names_are_made_from_labels() {
        assert_eq!(slug_of("Very well"), "very-well");
        assert_eq!(
            slug_of("  Neither well, nor badly! "),
            "neither-well-nor-badly"
        );
        assert_eq!(slug_of("2 weeks or more"), "weeks-or-more");
        assert_eq!(slug_of("Łódź"), "d");
        assert_eq!(slug_of("ستة"), "");
        assert!(slug_of(&"a ".repeat(60)).len() <= 40);
        assert!(crate::domain::Slug::parse(&slug_of(&"ab ".repeat(30)), "x").is_ok());
    }
}
