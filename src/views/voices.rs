//! The optional "about you" form (offered after sending, unlinked), and
//! what the digest shows beside its themes: quotes, the organisation's
//! responses and pledges, and the "about you" totals.

use super::words;
use super::{error_summary_in, layout_in, step};
use crate::digest::disclosure::Figure;
use crate::digest::voices::{PeriodVoices, PledgeStatus, QUESTIONS, SKIPPED};
use crate::domain::{words_in, Organisation, Round, Theme, Translations};
use crate::messages::Messages;
use maud::{html, Markup};
use std::collections::BTreeMap;

/// The form field of the "about you" code.
pub const CODE: &str = "about_code";

/// The address of the "about you" form of `round`.
pub fn about_you_path(round: &Round) -> String {
    format!("/r/{}/about-you", round.slug)
}

/// The way to "about you" on the confirmation page: the one-time code,
/// readable so the person can come back with it, and a button that opens
/// the form carrying it in a hidden field (never in an address: addresses
/// reach logs). The invitation page's script fills in `code` (empty here).
pub fn about_you_offer(m: &Messages, round: &Round, code: &str) -> Markup {
    let path = about_you_path(round);
    html! {
        p { (m.t("about-link-lead")) }
        p { (m.t("about-code")) br; strong #about-code-shown .code-shown dir="ltr" { (code) } }
        p { (m.f("about-code-hint", &[("period", super::round::period_noun(m, round).into())])) }
        form method="post" action=(m.href(&format!("{path}?show=yes"))) accept-charset="utf-8" {
            input #about-code-carried type="hidden" name="about_code" value=(code);
            input.button type="submit" value=(m.t("about-link"));
        }
    }
}

fn option_label(m: &Messages, question: &str, option: &str) -> String {
    match option {
        "prefer_not" => m.t("about-prefer_not"),
        "yes" => m.t("about-yes"),
        "no" => m.t("about-no"),
        SKIPPED => m.t("voices-not-answered"),
        _ => m.t(&format!("about-{question}-{option}")),
    }
}

/// A question's figures in the order the form asks them ("Under 18"
/// first, "Not answered" last), not in the map's alphabetical order.
fn in_form_order<'a, F>(
    question: &str,
    figures: &'a BTreeMap<String, F>,
) -> Vec<(&'a String, &'a F)> {
    let order: &[&str] = QUESTIONS
        .iter()
        .find(|(q, _)| *q == question)
        .map_or(&[], |(_, options)| *options);
    let rank = |o: &str| order.iter().position(|x| *x == o).unwrap_or(order.len());
    let mut out: Vec<_> = figures.iter().collect();
    out.sort_by_key(|(o, _)| (o.as_str() == SKIPPED, rank(o)));
    out
}

/// The form. `code`: the "about you" code as typed or carried from the
/// confirmation page; `values`: what was chosen (question → answer), kept
/// when the form comes back with errors; `errors`: (question, or
/// `about_code`, and message) for each field with a problem.
pub fn about_you_form(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    code: &str,
    values: &BTreeMap<String, String>,
    errors: &[(&str, String)],
) -> Markup {
    let path = about_you_path(round);
    // With a code or after a problem, the switch to the other version
    // carries the code, the choices and the problems (`switch=yes` stores
    // nothing).
    let fresh = code.is_empty() && values.is_empty() && errors.is_empty();
    let code_error = errors
        .iter()
        .find(|(f, _)| *f == CODE)
        .map(|(_, e)| e.as_str());
    let body = html! {
        @if !fresh {
            (super::round::variant_switch(m, &format!("{path}?switch=yes"), html! {
                input type="hidden" name=(CODE) value=(code);
                @for (question, answer) in values {
                    input type="hidden" name=(question) value=(answer);
                }
                @for (question, _) in errors {
                    input type="hidden" name="error" value=(question);
                }
            }))
        }
        (error_summary_in(m, errors))
        span.caption { (org.name) }
        h1 { (m.t("about-title")) }
        p.lead { (m.f("about-lead", &[("org", org.name.as_str().into())])) }
        (step(m, "anonymous", html! { p { (m.t("about-unlinked")) } }))
        p { (m.t("about-skip")) }
        p { (m.f("about-mixed", &[
            ("period", super::round::period_noun(m, round).into()),
        ])) }
        p { (m.f("about-shown", &[("org", org.name.as_str().into()), ("k", round.min_group.get().into())])) }
        form method="post" action=(m.href(&path)) accept-charset="utf-8" novalidate {
            div.form-group.(if code_error.is_some() { "form-group-error" } else { "" }) {
                label.label for=(CODE) { (m.t("about-code")) }
                div #about_code-hint .hint { (m.t("about-code-form-hint")) }
                @if let Some(message) = code_error {
                    p.error-message #about_code-error {
                        span.visually-hidden { (m.t("error-hidden-prefix")) " " }
                        (message)
                    }
                }
                input #about_code .input.input-code.input-error[code_error.is_some()]
                    type="text" name=(CODE) value=(code) autocomplete="off" spellcheck="false" dir="ltr"
                    autocapitalize="characters"
                    aria-describedby=(if code_error.is_some() { "about_code-hint about_code-error" } else { "about_code-hint" });
            }
            @for (question, options) in QUESTIONS {
                @let message = errors.iter().find(|(q, _)| *q == question).map(|(_, e)| e.as_str());
                @let error = message.is_some();
                div.form-group.(if error { "form-group-error" } else { "" }) {
                    fieldset.fieldset aria-describedby=[error.then(|| format!("{question}-error"))] {
                        legend.legend { (m.t(&format!("about-{question}-legend"))) }
                        @if question == "ethnicity" {
                            div.hint { (m.t("about-ethnicity-hint")) }
                        }
                        @if error {
                            p.error-message id=(format!("{question}-error")) {
                                span.visually-hidden { (m.t("error-hidden-prefix")) " " }
                                (message.unwrap_or_default())
                            }
                        }
                        div.checkboxes {
                            @for (i, option) in options.iter().enumerate() {
                                @let id = if i == 0 { question.to_string() } else { format!("{question}-{option}") };
                                div.checkbox {
                                    input #(id) type="radio" name=(question) value=(option)
                                        checked[values.get(question).is_some_and(|v| v == option)];
                                    label for=(id) { (option_label(m, question, option)) }
                                }
                            }
                        }
                    }
                }
            }
            input.button type="submit" value=(m.t("about-send"));
        }
    };
    layout_in(
        m,
        fresh.then_some(path.as_str()),
        &m.t("about-title"),
        !errors.is_empty(),
        body,
    )
}

pub fn about_you_thanks(m: &Messages, org: &Organisation, round: &Round) -> Markup {
    let path = about_you_path(round);
    layout_in(
        m,
        Some(&path),
        &m.t("about-thanks-title"),
        false,
        html! {
            div.panel {
                h1 { (m.t("about-thanks-title")) }
                p { (m.t("about-thanks-body")) }
            }
            p { (m.f("about-shown", &[("org", org.name.as_str().into()), ("k", round.min_group.get().into())])) }
        },
    )
}

/// The themes an organisation answered (a response or a pledge).
fn answered(v: &PeriodVoices) -> Vec<&str> {
    let mut slugs: Vec<&str> = v
        .responses
        .iter()
        .map(|r| r.theme.as_str())
        .chain(v.pledges.iter().map(|p| p.theme.as_str()))
        .collect();
    slugs.sort_unstable();
    slugs.dedup();
    slugs
}

fn figure(m: &Messages, f: &Figure) -> String {
    match f {
        Figure::FewerThan(k) => m.f("voices-fewer-than", &[("k", (*k).into())]),
        Figure::About(n) => m.f("voices-about", &[("n", m.number(*n).into())]),
        Figure::AlmostEveryone => m.t("voices-almost-everyone"),
    }
}

fn status(m: &Messages, s: PledgeStatus) -> String {
    let key = match s {
        PledgeStatus::Planned => "voices-status-planned",
        PledgeStatus::InProgress => "voices-status-in_progress",
        PledgeStatus::Done => "voices-status-done",
        PledgeStatus::Dropped => "voices-status-dropped",
    };
    m.t(key)
}

/// An organisation's words for the reader: in the reader's language when
/// it gave them, else in English, marked as English (`lang`, `dir`) on a
/// page in another language; isolated either way, whole, never mixed
/// with the page's words in one phrase.
fn own_words(m: &Messages, text: &str, translations: &Translations) -> Markup {
    let (words, language) = words_in(text, translations, m.language());
    let foreign = language != m.language();
    html! {
        bdi lang=[foreign.then_some(language)] dir=[foreign.then(|| crate::messages::direction(language))] { (words) }
    }
}

/// What the digest shows beside its themes, per published period:
/// responses and pledges per theme, quotes, and the "about you" totals
/// (`themes`: the round's, to name them; `weeks`: its period length).
/// Words the organisation and the participants wrote keep their own
/// direction (`dir="auto"`).
pub fn beside_digest<'a>(
    m: &Messages,
    voices: impl IntoIterator<Item = &'a PeriodVoices>,
    themes: &[Theme],
    weeks: u8,
) -> Markup {
    let label = |slug: &str| words::label_of(m, themes, slug, slug);
    let name = |period: &str| super::digest::period_label(m, &[period.to_owned()], weeks);
    html! {
        @for v in voices {
            @let any = !v.quotes.is_empty() || !v.responses.is_empty() || !v.pledges.is_empty() || v.about_you.is_some();
            @if any {
                @let release = name(&v.period);
                section.voices {
                    h3 { (m.f("voices-title", &[("period", release.as_str().into())])) }
                    @for slug in &answered(v) {
                        h4 { (label(slug)) }
                        @for r in v.responses.iter().filter(|r| r.theme == *slug) {
                            p { strong { (m.t("voices-response")) } " " (own_words(m, &r.text, &r.translations)) }
                            @if r.versions.len() > 1 {
                                p.hint { (m.f("voices-changed", &[("times", (r.versions.len() - 1).into())])) }
                            }
                        }
                        @for p in v.pledges.iter().filter(|p| p.theme == *slug) {
                            div.pledge {
                                p { strong { (m.t("voices-pledge")) } " " (own_words(m, &p.text, &p.translations)) }
                                ol {
                                    @for c in &p.history {
                                        li {
                                            (m.f("voices-pledge-step", &[
                                                ("status", status(m, c.status).into()),
                                                ("period", super::digest::date_text(m, &c.period).into()),
                                            ]))
                                            @if let Some(reason) = &c.reason { ": " (own_words(m, reason, &Translations::new())) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    @if !v.quotes.is_empty() {
                        h4 { (m.t("voices-quotes-title")) }
                        p.hint { (m.t("voices-quotes-checked-hint")) }
                        @for q in &v.quotes {
                            figure.quote {
                                blockquote dir="auto" { p { (q.text) } }
                                figcaption {
                                    @for t in &q.themes { (label(t)) (m.t("list-separator")) }
                                    (release)
                                }
                            }
                        }
                    }
                    @if let Some(a) = &v.about_you {
                        h4 { (m.t("voices-about-title")) }
                        p { (m.f("voices-about-respondents", &[
                            ("total", super::digest::band_text(m, a.respondents.low, a.respondents.high).into()),
                            ("k", a.k.into()),
                        ])) }
                        @for (question, figures) in &a.questions {
                            table.table {
                                caption.table-caption { (m.t(&format!("about-{question}-legend"))) }
                                thead { tr { th scope="col" { (m.t("voices-answer")) } th.numeric scope="col" { (m.t("voices-people")) } } }
                                tbody {
                                    @for (option, f) in in_form_order(question, figures) {
                                        tr { th scope="row" { (option_label(m, question, option)) } td.numeric { (figure(m, f)) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
