//! A participant's answers to a round's questions (issue 20).
//!
//! Two ways in, one parser:
//! - JSON: `"answers": {"question-id": "option-id" | ["option-id", …]}`,
//!   read into [`RawAnswers`] by serde.
//! - An HTML form without JavaScript: one field per question named
//!   `q-{question id}` ([`field_name`]) whose value is an option id; radios
//!   for a scale or a choice (one value), checkboxes for a multiple choice
//!   (the name repeated). [`RawAnswers::from_form`] picks these fields out
//!   of the decoded body; [`RawAnswers::form_fields`] gives them back for
//!   the hidden fields of the "check your answers" step. The element id of
//!   a question's first input is its field name, so an error summary can
//!   link to it ([`AnswerError::field`]).
//!
//! [`Answers::parse`] checks them against the round's [`Questions`] and
//! reports at most one problem per question ([`AnswerError`]); [`Answers`]
//! has no other constructor, so holding one proves the check was made.

use super::{Question, Questions, Slug};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The form field of a question's answer: `q-` and the question's id.
pub const FIELD_PREFIX: &str = "q-";

/// The form field (and the element id of the first input) of `question`.
pub fn field_name(question: &Slug) -> String {
    format!("{FIELD_PREFIX}{question}")
}

/// The element id of one option's input: the first option's is the field
/// name itself (so error links land on it), the others add the option id.
pub fn input_id(question: &Question, option: usize) -> String {
    match question.options().get(option) {
        Some(o) if option > 0 => format!("{}-{}", field_name(question.id()), o.id()),
        _ => field_name(question.id()),
    }
}

/// One answer as sent: a single option id, or a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RawAnswer {
    One(String),
    Many(Vec<String>),
}

/// Answers as sent, not yet checked: question id → option ids, in the
/// order given. Empty values (an unticked form, `""`, `[]`) count as not
/// answered.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    from = "BTreeMap<String, RawAnswer>",
    into = "BTreeMap<String, RawAnswer>"
)]
pub struct RawAnswers(BTreeMap<String, Vec<String>>);

// Answers never reach a log by accident through `{:?}`: like the text,
// they can identify their writer.
impl std::fmt::Debug for RawAnswers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RawAnswers({} questions)", self.0.len())
    }
}

impl From<BTreeMap<String, RawAnswer>> for RawAnswers {
    fn from(map: BTreeMap<String, RawAnswer>) -> Self {
        let mut out = Self::default();
        for (question, answer) in map {
            let values = match answer {
                RawAnswer::One(v) => vec![v],
                RawAnswer::Many(v) => v,
            };
            for v in values {
                out.push(&question, v);
            }
        }
        out
    }
}

impl From<RawAnswers> for BTreeMap<String, RawAnswer> {
    fn from(raw: RawAnswers) -> Self {
        raw.0
            .into_iter()
            .map(|(q, mut v)| {
                let answer = if v.len() == 1 {
                    RawAnswer::One(v.remove(0))
                } else {
                    RawAnswer::Many(v)
                };
                (q, answer)
            })
            .collect()
    }
}

impl RawAnswers {
    fn push(&mut self, question: &str, value: String) {
        if value.is_empty() {
            return;
        }
        self.0.entry(question.to_owned()).or_default().push(value);
    }

    /// The answer fields (`q-…`, non-empty) of a decoded form body.
    pub fn from_form(pairs: &[(String, String)]) -> Self {
        let mut out = Self::default();
        for (name, value) in pairs {
            if let Some(question) = name.strip_prefix(FIELD_PREFIX) {
                out.push(question, value.clone());
            }
        }
        out
    }

    /// The same answers as form fields (name, value), to carry them as
    /// hidden fields from one step to the next.
    pub fn form_fields(&self) -> Vec<(String, &str)> {
        self.0
            .iter()
            .flat_map(|(q, values)| {
                values
                    .iter()
                    .map(move |v| (format!("{FIELD_PREFIX}{q}"), v.as_str()))
            })
            .collect()
    }

    /// Whether `option` of `question` was chosen: to tick it again when the
    /// form is shown back.
    pub fn chose(&self, question: &str, option: &str) -> bool {
        self.0
            .get(question)
            .is_some_and(|v| v.iter().any(|o| o == option))
    }

    /// True when no question was answered at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Checked answers: question id → the chosen option ids, in the question's
/// order, each at most once; only answered questions appear.
///
/// # Security contract
/// Only [`Answers::parse`] makes one, so every id in it belongs to the
/// round's questions and no question has more choices than it allows.
/// Answers are stored only inside the encrypted critique record: per
/// record, they are as identifying as a sentence of free text.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Answers(BTreeMap<Slug, Vec<Slug>>);

impl std::fmt::Debug for Answers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Answers({} questions answered)", self.0.len())
    }
}

impl Answers {
    /// Check `raw` against `questions`. On failure, one error per question
    /// at fault, in the round's order, then one per unknown question (at
    /// most [`super::MAX_QUESTIONS`] of those).
    pub fn parse(questions: &Questions, raw: &RawAnswers) -> Result<Self, Vec<AnswerError>> {
        let mut errors = Vec::new();
        let mut answers = BTreeMap::new();
        for q in questions {
            let given = raw.0.get(q.id().as_str()).map_or(&[][..], Vec::as_slice);
            match check(q, given) {
                Ok(chosen) if chosen.is_empty() => {}
                Ok(chosen) => {
                    answers.insert(q.id().clone(), chosen);
                }
                Err(e) => errors.push(e),
            }
        }
        errors.extend(
            raw.0
                .keys()
                .filter(|id| questions.get(id).is_none())
                .take(super::MAX_QUESTIONS)
                .map(|id| AnswerError::QuestionUnknown {
                    question: id.chars().take(40).collect(),
                }),
        );
        if errors.is_empty() {
            Ok(Self(answers))
        } else {
            Err(errors)
        }
    }

    /// The chosen options of `question`, if it was answered.
    pub fn get(&self, question: &str) -> Option<&[Slug]> {
        self.0
            .iter()
            .find(|(q, _)| q.as_str() == question)
            .map(|(_, v)| v.as_slice())
    }

    /// The same answers as sent-form answers: how they are kept inside the
    /// sealed critique record, to be checked again
    /// ([`Answers::parse`]) against the round's questions when read.
    pub fn to_raw(&self) -> RawAnswers {
        let mut out = RawAnswers::default();
        for (q, chosen) in &self.0 {
            for o in chosen {
                out.push(q.as_str(), o.to_string());
            }
        }
        out
    }

    /// Answered questions and their chosen options.
    pub fn iter(&self) -> impl Iterator<Item = (&Slug, &[Slug])> {
        self.0.iter().map(|(q, v)| (q, v.as_slice()))
    }

    /// True when no question was answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The chosen options of one question, in the question's order.
fn check(q: &Question, given: &[String]) -> Result<Vec<Slug>, AnswerError> {
    let question = q.id().clone();
    if given.iter().any(|g| q.option(g).is_none()) {
        return Err(AnswerError::OptionUnknown { question });
    }
    let chosen: Vec<Slug> = q
        .options()
        .iter()
        .filter(|o| given.iter().any(|g| g == o.id().as_str()))
        .map(|o| o.id().clone())
        .collect();
    let max = q.kind().max_choices();
    if chosen.len() > max {
        return Err(AnswerError::TooMany { question, max });
    }
    if chosen.is_empty() && q.required() {
        return Err(AnswerError::Missing { question });
    }
    Ok(chosen)
}

/// A problem with one question's answer. [`AnswerError::code`] is stable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The answers name a question the round does not ask (the id as
    /// sent, cut to 40 characters).
    #[error("unknown question")]
    QuestionUnknown { question: String },
    #[error("unknown option")]
    OptionUnknown { question: Slug },
    #[error("too many choices")]
    TooMany { question: Slug, max: usize },
    #[error("answer missing")]
    Missing { question: Slug },
}

impl AnswerError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::QuestionUnknown { .. } => "answer_question_unknown",
            Self::OptionUnknown { .. } => "answer_option_unknown",
            Self::TooMany { .. } => "answer_too_many",
            Self::Missing { .. } => "answer_missing",
        }
    }

    /// The question's id, as sent.
    pub fn question(&self) -> &str {
        match self {
            Self::QuestionUnknown { question } => question,
            Self::OptionUnknown { question }
            | Self::TooMany { question, .. }
            | Self::Missing { question } => question.as_str(),
        }
    }

    /// The arguments of this problem's message in `locales/*/api.ftl`
    /// (keyed by [`AnswerError::code`]): the question's id, and the most
    /// options it takes.
    pub fn arguments(&self) -> Vec<(&'static str, fluent_bundle::FluentValue<'static>)> {
        let mut args = vec![("question", self.question().to_owned().into())];
        if let Self::TooMany { max, .. } = self {
            args.push(("max", (*max).into()));
        }
        args
    }

    /// The form field (and element id) the error belongs to: the
    /// question's `q-…` field; `answers` for an unknown question.
    pub fn field(&self) -> String {
        match self {
            Self::QuestionUnknown { .. } => "answers".to_owned(),
            _ => format!("{FIELD_PREFIX}{}", self.question()),
        }
    }

    /// Plain English for the JSON API, naming the question by its id (the
    /// HTML form words it with the question's prompt, from the message
    /// files: `error-answer_…`).
    pub fn message(&self) -> String {
        let q = self.question();
        match self {
            Self::QuestionUnknown { .. } => {
                format!("answers: this round asks no question with the id \"{q}\".")
            }
            Self::OptionUnknown { .. } => {
                format!("answers.{q}: choose from this question's options, by their ids.")
            }
            Self::TooMany { max: 1, .. } => format!("answers.{q}: choose one option only."),
            Self::TooMany { max, .. } => {
                format!("answers.{q}: choose no more than {max} options.")
            }
            Self::Missing { .. } => format!("answers.{q}: this question needs an answer."),
        }
    }
}

#[cfg(test)]
#[path = "answers_tests.rs"]
mod tests;
