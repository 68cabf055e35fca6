//! "About you" (unlinked): an optional form after sending, every question
//! skippable, GOV.UK error summary without JavaScript, stored at once in
//! the mixing epoch and rewritten in key order into its own tree with
//! nothing shared with critiques, and
//! published only as per-period totals where no cell is below k.

use crate::helpers::{collect, enc, spawn_app, spawn_app_with, thursday, Answer, TestApp};
use awc::http::StatusCode;
use parrhesia::http::ratelimit::{action_for, Action};
use serde_json::{json, Value};
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
async fn the_form_is_offered_after_sending_with_nothing_that_ties_it_to_the_critique() {
    let app = spawn_app().await;
    round(&app).await;
    let code = app.codes("spring", 1).await.remove(0);
    let sent = app
        .submit_form(
            "spring",
            &format!(
                "code={}&themes=leadership&text={}",
                enc(&code),
                enc("Too few meetings.")
            ),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    // The link is the round's own address: the same for everybody.
    assert!(
        sent.body.contains("href=\"/r/spring/about-you\""),
        "{}",
        sent.body
    );

    let form = app.get("/r/spring/about-you").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.headers.get("set-cookie").is_none());
    assert!(!form.body.contains("<script"));
    assert!(form.body.contains("type=\"radio\" name=\"age\""));
    assert!(form.body.contains("Mixed or multiple ethnic groups"));
    // Nothing hidden rides along with the answers.
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
    // All skipped.
    let a = answer(&app, "").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("Thank you"));
    let a = answer(&app, "age=&ethnicity=&disability=prefer_not&care=").await;
    assert_eq!(a.status, StatusCode::OK);
    // A value that is not offered: the form again, with a GOV.UK summary
    // linking to the question, and the good answers kept.
    let a = answer(&app, "age=ancient&ethnicity=white&care=maybe").await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.body.contains("class=\"error-summary\""), "{}", a.body);
    assert!(a.body.contains("href=\"#age\"") && a.body.contains("href=\"#care\""));
    assert!(a.body.contains("<title>Error:"), "{}", a.body);
    assert!(a.body.contains("value=\"white\" checked"), "{}", a.body);
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

/// Answers are durable at once (no batch held in memory to lose), live in
/// the epoch's sealed ingest area until the epoch closes, and only then
/// reach the `about_you` tree.
#[actix_web::test]
async fn answers_are_stored_at_once_and_rewritten_with_no_link_to_critiques() {
    // Epochs close as soon as a round has k (3) critiques in one.
    let app = spawn_app_with(|c| c.store.epochs.min_secs = 0).await;
    round(&app).await;
    let codes = app.codes("spring", 6).await;
    let critique = |code: &String| json!({"code": code, "themes": ["leadership"], "text": "words", "quote_ok": true});
    for code in &codes[..3] {
        app.submit_json("spring", critique(code)).await;
    }
    for _ in 0..3 {
        answer(&app, "age=25_34&care=yes").await;
    }
    // Stored (read back at once), but not yet in the rewritten tree: their
    // epoch has no critique yet. (Rotating waits for the rewrite of the
    // epoch the three critiques closed.)
    app.store.rotate_epoch(thursday()).await.unwrap();
    assert_eq!(app.store.about_you_records().unwrap().len(), 3);
    let rewritten = |app: &TestApp| {
        app.store
            .voice_records()
            .unwrap()
            .into_iter()
            .filter(|(tree, _, _)| tree == "about_you")
            .count()
    };
    assert_eq!(rewritten(&app), 0);
    for code in &codes[3..] {
        app.submit_json("spring", critique(code)).await;
    }
    app.store.rotate_epoch(thursday()).await.unwrap();
    assert_eq!(rewritten(&app), 3);
    assert_eq!(app.store.about_you_records().unwrap().len(), 3);

    // What is stored: round, organisation, period, answers; nothing else,
    // and nothing shared with any critique.
    let critique_ids: Vec<String> = app
        .store
        .sealed_records(
            &parrhesia::domain::Slug::parse("spring", "round").unwrap(),
            "2026-11-23",
        )
        .unwrap()
        .into_iter()
        .map(|(context, _)| {
            let id = context.trim_start_matches("critique/");
            id.split('\0').next().unwrap().to_owned()
        })
        .collect();
    assert_eq!(critique_ids.len(), 6);
    for (tree, key, value) in app.store.voice_records().unwrap() {
        if tree != "about_you" {
            continue;
        }
        assert_eq!(key.len(), 16);
        let hex = parrhesia::encoding::hex(&key);
        assert!(!critique_ids.contains(&hex));
        let v: Value = serde_json::from_slice(&value).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["answers", "organisation", "period", "round"]);
        let text = String::from_utf8_lossy(&value);
        for id in &critique_ids {
            assert!(!text.contains(id.as_str()));
        }
    }
}

#[actix_web::test]
async fn the_about_you_aggregate_is_published_only_for_sealed_periods_and_never_below_k() {
    let app = spawn_app().await;
    round(&app).await;
    // Five critiques: the least a period with k = 3 may publish.
    let codes = app.codes("spring", 5).await;
    for code in &codes {
        app.submit_json(
            "spring",
            json!({"code": code, "themes": ["leadership"], "text": "words"}),
        )
        .await;
    }
    // 4 answers: 3 aged 25-34, 1 aged 80 or over (k = 3).
    for _ in 0..3 {
        answer(&app, "age=25_34&ethnicity=black").await;
    }
    answer(&app, "age=80_plus").await;
    // Open period: nothing published.
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    assert_eq!(d["voices"], json!([]));

    app.clock.set(thursday() + Duration::days(4));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    // Forced out of the epoch at sealing.
    assert_eq!(app.store.about_you_records().unwrap().len(), 4);
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
    // 14 answers in each of the three weeks the demo publishes, forced out
    // of the epoch when each week was sealed.
    assert_eq!(app.store.about_you_records().unwrap().len(), 42);
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
