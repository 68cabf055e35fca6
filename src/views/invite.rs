//! The invitation page (`/i/{round}`): fetch a Privacy Pass token in the
//! browser, keep it on this device, and write now or later.
//!
//! Without JavaScript the page says how to get a paper code instead; the
//! script (`/static/invite.js`, built from `clients/browser`) reveals the
//! token part. No inline script or style, so the page keeps the strict
//! `default-src 'self'` policy. Words come from the message files, so the
//! page has an Easy Read version like every participant page; the short
//! status lines the script writes are given to it in `data-say-*`
//! attributes, in the page's language, and its requests ask for answers
//! in that language.

use super::{layout_in, step, words};
use crate::domain::{Organisation, Round, MAX_THEMES};
use crate::messages::Messages;
use fluent_bundle::FluentValue;
use maud::{html, Markup};

pub fn invite_page(m: &Messages, org: &Organisation, round: &Round) -> Markup {
    let org_arg = [("org", FluentValue::from(org.name.as_str()))];
    let body = html! {
        span.caption { bdi { (org.name) } }
        h1 { (m.t("invite-heading")) }
        p.lead { bdi { (words::round_title(m, round)) } }
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
        div #with-js data-round=(round.slug) hidden
            data-say-no-invitation=(m.t("invite-say-no-invitation"))
            data-say-making=(m.t("invite-say-making"))
            data-say-saved=(m.t("invite-say-saved"))
            data-say-make-failed=(m.t("invite-say-make-failed"))
            data-say-not-asking=(m.t("invite-say-not-asking"))
            data-say-no-token=(m.t("invite-say-no-token"))
            data-say-sending=(m.t("invite-say-sending"))
            data-say-received=(m.t("invite-say-received"))
            data-say-send-failed=(m.t("invite-say-send-failed"))
            data-say-ready=(m.t("invite-say-ready")) {
            div #status .inset role="status" aria-live="polite" {}
            section #get {
                h2 { (m.t("invite-step1-heading")) }
                (step(m, "anonymous", html! { p { (m.t("invite-step1-how")) } }))
                p { (m.t("invite-step1-where")) }
                button #get-token .button type="button" { (m.t("invite-get-button")) }
            }
            section #write hidden {
                h2 { (m.t("invite-step2-heading")) }
                div.inset {
                    (step(m, "calendar", html! {
                        p { strong { (m.t("invite-wait-strong")) } " " (m.t("invite-wait-why")) }
                        p { (m.t("invite-later")) }
                    }))
                }
                form #critique novalidate {
                    div.form-group {
                        fieldset.fieldset aria-describedby="themes-hint" {
                            legend.legend { (m.t("themes-legend")) }
                            div #themes-hint .hint { (m.f("themes-hint", &[("max", FluentValue::from(MAX_THEMES))])) }
                            div.checkboxes {
                                @for theme in &round.themes {
                                    @let id = format!("theme-{}", theme.slug());
                                    div.checkbox {
                                        input #(id) .checkbox-input type="checkbox" name="themes" value=(theme.slug());
                                        label.checkbox-label for=(id) { (words::label(m, theme)) }
                                    }
                                }
                            }
                        }
                    }
                    div.form-group {
                        label.label for="text" { (m.f("text-label", &org_arg)) }
                        div #text-hint .hint { (m.t("text-hint")) }
                        textarea #text .textarea name="text" rows="10" dir="auto" aria-describedby="text-hint" {}
                    }
                    div.form-group {
                        div.checkbox {
                            input #quote_ok .checkbox-input type="checkbox" name="quote_ok" value="yes";
                            label.checkbox-label for="quote_ok" { (m.f("quote-label", &org_arg)) }
                        }
                    }
                    button #send .button type="submit" { (m.t("send-button")) }
                }
            }
            section #done .panel hidden {
                h2 { (m.t("received-title")) }
                p { (m.t("invite-done")) }
                p { (m.t("received-receipt")) br; strong #receipt .receipt dir="ltr" {} }
            }
        }
        script src="/static/invite.js" defer {}
    };
    layout_in(
        m,
        Some(&format!("/i/{}", round.slug)),
        &m.t("invite-title"),
        false,
        body,
    )
}
