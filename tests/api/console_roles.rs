//! Role checks for every console route, driven by the one route table
//! (which gives each console route its roles): each role reaches exactly
//! what its rule allows, a signed-out visitor is sent to sign in, and a
//! `/console` route outside the console's audience fails here.

use crate::console::{add_user, sign_in, Browser};
use crate::helpers::spawn_app;
use awc::http::StatusCode;
use parrhesia::http::console::{rule, Access};
use parrhesia::http::{Audience, ROUTES};
use parrhesia::staff::Role;

fn concrete(path: &str, user: &str) -> String {
    path.replace("{round}", "spring")
        .replace("{organisation}", "care")
        .replace("{user}", user)
}

#[test]
fn every_console_route_is_in_the_console_audience_and_has_exactly_one_rule() {
    for route in ROUTES {
        let console = route.path == "/console" || route.path.starts_with("/console/");
        assert_eq!(
            console,
            route.audience == Audience::Console,
            "{} {}",
            route.method,
            route.path
        );
        if console {
            assert!(
                rule(route.method, route.path).is_some(),
                "{} {} has no access rule in the route table",
                route.method,
                route.path
            );
        }
    }
    // One entry, so one rule, per method and path.
    for route in ROUTES {
        let n = ROUTES
            .iter()
            .filter(|r| r.method == route.method && r.path == route.path)
            .count();
        assert_eq!(
            n, 1,
            "{} {} is in the table {n} times",
            route.method, route.path
        );
    }
}

#[actix_web::test]
async fn every_console_route_has_a_rule_and_each_role_reaches_exactly_its_own() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    add_user(&app, "admin", Role::Administrator, None).await;
    add_user(&app, "coordinator", Role::Coordinator, None).await;
    add_user(&app, "moderator", Role::Moderator, None).await;
    add_user(&app, "orguser", Role::Organisation, Some("care")).await;
    // A user that the administrator's POST may remove.
    add_user(&app, "spare", Role::Moderator, None).await;
    let spare = app.store.user_by_name("spare").unwrap().unwrap().id;

    // Log-out last: it ends the session the others need.
    let mut routes: Vec<_> = ROUTES
        .iter()
        .filter(|r| r.audience == Audience::Console)
        .collect();
    routes.sort_by_key(|r| r.path == "/console/logout");

    // Signed out: everything but the public routes sends you to sign in.
    let anonymous = Browser::new(&app);
    for route in &routes {
        let access = rule(route.method, route.path).expect("a rule");
        let path = concrete(route.path, &spare);
        let a = match route.method {
            "GET" => anonymous.get(&path).await,
            _ => anonymous.post_raw(&path, &[]).await,
        };
        let to_sign_in = a.status == StatusCode::SEE_OTHER
            && a.headers.get("location").unwrap().to_str().unwrap() == "/console/login";
        assert_eq!(
            to_sign_in,
            access != Access::Public,
            "signed out: {} {} answered {}",
            route.method,
            route.path,
            a.status
        );
    }

    let mut reached = Vec::new();
    for role in Role::ALL {
        let name = match role {
            Role::Administrator => "admin",
            Role::Coordinator => "coordinator",
            Role::Moderator => "moderator",
            Role::Organisation => "orguser",
        };
        let b = sign_in(&app, name).await;
        for route in &routes {
            let access = rule(route.method, route.path).expect("a rule");
            let path = concrete(route.path, &spare);
            let a = match route.method {
                "GET" => b.get(&path).await,
                // A valid CSRF token, so only the role decides.
                _ => b.post(&path, &[("round", "spring")]).await,
            };
            let what = format!("{role:?}: {} {} -> {}", route.method, route.path, a.status);
            assert!(a.status.as_u16() < 500, "{what}: {}", a.body);
            if access == Access::Public {
                continue;
            }
            if access.allows(role) {
                assert_ne!(a.status, StatusCode::FORBIDDEN, "{what}: {}", a.body);
                assert!(
                    a.headers.get("location").and_then(|l| l.to_str().ok())
                        != Some("/console/login")
                        || route.path == "/console/logout",
                    "{what}"
                );
                reached.push((role, route.method, route.path));
            } else {
                assert_eq!(a.status, StatusCode::FORBIDDEN, "{what}");
                assert!(a.body.contains("You cannot use this page"), "{what}");
            }
        }
    }
    // Spot checks of the table itself.
    let reaches = |role, path| reached.iter().any(|(r, _, p)| *r == role && *p == path);
    assert!(reaches(Role::Administrator, "/console/users"));
    assert!(!reaches(Role::Coordinator, "/console/users"));
    assert!(reaches(Role::Coordinator, "/console/rounds/{round}/codes"));
    assert!(!reaches(Role::Moderator, "/console/rounds/{round}/codes"));
    assert!(!reaches(Role::Organisation, "/console/organisations"));
    assert!(reaches(Role::Organisation, "/console"));
}
