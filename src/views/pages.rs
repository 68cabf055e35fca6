//! Small stand-alone pages: home, not found, and plain problem pages.

use super::layout;
use maud::{html, Markup};

pub fn home() -> Markup {
    layout(
        "Tell organisations what you really think",
        false,
        html! {
            h1 { "Tell organisations what you really think" }
            p.lead { "Parrhesia lets you tell a care provider, council or charity what is \
                      wrong, without anyone knowing it was you." }
            p { "To take part you need a code. It is printed on a card, or someone who \
                 supports you can give you one. The card also shows the web address to use." }
            h2 { "What happens to what you write" }
            ul {
                li { "We never ask for your name." }
                li { "We do not keep your internet address or any cookies." }
                li { "Comments are counted in groups. Small groups are never shown, so \
                      nobody can work out who said what." }
            }
        },
    )
}

pub fn not_found() -> Markup {
    problem(
        "Page not found",
        "If you typed the web address, check it is correct. If you pasted it, check you \
         copied the whole address.",
    )
}

/// A page that explains one problem in plain words.
pub fn problem(heading: &str, explanation: &str) -> Markup {
    layout(
        heading,
        false,
        html! {
            h1 { (heading) }
            p { (explanation) }
            p { a href="/" { "Go to the start page" } }
        },
    )
}
