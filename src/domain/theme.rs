//! Themes a critique can be about. The defaults come from the barriers named
//! in the evidence review that Parrhesia grew from (see PRODUCT.md); their
//! words, in every shipped language, are in the message files
//! (`theme-<slug>` and `theme-<slug>-hint`).

use super::{InputError, Slug};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The slug of the catch-all theme every default list ends with.
pub const SOMETHING_ELSE: &str = "something-else";

/// One theme in a round's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub slug: Slug,
    pub label: String,
    /// One plain-English line that explains the label.
    #[serde(default)]
    pub description: String,
    /// The same in Easy Read: short sentences of at most 15 words.
    #[serde(default)]
    pub easy_read: String,
    /// The host's own translations, by language tag (`cy`, `pl`, `ar`):
    /// shown to readers of that language instead of the message files'
    /// translation of a default theme, or of English.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, ThemeText>,
}

/// A theme's words in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeText {
    pub label: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub easy_read: String,
}

impl Theme {
    /// The host's translation into `language`, if there is one.
    pub fn translation(&self, language: &str) -> Option<&ThemeText> {
        self.translations.get(language)
    }

    /// Check a host-supplied theme list: 1-40 themes, unique slugs, labels of
    /// 1-200 characters; translations with the same limits. (Which
    /// languages a translation may be in is the message layer's to say:
    /// the API checks it before this.)
    pub fn parse_list(themes: Vec<Theme>) -> Result<Vec<Theme>, InputError> {
        let mut seen = std::collections::HashSet::new();
        let words = |label: &str, description: &str, easy_read: &str| {
            valid_text(label, 200)
                && (description.is_empty() || valid_text(description, 300))
                && (easy_read.is_empty() || valid_text(easy_read, 300))
        };
        let ok = (1..=40).contains(&themes.len())
            && themes.iter().all(|t| {
                seen.insert(t.slug.clone())
                    && words(&t.label, &t.description, &t.easy_read)
                    && t.translations
                        .values()
                        .all(|w| words(&w.label, &w.description, &w.easy_read))
            });
        if ok {
            Ok(themes)
        } else {
            Err(InputError::ThemeListInvalid)
        }
    }
}

/// 1..=max characters after trimming, and no control characters.
pub(super) fn valid_text(s: &str, max: usize) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().count() <= max && !t.chars().any(char::is_control)
}

/// The default themes' slugs: twelve barriers from the evidence review,
/// then "Something else".
pub const DEFAULT_SLUGS: [&str; 13] = [
    "whose-voices",
    "money-and-time",
    "accessible-places",
    "digital-access",
    "fear-of-consequences",
    "risk-and-culture",
    "power-and-attitudes",
    "leadership",
    "policy-and-rules",
    "meaning-of-involvement",
    "information",
    "follow-through",
    SOMETHING_ELSE,
];

/// The default theme list, in English: the label and line of explanation
/// from `locales/en/standard.ftl`, the Easy Read line from
/// `locales/en/easy-read.ftl`, where each language has its own beside them
/// (one source for the words; read here as plain text, below the message
/// layer).
pub fn default_themes() -> Vec<Theme> {
    const STANDARD: &str = include_str!("../../locales/en/standard.ftl");
    const EASY_READ: &str = include_str!("../../locales/en/easy-read.ftl");
    DEFAULT_SLUGS
        .iter()
        .map(|slug| Theme {
            slug: Slug::parse(slug, "theme").unwrap_or_else(|_| unreachable!("static slug")),
            label: plain_text(STANDARD, &format!("theme-{slug}")),
            description: plain_text(STANDARD, &format!("theme-{slug}-hint")),
            easy_read: plain_text(EASY_READ, &format!("theme-{slug}-hint")),
            translations: BTreeMap::new(),
        })
        .collect()
}

/// The text of message `key` in a Fluent file (the default themes' words
/// have no arguments); empty when missing, which a test forbids.
fn plain_text(source: &str, key: &str) -> String {
    use fluent_syntax::ast::{Entry, PatternElement};
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .find_map(|entry| match entry {
            Entry::Message(m) if m.id.name == key => m.value.as_ref(),
            _ => None,
        })
        .map(|pattern| {
            pattern
                .elements
                .iter()
                .filter_map(|e| match e {
                    PatternElement::TextElement { value } => Some(*value),
                    PatternElement::Placeable { .. } => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_twelve_plus_something_else() {
        let themes = default_themes();
        assert_eq!(themes.len(), 13);
        assert!(themes
            .iter()
            .all(|t| !t.label.is_empty() && !t.description.is_empty() && !t.easy_read.is_empty()));
        assert_eq!(themes[4].label, "Fear of speaking up");
        assert_eq!(themes.last().map(|t| t.slug.as_str()), Some(SOMETHING_ELSE));
        assert!(Theme::parse_list(themes).is_ok());
    }

    #[test]
    fn duplicate_slugs_are_refused() {
        let mut themes = default_themes();
        themes.push(themes[0].clone());
        assert_eq!(Theme::parse_list(themes), Err(InputError::ThemeListInvalid));
    }

    #[test]
    fn translations_are_checked_like_the_english_words() {
        let text = |label: &str| ThemeText {
            label: label.to_owned(),
            description: String::new(),
            easy_read: String::new(),
        };
        let with = |language: &str, words: ThemeText| {
            let mut themes = default_themes();
            themes[0].translations.insert(language.to_owned(), words);
            Theme::parse_list(themes)
        };
        assert!(with("cy", text("Lleisiau pwy sy'n cael eu clywed")).is_ok());
        assert_eq!(with("cy", text("")), Err(InputError::ThemeListInvalid));
        assert_eq!(
            with("cy", text(&"x".repeat(201))),
            Err(InputError::ThemeListInvalid)
        );
    }
}
