//! The demo of `serve --demo` ([`seed`]): an organisation, a round, ten
//! fresh codes, a first console administrator, and history: critiques in
//! four ended weeks, so the demo digest shows every feature at once. The
//! oldest week is too small and rolls into the next; the three releases show
//! counts, "fewer than 5", "almost everyone" and trends, and `/themes` has
//! something to add up. Beside them: approved quotes, a response, a pledge
//! with a history and "about you" answers.
//!
//! Everything is made through the same use cases as the API and the
//! console (as [`Actor::Unnamed`], so the demo leaves no staff log entry
//! but the first administrator's), and nothing is made twice when the demo
//! restarts.

use super::{codes, moderation, rounds, staff, submissions, voices, Actor, App};
use crate::domain::{
    AboutYou, AnsweredSubmission, NewRound, Organisation, RawAnswers, Round, RoundSettings,
    RoundText,
};
use crate::tokens::{AboutYouCode, PaperCode};
use anyhow::Context;
use time::{Date, Duration};

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
pub async fn seed(app: &App, today: Date) -> anyhow::Result<Demo> {
    let demo = &Actor::Unnamed;
    if app.store.read(|s| s.organisation("demo")).await?.is_none() {
        let org = Organisation::parse("demo", "Demo Care Services")?;
        rounds::create_organisation(app, demo, org, today).await?;
    }
    let round = match app.store.read(|s| s.round("demo")).await? {
        Some(r) => r,
        None => {
            let settings = RoundSettings {
                title: Some("How well do we listen to you?".into()),
                description: Some(
                    "Tell Demo Care Services what gets in the way of you having a say.".into(),
                ),
                // The round's own words in the other shipped languages, as
                // a host would give them (issue 19).
                translations: Some(demo_translations()),
                ..RoundSettings::default()
            };
            let new = NewRound::parse("demo", "demo", None, settings)?;
            rounds::create_round(app, demo, new, today).await?
        }
    };
    seed_history(app, &round, today).await?;
    let codes = codes::issue_codes(app, demo, "demo", (10, None), today)
        .await
        .context("could not issue demo codes")?
        .codes;
    seed_voices(app, &round, today).await?;
    let admin = if staff::has_users(app).await? {
        None
    } else {
        let password = crate::staff::password::generate()?;
        let shown = password.expose().to_owned();
        let name = crate::staff::Username::parse("demo-admin")
            .map_err(|e| anyhow::anyhow!(e.message()))?;
        staff::first_administrator(app, demo, name, password, today).await?;
        Some(("demo-admin".to_owned(), shown))
    };
    Ok(Demo {
        round_url: app.round_url("demo"),
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
async fn seed_history(app: &App, round: &Round, today: Date) -> anyhow::Result<()> {
    let slug = round.slug.clone();
    if app
        .store
        .read(move |s| s.round_stats(&slug))
        .await?
        .critiques
        > 0
    {
        return Ok(());
    }
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
    let issued = codes::issue_codes(
        app,
        &Actor::Unnamed,
        round.slug.as_str(),
        (total as u64, None),
        today,
    )
    .await
    .context("could not issue demo codes")?;
    let mut codes = issued.codes.iter();
    let mut n = 0;
    for (ago, critiques) in &weeks {
        let day = today - Duration::weeks(*ago);
        let mut about_you = Vec::new();
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
            let submission = AnsweredSubmission::parse(
                &issued.round,
                &themes,
                text,
                n % 4 == 0,
                &RawAnswers::default(),
            )
            .map_err(|e| anyhow::anyhow!("demo critique: {e:?}"))?;
            let redemption = submissions::redeem_code(app, &code).await?;
            let accepted = submissions::submit(app, redemption, submission, day).await?;
            about_you.push(accepted.about_you);
        }
        if *ago < 4 {
            about_you.truncate(14);
            seed_about_you(app, &issued.round, day, &about_you).await?;
        }
    }
    super::digests::seal_due(app, today).await?;
    Ok(())
}

/// Answers for the demo's "about you": enough for some cells to be shown.
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

/// "About you" answers given during the week of `day` with the codes of
/// that week's critiques, before the week is sealed, so the published
/// aggregate has something to show.
async fn seed_about_you(
    app: &App,
    round: &Round,
    day: Date,
    codes: &[AboutYouCode],
) -> anyhow::Result<()> {
    for (i, code) in codes.iter().enumerate() {
        let pairs = DEMO_ANSWERS[i % DEMO_ANSWERS.len()];
        let answers = AboutYou::parse(pairs).map_err(|q| anyhow::anyhow!("demo answers: {q:?}"))?;
        submissions::about_you(app, round, code, answers, day).await?;
    }
    Ok(())
}

/// Per published period: three quotes approved as scrubbed, a response to
/// its first shown theme and a pledge, planned then in progress. Once
/// only: nothing if the round has responses already.
async fn seed_voices(app: &App, round: &Round, today: Date) -> anyhow::Result<()> {
    let slug = round.slug.clone();
    if !app
        .store
        .read(move |s| s.responses_of(slug.as_str()))
        .await?
        .is_empty()
    {
        return Ok(());
    }
    let demo = &Actor::Unnamed;
    // Each release gets its own quotes, response and pledge: the same words
    // twice would look like a fault in the demo.
    let mut quoted = std::collections::HashSet::new();
    for (i, release) in voices::releases(app, round).await?.into_iter().enumerate() {
        let Some(theme) = release
            .shown_themes
            .get(i)
            .or_else(|| release.shown_themes.first())
        else {
            continue;
        };
        moderation::approve_for_demo(app, (round, &release), 3, &mut quoted, today).await?;
        let to = voices::Target {
            round: round.slug.as_str(),
            period: &release.period,
            theme,
        };
        let (response, pledge) = ANSWERS[i % ANSWERS.len()];
        // The first release's answers are given in every language too.
        let (translated, pledged) = match i {
            0 => (words(&RESPONSE_IN), words(&PLEDGE_IN)),
            _ => Default::default(),
        };
        voices::respond(
            app,
            demo,
            &round.organisation,
            to,
            (response, &translated),
            today,
        )
        .await?;
        let planned = voices::NewPledge {
            text: pledge,
            translations: &pledged,
            status: None,
            reason: None,
        };
        let made = voices::add_pledge(app, demo, &round.organisation, to, planned, today).await?;
        let progress = ("in_progress", None);
        voices::restatus_pledge(app, demo, &round.organisation, &made.id, progress, today).await?;
    }
    Ok(())
}

/// (language, words) pairs as translations.
fn words(pairs: &[(&str, &str)]) -> crate::domain::Translations {
    pairs
        .iter()
        .map(|(l, w)| ((*l).to_owned(), (*w).to_owned()))
        .collect()
}

/// The first response of [`ANSWERS`] in Welsh, Polish and Arabic.
const RESPONSE_IN: [(&str, &str); 3] = [
    (
        "cy",
        "Diolch. Fe glywson ni hyn yn glir ac rydyn ni wedi newid sut rydyn ni'n cynllunio \
         cyfarfodydd: gweler ein haddewid.",
    ),
    (
        "pl",
        "Dziękujemy. Wyraźnie to usłyszeliśmy i zmieniliśmy sposób planowania spotkań: zobacz \
         nasze zobowiązanie.",
    ),
    (
        "ar",
        "شكرًا لكم. سمعنا هذا بوضوح وغيّرنا طريقة تخطيطنا للاجتماعات: انظروا تعهّدنا.",
    ),
];

/// The first pledge of [`ANSWERS`] in Welsh and Arabic (the Polish reader
/// sees the English, marked: the demo shows both cases).
const PLEDGE_IN: [(&str, &str); 2] = [
    (
        "cy",
        "Bydd rheolwr ym mhob cyfarfod grŵp, a bydd crynodeb ar bapur yn cael ei anfon \
         wythnos ymlaen llaw.",
    ),
    (
        "ar",
        "سيحضر مدير كل اجتماع للمجموعة، وسيُرسَل ملخّص ورقي قبل الاجتماع بأسبوع.",
    ),
];

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
