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
use crate::domain::{PledgeRecord, ResponseVersion, Translations};
use serde::Serialize;
use std::collections::BTreeMap;

/// The vocabulary moved to `domain`, named here too so that older paths
/// still compile; new code imports it from `crate::domain`.
pub use crate::domain::{
    AboutYou, AboutYouTally, PledgeChange, PledgeStatus, RejectReason, QUESTIONS, SKIPPED,
};

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
    /// Slugs of the themes shown at all: as a number or as "almost
    /// everyone" (chosen by at least `k`).
    pub shown_themes: Vec<String>,
    /// Slugs of the themes shown as a number: at least `k` chose each and
    /// at least `k` did not. Only these may be named beside a quote.
    pub number_themes: Vec<String>,
    /// The periods (ids) whose critiques this release counts: the period
    /// itself, plus any earlier periods that rolled into it.
    pub covers: Vec<String>,
    /// The critiques the release counts, as published.
    pub critiques: Band,
    /// The days to answer logged with the release (`None` before they
    /// were logged: the round's current setting applies).
    pub days_to_answer: Option<crate::domain::DaysToAnswer>,
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
        number_themes: release
            .themes
            .iter()
            .filter(|t| matches!(t.figure, Figure::About(_)))
            .map(|t| t.slug.clone())
            .collect(),
        covers: release.periods.clone(),
        critiques: release.total,
        days_to_answer: release.answer_days(),
    })
}

/// The theme a published quote carries, if any (issue 16, item 6): one of
/// its themes that the release shows as a number, never a combination.
///
/// A theme shown as "almost everyone" is never named: a quote tagged
/// without it would prove its writer among the fewer than `k` who did not
/// choose it. Several themes together would publish an exact combination,
/// a group the release never counted; so a quote names one. Which one is
/// drawn from the quote's random id, not taken in theme order, so the
/// theme named says nothing about the themes not named (in order, naming
/// the second would prove the first was not chosen). The id is never
/// published.
pub fn public_theme(quote_id: &str, themes: &[String], release: &Release) -> Option<String> {
    let choices: Vec<&String> = release
        .number_themes
        .iter()
        .filter(|t| themes.contains(t))
        .collect();
    if choices.is_empty() {
        return None;
    }
    let hash = crate::crypto::sha256(quote_id.as_bytes());
    let mut draw = [0u8; 8];
    draw.copy_from_slice(&hash[..8]);
    let i = u64::from_le_bytes(draw) % choices.len() as u64;
    choices.get(i as usize).map(|t| (*t).clone())
}

// ---------------------------------------------------------------- quotes

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

// --------------------------------------------------------------- about you

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
pub fn aggregate(answers: &AboutYouTally, k: u32, base: u32) -> Option<AboutYouAggregate> {
    if answers.respondents == 0 {
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
        let counts: BTreeMap<String, u64> = options
            .iter()
            .chain(std::iter::once(&SKIPPED))
            .map(|o| ((*o).to_owned(), answers.count(question, o)))
            .collect();
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
        respondents: Band::of(answers.respondents),
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
    /// `text` in other languages, by tag (the last version's).
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
    /// Every version, oldest first (the last is `text`).
    pub versions: Vec<ResponseVersion>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodVoices {
    pub round: String,
    pub period: String,
    pub label: String,
    /// Approved quotes, in a fresh random order on every request.
    pub quotes: Vec<PublicQuote>,
    pub responses: Vec<PublicResponse>,
    pub pledges: Vec<PledgeRecord>,
    /// `None` when nobody answered "about you" in this period.
    pub about_you: Option<AboutYouAggregate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_names_one_number_theme_drawn_from_its_id_never_in_order() {
        let release = Release {
            period: "2026-11-23".into(),
            label: String::new(),
            k: 5,
            base: 5,
            shown_themes: ["a", "b", "c", "everyone"].map(String::from).to_vec(),
            number_themes: ["a", "b", "c"].map(String::from).to_vec(),
            covers: vec![],
            critiques: Band::of(0),
            days_to_answer: None,
        };
        let themes = ["everyone", "a", "b", "hidden"].map(String::from).to_vec();
        let mut named = std::collections::BTreeSet::new();
        for i in 0..64 {
            let t = public_theme(&format!("{i:032x}"), &themes, &release).unwrap();
            named.insert(t);
        }
        // Both of its number themes get named (so naming "b" does not
        // prove "a" was not chosen), and nothing else ever is.
        assert_eq!(named, ["a", "b"].map(String::from).into());
        let none = ["everyone", "hidden"].map(String::from).to_vec();
        assert_eq!(public_theme("00", &none, &release), None);
    }

    fn person(pairs: &[(&str, &str)]) -> AboutYou {
        AboutYou::parse(pairs.iter().copied()).unwrap()
    }

    fn tally(people: &[AboutYou]) -> AboutYouTally {
        let mut t = AboutYouTally::default();
        people.iter().for_each(|p| t.add(p));
        t
    }

    #[test]
    fn the_about_you_aggregate_never_shows_a_count_below_k() {
        // 7 people: 6 say "yes" to care, 1 "no": the "no" is hidden, and so
        // is one more cell so that 7 − 6 cannot be worked out.
        let mut people = vec![person(&[("care", "yes")]); 6];
        people.push(person(&[("care", "no")]));
        let a = aggregate(&tally(&people), 5, 5).unwrap();
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
        assert!(aggregate(&tally(&[]), 5, 5).is_none());

        // Only one answer below k: the smallest shown one is hidden too, so
        // the hidden one cannot be worked out from the others.
        let mut people = Vec::new();
        for answer in ["yes", "no", "prefer_not"] {
            people.extend(vec![person(&[("disability", answer)]); 5]);
        }
        people.push(person(&[("disability", "yes")]));
        people.push(person(&[]));
        let d = &aggregate(&tally(&people), 5, 5).unwrap().questions["disability"];
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
}
