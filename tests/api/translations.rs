//! Issue 19, the console side of translations and several languages in an
//! organisation's answers: a host gives a round's question, introduction
//! and each theme's words per language on one page (the admin API's rules,
//! recorded like any round change); an organisation answers in several
//! languages, and the public digest shows each answer in the reader's
//! language, falling back to English answer by answer.

use crate::console::{add_user, sign_in};
use crate::helpers::spawn_app;
use crate::languages::round_with_a_release;
use crate::quotes::sealed_week;
use crate::responses::{new_key, org_post};
use awc::http::StatusCode;
use parrhesia::staff::Role;
use serde_json::json;

#[actix_web::test]
async fn a_host_translates_a_round_and_its_themes_per_language_in_the_console() {
    // Arrange: an open round with a release, a Polish title set by the API.
    let app = round_with_a_release().await;
    let a = app
        .admin_patch(
            "/api/v1/admin/rounds/spring",
            json!({"translations": {"pl": {"title": "Jak nam idzie?"}}}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    add_user(&app, "host", Role::Coordinator, None).await;
    let b = sign_in(&app, "host").await;
    let round_page = b.get("/console/rounds/spring").await;
    assert!(
        round_page
            .body
            .contains("href=\"/console/rounds/spring/translations/cy\""),
        "{}",
        round_page.body
    );
    assert!(round_page
        .body
        .contains("href=\"/console/rounds/spring/translations/ar\""));
    let page = b.get("/console/rounds/spring/translations/cy").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for id in [
        "title",
        "description",
        "theme-leadership-label",
        "theme-leadership-easy_read",
    ] {
        assert!(page.body.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(
        page.body.contains(
            "the service's own translation: <span lang=\"cy\" dir=\"ltr\">Arweinyddiaeth a gweledigaeth</span>"
        ),
        "what Welsh readers see now: {}",
        page.body
    );
    let arabic = b.get("/console/rounds/spring/translations/ar").await;
    assert!(arabic
        .body
        .contains("id=\"theme-leadership-label\" name=\"theme-leadership-label\" type=\"text\" value=\"\" lang=\"ar\" dir=\"rtl\""));
    for tag in ["en", "xx", "CY"] {
        let a = b
            .get(&format!("/console/rounds/spring/translations/{tag}"))
            .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{tag}");
    }

    // Act: Welsh words for the question and one theme.
    let a = b
        .post(
            "/console/rounds/spring/translations/cy",
            &[
                ("title", " Sut ydyn ni'n gwneud? "),
                ("description", "Dywedwch wrthym."),
                ("theme-leadership-label", "Arweinwyr y cyngor"),
                ("theme-leadership-description", "Y bobl sy'n gyfrifol."),
                ("theme-leadership-easy_read", "Y bobl sy'n arwain."),
            ],
        )
        .await;

    // Assert: stored beside the other languages, English untouched.
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("spring").unwrap().unwrap();
    assert_eq!(
        round.translations["cy"].title, "Sut ydyn ni'n gwneud?",
        "trimmed"
    );
    assert_eq!(round.translations["pl"].title, "Jak nam idzie?", "kept");
    assert_eq!(round.title, "How are we doing?");
    let leadership = round
        .themes
        .iter()
        .find(|t| t.slug().as_str() == "leadership")
        .unwrap();
    assert_eq!(
        leadership.translation("cy").unwrap().label,
        "Arweinwyr y cyngor"
    );
    assert_eq!(
        leadership.translation("cy").unwrap().easy_read,
        "Y bobl sy'n arwain."
    );
    assert_eq!(leadership.label(), "Leadership and vision");
    assert!(round
        .themes
        .iter()
        .filter(|t| t.slug().as_str() != "leadership")
        .all(|t| t.translations().is_empty()));
    let welsh = app.get("/r/spring?lang=cy").await.body;
    assert!(welsh.contains("Sut ydyn ni'n gwneud?") && welsh.contains("Arweinwyr y cyngor"));
    let digest = app.get("/o/care?lang=cy").await.body;
    assert!(
        digest.contains("<th scope=\"row\">Arweinwyr y cyngor</th>"),
        "{digest}"
    );
    let log = app.store.staff_actions().unwrap();
    assert!(log
        .iter()
        .any(|e| e.action == "round.update" && e.actor == "host"));

    // Bad words: every problem named at its field, nothing changed.
    let long = "x".repeat(201);
    let a = b
        .post(
            "/console/rounds/spring/translations/cy",
            &[
                ("title", &long),
                ("description", "Dywedwch wrthym."),
                ("theme-leadership-label", ""),
                ("theme-leadership-description", "Heb enw"),
                ("theme-information-label", "Gwybodaeth"),
                ("theme-information-easy_read", &"y ".repeat(200)),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    for field in [
        "title",
        "theme-leadership-label",
        "theme-information-easy_read",
    ] {
        assert!(
            a.body.contains(&format!("href=\"#{field}\"")),
            "{field}: {}",
            a.body
        );
    }
    assert!(a.body.contains("Enter the question"), "{}", a.body);
    assert!(a.body.contains("Heb enw"), "what was typed is shown back");
    assert_eq!(app.store.round("spring").unwrap().unwrap(), round);

    // Emptying every field removes the language, leaving the English.
    let a = b.post("/console/rounds/spring/translations/cy", &[]).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let round = app.store.round("spring").unwrap().unwrap();
    assert!(!round.translations.contains_key("cy"));
    assert!(round.translations.contains_key("pl"));
    assert!(round.themes.iter().all(|t| t.translation("cy").is_none()));
    assert!(app
        .get("/o/care?lang=cy")
        .await
        .body
        .contains("<th scope=\"row\">Arweinyddiaeth a gweledigaeth</th>"));

    // Only the host's staff: a moderator may not.
    add_user(&app, "mod", Role::Moderator, None).await;
    let m = sign_in(&app, "mod").await;
    let a = m.get("/console/rounds/spring/translations/cy").await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
}

const ENGLISH: &str = "Managers will join the group every month.";
const WELSH: &str = "Bydd rheolwyr yn ymuno â'r grŵp bob mis.";
const ARABIC: &str = "سينضم المديرون إلى المجموعة كل شهر.";
const PLEDGE: &str = "A manager at every group meeting.";
const POLISH_PLEDGE: &str = "Kierownik na każdym spotkaniu grupy.";

/// The response body for leadership in the sealed week, with `translations`.
fn response(text: &str, translations: serde_json::Value) -> serde_json::Value {
    json!({"round": "spring", "period": "2026-11-23", "theme": "leadership",
           "text": text, "translations": translations})
}

#[actix_web::test]
async fn an_organisation_answers_in_several_languages_and_each_reader_gets_theirs() {
    // Arrange
    let app = spawn_app().await;
    sealed_week(&app).await;
    let key = new_key(&app, "care").await;
    let path = "/api/v1/organisations/care/responses";

    // Act: a response in English, Welsh and Arabic; a pledge in English and Polish.
    let a = org_post(
        &app,
        Some(&key),
        path,
        response(ENGLISH, json!({"cy": format!(" {WELSH} "), "ar": ARABIC})),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        a.json()["versions"][0]["translations"]["cy"],
        WELSH,
        "trimmed"
    );
    let a = org_post(
        &app,
        Some(&key),
        "/api/v1/organisations/care/pledges",
        json!({"round": "spring", "period": "2026-11-23", "theme": "leadership",
               "text": PLEDGE, "translations": {"pl": POLISH_PLEDGE}}),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    assert_eq!(a.json()["translations"]["pl"], POLISH_PLEDGE);

    // Assert: each reader sees each answer in their language, or English
    // marked as English, never both.
    let english = app.get("/o/care").await.body;
    assert!(
        english.contains(&format!("<bdi>{ENGLISH}</bdi>")),
        "{english}"
    );
    assert!(english.contains(&format!("<bdi>{PLEDGE}</bdi>")));
    assert!(!english.contains(WELSH) && !english.contains(POLISH_PLEDGE));
    let welsh = app.get("/o/care?lang=cy").await.body;
    assert!(
        welsh.contains(&format!("<bdi>{}</bdi>", html(WELSH))),
        "{welsh}"
    );
    assert!(!welsh.contains(ENGLISH), "the Welsh reader gets the Welsh");
    assert!(welsh.contains(&format!("<bdi lang=\"en\" dir=\"ltr\">{PLEDGE}</bdi>")));
    let arabic = app.get("/o/care?lang=ar").await.body;
    assert!(arabic.contains(&format!("<bdi>{ARABIC}</bdi>")), "{arabic}");
    assert!(arabic.contains(&format!("<bdi lang=\"en\" dir=\"ltr\">{PLEDGE}</bdi>")));
    assert!(arabic.len() < 20 * 1024, "{} bytes", arabic.len());
    let polish = app.get("/o/care?lang=pl").await.body;
    assert!(polish.contains(&format!("<bdi lang=\"en\" dir=\"ltr\">{ENGLISH}</bdi>")));
    assert!(
        polish.contains(&format!("<bdi>{POLISH_PLEDGE}</bdi>")),
        "{polish}"
    );
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    let r = &d["voices"][0]["responses"][0];
    assert_eq!(r["translations"]["ar"], ARABIC);
    assert_eq!(
        d["voices"][0]["pledges"][0]["translations"]["pl"],
        POLISH_PLEDGE
    );

    // Bad translations are refused with their own codes, nothing stored.
    for (translations, code) in [
        (json!({"en": "Again"}), "language_unknown"),
        (json!({"xx": "?"}), "language_unknown"),
        (json!({"cy": "   "}), "translation_invalid"),
        (json!({"cy": "x".repeat(4001)}), "translation_invalid"),
        (json!({"ar": "bell\u{7}"}), "translation_invalid"),
    ] {
        let a = org_post(&app, Some(&key), path, response("Other", translations)).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
        assert_eq!(a.json()["error"], code, "{}", a.body);
    }
    let welsh_error = crate::helpers::collect(
        app.client
            .post(app.url(&format!("{path}?lang=cy")))
            .bearer_auth(&key)
            .send_json(&response("Other", json!({"cy": ""}))),
    )
    .await;
    assert!(
        welsh_error.json()["message"]
            .as_str()
            .unwrap()
            .starts_with("Rhaid i translations."),
        "{}",
        welsh_error.body
    );
    let d = app.get("/api/v1/organisations/care/digest").await.json();
    assert_eq!(
        d["voices"][0]["responses"][0]["versions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // A new version in English alone: the Welsh reader now gets the English,
    // the first version keeps its translations in the history.
    let a = org_post(
        &app,
        Some(&key),
        path,
        response("We changed the rota.", json!({})),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let versions = a.json()["versions"].as_array().unwrap().clone();
    assert_eq!(versions[0]["translations"]["cy"], WELSH);
    assert!(versions[1].get("translations").is_none());
    let welsh = app.get("/o/care?lang=cy").await.body;
    assert!(welsh.contains("<bdi lang=\"en\" dir=\"ltr\">We changed the rota.</bdi>"));
    assert!(!welsh.contains(&html(WELSH)));
}

/// `text` as maud escapes it in a page.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[actix_web::test]
async fn an_organisation_user_answers_in_several_languages_from_the_console() {
    let app = spawn_app().await;
    sealed_week(&app).await;
    add_user(&app, "carer", Role::Organisation, Some("care")).await;
    let b = sign_in(&app, "carer").await;
    let field = "response-spring-2026-11-23-leadership";
    let space = b.get("/console/space").await;
    for tag in ["cy", "pl", "ar"] {
        assert!(
            space.body.contains(&format!("id=\"{field}-{tag}\"")),
            "{tag}"
        );
    }
    assert!(space.body.contains(&format!(
        "name=\"{field}-ar\" rows=\"3\" lang=\"ar\" dir=\"rtl\""
    )));
    let (cy, ar) = (format!("{field}-cy"), format!("{field}-ar"));
    let base = [
        ("round", "spring"),
        ("period", "2026-11-23"),
        ("theme", "leadership"),
        (field, ENGLISH),
        (cy.as_str(), WELSH),
    ];
    // A translation too long: named at its own field, in its language.
    let long = "x".repeat(4001);
    let mut fields = base.to_vec();
    fields.push((ar.as_str(), long.as_str()));
    let a = b.post("/console/space/responses", &fields).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert!(a.body.contains(&format!("href=\"#{ar}\"")), "{}", a.body);
    assert!(
        a.body.contains("in العربية must be 1 to 4000 characters"),
        "{}",
        a.body
    );
    assert!(app.store.responses_of("spring").unwrap().is_empty());
    // Empty boxes are no translation.
    let mut fields = base.to_vec();
    fields.push((ar.as_str(), "  "));
    let a = b.post("/console/space/responses", &fields).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let stored = app.store.responses_of("spring").unwrap();
    let version = &stored[0].versions[0];
    assert_eq!(version.translations.len(), 1);
    assert_eq!(version.translations["cy"], WELSH);
    let space = b.get("/console/space").await;
    assert!(space.body.contains(&html(WELSH)), "shown back to edit");
    // A pledge in Polish too.
    let text = "pledge-text-spring-2026-11-23";
    let polish = format!("{text}-pl");
    let a = b
        .post(
            "/console/space/pledges",
            &[
                ("round", "spring"),
                ("period", "2026-11-23"),
                ("pledge-theme-spring-2026-11-23", "leadership"),
                (text, PLEDGE),
                (polish.as_str(), POLISH_PLEDGE),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let pledge = app.store.pledges_of("spring").unwrap().pop().unwrap();
    assert_eq!(pledge.translations["pl"], POLISH_PLEDGE);
    assert!(app
        .get("/o/care?lang=pl")
        .await
        .body
        .contains(&format!("<bdi>{POLISH_PLEDGE}</bdi>")));
    // The download carries each language's response in its own column.
    let csv = b.get("/console/space/download.csv").await.body;
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",response_ar,response_cy,response_pl"),
        "{header}"
    );
    let row = csv
        .lines()
        .find(|l| l.contains(",\"leadership\","))
        .unwrap();
    assert!(row.contains(&format!("\"{WELSH}\"")), "{row}");
    assert!(app
        .store
        .staff_actions()
        .unwrap()
        .iter()
        .any(|e| e.action == "response.publish" && e.actor == "carer"));
}

/// The demo answers its oldest release in every language (its pledge not
/// in Polish), so the digest shows both cases in each language (and the
/// browser suite checks them with axe).
#[actix_web::test]
async fn the_demo_digest_shows_answers_in_the_readers_language_or_marked_english() {
    let app = crate::helpers::spawn_app_with(|c| c.demo = true).await;
    let english_pledge = "Every group meeting will have a manager present";
    for (lang, response, pledge) in [
        (
            "cy",
            "Diolch. Fe glywson ni hyn yn glir",
            Some("Bydd rheolwr ym mhob cyfarfod grŵp"),
        ),
        ("pl", "Dziękujemy. Wyraźnie to usłyszeliśmy", None),
        (
            "ar",
            "شكرًا لكم. سمعنا هذا بوضوح",
            Some("سيحضر مدير كل اجتماع للمجموعة"),
        ),
    ] {
        let page = app.get(&format!("/o/demo?lang={lang}")).await.body;
        assert!(page.contains(&format!("<bdi>{response}")), "{lang}: {page}");
        assert!(!page.contains("Thank you. We heard this clearly"), "{lang}");
        match pledge {
            Some(p) => {
                assert!(page.contains(&format!("<bdi>{p}")), "{lang}");
                assert!(!page.contains(english_pledge), "{lang}");
            }
            None => assert!(
                page.contains(&format!("<bdi lang=\"en\" dir=\"ltr\">{english_pledge}")),
                "{lang}"
            ),
        }
        // Later releases were answered in English only: marked as such.
        assert!(page.contains("<bdi lang=\"en\" dir=\"ltr\">You told us papers come too late"));
    }
    let english = app.get("/o/demo").await.body;
    assert!(english.contains("<bdi>Thank you. We heard this clearly"));
    assert!(!english.contains("lang=\"en\" dir=\"ltr\">Thank"));
}
