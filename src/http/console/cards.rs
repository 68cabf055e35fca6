//! Code cards from the console, after post/redirect/get (issue 18): making
//! cards mints the codes once and redirects to a page for the sheet, which
//! can be reloaded without minting more; the sheet itself downloads once.
//!
//! # Security contract
//! The codes exist in plain form only in the sheet. Between minting and
//! the download the sheet is held in memory (never on disk), for the
//! session that made it only, for at most [`KEPT_FOR`]; the first download
//! takes it out. A server restart loses it: the cards are then made again.

use super::{html, ConsoleError, Staff};
use crate::app::{codes, round_keys, rounds, AppError};
use crate::http::AppState;
use crate::views::console::{self as views, SheetState};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a made sheet waits for its download.
pub const KEPT_FOR: Duration = Duration::from_secs(15 * 60);

/// A sheet made and not yet downloaded (or downloaded: `sheet` is `None`).
struct Pending {
    session: String,
    round: String,
    count: usize,
    sheet: Option<String>,
    made: Instant,
}

/// Sheets waiting for their one download, by random id.
#[derive(Default)]
pub struct PendingSheets(Mutex<HashMap<String, Pending>>);

impl PendingSheets {
    fn keep(&self, id: String, pending: Pending) {
        let mut all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        all.retain(|_, p| p.made.elapsed() < KEPT_FOR);
        all.insert(id, pending);
    }

    /// The sheet's state for this session and round; `take` hands over the
    /// sheet itself, once.
    fn look(&self, id: &str, session: &str, round: &str, take: bool) -> Lookup {
        let mut all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        all.retain(|_, p| p.made.elapsed() < KEPT_FOR);
        match all.get_mut(id) {
            Some(p) if p.session == session && p.round == round => match (take, p.sheet.take()) {
                (true, Some(sheet)) => Lookup::Sheet(sheet),
                (false, Some(sheet)) => {
                    p.sheet = Some(sheet);
                    Lookup::Ready(p.count)
                }
                (_, None) => Lookup::Downloaded(p.count),
            },
            _ => Lookup::Gone,
        }
    }
}

enum Lookup {
    Ready(usize),
    Sheet(String),
    Downloaded(usize),
    Gone,
}

/// Mint codes for the round as asked (how many, in which language) and
/// keep their sheet for this session under a random id, which it returns:
/// the console's half of "make cards" (the minting is
/// [`codes::issue_codes`], which records the staff action).
pub(super) async fn make_sheet(
    state: &AppState,
    staff: &Staff,
    slug: &str,
    ask: (u64, Option<&'static str>),
) -> Result<String, AppError> {
    let today = state.today();
    let made = codes::issue_codes(&state.app, &staff.actor(), slug, ask, today).await?;
    let key = round_keys::printed_key_id(&state.app, made.round.slug.as_str(), today).await?;
    let back = format!(
        "{}/console/rounds/{}",
        state.app.public_url(),
        made.round.slug
    );
    let sheet = crate::http::admin::sheet_html(&made, &key, Some(&back));
    let id = crate::encoding::hex(
        &crate::secrets::random::bytes::<16>()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("random failed")))?,
    );
    state.console.sheets.keep(
        id.clone(),
        Pending {
            session: staff.session_id.clone(),
            round: made.round.slug.to_string(),
            count: made.codes.len(),
            sheet: Some(sheet),
            made: Instant::now(),
        },
    );
    Ok(id)
}

/// After making cards, where the sheet's page is (post/redirect/get).
pub(super) fn made(slug: &str, id: &str) -> String {
    format!("/console/rounds/{slug}/cards/{id}")
}

/// `GET /console/rounds/{round}/cards/{sheet}`: the page for a made sheet;
/// with `download=yes`, the sheet itself, once.
pub async fn cards(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let (slug, id) = path.into_inner();
    let (org, round) = rounds::round(&state.app, &slug).await?;
    let download = req.query_string().split('&').any(|p| p == "download=yes");
    let lookup = state
        .console
        .sheets
        .look(&id, &staff.session_id, round.slug.as_str(), download);
    let sheet_state = match lookup {
        Lookup::Sheet(sheet) => {
            return Ok(HttpResponse::Ok()
                .content_type("text/html; charset=utf-8")
                .insert_header((
                    "Content-Security-Policy",
                    crate::http::admin::sheet_policy(),
                ))
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"cards-{}.html\"", round.slug),
                ))
                .body(sheet))
        }
        Lookup::Ready(n) => SheetState::Ready(n),
        Lookup::Downloaded(n) => SheetState::Downloaded(n),
        Lookup::Gone => SheetState::Gone,
    };
    let status = match sheet_state {
        SheetState::Gone if download => StatusCode::GONE,
        _ => StatusCode::OK,
    };
    Ok(html(
        status,
        views::cards_made(&staff.frame(), &org, &round, &id, &sheet_state),
    ))
}
