//! The published digests: an organisation's sealed periods, every
//! organisation's, and the themes across them (`/themes`). A period that
//! has just ended is sealed before anything is read, so the digest never
//! waits for the sealing ticker; the open period is never read.

use super::{App, AppError};
use crate::digest::{self, Across, Digest};
use time::Date;

/// Seal every period that has ended as of `today` (a cheap read first: a
/// write only when one has).
pub async fn seal_due(app: &App, today: Date) -> Result<(), AppError> {
    Ok(app.store.seal_due(today).await?)
}

/// Close the open mixing epoch if its minimums hold, and make the data
/// keys of the periods around `today` ahead of need (the minute ticker;
/// the bench seeder, to leave the store as it will stay). Whether an
/// epoch was closed, once its records are rewritten.
pub async fn close_epoch(app: &App, today: Date) -> Result<bool, AppError> {
    Ok(app.store.rotate_epoch(today).await?)
}

/// Seal every period that has ended as of `today`, whether or not the
/// check says one is due (the bench seeder, after writing the past).
/// Returns how many were sealed.
pub async fn seal_ended(app: &App, today: Date) -> Result<usize, AppError> {
    Ok(app.store.seal(today, false).await?)
}

/// The published digest of organisation `slug`: its sealed periods.
pub async fn digest(app: &App, slug: &str, today: Date) -> Result<Digest, AppError> {
    let slug = slug.to_owned();
    let org = app
        .store
        .read(move |s| s.organisation(&slug))
        .await?
        .ok_or(AppError::OrganisationUnknown)?;
    seal_due(app, today).await?;
    app.store
        .read(move |s| {
            let mut rounds = Vec::new();
            for round in s.rounds_of(&org.slug)? {
                let sealed = s.sealed_digests(&round.slug)?;
                rounds.push((round, sealed));
            }
            Ok(digest::build(&org, &rounds))
        })
        .await
}

/// Every organisation's digest (of the organisations that have rounds).
pub async fn all(app: &App, today: Date) -> Result<Vec<Digest>, AppError> {
    let mut slugs: Vec<String> = app
        .store
        .read(|s| s.rounds())
        .await?
        .into_iter()
        .map(|r| r.organisation.to_string())
        .collect();
    slugs.sort();
    slugs.dedup();
    let mut out = Vec::new();
    for slug in slugs {
        out.push(digest(app, &slug, today).await?);
    }
    Ok(out)
}

/// The themes across organisations, with the noise each release drew
/// once when it was sealed.
pub async fn across(app: &App, today: Date) -> Result<Across, AppError> {
    let all = all(app, today).await?;
    app.store
        .read(move |s| {
            Ok::<_, AppError>(digest::across(&all, &|round, period| {
                s.noise(round, period).ok().flatten()
            }))
        })
        .await
}
