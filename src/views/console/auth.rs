//! Sign-in, first-administrator set-up, the console's home and refusals.

use super::{notice, page, text_field, Errors, Frame};
use crate::staff::Role;
use maud::{html, Markup};

/// The sign-in form; `csrf` is its pre-session token.
pub fn login(csrf: &str, username: &str, errors: &Errors, first_visit: bool) -> Markup {
    page(
        None,
        "Sign in to the console",
        errors,
        html! {
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
            p { "This console uses one cookie, for this console only: before you sign in it holds a random value that protects this form, then your session. The participant pages never set cookies." }
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
            p { "Or, with the server stopped: " code { "parrhesia user add --admin --username NAME" } " (see README.md)." }
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

pub fn home(frame: &Frame, done: Option<&str>) -> Markup {
    page(
        Some(frame),
        "Console",
        &[],
        html! {
            (notice(done))
            h1 { "Console" }
            @match frame.role {
                Role::Administrator | Role::Coordinator => {
                    ul {
                        li { a href="/console/organisations" { "Organisations and rounds" } ": set up rounds, print code cards, make invitations, close periods." }
                        @if frame.role == Role::Administrator {
                            li { a href="/console/moderation" { "Quotes to moderate" } }
                        }
                        @if frame.role == Role::Administrator {
                            li { a href="/console/users" { "Users and roles" } }
                            li { a href="/console/keys" { "Keys" } }
                            li { a href="/console/backups" { "Backups" } }
                            li { a href="/console/log" { "Staff action log" } }
                        }
                    }
                }
                Role::Moderator => {
                    p { a href="/console/moderation" { "Quotes to moderate" } ": approve, edit or reject quotes before they are published." }
                }
                Role::Organisation => {
                    p { a href="/console/space" { "Your digest and answers" } ": read your digest period by period, respond to each theme, and make and update pledges." }
                }
            }
            h2 { "What nobody here can see" }
            p { "No one, in any role, can see which card or invitation produced which critique: the service does not know." }
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
