//! The participant's form and the confirmation with their receipt.

use super::{error_summary, layout};
use crate::domain::{Organisation, Receipt, Round, MAX_THEMES};
use maud::{html, Markup};

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

/// "week", or "4-week period".
fn period_noun(round: &Round) -> String {
    match round.period.weeks() {
        1 => "week".into(),
        n => format!("{n}-week period"),
    }
}

pub fn round_form(
    org: &Organisation,
    round: &Round,
    values: &FormValues,
    errors: &FormErrors,
) -> Markup {
    let code_error = field_error(errors, "code");
    let themes_error = field_error(errors, "themes");
    let text_error = field_error(errors, "text");
    let k = round.min_group.get();
    let body = html! {
        (error_summary(&errors.iter().map(|(f, m)| (*f, m.clone())).collect::<Vec<_>>()))
        span.caption { (org.name) }
        h1 { (round.title) }
        @if !round.description.is_empty() {
            p.lead { (round.description) }
        }
        div.inset {
            h2 { "Before you start" }
            ul {
                li { "You do not give your name. We do not keep your internet address, \
                      cookies or the exact time you write." }
                li { "Your words are seen by the people who run this service. "
                     (org.name) " sees how many people chose each theme." }
                li { "Numbers are shown only after each " (period_noun(round)) " ends, and only for groups of "
                     (k) " or more people, so nobody can work out who said what." }
                li { "Do not write your name, or other people's names, unless you want to." }
            }
        }
        form method="post" action=(format!("/r/{}", round.slug)) accept-charset="utf-8" novalidate {
            div.form-group.(if code_error.is_some() { "form-group-error" } else { "" }) {
                label.label for="code" { "Your code" }
                div #code-hint .hint { "It is printed on your card, like 7KQ2-M9XD-4RT5. \
                    Capital or small letters are fine." }
                @if let Some(e) = &code_error {
                    p #code-error .error-message { span.visually-hidden { "Error: " } (e) }
                }
                input #code .input.input-code.(if code_error.is_some() { "input-error" } else { "" })
                    name="code" type="text" autocomplete="off" spellcheck="false"
                    autocapitalize="characters"
                    aria-describedby=(if code_error.is_some() { "code-hint code-error" } else { "code-hint" });
            }
            div.form-group.(if themes_error.is_some() { "form-group-error" } else { "" }) {
                fieldset.fieldset aria-describedby=(if themes_error.is_some() { "themes-hint themes-error" } else { "themes-hint" }) {
                    legend.legend { "What is it about?" }
                    div #themes-hint .hint { "Choose 1, 2 or " (MAX_THEMES) " themes." }
                    @if let Some(e) = &themes_error {
                        p #themes-error .error-message { span.visually-hidden { "Error: " } (e) }
                    }
                    div.checkboxes {
                        @for (i, theme) in round.themes.iter().enumerate() {
                            @let id = if i == 0 { "themes".to_string() } else { format!("themes-{}", theme.slug) };
                            @let hint_id = format!("{id}-hint");
                            div.checkbox {
                                input #(id) .checkbox-input type="checkbox" name="themes"
                                    value=(theme.slug)
                                    checked[values.themes.iter().any(|t| t == theme.slug.as_str())]
                                    aria-describedby=[(!theme.description.is_empty()).then_some(&hint_id)];
                                label.checkbox-label for=(id) { (theme.label) }
                                @if !theme.description.is_empty() {
                                    div.hint.checkbox-hint id=(hint_id) { (theme.description) }
                                }
                            }
                        }
                    }
                }
            }
            div.form-group.(if text_error.is_some() { "form-group-error" } else { "" }) {
                label.label for="text" { "What do you want to tell " (org.name) "?" }
                div #text-hint .hint { "Write in any language, up to 5,000 characters. Leave out names and details that could identify you or \
                    someone else." }
                @if let Some(e) = &text_error {
                    p #text-error .error-message { span.visually-hidden { "Error: " } (e) }
                }
                textarea #text .textarea.(if text_error.is_some() { "input-error" } else { "" })
                    name="text" rows="10"
                    aria-describedby=(if text_error.is_some() { "text-hint text-error" } else { "text-hint" }) {
                    (values.text)
                }
            }
            div.form-group {
                div.checkbox {
                    input #quote_ok .checkbox-input type="checkbox" name="quote_ok" value="yes"
                        checked[values.quote_ok] aria-describedby="quote_ok-hint";
                    label.checkbox-label for="quote_ok" { (org.name) " may quote my words" }
                    div #quote_ok-hint .hint.checkbox-hint { "Only if you tick this. Names and \
                        details are removed first, and a person checks every quote." }
                }
            }
            button.button type="submit" { "Send" }
        }
    };
    layout(&round.title, !errors.is_empty(), body)
}

pub fn confirmation(org: &Organisation, round: &Round, receipt: &Receipt) -> Markup {
    layout(
        "Received",
        false,
        html! {
            div.panel {
                h1 { "Received" }
                p { "What you wrote has been stored safely." }
                p { "Your receipt" br; strong.receipt { (receipt.display()) } }
            }
            h2 { "What happens next" }
            p { "After this " (period_noun(round)) " ends, " (org.name) " sees how many people raised each \
                 theme in " (round.title) ". Groups smaller than " (round.min_group.get())
                " are not shown." }
            p { "Your receipt is not linked to your code or to you. Keep it if you want to \
                 check later that your comment was counted. You do not have to keep it." }
            p { "Your code cannot be used again." }
            p { a href=(format!("/r/{}", round.slug)) { "Write about something else with another code" } }
        },
    )
}
