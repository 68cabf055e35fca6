//! What is published beside a digest, and who may add to it: an
//! organisation's responses and pledges ("you said, we did") and the keys
//! it answers with, and what a digest shows beside its figures (approved
//! quotes, see [`super::moderation`], responses, pledges and the "about
//! you" aggregate).
//!
//! # Security contract
//! - An organisation key is 256 random bits, shown once and kept only as
//!   its SHA-256; [`organisation_key`] compares in constant time with each
//!   of the organisation's hashes, so a missing key, a wrong key and
//!   another organisation's key are refused alike.
//! - Responses and pledges are recorded at the period of the day they are
//!   made: the coarsest time kept.

use super::error::Expect;
use super::staff::record;
use super::{Actor, App, AppError};
use crate::crypto::sha256;
use crate::digest::voices::{
    self, public_theme, PeriodVoices, PublicQuote, PublicResponse, Release,
};
use crate::domain::{
    Organisation, Period, PledgeChange, PledgeRecord, PledgeStatus, QuoteState, ResponseRecord,
    ResponseVersion, Round, Slug, Translations,
};
use crate::store::{Store, StoreError};
use subtle::ConstantTimeEq;
use time::Date;

/// Longest response, pledge, reason or edited quote, in characters.
pub const MAX_ANSWER_CHARS: usize = 4000;

/// Text of a response, pledge or edited quote: trimmed, 1 to
/// [`MAX_ANSWER_CHARS`] characters, no control characters but line breaks.
pub(super) fn answer_text(text: &str) -> Result<String, AppError> {
    let t = text.trim();
    let n = t.chars().count();
    if n == 0 || n > MAX_ANSWER_CHARS || t.chars().any(|c| c.is_control() && c != '\n' && c != '\r')
    {
        return Err(AppError::TextInvalid);
    }
    Ok(t.to_owned())
}

/// An organisation's translations of a response or pledge: each into a
/// shipped language other than English (which `text` is in), each
/// checked like the text itself and trimmed.
pub(super) fn translations(raw: &Translations) -> Result<Translations, AppError> {
    let shipped = crate::messages::languages();
    raw.iter()
        .map(|(language, text)| {
            let known = language != crate::messages::DEFAULT_LANGUAGE
                && shipped.contains(&language.as_str());
            if !known {
                return Err(AppError::Input(vec![crate::messages::language_unknown()]));
            }
            let text =
                answer_text(text).map_err(|_| AppError::TranslationInvalid(language.clone()))?;
            Ok((language.clone(), text))
        })
        .collect()
}

// ---------------------------------------------------------------- keys

/// A new key for organisation `slug`, shown once (only its hash is kept).
pub async fn create_organisation_key(
    app: &App,
    slug: &str,
) -> Result<(Organisation, String), AppError> {
    let org = super::rounds::organisation(app, slug).await?;
    let key = crate::encoding::hex(&crate::secrets::random::bytes::<32>()?);
    app.store
        .add_org_key(org.slug.as_str(), sha256(key.as_bytes()))
        .await
        .or_missing(AppError::OrganisationUnknown)?;
    Ok((org, key))
}

/// Whether `presented` is a key of organisation `slug`: hashed once and
/// compared in constant time with each of its keys. An unknown
/// organisation has no keys; an empty key never matches.
pub async fn organisation_key(app: &App, slug: &str, presented: &str) -> Result<bool, AppError> {
    let hash = sha256(presented.as_bytes());
    let mut ok = subtle::Choice::from(0u8);
    let slug = slug.to_owned();
    for stored in app.store.read(move |s| s.org_key_hashes(&slug)).await? {
        ok |= hash.ct_eq(&stored);
    }
    Ok(!presented.is_empty() && bool::from(ok))
}

// ------------------------------------------------------------- releases

/// The published periods of `round`, oldest first.
pub async fn releases(app: &App, round: &Round) -> Result<Vec<Release>, AppError> {
    let slug = round.slug.clone();
    Ok(app.store.read(move |s| releases_in(s, &slug)).await?)
}

/// [`releases`], inside a group of reads ([`Store::read`]).
fn releases_in(store: &Store, round: &Slug) -> Result<Vec<Release>, StoreError> {
    Ok(store
        .sealed_digests(round)?
        .iter()
        .filter_map(voices::release_of)
        .collect())
}

/// Round `round` of `organisation` and its published period `period`.
async fn published(
    app: &App,
    organisation: &Slug,
    round: &str,
    period: &str,
) -> Result<(Round, Release), AppError> {
    let (organisation, round, period) = (organisation.clone(), round.to_owned(), period.to_owned());
    app.store
        .read(move |s| {
            let round = s
                .round(&round)?
                .filter(|r| r.organisation == organisation)
                .ok_or(AppError::RoundUnknown)?;
            let release = releases_in(s, &round.slug)?
                .into_iter()
                .find(|r| r.period == period)
                .ok_or(AppError::PeriodNotPublished)?;
            Ok((round, release))
        })
        .await
}

fn theme_of(round: &Round, theme: &str) -> Result<String, AppError> {
    round
        .themes
        .iter()
        .find(|t| t.slug().as_str() == theme)
        .map(|t| t.slug().to_string())
        .ok_or(AppError::Input(vec![
            crate::domain::InputError::ThemeUnknown,
        ]))
}

/// The period a change made `today` is recorded in.
fn this_period(round: &Round, today: Date) -> String {
    Period::containing(today, round.period).id()
}

// ----------------------------------------------------------- responses

/// Where an answer goes: a theme of a published period of a round.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub round: &'a str,
    pub period: &'a str,
    pub theme: &'a str,
}

/// Publish (or replace) `organisation`'s response to one theme of one
/// published period, in English and in the `translated` languages. Earlier
/// versions (with their translations) are kept and shown.
pub async fn respond(
    app: &App,
    actor: &Actor,
    organisation: &Slug,
    to: Target<'_>,
    (text, translated): (&str, &Translations),
    today: Date,
) -> Result<ResponseRecord, AppError> {
    let (round, release) = published(app, organisation, to.round, to.period).await?;
    let theme = theme_of(&round, to.theme)?;
    let version = ResponseVersion {
        text: answer_text(text)?,
        changed_in: this_period(&round, today),
        translations: translations(translated)?,
    };
    app.store
        .put_response(round.slug.as_str(), &release.period, &theme, version, today)
        .await
        .or_missing(AppError::RoundUnknown)?;
    let slug = round.slug.clone();
    let record_of = app
        .store
        .read(move |s| s.responses_of(slug.as_str()))
        .await?
        .into_iter()
        .find(|r| r.period == release.period && r.theme == theme)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("response not stored")))?;
    record(
        app,
        actor,
        "response.publish",
        Some(&round),
        Some(theme),
        today,
    )
    .await?;
    Ok(record_of)
}

// ------------------------------------------------------------- pledges

/// A status change made `today`: a dropped pledge needs a reason.
fn change(
    round: &Round,
    status: &str,
    reason: Option<&str>,
    today: Date,
) -> Result<PledgeChange, AppError> {
    let status = PledgeStatus::parse(status).ok_or(AppError::StatusInvalid)?;
    let reason = reason
        .filter(|r| !r.trim().is_empty())
        .map(answer_text)
        .transpose()?;
    if status == PledgeStatus::Dropped && reason.is_none() {
        return Err(AppError::ReasonRequired);
    }
    Ok(PledgeChange {
        status,
        reason,
        period: this_period(round, today),
    })
}

/// The words of a new pledge: its text (in English), its translations,
/// its first status (`planned` when none) and a reason.
pub struct NewPledge<'a> {
    pub text: &'a str,
    pub translations: &'a Translations,
    pub status: Option<&'a str>,
    pub reason: Option<&'a str>,
}

/// A new pledge of `organisation` on one theme of one published period,
/// `planned` unless `status` says otherwise.
pub async fn add_pledge(
    app: &App,
    actor: &Actor,
    organisation: &Slug,
    to: Target<'_>,
    new: NewPledge<'_>,
    today: Date,
) -> Result<PledgeRecord, AppError> {
    let NewPledge {
        text,
        translations: translated,
        status,
        reason,
    } = new;
    let (round, release) = published(app, organisation, to.round, to.period).await?;
    let theme = theme_of(&round, to.theme)?;
    let text = answer_text(text)?;
    let translated = translations(translated)?;
    let first = change(&round, status.unwrap_or("planned"), reason, today)?;
    let pledge = PledgeRecord {
        id: crate::store::random_id()?,
        organisation: organisation.to_string(),
        round: round.slug.to_string(),
        period: release.period,
        theme,
        text,
        translations: translated,
        history: vec![first],
    };
    app.store.create_pledge(pledge.clone(), today).await?;
    let subject = Some(pledge.theme.clone());
    record(app, actor, "pledge.create", Some(&round), subject, today).await?;
    Ok(pledge)
}

/// A new status for `organisation`'s pledge `id`, added to its history (a
/// dropped pledge needs a reason).
pub async fn restatus_pledge(
    app: &App,
    actor: &Actor,
    organisation: &Slug,
    id: &str,
    (status, reason): (&str, Option<&str>),
    today: Date,
) -> Result<PledgeRecord, AppError> {
    let (found, org) = (id.to_owned(), organisation.clone());
    let round = app
        .store
        .read(move |s| {
            let existing = s
                .pledge(&found)?
                .filter(|p| p.organisation == org.as_str())
                .ok_or(AppError::PledgeUnknown)?;
            s.round(&existing.round)?.ok_or(AppError::RoundUnknown)
        })
        .await?;
    let next = change(&round, status, reason, today)?;
    let pledge = app
        .store
        .update_pledge(id, organisation.as_str(), next, today)
        .await
        .or_missing(AppError::PledgeUnknown)?;
    let subject = Some(pledge.theme.clone());
    record(app, actor, "pledge.update", Some(&round), subject, today).await?;
    Ok(pledge)
}

// ------------------------------------------------ beside the digest

/// `organisation`'s rounds as they are now (their themes, with the
/// host's translations, name the digest's themes).
pub async fn rounds_of(app: &App, organisation: &str) -> Result<Vec<Round>, AppError> {
    Ok(app
        .store
        .read(|s| s.rounds())
        .await?
        .into_iter()
        .filter(|r| r.organisation.as_str() == organisation)
        .collect())
}

/// What is published beside `organisation`'s digest, per published
/// period, newest first.
pub async fn load_voices(app: &App, organisation: &str) -> Result<Vec<PeriodVoices>, AppError> {
    let organisation = organisation.to_owned();
    let (quotes, rounds) = app
        .store
        .read(move |s| {
            let mut rounds = Vec::new();
            for round in s.rounds()? {
                if round.organisation.as_str() != organisation {
                    continue;
                }
                let r = round.slug.as_str();
                let read = (
                    s.responses_of(r)?,
                    s.pledges_of(r)?,
                    s.about_you_of(r)?,
                    releases_in(s, &round.slug)?,
                );
                rounds.push((round, read));
            }
            Ok::<_, StoreError>((s.quotes()?, rounds))
        })
        .await?;
    let approved: Vec<_> = quotes
        .into_iter()
        .filter_map(|q| match &q.state {
            QuoteState::Approved { text, .. } => Some((q.clone(), text.clone())),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (round, (responses, pledges, about_you, releases)) in rounds {
        let r = round.slug.as_str();
        for release in releases {
            let mut quotes: Vec<PublicQuote> = approved
                .iter()
                .filter(|(q, _)| q.round == r && release.covers.contains(&q.period))
                .filter(|(q, _)| q.themes.iter().any(|t| release.shown_themes.contains(t)))
                .map(|(q, text)| PublicQuote {
                    text: text.clone(),
                    period: release.period.clone(),
                    period_label: release.label.clone(),
                    themes: public_theme(&q.id, &q.themes, &release)
                        .into_iter()
                        .collect(),
                })
                .collect();
            // Shuffled: the order says nothing about when a quote was
            // written or approved.
            crate::secrets::random::shuffle(&mut quotes)?;
            let mut answers = crate::domain::AboutYouTally::default();
            for (period, tally) in &about_you {
                if release.covers.contains(period) {
                    answers.merge(tally);
                }
            }
            out.push(PeriodVoices {
                round: r.to_owned(),
                period: release.period.clone(),
                label: release.label.clone(),
                quotes,
                responses: responses
                    .iter()
                    .filter(|x| x.period == release.period)
                    .filter_map(|x| {
                        x.versions.last().map(|v| PublicResponse {
                            theme: x.theme.clone(),
                            text: v.text.clone(),
                            translations: v.translations.clone(),
                            versions: x.versions.clone(),
                        })
                    })
                    .collect(),
                pledges: pledges
                    .iter()
                    .filter(|p| p.period == release.period)
                    .cloned()
                    .collect(),
                about_you: voices::aggregate(&answers, release.k, release.base)
                    // Never more respondents shown than critiques (each
                    // code comes with one critique of its period: this
                    // only guards that rule).
                    .filter(|a| a.respondents.low <= release.critiques.low),
            });
        }
    }
    out.sort_by(|a, b| b.period.cmp(&a.period).then(a.round.cmp(&b.round)));
    Ok(out)
}

/// An organisation's own digest with its responses and pledges so far,
/// round by round: what its users answer from the console.
pub struct Space {
    pub digest: crate::digest::Digest,
    /// (round slug, its responses, its pledges).
    pub answers: Vec<(String, Vec<ResponseRecord>, Vec<PledgeRecord>)>,
}

pub async fn space(app: &App, organisation: &Slug, today: Date) -> Result<Space, AppError> {
    let digest = super::digests::digest(app, organisation.as_str(), today).await?;
    let slugs: Vec<String> = digest.rounds.iter().map(|r| r.slug.clone()).collect();
    let answers = app
        .store
        .read(move |s| {
            let mut answers = Vec::new();
            for slug in slugs {
                let (responses, pledges) = (s.responses_of(&slug)?, s.pledges_of(&slug)?);
                answers.push((slug, responses, pledges));
            }
            Ok::<_, StoreError>(answers)
        })
        .await?;
    Ok(Space { digest, answers })
}
