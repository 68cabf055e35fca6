//! Authorisation by type: a handler that needs the admin token takes an
//! [`AdminToken`], one that needs an organisation's key takes an
//! [`OrganisationKey`], a console page takes `console::Staff`. Only these
//! extractors make them, and each checks that its route in the table
//! (`routes::ROUTES`) asks for exactly that: a handler on a route of
//! another audience gets a 500 rather than a door left open, and the test
//! `authorisation::every_protected_route_refuses_every_wrong_credential`
//! walks the table.
//!
//! # Security contract
//! - The admin token is kept only as its SHA-256 (it is 256 random bits
//!   when generated, or at least 24 characters when set by the operator)
//!   and compared in constant time. A missing, empty or non-Bearer header
//!   is checked as the empty token: one hash and one comparison, and the
//!   same `401`, whatever was wrong.
//! - An organisation key is checked against that organisation's hashes
//!   only, in constant time per key ([`crate::app::voices::organisation_key`]):
//!   no key, a wrong key and another organisation's key get the same
//!   `401`. These routes draw from the admin rate-limit bucket, charged
//!   before the key is checked (see `ratelimit.rs`).

use super::error::ApiError;
use super::routes::{self, Access};
use super::AppState;
use crate::app::{self, AppError};
use crate::crypto::sha256;
use crate::domain::Slug;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use std::future::{ready, Future, Ready};
use std::pin::Pin;
use subtle::ConstantTimeEq;

/// The admin token's hash.
pub struct AdminAuth([u8; 32]);

impl AdminAuth {
    pub fn from_token(token: &str) -> Self {
        Self(sha256(token.as_bytes()))
    }

    pub fn from_hash(bytes: &[u8]) -> anyhow::Result<Self> {
        let hash = <[u8; 32]>::try_from(bytes)
            .map_err(|_| anyhow::anyhow!("the stored admin token hash is damaged"))?;
        Ok(Self(hash))
    }

    pub fn hash(&self) -> &[u8] {
        &self.0
    }

    /// Whether `presented` is the admin token. Constant time: the
    /// comparison does not stop at the first differing byte.
    pub fn verify(&self, presented: &str) -> bool {
        bool::from(sha256(presented.as_bytes()).ct_eq(&self.0))
    }

    /// Check the bearer token of `req` (see the module's contract).
    fn check(&self, req: &HttpRequest) -> Result<AdminToken, ApiError> {
        if self.verify(bearer(req)) {
            Ok(AdminToken(()))
        } else {
            Err(ApiError::Unauthorized)
        }
    }
}

/// The bearer token of `req`, trimmed; "" when there is none.
fn bearer(req: &HttpRequest) -> &str {
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("")
        .trim()
}

/// The shared state, and a check that the matched route asks for `access`.
pub(super) fn route_state(
    req: &HttpRequest,
    access: fn(Access) -> bool,
) -> Result<&web::Data<AppState>, AppError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no state")))?;
    let route = req
        .match_pattern()
        .and_then(|p| routes::find(req.method().as_str(), &p));
    match route {
        Some(route) if access(route.access) => Ok(state),
        _ => Err(AppError::Internal(anyhow::anyhow!(
            "{} {} is not a route for this credential",
            req.method(),
            req.match_pattern().unwrap_or_default()
        ))),
    }
}

/// Proof that the request carried the admin token. Only its extractor
/// makes one.
///
/// No handler can make one for itself; this does not compile:
///
/// ```compile_fail
/// fn forged() -> parrhesia::http::auth::AdminToken {
///     parrhesia::http::auth::AdminToken(())
/// }
/// ```
pub struct AdminToken(());

impl FromRequest for AdminToken {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            route_state(req, |a| a == Access::AdminToken)
                .map_err(ApiError::from)
                .and_then(|state| state.admin.check(req)),
        )
    }
}

/// Proof that the request carried a key of the organisation in its path.
/// Only its extractor makes one.
///
/// No handler can make one for itself; this does not compile:
///
/// ```compile_fail
/// use parrhesia::domain::Slug;
/// fn forged(organisation: Slug) -> parrhesia::http::auth::OrganisationKey {
///     parrhesia::http::auth::OrganisationKey { organisation }
/// }
/// ```
pub struct OrganisationKey {
    organisation: Slug,
}

impl OrganisationKey {
    /// The organisation the key is for (the one in the path).
    pub fn organisation(&self) -> &Slug {
        &self.organisation
    }
}

impl FromRequest for OrganisationKey {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = route_state(&req, |a| a == Access::OrganisationKey)?;
            let organisation = req.match_info().get("organisation").unwrap_or("");
            if !app::voices::organisation_key(&state.app, organisation, bearer(&req)).await? {
                return Err(ApiError::Unauthorized);
            }
            // An organisation with a key exists, so its slug parses.
            let organisation = Slug::parse(organisation, "organisation")?;
            Ok(Self { organisation })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::hashes_during;
    use actix_web::http::header::HeaderValue;
    use actix_web::test::TestRequest;

    /// Missing, malformed and wrong tokens cost the same: each computes
    /// exactly the one SHA-256 a wrong token does, so an early return for
    /// any of them (which would skip that hash and answer measurably
    /// sooner) fails here. Hashes are counted, not timed: one SHA-256
    /// (about a microsecond) is far below the noise of a timed request.
    #[test]
    fn every_refused_admin_header_costs_the_one_hash_a_wrong_token_costs() {
        let token = "right-token-0123456789abcdef";
        let auth = AdminAuth::from_token(token);
        let long = format!("Bearer {}", "x".repeat(10_000));
        let refused: Vec<Option<HeaderValue>> = vec![
            None,
            Some(HeaderValue::from_static("")),
            Some(HeaderValue::from_static("Bearer")),
            Some(HeaderValue::from_static("Bearer ")),
            Some(HeaderValue::from_static("Bearer    ")),
            Some(HeaderValue::from_static("Basic dXNlcjpwYXNz")),
            Some(HeaderValue::from_static(
                "bearer right-token-0123456789abcdef",
            )),
            Some(HeaderValue::from_static(
                "Bearer wrong-token-0123456789abcdef",
            )),
            Some(HeaderValue::from_static(
                "Bearer right-token-0123456789abcdeX",
            )),
            Some(HeaderValue::from_static(
                "Bearer right-token-0123456789abcde",
            )),
            Some(HeaderValue::from_bytes(b"Bearer \xff\xfe").unwrap()),
            Some(HeaderValue::from_str(&long).unwrap()),
        ];
        for header in refused {
            let mut req = TestRequest::default();
            if let Some(value) = header.clone() {
                req = req.insert_header((header::AUTHORIZATION, value));
            }
            let req = req.to_http_request();
            let (answer, hashes) = hashes_during(|| auth.check(&req));
            assert!(
                matches!(answer, Err(ApiError::Unauthorized)),
                "{header:?} was not refused"
            );
            assert_eq!(hashes, 1, "{header:?} computed {hashes} hashes");
        }
        let req = TestRequest::default()
            .insert_header((header::AUTHORIZATION, format!("Bearer {token}")))
            .to_http_request();
        let (answer, hashes) = hashes_during(|| auth.check(&req));
        assert!(answer.is_ok());
        assert_eq!(hashes, 1);
    }
}
