//! `parrhesia verify` (the auditor that remembers) and `parrhesia witness`
//! (an independent party's cosigner): their flags, state files and output.
//! The checks themselves are [`crate::audit::verifier`] and
//! [`crate::audit::witness`].

use crate::audit::note::{Verifier, COSIGNATURE_V1, ED25519};
use crate::audit::verifier::{Policy, State};
use crate::audit::witness;
use crate::clock::{Clock, SystemClock};
use anyhow::{anyhow, bail, Context, Result};
use std::path::PathBuf;
use std::time::Duration;

/// Whom to trust: shared by `verify` and `token fetch`.
#[derive(clap::Args, Clone, Default)]
pub struct TrustArgs {
    /// The log's verifier key, from a source you trust (the host's
    /// announcement, another auditor). Without it the server's is taken
    /// (and, with --state, pinned from then on).
    #[arg(long = "log-key", value_name = "VKEY")]
    pub log_key: Option<String>,
    /// A witness you trust, by its verifier key (repeatable). The log's
    /// newest checkpoint must carry their cosignatures.
    #[arg(long = "witness", value_name = "VKEY")]
    pub witnesses: Vec<String>,
    /// How many of those witnesses must have cosigned (default: all).
    #[arg(long)]
    pub quorum: Option<usize>,
    /// Also trust this certificate authority (PEM) for https:// addresses.
    #[arg(long, value_name = "FILE")]
    pub ca: Option<PathBuf>,
}

impl TrustArgs {
    pub fn policy(&self) -> Result<Policy> {
        let log_key = self
            .log_key
            .as_deref()
            .map(|k| parse_key(k, ED25519, "--log-key"))
            .transpose()?;
        let witnesses = self
            .witnesses
            .iter()
            .map(|w| parse_key(w, COSIGNATURE_V1, "--witness"))
            .collect::<Result<Vec<_>>>()?;
        let quorum = self.quorum.unwrap_or(witnesses.len());
        if quorum > witnesses.len() {
            bail!(
                "--quorum {quorum} needs at least that many --witness keys ({} given)",
                witnesses.len()
            );
        }
        Ok(Policy {
            log_key,
            witnesses,
            quorum,
        })
    }

    pub fn client(&self) -> Result<awc::Client> {
        crate::audit::fetch::client(Duration::from_secs(60), self.ca.as_deref())
    }
}

fn parse_key(text: &str, kind: u8, flag: &str) -> Result<Verifier> {
    let v = Verifier::parse(text).map_err(|e| anyhow!("{flag}: {e}"))?;
    if v.kind != kind {
        bail!(
            "{flag}: {text} is a key of the wrong type (a log key is Ed25519, type 01; a \
             witness key is cosignature/v1, type 04)"
        );
    }
    Ok(v)
}

#[derive(clap::Args)]
pub struct VerifyArgs {
    /// The service's address, e.g. https://feedback.example.org
    #[arg(long)]
    pub server: String,
    /// A file where verify keeps what it saw (the pinned log key, the last
    /// checkpoint), made on the first run: later runs fail on any rewrite.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    #[command(flatten)]
    pub trust: TrustArgs,
}

/// `parrhesia verify`.
pub fn verify(a: VerifyArgs) -> Result<()> {
    let policy = a.trust.policy()?;
    let state: Option<State> = match &a.state {
        Some(file) if file.exists() => Some(
            serde_json::from_slice(&std::fs::read(file)?)
                .with_context(|| format!("the state file {} is damaged", file.display()))?,
        ),
        _ => None,
    };
    let client = a.trust.client()?;
    let today = SystemClock.today();
    let (report, next) = actix_web::rt::System::new().block_on(crate::audit::fetch::audit(
        &client,
        &a.server,
        &policy,
        state.as_ref(),
        today,
    ))?;
    print!("{}", report.render());
    if !report.ok() {
        bail!("verification failed");
    }
    if let (Some(file), Some(next)) = (&a.state, next) {
        witness::write_atomically(file, &serde_json::to_vec_pretty(&next)?)?;
        println!(
            "state saved in {}: log key pinned, checkpoint of size {}",
            file.display(),
            next.size
        );
    }
    Ok(())
}

#[derive(clap::Subcommand)]
pub enum WitnessCommand {
    /// Print this witness's verifier key (making its key file if absent),
    /// to give to the host (PARRHESIA_WITNESSES) and to auditors.
    Key {
        /// The witness's private key file (Ed25519, PKCS#8; made 0600).
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// The witness's name, e.g. witness.example.org/parrhesia
        #[arg(long)]
        name: String,
    },
    /// Check the log's newest checkpoint against what this witness cosigned
    /// before, cosign it if it extends that, and hand the cosignature back.
    Run(WitnessRunArgs),
}

#[derive(clap::Args)]
pub struct WitnessRunArgs {
    /// The log's service address.
    #[arg(long)]
    pub log: String,
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// What this witness remembers of the log (made on the first run).
    #[arg(long, value_name = "FILE")]
    pub state: PathBuf,
    /// The witness's name (needed on the first run; then kept in the state).
    #[arg(long)]
    pub name: Option<String>,
    /// The log's verifier key; without it the first run pins the one the
    /// log shows.
    #[arg(long = "log-key", value_name = "VKEY")]
    pub log_key: Option<String>,
    /// Run again every this many seconds, until stopped (an inconsistent
    /// log stops it with a failure).
    #[arg(long, value_name = "SECONDS")]
    pub every: Option<u64>,
    /// Also trust this certificate authority (PEM) for https:// addresses.
    #[arg(long, value_name = "FILE")]
    pub ca: Option<PathBuf>,
}

/// `parrhesia witness`.
pub fn witness(command: WitnessCommand) -> Result<()> {
    match command {
        WitnessCommand::Key { key, name } => {
            let pair = witness::load_key(&key)?;
            println!("{}", witness::vkey(&pair, &name)?.vkey());
            Ok(())
        }
        WitnessCommand::Run(a) => {
            let pair = witness::load_key(&a.key)?;
            let log_key = a
                .log_key
                .as_deref()
                .map(|k| parse_key(k, ED25519, "--log-key"))
                .transpose()?;
            let client = crate::audit::fetch::client(Duration::from_secs(60), a.ca.as_deref())?;
            actix_web::rt::System::new().block_on(async move {
                loop {
                    let now = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_secs())
                        .unwrap_or(0);
                    let result = witness::run(
                        &client,
                        &a.log,
                        &pair,
                        a.name.as_deref(),
                        &a.state,
                        log_key.as_ref(),
                        now,
                    )
                    .await;
                    match (&result, a.every) {
                        (Ok(c), _) => println!("cosigned {} at size {}", c.origin, c.size),
                        // Loud, and final: the evidence is in the log.
                        (Err(e), _) if e.downcast_ref::<witness::Refusal>().is_some() => {
                            return result.map(|_| ());
                        }
                        (Err(e), Some(_)) => eprintln!("parrhesia witness: {e:#} (will retry)"),
                        (Err(_), None) => return result.map(|_| ()),
                    }
                    match a.every {
                        Some(secs) => actix_web::rt::time::sleep(Duration::from_secs(secs)).await,
                        None => return Ok(()),
                    }
                }
            })
        }
    }
}
