//! Server-rendered pages (maud). One function per page, no logic beyond
//! presentation; every page works without JavaScript and loads nothing from
//! another origin. Participant pages take their words from
//! [`crate::messages`], so they can be read in Easy Read or another language.

pub(crate) mod answering;
mod audit;
mod cards;
mod check;
pub mod console;
mod digest;
mod digest_trend;
mod easy;
mod invite;
mod pages;
mod paper;
pub mod qr;
mod questions;
mod record;
mod round;
mod voices;
pub mod words;

pub use audit::{audit, receipts};
pub use cards::{code_sheet, CARDS_CSS, CARDS_JS};
pub use check::check_answers;
pub use digest::{date_text, digest, period_label, release_summary, themes};
pub use easy::{glossary, picture, step, PICTURES};
pub use invite::{invite_page, invite_words, InviteWords};
pub use pages::{accessibility, helping, home, not_found_in, problem_in};
pub use paper::paper_form;
pub use questions::{question_section, shown_text, summary_line};
pub use record::record;
pub use round::{
    confirmation, confirmation_of, form_problem, round_form, FormErrors, FormValues, FORM_PROBLEMS,
};
pub use voices::{
    about_you_form, about_you_offer, about_you_thanks, beside_digest, CODE as ABOUT_CODE,
};

use crate::messages::{self, Messages};
use maud::{html, Markup, DOCTYPE};

/// The style sheet of tables, charts and the console: participant pages do
/// not load it, so they stay within their weight.
pub const TABLES_CSS: &str = "/static/tables.css";
/// The paper form's own style sheet (large print, A4).
pub const PAPER_CSS: &str = "/static/paper.css";

/// The page frame in standard English, for pages without an Easy Read
/// version (host and audit pages).
pub fn layout(title: &str, has_error: bool, body: Markup) -> Markup {
    frame(
        &Messages::english(),
        None,
        title,
        has_error,
        body,
        ("footer-privacy", &[TABLES_CSS]),
    )
}

/// The page frame: language, title, skip link, header, main, footer. With
/// `path` (this page's address), the header links to the same page in Easy
/// Read or standard English, one link away.
pub fn layout_in(
    m: &Messages,
    path: Option<&str>,
    title: &str,
    has_error: bool,
    body: Markup,
) -> Markup {
    layout_with(m, path, title, has_error, &[], body)
}

/// [`layout_in`] with more style sheets than the participant pages' one.
pub fn layout_with(
    m: &Messages,
    path: Option<&str>,
    title: &str,
    has_error: bool,
    sheets: &[&str],
    body: Markup,
) -> Markup {
    frame(m, path, title, has_error, body, ("footer-privacy", sheets))
}

/// The page frame for staff pages (the console), whose footer says
/// honestly that signing in sets a cookie there.
pub fn layout_console(title: &str, has_error: bool, body: Markup) -> Markup {
    // "– Console" keeps staff pages' titles apart from the participant
    // pages they describe (a round's form and its console page).
    frame(
        &Messages::english(),
        None,
        &format!("{title} – Console"),
        has_error,
        body,
        ("footer-privacy-console-sign-in", &[TABLES_CSS]),
    )
}

/// `(footer, sheets)`: the footer's message key and the style sheets the
/// page needs beside `style.css`.
fn frame(
    m: &Messages,
    path: Option<&str>,
    title: &str,
    has_error: bool,
    body: Markup,
    (footer, sheets): (&str, &[&str]),
) -> Markup {
    let title = if has_error {
        format!(
            "{} {title} – {}",
            m.t("error-title-prefix"),
            m.t("title-suffix")
        )
    } else {
        format!("{title} – {}", m.t("title-suffix"))
    };
    html! {
        (DOCTYPE)
        html lang=(m.language()) dir=(m.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/static/style.css";
                @for sheet in sheets { link rel="stylesheet" href=(sheet); }
                @if let Some(path) = path {
                    // The same page in every language (HTML §4.6.7.1,
                    // rel=alternate with hreflang), and the one that
                    // follows the browser's languages.
                    @for l in messages::language_list() {
                        link rel="alternate" hreflang=(l.tag) href=(m.href_in(path, l.tag));
                    }
                    link rel="alternate" hreflang="x-default" href=(path);
                }
            }
            body.easy[m.easy] {
                a.skip-link href="#main" { (m.t("skip-link")) }
                header.header {
                    div.width {
                        a.service href=(m.href("/")) { (m.t("service-name")) }
                        " – " (m.t("tagline"))
                        @if let Some(path) = path {
                            a.variant-link href=(m.toggle_href(path)) {
                                @if m.easy { (m.t("standard-link")) } @else { (m.t("easy-read-link")) }
                            }
                            (language_links(m, path))
                        }
                    }
                }
                main #main .width {
                    (body)
                }
                footer.footer {
                    div.width {
                        p { (m.t(footer)) }
                        ul.footer-links {
                            li { a href=(m.href("/helping")) { (m.t("footer-helping")) } }
                            li { a href=(m.href("/accessibility")) { (m.t("footer-accessibility")) } }
                        }
                    }
                }
            }
        }
    }
}

/// The language switcher: every shipped language, each named in itself
/// and marked with its own `lang` and `dir`, linking to `path` in it; the
/// current one is not a link.
pub fn language_links(m: &Messages, path: &str) -> Markup {
    html! {
        nav.languages aria-label=(m.t("language-switcher")) {
            ul {
                @for l in messages::language_list() {
                    li {
                        @if l.tag == m.language() {
                            span.language-current lang=(l.tag) dir=(l.dir) aria-current="true" { (l.name) }
                        } @else {
                            a href=(m.href_in(path, l.tag)) hreflang=(l.tag) lang=(l.tag) dir=(l.dir) { (l.name) }
                        }
                    }
                }
            }
        }
    }
}

/// A wide table in a region that scrolls sideways on a narrow screen or
/// with large text, instead of the page (WCAG 1.4.10 allows
/// two-dimensional scrolling for data tables); focusable, so it scrolls by
/// keyboard too.
pub fn wide_table(label: &str, table: Markup) -> Markup {
    html! {
        div.table-scroll role="region" aria-label=(label) tabindex="0" { (table) }
    }
}

/// A message with a code or receipt in it (its argument `example`): the
/// code is kept left to right and on one line in every language.
pub fn with_code(m: &Messages, key: &str, code: &str) -> Markup {
    let text = m.f(key, &[("example", code.into())]);
    let (before, after) = text.split_once(code).unwrap_or((&text, ""));
    html! {
        (before)
        @if text.contains(code) { bdi.code-example dir="ltr" { (code) } }
        (after)
    }
}

/// A GOV.UK-style error summary in standard English.
pub fn error_summary(items: &[(&str, String)]) -> Markup {
    error_summary_in(&Messages::english(), items)
}

/// A GOV.UK-style error summary: first on the page, linking to each field.
pub fn error_summary_in(m: &Messages, items: &[(&str, String)]) -> Markup {
    html! {
        @if !items.is_empty() {
            div.error-summary role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title" {
                h2 #error-summary-title { (m.t("error-summary-title")) }
                ul {
                    @for (field, message) in items {
                        // A question's prompt in a problem is marked as
                        // English on other pages (`words::marked`).
                        li { a href=(format!("#{field}")) { (words::marked(message)) } }
                    }
                }
            }
        }
    }
}
