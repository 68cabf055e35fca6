//! The printable paper form: A4, large print, a box per character of the
//! code (laid out like the code cards), a tick box per theme and space to
//! write. People fill it in by hand and post it or give it to an advocate,
//! who types it in with their code (see the "I am helping someone" page).
//!
//! On screen it is a normal page; `@media print` in the style sheet hides
//! the page frame and sets A4 with large type.

use super::answering::paper_questions;
use super::round::{information_in_advance, round_path};
use super::{layout_with, step, words};
use crate::domain::{Organisation, Round, MAX_THEMES};
use crate::messages::Messages;
use maud::{html, Markup};

/// Where to post the form, when the host has set an address: with the
/// freepost line first (no stamp needed) when there is one.
fn post_to(m: &Messages, round: &Round) -> Markup {
    html! {
        @if !round.postal_address.is_empty() || !round.freepost.is_empty() {
            div.inset.post-to {
                @if round.freepost.is_empty() {
                    p { (m.t("paper-post")) }
                } @else {
                    p { (m.t("paper-post-free")) }
                }
                address.wrap {
                    @if !round.freepost.is_empty() { (round.freepost) br; }
                    @for (i, line) in round.postal_address.lines().enumerate() {
                        @if i > 0 { br; }
                        (line)
                    }
                }
            }
        }
    }
}

/// Characters in each group of a printed code (`7KQ2-M9XD-4RT5`).
const CODE_GROUPS: [usize; 3] = [4, 4, 4];

pub fn paper_form(m: &Messages, org: &Organisation, round: &Round, round_url: &str) -> Markup {
    let org_name = org.name.as_str();
    let max = || ("max", MAX_THEMES.into());
    let round_title = words::round_title(m, round).text;
    let title = m.f("paper-title", &[("round", round_title.as_str().into())]);
    let path = format!("{}/paper", round_path(round));
    layout_with(
        m,
        Some(&path),
        &title,
        false,
        &[super::PAPER_CSS],
        html! {
            div.paper {
                h1 { (title) }
                p.lead { (m.f("paper-for", &[("org", org_name.into())])) }
                div.screen-only {
                    p { (m.t("paper-screen-intro-give")) }
                    p { (m.t("paper-print")) }
                }
                (post_to(m, round))
                (information_in_advance(m, org, round))
                h2 { (m.t("paper-how-title")) }
                ol.paper-steps {
                    li { (step(m, "card", html! { (m.t("paper-how-code")) })) }
                    li { (step(m, "themes", html! { (m.f("paper-how-tick", &[max()])) })) }
                    li { (step(m, "write", html! { (m.t("paper-how-write")) })) }
                    li.wrap { (step(m, "send", html! { (m.f("paper-how-give", &[("url", round_url.into())])) })) }
                }
                p { (m.t("paper-how-about-you")) }
                section.paper-part aria-labelledby="paper-code" {
                    h2 #paper-code { (m.t("paper-code-label")) }
                    // Codes read left to right in every language.
                    p.code-boxes aria-hidden="true" dir="ltr" {
                        @for (i, group) in CODE_GROUPS.iter().enumerate() {
                            @if i > 0 { span.code-dash { "–" } }
                            @for _ in 0..*group { span.code-box {} }
                        }
                    }
                }
                (paper_questions(m, round))
                section.paper-part aria-labelledby="paper-themes" {
                    h2 #paper-themes { (m.f("paper-themes-label", &[max()])) }
                    ul.tick-list {
                        @for theme in &round.themes {
                            li { span.tick-box aria-hidden="true" {} (words::label(m, theme)) }
                        }
                    }
                }
                section.paper-part aria-labelledby="paper-text" {
                    h2 #paper-text { (m.f("paper-text-label", &[("org", org_name.into())])) }
                    div.write-space {}
                }
                p.paper-quote { span.tick-box aria-hidden="true" {} (m.f("paper-quote-label", &[("org", org_name.into())])) }
                p.paper-private { strong { (m.t("paper-private")) } }
            }
        },
    )
}
