//! The printable sheet of paper-code cards (A4, eight to a page). Each card
//! prints its code as 4-4-4 symbols, like the boxes on the paper form, in
//! the language the host printed the sheet for (and its address opens the
//! form in that language).

use crate::domain::{Organisation, Round};
use crate::messages::Messages;
use maud::{html, Markup, PreEscaped, DOCTYPE};

/// The sheet's style sheet, inline so that a saved sheet prints correctly
/// when opened from disk. Its response allows exactly this style by hash.
pub const CARDS_CSS: &str = include_str!("../../static/cards.css");

/// The sheet's one script: it shows the Print button (hidden without a
/// script, where it could not work) and prints when it is pressed. Its
/// response allows exactly this script by hash.
pub const CARDS_JS: &str = "var b=document.getElementById('print');b.hidden=false;\
b.addEventListener('click',function(){window.print();});";

/// `codes` are already in random order. `round_url` is the address printed
/// on each card, and `token_key` the round's Privacy Pass key id as people
/// compare it by hand (issue 17); `back`, when the console made the sheet, is the address
/// of the round's console page.
pub fn code_sheet(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    codes: &[String],
    round_url: &str,
    token_key: &str,
    back: Option<&str>,
) -> Markup {
    let title = super::words::round_title(m, round).text;
    let round_title = [("round", title.as_str().into())];
    html! {
        (DOCTYPE)
        html lang=(m.language()) dir=(m.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (m.f("cards-title", &round_title)) " – " (m.t("title-suffix")) }
                style { (PreEscaped(CARDS_CSS)) }
            }
            body {
                main {
                    h1.screen-only { (m.f("cards-heading", &round_title)) }
                    p.screen-only { (m.f("cards-intro", &[("n", codes.len().into())])) }
                    p.screen-only.actions {
                        button #print type="button" hidden { (m.t("cards-print")) }
                        @if let Some(back) = back { a href=(back) { (m.t("cards-back")) } }
                    }
                    ul.cards {
                        @for code in codes {
                            li.card {
                                p.card-org { bdi { (org.name) } }
                                p.card-code dir="ltr" { (code) }
                                p.card-url dir="ltr" { (round_url) }
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
                script { (PreEscaped(CARDS_JS)) }
            }
        }
    }
}
