//! The application layer: every use case of Parrhesia, once, below the
//! adapters that offer it (the JSON API, the console, the command line and
//! the demo all call these functions) and above the services they use (the
//! store, the token module, the digest and the audit log).
//!
//! One module per group of use cases: [`rounds`] (organisations, rounds,
//! themes, recurring phrases, closing periods), [`codes`] (paper codes,
//! invitations, Privacy Pass issuance), [`submissions`] (critiques and
//! "about you" answers in, the check step), [`moderation`] (quotes),
//! [`voices`] (responses, pledges, organisation keys, what is published
//! beside a digest), [`round_keys`] (each round's Privacy Pass key, made,
//! logged, rotated and retired while the server runs),
//! [`staff`] (accounts, sign-in and sessions, the staff action log,
//! backups, the keys page), [`dashboard`] (the console's home: what is
//! going on and what to do next), [`digests`] and [`audit`] (what is
//! published), and [`demo`] (the demo's data, made through the others).
//!
//! Every function here takes an [`App`], input that is already parsed
//! into domain types (a [`crate::domain::NewRound`], a
//! [`crate::domain::AnsweredSubmission`], a [`crate::staff::NewAccount`]…) and,
//! where time matters, `today` (time is a parameter: nothing here reads a
//! clock). It returns one error type, [`AppError`], whose variants say
//! what happened; only `http::error` turns them into statuses and stable
//! codes. A use case that changes what staff run records its own entry in
//! the staff action log, naming its [`Actor`]. Every function is `async`,
//! and reads the store only through [`Store::read`] (a group of reads at a
//! time): on PostgreSQL a read waits for the database, and it must wait
//! off the async workers, which serve many connections each
//! (`store/pg.rs`; `tests/api/layers.rs` holds this layer to it).
//!
//! # Adding a feature through the layers
//! Say organisations may now withdraw a pledge. (1) Put the vocabulary in
//! `src/domain/` (a `PledgeStatus::Withdrawn`, parsed like the others) and
//! any new record in `src/store/` behind a method named for what the
//! application needs. (2) Write the use case here, in [`voices`]:
//! `pub async fn withdraw_pledge(app, actor, organisation, id, today)`,
//! which checks the rule (reading with `app.store.read(move |s| …)`),
//! calls the store, records the staff action and
//! returns the record or an [`AppError`] (add a variant if something new
//! can go wrong). (3) Map any new variant to a status and a stable code in
//! `src/http/error.rs`, the one place that does. (4) Add the route to the
//! one table in `src/http/routes.rs`, with its audience (and, for the
//! console, its roles); its handler takes the matching extractor
//! (`AdminToken`, `OrganisationKey` or `Staff`), parses the body into
//! domain types, calls the use case and renders the answer; a console form
//! goes through `console::post`. (5) Document it in `openapi.json` and
//! README, and test it from the outside (`tests/api/`).

pub mod audit;
pub mod codes;
pub mod dashboard;
pub mod demo;
pub mod digests;
mod error;
pub mod live;
pub mod mail;
pub mod moderation;
pub mod password_links;
pub mod record;
pub mod round_keys;
pub mod rounds;
pub mod staff;
pub mod submissions;
pub mod voices;

pub use error::AppError;

use crate::audit::note::Verifier;
use crate::staff::hashing::HashingGate;
use crate::staff::session::Sessions;
use crate::staff::Username;
use crate::store::Store;
use crate::tokens::issuer::Issuer;
use crate::tokens::redeemer::Redeemer;
use crate::tokens::{CodeKey, InvitationKey};
use std::sync::Arc;

/// What the use cases work with: the store, the keys of codes and
/// invitations, the Privacy Pass issuer and redeemer, the staff sessions
/// (in memory) and the service's public address. Built once by `startup`.
pub struct App {
    store: Store,
    codes: CodeKey,
    invitations: InvitationKey,
    privacy_pass: Option<PrivacyPass>,
    sessions: Sessions,
    public_url: String,
    /// The vault's master key ids and the current one (for the keys page).
    master_keys: (Vec<String>, String),
    /// The witnesses whose cosignatures are accepted and published.
    witnesses: Vec<Verifier>,
    /// Every password hash and check goes through this bound.
    hashing: HashingGate,
    /// Hourly snapshots of the open periods' counts, for staff.
    live: live::LiveCounts,
    /// The key of recovery codes' keyed hashes (from the key directory).
    recovery_key: ring::hmac::Key,
    /// The key of password links' hashes ([`crate::staff::link`]).
    link_key: ring::hmac::Key,
    /// The last accepted one-time-code step of each user, in memory only
    /// (RFC 6238 §5.2: a code is accepted once).
    replay: crate::staff::totp::ReplayGuard,
    /// Consecutive wrong codes of each account, in memory only.
    code_failures: crate::staff::totp::CodeFailures,
    /// Staff mail, when SMTP is configured (issue 21); without it the
    /// console shows one-time links instead of mailing them.
    mailer: Option<Arc<crate::mail::Mailer>>,
    /// One staff-mail batch, dismissal or note at a time in this process
    /// (across instances the stored state's compare-and-swap decides).
    mail_lock: tokio::sync::Mutex<()>,
}

/// The rounds' Privacy Pass keys with their issuer and redeemer. A server
/// has them; a command run on a stopped server's store does not need them.
pub struct PrivacyPass {
    pub round_keys: round_keys::RoundKeys,
    pub issuer: Arc<Issuer>,
    pub redeemer: Redeemer,
}

/// What [`App::new`] is built from.
pub struct Parts {
    pub store: Store,
    pub codes: CodeKey,
    pub invitations: InvitationKey,
    pub privacy_pass: Option<PrivacyPass>,
    pub sessions: Sessions,
    pub public_url: String,
    pub master_keys: (Vec<String>, String),
    pub witnesses: Vec<Verifier>,
    /// 32 bytes from the key directory's `recovery-code.key`.
    pub recovery_key: Vec<u8>,
    /// 32 bytes from the key directory's `password-link.key`.
    pub link_key: Vec<u8>,
    /// The SMTP transport, when the configuration has `[smtp]`.
    pub mailer: Option<Arc<crate::mail::Mailer>>,
}

impl App {
    pub fn new(parts: Parts) -> Self {
        let replay = crate::staff::totp::ReplayGuard::new(parts.sessions.unix_secs());
        Self {
            recovery_key: ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &parts.recovery_key),
            link_key: ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &parts.link_key),
            replay,
            code_failures: crate::staff::totp::CodeFailures::default(),
            store: parts.store,
            codes: parts.codes,
            invitations: parts.invitations,
            privacy_pass: parts.privacy_pass,
            sessions: parts.sessions,
            public_url: parts.public_url,
            master_keys: parts.master_keys,
            witnesses: parts.witnesses,
            hashing: HashingGate::for_this_machine(),
            live: live::LiveCounts::default(),
            mailer: parts.mailer,
            mail_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// The staff mail transport, when SMTP is configured.
    pub fn mailer(&self) -> Option<&crate::mail::Mailer> {
        self.mailer.as_deref()
    }

    /// The store, for start-up, shut-down and tests that look inside. The
    /// adapters reach it only through the use cases.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The service's public address, without a trailing slash.
    pub fn public_url(&self) -> &str {
        self.public_url.trim_end_matches('/')
    }

    /// The address printed on cards for `round`.
    pub fn round_url(&self, round: &str) -> String {
        self.round_url_in(round, None)
    }

    /// The address printed on cards for `round` in `language`: it opens
    /// the form in that language (`?lang=`).
    pub fn round_url_in(&self, round: &str, language: Option<&str>) -> String {
        let base = format!("{}/r/{round}", self.public_url());
        match language {
            Some(l) => format!("{base}?lang={l}"),
            None => base,
        }
    }

    /// The Privacy Pass keys, issuer and redeemer (a server always has
    /// them).
    fn privacy_pass(&self) -> Result<&PrivacyPass, AppError> {
        self.privacy_pass
            .as_ref()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no Privacy Pass keys loaded")))
    }

    /// Every Privacy Pass issuer key this instance has loaded.
    pub fn token_keys(&self) -> Vec<crate::tokens::TokenKeyInfo> {
        self.privacy_pass
            .as_ref()
            .map(|p| p.round_keys.ring.current().public_list())
            .unwrap_or_default()
    }

    /// Whether the store still accepts writes.
    pub fn healthy(&self) -> bool {
        self.store.healthy()
    }

    /// Whether the store accepts writes and its writer keeps up.
    pub fn ready(&self) -> bool {
        self.store.ready()
    }

    /// The Prometheus exposition of the service's counters.
    pub fn metrics_text(&self) -> String {
        let gauges = crate::metrics::Gauges {
            queue_depth: self.store.queue_depth(),
            queue_capacity: self.store.queue_capacity(),
            store_healthy: self.store.healthy(),
            ready: self.store.ready(),
        };
        self.store.metrics().render(gauges)
    }

    /// The service's counters, for adapters that count what they refused.
    pub fn metrics(&self) -> &crate::metrics::Metrics {
        self.store.metrics()
    }
}

/// Who asked for a change, as the staff action log names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in console user.
    Staff(Username),
    /// `parrhesia user add`.
    CommandLine,
    /// Someone not signed in, such as whoever asked for a password reset
    /// (anyone may type a user name there, so the log must not name the
    /// account's owner as having asked).
    SignedOut,
    /// Whoever holds the admin token or an organisation's key, the demo and
    /// the bench seeder. The staff action log names the people who run the
    /// service; a bearer token names no one, so these leave no entry (as
    /// the API has always done).
    Unnamed,
}

impl Actor {
    /// The name the log gives, or `None` for no entry.
    fn logged_as(&self) -> Option<&str> {
        match self {
            Self::Staff(name) => Some(name.as_str()),
            Self::CommandLine => Some("command line"),
            Self::SignedOut => Some("a signed-out visitor"),
            Self::Unnamed => None,
        }
    }
}
