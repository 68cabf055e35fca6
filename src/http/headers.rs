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

/// When to send `Strict-Transport-Security`.
#[derive(Debug, Clone)]
pub struct HstsPolicy {
    /// Send it on every response (the operator serves only over TLS).
    pub always: bool,
    /// Proxies whose `X-Forwarded-Proto` / `Forwarded: proto=` is believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Two years, with subdomains: browsers then refuse plain HTTP to us, so a
/// network attacker cannot strip TLS from a participant's next visit
/// (RFC 6797 §6.1; browsers ignore the header over plain HTTP, §8.1).
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Middleware: add HSTS when configured, or when a trusted proxy says the
/// client reached it over TLS. A client's own `X-Forwarded-Proto` proves
/// nothing and is ignored.
pub async fn hsts(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let send = req
        .app_data::<actix_web::web::Data<HstsPolicy>>()
        .is_some_and(|p| p.always || super::client::origin(&req, &p.trusted_proxies).via_tls);
    let mut res = next.call(req).await?;
    if send {
        res.headers_mut().insert(
            actix_web::http::header::STRICT_TRANSPORT_SECURITY,
            actix_web::http::header::HeaderValue::from_static(HSTS),
        );
    }
    Ok(res)
}
