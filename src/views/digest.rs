//! The public digest of an organisation: for each release (one period, or
//! rolled periods together), a one-paragraph summary in plain words, the
//! themes ranked as an accessible SVG bar chart and the same figures as a
//! table; and, once a round has two releases, each theme across them
//! ([`super::digest_trend`]).
//!
//! Charts are drawn 320 units wide with labels above the bars (the view
//! box helpers of [`super::questions`]), so text stays 14 px on a 320 px
//! screen instead of shrinking with a wide drawing.
//!
//! A sealed digest keeps its words in English (it is frozen and logged);
//! this page says them in the reader's language: the periods' names from
//! their ids, the bands from their bounds, the themes from the round (see
//! [`super::words`]). Numbers are written left to right in every language.

use super::questions::{is_rtl, lines, num, Axis, BAR, FONT, INK, WIDTH};
use super::words::{self, Words};
use super::{layout_with, TABLES_CSS};
use crate::digest::disclosure::Figure;
use crate::digest::{Digest, ReleaseView, RoundDigest, ThemeView};
use crate::domain::{Period, PeriodLength, Round, Theme};
use crate::messages::Messages;
use maud::{html, Markup};
use time::Date;

/// How a figure reads, in the page's language.
pub fn figure_text(m: &Messages, f: &Figure) -> String {
    match f {
        Figure::FewerThan(k) => m.f("digest-fewer-than", &[("k", (*k).into())]),
        Figure::About(n) => m.number(*n),
        Figure::AlmostEveryone => m.t("digest-almost-everyone"),
    }
}

/// A figure in a table cell: a bare number is kept left to right.
pub(super) fn figure_cell(m: &Messages, f: &Figure) -> Markup {
    html! {
        @match f {
            Figure::About(_) => bdi dir="ltr" { (figure_text(m, f)) },
            _ => (figure_text(m, f)),
        }
    }
}

/// A band of totals ("10-19", "fewer than 10") in the page's language.
pub fn band_text(m: &Messages, low: u64, high: u64) -> String {
    if low == 0 {
        m.f("digest-fewer-than", &[("k", high.saturating_add(1).into())])
    } else if high == u64::MAX {
        m.f("band-more", &[("low", m.number(low).into())])
    } else {
        m.f(
            "band-range",
            &[
                ("low", m.number(low).into()),
                ("high", m.number(high).into()),
            ],
        )
    }
}

/// Whether release `period` of `round` was answered, and in time, with a
/// link to the record (issue 21).
fn answer_line(
    m: &Messages,
    record: &crate::digest::record::PublicRecord,
    round: &str,
    period: &str,
) -> Markup {
    use crate::digest::record::StandingView;
    let release = record
        .rounds
        .iter()
        .filter(|r| r.round == round)
        .flat_map(|r| &r.releases)
        .find(|r| r.period == period);
    let Some(release) = release else {
        return html! {};
    };
    let key = match release.standing {
        StandingView::Open => "digest-answer-open",
        StandingView::Overdue => "digest-answer-overdue",
        StandingView::OnTime => "digest-answer-on-time",
        StandingView::Late => "digest-answer-late",
    };
    let deadline = date_text(m, &release.deadline);
    html! {
        p.answer-standing {
            a href=(format!("/o/{}/record", record.organisation)) {
                (m.f(key, &[("deadline", deadline.into())]))
            }
        }
    }
}

/// A day from its id (`YYYY-MM-DD`): "23 November 2026".
pub fn date_text(m: &Messages, id: &str) -> String {
    let mut parts = id.splitn(3, '-').map(|p| p.parse::<u16>().ok());
    let (Some(Some(year)), Some(Some(month)), Some(Some(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return id.to_owned();
    };
    let month = m.f("month", &[("month", month.into())]);
    m.f(
        "date",
        &[
            ("day", day.into()),
            ("month", month.into()),
            ("year", year.into()),
        ],
    )
}

/// "23 to 29 November", "30 November to 6 December", or with years when
/// they differ.
fn date_range(m: &Messages, from: Date, to: Date) -> String {
    let month = |d: Date| m.f("month", &[("month", u8::from(d.month()).into())]);
    if from.year() != to.year() {
        m.f(
            "date-range-years",
            &[
                ("from", from.day().into()),
                ("from-month", month(from).into()),
                ("from-year", from.year().into()),
                ("to", to.day().into()),
                ("to-month", month(to).into()),
                ("to-year", to.year().into()),
            ],
        )
    } else if from.month() == to.month() {
        m.f(
            "date-range-month",
            &[
                ("from", from.day().into()),
                ("to", to.day().into()),
                ("month", month(to).into()),
            ],
        )
    } else {
        m.f(
            "date-range",
            &[
                ("from", from.day().into()),
                ("from-month", month(from).into()),
                ("to", to.day().into()),
                ("to-month", month(to).into()),
            ],
        )
    }
}

/// The name of a release (or a sealed period) from its periods' ids:
/// "Week 48 of 2026 (23 to 29 November)", "Weeks 46 to 47 of 2026 (…)",
/// or the dates of longer periods.
pub fn period_label(m: &Messages, periods: &[String], weeks: u8) -> String {
    let parsed: Vec<Period> = PeriodLength::parse(weeks.into())
        .map(|length| {
            periods
                .iter()
                .filter_map(|id| Period::from_id(id, length))
                .collect()
        })
        .unwrap_or_default();
    let (Some(first), Some(last)) = (parsed.first(), parsed.last()) else {
        return periods.join(", ");
    };
    let (start, end) = (first.start(), last.last_day());
    let range = date_range(m, start, end);
    let (year, week, _) = start.to_iso_week_date();
    let (last_year, last_week, _) = last.start().to_iso_week_date();
    if weeks == 1 && parsed.len() == 1 {
        m.f(
            "period-week",
            &[
                ("week", week.into()),
                ("year", year.into()),
                ("range", range.into()),
            ],
        )
    } else if weeks == 1 && year == last_year {
        m.f(
            "period-weeks",
            &[
                ("first", week.into()),
                ("last", last_week.into()),
                ("year", year.into()),
                ("range", range.into()),
            ],
        )
    } else if start.year() == end.year() {
        m.f(
            "period-dates",
            &[("range", range.into()), ("year", end.year().into())],
        )
    } else {
        range
    }
}

/// The round's title in the reader's language (its words as published
/// when the round is gone).
pub(super) fn title_of(m: &Messages, rounds: &[Round], round: &RoundDigest) -> Words {
    rounds
        .iter()
        .find(|r| r.slug.as_str() == round.slug)
        .map_or_else(
            || Words {
                text: round.title.clone(),
                lang: None,
            },
            |r| words::round_title(m, r),
        )
}

/// The round's current themes, to say a sealed theme's label in the
/// reader's language.
pub(super) fn themes_of<'a>(rounds: &'a [Round], slug: &str) -> &'a [Theme] {
    rounds
        .iter()
        .find(|r| r.slug.as_str() == slug)
        .map_or(&[], |r| &r.themes)
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

/// `rounds`: the organisation's rounds as they are now, for their themes'
/// translations.
pub fn digest(
    m: &Messages,
    d: &Digest,
    voices: &[crate::digest::voices::PeriodVoices],
    rounds: &[Round],
    record: &crate::digest::record::PublicRecord,
) -> Markup {
    let title = m.f("digest-title", &[("org", d.name.as_str().into())]);
    let path = format!("/o/{}", d.organisation);
    layout_with(
        m,
        Some(&path),
        &title,
        false,
        &[TABLES_CSS],
        html! {
            h1 { (title) }
            p.lead { (m.t("digest-lead")) }
            p { (m.t("digest-protect")) }
            @if d.rounds.iter().all(|r| r.releases.is_empty()) {
                p { (m.t("digest-nothing")) }
            }
            @for round in &d.rounds {
                @if !round.releases.is_empty() {
                    @let themes = themes_of(rounds, &round.slug);
                    h2 { bdi { (title_of(m, rounds, round)) } }
                    p { (rules(m, round)) }
                    p { (m.t("digest-trend-explained")) }
                    @for (i, release) in round.releases.iter().enumerate() {
                        (release_section(m, round, release, themes))
                        (answer_line(m, record, &round.slug, &release.id))
                        // What was said and answered for this release, right
                        // after its figures, so responses sit beside their themes.
                        (super::beside_digest(
                            m,
                            voices.iter().filter(|v| v.round == round.slug && v.period == release.id),
                            themes,
                            round.period_weeks,
                        ))
                        // Each theme across releases, after the newest one.
                        @if i == 0 { (super::digest_trend::trend_section(m, round, themes)) }
                    }
                }
                // The round's questions (issue 20), after its themes: each
                // with its latest release and its trend.
                @for q in &round.questions {
                    (super::question_section(m, &round.slug, q))
                }
            }
            p { (m.t("digest-up-to-three")) }
            h2 { (m.t("digest-other-formats")) }
            ul {
                li { a href=(format!("{path}/digest.csv")) { (m.t("digest-csv")) } }
                @if d.rounds.iter().any(|r| !r.questions.is_empty()) {
                    li { a href=(format!("{path}/digest-questions.csv")) { (m.t("digest-questions-csv")) } }
                }
                li { a href=(format!("{path}/record")) { (m.t("digest-record")) } }
                li { a href=(format!("{path}/digest.atom")) { (m.t("digest-atom")) } }
                li { a href=(format!("/api/v1/organisations/{}/digest", d.organisation)) { (m.t("digest-json")) } }
                li { a href=(m.href("/themes")) { (m.t("digest-themes-link")) } }
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
pub fn summary(m: &Messages, rows: &[(Words, &ThemeView)]) -> String {
    let item = |w: &Words, figure: String| {
        m.f(
            "digest-summary-item",
            &[("theme", w.text.as_str().into()), ("figure", figure.into())],
        )
    };
    let most: Vec<String> = rows
        .iter()
        .filter(|(_, t)| !matches!(t.figure, Figure::FewerThan(_)))
        .take(SUMMARY_THEMES)
        .map(|(w, t)| item(w, figure_text(m, &t.figure)))
        .collect();
    let moved = |up: bool| {
        let mut moved: Vec<&(Words, &ThemeView)> = rows
            .iter()
            .filter(|(_, t)| t.trend.is_some_and(|n| if up { n > 0 } else { n < 0 }))
            .collect();
        moved.sort_by_key(|(_, t)| std::cmp::Reverse(t.trend.unwrap_or(0).unsigned_abs()));
        moved
            .into_iter()
            .take(SUMMARY_THEMES)
            .map(|(w, t)| item(w, trend_text(m, t.trend)))
            .collect::<Vec<_>>()
    };
    let mut sentences = Vec::new();
    if most.is_empty() {
        let k = rows.iter().find_map(|(_, t)| match t.figure {
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

/// A release's one-paragraph summary (see [`summary`]), labels in the
/// reader's language (`themes`: the round's, for their translations).
pub fn release_summary(m: &Messages, r: &ReleaseView, themes: &[Theme]) -> String {
    summary(m, &labelled(m, r, themes))
}

/// A release's themes with their labels in the reader's language.
pub(super) fn labelled<'a>(
    m: &Messages,
    r: &'a ReleaseView,
    themes: &[Theme],
) -> Vec<(Words, &'a crate::digest::ThemeView)> {
    r.themes
        .iter()
        .map(|t| (words::label_of(m, themes, &t.slug, &t.label), t))
        .collect()
}

fn release_section(m: &Messages, round: &RoundDigest, r: &ReleaseView, themes: &[Theme]) -> Markup {
    let id = format!("{}-{}", round.slug, r.id);
    let label = period_label(m, &r.periods, round.period_weeks);
    let band = band_text(m, r.total.low, r.total.high);
    let rows = labelled(m, r, themes);
    html! {
        section aria-labelledby=(format!("h-{id}")) {
            h3 id=(format!("h-{id}")) { (label) }
            p.lead { (summary(m, &rows)) }
            p { (m.f("digest-total", &[("band", band.as_str().into())])) }
            (chart(m, &id, r, &label, &rows))
            (table(m, &label, &band, &rows))
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
/// them. In a right-to-left language the chart is mirrored: bars grow
/// from the right.
fn chart(
    m: &Messages,
    id: &str,
    r: &ReleaseView,
    label: &str,
    rows: &[(Words, &ThemeView)],
) -> Markup {
    const BAR_H: usize = 18;
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
    // Room beside the longest bar for a short figure; a long one goes
    // inside the bar's end.
    let room = text_units("100") + 12.0;
    let width = |f: &Figure| -> f64 {
        let v = match f {
            Figure::About(n) => *n,
            Figure::AlmostEveryone => max,
            Figure::FewerThan(_) => 0,
        };
        v.min(max) as f64 / max as f64 * (WIDTH - room)
    };
    let title = m.f("digest-chart-title", &[("period", label.into())]);
    let desc: Vec<String> = rows
        .iter()
        .map(|(w, t)| format!("{}: {}", w.text, figure_text(m, &t.figure)))
        .collect();
    let mut y = 4usize;
    let mut body = html! {};
    for (w, t) in rows {
        let (text, h) = lines(axis, 0.0, y + FONT, &w.text, true);
        y += h + 2;
        let bar = width(&t.figure);
        let figure = figure_text(m, &t.figure);
        // Beside the bar, or inside its end (white on blue, 5:1) when it
        // would not fit beside it.
        let inside = bar + 6.0 + text_units(&figure) > WIDTH;
        body = html! {
            (body)
            g lang=[w.lang] { (text) }
            @if bar > 0.0 {
                rect x=(axis.rect(0.0, bar)) y=(y) width=(num(bar)) height=(BAR_H) fill=(BAR) {}
            }
            @if inside {
                text x=(axis.text(bar - 6.0)) y=(y + BAR_H - 4) font-size=(FONT) fill="#ffffff"
                    text-anchor="end" { (figure) }
            } @else {
                text x=(axis.text(bar + 6.0)) y=(y + BAR_H - 4) font-size=(FONT) fill=(INK) { (figure) }
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
fn table(m: &Messages, label: &str, band: &str, rows: &[(Words, &ThemeView)]) -> Markup {
    let caption = m.f(
        "digest-caption",
        &[("period", label.into()), ("total", band.into())],
    );
    super::wide_table(
        &caption,
        html! {
            table.table {
                caption.table-caption { (caption) }
                thead { tr {
                    th scope="col" { (m.t("digest-theme")) }
                    th.numeric scope="col" { (m.t("digest-critiques")) }
                    th.numeric scope="col" { (m.t("digest-trend")) }
                } }
                tbody {
                    @for (w, t) in rows {
                        tr {
                            th scope="row" { (w) }
                            td.numeric { (figure_cell(m, &t.figure)) }
                            td.numeric { (trend_text(m, t.trend)) }
                        }
                    }
                }
            }
        },
    )
}

/// The host-wide page: themes across organisations, from each round's
/// latest release; the noise said in words, its parameters behind
/// "How the random amounts are chosen".
pub fn themes(m: &Messages, a: &crate::digest::Across) -> Markup {
    let title = m.t("themes-title");
    layout_with(
        m,
        Some("/themes"),
        &title,
        false,
        &[TABLES_CSS],
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
                (super::wide_table(&caption, html! { table.table {
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
                                th scope="row" { (words::label_of(m, &[], &t.slug, &t.label)) }
                                td.numeric { bdi dir="ltr" { (m.number(t.value)) } }
                                td.numeric { bdi dir="ltr" { (m.number(t.counted as u64)) } }
                                td.numeric { bdi dir="ltr" { (m.number(t.fewer_than as u64)) } }
                                td.numeric { bdi dir="ltr" { (m.number(t.almost_everyone as u64)) } }
                            }
                        }
                    }
                } }))
                h2 { (m.t("themes-sources")) }
                ul {
                    @for s in &a.sources {
                        li {
                            a href=(m.href(&format!("/o/{}", s.organisation))) { bdi { (s.organisation) } }
                            " – " (period_label(m, &s.periods, s.period_weeks))
                        }
                    }
                }
            }
        },
    )
}
