//! Operations: readiness, the admin backup, and the Prometheus exposition
//! served on its own listener.
//!
//! None of these reads anything about the client; `/metrics` is not in the
//! public route table at all (it answers only on the metrics listener, which
//! the proxy never forwards to).

use super::auth::AdminToken;
use super::error::ApiError;
use super::AppState;
use crate::app::staff;
use actix_web::http::header;
use actix_web::{web, HttpResponse};

/// 200 while the store accepts writes and the writer keeps up (its queue
/// is less than half full); 503 otherwise, so a proxy or orchestrator can
/// hold traffic back before requests are refused as busy.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.app.ready() {
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
pub async fn backup(_: AdminToken, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let bytes = staff::backup(&state.app).await?;
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
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(state.app.metrics_text())
}

/// Everything else on the metrics listener.
pub async fn not_found() -> HttpResponse {
    HttpResponse::NotFound()
        .content_type("text/plain")
        .body("only /metrics is served here")
}
