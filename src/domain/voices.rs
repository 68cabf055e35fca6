//! What is published beside a digest, as plain records: quotes and their
//! moderation ([`QuoteRecord`], [`QuoteState`], [`RejectReason`]), an
//! organisation's responses and pledges ([`ResponseRecord`],
//! [`PledgeRecord`] with their histories), and the unlinked "about you"
//! answers ([`AboutYou`], parsed against [`QUESTIONS`]). The store keeps
//! them, `digest::voices` aggregates and publishes them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why a moderator rejected a quote: a fixed list of stable codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Could identify the writer or someone else, even after scrubbing.
    Identifying,
    /// Names or describes a third party (staff member, relative).
    ThirdParty,
    /// Abusive, threatening or discriminatory.
    Offensive,
    /// Not about the organisation or the round.
    OffTopic,
    /// Too short or unclear to stand alone as a quote.
    Unclear,
    /// Says what another published quote already says.
    Duplicate,
}

impl RejectReason {
    pub const ALL: [RejectReason; 6] = [
        Self::Identifying,
        Self::ThirdParty,
        Self::Offensive,
        Self::OffTopic,
        Self::Unclear,
        Self::Duplicate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Identifying => "identifying",
            Self::ThirdParty => "third_party",
            Self::Offensive => "offensive",
            Self::OffTopic => "off_topic",
            Self::Unclear => "unclear",
            Self::Duplicate => "duplicate",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Where a pledge stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PledgeStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl PledgeStatus {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "planned" => Some(Self::Planned),
            "in_progress" => Some(Self::InProgress),
            "done" => Some(Self::Done),
            "dropped" => Some(Self::Dropped),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Planned => "Planned",
            Self::InProgress => "In progress",
            Self::Done => "Done",
            Self::Dropped => "Dropped",
        }
    }
}

/// One step of a pledge's history: the status it took and the period it
/// happened in (never a finer time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PledgeChange {
    pub status: PledgeStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The period (id) in which the change was made.
    pub period: String,
}

/// The "about you" questions and their answers' stable codes. Every
/// question may be skipped; "prefer_not" is an answer of its own.
pub const QUESTIONS: [(&str, &[&str]); 4] = [
    (
        "age",
        &[
            "under_18",
            "18_24",
            "25_34",
            "35_49",
            "50_64",
            "65_79",
            "80_plus",
            "prefer_not",
        ],
    ),
    // The five top-level ethnic groups of the ONS 2021 Census (England
    // and Wales).
    (
        "ethnicity",
        &["asian", "black", "mixed", "white", "other", "prefer_not"],
    ),
    ("disability", &["yes", "no", "prefer_not"]),
    ("care", &["yes", "no", "prefer_not"]),
];

/// The code for a skipped question, in aggregates.
pub const SKIPPED: &str = "skipped";

/// One person's answers: question → answer code; a skipped question is
/// absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutYou {
    pub answers: BTreeMap<String, String>,
}

impl AboutYou {
    /// Parse (question, answer) pairs: unknown questions or answers are
    /// errors (by question); empty answers mean skipped.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, Vec<&'static str>> {
        let mut answers = BTreeMap::new();
        let mut wrong = Vec::new();
        for (q, a) in pairs {
            let Some((question, options)) = QUESTIONS.iter().find(|(name, _)| *name == q) else {
                continue;
            };
            if a.is_empty() {
                continue;
            }
            if options.contains(&a) && !answers.contains_key(*question) {
                answers.insert((*question).to_owned(), a.to_owned());
            } else if !wrong.contains(question) {
                wrong.push(*question);
            }
        }
        if wrong.is_empty() {
            Ok(Self { answers })
        } else {
            Err(wrong)
        }
    }
}

/// What is kept of "about you" answers for one period: how many people
/// answered and how many chose each answer (issue 16). No one's set of
/// answers is kept, and nothing here is a record of one person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AboutYouTally {
    pub respondents: u64,
    /// (question, answer code) → how many chose it; a skipped question is
    /// not counted (see [`AboutYouTally::count`]).
    pub chosen: BTreeMap<(String, String), u64>,
}

impl AboutYouTally {
    /// Count one person's answers.
    pub fn add(&mut self, person: &AboutYou) {
        self.respondents += 1;
        for (q, a) in &person.answers {
            *self.chosen.entry((q.clone(), a.clone())).or_default() += 1;
        }
    }

    /// Add everything `other` counts.
    pub fn merge(&mut self, other: &Self) {
        self.respondents += other.respondents;
        for (k, n) in &other.chosen {
            *self.chosen.entry(k.clone()).or_default() += n;
        }
    }

    /// How many chose `option` for `question`; for [`SKIPPED`], how many
    /// answered "about you" but not this question.
    pub fn count(&self, question: &str, option: &str) -> u64 {
        if option == SKIPPED {
            let answered: u64 = self
                .chosen
                .iter()
                .filter(|((q, _), _)| q == question)
                .map(|(_, n)| n)
                .sum();
            return self.respondents.saturating_sub(answered);
        }
        self.chosen
            .get(&(question.to_owned(), option.to_owned()))
            .copied()
            .unwrap_or(0)
    }
}

/// Where a quote stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum QuoteState {
    Pending,
    Approved { text: String, edited: bool },
    Rejected { reason: RejectReason },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// Random, hex: says nothing about order or origin.
    pub id: String,
    pub round: String,
    pub period: String,
    /// The critique's themes that were shown in its period.
    pub themes: Vec<String>,
    #[serde(flatten)]
    pub state: QuoteState,
    /// The critique it came from (hex id), until the period is shredded.
    /// `period` is the critique's own period (the release that shows it
    /// may cover several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An organisation's words in other shipped languages, by language tag
/// (`cy`, `pl`, `ar`); the words themselves are in English.
pub type Translations = BTreeMap<String, String>;

/// The words of `text` (in English) with `translations` for a reader of
/// `language`: the translation if there is one, else the English, with
/// the language it is in.
pub fn words_in<'a>(
    text: &'a str,
    translations: &'a Translations,
    language: &'a str,
) -> (&'a str, &'a str) {
    match translations.get(language) {
        Some(t) => (t.as_str(), language),
        None => (text, "en"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseVersion {
    pub text: String,
    /// The period in which this version was published.
    pub changed_in: String,
    /// The same response in other languages: part of the version, so a
    /// changed translation is a new version, kept like any other.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRecord {
    pub round: String,
    pub period: String,
    pub theme: String,
    /// Every version, oldest first; the last is the current response.
    pub versions: Vec<ResponseVersion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PledgeRecord {
    pub id: String,
    pub organisation: String,
    pub round: String,
    /// The published period it answers.
    pub period: String,
    pub theme: String,
    pub text: String,
    /// What it pledges, in other languages (given when it is made).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
    /// Every status it has had, oldest first; the last is the current one.
    pub history: Vec<PledgeChange>,
}

impl PledgeRecord {
    pub fn status(&self) -> Option<PledgeStatus> {
        self.history.last().map(|c| c.status)
    }
}

/// A critique that may be queued as a quote.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: [u8; 16],
    /// The period the critique was written in (one the release covers).
    pub period: String,
    /// Its themes that the release shows.
    pub themes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_can_be_skipped_and_bad_answers_are_named() {
        assert_eq!(AboutYou::parse([]).unwrap(), AboutYou::default());
        assert_eq!(
            AboutYou::parse([("age", ""), ("care", "")]).unwrap(),
            AboutYou::default()
        );
        assert_eq!(
            AboutYou::parse([("age", "ancient"), ("care", "yes"), ("disability", "maybe")]),
            Err(vec!["age", "disability"])
        );
        let p = AboutYou::parse([("ethnicity", "black"), ("care", "prefer_not")]).unwrap();
        assert_eq!(p.answers.len(), 2);
    }

    #[test]
    fn reject_reasons_and_pledge_statuses_are_a_fixed_list() {
        for r in RejectReason::ALL {
            assert_eq!(RejectReason::parse(r.code()), Some(r));
        }
        assert_eq!(RejectReason::parse("because"), None);
        assert_eq!(
            PledgeStatus::parse("in_progress"),
            Some(PledgeStatus::InProgress)
        );
        assert_eq!(PledgeStatus::parse("finished"), None);
    }
}
