//! Rate limits: per-client buckets for each costly or guessable action, and
//! one global bucket for all POSTs sized to what the writer can commit.
//!
//! Built on `governor` directly (GCRA, in memory). Each per-client bucket is
//! keyed by [`ClientKey`] (an IPv4 address or an IPv6 /64), and the maps are
//! pruned every [`PRUNE_EVERY`] with `retain_recent`, so an address is held
//! only while its bucket is not yet full again, and the maps cannot grow
//! without bound.
//!
//! # Security contract
//! Addresses live only in these maps: never logged, stored, or written into
//! a response (guarantee 1). A refused request is answered before any
//! handler runs, so it reads and writes nothing, and the answer never
//! depends on the code or token it carried (the admin bucket is charged
//! before the token is checked, so a limited client cannot use "429 or
//! 200" to test tokens).
//!
//! Behind Tor (or one proxy that is not trusted) every client has the same
//! address, so the per-client buckets become one shared bucket: raise them
//! for an onion service and rely on Tor's own defences (see README.md).

use super::client::{self, ClientKey};
use super::error::ApiError;
use super::participant::page;
pub use crate::config::RateLimitOptions;
use crate::views;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Weak};
use std::time::Duration;

/// How often idle entries are dropped from the per-client maps.
pub const PRUNE_EVERY: Duration = Duration::from_secs(30);

/// What a request is trying to do, for the per-client buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A paper code is presented (participant form or JSON submission).
    CodeAttempt,
    /// Any admin API request.
    AdminAttempt,
    /// A Privacy Pass token is requested (the issuer request URI).
    TokenIssuance,
    /// A console sign-in, or the first administrator's set-up (which
    /// checks the admin token).
    Login,
}

/// Which bucket a request draws from, by method and path. Routing has not
/// happened yet here, so this is by prefix: a POST to a round that does
/// not exist is still a code attempt.
pub fn action_for(method: &Method, path: &str) -> Option<Action> {
    if path.starts_with("/api/v1/admin/") || path == "/api/v1/admin" {
        Some(Action::AdminAttempt)
    } else if method == Method::POST && (path == "/console/login" || path == "/console/setup") {
        Some(Action::Login)
    } else if method != Method::GET && path.starts_with("/api/v1/organisations/") {
        // An organisation's own API (its bearer key): the admin bucket,
        // charged before the key is checked.
        Some(Action::AdminAttempt)
    } else if method == Method::POST && path == super::privacy_pass::TOKEN_REQUEST_PATH {
        Some(Action::TokenIssuance)
    } else if method == Method::POST
        && (path.starts_with("/r/") || path.starts_with("/api/v1/rounds/"))
    {
        Some(Action::CodeAttempt)
    } else {
        None
    }
}

/// The limiters of one server.
pub struct RateLimits {
    trusted_proxies: Vec<IpAddr>,
    code_attempts: DefaultKeyedRateLimiter<ClientKey>,
    admin_attempts: DefaultKeyedRateLimiter<ClientKey>,
    token_issuance: DefaultKeyedRateLimiter<ClientKey>,
    logins: DefaultKeyedRateLimiter<ClientKey>,
    posts: DefaultDirectRateLimiter,
    clock: DefaultClock,
}

fn nonzero(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

impl RateLimits {
    pub fn new(options: &RateLimitOptions) -> Self {
        let per_minute = |n| DefaultKeyedRateLimiter::keyed(Quota::per_minute(nonzero(n)));
        Self {
            trusted_proxies: options.trusted_proxies.clone(),
            code_attempts: per_minute(options.code_attempts_per_minute),
            admin_attempts: per_minute(options.admin_attempts_per_minute),
            token_issuance: per_minute(options.token_issuance_per_minute),
            logins: per_minute(options.login_attempts_per_minute),
            posts: DefaultDirectRateLimiter::direct(Quota::per_second(nonzero(
                options.posts_per_second,
            ))),
            clock: DefaultClock::default(),
        }
    }

    pub fn trusted_proxies(&self) -> &[IpAddr] {
        &self.trusted_proxies
    }

    fn bucket(&self, action: Action) -> &DefaultKeyedRateLimiter<ClientKey> {
        match action {
            Action::CodeAttempt => &self.code_attempts,
            Action::AdminAttempt => &self.admin_attempts,
            Action::TokenIssuance => &self.token_issuance,
            Action::Login => &self.logins,
        }
    }

    /// Charge one `action` to `client`: `Err(seconds to wait)` when its
    /// bucket is empty.
    pub fn check(&self, action: Action, client: ClientKey) -> Result<(), u64> {
        self.bucket(action)
            .check_key(&client)
            .map_err(|not_until| wait_secs(not_until.wait_time_from(self.clock.now())))
    }

    /// Charge one POST to the global bucket.
    pub fn check_post(&self) -> Result<(), u64> {
        self.posts
            .check()
            .map_err(|not_until| wait_secs(not_until.wait_time_from(self.clock.now())))
    }

    /// Forget every client whose bucket has filled up again.
    pub fn prune(&self) {
        for bucket in [
            &self.code_attempts,
            &self.admin_attempts,
            &self.token_issuance,
            &self.logins,
        ] {
            bucket.retain_recent();
            bucket.shrink_to_fit();
        }
    }

    /// Clients currently remembered, across all buckets (for tests).
    pub fn remembered(&self) -> usize {
        self.code_attempts.len()
            + self.admin_attempts.len()
            + self.token_issuance.len()
            + self.logins.len()
    }

    /// Prune every [`PRUNE_EVERY`] on a background thread that ends when
    /// the limits are dropped.
    pub fn prune_periodically(limits: &Arc<Self>) -> std::io::Result<()> {
        let weak: Weak<Self> = Arc::downgrade(limits);
        std::thread::Builder::new()
            .name("parrhesia-ratelimit-prune".into())
            .spawn(move || loop {
                std::thread::sleep(PRUNE_EVERY);
                match weak.upgrade() {
                    Some(limits) => limits.prune(),
                    None => break,
                }
            })
            .map(|_| ())
    }
}

/// Whole seconds to wait, at least one (`Retry-After` has no fractions).
fn wait_secs(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

/// The 429 answer: JSON for the API, a page for people.
fn refuse(req: ServiceRequest, retry_after: u64) -> ServiceResponse<BoxBody> {
    let limited = ApiError::RateLimited(retry_after);
    let m = super::participant::messages(req.request());
    let response = if req.path().starts_with("/api/") {
        limited.response_in(&m)
    } else if req.path().starts_with("/console/") {
        super::console::too_many_attempts(retry_after)
    } else {
        let mut response = page(
            StatusCode::TOO_MANY_REQUESTS,
            views::problem_in(
                &m,
                None,
                &m.t("rate-limited-title"),
                &m.f("rate-limited-body", &[("seconds", retry_after.into())]),
            ),
        );
        if let Ok(value) = retry_after.to_string().parse() {
            response
                .headers_mut()
                .insert(actix_web::http::header::RETRY_AFTER, value);
        }
        response
    };
    req.into_response(response)
}

/// The middleware: per-client bucket first (so a flooding client is turned
/// away without using up everyone's share), then the global POST bucket.
pub async fn enforce(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(limits) = req.app_data::<web::Data<RateLimits>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if let Some(action) = action_for(req.method(), req.path()) {
        let who = client::origin(&req, limits.trusted_proxies()).client;
        if let Err(wait) = limits.check(action, who) {
            return Ok(refuse(req, wait));
        }
    }
    if req.method() == Method::POST {
        if let Err(wait) = limits.check_post() {
            return Ok(refuse(req, wait));
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(last: u8) -> ClientKey {
        ClientKey::of(IpAddr::from([192, 0, 2, last]))
    }

    fn options() -> RateLimitOptions {
        RateLimitOptions {
            code_attempts_per_minute: 3,
            admin_attempts_per_minute: 2,
            token_issuance_per_minute: 1,
            posts_per_second: 5,
            ..RateLimitOptions::default()
        }
    }

    #[test]
    fn each_client_has_its_own_bucket_per_action() {
        let limits = RateLimits::new(&options());
        for _ in 0..3 {
            assert!(limits.check(Action::CodeAttempt, v4(1)).is_ok());
        }
        let wait = limits.check(Action::CodeAttempt, v4(1)).unwrap_err();
        assert!((1..=20).contains(&wait), "{wait}");
        // Another client, and another action of the same client, are not
        // affected.
        assert!(limits.check(Action::CodeAttempt, v4(2)).is_ok());
        assert!(limits.check(Action::AdminAttempt, v4(1)).is_ok());
        assert!(limits.check(Action::TokenIssuance, v4(1)).is_ok());
        assert!(limits.check(Action::TokenIssuance, v4(1)).is_err());
    }

    #[test]
    fn the_global_post_bucket_is_shared() {
        let limits = RateLimits::new(&options());
        let allowed = (0..20).filter(|_| limits.check_post().is_ok()).count();
        assert_eq!(allowed, 5);
    }

    #[test]
    fn pruning_forgets_clients_whose_bucket_refilled() {
        // Arrange: a quota that refills within a few milliseconds.
        let limits = RateLimits::new(&RateLimitOptions {
            code_attempts_per_minute: 60_000,
            ..options()
        });
        for last in 0..100 {
            limits.check(Action::CodeAttempt, v4(last)).unwrap();
        }
        assert_eq!(limits.remembered(), 100);
        // Act
        std::thread::sleep(Duration::from_millis(50));
        limits.prune();
        // Assert: no address is held once its window has passed.
        assert_eq!(limits.remembered(), 0);
    }

    #[test]
    fn actions_are_recognised_by_method_and_path() {
        assert_eq!(
            action_for(&Method::POST, "/r/spring"),
            Some(Action::CodeAttempt)
        );
        assert_eq!(
            action_for(&Method::POST, "/api/v1/rounds/spring/critiques"),
            Some(Action::CodeAttempt)
        );
        assert_eq!(action_for(&Method::GET, "/r/spring"), None);
        assert_eq!(
            action_for(&Method::GET, "/api/v1/admin/rounds/x"),
            Some(Action::AdminAttempt)
        );
        assert_eq!(action_for(&Method::GET, "/o/care"), None);
        assert_eq!(
            action_for(&Method::POST, "/api/v1/token-request"),
            Some(Action::TokenIssuance)
        );
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(wait_secs(Duration::from_millis(1)), 1);
        assert_eq!(wait_secs(Duration::from_millis(1500)), 2);
        assert_eq!(wait_secs(Duration::from_secs(3)), 3);
        assert_eq!(wait_secs(Duration::ZERO), 1);
    }
}
