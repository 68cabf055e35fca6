//! The route table against the running server and the OpenAPI document:
//! every route answers, is documented, carries the security headers, and no
//! response sets a cookie.

use crate::helpers::{collect, spawn_app};
use awc::http::Method;
use parrhesia::http::{Audience, ROUTES};
use serde_json::Value;

fn concrete(path: &str) -> String {
    path.replace("{round}", "spring")
        .replace("{organisation}", "care")
        .replace("{period}", "2026-11-16")
        .replace("{picture}", "card.svg")
}

#[actix_web::test]
async fn every_route_answers_carries_security_headers_and_sets_no_cookie() {
    let app = spawn_app().await;
    app.setup_round("care", "spring", 5).await;
    for route in ROUTES {
        let method = Method::from_bytes(route.method.as_bytes()).unwrap();
        let a = collect(
            app.client
                .request(method, app.url(&concrete(route.path)))
                .send(),
        )
        .await;
        let what = format!("{} {}", route.method, route.path);
        // Not the fallback: known routes never say "not found" here.
        assert!(
            !a.body.contains("Page not found") && !a.body.contains("\"not_found\""),
            "{what} is not routed: {} {}",
            a.status,
            a.body
        );
        assert!(a.status.as_u16() < 500, "{what}: {}", a.status);
        // Only the console's signed-out forms set a cookie (every console
        // page sends a signed-out visitor to sign in, and this client
        // follows): the pre-session value their CSRF token is bound to
        // (issue 16, item 10), scoped to the console.
        match a.headers.get("set-cookie") {
            None => {}
            Some(set)
                if route.path.starts_with("/console") && a.body.contains("action=\"/console/") =>
            {
                let set = set.to_str().unwrap();
                assert!(set.starts_with("parrhesia_console="), "{what}: {set}");
                assert!(
                    set.contains("; Path=/console; HttpOnly; SameSite=Strict"),
                    "{set}"
                );
            }
            Some(_) => panic!("{what} sets a cookie"),
        }
        for header in [
            "content-security-policy",
            "referrer-policy",
            "x-content-type-options",
            "x-frame-options",
            "permissions-policy",
            "cache-control",
        ] {
            assert!(a.headers.contains_key(header), "{what} lacks {header}");
        }
        assert_eq!(a.headers.get("referrer-policy").unwrap(), "no-referrer");
    }
}

#[actix_web::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = spawn_app().await;
    let doc: Value = serde_json::from_str(&app.get("/api/openapi.json").await.body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for route in ROUTES
        .iter()
        .filter(|r| r.path.starts_with("/api/v1") || r.path == "/r/{round}")
    {
        let op = &doc["paths"][route.path][route.method.to_lowercase()];
        assert!(
            op.is_object(),
            "{} {} missing from openapi.json",
            route.method,
            route.path
        );
        assert!(
            op["responses"].is_object(),
            "{} {} has no responses",
            route.method,
            route.path
        );
    }
    // And nothing documented that does not exist.
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            assert!(
                ROUTES
                    .iter()
                    .any(|r| r.path == path && r.method.eq_ignore_ascii_case(method)),
                "{method} {path} is documented but not routed"
            );
        }
    }
}

/// The route table's audiences and the OpenAPI document's security agree:
/// a route is documented as needing the admin token or an organisation's
/// key exactly when its audience asks for one.
#[test]
fn the_openapi_document_names_the_credential_each_audience_asks_for() {
    let doc: Value = serde_json::from_str(include_str!("../../src/http/openapi.json")).unwrap();
    for route in ROUTES {
        let op = &doc["paths"][route.path][route.method.to_lowercase()];
        let schemes: Vec<&str> = op["security"]
            .as_array()
            .map(|list| {
                list.iter()
                    .flat_map(|s| s.as_object().unwrap().keys())
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default();
        let what = format!("{} {}: {schemes:?}", route.method, route.path);
        assert_eq!(
            schemes.contains(&"adminToken"),
            route.audience == Audience::Admin,
            "{what}"
        );
        assert_eq!(
            schemes.contains(&"organisationKey"),
            route.audience == Audience::Organisation,
            "{what}"
        );
    }
}

#[actix_web::test]
async fn unknown_addresses_get_a_page_or_a_json_error() {
    let app = spawn_app().await;
    let page = app.get("/nowhere").await;
    assert_eq!(page.status.as_u16(), 404);
    assert!(page.body.contains("Page not found"));
    let api = app.get("/api/v1/nowhere").await;
    assert_eq!(api.status.as_u16(), 404);
    assert_eq!(api.json()["error"], "not_found");
}
