//! Organisations and rounds: lists, forms to create and edit, and the round
//! page with its counts and the forms for cards, invitations and periods.

use super::{csrf, notice, page, select, text_area, text_field, value, Errors, Frame, Values};
use crate::domain::{Organisation, Round};
use maud::{html, Markup};

/// What the host sees counted for a round.
pub struct RoundCounts {
    pub critiques: u64,
    pub codes_issued: u64,
    pub codes_spent: u64,
    pub invitations_issued: u64,
    pub invitations_used_up: u64,
}

pub fn organisations(
    frame: &Frame,
    list: &[(Organisation, usize)],
    values: &Values,
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    page(
        Some(frame),
        "Organisations and rounds",
        errors,
        html! {
            (notice(done))
            h1 { "Organisations and rounds" }
            @if list.is_empty() {
                p { "No organisations yet." }
            } @else {
                table.table {
                    caption.table-caption { "Organisations" }
                    thead { tr { th scope="col" { "Organisation" } th scope="col" .numeric { "Rounds" } } }
                    tbody {
                        @for (org, rounds) in list {
                            tr {
                                td { a href=(format!("/console/organisations/{}", org.slug)) { (org.name) } }
                                td.numeric { (rounds) }
                            }
                        }
                    }
                }
            }
            h2 { "Add an organisation" }
            form method="post" action="/console/organisations" novalidate {
                (csrf(frame))
                (text_field("name", "Name", Some("As participants know it, e.g. Riverside Care Services."), "text", value(values, "name"), errors, "off"))
                (text_field("slug", "Short name for addresses", Some("Lower-case letters, digits and hyphens, e.g. riverside-care."), "text", value(values, "slug"), errors, "off"))
                button.button type="submit" { "Add organisation" }
            }
        },
    )
}

pub fn organisation(
    frame: &Frame,
    org: &Organisation,
    rounds: &[Round],
    values: &Values,
    errors: &Errors,
) -> Markup {
    page(
        Some(frame),
        &format!("Organisation: {}", org.name),
        errors,
        html! {
            span.caption { "Organisation" }
            h1 { (org.name) }
            p { "Public digest: " a href=(format!("/o/{}", org.slug)) { "/o/" (org.slug) } }
            h2 { "Rounds" }
            @if rounds.is_empty() {
                p { "No rounds yet." }
            } @else {
                ul {
                    @for r in rounds {
                        li { a href=(format!("/console/rounds/{}", r.slug)) { (r.title) }
                            @if r.opened { " (open)" } @else { " (not opened yet)" } }
                    }
                }
            }
            h2 { "Add a round" }
            p { "A round is one question put to the people this organisation serves. It opens when you open it \
                or make its first cards or invitations; after that its themes can only be added to and its \
                minimum group size only raised." }
            form method="post" action="/console/rounds" novalidate {
                (csrf(frame))
                input type="hidden" name="organisation" value=(org.slug);
                (text_field("title", "Question", Some("e.g. How well do we listen to you?"), "text", value(values, "title"), errors, "off"))
                (text_area("description", "Introduction (optional)", Some("One or two sentences shown above the form."), value(values, "description"), errors))
                (text_field("slug", "Short name for the address", Some("Lower-case letters, digits and hyphens; the form will be at /r/short-name."), "text", value(values, "slug"), errors, "off"))
                (text_field("min_group", "Smallest group published (k)", Some("No count below this is ever shown. 5 unless you have a reason."), "text", or_default(value(values, "min_group"), "5"), errors, "off"))
                (text_field("rounding_base", "Round published counts to multiples of", Some("Optional; 5 unless you have a reason."), "text", value(values, "rounding_base"), errors, "off"))
                (text_field("min_period", "Fewest critiques before a period is published", Some("Optional; a smaller period waits and rolls into the next. At least 2k − 1; 10 unless you have a reason."), "text", value(values, "min_period"), errors, "off"))
                (text_field("period_weeks", "Weeks per reporting period", Some("1 to 13. Digests are released per period, never live."), "text", or_default(value(values, "period_weeks"), "1"), errors, "off"))
                button.button type="submit" { "Add round" }
            }
        },
    )
}

fn or_default<'a>(v: &'a str, d: &'a str) -> &'a str {
    if v.is_empty() {
        d
    } else {
        v
    }
}

/// The themes as one line each, `slug | label | description | Easy Read`,
/// for editing (trailing empty parts left out).
pub fn themes_text(round: &Round) -> String {
    round
        .themes
        .iter()
        .map(|t| {
            let mut parts = vec![
                t.slug.as_str(),
                t.label.as_str(),
                &t.description,
                &t.easy_read,
            ];
            while parts.len() > 2 && parts.last().is_some_and(|p| p.is_empty()) {
                parts.pop();
            }
            parts.join(" | ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[allow(clippy::too_many_arguments)]
pub fn round(
    frame: &Frame,
    org: &Organisation,
    round: &Round,
    url: &str,
    counts: &RoundCounts,
    values: &Values,
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    let themes = if value(values, "themes").is_empty() {
        themes_text(round)
    } else {
        value(values, "themes").to_owned()
    };
    page(
        Some(frame),
        &format!("Round: {}", round.title),
        errors,
        html! {
            (notice(done))
            span.caption { a href=(format!("/console/organisations/{}", org.slug)) { (org.name) } }
            h1 { (round.title) }
            dl.facts {
                dt { "Participants' address" } dd { a href=(url) { (url) } }
                dt { "State" } dd { @if round.opened { "Open" } @else { "Not opened yet: you can still change everything" } }
                dt { "Smallest group published (k)" } dd { (round.min_group.get()) }
                dt { "Counts rounded to multiples of" } dd { (round.rules.base()) }
                dt { "Fewest critiques before a period is published" } dd { (round.rules.min_period()) }
                dt { "Reporting period" } dd { (round.period.weeks()) " week(s)" }
            }
            h2 { "Counts" }
            table.table {
                caption.visually-hidden { "Counts for this round" }
                tbody {
                    tr { th scope="row" { "Critiques received" } td.numeric { (counts.critiques) } }
                    tr { th scope="row" { "Codes issued" } td.numeric { (counts.codes_issued) } }
                    tr { th scope="row" { "Codes spent" } td.numeric { (counts.codes_spent) } }
                    tr { th scope="row" { "Invitations made" } td.numeric { (counts.invitations_issued) } }
                    tr { th scope="row" { "Invitations used up" } td.numeric { (counts.invitations_used_up) } }
                }
            }
            h2 { "Change the round" }
            @if round.opened {
                p { "The round is open: themes can only be added, and the disclosure rules only made stricter." }
            }
            form method="post" action=(format!("/console/rounds/{}", round.slug)) novalidate {
                (csrf(frame))
                (text_field("title", "Question", None, "text", or_default(value(values, "title"), &round.title), errors, "off"))
                (text_area("description", "Introduction (optional)", None, or_default(value(values, "description"), &round.description), errors))
                (text_field("min_group", "Smallest group published (k)", None, "text", or_default(value(values, "min_group"), &round.min_group.get().to_string()), errors, "off"))
                (text_field("rounding_base", "Round published counts to multiples of", None, "text", or_default(value(values, "rounding_base"), &round.rules.base().to_string()), errors, "off"))
                (text_field("min_period", "Fewest critiques before a period is published", None, "text", or_default(value(values, "min_period"), &round.rules.min_period().to_string()), errors, "off"))
                (text_area("themes", "Themes", Some("One theme a line: short-name | label | description | Easy Read description (the last two optional)."), &themes, errors))
                button.button type="submit" { "Save changes" }
            }
            p { a href=(format!("/console/rounds/{}/keyphrases", round.slug)) { "Recurring phrases in “Something else”, to promote to a theme" } }
            @if !round.opened {
                h2 { "Open the round" }
                p { "Opening fixes the rules people write under. Making cards or invitations opens it too." }
                form method="post" action=(format!("/console/rounds/{}/open", round.slug)) {
                    (csrf(frame))
                    button.button type="submit" { "Open the round" }
                }
            }
            h2 { "Paper code cards" }
            p { "Each card holds one code, good for one critique. The sheet is shown once, now: the service keeps only \
                a scrambled form of each code and can never print them again. Cards come in random order; hand them \
                out at random and do not write down who got which." }
            form method="post" action=(format!("/console/rounds/{}/codes", round.slug)) novalidate {
                (csrf(frame))
                (text_field("count", "How many cards", Some("1 to 10000. Eight print on an A4 page."), "text", value(values, "count"), errors, "off"))
                (language_select("language", "Language printed on the cards", values, errors))
                button.button type="submit" { "Make and print cards" }
            }
            h2 { "Invitations by e-mail or text" }
            p { "Each invitation is a personal link, downloaded once as a CSV file for a mail merge. The service keeps \
                only a scrambled form of each invitation." }
            p { strong { "Why a link cannot reveal who wrote what: " }
                "the invitation sits after the # in the link, which browsers never send to the server. The page uses it \
                to obtain an anonymous token (Privacy Pass): the server signs a blinded value it cannot recognise later, \
                so the token spent on a critique cannot be matched to the invitation that obtained it, even by us." }
            form method="post" action=(format!("/console/rounds/{}/invitations", round.slug)) novalidate {
                (csrf(frame))
                (text_field("invitations", "How many invitations", Some("1 to 10000."), "text", value(values, "invitations"), errors, "off"))
                (language_select("invitation-language", "Language the links open in", values, errors))
                button.button type="submit" { "Make invitations and download CSV" }
            }
            h2 { "Close the current period" }
            p { "Closing seals this round's open period now: its digest is frozen, published (groups of at least k only) \
                and signed into the log. New critiques go into the next period. Other rounds are not affected." }
            form method="post" action="/console/periods/close" {
                (csrf(frame))
                input type="hidden" name="round" value=(round.slug);
                button.button type="submit" { "Close the current period" }
            }
        },
    )
}

/// A choice of shipped language for cards or invitation links; "" lets
/// each reader's browser choose.
fn language_select(id: &str, label: &str, values: &Values, errors: &Errors) -> Markup {
    let mut options = vec![(String::new(), "Each reader's browser decides".to_owned())];
    options.extend(
        crate::messages::language_list()
            .iter()
            .map(|l| (l.tag.to_owned(), format!("{} ({})", l.name, l.tag))),
    );
    select(id, label, &options, value(values, id), errors)
}
