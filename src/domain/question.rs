//! Questions a round may ask beside the free text (issue 20): a rating
//! `scale`, a single `choice` or a `multi`ple choice, up to
//! [`MAX_QUESTIONS`] per round.
//!
//! The wire shape (admin API, and how a round stores them) is
//! [`QuestionSpec`]: `{"id", "kind", "prompt", "hint"?, "options": [{"id",
//! "label", "easy_read"?}], "required"?, "max"?}`. [`Questions::parse`]
//! turns a list of them into [`Questions`], reporting every problem with a
//! stable code and the JSON path of the field ([`QuestionError`]). After
//! that the type is the proof: ids are slugs, unique in the round and
//! within each question, and every text is within its limits.
//!
//! Once a round opens, its questions freeze ([`Questions::replace`]): the
//! answers already given were given to these questions, and the disclosure
//! check assumes the attacker knows how many options each person could
//! pick. Only wording may be corrected.

use super::theme::valid_text;
use super::Slug;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Most questions one round may ask.
pub const MAX_QUESTIONS: usize = 10;
/// Longest prompt, in characters.
pub const MAX_PROMPT_CHARS: usize = 300;
/// Longest hint, in characters.
pub const MAX_HINT_CHARS: usize = 500;
/// Longest option label, in characters.
pub const MAX_LABEL_CHARS: usize = 120;
/// Longest Easy Read label, in characters.
pub const MAX_EASY_READ_CHARS: usize = 200;
/// Options of a scale: from 3 to 7 (5 when none are given).
pub const SCALE_OPTIONS: std::ops::RangeInclusive<usize> = 3..=7;
/// Options of a choice or multiple-choice question.
pub const CHOICE_OPTIONS: std::ops::RangeInclusive<usize> = 2..=12;

/// One question as the admin API sends it and a round stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSpec {
    pub id: String,
    pub kind: String,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// May be left out for a `scale`: it then gets [`default_scale`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<OptionSpec>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// `multi` only: the most options one person may choose (2 to the
    /// number of options; all of them when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
}

/// One option as the admin API sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSpec {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<String>,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// One of an ordered scale, from the most negative option to the most
    /// positive.
    Scale,
    /// One of several.
    Choice,
    /// Between one and `max` of several.
    Multi { max: u8 },
}

impl QuestionKind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Scale => "scale",
            Self::Choice => "choice",
            Self::Multi { .. } => "multi",
        }
    }

    /// The most options one person may choose.
    pub fn max_choices(self) -> usize {
        match self {
            Self::Scale | Self::Choice => 1,
            Self::Multi { max } => usize::from(max),
        }
    }
}

/// One option of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerOption {
    id: Slug,
    label: String,
    easy_read: Option<String>,
}

impl AnswerOption {
    pub fn id(&self) -> &Slug {
        &self.id
    }
    pub fn label(&self) -> &str {
        &self.label
    }
    /// The Easy Read label, if the host wrote one.
    pub fn easy_read(&self) -> Option<&str> {
        self.easy_read.as_deref()
    }
}

/// A parsed question (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "QuestionSpec", into = "QuestionSpec")]
pub struct Question {
    id: Slug,
    kind: QuestionKind,
    prompt: String,
    hint: Option<String>,
    options: Vec<AnswerOption>,
    required: bool,
}

impl Question {
    pub fn id(&self) -> &Slug {
        &self.id
    }
    pub fn kind(&self) -> QuestionKind {
        self.kind
    }
    pub fn prompt(&self) -> &str {
        &self.prompt
    }
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }
    /// In the host's order; for a scale, from most negative to most
    /// positive.
    pub fn options(&self) -> &[AnswerOption] {
        &self.options
    }
    pub fn required(&self) -> bool {
        self.required
    }
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id.as_str() == id)
    }

    /// Parse question number `index` (from 0) of a list: every problem
    /// with it, in field order.
    pub fn parse(index: usize, spec: QuestionSpec) -> Result<Self, Vec<QuestionError>> {
        let q = index;
        let mut errors = Vec::new();
        let id = Slug::parse(&spec.id, "question id")
            .map_err(|_| errors.push(QuestionError::IdInvalid { question: q }))
            .ok();
        let kind = match spec.kind.as_str() {
            "scale" | "choice" | "multi" => Some(spec.kind.as_str()),
            _ => {
                errors.push(QuestionError::KindUnknown { question: q });
                None
            }
        };
        if !valid_text(&spec.prompt, MAX_PROMPT_CHARS) {
            errors.push(QuestionError::PromptInvalid { question: q });
        }
        let hint = optional_text(spec.hint.as_deref());
        if hint
            .as_deref()
            .is_some_and(|h| !valid_text(h, MAX_HINT_CHARS))
        {
            errors.push(QuestionError::HintInvalid { question: q });
        }
        let specs = match (spec.options, kind) {
            (Some(options), _) => options,
            (None, Some("scale")) => default_scale(),
            (None, _) => Vec::new(),
        };
        let range = match kind {
            Some("scale") => SCALE_OPTIONS,
            _ => CHOICE_OPTIONS,
        };
        if !range.contains(&specs.len()) {
            errors.push(QuestionError::OptionCount {
                question: q,
                min: *range.start(),
                max: *range.end(),
            });
        }
        // `max` is checked against the options given, so that a broken
        // option is not also reported as a wrong `max`.
        let n = specs.len();
        let options = parse_options(q, specs, &mut errors);
        let kind = match (kind, spec.max) {
            (Some("multi"), max) => {
                match max.unwrap_or(n as u64) {
                    m @ 2.. if m <= n as u64 => {
                        u8::try_from(m).ok().map(|max| QuestionKind::Multi { max })
                    }
                    _ => {
                        // With too few options the count error says it all.
                        if CHOICE_OPTIONS.contains(&n) {
                            errors.push(QuestionError::MaxInvalid {
                                question: q,
                                options: n,
                            });
                        }
                        None
                    }
                }
            }
            (Some(_), Some(_)) => {
                errors.push(QuestionError::MaxNotAllowed { question: q });
                None
            }
            (Some("scale"), None) => Some(QuestionKind::Scale),
            (Some(_), None) => Some(QuestionKind::Choice),
            (None, _) => None,
        };
        match (id, kind) {
            (Some(id), Some(kind)) if errors.is_empty() => Ok(Self {
                id,
                kind,
                prompt: spec.prompt.trim().to_owned(),
                hint,
                options,
                required: spec.required.unwrap_or(false),
            }),
            _ => Err(errors),
        }
    }
}

fn optional_text(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn parse_options(
    q: usize,
    specs: Vec<OptionSpec>,
    errors: &mut Vec<QuestionError>,
) -> Vec<AnswerOption> {
    let mut seen = HashSet::new();
    let mut options = Vec::new();
    for (o, spec) in specs.into_iter().enumerate() {
        let (question, option) = (q, o);
        let id = match Slug::parse(&spec.id, "option id") {
            Ok(id) if seen.insert(id.clone()) => Some(id),
            Ok(_) => {
                errors.push(QuestionError::OptionIdRepeated { question, option });
                None
            }
            Err(_) => {
                errors.push(QuestionError::OptionIdInvalid { question, option });
                None
            }
        };
        let label_ok = valid_text(&spec.label, MAX_LABEL_CHARS);
        if !label_ok {
            errors.push(QuestionError::OptionLabelInvalid { question, option });
        }
        let easy_read = optional_text(spec.easy_read.as_deref());
        if easy_read
            .as_deref()
            .is_some_and(|e| !valid_text(e, MAX_EASY_READ_CHARS))
        {
            errors.push(QuestionError::OptionEasyReadInvalid { question, option });
        }
        if let (Some(id), true) = (id, label_ok) {
            options.push(AnswerOption {
                id,
                label: spec.label.trim().to_owned(),
                easy_read,
            });
        }
    }
    options
}

impl TryFrom<QuestionSpec> for Question {
    type Error = String;
    fn try_from(spec: QuestionSpec) -> Result<Self, String> {
        Self::parse(0, spec).map_err(|e| {
            e.iter()
                .map(QuestionError::message)
                .collect::<Vec<_>>()
                .join(" ")
        })
    }
}

impl From<Question> for QuestionSpec {
    fn from(q: Question) -> Self {
        Self {
            id: q.id.to_string(),
            kind: q.kind.name().to_owned(),
            prompt: q.prompt,
            hint: q.hint,
            options: Some(
                q.options
                    .into_iter()
                    .map(|o| OptionSpec {
                        id: o.id.to_string(),
                        label: o.label,
                        easy_read: o.easy_read,
                    })
                    .collect(),
            ),
            required: Some(q.required),
            max: match q.kind {
                QuestionKind::Multi { max } => Some(u64::from(max)),
                _ => None,
            },
        }
    }
}

/// The five-point scale a `scale` question gets when it lists no options:
/// from "Very badly" to "Very well", with Easy Read labels.
pub fn default_scale() -> Vec<OptionSpec> {
    [
        ("very-badly", "Very badly", "Very bad"),
        ("badly", "Badly", "Bad"),
        ("neither", "Neither well nor badly", "Not good, not bad"),
        ("well", "Well", "Good"),
        ("very-well", "Very well", "Very good"),
    ]
    .iter()
    .map(|(id, label, easy)| OptionSpec {
        id: (*id).to_owned(),
        label: (*label).to_owned(),
        easy_read: Some((*easy).to_owned()),
    })
    .collect()
}

/// A round's questions: at most [`MAX_QUESTIONS`], with unique ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Question>", into = "Vec<Question>")]
pub struct Questions(Vec<Question>);

impl Questions {
    /// Parse a host's list, reporting every problem.
    pub fn parse(specs: Vec<QuestionSpec>) -> Result<Self, Vec<QuestionError>> {
        let mut errors = Vec::new();
        if specs.len() > MAX_QUESTIONS {
            errors.push(QuestionError::TooMany { given: specs.len() });
        }
        let mut seen = HashSet::new();
        let mut questions = Vec::new();
        for (i, spec) in specs.into_iter().enumerate() {
            let repeated = !seen.insert(spec.id.clone());
            if repeated && Slug::parse(&spec.id, "question id").is_ok() {
                errors.push(QuestionError::IdRepeated { question: i });
            }
            match Question::parse(i, spec) {
                Ok(q) => questions.push(q),
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            Ok(Self(questions))
        } else {
            Err(errors)
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Question> {
        self.0.iter()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.0.iter().find(|q| q.id.as_str() == id)
    }

    /// The list that replaces these questions in a round: anything before
    /// the round opens; after, only wording (prompt, hint, option labels
    /// and Easy Read labels). The ids, kinds, `max`, `required`, options
    /// and their order stay, because answers were given to them and the
    /// disclosure check relies on them.
    pub fn replace(&self, next: Questions, opened: bool) -> Result<Questions, QuestionError> {
        if !opened {
            return Ok(next);
        }
        if next.len() != self.len() {
            return Err(QuestionError::Locked { question: None });
        }
        for (i, (was, now)) in self.0.iter().zip(&next.0).enumerate() {
            let same_options = was.options.len() == now.options.len()
                && was
                    .options
                    .iter()
                    .zip(&now.options)
                    .all(|(a, b)| a.id == b.id);
            if was.id != now.id
                || was.kind != now.kind
                || was.required != now.required
                || !same_options
            {
                return Err(QuestionError::Locked { question: Some(i) });
            }
        }
        Ok(next)
    }
}

impl<'a> IntoIterator for &'a Questions {
    type Item = &'a Question;
    type IntoIter = std::slice::Iter<'a, Question>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl TryFrom<Vec<Question>> for Questions {
    type Error = &'static str;
    fn try_from(list: Vec<Question>) -> Result<Self, Self::Error> {
        let mut seen = HashSet::new();
        if list.len() > MAX_QUESTIONS || !list.iter().all(|q| seen.insert(q.id.clone())) {
            return Err("at most 10 questions, with unique ids");
        }
        Ok(Self(list))
    }
}

impl From<Questions> for Vec<Question> {
    fn from(q: Questions) -> Self {
        q.0
    }
}

/// A problem with a host's questions. [`QuestionError::code`] is stable;
/// [`QuestionError::field`] is the JSON path of the field (question and
/// option numbers count from 0, as in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    #[error("too many questions")]
    TooMany { given: usize },
    #[error("bad question id")]
    IdInvalid { question: usize },
    #[error("repeated question id")]
    IdRepeated { question: usize },
    #[error("bad question kind")]
    KindUnknown { question: usize },
    #[error("bad prompt")]
    PromptInvalid { question: usize },
    #[error("bad hint")]
    HintInvalid { question: usize },
    #[error("wrong number of options")]
    OptionCount {
        question: usize,
        min: usize,
        max: usize,
    },
    #[error("bad option id")]
    OptionIdInvalid { question: usize, option: usize },
    #[error("repeated option id")]
    OptionIdRepeated { question: usize, option: usize },
    #[error("bad option label")]
    OptionLabelInvalid { question: usize, option: usize },
    #[error("bad Easy Read label")]
    OptionEasyReadInvalid { question: usize, option: usize },
    #[error("bad max")]
    MaxInvalid { question: usize, options: usize },
    #[error("max on a single-answer question")]
    MaxNotAllowed { question: usize },
    /// The round is open: only wording may change. `None`: the number of
    /// questions changed.
    #[error("questions locked")]
    Locked { question: Option<usize> },
    /// The round is open: whether answers alone may be sent is fixed.
    #[error("answers-without-text setting locked")]
    AnswersWithoutTextLocked,
}

impl QuestionError {
    /// The stable code the JSON API returns.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooMany { .. } => "questions_too_many",
            Self::IdInvalid { .. } => "question_id_invalid",
            Self::IdRepeated { .. } => "question_id_repeated",
            Self::KindUnknown { .. } => "question_kind_invalid",
            Self::PromptInvalid { .. } => "question_prompt_invalid",
            Self::HintInvalid { .. } => "question_hint_invalid",
            Self::OptionCount { .. } => "question_options_invalid",
            Self::OptionIdInvalid { .. } => "option_id_invalid",
            Self::OptionIdRepeated { .. } => "option_id_repeated",
            Self::OptionLabelInvalid { .. } => "option_label_invalid",
            Self::OptionEasyReadInvalid { .. } => "option_easy_read_invalid",
            Self::MaxInvalid { .. } | Self::MaxNotAllowed { .. } => "question_max_invalid",
            Self::Locked { .. } => "questions_locked",
            Self::AnswersWithoutTextLocked => "answers_without_text_locked",
        }
    }

    /// The arguments of this problem's message in `locales/*/api.ftl`
    /// (keyed by [`QuestionError::code`]): the field, and the limits it
    /// breaks. `options` is 0 where `max` is not allowed at all.
    pub fn arguments(&self) -> Vec<(&'static str, fluent_bundle::FluentValue<'static>)> {
        let mut args = vec![("field", self.field().into())];
        match self {
            Self::TooMany { given } => {
                args.extend([("given", (*given).into()), ("most", MAX_QUESTIONS.into())]);
            }
            Self::PromptInvalid { .. } => args.push(("max", MAX_PROMPT_CHARS.into())),
            Self::HintInvalid { .. } => args.push(("max", MAX_HINT_CHARS.into())),
            Self::OptionLabelInvalid { .. } => args.push(("max", MAX_LABEL_CHARS.into())),
            Self::OptionEasyReadInvalid { .. } => args.push(("max", MAX_EASY_READ_CHARS.into())),
            Self::OptionCount { min, max, .. } => {
                args.extend([("min", (*min).into()), ("max", (*max).into())]);
            }
            Self::MaxInvalid { options, .. } => args.push(("options", (*options).into())),
            Self::MaxNotAllowed { .. } => args.push(("options", 0.into())),
            _ => {}
        }
        args
    }

    /// The JSON path of the field at fault: `questions`,
    /// `questions[2].prompt`, `questions[2].options[0].label`.
    pub fn field(&self) -> String {
        let q = |i: &usize, f: &str| format!("questions[{i}].{f}");
        let o = |i: &usize, j: &usize, f: &str| format!("questions[{i}].options[{j}].{f}");
        match self {
            Self::TooMany { .. } | Self::Locked { question: None } => "questions".into(),
            Self::AnswersWithoutTextLocked => "answers_without_text".into(),
            Self::IdInvalid { question } | Self::IdRepeated { question } => q(question, "id"),
            Self::KindUnknown { question } => q(question, "kind"),
            Self::PromptInvalid { question } => q(question, "prompt"),
            Self::HintInvalid { question } => q(question, "hint"),
            Self::OptionCount { question, .. } => q(question, "options"),
            Self::OptionIdInvalid { question, option }
            | Self::OptionIdRepeated { question, option } => o(question, option, "id"),
            Self::OptionLabelInvalid { question, option } => o(question, option, "label"),
            Self::OptionEasyReadInvalid { question, option } => o(question, option, "easy_read"),
            Self::MaxInvalid { question, .. } | Self::MaxNotAllowed { question } => {
                q(question, "max")
            }
            Self::Locked {
                question: Some(question),
            } => format!("questions[{question}]"),
        }
    }

    /// What is wrong and how to put it right, in plain English, starting
    /// with the field.
    pub fn message(&self) -> String {
        let what = match self {
            Self::TooMany { given } => {
                format!("a round can ask at most {MAX_QUESTIONS} questions; this list has {given}.")
            }
            Self::IdInvalid { .. } => "the id must be 1 to 40 characters: lower-case letters a \
                 to z, digits and single hyphens, starting with a letter."
                .into(),
            Self::IdRepeated { .. } => "another question of this round has the same id.".into(),
            Self::KindUnknown { .. } => {
                "the kind must be \"scale\", \"choice\" or \"multi\".".into()
            }
            Self::PromptInvalid { .. } => format!(
                "the prompt must be 1 to {MAX_PROMPT_CHARS} characters, without control \
                 characters."
            ),
            Self::HintInvalid { .. } => format!(
                "the hint must be at most {MAX_HINT_CHARS} characters, without control \
                 characters."
            ),
            Self::OptionCount { min, max, .. } => {
                format!("give from {min} to {max} options.")
            }
            Self::OptionIdInvalid { .. } => "the option id must be 1 to 40 characters: \
                 lower-case letters a to z, digits and single hyphens, starting with a letter."
                .into(),
            Self::OptionIdRepeated { .. } => {
                "another option of this question has the same id.".into()
            }
            Self::OptionLabelInvalid { .. } => format!(
                "the label must be 1 to {MAX_LABEL_CHARS} characters, without control \
                 characters."
            ),
            Self::OptionEasyReadInvalid { .. } => format!(
                "the Easy Read label must be at most {MAX_EASY_READ_CHARS} characters, \
                 without control characters."
            ),
            Self::MaxInvalid { options, .. } => {
                format!("max must be a whole number from 2 to the number of options ({options}).")
            }
            Self::MaxNotAllowed { .. } => {
                "max is only for \"multi\" questions: a scale or a choice takes one answer.".into()
            }
            Self::Locked { .. } => "the round is open, so its questions can only have their \
                 wording corrected (prompt, hint and labels); ids, kinds, options, their order \
                 and whether an answer is required stay as they are."
                .into(),
            Self::AnswersWithoutTextLocked => {
                "the round is open, so whether people may send answers \
                 without writing anything stays as it is."
                    .into()
            }
        };
        format!("{}: {what}", self.field())
    }
}

#[cfg(test)]
#[path = "question_tests.rs"]
mod tests;
