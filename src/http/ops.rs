//! Operations: readiness, the admin backup, and the Prometheus exposition
//! served on its own listener.
//!
//! None of these reads anything about the client; `/metrics` is not in the
//! public route table at all (it answers only on the metrics listener, which
//! the proxy never forwards to).

use super::admin::require_admin;
use super::error::ApiError;
use super::AppState;
use crate::metrics::Gauges;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

/// 200 while the store accepts writes and the writer keeps up (its queue
/// is less than half full); 503 otherwise, so a proxy or orchestrator can
/// hold traffic back before requests are refused as busy.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.store.ready() {
        HttpResponse::Ok().content_type("text/plain").body("ready")
    } else {
        HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .insert_header((header::RETRY_AFTER, "2"))
            .body("not ready")
    }
}

/// A consistent snapshot of the store, taken by the writer (see
/// [`crate::store::Store::backup`]). Never contains a key.
pub async fn backup(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    require_admin(&state, &req)?;
    let bytes = state.store.backup().await?;
    tracing::info!(bytes = bytes.len(), "backup taken");
    Ok(HttpResponse::Ok()
        .content_type("application/octet-stream")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"parrhesia.backup\"",
        ))
        .body(bytes))
}

/// The Prometheus text exposition (see [`crate::metrics`]).
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let store = &state.store;
    let gauges = Gauges {
        queue_depth: store.queue_depth(),
        queue_capacity: store.queue_capacity(),
        store_healthy: store.healthy(),
        ready: store.ready(),
    };
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(store.metrics().render(gauges))
}

/// Everything else on the metrics listener.
pub async fn not_found() -> HttpResponse {
    HttpResponse::NotFound()
        .content_type("text/plain")
        .body("only /metrics is served here")
}
