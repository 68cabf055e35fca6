//! The demo of `serve --demo` ([`seed_demo`]): an organisation, a round,
//! ten fresh codes, a first console administrator, and history:
//! critiques in four ended weeks, so the demo digest shows every feature
//! at once. The oldest week is too small and rolls into the next; the three
//! releases show counts, "fewer than 5", "almost everyone" and trends, and
//! `/themes` has something to add up.
//!
//! The history is one function, [`seed_history`], so later features
//! (quotes, responses) can add their own demo data beside it.

use super::AppState;
use crate::domain::{Organisation, Round, RoundText, RoundUpdate, Submission};
use crate::tokens::PaperCode;
use anyhow::Context;
use time::Duration;

/// What the demo made, for start-up to show the operator once.
#[derive(Debug)]
pub struct Demo {
    pub round_url: String,
    pub codes: Vec<String>,
    /// The demo's console administrator (user name, password), made on the
    /// first demo start only; the password is shown once and never stored.
    pub admin: Option<(String, String)>,
}

/// Seed the demo organisation and round (once), its history and voices,
/// and a first administrator if there is none; issue ten fresh codes.
pub async fn seed_demo(state: &AppState) -> anyhow::Result<Demo> {
    let org = Organisation::parse("demo", "Demo Care Services")?;
    if state.store.organisation("demo")?.is_none() {
        state.store.create_organisation(org).await?;
    }
    let round = match state.store.round("demo")? {
        Some(r) => r,
        None => {
            let r = Round::parse(
                "demo",
                "demo",
                "How well do we listen to you?",
                Some("Tell Demo Care Services what gets in the way of you having a say."),
                None,
                None,
                None,
            )?;
            // The round's own words in the other shipped languages, as a
            // host would give them (issue 19).
            let r = RoundUpdate {
                translations: Some(demo_translations()),
                ..RoundUpdate::default()
            }
            .apply(&r)?;
            state.store.create_round(r.clone()).await?;
            r
        }
    };
    seed_history(state, &round).await?;
    let codes = super::issue_codes(state, &round, 10)
        .await
        .map_err(|e| anyhow::anyhow!("could not issue demo codes: {}", e.message()))?;
    super::demo_voices::seed_demo_voices(state, &round).await?;
    let admin = if state.store.has_users()? {
        None
    } else {
        let password = crate::staff::password::generate()?;
        let hash = crate::staff::password::hash(&password)?;
        let name = crate::staff::Username::parse("demo-admin")
            .map_err(|e| anyhow::anyhow!(e.message()))?;
        let user = crate::staff::User::new(name, crate::staff::Role::Administrator, None, hash)
            .map_err(|e| anyhow::anyhow!(e.message()))?;
        state.store.add_first_user(user).await?;
        Some(("demo-admin".to_owned(), password.expose().to_owned()))
    };
    Ok(Demo {
        round_url: state.round_url("demo"),
        codes,
        admin,
    })
}

/// A few plausible texts per theme; critiques with several themes take the
/// first theme's text, or "Something else"'s when they chose it (so the
/// host's keyphrase view has a recurring phrase to show). `n` counts every
/// demo critique; the lists' lengths share no factor with 4, so the
/// quotable critiques (every fourth) reach every text and the demo's quotes
/// need not repeat.
fn text_for(theme: &str, n: usize) -> &'static str {
    let texts: &[&str] = match theme {
        "money-and-time" => &[
            "There is never enough staff time to talk things through properly.",
            "Groups were cut because the money ran out, and nobody told us why.",
            "We are asked for our views but there is no budget to act on them.",
            "The carers are always rushing to the next visit and cannot stop to listen.",
            "Our group lost its room and now meets in a corridor.",
            "Every year there is less money for transport to the meetings.",
            "Staff are so stretched that our ideas are never written down.",
        ],
        "information" => &[
            "Papers for the meeting arrive on the day, so I cannot read them first.",
            "Letters are full of jargon and I need someone to explain them.",
            "Nobody told us the meeting had moved.",
            "The minutes never say what was decided about our points.",
            "I only found out about the consultation after it had closed.",
        ],
        "digital-access" => &[
            "Meetings were online only on Zoom and I have no internet.",
            "Everything is on the website now and I do not use computers.",
            "The forms only work on a phone app, and my phone is too old.",
            "Nobody showed me how to join the video calls.",
            "The library computers are always booked when I need one.",
        ],
        "leadership" => &[
            "The managers change so often that promises are forgotten.",
            "Nobody in charge ever comes to our meetings.",
            "The new director has not said what the plan is.",
        ],
        "something-else" => &[
            "The bus to the day centre stopped, so I cannot get to the meetings.",
            "There is no bus on Sundays and the taxi costs too much.",
            "Since the bus route changed I have missed two meetings.",
        ],
        _ => &["It is hard to be heard here."],
    };
    texts[n % texts.len()]
}

/// One ended week's critiques, as theme lists.
fn week(n: usize, themes: impl Fn(usize) -> Vec<&'static str>) -> Vec<Vec<&'static str>> {
    (0..n).map(themes).collect()
}

/// Store demo critiques in the four weeks before today's, then seal them.
/// Does nothing if the round already has critiques (a restarted demo).
async fn seed_history(state: &AppState, round: &Round) -> anyhow::Result<()> {
    if state.store.round_stats(&round.slug)?.critiques > 0 {
        return Ok(());
    }
    let today = state.clock.today();
    let weeks = [
        // Four weeks ago: 6 critiques, fewer than the minimum of 10, so it
        // rolls into the next week's release.
        (4, week(6, |_| vec!["digital-access"])),
        // Three weeks ago: 30 critiques, released with the 6 before them.
        (
            3,
            week(30, |i| {
                let mut t = Vec::new();
                if i < 20 {
                    t.push("money-and-time");
                }
                if i >= 10 {
                    t.push("information");
                }
                if i < 12 {
                    t.push("digital-access");
                }
                if i < 2 {
                    t.push("leadership");
                }
                t
            }),
        ),
        // Two weeks ago: 30 critiques; information down, digital access up,
        // so the trend chart has a third point that moves.
        (
            2,
            week(30, |i| {
                let mut t = Vec::new();
                if i < 24 {
                    t.push("money-and-time");
                }
                if i >= 20 {
                    t.push("information");
                }
                if i < 14 {
                    t.push("digital-access");
                }
                if i < 4 {
                    t.push("leadership");
                }
                if (20..26).contains(&i) {
                    t.push("whose-voices");
                }
                if i >= 28 {
                    t.push("something-else");
                }
                t
            }),
        ),
        // Last week: 30 critiques; almost everyone raised money and time.
        (
            1,
            week(30, |i| {
                let mut t = Vec::new();
                if i < 27 {
                    t.push("money-and-time");
                }
                if i >= 13 {
                    t.push("information");
                }
                if i < 3 {
                    t.push("leadership");
                }
                if i < 8 {
                    t.push("digital-access");
                }
                if i >= 25 {
                    t.push("something-else");
                }
                t
            }),
        ),
    ];
    let total: usize = weeks.iter().map(|(_, w)| w.len()).sum();
    let codes = super::issue_codes(state, round, total)
        .await
        .map_err(|e| anyhow::anyhow!("could not issue demo codes: {}", e.message()))?;
    let mut codes = codes.iter();
    let mut n = 0;
    for (ago, critiques) in &weeks {
        let day = today - Duration::weeks(*ago);
        for themes in critiques {
            n += 1;
            let code = codes
                .next()
                .and_then(|c| PaperCode::parse(c))
                .context("demo code")?;
            let themes: Vec<String> = themes.iter().map(|t| (*t).to_owned()).collect();
            let first = if themes.iter().any(|t| t == "something-else") {
                "something-else"
            } else {
                &themes[0]
            };
            let text = text_for(first, n);
            // Every fourth writer may be quoted: the quotes then vary.
            let submission = Submission::parse(round, &themes, text, n % 4 == 0)
                .map_err(|e| anyhow::anyhow!("demo critique: {e:?}"))?;
            state
                .store
                .submit(state.codes.redeem(&code), submission, day)
                .await?;
        }
        if *ago < 4 {
            super::demo_voices::seed_about_you(state, round, day, 14).await?;
        }
    }
    state.store.seal_due(today).await?;
    Ok(())
}

/// The demo round's title and description in Welsh, Polish and Arabic.
fn demo_translations() -> std::collections::BTreeMap<String, RoundText> {
    [
        (
            "cy",
            "Pa mor dda rydyn ni'n gwrando arnoch chi?",
            "Dywedwch wrth Demo Care Services beth sy'n eich rhwystro rhag cael dweud eich barn.",
        ),
        (
            "pl",
            "Jak dobrze cię słuchamy?",
            "Powiedz organizacji Demo Care Services, co przeszkadza ci w zabraniu głosu.",
        ),
        (
            "ar",
            "إلى أي حد نستمع إليك؟",
            "أخبر Demo Care Services بما يمنعك من أن يكون لك رأي مسموع.",
        ),
    ]
    .into_iter()
    .map(|(language, title, description)| {
        let text = RoundText {
            title: title.to_owned(),
            description: description.to_owned(),
        };
        (language.to_owned(), text)
    })
    .collect()
}
