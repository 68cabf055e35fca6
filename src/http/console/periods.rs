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

/// Whether `e` is a refusal, which the close page explains.
fn refused(e: &AppError) -> bool {
    matches!(
        e,
        AppError::TooFewToClose { .. } | AppError::ClosedEarlyAlready | AppError::PeriodJustBegun
    )
}

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
///
/// Sealing a large period takes minutes (over a minute at 1,000,000
/// critiques), longer than a browser should be kept waiting and than the
/// shipped nginx waits for an answer (30 s). So the close runs as a task of
/// its own, which finishes whether or not anyone waits for it, and this
/// waits for it at most [`AppState::close_wait`]: after that the round's
/// page says the period is being closed, and shows the result once sealed.
pub async fn close_periods(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let (actor, today) = (posted.staff.actor(), state.today());
    let slug = posted.form.get("round").to_owned();
    let refuse = |org, round: &Round, outlook: &Outlook| {
        let page = views::close_period(
            &posted.staff.frame(),
            org,
            &close_view(round, outlook, true),
        );
        Ok(html(StatusCode::CONFLICT, page))
    };
    // Refused now, without waiting for anything, if it may not be closed.
    let (org, round, outlook) = rounds::close_outlook(&state.app, &slug, today).await?;
    let Outlook::Close { period, .. } = outlook else {
        return refuse(&org, &round, &outlook);
    };
    let close = actix_web::rt::spawn({
        let (state, slug) = (state.clone(), slug.clone());
        async move {
            let closed = rounds::close_period(&state.app, &actor, &slug, today).await;
            if let Some(e) = closed.as_ref().err().filter(|e| !refused(e)) {
                // Said here too: past the wait, nobody else would see it.
                tracing::warn!(error = %e, "closing a period failed");
            }
            closed
        }
    });
    let closed = match actix_web::rt::time::timeout(state.close_wait, close).await {
        Ok(joined) => joined.map_err(|_| {
            AppError::Internal(anyhow::anyhow!(
                "the close of a period stopped unexpectedly"
            ))
        })?,
        Err(_) => {
            return Ok(see_other(&format!(
                "/console/rounds/{}?done=closing&period={}",
                round.slug,
                period.id()
            )))
        }
    };
    let (round, closed) = match closed {
        Ok(closed) => closed,
        // Another close got there first, since the check above.
        Err(e) if refused(&e) => {
            let (org, round, outlook) = rounds::close_outlook(&state.app, &slug, today).await?;
            return refuse(&org, &round, &outlook);
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

fn query_field<'r>(req: &'r HttpRequest, name: &str) -> Option<&'r str> {
    req.query_string()
        .split('&')
        .find_map(|p| p.strip_prefix(&format!("{name}=")))
}

/// The result line after closing (`done`), naming the period (`period`,
/// read back only as a period of this round) by the days it covered (to
/// the day it was closed early). After a close that finished while the
/// staff member waited, the address says how it ended; after one that
/// went on without them (`done=closing`), the store says: still being
/// sealed, or how it ended.
pub async fn closed_notice(
    state: &AppState,
    req: &HttpRequest,
    round: &Round,
) -> Result<Option<String>, ConsoleError> {
    let Some(period) = query_field(req, "period").and_then(|id| Period::from_id(id, round.period))
    else {
        return Ok(None);
    };
    let published = match query_field(req, "done") {
        Some("closed-published") => true,
        Some("closed-held") => false,
        Some("closing") => match rounds::sealed_outcome(&state.app, round, period).await? {
            Some(closed) => matches!(closed, Closed::Published(_)),
            None => {
                return Ok(Some(format!(
                    "{} is being closed. A period with many comments can take some minutes to \
                     seal, and the close goes on if you leave this page. Reload this page to see \
                     whether its digest is published.",
                    period.label_until(state.today().min(period.last_day()))
                )))
            }
        },
        _ => return Ok(None),
    };
    let name = period.label_until(rounds::last_day_of(&state.app, round, period).await?);
    Ok(Some(if published {
        format!(
            "{name} is closed. Its digest is published: themes raised by at least {} people are shown.",
            round.min_group.get()
        )
    } else {
        format!(
            "{name} is closed, but it is held back: it had too few comments to publish on its own \
             (fewer than {}, or some groups could not be protected). It will be published together \
             with the next period.",
            round.rules.min_period()
        )
    }))
}
