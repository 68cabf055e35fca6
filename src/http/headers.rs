//! Security headers on every response.

use actix_web::middleware::DefaultHeaders;

/// Headers every response carries (a handler may set its own value first,
/// e.g. a cacheable `Cache-Control` on the style sheet):
/// - `Content-Security-Policy`: only our own origin, no framing, no inline
///   script (CSP Level 3, <https://www.w3.org/TR/CSP3/>; `frame-ancestors`
///   §6.4.2, `form-action` §6.4.1, `base-uri` §6.3.1).
/// - `Referrer-Policy: no-referrer`: our addresses never reach other sites
///   (<https://www.w3.org/TR/referrer-policy/#referrer-policy-no-referrer>).
/// - `X-Content-Type-Options: nosniff` (Fetch standard §3.5.2).
/// - `X-Frame-Options: DENY` for browsers without `frame-ancestors` (RFC 7034).
/// - `Permissions-Policy`: no camera, microphone, location or topics.
/// - `Cache-Control: no-store`: forms and receipts are not kept by shared
///   computers' browsers or proxies (RFC 9111 §5.2.2.5).
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), browsing-topics=()",
        ))
        .add(("Cache-Control", "no-store"))
}
