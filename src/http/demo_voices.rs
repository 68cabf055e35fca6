//! Demo data for the second half of the digest: approved quotes, a
//! response and a pledge with a history ([`seed_demo_voices`], called after
//! the demo's past periods are sealed; it works on whatever periods are
//! published, and does nothing twice), and "about you" answers
//! ([`seed_about_you`], called for each past week before it is sealed).

use super::organisation::releases;
use super::AppState;
use crate::digest::voices::{self, AboutYou, PledgeChange, PledgeStatus};
use crate::domain::Round;
use crate::store::{PledgeRecord, QuoteRecord, QuoteState, ResponseVersion};

/// Answers for the demo's open period: enough for some cells to be shown.
const DEMO_ANSWERS: [[(&str, &str); 4]; 4] = [
    [
        ("age", "65_79"),
        ("ethnicity", "white"),
        ("disability", "yes"),
        ("care", "yes"),
    ],
    [
        ("age", "35_49"),
        ("ethnicity", "black"),
        ("disability", "no"),
        ("care", "yes"),
    ],
    [
        ("age", "65_79"),
        ("ethnicity", "asian"),
        ("disability", "yes"),
        ("care", "yes"),
    ],
    [
        ("age", "80_plus"),
        ("ethnicity", "white"),
        ("disability", "prefer_not"),
        ("care", "no"),
    ],
];

/// "About you" answers given during the week of `day`: called by the demo
/// history before that week is sealed, so the published aggregate has
/// something to show.
pub(super) async fn seed_about_you(
    state: &AppState,
    round: &Round,
    day: time::Date,
    count: usize,
) -> anyhow::Result<()> {
    for i in 0..count {
        let pairs = DEMO_ANSWERS[i % DEMO_ANSWERS.len()];
        let answers = AboutYou::parse(pairs).map_err(|q| anyhow::anyhow!("demo answers: {q:?}"))?;
        state.store.about_you(round, answers, day).await?;
    }
    Ok(())
}

pub(super) async fn seed_demo_voices(state: &AppState, round: &Round) -> anyhow::Result<()> {
    let slug = round.slug.as_str();
    let today = state.clock.today();
    // Two full batches, so they are written at once (not held in memory).
    if !state.store.responses_of(slug)?.is_empty() {
        return Ok(());
    }
    let published = releases(state, round).map_err(|e| anyhow::anyhow!(e.message()))?;
    let this_period = crate::domain::Period::containing(today, round.period).id();
    // Each release gets its own quotes, response and pledge: the same words
    // twice would look like a fault in the demo.
    let mut quoted = std::collections::HashSet::new();
    for (i, release) in published.iter().enumerate() {
        let Some(theme) = release
            .shown_themes
            .get(i)
            .or_else(|| release.shown_themes.first())
        else {
            continue;
        };
        let (response, pledge) = ANSWERS[i % ANSWERS.len()];
        // Three quotes per period, approved as scrubbed, no two alike.
        let mut queued = Vec::new();
        for c in state.store.quote_candidates(round, release)? {
            if queued.len() == 3 {
                break;
            }
            let record = QuoteRecord {
                id: crate::store::random_id()?,
                round: slug.to_owned(),
                period: c.period,
                themes: c.themes,
                state: QuoteState::Pending,
                source: Some(crate::encoding::hex(&c.id)),
            };
            let Some(text) = state.store.quote_source_text(&record)? else {
                continue;
            };
            let text = voices::for_moderation(&text).0;
            if quoted.insert(text.clone()) {
                queued.push((record, text));
            }
        }
        state
            .store
            .add_quotes(queued.iter().map(|(q, _)| q.clone()).collect())
            .await?;
        for (q, text) in queued {
            state
                .store
                .decide_quote(
                    &q.id,
                    QuoteState::Approved {
                        text,
                        edited: false,
                    },
                )
                .await?;
        }
        state
            .store
            .put_response(
                slug,
                &release.period,
                theme,
                ResponseVersion {
                    text: response.into(),
                    changed_in: this_period.clone(),
                },
            )
            .await?;
        let change = |status| PledgeChange {
            status,
            reason: None,
            period: this_period.clone(),
        };
        state
            .store
            .create_pledge(PledgeRecord {
                id: crate::store::random_id()?,
                organisation: round.organisation.to_string(),
                round: slug.to_owned(),
                period: release.period.clone(),
                theme: theme.clone(),
                text: pledge.into(),
                history: vec![
                    change(PledgeStatus::Planned),
                    change(PledgeStatus::InProgress),
                ],
            })
            .await?;
    }
    Ok(())
}

/// The demo organisation's response and pledge for each release, in turn
/// (one each for the demo's three releases: none repeats).
const ANSWERS: [(&str, &str); 3] = [
    (
        "Thank you. We heard this clearly and have changed how we plan meetings: see our pledge.",
        "Every group meeting will have a manager present and a paper summary sent a week before.",
    ),
    (
        "You told us papers come too late and in jargon. We are rewriting our letters with \
         people who use our services.",
        "From next month every letter will have a plain-English summary on its first page.",
    ),
    (
        "Meetings will not be online only again. We are lending tablets and running a weekly \
         drop-in to help people get online.",
        "Every meeting will have a room to come to in person as well as a video link.",
    ),
];
