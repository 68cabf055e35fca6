//! The public digest of an organisation: counts per theme per ended period.

use super::layout;
use crate::digest::{Digest, Shown};
use maud::{html, Markup};

fn shown(s: &Shown) -> Markup {
    html! {
        @match (s.count, s.fewer_than) {
            (Some(n), _) => (n),
            (None, Some(k)) => { "fewer than " (k) }
            (None, None) => "–",
        }
    }
}

pub fn digest(d: &Digest) -> Markup {
    layout(
        &format!("What people told {}", d.name),
        false,
        html! {
            h1 { "What people told " (d.name) }
            p.lead { "Counts of what people raised, by theme, for each period that has ended." }
            p { "To protect the people who wrote, a number is shown only when enough \
                 people are in it; otherwise it says “fewer than” that number. Nothing is \
                 shown while a period is still open." }
            @if d.rounds.iter().all(|r| r.periods.is_empty()) {
                p { "Nothing has been published yet." }
            }
            @for round in &d.rounds {
                @if !round.periods.is_empty() {
                    h2 { (round.title) }
                    @for p in &round.periods {
                        table.table {
                            caption.table-caption { (p.label) " – critiques: " (shown(&p.total)) }
                            thead { tr { th scope="col" { "Theme" } th.numeric scope="col" { "Critiques" } } }
                            tbody {
                                @for t in &p.themes {
                                    tr { th scope="row" { (t.label) } td.numeric { (shown(&t.shown)) } }
                                }
                            }
                        }
                    }
                }
            }
            p { "A critique can choose up to three themes, so the theme counts can add up \
                 to more than the number of critiques." }
        },
    )
}
