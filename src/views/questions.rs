//! A round's questions in the digest (issue 20): for the latest release,
//! the plain-language line, a chart (a diverging stacked bar for a scale,
//! bars for a choice) and the same figures as a table; then the trend
//! across releases, as a chart and a table.
//!
//! Everything here reads published figures only ([`QuestionView`]): a
//! hidden or withheld option is never drawn with a size or written as a
//! number. Charts are drawn for a 320-unit-wide view box, labels above
//! the bars, so they stay readable on a 320 px screen; right-to-left pages
//! get them mirrored (negative answers start at the right).
//!
//! Not yet on a page: the branch that wires questions in calls
//! [`question_section`] from the digest page, after the themes.

use super::digest::{figure_text, trend_text, ChartFrame};
use super::words::{self, Words};
use crate::digest::disclosure::questions::Shown;
use crate::digest::questions::{
    positive_side, OptionView, QuestionReleaseView, QuestionView, Summary,
};
use crate::messages::Messages;
use maud::{html, Markup};

/// The view box width: one CSS pixel per unit on a 320 px screen.
pub(super) const WIDTH: f64 = 320.0;
/// Text size, in view box units.
pub(super) const FONT: usize = 14;
/// Width of a wrapped line, in narrow characters (a wide East Asian
/// character counts twice): 34 bold characters of 14 units fit 320.
const LINE_CHARS: usize = 34;
/// The most releases the trend chart draws (the table lists them all).
pub(super) const TREND_RELEASES: usize = 6;
pub(super) const INK: &str = "#0b0c0c";
pub(super) const BAR: &str = "#1d70b8";

/// Languages written right to left. Issue 19 gives `Messages` the page's
/// direction (`dir()`); use that here once it lands.
pub(super) fn is_rtl(m: &Messages) -> bool {
    matches!(
        m.language().split('-').next(),
        Some("ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb")
    )
}

/// How a question's cell reads.
pub fn shown_text(m: &Messages, s: &Shown) -> String {
    match s.figure() {
        Some(f) => figure_text(m, &f),
        None => m.t("digest-q-not-shown"),
    }
}

/// The words of a release's option: the host's, marked as English, or the
/// default scale's in the reader's language (see [`words::option`]).
pub fn option_words(
    m: &Messages,
    q: &QuestionView,
    r: &QuestionReleaseView,
    o: &OptionView,
) -> Words {
    let default = q.kind == "scale"
        && words::is_default_scale(r.options.iter().map(|o| (o.id.as_str(), o.label.as_str())));
    words::option(m, default, &o.id, &o.label, None)
}

/// The words of the option labelled `label` in release `r`.
fn label_words(m: &Messages, q: &QuestionView, r: &QuestionReleaseView, label: &str) -> Words {
    match r.options.iter().find(|o| o.label == label) {
        Some(o) => option_words(m, q, r, o),
        None => words::host(m, label),
    }
}

/// The plain-language line of a release, from its published figures.
pub fn summary_line(m: &Messages, q: &QuestionView, r: &QuestionReleaseView) -> Option<String> {
    let (text, labels) = summary_parts(m, q, r)?;
    Some(words::fill_plain(&text, &labels.iter().collect::<Vec<_>>()))
}

/// The plain-language line, each option label it quotes marked with its
/// own language.
pub fn summary_markup(m: &Messages, q: &QuestionView, r: &QuestionReleaseView) -> Option<Markup> {
    let (text, labels) = summary_parts(m, q, r)?;
    Some(words::fill(&text, &labels.iter().collect::<Vec<_>>()))
}

/// The plain-language line with a [`words::placeholder`] for each quoted
/// label, and the labels' words.
fn summary_parts(
    m: &Messages,
    q: &QuestionView,
    r: &QuestionReleaseView,
) -> Option<(String, Vec<Words>)> {
    let mut quoted_words = Vec::new();
    let mut quote = |l: &str| {
        quoted_words.push(label_words(m, q, r, l));
        words::placeholder(quoted_words.len() - 1)
    };
    let text = match r.summary.as_ref()? {
        Summary::AlmostEveryone { label } => m.f(
            "digest-q-almost-everyone",
            &[("label", quote(label).into())],
        ),
        Summary::About { n, of, labels } => {
            let mut quoted = |l: &str| m.f("digest-q-label", &[("label", quote(l).into())]);
            let mut joined = labels.first().map(|l| quoted(l))?;
            for l in &labels[1..] {
                joined = m.f(
                    "digest-q-or",
                    &[("first", joined.into()), ("second", quoted(l).into())],
                );
            }
            let key = match (q.kind == "scale", of.is_some()) {
                (true, true) => "digest-q-said",
                (true, false) => "digest-q-said-some",
                (false, true) => "digest-q-chose",
                (false, false) => "digest-q-chose-some",
            };
            m.f(
                key,
                &[
                    ("n", (*n).into()),
                    ("of", of.unwrap_or_default().into()),
                    ("labels", joined.into()),
                ],
            )
        }
    };
    Some((text, quoted_words))
}

/// One question of a round's digest: its latest release and its trend.
/// `round` makes element ids unique on the page.
pub fn question_section(m: &Messages, round: &str, q: &QuestionView) -> Markup {
    let rtl = is_rtl(m);
    let id = format!("q-{round}-{}", q.id);
    let Some(latest) = q.releases.first() else {
        return html! {};
    };
    let withheld = q.releases.iter().any(|r| {
        r.options.iter().any(|o| o.shown == Shown::Withheld) || r.no_answer == Some(Shown::Withheld)
    });
    html! {
        section aria-labelledby=(format!("h-{id}")) {
            h3 id=(format!("h-{id}")) {
                (words::sentence(m, "digest-q-heading", &[], &[("prompt", &words::host(m, &q.prompt))]))
            }
            @if let Some(line) = summary_markup(m, q, latest) {
                p.lead { (line) }
            }
            @if let Some(n) = latest.respondents {
                p { (m.f("digest-q-answered", &[("n", n.into())])) }
            }
            @if q.kind == "scale" {
                (scale_chart(m, &format!("{id}-{}", latest.id), q, &[latest], rtl))
            } @else {
                (choice_chart(m, &format!("{id}-{}", latest.id), q, &[latest], rtl))
            }
            (release_table(m, q, latest))
            @if q.max_choices > 1 {
                p { (m.f("digest-q-multi", &[("max", q.max_choices.into())])) }
            }
            @if withheld {
                p { (m.t("digest-q-withheld")) }
            }
            @if q.releases.len() > 1 {
                @let shown: Vec<&QuestionReleaseView> = q.releases.iter().take(TREND_RELEASES).collect();
                @if q.kind == "scale" {
                    (scale_chart(m, &format!("{id}-trend"), q, &shown, rtl))
                } @else {
                    (choice_chart(m, &format!("{id}-trend"), q, &shown, rtl))
                }
                (trend_table(m, q))
            }
        }
    }
}

/// The number a cell's bar is drawn for: only numbers that are shown.
/// "Almost everyone" is drawn as all who answered.
fn drawn(s: Shown, r: &QuestionReleaseView) -> u64 {
    match s {
        Shown::About(n) => n,
        Shown::AlmostEveryone => everyone(r),
        Shown::FewerThan(_) | Shown::Withheld => 0,
    }
}

/// Everyone who answered, as stated; when not stated, the largest shown
/// number stands in, so that bars keep their proportions.
fn everyone(r: &QuestionReleaseView) -> u64 {
    r.respondents.unwrap_or_else(|| {
        r.options
            .iter()
            .filter_map(|o| match o.shown {
                Shown::About(n) => Some(n),
                _ => None,
            })
            .max()
            .unwrap_or(1)
    })
}

/// x positions, mirrored on right-to-left pages.
#[derive(Clone, Copy)]
pub(super) struct Axis {
    pub rtl: bool,
}

impl Axis {
    /// Where a box from `x` (left-to-right) `w` wide starts.
    pub fn rect(self, x: f64, w: f64) -> String {
        num(if self.rtl { WIDTH - x - w } else { x })
    }
    /// Where text that begins at `x` (left-to-right) is anchored; its
    /// `text-anchor` stays `start`, which follows the direction.
    pub fn text(self, x: f64) -> String {
        num(if self.rtl { WIDTH - x } else { x })
    }
}

pub(super) fn num(x: f64) -> String {
    format!("{:.1}", x.max(0.0))
}

/// How wide a character draws, in narrow characters.
fn char_width(c: char) -> usize {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}');
    1 + usize::from(wide)
}

fn text_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Split a label into lines at most [`LINE_CHARS`] wide, at spaces where
/// possible (SVG text does not wrap by itself).
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while text_width(&word) > LINE_CHARS {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut head = String::new();
            let mut rest = word.chars().peekable();
            while let Some(c) = rest.peek() {
                if text_width(&head) + char_width(*c) > LINE_CHARS {
                    break;
                }
                head.push(*c);
                rest.next();
            }
            word = rest.collect();
            lines.push(head);
        }
        if !line.is_empty() && text_width(&line) + 1 + text_width(&word) > LINE_CHARS {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lines of text from `y` (the first baseline), each [`FONT`] + 4 apart.
pub(super) fn lines(axis: Axis, x: f64, y: usize, text: &str, bold: bool) -> (Markup, usize) {
    let wrapped = wrap(text);
    let height = wrapped.len() * (FONT + 4);
    let markup = html! {
        @for (i, l) in wrapped.iter().enumerate() {
            text x=(axis.text(x)) y=(y + i * (FONT + 4)) font-size=(FONT) fill=(INK)
                font-weight=[bold.then_some("bold")] { (l) }
        }
    };
    (markup, height)
}

/// Colours of a scale's options, from the most negative (dark red) to the
/// most positive (dark blue), grey in the middle; each has at least 3:1
/// contrast with the white page (WCAG 1.4.11), and segments are parted by
/// white lines so that colour is never the only cue.
fn scale_colours(n: usize) -> Vec<&'static str> {
    const NEGATIVE: [&str; 3] = ["#6e1b0f", "#942514", "#d4351c"];
    const POSITIVE: [&str; 3] = ["#1d70b8", "#12487f", "#003078"];
    let half = (n / 2).min(3);
    let mut out: Vec<&str> = NEGATIVE[3 - half..].to_vec();
    if n % 2 == 1 {
        out.push("#505a5f");
    }
    out.extend(&POSITIVE[..half]);
    out
}

/// Every value of the releases, for the chart's description.
fn describe(m: &Messages, q: &QuestionView, releases: &[&QuestionReleaseView]) -> String {
    let one = |r: &QuestionReleaseView| {
        let mut parts: Vec<String> = r
            .options
            .iter()
            .map(|o| {
                format!(
                    "{}: {}",
                    option_words(m, q, r, o).text,
                    shown_text(m, &o.shown)
                )
            })
            .collect();
        if let Some(s) = &r.no_answer {
            parts.push(format!(
                "{}: {}",
                m.t("digest-q-no-answer"),
                shown_text(m, s)
            ));
        }
        parts.join("; ")
    };
    match releases {
        [r] => one(r),
        _ => releases
            .iter()
            .map(|r| format!("{}: {}", r.label, one(r)))
            .collect::<Vec<_>>()
            .join(". "),
    }
}

fn title(m: &Messages, q: &QuestionView, releases: &[&QuestionReleaseView]) -> String {
    match releases {
        [r] => m.f(
            "digest-q-chart-title",
            &[
                ("prompt", q.prompt.as_str().into()),
                ("period", r.label.as_str().into()),
            ],
        ),
        _ => m.f(
            "digest-q-trend-title",
            &[("prompt", q.prompt.as_str().into())],
        ),
    }
}

/// A diverging stacked bar per release (newest first): negative answers
/// to one side of the centre line, positive to the other, the middle
/// answer of an odd scale across it; then a legend with each option's
/// figure (or, for a trend, just its colour).
pub(super) fn scale_chart(
    m: &Messages,
    id: &str,
    q: &QuestionView,
    releases: &[&QuestionReleaseView],
    rtl: bool,
) -> Markup {
    const BAR_H: usize = 24;
    const GAP: usize = 8;
    let axis = Axis { rtl };
    let Some(first) = releases.first() else {
        return html! {};
    };
    let n = first.options.len();
    let colours = scale_colours(n);
    let middle = (n % 2 == 1).then_some(n / 2);
    let positive = positive_side(n);
    let negative = 0..n / 2;
    // One scale for every row: the widest side of any release.
    let side = |r: &QuestionReleaseView, range: std::ops::Range<usize>| -> u64 {
        let half_middle = middle.map_or(0, |i| drawn(r.options[i].shown, r) / 2);
        range.map(|i| drawn(r.options[i].shown, r)).sum::<u64>() + half_middle
    };
    let widest = releases
        .iter()
        .map(|r| side(r, negative.clone()).max(side(r, positive.clone())))
        .max()
        .unwrap_or(0)
        .max(1);
    let unit = (WIDTH / 2.0 - 4.0) / widest as f64;
    let centre = WIDTH / 2.0;
    let trend = releases.len() > 1;
    let mut y = 4usize;
    let mut rows = Vec::new();
    for r in releases {
        let mut row = html! {};
        if trend {
            let (label, h) = lines(axis, 0.0, y + FONT, &r.label, false);
            row = html! { (row) (label) };
            y += h + 2;
        }
        let w = |i: usize| drawn(r.options[i].shown, r) as f64 * unit;
        let half = middle.map_or(0.0, |i| w(i) / 2.0);
        let mut segments: Vec<(f64, f64, usize)> = Vec::new();
        if let Some(i) = middle {
            segments.push((centre - half, w(i), i));
        }
        let mut x = centre - half;
        for i in negative.clone().rev() {
            x -= w(i);
            segments.push((x, w(i), i));
        }
        let mut x = centre + half;
        for i in positive.clone() {
            segments.push((x, w(i), i));
            x += w(i);
        }
        row = html! {
            (row)
            @for (x, w, i) in &segments {
                @if *w > 0.0 {
                    rect x=(axis.rect(*x, *w)) y=(y) width=(num(*w)) height=(BAR_H)
                        fill=(colours[*i]) stroke="#ffffff" stroke-width="1" {}
                }
            }
        };
        y += BAR_H + GAP;
        rows.push(row);
    }
    let axis_top = 4;
    let axis_bottom = y - GAP;
    y += 4;
    let mut legend = Vec::new();
    for (i, o) in first.options.iter().enumerate() {
        let w = option_words(m, q, first, o);
        // The host's label is in its own language: its figure goes on a
        // line of its own rather than into the same phrase.
        let (text, figure) = match (trend, w.lang) {
            (true, _) => (w.text.clone(), None),
            (false, None) => (format!("{}: {}", w.text, shown_text(m, &o.shown)), None),
            (false, Some(_)) => (w.text.clone(), Some(shown_text(m, &o.shown))),
        };
        let (label, h) = lines(axis, 22.0, y + FONT - 2, &text, false);
        let (figure, fh) = match figure {
            Some(f) => lines(axis, 22.0, y + h + FONT - 2, &f, false),
            None => (html! {}, 0),
        };
        legend.push(html! {
            rect x=(axis.rect(0.0, 14.0)) y=(y) width="14" height="14" fill=(colours[i]) {}
            g lang=[w.lang] { (label) }
            (figure)
        });
        y += (h + fh).max(FONT + 4) + 2;
    }
    if let (false, Some(s)) = (trend, first.no_answer) {
        let text = format!("{}: {}", m.t("digest-q-no-answer"), shown_text(m, &s));
        let (label, h) = lines(axis, 0.0, y + FONT - 2, &text, false);
        legend.push(label);
        y += h + 2;
    }
    let body = html! {
        @for row in &rows { (row) }
        line x1=(num(centre)) x2=(num(centre)) y1=(axis_top - 2) y2=(axis_bottom + 2)
            stroke=(INK) stroke-width="1" {}
        @for item in &legend { (item) }
    };
    ChartFrame {
        id,
        class: "chart chart-narrow",
        width: WIDTH as usize,
        height: y + 4,
        rtl,
    }
    .draw(&title(m, q, releases), &describe(m, q, releases), body)
}

/// Bars for a choice or multiple-choice question: each option's label,
/// then one bar per release (newest first) as long as its share of the
/// people who answered, with the figure beside it.
pub(super) fn choice_chart(
    m: &Messages,
    id: &str,
    q: &QuestionView,
    releases: &[&QuestionReleaseView],
    rtl: bool,
) -> Markup {
    const BAR_H: usize = 18;
    const TEXT_ROOM: f64 = 110.0;
    let axis = Axis { rtl };
    let Some(first) = releases.first() else {
        return html! {};
    };
    let trend = releases.len() > 1;
    let mut y = 4usize;
    let mut body = html! {};
    for (i, o) in first.options.iter().enumerate() {
        let w = option_words(m, q, first, o);
        let (label, h) = lines(axis, 0.0, y + FONT, &w.text, true);
        body = html! { (body) g lang=[w.lang] { (label) } };
        y += h + 2;
        for r in releases {
            let Some(opt) = r.options.get(i) else {
                continue;
            };
            let share = drawn(opt.shown, r) as f64 / everyone(r).max(1) as f64;
            let w = share.min(1.0) * (WIDTH - TEXT_ROOM);
            let value = shown_text(m, &opt.shown);
            // In a trend, the period and figure go on a line of their own
            // above the bar: beside it they would not fit 320 units.
            let (beside, above) = if trend {
                (String::new(), Some(format!("{}: {value}", r.label)))
            } else {
                (value, None)
            };
            if let Some(text) = above {
                let (line, h) = lines(axis, 0.0, y + FONT - 2, &text, false);
                body = html! { (body) (line) };
                y += h;
            }
            body = html! {
                (body)
                @if w > 0.0 {
                    rect x=(axis.rect(0.0, w)) y=(y) width=(num(w)) height=(BAR_H) fill=(BAR) {}
                }
                @if !beside.is_empty() {
                    text x=(axis.text(w + 6.0)) y=(y + BAR_H - 4) font-size=(FONT) fill=(INK) { (beside) }
                }
            };
            y += BAR_H + 4;
        }
        y += 6;
    }
    ChartFrame {
        id,
        class: "chart chart-narrow",
        width: WIDTH as usize,
        height: y + 4,
        rtl,
    }
    .draw(&title(m, q, releases), &describe(m, q, releases), body)
}

/// One release's figures as a table: each option, "no answer", and the
/// change since the previous release.
pub(super) fn release_table(m: &Messages, q: &QuestionView, r: &QuestionReleaseView) -> Markup {
    html! {
        table.table.table-figures {
            caption.table-caption {
                @if let Some(n) = r.respondents {
                    (m.f("digest-q-caption", &[("period", r.label.as_str().into()), ("n", n.into())]))
                } @else {
                    (r.label)
                }
            }
            thead { tr {
                th scope="col" { (m.t("digest-q-answer")) }
                th.numeric scope="col" { (m.t("digest-q-people")) }
                th.numeric scope="col" { (m.t("digest-trend")) }
            } }
            tbody {
                @for o in &r.options {
                    tr {
                        th scope="row" { (option_words(m, q, r, o)) }
                        td.numeric { (shown_text(m, &o.shown)) }
                        td.numeric { (trend_text(m, o.trend)) }
                    }
                }
                @if let Some(s) = &r.no_answer {
                    tr {
                        th scope="row" { (m.t("digest-q-no-answer")) }
                        td.numeric { (shown_text(m, s)) }
                        td.numeric { (trend_text(m, None)) }
                    }
                }
            }
        }
    }
}

/// Every release of a question: one row per answer, one column per
/// release (newest first). Scrolls sideways on a narrow screen, keyboard
/// included, rather than squeezing numbers apart.
pub(super) fn trend_table(m: &Messages, q: &QuestionView) -> Markup {
    let prompt = words::host(m, &q.prompt);
    let caption = words::sentence(m, "digest-q-trend-caption", &[], &[("prompt", &prompt)]);
    // An attribute cannot mark a part's language: the plain words.
    let region = m.f(
        "digest-q-trend-caption",
        &[("prompt", q.prompt.as_str().into())],
    );
    let no_answer = q.releases.iter().any(|r| r.no_answer.is_some());
    let Some(first) = q.releases.first() else {
        return html! {};
    };
    let cell = |s: Option<&Shown>| s.map_or_else(|| trend_text(m, None), |s| shown_text(m, s));
    html! {
        div.table-scroll role="region" aria-label=(region) tabindex="0" {
            table.table.table-figures.table-trend {
                caption.table-caption { (caption) }
                thead { tr {
                    th scope="col" { (m.t("digest-q-answer")) }
                    @for r in &q.releases {
                        th.numeric scope="col" { (r.label) }
                    }
                } }
                tbody {
                    tr {
                        th scope="row" { (m.t("digest-q-answered-short")) }
                        @for r in &q.releases {
                            td.numeric { (r.respondents.map_or_else(|| trend_text(m, None), |n| n.to_string())) }
                        }
                    }
                    @for (i, o) in first.options.iter().enumerate() {
                        tr {
                            th scope="row" { (option_words(m, q, first, o)) }
                            @for r in &q.releases {
                                td.numeric { (cell(r.options.get(i).map(|o| &o.shown))) }
                            }
                        }
                    }
                    @if no_answer {
                        tr {
                            th scope="row" { (m.t("digest-q-no-answer")) }
                            @for r in &q.releases {
                                td.numeric { (cell(r.no_answer.as_ref())) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "questions_tests.rs"]
mod tests;
