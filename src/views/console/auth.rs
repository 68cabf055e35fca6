//! Sign-in, first-administrator set-up, the console's home and refusals.

use super::{notice, page, text_field, Errors, Frame};
use maud::{html, Markup};

/// The sign-in form; `csrf` is its pre-session token.
pub fn login(
    csrf: &str,
    username: &str,
    errors: &Errors,
    first_visit: bool,
    done: Option<&str>,
) -> Markup {
    page(
        None,
        "Sign in to the console",
        errors,
        html! {
            (notice(done))
            h1 { "Sign in to the console" }
            p.lead { "The console is for staff who run Parrhesia and for organisations answering their digest. \
                Participants never need an account." }
            form method="post" action="/console/login" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                (text_field("username", "User name", None, "text", username, errors, "username"))
                (text_field("password", "Password", None, "password", "", errors, "current-password"))
                button.button type="submit" { "Sign in" }
            }
            @if first_visit {
                h2 { "No accounts yet" }
                p { a href="/console/setup" { "Create the first administrator with the admin token" } }
            }
            p { a href="/console/password/forgot" { "Forgotten your password?" } " We can e-mail you a link to choose a new one. \
                If no one can sign in, see README.md, “Lost passwords and tokens”." }
            p { "This console uses one cookie, for this console only: before you sign in it holds a random value \
                that protects this form, then your session. The participant pages never set cookies." }
        },
    )
}

/// The first administrator's form; `csrf` is its pre-session token.
pub fn setup(csrf: &str, username: &str, errors: &Errors) -> Markup {
    page(
        None,
        "Create the first administrator",
        errors,
        html! {
            h1 { "Create the first administrator" }
            p.lead { "There are no console accounts yet. Prove you run this service with the admin token \
                (printed when the server first started, or set as PARRHESIA_ADMIN_TOKEN), then choose \
                your user name and password." }
            form method="post" action="/console/setup" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                (text_field("token", "Admin token", None, "password", "", errors, "off"))
                (text_field("username", "User name", Some("3 to 64 characters: lower-case letters, digits, dots, hyphens, underscores or @."), "text", username, errors, "username"))
                (text_field("password", "Password", Some("At least 12 characters. A few unrelated words make a good one."), "password", "", errors, "new-password"))
                button.button type="submit" { "Create administrator" }
            }
            p { "Or, with the server stopped: " code { "parrhesia user add --admin --username NAME" } " (README.md, \"Lost passwords and tokens\")." }
        },
    )
}

pub fn setup_closed() -> Markup {
    page(
        None,
        "The console is already set up",
        &[],
        html! {
            h1 { "The console is already set up" }
            p { "An administrator exists. Ask them for an account, then "
                a href="/console/login" { "sign in" } "." }
        },
    )
}

pub fn forbidden(frame: Option<&Frame>, title: &str, body: &str) -> Markup {
    page(
        frame,
        title,
        &[],
        html! {
            h1 { (title) }
            p { (body) }
            p { a href="/console" { "Go to the console home" } }
        },
    )
}
