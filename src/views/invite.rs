//! The invitation page (`/i/{round}`): fetch a Privacy Pass token in the
//! browser, keep it on this device, and write now or later.
//!
//! Without JavaScript the page says how to get a paper code instead; the
//! script (`/static/invite.js`, built from `clients/browser`) reveals the
//! token part. No inline script or style, so the page keeps the strict
//! `default-src 'self'` policy.

use super::layout;
use crate::domain::{Organisation, Round, MAX_THEMES};
use maud::{html, Markup};

pub fn invite_page(org: &Organisation, round: &Round) -> Markup {
    let body = html! {
        span.caption { (org.name) }
        h1 { "You are invited to give feedback" }
        p.lead { (round.title) }
        div #no-js {
            h2 { "This page needs JavaScript" }
            p { "Your invitation works by making a private token inside your web browser, \
                 and that needs JavaScript, which is turned off or not available here." }
            p { "You can still take part with a paper code instead. Ask the person who \
                 invited you for a code card, or ask someone who supports you to get one. \
                 Then go to " a href=(format!("/r/{}", round.slug)) { "the feedback form" }
                " and type the code from the card." }
        }
        div #with-js data-round=(round.slug) hidden {
            div #status .inset role="status" aria-live="polite" {}
            section #get {
                h2 { "Step 1: get your private token" }
                p { "Your browser makes a token and the service signs it without seeing it. \
                     Later, nobody – not even the people who run this service – can tell \
                     which invitation a token came from." }
                p { "The token is kept only in this browser, on this device." }
                button #get-token .button type="button" { "Get my token" }
            }
            section #write hidden {
                h2 { "Step 2: write now, or come back later" }
                div.inset {
                    p { strong { "Waiting makes you safer." } " If you write straight away, the \
                        service could notice that a token was made and a comment arrived a \
                        moment later. If you come back another day, that link is gone." }
                    p { "To write later, open this same link again in this browser. Your \
                         token stays here until you use it." }
                }
                form #critique novalidate {
                    div.form-group {
                        fieldset.fieldset aria-describedby="themes-hint" {
                            legend.legend { "What is it about?" }
                            div #themes-hint .hint { "Choose 1, 2 or " (MAX_THEMES) " themes." }
                            div.checkboxes {
                                @for theme in &round.themes {
                                    @let id = format!("theme-{}", theme.slug);
                                    div.checkbox {
                                        input #(id) .checkbox-input type="checkbox" name="themes" value=(theme.slug);
                                        label.checkbox-label for=(id) { (theme.label) }
                                    }
                                }
                            }
                        }
                    }
                    div.form-group {
                        label.label for="text" { "What do you want to tell " (org.name) "?" }
                        div #text-hint .hint { "Write in any language, up to 5,000 characters. \
                            Leave out names and details that could identify you or someone else." }
                        textarea #text .textarea name="text" rows="10" aria-describedby="text-hint" {}
                    }
                    div.form-group {
                        div.checkbox {
                            input #quote_ok .checkbox-input type="checkbox" name="quote_ok" value="yes";
                            label.checkbox-label for="quote_ok" { (org.name) " may quote my words" }
                        }
                    }
                    button #send .button type="submit" { "Send" }
                }
            }
            section #done .panel hidden {
                h2 { "Received" }
                p { "What you wrote has been stored safely. Your token has been used and \
                     removed from this browser." }
                p { "Your receipt" br; strong #receipt .receipt {} }
            }
        }
        script src="/static/invite.js" defer {}
    };
    layout("Your invitation", false, body)
}
