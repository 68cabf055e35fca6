//! The participant's clients for online tokens (issue 3): the command line
//! and the invitation page (the page in a real browser is tested by
//! `clients/browser/browser.mjs` in CI).

use crate::privacy_pass::app_with_round;
use awc::http::StatusCode;

/// Run the real binary off the test's runtime thread (the in-process
/// server lives on that thread).
async fn run_cli(args: Vec<String>) -> std::process::Output {
    actix_web::rt::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_parrhesia"))
            .args(&args)
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

#[actix_web::test]
async fn the_cli_fetches_a_token_and_submits_a_critique_with_it() {
    // Arrange
    let app = app_with_round().await;
    let invitation = app.invitations("spring", 1, None).await.remove(0);
    let file = app.dirs.path().join("token.json");
    let s = |v: &str| v.to_owned();
    let path = file.to_str().unwrap().to_owned();
    // Act
    let fetch = run_cli(vec![
        s("token"),
        s("fetch"),
        s("--server"),
        app.address.clone(),
        s("--round"),
        s("spring"),
        s("--invitation"),
        invitation.clone(),
        s("--out"),
        path.clone(),
    ])
    .await;
    assert!(
        fetch.status.success(),
        "{}",
        String::from_utf8_lossy(&fetch.stderr)
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the token file is private");
    let submit = run_cli(vec![
        s("submit"),
        s("--server"),
        app.address.clone(),
        s("--round"),
        s("spring"),
        s("--token"),
        path.clone(),
        s("--theme"),
        s("leadership"),
        s("--theme"),
        s("money-and-time"),
        s("--text"),
        s("Meetings are always at 10am on weekdays."),
    ])
    .await;
    // Assert
    let out = String::from_utf8_lossy(&submit.stdout);
    assert!(
        submit.status.success(),
        "{}",
        String::from_utf8_lossy(&submit.stderr)
    );
    assert!(out.contains("Your receipt: "), "{out}");
    assert!(!file.exists(), "a spent token file is deleted");
    assert_eq!(app.store.critique_count().unwrap(), 1);
    assert_eq!(app.store.spent_nonce_count().unwrap(), 1);
    // The invitation is used up: a second fetch gets no token.
    let again = run_cli(vec![
        s("token"),
        s("fetch"),
        s("--server"),
        app.address.clone(),
        s("--round"),
        s("spring"),
        s("--invitation"),
        invitation,
        s("--out"),
        path,
    ])
    .await;
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("403"));
}

#[actix_web::test]
async fn the_invitation_page_works_without_javascript_and_loads_only_our_script() {
    let app = app_with_round().await;
    let a = app.get("/i/spring").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("paper code"), "{}", a.body);
    assert!(a.body.contains("href=\"/r/spring\""));
    assert!(a.body.contains("<script src=\"/static/invite.js\" defer>"));
    assert_eq!(a.body.matches("<script").count(), 1, "no inline script");
    assert!(!a.body.contains("http://") && !a.body.contains("https://"));
    assert!(a.headers.get("set-cookie").is_none());
    let js = app.get("/static/invite.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.body.len() > 1000, "the bundle is built");
    assert_eq!(app.get("/i/nowhere").await.status, StatusCode::NOT_FOUND);
}
