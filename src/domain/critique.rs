//! What a participant sends: free text, 1-3 themes and a consent flag, and
//! in a round with questions, answers ([`AnsweredSubmission`]).
//!
//! An [`AnsweredSubmission`] holds nothing else: no code, no time, no
//! client detail.
//! The period it falls in is added by the store from the date it is handed.

use super::{Answers, InputError, RawAnswers, Round, Slug};

/// Longest critique, in characters (Unicode scalar values) after trimming.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// Most themes one critique may choose.
pub const MAX_THEMES: usize = 3;

/// Free text: 1-5,000 characters after trimming, line endings normalised.
#[derive(Clone, PartialEq, Eq)]
pub struct CritiqueText(String);

impl CritiqueText {
    pub fn parse(raw: &str) -> Result<Self, InputError> {
        let text = raw.trim().replace("\r\n", "\n").replace('\r', "\n");
        match text.chars().count() {
            0 => Err(InputError::TextEmpty),
            n if n > MAX_TEXT_CHARS => Err(InputError::TextTooLong { chars: n }),
            _ => Ok(Self(text)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Critique text never reaches a log by accident through `{:?}`.
impl std::fmt::Debug for CritiqueText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CritiqueText({} chars)", self.0.chars().count())
    }
}

/// A valid submission for one round, not yet stored: text, themes and,
/// in a round with questions (issue 20), answers. Made only by
/// [`AnsweredSubmission::parse`], so the store takes it as proof that its
/// themes and answers belong to the round and its text is within bounds.
///
/// Nothing outside the domain can write one down field by field (the
/// proof would then prove nothing); this does not compile:
///
/// ```compile_fail
/// use parrhesia::domain::{AnsweredSubmission, Answers, CritiqueText, Slug};
/// fn forged(round: Slug, text: CritiqueText, answers: Answers) -> AnsweredSubmission {
///     AnsweredSubmission { round, themes: Vec::new(), text: Some(text), quote_ok: true, answers }
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnsweredSubmission {
    pub(super) round: Slug,
    /// 1-3 themes; 0-3 when there is no text (themes say what the text is
    /// about).
    pub(super) themes: Vec<Slug>,
    /// `None` only when the round allows answers without text and at least
    /// one question was answered.
    pub(super) text: Option<CritiqueText>,
    /// Always false without text: there is nothing to quote.
    pub(super) quote_ok: bool,
    pub(super) answers: Answers,
}

impl AnsweredSubmission {
    /// Check themes, text and answers against `round`. Returns every
    /// problem found, in the order of the form: answers (one per
    /// question), themes, text.
    pub fn parse(
        round: &Round,
        themes: &[String],
        text: &str,
        quote_ok: bool,
        answers: &RawAnswers,
    ) -> Result<Self, Vec<InputError>> {
        let mut errors: Vec<InputError> = Vec::new();
        let alone = round.answers_without_text && text.trim().is_empty() && !answers.is_empty();
        let answers = Answers::parse(&round.questions, answers)
            .map_err(|e| errors.extend(e.into_iter().map(InputError::from)))
            .ok();
        let themes = parse_themes(round, themes, usize::from(!alone))
            .map_err(|e| errors.push(e))
            .ok();
        let text = if alone {
            None
        } else {
            CritiqueText::parse(text).map_err(|e| errors.push(e)).ok()
        };
        match (answers, themes) {
            (Some(answers), Some(themes)) if errors.is_empty() => Ok(Self {
                round: round.slug.clone(),
                themes,
                quote_ok: quote_ok && text.is_some(),
                text,
                answers,
            }),
            _ => Err(errors),
        }
    }

    pub fn round(&self) -> &Slug {
        &self.round
    }

    pub fn themes(&self) -> &[Slug] {
        &self.themes
    }

    pub fn text(&self) -> Option<&CritiqueText> {
        self.text.as_ref()
    }

    pub fn quote_ok(&self) -> bool {
        self.quote_ok
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }
}

/// The chosen themes of `round`, each once: `min` to [`MAX_THEMES`].
fn parse_themes(round: &Round, raw: &[String], min: usize) -> Result<Vec<Slug>, InputError> {
    let mut chosen: Vec<Slug> = Vec::new();
    for r in raw {
        let theme = round
            .themes
            .iter()
            .find(|t| t.slug().as_str() == r)
            .ok_or(InputError::ThemeUnknown)?;
        if !chosen.contains(theme.slug()) {
            chosen.push(theme.slug().clone());
        }
    }
    match chosen.len() {
        n if n < min => Err(InputError::ThemesMissing),
        n if n > MAX_THEMES => Err(InputError::ThemesTooMany),
        _ => Ok(chosen),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{default_themes, MinGroup, PeriodLength};

    fn round() -> Round {
        Round {
            slug: Slug::parse("r", "round").unwrap(),
            organisation: Slug::parse("o", "organisation").unwrap(),
            title: "T".into(),
            description: String::new(),
            themes: default_themes(),
            min_group: MinGroup::default(),
            period: PeriodLength::ONE_WEEK,
            opened: false,
            retention_periods: 8,
            rules: Default::default(),
            translations: Default::default(),
            questions: Default::default(),
            answers_without_text: false,
            postal_address: String::new(),
            freepost: String::new(),
            days_to_answer: Default::default(),
        }
    }

    #[test]
    fn text_is_trimmed_and_bounded_in_characters_not_bytes() {
        assert_eq!(CritiqueText::parse("  hi \r\n").unwrap().as_str(), "hi");
        assert_eq!(CritiqueText::parse(" \n "), Err(InputError::TextEmpty));
        // 5,000 four-byte characters are fine: the limit counts characters.
        assert!(CritiqueText::parse(&"😀".repeat(5_000)).is_ok());
        assert_eq!(
            CritiqueText::parse(&"a".repeat(5_001)),
            Err(InputError::TextTooLong { chars: 5_001 })
        );
    }

    #[test]
    fn themes_are_checked_against_the_round() {
        let r = round();
        let none = RawAnswers::default();
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(AnsweredSubmission::parse(&r, &s(&["leadership"]), "x", false, &none).is_ok());
        // Repeats count once.
        let ok =
            AnsweredSubmission::parse(&r, &s(&["leadership", "leadership"]), "x", false, &none)
                .unwrap();
        assert_eq!(ok.themes().len(), 1);
        assert_eq!(
            AnsweredSubmission::parse(&r, &s(&[]), "x", false, &none),
            Err(vec![InputError::ThemesMissing])
        );
        assert_eq!(
            AnsweredSubmission::parse(&r, &s(&["nope"]), "", false, &none),
            Err(vec![InputError::ThemeUnknown, InputError::TextEmpty])
        );
        let four = s(&[
            "leadership",
            "information",
            "policy-and-rules",
            "whose-voices",
        ]);
        assert_eq!(
            AnsweredSubmission::parse(&r, &four, "x", false, &none),
            Err(vec![InputError::ThemesTooMany])
        );
    }
}
