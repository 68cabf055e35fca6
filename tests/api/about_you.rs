//! "About you" (unlinked): an optional form after sending, answered only
//! with the one-time code the critique's confirmation carries (issue 16,
//! item 3), every question skippable, GOV.UK error summary without
//! JavaScript, counted at once in the mixing epoch and rewritten in key
//! order as counts with nothing shared with critiques, and published only
//! as per-period totals where no cell is below k and respondents never
//! exceed critiques.

use crate::backends::{spawn_on, Backend};
use crate::helpers::{collect, enc, spawn_app, spawn_app_with, thursday, Answer, TestApp};
use awc::http::StatusCode;
use parrhesia::http::ratelimit::{action_for, Action};
use parrhesia::tokens::AboutYouCode;
use serde_json::json;
use time::Duration;

async fn answer(app: &TestApp, body: &str) -> Answer {
    collect(
        app.client
            .post(app.url("/r/spring/about-you"))
            .content_type("application/x-www-form-urlencoded")
            .send_body(body.to_owned()),
    )
    .await
}

async fn round(app: &TestApp) {
    app.setup_round("care", "spring", 3).await;
    app.publish_small_periods("spring", 3).await;
}

#[actix_web::test]
async fn the_form_asks_for_the_code_and_sets_nothing_that_ties_it_to_anyone() {
    let app = spawn_app().await;
    round(&app).await;
    let form = app.get("/r/spring/about-you").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.headers.get("set-cookie").is_none());
    assert!(!form.body.contains("<script"));
    assert!(form.body.contains("type=\"radio\" name=\"age\""));
    assert!(form.body.contains("Mixed or multiple ethnic groups"));
    // Asked for when the person comes without it; nothing hidden rides
    // along with the answers.
    assert!(
        form.body.contains("name=\"about_code\" value=\"\""),
        "{}",
        form.body
    );
    assert!(!form.body.contains("type=\"hidden\""));
    let easy = app.get("/r/spring/about-you?easy=1").await;
    assert_eq!(easy.status, StatusCode::OK);
    assert!(easy.body.contains("You can skip any question."));
    assert_eq!(
        app.get("/r/nowhere/about-you").await.status,
        StatusCode::NOT_FOUND
    );
}

#[actix_web::test]
async fn every_question_can_be_skipped_and_a_bad_answer_gets_an_error_summary() {
    let app = spawn_app().await;
    round(&app).await;
    let cards = app.codes("spring", 3).await;
    let mut real = Vec::new();
    for card in &cards {
        real.push(critique(&app, card).await);
    }
    // All skipped.
    let a = answer(&app, &format!("about_code={}", enc(&real[0]))).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("Thank you"));
    let a = answer(
        &app,
        &format!(
            "about_code={}&age=&ethnicity=&disability=prefer_not&care=",
            enc(&real[1])
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    // A value that is not offered: the form again, with a GOV.UK summary
    // linking to the question, and the good answers and the code kept; the
    // code is not spent.
    let a = answer(
        &app,
        &format!(
            "about_code={}&age=ancient&ethnicity=white&care=maybe",
            enc(&real[2])
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.body.contains("class=\"error-summary\""), "{}", a.body);
    assert!(a.body.contains("href=\"#age\"") && a.body.contains("href=\"#care\""));
    assert!(a.body.contains("<title>Error:"), "{}", a.body);
    assert!(a.body.contains("value=\"white\" checked"), "{}", a.body);
    assert!(a.body.contains(&format!("value=\"{}\"", real[2])));
    assert!(!a.body.contains("href=\"#about_code\""));
    assert_eq!(respondents(&app, "spring"), 2);
    // A body that is not a form: the form again, saying so.
    let a = collect(
        app.client
            .post(app.url("/r/spring/about-you"))
            .content_type("text/plain")
            .send_body("age=25_34"),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(a.body.contains("class=\"error-summary\""));
    // "About you" answers have a per-client bucket; an organisation's
    // changes share the admin bucket (routes as the route table writes them).
    assert_eq!(
        action_for(&awc::http::Method::POST, "/r/{round}/about-you"),
        Some(Action::AboutYou)
    );
    assert_eq!(
        action_for(
            &awc::http::Method::POST,
            "/api/v1/organisations/{organisation}/pledges"
        ),
        Some(Action::AdminAttempt)
    );
}

/// The "about you" code a confirmation page carries in its form's hidden
/// field.
fn carried_code(page: &str) -> String {
    let at = page
        .find("name=\"about_code\" value=\"")
        .unwrap_or_else(|| panic!("no about-you code in {page}"))
        + "name=\"about_code\" value=\"".len();
    page[at..at + page[at..].find('"').unwrap()].to_owned()
}

/// One critique through the JSON API: its "about you" code.
async fn critique(app: &TestApp, code: &str) -> String {
    let a = app
        .submit_json(
            "spring",
            json!({"code": code, "themes": ["leadership"], "text": "words", "quote_ok": true}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let about = a.json()["about_you_code"].as_str().unwrap().to_owned();
    assert!(AboutYouCode::parse(&about).is_some(), "{about}");
    about
}

/// Everybody counted so far in `round`, every period.
fn respondents(app: &TestApp, round: &str) -> u64 {
    app.store
        .about_you_of(round)
        .unwrap()
        .values()
        .map(|t| t.respondents)
        .sum()
}

/// A well-formed code nobody was given.
fn forged() -> String {
    AboutYouCode::generate(&ring::rand::SystemRandom::new())
        .unwrap()
        .display()
}

#[actix_web::test]
async fn the_confirmation_carries_a_one_time_code_in_a_form_never_in_an_address() {
    let app = spawn_app().await;
    round(&app).await;
    let codes = app.codes("spring", 2).await;
    let sent = app
        .submit_form(
            "spring",
            &format!("code={}&themes=leadership&text=words", enc(&codes[0])),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let about = carried_code(&sent.body);
    assert!(AboutYouCode::parse(&about).is_some(), "{about}");
    // Shown readably, so the person can come back with it typed.
    assert!(sent.body.contains(&format!("dir=\"ltr\">{about}</strong>")));
    // The button opens the form; the code is in no address on the page.
    assert!(sent
        .body
        .contains("action=\"/r/spring/about-you?show=yes\""));
    for attr in ["href=\"", "action=\"", "formaction=\""] {
        for (at, _) in sent.body.match_indices(attr) {
            let v = &sent.body[at + attr.len()..];
            let v = &v[..v.find('"').unwrap()];
            assert!(!v.contains(&about), "{v}");
        }
    }
    // Opening it stores nothing and keeps the code in the form.
    let opened = collect(
        app.client
            .post(app.url("/r/spring/about-you?show=yes"))
            .content_type("application/x-www-form-urlencoded")
            .send_body(format!("about_code={}", enc(&about))),
    )
    .await;
    assert_eq!(opened.status, StatusCode::OK);
    assert!(
        opened.body.contains(&format!("value=\"{about}\"")),
        "{}",
        opened.body
    );
    assert!(!opened.body.contains("error-summary"));
    assert_eq!(respondents(&app, "spring"), 0);
    // The Easy Read confirmation carries it too, and its switch keeps it.
    let easy = collect(
        app.client
            .post(app.url("/r/spring?easy=1"))
            .content_type("application/x-www-form-urlencoded")
            .send_body(format!(
                "code={}&themes=leadership&text=words",
                enc(&codes[1])
            )),
    )
    .await;
    let easy_code = carried_code(&easy.body);
    assert!(AboutYouCode::parse(&easy_code).is_some());
    assert_ne!(easy_code, about, "a fresh code for each critique");
    let switched = collect(
        app.client
            .post(app.url("/r/spring/receipt"))
            .content_type("application/x-www-form-urlencoded")
            .send_body(format!(
                "receipt=0000-0000-0000-0000-0000&about_code={}",
                enc(&easy_code)
            )),
    )
    .await;
    assert_eq!(carried_code(&switched.body), easy_code);
    // The paper form tells whoever types it in where the code appears.
    let paper = app.get("/r/spring/paper").await;
    assert!(
        paper
            .body
            .contains("shows a code for the optional questions"),
        "{}",
        paper.body
    );
}

crate::for_both_backends!(
    about_you_is_refused_without_a_good_code_and_a_code_works_once,
    twenty_answers_for_twelve_critiques_are_impossible,
    a_code_works_only_in_the_period_of_its_critique,
);

/// What the attacker of issue 16 tried: answers with no code, a forged
/// one, a card's code, a malformed one, and a real one twice.
async fn about_you_is_refused_without_a_good_code_and_a_code_works_once(backend: Backend) {
    let app = spawn_on(backend).await;
    round(&app).await;
    let cards = app.codes("spring", 2).await;
    let real = critique(&app, &cards[0]).await;
    let refused = [
        ("age=25_34&ethnicity=black".to_owned(), "Enter your code"),
        (
            format!("about_code={}&ethnicity=black", enc(&forged())),
            "This code does not work",
        ),
        (
            format!("about_code={}&ethnicity=black", enc(&cards[1])),
            "The code on your card does not work here",
        ),
        (
            "about_code=7KQ2-M9XD&ethnicity=black".to_owned(),
            "does not look right",
        ),
    ];
    for (body, says) in &refused {
        let a = answer(&app, body).await;
        assert!(a.status.is_client_error(), "{body}: {}", a.status);
        assert!(a.body.contains("class=\"error-summary\""), "{body}");
        assert!(a.body.contains("href=\"#about_code\""), "{body}");
        assert!(a.body.contains(says), "{body}: {}", a.body);
        // The answers typed are kept.
        assert!(a.body.contains("value=\"black\" checked"), "{body}");
    }
    assert_eq!(respondents(&app, "spring"), 0);
    let ok = answer(&app, &format!("about_code={}&age=25_34", enc(&real))).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert!(ok.body.contains("Thank you"));
    // Typed by hand: lower case and spaces read the same; still spent.
    let typed = real.to_lowercase().replace('-', " ");
    let again = answer(&app, &format!("about_code={}&age=80_plus", enc(&typed))).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN, "{}", again.body);
    assert!(again.body.contains("This code does not work"));
    assert!(again.body.contains("value=\"80_plus\" checked"));
    let counted = app.store.about_you_of("spring").unwrap();
    let tally = counted.values().next().unwrap();
    assert_eq!(tally.respondents, 1);
    assert_eq!(tally.count("age", "25_34"), 1);
    assert_eq!(tally.count("age", "80_plus"), 0);
    assert_eq!(app.store.about_you_codes_left().unwrap(), 0);
}

/// The numbers: one client posts 20 answers for a round of 12
/// critiques (every real code, and forged and reused ones besides), then
/// four forged answers beside one real one. Only the real ones count, and
/// what is published never shows more respondents than critiques.
async fn twenty_answers_for_twelve_critiques_are_impossible(backend: Backend) {
    let app = spawn_on(backend).await;
    round(&app).await;
    let cards = app.codes("spring", 13).await;
    let mut real = Vec::new();
    for card in &cards[..12] {
        real.push(critique(&app, card).await);
    }
    let mut accepted = 0;
    for i in 0..20 {
        let code = match i {
            0..=11 => real[i].clone(),
            12..=15 => real[i - 12].clone(),
            _ => forged(),
        };
        let a = answer(&app, &format!("about_code={}&ethnicity=black", enc(&code))).await;
        if a.status == StatusCode::OK {
            accepted += 1;
        }
    }
    assert_eq!(accepted, 12);
    assert_eq!(respondents(&app, "spring"), 12);
    // Four forged answers beside one real one: one respondent more.
    let last = critique(&app, &cards[12]).await;
    for _ in 0..4 {
        let a = answer(
            &app,
            &format!("about_code={}&ethnicity=white", enc(&forged())),
        )
        .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
    }
    answer(&app, &format!("about_code={}&ethnicity=white", enc(&last))).await;
    assert_eq!(respondents(&app, "spring"), 13);
    // Published: respondents never above critiques.
    app.clock.set(thursday() + Duration::days(4));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let release = &d["rounds"][0]["releases"][0];
    let about = &d["voices"][0]["about_you"];
    assert!(
        about["respondents"]["low"].as_u64().unwrap() <= release["total"]["low"].as_u64().unwrap(),
        "{about} vs {release}"
    );
    assert_eq!(about["respondents"], json!({"low": 10, "high": 19}));
    assert_eq!(
        about["questions"]["ethnicity"]["white"]["shown"],
        "fewer_than"
    );
}

/// A code is bound to its round and the period of its critique: once that
/// period has ended (and is sealed), the code no longer works, so answers
/// never reach a published period nor count against another period's
/// critiques.
async fn a_code_works_only_in_the_period_of_its_critique(backend: Backend) {
    let app = spawn_on(backend).await;
    round(&app).await;
    let cards = app.codes("spring", 6).await;
    let mut real = Vec::new();
    for card in &cards[..5] {
        real.push(critique(&app, card).await);
    }
    answer(&app, &format!("about_code={}", enc(&real[0]))).await;
    app.clock.set(thursday() + Duration::days(7));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    assert_eq!(d["voices"][0]["about_you"]["respondents"]["low"], 0);
    let late = answer(&app, &format!("about_code={}&care=yes", enc(&real[1]))).await;
    assert_eq!(late.status, StatusCode::FORBIDDEN, "{}", late.body);
    assert_eq!(respondents(&app, "spring"), 1);
    // This week's critique gets this week's code, which works.
    let now = critique(&app, &cards[5]).await;
    let a = answer(&app, &format!("about_code={}&care=yes", enc(&now))).await;
    assert_eq!(a.status, StatusCode::OK);
    let by_period = app.store.about_you_of("spring").unwrap();
    assert_eq!(
        by_period
            .iter()
            .map(|(p, t)| (p.as_str(), t.respondents))
            .collect::<Vec<_>>(),
        [("2026-11-23", 1), ("2026-11-30", 1)]
    );
}

/// Answers are durable at once, live in the epoch's sealed ingest area
/// until the epoch closes, and only then reach the main trees: as counts
/// per period and answer, never as one person's record, and no record
/// names a critique or, for a code, a period.
#[actix_web::test]
async fn answers_are_counted_at_once_and_rewritten_with_no_link_to_critiques() {
    // Epochs close as soon as a round has k (3) critiques in one.
    let app = spawn_app_with(|c| c.store.epochs.min_secs = 0).await;
    round(&app).await;
    let cards = app.codes("spring", 6).await;
    let mut real = Vec::new();
    for card in &cards[..3] {
        real.push(critique(&app, card).await);
    }
    app.store.rotate_epoch(thursday()).await.unwrap();
    for code in &real {
        answer(
            &app,
            &format!("about_code={}&age=25_34&care=yes", enc(code)),
        )
        .await;
    }
    // Counted (read back at once), but not yet in the rewritten trees:
    // their epoch has no critique yet.
    app.store.rotate_epoch(thursday()).await.unwrap();
    assert_eq!(respondents(&app, "spring"), 3);
    let rewritten = |app: &TestApp, name: &str| {
        app.store
            .voice_records()
            .unwrap()
            .into_iter()
            .filter(|(tree, _, _)| tree == name)
            .count()
    };
    assert_eq!(rewritten(&app, "about_you_counts"), 0);
    assert_eq!(
        rewritten(&app, "about_you_codes"),
        3,
        "made with their critiques"
    );
    for card in &cards[3..] {
        critique(&app, card).await;
    }
    app.store.rotate_epoch(thursday()).await.unwrap();
    // Respondents, age 25-34, care yes: three counters, not three records.
    assert_eq!(rewritten(&app, "about_you_counts"), 3);
    assert_eq!(
        rewritten(&app, "about_you_codes"),
        3,
        "the spent ones are gone"
    );
    assert_eq!(respondents(&app, "spring"), 3);

    let critique_ids: Vec<Vec<u8>> = app
        .store
        .sealed_records(
            &parrhesia::domain::Slug::parse("spring", "round").unwrap(),
            "2026-11-23",
        )
        .unwrap()
        .into_iter()
        .map(|(context, _)| {
            let id = context.trim_start_matches("critique/");
            parrhesia::encoding::from_hex(id.split('\0').next().unwrap()).unwrap()
        })
        .collect();
    assert_eq!(critique_ids.len(), 6);
    for (tree, key, value) in app.store.voice_records().unwrap() {
        let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        match tree.as_str() {
            "about_you_codes" => {
                assert_eq!(key.len(), 32, "a keyed hash");
                assert!(value.is_empty());
            }
            "about_you_counts" => {
                let key = String::from_utf8(key.clone()).unwrap();
                assert!(key.starts_with("spring\x002026-11-23\0"), "{key:?}");
                assert_eq!(value.len(), 8);
            }
            _ => continue,
        }
        for id in &critique_ids {
            assert!(!contains(&key, id) && !contains(&value, id));
        }
    }
}

#[actix_web::test]
async fn the_about_you_aggregate_is_published_only_for_sealed_periods_and_never_below_k() {
    let app = spawn_app().await;
    round(&app).await;
    // Five critiques: the least a period with k = 3 may publish.
    let cards = app.codes("spring", 5).await;
    let mut real = Vec::new();
    for card in &cards {
        real.push(critique(&app, card).await);
    }
    // 4 answers: 3 aged 25-34, 1 aged 80 or over (k = 3).
    for code in &real[..3] {
        answer(
            &app,
            &format!("about_code={}&age=25_34&ethnicity=black", enc(code)),
        )
        .await;
    }
    answer(&app, &format!("about_code={}&age=80_plus", enc(&real[3]))).await;
    // Open period: nothing published.
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    assert_eq!(d["voices"], json!([]));

    app.clock.set(thursday() + Duration::days(4));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    assert_eq!(respondents(&app, "spring"), 4);
    let about = &d["voices"][0]["about_you"];
    assert_eq!(about["respondents"], json!({"low": 0, "high": 9}));
    for (_, figures) in about["questions"].as_object().unwrap() {
        let mut hidden = 0;
        for (_, f) in figures.as_object().unwrap() {
            match f["shown"].as_str().unwrap() {
                "fewer_than" => {
                    assert_eq!(f["value"], 3);
                    hidden += 1;
                }
                "about" => assert!(f["value"].as_u64().unwrap() >= 3),
                other => panic!("{other}"),
            }
        }
        // Never exactly one hidden cell: it could be worked out.
        assert_ne!(hidden, 1, "{figures}");
    }
    assert_eq!(about["questions"]["age"]["80_plus"]["shown"], "fewer_than");
    let page = app.get("/o/care").await;
    assert!(page.body.contains("How old are you?"));
    assert!(page.body.contains("fewer than 3"));
}

#[actix_web::test]
async fn the_demo_seeds_about_you_answers() {
    let app = crate::helpers::spawn_app_with(|c| c.demo = true).await;
    // 14 answers in each of the three weeks the demo publishes, with the
    // codes of that week's critiques.
    let weeks = app.store.about_you_of("demo").unwrap();
    assert_eq!(weeks.len(), 3);
    assert!(weeks.values().all(|t| t.respondents == 14), "{weeks:?}");
    let d = app.get("/api/v1/organisations/demo/digest").await.json();
    let published = d["voices"].as_array().unwrap();
    assert!(!published.is_empty());
    for v in published {
        assert_eq!(v["about_you"]["respondents"]["low"], 10, "{v}");
        assert!(!v["quotes"].as_array().unwrap().is_empty(), "{v}");
    }
    let form = app.get("/r/demo/about-you").await;
    assert_eq!(form.status, StatusCode::OK);
}
