//! The participant's form and the confirmation with their receipt.
//!
//! The form opens with "information in advance": what happens to a
//! critique, who sees what and when (the period and the minimum group), all
//! before any input is asked for.
//!
//! Whenever the form comes back (a problem, or "Change your answers"), it
//! keeps everything the person typed, the code included, and its switch to
//! Easy Read or the standard version is a small form that carries those
//! answers (and the problems shown) rather than a link that would lose them.

use super::answering::{answer_problems, question_fieldsets};
use super::words::{self, Words};
use super::{error_summary_in, layout_in, step};
use crate::domain::{CritiqueText, InputError, Organisation, RawAnswers, Receipt, Round, Theme};
use crate::domain::{MAX_TEXT_CHARS, MAX_THEMES, SOMETHING_ELSE};
use crate::messages::{self, Messages};
use crate::tokens::AboutYouCode;
use maud::{html, Markup};

/// The code printed in the hint, as on a card.
const EXAMPLE_CODE: &str = "7KQ2-M9XD-4RT5";

/// What the person typed, kept whenever the form is shown again.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FormValues {
    /// The code as typed (not yet checked): shown back so that one wrong
    /// character does not mean typing all twelve again.
    pub code: String,
    pub themes: Vec<String>,
    pub text: String,
    pub quote_ok: bool,
    /// The answers to the round's questions as ticked (issue 20), to tick
    /// them again.
    pub answers: RawAnswers,
}

impl FormValues {
    /// Nothing typed or ticked.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Problems to show, by stable code (`code_invalid`, `text_empty`, …; see
/// [`FORM_PROBLEMS`]). The page words each one in its own language and
/// variant, so the problems survive a switch to Easy Read and back.
pub type FormErrors = Vec<&'static str>;

/// Every problem the participant's form can show: its stable code (the
/// JSON API's where there is one), the field it belongs to and its message.
pub const FORM_PROBLEMS: &[(&str, &str, &str)] = &[
    ("code_missing", "code", "error-code_missing"),
    ("code_invalid", "code", "error-code_invalid"),
    ("code_unknown", "code", "error-code_unknown"),
    ("code_spent", "code", "error-code-used"),
    ("themes_missing", "themes", "error-themes_missing"),
    ("themes_too_many", "themes", "error-themes_too_many"),
    ("theme_unknown", "themes", "error-theme_unknown"),
    ("text_empty", "text", "error-text_empty"),
    ("text_too_long", "text", "error-text_too_long"),
    ("too_large", "text", "error-too_large"),
    ("unreadable", "text", "error-unreadable"),
    ("wrong_form", "text", "error-wrong_form"),
    ("busy", "text", "error-busy-again"),
    // The answers' problems (issue 20) are worded per question, from the
    // answers themselves: see `answering::answer_problems`.
    ("answer_missing", ANSWERS, "error-answer_missing"),
    ("answer_too_many", ANSWERS, "error-answer_too_many"),
    (
        "answer_option_unknown",
        ANSWERS,
        "error-answer_option_unknown",
    ),
    (
        "answer_question_unknown",
        ANSWERS,
        "error-answer_question_unknown",
    ),
];

/// The field of the answers' problems in [`FORM_PROBLEMS`].
const ANSWERS: &str = "answers";

/// A problem's code as the one static string for it, or `None` for a code
/// the form does not know (so a crafted switch cannot put words on a page).
pub fn form_problem(code: &str) -> Option<&'static str> {
    FORM_PROBLEMS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(c, _, _)| *c)
}

/// The problems as (field id, message), in the order of the form: the
/// code, each question's answer, the themes, the text.
fn problem_messages(
    m: &Messages,
    round: &Round,
    errors: &FormErrors,
    values: &FormValues,
) -> Vec<(String, String)> {
    let mut out: Vec<(usize, String, String)> = errors
        .iter()
        .filter_map(|code| FORM_PROBLEMS.iter().find(|(c, _, _)| c == code))
        .filter(|(_, field, _)| *field != ANSWERS)
        .map(|(code, field, key)| {
            let chars = match CritiqueText::parse(&values.text) {
                Err(InputError::TextTooLong { chars }) => chars,
                _ => values.text.chars().count(),
            };
            let max = if *code == "text_too_long" {
                MAX_TEXT_CHARS
            } else {
                MAX_THEMES
            };
            let message = m.f(key, &[("max", max.into()), ("chars", chars.into())]);
            let order = ["code", ANSWERS, "themes", "text"]
                .iter()
                .position(|f| f == field)
                .unwrap_or(4);
            (order, (*field).to_owned(), message)
        })
        .collect();
    // The answers' problems come from the answers, so they survive a
    // switch of version or language as long as the answers do.
    if errors.iter().any(|c| {
        FORM_PROBLEMS
            .iter()
            .any(|(p, f, _)| p == c && *f == ANSWERS)
    }) {
        out.extend(
            answer_problems(m, round, &values.answers)
                .into_iter()
                .map(|(f, msg)| (1, f, msg)),
        );
    }
    out.sort_by_key(|(order, _, _)| *order);
    out.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
    out.into_iter().map(|(_, f, msg)| (f, msg)).collect()
}

fn field_error(errors: &[(String, String)], field: &str) -> Option<String> {
    let found: Vec<&str> = errors
        .iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, m)| m.as_str())
        .collect();
    (!found.is_empty()).then(|| found.join(" "))
}

/// "week", or "4-week period", in the page's words.
pub(super) fn period_noun(m: &Messages, round: &Round) -> String {
    m.f("period-noun", &[("weeks", round.period.weeks().into())])
}

/// The round's address.
pub(super) fn round_path(round: &Round) -> String {
    format!("/r/{}", round.slug)
}

pub(super) fn error_message(m: &Messages, e: &str) -> Markup {
    html! {
        span.visually-hidden { (m.t("error-hidden-prefix")) " " } (super::words::marked(e))
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
                li { (m.t("before-once-check")) }
            }
        }
    }
}

/// A theme's words on the form, in the reader's language: in Easy Read its
/// Easy Read line stands in for the label (plainer, and then needs no
/// second line); otherwise the label, with its explanation as a hint.
pub(super) fn theme_words(m: &Messages, theme: &Theme) -> (Words, Option<Words>) {
    match words::hint(m, theme) {
        Some(plain) if m.easy => (plain, None),
        hint => (words::label(m, theme), hint),
    }
}

/// How many themes a long list shows at once; the rest wait behind "Show
/// more themes" (a `details` element, no script), so a phone shows a short
/// list first. "Something else" always stays in view.
const THEMES_AT_ONCE: usize = 6;

/// The theme check boxes of the form and the invitation page. The first
/// box has the id `themes`, which error summaries link to.
pub(super) fn theme_boxes(m: &Messages, round: &Round, chosen: &[String]) -> Markup {
    let boxed = |i: usize, theme: &Theme| {
        let id = if i == 0 {
            "themes".to_string()
        } else {
            format!("themes-{}", theme.slug())
        };
        let hint_id = format!("th-{}", theme.slug());
        let (label, hint) = theme_words(m, theme);
        html! {
            div.checkbox {
                input #(id) type="checkbox" name="themes"
                    value=(theme.slug())
                    checked[chosen.iter().any(|t| t == theme.slug().as_str())]
                    aria-describedby=[hint.is_some().then_some(&hint_id)];
                label for=(id) { (label) }
                @if let Some(hint) = hint {
                    div.hint id=(hint_id) { (hint) }
                }
            }
        }
    };
    let all: Vec<(usize, &Theme)> = round.themes.iter().enumerate().collect();
    let long = all.len() > THEMES_AT_ONCE + 2;
    let last_kept = |t: &Theme| t.slug().as_str() == SOMETHING_ELSE;
    let (shown, more): (Vec<_>, Vec<_>) = all
        .iter()
        .partition(|(i, t)| !long || *i < THEMES_AT_ONCE || last_kept(t));
    let (first, last): (Vec<_>, Vec<_>) = shown.iter().partition(|(_, t)| !last_kept(t) || !long);
    let open = more
        .iter()
        .any(|(_, t)| chosen.iter().any(|c| c == t.slug().as_str()));
    html! {
        div.checkboxes {
            @for (i, t) in &first { (boxed(*i, t)) }
            @if !more.is_empty() {
                details.more-themes open[open] {
                    summary { (m.f("themes-more", &[("n", more.len().into())])) }
                    @for (i, t) in &more { (boxed(*i, t)) }
                }
            }
            @for (i, t) in &last { (boxed(*i, t)) }
        }
    }
}

/// The answers as hidden fields, and the problems shown with them.
pub(super) fn hidden_answers(values: &FormValues, errors: &FormErrors) -> Markup {
    html! {
        input type="hidden" name="code" value=(values.code);
        @for theme in &values.themes {
            input type="hidden" name="themes" value=(theme);
        }
        input type="hidden" name="text" value=(values.text);
        @for (name, value) in values.answers.form_fields() {
            input type="hidden" name=(name) value=(value);
        }
        @if values.quote_ok {
            input type="hidden" name="quote_ok" value="yes";
        }
        @for e in errors {
            input type="hidden" name="error" value=(e);
        }
    }
}

/// The switch to the other version (Easy Read or standard), and to the
/// other languages, as buttons that post what was typed to `path` (in the
/// version or language asked for), so nothing is lost.
pub(super) fn variant_switch(m: &Messages, path: &str, hidden: Markup) -> Markup {
    html! {
        form.variant-form method="post" action=(m.toggle_href(path)) accept-charset="utf-8" {
            (hidden)
            input.link-button type="submit"
                value=(if m.easy { m.t("standard-link") } else { m.t("easy-read-link") });
            div.languages role="group" aria-label=(m.t("language-switcher")) {
                @for l in messages::language_list() {
                    @if l.tag != m.language() {
                        button.link-button type="submit" formaction=(m.href_in(path, l.tag))
                            lang=(l.tag) dir=(l.dir) { (l.name) }
                    }
                }
            }
        }
    }
}

/// The form: empty, or with what was typed and the problems found.
pub fn round_form(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    values: &FormValues,
    errors: &FormErrors,
) -> Markup {
    let problems = problem_messages(m, round, errors, values);
    let summary: Vec<(&str, String)> = problems
        .iter()
        .map(|(f, msg)| (f.as_str(), msg.clone()))
        .collect();
    let code_error = field_error(&problems, "code");
    let themes_error = field_error(&problems, "themes");
    let text_error = field_error(&problems, "text");
    let org_name = org.name.as_str();
    let path = round_path(round);
    // Nothing typed yet: a plain link switches version. Otherwise the
    // switch carries the answers.
    let fresh = values.is_empty() && errors.is_empty();
    let title = words::round_title(m, round);
    let body = html! {
        @if !fresh {
            (variant_switch(m, &format!("{path}/check?switch=yes"), hidden_answers(values, errors)))
        }
        (error_summary_in(m, &summary))
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
            div.form-group.form-group-error[code_error.is_some()] {
                (step(m, "card", html! {
                    label.label for="code" { (m.t("code-label")) }
                    div #code-hint .hint { (super::with_code(m, "code-hint", EXAMPLE_CODE)) }
                    @if let Some(e) = &code_error {
                        p #code-error .error-message { (error_message(m, e)) }
                    }
                    input #code .input.input-code.input-error[code_error.is_some()]
                        name="code" type="text" value=(values.code) autocomplete="off" spellcheck="false" dir="ltr"
                        autocapitalize="characters"
                        aria-describedby=(if code_error.is_some() { "code-hint code-error" } else { "code-hint" });
                }))
            }
            (question_fieldsets(m, round, &values.answers, &problems))
            div.form-group.form-group-error[themes_error.is_some()] {
                fieldset.fieldset aria-describedby=(if themes_error.is_some() { "themes-hint themes-error" } else { "themes-hint" }) {
                    legend.legend { (m.t("themes-legend")) }
                    (step(m, "themes", html! {
                        div #themes-hint .hint { (m.f("themes-hint", &[("max", MAX_THEMES.into())])) }
                    }))
                    @if let Some(e) = &themes_error {
                        p #themes-error .error-message { (error_message(m, e)) }
                    }
                    (theme_boxes(m, round, &values.themes))
                }
            }
            div.form-group.form-group-error[text_error.is_some()] {
                (step(m, "write", html! {
                    label.label for="text" { (m.f("text-label", &[("org", org_name.into())])) }
                    div #text-hint .hint { (m.t("text-hint")) }
                }))
                @if let Some(e) = &text_error {
                    p #text-error .error-message { (error_message(m, e)) }
                }
                textarea #text .textarea.input-error[text_error.is_some()]
                    name="text" rows="10" dir="auto"
                    aria-describedby=(if text_error.is_some() { "text-hint text-error" } else { "text-hint" }) {
                    (values.text)
                }
            }
            div.form-group {
                div.checkbox {
                    input #quote_ok type="checkbox" name="quote_ok" value="yes"
                        checked[values.quote_ok] aria-describedby="quote_ok-hint";
                    label for="quote_ok" { (m.f("quote-label", &[("org", org_name.into())])) }
                    div #quote_ok-hint .hint { (m.t("quote-consent-hint")) }
                }
            }
            (step(m, "send", html! {
                // An input, not a button element: text browsers (w3m) draw it as
                // a button; they show a button element's label as plain text.
                input.button type="submit" value=(m.t("continue-button"));
            }))
        }
        @if m.easy { (super::glossary(m)) }
    };
    layout_in(
        m,
        fresh.then_some(path.as_str()),
        &title.text,
        !errors.is_empty(),
        body,
    )
}

/// What the confirmation says after the receipt: what happens next, and
/// the way to "about you" with its one-time code (empty on the invitation
/// page, whose script fills it in).
pub(super) fn what_happens_next(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    about_code: &str,
) -> Markup {
    html! {
        h2 { (m.t("next-title")) }
        (step(m, "group", html! {
            p { (m.f("next-counts-org", &[
                ("period", period_noun(m, round).into()),
                ("org", org.name.as_str().into()),
                ("k", round.min_group.get().into()),
            ])) }
        }))
        (step(m, "receipt", html! { p { (m.t("next-receipt")) } }))
        (super::voices::about_you_offer(m, round, about_code))
    }
}

/// "Received", with the receipt and how to keep it, and the "about you"
/// code. Its switch to the other version posts both back (`POST
/// /r/{round}/receipt`): the service keeps no copy it could show again.
pub fn confirmation(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    receipt: &Receipt,
    about_code: &AboutYouCode,
) -> Markup {
    confirmation_of(m, org, round, &receipt.display(), &about_code.display())
}

/// The confirmation for a receipt and an "about you" code in their display
/// forms (already checked to look like them; the code may be empty).
pub fn confirmation_of(
    m: &Messages,
    org: &Organisation,
    round: &Round,
    receipt: &str,
    about_code: &str,
) -> Markup {
    let path = round_path(round);
    layout_in(
        m,
        None,
        &m.t("received-title"),
        false,
        html! {
            (variant_switch(m, &format!("{path}/receipt"), html! {
                input type="hidden" name="receipt" value=(receipt);
                input type="hidden" name=(super::voices::CODE) value=(about_code);
            }))
            div.panel {
                h1 { (m.t("received-title")) }
                p { (m.t("received-stored")) }
                p { (m.t("received-receipt")) br; strong.receipt dir="ltr" { (receipt) } }
            }
            (step(m, "receipt", html! { p { (m.t("received-keep")) } }))
            (what_happens_next(m, org, round, about_code))
            p { (m.t("next-code-used")) }
            p { a href=(m.href(&path)) { (m.t("next-another")) } }
            @if m.easy { (super::glossary(m)) }
        },
    )
}
