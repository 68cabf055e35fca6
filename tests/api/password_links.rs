//! Invitations and password resets for staff (issue 21, "Invitations and
//! resets for staff"): an administrator invites by e-mail (without SMTP the
//! console shows the one-time link once), the link sets a password once
//! within 72 hours, a used or expired link gets a clear error page, "forgot
//! password" answers the same whether or not the account exists, and a
//! reset never bypasses the second factor. Real mail: `mail_server`.

use crate::console::{admin_app, csrf_in, presession, session_from, Browser, PASSWORD};
use crate::helpers::{spawn_app_with, Answer, TestApp};
use crate::second_factor::{enrol, location, second_step};
use crate::token_privacy::{contains, raw_files};
use awc::http::StatusCode;
use parrhesia::clock::SessionClock;
use parrhesia::staff::link::{self, Purpose, LIFETIME_HOURS};
use parrhesia::staff::{EmailAddress, Role, User, Username};

pub const NEW_PASSWORD: &str = "a freshly chosen passphrase of mine";

/// The one-time link on an invitation's answer page (`#invitation-link`).
pub fn link_on(page: &str) -> Option<String> {
    let at = page.find("id=\"invitation-link\">")? + "id=\"invitation-link\">".len();
    Some(page[at..].split('<').next()?.to_owned())
}

/// The token of a link (`…/console/password/set/<token>`).
pub fn token_of(link: &str) -> String {
    let token = link
        .split("/console/password/set/")
        .nth(1)
        .expect("a set-password link");
    token.chars().take_while(char::is_ascii_hexdigit).collect()
}

/// Invite `name` (`email`, `role`) as the signed-in administrator `admin`.
pub async fn invite(admin: &Browser, name: &str, email: &str, role: &str) -> Answer {
    admin
        .post(
            "/console/users",
            &[
                ("username", name),
                ("email", email),
                ("role", role),
                ("organisation", ""),
            ],
        )
        .await
}

/// Set a password from link `token` in a fresh browser, as a browser would:
/// the link's page (or, for a dead link, the sign-in page) gives the
/// pre-session, then the form is posted.
pub async fn use_link(app: &TestApp, token: &str, password: &str) -> Answer {
    let b = Browser::new(app);
    let page = b.get(&format!("/console/password/set/{token}")).await;
    let from = if page.status == StatusCode::OK {
        format!("/console/password/set/{token}")
    } else {
        "/console/login".to_owned()
    };
    let (cookie, csrf) = presession(&b, &from).await;
    let b = Browser {
        cookie: Some(cookie),
        ..b
    };
    b.post_raw(
        "/console/password/set",
        &[("csrf", &csrf), ("token", token), ("password", password)],
    )
    .await
}

/// The first step of signing in, in a fresh browser.
pub async fn sign_in_with(app: &TestApp, name: &str, password: &str) -> (Answer, Browser) {
    let mut b = Browser::new(app);
    let a = b
        .post_signed_out(
            "/console/login",
            &[("username", name), ("password", password)],
        )
        .await;
    if let Some(c) = session_from(&a) {
        b.cookie = Some(c);
    }
    (a, b)
}

fn actions(app: &TestApp) -> Vec<(String, String)> {
    app.store
        .staff_actions()
        .unwrap()
        .into_iter()
        .map(|a| (a.action, a.subject.unwrap_or_default()))
        .collect()
}

/// Guarantee: an invitation without SMTP shows its link once (no-store),
/// the link sets a password once, the user then signs in with it, and a
/// second use gets the "used" page. The store keeps only the keyed hash.
#[actix_web::test]
async fn an_invited_user_sets_their_password_from_the_link_once_and_signs_in() {
    // Arrange
    let (app, admin) = admin_app().await;
    // Act: invite without SMTP.
    let shown = invite(&admin, "dana", "Dana@Example.org", "coordinator").await;
    // Assert: the link is shown once, on a page kept by no cache.
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert_eq!(shown.headers.get("cache-control").unwrap(), "no-store");
    assert!(shown.body.contains("only time the link is shown"));
    let link = link_on(&shown.body).expect("the link");
    let token = token_of(&link);
    assert_eq!(token.len(), 64);
    let users_page = admin.get("/console/users").await;
    assert!(users_page.body.contains("dana"));
    assert!(!users_page.body.contains(&token), "shown again");
    let dana = app.store.user_by_name("dana").unwrap().unwrap();
    assert_eq!(dana.email.as_ref().unwrap().as_str(), "Dana@example.org");
    let stored = dana.password_link.clone().expect("a stored link");
    assert_eq!(stored.purpose, Purpose::Invitation);
    // Only the keyed hash is in the store (a backup is every stored byte;
    // on sled, the data directory's files too).
    let backup = app.store.backup().await.unwrap();
    assert!(contains(&backup, stored.hash.as_bytes()), "hash not found");
    assert!(!contains(&backup, token.as_bytes()), "token stored");
    if std::env::var("PARRHESIA_TEST_ALL_ON_POSTGRES").is_err() {
        app.store.drain().await.unwrap();
        let files = raw_files(&app.dirs.path().join("data")).concat();
        assert!(!contains(&files, token.as_bytes()), "token on disk");
    }
    // Until the link is used, no password signs dana in.
    let (a, _) = sign_in_with(&app, "dana", PASSWORD).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);

    // The link's page asks for a password; a too-short one is refused on
    // the form, and the link still works.
    let page = Browser::new(&app)
        .get(&format!("/console/password/set/{token}"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Choose your password"));
    let short = use_link(&app, &token, "short").await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST, "{}", short.body);
    assert!(short.body.contains("href=\"#password\""));

    let set = use_link(&app, &token, NEW_PASSWORD).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    assert_eq!(location(&set), "/console/login?done=password");
    assert!(session_from(&set).is_none(), "setting signs no one in");
    let login = Browser::new(&app).get("/console/login?done=password").await;
    assert!(login.body.contains("Your password is set"));
    let (a, b) = sign_in_with(&app, "dana", NEW_PASSWORD).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(location(&a), "/console");
    assert_eq!(b.get("/console/organisations").await.status, StatusCode::OK);

    // Used: the page and the form both say so, and nothing changes.
    let again = use_link(&app, &token, "another passphrase entirely").await;
    assert_eq!(again.status, StatusCode::GONE);
    assert!(again.body.contains("already been used"), "{}", again.body);
    let page = Browser::new(&app)
        .get(&format!("/console/password/set/{token}"))
        .await;
    assert_eq!(page.status, StatusCode::GONE);
    assert!(page.body.contains("<h1>This link has already been used"));
    let (a, _) = sign_in_with(&app, "dana", NEW_PASSWORD).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(app
        .store
        .user_by_name("dana")
        .unwrap()
        .unwrap()
        .password_link
        .is_none());
    let log = actions(&app);
    assert!(log.contains(&("user.invite".into(), "dana as coordinator".into())));
    assert!(log.contains(&("user.password-set".into(), "dana (invitation)".into())));
    assert!(
        log.iter()
            .all(|(_, s)| !s.to_lowercase().contains("example.org")),
        "an address in the log: {log:?}"
    );
}

/// The invitation form checks the address and places each problem on its
/// field; a taken user name is refused.
#[actix_web::test]
async fn the_invitation_form_checks_the_address() {
    let (app, admin) = admin_app().await;
    let bad = invite(&admin, "ed", "not an address", "organisation").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    for field in ["#username", "#email", "#organisation"] {
        assert!(bad.body.contains(&format!("href=\"{field}\"")), "{field}");
    }
    assert!(bad.body.contains("value=\"not an address\""));
    let taken = invite(&admin, "admin", "a@example.org", "moderator").await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_eq!(app.store.users().unwrap().len(), 1);
}

/// A link expires 72 hours after the hour it was made in: good one second
/// before, a clear error page from then on (page and form), and the
/// password is unchanged.
#[actix_web::test]
async fn an_expired_link_gets_a_clear_error_page() {
    let (app, admin) = admin_app().await;
    let shown = invite(&admin, "fay", "fay@example.org", "moderator").await;
    let token = token_of(&link_on(&shown.body).unwrap());
    // The manual clock starts on the hour, so the link's last second is
    // 72 hours on, less one.
    app.session_clock.advance(LIFETIME_HOURS * 3600 - 1);
    let page = Browser::new(&app)
        .get(&format!("/console/password/set/{token}"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    app.session_clock.advance(1);
    let page = Browser::new(&app)
        .get(&format!("/console/password/set/{token}"))
        .await;
    assert_eq!(page.status, StatusCode::GONE);
    assert!(
        page.body.contains("<h1>This link has expired</h1>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("href=\"/console/password/forgot\""));
    let posted = use_link(&app, &token, NEW_PASSWORD).await;
    assert_eq!(posted.status, StatusCode::GONE);
    assert!(posted.body.contains("This link has expired"));
    let (a, _) = sign_in_with(&app, "fay", NEW_PASSWORD).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

/// A mail server that takes nothing: a loopback port with no listener.
fn closed_smtp() -> parrhesia::mail::SmtpConfig {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    parrhesia::mail::RawSmtp {
        host: Some("127.0.0.1".into()),
        port: Some(port),
        security: Some("none".into()),
        sender: Some("Parrhesia <parrhesia@parrhesia.test>".into()),
        ..parrhesia::mail::RawSmtp::default()
    }
    .validate()
    .unwrap()
    .unwrap()
}

/// Add `name` with a known password and `email` straight to the store.
pub async fn add_user_with_email(app: &TestApp, name: &str, role: Role, email: &str) {
    let hash = parrhesia::staff::password::hash(
        &parrhesia::staff::password::Password::parse(PASSWORD).unwrap(),
    )
    .unwrap();
    let mut user = User::new(Username::parse(name).unwrap(), role, None, hash).unwrap();
    user.email = Some(EmailAddress::parse(email).unwrap());
    app.store.add_user(user).await.unwrap();
}

async fn forgot(app: &TestApp, typed: &str) -> Answer {
    Browser::new(app)
        .post_signed_out("/console/password/forgot", &[("account", typed)])
        .await
}

/// Guarantee: "forgot password" answers a known address, a known user
/// name, an unknown address and an unknown name with the identical page
/// and status; only the known account gets a link (made after the
/// answer). The per-address limit treats known and unknown alike.
#[actix_web::test]
async fn forgot_password_answers_the_same_for_known_and_unknown_accounts() {
    // Arrange: mail configured (to a port that takes nothing: the answer
    // must not wait for it).
    let app = spawn_app_with(|c| c.smtp = Some(closed_smtp())).await;
    add_user_with_email(&app, "gil", Role::Coordinator, "gil@example.org").await;
    add_user_with_email(&app, "hal", Role::Moderator, "hal@example.org").await;
    // Act
    let answers = [
        forgot(&app, "gil@example.org").await,
        forgot(&app, "nobody@example.org").await,
        forgot(&app, "hal").await,
        forgot(&app, "nobody").await,
    ];
    // Assert: one status, one body.
    for a in &answers {
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        assert_eq!(a.body, answers[0].body);
        assert!(a.body.contains("Check your e-mail"));
    }
    // The known accounts' links were made, and recorded, off the request
    // path.
    let mut linked = false;
    for _ in 0..100 {
        let users = app.store.users().unwrap();
        linked = users.iter().all(|u| match u.username.as_str() {
            "gil" | "hal" => u
                .password_link
                .as_ref()
                .is_some_and(|l| l.purpose == Purpose::Reset),
            _ => false,
        }) && actions(&app)
            .iter()
            .filter(|(a, _)| a == "user.password-reset")
            .count()
            == 2;
        if linked {
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(linked, "no reset link was made");
    let log = actions(&app);
    assert!(log.contains(&("user.password-reset".into(), "gil".into())));
    assert!(log.iter().all(|(_, s)| !s.contains('@')), "{log:?}");
    // Three an hour per address, known or not; then 429 for both alike.
    for typed in ["gil@example.org", "nobody@example.org"] {
        for _ in 0..2 {
            assert_eq!(forgot(&app, typed).await.status, StatusCode::OK);
        }
        let limited = forgot(&app, typed).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS, "{typed}");
    }
    // An empty form is a form error, not an answer.
    let empty = forgot(&app, "  ").await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert!(empty.body.contains("href=\"#account\""));
}

/// Without SMTP, "forgot password" still gives the one answer and makes
/// no link (nobody could receive it).
#[actix_web::test]
async fn without_mail_forgot_password_makes_no_link() {
    let app = spawn_app_with(|_| {}).await;
    add_user_with_email(&app, "ivy", Role::Coordinator, "ivy@example.org").await;
    let a = forgot(&app, "ivy").await;
    let b = forgot(&app, "nobody").await;
    assert_eq!((a.status, &a.body), (b.status, &b.body));
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    let ivy = app.store.user_by_name("ivy").unwrap().unwrap();
    assert!(ivy.password_link.is_none());
}

/// A link made with the key directory's link key, stored on `name`'s
/// account as the reset use case does: its token.
async fn reset_link(app: &TestApp, name: &str) -> String {
    let raw = std::fs::read(app.dirs.path().join("keys").join("password-link.key")).unwrap();
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &raw);
    let (token, stored) =
        link::generate(&key, Purpose::Reset, app.session_clock.unix_secs()).unwrap();
    let user = app.store.user_by_name(name).unwrap().unwrap();
    app.store.set_password_link(&user.id, stored).await.unwrap();
    token.expose().to_owned()
}

/// Guarantee: a reset does not bypass the second factor, and ends every
/// session of the account.
#[actix_web::test]
async fn a_reset_ends_sessions_and_still_asks_for_the_second_factor() {
    // Arrange: jo is enrolled and signed in.
    let app = spawn_app_with(|_| {}).await;
    add_user_with_email(&app, "jo.b", Role::Coordinator, "jo@example.org").await;
    let (a, b) = sign_in_with(&app, "jo.b", PASSWORD).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    app.session_clock
        .advance(parrhesia::staff::totp::STEP_SECS * 2);
    let (totp, _) = enrol(&app, &b).await;
    let token = reset_link(&app, "jo.b").await;
    // Act
    let set = use_link(&app, &token, NEW_PASSWORD).await;
    // Assert
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    assert_eq!(b.get("/console").await.status, StatusCode::SEE_OTHER);
    let (old, _) = sign_in_with(&app, "jo.b", PASSWORD).await;
    assert_eq!(old.status, StatusCode::BAD_REQUEST, "the old password");
    let (first, b) = sign_in_with(&app, "jo.b", NEW_PASSWORD).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&first), "/console/login/code", "no session yet");
    app.session_clock
        .advance(parrhesia::staff::totp::STEP_SECS * 2);
    let code = totp.code_at(app.session_clock.unix_secs()).to_string();
    let second = second_step(&b, &code).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    assert_eq!(location(&second), "/console");
    assert!(actions(&app).contains(&("user.password-set".into(), "jo.b (reset)".into())));
    let page = csrf_in(
        &Browser::new(&app)
            .get("/console/password/forgot")
            .await
            .body,
    );
    assert!(
        page.is_some(),
        "the forgot form carries a pre-session token"
    );
}

/// The store's link operations: a newer link replaces an older one, a link
/// is used once (a second use, or the replaced link, is refused), and a
/// role change written from a record read before the link or the reset
/// keeps the password and the link as stored.
#[actix_web::test]
async fn the_store_uses_a_link_once_and_a_stale_role_change_keeps_it() {
    use parrhesia::store::StoreError;
    // Arrange
    let app = spawn_app_with(|_| {}).await;
    add_user_with_email(&app, "kay", Role::Coordinator, "kay@example.org").await;
    let stale = app.store.user_by_name("kay").unwrap().unwrap();
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &[1u8; 32]);
    let (_, first) = link::generate(&key, Purpose::Reset, 0).unwrap();
    let (_, second) = link::generate(&key, Purpose::Reset, 0).unwrap();
    let read = |app: &TestApp| app.store.user_by_name("kay").unwrap().unwrap();
    // Act / Assert: the newer link replaces the older.
    app.store
        .set_password_link(&stale.id, first.clone())
        .await
        .unwrap();
    app.store
        .set_password_link(&stale.id, second.clone())
        .await
        .unwrap();
    let replaced = app
        .store
        .use_password_link(&stale.id, &first.hash, "replaced".into())
        .await;
    assert!(
        matches!(replaced, Err(StoreError::Exists(_))),
        "{replaced:?}"
    );
    // A role change from the record read before keeps the link.
    let mut changed = stale.clone();
    changed.role = Role::Moderator;
    app.store.update_user(changed).await.unwrap();
    assert_eq!(read(&app).role, Role::Moderator);
    assert_eq!(read(&app).password_link, Some(second.clone()));
    // Used once.
    app.store
        .use_password_link(&stale.id, &second.hash, "new-hash".into())
        .await
        .unwrap();
    assert_eq!(read(&app).password_hash, "new-hash");
    assert!(read(&app).password_link.is_none());
    let again = app
        .store
        .use_password_link(&stale.id, &second.hash, "again".into())
        .await;
    assert!(matches!(again, Err(StoreError::Exists(_))), "{again:?}");
    // A stale role change does not undo the reset.
    app.store.update_user(stale.clone()).await.unwrap();
    assert_eq!(read(&app).password_hash, "new-hash");
    assert_eq!(read(&app).role, Role::Coordinator);
    let gone = app
        .store
        .use_password_link("0000", &second.hash, "x".into())
        .await;
    assert!(matches!(gone, Err(StoreError::NotFound(_))), "{gone:?}");
}

/// A stranger who types an invited user's name at "forgot password"
/// cannot replace the invitation already sent (the new user would find
/// their link dead); a reset request is logged as a signed-out visitor's,
/// never as the account owner's own action.
#[actix_web::test]
async fn forgot_password_keeps_a_live_invitation_and_names_no_one_as_asking() {
    // Arrange: mail configured (to a port that takes nothing, so the
    // invitation's link is shown instead), one invited user, one with a
    // password.
    let app = spawn_app_with(|c| c.smtp = Some(closed_smtp())).await;
    crate::console::add_user(&app, "admin", Role::Administrator, None).await;
    let admin = crate::console::sign_in(&app, "admin").await;
    let shown = invite(&admin, "ivy", "ivy@example.org", "moderator").await;
    let token = token_of(&link_on(&shown.body).expect("the link shown"));
    let invitation = app
        .store
        .user_by_name("ivy")
        .unwrap()
        .unwrap()
        .password_link;
    assert!(invitation.is_some());
    add_user_with_email(&app, "gil", Role::Coordinator, "gil@example.org").await;
    // Act
    for typed in ["ivy", "ivy@example.org", "gil"] {
        assert_eq!(forgot(&app, typed).await.status, StatusCode::OK);
    }
    // Assert: gil's reset is made (off the request path) and logged as
    // asked by a signed-out visitor ...
    let mut entry = None;
    for _ in 0..100 {
        entry = app
            .store
            .staff_actions()
            .unwrap()
            .into_iter()
            .find(|a| a.action == "user.password-reset");
        if entry.is_some() {
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let entry = entry.expect("gil's reset was recorded");
    // ivy's two requests came first; give their tasks time to finish too.
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(entry.subject.as_deref(), Some("gil"));
    assert_eq!(entry.actor, "a signed-out visitor");
    // ... while ivy's invitation is untouched, no reset is logged for her,
    // and the invitation still works.
    assert_eq!(
        app.store
            .user_by_name("ivy")
            .unwrap()
            .unwrap()
            .password_link,
        invitation
    );
    assert!(!actions(&app).contains(&("user.password-reset".into(), "ivy".into())));
    let set = use_link(&app, &token, "ivy's own first passphrase").await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
}
