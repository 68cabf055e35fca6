//! Bench-only seeding: fill a stopped server's store with many critiques so
//! that `bench/run.sh` can measure the digest at 10^4..10^6 critiques
//! without a million HTTP round trips. Hidden from `--help`; not a stable
//! interface.
//!
//! # Security contract
//! This is not a way around spending codes. It runs only while the server
//! is stopped (sled allows one process per data directory), generates real
//! paper codes with the server's own key, records their hashes through
//! [`crate::store::Store::issue_codes`], and stores each critique through
//! [`crate::store::Store::submit`] with a [`crate::tokens::Redemption`] made by
//! [`crate::tokens::CodeKey::redeem`], exactly as the HTTP handlers do: every seeded
//! critique spends one issued code. The codes themselves are never printed
//! or kept.

use crate::clock::{Clock, SystemClock};
use crate::domain::{default_themes, Organisation, Round, Submission};
use crate::messages::Explain;
use crate::secrets::keys::KeyDir;
use crate::startup;
use crate::tokens::PaperCode;
use futures_util::future::join_all;
use std::path::Path;
use time::Duration;

/// Codes issued per writer job.
const ISSUE_BATCH: usize = 10_000;
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
    actix_web::rt::System::new().block_on(seed(data, keys, org, round, count, weeks.max(1)))
}

async fn seed(
    data: &Path,
    keys: &Path,
    org: &str,
    round: &str,
    count: usize,
    weeks: u32,
) -> anyhow::Result<()> {
    let store = startup::open_stopped_store(data, keys, None)?;
    let code_key = startup::code_key(&KeyDir::open(keys, data)?)?;
    if store.organisation(org)?.is_none() {
        store
            .create_organisation(Organisation::parse(org, "Bench Care Services")?)
            .await?;
    }
    let round = match store.round(round)? {
        Some(r) => r,
        None => {
            let r = Round::parse(round, org, "Bench round", None, None, None, None)?;
            store.create_round(r.clone()).await?;
            r
        }
    };
    let themes: Vec<String> = default_themes()
        .iter()
        .map(|t| t.slug.to_string())
        .collect();
    let today = SystemClock.today();
    let rng = ring::rand::SystemRandom::new();
    let mut done = 0usize;
    while done < count {
        let n = (count - done).min(ISSUE_BATCH);
        let codes: Vec<PaperCode> = (0..n)
            .map(|_| PaperCode::generate(&rng))
            .collect::<Result<_, _>>()
            .map_err(|_| anyhow::anyhow!("the random generator failed"))?;
        let issued = store
            .issue_codes(
                round.slug.clone(),
                codes.iter().map(|c| code_key.hash(c)).collect(),
            )
            .await?;
        anyhow::ensure!(issued == n, "a code collided; run again");
        for chunk in codes.chunks(IN_FLIGHT) {
            let results = join_all(chunk.iter().enumerate().map(|(i, code)| {
                let k = done + i;
                let picked = vec![themes[k % themes.len()].clone()];
                // Oldest first, so each period is still open when written;
                // the ones that have ended are sealed at the end.
                let weeks_back = i64::from(weeks) - (k as i64 * i64::from(weeks) / count as i64);
                let day = today - Duration::weeks(weeks_back);
                let store = &store;
                let round = &round;
                let redemption = code_key.redeem(code);
                async move {
                    let submission = Submission::parse(
                        round,
                        &picked,
                        "Bench critique: the meeting moved online and I could not join.",
                        false,
                    )
                    .map_err(|e| anyhow::anyhow!("{:?}", e.first().map(|e| e.message())))?;
                    store
                        .submit(redemption, submission, day)
                        .await
                        .map_err(anyhow::Error::from)
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
    let sealed = store.seal(today, false).await?;
    eprintln!("sealed {sealed} ended periods");
    Ok(())
}
