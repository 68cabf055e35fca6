//! Each theme of a round across its releases: an accessible SVG chart (one
//! small line per theme, oldest release on the left, the newest figure at
//! its end) and the same figures as a table, oldest release first.
//!
//! Drawn from published figures only. "Fewer than k" is never drawn as a
//! number: it is an empty circle on the bottom line, and breaks the line.
//! "Almost everyone" is drawn at the bottom of the release's total band
//! (the least it can be). A theme that was "fewer than k" in every
//! release has no line to draw and is named below the chart instead.

use super::digest::{band_text, figure_cell, figure_text, join_list, period_label, ChartFrame};
use super::questions::{is_rtl, lines, num, Axis, FONT, INK, TREND_RELEASES, WIDTH};
use super::words::{self, Words};
use crate::digest::disclosure::Figure;
use crate::digest::{ReleaseView, RoundDigest};
use crate::domain::Theme;
use crate::messages::Messages;
use maud::{html, Markup};

/// Width of the line part; the figure goes to its right, with room for
/// "almost everyone" even under forced letter spacing (WCAG 1.4.12).
const LINE_W: f64 = 150.0;
/// Height of the line part.
const LINE_H: f64 = 34.0;
const DOT: f64 = 4.0;
const LINE: &str = "#1d70b8";

/// The releases the chart draws, oldest first (the newest few).
fn drawn_releases(round: &RoundDigest) -> Vec<&ReleaseView> {
    let mut releases: Vec<&ReleaseView> = round.releases.iter().take(TREND_RELEASES).collect();
    releases.reverse();
    releases
}

/// A theme's figure in a release, by slug.
fn figure_in<'r>(r: &'r ReleaseView, slug: &str) -> Option<&'r Figure> {
    r.themes.iter().find(|t| t.slug == slug).map(|t| &t.figure)
}

/// The height a figure is drawn at, or `None` for "fewer than k".
fn value(r: &ReleaseView, f: &Figure) -> Option<u64> {
    match f {
        Figure::About(n) => Some(*n),
        Figure::AlmostEveryone => Some(r.total.low),
        Figure::FewerThan(_) => None,
    }
}

/// The round's k, as its releases show it.
fn k_of(round: &RoundDigest) -> u32 {
    round.rules.k()
}

/// The themes of the newest release, ranked, with their labels in the
/// reader's language (`themes`: the round's, for their translations).
fn ranked<'r>(m: &Messages, newest: &'r ReleaseView, themes: &[Theme]) -> Vec<(&'r str, Words)> {
    newest
        .themes
        .iter()
        .map(|t| {
            (
                t.slug.as_str(),
                words::label_of(m, themes, &t.slug, &t.label),
            )
        })
        .collect()
}

/// "Each theme over time": only for a round with two releases or more.
pub fn trend_section(m: &Messages, round: &RoundDigest, themes: &[Theme]) -> Markup {
    if round.releases.len() < 2 {
        return html! {};
    }
    let id = format!("{}-trend", round.slug);
    html! {
        section aria-labelledby=(format!("h-{id}")) {
            h3 id=(format!("h-{id}")) { (m.t("digest-trend-heading")) }
            p { (m.f("digest-trend-how", &[("k", k_of(round).into())])) }
            (chart(m, &id, round, themes))
            (table(m, round, themes))
        }
    }
}

fn chart(m: &Messages, id: &str, round: &RoundDigest, theme_list: &[Theme]) -> Markup {
    let rtl = is_rtl(m);
    let axis = Axis { rtl };
    let releases = drawn_releases(round);
    let (Some(first), Some(newest)) = (releases.first(), releases.last()) else {
        return html! {};
    };
    // The newest release's order (ranked); themes never shown as a number
    // are left out of the drawing.
    let themes = ranked(m, newest, theme_list);
    let shown = |slug: &str| {
        releases
            .iter()
            .any(|r| figure_in(r, slug).and_then(|f| value(r, f)).is_some())
    };
    let max = releases
        .iter()
        .flat_map(|r| r.themes.iter().filter_map(|t| value(r, &t.figure)))
        .max()
        .unwrap_or(0)
        .max(1);
    let step = if releases.len() > 1 {
        (LINE_W - 2.0 * DOT) / (releases.len() - 1) as f64
    } else {
        0.0
    };
    let mut y = 4usize;
    let mut body = html! {};
    let mut hidden = Vec::new();
    let mut desc = Vec::new();
    for (slug, label) in &themes {
        let figures: Vec<Option<&Figure>> = releases.iter().map(|r| figure_in(r, slug)).collect();
        desc.push(format!(
            "{}: {}",
            label.text,
            figures
                .iter()
                .map(|f| f.map_or_else(String::new, |f| figure_text(m, f)))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if !shown(slug) {
            hidden.push(label.text.clone());
            continue;
        }
        let (text, h) = lines(axis, 0.0, y + FONT, &label.text, true);
        y += h + 2;
        let top = y as f64 + DOT;
        let bottom = top + LINE_H - 2.0 * DOT;
        let points: Vec<(f64, Option<f64>)> = releases
            .iter()
            .zip(&figures)
            .enumerate()
            .map(|(i, (r, f))| {
                let x = DOT + step * i as f64;
                let v = f.and_then(|f| value(r, f));
                (
                    x,
                    v.map(|v| bottom - (bottom - top) * v.min(max) as f64 / max as f64),
                )
            })
            .collect();
        // Lines join neighbouring releases that both show a number.
        let segments: Vec<(f64, f64, f64, f64)> = points
            .windows(2)
            .filter_map(|w| match (w[0], w[1]) {
                ((x1, Some(y1)), (x2, Some(y2))) => Some((x1, y1, x2, y2)),
                _ => None,
            })
            .collect();
        let latest = figures
            .last()
            .copied()
            .flatten()
            .map_or_else(String::new, |f| figure_text(m, f));
        // The newest figure sits level with the newest point.
        let latest_y = points.last().and_then(|(_, v)| *v).unwrap_or(bottom) + 5.0;
        body = html! {
            (body)
            g lang=[label.lang] { (text) }
            line x1=(axis.text(0.0)) x2=(axis.text(LINE_W)) y1=(num(bottom + DOT)) y2=(num(bottom + DOT))
                stroke="#b1b4b6" stroke-width="1" {}
            @for (x1, y1, x2, y2) in &segments {
                line x1=(axis.text(*x1)) y1=(num(*y1)) x2=(axis.text(*x2)) y2=(num(*y2))
                    stroke=(LINE) stroke-width="3" {}
            }
            @for (x, v) in &points {
                @match v {
                    Some(v) => { circle cx=(axis.text(*x)) cy=(num(*v)) r=(DOT) fill=(LINE) {} }
                    None => { circle cx=(axis.text(*x)) cy=(num(bottom)) r=(DOT) fill="#ffffff" stroke=(INK) stroke-width="1.5" {} }
                }
            }
            text x=(axis.text(LINE_W + 10.0)) y=(num(latest_y)) font-size=(FONT) fill=(INK) { (latest) }
        };
        y += LINE_H as usize + 12;
    }
    let title = m.f(
        "digest-trend-chart-title",
        &[
            (
                "first",
                period_label(m, &first.periods, round.period_weeks).into(),
            ),
            (
                "last",
                period_label(m, &newest.periods, round.period_weeks).into(),
            ),
        ],
    );
    html! {
        @if hidden.len() < themes.len() {
            (ChartFrame {
                id,
                class: "chart chart-narrow",
                width: WIDTH as usize,
                height: y,
                rtl,
            }
            .draw(&title, &desc.join("; "), body))
        }
        @if !hidden.is_empty() {
            p { (m.f("digest-trend-hidden", &[
                ("k", k_of(round).into()),
                ("themes", join_list(m, &hidden).into()),
            ])) }
        }
    }
}

/// Every theme in every release, oldest first: scrolls sideways on a
/// narrow screen (keyboard included) rather than squeezing the numbers.
fn table(m: &Messages, round: &RoundDigest, themes: &[Theme]) -> Markup {
    let caption = m.t("digest-trend-caption");
    let mut releases: Vec<&ReleaseView> = round.releases.iter().collect();
    releases.reverse();
    let Some(newest) = releases.last() else {
        return html! {};
    };
    html! {
        div.table-scroll role="region" aria-label=(caption) tabindex="0" {
            table.table.table-figures.table-trend {
                caption.table-caption { (caption) }
                thead {
                    tr {
                        th scope="col" { (m.t("digest-theme")) }
                        @for r in &releases { th.numeric scope="col" { (period_label(m, &r.periods, round.period_weeks)) } }
                    }
                }
                tbody {
                    tr {
                        th scope="row" { (m.t("digest-critiques")) }
                        @for r in &releases { td.numeric { bdi dir="ltr" { (band_text(m, r.total.low, r.total.high)) } } }
                    }
                    @for (slug, label) in ranked(m, newest, themes) {
                        tr {
                            th scope="row" { (label) }
                            @for r in &releases {
                                td.numeric { @if let Some(f) = figure_in(r, slug) { (figure_cell(m, f)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}
