//! The public digest of an organisation: for each release (one period, or
//! rolled periods together), a one-paragraph summary in plain words, the
//! themes ranked as an accessible SVG bar chart and the same figures as a
//! table; and, once a round has two releases, each theme across them
//! ([`super::digest_trend`]).
//!
//! Charts are drawn 320 units wide with labels above the bars (the view
//! box helpers of [`super::questions`]), so text stays 14 px on a 320 px
//! screen instead of shrinking with a wide drawing.

use super::questions::{is_rtl, lines, num, Axis, BAR, FONT, INK, WIDTH};
use crate::digest::disclosure::{thousands, Figure};
use crate::digest::{Digest, ReleaseView, RoundDigest, ThemeView};
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

/// A total shown as a range, in the page's words: "20-49", or in Easy
/// Read "between 20 and 49"; "fewer than 10" when it starts at 0.
pub fn band_text(m: &Messages, low: u64, high: u64) -> String {
    if low == 0 {
        m.f("band-fewer", &[("n", high.saturating_add(1).into())])
    } else {
        m.f(
            "band-range",
            &[
                ("low", thousands(low).into()),
                ("high", thousands(high).into()),
            ],
        )
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
    super::layout_with(
        m,
        Some(&path),
        &title,
        false,
        &[super::TABLES_CSS],
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
                    @for (i, release) in round.releases.iter().enumerate() {
                        (release_section(m, round, release))
                        // What was said and answered for this release, right
                        // after its figures, so responses sit beside their themes.
                        (super::beside_digest(
                            m,
                            voices.iter().filter(|v| v.round == round.slug && v.period == release.id),
                            theme_labels,
                        ))
                        // Each theme across releases, after the newest one.
                        @if i == 0 { (super::digest_trend::trend_section(m, round)) }
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

/// "A, B and C" in the page's words.
pub(super) fn join_list(m: &Messages, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let mut first = rest[0].clone();
            for next in &rest[1..] {
                first = m.f(
                    "digest-summary-list",
                    &[("first", first.into()), ("next", next.as_str().into())],
                );
            }
            m.f(
                "digest-summary-and",
                &[("first", first.into()), ("last", last.as_str().into())],
            )
        }
    }
}

/// How many themes each sentence of the summary names at most.
const SUMMARY_THEMES: usize = 3;

/// A release in one paragraph of plain words, from its published figures
/// only: the most raised themes, then those up and down since the release
/// before (where both show a number).
pub fn summary(m: &Messages, r: &ReleaseView) -> String {
    let item = |t: &ThemeView, figure: String| {
        m.f(
            "digest-summary-item",
            &[
                ("theme", t.label.as_str().into()),
                ("figure", figure.into()),
            ],
        )
    };
    let most: Vec<String> = r
        .themes
        .iter()
        .filter(|t| !matches!(t.figure, Figure::FewerThan(_)))
        .take(SUMMARY_THEMES)
        .map(|t| item(t, figure_text(m, &t.figure)))
        .collect();
    let moved = |up: bool| {
        let mut moved: Vec<&ThemeView> = r
            .themes
            .iter()
            .filter(|t| t.trend.is_some_and(|n| if up { n > 0 } else { n < 0 }))
            .collect();
        moved.sort_by_key(|t| std::cmp::Reverse(t.trend.unwrap_or(0).unsigned_abs()));
        moved
            .into_iter()
            .take(SUMMARY_THEMES)
            .map(|t| item(t, trend_text(m, t.trend)))
            .collect::<Vec<_>>()
    };
    let mut sentences = Vec::new();
    if most.is_empty() {
        let k = r.themes.iter().find_map(|t| match t.figure {
            Figure::FewerThan(k) => Some(k),
            _ => None,
        });
        sentences.push(m.f("digest-summary-none", &[("k", k.unwrap_or(0).into())]));
    } else {
        sentences.push(m.f(
            "digest-summary-most",
            &[("themes", join_list(m, &most).into())],
        ));
    }
    for (key, list) in [
        ("digest-summary-up", moved(true)),
        ("digest-summary-down", moved(false)),
    ] {
        if !list.is_empty() {
            sentences.push(m.f(key, &[("themes", join_list(m, &list).into())]));
        }
    }
    sentences.join(" ")
}

fn release_section(m: &Messages, round: &RoundDigest, r: &ReleaseView) -> Markup {
    let id = format!("{}-{}", round.slug, r.id);
    let band = band_text(m, r.total.low, r.total.high);
    html! {
        section aria-labelledby=(format!("h-{id}")) {
            h3 id=(format!("h-{id}")) { (r.label) }
            p.lead { (summary(m, r)) }
            p { (m.f("digest-total", &[("band", band.as_str().into())])) }
            (chart(m, &id, r))
            (table(m, r, &band))
        }
    }
}

/// About how wide `text` draws at [`FONT`] units, in view box units: a
/// generous 0.6 em a character, plus the 0.12 em of letter spacing a
/// reader may force (WCAG 1.4.12), so estimates err on the wide side.
pub(super) fn text_units(text: &str) -> f64 {
    text.chars().count() as f64 * FONT as f64 * 0.72
}

/// A bar chart, one theme under another: its label on a line of its own,
/// then its bar with the figure beside it. Screen readers get the title
/// and a description listing every value; the table that follows repeats
/// them.
fn chart(m: &Messages, id: &str, r: &ReleaseView) -> Markup {
    const BAR_H: usize = 18;
    /// Room beside the longest bar for its figure ("almost everyone").
    const TEXT_ROOM: f64 = 120.0;
    let rtl = is_rtl(m);
    let axis = Axis { rtl };
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
    let width = |f: &Figure| -> f64 {
        let v = match f {
            Figure::About(n) => *n,
            Figure::AlmostEveryone => max,
            Figure::FewerThan(_) => 0,
        };
        v.min(max) as f64 / max as f64 * (WIDTH - TEXT_ROOM)
    };
    let title = m.f("digest-chart-title", &[("period", r.label.as_str().into())]);
    let desc: Vec<String> = r
        .themes
        .iter()
        .map(|t| format!("{}: {}", t.label, figure_text(m, &t.figure)))
        .collect();
    let mut y = 4usize;
    let mut body = html! {};
    for t in &r.themes {
        let (label, h) = lines(axis, 0.0, y + FONT, &t.label, true);
        y += h + 2;
        let w = width(&t.figure);
        let figure = figure_text(m, &t.figure);
        // Beside the bar, or inside its end (white on blue, 5:1) when it
        // would not fit beside it.
        let inside = w + 6.0 + text_units(&figure) > WIDTH;
        body = html! {
            (body)
            (label)
            @if w > 0.0 {
                rect x=(axis.rect(0.0, w)) y=(y) width=(num(w)) height=(BAR_H) fill=(BAR) {}
            }
            @if inside {
                text x=(axis.text(w - 6.0)) y=(y + BAR_H - 4) font-size=(FONT) fill="#ffffff"
                    text-anchor="end" { (figure) }
            } @else {
                text x=(axis.text(w + 6.0)) y=(y + BAR_H - 4) font-size=(FONT) fill=(INK) { (figure) }
            }
        };
        y += BAR_H + 10;
    }
    let frame = ChartFrame {
        id,
        class: "chart chart-narrow",
        width: WIDTH as usize,
        height: y,
        rtl,
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

/// The release's figures. On a narrow screen the table scrolls sideways
/// inside its own region (keyboard included) when it cannot fit without
/// breaking a word (WCAG 1.4.10 allows it for data tables).
fn table(m: &Messages, r: &ReleaseView, band: &str) -> Markup {
    let caption = m.f(
        "digest-caption",
        &[("period", r.label.as_str().into()), ("total", band.into())],
    );
    html! {
        div.table-scroll role="region" aria-label=(caption) tabindex="0" {
        table.table {
            caption.table-caption { (caption) }
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
}

/// The host-wide page: themes across organisations, from each round's
/// latest release; the noise said in words, its parameters behind
/// "How the random amounts are chosen".
pub fn themes(m: &Messages, a: &crate::digest::Across) -> Markup {
    let title = m.t("themes-title");
    super::layout_with(
        m,
        Some("/themes"),
        &title,
        false,
        &[super::TABLES_CSS],
        html! {
            h1 { (title) }
            p.lead { (m.t("themes-lead")) }
            p { (m.t("themes-how")) }
            @if a.noise.is_empty() {
                p { (m.t("themes-no-noise")) }
            }
            @if !a.noise.is_empty() {
                p { (m.t("themes-noise-plain")) }
                // The mathematics, for those who want it, one step away.
                details.details {
                    summary { (m.t("themes-noise-how")) }
                    @for n in &a.noise {
                        p { (m.f("themes-noise-maths", &[
                            ("epsilon", format!("{}", n.epsilon).into()),
                            ("sensitivity", n.sensitivity.into()),
                            ("alpha", format!("{:.3}", n.alpha).into()),
                        ])) }
                    }
                }
            }
            @if a.themes.is_empty() {
                p { (m.t("digest-nothing")) }
            } @else {
                @let caption = m.f("themes-caption", &[("n", a.sources.len().into())]);
                div.table-scroll role="region" aria-label=(caption) tabindex="0" {
                table.table {
                    caption.table-caption { (caption) }
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
