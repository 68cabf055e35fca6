//! Issue 6, "everyone can take part", the parts that need no browser:
//! page weight, no other origins, no cookies, Easy Read one link away, the
//! paper form, and information in advance. The browser checks (axe-core,
//! journeys, reflow) are in `tests/browser/run.mjs`.

use crate::helpers::{enc, spawn_app, TestApp};
use parrhesia::http::{Audience, ROUTES};

/// Participant pages stay light for slow, metered and old connections:
/// HTML plus its style sheets, uncompressed.
const BUDGET: usize = 20 * 1024;

fn concrete(path: &str) -> String {
    path.replace("{round}", "spring")
        .replace("{organisation}", "care")
}

/// Every shipped language's query, English first (no query).
fn languages() -> Vec<String> {
    std::iter::once(String::new())
        .chain(
            parrhesia::messages::languages()
                .into_iter()
                .filter(|l| *l != "en")
                .map(|l| format!("lang={l}")),
        )
        .collect()
}

/// `path` with `query` added.
fn with_query(path: &str, query: &str) -> String {
    match (query.is_empty(), path.contains('?')) {
        (true, _) => path.to_owned(),
        (false, true) => format!("{path}&{query}"),
        (false, false) => format!("{path}?{query}"),
    }
}

/// Every participant page in the route table, in standard and Easy Read,
/// in every language.
fn participant_pages() -> Vec<String> {
    let paths: Vec<String> = ROUTES
        .iter()
        .filter(|r| r.method == "GET" && r.audience == Audience::Participant)
        .map(|r| concrete(r.path))
        .collect();
    let mut out = Vec::new();
    for language in languages() {
        for path in &paths {
            let page = with_query(path, &language);
            out.push(with_query(&page, "easy=1"));
            out.push(page);
        }
    }
    out
}

/// The addresses in `attr="..."` attributes of a page.
fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!("{attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// HTML + linked CSS, in bytes; and any problem found on the way.
async fn weigh(app: &TestApp, html: &str, what: &str) -> usize {
    let mut total = html.len();
    for href in attribute_values(html, "href")
        .into_iter()
        .filter(|h| h.ends_with(".css"))
    {
        let css = app.get(href).await;
        assert_eq!(css.status.as_u16(), 200, "{what}: {href}");
        assert!(
            !css.body.contains("@font-face"),
            "{what}: web font in {href}"
        );
        assert!(!css.body.contains("@import"), "{what}: @import in {href}");
        assert!(
            !css.body.contains("url(http") && !css.body.contains("url(//"),
            "{what}: {href} loads from another origin"
        );
        total += css.body.len();
    }
    total
}

fn assert_own_origin_only(html: &str, what: &str) {
    for attr in ["src", "href", "action", "srcset", "data"] {
        for value in attribute_values(html, attr) {
            assert!(
                !value.starts_with("http:")
                    && !value.starts_with("https:")
                    && !value.starts_with("//"),
                "{what}: {attr}={value} is another origin"
            );
        }
    }
    assert!(!html.contains("<iframe"), "{what} has a frame");
}

/// In every language (issue 19): Arabic script takes two bytes a letter.
#[actix_web::test]
async fn participant_pages_weigh_under_20_kb_load_nothing_from_elsewhere_and_set_no_cookie() {
    // Arrange
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let mut pages = Vec::new();
    for path in participant_pages() {
        let a = app.get(&path).await;
        assert_eq!(a.status.as_u16(), 200, "{path}");
        pages.push((path, a));
    }
    // Error states and the confirmation, with short answers: a person's own
    // long text comes back to them on an error page and is not counted.
    let post = |path: String, body: String| {
        let app = &app;
        async move {
            crate::helpers::collect(
                app.client
                    .post(app.url(&path))
                    .content_type("application/x-www-form-urlencoded")
                    .send_body(body),
            )
            .await
        }
    };
    for language in languages() {
        let code = app.codes("spring", 1).await.remove(0);
        let check = post(
            with_query("/r/spring/check", &language),
            format!("code={}&themes=whose-voices&text=Too+rushed.", enc(&code)),
        )
        .await;
        assert_eq!(check.status.as_u16(), 200, "check your answers");
        pages.push((format!("check your answers {language}"), check));
        for (what, body) in [
            ("all errors", "code=&text=".to_owned()),
            (
                "confirmation",
                format!(
                    "code={}&themes=whose-voices&text={}",
                    enc(&code),
                    enc("Too rushed.")
                ),
            ),
            (
                "code spent",
                format!("code={}&themes=whose-voices&text=again", enc(&code)),
            ),
        ] {
            let a = post(with_query("/r/spring", &language), body).await;
            let expected = if what == "confirmation" { 200 } else { 422 };
            assert!(
                a.status.as_u16() == expected || (what == "code spent" && a.status.as_u16() == 409),
                "{what}: {}",
                a.status
            );
            pages.push((format!("{what} {language}"), a));
        }
        pages.push((
            format!("not found {language}"),
            app.get(&with_query("/no/such/page", &language)).await,
        ));
    }

    // Act and assert
    let mut heaviest = (String::new(), 0);
    for (what, a) in &pages {
        assert!(
            a.headers.get("set-cookie").is_none(),
            "{what} sets a cookie"
        );
        assert_own_origin_only(&a.body, what);
        let weight = weigh(&app, &a.body, what).await;
        assert!(weight < BUDGET, "{what} weighs {weight} bytes with its CSS");
        if weight > heaviest.1 {
            heaviest = (what.clone(), weight);
        }
    }
    println!(
        "heaviest participant page: {} at {} bytes",
        heaviest.0, heaviest.1
    );
    assert!(pages.len() > 4 * 2 * 7, "{} pages weighed", pages.len());
}

#[actix_web::test]
async fn every_participant_page_has_an_easy_read_version_one_link_away() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    for route in ROUTES
        .iter()
        .filter(|r| r.method == "GET" && r.audience == Audience::Participant)
    {
        let path = concrete(route.path);
        let standard = app.get(&path).await.body;
        let link = format!("href=\"{path}?easy=1\"");
        assert!(standard.contains(&link), "{path} has no link {link}");
        let easy = app.get(&format!("{path}?easy=1")).await.body;
        assert!(
            easy.contains("<body class=\"easy\">"),
            "{path}: not Easy Read"
        );
        assert!(
            easy.contains(&format!("href=\"{path}\"")),
            "{path}?easy=1 does not link back to the standard page"
        );
        // Every picture sits beside the words it illustrates, so its text
        // alternative is empty rather than a repeat of them (issue 18, item
        // 27; WCAG H67), and is served.
        // (Scripts of our own origin also have a `src`; pictures are SVGs.)
        let pictures: Vec<_> = attribute_values(&easy, "src")
            .into_iter()
            .filter(|s| s.starts_with("/static/pictures/"))
            .collect();
        assert!(!pictures.is_empty(), "{path}?easy=1 has no pictures");
        for src in pictures {
            let at = easy.find(src).unwrap();
            let tag_start = easy[..at].rfind('<').unwrap();
            let tag = &easy[tag_start..easy[tag_start..].find('>').unwrap() + tag_start];
            let alt = attribute_values(tag, "alt");
            assert_eq!(alt, vec![""], "{src} on {path}: alt repeats its words");
            let step = &easy[easy[..tag_start].rfind("<div class=\"step\">").unwrap()..];
            let words = &step[step.find("<div class=\"step-text\">").unwrap()..];
            assert!(
                words.len() > 30 && !words.starts_with("<div class=\"step-text\"></div>"),
                "{src} on {path} is not beside words"
            );
            let svg = app.get(src).await;
            assert_eq!(svg.status.as_u16(), 200, "{src}");
            assert_eq!(svg.headers.get("content-type").unwrap(), "image/svg+xml");
        }
    }
}

#[actix_web::test]
async fn the_round_page_gives_information_in_advance_before_any_input() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 7).await;
    // What happens, who sees what, when (the period) and the k rule.
    for (path, needles) in [
        (
            "/r/spring",
            [
                "care services sees how many people chose each theme",
                "only after each week ends, and only for groups of 7 or more people",
                "You do not give your name",
            ],
        ),
        (
            "/r/spring?easy=1",
            [
                "care services sees how many people chose each theme",
                "every week. Groups smaller than 7 people are not shown",
                "You do not give your name",
            ],
        ),
    ] {
        let page = app.get(path).await.body;
        let first_input = page.find("<input").expect("the form has inputs");
        let before = &page[..first_input];
        for needle in needles {
            assert!(
                before.contains(needle),
                "{path}: “{needle}” not before the form"
            );
        }
    }
}

#[actix_web::test]
async fn the_paper_form_has_a_tick_box_for_every_theme_and_the_round_address() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let paper = app.get("/r/spring/paper").await.body;
    let round: serde_json::Value = app.admin_get("/api/v1/admin/rounds/spring").await.json();
    let themes = round["themes"].as_array().expect("themes");
    assert!(!themes.is_empty());
    for theme in themes {
        let label = theme["label"].as_str().unwrap();
        assert!(
            paper.contains(&format!(
                "<span class=\"tick-box\" aria-hidden=\"true\"></span>{label}"
            )),
            "no tick box for {label}"
        );
    }
    // Twelve code boxes, laid out as on the card: 4-4-4.
    assert_eq!(paper.matches("class=\"code-box\"").count(), 12);
    assert!(
        paper.contains(&app.url("/r/spring")),
        "the address to type it in is missing"
    );
    assert!(paper.contains("class=\"write-space\""));
}

#[actix_web::test]
async fn a_language_is_chosen_with_lang_and_kept_in_links() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    // Only English is shipped; an unknown language falls back to it.
    let page = app.get("/r/spring?lang=xx").await.body;
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("action=\"/r/spring/check\""));
    let easy = app.get("/r/spring?easy=1").await.body;
    assert!(
        easy.contains("action=\"/r/spring/check?easy=1\""),
        "the form loses Easy Read"
    );
}
