//! Server-rendered pages (maud). One function per page, no logic beyond
//! presentation; every page works without JavaScript and loads nothing from
//! another origin.

mod cards;
mod digest;
mod invite;
mod pages;
mod round;

pub use cards::{code_sheet, CARDS_CSS};
pub use digest::digest;
pub use invite::invite_page;
pub use pages::{home, not_found, problem};
pub use round::{confirmation, round_form, FormErrors, FormValues};

use maud::{html, Markup, DOCTYPE};

/// The page frame: language, title, skip link, header, main, footer.
pub fn layout(title: &str, has_error: bool, body: Markup) -> Markup {
    let title = if has_error {
        format!("Error: {title} – Parrhesia")
    } else {
        format!("{title} – Parrhesia")
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                a.skip-link href="#main" { "Skip to main content" }
                header.header {
                    div.width { a.service href="/" { "Parrhesia" } " – speak frankly, safely" }
                }
                main #main .width {
                    (body)
                }
                footer.footer {
                    div.width {
                        p { "Parrhesia does not record who you are. It keeps no addresses, \
                             no cookies and no exact times." }
                    }
                }
            }
        }
    }
}

/// A GOV.UK-style error summary: first on the page, linking to each field.
pub fn error_summary(items: &[(&str, String)]) -> Markup {
    html! {
        @if !items.is_empty() {
            div.error-summary role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title" {
                h2 #error-summary-title { "There is a problem" }
                ul {
                    @for (field, message) in items {
                        li { a href=(format!("#{field}")) { (message) } }
                    }
                }
            }
        }
    }
}
