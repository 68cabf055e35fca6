//! The HTTP layer: routes, the state every handler shares ([`AppState`]),
//! and the servers that serve them ([`server`], [`metrics_server`]).
//! Building that state (keys, store, demo) is `startup`'s work.
//!
//! Handlers only extract, call the domain or the store, and map errors. No
//! access log is kept: there is deliberately no actix `Logger` middleware,
//! and nothing reads the peer address, user agent or referrer except
//! `client.rs`, for the in-memory rate limits and HSTS only.

mod about_you;
mod admin;
mod api;
mod audit;
mod body;
mod client;
pub mod console;
mod demo;
mod demo_voices;
mod digests;
pub mod error;
mod form;
mod headers;
mod language;
mod limits;
mod ops;
mod organisation;
mod participant;
mod privacy_pass;
mod quotes;
pub mod ratelimit;
mod routes;
pub mod urlencoded;

pub use admin::{new_token, AdminAuth};
pub use demo::{seed_demo, Demo};
pub use routes::{route_table, Audience, Route, ROUTES};

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::Round;
use crate::store::Store;
use crate::tokens::issuer::Issuer;
use crate::tokens::redeemer::Redeemer;
use crate::tokens::{CodeKey, InvitationKey, PaperCode, TokenKeys};
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use anyhow::Context;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

/// Shared, read-only state of every handler.
pub struct AppState {
    pub store: Store,
    pub codes: CodeKey,
    pub admin: AdminAuth,
    pub clock: Arc<dyn Clock>,
    pub public_url: String,
    pub invitations: InvitationKey,
    pub issuer: Issuer,
    pub redeemer: Redeemer,
    pub token_keys: Arc<TokenKeys>,
    /// Staff sessions and sign-in limits (in memory).
    pub console: console::ConsoleState,
    /// This instance's changes to the shipped messages, if any.
    pub messages: Option<&'static crate::messages::Overrides>,
}

impl AppState {
    /// The address printed on cards for `round`.
    pub fn round_url(&self, round: &str) -> String {
        self.round_url_in(round, None)
    }

    /// The address printed on cards for `round` in `language`: it opens
    /// the form in that language (`?lang=`).
    pub fn round_url_in(&self, round: &str, language: Option<&str>) -> String {
        let base = format!("{}/r/{round}", self.public_url.trim_end_matches('/'));
        match language {
            Some(l) => format!("{base}?lang={l}"),
            None => base,
        }
    }
}

/// The main server on `listener`: every route, behind the rate limits,
/// request bounds and security headers that `config` sets.
pub fn server(
    state: web::Data<AppState>,
    config: &Config,
    listener: TcpListener,
) -> anyhow::Result<Server> {
    let rate_limits = web::Data::new(ratelimit::RateLimits::new(&config.rate_limits));
    ratelimit::RateLimits::prune_periodically(&rate_limits.clone().into_inner())?;
    let hsts = web::Data::new(headers::HstsPolicy {
        always: config.hsts,
        trusted_proxies: config.rate_limits.trusted_proxies.clone(),
    });
    let bounds = web::Data::new(limits::Bounds {
        client_timeout: config.client_timeout,
    });
    Ok(HttpServer::new(move || {
        // The last `wrap` is outermost: every answer, a 429 or 414
        // included, gets the security headers.
        App::new()
            .app_data(state.clone())
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|e, _| error::ApiError::InvalidQuery(e.to_string()).into()),
            )
            .app_data(rate_limits.clone())
            .app_data(hsts.clone())
            .app_data(bounds.clone())
            .wrap(from_fn(ratelimit::enforce))
            .wrap(from_fn(limits::bound_request))
            .wrap(from_fn(language::localise))
            .wrap(from_fn(headers::hsts))
            .wrap(headers::security_headers())
            .configure(routes::configure)
    })
    .client_request_timeout(config.client_timeout)
    .client_disconnect_timeout(Duration::from_secs(2))
    .keep_alive(Duration::from_secs(30))
    .shutdown_timeout(10)
    .listen(listener)?
    .run())
}

/// The `/metrics` listener: one worker, no signal handling of its own (the
/// main server's shutdown stops it), and nothing but `/metrics`.
pub fn metrics_server(
    bind: &str,
    state: web::Data<AppState>,
) -> anyhow::Result<(SocketAddr, Server)> {
    let listener = TcpListener::bind(bind)
        .with_context(|| format!("could not listen on {bind} for metrics"))?;
    let address = listener.local_addr()?;
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .route("/metrics", web::get().to(ops::metrics))
            .default_service(web::to(ops::not_found))
    })
    .workers(1)
    .disable_signals()
    .listen(listener)?
    .run();
    Ok((address, server))
}

/// Make `count` fresh codes for `round` and record their hashes. Codes are
/// independent uniform random values, so their order carries nothing; they
/// are shuffled anyway so no future change to generation can leak order.
pub(crate) async fn issue_codes(
    state: &AppState,
    round: &Round,
    count: usize,
) -> Result<Vec<String>, error::ApiError> {
    let rng = ring::rand::SystemRandom::new();
    let fresh: Vec<PaperCode> = (0..count)
        .map(|_| PaperCode::generate(&rng))
        .collect::<Result<_, _>>()
        .map_err(|_| error::ApiError::Internal("random generator failed".into()))?;
    let hashes = fresh.iter().map(|c| state.codes.hash(c)).collect();
    let issued = state.store.issue_codes(round.slug.clone(), hashes).await?;
    if issued != fresh.len() {
        // A code equal to one already issued (about 2^-55 each) was skipped.
        return Err(error::ApiError::Internal(
            "code collision; try again".into(),
        ));
    }
    let mut codes: Vec<String> = fresh.iter().map(PaperCode::display).collect();
    crate::secrets::random::shuffle(&mut codes)
        .map_err(|_| error::ApiError::Internal("random generator failed".into()))?;
    Ok(codes)
}

/// The token keys in use, as the audit log records and publishes them.
pub fn published_token_keys(keys: &TokenKeys) -> Vec<crate::audit::verify::PublishedTokenKey> {
    keys.public_list()
        .into_iter()
        .map(|k| crate::audit::verify::PublishedTokenKey {
            token_type: 2,
            key_id: k.token_key_id,
            token_key: k.token_key,
        })
        .collect()
}
