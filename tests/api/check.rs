//! "Check your answers" (issue 6): the form posts to `/r/{round}/check`,
//! which shows the answers back and stores nothing; only "Confirm and send"
//! (`POST /r/{round}`, unchanged) spends the code.

use crate::helpers::{collect, enc, spawn_app, Answer, TestApp};

async fn post_check(app: &TestApp, query: &str, body: &str) -> Answer {
    collect(
        app.client
            .post(app.url(&format!("/r/spring/check{query}")))
            .content_type("application/x-www-form-urlencoded")
            .send_body(body.to_owned()),
    )
    .await
}

#[actix_web::test]
async fn checking_answers_stores_nothing_and_spends_no_code() {
    // Arrange
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    let body = format!(
        "code={}&themes=whose-voices&themes=leadership&text={}&quote_ok=yes",
        enc(&code.to_lowercase()),
        enc("Meals <b>arrive</b> cold.")
    );

    // Act
    let check = post_check(&app, "", &body).await;

    // Assert: shown back, escaped, with both forms; nothing stored.
    assert_eq!(check.status.as_u16(), 200, "{}", check.body);
    assert!(check.body.contains("Check your answers before sending"));
    assert!(check.body.contains(&code), "the code is shown normalised");
    assert!(check.body.contains("Meals &lt;b&gt;arrive&lt;/b&gt; cold."));
    assert!(check.body.contains("action=\"/r/spring\""));
    assert!(check.body.contains("action=\"/r/spring/check?change=yes\""));
    // Three forms carry the answers: confirm, change, and Easy Read.
    assert_eq!(check.body.matches("name=\"themes\"").count(), 6);
    assert!(check.body.contains("action=\"/r/spring/check?easy=1\""));
    assert_eq!(app.stored(), (0, 0), "checking must not store or spend");

    // Going back and checking again still works: the code is unspent.
    let again = post_check(&app, "", &body).await;
    assert_eq!(again.status.as_u16(), 200);

    // Confirm: the hidden fields, as the check page's form sends them.
    let sent = app.submit_form("spring", &body).await;
    assert_eq!(sent.status.as_u16(), 200, "{}", sent.body);
    assert!(sent.body.contains("class=\"receipt\""));
    assert_eq!(app.stored(), (1, 1));
}

#[actix_web::test]
async fn checking_bad_answers_shows_the_form_with_every_problem() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let a = post_check(&app, "?easy=1", "code=NOT-A-CODE&text=").await;
    assert_eq!(a.status.as_u16(), 422);
    assert!(a.body.contains("error-summary"));
    for field in ["#code", "#themes", "#text"] {
        assert!(
            a.body.contains(&format!("href=\"{field}\"")),
            "no error for {field}"
        );
    }
    assert!(
        crate::helpers::input_tag(&a.body, "code").contains("value=\"NOT-A-CODE\""),
        "a rejected code is shown back as typed (issue 18, item 1)"
    );
    assert!(
        a.body.contains("<body class=\"easy\">"),
        "Easy Read is kept"
    );
    assert_eq!(app.stored(), (0, 0));
}

#[actix_web::test]
async fn change_your_answers_fills_the_form_in_again() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    let code = app.codes("spring", 1).await.remove(0);
    let body = format!("code={}&themes=whose-voices&text=Too+rushed.", enc(&code));
    let a = post_check(&app, "?change=yes", &body).await;
    assert_eq!(a.status.as_u16(), 200);
    assert!(a.body.contains(&format!("value=\"{code}\"")));
    assert!(a.body.contains(">Too rushed.</textarea>"));
    assert!(a.body.contains("value=\"whose-voices\" checked"));
    assert!(!a.body.contains("error-summary"));
    assert_eq!(app.stored(), (0, 0));
}
