//! Reading request bodies with a size limit and a required media type, and
//! decoding HTML form bodies strictly (invalid UTF-8 is an error, not
//! silently replaced, so what is stored is exactly what was typed).

use super::error::ApiError;
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
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::InvalidJson("the body was cut short".into()))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Decode `application/x-www-form-urlencoded` (WHATWG URL standard §5.1:
/// split on `&`, then on the first `=`, `+` is a space, then
/// percent-decode) into name/value pairs. Unlike most decoders, invalid
/// UTF-8 after decoding is an error.
pub fn decode_form(body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    let decode = |raw: &[u8]| -> Result<String, ApiError> {
        let plus: Vec<u8> = raw
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        let bytes: Vec<u8> = percent_encoding::percent_decode(&plus).collect();
        String::from_utf8(bytes).map_err(|_| ApiError::InvalidUtf8)
    };
    body.split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut parts = pair.splitn(2, |&b| b == b'=');
            let name = decode(parts.next().unwrap_or_default())?;
            let value = decode(parts.next().unwrap_or_default())?;
            Ok((name, value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_repeated_fields_plus_and_percent() {
        let pairs =
            decode_form(b"themes=a&themes=b&text=caf%C3%A9+ok&quote_ok=yes&empty=").unwrap();
        assert_eq!(
            pairs,
            vec![
                ("themes".into(), "a".into()),
                ("themes".into(), "b".into()),
                ("text".into(), "café ok".into()),
                ("quote_ok".into(), "yes".into()),
                ("empty".into(), "".into()),
            ]
        );
    }

    #[test]
    fn invalid_utf8_is_refused() {
        assert!(matches!(
            decode_form(b"text=%FF%FE"),
            Err(ApiError::InvalidUtf8)
        ));
        assert!(matches!(
            decode_form(b"text=\xff"),
            Err(ApiError::InvalidUtf8)
        ));
    }
}
