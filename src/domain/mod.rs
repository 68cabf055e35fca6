//! Parsed domain types. Input becomes one of these through a `parse` that
//! returns a `Result`; after that the type is the proof that it is valid.
//!
//! Beside them, the shared vocabulary that the store keeps and the digest
//! and the audit log read (counts, sealed periods, rules, the records
//! published beside a digest), so those modules need not import each other.
//!
//! Nothing here knows about HTTP, sled or ring, and nothing here imports
//! another module of the crate: `domain` is the bottom layer.

mod answers;
mod critique;
mod period;
mod question;
mod receipt;
mod records;
mod round;
mod rules;
mod slug;
mod theme;
mod voices;

pub use answers::{field_name, input_id, AnswerError, Answers, RawAnswer, RawAnswers};
pub use critique::{AnsweredSubmission, CritiqueText, Submission, MAX_TEXT_CHARS, MAX_THEMES};
pub use period::{Period, PeriodLength};
pub use question::{
    default_scale, AnswerOption, OptionSpec, Question, QuestionError, QuestionKind, QuestionSpec,
    Questions, MAX_QUESTIONS,
};
pub use receipt::Receipt;
pub use records::{PeriodCounts, RoundStats, SealedPeriod, Totals};
pub use round::{MinGroup, Organisation, Round, RoundUpdate};
pub use rules::{Rules, RulesError};
pub use slug::Slug;
pub use theme::{default_themes, Theme, SOMETHING_ELSE};
pub use voices::{
    AboutYou, AboutYouRecord, Candidate, PledgeChange, PledgeRecord, PledgeStatus, QuoteRecord,
    QuoteState, RejectReason, ResponseRecord, ResponseVersion, QUESTIONS, SKIPPED,
};

/// Everything a person or a client can get wrong in what they send.
///
/// Each variant has a stable machine code ([`InputError::code`]) used by the
/// JSON API, and a plain-English message ([`InputError::message`]) used by
/// both the API and the HTML pages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("code missing")]
    CodeMissing,
    #[error("code malformed")]
    CodeMalformed,
    #[error("text empty")]
    TextEmpty,
    #[error("text too long")]
    TextTooLong { chars: usize },
    #[error("no theme")]
    ThemesMissing,
    #[error("too many themes")]
    ThemesTooMany,
    #[error("unknown theme")]
    ThemeUnknown,
    #[error("bad slug")]
    SlugInvalid { field: &'static str },
    #[error("bad name")]
    NameInvalid { field: &'static str },
    #[error("bad min group")]
    MinGroupInvalid,
    #[error("min group lowered")]
    MinGroupLowered { current: u32 },
    #[error("bad period length")]
    PeriodLengthInvalid,
    #[error("themes changed after opening")]
    ThemesLocked,
    #[error("bad theme list")]
    ThemeListInvalid,
    #[error("bad count")]
    CountInvalid,
    #[error("bad retention")]
    RetentionInvalid,
    #[error("disclosure rules invalid")]
    RulesInvalid(RulesError),
    #[error("disclosure rules loosened")]
    RulesLoosened,
    /// A host's question is not valid (issue 20).
    #[error("{0}")]
    Question(QuestionError),
    /// A participant's answer to a question is not valid (issue 20).
    #[error("{0}")]
    Answer(AnswerError),
}

impl From<QuestionError> for InputError {
    fn from(e: QuestionError) -> Self {
        Self::Question(e)
    }
}

impl From<AnswerError> for InputError {
    fn from(e: AnswerError) -> Self {
        Self::Answer(e)
    }
}

impl InputError {
    /// The stable code the JSON API returns in `{"error": ...}`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::CodeMissing => "code_missing",
            Self::CodeMalformed => "code_invalid",
            Self::TextEmpty => "text_empty",
            Self::TextTooLong { .. } => "text_too_long",
            Self::ThemesMissing => "themes_missing",
            Self::ThemesTooMany => "themes_too_many",
            Self::ThemeUnknown => "theme_unknown",
            Self::SlugInvalid { .. } => "slug_invalid",
            Self::NameInvalid { .. } => "field_invalid",
            Self::MinGroupInvalid => "min_group_invalid",
            Self::MinGroupLowered { .. } => "min_group_lowered",
            Self::PeriodLengthInvalid => "period_invalid",
            Self::ThemesLocked => "themes_locked",
            Self::ThemeListInvalid => "themes_invalid",
            Self::CountInvalid => "count_invalid",
            Self::RetentionInvalid => "retention_invalid",
            Self::RulesInvalid(_) => "rules_invalid",
            Self::RulesLoosened => "rules_loosened",
            Self::Question(e) => e.code(),
            Self::Answer(e) => e.code(),
        }
    }

    /// What went wrong and how to put it right, in plain English.
    pub fn message(&self) -> String {
        match self {
            Self::CodeMissing => "Enter the code from your card.".into(),
            Self::CodeMalformed => "This code does not look right. Check each letter and number \
                 on your card and try again."
                .into(),
            Self::TextEmpty => "Write what you want to say.".into(),
            Self::TextTooLong { chars } => format!(
                "What you wrote is {chars} characters long. It must be {MAX_TEXT_CHARS} \
                 characters or fewer."
            ),
            Self::ThemesMissing => "Choose at least one theme.".into(),
            Self::ThemesTooMany => format!("Choose no more than {MAX_THEMES} themes."),
            Self::ThemeUnknown => "Choose themes from the list.".into(),
            Self::SlugInvalid { field } => format!(
                "{field} must be 1 to 40 characters: lower-case letters a to z, digits and \
                 single hyphens, starting with a letter."
            ),
            Self::NameInvalid {
                field: "postal_address",
            } => "postal_address must be at most 8 lines and 300 characters, without control \
                  characters."
                .into(),
            Self::NameInvalid { field: "freepost" } => {
                "freepost must be one line of at most 100 characters.".into()
            }
            Self::NameInvalid { field } => {
                format!("{field} must be 1 to 200 characters, without control characters.")
            }
            Self::MinGroupInvalid => "min_group must be a whole number from 2 to 1000.".into(),
            Self::MinGroupLowered { current } => format!(
                "The round is open, so its minimum group size can only be raised \
                 (it is {current})."
            ),
            Self::PeriodLengthInvalid => "period_weeks must be a whole number from 1 to 13.".into(),
            Self::ThemesLocked => {
                "The round is open, so themes can only be added, not changed or removed.".into()
            }
            Self::ThemeListInvalid => {
                "Give 1 to 40 themes, each with a unique slug and a label.".into()
            }
            Self::CountInvalid => "count must be a whole number from 1 to 10000.".into(),
            Self::RetentionInvalid => {
                "retention_periods must be a whole number from 1 to 520.".into()
            }
            Self::RulesInvalid(e) => format!(
                "The disclosure rules are not valid: {e}. rounding_base must be 1 to 1000; \
                 min_period must be at least twice min_group, less one."
            ),
            Self::RulesLoosened => "The round is open, so its disclosure rules (min_group, \
                 rounding_base, min_period) can only be made stricter, never looser."
                .into(),
            Self::Question(e) => e.message(),
            Self::Answer(e) => e.message(),
        }
    }
}
