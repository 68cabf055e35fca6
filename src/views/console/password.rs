//! Password links (issue 21): the "forgot password" form and its one
//! answer, the page that sets a password from a link, the page of a link
//! that cannot be used, and the one-time display of an invitation's link
//! when it was not mailed.

use super::{notice, page, text_field, Errors, Frame};
use crate::staff::link::{Purpose, LIFETIME_HOURS};
use maud::{html, Markup};

const PASSWORD_HINT: &str = "At least 12 characters. A few unrelated words make a good one.";

/// The "forgot password" form; `csrf` is its pre-session token.
pub fn forgot(csrf: &str, typed: &str, errors: &Errors) -> Markup {
    page(
        None,
        "Reset your password",
        errors,
        html! {
            h1 { "Reset your password" }
            p.lead { "Enter the e-mail address of your console account, or your user name. \
                If the account has an e-mail address, we will send a link to it: the link works once, for "
                (LIFETIME_HOURS) " hours." }
            form method="post" action="/console/password/forgot" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                (text_field("account", "E-mail address or user name", None, "text", typed, errors, "username"))
                button.button type="submit" { "Send a reset link" }
            }
            p { "No e-mail? Ask whoever manages the console's users for a new invitation. If no one can sign in, \
                see README.md, “Lost passwords and tokens”." }
            p { a href="/console/login" { "Back to sign in" } }
        },
    )
}

/// The one answer to every "forgot password" form, whether or not the
/// account exists (it must not say which).
pub fn forgot_sent() -> Markup {
    page(
        None,
        "Check your e-mail",
        &[],
        html! {
            h1 { "Check your e-mail" }
            p.lead { "If a console account has that e-mail address or user name, and an e-mail address, \
                we have sent a link to choose a new password." }
            p { "The link works once, for " (LIFETIME_HOURS) " hours. If nothing arrives within a few minutes, \
                look in your spam folder, then ask whoever manages the console's users." }
            p { "If you use two-step sign-in, you will still need your code when you sign in." }
            p { a href="/console/login" { "Back to sign in" } }
        },
    )
}

/// The page that sets a password from a link: `csrf` is its pre-session
/// token, `token` the link's (carried in the form, so the address the form
/// posts to holds no secret).
pub fn set(csrf: &str, token: &str, purpose: Purpose, errors: &Errors) -> Markup {
    let title = match purpose {
        Purpose::Invitation => "Choose your password",
        Purpose::Reset => "Choose a new password",
    };
    page(
        None,
        title,
        errors,
        html! {
            h1 { (title) }
            p.lead { "This link works once. After you choose your password, sign in with your user name and it." }
            form method="post" action="/console/password/set" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="token" value=(token);
                (text_field("password", "New password", Some(PASSWORD_HINT), "password", "", errors, "new-password"))
                button.button type="submit" { "Set password" }
            }
        },
    )
}

/// A link that cannot be used: its time is up, or it was used already
/// (or replaced, or never made: those look the same).
pub fn unusable(expired: bool) -> Markup {
    let title = if expired {
        "This link has expired"
    } else {
        "This link has already been used or is not valid"
    };
    page(
        None,
        title,
        &[],
        html! {
            h1 { (title) }
            p { "Links to set a password work once, for " (LIFETIME_HOURS) " hours, and a newer link replaces an older one." }
            p { "If you have set your password already, " a href="/console/login" { "sign in" } "." }
            p { "Otherwise " a href="/console/password/forgot" { "ask for a new link" }
                ", or ask whoever manages the console's users to invite you again." }
        },
    )
}

/// An invitation's link shown once to the administrator, when it was not
/// mailed (no SMTP configured, or sending failed).
pub fn invitation_link(frame: &Frame, username: &str, link: &str, send_failed: bool) -> Markup {
    page(
        Some(frame),
        "Give them their invitation link",
        &[],
        html! {
            (notice(Some("User added.")))
            h1 { "Give " (username) " their invitation link" }
            @if send_failed {
                p.lead { "The mail server did not take the invitation, so it was not sent." }
            } @else {
                p.lead { "This server sends no e-mail (there is no [smtp] section in its configuration), so pass the link on yourself." }
            }
            p { strong { "This is the only time the link is shown." }
                " It works once, for " (LIFETIME_HOURS) " hours, and lets whoever holds it choose the password of "
                (username) ": send it only to them, by a channel you trust." }
            p { code.wrap id="invitation-link" { (link) } }
            p { a href="/console/users" { "I have passed it on: back to users" } }
        },
    )
}
