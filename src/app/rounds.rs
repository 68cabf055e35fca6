//! Organisations and their feedback rounds: create, change before and
//! after opening (the rules only tighten), open, read with their counts;
//! themes added or promoted from recurring phrases; closing the current
//! periods.

use super::error::Expect;
use super::live::{Open, OpenBands};
use super::staff::record;
use super::{Actor, App, AppError};
use crate::digest::disclosure::Band;
use crate::digest::keyphrases::{self, BandedGroup};
use crate::digest::SealedDigest;
use crate::domain::{
    NewRound, Organisation, Period, Round, RoundStats, RoundUpdate, Slug, Theme, SOMETHING_ELSE,
};
use crate::store::{Store, StoreError};
use time::Date;

/// Add an organisation.
pub async fn create_organisation(
    app: &App,
    actor: &Actor,
    org: Organisation,
    today: Date,
) -> Result<Organisation, AppError> {
    app.store
        .create_organisation(org.clone())
        .await
        .or_conflict(AppError::OrganisationUnknown, AppError::OrganisationExists)?;
    let subject = Some(org.slug.to_string());
    record(app, actor, "organisation.create", None, subject, today).await?;
    Ok(org)
}

/// The organisation `slug`.
pub async fn organisation(app: &App, slug: &str) -> Result<Organisation, AppError> {
    let slug = slug.to_owned();
    app.store
        .read(move |s| s.organisation(&slug))
        .await?
        .ok_or(AppError::OrganisationUnknown)
}

/// Every organisation, by slug, with how many rounds it has.
pub async fn organisations(app: &App) -> Result<Vec<(Organisation, usize)>, AppError> {
    app.store
        .read(|s| {
            let mut out = Vec::new();
            for org in s.organisations()? {
                let n = s.rounds_of(&org.slug)?.len();
                out.push((org, n));
            }
            Ok(out)
        })
        .await
}

/// The rounds about `organisation`, by slug.
pub async fn rounds_of(app: &App, organisation: &Slug) -> Result<Vec<Round>, AppError> {
    let organisation = organisation.clone();
    Ok(app.store.read(move |s| s.rounds_of(&organisation)).await?)
}

/// The round `slug` and its organisation.
pub async fn round(app: &App, slug: &str) -> Result<(Organisation, Round), AppError> {
    let slug = slug.to_owned();
    app.store
        .read(move |s| {
            let round = s.round(&slug)?.ok_or(AppError::RoundUnknown)?;
            let org = s
                .organisation(round.organisation.as_str())?
                .ok_or(AppError::RoundUnknown)?;
            Ok((org, round))
        })
        .await
}

/// A round as its host sees it: settings, counts and address. Counts are
/// exact only for sealed periods; the open period's are bands from an
/// hourly snapshot ([`super::live`]).
pub struct Overview {
    pub organisation: Organisation,
    pub round: Round,
    pub url: String,
    /// Critiques and codes spent in sealed periods (exact, as the log
    /// publishes them), and codes issued (staff make them).
    pub stats: RoundStats,
    pub invitations_issued: u64,
    pub open: OpenBands,
}

pub async fn overview(app: &App, slug: &str) -> Result<Overview, AppError> {
    let (organisation, round) = round(app, slug).await?;
    let slug = round.slug.clone();
    let (stats, invitations_issued) = app
        .store
        .read(move |s| {
            let sealed = s.sealed_digests(&slug)?;
            let all = s.round_stats(&slug)?;
            let stats = RoundStats {
                critiques: sealed.iter().map(|d| d.totals.critiques).sum(),
                codes_issued: all.codes_issued,
                codes_spent: sealed.iter().map(|d| d.totals.codes_spent).sum(),
            };
            let (invitations_issued, _) = s.invitation_stats(&slug)?;
            Ok::<_, StoreError>((stats, invitations_issued))
        })
        .await?;
    let open = open_bands(app, &round).await?;
    Ok(Overview {
        url: app.round_url(round.slug.as_str()),
        organisation,
        round,
        stats,
        invitations_issued,
        open,
    })
}

/// Add a round (unopened: its rules may still change freely).
pub async fn create_round(
    app: &App,
    actor: &Actor,
    new: NewRound,
    today: Date,
) -> Result<Round, AppError> {
    let round = new.into_round();
    app.store
        .create_round(round.clone())
        .await
        .or_conflict(AppError::OrganisationUnknown, AppError::RoundExists)?;
    record(app, actor, "round.create", Some(&round), None, today).await?;
    Ok(round)
}

/// Change round `slug` (see [`RoundUpdate::apply`] for what an opened
/// round still allows), atomically.
pub async fn update_round(
    app: &App,
    actor: &Actor,
    slug: &str,
    update: RoundUpdate,
    today: Date,
) -> Result<Round, AppError> {
    let (_, round) = round(app, slug).await?;
    let updated = app
        .store
        .update_round(round.slug, update)
        .await
        .or_missing(AppError::RoundUnknown)?;
    record(app, actor, "round.update", Some(&updated), None, today).await?;
    Ok(updated)
}

/// Open round `slug` now, as its first codes or invitations would: from
/// then on its rules only tighten.
pub async fn open_round(
    app: &App,
    actor: &Actor,
    slug: &str,
    today: Date,
) -> Result<Round, AppError> {
    let (_, round) = round(app, slug).await?;
    app.store
        .open_round(round.slug.clone())
        .await
        .or_missing(AppError::RoundUnknown)?;
    record(app, actor, "round.open", Some(&round), None, today).await?;
    Ok(round)
}

/// Add `themes` at the end of round `slug`'s list: allowed before and
/// after opening, as adding loosens nothing.
pub async fn add_themes(
    app: &App,
    actor: &Actor,
    slug: &str,
    themes: Vec<Theme>,
    today: Date,
) -> Result<Round, AppError> {
    let (_, round) = round(app, slug).await?;
    let update = RoundUpdate::add_themes(&round, themes)?;
    let updated = app
        .store
        .update_round(round.slug, update)
        .await
        .or_missing(AppError::RoundUnknown)?;
    record(app, actor, "theme.add", Some(&updated), None, today).await?;
    Ok(updated)
}

/// The recurring phrases of a round's "Something else" critiques.
pub struct Phrases {
    pub round: Round,
    /// Only groups found in at least this many distinct texts are shown.
    pub k: u32,
    /// The released periods whose texts were read (shredded ones are gone).
    pub periods: Vec<String>,
    /// Counts only as bands of at least k.
    pub groups: Vec<BandedGroup>,
}

/// Recurring phrases in the "Something else" critiques of round `slug`'s
/// released, unshredded periods, ranked against its other critiques;
/// scrubbed, only groups in at least k distinct texts, and their counts
/// only as bands. The open period is never read, nor a sealed period that
/// rolled into one not yet released (issue 16, item 7: a period closed
/// with one critique in it would otherwise move a count by that one); a
/// period that has just ended is sealed first.
pub async fn recurring_phrases(app: &App, slug: &str, today: Date) -> Result<Phrases, AppError> {
    let (_, round) = round(app, slug).await?;
    app.store.seal_due(today).await?;
    let slug = round.slug.clone();
    let (periods, other, background) = app
        .store
        .read(move |s| {
            let released: std::collections::BTreeSet<String> = s
                .sealed_digests(&slug)?
                .into_iter()
                .filter_map(|d| d.release)
                .flat_map(|r| r.periods)
                .collect();
            let mut periods = Vec::new();
            let (mut other, mut background) = (Vec::new(), Vec::new());
            for sealed in s.sealed_periods(&slug)? {
                if sealed.shredded || !released.contains(&sealed.period) {
                    continue;
                }
                for (themes, text) in s.themed_texts(&slug, &sealed.period)? {
                    if themes.iter().any(|t| t == SOMETHING_ELSE) {
                        other.push(text);
                    } else {
                        background.push(text);
                    }
                }
                periods.push(sealed.period);
            }
            Ok::<_, StoreError>((periods, other, background))
        })
        .await?;
    let other: Vec<&str> = other.iter().map(String::as_str).collect();
    let background: Vec<&str> = background.iter().map(String::as_str).collect();
    let k = round.rules.k();
    let groups = keyphrases::recurring_against(&other, &background, k as usize)
        .into_iter()
        .map(|g| keyphrases::banded(g, k as usize))
        .collect();
    Ok(Phrases {
        round,
        k,
        periods,
        groups,
    })
}

/// A theme's short name from a phrase: lower-case letters and digits,
/// words joined by single hyphens, at most 40 characters.
fn slug_of(label: &str) -> String {
    let mut out = String::new();
    for word in label
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// Make the recurring phrase `label`, found in round `from`, a theme of
/// round `into` of the same organisation (at the end of its list). The
/// label gets a capital letter; the short name is made from it.
pub async fn promote_phrase(
    app: &App,
    actor: &Actor,
    (from, into): (&str, &str),
    label: &str,
    today: Date,
) -> Result<Round, AppError> {
    let (org, from) = round(app, from).await?;
    let (_, target) = round(app, into).await?;
    if target.organisation != org.slug {
        return Err(AppError::OtherOrganisation);
    }
    let label = label.trim();
    let mut chars = label.chars();
    let label: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let theme = Theme::parse(
        Slug::parse(&slug_of(&label), "theme short name")?,
        &label,
        "",
        "",
    )?;
    let update = RoundUpdate::add_themes(&target, vec![theme])?;
    let updated = app
        .store
        .update_round(target.slug, update)
        .await
        .or_missing(AppError::RoundUnknown)?;
    let subject = Some(format!("{label} (from {})", from.slug));
    record(app, actor, "theme.promote", Some(&updated), subject, today).await?;
    Ok(updated)
}

/// Close the open period of every round that may be closed now (see
/// [`close_period`]), and seal what is due (the admin API). Returns how
/// many periods were sealed, and each round whose open period was not
/// closed early with the reason.
pub async fn close_all_periods(
    app: &App,
    actor: &Actor,
    today: Date,
) -> Result<(usize, Vec<(Slug, AppError)>), AppError> {
    let mut sealed = app.store.seal(today, false).await?;
    let mut refused = Vec::new();
    for round in app.store.read(|s| s.rounds()).await? {
        match outlook(app, &round, today).await? {
            Outlook::Close { .. } => sealed += app.store.close_round(today, &round.slug).await?,
            Outlook::TooFew { needed, .. } => {
                refused.push((round.slug, AppError::TooFewToClose { needed }));
            }
            Outlook::ClosedAlready { .. } => {
                refused.push((round.slug, AppError::ClosedEarlyAlready));
            }
            Outlook::JustBegun { .. } => refused.push((round.slug, AppError::PeriodJustBegun)),
        }
    }
    let subject = Some(format!("{sealed} periods sealed"));
    record(app, actor, "periods.close", None, subject, today).await?;
    Ok((sealed, refused))
}

/// The round's open period on `today`: the one containing `today`, or,
/// after an early close of it, the rest of it from the day of the close
/// ([`Period::open_on`]).
pub(super) async fn open_period(app: &App, round: &Round, today: Date) -> Result<Period, AppError> {
    let slug = round.slug.clone();
    let sealed = app.store.read(move |s| s.sealed_periods(&slug)).await?;
    Period::open_on(today, round.period, |p| {
        Ok(sealed
            .iter()
            .find(|s| s.period == p.id())
            .map(|s| s.closed_on.clone()))
    })
}

/// The last day sealed `period` of `round` covered: the day the host
/// closed it early, if it was, else its normal last day.
pub async fn last_day_of(app: &App, round: &Round, period: Period) -> Result<Date, AppError> {
    let round = round.clone();
    Ok(app
        .store
        .read(move |s| last_day_in(s, &round, period))
        .await?)
}

/// [`last_day_of`], inside a group of reads ([`Store::read`]).
pub(super) fn last_day_in(
    store: &Store,
    round: &Round,
    period: Period,
) -> Result<Date, StoreError> {
    let sealed = store.sealed_periods(&round.slug)?;
    Ok(sealed
        .iter()
        .find(|s| s.period == period.id())
        .and_then(|s| s.closed_on.as_deref())
        .and_then(|day| Period::from_id(day, round.period))
        .map_or_else(|| period.last_day(), |rest| rest.start()))
}

/// The round's open counts as staff may see them: bands from a snapshot
/// taken at most hourly ([`super::live`]), never exact.
pub(super) async fn open_bands(app: &App, round: &Round) -> Result<OpenBands, AppError> {
    let slug = round.slug.clone();
    let sealed = app.store.read(move |s| s.sealed_digests(&slug)).await?;
    let now = app.sessions.now_secs();
    app.live
        .bands(round.slug.as_str(), sealed.len(), now, || {
            open_now(app, round, sealed)
        })
        .await
}

/// The round's open counts as of the gate's hourly snapshot, exact, for
/// the early-close gate only (never shown).
async fn open_snapshot(app: &App, round: &Round) -> Result<Open, AppError> {
    let slug = round.slug.clone();
    let sealed = app.store.read(move |s| s.sealed_digests(&slug)).await?;
    let now = app.sessions.now_secs();
    app.live
        .for_gate(round.slug.as_str(), sealed.len(), now, || {
            open_now(app, round, sealed)
        })
        .await
}

/// The round's open counts now (read only when a snapshot is taken):
/// everything stored less what sealed periods hold.
async fn open_now(app: &App, round: &Round, sealed: Vec<SealedDigest>) -> Result<Open, AppError> {
    let slug = round.slug.clone();
    let (all, (_, used_up)) = app
        .store
        .read(move |s| Ok::<_, StoreError>((s.round_stats(&slug)?, s.invitation_stats(&slug)?)))
        .await?;
    Ok(Open {
        critiques: all
            .critiques
            .saturating_sub(sealed.iter().map(|d| d.totals.critiques).sum()),
        codes_spent: all
            .codes_spent
            .saturating_sub(sealed.iter().map(|d| d.totals.codes_spent).sum()),
        invitations_used_up: used_up,
    })
}

/// What closing a round's open period now would do.
pub enum Outlook {
    /// The open period can be closed; it holds this many comments so far.
    Close { period: Period, comments: Band },
    /// The open period holds fewer than `needed` critiques: closing it now
    /// could single out the one or few who wrote since the last close, so
    /// it is refused until it holds `needed` or ends by itself.
    TooFew {
        period: Period,
        comments: Band,
        needed: u64,
    },
    /// The open period is the rest of a period closed early already: a
    /// period is closed early at most once, so it seals at its end.
    ClosedAlready { period: Period },
    /// The open period began today: the rest of it after a close would be
    /// the same period, so it may be closed early from tomorrow.
    JustBegun { period: Period },
}

/// What closing a round's open period did.
pub enum Closed {
    Published(Period),
    /// Too few comments to publish alone, or no way to protect them: held
    /// back and published with the next period.
    HeldBack(Period),
}

/// The fewest critiques an open period must hold to be closed early:
/// max(k, the round's fewest critiques per published period) (issue 16,
/// item 4), so that a host who closes often still seals each period with
/// at least as many as a published digest needs.
pub fn needed_to_close(round: &Round) -> u64 {
    u64::from(round.rules.k().max(round.rules.min_period()))
}

/// What closing `round`'s open period on `today` would do. The gate reads
/// the exact count of the open period as of the hourly snapshot
/// ([`super::live`]), which never leaves this function: staff learn only
/// whether it had reached [`needed_to_close`] at the snapshot, and its
/// band. Deciding on the live count instead would let whoever polls the
/// close page learn the moment the critique that made the period closable
/// arrived.
async fn outlook(app: &App, round: &Round, today: Date) -> Result<Outlook, AppError> {
    let period = open_period(app, round, today).await?;
    if period.is_remainder() {
        return Ok(Outlook::ClosedAlready { period });
    }
    if period.start() >= today {
        return Ok(Outlook::JustBegun { period });
    }
    let held = open_snapshot(app, round).await?.critiques;
    let comments = Band::of(held);
    let needed = needed_to_close(round);
    Ok(if held < needed {
        Outlook::TooFew {
            period,
            comments,
            needed,
        }
    } else {
        Outlook::Close { period, comments }
    })
}

/// Round `slug`, with what closing its open period now would do.
pub async fn close_outlook(
    app: &App,
    slug: &str,
    today: Date,
) -> Result<(Organisation, Round, Outlook), AppError> {
    let (org, round) = round(app, slug).await?;
    app.store.seal_due(today).await?;
    let outlook = outlook(app, &round, today).await?;
    Ok((org, round, outlook))
}

/// Close round `slug`'s open period now (and seal what is due), and say
/// what became of it; other rounds, often other organisations', keep
/// theirs open. Refused with [`AppError::TooFewToClose`] or
/// [`AppError::ClosedEarlyAlready`] or [`AppError::PeriodJustBegun`] as
/// [`Outlook`] says.
pub async fn close_period(
    app: &App,
    actor: &Actor,
    slug: &str,
    today: Date,
) -> Result<(Round, Closed), AppError> {
    let (_, round, outlook) = close_outlook(app, slug, today).await?;
    let period = match outlook {
        Outlook::Close { period, .. } => period,
        Outlook::TooFew { needed, .. } => return Err(AppError::TooFewToClose { needed }),
        Outlook::ClosedAlready { .. } => return Err(AppError::ClosedEarlyAlready),
        Outlook::JustBegun { .. } => return Err(AppError::PeriodJustBegun),
    };
    let sealed = app.store.close_round(today, &round.slug).await?;
    let subject = Some(format!("{sealed} periods sealed"));
    record(app, actor, "periods.close", Some(&round), subject, today).await?;
    let slug = round.slug.clone();
    let digest = app
        .store
        .read(move |s| s.sealed_digests(&slug))
        .await?
        .into_iter()
        .find(|d| d.period == period.id());
    let closed = match digest {
        Some(d) if d.release.is_some() => Closed::Published(period),
        _ => Closed::HeldBack(period),
    };
    Ok((round, closed))
}

/// What became of `round`'s `period` if it is sealed: published, or held
/// back; `None` while it is open or still being sealed.
pub async fn sealed_outcome(
    app: &App,
    round: &Round,
    period: Period,
) -> Result<Option<Closed>, AppError> {
    let slug = round.slug.clone();
    let sealed = app.store.read(move |s| s.sealed_digests(&slug)).await?;
    Ok(sealed
        .iter()
        .find(|d| d.period == period.id())
        .map(|d| match d.release {
            Some(_) => Closed::Published(period),
            None => Closed::HeldBack(period),
        }))
}

#[cfg(test)]
mod tests {
    use super::slug_of;

    #[test]
    fn phrases_become_short_names() {
        assert_eq!(slug_of("Night staff!"), "night-staff");
        assert_eq!(
            slug_of("  parking   at the centre "),
            "parking-at-the-centre"
        );
        assert!(slug_of(&"word ".repeat(30)).len() <= 40);
    }
}
