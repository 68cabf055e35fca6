//! Two-step sign-in: the second step of signing in, enrolment (a QR code
//! drawn on the server and the same secret as text), the recovery codes
//! shown once, and turning it off. No JavaScript.

use super::{csrf, notice, page, text_field, Errors, Frame};
use maud::{html, Markup};

/// What the code field says, on the second step and when turning it off.
const CODE_HINT: &str = "The 6 digits your authenticator app shows now.";

/// The second step of signing in, after a correct password; `csrf` is its
/// pre-session token.
pub fn second_step(csrf: &str, errors: &Errors) -> Markup {
    page(
        None,
        "Enter your sign-in code",
        errors,
        html! {
            h1 { "Enter your sign-in code" }
            p.lead { "Your account uses two-step sign-in. Open your authenticator app and type the code it shows for Parrhesia." }
            form method="post" action="/console/login/code" novalidate {
                input type="hidden" name="csrf" value=(csrf);
                (text_field("code", "Code", Some("6 digits from your app, or one of your recovery codes (each works once)."),
                    "text", "", errors, "one-time-code"))
                button.button type="submit" { "Continue" }
            }
            p { "Lost your phone and your recovery codes? Ask an administrator to remove your account and add it "
                "again (README.md, “Lost passwords and tokens”)." }
            p { a href="/console/login" { "Start signing in again" } }
        },
    )
}

/// Enrolment: the QR code (`figure`, from `crate::views::qr::enrolment`)
/// and the form for the first code. `required`: the account may not go on
/// without it.
pub fn enrol(
    frame: &Frame,
    figure: Markup,
    errors: &Errors,
    required: bool,
    done: Option<&str>,
) -> Markup {
    page(
        Some(frame),
        "Set up two-step sign-in",
        errors,
        html! {
            (notice(done))
            h1 { "Set up two-step sign-in" }
            @if required {
                div.inset role="status" { p { "Administrators must use two-step sign-in on this service. Set it up to go on." } }
            }
            p.lead { "After your password, you will also type a code from an app on your phone, so a stolen or guessed password alone cannot sign in." }
            h2 { "1. Add Parrhesia to your authenticator app" }
            p { "Any app for time-based codes works, for example FreeOTP, Aegis or the one built into your password manager." }
            (figure)
            h2 { "2. Type the code your app shows" }
            form method="post" action="/console/account/two-step" novalidate {
                (csrf(frame))
                (text_field("code", "Code", Some(CODE_HINT), "text", "", errors, "one-time-code"))
                button.button type="submit" { "Turn on two-step sign-in" }
            }
        },
    )
}

/// The recovery codes, shown once, right after enrolment.
pub fn recovery_codes(frame: &Frame, codes: &[&str]) -> Markup {
    page(
        Some(frame),
        "Two-step sign-in is on: keep your recovery codes",
        &[],
        html! {
            div.inset role="status" { p { "Two-step sign-in is on." } }
            h1 { "Keep your recovery codes" }
            p.lead { "If you lose your phone, type one of these instead of a code. Each works once. "
                strong { "This is the only time they are shown:" } " print them or keep them in your password manager now." }
            ol id="recovery-codes" {
                @for c in codes { li { code { (c) } } }
            }
            p { a href="/console" { "I have kept them: go to the console home" } }
        },
    )
}

/// Two-step sign-in is on: how many recovery codes are left, and turning
/// it off.
pub fn enrolled(frame: &Frame, remaining: usize, errors: &Errors, done: Option<&str>) -> Markup {
    page(
        Some(frame),
        "Two-step sign-in",
        errors,
        html! {
            (notice(done))
            h1 { "Two-step sign-in" }
            p { "Two-step sign-in is " strong { "on" } " for your account. You have "
                (remaining) " unused recovery " (if remaining == 1 { "code" } else { "codes" }) "." }
            h2 { "Turn it off" }
            form method="post" action="/console/account/two-step/disable" novalidate {
                (csrf(frame))
                (text_field("code", "Code", Some(CODE_HINT), "text", "", errors, "one-time-code"))
                button.button.button-secondary type="submit" { "Turn off two-step sign-in" }
            }
        },
    )
}
