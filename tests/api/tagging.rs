//! Theme suggestions on "check your answers" (issue 5): the lexicon's
//! themes are offered unticked beside the person's own, without
//! JavaScript; nothing is stored and no code is spent until the person
//! confirms, and going back leaves the code unspent.

use crate::helpers::{collect, enc, input_tag, spawn_app, Answer, TestApp};

async fn post(app: &TestApp, path: &str, body: &str) -> Answer {
    collect(
        app.client
            .post(app.url(path))
            .content_type("application/x-www-form-urlencoded")
            .send_body(body.to_owned()),
    )
    .await
}

#[actix_web::test]
async fn suggested_themes_are_offered_unticked_and_the_code_is_spent_only_on_confirmation() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    let text = "Meetings were online only on Zoom and I have no internet at home.";
    let body = format!("code={}&themes=information&text={}", enc(&code), enc(text));

    // The check page: the chosen theme listed once, the suggestion offered
    // unticked (issue 18, item 6: no theme shown twice).
    let check = post(&app, "/r/spring/check", &body).await;
    assert_eq!(check.status.as_u16(), 200, "{}", check.body);
    assert!(!check.body.contains("<script"), "works without JavaScript");
    assert!(
        !check.body.contains("id=\"confirm-information\""),
        "the chosen theme is not offered again"
    );
    assert_eq!(
        check
            .body
            .matches(">Information and communication<")
            .count(),
        1,
        "the chosen theme appears once"
    );
    let suggested = input_tag(&check.body, "confirm-digital-access");
    assert!(
        !suggested.contains("checked"),
        "offered unticked: {suggested}"
    );
    assert!(suggested.contains("name=\"themes\""));
    assert!(check.body.contains("Add another theme?"));
    let easy = post(&app, "/r/spring/check?easy=1", &body).await;
    assert!(!input_tag(&easy.body, "confirm-digital-access").contains("checked"));
    assert_eq!(app.stored(), (0, 0), "nothing stored, no code spent");

    // Going back to change the answers spends nothing either.
    let back = post(&app, "/r/spring/check?change=yes", &body).await;
    assert_eq!(back.status.as_u16(), 200);
    assert!(back.body.contains(&code), "the code is filled in again");
    assert_eq!(app.stored(), (0, 0), "going back does not spend the code");

    // The person ticks the suggestion and confirms: now it is spent.
    let confirmed = format!("{body}&themes=digital-access");
    let sent = app.submit_form("spring", &confirmed).await;
    assert_eq!(sent.status.as_u16(), 200, "{}", sent.body);
    assert!(sent.body.contains("class=\"receipt\""));
    assert_eq!(app.stored(), (1, 1));
    let again = app.submit_form("spring", &confirmed).await;
    assert_ne!(again.status.as_u16(), 200, "spent exactly once");
}

#[actix_web::test]
async fn no_suggestion_keeps_the_themes_hidden_and_chosen_themes_are_never_suggested() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    let body = format!(
        "code={}&themes=digital-access&text={}",
        enc(&code),
        enc("Meetings were online only on Zoom and I have no internet.")
    );
    let check = post(&app, "/r/spring/check", &body).await;
    assert_eq!(check.status.as_u16(), 200);
    assert!(!check.body.contains("id=\"confirm-digital-access\""));
    assert!(!check.body.contains("Suggested from the words you used"));
    assert!(check
        .body
        .contains("type=\"hidden\" name=\"themes\" value=\"digital-access\""));
}
