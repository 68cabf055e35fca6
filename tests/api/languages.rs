//! Issue 19: Welsh, Polish and Arabic on every participant and public
//! page. The language is chosen without cookies (`?lang=`, else the
//! browser's `Accept-Language`), kept in every link and form, named in
//! itself in a switcher, marked with `lang` and `dir`; no translated page
//! shows an English message; API errors keep their stable code and speak
//! the request's language; a host can change any message without
//! rebuilding; themes are named in the reader's language.

use crate::helpers::{collect, enc, spawn_app, spawn_app_with, thursday, Answer, TestApp};
use awc::http::StatusCode;
use parrhesia::messages::{files, syntax, EASY_READ, STANDARD};
use serde_json::json;
use std::collections::BTreeSet;
use time::Duration;

const TRANSLATED: [&str; 3] = ["cy", "pl", "ar"];

async fn get_with(app: &TestApp, path: &str, accept_language: &str) -> Answer {
    collect(
        app.client
            .get(app.url(path))
            .insert_header(("Accept-Language", accept_language))
            .send(),
    )
    .await
}

async fn post_form(app: &TestApp, path: &str, body: String) -> Answer {
    collect(
        app.client
            .post(app.url(path))
            .content_type("application/x-www-form-urlencoded")
            .send_body(body),
    )
    .await
}

fn with_query(path: &str, query: &str) -> String {
    let join = if path.contains('?') { '&' } else { '?' };
    format!("{path}{join}{query}")
}

/// A round with one released week (10 critiques in week 48, read in week
/// 49): the digest, `/themes`, `/audit` and a receipts list have content.
pub async fn round_with_a_release() -> TestApp {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    app.publish_small_periods("spring", 5).await;
    for (i, code) in app.codes("spring", 10).await.into_iter().enumerate() {
        let theme = if i < 5 { "information" } else { "leadership" };
        let a = app
            .submit_json(
                "spring",
                json!({"code": code, "themes": [theme], "text": "words"}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    }
    app.clock.set(thursday() + Duration::days(7));
    app
}

/// Every participant and public page (GET) of round `spring` and
/// organisation `care`.
const PAGES: [&str; 10] = [
    "/",
    "/r/spring",
    "/r/spring/paper",
    "/r/spring/about-you",
    "/i/spring",
    "/helping",
    "/accessibility",
    "/o/care",
    "/themes",
    "/audit",
];

/// Every participant and public page, and the form's error states and
/// confirmation, in `query`'s language (and variant).
async fn every_page(app: &TestApp, query: &str) -> Vec<(String, Answer)> {
    let mut pages = Vec::new();
    for path in PAGES.into_iter().chain([
        "/audit/receipts/spring/2026-11-23",
        "/no/such/page",
        "/r/no-such-round",
    ]) {
        let url = with_query(path, query);
        pages.push((url.clone(), app.get(&url).await));
    }
    let code = app.codes("spring", 1).await.remove(0);
    let valid = format!(
        "code={}&themes=information&text={}",
        enc(&code),
        enc("Nobody told us.")
    );
    let check = with_query("/r/spring/check", query);
    pages.push((
        format!("{check} (check)"),
        post_form(app, &check, valid.clone()).await,
    ));
    pages.push((
        format!("{check} (every error)"),
        post_form(app, &check, "code=ABC&text=".into()).await,
    ));
    let send = with_query("/r/spring", query);
    pages.push((
        format!("{send} (receipt)"),
        post_form(app, &send, valid.clone()).await,
    ));
    pages.push((
        format!("{send} (code spent)"),
        post_form(app, &send, valid).await,
    ));
    let about = with_query("/r/spring/about-you", query);
    pages.push((
        format!("{about} (error)"),
        post_form(app, &about, "age=not-an-age".into()).await,
    ));
    pages
}

fn source(language: &str, variant: &str) -> &'static str {
    files()
        .iter()
        .find(|(l, v, _)| *l == language && *v == variant)
        .map(|(_, _, s)| *s)
        .unwrap_or_else(|| panic!("{language}/{variant}.ftl"))
}

/// What English readers would recognise: the literal parts (two words or
/// more) of every English message whose translation into `language`
/// differs, with their keys. A language's own name is shown in itself on
/// purpose and is left out.
fn english_texts(language: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for variant in [STANDARD, EASY_READ] {
        let (en, theirs) = (source("en", variant), source(language, variant));
        for key in syntax::keys(en) {
            if key == "language-name" {
                continue;
            }
            let translated: BTreeSet<String> = syntax::fragments(theirs, &key)
                .into_iter()
                .map(|f| f.trim().to_owned())
                .collect();
            for fragment in syntax::fragments(en, &key) {
                let text = fragment.trim();
                if text.split_whitespace().count() >= 2 && !translated.contains(text) {
                    out.push((format!("{variant} {key}"), text.to_owned()));
                }
            }
        }
    }
    out
}

/// A Polish- or Arabic-speaking participant goes from the card to the
/// receipt, and reads the digest, without meeting an English message.
#[actix_web::test]
async fn no_page_in_welsh_polish_or_arabic_shows_an_english_message() {
    let app = round_with_a_release().await;
    let mut checked = 0;
    for language in TRANSLATED {
        let english = english_texts(language);
        assert!(english.len() > 300, "{language}: {}", english.len());
        for query in [
            format!("lang={language}"),
            format!("lang={language}&easy=1"),
        ] {
            for (what, page) in every_page(&app, &query).await {
                assert!(
                    page.headers
                        .get("content-type")
                        .is_some_and(|t| t.to_str().unwrap().starts_with("text/html")),
                    "{what}: {}",
                    page.status
                );
                let dir = if language == "ar" { "rtl" } else { "ltr" };
                assert!(
                    page.body
                        .contains(&format!("<html lang=\"{language}\" dir=\"{dir}\">")),
                    "{what} is not in {language}"
                );
                let found: Vec<String> = english
                    .iter()
                    .filter(|(_, text)| {
                        page.body.contains(text.as_str())
                            || page.body.contains(&text.replace('"', "&quot;"))
                    })
                    .map(|(key, text)| format!("{key}: “{text}”"))
                    .collect();
                assert!(
                    found.is_empty(),
                    "{what} shows English:\n{}",
                    found.join("\n")
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 2 * 18);
}

#[actix_web::test]
async fn the_browsers_languages_are_the_default_and_an_explicit_choice_wins() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    // Accept-Language, with weights (RFC 9110 §12.5.4).
    for (header, language) in [
        ("pl-PL,pl;q=0.9,en;q=0.8", "pl"),
        ("en;q=0.5, cy", "cy"),
        ("fr, ar-EG;q=0.7, en;q=0.6", "ar"),
        ("fr, de", "en"),
        ("cy;q=0, en-GB", "en"),
    ] {
        let page = get_with(&app, "/r/spring", header).await;
        assert!(
            page.body.contains(&format!("<html lang=\"{language}\"")),
            "{header} should give {language}"
        );
        let vary = page.headers.get("vary").map(|v| v.to_str().unwrap());
        assert!(
            vary.is_some_and(|v| v.contains("Accept-Language")),
            "{header}: Vary is {vary:?}"
        );
        // Links need not repeat what the browser will say again.
        assert!(page.body.contains("action=\"/r/spring/check\""));
    }
    // ?lang= beats the browser, and every link and form keeps it.
    let page = get_with(&app, "/r/spring?lang=cy", "pl").await.body;
    assert!(page.contains("<html lang=\"cy\" dir=\"ltr\">"));
    assert!(page.contains("action=\"/r/spring/check?lang=cy\""));
    assert!(page.contains("href=\"/helping?lang=cy\""));
    assert!(page.contains("href=\"/r/spring/paper?lang=cy\""));
    assert!(page.contains("href=\"/r/spring?lang=cy&amp;easy=1\""));
    // Choosing English over a Welsh browser sticks too.
    let page = get_with(&app, "/?lang=en", "cy").await.body;
    assert!(page.contains("<html lang=\"en\""));
    assert!(page.contains("href=\"/helping?lang=en\""));
}

#[actix_web::test]
async fn every_participant_page_names_every_language_in_itself_with_alternates() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    for path in PAGES {
        for easy in [false, true] {
            let query = if easy { "lang=ar&easy=1" } else { "lang=ar" };
            let page = app.get(&with_query(path, query)).await.body;
            let kept = if easy { "&amp;easy=1" } else { "" };
            for (tag, name, dir) in [
                ("en", "English", "ltr"),
                ("cy", "Cymraeg", "ltr"),
                ("pl", "Polski", "ltr"),
            ] {
                let link = format!(
                    "<a href=\"{path}?lang={tag}{kept}\" hreflang=\"{tag}\" lang=\"{tag}\" dir=\"{dir}\">{name}</a>"
                );
                assert!(page.contains(&link), "{path}: no {link}");
                let alternate = format!(
                    "<link rel=\"alternate\" hreflang=\"{tag}\" href=\"{path}?lang={tag}{kept}\">"
                );
                assert!(page.contains(&alternate), "{path}: no {alternate}");
            }
            assert!(
                page.contains("aria-current=\"true\">العربية</span>"),
                "{path}: the current language is marked"
            );
            assert!(page.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{path}\">"
            )));
        }
    }
}

/// The check page carries the answers in its form, so it offers the other
/// languages as buttons that post them again.
#[actix_web::test]
async fn the_check_page_switches_language_without_losing_the_answers() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    let body = format!(
        "code={}&themes=information&text={}",
        enc(&code),
        enc("Dim gwybodaeth.")
    );
    let check = post_form(&app, "/r/spring/check?lang=cy", body.clone()).await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(check.body.contains(
        "formaction=\"/r/spring/check?lang=ar\" lang=\"ar\" dir=\"rtl\">العربية</button>"
    ));
    let arabic = post_form(&app, "/r/spring/check?lang=ar", body).await.body;
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(arabic.contains("Dim gwybodaeth."), "the answers came along");
    assert!(arabic.contains(&format!(
        "<dd class=\"summary-code\" dir=\"ltr\">{code}</dd>"
    )));
    assert_eq!(app.stored(), (0, 0));
}

#[actix_web::test]
async fn api_errors_keep_their_code_and_speak_the_requests_language() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let send = |query: &'static str, header: &'static str, body: serde_json::Value| {
        let app = &app;
        async move {
            collect(
                app.client
                    .post(app.url(&format!("/api/v1/rounds/spring/critiques{query}")))
                    .insert_header(("Accept-Language", header))
                    .send_json(&body),
            )
            .await
        }
    };
    let code = app.codes("spring", 1).await.remove(0);
    let arabic = send("", "ar", json!({"code": "ABC", "themes": [], "text": ""})).await;
    assert_eq!(arabic.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v = arabic.json();
    assert_eq!(v["error"], "code_invalid");
    assert!(v["message"].as_str().unwrap().contains("هذا الرمز"), "{v}");
    let codes: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["error"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["code_invalid", "themes_missing", "text_empty"]);
    assert!(v["errors"][2]["message"]
        .as_str()
        .unwrap()
        .contains("اكتب ما تريد قوله"));
    assert_eq!(arabic.headers.get("content-language").unwrap(), "ar");
    assert!(arabic
        .headers
        .get("vary")
        .is_some_and(|v| v.to_str().unwrap().contains("Accept-Language")));
    // ?lang= works for the API too, and English stays the default.
    let welsh = send(
        "?lang=cy",
        "pl",
        json!({"code": code, "themes": ["nope"], "text": "x"}),
    )
    .await;
    assert_eq!(welsh.json()["error"], "theme_unknown");
    assert_eq!(welsh.json()["message"], "Dewiswch themâu o'r rhestr.");
    let english = send(
        "",
        "fr",
        json!({"code": code, "themes": ["nope"], "text": "x"}),
    )
    .await;
    assert_eq!(english.json()["message"], "Choose themes from the list.");
    // A parser's detail stays English, apart from the message.
    let bad = collect(
        app.client
            .post(app.url("/api/v1/rounds/spring/critiques"))
            .insert_header(("Accept-Language", "pl"))
            .content_type("application/json")
            .send_body("{not json"),
    )
    .await;
    let v = bad.json();
    assert_eq!(v["error"], "invalid_json");
    assert_eq!(v["message"], "Treść nie jest oczekiwanym dokumentem JSON.");
    assert!(!v["detail"].as_str().unwrap().is_empty());
    // Errors made before any handler (404 on the API) are translated too.
    let missing = get_with(&app, "/api/v1/nothing-here", "cy").await;
    assert_eq!(missing.json()["error"], "not_found");
    assert_eq!(
        missing.json()["message"],
        "Does dim byd yn y cyfeiriad hwn."
    );
    // Every API error code has a message in every language (api.ftl).
    let codes: BTreeSet<String> = syntax::keys(source("en", "api")).into_iter().collect();
    for language in TRANSLATED {
        let theirs: BTreeSet<String> = syntax::keys(source(language, "api")).into_iter().collect();
        assert_eq!(theirs, codes, "{language}/api.ftl");
    }
}

#[actix_web::test]
async fn a_host_changes_a_message_for_one_instance_without_rebuilding() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("cy")).unwrap();
    std::fs::write(
        dir.path().join("cy/standard.ftl"),
        "home-title = Dywedwch wrth Gyngor Sir Enghraifft beth rydych chi'n ei feddwl\n\
         text-label = Beth hoffech chi ei ddweud wrth { $org }?\n",
    )
    .unwrap();
    let messages = dir.path().to_owned();
    let app = spawn_app_with(|c| c.messages_dir = Some(messages)).await;
    app.setup_round("care", "spring", 5).await;
    let home = app.get("/?lang=cy").await.body;
    assert!(home.contains("Dywedwch wrth Gyngor Sir Enghraifft"));
    assert!(
        home.contains("Dydyn ni byth yn gofyn am eich enw."),
        "the rest as shipped"
    );
    let form = app.get("/r/spring?lang=cy").await.body;
    assert!(form.contains("Beth hoffech chi ei ddweud wrth care services?"));
    assert!(
        !app.get("/").await.body.contains("Gyngor Sir"),
        "English unchanged"
    );

    // Mistakes stop the server at start, naming the file and the problem.
    for (file, text, problem) in [
        (
            "cy/standard.ftl",
            "no-such-key = Helo\n",
            "no-such-key is not a message key",
        ),
        (
            "cy/standard.ftl",
            "text-label = { $name }\n",
            "uses { $name }",
        ),
        (
            "fr/standard.ftl",
            "home-title = Bonjour\n",
            "fr is not a shipped language",
        ),
        ("cy/other.ftl", "home-title = Helo\n", "not other.ftl"),
        ("pl/standard.ftl", "home-title = { \n", "syntax errors"),
    ] {
        let bad = tempfile::tempdir().unwrap();
        let path = bad.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        let mut config =
            parrhesia::config::Config::new(bad.path().join("data"), bad.path().join("keys"));
        config.bind = "127.0.0.1:0".into();
        config.messages_dir = Some(bad.path().to_owned());
        let error = parrhesia::startup::Application::build(
            config,
            std::sync::Arc::new(parrhesia::clock::ManualClock::new(thursday())),
        )
        .await
        .err()
        .unwrap_or_else(|| panic!("{file}: {text:?} was accepted"));
        let said = format!("{error:#}");
        assert!(said.contains(problem), "{file}: {said}");
        assert!(
            said.contains(file.split('/').next_back().unwrap()),
            "{said}"
        );
    }
}

/// A host translates one theme; the default themes come translated; a
/// theme of the host's own stays English, marked as such, per theme.
#[actix_web::test]
async fn themes_are_named_in_the_readers_language_falling_back_to_english_per_theme() {
    let app = round_with_a_release().await;
    let round: serde_json::Value = app.admin_get("/api/v1/admin/rounds/spring").await.json();
    let mut themes = round["themes"].as_array().unwrap().clone();
    let leadership = themes
        .iter_mut()
        .find(|t| t["slug"] == "leadership")
        .unwrap();
    leadership["translations"] = json!({
        "cy": {"label": "Arweinwyr y cyngor", "description": "Y bobl sy'n gyfrifol."}
    });
    themes.push(json!({"slug": "parking", "label": "Parking charges"}));
    let a = app
        .admin_patch("/api/v1/admin/rounds/spring", json!({"themes": themes}))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let form = app.get("/r/spring?lang=cy").await.body;
    assert!(
        form.contains("Arweinwyr y cyngor"),
        "the host's translation"
    );
    assert!(form.contains("Y bobl sy'n gyfrifol."));
    assert!(
        form.contains("Gwybodaeth a chyfathrebu"),
        "a shipped translation"
    );
    assert!(
        form.contains("<span lang=\"en\" dir=\"ltr\">Parking charges</span>"),
        "the host's own theme, marked English"
    );
    assert!(!form.contains(">Leadership and vision<"));
    // Polish has no host translation: the shipped one.
    let polish = app.get("/r/spring?lang=pl").await.body;
    assert!(polish.contains("Przywództwo i wizja"));
    // The digest, per theme, in the reader's language.
    let digest = app.get("/o/care?lang=cy").await.body;
    assert!(
        digest.contains("<th scope=\"row\">Arweinwyr y cyngor</th>"),
        "{digest}"
    );
    assert!(digest.contains("<th scope=\"row\">Gwybodaeth a chyfathrebu</th>"));
    assert!(digest.contains("Wythnos 48, 2026 (23 i 29 Tachwedd)"));
    let arabic = app.get("/o/care?lang=ar").await.body;
    assert!(arabic.contains("<th scope=\"row\">المعلومات والتواصل</th>"));
    assert!(
        arabic.contains("direction=\"rtl\""),
        "the chart is laid out right to left"
    );
    // The round's own title and description, translated by the host.
    let a = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"translations": {"cy": {"title": "Sut ydyn ni'n gwneud?"}}}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        a.json()["translations"]["cy"]["title"],
        "Sut ydyn ni'n gwneud?"
    );
    let welsh = app.get("/r/spring?lang=cy").await.body;
    assert!(welsh.contains("<h1><bdi>Sut ydyn ni'n gwneud?</bdi></h1>"));
    let polish = app.get("/r/spring?lang=pl").await.body;
    assert!(
        polish
            .contains("<h1><bdi><span lang=\"en\" dir=\"ltr\">How are we doing?</span></bdi></h1>"),
        "no Polish title: English, marked"
    );
    let refused = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"translations": {"en": {"title": "Another"}}}),
        )
        .await;
    assert_eq!(refused.json()["error"], "language_unknown");
    // Translations only into shipped languages; they may be added after opening.
    let mut bad = themes.clone();
    bad[0]["translations"] = json!({"xx": {"label": "?"}});
    let a = app
        .admin_patch("/api/v1/admin/rounds/spring", json!({"themes": bad}))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.json()["error"], "language_unknown");
}

#[actix_web::test]
async fn cards_and_invitation_links_can_be_printed_for_one_language() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let sheet = app
        .admin_post(
            "/api/v1/admin/rounds/spring/codes/sheet",
            json!({"count": 2, "language": "cy"}),
        )
        .await;
    assert_eq!(sheet.status, StatusCode::CREATED, "{}", sheet.body);
    assert!(sheet.body.contains("<html lang=\"cy\" dir=\"ltr\">"));
    assert!(sheet
        .body
        .contains("Teipiwch y cod. Mae pob cod yn gweithio unwaith."));
    assert!(sheet.body.contains(&format!(
        "<p class=\"card-url\" dir=\"ltr\">{}?lang=cy</p>",
        app.url("/r/spring")
    )));
    let arabic = app
        .admin_post(
            "/api/v1/admin/rounds/spring/codes/sheet",
            json!({"count": 1, "language": "ar"}),
        )
        .await
        .body;
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(arabic.contains("<p class=\"card-code\" dir=\"ltr\">"));
    let codes = app
        .admin_post(
            "/api/v1/admin/rounds/spring/codes",
            json!({"count": 1, "language": "pl"}),
        )
        .await;
    assert!(codes.json()["url"]
        .as_str()
        .unwrap()
        .ends_with("/r/spring?lang=pl"));
    let invitations = app
        .admin_post(
            "/api/v1/admin/rounds/spring/invitations",
            json!({"count": 1, "language": "ar"}),
        )
        .await;
    assert_eq!(
        invitations.status,
        StatusCode::CREATED,
        "{}",
        invitations.body
    );
    let link = invitations.json()["invitations"][0]["link"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(link.contains("/i/spring?lang=ar#"), "{link}");
    // Only the documented tags: an unknown, empty, padded or differently
    // cased tag is refused on every endpoint that prints in a language,
    // and nothing is made.
    for path in ["codes", "codes/sheet", "invitations"] {
        for tag in ["fr", "", " ", "EN", "en ", "cy-GB", "ar\u{0}", "english"] {
            let refused = app
                .admin_post(
                    &format!("/api/v1/admin/rounds/spring/{path}"),
                    json!({"count": 1, "language": tag}),
                )
                .await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {tag:?}"
            );
            assert_eq!(
                refused.json()["error"],
                "language_unknown",
                "{path} {tag:?}"
            );
        }
    }
    // No language at all is English, as documented.
    let plain = app
        .admin_post("/api/v1/admin/rounds/spring/codes", json!({"count": 1}))
        .await;
    assert_eq!(plain.status, StatusCode::CREATED);
    assert!(plain.json()["url"].as_str().unwrap().ends_with("/r/spring"));
}

/// Codes, receipts and counts stay left to right inside right-to-left
/// pages; the text people write keeps its own direction.
#[actix_web::test]
async fn arabic_pages_read_right_to_left_with_codes_receipts_and_numbers_left_to_right() {
    let app = round_with_a_release().await;
    let form = app.get("/r/spring?lang=ar").await.body;
    assert!(form.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(form.contains("name=\"code\" type=\"text\" value=\"\" autocomplete=\"off\" spellcheck=\"false\" dir=\"ltr\""));
    assert!(form.contains("name=\"text\" rows=\"10\" dir=\"auto\""));
    let code = app.codes("spring", 1).await.remove(0);
    let sent = post_form(
        &app,
        "/r/spring?lang=ar",
        format!("code={}&themes=information&text=%D9%84%D8%A7", enc(&code)),
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(sent.body.contains("<strong class=\"receipt\" dir=\"ltr\">"));
    let digest = app.get("/o/care?lang=ar").await.body;
    assert!(
        digest.contains("<td class=\"numeric\"><bdi dir=\"ltr\">5</bdi></td>"),
        "{digest}"
    );
    let audit = app.get("/audit?lang=ar").await.body;
    assert!(audit.contains("<bdi dir=\"ltr\">2026-11-23</bdi>"));
    let receipts = app
        .get("/audit/receipts/spring/2026-11-23?lang=ar")
        .await
        .body;
    assert!(receipts.contains("<ul class=\"receipts\" dir=\"ltr\">"));
}

/// Tagging reads Polish and Arabic (issue 19): the check page offers the
/// theme the words point to, named in the page's language, whatever
/// language the words are in (it is never asked or stored).
#[actix_web::test]
async fn the_check_page_suggests_themes_from_polish_and_arabic_words() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    for (query, text, label) in [
        (
            "lang=pl",
            "Spotkania są tylko online przez Zoom, a ja nie mam internetu.",
            "Dostęp cyfrowy i pewność w korzystaniu",
        ),
        (
            "lang=ar",
            "الاجتماعات عبر الإنترنت فقط على زوم، وليس لدي إنترنت.",
            "الوصول الرقمي والثقة في استخدامه",
        ),
        (
            "lang=cy",
            "Mae'r cyfarfodydd ar-lein yn unig a does gen i ddim rhyngrwyd.",
            "Mynediad a hyder digidol",
        ),
        (
            "lang=en",
            "الاجتماعات عبر الإنترنت فقط على زوم، وليس لدي إنترنت.",
            "Digital access and confidence",
        ),
    ] {
        let body = format!("code={}&themes=information&text={}", enc(&code), enc(text));
        let check = post_form(&app, &format!("/r/spring/check?{query}"), body).await;
        assert_eq!(check.status, StatusCode::OK, "{}", check.body);
        let at = check
            .body
            .find("id=\"confirm-digital-access\"")
            .unwrap_or_else(|| panic!("{query}: no suggestion in {}", check.body));
        let tag_start = check.body[..at].rfind("<input").unwrap();
        let tag = &check.body[tag_start..at + check.body[at..].find('>').unwrap()];
        assert!(!tag.contains("checked"), "offered unticked: {tag}");
        assert!(check.body.contains(label), "{query}: {label}");
    }
    assert_eq!(app.stored(), (0, 0));
}

/// The console's theme box has no place for translations: saving it keeps
/// those the admin API set, theme by theme.
#[actix_web::test]
async fn saving_themes_in_the_console_keeps_their_translations() {
    let (app, b) = crate::console::admin_app().await;
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
            json!({"slug": "spring", "organisation": "care", "title": "Spring",
                   "translations": {"pl": {"title": "Wiosna"}},
                   "themes": [{"slug": "money", "label": "Money",
                               "translations": {"cy": {"label": "Arian"}}}]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let rows = crate::console::theme_rows(&[
        ("money", "Money", "Not enough of it"),
        ("staff", "Staff", ""),
    ]);
    let mut fields = vec![("title", "Spring"), ("description", ""), ("min_group", "5")];
    fields.extend(rows.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let a = b.post("/console/rounds/spring", &fields).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("spring").unwrap().unwrap();
    assert_eq!(round.themes[0].translations()["cy"].label, "Arian");
    assert!(round.themes[1].translations().is_empty());
    assert_eq!(round.translations["pl"].title, "Wiosna");
    assert!(app
        .get("/r/spring?lang=cy")
        .await
        .body
        .contains(">Arian</label>"));
}
