//! The public record of answering, `/o/{organisation}/record` (issue 21):
//! per round and release, whether it was answered, on time or late, its
//! deadline, the responses (with earlier versions) and the pledges with
//! their history and reasons, and the running response rate. One column
//! of headings and short lists, so it reflows at 320 px without a wide
//! table. English only for now, like the audit pages.

use super::{date_text, layout_with, TABLES_CSS};
use crate::app::record::{PublicRecord, ReleaseView, RoundRecord};
use crate::domain::{PledgeRecord, PledgeStatus, ResponseRecord};
use crate::messages::Messages;
use maud::{html, Markup};

/// A period's name from its id, for a round of `weeks`-week periods.
fn period_name(m: &Messages, id: &str, weeks: u32) -> String {
    super::period_label(m, &[id.to_owned()], u8::try_from(weeks).unwrap_or(1))
}

/// The page in the reader's language frame (`m`: its `lang`, direction
/// and language links); its own words are English for now, and marked so.
pub fn record(m_frame: &Messages, r: &PublicRecord) -> Markup {
    let name = r.name.as_str();
    let title = format!("{name}: answering on the record");
    let path = format!("/o/{}", r.organisation);
    let english = (m_frame.language() != crate::messages::DEFAULT_LANGUAGE).then_some("en");
    let en = Messages::english();
    let m = &en;
    layout_with(
        m_frame,
        Some(&format!("{path}/record")),
        &title,
        false,
        &[TABLES_CSS],
        html! { div lang=[english] dir=[english.map(|_| "ltr")] {
            h1 { (title) }
            p.lead { "Every digest of " (name) " is published here with whether the organisation answered it, \
                whether it answered in time, and what it pledged and did." }
            h2 { "Response rate" }
            @match (r.rate.answered_percent, r.rate.on_time_percent) {
                (Some(answered), Some(on_time)) => {
                    p { "Of " (r.rate.counted) " digest(s) whose time to answer has ended or that were answered, "
                        (r.rate.answered) " were answered (" (answered) "%) and "
                        (r.rate.on_time) " on time (" (on_time) "%)." }
                }
                _ => { p { "No digest has been answered yet, and none is overdue." } }
            }
            h2 { "How this is judged" }
            p { "Each round gives the organisation a number of days to answer a digest, counted from the last day of \
                the period it covers. The service keeps no time finer than a period, so an answer counts as on time \
                when it was first published in the period holding the deadline or earlier; a digest nobody answered \
                is overdue once that period has ended. Every version of a response and every change to a pledge is \
                logged, so anyone can check this record with " code { "parrhesia verify" } " (see "
                a href="/audit" { "the audit page" } ")." }
            @if r.rounds.iter().all(|round| round.releases.is_empty()) {
                p { "No digest has been published yet." }
            }
            @for round in &r.rounds {
                @if !round.releases.is_empty() {
                    (round_section(m, round))
                }
            }
            h2 { "Other formats" }
            ul {
                li { a href=(format!("{path}/record.json")) { "This record as JSON" } }
                li { a href=(path) { "The digest" } }
                li { a href="/digests.atom" { "Feed of new digests and overdue answers (Atom)" } }
            }
        } },
    )
}

fn round_section(m: &Messages, round: &RoundRecord) -> Markup {
    html! {
        h2 { bdi { (round.title) } }
        p { "The organisation has " (round.days_to_answer) " days to answer each new digest of this round. Each digest keeps the days it was published with." }
        @for release in round.releases.iter().rev() {
            (release_section(m, round, release))
        }
    }
}

fn release_section(m: &Messages, round: &RoundRecord, release: &ReleaseView) -> Markup {
    let weeks = round.period_weeks;
    let responses: Vec<&ResponseRecord> = round
        .responses
        .iter()
        .filter(|r| r.period == release.period)
        .collect();
    let pledges: Vec<&PledgeRecord> = round
        .pledges
        .iter()
        .filter(|p| p.period == release.period)
        .collect();
    let id = format!("release-{}-{}", round.round, release.period);
    html! {
        section aria-labelledby=(id) {
            h3 id=(id) { "Digest for " (release.label) }
            p.inset { strong { (release.standing.label()) } }
            dl.facts {
                @if let Some(days) = release.days_to_answer.filter(|&d| d != round.days_to_answer) {
                    dt { "Days to answer" } dd { (days) " (set when this digest was published)" }
                }
                dt { "Deadline" } dd { (date_text(m, &release.deadline)) " (in the period " (period_name(m, &release.deadline_period, weeks)) ")" }
                @if let Some(p) = &release.answered_in {
                    dt { "First answered" } dd { "in the period " (period_name(m, p, weeks)) }
                }
                dt { "Pledges" } dd { (release.pledges_made) " made, " (release.pledges_done) " done, " (release.pledges_dropped) " dropped" }
            }
            h4 { "Responses" }
            @if responses.is_empty() {
                p { "No response." }
            } @else {
                @for r in &responses {
                    (response(m, r, weeks))
                }
            }
            h4 { "Pledges" }
            @if pledges.is_empty() {
                p { "No pledge." }
            } @else {
                ul {
                    @for p in &pledges {
                        li { (pledge(m, p, weeks)) }
                    }
                }
            }
        }
    }
}

fn response(m: &Messages, r: &ResponseRecord, weeks: u32) -> Markup {
    let Some(current) = r.versions.last() else {
        return html! {};
    };
    html! {
        div.response {
            p { strong { "Theme: " (r.theme) } " (published in the period " (period_name(m, &current.changed_in, weeks)) ")" }
            blockquote { p { (current.text) } }
            @if r.versions.len() > 1 {
                details {
                    summary { "Earlier versions (" (r.versions.len() - 1) ")" }
                    ol {
                        @for v in &r.versions[..r.versions.len() - 1] {
                            li { "In the period " (period_name(m, &v.changed_in, weeks)) ": " (v.text) }
                        }
                    }
                }
            }
        }
    }
}

fn pledge(m: &Messages, p: &PledgeRecord, weeks: u32) -> Markup {
    let status = p.history.last().map_or("", |c| c.status.label());
    html! {
        p { strong { (p.text) } " (theme: " (p.theme) "). Now: " (status) "." }
        ol.history {
            @for c in &p.history {
                li {
                    (c.status.label()) " in the period " (period_name(m, &c.period, weeks))
                    @if let Some(reason) = &c.reason {
                        @if c.status == PledgeStatus::Dropped { ". Reason given: " } @else { ". Note: " }
                        (reason)
                    }
                }
            }
        }
    }
}
