//! The HTTP layer: routes, the application state, and start-up.
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
mod limits;
mod ops;
mod organisation;
mod participant;
mod privacy_pass;
mod quotes;
pub mod ratelimit;
mod routes;
pub mod urlencoded;

pub use routes::{Audience, Route, ROUTES};

use crate::audit::log::LogSigner;
use crate::clock::{Clock, SessionClock, SystemSessionClock};
use crate::config::Config;
use crate::domain::{Organisation, Round};
use crate::keys::KeyDir;
use crate::store::{Location, StartupLock, Store};
use crate::tokens::issuer::Issuer;
use crate::tokens::redeemer::Redeemer;
use crate::tokens::{CodeKey, InvitationKey, PaperCode, TokenKeyInfo, TokenKeys};
use crate::vault::Vault;
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpServer};
use anyhow::Context;
use ring::digest;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

/// Name of the paper-code HMAC key in the key directory.
pub(crate) const CODE_KEY_FILE: &str = "paper-code.key";
/// Name of the admin token's SHA-256 in the key directory.
const ADMIN_HASH_FILE: &str = "admin-token.sha256";
/// Name of the invitation HMAC key in the key directory.
const INVITATION_KEY_FILE: &str = "invitation.key";

/// Shared, read-only state of every handler.
pub struct AppState {
    pub store: Store,
    pub codes: CodeKey,
    pub admin: admin::AdminAuth,
    pub clock: Arc<dyn Clock>,
    pub public_url: String,
    pub invitations: InvitationKey,
    pub issuer: Issuer,
    pub redeemer: Redeemer,
    pub token_keys: Arc<TokenKeys>,
    /// Staff sessions and sign-in limits (in memory).
    pub console: console::ConsoleState,
}

impl AppState {
    /// The address printed on cards for `round`.
    pub fn round_url(&self, round: &str) -> String {
        format!("{}/r/{round}", self.public_url.trim_end_matches('/'))
    }
}

/// What start-up has to tell the operator once.
#[derive(Debug, Default)]
pub struct Startup {
    /// A freshly generated admin token, shown once and never stored.
    pub new_admin_token: Option<String>,
    pub demo: Option<Demo>,
}

#[derive(Debug)]
pub struct Demo {
    pub round_url: String,
    pub codes: Vec<String>,
    /// The demo's console administrator (user name, password), made on the
    /// first demo start only; the password is shown once and never stored.
    pub admin: Option<(String, String)>,
}

/// A built, bound server, ready to run.
pub struct Application {
    address: SocketAddr,
    server: Server,
    /// The separate `/metrics` listener, when configured.
    metrics: Option<(SocketAddr, Server)>,
    ticker: actix_web::rt::task::JoinHandle<()>,
    state: web::Data<AppState>,
    startup: Startup,
}

impl Application {
    /// Open keys and store, seed the demo if asked, and bind the listener.
    pub async fn build(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        Self::build_with(config, clock, Arc::new(SystemSessionClock::default())).await
    }

    /// [`Application::build`] with the clock of staff sessions' time-outs
    /// (tests move it by hand).
    pub async fn build_with(
        config: Config,
        clock: Arc<dyn Clock>,
        session_clock: Arc<dyn SessionClock>,
    ) -> anyhow::Result<Self> {
        config.validate()?;
        std::fs::create_dir_all(&config.data_dir).with_context(|| {
            format!(
                "could not create the data directory {}",
                config.data_dir.display()
            )
        })?;
        let location = config.location()?;
        // Instances sharing a database start one at a time, so that they
        // read (or create) one set of shared keys (see README, Scaling out).
        let startup_lock = match &location {
            Location::Postgres(url) => Some(StartupLock::acquire(url)?),
            Location::Sled(_) => None,
        };
        let keys = KeyDir::open(&config.keys_dir, &config.data_dir)?;
        let (code_secret, _) = keys.secret(CODE_KEY_FILE, 32)?;
        let mut startup = Startup::default();
        let admin = match &config.admin_token {
            Some(token) => admin::AdminAuth::from_token(token),
            None if keys.has(ADMIN_HASH_FILE) => {
                admin::AdminAuth::from_hash(&keys.read(ADMIN_HASH_FILE)?)?
            }
            None => {
                let token = admin::new_token()?;
                let auth = admin::AdminAuth::from_token(&token);
                keys.write(ADMIN_HASH_FILE, auth.hash())?;
                startup.new_admin_token = Some(token);
                auth
            }
        };
        let vault = Arc::new(Vault::load(&keys)?);
        let master_keys = {
            let (ids, current) = vault.master_ids();
            (ids, current.to_owned())
        };
        let signer = Arc::new(LogSigner::load(&keys)?);
        let mut store_options = config.store.clone();
        store_options.metrics = Arc::new(crate::metrics::Metrics::new(config.metrics_publish));
        let store = Store::open(&location, &store_options, vault, signer)
            .with_context(|| format!("could not open the store in {}", location.describe()))?;
        let (invitation_secret, _) = keys.secret(INVITATION_KEY_FILE, 32)?;
        let (token_keys, _expired) = TokenKeys::load_or_rotate(&keys, clock.today())?;
        let token_keys = Arc::new(token_keys);
        // Spent nonces of expired keys can go: their tokens no longer verify.
        store.prune_spent_nonces(&token_keys.ids())?;
        // Key consistency (RFC 9576 §6): the keys in use are in the log
        // before any token is issued or redeemed.
        store
            .log_token_keys(published_token_keys(&token_keys))
            .await?;
        drop(startup_lock);
        let listener = TcpListener::bind(&config.bind)
            .with_context(|| format!("could not listen on {}", config.bind))?;
        let address = listener.local_addr()?;
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{address}"));
        let host = crate::config::host_of(&public_url);
        let state = web::Data::new(AppState {
            store,
            codes: CodeKey::new(&code_secret),
            admin,
            clock,
            invitations: InvitationKey::new(&invitation_secret),
            issuer: Issuer::new(token_keys.clone()),
            redeemer: Redeemer::new(
                token_keys.clone(),
                config.issuer_name.clone().unwrap_or_else(|| host.clone()),
                config.origin_name.clone().unwrap_or(host),
            ),
            token_keys,
            console: console::ConsoleState::new(
                session_clock,
                &public_url,
                config.rate_limits.login_attempts_per_minute,
                master_keys,
            ),
            public_url,
        });
        if config.demo {
            startup.demo = Some(seed_demo(&state).await?);
        }
        // Periods are sealed on schedule even when nobody reads a digest.
        let tick_state = state.clone();
        let ticker = actix_web::rt::spawn(async move {
            let ticker = tick_state;
            let mut every = actix_web::rt::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                ticker.console.prune();
                // Mixing epochs close on time too, not only after a write.
                if let Err(e) = ticker.store.rotate_epoch(ticker.clock.today()).await {
                    tracing::warn!(error = %e, "closing the mixing epoch failed");
                }
                if let Err(e) = ticker.store.seal_due(ticker.clock.today()).await {
                    tracing::warn!(error = %e, "scheduled sealing failed");
                }
            }
        });
        let data = state.clone();
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
            App::new()
                .app_data(data.clone())
                .app_data(
                    web::QueryConfig::default()
                        .error_handler(|e, _| error::ApiError::InvalidQuery(e.to_string()).into()),
                )
                .app_data(rate_limits.clone())
                .app_data(hsts.clone())
                .app_data(bounds.clone())
                .wrap(from_fn(ratelimit::enforce))
                .wrap(from_fn(limits::bound_request))
                .wrap(from_fn(headers::hsts))
                .wrap(headers::security_headers())
                .configure(routes::configure)
        })
        .client_request_timeout(config.client_timeout)
        .client_disconnect_timeout(Duration::from_secs(2))
        .keep_alive(Duration::from_secs(30))
        .shutdown_timeout(10)
        .listen(listener)?
        .run();
        let metrics = match &config.metrics_bind {
            Some(bind) => Some(metrics_server(bind, state.clone())?),
            None => None,
        };
        Ok(Self {
            address,
            server,
            metrics,
            ticker,
            state,
            startup,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    pub fn startup(&self) -> &Startup {
        &self.startup
    }

    /// Every Privacy Pass issuer key in use (for the audit log).
    pub fn token_keys(&self) -> Vec<TokenKeyInfo> {
        self.state.token_keys.public_list()
    }

    /// The store this server writes to (for tests that look inside).
    pub fn store(&self) -> Store {
        self.state.store.clone()
    }

    /// Where `/metrics` is served, if it is.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().map(|(address, _)| *address)
    }

    /// Serve until SIGINT or SIGTERM. Then: stop accepting, let in-flight
    /// requests finish (up to 10 s), stop the metrics listener and the
    /// sealing ticker, and wait until every queued write is committed and
    /// fsynced before returning.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let metrics = self.metrics.map(|(_, server)| {
            let handle = server.handle();
            actix_web::rt::spawn(server);
            handle
        });
        let served = self.server.await;
        if let Some(handle) = metrics {
            handle.stop(true).await;
        }
        self.ticker.abort();
        match self.state.store.drain().await {
            Ok(()) => tracing::info!("stopped; every acknowledged write is on disk"),
            // Nothing unacknowledged was promised; acknowledged writes were
            // fsynced before their answer.
            Err(e) => tracing::warn!(error = %e, "the final drain of the write queue failed"),
        }
        served
    }
}

/// The `/metrics` listener: one worker, no signal handling of its own (the
/// main server's shutdown stops it), and nothing but `/metrics`.
fn metrics_server(bind: &str, state: web::Data<AppState>) -> anyhow::Result<(SocketAddr, Server)> {
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
    crate::random::shuffle(&mut codes)
        .map_err(|_| error::ApiError::Internal("random generator failed".into()))?;
    Ok(codes)
}

async fn seed_demo(state: &AppState) -> anyhow::Result<Demo> {
    let org = Organisation::parse("demo", "Demo Care Services")?;
    if state.store.organisation("demo")?.is_none() {
        state.store.create_organisation(org).await?;
    }
    let round = match state.store.round("demo")? {
        Some(r) => r,
        None => {
            let r = Round::parse(
                "demo",
                "demo",
                "How well do we listen to you?",
                Some("Tell Demo Care Services what gets in the way of you having a say."),
                None,
                None,
                None,
            )?;
            state.store.create_round(r.clone()).await?;
            r
        }
    };
    demo::seed_history(state, &round).await?;
    let codes = issue_codes(state, &round, 10)
        .await
        .map_err(|e| anyhow::anyhow!("could not issue demo codes: {}", e.message()))?;
    demo_voices::seed_demo_voices(state, &round).await?;
    let admin = if state.store.has_users()? {
        None
    } else {
        let password = crate::staff::password::generate()?;
        let hash = crate::staff::password::hash(&password)?;
        let name = crate::staff::Username::parse("demo-admin")
            .map_err(|e| anyhow::anyhow!(e.message()))?;
        let user = crate::staff::User::new(name, crate::staff::Role::Administrator, None, hash)
            .map_err(|e| anyhow::anyhow!(e.message()))?;
        state.store.add_first_user(user).await?;
        Some(("demo-admin".to_owned(), password.expose().to_owned()))
    };
    Ok(Demo {
        round_url: state.round_url("demo"),
        codes,
        admin,
    })
}

/// Open a stopped server's store (sled allows one process per data
/// directory), or the shared PostgreSQL store `store` (instances may keep
/// running), for commands such as `parrhesia user add`.
pub fn open_stopped_store(
    data: &std::path::Path,
    keys: &std::path::Path,
    store: Option<&str>,
) -> anyhow::Result<Store> {
    let location = Location::parse(store, data)
        .ok_or_else(|| anyhow::anyhow!("--store must be `sled` or a postgres:// URL"))?;
    std::fs::create_dir_all(data)?;
    // As at start-up: keys are read (or made) by one process at a time.
    let _startup_lock = match &location {
        Location::Postgres(url) => Some(StartupLock::acquire(url)?),
        Location::Sled(_) => None,
    };
    let keys = KeyDir::open(keys, data)?;
    let vault = Arc::new(Vault::load(&keys)?);
    let signer = Arc::new(LogSigner::load(&keys)?);
    Store::open(
        &location,
        &crate::store::StoreOptions::default(),
        vault,
        signer,
    )
    .with_context(|| {
        format!(
            "could not open the store in {} (is the server still running?)",
            location.describe()
        )
    })
}

/// SHA-256, for fingerprints and hashes of high-entropy secrets.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out.copy_from_slice(digest::digest(&digest::SHA256, bytes).as_ref());
    out
}

/// The token keys in use, as the audit log records and publishes them.
pub(crate) fn published_token_keys(
    keys: &TokenKeys,
) -> Vec<crate::audit::verify::PublishedTokenKey> {
    keys.public_list()
        .into_iter()
        .map(|k| crate::audit::verify::PublishedTokenKey {
            token_type: 2,
            key_id: k.token_key_id,
            token_key: k.token_key,
        })
        .collect()
}
