//! A round's words in one other language (issue 19): its question and
//! introduction and each theme's name, description and Easy Read line,
//! beside the English they translate. The console stays in English; only
//! the typed words are in the language, marked with its `lang` and `dir`.

use super::{csrf, field_in, notice, page, value, Errors, Frame, Values};
use crate::domain::{Organisation, Round, Theme};
use crate::messages::{Language, Messages};
use maud::{html, Markup};

/// The parts of a theme's words, with their labels and limits.
pub const THEME_TEXT_FIELDS: &[(&str, &str)] = &[
    ("label", "Name"),
    ("description", "Description (optional)"),
    ("easy_read", "Easy Read line (optional)"),
];

/// The id of a theme's field on the translations form: by short name, so
/// a theme added meanwhile cannot shift the rows.
pub fn theme_field(slug: &str, part: &str) -> String {
    format!("theme-{slug}-{part}")
}

/// How much of a round is in `language`: (question given, themes named).
pub fn coverage(round: &Round, language: &str) -> (bool, usize) {
    let themes = round
        .themes
        .iter()
        .filter(|t| t.translation(language).is_some())
        .count();
    (round.translations.contains_key(language), themes)
}

/// The links from the round page to each language's translations page.
pub fn translation_links(round: &Round) -> Markup {
    let others = crate::messages::language_list()
        .iter()
        .filter(|l| l.tag != crate::messages::DEFAULT_LANGUAGE);
    html! {
        h2 { "Translations" }
        p { "Participants reading the pages in another language see the round's question, introduction and themes \
            in that language where you give them, and in English (or the service's own translation of a default \
            theme) where you do not." }
        ul {
            @for l in others {
                @let (question, themes) = coverage(round, l.tag);
                li {
                    a href=(format!("/console/rounds/{}/translations/{}", round.slug, l.tag)) {
                        span lang=(l.tag) dir=(l.dir) { (l.name) } " (" (l.tag) ")"
                    }
                    ": " @if question { "question translated" } @else { "question not translated" }
                    ", " (themes) " of " (round.themes.len()) " themes translated"
                }
            }
        }
    }
}

/// The service's own translation of a default theme's name into
/// `language`, shown while the host gives none (what readers see now).
fn shipped_label(theme: &Theme, language: &Language) -> Option<String> {
    if theme.translation(language.tag).is_some() {
        return None;
    }
    let m = Messages::select(Some(language.tag), false);
    let words = crate::views::words::label(&m, theme);
    words.lang.is_none().then_some(words.text)
}

/// One field of the form: its label, the English it translates as a
/// hint, its problem, and the typed words in the language.
fn field(
    (id, label): (&str, &str),
    english: &str,
    long: bool,
    shown: &str,
    language: &Language,
    errors: &Errors,
) -> Markup {
    let english = match english {
        "" => "In English: (none)".to_owned(),
        e => format!("In English: {e}"),
    };
    field_in(
        (id, label, Some(&english)),
        shown,
        (language.tag, language.dir, long),
        errors,
    )
}

/// The translations page of `round` into `language`: one form for the
/// question, the introduction and every theme. `values`: what was typed
/// (after a problem), shown instead of the stored words.
pub fn translations(
    frame: &Frame,
    org: &Organisation,
    round: &Round,
    language: &Language,
    values: &Values,
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    let typed = !values.is_empty();
    let shown = |id: &str, stored: &str| match typed {
        true => value(values, id).to_owned(),
        false => stored.to_owned(),
    };
    let text = round.translations.get(language.tag);
    let back = format!("/console/rounds/{}", round.slug);
    page(
        Some(frame),
        &format!("{} translation: {}", language.name, round.title),
        errors,
        html! {
            (notice(done))
            span.caption { a href=(back) { (round.title) } " – " (org.name) }
            h1 { "Words in " span lang=(language.tag) dir=(language.dir) { (language.name) } " (" (language.tag) ")" }
            p { "Readers who choose this language see these words instead of the English. Leave all of a theme's \
                fields empty to show the English (or the service's own translation of a default theme) instead; \
                leave the question empty to show the English question and introduction." }
            @if round.opened {
                p { "The round is open: its English words stay as they are, but their translations can still be \
                    added and corrected." }
            }
            form method="post" action=(format!("/console/rounds/{}/translations/{}", round.slug, language.tag)) novalidate {
                (csrf(frame))
                fieldset.fieldset {
                    legend.legend { "The round" }
                    (field(("title", "Question"), &round.title, false,
                        &shown("title", text.map_or("", |t| t.title.as_str())), language, errors))
                    (field(("description", "Introduction (optional)"), &round.description, true,
                        &shown("description", text.map_or("", |t| t.description.as_str())), language, errors))
                }
                @for (i, theme) in round.themes.iter().enumerate() {
                    @let words = theme.translation(language.tag);
                    fieldset.fieldset {
                        legend.legend { "Theme " (i + 1) ": " (theme.label()) " (" code { (theme.slug()) } ")" }
                        @if let Some(own) = shipped_label(theme, language) {
                            p.hint { "Until you give a name, readers see the service's own translation: "
                                span lang=(language.tag) dir=(language.dir) { (own) } }
                        }
                        @for (part, label) in THEME_TEXT_FIELDS {
                            @let id = theme_field(theme.slug().as_str(), part);
                            @let (english, stored) = match *part {
                                "label" => (theme.label(), words.map_or("", |w| w.label.as_str())),
                                "description" => (theme.description(), words.map_or("", |w| w.description.as_str())),
                                _ => (theme.easy_read(), words.map_or("", |w| w.easy_read.as_str())),
                            };
                            (field((&id, label), english, *part != "label", &shown(&id, stored), language, errors))
                        }
                    }
                }
                button.button type="submit" { "Save translations" }
            }
            p { a href=(back) { "Back to the round" } }
        },
    )
}
