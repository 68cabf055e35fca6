//! "Check your answers": what the person is about to send, shown back
//! before their code is spent. Two small forms carry the answers as hidden
//! fields: one sends them (`POST /r/{round}`), one goes back to change them.

use super::round::round_path;
use super::words::{self, Words};
use super::{layout_in, step};
use crate::domain::{Organisation, Round, Theme};
use crate::messages::{self, Messages};
use crate::views::FormValues;
use maud::{html, Markup};

fn hidden_fields(values: &FormValues, code: &str) -> Markup {
    html! {
        @for theme in &values.themes {
            input type="hidden" name="themes" value=(theme);
        }
        (hidden_except_themes(values, code))
    }
}

fn hidden_except_themes(values: &FormValues, code: &str) -> Markup {
    html! {
        input type="hidden" name="code" value=(code);
        input type="hidden" name="text" value=(values.text);
        @if values.quote_ok {
            input type="hidden" name="quote_ok" value="yes";
        }
    }
}

pub fn check_answers(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    values: &FormValues,
    code: &str,
    suggested: &[&Theme],
) -> Markup {
    let path = round_path(round);
    let chosen: Vec<&Theme> = round
        .themes
        .iter()
        .filter(|t| values.themes.iter().any(|v| v == t.slug().as_str()))
        .collect();
    let org_name = org.name.as_str();
    let labels: Vec<Words> = chosen.iter().map(|t| words::label(m, t)).collect();
    let path_check = format!("{path}/check");
    layout_in(
        m,
        None,
        &m.t("check-title"),
        false,
        html! {
            // The same answers in the other version (Easy Read or standard),
            // or in another language: buttons, because the answers travel
            // in the form, not the address.
            form.variant-form method="post" action=(m.toggle_href(&path_check)) accept-charset="utf-8" {
                (hidden_fields(values, code))
                input.link-button type="submit"
                    value=(if m.easy { m.t("standard-link") } else { m.t("easy-read-link") });
                div.languages role="group" aria-label=(m.t("language-switcher")) {
                    @for l in messages::language_list() {
                        @if l.tag != m.language() {
                            button.link-button type="submit" formaction=(m.href_in(&path_check, l.tag))
                                lang=(l.tag) dir=(l.dir) { (l.name) }
                        }
                    }
                }
            }
            span.caption { bdi { (words::round_title(m, round)) } }
            h1 { (m.t("check-title")) }
            (step(m, "receipt", html! { p { (m.t("check-not-sent")) } }))
            dl.summary {
                div.summary-row {
                    dt { (m.t("code-label")) }
                    dd.summary-code dir="ltr" { (code) }
                }
                div.summary-row {
                    dt { (m.t("themes-legend")) }
                    dd { ul.summary-list { @for label in &labels { li { (label) } } } }
                }
                div.summary-row {
                    dt { (m.f("text-label", &[("org", org_name.into())])) }
                    dd.summary-text dir="auto" { (values.text) }
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
                (hidden_except_themes(values, code))
                @if suggested.is_empty() {
                    @for theme in &values.themes {
                        input type="hidden" name="themes" value=(theme);
                    }
                } @else {
                    // The themes to send: the person's own, ticked, and the
                    // ones the words suggest, unticked. They decide.
                    div.form-group {
                        fieldset.fieldset aria-describedby="suggested-hint" {
                            legend.fieldset-legend { (m.t("check-themes-legend")) }
                            div #suggested-hint .hint { (m.t("check-suggested-hint")) }
                            div.checkboxes {
                                @for theme in &chosen {
                                    (theme_box(m, theme, true, None))
                                }
                                @for theme in suggested {
                                    (theme_box(m, theme, false, Some(m.t("check-suggested"))))
                                }
                            }
                        }
                    }
                }
                input.button type="submit" value=(m.t("check-confirm"));
            }
            form method="post" action=(m.href(&format!("{path}/check?change=yes"))) accept-charset="utf-8" {
                (hidden_fields(values, code))
                input.button.button-secondary type="submit" value=(m.t("check-change"));
            }
        },
    )
}

fn theme_box(m: &Messages, theme: &Theme, checked: bool, note: Option<String>) -> Markup {
    let id = format!("confirm-{}", theme.slug());
    let hint_id = format!("{id}-hint");
    html! {
        div.checkbox {
            input #(id) .checkbox-input type="checkbox" name="themes" value=(theme.slug())
                checked[checked] aria-describedby=[note.is_some().then_some(&hint_id)];
            label.checkbox-label for=(id) { (words::label(m, theme)) }
            @if let Some(note) = note {
                div.hint.checkbox-hint id=(hint_id) { (note) }
            }
        }
    }
}
