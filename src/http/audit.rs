//! The auditors' surface: the log, its heads and proofs, sealed periods,
//! the receipts lists, and the host's "close the period now".

use super::error::ApiError;
use super::participant::{messages, page};
use super::AppState;
use crate::audit::declaration::declaration;
use crate::audit::log::Leaf;
use crate::audit::merkle;
use crate::audit::AuditDocument;
use crate::domain::{Receipt, Slug};
use crate::encoding::{base64, hash_from_hex, hex};
use crate::views;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

/// Most leaves one request returns.
const MAX_LEAVES: u64 = 10_000;

async fn document(state: &AppState) -> Result<AuditDocument, ApiError> {
    state.store.seal_due(state.clock.today()).await?;
    Ok(AuditDocument {
        log_public_key: base64(state.store.log_public_key()),
        log_size: state.store.log_size()?,
        tree_heads: state.store.tree_heads()?,
        periods: state.store.all_sealed_periods()?,
        token_keys: super::published_token_keys(&state.token_keys),
        declaration: declaration(),
    })
}

pub async fn json(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(document(&state).await?))
}

pub async fn page_view(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let m = messages(&req);
    let doc = document(&state).await?;
    Ok(page(
        StatusCode::OK,
        views::audit(&m, &doc, &state.public_url),
    ))
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

fn bad_query(what: &str) -> ApiError {
    ApiError::InvalidQuery(what.to_owned())
}

pub async fn leaves(
    state: web::Data<AppState>,
    q: web::Query<Range>,
) -> Result<HttpResponse, ApiError> {
    let size = state.store.log_size()?;
    if q.start > q.end || q.end > size || q.end - q.start > MAX_LEAVES {
        return Err(bad_query(&format!(
            "need start <= end <= {size} (the log size) and at most {MAX_LEAVES} leaves"
        )));
    }
    Ok(HttpResponse::Ok().json(Leaves {
        start: q.start,
        leaves: state.store.leaves(q.start, q.end)?,
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
    if q.size > state.store.log_size()? || q.index >= q.size {
        return Err(bad_query("need index < size <= the log size"));
    }
    let hashes = state.store.leaf_hashes(q.size)?;
    let path =
        merkle::inclusion_path(&hashes, q.index as usize).ok_or_else(|| bad_query("index"))?;
    Ok(HttpResponse::Ok().json(Proof {
        path: path.iter().map(|h| hex(h)).collect(),
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
    if q.second > state.store.log_size()? || q.first > q.second {
        return Err(bad_query("need first <= second <= the log size"));
    }
    let hashes = state.store.leaf_hashes(q.second)?;
    let path =
        merkle::consistency_path(&hashes, q.first as usize).ok_or_else(|| bad_query("first"))?;
    Ok(HttpResponse::Ok().json(Proof {
        path: path.iter().map(|h| hex(h)).collect(),
    }))
}

/// One sealed period's receipts, sorted (so the order says nothing about
/// arrival), with its round (for its title and period length).
struct Receipts {
    round: Option<crate::domain::Round>,
    list: Vec<String>,
}

/// The receipts of one sealed period, or `None` if it is not sealed.
async fn receipts(
    state: &AppState,
    round: &str,
    period: &str,
) -> Result<Option<Receipts>, ApiError> {
    state.store.seal_due(state.clock.today()).await?;
    let Ok(slug) = Slug::parse(round, "round") else {
        return Ok(None);
    };
    let Some(sealed) = state.store.sealed_period(&slug, period)? else {
        return Ok(None);
    };
    let leaves = state
        .store
        .leaves(sealed.first_leaf, sealed.first_leaf + sealed.leaf_count)?;
    let mut list: Vec<String> = leaves
        .iter()
        .filter_map(|l| match serde_json::from_str(l) {
            Ok(Leaf::Critique { commitment, .. }) => hash_from_hex(&commitment),
            _ => None,
        })
        .map(|c| Receipt::from_commitment(c).display())
        .collect();
    list.sort();
    let round = state.store.round(round)?;
    Ok(Some(Receipts { round, list }))
}

pub async fn receipts_page(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let m = messages(&req);
    let (round, period) = path.into_inner();
    Ok(match receipts(&state, &round, &period).await? {
        Some(r) => {
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
                views::receipts(&m, &round, &title, &period, weeks, &r.list),
            )
        }
        None => page(
            StatusCode::NOT_FOUND,
            views::problem_in(
                &m,
                Some(req.path()),
                &m.t("receipts-missing-title"),
                &m.t("receipts-missing-body"),
            ),
        ),
    })
}

pub async fn receipts_text(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (round, period) = path.into_inner();
    let list = receipts(&state, &round, &period)
        .await?
        .ok_or(ApiError::PeriodNotSealed)?
        .list;
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

#[derive(Serialize)]
struct Closed {
    sealed: usize,
}

/// Close the open period of every round now (and seal anything due).
pub async fn close_periods(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    super::admin::require_admin(&state, &req)?;
    let sealed = state.store.seal(state.clock.today(), true).await?;
    Ok(HttpResponse::Ok().json(Closed { sealed }))
}
