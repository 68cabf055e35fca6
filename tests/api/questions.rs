//! Questions beside free text (issue 20), through the real server: a
//! round with a rating (scale) and a choice question, from its creation
//! through JSON submissions and sealing to the digest as JSON, CSV, Atom
//! and page, on sled and on PostgreSQL; the admin API's checks and freeze;
//! every answer error the JSON API gives.

use crate::backends::{spawn_on, Backend};
use crate::helpers::{spawn_app, thursday, Answer, TestApp};
use awc::http::StatusCode;
use serde_json::{json, Value};
use time::Duration;

crate::for_both_backends!(a_round_with_questions_runs_from_creation_to_the_digest);

/// A rating (required, the default five-point scale) and a choice
/// (optional).
fn questions() -> Value {
    json!([
        {"id": "listened", "kind": "scale", "prompt": "How well did staff listen?", "required": true},
        {"id": "help", "kind": "choice", "prompt": "What helped most?",
         "options": [{"id": "time", "label": "Time"}, {"id": "kind", "label": "Kindness"},
                     {"id": "info", "label": "Information"}]}
    ])
}

/// An organisation `care` with the round `rated`: k = 2, exact counts,
/// periods of 3 or more publish, answers may come without text.
async fn round_with_questions(app: &TestApp) {
    let a = app
        .admin_post(
            "/api/v1/admin/organisations",
            json!({"slug": "care", "name": "Care services"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let a = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "rated", "organisation": "care", "title": "How did we listen?",
                   "min_group": 2, "rounding_base": 1, "min_period": 3,
                   "questions": questions(), "answers_without_text": true}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let round = a.json();
    assert_eq!(round["questions"][0]["id"], "listened");
    assert_eq!(round["questions"][1]["options"][2]["id"], "info");
    assert_eq!(round["answers_without_text"], true);
}

async fn send(app: &TestApp, code: &str, text: &str, answers: Value) -> Answer {
    let themes = if text.is_empty() {
        json!([])
    } else {
        json!(["leadership"])
    };
    app.submit_json(
        "rated",
        json!({"code": code, "themes": themes, "text": text, "answers": answers}),
    )
    .await
}

/// The figure an option of a question's newest release shows.
fn option<'a>(q: &'a Value, id: &str) -> &'a Value {
    q["releases"][0]["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .unwrap()
}

/// No subtraction recovers a hidden cell: a release whose only hidden cell
/// sits among exact numbers (rounding base 1) with the number who answered
/// stated would give it away, so another cell must be withheld (or the
/// number not stated). The disclosure module's proptests check the
/// general case; this checks the figures the server really published.
fn no_hidden_cell_is_derivable(q: &Value) {
    for r in q["releases"].as_array().unwrap() {
        let mut cells: Vec<&Value> = r["options"].as_array().unwrap().iter().collect();
        if !r["no_answer"].is_null() {
            cells.push(&r["no_answer"]);
        }
        let hidden = cells.iter().filter(|c| c["shown"] == "fewer_than").count();
        let unknown = cells.iter().filter(|c| c["shown"] != "about").count();
        if hidden == 1 {
            // One hidden cell, every other an exact number (base 1) and
            // the total stated: it would follow by subtraction.
            assert!(
                unknown > 1 || r["respondents"].is_null(),
                "a hidden cell can be derived: {r}"
            );
        }
    }
}

async fn a_round_with_questions_runs_from_creation_to_the_digest(backend: Backend) {
    let app = spawn_on(backend).await;
    round_with_questions(&app).await;
    let codes = app.codes("rated", 12).await;
    // Week of 23 November: eight submissions, one of them answers alone.
    let given = [
        (
            "They listened.",
            json!({"listened": "well", "help": "time"}),
        ),
        (
            "They listened.",
            json!({"listened": "well", "help": "time"}),
        ),
        ("Good.", json!({"listened": "well", "help": "time"})),
        ("Good.", json!({"listened": "well", "help": ["time"]})),
        (
            "Very good.",
            json!({"listened": "very-well", "help": "kind"}),
        ),
        (
            "Very good.",
            json!({"listened": "very-well", "help": "kind"}),
        ),
        ("", json!({"listened": "very-well", "help": "time"})),
        (
            "Nobody listened to me at all.",
            json!({"listened": "badly"}),
        ),
    ];
    for ((text, answers), code) in given.iter().zip(&codes) {
        let a = send(&app, code, text, answers.clone()).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    // Questions are frozen once the round is open: only their words change.
    let mut reworded = questions();
    reworded[0]["prompt"] = json!("How well did the staff listen to you?");
    let a = app
        .admin_patch("/api/v1/admin/rounds/rated", json!({"questions": reworded}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let mut changed = questions();
    changed[1]["options"][2]["id"] = json!("leaflets");
    let a = app
        .admin_patch("/api/v1/admin/rounds/rated", json!({"questions": changed}))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(a.json()["error"], "questions_locked", "{}", a.body);
    assert_eq!(a.json()["field"], "questions[1]", "{}", a.body);

    // The next week: the period is sealed when the digest is read.
    app.clock.set(thursday() + Duration::days(7));
    let d = app.get("/api/v1/organisations/care/digest").await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    let d = d.json();
    let round = &d["rounds"][0];
    assert_eq!(round["releases"][0]["id"], "2026-11-23", "{d}");
    let listened = &round["questions"][0];
    assert_eq!(listened["id"], "listened");
    assert_eq!(listened["kind"], "scale");
    assert_eq!(listened["prompt"], "How well did the staff listen to you?");
    let release = &listened["releases"][0];
    assert_eq!(release["id"], "2026-11-23", "{listened}");
    assert_eq!(release["periods"], json!(["2026-11-23"]));
    // The frequent answers are shown as numbers (k = 2, exact counts).
    assert_eq!(option(listened, "well")["shown"], "about", "{listened}");
    assert_eq!(option(listened, "well")["value"], 4, "{listened}");
    // One person said "badly": never shown as a number.
    assert_ne!(option(listened, "badly")["shown"], "about", "{listened}");
    no_hidden_cell_is_derivable(listened);
    let help = &round["questions"][1];
    assert_eq!(option(help, "time")["shown"], "about", "{help}");
    assert_eq!(option(help, "time")["value"], 5, "{help}");
    // "Information" chosen by nobody: below k, hidden like any small group.
    assert_ne!(option(help, "info")["shown"], "about", "{help}");
    no_hidden_cell_is_derivable(help);
    // The exact counts of hidden cells appear nowhere in the published
    // digest: the sealed record holds only what is shown.
    let sealed = app.store.all_sealed_periods().unwrap();
    assert_eq!(sealed.len(), 1);
    let frozen: Value = serde_json::from_str(&sealed[0].digest_json).unwrap();
    assert_eq!(frozen["questions"].as_array().unwrap().len(), 2, "{frozen}");
    assert_eq!(frozen["totals"]["critiques"], 8);
    // A hidden cell is frozen as "fewer than k" (its value is k), never
    // its count.
    for q in frozen["questions"].as_array().unwrap() {
        for o in q["options"].as_array().unwrap() {
            if o["shown"] != "about" {
                assert!(o["value"].is_null() || o["value"] == 2, "{o}");
            }
        }
    }
    let hidden = option(listened, "badly");
    assert_eq!(
        (&hidden["shown"], &hidden["value"]),
        (&json!("fewer_than"), &json!(2))
    );
    assert_eq!(release["respondents"], 8);
    assert_eq!(
        release["summary"],
        json!({"says": "about", "n": 7, "of": 8, "labels": ["Well", "Very well"]})
    );

    // The same figures as CSV, a file of its own.
    let csv = app.get("/o/care/digest-questions.csv").await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    let mut lines = csv.body.lines();
    assert_eq!(
        lines.next().unwrap(),
        "organisation,round,question,release,periods,label,respondents,option,option_label,shown,value,trend"
    );
    let well = csv
        .body
        .lines()
        .find(|l| l.contains("\"listened\"") && l.contains("\"well\""))
        .unwrap();
    assert!(well.ends_with(",about,4,"), "{well}");
    let badly = csv
        .body
        .lines()
        .find(|l| l.contains("\"listened\"") && l.contains("\"badly\""))
        .unwrap();
    assert!(!badly.contains(",about,"), "{badly}");
    // The digest's own CSV keeps its columns.
    let themes_csv = app.get("/o/care/digest.csv").await;
    assert!(themes_csv.body.starts_with(
        "organisation,round,release,periods,label,total,theme,theme_label,shown,value,trend,fewer_than\r\n"
    ));
    // The Atom entry says the plain-language lines.
    let atom = app.get("/o/care/digest.atom").await;
    assert!(
        atom.body.contains(
            "How well did the staff listen to you? About 7 of 8 people said 'Well' or \
             'Very well'. What helped most? About 5 of 8 people said 'Time'."
        ),
        "{}",
        atom.body
    );
    // The page shows each question after the themes, with its chart.
    let page = app.get("/o/care").await;
    assert_eq!(page.status, StatusCode::OK);
    let themes_at = page.body.find("h-rated-2026-11-23").unwrap_or(0);
    let question_at = page.body.find("h-q-rated-listened").unwrap();
    assert!(question_at > themes_at, "questions come after the themes");
    assert!(page.body.contains("How well did the staff listen to you?"));
    assert!(page.body.contains("/o/care/digest-questions.csv"));

    // Two small weeks: the first (two people) rolls, for every question
    // as for the themes; the second is released with it.
    for (code, rating) in codes[8..10].iter().zip(["well", "well"]) {
        let a = send(&app, code, "Fine.", json!({"listened": rating})).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock.set(thursday() + Duration::days(14));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let releases = d["rounds"][0]["questions"][0]["releases"]
        .as_array()
        .unwrap();
    assert_eq!(releases.len(), 1, "the small week rolled: {d}");
    for (code, rating) in codes[10..12].iter().zip(["very-well", "well"]) {
        let a = send(&app, code, "Fine.", json!({"listened": rating})).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock.set(thursday() + Duration::days(21));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let listened = &d["rounds"][0]["questions"][0];
    let newest = &listened["releases"][0];
    assert_eq!(
        newest["periods"],
        json!(["2026-11-30", "2026-12-07"]),
        "{listened}"
    );
    assert_eq!(newest["respondents"], 4, "{listened}");
    // Three of four said "well": the one other is fewer than k, so "well"
    // is "almost everyone", not 3 (which would show the other).
    assert_eq!(option(listened, "well")["shown"], "almost_everyone");
    assert_eq!(
        newest["summary"],
        json!({"says": "almost_everyone", "label": "Well"})
    );
    // "Very well": one person this time, so hidden, and no trend (trends
    // are only between numbers).
    assert_eq!(option(listened, "very-well")["shown"], "fewer_than");
    assert!(option(listened, "very-well")["trend"].is_null());
    assert!(option(listened, "well")["trend"].is_null());
    no_hidden_cell_is_derivable(listened);
    // "What helped most?" nobody answered in these weeks: too few, it
    // keeps waiting (nothing shown for it).
    let help = &d["rounds"][0]["questions"][1];
    assert_eq!(help["releases"].as_array().unwrap().len(), 1, "{help}");
    // The auditor's checks hold for a round with questions and answers
    // without text: the themes' roll (two too few, then merged with the
    // next two) is recomputed from the logged totals, while each question
    // rolls on its own.
    let published = parrhesia::audit::fetch::fetch(&app.address).await.unwrap();
    let report = parrhesia::audit::verify::verify(&published);
    assert!(report.ok(), "{}", report.render());
    for roll in [
        "rated 2026-11-30: too few to release, as logged: 2 critiques",
        "rated 2026-12-07: the release covers 2026-11-30, 2026-12-07",
    ] {
        assert!(
            report.checks.iter().any(|c| c.what.starts_with(roll)),
            "{roll}:\n{}",
            report.render()
        );
    }
}

/// A round with the two questions, open, and `n` codes for it.
async fn open_round(n: usize) -> (TestApp, Vec<String>) {
    let app = spawn_app().await;
    round_with_questions(&app).await;
    let codes = app.codes("rated", n).await;
    (app, codes)
}

#[actix_web::test]
async fn every_answer_problem_has_its_code_and_field() {
    let (app, codes) = open_round(1).await;
    let code = &codes[0];
    let cases = [
        (
            json!({"listened": "superb"}),
            "answer_option_unknown",
            "answers.listened",
        ),
        (
            json!({"listened": "well", "help": ["time", "kind"]}),
            "answer_too_many",
            "answers.help",
        ),
        (
            json!({"help": "time"}),
            "answer_missing",
            "answers.listened",
        ),
        (
            json!({"listened": "well", "mood": "happy"}),
            "answer_question_unknown",
            "answers",
        ),
    ];
    for (answers, error, field) in cases {
        let a = send(&app, code, "Some words.", answers.clone()).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
        let body = a.json();
        assert_eq!(body["error"], error, "{answers}: {}", a.body);
        assert_eq!(body["field"], field, "{answers}: {}", a.body);
        assert!(
            body["message"].as_str().unwrap().contains("answers"),
            "{}",
            a.body
        );
    }
    // Several problems at once: each listed with its own field.
    let a = send(
        &app,
        code,
        "",
        json!({"listened": "superb", "help": "nope"}),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let fields: Vec<String> = a.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(fields, ["answers.listened", "answers.help"], "{}", a.body);
    // Nothing was stored, the code is unspent: a good submission works.
    assert_eq!(app.stored(), (0, 0));
    let a = send(&app, code, "", json!({"listened": "well"})).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    assert_eq!(app.stored(), (1, 1));
}

#[actix_web::test]
async fn answers_without_text_only_where_the_round_allows_it() {
    let (app, codes) = open_round(2).await;
    // Allowed in this round, but not with no answer at all.
    let a = send(&app, &codes[0], "", json!({})).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    // A round that does not allow it wants text.
    let a = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "worded", "organisation": "care", "title": "Words",
                   "questions": questions()}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let code = app.codes("worded", 1).await.remove(0);
    let a = app
        .submit_json(
            "worded",
            json!({"code": code, "themes": [], "text": "", "answers": {"listened": "well"}}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let body = a.json();
    let codes_of: Vec<&str> = match body["errors"].as_array() {
        Some(all) => all.iter().map(|e| e["error"].as_str().unwrap()).collect(),
        None => vec![body["error"].as_str().unwrap()],
    };
    assert!(codes_of.contains(&"text_empty"), "{}", a.body);
}

#[actix_web::test]
async fn the_admin_api_reports_every_question_problem_with_its_path() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let bad = json!([
        {"id": "Bad Id", "kind": "scale", "prompt": "Fine?"},
        {"id": "pick", "kind": "dial", "prompt": ""},
    ]);
    let a = app
        .admin_patch("/api/v1/admin/rounds/spring", json!({"questions": bad}))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    let body = a.json();
    let fields: Vec<String> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert!(fields.contains(&"questions[0].id".to_owned()), "{fields:?}");
    assert!(
        fields.contains(&"questions[1].kind".to_owned()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"questions[1].prompt".to_owned()),
        "{fields:?}"
    );
    // A good list is kept and shown; before opening it may change freely.
    let a = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"questions": questions(), "answers_without_text": true}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let round = app.admin_get("/api/v1/admin/rounds/spring").await.json();
    assert_eq!(round["questions"].as_array().unwrap().len(), 2, "{round}");
    assert_eq!(round["answers_without_text"], true);
    // Once open, whether answers may come alone is fixed.
    app.codes("spring", 1).await;
    let a = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"answers_without_text": false}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(a.json()["error"], "answers_without_text_locked");
}

/// Answers are stored only inside the sealed critique record: the fields
/// kept in clear beside it (and the context it is bound to) say nothing of
/// them, and the record opened with the period's key holds them.
#[actix_web::test]
async fn answers_are_kept_only_inside_the_sealed_record() {
    use parrhesia::secrets::keys::KeyDir;
    use parrhesia::secrets::vault::Vault;
    let (app, codes) = open_round(2).await;
    let a = send(
        &app,
        &codes[0],
        "Words.",
        json!({"listened": "very-badly", "help": "info"}),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let a = send(&app, &codes[1], "", json!({"listened": "neither"})).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let round = parrhesia::domain::Slug::parse("rated", "round").unwrap();
    let sealed = app.store.sealed_records(&round, "2026-11-23").unwrap();
    assert_eq!(sealed.len(), 2);
    let keys = KeyDir::open(&app.dirs.path().join("keys"), &app.dirs.path().join("data")).unwrap();
    let vault = Vault::load(&keys).unwrap();
    let mut opened: Vec<Value> = Vec::new();
    for (context, s) in &sealed {
        for clear in [context.as_str(), s.key.as_str(), s.nonce.as_str()] {
            for word in ["answers", "very-badly", "neither", "info", "listened"] {
                assert!(!clear.contains(word), "{word} in clear: {clear}");
            }
        }
        opened.push(serde_json::from_slice(&vault.unseal(s, context).unwrap()).unwrap());
    }
    opened.sort_by_key(|r| r["text"].as_str().unwrap().to_owned());
    assert_eq!(opened[0]["text"], "");
    assert_eq!(opened[0]["answers"], json!({"listened": "neither"}));
    assert_eq!(
        opened[1]["answers"],
        json!({"listened": "very-badly", "help": "info"})
    );
}
