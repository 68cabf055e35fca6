//! Issue 18, what a new participant met: every test here is named after
//! the item it pins and failed on the code before the fix. The browser
//! checks of the same items (360 px, focus, reflow) are in
//! `tests/browser/run.mjs`.

use crate::helpers::{collect, enc, input_tag, spawn_app, Answer, TestApp};
use serde_json::json;

async fn post(app: &TestApp, path: &str, body: &str) -> Answer {
    collect(
        app.client
            .post(app.url(path))
            .content_type("application/x-www-form-urlencoded")
            .send_body(body.to_owned()),
    )
    .await
}

/// The hidden fields of the form that posts to `action`, as (name, value).
fn form_fields(page: &str, action: &str) -> Vec<(String, String)> {
    let at = page
        .find(&format!("action=\"{}\"", action.replace('&', "&amp;")))
        .unwrap_or_else(|| panic!("no form to {action} in {page}"));
    let form = &page[at..at + page[at..].find("</form>").unwrap()];
    form.split("<input type=\"hidden\" ")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            let attr = |name: &str| {
                let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
                Some(tag[start..start + tag[start..].find('"')?].to_owned())
            };
            Some((attr("name")?, attr("value")?))
        })
        .map(|(n, v)| (n, v.replace("&amp;", "&").replace("&quot;", "\"")))
        .collect()
}

fn encode(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .map(|(n, v)| format!("{}={}", enc(n), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The error summary's messages, in order.
fn summary(page: &str) -> Vec<String> {
    let Some(at) = page.find("class=\"error-summary\"") else {
        return Vec::new();
    };
    let list = &page[at..at + page[at..].find("</ul>").unwrap()];
    list.split("<li>")
        .skip(1)
        .map(|li| {
            let text = &li[li.find('>').unwrap() + 1..];
            text[..text.find('<').unwrap()].to_owned()
        })
        .collect()
}

#[actix_web::test]
async fn item_2_the_steps_are_named_for_what_they_do() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    for path in [
        "/r/spring",
        "/r/spring?easy=1",
        "/r/spring/paper",
        "/i/spring",
    ] {
        let page = app.get(path).await.body;
        assert!(!page.contains("press Send"), "{path} says press Send");
        assert!(
            !page.contains("value=\"Send\"") && !page.contains(">Send</button>"),
            "{path}: a button called Send that does not send"
        );
    }
    let form = app.get("/r/spring").await.body;
    assert!(form.contains("value=\"Continue\""));
    assert!(form.contains("You can check your answers before you send them"));
    let check = post(
        &app,
        "/r/spring/check",
        &format!("code={}&themes=leadership&text=words", enc(&code)),
    )
    .await;
    assert!(check.body.contains("Nothing has been sent yet"));
    assert!(check.body.contains("value=\"Confirm and send\""));
}

#[actix_web::test]
async fn item_3_the_receipt_survives_the_switch_and_says_how_to_keep_it() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    let sent = app
        .submit_form(
            "spring",
            &format!("code={}&themes=leadership&text=words", enc(&code)),
        )
        .await;
    assert_eq!(sent.status.as_u16(), 200, "{}", sent.body);
    let receipt = {
        let tag = sent.body.find("class=\"receipt\"").unwrap();
        let at = tag + sent.body[tag..].find('>').unwrap() + 1;
        sent.body[at..at + 24].to_owned()
    };
    assert!(sent.body.contains("write it down, print this page"));
    // "…each theme in How are we doing?. Groups…": no title inside a sentence.
    for stray in ["?.", "!.", "?,"] {
        assert!(!sent.body.contains(stray), "stray {stray}");
    }
    // The switch is a form that carries the receipt, not a link that loses it.
    assert!(!sent.body.contains("href=\"/r/spring?easy=1\">Easy Read"));
    let fields = form_fields(&sent.body, "/r/spring/receipt?easy=1");
    // The "about you" code rides along too (issue 16).
    assert_eq!(fields[0], ("receipt".to_owned(), receipt.clone()));
    assert_eq!(fields[1].0, "about_code");
    assert_eq!(fields.len(), 2);
    let easy = post(&app, "/r/spring/receipt?easy=1", &encode(&fields)).await;
    assert_eq!(easy.status.as_u16(), 200);
    assert!(easy.body.contains("<body class=\"easy\">"));
    assert!(easy.body.contains(&receipt), "the receipt is kept");
    assert!(easy.body.contains("Keep your receipt"));
    let back = post(
        &app,
        "/r/spring/receipt",
        &encode(&form_fields(&easy.body, "/r/spring/receipt")),
    )
    .await;
    assert!(back.body.contains(&receipt) && !back.body.contains("class=\"easy\""));
    // Only a receipt's shape is shown back; nothing was stored either way.
    let bad = post(&app, "/r/spring/receipt", "receipt=%3Cb%3Ehello").await;
    assert_eq!(bad.status.as_u16(), 422);
    assert!(!bad.body.contains("<b>hello"));
    assert_eq!(app.stored(), (1, 1));
}

/// Every error state of the form, as (what, body, extra step): the switch to
/// Easy Read and back keeps the code, the themes, the text, the tick and
/// the problems.
#[actix_web::test]
async fn item_22_switching_version_on_an_error_page_keeps_everything_typed() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let codes = app.codes("spring", 2).await;
    let spent = &codes[0];
    app.submit_form(
        "spring",
        &format!("code={}&themes=leadership&text=first", enc(spent)),
    )
    .await;
    let long = "x".repeat(5_001);
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", "code=&text=".into(), "/r/spring/check"),
        ("malformed code", "code=7KQ2-M9XD&themes=leadership&text=kept+words&quote_ok=yes".into(), "/r/spring/check"),
        ("four themes", format!("code={}&themes=leadership&themes=information&themes=policy-and-rules&themes=whose-voices&text=kept+words", enc(&codes[1])), "/r/spring/check"),
        ("too long", format!("code={}&themes=leadership&text={long}", enc(&codes[1])), "/r/spring/check"),
        ("unknown code", "code=0000-0000-0000&themes=leadership&text=kept+words".into(), "/r/spring"),
        ("spent code", format!("code={}&themes=leadership&text=kept+words", enc(spent)), "/r/spring"),
    ];
    for (what, body, action) in cases {
        let first = post(&app, action, &body).await;
        let problems = summary(&first.body);
        assert!(!problems.is_empty(), "{what}: no error summary");
        let fields = form_fields(&first.body, "/r/spring/check?switch=yes&easy=1");
        let easy = post(&app, "/r/spring/check?switch=yes&easy=1", &encode(&fields)).await;
        assert!(easy.body.contains("<body class=\"easy\">"), "{what}");
        assert_eq!(
            summary(&easy.body).len(),
            problems.len(),
            "{what}: the problems are kept"
        );
        let fields_back = form_fields(&easy.body, "/r/spring/check?switch=yes");
        let back = post(&app, "/r/spring/check?switch=yes", &encode(&fields_back)).await;
        assert_eq!(
            summary(&back.body),
            problems,
            "{what}: the same problems, in the same words"
        );
        for page in [&easy.body, &back.body] {
            let typed = body
                .split('&')
                .find_map(|p| p.strip_prefix("code="))
                .unwrap_or("");
            assert!(
                input_tag(page, "code")
                    .contains(&format!("value=\"{}\"", typed.replace("%2D", "-"))),
                "{what}: the code"
            );
            if body.contains("kept+words") {
                assert!(page.contains(">kept words</textarea>"), "{what}: the text");
            }
            if body.contains("themes=leadership") {
                assert!(
                    input_tag(page, "themes-leadership").contains("checked"),
                    "{what}: the themes"
                );
            }
            if body.contains("quote_ok=yes") {
                assert!(
                    input_tag(page, "quote_ok").contains("checked"),
                    "{what}: the tick"
                );
            }
        }
    }
    // A crafted switch cannot put words on the page: unknown problems are
    // dropped, known ones are worded by the page.
    let crafted = post(
        &app,
        "/r/spring/check?switch=yes",
        "code=&error=%3Cscript%3E&error=code_spent",
    )
    .await;
    assert_eq!(summary(&crafted.body).len(), 1);
    assert!(!crafted.body.contains("<script>"));
    assert_eq!(app.stored(), (1, 1), "switching stores nothing");
}

#[actix_web::test]
async fn item_22_the_about_you_switch_keeps_the_choices() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = parrhesia::tokens::AboutYouCode::generate(&ring::rand::SystemRandom::new())
        .unwrap()
        .display();
    let bad = post(
        &app,
        "/r/spring/about-you",
        &format!("about_code={code}&age=bogus&care=no"),
    )
    .await;
    assert_eq!(bad.status.as_u16(), 422);
    let fields = form_fields(&bad.body, "/r/spring/about-you?switch=yes&easy=1");
    let easy = post(
        &app,
        "/r/spring/about-you?switch=yes&easy=1",
        &encode(&fields),
    )
    .await;
    assert_eq!(easy.status.as_u16(), 200);
    assert!(easy.body.contains("<body class=\"easy\">"));
    assert!(input_tag(&easy.body, "care-no").contains("checked"));
    assert_eq!(summary(&easy.body).len(), 1, "the problem with age is kept");
    assert!(
        input_tag(&easy.body, "about_code").contains(&code),
        "the code is kept"
    );
    assert!(!easy.body.contains("bogus"));
}

#[actix_web::test]
async fn item_6_a_long_theme_list_shows_six_then_more_and_easy_read_is_plain() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let form = app.get("/r/spring").await.body;
    let details = form
        .find("<details class=\"more-themes\">")
        .expect("more themes");
    assert!(form[details..].contains("<summary>Show 6 more themes</summary>"));
    assert_eq!(form[..details].matches("name=\"themes\"").count(), 6);
    let after = &form[form.find("</details>").unwrap()..];
    assert!(
        after.contains("value=\"something-else\""),
        "Something else stays in view"
    );
    // A ticked theme behind "more" is shown open when the form comes back.
    let again = post(
        &app,
        "/r/spring/check",
        "code=&themes=follow-through&text=x",
    )
    .await;
    assert!(again.body.contains("<details class=\"more-themes\" open>"));
    // Easy Read labels are the plain lines, not the jargon.
    let easy = app.get("/r/spring?easy=1").await.body;
    assert!(easy.contains(">There is not enough money, staff or time.</label>"));
    assert!(!easy.contains(">Money, time and resources</label>"));
    // A short list shows everything at once.
    let short = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"themes": [{"slug": "food", "label": "Food"}, {"slug": "staff", "label": "Staff"}]}),
        )
        .await;
    assert_eq!(short.status.as_u16(), 200, "{}", short.body);
    assert!(!app.get("/r/spring").await.body.contains("<details"));
}

#[actix_web::test]
async fn item_7_the_paper_form_says_where_to_post_it_when_the_host_set_an_address() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let paper = app.get("/r/spring/paper").await.body;
    assert!(!paper.contains("post it"), "no address, no promise of post");
    let a = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"postal_address": "Care Services\n1 High Street\nRiverside RV1 1AA", "freepost": "FREEPOST CARE SERVICES"}),
        )
        .await;
    assert_eq!(a.status.as_u16(), 200, "{}", a.body);
    assert_eq!(a.json()["freepost"], "FREEPOST CARE SERVICES");
    for path in ["/r/spring/paper", "/r/spring/paper?easy=1"] {
        let paper = app.get(path).await.body;
        assert!(paper.contains("You do not need a stamp"), "{path}");
        assert!(
            paper.contains(
                "FREEPOST CARE SERVICES<br>Care Services<br>1 High Street<br>Riverside RV1 1AA"
            ),
            "{path}"
        );
    }
    let bad = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"freepost": "two\nlines"}),
        )
        .await;
    assert_eq!(bad.status.as_u16(), 422);
    assert_eq!(bad.json()["error"], "postal_invalid");
}

#[actix_web::test]
async fn item_9_about_you_explains_the_wait_without_alarm() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    for path in ["/r/spring/about-you", "/r/spring/about-you?easy=1"] {
        let page = app.get(path).await.body;
        for alarm in [
            "are lost",
            "computer stops",
            "answers still in memory are lost",
        ] {
            assert!(!page.contains(alarm), "{path}: {alarm}");
        }
        // Since issue 15 the answers are stored at once and mixed later:
        // the page says so, and nothing about losing them.
        assert!(page.contains("mix"), "{path}");
    }
}
