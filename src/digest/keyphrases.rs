//! Recurring keyphrases in "Something else" critiques, for the host's view
//! from which a new theme can be promoted for the next round.
//!
//! Method (a simple, explainable cousin of YAKE and TF-IDF keyphrase
//! extraction): each text is first scrubbed ([`super::scrub`]), so a name
//! or a phone number can never become a keyphrase. It is then split into
//! chunks at punctuation and at scrub placeholders, and into words with
//! Unicode word segmentation. Candidate phrases are runs of one to three
//! consecutive content words (no stop words, no numbers, no one-letter
//! words). Candidates are grouped by their stems (Snowball English, as in
//! [`super::tagging`]), ignoring order, so "parking charge", "parking
//! charges" and "charges parking" are one group. For each group we count
//! the DISTINCT texts it occurs in (its document frequency; a text
//! repeating a phrase counts once). [`recurring`] ranks groups by that
//! count; [`recurring_against`] ranks the same groups by TF-IDF against a
//! background (the round's other critiques), so that words common to every
//! critique sink.
//!
//! Privacy: only groups found in at least `k` distinct texts are returned,
//! so the host view never shows a phrase that one or a few people wrote.
//! A group's `label` is its most common wording; `variants` lists only
//! wordings that themselves occur in at least `k` texts. A shorter group
//! is dropped when a longer group contains its stems and occurs in exactly
//! the same texts (it says nothing more).
//!
//! Staff see a group's counts only as bands of at least `k` ([`banded`]:
//! "5-9", "10-19", "20-49", …), so a sealing that adds one text with the
//! phrase moves nothing unless it crosses a band (issue 16, item 7); the
//! app reads only periods that were released.

use super::disclosure::Band;
use super::scrub::{scrub, Kind};
use super::tagging::stems;
use std::collections::{BTreeMap, BTreeSet};
use unicode_segmentation::UnicodeSegmentation;

/// One recurring keyphrase group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Group {
    /// The most common wording (lower case).
    pub label: String,
    /// In how many distinct texts the group occurs (at least `k`).
    pub texts: usize,
    /// Wordings found in at least `k` texts, with their text counts, most
    /// common first.
    pub variants: Vec<(String, usize)>,
}

/// Where one stems key was found: the texts, and each wording's texts.
#[derive(Default)]
struct Found {
    texts: BTreeSet<usize>,
    wordings: BTreeMap<String, BTreeSet<usize>>,
}

/// Groups occurring in at least `k` distinct texts (k of at least 1),
/// most widespread first, then longer phrases first, then by label.
pub fn recurring(texts: &[&str], k: usize) -> Vec<Group> {
    let mut out = groups(texts, k);
    out.sort_by(|a, b| {
        b.1.texts
            .cmp(&a.1.texts)
            .then(b.0.len().cmp(&a.0.len()))
            .then(a.1.label.cmp(&b.1.label))
    });
    out.into_iter().map(|(_, g)| g).collect()
}

/// The same groups as [`recurring`] (still only those in at least `k` of
/// `texts`), ranked by TF-IDF against a background: pass the round's other
/// critiques as `background`, and phrases common everywhere ("staff")
/// sink below phrases particular to "Something else" ("parking charges").
/// Score: distinct texts × (ln((1 + B) / (1 + b)) + 1), where B is the
/// number of background texts and b how many contain the group.
pub fn recurring_against(texts: &[&str], background: &[&str], k: usize) -> Vec<Group> {
    let mut in_background: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for text in background {
        let mut keys = BTreeSet::new();
        for_each_phrase(text, |key, _| {
            keys.insert(key);
        });
        for key in keys {
            *in_background.entry(key).or_default() += 1;
        }
    }
    let all = (1 + background.len()) as f64;
    let mut scored: Vec<(f64, usize, Group)> = groups(texts, k)
        .into_iter()
        .map(|(key, g)| {
            let b = in_background.get(&key).copied().unwrap_or(0) as f64;
            let score = g.texts as f64 * ((all / (1.0 + b)).ln() + 1.0);
            (score, key.len(), g)
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.label.cmp(&b.2.label))
    });
    scored.into_iter().map(|(_, _, g)| g).collect()
}

/// Call `f(stems key, wording)` for every candidate phrase of one text.
fn for_each_phrase(text: &str, mut f: impl FnMut(Vec<String>, String)) {
    for chunk in chunks(&scrub(text).text) {
        for len in 1..=3 {
            for window in chunk.windows(len) {
                let mut key: Vec<String> = window.iter().flat_map(|w| stems(w)).collect();
                key.sort();
                key.dedup();
                f(key, window.join(" "));
            }
        }
    }
}

/// The groups in at least `k` texts, unordered, with their stems keys.
fn groups(texts: &[&str], k: usize) -> Vec<(Vec<String>, Group)> {
    let k = k.max(1);
    let mut groups: BTreeMap<Vec<String>, Found> = BTreeMap::new();
    for (n, text) in texts.iter().enumerate() {
        for_each_phrase(text, |key, wording| {
            let entry = groups.entry(key).or_default();
            entry.texts.insert(n);
            entry.wordings.entry(wording).or_default().insert(n);
        });
    }
    let kept: Vec<(&Vec<String>, &Found)> = groups
        .iter()
        .filter(|(_, found)| found.texts.len() >= k)
        .collect();
    kept.iter()
        .filter(|(key, found)| {
            !kept.iter().any(|(other, other_found)| {
                other.len() > key.len()
                    && key.iter().all(|s| other.contains(s))
                    && other_found.texts == found.texts
            })
        })
        .map(|(key, found)| {
            let mut variants: Vec<(String, usize)> = found
                .wordings
                .iter()
                .map(|(w, t)| (w.clone(), t.len()))
                .collect();
            variants.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(a.0.len().cmp(&b.0.len()))
                    .then(a.0.cmp(&b.0))
            });
            let label = variants.first().map(|v| v.0.clone()).unwrap_or_default();
            variants.retain(|v| v.1 >= k);
            let group = Group {
                label,
                texts: found.texts.len(),
                variants,
            };
            ((*key).clone(), group)
        })
        .collect()
}

/// Runs of content words, lower-cased, split at punctuation, at scrub
/// placeholders, at stop words and at numbers.
fn chunks(text: &str) -> Vec<Vec<String>> {
    let mut text = text.to_owned();
    for kind in Kind::ALL {
        text = text.replace(kind.placeholder(), " . ");
    }
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut flush = |current: &mut Vec<String>| {
        if !current.is_empty() {
            out.push(std::mem::take(current));
        }
    };
    let segments: Vec<&str> = text.split_word_bounds().collect();
    for (i, segment) in segments.iter().enumerate() {
        let is_word = segment.chars().any(char::is_alphanumeric);
        // A hyphen joins words only inside one ("step-free"); a spaced
        // dash is punctuation.
        let joining_hyphen = *segment == "-"
            && i > 0
            && segments[i - 1].chars().any(char::is_alphanumeric)
            && segments
                .get(i + 1)
                .is_some_and(|s| s.chars().any(char::is_alphanumeric));
        if is_word {
            let word = segment.to_lowercase().replace(['’', '‘'], "'");
            let content = word.chars().count() > 1
                && !word.chars().any(|c| c.is_ascii_digit())
                && !STOP_WORDS.contains(&word.as_str());
            if content {
                current.push(word);
            } else {
                flush(&mut current);
            }
        } else if !joining_hyphen && !segment.chars().all(char::is_whitespace) {
            flush(&mut current);
        }
    }
    flush(&mut current);
    out
}

/// Common English function words and fillers that never make a keyphrase.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "always", "am", "an", "and",
    "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't",
    "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "even", "ever", "every",
    "few", "for", "from", "further", "get", "gets", "getting", "got", "had", "hadn't", "has",
    "hasn't", "have", "haven't", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "i", "i'd", "i'm", "i've", "if", "in", "into", "is", "isn't", "it",
    "it's", "its", "itself", "just", "let", "like", "lot", "lots", "made", "make", "many", "may",
    "me", "might", "more", "most", "much", "must", "my", "myself", "never", "no", "nor", "not",
    "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "our", "ours",
    "ourselves", "out", "over", "own", "quite", "rather", "really", "said", "same", "say", "see",
    "she", "should", "shouldn't", "so", "some", "still", "such", "than", "that", "that's", "the",
    "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they",
    "they're", "thing", "things", "this", "those", "though", "through", "to", "too", "under",
    "until", "up", "us", "very", "was", "wasn't", "way", "we", "we're", "were", "weren't", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won't", "would",
    "wouldn't", "yet", "you", "your", "yours", "yourself",
];

/// A group as staff see it: its counts only as bands of at least `k`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BandedGroup {
    pub label: String,
    /// The lower end of [`BandedGroup::texts_band`]: at least this many
    /// distinct texts (the field's name is kept from the exact count).
    pub texts: u64,
    /// "5-9", "10-19", …: distinct texts, banded.
    pub texts_band: String,
    /// Wordings with the lower end of their band.
    pub variants: Vec<(String, u64)>,
}

/// `n` (at least `k`) as a band: the total's ladder ([`Band`]) with its
/// lower end raised to `k`. The lower end and the label.
pub fn band(n: usize, k: usize) -> (u64, String) {
    let b = Band::of(n as u64);
    let low = b.low.max(k as u64);
    let label = if b.high == u64::MAX {
        format!("{low} or more")
    } else {
        format!("{low}-{}", b.high)
    };
    (low, label)
}

/// `group` with its counts banded (see [`band`]).
pub fn banded(group: Group, k: usize) -> BandedGroup {
    let (texts, texts_band) = band(group.texts, k);
    BandedGroup {
        label: group.label,
        texts,
        texts_band,
        variants: group
            .variants
            .into_iter()
            .map(|(v, n)| (v, band(n, k).0))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_start_at_k_and_follow_the_totals_ladder() {
        for (n, k, low, label) in [
            (5, 5, 5, "5-9"),
            (6, 5, 5, "5-9"),
            (9, 5, 5, "5-9"),
            (10, 5, 10, "10-19"),
            (19, 5, 10, "10-19"),
            (20, 5, 20, "20-49"),
            (12, 12, 12, "12-19"),
            (3, 3, 3, "3-9"),
        ] {
            assert_eq!(band(n, k), (low, label.to_owned()), "{n} with k = {k}");
        }
    }
    use proptest::prelude::*;

    #[test]
    fn a_phrase_in_k_texts_is_reported_with_its_count() {
        let texts = [
            "The parking charges at the hospital are too high.",
            "Parking charges again! I can't visit my dad.",
            "Why are there parking charges for carers?",
            "Please scrap the parking charge for visitors.",
            "Bring back free parking. The charges are mad.",
            "The garden is lovely.",
        ];
        let groups = recurring(&texts, 4);
        let labels: Vec<(&str, usize)> =
            groups.iter().map(|g| (g.label.as_str(), g.texts)).collect();
        // "parking" and "charge(s)" are each in five texts (the fifth has a
        // full stop between them), the phrase in four.
        assert_eq!(
            labels,
            [("charges", 5), ("parking", 5), ("parking charges", 4)]
        );
        // No single wording of the phrase is in four texts, so none is
        // listed as a variant; at k = 3 "parking charges" is.
        assert!(groups[2].variants.is_empty());
        let at3 = recurring(&texts, 3);
        let phrase = at3.iter().find(|g| g.label == "parking charges").unwrap();
        assert_eq!(phrase.variants, vec![("parking charges".to_owned(), 3)]);
        assert!(!at3.iter().any(|g| g.label.contains("garden")));
    }

    #[test]
    fn nothing_below_k_distinct_texts_is_shown_and_repeats_count_once() {
        let texts = [
            "Night shifts, night shifts, night shifts!",
            "night shifts are short staffed",
            "The night shifts are awful",
            "Something unrelated entirely",
        ];
        let groups = recurring(&texts, 4);
        assert!(groups.is_empty(), "{groups:?}");
        let groups = recurring(&texts, 3);
        assert_eq!(groups[0].label, "night shifts");
        assert_eq!(groups[0].texts, 3);
    }

    #[test]
    fn a_shorter_phrase_in_exactly_the_same_texts_is_folded_into_the_longer() {
        let texts = [
            "no hot water",
            "No hot water again",
            "still no hot water",
            "hot water",
        ];
        let groups = recurring(&texts, 3);
        let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
        // "hot" and "water" occur in the same four texts as "hot water".
        assert_eq!(labels, ["hot water"]);
    }

    #[test]
    fn names_and_numbers_are_scrubbed_before_counting() {
        let texts = [
            "my carer called Gary is late",
            "a carer called Gary came late",
            "carer called Gary again late",
            "Dr Gary Smith, 07700 900123, late",
        ];
        let groups = recurring(&texts, 3);
        assert!(
            groups.iter().all(|g| !g.label.contains("gary")),
            "{groups:?}"
        );
        assert!(groups.iter().all(|g| !g.label.contains("07700")));
        assert!(groups.iter().any(|g| g.label == "late" && g.texts == 4));
    }

    #[test]
    fn against_a_background_phrases_common_everywhere_sink() {
        let texts = [
            "staff never answer about parking charges",
            "parking charges and the staff",
            "staff, staff, and parking charges",
            "the staff are tired",
        ];
        let background = [
            "staff were rude",
            "the staff were kind",
            "staff turnover",
            "lovely staff",
        ];
        // By spread alone, "staff" (four texts) comes first ...
        assert_eq!(recurring(&texts, 3)[0].label, "staff");
        // ... but against the other critiques, "parking charges" does.
        let ranked = recurring_against(&texts, &background, 3);
        assert_eq!(ranked[0].label, "parking charges");
        assert!(ranked.iter().any(|g| g.label == "staff"));
        // The background never lets a group below k through.
        assert!(recurring_against(&texts, &background, 5).is_empty());
    }

    #[test]
    fn stop_words_and_punctuation_split_phrases() {
        assert_eq!(
            chunks("The lift, again: broken for weeks - step-free access"),
            vec![
                vec!["lift"],
                vec!["broken"],
                vec!["weeks"],
                vec!["step", "free", "access"]
            ]
        );
    }

    proptest! {
        #[test]
        fn every_group_is_in_at_least_k_texts(
            texts in proptest::collection::vec("(lift|broken|parking|charges|night|shifts|the|a|, ){0,8}", 0..12),
            k in 1usize..6,
        ) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            for g in recurring(&refs, k) {
                prop_assert!(g.texts >= k && g.texts <= texts.len());
                let found = texts.iter().filter(|t| t.to_lowercase().contains(g.label.split(' ').next().unwrap_or(""))).count();
                prop_assert!(found >= k);
                prop_assert!(g.variants.iter().all(|v| v.1 >= k));
            }
        }
    }
}
