//! The public digest of an organisation: for each release (one period, or
//! rolled periods together), the themes ranked, as an accessible SVG bar
//! chart and the same figures as a table.

use super::layout_in;
use crate::digest::disclosure::Figure;
use crate::digest::{Digest, ReleaseView, RoundDigest};
use crate::messages::Messages;
use maud::{html, Markup};

/// How a figure reads, in the page's language.
pub fn figure_text(m: &Messages, f: &Figure) -> String {
    match f {
        Figure::FewerThan(k) => m.f("digest-fewer-than", &[("k", (*k).into())]),
        Figure::About(n) => n.to_string(),
        Figure::AlmostEveryone => m.t("digest-almost-everyone"),
    }
}

/// How a trend reads: "up 5", "down 10", "no change", or nothing.
pub fn trend_text(m: &Messages, trend: Option<i64>) -> String {
    match trend {
        Some(0) => m.t("digest-trend-same"),
        Some(n) if n > 0 => m.f("digest-trend-up", &[("n", n.into())]),
        Some(n) => m.f("digest-trend-down", &[("n", (-n).into())]),
        None => m.t("digest-trend-none"),
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
            @if d.rounds.iter().all(|r| r.releases.is_empty()) {
                p { (m.t("digest-nothing")) }
            }
            @for round in &d.rounds {
                @if !round.releases.is_empty() {
                    h2 { (round.title) }
                    p { (rules(m, round)) }
                    p { (m.t("digest-trend-explained")) }
                    @for release in &round.releases {
                        (release_section(m, round, release))
                        // What was said and answered for this release, right
                        // after its figures, so responses sit beside their themes.
                        (super::beside_digest(
                            m,
                            voices.iter().filter(|v| v.round == round.slug && v.period == release.id),
                            theme_labels,
                        ))
                    }
                }
            }
            p { (m.t("digest-up-to-three")) }
            h2 { (m.t("digest-other-formats")) }
            ul {
                li { a href=(format!("{path}/digest.csv")) { (m.t("digest-csv")) } }
                li { a href=(format!("{path}/digest.atom")) { (m.t("digest-atom")) } }
                li { a href=(format!("/api/v1/organisations/{}/digest", d.organisation)) { (m.t("digest-json")) } }
                li { a href="/themes" { (m.t("digest-themes-link")) } }
            }
        },
    )
}

fn rules(m: &Messages, round: &RoundDigest) -> String {
    m.f(
        "digest-rules",
        &[
            ("k", round.rules.k().into()),
            ("base", round.rules.base().into()),
            ("min", round.rules.min_period().into()),
        ],
    )
}

fn release_section(m: &Messages, round: &RoundDigest, r: &ReleaseView) -> Markup {
    let id = format!("{}-{}", round.slug, r.id);
    html! {
        section aria-labelledby=(format!("h-{id}")) {
            h3 id=(format!("h-{id}")) { (r.label) }
            p { (m.f("digest-total", &[("band", r.total.label.as_str().into())])) }
            (chart(m, &id, r))
            (table(m, r))
        }
    }
}

/// A horizontal bar chart. Screen readers get the title and a description
/// listing every value; the table that follows repeats them.
fn chart(m: &Messages, id: &str, r: &ReleaseView) -> Markup {
    const ROW: usize = 28;
    const LABEL_W: usize = 300;
    const BAR_W: usize = 300;
    let max = r
        .themes
        .iter()
        .map(|t| match t.figure {
            Figure::About(n) => n,
            _ => 0,
        })
        .max()
        .unwrap_or(0)
        .max(r.total.low)
        .max(1);
    let width = |f: &Figure| -> usize {
        let v = match f {
            Figure::About(n) => *n,
            Figure::AlmostEveryone => max,
            Figure::FewerThan(_) => 0,
        };
        usize::try_from(v.saturating_mul(BAR_W as u64) / max).unwrap_or(BAR_W)
    };
    let title = m.f("digest-chart-title", &[("period", r.label.as_str().into())]);
    let desc: Vec<String> = r
        .themes
        .iter()
        .map(|t| format!("{}: {}", t.label, figure_text(m, &t.figure)))
        .collect();
    let height = ROW * r.themes.len() + 8;
    let total_w = LABEL_W + BAR_W + 160;
    let body = html! {
        @for (i, t) in r.themes.iter().enumerate() {
            @let y = i * ROW + 4;
            text x=(LABEL_W - 8) y=(y + 18) text-anchor="end" font-size="14" fill="#0b0c0c" { (t.label) }
            rect x=(LABEL_W) y=(y + 4) width=(width(&t.figure)) height=(ROW - 8) fill="#1d70b8" {}
            text x=(LABEL_W + width(&t.figure) + 6) y=(y + 18) font-size="14" fill="#0b0c0c" { (figure_text(m, &t.figure)) }
        }
    };
    let frame = ChartFrame {
        id,
        class: "chart",
        width: total_w,
        height,
        rtl: false,
    };
    frame.draw(&title, &desc.join("; "), body)
}

/// What every chart shares: an image (`role="img"`) labelled by its title
/// and a description that lists every value, so a screen reader hears all
/// of it; the table after each chart repeats the figures.
pub(super) struct ChartFrame<'a> {
    /// Unique on the page: the title and description ids derive from it.
    pub id: &'a str,
    pub class: &'a str,
    pub width: usize,
    pub height: usize,
    /// Right-to-left: text runs from the right (the caller mirrors x).
    pub rtl: bool,
}

impl ChartFrame<'_> {
    pub fn draw(&self, title: &str, desc: &str, body: Markup) -> Markup {
        let id = self.id;
        html! {
            svg class=(self.class) xmlns="http://www.w3.org/2000/svg" role="img"
                width="100%" viewBox=(format!("0 0 {} {}", self.width, self.height))
                direction=[self.rtl.then_some("rtl")]
                aria-labelledby=(format!("t-{id} d-{id}")) {
                title id=(format!("t-{id}")) { (title) }
                desc id=(format!("d-{id}")) { (desc) }
                (body)
            }
        }
    }
}

fn table(m: &Messages, r: &ReleaseView) -> Markup {
    html! {
        table.table {
            caption.table-caption { (m.f("digest-caption", &[
                ("period", r.label.as_str().into()),
                ("total", r.total.label.as_str().into()),
            ])) }
            thead { tr {
                th scope="col" { (m.t("digest-theme")) }
                th.numeric scope="col" { (m.t("digest-critiques")) }
                th.numeric scope="col" { (m.t("digest-trend")) }
            } }
            tbody {
                @for t in &r.themes {
                    tr {
                        th scope="row" { (t.label) }
                        td.numeric { (figure_text(m, &t.figure)) }
                        td.numeric { (trend_text(m, t.trend)) }
                    }
                }
            }
        }
    }
}

/// The host-wide page: themes across organisations, from each round's
/// latest release, with the noise parameters stated.
pub fn themes(m: &Messages, a: &crate::digest::Across) -> Markup {
    let title = m.t("themes-title");
    layout_in(
        m,
        Some("/themes"),
        &title,
        false,
        html! {
            h1 { (title) }
            p.lead { (m.t("themes-lead")) }
            p { (m.t("themes-how")) }
            @if a.noise.is_empty() {
                p { (m.t("themes-no-noise")) }
            }
            @for n in &a.noise {
                p { (m.f("themes-noise", &[
                    ("epsilon", format!("{}", n.epsilon).into()),
                    ("sensitivity", n.sensitivity.into()),
                    ("alpha", format!("{:.3}", n.alpha).into()),
                ])) }
            }
            @if a.themes.is_empty() {
                p { (m.t("digest-nothing")) }
            } @else {
                table.table {
                    caption.table-caption { (m.f("themes-caption", &[("n", a.sources.len().into())])) }
                    thead { tr {
                        th scope="col" { (m.t("digest-theme")) }
                        th.numeric scope="col" { (m.t("themes-total")) }
                        th.numeric scope="col" { (m.t("themes-counted")) }
                        th.numeric scope="col" { (m.t("themes-fewer")) }
                        th.numeric scope="col" { (m.t("themes-almost")) }
                    } }
                    tbody {
                        @for t in &a.themes {
                            tr {
                                th scope="row" { (t.label) }
                                td.numeric { (t.value) }
                                td.numeric { (t.counted) }
                                td.numeric { (t.fewer_than) }
                                td.numeric { (t.almost_everyone) }
                            }
                        }
                    }
                }
                h2 { (m.t("themes-sources")) }
                ul {
                    @for s in &a.sources {
                        li { a href=(format!("/o/{}", s.organisation)) { (s.organisation) } " – " (s.label) }
                    }
                }
            }
        },
    )
}
