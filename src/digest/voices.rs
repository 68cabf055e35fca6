//! Who spoke and what was answered, beside a digest: quotes, the
//! organisation's responses and pledges, and the unlinked "about you"
//! aggregate. Pure: plain data in, plain data out.
//!
//! [`release_of`] is the ONE place that reads the shape of a sealed
//! period's digest to decide whether it is published and which of its
//! themes are shown: quotes and the "about you" aggregate depend on it, so
//! when the digest changes shape only that function changes.

use super::disclosure::{Band, Figure};
use super::scrub::{self, Kind};
use super::SealedDigest;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A sealed period as published: what quotes and the "about you"
/// aggregate may appear beside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// The period's id (its first day).
    pub period: String,
    pub label: String,
    /// The round's minimum group size when the period was sealed.
    pub k: u32,
    /// The round's rounding base for shown counts.
    pub base: u32,
    /// Slugs of the themes shown as a number (chosen by at least `k`).
    pub shown_themes: Vec<String>,
    /// The periods (ids) whose critiques this release counts: the period
    /// itself, plus any earlier periods that rolled into it.
    pub covers: Vec<String>,
}

/// ADAPTER: whether a sealed period is published and which of its themes
/// are shown (at least `k`). `None` when the period has no digest of its
/// own (a rolled period).
pub fn release_of(sealed: &SealedDigest) -> Option<Release> {
    let release = sealed.release.as_ref()?;
    Some(Release {
        period: sealed.period.clone(),
        label: release.label.clone(),
        k: sealed.rules.k(),
        base: sealed.rules.base(),
        shown_themes: release
            .themes
            .iter()
            .filter(|t| matches!(t.figure, Figure::About(_) | Figure::AlmostEveryone))
            .map(|t| t.slug.clone())
            .collect(),
        covers: release.periods.clone(),
    })
}

// ---------------------------------------------------------------- quotes

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

/// A removal as the moderator sees it: where its placeholder sits in the
/// SCRUBBED text (byte range), so a screen can highlight it without ever
/// holding the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Highlight {
    pub kind: Kind,
    pub placeholder: &'static str,
    pub start: usize,
    pub end: usize,
}

/// Scrub `text` for a moderator: the scrubbed text and where each
/// placeholder is in it.
pub fn for_moderation(text: &str) -> (String, Vec<Highlight>) {
    let scrubbed = scrub::scrub(text);
    let mut shift: isize = 0;
    let highlights = scrubbed
        .removals
        .iter()
        .map(|r| {
            let placeholder = r.kind.placeholder();
            let start = (r.range.start as isize + shift).max(0) as usize;
            shift += placeholder.len() as isize - r.range.len() as isize;
            Highlight {
                kind: r.kind,
                placeholder,
                start,
                end: start + placeholder.len(),
            }
        })
        .collect();
    (scrubbed.text, highlights)
}

// ---------------------------------------------------- responses, pledges

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

// --------------------------------------------------------------- about you

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

/// The published "about you" figures of one period: respondents as a
/// band, and each answer's count as a [`Figure`] (never a number below k).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AboutYouAggregate {
    /// The minimum group size the figures respect.
    pub k: u32,
    pub respondents: Band,
    /// question → answer code (including [`SKIPPED`]) → figure.
    pub questions: BTreeMap<String, BTreeMap<String, Figure>>,
}

/// Aggregate `answers` under the k rule: a count below `k` is "fewer than
/// k"; others are rounded to the nearest `base` (never below k). If a
/// question would show exactly one hidden cell, its smallest shown cell is
/// hidden too (complementary suppression), and the number of respondents
/// is shown only as a band, so a hidden cell cannot be worked out by
/// subtraction. `None` when nobody answered.
pub fn aggregate(answers: &[AboutYou], k: u32, base: u32) -> Option<AboutYouAggregate> {
    if answers.is_empty() {
        return None;
    }
    let k64 = u64::from(k);
    let b = u64::from(base.max(1));
    let rounded = |n: u64| {
        let nearest = (n + b / 2) / b * b;
        nearest.max(k64.div_ceil(b) * b)
    };
    let mut questions = BTreeMap::new();
    for (question, options) in QUESTIONS {
        let mut counts: BTreeMap<String, u64> = options
            .iter()
            .chain(std::iter::once(&SKIPPED))
            .map(|o| ((*o).to_owned(), 0))
            .collect();
        for a in answers {
            let code = a.answers.get(question).map_or(SKIPPED, String::as_str);
            if let Some(n) = counts.get_mut(code) {
                *n += 1;
            }
        }
        let mut hidden: Vec<String> = counts
            .iter()
            .filter(|(_, n)| **n < k64)
            .map(|(c, _)| c.clone())
            .collect();
        if hidden.len() == 1 {
            if let Some((code, _)) = counts
                .iter()
                .filter(|(c, n)| **n >= k64 && !hidden.contains(c))
                .min_by_key(|(_, n)| **n)
            {
                hidden.push(code.clone());
            }
        }
        let figures = counts
            .iter()
            .map(|(code, n)| {
                let figure = if hidden.contains(code) {
                    Figure::FewerThan(k)
                } else {
                    Figure::About(rounded(*n))
                };
                (code.clone(), figure)
            })
            .collect();
        questions.insert(question.to_owned(), figures);
    }
    Some(AboutYouAggregate {
        k,
        respondents: Band::of(answers.len() as u64),
        questions,
    })
}

// ------------------------------------------------ beside the digest

#[derive(Debug, Clone, Serialize)]
pub struct PublicQuote {
    pub text: String,
    /// The period's id and label: a quote never carries a finer time.
    pub period: String,
    pub period_label: String,
    pub themes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PublicResponse {
    pub theme: String,
    pub text: String,
    /// Every version, oldest first (the last is `text`).
    pub versions: Vec<crate::store::ResponseVersion>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodVoices {
    pub round: String,
    pub period: String,
    pub label: String,
    /// Approved quotes, in a fresh random order on every request.
    pub quotes: Vec<PublicQuote>,
    pub responses: Vec<PublicResponse>,
    pub pledges: Vec<crate::store::PledgeRecord>,
    /// `None` when nobody answered "about you" in this period.
    pub about_you: Option<AboutYouAggregate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(pairs: &[(&str, &str)]) -> AboutYou {
        AboutYou::parse(pairs.iter().copied()).unwrap()
    }

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
        let p = person(&[("ethnicity", "black"), ("care", "prefer_not")]);
        assert_eq!(p.answers.len(), 2);
    }

    #[test]
    fn the_about_you_aggregate_never_shows_a_count_below_k() {
        // 7 people: 6 say "yes" to care, 1 "no": the "no" is hidden, and so
        // is one more cell so that 7 − 6 cannot be worked out.
        let mut people = vec![person(&[("care", "yes")]); 6];
        people.push(person(&[("care", "no")]));
        let a = aggregate(&people, 5, 5).unwrap();
        assert_eq!(a.respondents.label(), "fewer than 10");
        for figures in a.questions.values() {
            let hidden = figures
                .values()
                .filter(|f| matches!(f, Figure::FewerThan(5)))
                .count();
            assert!(hidden == 0 || hidden >= 2, "{figures:?}");
            for f in figures.values() {
                if let Figure::About(n) = f {
                    assert!(*n >= 5);
                }
            }
        }
        assert_eq!(a.questions["care"]["no"], Figure::FewerThan(5));
        assert_eq!(a.questions["care"]["yes"], Figure::About(5));
        // Everybody skipped age: one shown cell, rounded.
        assert_eq!(a.questions["age"][SKIPPED], Figure::About(5));
        assert!(aggregate(&[], 5, 5).is_none());

        // Only one answer below k: the smallest shown one is hidden too, so
        // the hidden one cannot be worked out from the others.
        let mut people = Vec::new();
        for answer in ["yes", "no", "prefer_not"] {
            people.extend(vec![person(&[("disability", answer)]); 5]);
        }
        people.push(person(&[("disability", "yes")]));
        people.push(person(&[]));
        let d = &aggregate(&people, 5, 5).unwrap().questions["disability"];
        let hidden: Vec<&String> = d
            .iter()
            .filter(|(_, f)| matches!(f, Figure::FewerThan(5)))
            .map(|(c, _)| c)
            .collect();
        assert_eq!(hidden, ["no", "skipped"]);
    }

    #[test]
    fn placeholders_are_located_in_the_scrubbed_text() {
        let (text, marks) = for_moderation("Nurse Patel rang 07700 900123 about it");
        assert!(!marks.is_empty());
        for m in &marks {
            assert_eq!(&text[m.start..m.end], m.placeholder);
        }
        assert!(!text.contains("Patel"));
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
