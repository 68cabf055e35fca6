//! Issue 18, what the public met: a digest that reads on a phone and shows
//! each theme over time, `/themes` in words, unique page titles, and the
//! accessibility statement. Each test is named after the item it pins.

use crate::helpers::{spawn_app, spawn_app_with, thursday, TestApp};
use awc::http::StatusCode;
use serde_json::json;
use time::Duration;

/// Send `n` critiques in the current week, each with these themes.
async fn send(app: &TestApp, n: usize, themes: &[&str]) {
    for code in app.codes("spring", n).await {
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": themes, "text": "words"}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
}

/// Three releases of one round: information rising, leadership hidden.
async fn three_weeks(app: &TestApp) {
    app.setup_round("care", "spring", 5).await;
    for (week, info) in [(0, 10), (1, 20), (2, 30)] {
        app.clock.set(thursday() + Duration::weeks(week));
        send(app, info, &["information"]).await;
        send(app, 12, &["money-and-time"]).await;
        send(app, 2, &["leadership"]).await;
    }
    app.clock.set(thursday() + Duration::weeks(3));
}

/// The `<svg …>` elements of a page.
fn svgs(page: &str) -> Vec<&str> {
    page.match_indices("<svg")
        .map(|(i, _)| &page[i..i + page[i..].find("</svg>").unwrap()])
        .collect()
}

#[actix_web::test]
async fn item_18_charts_are_drawn_for_a_phone_and_each_theme_has_a_trend() {
    let app = spawn_app().await;
    three_weeks(&app).await;
    let page = app.get("/o/care").await.body;
    let charts = svgs(&page);
    // Three release charts and one trend chart, all 320 units wide (so 14
    // unit text is 14 px on a 320 px screen, not 5 px).
    assert_eq!(charts.len(), 4, "{page}");
    for svg in &charts {
        assert!(svg.contains("viewBox=\"0 0 320 "), "{}", &svg[..200]);
        assert!(svg.contains("role=\"img\"") && svg.contains("<desc"));
        for (i, _) in svg.match_indices("font-size=\"") {
            assert!(
                svg[i..].starts_with("font-size=\"14\""),
                "{}",
                &svg[i..i + 20]
            );
        }
    }
    // The trend: its title, every release in its description, oldest first.
    let trend = charts
        .iter()
        .find(|s| s.contains("Each theme in every release"))
        .expect("a trend chart");
    let desc = &trend[trend.find("<desc").unwrap()..];
    assert!(
        desc.contains("Information and communication: 10, 20, 30"),
        "{desc}"
    );
    assert!(desc.contains("Leadership and vision: fewer than 5, fewer than 5, fewer than 5"));
    assert!(
        !trend.contains(">Leadership and vision<"),
        "never a line for a hidden theme"
    );
    assert!(page.contains("in every release: Whose voices are heard"));
    // …and the same figures as a table, oldest first.
    let table_at = page
        .find("Each theme in every release, oldest first</caption>")
        .unwrap();
    let row_at = table_at
        + page[table_at..]
            .find(">Information and communication<")
            .unwrap();
    let row = &page[row_at..row_at + page[row_at..].find("</tr>").unwrap()];
    assert_eq!(row.matches("<td class=\"numeric\">").count(), 3);
    assert!(
        row.find(">10<").unwrap() < row.find(">30<").unwrap(),
        "{row}"
    );
    // One release alone has no trend.
    let single = spawn_app().await;
    single.setup_round("care", "spring", 5).await;
    send(&single, 12, &["information"]).await;
    single.clock.set(thursday() + Duration::weeks(1));
    assert!(!single
        .get("/o/care")
        .await
        .body
        .contains("Each theme over time"));
}

#[actix_web::test]
async fn item_18_each_release_opens_with_one_plain_paragraph() {
    let app = spawn_app().await;
    three_weeks(&app).await;
    let page = app.get("/o/care").await.body;
    assert!(
        page.contains("<p class=\"lead\">Most raised: Information and communication (30) and Money, time and resources (10). Up since the release before: Information and communication (up 10).</p>"),
        "{page}"
    );
    let easy = app.get("/o/care?easy=1").await.body;
    assert!(easy.contains("Most talked about: Information and communication (30)"));
    // Only published figures: a hidden theme is never named as raised.
    assert!(!page.contains("Leadership and vision (fewer than 5)"));
}

#[actix_web::test]
async fn item_19_themes_across_organisations_speak_in_words_with_the_maths_folded_away() {
    let app = spawn_app().await;
    three_weeks(&app).await;
    let page = app.get("/themes").await.body;
    let details = page
        .find("<details")
        .expect("the maths behind a details element");
    let before = &page[..details];
    assert!(before.contains("a small random amount added to it or taken away"));
    for maths in ["geometric", "ε", "α", "sensitivity"] {
        assert!(!before.contains(maths), "{maths} outside the details");
    }
    assert!(page[details..].contains("two-sided geometric mechanism"));
    assert!(page[details..].contains("<summary>How the random amounts are chosen</summary>"));
}

#[actix_web::test]
async fn item_27_public_pages_say_comments_and_easy_read_says_between() {
    let app = spawn_app().await;
    three_weeks(&app).await;
    for path in [
        "/o/care",
        "/o/care?easy=1",
        "/themes",
        "/themes?easy=1",
        "/audit",
    ] {
        let page = app.get(path).await.body;
        let text = page.to_lowercase();
        assert!(
            !text.contains(">critiques")
                && !text.contains(" critiques")
                && !text.contains(" critique "),
            "{path} says critiques"
        );
    }
    let easy = app.get("/o/care?easy=1").await.body;
    assert!(
        easy.contains("between 20 and 49"),
        "Easy Read ranges in words"
    );
    assert!(!easy.contains("20-49"));
    assert!(app.get("/o/care").await.body.contains("20-49"));
}

#[actix_web::test]
async fn item_27_the_accessibility_statement_follows_the_model() {
    let app = spawn_app().await;
    let page = app.get("/accessibility").await.body;
    for part in [
        "Compliance status",
        "partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard",
        "Feedback and contact information",
        "Equality Advisory and Support Service",
        "0808 800 0082",
        "0808 800 0084",
        "www.equalityadvisoryservice.com",
        "Equality and Human Rights Commission",
        "Technical information",
    ] {
        assert!(page.contains(part), "the statement lacks {part}");
    }
    let easy = app.get("/accessibility?easy=1").await.body;
    assert!(easy.contains("0808 800 0082") && easy.contains("only partly follows the rules"));
}

/// Issue 18, item 25: no two pages share a title (participant, public and
/// console, signed in as each role that has pages of its own).
#[actix_web::test]
async fn item_25_every_page_has_a_title_of_its_own() {
    use crate::console::{add_user, sign_in};
    use parrhesia::staff::Role;
    let app = spawn_app_with(|_| {}).await;
    app.setup_round("care", "spring", 5).await;
    add_user(&app, "admin", Role::Administrator, None).await;
    add_user(&app, "org", Role::Organisation, Some("care")).await;
    let admin = sign_in(&app, "admin").await;
    let org = sign_in(&app, "org").await;
    let title = |page: &str| {
        let at = page.find("<title>").unwrap() + 7;
        page[at..at + page[at..].find("</title>").unwrap()].to_owned()
    };
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut add = |what: String, page: &str| {
        let t = title(page);
        if let Some((other, _)) = seen.iter().find(|(_, x)| *x == t) {
            panic!("{what} and {other} share the title {t}");
        }
        seen.push((what, t));
    };
    for path in [
        "/",
        "/r/spring",
        "/r/spring/paper",
        "/helping",
        "/accessibility",
        "/i/spring",
        "/r/spring/about-you",
        "/o/care",
        "/themes",
        "/audit",
    ] {
        add(path.to_owned(), &app.get(path).await.body);
    }
    for path in [
        "/console",
        "/console/organisations",
        "/console/organisations/care",
        "/console/rounds/spring",
        "/console/moderation",
        "/console/users",
        "/console/keys",
        "/console/backups",
        "/console/log",
    ] {
        let a = admin.get(path).await;
        assert_eq!(a.status, StatusCode::OK, "{path}");
        add(format!("{path} (administrator)"), &a.body);
    }
    let space = org.get("/console/space").await;
    assert_eq!(space.status, StatusCode::OK);
    add("/console/space".into(), &space.body);
}
