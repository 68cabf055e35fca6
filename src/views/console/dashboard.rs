//! The console's home after sign-in: a dashboard of what is going on and
//! what to do next, for the signed-in role (see `app::dashboard`). Live
//! counts arrive only as bands.

use super::{notice, page, Frame};
use crate::app::dashboard::{Dashboard, Next};
use crate::messages::Messages;
use crate::staff::Role;
use maud::{html, Markup};
use time::Date;

/// A day as the rest of the site writes it ("30 November 2026").
pub(super) fn day(m: &Messages, d: Date) -> String {
    let id = format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
    crate::views::date_text(m, &id)
}

/// What to do, in words, and where to do it.
fn next(n: &Next) -> (String, String, &'static str) {
    match n {
        Next::AddOrganisation => (
            "Start by adding the organisation people will give feedback about.".into(),
            "/console/organisations".into(),
            "Add an organisation",
        ),
        Next::AddRound(slug, name) => (
            format!("{name} has no feedback round yet."),
            format!("/console/organisations/{slug}"),
            "Add a round",
        ),
        Next::OpenRound(slug, title) => (
            format!("“{title}” is not open yet: check its question and themes, then open it."),
            format!("/console/rounds/{slug}"),
            "Open the round",
        ),
        Next::HandOut(slug, title) => (
            format!("“{title}” is open but nobody has a code or an invitation."),
            format!("/console/rounds/{slug}"),
            "Make cards or invitations",
        ),
        Next::Moderate(1) => (
            "1 quote is waiting for a decision before it can be published.".into(),
            "/console/moderation".into(),
            "Moderate quotes",
        ),
        Next::Moderate(n) => (
            format!("{n} quotes are waiting for a decision before they can be published."),
            "/console/moderation".into(),
            "Moderate quotes",
        ),
        Next::Respond(n) => (
            format!("Respond to the {n} themes people raised in your latest release."),
            "/console/space".into(),
            "Your digest and answers",
        ),
    }
}

pub fn dashboard(frame: &Frame, d: &Dashboard, done: Option<&str>) -> Markup {
    let m = Messages::english();
    let todo: Vec<(String, String, &str)> = d.next.iter().map(next).collect();
    page(
        Some(frame),
        "Dashboard",
        &[],
        html! {
            (notice(done))
            h1 { "Dashboard" }
            @if let Some(((text, href, link), rest)) = todo.split_first() {
                div.inset {
                    h2 { "Next" }
                    p { (text) " " a href=(href) { (link) } }
                }
                @if !rest.is_empty() {
                    h2 { "Also to do" }
                    ul {
                        @for (text, href, link) in rest {
                            li { (text) " " a href=(href) { (link) } }
                        }
                    }
                }
            } @else {
                div.inset { p { "Nothing needs doing now." } }
            }
            @if matches!(frame.role, Role::Administrator | Role::Coordinator) {
                h2 { "Rounds and their open periods" }
                @if d.rounds.is_empty() {
                    p { "No rounds yet. " a href="/console/organisations" { "Add an organisation and a round" } }
                } @else {
                    // A list, not a table: it reads on a phone without
                    // breaking words.
                    ul {
                        @for r in &d.rounds {
                            li {
                                p {
                                    a href=(format!("/console/rounds/{}", r.slug)) { strong { (r.title) } }
                                    " (" (r.organisation) ")"
                                }
                                p {
                                    @if r.opened {
                                        "Open period: " (crate::views::period_label(&m, &[r.period.id()], r.weeks))
                                        ", ends " (day(&m, r.period.last_day())) ". "
                                        "Comments so far: " (r.comments.label()) ". "
                                    } @else { "Not opened yet. " }
                                    "Releases published: " (r.releases) "."
                                }
                            }
                        }
                    }
                    p.hint { "Comments are shown in ranges, never exactly, so that nobody watching this page can tell when one person wrote." }
                }
                @if let Some((on, rounds)) = &d.next_sealing {
                    h2 { "Next sealing" }
                    @let named: Vec<String> = rounds.iter().map(|t| format!("“{t}”")).collect();
                    p { "On " (day(&m, *on)) ", the open " @if named.len() == 1 { "period" } @else { "periods" }
                        " of " (named.join(", ")) " will be sealed: each digest is frozen, published (groups large enough only) \
                        and signed into the log. A period is sealed the day after it ends." }
                }
            }
            @if let Some(n) = d.quotes_waiting {
                h2 { "Quotes waiting" }
                p {
                    @if n == 0 { "No quotes are waiting for a decision." }
                    @else { (n) @if n == 1 { " quote is" } @else { " quotes are" } " waiting for a decision. " a href="/console/moderation" { "Moderate quotes" } }
                }
            }
            @if let Some(lines) = &d.mail {
                (super::mail::outbox(frame, &m, lines))
            }
            @if let Some(o) = &d.organisation {
                h2 { (o.name) }
                p {
                    @match &o.latest {
                        None => "Nothing has been published yet: your digest appears here after the first period ends.",
                        Some((periods, weeks)) => {
                            "The latest release is " (crate::views::period_label(&m, periods, *weeks)) ". "
                            @if o.unanswered > 0 { (o.unanswered) " of its themes have no response from you yet." }
                            @else { "You have responded to every theme it shows." }
                        }
                    }
                    " " a href="/console/space" { "Your digest and answers" }
                }
            }
            h2 { "What nobody here can see" }
            p { "No one, in any role, can see which card or invitation produced which comment: the service does not know." }
        },
    )
}
