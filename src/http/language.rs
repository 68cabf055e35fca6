//! Answers in the request's language: a middleware that gives every JSON
//! error the message of its stable code in the language the request chose
//! (`?lang=`, else `Accept-Language`), and marks every page and error as
//! depending on `Accept-Language`.
//!
//! Handlers and extractors return [`ApiError`] as they always did; actix
//! keeps the error beside the English answer it made
//! (`HttpResponse::error`), and this middleware answers again from it.
//! Nothing about the language is stored or logged.

use super::error::ApiError;
use super::participant::messages;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;

/// The middleware (wrap it inside the security headers, so that a new
/// answer still gets them).
pub async fn localise(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let m = messages(req.request());
    let res = next.call(req).await?.map_into_boxed_body();
    let again = res
        .response()
        .error()
        .and_then(|e| e.as_error::<ApiError>())
        .filter(|_| is_json(&res))
        .map(|e| e.response_in(&m));
    let mut res = match again {
        Some(answer) => res.into_response(answer),
        None => res,
    };
    // RFC 9110 §12.5.5: a cache must not give this answer to a request
    // with other languages (every answer is also `no-store`).
    if is_html(&res) || (is_json(&res) && !res.status().is_success()) {
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    Ok(res)
}

fn content_type(res: &ServiceResponse<BoxBody>) -> &str {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

fn is_json(res: &ServiceResponse<BoxBody>) -> bool {
    content_type(res).starts_with("application/json")
}

fn is_html(res: &ServiceResponse<BoxBody>) -> bool {
    content_type(res).starts_with("text/html")
}
