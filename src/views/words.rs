//! Theme names, and rounds' titles, in the reader's language.
//!
//! A theme's label and its line of explanation come, in this order, from:
//! the round's own translation into the page's language (set by the
//! host), the message files' translation of the default taxonomy (only
//! while the round still uses the default wording, field by field), and
//! last the round's own wording, marked as English so that a screen
//! reader and the bidirectional algorithm treat it as such. Each label is
//! one phrase in one language: languages are never mixed inside it.

use crate::domain::{
    default_scale, default_themes, AnswerOption, OptionSpec, Question, QuestionKind, Round, Theme,
};
use crate::messages::{self, Messages};
use fluent_bundle::FluentValue;
use maud::{html, Markup, Render};
use std::sync::OnceLock;

/// Words shown to the reader, with their language when it is not the
/// page's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub text: String,
    /// `Some(tag)` when the words are not in the page's language.
    pub lang: Option<&'static str>,
}

impl Words {
    fn own(text: String) -> Self {
        Self { text, lang: None }
    }

    /// Words of the round's own wording: English, the language a round is
    /// written in, marked when the page is in another one.
    fn english(m: &Messages, text: &str) -> Self {
        Self {
            text: text.to_owned(),
            lang: (m.language() != messages::DEFAULT_LANGUAGE)
                .then_some(messages::DEFAULT_LANGUAGE),
        }
    }
}

impl Render for Words {
    fn render(&self) -> Markup {
        html! {
            @match self.lang {
                Some(lang) => span lang=(lang) dir=(messages::direction(lang)) { (self.text) },
                None => (self.text),
            }
        }
    }
}

/// The default theme of this slug, as shipped in English.
fn default_of(slug: &str) -> Option<&'static Theme> {
    static DEFAULTS: OnceLock<Vec<Theme>> = OnceLock::new();
    DEFAULTS
        .get_or_init(default_themes)
        .iter()
        .find(|t| t.slug().as_str() == slug)
}

/// A shipped translation of a default theme's field, if the round still
/// uses the default English wording for it (`field` picks it).
fn shipped(
    m: &Messages,
    theme: &Theme,
    key: &str,
    field: impl Fn(&Theme) -> &str,
) -> Option<String> {
    let default = default_of(theme.slug().as_str())?;
    (field(default) == field(theme) && m.has(key)).then(|| m.t(key))
}

/// The theme's label in the reader's language.
pub fn label(m: &Messages, theme: &Theme) -> Words {
    if m.language() == messages::DEFAULT_LANGUAGE {
        return Words::own(theme.label().to_owned());
    }
    if let Some(t) = theme.translation(m.language()) {
        return Words::own(t.label.clone());
    }
    let key = format!("theme-{}", theme.slug());
    shipped(m, theme, &key, |t| t.label())
        .map(Words::own)
        .unwrap_or_else(|| Words::english(m, theme.label()))
}

/// The line that explains a theme (in Easy Read, its Easy Read line), in
/// the reader's language; `None` when the theme has none.
pub fn hint(m: &Messages, theme: &Theme) -> Option<Words> {
    let english = || {
        let text = if m.easy && !theme.easy_read().is_empty() {
            theme.easy_read()
        } else {
            theme.description()
        };
        (!text.is_empty()).then(|| Words::english(m, text))
    };
    if m.language() == messages::DEFAULT_LANGUAGE {
        return english().map(|w| Words::own(w.text));
    }
    let key = format!("theme-{}-hint", theme.slug());
    let standard = m.variant(false);
    let own = theme.translation(m.language());
    let easy = m.easy.then(|| {
        own.map(|t| t.easy_read.clone())
            .filter(|t| !t.is_empty())
            .or_else(|| shipped(m, theme, &key, |t| t.easy_read()))
    });
    easy.flatten()
        .or_else(|| own.map(|t| t.description.clone()).filter(|t| !t.is_empty()))
        .or_else(|| shipped(&standard, theme, &key, |t| t.description()))
        .map(Words::own)
        .or_else(english)
}

/// The label of the theme `slug` among `themes`, or `fallback` (a label
/// frozen in a sealed digest) marked as English.
pub fn label_of(m: &Messages, themes: &[Theme], slug: &str, fallback: &str) -> Words {
    match themes.iter().find(|t| t.slug().as_str() == slug) {
        Some(theme) => label(m, theme),
        None => match default_of(slug).filter(|d| d.label() == fallback) {
            Some(default) => label(m, default),
            None => Words::english(m, fallback),
        },
    }
}

/// The round's title in the reader's language: the host's translation,
/// else the round's own words marked as English.
pub fn round_title(m: &Messages, round: &Round) -> Words {
    match round.translations.get(m.language()) {
        Some(t) if m.language() != messages::DEFAULT_LANGUAGE => Words::own(t.title.clone()),
        _ if m.language() == messages::DEFAULT_LANGUAGE => Words::own(round.title.clone()),
        _ => Words::english(m, &round.title),
    }
}

/// The round's description in the reader's language, if it has one.
pub fn round_description(m: &Messages, round: &Round) -> Option<Words> {
    let own = round
        .translations
        .get(m.language())
        .filter(|_| m.language() != messages::DEFAULT_LANGUAGE)
        .filter(|t| !t.description.is_empty());
    match own {
        Some(t) => Some(Words::own(t.description.clone())),
        None if round.description.is_empty() => None,
        None if m.language() == messages::DEFAULT_LANGUAGE => {
            Some(Words::own(round.description.clone()))
        }
        None => Some(Words::english(m, &round.description)),
    }
}

/// Words the host wrote for a question (its prompt or hint, or an option
/// the message files do not translate): English, the round's language,
/// marked when the page is in another one. Questions have no
/// translations.
pub fn host(m: &Messages, text: &str) -> Words {
    Words::english(m, text)
}

/// The default five-point scale as shipped, by option id.
fn default_option(id: &str) -> Option<&'static OptionSpec> {
    static SCALE: OnceLock<Vec<OptionSpec>> = OnceLock::new();
    SCALE.get_or_init(default_scale).iter().find(|o| o.id == id)
}

/// Whether options, as (id, label) in order, are the default five-point
/// scale unchanged: same ids, same English labels, same order.
pub fn is_default_scale<'a>(options: impl ExactSizeIterator<Item = (&'a str, &'a str)>) -> bool {
    static SCALE: OnceLock<Vec<OptionSpec>> = OnceLock::new();
    let scale = SCALE.get_or_init(default_scale);
    options.len() == scale.len()
        && options
            .zip(scale)
            .all(|((id, label), d)| id == d.id && label == d.label)
}

/// Whether `q` asks on the default five-point scale, unchanged.
pub fn question_default_scale(q: &Question) -> bool {
    q.kind() == QuestionKind::Scale
        && is_default_scale(q.options().iter().map(|o| (o.id().as_str(), o.label())))
}

/// An option's words in the reader's language. In Easy Read, its Easy
/// Read label when the host wrote one. An option of the default scale
/// (`default`: the question's options are [`is_default_scale`]) is said
/// by the message files, field by field while it keeps the default
/// wording; any other is the host's English, marked.
pub fn option(
    m: &Messages,
    default: bool,
    id: &str,
    label: &str,
    easy_read: Option<&str>,
) -> Words {
    let shipped = default.then(|| default_option(id)).flatten();
    if let Some(easy) = easy_read.filter(|_| m.easy) {
        return match shipped.filter(|d| d.easy_read.as_deref() == Some(easy)) {
            Some(_) => Words::own(m.t(&format!("scale-easy-{id}"))),
            None => Words::english(m, easy),
        };
    }
    match shipped.filter(|d| d.label == label) {
        Some(_) => Words::own(m.t(&format!("scale-{id}"))),
        None => Words::english(m, label),
    }
}

/// The words of option `o` of question `q` (see [`option`]).
pub fn option_of(m: &Messages, q: &Question, o: &AnswerOption) -> Words {
    option(
        m,
        question_default_scale(q),
        o.id().as_str(),
        o.label(),
        o.easy_read(),
    )
}

/// The sentence `key` with `words` in it for their arguments, each in
/// its own language (marked with [`Words`]'s `lang`), so that languages
/// never mix inside one element; `args` are the other arguments.
pub fn sentence(
    m: &Messages,
    key: &str,
    args: &[(&str, FluentValue<'_>)],
    words: &[(&str, &Words)],
) -> Markup {
    let mut all: Vec<(&str, FluentValue<'_>)> = args.to_vec();
    for (i, (name, _)) in words.iter().enumerate() {
        all.push((*name, FluentValue::from(placeholder(i))));
    }
    let words: Vec<&Words> = words.iter().map(|(_, w)| *w).collect();
    fill(&m.f(key, &all), &words)
}

/// A placeholder for the `i`th words in a message, from Unicode's private
/// use area (never in a message file).
pub fn placeholder(i: usize) -> String {
    format!("\u{E000}{i}\u{E001}")
}

/// `text` with each [`placeholder`] replaced by its words, marked.
pub fn fill(text: &str, words: &[&Words]) -> Markup {
    let mut parts: Vec<(&str, Option<&Words>)> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('\u{E000}') {
        let after = &rest[start + '\u{E000}'.len_utf8()..];
        let Some(end) = after.find('\u{E001}') else {
            break;
        };
        parts.push((&rest[..start], None));
        let index: Option<usize> = after[..end].parse().ok();
        parts.push(("", index.and_then(|i| words.get(i).copied())));
        rest = &after[end + '\u{E001}'.len_utf8()..];
    }
    parts.push((rest, None));
    html! {
        @for (text, words) in parts {
            (text)
            @if let Some(w) = words { (w) }
        }
    }
}

/// `text` with each [`placeholder`] replaced by its words' plain text
/// (for an attribute, or a chart's title).
pub fn fill_plain(text: &str, words: &[&Words]) -> String {
    let mut out = text.to_owned();
    for (i, w) in words.iter().enumerate() {
        out = out.replace(&placeholder(i), &w.text);
    }
    out
}

/// Words to carry inside a message that is kept as a string (a form's
/// problem, shown in the error summary and at its field): English words
/// are wrapped in private-use marks that [`marked`] turns into an element
/// marked as English.
pub fn inline(w: &Words) -> String {
    match w.lang {
        Some(_) => format!("\u{E002}{}\u{E003}", w.text),
        None => w.text.clone(),
    }
}

/// A message string with the [`inline`] English words in it marked.
pub fn marked(text: &str) -> Markup {
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('\u{E002}') {
        let Some((inside, next)) = after.split_once('\u{E003}') else {
            break;
        };
        parts.push((before, false));
        parts.push((inside, true));
        rest = next;
    }
    parts.push((rest, false));
    let lang = messages::DEFAULT_LANGUAGE;
    html! {
        @for (text, english) in parts {
            @if english {
                span lang=(lang) dir=(messages::direction(lang)) { (text) }
            } @else {
                (text)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English messages say the default scale exactly as stored, so
    /// an English page reads the same whichever way it is said.
    #[test]
    fn the_default_scale_reads_as_stored_in_english_and_translated_elsewhere() {
        for easy in [false, true] {
            let en = Messages::select(Some("en"), easy);
            let cy = Messages::select(Some("cy"), easy);
            for d in default_scale() {
                let easy_read = d.easy_read.as_deref();
                let shown = option(&en, true, &d.id, &d.label, easy_read);
                let stored = if easy { easy_read.unwrap() } else { &d.label };
                assert_eq!(shown, Words::own(stored.to_owned()));
                let welsh = option(&cy, true, &d.id, &d.label, easy_read);
                assert_eq!(welsh.lang, None, "{}", d.id);
                assert_ne!(welsh.text, stored, "{}", d.id);
                // A changed label, or a scale that is not the default, is
                // the host's English, marked.
                let changed = option(&cy, true, &d.id, "Changed", None);
                assert_eq!(changed.lang, Some("en"));
                let custom = option(&cy, false, &d.id, &d.label, None);
                assert_eq!(custom, Words::english(&cy, &d.label));
            }
        }
    }

    #[test]
    fn a_sentence_marks_only_the_words_in_another_language() {
        let cy = Messages::select(Some("cy"), false);
        let prompt = host(&cy, "How <well>?");
        let out = sentence(&cy, "digest-q-heading", &[], &[("prompt", &prompt)]).into_string();
        assert_eq!(
            out,
            "<span lang=\"en\" dir=\"ltr\">How &lt;well&gt;?</span>"
        );
        let en = Messages::english();
        let out = sentence(
            &en,
            "digest-q-heading",
            &[],
            &[("prompt", &host(&en, "Hi"))],
        );
        assert_eq!(out.into_string(), "Hi");
        let text = format!("a {} b {} c", placeholder(1), placeholder(0));
        let (x, y) = (Words::own("X".into()), host(&cy, "Y"));
        assert_eq!(
            fill(&text, &[&x, &y]).into_string(),
            "a <span lang=\"en\" dir=\"ltr\">Y</span> b X c"
        );
        assert_eq!(fill_plain(&text, &[&x, &y]), "a Y b X c");
        let problem = format!("Answer {}.", inline(&y));
        assert_eq!(
            marked(&problem).into_string(),
            "Answer <span lang=\"en\" dir=\"ltr\">Y</span>."
        );
        assert_eq!(
            marked(&format!("Answer {}.", inline(&x))).into_string(),
            "Answer X."
        );
    }
}
