//! What is published beside a digest, as staff handle it: the quote
//! moderation queue (moderators), recurring "Something else" phrases and
//! their promotion to a theme (coordinators), and the organisation's own
//! space to answer its digest (organisation users).

use super::{csrf, notice, page, select, text_area, Errors, Frame};
use crate::domain::Translations;
use maud::{html, Markup};

/// A quote waiting for a decision, as the moderator sees it: scrubbed text
/// only, with where each removal's placeholder sits (byte ranges).
pub struct PendingQuote {
    pub id: String,
    /// The round's title and the period's name ("Week 48 of 2026 (…)").
    pub round: String,
    pub period: String,
    /// The themes' labels.
    pub themes: Vec<String>,
    pub text: String,
    /// (start, end, what was removed), byte ranges in `text`.
    pub removed: Vec<(usize, usize, String)>,
}

/// `text` with each removed part marked, for sight and for screen readers.
fn highlighted(text: &str, removed: &[(usize, usize, String)]) -> Markup {
    let mut parts: Vec<(bool, &str, &str)> = Vec::new();
    let mut at = 0;
    let mut ranges: Vec<&(usize, usize, String)> = removed.iter().collect();
    ranges.sort_by_key(|r| r.0);
    for (start, end, what) in ranges {
        let ok = *start >= at
            && end <= &text.len()
            && text.is_char_boundary(*start)
            && text.is_char_boundary(*end);
        if !ok {
            continue;
        }
        parts.push((false, &text[at..*start], ""));
        parts.push((true, &text[*start..*end], what.as_str()));
        at = *end;
    }
    parts.push((false, &text[at..], ""));
    html! {
        @for (marked, t, what) in parts {
            @if marked {
                mark { span.visually-hidden { "[removed " (what) ": " } (t) span.visually-hidden { "]" } }
            } @else { (t) }
        }
    }
}

/// The first few words of a quote, to name its region and buttons.
fn snippet(text: &str) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words[..words.len().min(WORDS)].join(" ");
    if words.len() > WORDS {
        out.push('…');
    }
    out
}

pub fn moderation(
    frame: &Frame,
    quotes: &[PendingQuote],
    reasons: &[(String, String)],
    values: &[(String, String)],
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    let mut reason_options = vec![(String::new(), "Choose a reason".to_owned())];
    reason_options.extend(reasons.iter().cloned());
    page(
        Some(frame),
        "Quotes to moderate",
        errors,
        html! {
            (notice(done))
            h1 { "Quotes to moderate" }
            p { "These critiques' writers said they may be quoted, and each is about a theme shown in a published digest. \
                You see the text only after automatic scrubbing: each marked part is a placeholder where something that \
                could identify someone was removed. You never see the original, and nothing here says who wrote it." }
            p { "Approve a quote as shown, approve it with your edits (scrubbed again), or reject it with a reason." }
            @if quotes.is_empty() {
                p { "No quotes are waiting." }
            }
            @for q in quotes {
                @let text_id = format!("text-{}", q.id);
                @let reason_id = format!("reason-{}", q.id);
                // Each region and button is named by the start of its own
                // quote, so a screen reader's list of them tells them apart.
                @let name = snippet(&q.text);
                section.inset aria-labelledby=(format!("quote-{}", q.id)) {
                    h2 id=(format!("quote-{}", q.id)) { "“" (name) "”" }
                    p { (q.round) ", " (q.period) }
                    p { "Themes: " (q.themes.join(", ")) }
                    blockquote.quote { p { (highlighted(&q.text, &q.removed)) } }
                    form method="post" action=(format!("/console/moderation/{}", q.id)) {
                        (csrf(frame))
                        input type="hidden" name="decision" value="approve";
                        button.button type="submit" { "Approve as shown" span.visually-hidden { ": “" (name) "”" } }
                    }
                    form method="post" action=(format!("/console/moderation/{}", q.id)) novalidate {
                        (csrf(frame))
                        input type="hidden" name="decision" value="edit";
                        @let typed = super::value(values, &text_id);
                        (text_area(&text_id, "Edited text", Some("Your edit is scrubbed again before it is published."),
                            if typed.is_empty() { q.text.as_str() } else { typed }, errors))
                        button.button.button-secondary type="submit" { "Approve with edits" span.visually-hidden { ": “" (name) "”" } }
                    }
                    form method="post" action=(format!("/console/moderation/{}", q.id)) novalidate {
                        (csrf(frame))
                        input type="hidden" name="decision" value="reject";
                        (select(&reason_id, "Reason for rejecting", &reason_options, super::value(values, &reason_id), errors))
                        button.button.button-secondary type="submit" { "Reject" span.visually-hidden { ": “" (name) "”" } }
                    }
                }
            }
        },
    )
}

/// A recurring phrase in the round's "Something else" critiques.
pub struct PhraseGroup {
    pub label: String,
    /// Banded: "5-9", "10-19", …
    pub texts: String,
    /// Wordings, each with the lower end of its band.
    pub variants: Vec<(String, u64)>,
}

#[allow(clippy::too_many_arguments)]
pub fn keyphrases(
    frame: &Frame,
    round_slug: &str,
    round_title: &str,
    k: u32,
    periods: &[String],
    groups: &[PhraseGroup],
    targets: &[(String, String)],
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    page(
        Some(frame),
        "Recurring phrases",
        errors,
        html! {
            (notice(done))
            span.caption { a href=(format!("/console/rounds/{round_slug}")) { (round_title) } }
            h1 { "Recurring phrases in “Something else”" }
            p { "Phrases that recur in critiques filed under “Something else”, in this round's published periods whose texts \
                are still kept (" (periods.len()) " periods). Only phrases found in at least " (k)
                " different critiques are shown, after scrubbing, with their counts in bands; the open period and periods \
                held back are never read." }
            p { "Promote a phrase to a theme of a round: themes can always be added, even to an open round." }
            @if groups.is_empty() {
                p { "No phrase recurs often enough yet." }
            }
            @for (i, g) in groups.iter().enumerate() {
                @let target_id = format!("target-{i}");
                section.inset {
                    h2 { "“" (g.label) "”" }
                    p { "In " (g.texts) " critiques." }
                    @if g.variants.len() > 1 {
                        p { "Also worded as: " (g.variants.iter().skip(1).map(|(v, n)| format!("“{v}” ({n} or more)")).collect::<Vec<_>>().join(", ")) }
                    }
                    form method="post" action="/console/themes" novalidate {
                        (csrf(frame))
                        input type="hidden" name="label" value=(g.label);
                        input type="hidden" name="from" value=(round_slug);
                        @let error = errors.iter().find(|(f, _)| *f == target_id).map(|(_, m)| m);
                        div.form-group.form-group-error[error.is_some()] {
                            label.label for=(target_id) { "Add as a theme of" }
                            @if let Some(e) = error { p.error-message id=(format!("{target_id}-error")) { span.visually-hidden { "Error: " } (e) } }
                            select.input id=(target_id) name="round" aria-describedby=[error.map(|_| format!("{target_id}-error"))] {
                                @for (v, text) in targets { option value=(v) selected[v == round_slug] { (text) } }
                            }
                        }
                        button.button.button-secondary type="submit" { "Promote to a theme" span.visually-hidden { ": " (g.label) } }
                    }
                }
            }
        },
    )
}

/// One theme of a published period, as the organisation answers it.
pub struct SpaceTheme {
    pub slug: String,
    pub label: String,
    /// The published figure ("12", "fewer than 5", …).
    pub figure: String,
    /// Shown as a number or "almost everyone": only these get a response
    /// box (a "fewer than" group may be one or two people).
    pub shown: bool,
    /// Approved quotes on this theme, in this release.
    pub quotes: Vec<String>,
    pub response: Option<String>,
    /// The current response's translations, by language tag.
    pub translations: Translations,
}

/// One of the organisation's pledges.
pub struct SpacePledge {
    pub id: String,
    pub theme: String,
    pub text: String,
    pub translations: Translations,
    pub status: String,
    /// Earlier statuses, oldest first, each with its period.
    pub history: Vec<String>,
}

/// One published period of one round.
pub struct SpaceRelease {
    pub round: String,
    pub round_title: String,
    pub period: String,
    pub label: String,
    /// What changed, in one paragraph (as the public digest says it).
    pub summary: String,
    pub themes: Vec<SpaceTheme>,
    pub pledges: Vec<SpacePledge>,
    /// Where it stands on the public record of answering (issue 21).
    pub standing: Option<String>,
}

#[allow(clippy::too_many_arguments)]
pub fn space(
    frame: &Frame,
    org_slug: &str,
    org_name: &str,
    releases: &[SpaceRelease],
    statuses: &[(String, String)],
    values: &[(String, String)],
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    page(
        Some(frame),
        &format!("Your digest and answers: {org_name}"),
        errors,
        html! {
            (notice(done))
            span.caption { "Your organisation" }
            h1 { (org_name) }
            p { "Your digest, period by period, and your answers to it. Responses and pledges are published beside the \
                digest at " a href=(format!("/o/{org_slug}")) { "/o/" (org_slug) } " as soon as you save them. \
                Nobody, here or anywhere, can see who wrote which comment." }
            p { a href="/console/space/download.csv" download { "Download your digest, responses and pledges (CSV)" } }
            @if releases.is_empty() {
                p { "No period has been published yet." }
            }
            @for r in releases {
                @let key = format!("{}-{}", r.round, r.period);
                section {
                    h2 { (r.round_title) ": " (r.label) }
                    @if let Some(standing) = &r.standing {
                        p.inset { (standing) " " a href=(format!("/o/{org_slug}/record")) { "The public record" } }
                    }
                    h3 { "What changed" }
                    p { (r.summary) }
                    (super::wide_table("What people said", html! { table.table {
                        caption.table-caption { "What people said" }
                        thead { tr { th scope="col" { "Theme" } th.numeric scope="col" { "Comments" } } }
                        tbody {
                            @for t in &r.themes {
                                tr { th scope="row" { (t.label) } td.numeric { (t.figure) } }
                            }
                        }
                    } }))
                    h3 { "Your responses" }
                    p.hint { "One box for each theme shown with a number. A theme raised by too few people to show has \
                        no box: answering it could point at the few who raised it." }
                    @for t in r.themes.iter().filter(|t| t.shown) {
                        @let id = format!("response-{key}-{}", t.slug);
                        div.inset {
                            h4 { (t.label) " – " (t.figure) }
                            @if !t.quotes.is_empty() {
                                p.hint { "What people said (approved quotes):" }
                                @for q in &t.quotes { blockquote.quote { p { (q) } } }
                            }
                            form method="post" action="/console/space/responses" novalidate {
                                (csrf(frame))
                                input type="hidden" name="round" value=(r.round);
                                input type="hidden" name="period" value=(r.period);
                                input type="hidden" name="theme" value=(t.slug);
                                @let typed = super::value(values, &id);
                                (text_area(&id, &format!("Response on “{}”", t.label), None,
                                    if typed.is_empty() { t.response.as_deref().unwrap_or("") } else { typed }, errors))
                                (in_other_languages(&id, &format!("Response on “{}”", t.label), &t.translations, values, errors))
                                button.button.button-secondary type="submit" { "Publish response" span.visually-hidden { " on " (t.label) } }
                            }
                        }
                    }
                    h3 { "Your pledges" }
                    @if r.pledges.is_empty() { p { "No pledges yet for this period." } }
                    @for p in &r.pledges {
                        @let status_id = format!("status-{}", p.id);
                        @let reason_id = format!("reason-{}", p.id);
                        div.inset {
                            p { strong { (p.theme) } ": " (p.text) }
                            @for (tag, text) in &p.translations {
                                p.hint { (tag) ": " span lang=(tag) dir=(crate::messages::direction(tag)) { (text) } }
                            }
                            p { "Now: " (p.status) }
                            @if !p.history.is_empty() { p.hint { "Before: " (p.history.join("; ")) } }
                            form method="post" action=(format!("/console/space/pledges/{}", p.id)) novalidate {
                                (csrf(frame))
                                (select(&status_id, "New status", statuses, super::value(values, &status_id), errors))
                                (super::text_field(&reason_id, "Reason (needed when dropping a pledge)", None, "text", super::value(values, &reason_id), errors, "off"))
                                button.button.button-secondary type="submit" { "Update pledge" }
                            }
                        }
                    }
                    @let theme_id = format!("pledge-theme-{key}");
                    @let text_id = format!("pledge-text-{key}");
                    @let themes: Vec<(String, String)> = r.themes.iter().filter(|t| t.shown).map(|t| (t.slug.clone(), t.label.clone())).collect();
                    form method="post" action="/console/space/pledges" novalidate {
                        (csrf(frame))
                        input type="hidden" name="round" value=(r.round);
                        input type="hidden" name="period" value=(r.period);
                        (select(&theme_id, "Pledge on theme", &themes, super::value(values, &theme_id), errors))
                        (text_area(&text_id, "What you pledge to do", None, super::value(values, &text_id), errors))
                        (in_other_languages(&text_id, "What you pledge to do", &Translations::new(), values, errors))
                        button.button type="submit" { "Add pledge" }
                    }
                }
            }
        },
    )
}

/// The field `id`'s words in each other shipped language (`{id}-{tag}`),
/// optional, typed in the language's own direction; open when any is
/// given or has a problem.
fn in_other_languages(
    id: &str,
    label: &str,
    stored: &Translations,
    values: &[(String, String)],
    errors: &Errors,
) -> Markup {
    let others: Vec<_> = crate::messages::language_list()
        .iter()
        .filter(|l| l.tag != crate::messages::DEFAULT_LANGUAGE)
        .collect();
    let field_of = |tag: &str| format!("{id}-{tag}");
    let open = !stored.is_empty()
        || others.iter().any(|l| {
            let f = field_of(l.tag);
            !super::value(values, &f).is_empty() || errors.iter().any(|(e, _)| *e == f)
        });
    html! {
        details.details open[open] {
            summary { "In other languages (optional)" }
            p.hint { "Readers who chose one of these languages see these words instead of the English; \
                leave one empty and they see the English." }
            @for l in &others {
                @let f = field_of(l.tag);
                @let typed = super::value(values, &f);
                @let shown = if values.is_empty() { stored.get(l.tag).map_or("", String::as_str) } else { typed };
                (super::field_in((&f, &format!("{label} in {} ({})", l.name, l.tag), None), shown, (l.tag, l.dir, true), errors))
            }
        }
    }
}
