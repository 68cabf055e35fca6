//! The HTTP layer: the route table, the extractors that prove who may use
//! a route, the handlers, the one error mapping, and the servers
//! ([`server`], [`metrics_server`]). Building the state is `startup`'s
//! work; the use cases are `app`'s.
//!
//! Handlers only extract (the path, the body parsed into domain types, the
//! credential the route's audience asks for), call one use case in
//! [`crate::app`] and render its answer: a page from [`crate::views`],
//! JSON, or an error through [`error`]. No access log is kept: there is
//! deliberately no actix `Logger` middleware, and nothing reads the peer
//! address, user agent or referrer except `client.rs`, for the in-memory
//! rate limits and HSTS only.

mod about_you;
mod admin;
mod api;
mod audit;
pub mod auth;
mod body;
mod client;
pub mod console;
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

pub use auth::AdminAuth;
pub use routes::{route_table, Access, Audience, Route, ROUTES};

use crate::app::App;
use crate::clock::Clock;
use crate::config::Config;
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, HttpServer};
use anyhow::Context;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;
use time::Date;

/// Shared, read-only state of every handler.
pub struct AppState {
    /// The use cases and what they work with.
    pub app: App,
    /// The admin token's hash, for [`auth::AdminToken`].
    pub admin: AdminAuth,
    pub clock: Arc<dyn Clock>,
    /// Sign-in limits per account, and what the console's cookie and
    /// forms check (in memory).
    pub console: console::ConsoleState,
    /// This instance's changes to the shipped messages, if any.
    pub messages: Option<&'static crate::messages::Overrides>,
    /// [`crate::config::Config::close_wait`].
    pub close_wait: std::time::Duration,
}

impl AppState {
    /// Today, as the use cases take it (never a finer time).
    pub fn today(&self) -> Date {
        self.clock.today()
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
    let server = HttpServer::new(move || {
        // The last `wrap` is outermost: every answer, a 429 or 414
        // included, gets the security headers.
        actix_web::App::new()
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
    .shutdown_timeout(10);
    let server = match config.workers {
        Some(n) => server.workers(n),
        None => server,
    };
    Ok(server.listen(listener)?.run())
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
        actix_web::App::new()
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
