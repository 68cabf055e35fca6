//! The console's home: a dashboard for the signed-in role (issue 18).
//!
//! [`dashboard`] is shaped like an application-layer call (the signed-in
//! user and `today` in, what to show out), so that it moves under
//! `src/app/` as it is. Live counts leave here only as bands
//! ([`live_band`]).

use super::{done, html, ConsoleError, Staff};
use crate::digest::disclosure::live_band;
use crate::domain::{Period, Round};
use crate::http::error::ApiError;
use crate::http::AppState;
use crate::messages::Messages;
use crate::staff::{Role, User};
use crate::views::console::{self as views, Action, Dashboard, RoundLine};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use time::Date;

pub async fn home(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let d = dashboard(&state, &staff.user, state.clock.today()).await?;
    Ok(html(
        StatusCode::OK,
        views::dashboard(&staff.frame(), &d, done(&req)),
    ))
}

/// The round's open period: the one containing `today`, or the first after
/// it that is not sealed yet (when today's was closed early).
pub(super) fn open_period(
    state: &AppState,
    round: &Round,
    today: Date,
) -> Result<Period, ApiError> {
    let sealed: Vec<String> = state
        .store
        .sealed_periods(&round.slug)?
        .into_iter()
        .map(|s| s.period)
        .collect();
    let mut period = Period::containing(today, round.period);
    while sealed.contains(&period.id()) {
        period = Period::containing(period.last_day() + time::Duration::days(1), round.period);
    }
    Ok(period)
}

/// Comments in the round's open period so far, exactly (callers band it).
pub(super) fn open_count(state: &AppState, round: &Round, period: Period) -> Result<u64, ApiError> {
    Ok(state
        .store
        .period_counts(&round.slug)?
        .iter()
        .find(|c| c.period_id == period.id())
        .map_or(0, |c| c.total))
}

/// Everything the dashboard of `user` shows on `today`.
pub async fn dashboard(state: &AppState, user: &User, today: Date) -> Result<Dashboard, ApiError> {
    let m = Messages::english();
    let mut d = Dashboard::default();
    let runs = matches!(user.role, Role::Administrator | Role::Coordinator);
    let moderates = matches!(user.role, Role::Administrator | Role::Moderator);
    if runs {
        let organisations = state.store.organisations()?;
        if organisations.is_empty() {
            d.actions.push(Action {
                text: "Start by adding the organisation people will give feedback about.".into(),
                href: "/console/organisations".into(),
                link: "Add an organisation".into(),
            });
        }
        let mut sealing: Vec<(Date, String)> = Vec::new();
        for org in &organisations {
            let rounds = state.store.rounds_of(&org.slug)?;
            if rounds.is_empty() {
                d.actions.push(Action {
                    text: format!("{} has no feedback round yet.", org.name),
                    href: format!("/console/organisations/{}", org.slug),
                    link: "Add a round".into(),
                });
            }
            for round in rounds {
                let period = open_period(state, &round, today)?;
                let stats = state.store.round_stats(&round.slug)?;
                let (invitations, _) = state.store.invitation_stats(&round.slug)?;
                let releases = state
                    .store
                    .sealed_digests(&round.slug)?
                    .iter()
                    .filter(|s| s.release.is_some())
                    .count();
                let href = format!("/console/rounds/{}", round.slug);
                if !round.opened {
                    d.actions.push(Action {
                        text: format!(
                            "“{}” is not open yet: check its question and themes, then open it.",
                            round.title
                        ),
                        href: href.clone(),
                        link: "Open the round".into(),
                    });
                } else if stats.codes_issued == 0 && invitations == 0 {
                    d.actions.push(Action {
                        text: format!(
                            "“{}” is open but nobody has a code or an invitation.",
                            round.title
                        ),
                        href: href.clone(),
                        link: "Make cards or invitations".into(),
                    });
                }
                if round.opened {
                    sealing.push((period.last_day(), round.title.clone()));
                }
                let comments = open_count(state, &round, period)?;
                d.rounds.push(RoundLine {
                    slug: round.slug.to_string(),
                    title: round.title.clone(),
                    organisation: org.name.clone(),
                    opened: round.opened,
                    period: crate::views::period_label(&m, &[period.id()], round.period.weeks()),
                    ends: crate::views::date_text(&m, &day_id(period.last_day())),
                    comments: live_band(comments).label(),
                    releases,
                });
            }
        }
        sealing.sort();
        if let Some((first, _)) = sealing.first().cloned() {
            let rounds: Vec<String> = sealing
                .iter()
                .filter(|(day, _)| *day == first)
                .map(|(_, t)| t.clone())
                .collect();
            let sealed_on = first + time::Duration::days(1);
            d.next_sealing = Some((crate::views::date_text(&m, &day_id(sealed_on)), rounds));
        }
    }
    if moderates {
        let waiting = crate::http::quotes::pending_quotes(state).await?.len();
        if waiting > 0 {
            d.actions.push(Action {
                text: format!(
                    "{waiting} {} for a decision before {} published.",
                    if waiting == 1 {
                        "quote is waiting"
                    } else {
                        "quotes are waiting"
                    },
                    if waiting == 1 {
                        "it can be"
                    } else {
                        "they can be"
                    }
                ),
                href: "/console/moderation".into(),
                link: "Moderate quotes".into(),
            });
        }
        d.quotes_waiting = Some(waiting);
    }
    if let (Role::Organisation, Some(slug)) = (user.role, &user.organisation) {
        let digest = crate::http::api::load_digest(state, slug.as_str()).await?;
        let mut unanswered = 0;
        let mut latest = None;
        for (round, release) in digest.releases().into_iter().take(1) {
            let responses = state.store.responses_of(&round.slug)?;
            unanswered = release
                .themes
                .iter()
                .filter(|t| !matches!(t.figure, crate::digest::disclosure::Figure::FewerThan(_)))
                .filter(|t| {
                    !responses
                        .iter()
                        .any(|r| r.period == release.id && r.theme == t.slug)
                })
                .count();
            latest = Some(crate::views::period_label(
                &m,
                &release.periods,
                round.period_weeks,
            ));
        }
        let state_text = match &latest {
            None => "Nothing has been published yet: your digest appears here after the first period ends.".to_owned(),
            Some(label) if unanswered > 0 => format!("The latest release is {label}. {unanswered} of its themes have no response from you yet."),
            Some(label) => format!("The latest release is {label}. You have responded to every theme it shows."),
        };
        if unanswered > 0 {
            d.actions.push(Action {
                text: format!(
                    "Respond to the {unanswered} themes people raised in your latest release."
                ),
                href: "/console/space".into(),
                link: "Your digest and answers".into(),
            });
        }
        d.organisation = Some((digest.name.clone(), state_text));
    }
    Ok(d)
}

/// A day's id, as periods and dates are named (`YYYY-MM-DD`).
fn day_id(day: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}
