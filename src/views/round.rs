//! The participant's form and the confirmation with their receipt.
//!
//! The form opens with "information in advance": what happens to a
//! critique, who sees what and when (the period and the minimum group), all
//! before any input is asked for.

use super::{error_summary_in, layout_in, step, words};
use crate::domain::{Organisation, Receipt, Round, MAX_THEMES};
use crate::messages::Messages;
use maud::{html, Markup};

/// The code printed in the hint, as on a card.
const EXAMPLE_CODE: &str = "7KQ2-M9XD-4RT5";

/// What the person typed, kept when the form is shown again (never the code).
#[derive(Debug, Default, Clone)]
pub struct FormValues {
    pub themes: Vec<String>,
    pub text: String,
    pub quote_ok: bool,
}

/// Problems to show, as (field id, message), in the order of the form.
pub type FormErrors = Vec<(&'static str, String)>;

fn field_error(errors: &FormErrors, field: &str) -> Option<String> {
    errors
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, m)| m.clone())
}

/// "week", or "4-week period", in the page's words.
pub(super) fn period_noun(m: &Messages, round: &Round) -> String {
    m.f("period-noun", &[("weeks", round.period.weeks().into())])
}

/// The round's address.
pub(super) fn round_path(round: &Round) -> String {
    format!("/r/{}", round.slug)
}

fn error_message(m: &Messages, e: &str) -> Markup {
    html! {
        span.visually-hidden { (m.t("error-hidden-prefix")) " " } (e)
    }
}

/// "Before you start": what happens, who sees what, and when.
pub(super) fn information_in_advance(m: &Messages, org: &Organisation, round: &Round) -> Markup {
    let org_name = org.name.as_str();
    html! {
        div.inset {
            h2 { (m.t("before-title")) }
            ul.before {
                li { (step(m, "anonymous", html! { (m.t("before-no-name")) })) }
                li { (step(m, "group", html! { (m.f("before-who-sees", &[("org", org_name.into())])) })) }
                li { (step(m, "calendar", html! {
                    (m.f("before-when", &[
                        ("period", period_noun(m, round).into()),
                        ("k", round.min_group.get().into()),
                    ]))
                })) }
                li { (m.t("before-names")) }
                li { (m.t("before-once")) }
            }
        }
    }
}

pub fn round_form(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    values: &FormValues,
    errors: &FormErrors,
) -> Markup {
    round_form_with_code(m, org, round, values, "", errors)
}

/// The form with the code filled in: only after "Change your answers" on
/// the check page, where the person has just typed it.
pub fn round_form_with_code(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    values: &FormValues,
    code: &str,
    errors: &FormErrors,
) -> Markup {
    let code_error = field_error(errors, "code");
    let themes_error = field_error(errors, "themes");
    let text_error = field_error(errors, "text");
    let org_name = org.name.as_str();
    let path = round_path(round);
    let title = words::round_title(m, round);
    let body = html! {
        (error_summary_in(m, &errors.iter().map(|(f, e)| (*f, e.clone())).collect::<Vec<_>>()))
        span.caption { bdi { (org.name) } }
        h1 { bdi { (title) } }
        @if let Some(description) = words::round_description(m, round) {
            p.lead dir="auto" { (description) }
        }
        (information_in_advance(m, org, round))
        ul.other-ways {
            li { a href=(m.href(&format!("{path}/paper"))) { (m.t("form-paper")) } }
            li { a href=(m.href("/helping")) { (m.t("form-helping")) } }
        }
        form method="post" action=(m.href(&format!("{path}/check"))) accept-charset="utf-8" novalidate {
            div.form-group.(if code_error.is_some() { "form-group-error" } else { "" }) {
                (step(m, "card", html! {
                    label.label for="code" { (m.t("code-label")) }
                    div #code-hint .hint { (super::with_code(m, "code-hint", EXAMPLE_CODE)) }
                    @if let Some(e) = &code_error {
                        p #code-error .error-message { (error_message(m, e)) }
                    }
                    input #code .input.input-code.(if code_error.is_some() { "input-error" } else { "" })
                        name="code" type="text" value=(code) autocomplete="off" spellcheck="false" dir="ltr"
                        autocapitalize="characters"
                        aria-describedby=(if code_error.is_some() { "code-hint code-error" } else { "code-hint" });
                }))
            }
            div.form-group.(if themes_error.is_some() { "form-group-error" } else { "" }) {
                fieldset.fieldset aria-describedby=(if themes_error.is_some() { "themes-hint themes-error" } else { "themes-hint" }) {
                    legend.legend { (m.t("themes-legend")) }
                    (step(m, "themes", html! {
                        div #themes-hint .hint { (m.f("themes-hint", &[("max", MAX_THEMES.into())])) }
                    }))
                    @if let Some(e) = &themes_error {
                        p #themes-error .error-message { (error_message(m, e)) }
                    }
                    div.checkboxes {
                        @for (i, theme) in round.themes.iter().enumerate() {
                            @let id = if i == 0 { "themes".to_string() } else { format!("themes-{}", theme.slug()) };
                            @let hint_id = format!("themes-{}-hint", theme.slug());
                            @let hint = words::hint(m, theme);
                            div.checkbox {
                                input #(id) .checkbox-input type="checkbox" name="themes"
                                    value=(theme.slug())
                                    checked[values.themes.iter().any(|t| t == theme.slug().as_str())]
                                    aria-describedby=[hint.is_some().then_some(&hint_id)];
                                label.checkbox-label for=(id) { (words::label(m, theme)) }
                                @if let Some(hint) = hint {
                                    div.hint.checkbox-hint id=(hint_id) { (hint) }
                                }
                            }
                        }
                    }
                }
            }
            div.form-group.(if text_error.is_some() { "form-group-error" } else { "" }) {
                (step(m, "write", html! {
                    label.label for="text" { (m.f("text-label", &[("org", org_name.into())])) }
                    div #text-hint .hint { (m.t("text-hint")) }
                }))
                @if let Some(e) = &text_error {
                    p #text-error .error-message { (error_message(m, e)) }
                }
                textarea #text .textarea.(if text_error.is_some() { "input-error" } else { "" })
                    name="text" rows="10" dir="auto"
                    aria-describedby=(if text_error.is_some() { "text-hint text-error" } else { "text-hint" }) {
                    (values.text)
                }
            }
            div.form-group {
                div.checkbox {
                    input #quote_ok .checkbox-input type="checkbox" name="quote_ok" value="yes"
                        checked[values.quote_ok] aria-describedby="quote_ok-hint";
                    label.checkbox-label for="quote_ok" { (m.f("quote-label", &[("org", org_name.into())])) }
                    div #quote_ok-hint .hint.checkbox-hint { (m.t("quote-consent-hint")) }
                }
            }
            (step(m, "send", html! {
                // An input, not a button element: text browsers (w3m) draw it as
                // a button; they show a button element's label as plain text.
                input.button type="submit" value=(m.t("send-button"));
            }))
        }
        @if m.easy { (super::glossary(m)) }
    };
    layout_in(m, Some(&path), &title.text, !errors.is_empty(), body)
}

pub fn confirmation(m: &Messages, org: &Organisation, round: &Round, receipt: &Receipt) -> Markup {
    let path = round_path(round);
    layout_in(
        m,
        Some(&path),
        &m.t("received-title"),
        false,
        html! {
            div.panel {
                h1 { (m.t("received-title")) }
                p { (m.t("received-stored")) }
                p { (m.t("received-receipt")) br; strong.receipt dir="ltr" { (receipt.display()) } }
            }
            h2 { (m.t("next-title")) }
            (step(m, "group", html! {
                p { (m.f("next-counts", &[
                    ("period", period_noun(m, round).into()),
                    ("org", org.name.as_str().into()),
                    ("round", words::round_title(m, round).text.into()),
                    ("k", round.min_group.get().into()),
                ])) }
            }))
            (step(m, "receipt", html! { p { (m.t("next-receipt")) } }))
            p { (m.t("next-code-used")) }
            (super::about_you_link(m, round))
            p { a href=(m.href(&path)) { (m.t("next-another")) } }
            @if m.easy { (super::glossary(m)) }
        },
    )
}
