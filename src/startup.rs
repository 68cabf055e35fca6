//! Start-up: everything that happens once before the first request. Check
//! the configuration, open the key directory (admin token hash, paper-code
//! and invitation keys, the vault, the log signer, the Privacy Pass keys),
//! open the store, seed the demo if asked, start the sealing ticker, and
//! bind the listeners ([`Application::build`]). The binary, the command
//! line and every integration test build the service through this one
//! function.
//!
//! This is the one module that assembles the HTTP layer; the command line
//! reaches `http` only through it (the server, and the route table that
//! `parrhesia routes` prints). Commands that work on a stopped server's
//! store open it here too ([`open_stopped_store`]), with the same keys.

use crate::audit::log::LogSigner;
use crate::clock::{Clock, SessionClock, SystemSessionClock};
use crate::config::Config;
use crate::http::{self, AdminAuth, AppState, Demo};
use crate::secrets::keys::KeyDir;
use crate::secrets::vault::Vault;
use crate::store::{Location, StartupLock, Store, StoreOptions};
use crate::tokens::issuer::Issuer;
use crate::tokens::redeemer::Redeemer;
use crate::tokens::{CodeKey, InvitationKey, TokenKeyInfo, TokenKeys};
use actix_web::dev::Server;
use actix_web::web;
use anyhow::Context;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// The route table, for `parrhesia routes` (see [`http::route_table`]).
pub use crate::http::route_table;

/// Name of the paper-code HMAC key in the key directory.
pub const CODE_KEY_FILE: &str = "paper-code.key";
/// Name of the admin token's SHA-256 in the key directory.
const ADMIN_HASH_FILE: &str = "admin-token.sha256";
/// Name of the invitation HMAC key in the key directory.
const INVITATION_KEY_FILE: &str = "invitation.key";

/// What start-up has to tell the operator once.
#[derive(Debug, Default)]
pub struct Startup {
    /// A freshly generated admin token, shown once and never stored.
    pub new_admin_token: Option<String>,
    pub demo: Option<Demo>,
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
        // A mistake in the host's message files stops the start at once.
        let messages = match &config.messages_dir {
            Some(dir) => Some(crate::messages::Overrides::load(dir)?),
            None => None,
        };
        create_data_dir(&config.data_dir)?;
        let location = config.location()?;
        let startup_lock = startup_lock(&location)?;
        // Every key is read (or made) before the lock is released.
        let keys = KeyDir::open(&config.keys_dir, &config.data_dir)?;
        let codes = code_key(&keys)?;
        let mut startup = Startup::default();
        let (admin, new_admin_token) = admin_auth(&keys, config.admin_token.as_deref())?;
        startup.new_admin_token = new_admin_token;
        let (vault, signer) = store_keys(&keys)?;
        let master_keys = {
            let (ids, current) = vault.master_ids();
            (ids, current.to_owned())
        };
        let mut store_options = config.store.clone();
        store_options.metrics = Arc::new(crate::metrics::Metrics::new(config.metrics_publish));
        let store = Store::open(&location, &store_options, vault, signer)
            .with_context(|| format!("could not open the store in {}", location.describe()))?;
        let invitations = InvitationKey::new(&keys.secret(INVITATION_KEY_FILE, 32)?.0);
        let token_keys = token_keys(&keys, &store, clock.as_ref()).await?;
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
            codes,
            admin,
            clock,
            invitations,
            issuer: Issuer::new(token_keys.clone()),
            redeemer: Redeemer::new(
                token_keys.clone(),
                config.issuer_name.clone().unwrap_or_else(|| host.clone()),
                config.origin_name.clone().unwrap_or(host),
            ),
            token_keys,
            console: http::console::ConsoleState::new(
                session_clock,
                &public_url,
                config.rate_limits.login_attempts_per_minute,
                master_keys,
            ),
            public_url,
            messages,
        });
        if config.demo {
            startup.demo = Some(http::seed_demo(&state).await?);
        }
        let ticker = spawn_ticker(state.clone());
        let server = http::server(state.clone(), &config, listener)?;
        let metrics = match &config.metrics_bind {
            Some(bind) => Some(http::metrics_server(bind, state.clone())?),
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

/// Open a stopped server's store (sled allows one process per data
/// directory), or the shared PostgreSQL store `store` (instances may keep
/// running), for commands such as `parrhesia user add`.
pub fn open_stopped_store(data: &Path, keys: &Path, store: Option<&str>) -> anyhow::Result<Store> {
    let location = Location::parse(store, data)
        .ok_or_else(|| anyhow::anyhow!("--store must be `sled` or a postgres:// URL"))?;
    std::fs::create_dir_all(data)?;
    // As at start-up: keys are read (or made) by one process at a time.
    let _startup_lock = startup_lock(&location)?;
    let (vault, signer) = store_keys(&KeyDir::open(keys, data)?)?;
    Store::open(&location, &StoreOptions::default(), vault, signer).with_context(|| {
        format!(
            "could not open the store in {} (is the server still running?)",
            location.describe()
        )
    })
}

/// The paper-code HMAC key, made on first use.
pub fn code_key(keys: &KeyDir) -> anyhow::Result<CodeKey> {
    Ok(CodeKey::new(&keys.secret(CODE_KEY_FILE, 32)?.0))
}

fn create_data_dir(data_dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("could not create the data directory {}", data_dir.display()))
}

/// Instances sharing a database start one at a time, so that they read
/// (or create) one set of shared keys (see README, Scaling out).
fn startup_lock(location: &Location) -> anyhow::Result<Option<StartupLock>> {
    Ok(match location {
        Location::Postgres(url) => Some(StartupLock::acquire(url)?),
        Location::Sled(_) => None,
    })
}

/// The admin token's hash: from the configured token, else from the key
/// directory, else from a fresh token whose hash is written there; the
/// fresh token is returned too, to be shown once and never stored.
fn admin_auth(
    keys: &KeyDir,
    configured: Option<&str>,
) -> anyhow::Result<(AdminAuth, Option<String>)> {
    Ok(match configured {
        Some(token) => (AdminAuth::from_token(token), None),
        None if keys.has(ADMIN_HASH_FILE) => {
            (AdminAuth::from_hash(&keys.read(ADMIN_HASH_FILE)?)?, None)
        }
        None => {
            let token = http::new_token()?;
            let auth = AdminAuth::from_token(&token);
            keys.write(ADMIN_HASH_FILE, auth.hash())?;
            (auth, Some(token))
        }
    })
}

/// What the store needs from the key directory: the vault of data keys and
/// the signer of the log's tree heads.
fn store_keys(keys: &KeyDir) -> anyhow::Result<(Arc<Vault>, Arc<LogSigner>)> {
    Ok((
        Arc::new(Vault::load(keys)?),
        Arc::new(LogSigner::load(keys)?),
    ))
}

/// The Privacy Pass keys, rotated if due. Spent nonces of expired keys are
/// dropped (their tokens no longer verify), and, for key consistency
/// (RFC 9576 §6), the keys in use are in the log before any token is
/// issued or redeemed.
async fn token_keys(
    keys: &KeyDir,
    store: &Store,
    clock: &dyn Clock,
) -> anyhow::Result<Arc<TokenKeys>> {
    let (token_keys, _expired) = TokenKeys::load_or_rotate(keys, clock.today())?;
    store.prune_spent_nonces(&token_keys.ids())?;
    store
        .log_token_keys(http::published_token_keys(&token_keys))
        .await?;
    Ok(Arc::new(token_keys))
}

/// Periods are sealed on schedule even when nobody reads a digest; idle
/// console sessions are dropped on the same beat.
fn spawn_ticker(state: web::Data<AppState>) -> actix_web::rt::task::JoinHandle<()> {
    actix_web::rt::spawn(async move {
        let mut every = actix_web::rt::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            state.console.prune();
            if let Err(e) = state.store.seal_due(state.clock.today()).await {
                tracing::warn!(error = %e, "scheduled sealing failed");
            }
        }
    })
}
