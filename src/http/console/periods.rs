//! Closing a round's period from the console (issue 18): first a page that
//! says what closing will do, then the close itself, whose result says what
//! did happen (published, held back, or nothing to close).
//!
//! [`outlook`] and [`close`] are shaped like application-layer calls (the
//! round and `today` in, an outcome out) so that they move under
//! `src/app/` as they are.
//!
//! A period whose calendar week has not begun cannot be closed: after
//! closing this week's period early, new comments wait in the next one, and
//! sealing that now would publish a period named for a week still to come.

use super::dashboard::{open_count, open_period};
use super::{html, record, see_other, staff_form, ConsoleError, Staff};
use crate::digest::disclosure::live_band;
use crate::domain::{Period, Round};
use crate::http::error::ApiError;
use crate::http::participant::load_round;
use crate::http::AppState;
use crate::messages::Messages;
use crate::views::console::{self as views, CloseView};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use time::Date;

/// What closing the round's period now would do.
pub enum Outlook {
    /// The open period can be closed; it holds this many comments.
    Close { period: Period, comments: u64 },
    /// This calendar period was closed already; the next one has not begun.
    NotBegun { period: Period },
}

/// What closing did.
pub enum Closed {
    Published(Period),
    /// Too few comments, or no way to protect them: held back and
    /// published with the next period.
    HeldBack(Period),
    /// No comment had arrived, so there was nothing to seal.
    Nothing(Period),
}

pub fn outlook(state: &AppState, round: &Round, today: Date) -> Result<Outlook, ApiError> {
    let period = open_period(state, round, today)?;
    if period.start() > today {
        return Ok(Outlook::NotBegun { period });
    }
    let comments = open_count(state, round, period)?;
    Ok(Outlook::Close { period, comments })
}

/// Close the round's open period now and say what became of it.
pub async fn close(
    state: &AppState,
    staff: &Staff,
    round: &Round,
    today: Date,
) -> Result<Result<Closed, Period>, ConsoleError> {
    let period = match outlook(state, round, today)? {
        Outlook::NotBegun { period } => return Ok(Err(period)),
        Outlook::Close { period, .. } => period,
    };
    let sealed = state.store.close_round(today, &round.slug).await?;
    record(
        state,
        staff,
        "periods.close",
        Some(round),
        Some(format!("{sealed} periods sealed")),
    )
    .await?;
    let digest = state
        .store
        .sealed_digests(&round.slug)?
        .into_iter()
        .find(|d| d.period == period.id());
    Ok(Ok(match digest {
        None => Closed::Nothing(period),
        Some(d) if d.release.is_some() => Closed::Published(period),
        Some(_) => Closed::HeldBack(period),
    }))
}

fn label(round: &Round, period: Period) -> String {
    crate::views::period_label(&Messages::english(), &[period.id()], round.period.weeks())
}

fn close_view<'a>(round: &'a Round, outlook: &Outlook) -> CloseView<'a> {
    match outlook {
        Outlook::Close { period, comments } => CloseView {
            round,
            period: label(round, *period),
            comments: Some(live_band(*comments).label()),
            next_begins: None,
        },
        Outlook::NotBegun { period } => CloseView {
            round,
            period: label(round, *period),
            comments: None,
            next_begins: Some(crate::views::date_text(&Messages::english(), &period.id())),
        },
    }
}

/// `GET /console/rounds/{round}/close`: what closing will do, and the
/// button that does it.
pub async fn confirm(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ConsoleError> {
    let (org, round) = load_round(&state, &path)?;
    let outlook = outlook(&state, &round, state.clock.today())?;
    Ok(html(
        StatusCode::OK,
        views::close_period(&staff.frame(), &org, &close_view(&round, &outlook)),
    ))
}

/// `POST /console/periods/close` (with the round): close it, then show
/// the round with what happened. A period not yet begun is refused.
pub async fn close_periods(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let (org, round) = load_round(&state, form.get("round"))?;
    let today = state.clock.today();
    let (done, period) = match close(&state, &staff, &round, today).await? {
        Ok(Closed::Published(p)) => ("closed-published", p),
        Ok(Closed::HeldBack(p)) => ("closed-held", p),
        Ok(Closed::Nothing(p)) => ("closed-nothing", p),
        Err(period) => {
            let view = close_view(&round, &Outlook::NotBegun { period });
            return Ok(html(
                StatusCode::CONFLICT,
                views::close_period(&staff.frame(), &org, &view),
            ));
        }
    };
    Ok(see_other(&format!(
        "/console/rounds/{}?done={done}&period={}",
        round.slug,
        period.id()
    )))
}

/// The result line after closing: the notice names the period, read back
/// from the address only as a period of this round.
pub fn closed_notice(req: &HttpRequest, round: &Round) -> Option<String> {
    let query = req.query_string();
    let field = |name: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
    };
    let period = Period::from_id(field("period")?, round.period)?;
    let name = label(round, period);
    Some(match field("done")? {
        "closed-published" => format!(
            "{name} is closed. Its digest is published: themes raised by at least {} people are shown.",
            round.min_group.get()
        ),
        "closed-held" => format!(
            "{name} is closed, but it is held back: it had too few comments to publish on its own \
             (fewer than {}, or some groups could not be protected). It will be published together \
             with the next period.",
            round.rules.min_period()
        ),
        "closed-nothing" => format!("Nothing was closed: no comments have arrived in {name} yet."),
        _ => return None,
    })
}
