//! Two-step sign-in for staff (issue 21, "A second factor"): enrolment with
//! a QR code drawn on the server, recovery codes shown once and each good
//! once, the second step of signing in (a code's time step used once, RFC
//! 6238 §5.2), its limits, turning it off, and the setting that makes it
//! required for administrators. TOTP time is the test's session clock
//! (`ManualSessionClock::unix_secs`), moved by hand.

use crate::console::{add_user, csrf_in, session_from, sign_in, Browser, PASSWORD};
use crate::helpers::{spawn_app, spawn_app_with, Answer, TestApp};
use crate::password_links::sign_in_with as password_step;
use awc::http::StatusCode;
use futures_util::future::join_all;
use parrhesia::clock::SessionClock;
use parrhesia::staff::totp::{Secret, Totp, LOCK_SECS, STEP_SECS};
use parrhesia::staff::Role;

const ENROL: &str = "/console/account/two-step";

pub(crate) fn location(a: &Answer) -> &str {
    a.headers
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or("")
}

/// The secret an enrolment page shows as text (`#totp-key`).
fn secret_on(page: &str) -> Totp {
    let at = page.find("id=\"totp-key\">").expect("the key as text") + "id=\"totp-key\">".len();
    let text = page[at..].split('<').next().unwrap();
    Totp::new(Secret::from_base32(text).expect("base32"))
}

/// The code `totp` shows now on the app's clock.
fn code_now(app: &TestApp, totp: &Totp) -> String {
    totp.code_at(app.session_clock.unix_secs()).to_string()
}

/// A code of the same length that is not `right`.
fn wrong(right: &str) -> String {
    right
        .chars()
        .map(|c| {
            if c == '9' {
                '0'
            } else {
                char::from(c as u8 + 1)
            }
        })
        .collect()
}

/// The recovery codes on the page shown after enrolment.
fn recovery_on(page: &str) -> Vec<String> {
    let list = page
        .split("<ol id=\"recovery-codes\">")
        .nth(1)
        .expect("the recovery codes")
        .split("</ol>")
        .next()
        .unwrap();
    list.split("<code>")
        .skip(1)
        .map(|c| c.split("</code>").next().unwrap().to_owned())
        .collect()
}

fn has_error_summary(a: &Answer) -> bool {
    a.body.contains("class=\"error-summary\"") && a.body.contains("href=\"#code\"")
}

/// Enrol the signed-in `b`: the secret and the recovery codes.
pub(crate) async fn enrol(app: &TestApp, b: &Browser) -> (Totp, Vec<String>) {
    let page = b.get(ENROL).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let totp = secret_on(&page.body);
    let token = csrf_in(&page.body).unwrap();
    let code = code_now(app, &totp);
    let done = b
        .post_raw(ENROL, &[("csrf", &token), ("code", &code)])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    (totp, recovery_on(&done.body))
}

/// Post `code` on the second step's page of `b`.
pub(crate) async fn second_step(b: &Browser, code: &str) -> Answer {
    let page = b.get("/console/login/code").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let token = csrf_in(&page.body).expect("a pre-session token");
    b.post_raw("/console/login/code", &[("csrf", &token), ("code", code)])
        .await
}

/// Sign in with password then `code`: the answer and the browser (holding
/// the session when it worked).
async fn sign_in_with(app: &TestApp, name: &str, code: &str) -> (Answer, Browser) {
    let (first, mut b) = password_step(app, name, PASSWORD).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    assert_eq!(location(&first), "/console/login/code");
    let a = second_step(&b, code).await;
    if a.status == StatusCode::SEE_OTHER {
        b.cookie = Some(session_from(&a).expect("a session"));
    }
    (a, b)
}

fn log_actions(app: &TestApp) -> Vec<(String, Option<String>)> {
    app.store
        .staff_actions()
        .unwrap()
        .into_iter()
        .map(|a| (a.action, a.subject))
        .collect()
}

#[actix_web::test]
async fn enrolment_shows_a_server_drawn_qr_code_then_recovery_codes_once() {
    let app = spawn_app().await;
    add_user(&app, "ann", Role::Coordinator, None).await;
    let b = sign_in(&app, "ann").await;
    // Past the step the server started in (the replay guard's floor).
    app.session_clock.advance(STEP_SECS * 2);

    let page = b.get(ENROL).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<svg") && page.body.contains("role=\"img\""));
    assert!(!page.body.contains("<script") && !page.body.contains("<img"));
    let totp = secret_on(&page.body);
    // Reloading keeps the same secret (the app may have scanned it).
    assert_eq!(
        secret_on(&b.get(ENROL).await.body).secret.expose(),
        totp.secret.expose()
    );
    let token = csrf_in(&page.body).unwrap();

    // A wrong code: the page again, with a GOV.UK error summary.
    let code = code_now(&app, &totp);
    let refused = b
        .post_raw(ENROL, &[("csrf", &token), ("code", &wrong(&code))])
        .await;
    assert_eq!(refused.status.as_u16(), 400, "{}", refused.body);
    assert!(has_error_summary(&refused), "{}", refused.body);
    let user = app.store.user_by_name("ann").unwrap().unwrap();
    assert!(user.second_factor.is_none());

    let done = b
        .post_raw(ENROL, &[("csrf", &token), ("code", &code)])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(done.headers.get("cache-control").unwrap(), "no-store");
    let codes = recovery_on(&done.body);
    assert_eq!(codes.len(), 10);
    assert!(done.body.contains("only time they are shown"));

    // Shown once: the page now says it is on, with no code on it.
    let again = b.get(ENROL).await;
    assert!(
        again.body.contains("10 unused recovery codes"),
        "{}",
        again.body
    );
    assert!(!again.body.contains("totp-key"));
    for c in &codes {
        assert!(!again.body.contains(c.as_str()));
    }

    // Stored sealed and hashed: neither the secret nor a code in the store.
    let user = app.store.user_by_name("ann").unwrap().unwrap();
    let stored = serde_json::to_string(&user).unwrap();
    let base32 = totp.secret.to_base32().to_string();
    let hex = parrhesia::encoding::hex(totp.secret.expose());
    assert!(user.second_factor.is_some());
    assert!(
        !stored.contains(&base32) && !stored.contains(&hex),
        "{stored}"
    );
    for c in &codes {
        assert!(!stored.contains(c.as_str()) && !stored.contains(&c.replace('-', "")));
    }
    let keys = app.dirs.path().join("keys");
    assert!(keys.join("staff.key").exists());
    assert!(keys.join("recovery-code.key").exists());

    // The enrolment is in the staff log, with no secret.
    let log = log_actions(&app);
    assert!(log.contains(&("second-factor.enrol".into(), Some("ann".into()))));
    let everything = format!("{:?}", app.store.staff_actions().unwrap());
    assert!(!everything.contains(&base32) && !everything.contains(&code));
}

#[actix_web::test]
async fn each_session_enrols_its_own_secret_and_enrolling_or_turning_off_ends_the_others() {
    let app = spawn_app().await;
    add_user(&app, "ann", Role::Moderator, None).await;
    // An attacker with ann's phished password signed in before she enrols.
    let thief = sign_in(&app, "ann").await;
    let b = sign_in(&app, "ann").await;
    app.session_clock.advance(STEP_SECS * 2);
    let theirs = secret_on(&thief.get(ENROL).await.body);
    let page = b.get(ENROL).await;
    let mine = secret_on(&page.body);
    assert_ne!(
        theirs.secret.expose(),
        mine.secret.expose(),
        "two sessions of one user were shown the same secret"
    );
    // ann enrols: the other session ends, hers goes on.
    let token = csrf_in(&page.body).unwrap();
    let done = b
        .post_raw(ENROL, &[("csrf", &token), ("code", &code_now(&app, &mine))])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(location(&thief.get("/console").await), "/console/login");
    assert_eq!(b.get("/console").await.status, StatusCode::OK);
    // The thief's secret is not the stored one: its code signs nobody in.
    app.session_clock.advance(STEP_SECS);
    let (a, _) = sign_in_with(&app, "ann", &code_now(&app, &theirs)).await;
    assert_eq!(a.status.as_u16(), 400, "{}", a.body);

    // Turning it off ends every other session too.
    app.session_clock.advance(STEP_SECS);
    let (a, other) = sign_in_with(&app, "ann", &code_now(&app, &mine)).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(other.get("/console").await.status, StatusCode::OK);
    app.session_clock.advance(STEP_SECS);
    let token = csrf_in(&b.get(ENROL).await.body).unwrap();
    let off = b
        .post_raw(
            "/console/account/two-step/disable",
            &[("csrf", &token), ("code", &code_now(&app, &mine))],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.body);
    assert_eq!(location(&other.get("/console").await), "/console/login");
    assert_eq!(b.get("/console").await.status, StatusCode::OK);
}

#[actix_web::test]
async fn a_role_change_from_a_record_read_before_enrolment_keeps_the_second_factor() {
    let app = spawn_app().await;
    add_user(&app, "ann", Role::Moderator, None).await;
    let b = sign_in(&app, "ann").await;
    app.session_clock.advance(STEP_SECS * 2);
    // An administrator's role change read ann's record before she enrolled
    // and writes it back after.
    let mut stale = app.store.user_by_name("ann").unwrap().unwrap();
    enrol(&app, &b).await;
    stale.role = Role::Coordinator;
    app.store.update_user(stale).await.unwrap();
    let user = app.store.user_by_name("ann").unwrap().unwrap();
    assert_eq!(user.role, Role::Coordinator);
    assert!(user.second_factor.is_some(), "the enrolment was undone");
}

#[actix_web::test]
async fn sign_in_then_needs_a_current_code_once_or_a_recovery_code_once() {
    let app = spawn_app().await;
    add_user(&app, "ann", Role::Moderator, None).await;
    add_user(&app, "bob", Role::Moderator, None).await;
    let b = sign_in(&app, "ann").await;
    app.session_clock.advance(STEP_SECS * 2);
    let (totp, codes) = enrol(&app, &b).await;

    // The password alone starts no session: its cookie reaches nothing.
    let (first, pending) = password_step(&app, "ann", PASSWORD).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&first), "/console/login/code");
    let home = pending.get("/console").await;
    assert_eq!(location(&home), "/console/login");
    // A wrong password looks exactly as for a user without a second
    // factor, or none at all.
    for (name, password) in [
        ("ann", "wrong password!!"),
        ("bob", "wrong password!!"),
        ("nobody", PASSWORD),
    ] {
        let (a, _) = password_step(&app, name, password).await;
        assert_eq!(a.status.as_u16(), 400, "{name}");
        assert!(a.body.contains("Enter a correct user name and password."));
        assert!(!a.body.contains("/console/login/code"), "{name}");
    }

    // The code that confirmed enrolment cannot sign in (same step).
    let used = code_now(&app, &totp);
    let a = second_step(&pending, &used).await;
    assert_eq!(a.status.as_u16(), 400, "{}", a.body);
    assert!(has_error_summary(&a));
    assert!(session_from(&a).is_none());
    // A wrong code neither.
    let a = second_step(&pending, &wrong(&used)).await;
    assert_eq!(a.status.as_u16(), 400);

    // The next step's code does, once, under a new cookie: the waiting
    // step's value then reaches nothing.
    app.session_clock.advance(STEP_SECS);
    let code = code_now(&app, &totp);
    let (_, mut signed_in) = password_step(&app, "ann", PASSWORD).await;
    let waiting_value = signed_in.cookie.clone().expect("a waiting cookie");
    let page = signed_in.get("/console/login/code").await;
    let token = csrf_in(&page.body).unwrap();
    let a = second_step(&signed_in, &code).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(location(&a), "/console");
    let session = session_from(&a).expect("a session");
    assert_ne!(
        session, waiting_value,
        "the waiting cookie became the session"
    );
    signed_in.cookie = Some(session);
    assert_eq!(signed_in.get("/console").await.status, StatusCode::OK);
    let old = Browser {
        address: app.address.clone(),
        client: signed_in.client.clone(),
        cookie: Some(waiting_value),
    };
    assert_eq!(location(&old.get("/console").await), "/console/login");
    assert!(old
        .get("/console/login/code")
        .await
        .body
        .contains("Sign in again"));
    app.session_clock.advance(STEP_SECS);
    let again = old
        .post_raw(
            "/console/login/code",
            &[("csrf", &token), ("code", &code_now(&app, &totp))],
        )
        .await;
    assert!(again.body.contains("Sign in again"), "{}", again.body);
    assert!(session_from(&again).is_none());
    // Replayed in another sign-in, in the same step: refused.
    let (a, _) = sign_in_with(&app, "ann", &code).await;
    assert_eq!(a.status.as_u16(), 400, "a replayed code signed in");
    // An older code (the step before, within the window) is refused too.
    app.session_clock.advance(STEP_SECS);
    let (a, _) = sign_in_with(&app, "ann", &code).await;
    assert_eq!(a.status.as_u16(), 400, "an older code signed in");

    // A recovery code works once, typed any way, and is logged.
    let typed = codes[4].to_uppercase().replace('-', " ");
    let (a, b2) = sign_in_with(&app, "ann", &typed).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(b2.get("/console").await.status, StatusCode::OK);
    let (a, _) = sign_in_with(&app, "ann", &codes[4]).await;
    assert_eq!(a.status.as_u16(), 400, "a recovery code worked twice");
    let user = app.store.user_by_name("ann").unwrap().unwrap();
    assert_eq!(user.second_factor.unwrap().recovery.remaining(), 9);
    assert!(log_actions(&app).contains(&(
        "second-factor.recovery-code-used".into(),
        Some("ann (9 left)".into())
    )));
    // Another user's recovery code is nothing here.
    let bob = sign_in(&app, "bob").await;
    let (_, bob_codes) = enrol(&app, &bob).await;
    let (a, _) = sign_in_with(&app, "ann", &bob_codes[0]).await;
    assert_eq!(a.status.as_u16(), 400);
}

#[actix_web::test]
async fn turning_it_off_needs_a_current_code_and_is_logged() {
    let app = spawn_app().await;
    add_user(&app, "ann", Role::Moderator, None).await;
    let b = sign_in(&app, "ann").await;
    app.session_clock.advance(STEP_SECS * 2);
    let (totp, codes) = enrol(&app, &b).await;
    let token = csrf_in(&b.get(ENROL).await.body).unwrap();
    let off = "/console/account/two-step/disable";
    for typed in [
        wrong(&code_now(&app, &totp)),
        codes[0].clone(),
        code_now(&app, &totp),
    ] {
        // A wrong code, a recovery code, and the code just used to enrol.
        let a = b.post_raw(off, &[("csrf", &token), ("code", &typed)]).await;
        assert_eq!(a.status.as_u16(), 400, "{typed}: {}", a.body);
        assert!(has_error_summary(&a));
    }
    assert!(app
        .store
        .user_by_name("ann")
        .unwrap()
        .unwrap()
        .second_factor
        .is_some());
    app.session_clock.advance(STEP_SECS);
    let a = b
        .post_raw(off, &[("csrf", &token), ("code", &code_now(&app, &totp))])
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(location(&a), "/console/account/two-step?done=two-step-off");
    assert!(app
        .store
        .user_by_name("ann")
        .unwrap()
        .unwrap()
        .second_factor
        .is_none());
    assert!(log_actions(&app).contains(&("second-factor.disable".into(), Some("ann".into()))));
    // The password alone signs in again.
    let (a, _) = password_step(&app, "ann", PASSWORD).await;
    assert_eq!(location(&a), "/console");
}

fn is_locked(a: &Answer) -> bool {
    a.status == StatusCode::TOO_MANY_REQUESTS && a.body.contains("Too many wrong codes")
}

#[actix_web::test]
async fn ten_wrong_codes_in_a_row_across_sign_ins_lock_the_code_step_and_are_logged() {
    let app = spawn_app().await;
    add_user(&app, "ann", Role::Moderator, None).await;
    let b = sign_in(&app, "ann").await;
    app.session_clock.advance(STEP_SECS * 2);
    let (totp, codes) = enrol(&app, &b).await;
    app.session_clock.advance(STEP_SECS);
    let right = code_now(&app, &totp);
    // Five wrong codes end one waiting sign-in; the password again gives
    // five more tries there, but the account counts all ten.
    let (_, first) = password_step(&app, "ann", PASSWORD).await;
    for i in 1..=5 {
        let a = second_step(&first, &wrong(&right)).await;
        match i {
            5 => assert!(a.body.contains("Sign in again"), "{}", a.body),
            _ => assert_eq!(a.status.as_u16(), 400, "attempt {i}"),
        }
    }
    let (_, second) = password_step(&app, "ann", PASSWORD).await;
    for i in 1..=4 {
        let a = second_step(&second, "wxyz-wxyz-wxyz-wxyz").await;
        assert_eq!(a.status.as_u16(), 400, "attempt {i}: {}", a.body);
    }
    let a = second_step(&second, &wrong(&right)).await;
    assert!(is_locked(&a), "{} {}", a.status, a.body);
    // Locked: even the right code, or a recovery code, starts nothing,
    // and the form that turns it off checks nothing either.
    let (a, _) = sign_in_with(&app, "ann", &right).await;
    assert!(is_locked(&a), "{} {}", a.status, a.body);
    assert!(session_from(&a).is_none());
    let (a, _) = sign_in_with(&app, "ann", &codes[1]).await;
    assert!(is_locked(&a), "{} {}", a.status, a.body);
    let token = csrf_in(&b.get(ENROL).await.body).unwrap();
    let off = b
        .post_raw(
            "/console/account/two-step/disable",
            &[("csrf", &token), ("code", &right)],
        )
        .await;
    assert!(is_locked(&off), "{} {}", off.status, off.body);
    let user = app.store.user_by_name("ann").unwrap().unwrap();
    assert_eq!(user.second_factor.unwrap().recovery.remaining(), 10);
    // The lock is a security event: user name and week, no code.
    let log = log_actions(&app);
    let events: Vec<_> = log
        .iter()
        .filter(|(a, _)| a == "second-factor.failures")
        .collect();
    assert_eq!(
        events,
        [&("second-factor.failures".into(), Some("ann".into()))]
    );
    let everything = format!("{:?}", app.store.staff_actions().unwrap());
    assert!(!everything.contains(&right) && !everything.contains(&wrong(&right)));
    // An hour later the right code works, and resets the count.
    app.session_clock.advance(LOCK_SECS);
    let (a, _) = sign_in_with(&app, "ann", &code_now(&app, &totp)).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
}

#[actix_web::test]
async fn parallel_wrong_codes_on_one_waiting_sign_in_cannot_pass_its_limit() {
    let app = spawn_app().await;
    add_user(&app, "ann", Role::Moderator, None).await;
    let b = sign_in(&app, "ann").await;
    app.session_clock.advance(STEP_SECS * 2);
    let (totp, _) = enrol(&app, &b).await;
    app.session_clock.advance(STEP_SECS);
    let bad = wrong(&code_now(&app, &totp));
    let (_, pending) = password_step(&app, "ann", PASSWORD).await;
    let page = pending.get("/console/login/code").await;
    let token = csrf_in(&page.body).unwrap();
    let form = [("csrf", token.as_str()), ("code", bad.as_str())];
    let answers = join_all((0..20).map(|_| pending.post_raw("/console/login/code", &form))).await;
    let checked = answers.iter().filter(|a| a.status.as_u16() == 400).count();
    assert!(checked < 5, "{checked} wrong codes answered as wrong");
    // Exactly five were checked and counted for the account: five more
    // wrong codes in a new sign-in lock it, and not sooner.
    let (_, next) = password_step(&app, "ann", PASSWORD).await;
    for i in 1..=4 {
        let a = second_step(&next, &bad).await;
        assert_eq!(a.status.as_u16(), 400, "attempt {i}: {}", a.body);
    }
    assert!(is_locked(&second_step(&next, &bad).await));
}

#[actix_web::test]
async fn administrators_must_enrol_before_anything_else_when_the_setting_is_on() {
    let app = spawn_app_with(|c| c.second_factor_for_administrators = true).await;
    add_user(&app, "root", Role::Administrator, None).await;
    add_user(&app, "cora", Role::Coordinator, None).await;
    app.session_clock.advance(STEP_SECS * 2);
    let admin = sign_in(&app, "root").await;
    for path in ["/console", "/console/users", "/console/log"] {
        let a = admin.get(path).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            location(&a),
            "/console/account/two-step?required=yes",
            "{path}"
        );
    }
    // Forms too, not only pages.
    let token = csrf_in(&admin.get(ENROL).await.body).unwrap();
    let a = admin
        .post_raw(
            "/console/organisations",
            &[("csrf", &token), ("slug", "x"), ("name", "X")],
        )
        .await;
    assert_eq!(location(&a), "/console/account/two-step?required=yes");
    let page = admin.get(ENROL).await;
    assert!(page
        .body
        .contains("Administrators must use two-step sign-in"));
    // Other roles are not held back.
    let cora = sign_in(&app, "cora").await;
    assert_eq!(cora.get("/console").await.status, StatusCode::OK);
    // Once enrolled, the administrator goes on.
    enrol(&app, &admin).await;
    assert_eq!(admin.get("/console/users").await.status, StatusCode::OK);
    // Without the setting, nobody is sent to enrol.
    let free = spawn_app().await;
    add_user(&free, "root", Role::Administrator, None).await;
    let admin = sign_in(&free, "root").await;
    assert_eq!(admin.get("/console/users").await.status, StatusCode::OK);
}

#[actix_web::test]
async fn the_second_step_is_rate_limited_and_forgotten_after_five_wrong_codes() {
    let app = spawn_app().await;
    add_user(&app, "ann", Role::Moderator, None).await;
    let b = sign_in(&app, "ann").await;
    app.session_clock.advance(STEP_SECS * 2);
    let (totp, _) = enrol(&app, &b).await;
    app.session_clock.advance(STEP_SECS);
    let (_, pending) = password_step(&app, "ann", PASSWORD).await;
    let right = code_now(&app, &totp);
    for i in 1..5 {
        let a = second_step(&pending, &wrong(&right)).await;
        assert_eq!(a.status.as_u16(), 400, "attempt {i}");
    }
    // The fifth wrong code ends the waiting sign-in: even the right code
    // then needs the password again.
    let page = pending.get("/console/login/code").await;
    let token = csrf_in(&page.body).unwrap();
    let a = pending
        .post_raw(
            "/console/login/code",
            &[("csrf", &token), ("code", &wrong(&right))],
        )
        .await;
    assert!(a.body.contains("Sign in again"), "{}", a.body);
    let a = pending
        .post_raw("/console/login/code", &[("csrf", &token), ("code", &right)])
        .await;
    assert!(a.body.contains("Sign in again"));
    assert!(session_from(&a).is_none());
    // A waiting sign-in lasts five minutes.
    let (_, slow) = password_step(&app, "ann", PASSWORD).await;
    let page = slow.get("/console/login/code").await;
    let token = csrf_in(&page.body).unwrap();
    app.session_clock.advance(5 * 60 + 1);
    let a = slow
        .post_raw(
            "/console/login/code",
            &[("csrf", &token), ("code", &code_now(&app, &totp))],
        )
        .await;
    assert!(a.body.contains("Sign in again"));
    // A second step without its pre-session token is refused.
    let (_, pending) = password_step(&app, "ann", PASSWORD).await;
    let a = pending
        .post_raw("/console/login/code", &[("code", &code_now(&app, &totp))])
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);

    // Each code is a sign-in attempt for the account's limit: each try
    // below comes from another address (through a trusted proxy), so no
    // client's own limit is reached and only the account's can trip.
    let limited = spawn_app_with(|c| {
        c.rate_limits.login_attempts_per_minute = 3;
        c.rate_limits.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    add_user(&limited, "ann", Role::Moderator, None).await;
    let b = sign_in(&limited, "ann").await;
    limited.session_clock.advance(STEP_SECS * 2);
    let (totp, _) = enrol(&limited, &b).await;
    let (first, pending) = password_step(&limited, "ann", PASSWORD).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let wrong_code = wrong(&code_now(&limited, &totp));
    let from = |address: &str| Browser {
        address: limited.address.clone(),
        client: awc::Client::builder()
            .timeout(std::time::Duration::from_secs(60))
            .disable_redirects()
            .add_default_header(("X-Forwarded-For", address.to_owned()))
            .finish(),
        cookie: pending.cookie.clone(),
    };
    // The account's bucket of 3 held the first sign-in and this password:
    // one code, then no more, whichever address it comes from.
    let a = second_step(&from("192.0.2.1"), &wrong_code).await;
    assert_eq!(a.status.as_u16(), 400, "{}", a.body);
    let a = second_step(&from("192.0.2.2"), &wrong_code).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
    assert!(a.body.contains("Too many sign-in attempts"), "{}", a.body);
}
