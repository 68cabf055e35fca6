//! Organisations and rounds: lists, forms to create and edit, and the round
//! page with its counts and the forms for cards, invitations and periods.

use super::{csrf, notice, page, select, text_area, text_field, value, Errors, Frame, Values};
use crate::app::live::OpenBands;
use crate::domain::{Organisation, Round};
use maud::{html, Markup};

/// The label of each field of the organisation and round forms: the
/// forms show it, and problems are worded with it.
pub const FIELD_LABELS: &[(&str, &str)] = &[
    ("name", "Name"),
    ("slug", "Short name"),
    ("title", "Question"),
    ("description", "Introduction"),
    ("min_group", "Smallest group published (k)"),
    ("rounding_base", "Round published counts to multiples of"),
    ("min_period", "Fewest comments before a period is published"),
    ("period_weeks", "Weeks per reporting period"),
    ("postal_address", "Postal address for paper forms"),
    ("freepost", "Freepost line"),
    (
        "days_to_answer",
        "Days the organisation has to answer a digest",
    ),
];

/// What the days to answer mean, under its field.
const DAYS_HINT: &str =
    "1 to 365; 28 unless you have a reason. Counted from the last day of each published \
    period. A change applies to digests published after it: each digest keeps the days it was \
    published with. The public record shows whether each digest was answered in time, judged by \
    period.";

/// A field's label ("" for an unknown field).
pub fn label_of(field: &str) -> &'static str {
    FIELD_LABELS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, l)| *l)
}

/// The parts of a theme row: (field part, label).
pub const THEME_FIELDS: &[(&str, &str)] = &[
    ("slug", "Short name"),
    ("label", "Name"),
    ("description", "Description (optional)"),
    ("easy_read", "Easy Read line (optional)"),
];

/// Empty rows offered for new themes.
const NEW_THEME_ROWS: usize = 3;

/// The smallest group below which the round page warns.
const USUAL_K: u32 = 5;

/// What the host sees counted for a round: exact for sealed periods, the
/// open period's only as bands refreshed at most hourly.
pub struct RoundCounts {
    pub critiques: u64,
    pub codes_issued: u64,
    pub codes_spent: u64,
    pub invitations_issued: u64,
    pub open: OpenBands,
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
                (text_field("name", label_of("name"), Some("As participants know it, e.g. Riverside Care Services."), "text", value(values, "name"), errors, "off"))
                (text_field("slug", label_of("slug"), Some("For addresses: lower-case letters, digits and hyphens, e.g. riverside-care."), "text", value(values, "slug"), errors, "off"))
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
                (text_field("title", label_of("title"), Some("e.g. How well do we listen to you?"), "text", value(values, "title"), errors, "off"))
                (text_area("description", &optional("description"), Some("One or two sentences shown above the form."), value(values, "description"), errors))
                (text_field("slug", label_of("slug"), Some("For the address: lower-case letters, digits and hyphens; the form will be at /r/short-name."), "text", value(values, "slug"), errors, "off"))
                (text_field("min_group", label_of("min_group"), Some("No count below this is ever shown. 5 unless you have a reason: with 2 or 3, people who know each other can often work out who wrote what."), "text", or_default(value(values, "min_group"), "5"), errors, "off"))
                (text_field("rounding_base", &optional("rounding_base"), Some("5 unless you have a reason."), "text", value(values, "rounding_base"), errors, "off"))
                (text_field("min_period", &optional("min_period"), Some("A smaller period waits and rolls into the next. At least 2k − 1; 10 unless you have a reason."), "text", value(values, "min_period"), errors, "off"))
                (text_field("period_weeks", label_of("period_weeks"), Some("1 to 13. Digests are released per period, never live."), "text", or_default(value(values, "period_weeks"), "1"), errors, "off"))
                (text_field("days_to_answer", label_of("days_to_answer"), Some(DAYS_HINT), "text", or_default(value(values, "days_to_answer"), "28"), errors, "off"))
                button.button type="submit" { "Add round" }
            }
        },
    )
}

/// A field's label marked "(optional)".
fn optional(field: &str) -> String {
    format!("{} (optional)", label_of(field))
}

/// The themes, one row of fields each: an unopened round's to edit, an
/// open round's listed (they can only be added to), then empty rows for
/// new themes. `theme-rows` says how many rows the form has.
fn theme_rows(round: &Round, values: &Values, errors: &Errors) -> Markup {
    let kept = if round.opened { round.themes.len() } else { 0 };
    let editable: Vec<&crate::domain::Theme> = round.themes[kept..].iter().collect();
    let rows = editable.len() + NEW_THEME_ROWS;
    let typed = !value(values, "theme-rows").is_empty();
    html! {
        fieldset.fieldset {
            legend.legend { "Themes" }
            div.hint { "The themes people choose from, in this order. Short names are used in addresses and files; \
                the name and its description are what people read. Leave a row empty to remove it, or to add nothing." }
            @if round.opened {
                p { "The round is open, so its themes stay as they are and new ones are added after them:" }
                ol { @for t in &round.themes { li { (t.label()) " (" code { (t.slug()) } ")" } } }
            }
            input type="hidden" name="theme-rows" value=(rows);
            @for i in 0..rows {
                @let theme = editable.get(i);
                @let n = kept + i;
                div.theme-row {
                    h3.theme-row-title { "Theme " (n + 1) @if theme.is_none() { " (new)" } }
                    @for (part, label) in THEME_FIELDS {
                        @let id = format!("theme-{n}-{part}");
                        @let current = theme.map(|t| match *part {
                            "slug" => t.slug().to_string(),
                            "label" => t.label().to_owned(),
                            "description" => t.description().to_owned(),
                            _ => t.easy_read().to_owned(),
                        }).unwrap_or_default();
                        @let shown = if typed { value(values, &id).to_owned() } else { current };
                        @if *part == "easy_read" || *part == "description" {
                            (text_area(&id, label, None, &shown, errors))
                        } @else {
                            (text_field(&id, label, None, "text", &shown, errors, "off"))
                        }
                    }
                }
            }
        }
    }
}

fn or_default<'a>(v: &'a str, d: &'a str) -> &'a str {
    if v.is_empty() {
        d
    } else {
        v
    }
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
                dt { "Days to answer a digest" } dd { (round.days_to_answer.days()) " (" a href=(format!("/o/{}/record", org.slug)) { "the public record" } ")" }
            }
            @if round.min_group.get() < USUAL_K {
                div.inset.warning role="note" {
                    p { strong { "Warning: " } "the smallest group published is " (round.min_group.get()) ". A count that small \
                        can be published, and people who know each other can often work out who wrote what. "
                        (USUAL_K) " is the usual smallest group." }
                }
            }
            h2 { "Counts" }
            table.table {
                caption.visually-hidden { "Counts for this round" }
                tbody {
                    tr { th scope="row" { "Critiques in sealed periods" } td.numeric { (counts.critiques) } }
                    tr { th scope="row" { "Critiques in the open period" } td.numeric { (counts.open.critiques.label()) } }
                    tr { th scope="row" { "Codes issued" } td.numeric { (counts.codes_issued) } }
                    tr { th scope="row" { "Codes spent in sealed periods" } td.numeric { (counts.codes_spent) } }
                    tr { th scope="row" { "Codes spent in the open period" } td.numeric { (counts.open.codes_spent.label()) } }
                    tr { th scope="row" { "Invitations made" } td.numeric { (counts.invitations_issued) } }
                    tr { th scope="row" { "Invitations used up" } td.numeric { (counts.open.invitations_used_up.label()) } }
                }
            }
            p { "While a period is open its counts are shown only in bands, updated at most once an hour, so nobody \
                can tell when one person wrote. Exact counts appear when the period is sealed." }
            h2 { "Change the round" }
            @if round.opened {
                p { "The round is open: themes can only be added, and the disclosure rules only made stricter." }
            }
            form method="post" action=(format!("/console/rounds/{}", round.slug)) novalidate {
                (csrf(frame))
                (text_field("title", label_of("title"), None, "text", or_default(value(values, "title"), &round.title), errors, "off"))
                (text_area("description", &optional("description"), None, or_default(value(values, "description"), &round.description), errors))
                (text_field("min_group", label_of("min_group"), None, "text", or_default(value(values, "min_group"), &round.min_group.get().to_string()), errors, "off"))
                (text_field("rounding_base", label_of("rounding_base"), None, "text", or_default(value(values, "rounding_base"), &round.rules.base().to_string()), errors, "off"))
                (text_field("min_period", label_of("min_period"), None, "text", or_default(value(values, "min_period"), &round.rules.min_period().to_string()), errors, "off"))
                (text_field("days_to_answer", label_of("days_to_answer"), Some(DAYS_HINT), "text", or_default(value(values, "days_to_answer"), &round.days_to_answer.days().to_string()), errors, "off"))
                (text_area("postal_address", &optional("postal_address"), Some("Printed on the paper form so people can post it back, one line of the address a line. Leave it empty if forms are only handed in."), or_default(value(values, "postal_address"), &round.postal_address), errors))
                (text_field("freepost", &optional("freepost"), Some("If you have a freepost licence, e.g. FREEPOST RIVERSIDE CARE: the form then says no stamp is needed."), "text", or_default(value(values, "freepost"), &round.freepost), errors, "off"))
                (theme_rows(round, values, errors))
                button.button type="submit" { "Save changes" }
            }
            p { a href=(format!("/console/rounds/{}/keyphrases", round.slug)) { "Recurring phrases in “Something else”, to promote to a theme" } }
            h2 { "Questions" }
            p {
                a href=(format!("/console/rounds/{}/questions", round.slug)) { "Questions beside the free text" }
                " (" (round.questions.len()) " asked"
                @if round.answers_without_text { "; answers may be sent without writing" }
                ")"
            }
            (super::translation_links(round))
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
            p { "A period is sealed and published by itself the day after it ends. You can close it early: \
                the next page says what that would do, before anything happens." }
            p { a href=(format!("/console/rounds/{}/close", round.slug)) { "Close the current period early" } }
        },
    )
}

/// What the close page says about a round's open period.
pub struct CloseView<'a> {
    pub round: &'a Round,
    /// "Week 48 of 2026 (23 to 29 November)".
    pub period: String,
    /// Comments so far, as a band from the hourly snapshot.
    pub comments: String,
    /// Why it cannot be closed now, if it cannot.
    pub refusal: Option<CannotClose>,
    /// Whether a close was just tried and refused (shown as an error).
    pub tried: bool,
}

/// Why a period cannot be closed early now (issue 16, item 4).
pub enum CannotClose {
    /// It holds fewer than this many comments.
    TooFew(u64),
    /// It is the rest of a period closed early already.
    ClosedAlready,
    /// It began today.
    JustBegun,
}

impl CannotClose {
    fn summary(&self) -> String {
        match self {
            Self::TooFew(needed) => format!(
                "This period cannot be closed early yet: it needs at least {needed} comments."
            ),
            Self::ClosedAlready => {
                "This round's period was closed early already: the rest of it closes at its end."
                    .into()
            }
            Self::JustBegun => {
                "This period began today: it can be closed early from tomorrow.".into()
            }
        }
    }
}

/// Before closing a period early: what will happen, then the button; or
/// why it cannot be closed now.
pub fn close_period(frame: &Frame, org: &Organisation, v: &CloseView) -> Markup {
    let round = v.round;
    let errors: Vec<(&str, String)> = match (&v.refusal, v.tried) {
        (Some(why), true) => vec![("why", why.summary())],
        _ => Vec::new(),
    };
    page(
        Some(frame),
        &format!("Close the current period: {}", round.title),
        &errors,
        html! {
            span.caption { a href=(format!("/console/rounds/{}", round.slug)) { (round.title) } " – " (org.name) }
            h1 { "Close the current period early" }
            @match &v.refusal {
                Some(CannotClose::ClosedAlready) => {
                    div.inset #why {
                        p { "This round's period was closed early already, and a period is closed early at most once. \
                            New comments go into " strong { (v.period) } ", the rest of it from the day of the close." }
                        p { "It is sealed by itself when it ends." }
                    }
                    p { a href=(format!("/console/rounds/{}", round.slug)) { "Back to the round" } }
                }
                Some(CannotClose::JustBegun) => {
                    div.inset #why {
                        p { "The open period, " strong { (v.period) } ", began today. It can be closed early from tomorrow, \
                            once it holds enough comments." }
                    }
                    p { a href=(format!("/console/rounds/{}", round.slug)) { "Back to the round" } }
                }
                Some(CannotClose::TooFew(needed)) => {
                    p.lead { "The open period is " strong { (v.period) } "." }
                    div.inset #why {
                        p { "It cannot be closed early yet: a period is closed early only once it holds at least "
                            strong { (needed) " comments" } " (the larger of the round's smallest group, "
                            (round.rules.k()) ", and its fewest comments per published period, " (round.rules.min_period()) ")." }
                        p { "Closing a period with only a few comments would let anyone who knows when they wrote tell \
                            those few apart. Until it holds enough, it is sealed by itself when it ends." }
                        p { "It has " (v.comments) " comments, as counted in the last hour. Counts of an open period are \
                            shown only in bands, so this page cannot say how many more are needed." }
                        p { "Whether it holds enough is checked against the same count, taken at most once an hour, so that \
                            watching this page cannot tell anyone when a particular comment arrived. Once the period holds \
                            enough, it can be closed within the hour." }
                    }
                    p { a href=(format!("/console/rounds/{}", round.slug)) { "Back to the round" } }
                }
                None => {
                    p.lead { "The open period is " strong { (v.period) } "." }
                    p { "It has " (v.comments) " comments, as counted in the last hour." }
                    h2 { "What will happen" }
                    ul {
                        li { "The period is sealed now: its counts are frozen and its comments' receipts are signed into the public log. \
                            This cannot be undone." }
                        li { "If it has at least " (round.rules.min_period()) " comments (with any earlier periods held back), its digest is \
                            published at once: themes raised by fewer than " (round.min_group.get()) " people show as “fewer than "
                            (round.min_group.get()) "”. Otherwise it is held back and published with the next period." }
                        li { "A period can be closed early only once. The early close is marked on the public audit page and in the log." }
                        li { "Comments that arrive from now on go into the next period. Other rounds are not affected." }
                    }
                    form method="post" action="/console/periods/close" {
                        (csrf(frame))
                        input type="hidden" name="round" value=(round.slug);
                        div.button-group {
                            button.button type="submit" { "Close " (v.period) " now" }
                            a.button.button-secondary href=(format!("/console/rounds/{}", round.slug)) { "Keep it open" }
                        }
                    }
                }
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

/// Where a made card sheet stands.
pub enum SheetState {
    /// Ready to download, with its number of cards.
    Ready(usize),
    /// Downloaded already: the codes cannot be shown again.
    Downloaded(usize),
    /// Unknown here: too old, made in another session, or a server restart.
    Gone,
}

/// The page after "Make and print cards": the one download, how to print,
/// and the way back. Reloading it makes nothing.
pub fn cards_made(
    frame: &Frame,
    org: &Organisation,
    round: &Round,
    id: &str,
    state: &SheetState,
) -> Markup {
    let back = format!("/console/rounds/{}", round.slug);
    page(
        Some(frame),
        &format!("Code cards: {}", round.title),
        &[],
        html! {
            span.caption { a href=(back) { (round.title) } " – " (org.name) }
            @match state {
                SheetState::Ready(n) => {
                    div.inset role="status" {
                        h1 { (n) " code cards are ready" }
                    }
                    p { "The sheet downloads " strong { "once" } ": the service keeps only a scrambled form of each code and \
                        can never show them again. Open the downloaded file in your browser and press its " strong { "Print" }
                        " button (or use the browser's Print command). Eight cards fit an A4 page." }
                    p { a.button href=(format!("/console/rounds/{}/cards/{id}?download=yes", round.slug)) download { "Download the card sheet" } }
                    p { "Hand cards out at random, and do not write down who got which." }
                }
                SheetState::Downloaded(n) => {
                    h1 { "The card sheet was downloaded" }
                    p { "The sheet of " (n) " cards has been downloaded, so it cannot be downloaded again. If it was lost, \
                        make new cards: the lost codes still work for whoever has them." }
                }
                SheetState::Gone => {
                    h1 { "This card sheet is not available" }
                    p { "A sheet can be downloaded once, within 15 minutes, from the session that made it. This one was \
                        downloaded, has expired, or belongs to another session. Make new cards if you need them." }
                }
            }
            p { a href=(back) { "Back to the round" } }
        },
    )
}
