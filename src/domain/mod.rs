//! Parsed domain types. Input becomes one of these through a `parse` that
//! returns a `Result`; after that the type is the proof that it is valid.
//!
//! Beside them, the shared vocabulary that the store keeps and the digest
//! and the audit log read (counts, sealed periods, rules, the records
//! published beside a digest), so those modules need not import each other.
//!
//! Nothing here knows about HTTP, redb or ring, and nothing here imports
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
pub use critique::{AnsweredSubmission, CritiqueText, MAX_TEXT_CHARS, MAX_THEMES};
pub use period::{Period, PeriodLength};
pub use question::{
    default_scale, AnswerOption, OptionSpec, Question, QuestionError, QuestionKind, QuestionSpec,
    Questions, MAX_QUESTIONS,
};
pub use receipt::Receipt;
pub use records::{PeriodCounts, RoundStats, SealedPeriod, Totals};
pub use round::{
    DaysToAnswer, MinGroup, NewRound, Organisation, Round, RoundSettings, RoundText, RoundUpdate,
    DEFAULT_DAYS_TO_ANSWER,
};
pub use rules::{Rules, RulesError};
pub use slug::Slug;
pub use theme::{default_themes, Theme, ThemeText, DEFAULT_SLUGS, SOMETHING_ELSE};
pub use voices::{
    words_in, AboutYou, AboutYouTally, Candidate, PledgeChange, PledgeRecord, PledgeStatus,
    QuoteRecord, QuoteState, RejectReason, ResponseRecord, ResponseVersion, Translations,
    QUESTIONS, SKIPPED,
};

use fluent_bundle::FluentValue;

/// Everything a person or a client can get wrong in what they send.
///
/// Each variant has a stable machine code ([`InputError::code`]) used by the
/// JSON API, and a message in `locales/<language>/api.ftl` under that code
/// with [`InputError::arguments`] (`crate::messages::Explain` says it; the
/// participant's form has its own, gentler wording in `standard.ftl`).
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
    /// A postal address or freepost line for the paper form (issue 18).
    #[error("bad postal address")]
    PostalInvalid { field: &'static str },
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
    /// A round's days to answer a release is not 1 to 365 (issue 21).
    #[error("bad days to answer")]
    DaysToAnswerInvalid,
    #[error("disclosure rules invalid")]
    RulesInvalid(RulesError),
    #[error("disclosure rules loosened")]
    RulesLoosened,
    /// A language that is not shipped (cards and invitations printed for
    /// one language, a theme's translation); `shipped` lists those that are.
    #[error("unknown language")]
    LanguageUnknown { shipped: String },
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
            Self::PostalInvalid { .. } => "postal_invalid",
            Self::MinGroupInvalid => "min_group_invalid",
            Self::MinGroupLowered { .. } => "min_group_lowered",
            Self::PeriodLengthInvalid => "period_invalid",
            Self::ThemesLocked => "themes_locked",
            Self::ThemeListInvalid => "themes_invalid",
            Self::CountInvalid => "count_invalid",
            Self::RetentionInvalid => "retention_invalid",
            Self::DaysToAnswerInvalid => "days_to_answer_invalid",
            Self::RulesInvalid(_) => "rules_invalid",
            Self::RulesLoosened => "rules_loosened",
            Self::LanguageUnknown { .. } => "language_unknown",
            Self::Question(e) => e.code(),
            Self::Answer(e) => e.code(),
        }
    }

    /// The arguments of this problem's message (`locales/*/api.ftl`,
    /// keyed by [`InputError::code`]).
    pub fn arguments(&self) -> Vec<(&'static str, FluentValue<'static>)> {
        match self {
            Self::TextTooLong { chars } => {
                vec![("chars", (*chars).into()), ("max", MAX_TEXT_CHARS.into())]
            }
            Self::ThemesTooMany => vec![("max", MAX_THEMES.into())],
            Self::SlugInvalid { field }
            | Self::NameInvalid { field }
            | Self::PostalInvalid { field } => {
                vec![("field", (*field).into())]
            }
            Self::MinGroupLowered { current } => vec![("current", (*current).into())],
            Self::LanguageUnknown { shipped } => vec![("languages", shipped.clone().into())],
            Self::Question(e) => e.arguments(),
            Self::Answer(e) => e.arguments(),
            _ => Vec::new(),
        }
    }

    /// The JSON path of the field at fault, where the problem belongs to
    /// one (issue 20: a host's question, `questions[2].prompt`; a
    /// participant's answer, `answers.listened`).
    pub fn field(&self) -> Option<String> {
        match self {
            Self::Question(e) => Some(e.field()),
            Self::Answer(AnswerError::QuestionUnknown { .. }) => Some("answers".to_owned()),
            Self::Answer(e) => Some(format!("answers.{}", e.question())),
            Self::DaysToAnswerInvalid => Some("days_to_answer".to_owned()),
            _ => None,
        }
    }

    /// A technical detail that stays in English (the JSON `detail`).
    pub fn detail(&self) -> Option<String> {
        match self {
            Self::RulesInvalid(e) => Some(e.to_string()),
            _ => None,
        }
    }
}
