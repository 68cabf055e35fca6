//! Issue 19, the console side of translations and several languages in an
//! organisation's answers: a host gives a round's question, introduction
//! and each theme's words per language on one page (the admin API's rules,
//! recorded like any round change); an organisation answers in several
//! languages, and the public digest shows each answer in the reader's
//! language, falling back to English answer by answer.

use crate::console::{add_user, sign_in};
use crate::languages::round_with_a_release;
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
