//! Closing a round's period from the console (issue 18): first a page that
//! says what closing will do, then the close itself, whose result says what
//! did happen (published, held back, or nothing to close). The rules are
//! [`crate::app::rounds::close_outlook`] and
//! [`crate::app::rounds::close_period`].

use super::{html, see_other, ConsoleError, Staff, StaffForm};
use crate::app::rounds::{self, Closed, Outlook};
use crate::app::AppError;
use crate::domain::{Period, Round};
use crate::http::AppState;
use crate::messages::Messages;
use crate::views::console::{self as views, CannotClose, CloseView};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use time::Date;

fn label(round: &Round, period: Period) -> String {
    crate::views::period_label(&Messages::english(), &[period.id()], round.period.weeks())
}

fn close_view<'a>(round: &'a Round, outlook: &Outlook, tried: bool) -> CloseView<'a> {
    let (period, comments, refusal) = match outlook {
        Outlook::Close { period, comments } => (period, comments.label(), None),
        Outlook::TooFew {
            period,
            comments,
            needed,
        } => (period, comments.label(), Some(CannotClose::TooFew(*needed))),
        Outlook::ClosedAlready { period } => {
            (period, String::new(), Some(CannotClose::ClosedAlready))
        }
        Outlook::JustBegun { period } => (period, String::new(), Some(CannotClose::JustBegun)),
    };
    CloseView {
        round,
        period: label(round, *period),
        comments,
        refusal,
        tried,
    }
}

/// `GET /console/rounds/{round}/close`: what closing will do, and the
/// button that does it; or why it cannot be closed yet.
pub async fn confirm(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ConsoleError> {
    let (org, round, outlook) = rounds::close_outlook(&state.app, &path, state.today()).await?;
    let page = views::close_period(&staff.frame(), &org, &close_view(&round, &outlook, false));
    Ok(html(StatusCode::OK, page))
}

/// `POST /console/periods/close` (with the round): close it, then show
/// the round with what happened. A refused close (too few comments, or
/// closed early already) shows the close page again with why (409).
pub async fn close_periods(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let (actor, today) = (posted.staff.actor(), state.today());
    let slug = posted.form.get("round");
    let (round, closed) = match rounds::close_period(&state.app, &actor, slug, today).await {
        Ok(closed) => closed,
        Err(
            AppError::TooFewToClose { .. }
            | AppError::ClosedEarlyAlready
            | AppError::PeriodJustBegun,
        ) => {
            let (org, round, outlook) = rounds::close_outlook(&state.app, slug, today).await?;
            let view = close_view(&round, &outlook, true);
            let page = views::close_period(&posted.staff.frame(), &org, &view);
            return Ok(html(StatusCode::CONFLICT, page));
        }
        Err(e) => return Err(e.into()),
    };
    let (done, period) = match closed {
        Closed::Published(p) => ("closed-published", p),
        Closed::HeldBack(p) => ("closed-held", p),
    };
    Ok(see_other(&format!(
        "/console/rounds/{}?done={done}&period={}",
        round.slug,
        period.id()
    )))
}

/// The period a notice after closing is about (`?period=`), if any.
pub fn closed_period(req: &HttpRequest, round: &Round) -> Option<Period> {
    Period::from_id(query_field(req, "period")?, round.period)
}

fn query_field<'r>(req: &'r HttpRequest, name: &str) -> Option<&'r str> {
    req.query_string()
        .split('&')
        .find_map(|p| p.strip_prefix(&format!("{name}=")))
}

/// The result line after closing: the notice names the period, read back
/// from the address only as a period of this round ([`closed_period`]), by
/// the days it covered (`last_day`: to the day it was closed early).
pub fn closed_notice(req: &HttpRequest, round: &Round, last_day: Option<Date>) -> Option<String> {
    let period = closed_period(req, round)?;
    let field = |name: &str| query_field(req, name);
    let name = period.label_until(last_day?);
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
        _ => return None,
    })
}
