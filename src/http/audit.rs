//! The auditors' surface: the log, its heads and proofs, sealed periods
//! and the receipts lists, from [`crate::app::audit`].

use super::error::ApiError;
use super::participant::{messages, page};
use super::AppState;
use crate::app::{audit, AppError};
use crate::views;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

pub async fn json(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let document = audit::document(&state.app, state.today()).await?;
    Ok(HttpResponse::Ok().json(document))
}

pub async fn page_view(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let m = messages(&req);
    let document = audit::document(&state.app, state.today()).await?;
    let page_markup = views::audit(&m, &document, state.app.public_url());
    Ok(page(StatusCode::OK, page_markup))
}

#[derive(Deserialize)]
pub struct Range {
    start: u64,
    end: u64,
}

#[derive(Serialize)]
struct Leaves {
    start: u64,
    leaves: Vec<String>,
}

pub async fn leaves(
    state: web::Data<AppState>,
    q: web::Query<Range>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(Leaves {
        start: q.start,
        leaves: audit::leaves(&state.app, q.start, q.end).await?,
    }))
}

#[derive(Deserialize)]
pub struct InclusionQuery {
    index: u64,
    size: u64,
}

#[derive(Serialize)]
struct Proof {
    path: Vec<String>,
}

pub async fn inclusion(
    state: web::Data<AppState>,
    q: web::Query<InclusionQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(Proof {
        path: audit::inclusion(&state.app, q.index, q.size).await?,
    }))
}

#[derive(Deserialize)]
pub struct ConsistencyQuery {
    first: u64,
    second: u64,
}

pub async fn consistency(
    state: web::Data<AppState>,
    q: web::Query<ConsistencyQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(Proof {
        path: audit::consistency(&state.app, q.first, q.second).await?,
    }))
}

pub async fn receipts_page(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let m = messages(&req);
    let (round, period) = path.into_inner();
    Ok(
        match audit::receipts(&state.app, &round, &period, state.today()).await {
            Ok(r) => {
                let (title, weeks) = r.round.as_ref().map_or_else(
                    || (round.clone(), 1),
                    |found| {
                        (
                            views::words::round_title(&m, found).text,
                            found.period.weeks(),
                        )
                    },
                );
                page(
                    StatusCode::OK,
                    views::receipts(&m, &round, &title, &period, weeks, &r.receipts),
                )
            }
            Err(e @ AppError::PeriodNotSealed) => ApiError::from(e).page(views::problem_in(
                &m,
                Some(req.path()),
                &m.t("receipts-missing-title"),
                &m.t("receipts-missing-body"),
            )),
            Err(e) => return Err(e.into()),
        },
    )
}

pub async fn receipts_text(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (round, period) = path.into_inner();
    let list = audit::receipts(&state.app, &round, &period, state.today())
        .await?
        .receipts;
    let mut body = format!(
        "# Parrhesia receipts for round {round}, period {period}: {} critiques, sorted.\n",
        list.len()
    );
    for r in list {
        body.push_str(&r);
        body.push('\n');
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"receipts-{round}-{period}.txt\""),
        ))
        .body(body))
}

/// GET `/checkpoint`: the newest signed checkpoint (c2sp.org/tlog-checkpoint)
/// with every witness cosignature received for it, as a signed note.
pub async fn checkpoint(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let note = audit::checkpoint(&state.app).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        // Witnesses and verifiers want the newest.
        .insert_header(("Cache-Control", "no-cache"))
        .body(note))
}

#[derive(Serialize)]
struct Cosigned {
    size: u64,
    stored: usize,
}

/// Largest cosigned note read: a checkpoint and a few dozen signatures.
const COSIGNATURES_LIMIT: usize = 16 * 1024;

/// POST `/api/v1/audit/cosignatures`: a witness hands back a checkpoint it
/// cosigned (see [`audit::cosign`]).
pub async fn cosignatures(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let bytes = super::body::read(&req, payload, "text/plain", COSIGNATURES_LIMIT).await?;
    let text = std::str::from_utf8(&bytes).map_err(|_| ApiError::InvalidUtf8)?;
    let (size, stored) = audit::cosign(&state.app, text).await?;
    Ok(HttpResponse::Ok().json(Cosigned { size, stored }))
}
