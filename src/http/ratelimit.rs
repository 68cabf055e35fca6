//! Rate limits: per-client buckets for each costly or guessable action, a
//! global bucket for sign-ins, and one for all POSTs sized to what the
//! writer can commit.
//!
//! A request's bucket is chosen by the route it will reach (its pattern in
//! the route table, e.g. `/r/{round}`), never by a prefix of the raw path:
//! paths that are not canonical (percent-encoded, `//`, dot segments, a
//! trailing slash) are refused before any bucket or handler
//! ([`canonical`]), so on every path that goes on, the route the limiter
//! sees is the route actix will run.
//!
//! Paper codes and Privacy Pass tokens are charged only when they fail
//! ([`failures`]): a care home or a library full of people with good codes
//! never meets a limit, however many share one address. Everything else is
//! charged per attempt with `governor` (GCRA, in memory). Each per-client
//! bucket is keyed by [`ClientKey`] (an IPv4 address, an IPv6 /64, or one
//! Tor circuit), and the maps are pruned every [`PRUNE_EVERY`], so an
//! address is held only while its bucket is not yet full again, and the maps
//! cannot grow without bound.
//!
//! # Security contract
//! Addresses live only in these maps: never logged, stored, or written into
//! a response (guarantee 1). A refused request is answered before any
//! handler runs, so it reads and writes nothing, and the answer never
//! depends on the code or token it carried (the admin bucket is charged
//! before the token is checked, so a limited client cannot use "429 or
//! 200" to test tokens; a credential's reservation is taken before its
//! handler runs, so "429 or not" says nothing about the credential either).
//!
//! A [`ClientKey::Shared`] key (the onion entrance when tor does not export
//! circuit ids) stands for everyone behind it: no per-client bucket applies
//! to it, so one visitor cannot lock the others out; the global buckets and
//! Tor's own defences still do (deploy/README.md, "Tor").

mod canonical;
mod failures;

use super::client::{self, ClientKey};
use super::error::ApiError;
pub use crate::config::RateLimitOptions;
use crate::views;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};
use failures::Failures;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

/// How often idle entries are dropped from the per-client maps.
pub const PRUNE_EVERY: Duration = Duration::from_secs(30);

/// What a request is trying to do, for the per-client buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A paper code or Privacy Pass token is presented (participant form
    /// or JSON submission): only failures are charged.
    Credential,
    /// An "about you" answer: every one is charged.
    AboutYou,
    /// Any admin API request, a change through an organisation's key, or a
    /// witness's cosignature (checked against the configured witness keys).
    AdminAttempt,
    /// A Privacy Pass token is requested (the issuer request URI).
    TokenIssuance,
    /// A console sign-in, or the first administrator's set-up (which
    /// checks the admin token and hashes a password).
    Login,
}

/// Which bucket a request to the route `pattern` (as written in the route
/// table) draws from.
pub fn action_for(method: &Method, pattern: &str) -> Option<Action> {
    let post = method == Method::POST;
    match pattern {
        p if p.starts_with("/api/v1/admin/") => Some(Action::AdminAttempt),
        // An organisation's own API (its bearer key): the admin bucket,
        // charged before the key is checked.
        p if method != Method::GET && p.starts_with("/api/v1/organisations/") => {
            Some(Action::AdminAttempt)
        }
        // A witness hands back cosignatures: each one is an Ed25519 check
        // and a write, so it draws from the keyed-writes bucket (a witness
        // posts once per run, far below it).
        "/api/v1/audit/cosignatures" if post => Some(Action::AdminAttempt),
        // The second step of signing in, and turning the second factor
        // off, check a one-time code: sign-in attempts too.
        "/console/login" | "/console/setup" | "/console/login/code" if post => Some(Action::Login),
        "/console/account/two-step/disable" if post => Some(Action::Login),
        // Asking for a reset link and using one (issue 21): per client,
        // like signing in; the reset form is also limited per address.
        "/console/password/forgot" | "/console/password/set" if post => Some(Action::Login),
        super::privacy_pass::TOKEN_REQUEST_PATH if post => Some(Action::TokenIssuance),
        "/r/{round}" | "/api/v1/rounds/{round}/critiques" if post => Some(Action::Credential),
        "/r/{round}/about-you" if post => Some(Action::AboutYou),
        _ => None,
    }
}

/// Set on a response whose paper code or token was checked and refused,
/// so that the failure is charged to the client (see [`failures`]).
#[derive(Debug, Clone, Copy)]
pub struct CredentialFailed;

/// Mark `response` as a refused credential.
pub fn mark_credential_failed(response: &mut HttpResponse) {
    response.extensions_mut().insert(CredentialFailed);
}

/// The limiters of one server.
pub struct RateLimits {
    trusted_proxies: Vec<IpAddr>,
    credential_failures: Failures,
    about_you: DefaultKeyedRateLimiter<ClientKey>,
    admin_attempts: DefaultKeyedRateLimiter<ClientKey>,
    token_issuance: DefaultKeyedRateLimiter<ClientKey>,
    logins: DefaultKeyedRateLimiter<ClientKey>,
    sign_ins: DefaultDirectRateLimiter,
    posts: DefaultDirectRateLimiter,
    clock: DefaultClock,
}

fn nonzero(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

/// A credential's reserved failure, refunded unless [`Reservation::keep`]
/// is called (so a handler that errs, or a client that goes away, costs
/// nothing).
pub struct Reservation<'a> {
    failures: &'a Failures,
    who: ClientKey,
    kept: bool,
}

impl Reservation<'_> {
    /// The credential failed: the reserved unit stays spent.
    pub fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        if !self.kept {
            self.failures.refund(self.who, Instant::now());
        }
    }
}

impl RateLimits {
    pub fn new(options: &RateLimitOptions) -> Self {
        let per_minute = |n| DefaultKeyedRateLimiter::keyed(Quota::per_minute(nonzero(n)));
        Self {
            trusted_proxies: options.trusted_proxies.clone(),
            credential_failures: Failures::per_minute(options.code_attempts_per_minute),
            about_you: per_minute(options.code_attempts_per_minute),
            admin_attempts: per_minute(options.admin_attempts_per_minute),
            token_issuance: per_minute(options.token_issuance_per_minute),
            logins: per_minute(options.login_attempts_per_minute),
            sign_ins: DefaultDirectRateLimiter::direct(Quota::per_minute(nonzero(
                options.sign_ins_per_minute,
            ))),
            posts: DefaultDirectRateLimiter::direct(Quota::per_second(nonzero(
                options.posts_per_second,
            ))),
            clock: DefaultClock::default(),
        }
    }

    pub fn trusted_proxies(&self) -> &[IpAddr] {
        &self.trusted_proxies
    }

    /// Charge one `action` to `client`: `Err(seconds to wait)` when its
    /// bucket (or, for sign-ins, everyone's) is empty. A credential is only
    /// reserved: the [`Reservation`] refunds it unless kept. A shared
    /// client is never charged per client.
    pub fn check(&self, action: Action, client: ClientKey) -> Result<Option<Reservation<'_>>, u64> {
        let keyed = match action {
            _ if client.is_shared() => None,
            Action::Credential => {
                self.credential_failures.reserve(client, Instant::now())?;
                return Ok(Some(Reservation {
                    failures: &self.credential_failures,
                    who: client,
                    kept: false,
                }));
            }
            Action::AboutYou => Some(&self.about_you),
            Action::AdminAttempt => Some(&self.admin_attempts),
            Action::TokenIssuance => Some(&self.token_issuance),
            Action::Login => Some(&self.logins),
        };
        if let Some(bucket) = keyed {
            bucket
                .check_key(&client)
                .map_err(|n| wait_secs(n.wait_time_from(self.clock.now())))?;
        }
        if action == Action::Login {
            self.sign_ins
                .check()
                .map_err(|n| wait_secs(n.wait_time_from(self.clock.now())))?;
        }
        Ok(None)
    }

    /// Charge one POST to the global bucket.
    pub fn check_post(&self) -> Result<(), u64> {
        self.posts
            .check()
            .map_err(|n| wait_secs(n.wait_time_from(self.clock.now())))
    }

    /// Forget every client whose bucket has filled up again.
    pub fn prune(&self) {
        for bucket in [
            &self.about_you,
            &self.admin_attempts,
            &self.token_issuance,
            &self.logins,
        ] {
            bucket.retain_recent();
            bucket.shrink_to_fit();
        }
        self.credential_failures.prune(Instant::now());
    }

    /// Clients currently remembered, across all buckets (for tests).
    pub fn remembered(&self) -> usize {
        self.credential_failures.len()
            + self.about_you.len()
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
        limited.page(views::problem_in(
            &m,
            None,
            &m.t("rate-limited-title"),
            &m.f("rate-limited-body", &[("seconds", retry_after.into())]),
        ))
    };
    req.into_response(response)
}

/// The 400 answer for an address not written in its usual form.
fn refuse_path(req: ServiceRequest) -> ServiceResponse<BoxBody> {
    let problem = ApiError::PathNotCanonical;
    let m = super::participant::messages(req.request());
    let response = if req.path().starts_with("/api/") {
        problem.response_in(&m)
    } else {
        problem.page(views::problem_in(
            &m,
            None,
            &m.t("path-not-canonical-title"),
            &problem.message_in(&m.api()),
        ))
    };
    req.into_response(response)
}

/// The middleware: the path's form first, then the per-client bucket (so
/// a flooding client is turned away without using up everyone's share),
/// then the global POST bucket; after the handler, a credential's
/// reservation is kept only if the handler marked it as failed.
pub async fn enforce(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(limits) = req.app_data::<web::Data<RateLimits>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if canonical::check(req.path()).is_err() {
        return Ok(refuse_path(req));
    }
    // Before routing, `match_pattern` matches the raw path against the
    // route table; on a canonical path that is the route actix will run.
    let action = req
        .match_pattern()
        .and_then(|pattern| action_for(req.method(), &pattern));
    let mut reservation = None;
    if let Some(action) = action {
        let who = client::origin(&req, limits.trusted_proxies()).client;
        match limits.check(action, who) {
            Ok(reserved) => reservation = reserved,
            Err(wait) => return Ok(refuse(req, wait)),
        }
    }
    if req.method() == Method::POST {
        if let Err(wait) = limits.check_post() {
            return Ok(refuse(req, wait));
        }
    }
    let response = next.call(req).await?;
    if let Some(reservation) = reservation {
        if response
            .response()
            .extensions()
            .contains::<CredentialFailed>()
        {
            reservation.keep();
        }
    }
    Ok(response.map_into_boxed_body())
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
            login_attempts_per_minute: 5,
            sign_ins_per_minute: 4,
            posts_per_second: 5,
            ..RateLimitOptions::default()
        }
    }

    #[test]
    fn each_client_has_its_own_bucket_per_action() {
        let limits = RateLimits::new(&options());
        for _ in 0..3 {
            limits.check(Action::AboutYou, v4(1)).unwrap();
        }
        let wait = limits.check(Action::AboutYou, v4(1)).err().unwrap();
        assert!((1..=20).contains(&wait), "{wait}");
        // Another client, and another action of the same client, are not
        // affected.
        assert!(limits.check(Action::AboutYou, v4(2)).is_ok());
        assert!(limits.check(Action::AdminAttempt, v4(1)).is_ok());
        assert!(limits.check(Action::TokenIssuance, v4(1)).is_ok());
        assert!(limits.check(Action::TokenIssuance, v4(1)).is_err());
    }

    #[test]
    fn credentials_are_charged_only_when_kept_as_failures() {
        let limits = RateLimits::new(&options());
        for _ in 0..100 {
            let good = limits.check(Action::Credential, v4(1)).unwrap();
            drop(good);
        }
        for _ in 0..3 {
            limits
                .check(Action::Credential, v4(1))
                .unwrap()
                .unwrap()
                .keep();
        }
        assert!(limits.check(Action::Credential, v4(1)).is_err());
        assert!(limits.check(Action::Credential, v4(2)).is_ok());
    }

    #[test]
    fn a_shared_entrance_is_never_limited_per_client() {
        let limits = RateLimits::new(&options());
        for _ in 0..50 {
            if let Some(r) = limits.check(Action::Credential, ClientKey::Shared).unwrap() {
                r.keep();
            }
            limits.check(Action::AboutYou, ClientKey::Shared).unwrap();
        }
        assert_eq!(limits.remembered(), 0);
    }

    #[test]
    fn sign_ins_are_limited_for_everyone_together() {
        // Five per client, four for everyone: the fifth client is refused
        // even with a full bucket of its own.
        let limits = RateLimits::new(&options());
        for last in 0..4 {
            limits.check(Action::Login, v4(last)).unwrap();
        }
        assert!(limits.check(Action::Login, v4(9)).is_err());
        assert!(limits.check(Action::Login, ClientKey::Shared).is_err());
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
            limits.check(Action::AboutYou, v4(last)).unwrap();
            limits
                .check(Action::Credential, v4(last))
                .unwrap()
                .unwrap()
                .keep();
        }
        assert_eq!(limits.remembered(), 200);
        // Act
        std::thread::sleep(Duration::from_millis(50));
        limits.prune();
        // Assert: no address is held once its window has passed.
        assert_eq!(limits.remembered(), 0);
    }

    #[test]
    fn actions_are_recognised_by_method_and_route() {
        let post = Method::POST;
        let get = Method::GET;
        let cases = [
            (&post, "/r/{round}", Some(Action::Credential)),
            (
                &post,
                "/api/v1/rounds/{round}/critiques",
                Some(Action::Credential),
            ),
            (&post, "/r/{round}/about-you", Some(Action::AboutYou)),
            // The check step spends nothing and reads no code store.
            (&post, "/r/{round}/check", None),
            (&get, "/r/{round}", None),
            (
                &get,
                "/api/v1/admin/rounds/{round}",
                Some(Action::AdminAttempt),
            ),
            (
                &post,
                "/api/v1/admin/quotes/{quote}",
                Some(Action::AdminAttempt),
            ),
            (
                &post,
                "/api/v1/organisations/{organisation}/responses",
                Some(Action::AdminAttempt),
            ),
            (&get, "/api/v1/organisations/{organisation}/digest", None),
            (&post, "/console/login", Some(Action::Login)),
            (&post, "/console/setup", Some(Action::Login)),
            (&post, "/console/login/code", Some(Action::Login)),
            (
                &post,
                "/console/account/two-step/disable",
                Some(Action::Login),
            ),
            (&post, "/console/password/forgot", Some(Action::Login)),
            (&post, "/console/password/set", Some(Action::Login)),
            (&get, "/console/password/forgot", None),
            (&get, "/console/login/code", None),
            (&get, "/console/login", None),
            (&get, "/o/{organisation}", None),
            (&post, "/api/v1/token-request", Some(Action::TokenIssuance)),
        ];
        for (method, pattern, action) in cases {
            assert_eq!(action_for(method, pattern), action, "{method} {pattern}");
        }
    }

    /// Every route that takes a credential, a token or a password, or
    /// changes anything for the host, draws from a bucket: a new route of
    /// that kind cannot be added and forgotten here.
    #[test]
    fn every_guessable_route_has_a_bucket() {
        // The check page and the receipt's switch to Easy Read only show
        // back what was posted: nothing is looked up or guessed.
        let free = ["/r/{round}/check", "/r/{round}/receipt", "/console/logout"];
        for route in crate::http::ROUTES {
            let method: Method = route.method.parse().unwrap();
            let action = action_for(&method, route.path);
            let guessable = route.path.starts_with("/api/v1/admin/")
                || (route.path.starts_with("/api/v1/organisations/") && route.method != "GET")
                || (route.method == "POST"
                    && !route.path.starts_with("/console/")
                    && !free.contains(&route.path))
                || (route.method == "POST"
                    && matches!(
                        route.path,
                        "/console/login"
                            | "/console/setup"
                            | "/console/login/code"
                            | "/console/account/two-step/disable"
                            | "/console/password/forgot"
                            | "/console/password/set"
                    ));
            assert_eq!(
                action.is_some(),
                guessable,
                "{} {} has bucket {action:?}",
                route.method,
                route.path
            );
        }
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(wait_secs(Duration::from_millis(1)), 1);
        assert_eq!(wait_secs(Duration::from_millis(1500)), 2);
        assert_eq!(wait_secs(Duration::from_secs(3)), 3);
        assert_eq!(wait_secs(Duration::ZERO), 1);
    }
}
