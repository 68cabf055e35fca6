//! Stand-alone pages: home, help for helpers, the accessibility statement,
//! not found, and plain problem pages.

use super::{glossary, layout_in, step};
use crate::messages::{self, Messages};
use maud::{html, Markup};

pub fn home(m: &Messages) -> Markup {
    layout_in(
        m,
        Some("/"),
        &m.t("home-title"),
        false,
        html! {
            h1 { (m.t("home-title")) }
            p.lead { (m.t("home-lead")) }
            (step(m, "card", html! { p { (m.t("home-code")) } }))
            h2 { (m.t("home-what-happens")) }
            ul {
                li { (step(m, "anonymous", html! { (m.t("home-no-name")) })) }
                li { (m.t("home-no-address")) }
                li { (step(m, "group", html! { (m.t("home-groups")) })) }
            }
            p { a href=(m.href("/helping")) { (m.t("home-helping")) } }
            @if m.easy { (glossary(m)) }
        },
    )
}

/// Guidance for people who type in someone else's critique.
pub fn helping(m: &Messages) -> Markup {
    let section = |title: &str, text: &str, picture: &str| {
        html! {
            h2 { (m.t(title)) }
            (step(m, picture, html! { p { (m.t(text)) } }))
        }
    };
    layout_in(
        m,
        Some("/helping"),
        &m.t("helping-title"),
        false,
        html! {
            h1 { (m.t("helping-title")) }
            (step(m, "helper", html! { p.lead { (m.t("helping-lead")) } }))
            (section("helping-their-words-title", "helping-their-words", "write"))
            (section("helping-code-title", "helping-code", "card"))
            (section("helping-leave-out-title", "helping-leave-out", "anonymous"))
            (section("helping-nothing-recorded-title", "helping-nothing-recorded", "anonymous"))
            (section("helping-paper-title", "helping-paper", "themes"))
            (section("helping-receipt-title", "helping-receipt", "receipt"))
            (glossary(m))
        },
    )
}

/// The accessibility statement, in the order of the UK government's model
/// statement: what you can do, compliance status, what is not yet
/// accessible, feedback and contact, enforcement (with the Equality
/// Advisory and Support Service's numbers, written out rather than linked:
/// participant pages link only to this site), technical information.
pub fn accessibility(m: &Messages) -> Markup {
    layout_in(
        m,
        Some("/accessibility"),
        &m.t("a11y-title"),
        false,
        html! {
            h1 { (m.t("a11y-title")) }
            p.lead { (m.t("a11y-lead")) }
            h2 { (m.t("a11y-can-title")) }
            ul {
                @for key in ["a11y-can-zoom", "a11y-can-keyboard", "a11y-can-no-js",
                             "a11y-can-reader", "a11y-can-easy"] {
                    li { (m.t(key)) }
                }
                li { (step(m, "write", html! { (m.t("a11y-can-paper")) })) }
            }
            h2 { (m.t("a11y-compliance-title")) }
            p { (m.t("a11y-compliance")) }
            h2 { (m.t("a11y-gaps-title")) }
            ul {
                @for key in ["a11y-gap-test", "a11y-gap-themes", "a11y-gap-invite"] {
                    li { (m.t(key)) }
                }
                @let unchecked: Vec<_> = messages::language_list().iter().filter(|l| !l.reviewed).collect();
                @if !unchecked.is_empty() {
                    li {
                        (m.t("a11y-gap-translations")) " "
                        @for (i, l) in unchecked.iter().enumerate() {
                            @if i > 0 { (m.t("list-separator")) }
                            span lang=(l.tag) dir=(l.dir) { (l.name) }
                        }
                        "."
                    }
                }
            }
            h2 { (m.t("a11y-contact-title")) }
            (step(m, "helper", html! { p { (m.t("a11y-contact-routes")) } }))
            h2 { (m.t("a11y-enforcement-title")) }
            p { (m.t("a11y-enforcement-ehrc")) }
            p.wrap { (m.t("a11y-eass")) }
            h2 { (m.t("a11y-technical-title")) }
            p { (m.t("a11y-technical")) }
            p { (m.t("a11y-prepared")) }
        },
    )
}

/// "Page not found". `path`: the address asked for, to offer it in the
/// other languages and in Easy Read.
pub fn not_found_in(m: &Messages, path: Option<&str>) -> Markup {
    problem_in(m, path, &m.t("not-found-title"), &m.t("not-found-body"))
}

/// A page that explains one problem in plain words. With `path` (the
/// address asked for, when a link can ask for it again) it offers the
/// page in the other languages and in Easy Read.
pub fn problem_in(m: &Messages, path: Option<&str>, heading: &str, explanation: &str) -> Markup {
    layout_in(
        m,
        path,
        heading,
        false,
        html! {
            h1 { (heading) }
            p { (explanation) }
            p { a href=(m.href("/")) { (m.t("go-start")) } }
        },
    )
}
