//! The console's home after sign-in: a dashboard of what is going on and
//! what to do next, for the signed-in role. Live counts are shown only as
//! bands (see `digest::disclosure::live_band`).

use super::{notice, page, Frame};
use crate::staff::Role;
use maud::{html, Markup};

/// A round as the dashboard lists it.
pub struct RoundLine {
    pub slug: String,
    pub title: String,
    pub organisation: String,
    pub opened: bool,
    /// "Week 48 of 2026 (23 to 29 November)".
    pub period: String,
    /// The day the open period ends ("29 November 2026").
    pub ends: String,
    /// Comments in the open period, as a band ("fewer than 10").
    pub comments: String,
    /// Releases published so far.
    pub releases: usize,
}

/// One thing to do, with where to do it.
pub struct Action {
    pub text: String,
    pub href: String,
    pub link: String,
}

/// Everything the dashboard shows; parts a role does not use are empty.
#[derive(Default)]
pub struct Dashboard {
    pub rounds: Vec<RoundLine>,
    /// Quotes waiting for a decision (administrators and moderators).
    pub quotes_waiting: Option<usize>,
    /// The next day a period ends and is sealed, and the rounds it seals.
    pub next_sealing: Option<(String, Vec<String>)>,
    /// What to do, most pressing first.
    pub actions: Vec<Action>,
    /// An organisation user's organisation and how its digest stands.
    pub organisation: Option<(String, String)>,
}

pub fn dashboard(frame: &Frame, d: &Dashboard, done: Option<&str>) -> Markup {
    page(
        Some(frame),
        "Dashboard",
        &[],
        html! {
            (notice(done))
            h1 { "Dashboard" }
            @if let Some((first, rest)) = d.actions.split_first() {
                div.inset {
                    h2 { "Next" }
                    p { (first.text) " " a href=(first.href) { (first.link) } }
                }
                @if !rest.is_empty() {
                    h2 { "Also to do" }
                    ul {
                        @for a in rest {
                            li { (a.text) " " a href=(a.href) { (a.link) } }
                        }
                    }
                }
            } @else {
                div.inset { p { "Nothing needs doing now." } }
            }
            @if matches!(frame.role, Role::Administrator | Role::Coordinator) {
                h2 { "Rounds" }
                @if d.rounds.is_empty() {
                    p { "No rounds yet. " a href="/console/organisations" { "Add an organisation and a round" } }
                } @else {
                    (super::wide_table("Rounds", html! { table.table {
                        caption.table-caption { "Rounds and their open periods" }
                        thead { tr {
                            th scope="col" { "Round" }
                            th scope="col" { "Open period" }
                            th.numeric scope="col" { "Comments so far" }
                            th.numeric scope="col" { "Published" }
                        } }
                        tbody {
                            @for r in &d.rounds {
                                tr {
                                    th scope="row" {
                                        a href=(format!("/console/rounds/{}", r.slug)) { (r.title) }
                                        br; span.hint { (r.organisation) }
                                    }
                                    td {
                                        @if r.opened { (r.period) br; span.hint { "Ends " (r.ends) } }
                                        @else { "Not opened yet" }
                                    }
                                    td.numeric { @if r.opened { (r.comments) } @else { "–" } }
                                    td.numeric { (r.releases) }
                                }
                            }
                        }
                    } }))
                    p.hint { "Comments are shown in ranges, never exactly, so that nobody watching this page can tell when one person wrote." }
                }
                @if let Some((day, rounds)) = &d.next_sealing {
                    h2 { "Next sealing" }
                    p { "On " (day) ": " (rounds.join(", ")) ". Each period is sealed the day after it ends: its digest is frozen, published (groups large enough only) and signed into the log." }
                }
            }
            @if let Some(n) = d.quotes_waiting {
                h2 { "Quotes waiting" }
                p {
                    @if n == 0 { "No quotes are waiting for a decision." }
                    @else { (n) @if n == 1 { " quote is" } @else { " quotes are" } " waiting for a decision. " a href="/console/moderation" { "Moderate quotes" } }
                }
            }
            @if let Some((name, state)) = &d.organisation {
                h2 { (name) }
                p { (state) " " a href="/console/space" { "Your digest and answers" } }
            }
            h2 { "What nobody here can see" }
            p { "No one, in any role, can see which card or invitation produced which comment: the service does not know." }
        },
    )
}
