//! Bounds on what one request may cost: the length of its address, the size
//! and number of its headers, and how long it may take to arrive.
//!
//! actix-web itself refuses a request head larger than 128 KiB or with more
//! than 96 headers, and cuts off a client that has not sent its whole head
//! within `client_request_timeout` (set from [`Bounds::client_timeout`] in
//! `Application::build`). The tighter bounds here are ours; body sizes are
//! bounded in `body.rs`, and the time to send a body by
//! [`Bounds::client_timeout`] there too.

use super::error::ApiError;
use crate::views;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, ResponseError};
use std::time::Duration;

/// Longest request target (path and query) we read. Our longest real
/// address is far shorter; 2 KiB is what common proxies allow too.
pub const MAX_URI_BYTES: usize = 2048;
/// Most bytes of header names and values together.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Most header lines.
pub const MAX_HEADERS: usize = 64;

/// Per-server time bounds, shared with the body reader.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub client_timeout: Duration,
}

impl Bounds {
    /// The bounds in force for `req` (the defaults when none are set).
    pub fn of(req: &HttpRequest) -> Self {
        req.app_data::<web::Data<Bounds>>()
            .map_or(Self::default(), |b| *b.get_ref())
    }
}

impl Default for Bounds {
    fn default() -> Self {
        Self {
            client_timeout: Duration::from_secs(10),
        }
    }
}

/// What is wrong with the request's head, if anything.
fn too_big(req: &ServiceRequest) -> Option<ApiError> {
    let uri = req.uri();
    let target = uri.path().len() + uri.query().map_or(0, |q| q.len() + 1);
    if target > MAX_URI_BYTES {
        return Some(ApiError::UriTooLong(MAX_URI_BYTES));
    }
    let headers = req.headers();
    let bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if headers.len() > MAX_HEADERS || bytes > MAX_HEADER_BYTES {
        return Some(ApiError::HeadersTooLarge(MAX_HEADER_BYTES));
    }
    None
}

/// The middleware: refuse oversized heads before anything else reads them.
pub async fn bound_request(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(problem) = too_big(&req) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let m = super::participant::messages(req.request());
    let response = if req.path().starts_with("/api/") {
        problem.response_in(&m)
    } else {
        let (heading, body) = match problem.status_code() {
            StatusCode::URI_TOO_LONG => ("uri-too-long-title", "uri-too-long-body"),
            _ => ("too-large-title", "too-large-body"),
        };
        problem.page(views::problem_in(&m, None, &m.t(heading), &m.t(body)))
    };
    Ok(req.into_response(response))
}
