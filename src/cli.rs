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
    /// Spread the critiques over this many past one-week periods.
    #[arg(long, default_value_t = 10)]
    weeks: u32,
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
}

pub fn main() -> ExitCode {
    init_logging();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve(args),
        Command::BenchSeed(a) => crate::seed::run(
            &a.data,
            &a.keys,
            &a.organisation,
            &a.round,
            a.count,
            a.weeks,
        ),
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
