//! Tests of the question charts and tables: every published value is
//! there, hidden and withheld cells are never drawn or written as numbers,
//! everything fits a 320-unit view box, and right-to-left mirrors it.

use super::*;
use crate::digest::disclosure::questions::{publish_question, QuestionCounts, QuestionOutcome};
use crate::digest::disclosure::Rules;
use crate::digest::questions::{release, shape, view, QuestionRelease};
use crate::domain::{QuestionSpec, Questions};
use serde_json::json;

fn questions() -> Questions {
    let specs: Vec<QuestionSpec> = serde_json::from_value(json!([
        {"id": "listened", "kind": "scale", "prompt": "How well did staff listen to you?"},
        {"id": "help", "kind": "multi", "prompt": "What helped?", "max": 2, "required": true,
         "options": [{"id": "time", "label": "Time to talk things through with someone who knows the service well"},
                     {"id": "kind", "label": "Kindness"}, {"id": "info", "label": "Information"}]}
    ]))
    .unwrap();
    Questions::parse(specs).unwrap()
}

/// Exact counts (rounding to 1): the hardest case, where small cells need
/// a withheld neighbour.
fn exact() -> Rules {
    Rules::new(5, 1, 10).unwrap()
}

/// Release `counts` (options in order) of question `id` for one period.
fn released(rules: Rules, id: &str, period: &str, total: u64, counts: &[u64]) -> QuestionRelease {
    let qs = questions();
    let q = qs.get(id).unwrap();
    let c = QuestionCounts {
        total,
        respondents: if q.required() {
            total
        } else {
            counts.iter().sum()
        },
        options: q
            .options()
            .iter()
            .zip(counts)
            .map(|(o, n)| (o.id().to_string(), *n))
            .collect(),
    };
    let QuestionOutcome::Publish(p) = publish_question(&c, &rules, shape(q)) else {
        panic!("rolled")
    };
    release(q, vec![period.into()], format!("Week of {period}"), p)
}

fn scale_view(releases: &[QuestionRelease]) -> QuestionView {
    view(questions().get("listened").unwrap(), releases)
}

fn m() -> Messages {
    Messages::english()
}

/// The chart as an XML tree (it must be well-formed).
fn svg(markup: &Markup) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(&markup.0).unwrap()
}

fn attr(n: &roxmltree::Node<'_, '_>, a: &str) -> f64 {
    n.attribute(a).unwrap().parse().unwrap()
}

#[test]
fn the_scale_chart_is_an_image_whose_description_lists_every_value() {
    // 110 asked, 100 answered; "very badly" is small, so "badly" is withheld.
    let r = released(exact(), "listened", "2026-11-09", 110, &[2, 18, 20, 32, 28]);
    let v = scale_view(&[r]);
    let latest = &v.releases[0];
    let chart = scale_chart(&m(), "c", &v, &[latest], false);
    let doc = svg(&chart);
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("aria-labelledby"), Some("t-c d-c"));
    assert_eq!(
        root.attribute("viewBox").unwrap().split(' ').nth(2),
        Some("320")
    );
    let desc = root
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap();
    assert_eq!(
        desc,
        "Very badly: fewer than 5; Badly: not shown; Neither well nor badly: 20; \
         Well: 32; Very well: 28; No answer: 10"
    );
    let title = root
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .unwrap();
    assert!(title
        .text()
        .unwrap()
        .contains("How well did staff listen to you?"));
}

#[test]
fn hidden_and_withheld_answers_are_never_drawn_or_written_as_numbers() {
    let r = released(exact(), "listened", "2026-11-09", 110, &[2, 18, 20, 32, 28]);
    let v = scale_view(&[r]);
    let latest = &v.releases[0];
    assert_eq!(latest.options[0].shown, Shown::FewerThan(5));
    assert_eq!(latest.options[1].shown, Shown::Withheld);
    let chart = scale_chart(&m(), "c", &v, &[latest], false);
    let doc = svg(&chart);
    // Bars (24 high) only for the three options shown as numbers.
    let bars: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("height") == Some("24"))
        .collect();
    assert_eq!(bars.len(), 3);
    let colours: Vec<&str> = bars.iter().map(|b| b.attribute("fill").unwrap()).collect();
    let palette = scale_colours(5);
    assert!(!colours.contains(&palette[0]) && !colours.contains(&palette[1]));
    // Their widths are proportional to 20, 32 and 28 on one scale.
    let w: Vec<f64> = bars.iter().map(|b| attr(b, "width")).collect();
    assert!((w[0] / 20.0 - w[1] / 32.0).abs() < 0.01, "{w:?}");
    assert!((w[1] / 32.0 - w[2] / 28.0).abs() < 0.01, "{w:?}");
    // The table says what the chart leaves out, in words.
    let table = release_table(&m(), &v, latest).into_string();
    assert!(
        table.contains("<th scope=\"row\">Very badly</th><td class=\"numeric\">fewer than 5</td>")
    );
    assert!(table.contains("<th scope=\"row\">Badly</th><td class=\"numeric\">not shown</td>"));
    assert!(table.contains("<th scope=\"row\">No answer</th><td class=\"numeric\">10</td>"));
    assert!(!table.contains(">18<") && !table.contains(">2<"));
}

#[test]
fn the_diverging_bar_puts_negative_answers_left_of_the_centre_and_positive_right() {
    let r = released(
        Rules::default(),
        "listened",
        "2026-11-09",
        100,
        &[10, 12, 18, 32, 28],
    );
    let v = scale_view(&[r]);
    let chart = scale_chart(&m(), "c", &v, &[&v.releases[0]], false);
    let doc = svg(&chart);
    let bars: Vec<(f64, f64, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("height") == Some("24"))
        .map(|b| {
            (
                attr(&b, "x"),
                attr(&b, "width"),
                b.attribute("fill").unwrap().to_owned(),
            )
        })
        .collect();
    let palette = scale_colours(5);
    let at = |c: &str| bars.iter().find(|b| b.2 == c).unwrap().clone();
    let (neutral, badly, well) = (at(palette[2]), at(palette[1]), at(palette[3]));
    assert!(
        (neutral.0 + neutral.1 / 2.0 - 160.0).abs() < 0.2,
        "neutral across the centre"
    );
    assert!(
        (badly.0 + badly.1 - neutral.0).abs() < 0.2,
        "badly just left of it"
    );
    assert!(
        (well.0 - (neutral.0 + neutral.1)).abs() < 0.2,
        "well just right of it"
    );
    assert!(at(palette[0]).0 < badly.0 && at(palette[4]).0 > well.0);
}

#[test]
fn right_to_left_mirrors_every_box_and_anchors_text_from_the_right() {
    let r = released(
        Rules::default(),
        "listened",
        "2026-11-09",
        100,
        &[10, 12, 18, 32, 28],
    );
    let v = scale_view(&[r]);
    let ltr = scale_chart(&m(), "c", &v, &[&v.releases[0]], false);
    let rtl = scale_chart(&m(), "c", &v, &[&v.releases[0]], true);
    let (l, r) = (svg(&ltr), svg(&rtl));
    assert_eq!(r.root_element().attribute("direction"), Some("rtl"));
    assert_eq!(l.root_element().attribute("direction"), None);
    let rects = |d: &roxmltree::Document<'_>| -> Vec<(f64, f64)> {
        d.descendants()
            .filter(|n| n.has_tag_name("rect"))
            .map(|n| (attr(&n, "x"), attr(&n, "width")))
            .collect()
    };
    for ((lx, lw), (rx, rw)) in rects(&l).iter().zip(rects(&r)) {
        assert!((lw - rw).abs() < 0.01);
        assert!(
            (320.0 - lx - lw - rx).abs() < 0.2,
            "{lx} {lw} mirrors to {rx}"
        );
    }
    let texts = |d: &roxmltree::Document<'_>| -> Vec<f64> {
        d.descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| attr(&n, "x"))
            .collect()
    };
    for (lx, rx) in texts(&l).iter().zip(texts(&r)) {
        assert!((320.0 - lx - rx).abs() < 0.2);
    }
}

#[test]
fn everything_fits_a_320_unit_view_box_and_long_labels_wrap() {
    let r = released(Rules::default(), "help", "2026-11-09", 40, &[30, 12, 8]);
    let qs = questions();
    let v = view(qs.get("help").unwrap(), &[r]);
    let chart = choice_chart(&m(), "c", &v, &[&v.releases[0]], false);
    let doc = svg(&chart);
    for n in doc.descendants().filter(|n| n.has_tag_name("rect")) {
        let (x, w) = (attr(&n, "x"), attr(&n, "width"));
        assert!(x >= 0.0 && x + w <= 320.0, "{x} + {w}");
    }
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.iter().all(|t| text_width(t) <= LINE_CHARS + 16));
    assert!(texts.contains(&"Time to talk things through with"));
    assert!(texts.contains(&"someone who knows the service well"));
    assert!(wrap(&"x".repeat(90))
        .iter()
        .all(|l| l.chars().count() <= LINE_CHARS));
    assert_eq!(wrap(""), vec![String::new()]);
    // Wide characters count twice.
    let wide = wrap(&"字".repeat(30));
    assert_eq!(
        wide.iter().map(|l| l.chars().count()).collect::<Vec<_>>(),
        [17, 13]
    );
}

#[test]
fn choice_bars_are_each_options_share_of_the_people_who_answered() {
    // Up to two answers each: 30 of 40 chose the first, 10 the second.
    let r = released(Rules::default(), "help", "2026-11-09", 40, &[30, 12, 8]);
    let qs = questions();
    let v = view(qs.get("help").unwrap(), &[r]);
    let chart = choice_chart(&m(), "c", &v, &[&v.releases[0]], false);
    let doc = svg(&chart);
    let widths: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| attr(&n, "width"))
        .collect();
    assert_eq!(widths.len(), 3);
    assert!((widths[0] - 0.75 * 210.0).abs() < 0.2 && (widths[1] - 0.25 * 210.0).abs() < 0.2);
    let section = question_section(&m(), "r", &v).into_string();
    assert!(section.contains("People could choose up to 2 answers"));
    assert!(section.contains("About 30 of 40 people chose “Time to talk"));
}

#[test]
fn the_plain_line_uses_published_figures_only() {
    let r = released(
        Rules::default(),
        "listened",
        "2026-11-09",
        100,
        &[10, 12, 18, 32, 28],
    );
    let v = scale_view(&[r]);
    assert_eq!(
        summary_line(&m(), &v, &v.releases[0]).as_deref(),
        Some("About 60 of 100 people said “Well” or “Very well”.")
    );
    // Exact counts 32 + 28 are 60 too: make them differ from the rounded
    // sum, which is what is shown.
    let r = released(
        Rules::default(),
        "listened",
        "2026-11-16",
        100,
        &[10, 12, 20, 31, 27],
    );
    let v = scale_view(&[r]);
    assert_eq!(
        summary_line(&m(), &v, &v.releases[0]).as_deref(),
        Some("About 55 of 100 people said “Well” or “Very well”.")
    );
}

#[test]
fn a_trend_draws_one_row_per_release_and_tables_them_all() {
    let releases = [
        released(
            exact(),
            "listened",
            "2026-11-02",
            100,
            &[10, 12, 18, 32, 28],
        ),
        released(exact(), "listened", "2026-11-09", 110, &[2, 18, 20, 32, 28]),
        released(exact(), "listened", "2026-11-16", 90, &[20, 20, 20, 20, 10]),
    ];
    let v = scale_view(&releases);
    let section = question_section(&m(), "r", &v).into_string();
    let doc = roxmltree::Document::parse(&section).unwrap();
    let charts: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("svg"))
        .collect();
    assert_eq!(charts.len(), 2, "the latest release, then the trend");
    let trend = charts[1];
    let ids: Vec<&str> = trend
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert_eq!(ids, ["t-q-r-listened-trend", "d-q-r-listened-trend"]);
    let desc = trend
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap();
    for r in &v.releases {
        assert!(desc.contains(&r.label), "{desc}");
    }
    assert!(desc.contains("Week of 2026-11-09: Very badly: fewer than 5; Badly: not shown"));
    // Three period labels in the chart, and three columns in the table.
    let labels = trend
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.text().is_some_and(|t| t.starts_with("Week of")))
        .count();
    assert_eq!(labels, 3);
    assert_eq!(
        section
            .matches("<th class=\"numeric\" scope=\"col\">Week of")
            .count(),
        3
    );
    assert!(
        section.contains("tabindex=\"0\""),
        "the wide table scrolls by keyboard"
    );
    assert!(section.contains("“Not shown” hides a number"));
}

#[test]
fn a_question_never_released_shows_nothing() {
    let v = scale_view(&[]);
    assert_eq!(question_section(&m(), "r", &v).into_string(), "");
}

proptest::proptest! {
    /// For any counts, with exact or rounded figures: every option that is
    /// hidden or withheld reads as words in the table and the description
    /// and has no bar; every other option has exactly one.
    #[test]
    fn no_chart_or_table_shows_a_hidden_answer_as_a_number(
        counts in proptest::collection::vec(0u64..30, 5),
        skipped in 0u64..8,
        base in proptest::sample::select(vec![1u32, 2, 5]),
    ) {
        let total = counts.iter().sum::<u64>() + skipped;
        let qs = questions();
        let q = qs.get("listened").unwrap();
        let c = QuestionCounts {
            total,
            respondents: counts.iter().sum(),
            options: q.options().iter().zip(&counts).map(|(o, n)| (o.id().to_string(), *n)).collect(),
        };
        let rules = Rules::new(5, base, 10).unwrap();
        let out = publish_question(&c, &rules, shape(q));
        // Rolled counts show nothing; proptest fails if most roll.
        proptest::prop_assume!(matches!(out, QuestionOutcome::Publish(_)));
        let QuestionOutcome::Publish(p) = out else {
            unreachable!()
        };
        let v = view(q, &[release(q, vec!["p".into()], "P".into(), p)]);
        let r = &v.releases[0];
        let chart = scale_chart(&m(), "c", &v, &[r], false);
        let doc = svg(&chart);
        let bars: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("height") == Some("24"))
            .map(|n| n.attribute("fill").unwrap().to_owned())
            .collect();
        let table = release_table(&m(), &v, r).into_string();
        let colours = scale_colours(5);
        for (i, o) in r.options.iter().enumerate() {
            let text = shown_text(&m(), &o.shown);
            let row = format!("<th scope=\"row\">{}</th><td class=\"numeric\">{text}</td>", o.label);
            proptest::prop_assert!(table.contains(&row), "{}", row);
            let drawn = bars.iter().filter(|b| *b == colours[i]).count();
            match o.shown {
                Shown::FewerThan(_) | Shown::Withheld => {
                    proptest::prop_assert!(text.parse::<u64>().is_err());
                    proptest::prop_assert_eq!(drawn, 0);
                }
                Shown::About(n) => proptest::prop_assert_eq!(drawn, usize::from(n > 0)),
                Shown::AlmostEveryone => proptest::prop_assert_eq!(drawn, 1),
            }
        }
    }
}
