//! Each staff member's mail settings (issue 21): their own address and
//! the kinds of mail their role may get, on `/console/account/mail`.

use crate::console::{add_user, admin_app, sign_in};
use awc::http::StatusCode;
use parrhesia::mail::Kind;
use parrhesia::staff::Role;

#[actix_web::test]
async fn staff_set_their_address_and_choose_only_kinds_their_role_may_get() {
    let (app, _) = admin_app().await;
    app.setup_round("care", "spring", 3).await;
    add_user(&app, "orla", Role::Organisation, Some("care")).await;
    let b = sign_in(&app, "orla").await;

    // The page offers the role's kinds only, ticked by default.
    let page = b.get("/console/account/mail").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"releases\""), "{}", page.body);
    assert!(!page.body.contains("value=\"security\""));
    assert!(page.body.contains("checked"));
    assert!(b
        .get("/console")
        .await
        .body
        .contains("href=\"/console/account/mail\""));

    // A malformed address: the error summary, the field's message, the
    // typed value back, nothing stored.
    let a = b
        .post(
            "/console/account/mail",
            &[("email", "not an address"), ("kinds", "releases")],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert!(a.body.contains("There is a problem"), "{}", a.body);
    assert!(a.body.contains("href=\"#email\""));
    assert!(a.body.contains("value=\"not an address\""));
    assert_eq!(app.store.user_by_name("orla").unwrap().unwrap().email, None);

    // Saved: the address, and only the kinds the role may get.
    let a = b
        .post(
            "/console/account/mail",
            &[("email", " orla@example.org "), ("kinds", "security")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let orla = app.store.user_by_name("orla").unwrap().unwrap();
    assert_eq!(orla.email.as_ref().unwrap().to_string(), "orla@example.org");
    assert_eq!(orla.mail, Some(vec![]), "security is not an organisation's");
    assert!(orla.mail_preferences().kinds().is_empty());
    let page = b.get("/console/account/mail?done=mail").await;
    assert!(page.body.contains("Mail settings saved."));
    assert!(!page.body.contains("checked"), "opted out of everything");

    let a = b
        .post(
            "/console/account/mail",
            &[("email", "orla@example.org"), ("kinds", "releases")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let orla = app.store.user_by_name("orla").unwrap().unwrap();
    assert_eq!(orla.mail, Some(vec![Kind::Releases]));
    assert!(orla.second_factor.is_none());

    // Emptied: no address, no mail.
    b.post("/console/account/mail", &[("email", "")]).await;
    assert_eq!(app.store.user_by_name("orla").unwrap().unwrap().email, None);

    // Without the session's CSRF token: refused, nothing stored.
    let a = b
        .post_raw("/console/account/mail", &[("email", "evil@example.org")])
        .await;
    assert_ne!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.user_by_name("orla").unwrap().unwrap().email, None);
}

#[actix_web::test]
async fn only_administrators_may_dismiss_mail_and_no_smtp_means_no_mail_section() {
    let (app, admin) = admin_app().await;
    add_user(&app, "moe", Role::Moderator, None).await;
    let mo = sign_in(&app, "moe").await;
    let a = mo.post("/console/mail/abcdef/dismiss", &[]).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
    // Without SMTP the dashboard has no mail section, and a dismissal of
    // nothing changes nothing.
    assert!(!admin.get("/console").await.body.contains("Staff mail"));
    let a = admin.post("/console/mail/abcdef/dismiss", &[]).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let page = admin.get("/console/account/mail").await;
    assert!(page.body.contains("not set up to send mail"));
    assert!(page.body.contains("value=\"security\""), "{}", page.body);
}
