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

use crate::app::demo::Demo;
use crate::app::round_keys::RoundKeys;
use crate::app::{self, App, PrivacyPass};
use crate::audit::log::LogSigner;
use crate::clock::{Clock, SessionClock, SystemSessionClock};
use crate::config::Config;
use crate::http::{self, AdminAuth, AppState};
use crate::secrets::keys::KeyDir;
use crate::secrets::vault::Vault;
use crate::staff::session::Sessions;
use crate::store::{Location, StartupLock, Store, StoreOptions};
use crate::tokens::issuer::Issuer;
use crate::tokens::redeemer::Redeemer;
use crate::tokens::{CodeKey, InvitationKey, TokenKeyInfo};
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
/// Name of the HMAC key of staff recovery codes' hashes in the key
/// directory.
const RECOVERY_KEY_FILE: &str = "recovery-code.key";
/// Name of the HMAC key of staff password links' hashes (invitations and
/// resets) in the key directory.
const LINK_KEY_FILE: &str = "password-link.key";

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
        let recovery_key = keys.secret(RECOVERY_KEY_FILE, 32)?.0;
        let link_key = keys.secret(LINK_KEY_FILE, 32)?.0;
        // Each round's keys are logged before use (RFC 9576 §6.2); expired
        // ones are tombstoned before their spent nonces go.
        let round_keys = RoundKeys::start(&store, keys.clone(), clock.today()).await?;
        // This week's marker and a signed checkpoint of the newest head.
        store.tick(clock.today()).await?;
        drop(startup_lock);
        let witnesses = config
            .witnesses
            .iter()
            .map(|w| crate::audit::note::Verifier::parse(w))
            .collect::<Result<Vec<_>, _>>()?;
        let listener = TcpListener::bind(&config.bind)
            .with_context(|| format!("could not listen on {}", config.bind))?;
        let address = listener.local_addr()?;
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{address}"));
        let host = crate::config::host_of(&public_url);
        let privacy_pass = PrivacyPass {
            issuer: Arc::new(Issuer::new(round_keys.ring.clone())),
            redeemer: Redeemer::new(
                round_keys.ring.clone(),
                config.issuer_name.clone().unwrap_or_else(|| host.clone()),
                config.origin_name.clone().unwrap_or(host),
            ),
            round_keys,
        };
        let mailer = match &config.smtp {
            Some(smtp) => Some(Arc::new(
                crate::mail::Mailer::new(smtp).context("could not set up staff mail (smtp)")?,
            )),
            None => None,
        };
        let state = web::Data::new(AppState {
            app: App::new(app::Parts {
                store,
                codes,
                invitations,
                privacy_pass: Some(privacy_pass),
                sessions: Sessions::new(session_clock),
                public_url: public_url.clone(),
                master_keys,
                witnesses,
                recovery_key,
                link_key,
                mailer,
            }),
            admin,
            console: http::console::ConsoleState::new(
                &public_url,
                config.rate_limits.login_attempts_per_minute,
                config.second_factor_for_administrators,
            )
            .map_err(|_| anyhow::anyhow!("the random generator failed"))?,
            clock,
            messages,
            close_wait: config.close_wait,
        });
        if config.demo {
            let today = state.today();
            startup.demo = Some(app::demo::seed(&state.app, today).await?);
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
        self.state.app.token_keys()
    }

    /// The store this server writes to (for tests that look inside).
    pub fn store(&self) -> Store {
        self.state.app.store().clone()
    }

    /// A handle that runs the staff mail batch as the ticker does.
    pub fn mail_batches(&self) -> MailBatches {
        MailBatches(self.state.clone())
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
        let store = self.state.app.store().clone();
        match store.drain().await {
            Ok(()) => tracing::info!("stopped; every acknowledged write is on disk"),
            // Nothing unacknowledged was promised; acknowledged writes were
            // fsynced before their answer.
            Err(e) => tracing::warn!(error = %e, "the final drain of the write queue failed"),
        }
        let ended = store.on_close();
        drop((store, self.state));
        close_store(ended).await;
        served
    }
}

/// Wait, up to [`CLOSE_WAIT`], for the store's writer to end once every
/// handle to it has been dropped, so that the embedded store's file is
/// closed cleanly (see [`crate::store::Store::on_close`]). Every commit is
/// durable already: a handle still held somewhere only leaves the next
/// start to check the file (with redb's quick repair, a moment).
pub async fn close_store(ended: Arc<crate::store::WriterEnded>) {
    let waited = actix_web::rt::task::spawn_blocking(move || ended.wait(CLOSE_WAIT)).await;
    if !matches!(waited, Ok(true)) {
        tracing::info!(
            "the store's writer had not ended before exit; the next start checks the file"
        );
    }
}

/// How long a stop waits for the writer to end (a step of background work
/// in progress), within the stop time deploy/systemd gives (in-flight
/// requests get 10 s first).
const CLOSE_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// Runs the staff mail batch now, as the minute ticker does (tests drive
/// batches with it and the injected clock instead of waiting a minute).
#[derive(Clone)]
pub struct MailBatches(web::Data<AppState>);

impl MailBatches {
    /// What the batch did, or `None` when none was due.
    pub async fn run(&self) -> anyhow::Result<Option<crate::mail::RunReport>> {
        Ok(app::mail::tick(&self.0.app, self.0.today()).await?)
    }
}

/// Open a stopped server's store (the embedded store allows one process
/// per data directory), or the shared PostgreSQL store `store` (instances may keep
/// running), for commands such as `parrhesia user add`.
pub fn open_stopped_store(data: &Path, keys: &Path, store: Option<&str>) -> anyhow::Result<Store> {
    open_stopped_store_with(data, keys, store, &StoreOptions::default())
}

/// [`open_stopped_store`] with other store options.
pub fn open_stopped_store_with(
    data: &Path,
    keys: &Path,
    store: Option<&str>,
    options: &StoreOptions,
) -> anyhow::Result<Store> {
    let location = Location::parse(store, data).ok_or_else(|| {
        anyhow::anyhow!("--store must be `embedded` (or `sled`, its old name) or a postgres:// URL")
    })?;
    std::fs::create_dir_all(data)?;
    // As at start-up: keys are read (or made) by one process at a time.
    let _startup_lock = startup_lock(&location)?;
    let (vault, signer) = store_keys(&KeyDir::open(keys, data)?)?;
    Store::open(&location, options, vault, signer).with_context(|| {
        format!(
            "could not open the store in {} (is the server still running?)",
            location.describe()
        )
    })
}

/// The use cases over a stopped server's store ([`open_stopped_store`]),
/// for commands such as `parrhesia user add`: its paper-code and
/// invitation keys, no Privacy Pass keys (nothing is issued or redeemed
/// from the command line), and sessions nobody uses.
pub fn open_stopped_app(data: &Path, keys: &Path, store: Option<&str>) -> anyhow::Result<App> {
    open_stopped_app_with(data, keys, store, &StoreOptions::default())
}

/// [`open_stopped_app`] with other store options.
pub fn open_stopped_app_with(
    data: &Path,
    keys: &Path,
    store: Option<&str>,
    options: &StoreOptions,
) -> anyhow::Result<App> {
    let opened = open_stopped_store_with(data, keys, store, options)?;
    let dir = KeyDir::open(keys, data)?;
    Ok(App::new(app::Parts {
        store: opened,
        codes: code_key(&dir)?,
        invitations: InvitationKey::new(&dir.secret(INVITATION_KEY_FILE, 32)?.0),
        privacy_pass: None,
        sessions: Sessions::new(Arc::new(SystemSessionClock::default())),
        public_url: String::new(),
        master_keys: (Vec::new(), String::new()),
        witnesses: Vec::new(),
        recovery_key: dir.secret(RECOVERY_KEY_FILE, 32)?.0,
        link_key: dir.secret(LINK_KEY_FILE, 32)?.0,
        mailer: None,
    }))
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
        Location::Embedded(_) => None,
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
            let token = crate::encoding::hex(
                &crate::secrets::random::bytes::<32>()
                    .map_err(|_| anyhow::anyhow!("the random generator failed"))?,
            );
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

/// Periods are sealed on schedule even when nobody reads a digest; idle
/// console sessions are dropped, the rounds' token keys rotated, the
/// log's weekly marker written on the same beat; staff mail is batched on
/// a minute beat of its own.
fn spawn_ticker(state: web::Data<AppState>) -> actix_web::rt::task::JoinHandle<()> {
    let mail_state = state.clone();
    let sealing = actix_web::rt::spawn(async move {
        let mut every = actix_web::rt::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            state.console.prune();
            // Mixing epochs close on time too, not only after a write.
            if let Err(e) = app::digests::close_epoch(&state.app, state.today()).await {
                tracing::warn!(error = %e, "closing the mixing epoch failed");
            }
            if let Err(e) = app::digests::seal_due(&state.app, state.today()).await {
                tracing::warn!(error = %e, "scheduled sealing failed");
            }
            // Key rotation needs no restart.
            if let Err(e) = app::round_keys::maintain(&state.app, state.today()).await {
                tracing::warn!(error = %e, "token key upkeep failed");
            }
            // A head per week at least, so a log that stops shows.
            if let Err(e) = app::audit::tick(&state.app, state.today()).await {
                tracing::warn!(error = %e, "the log's weekly marker failed");
            }
        }
    });
    // Staff mail on a beat of its own: the daily batch, or a batch for
    // what a sealing just published (issue 21); never from a request. A
    // slow or unreachable mail server (tens of seconds per recipient) then
    // delays only mail, never sealing, key rotation or the log's marker.
    let mail = actix_web::rt::spawn(async move {
        let mut every = actix_web::rt::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            if let Err(e) = app::mail::tick(&mail_state.app, mail_state.today()).await {
                tracing::warn!(error = %e, "the staff mail batch failed");
            }
        }
    });
    actix_web::rt::spawn(async move {
        // Aborting the handle returned drops both loops (a dropped
        // JoinHandle alone would leave its task running).
        struct AbortOnDrop(actix_web::rt::task::JoinHandle<()>);
        impl Drop for AbortOnDrop {
            fn drop(&mut self) {
                self.0.abort();
            }
        }
        let _mail = AbortOnDrop(mail);
        let mut sealing = AbortOnDrop(sealing);
        let _ = (&mut sealing.0).await;
    })
}
