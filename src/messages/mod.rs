//! Every word a participant reads, from message files (Project Fluent,
//! <https://projectfluent.org/>), so that pages can be read in another
//! language or in Easy Read without touching the views.
//!
//! Files live in `locales/<language tag>/<variant>.ftl` and are embedded at
//! build time by `build.rs`: adding a language means adding its folder, with
//! no change to code. The variants are:
//! - `standard.ftl`: plain English (or the language's plain register);
//! - `easy-read.ftl`: Easy Read: sentences of 15 words or fewer, one idea
//!   per sentence. The pages add large text, pictures and a glossary.
//!
//! Every variant of every language has every key of English `standard.ftl`
//! (a unit test checks it). A language without an Easy Read file falls back
//! to English Easy Read, which is better than no Easy Read at all.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use unic_langid::{CharacterDirection, LanguageIdentifier};

mod negotiate;
mod overrides;
pub mod syntax;

pub use negotiate::choose;
pub use overrides::Overrides;
pub use syntax::keys;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The language every page falls back to.
pub const DEFAULT_LANGUAGE: &str = "en";
pub const STANDARD: &str = "standard";
pub const EASY_READ: &str = "easy-read";
/// The JSON API's error messages (`api.ftl`): no Easy Read, no pages.
pub const API: &str = "api";

struct Entry {
    language: &'static str,
    variant: &'static str,
    bundle: FluentBundle<FluentResource>,
}

struct Catalog {
    entries: Vec<Entry>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog {
        entries: embedded::FILES
            .iter()
            .map(|(language, variant, source)| Entry {
                language,
                variant,
                bundle: bundle(language, source),
            })
            .collect(),
    })
}

fn bundle(language: &str, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language.parse().unwrap_or_default();
    let rtl = id.character_direction() == CharacterDirection::RTL;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around arguments keep an English name or a
    // number in its place inside a right-to-left sentence (Unicode bidi
    // isolates, UAX #9 §2.7). Left-to-right languages do without them:
    // their pages set `dir` where it matters, and the marks would only end
    // up in attributes and copied text.
    bundle.set_use_isolating(rtl);
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, e)| {
        tracing::error!(language, errors = e.len(), "message file has syntax errors");
        partial
    });
    if let Err(e) = bundle.add_resource(resource) {
        tracing::error!(language, errors = e.len(), "message file repeats a key");
    }
    bundle
}

/// The language tags shipped, each once, in a stable order.
pub fn languages() -> Vec<&'static str> {
    let mut tags: Vec<&'static str> = catalog().entries.iter().map(|e| e.language).collect();
    tags.dedup();
    tags
}

/// `ltr` or `rtl`: the direction of a language's script (CLDR, through
/// `unic-langid`), for the `dir` attribute.
pub fn direction(language: &str) -> &'static str {
    match language.parse::<LanguageIdentifier>() {
        Ok(id) if id.character_direction() == CharacterDirection::RTL => "rtl",
        _ => "ltr",
    }
}

/// One shipped language as the language switcher shows it: its tag, its
/// name in itself ("Cymraeg", "Polski") and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    pub tag: &'static str,
    pub name: &'static str,
    pub dir: &'static str,
    /// A native speaker has checked its files (`language-review = done`).
    pub reviewed: bool,
}

/// Every shipped language, English first, then by tag.
pub fn language_list() -> &'static [Language] {
    static LIST: OnceLock<Vec<Language>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut tags = languages();
        tags.sort_by_key(|t| (*t != DEFAULT_LANGUAGE, *t));
        tags.into_iter()
            .map(|tag| {
                let m = Messages::select(Some(tag), false);
                Language {
                    tag,
                    name: Box::leak(m.t("language-name").into_boxed_str()),
                    dir: direction(tag),
                    reviewed: m.t("language-review") == "done",
                }
            })
            .collect()
    })
}

/// What a request says about its language: `?lang=` (an explicit choice,
/// kept in every link), else `Accept-Language`; and `?easy=1`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Choice<'a> {
    pub lang: Option<&'a str>,
    pub accept_language: Option<&'a str>,
    pub easy: bool,
}

/// The messages for one page view: a language and a variant. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Messages {
    /// Where a key is looked for, in order: this instance's overrides and
    /// the shipped file of the language, then the same for English.
    chain: [Option<&'static Entry>; 4],
    /// The language chosen; `language` is what is shown (English where
    /// the chosen one lacks this variant).
    requested: &'static str,
    language: &'static str,
    /// The language the visitor chose with `?lang=` (kept in links).
    asked: Option<&'static str>,
    /// Easy Read was asked for (`?easy=1`): large text, pictures, glossary.
    pub easy: bool,
    overrides: Option<&'static Overrides>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("language", &self.language)
            .field("easy", &self.easy)
            .finish()
    }
}

impl Messages {
    /// Standard English.
    pub fn english() -> Self {
        Self::select(None, false)
    }

    /// The messages for `language` (a shipped tag, else English), in Easy
    /// Read if `easy`, as if chosen with `?lang=`.
    pub fn select(language: Option<&str>, easy: bool) -> Self {
        Self::choose(
            Choice {
                lang: language,
                accept_language: None,
                easy,
            },
            None,
        )
    }

    /// The messages a request chose (see [`Choice`]), with this instance's
    /// overrides, if any.
    pub fn choose(choice: Choice<'_>, overrides: Option<&'static Overrides>) -> Self {
        let shipped = languages();
        let asked = choice.lang.and_then(|l| negotiate::choose(l, &shipped));
        let language = asked
            .or_else(|| {
                choice
                    .accept_language
                    .and_then(|h| negotiate::choose(h, &shipped))
            })
            .unwrap_or(DEFAULT_LANGUAGE);
        let variant = if choice.easy { EASY_READ } else { STANDARD };
        Self::build(language, asked, variant, choice.easy, overrides)
    }

    fn build(
        requested: &'static str,
        asked: Option<&'static str>,
        variant: &'static str,
        easy: bool,
        overrides: Option<&'static Overrides>,
    ) -> Self {
        let find = |entries: &'static [Entry], lang: &str| {
            entries
                .iter()
                .find(|e| e.language == lang && e.variant == variant)
        };
        let builtin: &'static [Entry] = &catalog().entries;
        let extra: &'static [Entry] = overrides.map_or(&[], |o| &o.entries);
        // A language without this variant (a new language with no Easy
        // Read yet) shows English Easy Read: better than no Easy Read.
        let own = find(builtin, requested);
        let language = if own.is_some() {
            requested
        } else {
            DEFAULT_LANGUAGE
        };
        let english = find(builtin, DEFAULT_LANGUAGE).or_else(|| {
            builtin
                .iter()
                .find(|e| e.language == DEFAULT_LANGUAGE && e.variant == STANDARD)
        });
        let chain = if language == DEFAULT_LANGUAGE {
            [find(extra, language), english, None, None]
        } else {
            [
                find(extra, language),
                own,
                find(extra, DEFAULT_LANGUAGE),
                english,
            ]
        };
        Self {
            chain,
            requested,
            language,
            asked,
            easy,
            overrides,
        }
    }

    /// The same language in standard or Easy Read.
    pub fn variant(&self, easy: bool) -> Self {
        let variant = if easy { EASY_READ } else { STANDARD };
        Self::build(self.requested, self.asked, variant, easy, self.overrides)
    }

    /// The JSON API's messages (`api.ftl`) in this view's language.
    pub fn api(&self) -> Self {
        Self::build(self.requested, self.asked, API, false, self.overrides)
    }

    /// The page's `lang` attribute.
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// The page's `dir` attribute: `ltr` or `rtl`.
    pub fn dir(&self) -> &'static str {
        direction(self.language)
    }

    /// The message `key`, with no arguments.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with named arguments.
    pub fn f(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.format(key, Some(&fluent))
    }

    /// Whether `key` is defined in this view's own language (not only in
    /// the English fallback).
    pub fn has(&self, key: &str) -> bool {
        self.chain
            .iter()
            .flatten()
            .filter(|e| e.language == self.language)
            .any(|e| e.bundle.has_message(key))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for entry in self.chain.iter().flatten() {
            let bundle = &entry.bundle;
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    missing(key, "an argument is missing");
                }
                return text.into_owned();
            }
        }
        missing(key, "no such message");
        key.to_owned()
    }

    /// A whole number as this language writes it: digits grouped in
    /// thousands with the language's `thousands-separator`.
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        if digits.len() <= 3 {
            return digits;
        }
        let separator = self.t("thousands-separator");
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(&separator);
            }
            out.push(c);
        }
        out
    }

    /// `path` with this view's language and Easy Read choice, so that
    /// following a link keeps them (there are no cookies to remember them).
    pub fn href(&self, path: &str) -> String {
        href_with(path, self.asked, self.easy)
    }

    /// The same page in the other variant: the "Easy Read" link.
    pub fn toggle_href(&self, path: &str) -> String {
        href_with(path, self.asked, !self.easy)
    }

    /// The same page in `language`, keeping the Easy Read choice: the
    /// language switcher and the `hreflang` alternates.
    pub fn href_in(&self, path: &str, language: &'static str) -> String {
        href_with(path, Some(language), self.easy)
    }

    /// The language chosen with `?lang=`, if any.
    pub fn asked(&self) -> Option<&'static str> {
        self.asked
    }
}

fn href_with(path: &str, lang: Option<&str>, easy: bool) -> String {
    let mut query = Vec::new();
    if let Some(lang) = lang {
        query.push(format!("lang={lang}"));
    }
    if easy {
        query.push("easy=1".to_owned());
    }
    if query.is_empty() {
        path.to_owned()
    } else {
        let join = if path.contains('?') { '&' } else { '?' };
        format!("{path}{join}{}", query.join("&"))
    }
}

/// Problems of the domain said in words (`api.ftl`, keyed by their stable
/// code). The domain names its problems and their arguments; the words
/// live here, above it.
pub trait Explain {
    /// In plain English, with any technical detail: the console, the
    /// command line and logs.
    fn message(&self) -> String;
    /// In `m`'s language (the JSON API), without technical detail.
    fn message_in(&self, m: &Messages) -> String;
}

impl Explain for crate::domain::InputError {
    fn message(&self) -> String {
        let text = self.message_in(&Messages::english());
        match self.detail() {
            Some(detail) => format!("{text} ({detail})"),
            None => text,
        }
    }

    fn message_in(&self, m: &Messages) -> String {
        m.api().f(self.code(), &self.arguments())
    }
}

/// `InputError::LanguageUnknown` for a language that is not shipped (or
/// is English, where only another language is meant).
pub fn language_unknown() -> crate::domain::InputError {
    crate::domain::InputError::LanguageUnknown {
        shipped: languages().join(", "),
    }
}

/// A missing message is a bug the tests must catch, never a broken page for
/// a participant: debug builds stop, release builds show the key.
fn missing(key: &str, what: &str) {
    if cfg!(debug_assertions) {
        panic!("message {key}: {what}");
    }
    tracing::error!(key, what, "message problem");
}

/// Every embedded file, as (language, variant, source): for tests.
pub fn files() -> &'static [(&'static str, &'static str, &'static str)] {
    embedded::FILES
}

#[cfg(test)]
mod tests;
