//! Bench-only seeding: fill a stopped server's store with many critiques so
//! that `bench/run.sh` can measure the digest at 10^4..10^6 critiques
//! without a million HTTP round trips. Hidden from `--help`; not a stable
//! interface.
//!
//! # Security contract
//! This is not a way around spending codes. It runs only while the server
//! is stopped (the embedded store allows one process per data directory), issues real
//! paper codes with the server's own key ([`crate::app::codes::issue_codes`])
//! and stores each critique through [`crate::app::submissions::submit`]
//! with the code's redemption, exactly as the HTTP handlers do: every
//! seeded critique spends one issued code. The codes themselves are never
//! printed or kept.

use crate::app::{codes, rounds, submissions, Actor};
use crate::clock::{Clock, SystemClock};
use crate::domain::{
    default_themes, AnsweredSubmission, NewRound, Organisation, RawAnswers, RoundSettings,
};
use crate::messages::Explain;
use crate::startup;
use crate::tokens::PaperCode;
use futures_util::future::join_all;
use std::path::Path;
use time::Duration;

/// Codes issued per writer job.
const ISSUE_BATCH: usize = codes::MAX_CODES as usize;
/// Submissions in flight at once (below the writer queue's capacity).
const IN_FLIGHT: usize = 2_048;

/// Seed `count` critiques into round `round` of organisation `org`,
/// spread over the `weeks` one-week periods before the current one, oldest
/// first, then seal the periods that have ended (as the server would).
pub fn run(
    data: &Path,
    keys: &Path,
    org: &str,
    round: &str,
    count: usize,
    weeks: u32,
) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(seed(data, keys, org, round, count, weeks))
}

async fn seed(
    data: &Path,
    keys: &Path,
    org: &str,
    round: &str,
    count: usize,
    weeks: u32,
) -> anyhow::Result<()> {
    // Epochs close as soon as a round has k critiques in one, so what is
    // seeded is rewritten into the main trees as it goes, as a long-running
    // server's hourly epochs would have done.
    let mut options = crate::store::StoreOptions::default();
    options.epochs.min_secs = 0;
    let app = startup::open_stopped_app_with(data, keys, None, &options)?;
    let today = SystemClock.today();
    let bench = &Actor::Unnamed;
    if rounds::organisation(&app, org).await.is_err() {
        let made = Organisation::parse(org, "Bench Care Services")?;
        rounds::create_organisation(&app, bench, made, today).await?;
    }
    if rounds::round(&app, round).await.is_err() {
        let settings = RoundSettings {
            title: Some("Bench round".into()),
            ..RoundSettings::default()
        };
        // All in the current period (`weeks` 0): one that did not begin
        // today, so that it may be closed early (bench/history.sh does),
        // whatever day of the week the bench runs.
        let period_weeks = (weeks == 0)
            .then(|| {
                (1..=13).find(|&w| {
                    crate::domain::PeriodLength::parse(w)
                        .is_ok_and(|l| crate::domain::Period::containing(today, l).start() < today)
                })
            })
            .flatten();
        let new = NewRound::parse(round, org, period_weeks, settings)?;
        rounds::create_round(&app, bench, new, today).await?;
    }
    let themes: Vec<String> = default_themes()
        .iter()
        .map(|t| t.slug().to_string())
        .collect();
    let mut done = 0usize;
    while done < count {
        let n = (count - done).min(ISSUE_BATCH);
        let issued = codes::issue_codes(&app, bench, round, (n as u64, None), today).await?;
        let round = &issued.round;
        for chunk in issued.codes.chunks(IN_FLIGHT) {
            let results = join_all(chunk.iter().enumerate().map(|(i, code)| {
                let k = done + i;
                let picked = vec![themes[k % themes.len()].clone()];
                // Oldest first, so each period is still open when written;
                // the ones that have ended are sealed at the end.
                // (With `weeks` 0, all in the current period.)
                let weeks_back = i64::from(weeks) - (k as i64 * i64::from(weeks) / count as i64);
                let day = today - Duration::weeks(weeks_back);
                let app = &app;
                async move {
                    let code = PaperCode::parse(code).ok_or_else(|| anyhow::anyhow!("a code"))?;
                    let submission = AnsweredSubmission::parse(
                        round,
                        &picked,
                        "Bench critique: the meeting moved online and I could not join.",
                        false,
                        &RawAnswers::default(),
                    )
                    .map_err(|e| anyhow::anyhow!("{:?}", e.first().map(|e| e.message())))?;
                    let redemption = submissions::redeem_code(app, &code).await?;
                    submissions::submit(app, redemption, submission, day).await?;
                    Ok::<_, anyhow::Error>(())
                }
            }))
            .await;
            for r in results {
                r?;
            }
            done += chunk.len();
        }
        eprintln!("seeded {done} of {count}");
    }
    // Wait for the last rewrite, so the store is left as it will stay.
    crate::app::digests::close_epoch(&app, today).await?;
    if weeks > 0 {
        let sealed = crate::app::digests::seal_ended(&app, today).await?;
        eprintln!("sealed {sealed} ended periods");
    }
    app.store().drain().await?;
    // Stop as a server stops, closing the store's file cleanly.
    let ended = app.store().on_close();
    drop(app);
    startup::close_store(ended).await;
    Ok(())
}
