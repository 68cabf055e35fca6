//! Themes a critique can be about. The defaults come from the barriers named
//! in the evidence review that Parrhesia grew from (see PRODUCT.md); their
//! words, in every shipped language, are in the message files
//! (`theme-<slug>` and `theme-<slug>-hint`).

use super::{InputError, Slug};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The slug of the catch-all theme every default list ends with.
pub const SOMETHING_ELSE: &str = "something-else";

/// One theme in a round's list: made only by [`Theme::parse`] (or the
/// default list), so a theme in hand has a valid slug and label.
///
/// Nothing outside this module can write one down unchecked; this does not
/// compile:
///
/// ```compile_fail
/// use parrhesia::domain::{Slug, Theme};
/// fn forged(slug: Slug) -> Theme {
///     let (label, description, easy_read) = (String::new(), String::new(), String::new());
///     Theme { slug, label, description, easy_read, translations: Default::default() }
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    slug: Slug,
    label: String,
    /// One plain-English line that explains the label.
    #[serde(default)]
    description: String,
    /// The same in Easy Read: short sentences of at most 15 words.
    #[serde(default)]
    easy_read: String,
    /// The host's own translations, by language tag (`cy`, `pl`, `ar`):
    /// shown to readers of that language instead of the message files'
    /// translation of a default theme, or of English.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    translations: BTreeMap<String, ThemeText>,
}

/// A theme's words in one language (as typed: [`Theme::translated`]
/// checks them before a theme carries them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeText {
    pub label: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub easy_read: String,
}

impl ThemeText {
    /// The fields that break the rule for a theme's words (a label of
    /// 1-200 characters, optional explanations of at most 300, without
    /// control characters): `label`, `description`, `easy_read`, in that
    /// order; none when the words are fine. Forms name each field with it.
    pub fn wrong_fields(&self) -> Vec<&'static str> {
        let optional = |t: &str| t.trim().is_empty() || valid_text(t, 300);
        [
            ("label", valid_text(&self.label, 200)),
            ("description", optional(&self.description)),
            ("easy_read", optional(&self.easy_read)),
        ]
        .into_iter()
        .filter_map(|(field, ok)| (!ok).then_some(field))
        .collect()
    }
}

/// Whether a theme's words keep the rule of [`ThemeText::wrong_fields`].
fn words(label: &str, description: &str, easy_read: &str) -> bool {
    let text = ThemeText {
        label: label.to_owned(),
        description: description.to_owned(),
        easy_read: easy_read.to_owned(),
    };
    text.wrong_fields().is_empty()
}

impl Theme {
    /// A host's theme: a label of 1-200 characters, and optionally a
    /// description and its Easy Read version of at most 300 each, all
    /// trimmed and without control characters. The slug is parsed by the
    /// caller, which names its field.
    pub fn parse(
        slug: Slug,
        label: &str,
        description: &str,
        easy_read: &str,
    ) -> Result<Self, InputError> {
        if !words(label, description, easy_read) {
            return Err(InputError::ThemeListInvalid);
        }
        Ok(Self {
            slug,
            label: label.trim().to_owned(),
            description: description.trim().to_owned(),
            easy_read: easy_read.trim().to_owned(),
            translations: BTreeMap::new(),
        })
    }

    /// The theme with the host's `translations` (all of them), each
    /// checked like the theme's own words and trimmed. (Which languages a
    /// translation may be in is the message layer's to say: the API checks
    /// it before this.)
    pub fn translated(
        mut self,
        translations: BTreeMap<String, ThemeText>,
    ) -> Result<Self, InputError> {
        if !translations
            .values()
            .all(|w| words(&w.label, &w.description, &w.easy_read))
        {
            return Err(InputError::ThemeListInvalid);
        }
        self.translations = translations
            .into_iter()
            .map(|(language, w)| {
                let trimmed = ThemeText {
                    label: w.label.trim().to_owned(),
                    description: w.description.trim().to_owned(),
                    easy_read: w.easy_read.trim().to_owned(),
                };
                (language, trimmed)
            })
            .collect();
        Ok(self)
    }

    pub fn slug(&self) -> &Slug {
        &self.slug
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    pub fn easy_read(&self) -> &str {
        &self.easy_read
    }

    /// The host's translations, by language tag.
    pub fn translations(&self) -> &BTreeMap<String, ThemeText> {
        &self.translations
    }

    /// The host's translation into `language`, if there is one.
    pub fn translation(&self, language: &str) -> Option<&ThemeText> {
        self.translations.get(language)
    }

    /// The same theme in its own words, whatever its translations (an
    /// opened round's themes may gain or correct translations, never
    /// change their words).
    pub fn same_words(&self, other: &Theme) -> bool {
        (&self.slug, &self.label, &self.description, &self.easy_read)
            == (
                &other.slug,
                &other.label,
                &other.description,
                &other.easy_read,
            )
    }

    /// Check a theme list: 1-40 themes with unique slugs (each theme is
    /// valid already).
    pub fn check_list(themes: &[Theme]) -> Result<(), InputError> {
        let mut seen = std::collections::HashSet::new();
        if (1..=40).contains(&themes.len()) && themes.iter().all(|t| seen.insert(&t.slug)) {
            Ok(())
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
        assert!(Theme::check_list(&themes).is_ok());
    }

    #[test]
    fn a_theme_needs_a_label_and_short_explanations() {
        let slug = || Slug::parse("transport", "theme").unwrap();
        let ok = Theme::parse(slug(), "  Transport ", " Buses ", "").unwrap();
        assert_eq!((ok.label(), ok.description()), ("Transport", "Buses"));
        for (label, description) in [("", ""), ("  ", ""), ("Bus\u{7}", ""), ("Bus", "\u{0}")] {
            assert_eq!(
                Theme::parse(slug(), label, description, ""),
                Err(InputError::ThemeListInvalid),
                "{label:?} {description:?}"
            );
        }
        let long = "x".repeat(301);
        assert!(Theme::parse(slug(), "Bus", &long, "").is_err());
        assert!(Theme::parse(slug(), "Bus", "", &long).is_err());
        assert!(Theme::parse(slug(), &"x".repeat(201), "", "").is_err());
    }

    #[test]
    fn duplicate_slugs_are_refused() {
        let mut themes = default_themes();
        themes.push(themes[0].clone());
        assert_eq!(
            Theme::check_list(&themes),
            Err(InputError::ThemeListInvalid)
        );
    }

    #[test]
    fn translations_are_checked_like_the_english_words() {
        let text = |label: &str| ThemeText {
            label: label.to_owned(),
            description: String::new(),
            easy_read: String::new(),
        };
        let with = |language: &str, words: ThemeText| {
            let theme = default_themes().remove(0);
            theme.translated([(language.to_owned(), words)].into())
        };
        let welsh = with("cy", text(" Lleisiau pwy sy'n cael eu clywed ")).unwrap();
        let words = welsh.translation("cy").unwrap();
        assert_eq!(words.label, "Lleisiau pwy sy'n cael eu clywed", "trimmed");
        assert_eq!(with("cy", text("")), Err(InputError::ThemeListInvalid));
        assert_eq!(
            with("cy", text(&"x".repeat(201))),
            Err(InputError::ThemeListInvalid)
        );
    }
}
