//! Reading request bodies with a size limit, a time limit and a required
//! media type. Form decoding lives in `form.rs` (public, for the fuzzer).

pub use super::urlencoded::{decodable_pairs, decode_form};

use super::error::ApiError;
use super::limits::Bounds;
use actix_web::http::header;
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;

/// Largest HTML form body (the 5,000-character text is at most 20,000 bytes
/// of UTF-8, but percent-encoding of non-ASCII triples that, so forms with
/// long non-Latin text need the room).
pub const FORM_LIMIT: usize = 64 * 1024;
/// Largest JSON body.
pub const JSON_LIMIT: usize = 64 * 1024;

pub const FORM: &str = "application/x-www-form-urlencoded";
pub const JSON: &str = "application/json";

/// Check the media type, then read at most `limit` bytes.
pub async fn read(
    req: &HttpRequest,
    mut payload: web::Payload,
    expected: &'static str,
    limit: usize,
) -> Result<web::Bytes, ApiError> {
    let media_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if media_type.as_deref() != Some(expected) {
        return Err(ApiError::UnsupportedMediaType(expected));
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge(limit));
    }
    // A client trickling its body a byte at a time is cut off: it would
    // otherwise hold a connection (and a worker's attention) indefinitely.
    let deadline = Bounds::of(req).client_timeout;
    let read_all = async {
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk =
                chunk.map_err(|_| ApiError::InvalidJson("the body was cut short".into()))?;
            if body.len() + chunk.len() > limit {
                return Err(ApiError::PayloadTooLarge(limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    };
    tokio::time::timeout(deadline, read_all)
        .await
        .map_err(|_| ApiError::TimedOut)?
}
