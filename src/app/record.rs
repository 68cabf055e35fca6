//! An organisation's public record of answering (issue 21): for each
//! published release of each of its rounds, whether it was answered, on
//! time or late (judged by period, see [`crate::digest::record`]), the
//! responses and the pledges with their history, and the running response
//! rate. The same value is the page `/o/{organisation}/record`, its JSON,
//! and what `parrhesia verify` checks against the log
//! ([`crate::audit::record::check`]).
//!
//! Nothing here is finer than a period: the deadline is a day computed
//! from the release's period, never from when anyone acted.

use super::{App, AppError};
use crate::digest::record::{self, DaysToAnswer, ReleaseRecord};
pub use crate::digest::record::{
    Overdue, PublicRecord, RateView, ReleaseView, RoundRecord, StandingView,
};
use crate::domain::PledgeRecord;
use crate::store::StoreError;
use time::Date;

/// `organisation`'s record as of `today`.
pub async fn record(app: &App, organisation: &str, today: Date) -> Result<PublicRecord, AppError> {
    let org = super::rounds::organisation(app, organisation).await?;
    let mut rounds = Vec::new();
    let mut all: Vec<ReleaseRecord> = Vec::new();
    for round in super::voices::rounds_of(app, org.slug.as_str()).await? {
        let releases = super::voices::releases(app, &round).await?;
        let slug = round.slug.as_str();
        let (r, o) = (round.slug.clone(), org.slug.clone());
        let (responses, pledges) = app
            .store
            .read(move |s| {
                let pledges: Vec<PledgeRecord> = s
                    .pledges_of(r.as_str())?
                    .into_iter()
                    .filter(|p| p.organisation == o.as_str())
                    .collect();
                Ok::<_, StoreError>((s.responses_of(r.as_str())?, pledges))
            })
            .await?;
        let days: DaysToAnswer = round.days_to_answer;
        let records = record::round_record(
            slug,
            round.period,
            days,
            &releases,
            &responses,
            &pledges,
            today,
        );
        let views = records
            .iter()
            .map(|r| {
                let n = responses
                    .iter()
                    .filter(|x| x.period == r.period.id())
                    .count();
                ReleaseView::of(r, n)
            })
            .collect();
        all.extend(records);
        rounds.push(RoundRecord {
            round: slug.to_owned(),
            title: round.title.clone(),
            period_weeks: u32::from(round.period.weeks()),
            days_to_answer: days.days(),
            releases: views,
            responses,
            pledges,
        });
    }
    Ok(PublicRecord {
        organisation: org.slug.to_string(),
        name: org.name.clone(),
        rate: record::rate(&all).into(),
        rounds,
    })
}

/// Every overdue release of every organisation as of `today`.
pub async fn overdue(app: &App, today: Date) -> Result<Vec<Overdue>, AppError> {
    let mut out = Vec::new();
    for org in app.store.read(|s| s.organisations()).await? {
        let r = record(app, org.slug.as_str(), today).await?;
        for round in r.rounds {
            for release in round.releases {
                if release.standing == StandingView::Overdue {
                    out.push(Overdue {
                        organisation: r.organisation.clone(),
                        name: r.name.clone(),
                        round: round.round.clone(),
                        title: round.title.clone(),
                        period_weeks: round.period_weeks,
                        release,
                    });
                }
            }
        }
    }
    Ok(out)
}
