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
use unic_langid::LanguageIdentifier;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The language every page falls back to.
pub const DEFAULT_LANGUAGE: &str = "en";
pub const STANDARD: &str = "standard";
pub const EASY_READ: &str = "easy-read";

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
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around arguments would end up inside HTML
    // attributes and copied text; the pages set `dir` where it matters.
    bundle.set_use_isolating(false);
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

/// The messages for one page view: a language and a variant. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Messages {
    entry: &'static Entry,
    fallback: &'static Entry,
    /// The language the visitor asked for with `?lang=` (kept in links).
    asked: Option<&'static str>,
    /// Easy Read was asked for (`?easy=1`): large text, pictures, glossary.
    pub easy: bool,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("language", &self.entry.language)
            .field("variant", &self.entry.variant)
            .finish()
    }
}

impl Messages {
    /// Standard English.
    pub fn english() -> Self {
        Self::select(None, false)
    }

    /// The messages for `language` (a shipped tag, else English), in Easy
    /// Read if `easy`.
    pub fn select(language: Option<&str>, easy: bool) -> Self {
        let entries = &catalog().entries;
        let find = |lang: &str, variant: &str| {
            entries
                .iter()
                .find(|e| e.language == lang && e.variant == variant)
        };
        let variant = if easy { EASY_READ } else { STANDARD };
        let asked =
            language.and_then(|l| entries.iter().find(|e| e.language == l).map(|e| e.language));
        let lang = asked.unwrap_or(DEFAULT_LANGUAGE);
        let fallback = find(DEFAULT_LANGUAGE, variant)
            .or_else(|| find(DEFAULT_LANGUAGE, STANDARD))
            .or_else(|| entries.first());
        // The build embeds English standard.ftl; without it nothing could be
        // shown at all, so failing loudly at the first page is right.
        #[allow(clippy::expect_used)]
        let fallback = fallback.expect("locales/en/standard.ftl is embedded");
        let entry = find(lang, variant)
            .or_else(|| if easy { None } else { find(lang, STANDARD) })
            .unwrap_or(fallback);
        Self {
            entry,
            fallback,
            asked: asked.filter(|l| *l != DEFAULT_LANGUAGE),
            easy,
        }
    }

    /// The page's `lang` attribute.
    pub fn language(&self) -> &'static str {
        self.entry.language
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

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for entry in [self.entry, self.fallback] {
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

    /// `path` with this view's language and Easy Read choice, so that
    /// following a link keeps them (there are no cookies to remember them).
    pub fn href(&self, path: &str) -> String {
        self.href_with(path, self.easy)
    }

    /// The same page in the other variant: the "Easy Read" link.
    pub fn toggle_href(&self, path: &str) -> String {
        self.href_with(path, !self.easy)
    }

    fn href_with(&self, path: &str, easy: bool) -> String {
        let mut query = Vec::new();
        if let Some(lang) = self.asked {
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
}

/// A missing message is a bug the tests must catch, never a broken page for
/// a participant: debug builds stop, release builds show the key.
fn missing(key: &str, what: &str) {
    if cfg!(debug_assertions) {
        panic!("message {key}: {what}");
    }
    tracing::error!(key, what, "message problem");
}

/// The keys defined in a message file's source.
pub fn keys(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Every embedded file, as (language, variant, source): for tests.
pub fn files() -> &'static [(&'static str, &'static str, &'static str)] {
    embedded::FILES
}

#[cfg(test)]
mod tests;
