//! "Check your answers": what the person is about to send, shown back
//! before their code is spent. Small forms carry the answers as hidden
//! fields: one sends them (`POST /r/{round}`), one goes back to change them,
//! and one shows this page in the other version (Easy Read or standard).
//!
//! Each chosen theme appears once, in the summary; themes the words
//! suggest are offered below it, unticked, to add.

use super::answering::chosen_words;
use super::round::{hidden_answers, round_path, theme_words, variant_switch};
use super::words::{self, Words};
use super::{layout_in, step};
use crate::domain::{field_name, Organisation, Round, Theme};
use crate::messages::Messages;
use crate::views::FormValues;
use maud::{html, Markup};

pub fn check_answers(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    values: &FormValues,
    suggested: &[&Theme],
) -> Markup {
    let path = round_path(round);
    let org_name = org.name.as_str();
    let labels: Vec<Words> = round
        .themes
        .iter()
        .filter(|t| values.themes.iter().any(|v| v == t.slug().as_str()))
        .map(|t| theme_words(m, t).0)
        .collect();
    let answers = hidden_answers(values, &Vec::new());
    let change = m.href(&format!("{path}/check?change=yes"));
    let questions = chosen_words(m, round, &values.answers);
    layout_in(
        m,
        None,
        &m.t("check-title"),
        false,
        html! {
            (variant_switch(m, &format!("{path}/check"), answers.clone()))
            span.caption { bdi { (words::round_title(m, round)) } }
            h1 { (m.t("check-title")) }
            (step(m, "receipt", html! { p { (m.t("check-not-sent")) } }))
            dl.summary {
                div.summary-row {
                    dt { (m.t("code-label")) }
                    dd.summary-code dir="ltr" { (values.code) }
                }
                // Each question's answer, with a button of the "change"
                // form below that comes back to it (no script: the
                // button's `form` attribute).
                @for (q, chosen) in &questions {
                    div.summary-row {
                        dt dir="auto" { (words::host(m, q.prompt())) }
                        dd {
                            @if chosen.is_empty() {
                                (m.t("check-not-answered"))
                            } @else {
                                ul.summary-list { @for w in chosen { li dir="auto" { (w) } } }
                            }
                        }
                        dd.summary-change {
                            button.link-button type="submit" form="change"
                                formaction=(format!("{change}#{}", field_name(q.id()))) {
                                (m.t("check-change-answer"))
                                span.visually-hidden { " " (words::host(m, q.prompt())) }
                            }
                        }
                    }
                }
                div.summary-row {
                    dt { (m.t("themes-legend")) }
                    dd { ul.summary-list { @for label in &labels { li { (label) } } } }
                }
                div.summary-row {
                    dt { (m.f("text-label", &[("org", org_name.into())])) }
                    dd.summary-text { (values.text) }
                }
                div.summary-row {
                    dt { (m.f("check-quote", &[("org", org_name.into())])) }
                    dd {
                        @if values.quote_ok {
                            (m.f("check-quote-yes", &[("org", org_name.into())]))
                        } @else {
                            (m.f("check-quote-no", &[("org", org_name.into())]))
                        }
                    }
                }
            }
            h2 { (m.t("check-send-title")) }
            (step(m, "send", html! { p { (m.t("check-send-now")) } }))
            form method="post" action=(m.href(&path)) accept-charset="utf-8" {
                (answers)
                @if !suggested.is_empty() {
                    // Themes the words suggest, unticked: the person decides.
                    div.form-group {
                        fieldset.fieldset aria-describedby="suggested-hint" {
                            legend.fieldset-legend { (m.t("check-themes-also")) }
                            div #suggested-hint .hint { (m.t("check-also-hint")) }
                            div.checkboxes {
                                @for theme in suggested {
                                    (theme_box(m, theme))
                                }
                            }
                        }
                    }
                }
                input.button type="submit" value=(m.t("check-confirm"));
            }
            form #change method="post" action=(change) accept-charset="utf-8" {
                (hidden_answers(values, &Vec::new()))
                input.button.button-secondary type="submit" value=(m.t("check-change"));
            }
        },
    )
}

fn theme_box(m: &Messages, theme: &Theme) -> Markup {
    let id = format!("confirm-{}", theme.slug());
    let (label, _) = theme_words(m, theme);
    html! {
        div.checkbox {
            input #(id) type="checkbox" name="themes" value=(theme.slug());
            label for=(id) { (label) }
        }
    }
}
