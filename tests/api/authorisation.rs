//! Authorisation by type (issue 14): every route of the one route table
//! that asks for something is walked with no credential and with every
//! wrong one, and refused the way its audience refuses. The admin token's
//! and organisations' routes answer JSON `401 unauthorized` with
//! `WWW-Authenticate: Bearer`; console routes send a visitor without a
//! session to sign in and show a signed-in user of another role the 403
//! page. The right credential is never refused.

use crate::console::{add_user, sign_in, Browser};
use crate::helpers::{collect, spawn_app, Answer, TestApp, ADMIN_TOKEN};
use awc::http::{Method, StatusCode};
use parrhesia::http::{Access, Audience, Route, ROUTES};
use parrhesia::staff::Role;
use serde_json::json;

/// A credential a request may carry.
#[derive(Debug, Clone)]
enum Credential {
    Nothing,
    Bearer(&'static str, String),
    Session(Role),
}

impl std::fmt::Display for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Nothing => f.write_str("no credential"),
            Self::Bearer(what, _) => write!(f, "{what} as a bearer token"),
            Self::Session(role) => write!(f, "a {role:?}'s session"),
        }
    }
}

fn concrete(path: &str, user: &str) -> String {
    path.replace("{round}", "spring")
        .replace("{organisation}", "care")
        .replace("{period}", "2026-11-16")
        .replace("{picture}", "card.svg")
        .replace("{quote}", "0123456789abcdef0123456789abcdef")
        .replace("{pledge}", "0123456789abcdef0123456789abcdef")
        .replace("{user}", user)
}

/// Whether `credential` is what `route` asks for.
fn is_right(route: &Route, credential: &Credential, care_key: &str) -> bool {
    match (route.access, credential) {
        (Access::AdminToken, Credential::Bearer(_, token)) => token == ADMIN_TOKEN,
        (Access::OrganisationKey, Credential::Bearer(_, key)) => key == care_key,
        (Access::SignedIn, Credential::Session(_)) => true,
        (Access::Roles(roles), Credential::Session(role)) => roles.contains(role),
        _ => false,
    }
}

async fn send(
    app: &TestApp,
    (anonymous, browsers): (&Browser, &[(Role, Browser)]),
    route: &Route,
    path: &str,
    credential: &Credential,
) -> Answer {
    let method = Method::from_bytes(route.method.as_bytes()).unwrap();
    match credential {
        Credential::Session(role) => {
            let b = &browsers.iter().find(|(r, _)| r == role).unwrap().1;
            match route.method {
                "GET" => b.get(path).await,
                // With this session's CSRF token, so only the role decides.
                "POST" => b.post(path, &[("round", "spring")]).await,
                _ => {
                    let cookie = format!("parrhesia_console={}", b.cookie.as_deref().unwrap());
                    let req = anonymous.client.request(method, app.url(path));
                    collect(req.insert_header(("Cookie", cookie)).send_json(&json!({}))).await
                }
            }
        }
        // A client that follows no redirect, so a 303 is seen as one.
        Credential::Bearer(_, token) => {
            let req = anonymous.client.request(method, app.url(path));
            collect(req.bearer_auth(token).send_json(&json!({}))).await
        }
        Credential::Nothing => {
            let req = anonymous.client.request(method, app.url(path));
            collect(req.send_json(&json!({}))).await
        }
    }
}

#[actix_web::test]
async fn every_protected_route_refuses_every_wrong_credential() {
    // Arrange: two organisations with keys, and a signed-in user per role.
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    app.setup_round("other", "autumn", 5).await;
    let key = |org: &'static str| {
        let app = &app;
        async move {
            let a = app
                .admin_post(
                    &format!("/api/v1/admin/organisations/{org}/keys"),
                    json!({}),
                )
                .await;
            assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
            a.json()["key"].as_str().unwrap().to_owned()
        }
    };
    let (care_key, other_key) = (key("care").await, key("other").await);
    let mut browsers = Vec::new();
    for role in Role::ALL {
        let name = role.as_str();
        let org = (role == Role::Organisation).then_some("care");
        add_user(&app, name, role, org).await;
        browsers.push((role, sign_in(&app, name).await));
    }
    // A user that an administrator's POST may remove.
    add_user(&app, "spare", Role::Moderator, None).await;
    let spare = app.store.user_by_name("spare").unwrap().unwrap().id;
    let mut credentials = vec![
        Credential::Nothing,
        Credential::Bearer("a wrong token", "wrong-token-0123456789abcdef".into()),
        Credential::Bearer("the admin token", ADMIN_TOKEN.into()),
        Credential::Bearer("care's key", care_key.clone()),
        Credential::Bearer("another organisation's key", other_key),
    ];
    credentials.extend(Role::ALL.into_iter().map(Credential::Session));
    let anonymous = Browser::new(&app);
    // Signing out last: it ends a session the others need.
    let mut routes: Vec<&Route> = ROUTES
        .iter()
        .filter(|r| r.access != Access::Public)
        .collect();
    routes.sort_by_key(|r| r.path == "/console/logout");
    assert!(routes.len() > 40, "only {} protected routes", routes.len());

    for route in routes {
        let path = concrete(route.path, &spare);
        // Wrong credentials first, then the right ones (which may change
        // what the route sees, e.g. open a round).
        let mut ordered: Vec<&Credential> = credentials.iter().collect();
        ordered.sort_by_key(|c| is_right(route, c, &care_key));
        for credential in ordered {
            // Act
            let a = send(&app, (&anonymous, &browsers), route, &path, credential).await;

            // Assert
            let what = format!(
                "{} {} with {credential}: {} {}",
                route.method, route.path, a.status, a.body
            );
            assert!(a.status.as_u16() < 500, "{what}");
            let to_sign_in = a.status == StatusCode::SEE_OTHER
                && a.headers.get("location").and_then(|l| l.to_str().ok())
                    == Some("/console/login");
            if is_right(route, credential, &care_key) {
                assert!(
                    a.status != StatusCode::UNAUTHORIZED && a.status != StatusCode::FORBIDDEN,
                    "refused the right credential: {what}"
                );
                assert!(!to_sign_in || route.path == "/console/logout", "{what}");
                continue;
            }
            match (route.audience, credential) {
                (Audience::Admin | Audience::Organisation, _) => {
                    assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{what}");
                    assert_eq!(a.json()["error"], "unauthorized", "{what}");
                    assert_eq!(a.headers.get("www-authenticate").unwrap(), "Bearer");
                }
                (Audience::Console, Credential::Session(_)) => {
                    assert_eq!(a.status, StatusCode::FORBIDDEN, "{what}");
                    assert!(a.body.contains("You cannot use this page"), "{what}");
                }
                (Audience::Console, _) => assert!(to_sign_in, "{what}"),
                (audience, _) => panic!("{audience:?} route {what} asks for a credential"),
            }
        }
    }
}

/// The table itself: each audience asks for its own credential, and only
/// console routes name roles.
#[test]
fn each_audience_asks_for_its_own_credential() {
    for route in ROUTES {
        let expected = match route.audience {
            Audience::Participant | Audience::Public | Audience::Api => {
                route.access == Access::Public
            }
            Audience::Admin => route.access == Access::AdminToken,
            Audience::Organisation => route.access == Access::OrganisationKey,
            Audience::Console => matches!(
                route.access,
                Access::Public | Access::SignedIn | Access::Roles(_)
            ),
        };
        assert!(
            expected,
            "{} {}: {:?}",
            route.method, route.path, route.access
        );
        let admin_path = route.path.starts_with("/api/v1/admin/");
        assert_eq!(
            admin_path,
            route.audience == Audience::Admin,
            "{}",
            route.path
        );
    }
}
