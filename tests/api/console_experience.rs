//! What a host, a moderator and an organisation met in the console
//! (issue 18, items 12 to 17 and 26). Each test names the item it pins and
//! failed on the code before the change. Items 10 and 11 (cards after
//! post/redirect/get, closing a period) are in
//! `console::a_host_runs_a_round_from_the_console_and_the_log_records_it`.

use crate::console::{add_user, admin_app, sign_in, theme_rows};
use crate::helpers::spawn_app;
use awc::http::StatusCode;
use parrhesia::staff::Role;
use serde_json::json;

/// The links of a page's error summary, in order.
fn summary_links(page: &str) -> Vec<String> {
    let Some(at) = page.find("error-summary") else {
        return Vec::new();
    };
    let end = page[at..].find("</ul>").map_or(page.len(), |e| at + e);
    page[at..end]
        .split("href=\"#")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or("").to_owned())
        .collect()
}

#[actix_web::test]
async fn item_12_console_errors_name_the_label_and_every_wrong_field() {
    let (app, b) = admin_app().await;
    // Organisation: both fields wrong, both reported, in the form's words.
    let a = b
        .post(
            "/console/organisations",
            &[("name", ""), ("slug", "Riverside Care")],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert_eq!(summary_links(&a.body), ["name", "slug"], "{}", a.body);
    assert!(a.body.contains("Short name must be 1 to 40 characters"));
    assert!(a.body.contains("Enter the name"));
    assert!(!a.body.contains("slug must"), "an internal field name");
    let a = b
        .post(
            "/console/organisations",
            &[("name", "Riverside Care"), ("slug", "riverside")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    // A round with four wrong fields: four problems, each at its field.
    let a = b
        .post(
            "/console/rounds",
            &[
                ("organisation", "riverside"),
                ("title", ""),
                ("slug", "-listen"),
                ("min_group", "one"),
                ("period_weeks", "14"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    let mut links = summary_links(&a.body);
    links.sort();
    assert_eq!(
        links,
        ["min_group", "period_weeks", "slug", "title"],
        "{}",
        a.body
    );
    for said in [
        "Short name must be 1 to 40 characters",
        "Smallest group published (k) must be a whole number from 2 to 1000.",
        "Weeks per reporting period must be a whole number from 1 to 13.",
        "Enter the question",
    ] {
        assert!(a.body.contains(said), "missing {said:?}: {}", a.body);
    }
    for internal in ["slug must", "min_group", "title must"] {
        assert!(
            !a.body.contains(&format!(">{internal}")),
            "an internal name: {internal}"
        );
    }
    // The rules are judged together: k = 2 allows a minimum period of 3,
    // though 3 alone is below what the default k needs.
    let a = b
        .post(
            "/console/rounds",
            &[
                ("organisation", "riverside"),
                ("title", "How well do we listen to you?"),
                ("slug", "listen"),
                ("min_group", "2"),
                ("min_period", "3"),
                ("period_weeks", "1"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("listen").unwrap().unwrap();
    assert_eq!((round.min_group.get(), round.rules.min_period()), (2, 3));
    // Alone, the same minimum period is refused, at its own field.
    let a = b
        .post(
            "/console/rounds",
            &[
                ("organisation", "riverside"),
                ("title", "Another"),
                ("slug", "another"),
                ("min_period", "3"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert_eq!(summary_links(&a.body), ["min_period"], "{}", a.body);
    assert!(a
        .body
        .contains("Fewest comments before a period is published must be a whole number"));
    drop(app);
}

#[actix_web::test]
async fn item_12_an_organisations_text_problem_names_the_box_not_text() {
    let app = spawn_app().await;
    crate::quotes::sealed_week(&app).await;
    add_user(&app, "carer", Role::Organisation, Some("care")).await;
    let b = sign_in(&app, "carer").await;
    let field = "response-spring-2026-11-23-leadership";
    let long = "a".repeat(4001);
    let a = b
        .post(
            "/console/space/responses",
            &[
                ("round", "spring"),
                ("period", "2026-11-23"),
                ("theme", "leadership"),
                (field, long.as_str()),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert!(a.body.contains("The response must be 1 to 4000 characters"));
    assert!(!a.body.contains("text must be"), "an internal field name");
}

#[actix_web::test]
async fn item_13_themes_are_rows_a_wrong_row_is_named_and_a_small_k_is_warned() {
    let (app, b) = admin_app().await;
    app.setup_round("care", "spring", 2).await;
    let page = b.get("/console/rounds/spring").await;
    assert!(page.body.contains("Warning: "), "k = 2 without a warning");
    assert!(page.body.contains("the smallest group published is 2"));
    assert!(page.body.contains("id=\"theme-0-slug\""), "no theme rows");
    assert!(
        !page.body.contains("name=\"themes\""),
        "the pipe-separated box"
    );
    // Rows 2 and 4 are wrong (a bad short name, a missing name): each is
    // named, at its own field; nothing is saved.
    let rows = theme_rows(&[
        ("money", "Money and time", ""),
        ("Power Sharing", "Power sharing", ""),
        ("staff", "Staff", "Who looks after you"),
        ("meetings", "", ""),
    ]);
    let mut fields = vec![("title", "How are we doing?"), ("min_group", "5")];
    fields.extend(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let a = b.post("/console/rounds/spring", &fields).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert_eq!(
        summary_links(&a.body),
        ["theme-1-slug", "theme-3-label"],
        "{}",
        a.body
    );
    assert!(a.body.contains("Theme 2: The short name must be"));
    assert!(a.body.contains("Theme 4: enter a name"));
    assert!(
        a.body.contains("value=\"Power Sharing\""),
        "the typed row is lost"
    );
    let round = app.store.round("spring").unwrap().unwrap();
    assert_ne!(round.themes.len(), 3, "saved despite the errors");
    // Put right, the rows become the themes, in order; k = 5 has no warning.
    let rows = theme_rows(&[
        ("money", "Money and time", ""),
        ("power", "Power sharing", ""),
        ("staff", "Staff", "Who looks after you"),
    ]);
    let mut fields = vec![("title", "How are we doing?"), ("min_group", "5")];
    fields.extend(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let a = b.post("/console/rounds/spring", &fields).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("spring").unwrap().unwrap();
    let slugs: Vec<&str> = round.themes.iter().map(|t| t.slug().as_str()).collect();
    assert_eq!(slugs, ["money", "power", "staff"]);
    assert_eq!(round.themes[2].description(), "Who looks after you");
    let page = b.get("/console/rounds/spring").await;
    assert!(!page.body.contains("Warning: "), "{}", page.body);
}

#[actix_web::test]
async fn items_14_and_26_the_queue_speaks_in_words_and_names_each_quote() {
    let app = spawn_app().await;
    crate::quotes::sealed_week(&app).await;
    add_user(&app, "moderator", Role::Moderator, None).await;
    let b = sign_in(&app, "moderator").await;
    let page = b.get("/console/moderation").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // Item 14: the round's title, the week's name, the theme's label.
    assert!(page.body.contains("How are we doing?"), "{}", page.body);
    assert!(page.body.contains("Week 48 of 2026"), "{}", page.body);
    assert!(page.body.contains("Leadership"), "{}", page.body);
    assert!(
        !page.body.contains("2026-11-23"),
        "an ISO date: {}",
        page.body
    );
    assert!(!page.body.contains("Themes: leadership"), "a short name");
    // Item 26: each region's heading and each button names its own quote.
    let headings: Vec<&str> = page
        .body
        .split("<h2 id=\"quote-")
        .skip(1)
        .map(|s| s.split("</h2>").next().unwrap())
        .collect();
    assert_eq!(headings.len(), 3);
    for (i, h) in headings.iter().enumerate() {
        assert!(
            !headings[i + 1..].contains(h),
            "two regions named alike: {h}"
        );
    }
    assert!(page.body.contains("Nobody tells us when the meetings are."));
    let buttons: Vec<&str> = page
        .body
        .split("<button")
        .skip(1)
        .map(|s| s.split("</button>").next().unwrap())
        .filter(|s| s.contains("Approve as shown"))
        .collect();
    assert_eq!(buttons.len(), 3);
    for button in &buttons {
        assert!(
            button.contains("The managers never come")
                || button.contains("Nobody tells us")
                || button.contains("Nurse [name] rang me"),
            "a button not named by its quote: {button}"
        );
        let hex = button
            .split(|c: char| !c.is_ascii_hexdigit())
            .any(|w| w.len() >= 16);
        assert!(!hex, "a hex id in a button: {button}");
    }
}

#[actix_web::test]
async fn item_15_the_dashboard_shows_rounds_quotes_sealing_and_the_next_action() {
    let (app, b) = admin_app().await;
    // Nothing yet: the next action is to add an organisation.
    let home = b.get("/console").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("<h1>Dashboard</h1>"), "{}", home.body);
    assert!(home
        .body
        .contains("Start by adding the organisation people will give feedback about."));
    // A round that is not open yet: open it.
    app.setup_round("care", "spring", 3).await;
    let home = b.get("/console").await;
    assert!(home.body.contains("is not open yet"), "{}", home.body);
    assert!(home.body.contains("href=\"/console/rounds/spring\""));
    // Once open with seven comments: the period by name, the count only as
    // a band, the next sealing, and nobody has a code left to hand out is
    // no longer the next thing.
    let codes = app.codes("spring", 7).await;
    for code in &codes {
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": ["leadership"], "text": "Too slow.", "quote_ok": false}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    let home = b.get("/console").await;
    assert!(home.body.contains("Week 48 of 2026"), "{}", home.body);
    assert!(home.body.contains("fewer than 10"), "{}", home.body);
    assert!(!home.body.contains(">7<"), "the exact count: {}", home.body);
    assert!(home.body.contains("Next sealing"), "{}", home.body);
    assert!(home.body.contains("30 November 2026"), "{}", home.body);
    assert!(!home.body.contains("is not open yet"));
    drop(app);

    // A moderator sees the quotes waiting; an organisation user what is
    // left to answer.
    let app = spawn_app().await;
    crate::quotes::sealed_week(&app).await;
    add_user(&app, "moderator", Role::Moderator, None).await;
    let m = sign_in(&app, "moderator").await;
    let home = m.get("/console").await;
    assert!(
        home.body.contains("3 quotes are waiting for a decision"),
        "{}",
        home.body
    );
    assert!(home.body.contains("href=\"/console/moderation\""));
    assert!(!home.body.contains("Rounds and their open periods"));
    add_user(&app, "carer", Role::Organisation, Some("care")).await;
    let o = sign_in(&app, "carer").await;
    let home = o.get("/console").await;
    assert!(
        home.body
            .contains("of its themes have no response from you yet"),
        "{}",
        home.body
    );
    assert!(home.body.contains("href=\"/console/space\""));
}

/// Every "README.md, \"Section\"" the console and the command line cite is
/// a heading of README.md, and the ways back in are there.
#[actix_web::test]
async fn item_16_the_readme_sections_the_console_and_command_line_cite_exist() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let headings: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect();
    let mut cited = Vec::new();
    for file in [
        "src/cli/mod.rs",
        "src/views/console/admin.rs",
        "src/views/console/auth.rs",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        for part in text.split("README.md, ").skip(1) {
            let part = part.trim_start_matches('\\');
            let open = part.chars().next().unwrap();
            assert!(matches!(open, '"' | '“'), "{file}: {part:.40}");
            let rest = &part[open.len_utf8()..];
            let end = rest.find(['"', '\\', '”']).unwrap();
            cited.push((file, rest[..end].to_owned()));
        }
    }
    assert!(cited.len() >= 4, "{cited:?}");
    for (file, section) in &cited {
        assert!(
            headings.contains(&section.as_str()),
            "{file} cites README section {section:?}, which does not exist"
        );
    }
    let lost = readme
        .split("## Lost passwords and tokens")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    for way in [
        "PARRHESIA_ADMIN_TOKEN",
        "admin-token.sha256",
        "parrhesia user add",
    ] {
        assert!(lost.contains(way), "the section does not mention {way}");
    }
}

#[actix_web::test]
async fn item_17_the_space_answers_shown_themes_beside_their_quotes_and_downloads() {
    let app = spawn_app().await;
    // Leadership chosen by 3 of 6 (shown as a number), information by 1
    // and "something else" by 2 (hidden): a quote is shown only under a
    // theme shown as a number (issue 16, item 6).
    app.setup_round("care", "spring", 3).await;
    app.publish_small_periods("spring", 3).await;
    let critiques = [
        ("leadership", true, "The managers never come to our group."),
        ("leadership", true, "Nobody tells us when the meetings are."),
        ("leadership", false, "PRIVATE do not quote this one."),
        ("information", true, "HIDDEN THEME letters arrive too late."),
        ("something-else", false, "PRIVATE another."),
        ("something-else", false, "PRIVATE a third."),
    ];
    let codes = app.codes("spring", critiques.len()).await;
    for (code, (theme, quote_ok, text)) in codes.iter().zip(critiques) {
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": [theme], "text": text, "quote_ok": quote_ok}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock
        .set(crate::helpers::thursday() + time::Duration::days(4));
    let d = app.get("/api/v1/organisations/care/digest").await;
    assert_eq!(d.status, StatusCode::OK);
    let queue = crate::quotes::queue(&app).await;
    let managers = queue
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("managers never come"))
        .unwrap();
    let a = crate::quotes::decide(
        &app,
        managers["id"].as_str().unwrap(),
        json!({"decision": "approve"}),
    )
    .await;
    assert!(a.status.is_success(), "{}", a.body);
    add_user(&app, "carer", Role::Organisation, Some("care")).await;
    let b = sign_in(&app, "carer").await;
    let space = b.get("/console/space").await;
    assert_eq!(space.status, StatusCode::OK, "{}", space.body);
    // One box for the theme shown with a number; none for the hidden ones.
    let boxes = space
        .body
        .matches("action=\"/console/space/responses\"")
        .count();
    assert_eq!(boxes, 1, "{}", space.body);
    assert!(space.body.contains("response-spring-2026-11-23-leadership"));
    assert!(!space
        .body
        .contains("response-spring-2026-11-23-information"));
    // The approved quote sits with its theme, before the box.
    let quote = space.body.find("The managers never come to our group.");
    let field = space
        .body
        .find("id=\"response-spring-2026-11-23-leadership\"");
    assert!(
        matches!((quote, field), (Some(q), Some(f)) if q < f),
        "{}",
        space.body
    );
    assert!(
        !space.body.contains("Nobody tells us when"),
        "an undecided quote"
    );
    // What changed, in words, and the period by name.
    assert!(space.body.contains("What changed"));
    assert!(space.body.contains("Week 48 of 2026"), "{}", space.body);
    // Their own download, with the response once given.
    let a = b
        .post(
            "/console/space/responses",
            &[
                ("round", "spring"),
                ("period", "2026-11-23"),
                ("theme", "leadership"),
                (
                    "response-spring-2026-11-23-leadership",
                    "Managers will join every month.",
                ),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let csv = b.get("/console/space/download.csv").await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert!(csv
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert!(
        lines[0].starts_with("round,release,period,theme"),
        "{lines:?}"
    );
    let leadership = lines.iter().find(|l| l.contains("\"leadership\"")).unwrap();
    assert!(
        leadership.contains("Managers will join every month."),
        "{leadership}"
    );
    // Nobody else's: a host cannot download an organisation's answers.
    add_user(&app, "host", Role::Coordinator, None).await;
    let h = sign_in(&app, "host").await;
    assert_eq!(
        h.get("/console/space/download.csv").await.status,
        StatusCode::FORBIDDEN
    );
}
