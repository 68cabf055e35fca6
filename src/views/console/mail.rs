//! Staff mail in the console (issue 21): each user's own address and the
//! kinds of mail they get, and the administrators' view of mail waiting
//! or not sent (on the dashboard).

use super::dashboard::day;
use super::{csrf, notice, page, text_field, wide_table, Errors, Frame};
use crate::app::mail::OutboxLine;
use crate::mail::Kind;
use crate::messages::Messages;
use maud::{html, Markup};

/// What a kind of mail is, for its checkbox and the dashboard.
fn describe(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Releases => (
            "New releases",
            "When a release of your organisation's digest is published, with a link to answer it.",
        ),
        Kind::Quotes => (
            "Quotes waiting",
            "Once a day, when quotes are waiting for moderation.",
        ),
        Kind::Periods => (
            "Periods",
            "When a period was held back, or has ended and is not sealed yet.",
        ),
        Kind::Security => (
            "Security",
            "A new administrator, rotated keys, or repeated refused sign-ins to an account.",
        ),
    }
}

/// The mail settings page. `allowed`: the kinds this role may get;
/// `chosen`: those ticked; `mail_on`: whether this service sends mail.
pub fn mail_settings(
    frame: &Frame,
    (email, allowed, chosen): (&str, &[Kind], &[Kind]),
    mail_on: bool,
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    page(
        Some(frame),
        "Mail settings",
        errors,
        html! {
            (notice(done))
            h1 { "Mail settings" }
            @if !mail_on {
                div.inset role="status" { p { "This service is not set up to send mail yet. \
                    Your settings are kept and used once it is." } }
            }
            p { "Parrhesia sends staff mail at fixed times only: after periods are sealed, \
                and once a day. It never says what anyone wrote, never gives a count finer \
                than the published digest, and never tells anyone when someone wrote." }
            form method="post" action="/console/account/mail" novalidate {
                (csrf(frame))
                (text_field("email", "Your e-mail address",
                    Some("Leave it empty to get no mail at all."), "email", email, errors, "email"))
                fieldset.fieldset {
                    legend.legend { "Mail you want" }
                    @for (i, kind) in allowed.iter().enumerate() {
                        @let id = if i == 0 { "kinds".to_owned() } else { format!("kinds-{}", kind.as_str()) };
                        @let hint_id = format!("kind-{}-hint", kind.as_str());
                        @let (label, hint) = describe(*kind);
                        div.checkbox {
                            input #(id) type="checkbox" name="kinds" value=(kind.as_str())
                                checked[chosen.contains(kind)] aria-describedby=(hint_id);
                            label for=(id) { (label) }
                            div.hint id=(hint_id) { (hint) }
                        }
                    }
                }
                button.button type="submit" { "Save mail settings" }
            }
        },
    )
}

/// The dashboard's section on staff mail: waiting, and not sent.
pub(super) fn outbox(frame: &Frame, m: &Messages, lines: &[OutboxLine]) -> Markup {
    let kinds = |l: &OutboxLine| {
        l.kinds
            .iter()
            .map(|k| describe(*k).0)
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        h2 { "Staff mail" }
        @if lines.is_empty() {
            p { "No mail is waiting, and none failed." }
        } @else {
            (wide_table("Staff mail waiting or not sent", html! {
                table.table {
                    caption.visually-hidden { "Staff mail waiting or not sent" }
                    thead { tr {
                        th scope="col" { "Mail" }
                        th scope="col" { "To" }
                        th scope="col" { "Planned" }
                        th scope="col" { "State" }
                        th scope="col" { "Problem" }
                        th scope="col" { span.visually-hidden { "Action" } }
                    } }
                    tbody {
                        @for l in lines {
                            tr {
                                td { (kinds(l)) }
                                td { (l.username) }
                                td { (day(m, l.planned_on)) }
                                td {
                                    @if l.given_up { "Not sent: given up" }
                                    @else if let Some(next) = l.next_try {
                                        @if l.attempts == 0 { "Waiting" }
                                        @else { "Waiting, tried again on " (day(m, next)) }
                                    }
                                }
                                td {
                                    @match l.failure {
                                        Some(f) => { span data-failure=(f.as_str()) { (f.describe()) } }
                                        None => { "None" }
                                    }
                                }
                                td {
                                    @if l.given_up {
                                        form method="post" action=(format!("/console/mail/{}/dismiss", l.id)) {
                                            (csrf(frame))
                                            button.button.button-secondary type="submit" {
                                                "Dismiss" span.visually-hidden { " the mail to " (l.username) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }))
            p.hint { "Mail that could not be sent is tried again at later batches (after 1, 2, 4 and 8 days), then given up. \
                The mail server's own words are not kept: they can quote addresses." }
        }
    }
}
