//! The console's home (issue 18): what is going on and what to do next,
//! for the signed-in user's role. Live counts leave here only as bands
//! from an hourly snapshot ([`super::live`]), so that watching the
//! dashboard cannot time one person's comment.

use super::rounds::{open_bands, open_period};
use super::{digests, moderation, App, AppError};
use crate::digest::disclosure::{Band, Figure};
use crate::domain::{Period, Slug};
use crate::staff::{Role, User};
use crate::store::StoreError;
use time::Date;

/// A round as the dashboard lists it.
pub struct RoundLine {
    pub slug: Slug,
    pub title: String,
    pub organisation: String,
    pub opened: bool,
    /// The open period, and the round's period length in weeks.
    pub period: Period,
    pub weeks: u8,
    /// Comments in the open period so far, as a band.
    pub comments: Band,
    /// Releases published so far.
    pub releases: usize,
}

/// One thing to do, most pressing first.
pub enum Next {
    /// There is no organisation yet.
    AddOrganisation,
    /// This organisation (slug, name) has no round.
    AddRound(Slug, String),
    /// This round (slug, title) is not open yet.
    OpenRound(Slug, String),
    /// This round (slug, title) is open, but nobody has a code or an
    /// invitation for it.
    HandOut(Slug, String),
    /// Quotes waiting for a decision.
    Moderate(usize),
    /// Themes of the latest release the organisation has not answered.
    Respond(usize),
}

/// How an organisation user's digest stands.
pub struct OrganisationState {
    pub name: String,
    /// The latest release: its periods and the round's period length.
    pub latest: Option<(Vec<String>, u8)>,
    /// Themes of the latest release shown with a number and not answered.
    pub unanswered: usize,
}

/// Everything the dashboard shows; parts a role does not use are empty.
#[derive(Default)]
pub struct Dashboard {
    pub rounds: Vec<RoundLine>,
    /// Quotes waiting for a decision (administrators and moderators).
    pub quotes_waiting: Option<usize>,
    /// The next day periods are sealed, and the titles of their rounds.
    pub next_sealing: Option<(Date, Vec<String>)>,
    pub next: Vec<Next>,
    pub organisation: Option<OrganisationState>,
    /// Staff mail waiting or not sent (administrators, when SMTP is
    /// configured).
    pub mail: Option<Vec<super::mail::OutboxLine>>,
}

/// The dashboard of `user` on `today`.
pub async fn dashboard(app: &App, user: &User, today: Date) -> Result<Dashboard, AppError> {
    let mut d = Dashboard::default();
    if matches!(user.role, Role::Administrator | Role::Coordinator) {
        host(app, today, &mut d).await?;
    }
    if matches!(user.role, Role::Administrator | Role::Moderator) {
        let waiting = moderation::pending_quotes(app).await?.len();
        if waiting > 0 {
            d.next.push(Next::Moderate(waiting));
        }
        d.quotes_waiting = Some(waiting);
    }
    if user.role == Role::Administrator {
        d.mail = super::mail::outbox(app).await?;
    }
    if let (Role::Organisation, Some(slug)) = (user.role, &user.organisation) {
        let state = organisation(app, slug, today).await?;
        if state.unanswered > 0 {
            d.next.push(Next::Respond(state.unanswered));
        }
        d.organisation = Some(state);
    }
    Ok(d)
}

/// The rounds of every organisation, what to do about them, and the next
/// sealing.
async fn host(app: &App, today: Date, d: &mut Dashboard) -> Result<(), AppError> {
    // Each organisation with its rounds, and each round's codes issued,
    // invitations issued and releases.
    let organisations = app
        .store
        .read(|s| {
            let mut out = Vec::new();
            for org in s.organisations()? {
                let mut rounds = Vec::new();
                for round in s.rounds_of(&org.slug)? {
                    let issued = s.round_stats(&round.slug)?.codes_issued;
                    let (invitations, _) = s.invitation_stats(&round.slug)?;
                    let releases = s
                        .sealed_digests(&round.slug)?
                        .iter()
                        .filter(|d| d.release.is_some())
                        .count();
                    rounds.push((round, issued, invitations, releases));
                }
                out.push((org, rounds));
            }
            Ok::<_, StoreError>(out)
        })
        .await?;
    if organisations.is_empty() {
        d.next.push(Next::AddOrganisation);
    }
    let mut sealing: Vec<(Date, String)> = Vec::new();
    for (org, rounds) in organisations {
        if rounds.is_empty() {
            d.next
                .push(Next::AddRound(org.slug.clone(), org.name.clone()));
        }
        for (round, issued, invitations, releases) in rounds {
            let period = open_period(app, &round, today).await?;
            let named = (round.slug.clone(), round.title.clone());
            if !round.opened {
                d.next.push(Next::OpenRound(named.0, named.1));
            } else {
                if issued == 0 && invitations == 0 {
                    d.next.push(Next::HandOut(named.0, named.1));
                }
                sealing.push((period.last_day(), round.title.clone()));
            }
            d.rounds.push(RoundLine {
                comments: open_bands(app, &round).await?.critiques,
                slug: round.slug,
                title: round.title,
                organisation: org.name.clone(),
                opened: round.opened,
                period,
                weeks: round.period.weeks(),
                releases,
            });
        }
    }
    sealing.sort();
    if let Some((last_day, _)) = sealing.first().cloned() {
        let rounds = sealing
            .into_iter()
            .filter(|(day, _)| *day == last_day)
            .map(|(_, title)| title)
            .collect();
        // A period is sealed the day after it ends.
        d.next_sealing = Some((last_day + time::Duration::days(1), rounds));
    }
    Ok(())
}

/// How organisation `slug`'s latest release stands: themes shown with a
/// number and still without a response ("fewer than" groups get none).
async fn organisation(app: &App, slug: &Slug, today: Date) -> Result<OrganisationState, AppError> {
    let digest = digests::digest(app, slug.as_str(), today).await?;
    let mut state = OrganisationState {
        name: digest.name.clone(),
        latest: None,
        unanswered: 0,
    };
    if let Some((round, release)) = digest.releases().into_iter().next() {
        let slug = round.slug.clone();
        let responses = app.store.read(move |s| s.responses_of(&slug)).await?;
        state.unanswered = release
            .themes
            .iter()
            .filter(|t| !matches!(t.figure, Figure::FewerThan(_)))
            .filter(|t| {
                !responses
                    .iter()
                    .any(|r| r.period == release.id && r.theme == t.slug)
            })
            .count();
        state.latest = Some((release.periods.clone(), round.period_weeks));
    }
    Ok(state)
}
