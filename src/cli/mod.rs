//! The command line: `parrhesia serve` and the other commands, and their
//! flags. Flags and environment variables here are a stable interface
//! (README.md lists them). The commands that are more than a few lines
//! live beside this file: [`auditor`] (`verify` and `witness`), [`backup`]
//! (backup and restore), [`remote`] (the participant's token client),
//! [`scan`] (`parrhesia audit`) and the bench-only seeder. The server itself is built by `startup`.

pub mod auditor;
pub mod backup;
pub mod remote;
pub mod scan;
mod seed;

use crate::clock::SystemClock;
use crate::config::Config;
use crate::config::Settings;
use crate::startup::Application;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "parrhesia",
    version,
    about = "Anonymous critiques with themed digests"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service.
    Serve(Settings),
    /// Check the configuration.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Save a consistent snapshot of a running server's data (never its
    /// keys) to a file, through the admin API.
    Backup {
        /// The service's address, e.g. http://127.0.0.1:8080
        #[arg(long)]
        server: String,
        /// The file to write; it must not exist yet.
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into an empty data directory.
    Restore {
        /// A file written by `parrhesia backup`.
        #[arg(long)]
        from: PathBuf,
        /// The data directory to create; it must be absent or empty.
        #[arg(
            long = "data",
            env = "PARRHESIA_DATA",
            default_value = "./parrhesia-data"
        )]
        data: PathBuf,
        /// Restore into this PostgreSQL database instead (it must hold no
        /// data yet); `embedded` (or `sled`, its old name) or unset restores into
        /// --data.
        #[arg(long = "store", env = "PARRHESIA_STORE")]
        store: Option<String>,
    },
    /// Print the route table as JSON (for the browser tests, which must
    /// visit every page the service has).
    #[command(hide = true)]
    Routes,
    /// Check a running service's published log, signatures and totals.
    Verify(auditor::VerifyArgs),
    /// An independent witness of a service's log: cosign its checkpoints
    /// while they only ever extend what this witness cosigned before.
    #[command(subcommand)]
    Witness(auditor::WitnessCommand),
    /// Report what a stopped server's store holds, flagging anything that
    /// looks identifying.
    Audit {
        #[arg(
            long = "data",
            env = "PARRHESIA_DATA",
            default_value = "./parrhesia-data"
        )]
        data: PathBuf,
        #[arg(
            long = "keys",
            env = "PARRHESIA_KEYS",
            default_value = "./parrhesia-keys"
        )]
        keys: PathBuf,
    },
    /// Manage the encryption keys.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Console accounts, while the server is stopped.
    #[command(subcommand)]
    User(UserCommand),
    /// Privacy Pass tokens (the participant's side).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Send a critique to a running server, paying with a saved token.
    Submit(SubmitArgs),
    /// Bench only (bench/run.sh): seed critiques into a stopped server's
    /// store through the real Store API, each spending an issued code.
    #[command(hide = true)]
    BenchSeed(BenchSeedArgs),
}

#[derive(clap::Args)]
struct BenchSeedArgs {
    #[arg(long)]
    data: PathBuf,
    #[arg(long)]
    keys: PathBuf,
    #[arg(long, default_value = "bench")]
    organisation: String,
    #[arg(long, default_value = "bench")]
    round: String,
    #[arg(long)]
    count: usize,
    /// Spread the critiques over this many past one-week periods (sealed
    /// at the end); 0: all in the current period, left open (a period of
    /// as few weeks as did not begin today, so it may be closed early).
    #[arg(long, default_value_t = 10)]
    weeks: u32,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a console account (the server must be stopped: this opens the
    /// store). Prints a generated password once, unless --password-stdin.
    Add(UserAddArgs),
}

#[derive(clap::Args)]
struct UserAddArgs {
    #[arg(long)]
    username: String,
    /// Make the account an administrator (the same as --role administrator).
    #[arg(long, conflicts_with = "role")]
    admin: bool,
    /// administrator, coordinator, moderator or organisation.
    #[arg(long)]
    role: Option<String>,
    /// The organisation an organisation user answers for (its slug).
    #[arg(long)]
    organisation: Option<String>,
    /// Read the password from the first line of standard input instead of
    /// generating one.
    #[arg(long)]
    password_stdin: bool,
    #[arg(
        long = "data",
        env = "PARRHESIA_DATA",
        default_value = "./parrhesia-data"
    )]
    data: PathBuf,
    /// The store: `embedded` (in --data; `sled`, its old name, too) or the
    /// PostgreSQL URL the instances
    /// share (then they may keep running).
    #[arg(long = "store", env = "PARRHESIA_STORE")]
    store: Option<String>,
    #[arg(
        long = "keys",
        env = "PARRHESIA_KEYS",
        default_value = "./parrhesia-keys"
    )]
    keys: PathBuf,
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Fetch one token with an invitation and save it to a file.
    Fetch(FetchArgs),
}

#[derive(clap::Args)]
struct FetchArgs {
    /// The service's address, e.g. http://127.0.0.1:8080.
    #[arg(long)]
    server: String,
    /// The feedback round (its slug).
    #[arg(long)]
    round: String,
    /// The invitation (the part after # in the invitation link). It may
    /// begin with `-` (one in 64 do: base64url).
    #[arg(long, allow_hyphen_values = true)]
    invitation: String,
    /// File to save the token in (created with mode 0600; must not exist).
    #[arg(long)]
    out: PathBuf,
    /// Whom to trust when checking the round's key against the log.
    #[command(flatten)]
    trust: auditor::TrustArgs,
}

#[derive(clap::Args)]
struct SubmitArgs {
    #[arg(long)]
    server: String,
    #[arg(long)]
    round: String,
    /// A token file from `parrhesia token fetch` (deleted once spent).
    #[arg(long)]
    token: PathBuf,
    /// A theme slug; repeat for up to three.
    #[arg(long = "theme", required = true)]
    themes: Vec<String>,
    /// What you want to say.
    #[arg(long)]
    text: String,
    /// Let the organisation quote your words.
    #[arg(long)]
    quote_ok: bool,
    /// Also trust this certificate authority (PEM) for https:// addresses.
    #[arg(long, value_name = "FILE")]
    ca: Option<PathBuf>,
}

#[derive(Subcommand)]
enum ConfigAction {
    /// Print the effective configuration (file < environment < flags),
    /// with secrets masked, and check it.
    Check(Settings),
}

#[derive(Subcommand)]
enum KeysAction {
    /// Start a new master key; new periods' data keys are wrapped with it,
    /// old ones stay readable. Takes effect when the server next starts.
    Rotate {
        #[arg(
            long = "keys",
            env = "PARRHESIA_KEYS",
            default_value = "./parrhesia-keys"
        )]
        keys: PathBuf,
        #[arg(
            long = "data",
            env = "PARRHESIA_DATA",
            default_value = "./parrhesia-data"
        )]
        data: PathBuf,
    },
}

pub fn main() -> ExitCode {
    crate::logging::init();
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // Where each setting came from (flag or environment), for `config check`.
    let settings_matches = match matches.subcommand() {
        Some(("serve", m)) => Some(m),
        Some(("config", m)) => m.subcommand().map(|(_, m)| m),
        _ => None,
    };
    let sources = |id: &str| settings_matches.and_then(|m| m.value_source(id));
    let result = match cli.command {
        Command::Serve(settings) => settings
            .resolve(sources)
            .and_then(|e| e.into_config())
            .and_then(serve),
        Command::Config {
            action: ConfigAction::Check(settings),
        } => config_check(settings, sources),
        Command::Backup { server, out } => backup::backup(&server, &out),
        Command::Restore { from, data, store } => backup::restore(&from, &data, store.as_deref()),
        Command::Verify(a) => auditor::verify(a),
        Command::Witness(c) => auditor::witness(c),
        Command::Audit { data, keys } => audit(&data, &keys),
        Command::Keys {
            action: KeysAction::Rotate { keys, data },
        } => rotate(&keys, &data),
        Command::Routes => print_routes(),
        Command::BenchSeed(a) => seed::run(
            &a.data,
            &a.keys,
            &a.organisation,
            &a.round,
            a.count,
            a.weeks,
        ),
        Command::User(UserCommand::Add(a)) => user_add(a),
        Command::Token(TokenCommand::Fetch(a)) => {
            actix_web::rt::System::new().block_on(async move {
                remote::fetch_token(&a.server, &a.round, &a.invitation, &a.out, &a.trust).await?;
                println!("Token saved in {}", a.out.display());
                Ok(())
            })
        }
        Command::Submit(a) => actix_web::rt::System::new().block_on(async move {
            let receipt = remote::submit(
                &a.server,
                &a.round,
                &a.token,
                &a.themes,
                &a.text,
                a.quote_ok,
                a.ca.as_deref(),
            )
            .await?;
            println!("Received. Your receipt: {receipt}");
            Ok(())
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parrhesia: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `parrhesia routes`: the route table as JSON.
fn print_routes() -> anyhow::Result<()> {
    let routes = crate::startup::route_table();
    println!("{}", serde_json::to_string_pretty(&routes)?);
    Ok(())
}

fn config_check(
    settings: Settings,
    sources: impl Fn(&str) -> Option<clap::parser::ValueSource>,
) -> anyhow::Result<()> {
    let effective = settings.resolve(sources)?;
    print!("{}", effective.render());
    effective.into_config()?;
    println!("# the configuration is valid");
    Ok(())
}

/// Where README.md says what to do when a password or token is lost.
const LOST: &str = "README.md, \"Lost passwords and tokens\"";

fn serve(config: Config) -> anyhow::Result<()> {
    let token_configured = config.admin_token.is_some();
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(config, Arc::new(SystemClock)).await?;
        let started = app.startup();
        if let Some(token) = &started.new_admin_token {
            println!("Admin token (shown once, keep it safe): {token}");
        } else if !token_configured {
            println!(
                "Admin token: shown on the first start only (just its hash is kept). Lost it? \
                 Set PARRHESIA_ADMIN_TOKEN, or delete admin-token.sha256 from the key directory \
                 and restart ({LOST})."
            );
        }
        if let Some(demo) = &started.demo {
            println!("Demo round: {}", demo.round_url);
            println!("Ten fresh paper codes for it:");
            for code in &demo.codes {
                println!("  {code}");
            }
        }
        if let Some(demo) = &started.demo {
            match &demo.admin {
                Some((name, password)) => println!(
                    "Console: open http://{}/console and sign in as {name} with the password {password} (shown once)",
                    app.address()
                ),
                None => println!(
                    "Console: open http://{}/console and sign in (the demo's administrator, \
                     demo-admin, got its password on the first start). Lost it? With the server \
                     stopped, run `parrhesia user add --admin --username NAME` for a new \
                     administrator ({LOST}).",
                    app.address()
                ),
            }
        }
        println!("Parrhesia is listening on http://{}", app.address());
        if let Some(metrics) = app.metrics_address() {
            println!("Metrics are served on http://{metrics}/metrics");
        }
        app.run_until_stopped().await?;
        Ok(())
    })
}

fn audit(data: &std::path::Path, keys: &std::path::Path) -> anyhow::Result<()> {
    let inventory = scan::scan(data, keys)?;
    print!("{}", inventory.render());
    if inventory.findings.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("{} findings", inventory.findings.len())
    }
}

fn rotate(keys: &std::path::Path, data: &std::path::Path) -> anyhow::Result<()> {
    let dir = crate::secrets::keys::KeyDir::open(keys, data)?;
    let id = crate::secrets::vault::Vault::rotate(&dir)?;
    println!("New master key {id} is current. Restart the server to use it; keep the old keys.");
    Ok(())
}

/// `parrhesia user add`: open the stopped server's store and add an account
/// through the same use case as the console.
fn user_add(a: UserAddArgs) -> anyhow::Result<()> {
    use crate::staff::{password, NewAccount, Role, StaffError, Username};
    let role = match (a.admin, a.role.as_deref()) {
        (true, _) => Role::Administrator,
        (false, Some(r)) => Role::parse(r).map_err(|e| anyhow::anyhow!(e.message()))?,
        (false, None) => anyhow::bail!("give --admin or --role"),
    };
    let username = Username::parse(&a.username).map_err(|e| anyhow::anyhow!(e.message()))?;
    let (password, generated) = if a.password_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        let typed = line.trim_end_matches(['\r', '\n']);
        let p = password::Password::parse(typed).map_err(|e| anyhow::anyhow!(e.message()))?;
        (p, false)
    } else {
        (password::generate()?, true)
    };
    let shown = password.expose().to_owned();
    let organisation = a
        .organisation
        .as_deref()
        .map(|o| crate::domain::Slug::parse(o, "organisation"))
        .transpose()?;
    actix_web::rt::System::new().block_on(async move {
        let app = crate::startup::open_stopped_app(&a.data, &a.keys, a.store.as_deref())?;
        let known = crate::app::staff::organisation_slugs(&app).await?;
        let account = NewAccount::new(username, password, role, organisation.clone(), &known)
            .map_err(|e| match (e, &organisation) {
                (StaffError::OrganisationMissing, Some(o)) => {
                    anyhow::anyhow!("no organisation {o}")
                }
                (e, _) => anyhow::anyhow!(e.message()),
            })?;
        let today = crate::clock::Clock::today(&SystemClock);
        let actor = crate::app::Actor::CommandLine;
        let user = crate::app::staff::add_user(&app, &actor, account, today).await?;
        app.store().drain().await?;
        println!("Added {} ({}).", user.username, role.label());
        if generated {
            println!("Password (shown once): {shown}");
        }
        Ok(())
    })
}
