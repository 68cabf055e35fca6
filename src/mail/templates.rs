//! The words of staff mail: plain text, English, one section per event.
//! Built only from an [`Event`]'s fields, which hold no critique text, no
//! count and nothing about a participant (see [`super::plan`]).

use super::plan::{Event, Security};
use time::Date;

/// The subject: the one event's own, or how many things need the reader.
pub fn subject(events: &[&Event]) -> String {
    match events {
        [one] => format!("Parrhesia: {}", headline(one)),
        many => format!("Parrhesia: {} things need you", many.len()),
    }
}

fn headline(event: &Event) -> String {
    match event {
        Event::ReleasePublished {
            organisation_name, ..
        } => format!("a new release for {organisation_name} is ready to answer"),
        Event::QuotesWaiting { round_title, .. } => {
            format!("quotes are waiting for moderation in {round_title}")
        }
        Event::PeriodDue { round_title, .. } => {
            format!("a period of {round_title} is waiting to be sealed")
        }
        Event::PeriodHeldBack { round_title, .. } => {
            format!("a period of {round_title} was held back")
        }
        Event::Security(Security::NewAdministrator { .. }) => "a new administrator".into(),
        Event::Security(Security::KeysRotated { .. }) => "keys were rotated".into(),
        Event::Security(Security::RepeatedFailedSignIns { .. }) => {
            "repeated failed sign-ins".into()
        }
    }
}

/// "Monday 4 January 2027".
pub fn long_date(d: Date) -> String {
    format!("{} {} {} {}", d.weekday(), d.day(), d.month(), d.year())
}

fn link(base_url: &str, path: &str) -> String {
    format!("{}{}", base_url.trim_end_matches('/'), path)
}

/// One event's paragraph.
pub fn section(event: &Event, base_url: &str) -> String {
    match event {
        Event::ReleasePublished {
            organisation_name,
            round_title,
            period_label,
            themes_shown,
            answer_by,
            path,
            ..
        } => {
            let themes = if themes_shown.is_empty() {
                "No theme reached the minimum group size, so the release shows no theme \
                 on its own."
                    .to_owned()
            } else {
                format!("Themes shown: {}.", themes_shown.join(", "))
            };
            format!(
                "A new release of the digest for {organisation_name} is published: \
                 {round_title}, {period_label}. {themes}\n\nPlease answer it by {}: \
                 the public record shows whether each release was answered on time.\n\
                 Read it and answer: {}",
                long_date(*answer_by),
                link(base_url, path)
            )
        }
        Event::QuotesWaiting { round_title, path } => format!(
            "Quotes are waiting for moderation in {round_title}. Nothing is published \
             until a moderator approves it.\nModerate: {}",
            link(base_url, path)
        ),
        Event::PeriodDue {
            round_title,
            period_label,
            path,
        } => format!(
            "{period_label} of {round_title} has ended and is not sealed yet. It is \
             sealed automatically; if it is not, check the round.\nRound: {}",
            link(base_url, path)
        ),
        Event::PeriodHeldBack {
            round_title,
            period_label,
            path,
        } => format!(
            "{period_label} of {round_title} was held back: too few people wrote to \
             publish it on its own without risk of singling someone out, so it will be \
             published together with the next period.\nRound: {}",
            link(base_url, path)
        ),
        Event::Security(s) => {
            let what = match s {
                Security::NewAdministrator { username } => {
                    format!("{username} is now an administrator.")
                }
                Security::KeysRotated { which } => format!("The {which} keys were rotated."),
                Security::RepeatedFailedSignIns { username } => format!(
                    "Sign-in to the account {username} was refused repeatedly. Someone \
                     may be guessing its password."
                ),
            };
            format!(
                "{what} If you did not expect this, check the staff list and the staff \
                 action log.\nStaff: {}",
                link(base_url, "/console/users")
            )
        }
    }
}

/// The whole message to `username`.
pub fn body(username: &str, events: &[&Event], base_url: &str) -> String {
    let mut out = format!("Hello {username},\n\n");
    for event in events {
        out.push_str(&section(event, base_url));
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "--\nYou get this because of your mail settings in the Parrhesia console; \
         change them at {}.\nParrhesia mails staff at fixed times only, never when \
         someone writes, and never includes what anyone wrote.\n",
        link(base_url, "/console/account")
    ));
    out
}
