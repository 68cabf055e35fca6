//! The message files are complete in every language, parse cleanly, and
//! Easy Read keeps to its rules.

use super::*;
use std::collections::BTreeSet;

fn source_of(language: &str, variant: &str) -> &'static str {
    files()
        .iter()
        .find(|(l, v, _)| *l == language && *v == variant)
        .map(|(_, _, s)| *s)
        .unwrap_or_else(|| panic!("{language}/{variant}.ftl is shipped"))
}

fn english_keys() -> BTreeSet<String> {
    keys(source_of(DEFAULT_LANGUAGE, STANDARD))
        .into_iter()
        .collect()
}

/// The file whose keys and arguments a file must have: English
/// `standard.ftl` for both page variants, English `api.ftl` for the API.
fn reference(variant: &str) -> &'static str {
    if variant == API {
        source_of(DEFAULT_LANGUAGE, API)
    } else {
        source_of(DEFAULT_LANGUAGE, STANDARD)
    }
}

#[test]
fn english_and_easy_read_english_are_shipped() {
    let shipped: Vec<(&str, &str)> = files().iter().map(|(l, v, _)| (*l, *v)).collect();
    assert!(shipped.contains(&("en", STANDARD)));
    assert!(shipped.contains(&("en", EASY_READ)));
    assert!(shipped.contains(&("en", API)));
}

#[test]
fn welsh_polish_and_arabic_are_shipped_in_every_file() {
    for language in ["cy", "pl", "ar"] {
        for variant in [STANDARD, EASY_READ, API] {
            assert!(
                files()
                    .iter()
                    .any(|(l, v, _)| *l == language && *v == variant),
                "{language}/{variant}.ftl is missing"
            );
        }
    }
    assert_eq!(languages(), ["ar", "cy", "en", "pl"]);
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
            [STANDARD, EASY_READ, API].contains(variant),
            "{language}/{variant}.ftl: the file must be {STANDARD}, {EASY_READ} or {API}"
        );
        let all = keys(source);
        let these: BTreeSet<String> = all.iter().cloned().collect();
        assert_eq!(
            all.len(),
            these.len(),
            "{language}/{variant}.ftl repeats a key"
        );
        let wanted: BTreeSet<String> = keys(reference(variant)).into_iter().collect();
        let missing: Vec<_> = wanted.difference(&these).collect();
        let extra: Vec<_> = these.difference(&wanted).collect();
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

/// Each message takes exactly the arguments of the same message in the
/// English file of its kind (a translation that drops `{ $org }` loses
/// information; one that adds an argument would break the page). English
/// Easy Read may leave some out, never add any.
#[test]
fn every_message_has_the_arguments_of_english() {
    let standard = syntax::arguments(source_of(DEFAULT_LANGUAGE, STANDARD));
    let easy = syntax::arguments(source_of(DEFAULT_LANGUAGE, EASY_READ));
    let api = syntax::arguments(source_of(DEFAULT_LANGUAGE, API));
    for (key, args) in &easy {
        assert!(
            args.is_subset(&standard[key]),
            "en/easy-read.ftl {key} uses {args:?}, more than standard's {:?}",
            standard[key]
        );
    }
    let mut problems = Vec::new();
    for (language, variant, source) in files() {
        let wanted = match *variant {
            STANDARD => &standard,
            EASY_READ => &easy,
            _ => &api,
        };
        for (key, args) in syntax::arguments(source) {
            if let Some(english) = wanted.get(&key) {
                if &args != english {
                    problems.push(format!(
                        "{language}/{variant}.ftl {key}: {args:?}, English has {english:?}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
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
        ("seconds", 30.into()),
        ("example", "7KQ2-M9XD-4RT5-0A1B-2C3D".into()),
        ("month", 11.into()),
        ("day", 23.into()),
        ("year", 2026.into()),
        ("from", 23.into()),
        ("to", 29.into()),
        ("from-month", "November".into()),
        ("to-month", "December".into()),
        ("from-year", 2026.into()),
        ("to-year", 2027.into()),
        ("week", 48.into()),
        ("first", 46.into()),
        ("last", 47.into()),
        ("range", "23 to 29 November".into()),
        ("low", "20".into()),
        ("high", "49".into()),
        // The API's (api.ftl).
        ("language", "cy".into()),
        ("field", "slug".into()),
        ("current", 7.into()),
        ("languages", "ar, cy, en, pl".into()),
        ("allow", "GET, POST".into()),
        ("what", "round".into()),
        ("expected", "application/json".into()),
        ("limit", 65536.into()),
        ("reasons", "names, threat".into()),
        ("given", 12.into()),
        ("most", 10.into()),
        ("options", 5.into()),
        ("question", "listened".into()),
        ("prompt", "How well did staff listen?".into()),
        ("of", 100.into()),
        ("labels", "“Well” or “Very well”".into()),
        ("label", "Well".into()),
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
        ("key", "1a2b 3c4d 5e6f 7a8b".into()),
        ("deadline", "27 December 2026".into()),
    ]
}

#[test]
fn the_sample_arguments_cover_every_argument() {
    let named: BTreeSet<&str> = sample_args().iter().map(|(n, _)| *n).collect();
    let standard = syntax::arguments(source_of(DEFAULT_LANGUAGE, STANDARD));
    let api = syntax::arguments(source_of(DEFAULT_LANGUAGE, API));
    for args in standard.values().chain(api.values()) {
        for a in args {
            assert!(named.contains(a.as_str()), "add {a} to sample_args");
        }
    }
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
    let mut long = Vec::new();
    for (language, _, source) in files().iter().filter(|(_, v, _)| *v == EASY_READ) {
        let m = Messages::select(Some(language), true);
        for key in keys(source) {
            let text = m.f(&key, &args);
            for sentence in sentences(&text) {
                let words = sentence.split_whitespace().count();
                if words > 15 {
                    long.push(format!(
                        "{language} Easy Read {key}: {words} words in “{}”",
                        sentence.trim()
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(long.is_empty(), "\n{}", long.join("\n"));
    assert!(checked > 400, "only {checked} sentences checked");
}

#[test]
fn default_themes_have_easy_read_lines_of_fifteen_words_or_fewer() {
    for theme in crate::domain::default_themes() {
        assert!(
            !theme.easy_read().is_empty(),
            "{} has an Easy Read line",
            theme.slug()
        );
        for sentence in sentences(theme.easy_read()) {
            let words = sentence.split_whitespace().count();
            assert!(
                words <= 15,
                "theme {}: {words} words in “{}”",
                theme.slug(),
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

/// Plural forms follow each language's CLDR rules through Fluent's
/// number selectors, not English's "one or other".
#[test]
fn plurals_follow_each_languages_rules() {
    // Arabic text carries bidi isolation marks around each placeable.
    let count = |language: &str, n: u64| {
        Messages::select(Some(language), false)
            .f("receipts-count", &[("n", n.into())])
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    // Polish: one (1), few (2-4, 22-24, not 12-14), many (0, 5-21, 25...).
    assert!(count("pl", 1).starts_with("W tym okresie policzono jedną opinię."));
    for n in [2, 3, 4, 22, 34] {
        assert!(
            count("pl", n).contains(&format!("policzono {n} opinie.")),
            "{n}"
        );
    }
    for n in [5, 12, 13, 14, 21, 25, 100] {
        assert!(
            count("pl", n).contains(&format!("policzono {n} opinii.")),
            "{n}"
        );
    }
    // Welsh: zero, one, two, then the rest.
    assert!(count("cy", 0).starts_with("Chafodd dim sylwadau"));
    assert!(count("cy", 2).starts_with("Cafodd dau sylw"));
    assert!(count("cy", 7).starts_with("Cafodd 7 o sylwadau"));
    // Arabic: zero, one, two, few (3-10), many (11-99), other (100...);
    // arguments sit between bidi isolation marks.
    assert!(count("ar", 2).starts_with("حُسبت ملاحظتان"));
    assert!(count("ar", 5).contains("ملاحظات في"), "{}", count("ar", 5));
    assert!(count("ar", 11).contains("ملاحظة في"), "{}", count("ar", 11));
    assert_eq!(
        Messages::select(Some("pl"), false).f("period-noun", &[("weeks", 1.into())]),
        "tygodnia"
    );
    let ar = Messages::select(Some("ar"), false);
    assert_eq!(ar.f("period-noun", &[("weeks", 2.into())]), "فترة أسبوعين");
    assert_eq!(
        ar.f("period-noun", &[("weeks", 4.into())]),
        "فترة \u{2068}4\u{2069} أسابيع"
    );
}

#[test]
fn each_language_names_itself_and_arabic_reads_right_to_left() {
    let names: Vec<(&str, &str, &str)> = language_list()
        .iter()
        .map(|l| (l.tag, l.name, l.dir))
        .collect();
    assert_eq!(
        names,
        [
            ("en", "English", "ltr"),
            ("ar", "العربية", "rtl"),
            ("cy", "Cymraeg", "ltr"),
            ("pl", "Polski", "ltr"),
        ]
    );
    assert_eq!(Messages::select(Some("ar"), true).dir(), "rtl");
    assert_eq!(Messages::select(Some("cy"), true).dir(), "ltr");
    let unchecked: Vec<&str> = language_list()
        .iter()
        .filter(|l| !l.reviewed)
        .map(|l| l.tag)
        .collect();
    assert_eq!(unchecked, ["ar", "cy", "pl"]);
}

/// locales/README.md lists the message files still waiting for a native
/// speaker's review: exactly the languages whose files say so.
#[test]
fn the_locales_readme_lists_the_files_that_need_review() {
    let readme = include_str!("../../locales/README.md");
    let mut listed: Vec<&str> = readme
        .lines()
        .filter(|l| l.ends_with("| not yet |"))
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("/standard.ftl`").map(|(tag, _)| tag))
        .collect();
    listed.sort_unstable();
    let unchecked: Vec<&str> = language_list()
        .iter()
        .filter(|l| !l.reviewed)
        .map(|l| l.tag)
        .collect();
    assert_eq!(listed, unchecked);
    for (language, variant, source) in files() {
        if *variant == STANDARD || *variant == EASY_READ {
            let says = Messages::select(Some(language), *variant == EASY_READ).t("language-review");
            let wanted = if unchecked.contains(language) {
                "needed"
            } else {
                "done"
            };
            assert_eq!(says, wanted, "{language}/{variant}.ftl");
            assert!(source.contains("language-review ="));
        }
    }
}

#[test]
fn numbers_are_grouped_the_way_each_language_writes_them() {
    assert_eq!(Messages::english().number(999), "999");
    assert_eq!(Messages::english().number(1_234_567), "1,234,567");
    assert_eq!(
        Messages::select(Some("pl"), false).number(12_000),
        "12\u{a0}000"
    );
    assert_eq!(Messages::select(Some("cy"), false).number(1000), "1,000");
}

#[test]
fn an_explicit_choice_beats_the_browser_and_is_kept_in_links() {
    let chosen = |lang: Option<&str>, header: Option<&str>| {
        Messages::choose(
            Choice {
                lang,
                accept_language: header,
                easy: false,
            },
            None,
        )
    };
    let browser = chosen(None, Some("pl-PL,pl;q=0.9,en;q=0.5"));
    assert_eq!(browser.language(), "pl");
    assert_eq!(
        browser.href("/r/demo"),
        "/r/demo",
        "the browser says it again"
    );
    let asked = chosen(Some("cy"), Some("pl"));
    assert_eq!(asked.language(), "cy");
    assert_eq!(asked.href("/r/demo"), "/r/demo?lang=cy");
    // Choosing English over a Welsh browser is kept too.
    let english = chosen(Some("en"), Some("cy"));
    assert_eq!(english.language(), "en");
    assert_eq!(english.href("/"), "/?lang=en");
    assert_eq!(english.href_in("/r/demo", "ar"), "/r/demo?lang=ar");
    // An unknown choice falls back to the browser's languages.
    assert_eq!(chosen(Some("xx"), Some("ar")).language(), "ar");
    assert_eq!(chosen(None, Some("fr, de")).language(), "en");
}

#[test]
fn the_api_messages_follow_the_page_language() {
    let ar = Messages::select(Some("ar"), true).api();
    assert_eq!(ar.language(), "ar");
    assert_eq!(ar.t("code_missing"), "أدخل الرمز المكتوب على بطاقتك.");
    assert_eq!(
        Messages::english().api().t("busy"),
        "The service is busy. Nothing was stored; try again in a moment."
    );
}

/// A message copied from English and left untranslated would pass every
/// other test; only words that are the same in every language (names,
/// standards, technical field names) may be.
#[test]
fn no_message_of_more_than_one_word_is_left_in_english() {
    let args = sample_args();
    let mut untranslated = Vec::new();
    for (language, variant, _) in files().iter().filter(|(l, _, _)| *l != DEFAULT_LANGUAGE) {
        let theirs = Messages::select(Some(language), *variant == EASY_READ);
        let (theirs, english) = if *variant == API {
            (theirs.api(), Messages::english().api())
        } else {
            (theirs, Messages::select(None, *variant == EASY_READ))
        };
        let reference = if *variant == API {
            source_of(DEFAULT_LANGUAGE, API)
        } else {
            source_of(DEFAULT_LANGUAGE, variant)
        };
        for key in keys(source_of(language, variant)) {
            // Messages made only of their arguments ("{ $range } { $year }").
            let words_of_its_own = syntax::fragments(reference, &key)
                .iter()
                .any(|f| f.chars().any(char::is_alphabetic));
            let text = english.f(&key, &args);
            if words_of_its_own
                && text.split_whitespace().count() > 1
                && theirs.f(&key, &args).replace(['\u{2068}', '\u{2069}'], "") == text
            {
                untranslated.push(format!("{language}/{variant}.ftl {key}: {text}"));
            }
        }
    }
    assert!(untranslated.is_empty(), "\n{}", untranslated.join("\n"));
}

/// The questions' problems (issue 20) keep their English wording in the
/// domain too: both say the same, so the API's English never drifts from
/// it, and every language has the message with the same arguments.
#[test]
fn question_and_answer_problems_say_in_english_what_the_domain_says() {
    use crate::domain::{AnswerError, InputError, QuestionError, Slug};
    let q = Slug::parse("listened", "question").unwrap();
    let questions = [
        QuestionError::TooMany { given: 12 },
        QuestionError::IdInvalid { question: 0 },
        QuestionError::IdRepeated { question: 1 },
        QuestionError::KindUnknown { question: 2 },
        QuestionError::PromptInvalid { question: 0 },
        QuestionError::HintInvalid { question: 0 },
        QuestionError::OptionCount {
            question: 0,
            min: 2,
            max: 12,
        },
        QuestionError::OptionIdInvalid {
            question: 0,
            option: 1,
        },
        QuestionError::OptionIdRepeated {
            question: 0,
            option: 1,
        },
        QuestionError::OptionLabelInvalid {
            question: 0,
            option: 1,
        },
        QuestionError::OptionEasyReadInvalid {
            question: 0,
            option: 1,
        },
        QuestionError::MaxInvalid {
            question: 0,
            options: 4,
        },
        QuestionError::MaxNotAllowed { question: 0 },
        QuestionError::Locked { question: None },
        QuestionError::Locked { question: Some(3) },
        QuestionError::AnswersWithoutTextLocked,
    ];
    let answers = [
        AnswerError::QuestionUnknown {
            question: "nope".into(),
        },
        AnswerError::OptionUnknown {
            question: q.clone(),
        },
        AnswerError::TooMany {
            question: q.clone(),
            max: 1,
        },
        AnswerError::TooMany {
            question: q.clone(),
            max: 3,
        },
        AnswerError::Missing { question: q },
    ];
    let all = questions
        .iter()
        .map(|e| (InputError::Question(*e), e.message()))
        .chain(
            answers
                .iter()
                .map(|e| (InputError::Answer(e.clone()), e.message())),
        );
    for (error, domain) in all {
        assert_eq!(error.message(), domain, "{}", error.code());
        for language in ["cy", "pl", "ar"] {
            let theirs = error.message_in(&Messages::select(Some(language), false));
            assert_ne!(theirs, domain, "{language} {}", error.code());
        }
    }
}
