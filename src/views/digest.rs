//! The public digest of an organisation: counts per theme per ended period.

use super::layout_in;
use crate::digest::{Digest, Shown};
use crate::messages::Messages;
use maud::{html, Markup};

fn shown(m: &Messages, s: &Shown) -> String {
    match (s.count, s.fewer_than) {
        (Some(n), _) => n.to_string(),
        (None, Some(k)) => m.f("digest-fewer-than", &[("k", k.into())]),
        (None, None) => "–".into(),
    }
}

pub fn digest(
    m: &Messages,
    d: &Digest,
    voices: &[crate::digest::voices::PeriodVoices],
    theme_labels: &[(String, String)],
) -> Markup {
    let title = m.f("digest-title", &[("org", d.name.as_str().into())]);
    let path = format!("/o/{}", d.organisation);
    layout_in(
        m,
        Some(&path),
        &title,
        false,
        html! {
            h1 { (title) }
            p.lead { (m.t("digest-lead")) }
            p { (m.t("digest-protect")) }
            @if d.rounds.iter().all(|r| r.periods.is_empty()) {
                p { (m.t("digest-nothing")) }
            }
            @for round in &d.rounds {
                @if !round.periods.is_empty() {
                    h2 { (round.title) }
                    @for p in &round.periods {
                        table.table {
                            caption.table-caption { (m.f("digest-caption", &[
                                ("period", p.label.as_str().into()),
                                ("total", shown(m, &p.total).into()),
                            ])) }
                            thead { tr { th scope="col" { (m.t("digest-theme")) } th.numeric scope="col" { (m.t("digest-critiques")) } } }
                            tbody {
                                @for t in &p.themes {
                                    tr { th scope="row" { (t.label) } td.numeric { (shown(m, &t.shown)) } }
                                }
                            }
                        }
                    }
                }
            }
            p { (m.t("digest-up-to-three")) }
            (super::beside_digest(m, voices, theme_labels))
        },
    )
}
