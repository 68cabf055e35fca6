//! The message files are complete in every language, parse cleanly, and
//! Easy Read keeps to its rules.

use super::*;
use std::collections::BTreeSet;

fn english_keys() -> BTreeSet<String> {
    let (_, _, source) = files()
        .iter()
        .find(|(l, v, _)| *l == DEFAULT_LANGUAGE && *v == STANDARD)
        .expect("English standard.ftl is shipped");
    keys(source).into_iter().collect()
}

#[test]
fn english_and_easy_read_english_are_shipped() {
    let shipped: Vec<(&str, &str)> = files().iter().map(|(l, v, _)| (*l, *v)).collect();
    assert!(shipped.contains(&("en", STANDARD)));
    assert!(shipped.contains(&("en", EASY_READ)));
}

#[test]
fn every_message_key_exists_in_every_shipped_language() {
    let english = english_keys();
    assert!(
        english.len() > 50,
        "English has only {} keys",
        english.len()
    );
    for (language, variant, source) in files() {
        assert!(
            FluentResource::try_new((*source).to_owned()).is_ok(),
            "{language}/{variant}.ftl has syntax errors"
        );
        assert!(
            [STANDARD, EASY_READ].contains(variant),
            "{language}/{variant}.ftl: the variant must be {STANDARD} or {EASY_READ}"
        );
        let all = keys(source);
        let these: BTreeSet<String> = all.iter().cloned().collect();
        assert_eq!(
            all.len(),
            these.len(),
            "{language}/{variant}.ftl repeats a key"
        );
        let missing: Vec<_> = english.difference(&these).collect();
        let extra: Vec<_> = these.difference(&english).collect();
        assert!(
            missing.is_empty(),
            "{language}/{variant}.ftl lacks {missing:?}"
        );
        assert!(
            extra.is_empty(),
            "{language}/{variant}.ftl has keys English lacks: {extra:?}"
        );
    }
}

/// Arguments any message may use, with realistic lengths.
fn sample_args() -> Vec<(&'static str, FluentValue<'static>)> {
    vec![
        ("org", "Demo Care Services".into()),
        ("round", "How well do we listen to you?".into()),
        ("k", 5.into()),
        ("weeks", 4.into()),
        ("period", "4 weeks".into()),
        ("max", 3.into()),
        ("chars", 5200.into()),
        ("url", "https://feedback.example.org/r/demo".into()),
        ("total", "fewer than 5".into()),
        ("n", 10.into()),
        ("base", 5.into()),
        ("min", 10.into()),
        ("band", "20-49".into()),
        ("epsilon", "1".into()),
        ("sensitivity", 3.into()),
        ("alpha", "0.717".into()),
        ("batch", 10.into()),
        ("times", 2.into()),
        ("status", "In progress".into()),
        ("prompt", "How well did staff listen?".into()),
        ("of", 100.into()),
        ("labels", "“Well” or “Very well”".into()),
        ("label", "Well".into()),
        ("first", "“Well”".into()),
        ("second", "“Very well”".into()),
        (
            "themes",
            "Money, time and resources (almost everyone) and Information (15)".into(),
        ),
        ("theme", "Information and communication".into()),
        ("figure", "almost everyone".into()),
        ("next", "Information (15)".into()),
        ("last", "Leadership (10)".into()),
        ("low", "1,000".into()),
        ("high", "1,999".into()),
    ]
}

/// Sentences end at `.`, `?` or `!` followed by a space or the end. A web
/// address is one word.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        let at_end = chars.peek().is_none_or(|n| n.is_whitespace());
        if matches!(c, '.' | '?' | '!') && at_end {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

#[test]
fn easy_read_sentences_have_fifteen_words_or_fewer() {
    let args = sample_args();
    let mut checked = 0;
    for (language, _, source) in files().iter().filter(|(_, v, _)| *v == EASY_READ) {
        let m = Messages::select(Some(language), true);
        for key in keys(source) {
            let text = m.f(&key, &args);
            for sentence in sentences(&text) {
                let words = sentence.split_whitespace().count();
                assert!(
                    words <= 15,
                    "{language} Easy Read {key}: {words} words in “{}”",
                    sentence.trim()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} sentences checked");
}

#[test]
fn default_themes_have_easy_read_lines_of_fifteen_words_or_fewer() {
    for theme in crate::domain::default_themes() {
        assert!(
            !theme.easy_read.is_empty(),
            "{} has an Easy Read line",
            theme.slug
        );
        for sentence in sentences(&theme.easy_read) {
            let words = sentence.split_whitespace().count();
            assert!(
                words <= 15,
                "theme {}: {words} words in “{}”",
                theme.slug,
                sentence.trim()
            );
        }
    }
}

#[test]
fn the_sentence_splitter_counts_what_a_reader_sees() {
    assert_eq!(sentences("One. Two words? Three!").len(), 3);
    assert_eq!(sentences("Go to example.org/r/demo now.").len(), 1);
    assert_eq!(sentences("no full stop").len(), 1);
}

#[test]
fn links_keep_the_language_and_easy_read_choice() {
    let easy = Messages::select(None, true);
    assert_eq!(easy.href("/r/demo"), "/r/demo?easy=1");
    assert_eq!(easy.toggle_href("/r/demo"), "/r/demo");
    assert_eq!(Messages::english().href("/"), "/");
    assert_eq!(Messages::english().toggle_href("/"), "/?easy=1");
    // An unknown language falls back to English and is not carried on.
    let unknown = Messages::select(Some("xx"), false);
    assert_eq!(unknown.language(), "en");
    assert_eq!(unknown.href("/"), "/");
}

#[test]
fn arguments_are_filled_in_and_periods_are_plain() {
    let m = Messages::english();
    assert_eq!(m.f("period-noun", &[("weeks", 1.into())]), "week");
    assert_eq!(m.f("period-noun", &[("weeks", 4.into())]), "4-week period");
    assert_eq!(
        m.f("text-label", &[("org", "Demo Care".into())]),
        "What do you want to tell Demo Care?"
    );
}
