//! The command line: `parrhesia serve` and its flags. Flags and environment
//! variables here are a stable interface (README.md lists them).

use crate::clock::SystemClock;
use crate::config::Config;
use crate::http::ratelimit::RateLimitOptions;
use crate::http::Application;
use clap::{Parser, Subcommand};
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
    Serve(ServeArgs),
    /// Print the route table as JSON (for the browser tests, which must
    /// visit every page the service has).
    #[command(hide = true)]
    Routes,
    /// Check a running service's published log, signatures and totals.
    Verify {
        /// The service's address, e.g. https://feedback.example.org
        #[arg(long)]
        server: String,
    },
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
    /// Privacy Pass tokens (the participant's side).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Send a critique to a running server, paying with a saved token.
    Submit(SubmitArgs),
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
    /// The invitation (the part after # in the invitation link).
    #[arg(long)]
    invitation: String,
    /// File to save the token in (created with mode 0600; must not exist).
    #[arg(long)]
    out: PathBuf,
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
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Data directory (the store).
    #[arg(
        long = "data",
        env = "PARRHESIA_DATA",
        default_value = "./parrhesia-data"
    )]
    data: PathBuf,
    /// Key directory (secrets), kept outside the data directory.
    #[arg(
        long = "keys",
        env = "PARRHESIA_KEYS",
        default_value = "./parrhesia-keys"
    )]
    keys: PathBuf,
    /// Address to listen on.
    #[arg(
        long = "bind",
        env = "PARRHESIA_BIND",
        default_value = "127.0.0.1:8080"
    )]
    bind: String,
    /// Public address of the service, printed on code cards.
    #[arg(long = "public-url", env = "PARRHESIA_PUBLIC_URL")]
    public_url: Option<String>,
    /// Seed a demo organisation and round and print ten fresh codes.
    #[arg(long)]
    demo: bool,
    /// A reverse proxy whose Forwarded / X-Forwarded-For / X-Forwarded-Proto
    /// headers are believed (repeatable; the variable is comma-separated).
    #[arg(
        long = "trusted-proxy",
        env = "PARRHESIA_TRUSTED_PROXY",
        value_name = "ADDR",
        value_delimiter = ','
    )]
    trusted_proxy: Vec<std::net::IpAddr>,
    /// Always send Strict-Transport-Security (serve only over TLS).
    #[arg(long, env = "PARRHESIA_HSTS")]
    hsts: bool,
    /// Paper-code attempts per client per minute.
    #[arg(long, env = "PARRHESIA_CODE_ATTEMPTS_PER_MINUTE", default_value_t = RateLimitOptions::default().code_attempts_per_minute)]
    code_attempts_per_minute: u32,
    /// Admin API requests per client per minute.
    #[arg(long, env = "PARRHESIA_ADMIN_ATTEMPTS_PER_MINUTE", default_value_t = RateLimitOptions::default().admin_attempts_per_minute)]
    admin_attempts_per_minute: u32,
    /// POST requests per second across all clients (size to the writer's
    /// commit capacity, see BENCHMARKS.md).
    #[arg(long, env = "PARRHESIA_MAX_POSTS_PER_SECOND", default_value_t = RateLimitOptions::default().posts_per_second)]
    max_posts_per_second: u32,
    /// Privacy Pass issuer name in token challenges (default: the public
    /// address's host).
    #[arg(long = "issuer-name", env = "PARRHESIA_ISSUER_NAME")]
    issuer_name: Option<String>,
    /// Privacy Pass origin name in token challenges (default: the public
    /// address's host).
    #[arg(long = "origin-name", env = "PARRHESIA_ORIGIN_NAME")]
    origin_name: Option<String>,
}

pub fn main() -> ExitCode {
    init_logging();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve(args),
        Command::Verify { server } => verify(&server),
        Command::Audit { data, keys } => audit(&data, &keys),
        Command::Keys {
            action: KeysAction::Rotate { keys, data },
        } => rotate(&keys, &data),
        Command::Routes => print_routes(),
        Command::Token(TokenCommand::Fetch(a)) => {
            actix_web::rt::System::new().block_on(async move {
                crate::remote::fetch_token(&a.server, &a.round, &a.invitation, &a.out).await?;
                println!("Token saved in {}", a.out.display());
                Ok(())
            })
        }
        Command::Submit(a) => actix_web::rt::System::new().block_on(async move {
            let receipt = crate::remote::submit(
                &a.server, &a.round, &a.token, &a.themes, &a.text, a.quote_ok,
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

/// Logs go to standard error without timestamps: a line's time could
/// otherwise be matched to a person's visit (guarantee 1). Level from
/// `PARRHESIA_LOG` (error, warn, info, debug; default info).
fn init_logging() {
    let level = std::env::var("PARRHESIA_LOG")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(tracing::Level::INFO);
    tracing_subscriber::fmt()
        .without_time()
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .init();
}

/// The route table, read from `http::ROUTES` itself so that a test driven by
/// this list cannot miss a page that exists.
fn print_routes() -> anyhow::Result<()> {
    let routes: Vec<serde_json::Value> = crate::http::ROUTES
        .iter()
        .map(|r| {
            serde_json::json!({
                "method": r.method,
                "path": r.path,
                "audience": format!("{:?}", r.audience),
            })
        })
        .collect();
    println!("{}", serde_json::to_string_pretty(&routes)?);
    Ok(())
}

fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut config = Config::new(args.data, args.keys);
    config.bind = args.bind;
    config.public_url = args.public_url;
    config.demo = args.demo;
    config.hsts = args.hsts;
    config.rate_limits = RateLimitOptions {
        trusted_proxies: args.trusted_proxy,
        code_attempts_per_minute: args.code_attempts_per_minute,
        admin_attempts_per_minute: args.admin_attempts_per_minute,
        posts_per_second: args.max_posts_per_second,
        ..RateLimitOptions::default()
    };
    config.issuer_name = args.issuer_name;
    config.origin_name = args.origin_name;
    config.admin_token = std::env::var("PARRHESIA_ADMIN_TOKEN")
        .ok()
        .filter(|t| !t.is_empty());
    config.validate()?;
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(config, Arc::new(SystemClock)).await?;
        let started = app.startup();
        if let Some(token) = &started.new_admin_token {
            println!("Admin token (shown once, keep it safe): {token}");
        }
        if let Some(demo) = &started.demo {
            println!("Demo round: {}", demo.round_url);
            println!("Ten fresh paper codes for it:");
            for code in &demo.codes {
                println!("  {code}");
            }
        }
        println!("Parrhesia is listening on http://{}", app.address());
        app.run_until_stopped().await?;
        Ok(())
    })
}

fn verify(server: &str) -> anyhow::Result<()> {
    let published = actix_web::rt::System::new().block_on(crate::audit::fetch::fetch(server))?;
    let report = crate::audit::verify::verify(&published);
    print!("{}", report.render());
    if report.ok() {
        Ok(())
    } else {
        anyhow::bail!("verification failed")
    }
}

fn audit(data: &std::path::Path, keys: &std::path::Path) -> anyhow::Result<()> {
    let inventory = crate::audit::scan::scan(data, keys)?;
    print!("{}", inventory.render());
    if inventory.findings.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("{} findings", inventory.findings.len())
    }
}

fn rotate(keys: &std::path::Path, data: &std::path::Path) -> anyhow::Result<()> {
    let dir = crate::keys::KeyDir::open(keys, data)?;
    let id = crate::vault::Vault::rotate(&dir)?;
    println!("New master key {id} is current. Restart the server to use it; keep the old keys.");
    Ok(())
}
