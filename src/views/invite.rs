//! The invitation page (`/i/{round}`): fetch a Privacy Pass token in the
//! browser, keep it on this device, and write now or later.
//!
//! It works like the paper-code form: "before you start", the same theme
//! list and fields, an error summary with each field marked, a "check
//! your answers" step before anything is sent, and afterwards the receipt,
//! how to keep it, what happens next and the way to "about you".
//!
//! Without JavaScript the page says how to get a paper code instead; the
//! script (`/static/invite.js`, built from `clients/browser`) reveals the
//! token part. No inline script or style, so the page keeps the strict
//! `default-src 'self'` policy. Every word the script shows is the page's,
//! in its language and variant ([`invite_words`], fetched by the script
//! from `/i/{round}/words.json`, so that the page without a script stays
//! light): status lines by name, problems by the API's stable codes, so
//! nothing the script writes is in another language or raw.

use super::answering::question_fieldsets;
use super::round::{information_in_advance, theme_boxes, what_happens_next};
use super::{layout_in, step, words};
use crate::domain::{Organisation, RawAnswers, Round, MAX_TEXT_CHARS, MAX_THEMES};
use crate::messages::Messages;
use fluent_bundle::FluentValue;
use maud::{html, Markup};
use std::collections::BTreeMap;

/// The status lines the script shows, as `data-say-{name}` = message key.
const SAYINGS: &[(&str, &str)] = &[
    ("no-invitation", "invite-say-no-invitation"),
    ("making", "invite-say-making"),
    ("saved", "invite-say-saved"),
    ("make-failed", "invite-say-make-failed"),
    ("not-asking", "invite-say-not-asking"),
    ("no-token", "invite-say-no-token"),
    ("sending", "invite-say-sending"),
    ("send-failed", "invite-say-send-failed"),
    ("ready", "invite-say-ready"),
    ("not-answered", "check-not-answered"),
];

/// Problems the script can show, by the API's stable code: the field it
/// belongs to ("" for the whole page) and the message key.
const PROBLEMS: &[(&str, &str, &str)] = &[
    ("themes_missing", "themes", "error-themes_missing"),
    ("themes_too_many", "themes", "error-themes_too_many"),
    ("theme_unknown", "themes", "error-theme_unknown"),
    ("text_empty", "text", "error-text_empty"),
    ("text_too_long", "text", "error-text_too_long"),
    // A question's problem (issue 20): the script puts the question's
    // prompt in for {prompt} and its most answers for {max}, and links to
    // the question (`q-{id}`, from the API's `answers.{id}`).
    ("answer_missing", "answers", "error-answer_missing"),
    ("answer_too_many", "answers", "error-answer_too_many"),
    (
        "answer_option_unknown",
        "answers",
        "error-answer_option_unknown",
    ),
    (
        "answer_question_unknown",
        "answers",
        "error-answer_question_unknown",
    ),
    ("invitation_used", "", "invite-say-invitation-used"),
    ("invitation_unknown", "", "invite-say-invitation-unknown"),
    ("token_spent", "", "invite-say-token-spent"),
    ("token_invalid", "", "invite-say-token-invalid"),
    ("busy", "", "error-busy-again"),
];

/// Where the script writes a field's problem, after "Error:" for screen
/// readers.
fn error_slot(m: &Messages) -> Markup {
    html! {
        span.visually-hidden { (m.t("error-hidden-prefix")) " " }
        span.error-text {}
    }
}

/// Every word the invitation page's script may show, in one language and
/// variant.
#[derive(Debug, serde::Serialize)]
pub struct InviteWords {
    /// Status lines, by name.
    pub say: BTreeMap<&'static str, String>,
    /// Problems, by the API's stable code: the field they belong to ("" for
    /// the whole page) and the message; `{chars}` is for the script to fill.
    pub problems: BTreeMap<&'static str, (&'static str, String)>,
    /// The page's title when it shows a problem.
    pub error_title: String,
    /// The markup of the "check your answers" and "received" steps, which
    /// only a page running the script shows.
    pub check: String,
    pub done: String,
}

pub fn invite_words(m: &Messages, org: &Organisation, round: &Round) -> InviteWords {
    let problem = |code: &str, key: &str| {
        let max = if code == "text_too_long" {
            MAX_TEXT_CHARS
        } else {
            MAX_THEMES
        };
        // The script puts the real count in for {chars}, and a question's
        // prompt and most answers for {prompt} and {max}.
        if code.starts_with("answer_") {
            return m.f(
                key,
                &[("max", "{max}".into()), ("prompt", "{prompt}".into())],
            );
        }
        m.f(key, &[("max", max.into()), ("chars", "{chars}".into())])
    };
    InviteWords {
        say: SAYINGS
            .iter()
            .map(|(name, key)| (*name, m.t(key)))
            .collect(),
        problems: PROBLEMS
            .iter()
            .map(|(code, field, key)| (*code, (*field, problem(code, key))))
            .collect(),
        error_title: format!(
            "{} {} – {}",
            m.t("error-title-prefix"),
            m.t("invite-title"),
            m.t("title-suffix")
        ),
        check: check_step(m, org).into_string(),
        done: done_step(m, org, round).into_string(),
    }
}

/// "Check your answers" as the script shows it: the answers go into the
/// empty places by id.
fn check_step(m: &Messages, org: &Organisation) -> Markup {
    let org_arg = [("org", FluentValue::from(org.name.as_str()))];
    html! {
        h2 #check-heading tabindex="-1" { (m.t("check-title")) }
        (step(m, "receipt", html! { p { (m.t("invite-check-not-sent")) } }))
        dl.summary {
            // Each question and its answer (issue 20) go first, put here by
            // the script.
            div.summary-row {
                dt { (m.t("themes-legend")) }
                dd { ul #check-themes .summary-list {} }
            }
            div.summary-row {
                dt { (m.f("text-label", &org_arg)) }
                dd #check-text .summary-text dir="auto" {}
            }
            div.summary-row {
                dt { (m.f("check-quote", &org_arg)) }
                dd #check-quote data-yes=(m.f("check-quote-yes", &org_arg))
                    data-no=(m.f("check-quote-no", &org_arg)) {}
            }
        }
        h2 { (m.t("check-send-title")) }
        (step(m, "send", html! { p { (m.t("invite-check-send-now")) } }))
        p #send-status .status role="status" {}
        div.button-group {
            button #confirm .button type="button" { (m.t("check-confirm")) }
            button #change .button.button-secondary type="button" { (m.t("check-change")) }
        }
    }
}

/// The receipt, how to keep it, what happens next and "about you".
fn done_step(m: &Messages, org: &Organisation, round: &Round) -> Markup {
    html! {
        div.panel {
            h2 #done-heading tabindex="-1" { (m.t("received-title")) }
            p { (m.t("invite-done")) }
            p { (m.t("received-receipt")) br; strong #receipt .receipt dir="ltr" {} }
        }
        (step(m, "receipt", html! { p { (m.t("received-keep")) } }))
        (what_happens_next(m, org, round, ""))
    }
}

pub fn invite_page(m: &Messages, org: &Organisation, round: &Round) -> Markup {
    let org_arg = [("org", FluentValue::from(org.name.as_str()))];
    let title = m.t("invite-title");
    let body = html! {
        span.caption { bdi { (org.name) } }
        h1 { (m.t("invite-heading")) }
        p.lead { bdi { (words::round_title(m, round)) } }
        (information_in_advance(m, org, round))
        div #no-js {
            h2 { (m.t("invite-nojs-heading")) }
            p { (m.t("invite-nojs-why")) }
            (step(m, "card", html! { p { (m.t("invite-nojs-paper")) } }))
            p {
                (m.t("invite-nojs-form-before")) " "
                a href=(m.href(&format!("/r/{}", round.slug))) { (m.t("invite-nojs-form-link")) }
                (m.t("invite-nojs-form-after"))
            }
        }
        div #with-js data-round=(round.slug) data-max-themes=(MAX_THEMES)
            data-max-chars=(MAX_TEXT_CHARS) hidden {
            div #error-summary .error-summary role="alert" tabindex="-1"
                aria-labelledby="error-summary-title" hidden {
                h2 #error-summary-title { (m.t("error-summary-title")) }
                ul #error-list {}
            }
            section #get {
                h2 { (m.t("invite-step1-heading")) }
                (step(m, "anonymous", html! { p { (m.t("invite-step1-how")) } }))
                p { (m.t("invite-step1-where")) }
                p #get-status .status role="status" {}
                button #get-token .button type="button" { (m.t("invite-get-button")) }
            }
            section #write hidden {
                h2 #write-heading tabindex="-1" { (m.t("invite-step2-heading")) }
                p #write-status .status role="status" {}
                div.inset {
                    (step(m, "calendar", html! {
                        p { strong { (m.t("invite-wait-strong")) } " " (m.t("invite-wait-why-later")) }
                        p { (m.t("invite-later-same")) }
                    }))
                }
                form #critique novalidate {
                    (question_fieldsets(m, round, &RawAnswers::default(), &[]))
                    div #themes-group .form-group {
                        fieldset.fieldset aria-describedby="themes-hint" {
                            legend.legend { (m.t("themes-legend")) }
                            (step(m, "themes", html! {
                                div #themes-hint .hint { (m.f("themes-hint", &[("max", FluentValue::from(MAX_THEMES))])) }
                            }))
                            p #themes-error .error-message hidden { (error_slot(m)) }
                            (theme_boxes(m, round, &[]))
                        }
                    }
                    div #text-group .form-group {
                        (step(m, "write", html! {
                            label.label for="text" { (m.f("text-label", &org_arg)) }
                            div #text-hint .hint { (m.t("text-hint")) }
                        }))
                        p #text-error .error-message hidden { (error_slot(m)) }
                        textarea #text .textarea name="text" rows="10" dir="auto" aria-describedby="text-hint" {}
                    }
                    div.form-group {
                        div.checkbox {
                            input #quote_ok type="checkbox" name="quote_ok" value="yes"
                                aria-describedby="quote_ok-hint";
                            label for="quote_ok" { (m.f("quote-label", &org_arg)) }
                            div #quote_ok-hint .hint { (m.t("quote-consent-hint")) }
                        }
                    }
                    (step(m, "send", html! {
                        button #continue .button type="submit" { (m.t("continue-button")) }
                    }))
                }
            }
            // Filled in by the script from `words.json` ([`invite_words`]): only
            // a page with the script shows them.
            section #check hidden {}
            section #done hidden {}
        }
        script src="/static/invite.js" defer {}
    };
    layout_in(m, Some(&format!("/i/{}", round.slug)), &title, false, body)
}
