//! The console's pages: staff sign in, run organisations and rounds, print
//! cards, make invitations, manage users and read the action log. Same
//! frame, error summary and accessibility bar as the participant pages; no
//! JavaScript. Pages only present: the handlers in `http::console` decide.

mod admin;
mod auth;
mod dashboard;
mod mail;
mod password;
mod questions;
mod rounds;
mod second_factor;
mod translations;
mod voices;

pub use admin::{backups, keys, staff_log, users, KeyView};
pub use auth::{forbidden, login, setup, setup_closed};
pub use dashboard::dashboard;
pub use mail::mail_settings;
pub use password::{
    forgot, forgot_sent, invitation_link, set as set_password, unusable as link_unusable,
};
pub use questions::{option_field, questions, MAX_OPTION_ROWS};
pub use rounds::{
    cards_made, close_period, label_of, organisation, organisations, round, CannotClose, CloseView,
    RoundCounts, SheetState, FIELD_LABELS, THEME_FIELDS,
};
pub use second_factor::{enrol, enrolled, recovery_codes, second_step};
pub use translations::{theme_field, translation_links, translations, THEME_TEXT_FIELDS};
pub use voices::{
    keyphrases, moderation, space, PendingQuote, PhraseGroup, SpacePledge, SpaceRelease, SpaceTheme,
};

use super::{error_summary, layout_console};
use crate::staff::Role;
use maud::{html, Markup};

/// Who is signed in, for the navigation and the forms' CSRF token.
pub struct Frame<'a> {
    pub username: &'a str,
    pub role: Role,
    pub csrf: &'a str,
}

/// What was typed into a form, to show it back after an error.
pub type Values = [(String, String)];

/// The value of field `name`, or "".
pub fn value<'a>(values: &'a Values, name: &str) -> &'a str {
    values
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// Problems with a form, field by field (field id, message).
pub type Errors<'a> = [(&'a str, String)];

fn error_for<'a>(errors: &'a Errors<'_>, field: &str) -> Option<&'a String> {
    errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
}

/// The console frame: the service's layout, then the staff navigation and
/// the error summary (first in `main`, as GOV.UK puts it).
pub fn page(frame: Option<&Frame>, title: &str, errors: &Errors, body: Markup) -> Markup {
    let items: Vec<(&str, String)> = errors.iter().map(|(f, m)| (*f, m.clone())).collect();
    layout_console(
        title,
        !errors.is_empty(),
        html! {
            @if let Some(f) = frame {
                nav.console-nav aria-label="Console" {
                    ul.footer-links {
                        li { a href="/console" { "Console home" } }
                        @if matches!(f.role, Role::Administrator | Role::Coordinator) {
                            li { a href="/console/organisations" { "Organisations and rounds" } }
                        }
                        @if matches!(f.role, Role::Administrator | Role::Moderator) {
                            li { a href="/console/moderation" { "Quotes to moderate" } }
                        }
                        @if f.role == Role::Organisation {
                            li { a href="/console/space" { "Your digest and answers" } }
                        }
                        li { a href="/console/account/two-step" { "Two-step sign-in" } }
                        li { a href="/console/account/mail" { "Mail settings" } }
                        @if f.role == Role::Administrator {
                            li { a href="/console/users" { "Users" } }
                            li { a href="/console/keys" { "Keys" } }
                            li { a href="/console/backups" { "Backups" } }
                            li { a href="/console/log" { "Action log" } }
                        }
                    }
                    form method="post" action="/console/logout" {
                        (csrf(f))
                        p { "Signed in as " strong { (f.username) } " (" (f.role.label()) "). "
                            button.button.button-secondary type="submit" { "Sign out" } }
                    }
                }
            }
            (error_summary(&items))
            (body)
        },
    )
}

/// The hidden CSRF field every state-changing form carries.
pub fn csrf(frame: &Frame) -> Markup {
    html! { input type="hidden" name="csrf" value=(frame.csrf); }
}

/// The frame every console field shares: label, hint, error message, and
/// the `aria-describedby` value (hint and error ids) handed to `control`.
fn field(
    id: &str,
    label: &str,
    hint: Option<&str>,
    errors: &Errors,
    control: impl FnOnce(bool, Option<String>) -> Markup,
) -> Markup {
    let error = error_for(errors, id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<&str> = [
        hint.map(|_| hint_id.as_str()),
        error.map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    html! {
        div.form-group.form-group-error[error.is_some()] {
            label.label for=(id) { (label) }
            @if let Some(h) = hint { div.hint id=(hint_id) { (h) } }
            @if let Some(e) = error { p.error-message id=(error_id) { span.visually-hidden { "Error: " } (e) } }
            (control(error.is_some(), described))
        }
    }
}

/// A labelled single-line input with its hint and error.
pub fn text_field(
    id: &str,
    label: &str,
    hint: Option<&str>,
    input_type: &str,
    value: &str,
    errors: &Errors,
    autocomplete: &str,
) -> Markup {
    field(id, label, hint, errors, |error, described| {
        html! {
            input.input.input-error[error] id=(id) name=(id) type=(input_type)
                value=(value) autocomplete=(autocomplete) spellcheck="false"
                aria-describedby=[described];
        }
    })
}

/// A labelled multi-line input with its hint and error.
pub fn text_area(
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    errors: &Errors,
) -> Markup {
    field(id, label, hint, errors, |error, described| {
        html! {
            textarea.textarea.input-error[error] id=(id) name=(id) rows="6"
                aria-describedby=[described] { (value) }
        }
    })
}

/// A labelled input for words in another language (`lang`, `dir`: that
/// language's, on the input only, as the console itself stays English):
/// one line, or several when `long`.
pub fn field_in(
    (id, label, hint): (&str, &str, Option<&str>),
    value: &str,
    (lang, dir, long): (&str, &str, bool),
    errors: &Errors,
) -> Markup {
    field(id, label, hint, errors, |error, described| {
        html! {
            @if long {
                textarea.textarea.input-error[error] id=(id) name=(id) rows="3" lang=(lang) dir=(dir)
                    aria-describedby=[described] { (value) }
            } @else {
                input.input.input-error[error] id=(id) name=(id) type="text" value=(value)
                    lang=(lang) dir=(dir) autocomplete="off" aria-describedby=[described];
            }
        }
    })
}

/// A labelled drop-down list.
pub fn select(
    id: &str,
    label: &str,
    options: &[(String, String)],
    chosen: &str,
    errors: &Errors,
) -> Markup {
    field(id, label, None, errors, |error, described| {
        html! {
            select.input.input-error[error] id=(id) name=(id) aria-describedby=[described] {
                @for (v, text) in options {
                    option value=(v) selected[v == chosen] { (text) }
                }
            }
        }
    })
}

pub use super::wide_table;

/// A confirmation line after a change ("Round created").
pub fn notice(text: Option<&str>) -> Markup {
    html! {
        @if let Some(t) = text {
            div.inset role="status" { p { (t) } }
        }
    }
}
