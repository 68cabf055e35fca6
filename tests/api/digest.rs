//! The digest under disclosure control (guarantee 4), end to end: counts
//! below k hidden, rounding, totals as bands, "almost everyone", periods
//! rolling into the next, rules that cannot loosen after opening, and every
//! form of the digest (page, JSON, CSV, Atom, host-wide themes) agreeing and
//! never showing the open period. Time is injected.

use crate::helpers::{spawn_app, thursday, TestApp};
use awc::http::StatusCode;
use serde_json::{json, Value};
use time::Duration;

/// Submit one critique per theme list, each with a fresh code.
async fn submit_all(app: &TestApp, round: &str, critiques: &[Vec<&str>]) {
    let codes = app.codes(round, critiques.len()).await;
    for (code, themes) in codes.iter().zip(critiques) {
        let a = app
            .submit_json(
                round,
                json!({"code": code, "themes": themes, "text": "words"}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
}

/// 30 critiques: money-and-time 27 (almost everyone: 3 did not choose it),
/// information 17 (shown as 15), leadership 3 (fewer than 5).
fn week_of_thirty() -> Vec<Vec<&'static str>> {
    (0..30)
        .map(|i| {
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
            t
        })
        .collect()
}

fn theme<'a>(release: &'a Value, slug: &str) -> &'a Value {
    release["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["slug"] == slug)
        .unwrap_or_else(|| panic!("{slug} in {release}"))
}

/// Every published form of `org`'s digest, concatenated, to search for
/// what must never appear.
async fn every_form(app: &TestApp, org: &str) -> String {
    let mut all = String::new();
    for path in [
        format!("/o/{org}"),
        format!("/o/{org}?easy=1"),
        format!("/api/v1/organisations/{org}/digest"),
        format!("/o/{org}/digest.csv"),
        format!("/o/{org}/digest.atom"),
        "/digests.atom".to_owned(),
        "/themes".to_owned(),
        "/api/v1/themes".to_owned(),
    ] {
        let a = app.get(&path).await;
        assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.body);
        all.push_str(&a.body);
    }
    all
}

#[actix_web::test]
async fn disclosure_is_applied_end_to_end_and_the_open_period_never_appears() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    submit_all(&app, "spring", &week_of_thirty()).await;

    // While week 48 is open nothing is published anywhere.
    let open = app.get("/api/v1/organisations/care/digest").await.json();
    assert_eq!(open["rounds"][0]["releases"], json!([]));
    assert!(app
        .get("/o/care")
        .await
        .body
        .contains("Nothing has been published yet"));
    let all = every_form(&app, "care").await;
    assert!(
        !all.contains("2026-11-23") && !all.contains("Week 48"),
        "{all}"
    );

    // Week 49: week 48 has ended; three critiques arrive in the open week.
    app.clock.set(thursday() + Duration::days(7));
    submit_all(
        &app,
        "spring",
        &[vec!["leadership"], vec!["leadership"], vec!["information"]],
    )
    .await;
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let releases = d["rounds"][0]["releases"].as_array().unwrap();
    assert_eq!(releases.len(), 1, "only the ended week: {d}");
    let r = &releases[0];
    assert_eq!(r["id"], "2026-11-23");
    assert_eq!(r["periods"], json!(["2026-11-23"]));
    assert_eq!(r["total"], json!({"low": 20, "high": 49, "label": "20-49"}));
    assert_eq!(theme(r, "money-and-time")["shown"], "almost_everyone");
    assert_eq!(theme(r, "information")["shown"], "about");
    assert_eq!(theme(r, "information")["value"], 15, "17 rounded to 5");
    assert_eq!(theme(r, "leadership")["shown"], "fewer_than");
    assert_eq!(theme(r, "leadership")["value"], 5);
    assert_eq!(theme(r, "whose-voices")["shown"], "fewer_than");
    assert_eq!(
        r["themes"][0]["slug"], "money-and-time",
        "ranked: almost everyone first"
    );
    assert_eq!(r["themes"][1]["slug"], "information");
    assert_eq!(
        d["rounds"][0]["rules"],
        json!({"k": 5, "base": 5, "min_period": 10})
    );
    assert!(
        !d.to_string().contains("17") && !d.to_string().contains("27"),
        "{d}"
    );

    // The open week (2026-11-30, week 49) appears in no form.
    let all = every_form(&app, "care").await;
    assert!(all.contains("Week 48 of 2026"));
    assert!(
        !all.contains("2026-11-30") && !all.contains("Week 49"),
        "{all}"
    );
}

#[actix_web::test]
async fn a_small_period_rolls_into_the_next_release_and_trends_need_both_sides() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    // Week 48: 6 critiques, fewer than min_period (10): it rolls.
    submit_all(&app, "spring", &vec![vec!["information"]; 6]).await;
    app.clock.set(thursday() + Duration::days(7));
    // Week 49: 8 more (1 information, 3 leadership, 4 whose-voices).
    let mut w49 = vec![vec!["information"]; 1];
    w49.extend(vec![vec!["leadership"]; 3]);
    w49.extend(vec![vec!["whose-voices"]; 4]);
    submit_all(&app, "spring", &w49).await;
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    assert_eq!(
        d["rounds"][0]["releases"],
        json!([]),
        "week 48 alone is never published"
    );
    assert!(!app.get("/o/care").await.body.contains("Week 48"));

    // Week 50: weeks 48 and 49 are released together (14 critiques).
    app.clock.set(thursday() + Duration::days(14));
    let mut w50: Vec<Vec<&str>> = vec![vec!["information"]; 12];
    w50.extend(vec![vec!["leadership"]; 8]);
    submit_all(&app, "spring", &w50).await;
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let releases = d["rounds"][0]["releases"].as_array().unwrap().clone();
    assert_eq!(releases.len(), 1, "{d}");
    let merged = &releases[0];
    assert_eq!(merged["periods"], json!(["2026-11-23", "2026-11-30"]));
    assert_eq!(merged["id"], "2026-11-30");
    assert_eq!(merged["total"]["label"], "10-19");
    assert_eq!(theme(merged, "information")["shown"], "about");
    assert_eq!(theme(merged, "information")["value"], 5, "7 rounded");
    assert_eq!(theme(merged, "leadership")["shown"], "fewer_than");
    assert!(merged["themes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["trend"].is_null()));
    let label = merged["label"].as_str().unwrap();
    assert!(
        label.starts_with("Week 48 of 2026") && label.contains("to week 49"),
        "{label}"
    );
    let page = app.get("/o/care").await.body;
    assert!(
        page.contains("Weeks 48 to 49 of 2026 (23 November to 6 December)"),
        "labelled with its range"
    );

    // Week 51: week 50 (20 critiques) is released on its own; information
    // is shown on both sides (5, then 10: a trend of +5), leadership was
    // hidden before, so it has no trend.
    app.clock.set(thursday() + Duration::days(21));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let releases = d["rounds"][0]["releases"].as_array().unwrap().clone();
    assert_eq!(releases.len(), 2, "{d}");
    let latest = &releases[0];
    assert_eq!(latest["periods"], json!(["2026-12-07"]));
    assert_eq!(theme(latest, "information")["value"], 10);
    assert_eq!(theme(latest, "information")["trend"], 5);
    assert_eq!(theme(latest, "leadership")["value"], 10, "8 rounded");
    assert_eq!(
        theme(latest, "leadership")["trend"],
        json!(null),
        "hidden before"
    );
    assert!(app.get("/o/care").await.body.contains("up 5"));
}

#[actix_web::test]
async fn disclosure_rules_are_set_at_creation_and_cannot_be_loosened_after_opening() {
    let app = spawn_app().await;
    let a = app
        .admin_post(
            "/api/v1/admin/organisations",
            json!({"slug": "care", "name": "Care"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED);
    let a = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "spring", "organisation": "care", "title": "T",
                   "min_group": 6, "rounding_base": 10, "min_period": 20}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    assert_eq!(
        a.json()["rules"],
        json!({"k": 6, "base": 10, "min_period": 20})
    );
    let bad = app
        .admin_post(
            "/api/v1/admin/rounds",
            json!({"slug": "autumn", "organisation": "care", "title": "T",
                   "min_group": 6, "min_period": 8}),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.json()["error"], "rules_invalid");

    // Before opening: anything valid, looser included.
    let path = "/api/v1/admin/rounds/spring";
    let a = app.admin_patch(path, json!({"rounding_base": 5})).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.json()["rules"]["base"], 5);

    // The first codes open the round: from now on, only stricter.
    app.codes("spring", 1).await;
    for loosen in [
        json!({"rounding_base": 1}),
        json!({"min_period": 19}),
        json!({"min_group": 8, "rounding_base": 2}),
    ] {
        let a = app.admin_patch(path, loosen.clone()).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{loosen}");
        assert_eq!(a.json()["error"], "rules_loosened", "{loosen}");
        assert!(a.json()["message"].as_str().unwrap().contains("stricter"));
    }
    let a = app.admin_patch(path, json!({"min_group": 4})).await;
    assert_eq!(a.json()["error"], "min_group_lowered");
    let a = app
        .admin_patch(
            path,
            json!({"min_group": 7, "rounding_base": 10, "min_period": 25}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        a.json()["rules"],
        json!({"k": 7, "base": 10, "min_period": 25})
    );
    assert_eq!(a.json()["min_group"], 7);
    let round = app.admin_get(path).await.json();
    assert_eq!(
        round["rules"],
        json!({"k": 7, "base": 10, "min_period": 25})
    );
}

#[actix_web::test]
async fn page_json_csv_and_atom_show_the_same_figures() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    submit_all(&app, "spring", &week_of_thirty()).await;
    app.clock.set(thursday() + Duration::days(7));
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let r = &d["rounds"][0]["releases"][0];
    let page = app.get("/o/care").await.body;
    let easy = app.get("/o/care?easy=1").await.body;
    let csv = app.get("/o/care/digest.csv").await;
    assert!(csv
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "organisation,round,release,periods,label,total,theme,theme_label,shown,value,trend,fewer_than"
    );
    let themes = r["themes"].as_array().unwrap();
    assert_eq!(lines.len(), 1 + themes.len());

    // The chart: an image with a title and a description listing every value.
    let svg_at = page.find("<svg").unwrap();
    let svg = &page[svg_at..page[svg_at..].find("</svg>").unwrap() + svg_at];
    assert!(svg.contains(r#"role="img""#) && svg.contains("<title"));
    let desc = &svg[svg.find("<desc").unwrap()..svg.find("</desc>").unwrap()];
    let table_at = page[svg_at..].find("<table").unwrap() + svg_at;
    let table = &page[table_at..];

    for (t, line) in themes.iter().zip(&lines[1..]) {
        let label = t["label"].as_str().unwrap();
        let text = match t["shown"].as_str().unwrap() {
            "fewer_than" => format!("fewer than {}", t["value"]),
            "about" => t["value"].to_string(),
            _ => "almost everyone".to_owned(),
        };
        assert!(
            desc.contains(&format!("{label}: {text}")),
            "{label} in the chart"
        );
        let row_at = table.find(&format!(">{label}<")).unwrap();
        let row = &table[row_at..row_at + table[row_at..].find("</tr>").unwrap()];
        assert!(row.contains(&format!(">{text}<")), "{label}: {row}");
        assert!(
            easy.contains(&format!(">{text}<")),
            "Easy Read shows {text}"
        );
        // CSV rows are in the same (ranked) order as the JSON.
        // Only a published number is a value; "fewer than" says k apart.
        let (value, fewer) = match t["shown"].as_str().unwrap() {
            "almost_everyone" => (String::new(), String::new()),
            "fewer_than" => (String::new(), t["value"].to_string()),
            _ => (t["value"].to_string(), String::new()),
        };
        let expected = format!(
            "\"care\",\"spring\",\"2026-11-23\",\"2026-11-23\",\"{}\",\"20-49\",\"{}\",\"{label}\",{},{value},,{fewer}",
            r["label"].as_str().unwrap(),
            t["slug"].as_str().unwrap(),
            t["shown"].as_str().unwrap(),
        );
        assert_eq!(*line, expected);
    }

    // Atom: well-formed, one entry per release, ids no finer than a period.
    for path in ["/o/care/digest.atom", "/digests.atom"] {
        let a = app.get(path).await;
        assert!(a
            .headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml"));
        let doc = roxmltree::Document::parse(&a.body).expect("well-formed Atom");
        let entries: Vec<_> = doc
            .root_element()
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(entries.len(), 1, "{path}");
        let child = |tag: &str| {
            entries[0]
                .children()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .unwrap()
                .to_owned()
        };
        assert_eq!(child("id"), "urn:parrhesia:digest:care:spring:2026-11-23");
        assert_eq!(
            child("updated"),
            "2026-11-29T23:59:59Z",
            "the end of the period"
        );
        let summary = child("summary");
        assert!(
            summary.contains("Information and communication: 15"),
            "{summary}"
        );
        assert!(summary.contains("Leadership and vision: fewer than 5"));
        assert!(summary.contains("Money, time and resources: almost everyone"));
    }
}

#[actix_web::test]
async fn cross_organisation_noise_is_drawn_once_stored_and_stable() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    app.setup_round("council", "autumn", 5).await;
    submit_all(&app, "spring", &week_of_thirty()).await;
    submit_all(&app, "autumn", &week_of_thirty()).await;
    app.clock.set(thursday() + Duration::days(7));
    let first = app.get("/api/v1/themes").await.json();
    for _ in 0..3 {
        assert_eq!(app.get("/api/v1/themes").await.json(), first, "no re-draw");
    }
    assert_eq!(first["sources"].as_array().unwrap().len(), 2);
    assert_eq!(first["noise"][0]["epsilon"], 1.0);
    assert_eq!(first["noise"][0]["sensitivity"], 3);
    // The value is the sum of the published figures plus the stored draws.
    let info = first["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["slug"] == "information")
        .unwrap();
    assert_eq!(info["counted"], 2);
    let mut drawn = 0i64;
    for round in ["spring", "autumn"] {
        let n = app
            .store
            .noise(round, "2026-11-23")
            .unwrap()
            .expect("stored");
        assert_eq!(n.epsilon, 1.0);
        drawn += n.draws["information"];
    }
    assert_eq!(info["value"].as_i64().unwrap(), (30 + drawn).max(0));
    let money = first["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["slug"] == "money-and-time")
        .unwrap();
    assert_eq!(money["almost_everyone"], 2, "counted, not added");
    let page = app.get("/themes").await.body;
    assert!(
        page.contains("ε = 1") && page.contains("sensitivity 3"),
        "parameters on the page"
    );
    // The draws are secret: not in the published digest or the log.
    let audit = app.get("/api/v1/audit").await.body;
    assert!(!audit.contains("\"draws\":{"), "{audit}");
}

#[actix_web::test]
async fn noise_can_be_turned_off() {
    let app = crate::helpers::spawn_app_with(|c| c.store.noise_epsilon = 0.0).await;
    app.setup_round("care", "spring", 5).await;
    submit_all(&app, "spring", &week_of_thirty()).await;
    app.clock.set(thursday() + Duration::days(7));
    let t = app.get("/api/v1/themes").await.json();
    assert_eq!(t["noise"], json!([]));
    let info = t["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["slug"] == "information")
        .unwrap()
        .clone();
    assert_eq!(info["value"], 15);
    assert!(app.get("/themes").await.body.contains("No random amount"));
}

#[actix_web::test]
async fn unknown_organisation_is_404_in_every_form() {
    let app = spawn_app().await;
    assert_eq!(app.get("/o/nobody").await.status, StatusCode::NOT_FOUND);
    for path in [
        "/api/v1/organisations/nobody/digest",
        "/o/nobody/digest.csv",
        "/o/nobody/digest.atom",
    ] {
        let a = app.get(path).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(a.json()["error"], "organisation_unknown");
    }
}

#[actix_web::test]
async fn the_demo_digest_shows_every_disclosure_feature() {
    let app = crate::helpers::spawn_app_with(|c| c.demo = true).await;
    let d = app.get("/api/v1/organisations/demo/digest").await.json();
    let releases = d["rounds"][0]["releases"].as_array().unwrap().clone();
    assert_eq!(releases.len(), 3, "{d}");
    // The oldest week rolled into the next release.
    assert_eq!(releases[2]["periods"].as_array().unwrap().len(), 2);
    let latest = &releases[0];
    let shown: Vec<&str> = latest["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["shown"].as_str().unwrap())
        .collect();
    for kind in ["about", "fewer_than", "almost_everyone"] {
        assert!(shown.contains(&kind), "{kind} in {latest}");
    }
    assert!(
        latest["themes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["trend"].is_i64()),
        "a trend: {latest}"
    );
    let page = app.get("/o/demo").await.body;
    assert!(page.contains("fewer than 5") && page.contains("almost everyone"));
    let themes = app.get("/api/v1/themes").await.json();
    assert_eq!(themes["sources"][0]["organisation"], "demo");
    let round = parrhesia::domain::Slug::parse("demo", "r").unwrap();
    assert_eq!(app.store.round_stats(&round).unwrap().critiques, 96);
}

/// Issue 18, item 21: the demo never shows the same words twice: no quote
/// repeated (in a release or across them), and each release its own
/// response and pledge.
#[actix_web::test]
async fn the_demo_digest_repeats_no_quote_response_or_pledge() {
    let app = crate::helpers::spawn_app_with(|c| c.demo = true).await;
    let d = app.get("/api/v1/organisations/demo/digest").await.json();
    let voices = d["voices"].as_array().unwrap();
    assert_eq!(voices.len(), 3, "a release of voices per release: {d}");
    let mut quotes = Vec::new();
    let mut responses = Vec::new();
    let mut pledges = Vec::new();
    for v in voices {
        let these: Vec<&str> = v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["text"].as_str().unwrap())
            .collect();
        assert!(!these.is_empty(), "quotes in {v}");
        quotes.extend(these);
        responses.extend(
            v["responses"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["text"].as_str().unwrap()),
        );
        pledges.extend(
            v["pledges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["text"].as_str().unwrap()),
        );
    }
    for (what, list) in [
        ("quote", &quotes),
        ("response", &responses),
        ("pledge", &pledges),
    ] {
        let mut unique = list.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), list.len(), "a {what} repeats: {list:?}");
    }
    assert_eq!(responses.len(), 3);
    assert_eq!(pledges.len(), 3);
}
