//! The printable sheet of paper-code cards (A4, eight to a page). Each card
//! prints its code as 4-4-4 symbols, like the boxes on the paper form.

use crate::domain::{Organisation, Round};
use crate::messages::Messages;
use maud::{html, Markup, PreEscaped, DOCTYPE};

/// The sheet's style sheet, inline so that a saved sheet prints correctly
/// when opened from disk. Its response allows exactly this style by hash.
pub const CARDS_CSS: &str = include_str!("../../static/cards.css");

/// `codes` are already in random order. `round_url` is the address printed
/// on each card, and `token_key` the round's Privacy Pass key id as people
/// compare it by hand (issue 17).
pub fn code_sheet(
    org: &Organisation,
    round: &Round,
    codes: &[String],
    round_url: &str,
    token_key: &str,
) -> Markup {
    // What the card tells its holder comes from the message files; the
    // host's instructions around the cards are in English.
    let m = Messages::english();
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Code cards – " (round.title) " – Parrhesia" }
                style { (PreEscaped(CARDS_CSS)) }
            }
            body {
                main {
                    h1.screen-only { "Code cards for " (round.title) }
                    p.screen-only { (codes.len()) " cards. Print on A4 and cut along the lines. \
                        These codes are shown only this once: the service keeps only a \
                        scrambled form of them. Hand cards out at random, and do not write \
                        down who got which." }
                    ul.cards {
                        @for code in codes {
                            li.card {
                                p.card-org { (org.name) }
                                p.card-code { (code) }
                                p.card-url { (round_url) }
                                ol.card-steps {
                                    @for key in ["card-step-address", "card-step-code", "card-step-say", "card-step-paper"] {
                                        li { (m.t(key)) }
                                    }
                                }
                                p.card-key { (m.f("card-token-key", &[("key", token_key.into())])) }
                            }
                        }
                    }
                }
            }
        }
    }
}
