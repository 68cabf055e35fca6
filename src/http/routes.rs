//! The route table: every address the service answers, in one list that
//! tests (and the OpenAPI check) read, and the actix configuration that
//! serves it. A test fails if the two disagree.

use super::{
    about_you, admin, api, audit, console, digests, form, ops, organisation, participant,
    privacy_pass, quotes,
};
use actix_web::web;

/// Who a route is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Participant pages: no cookies, no JavaScript, no third parties.
    Participant,
    /// Public pages and documents (digests, health, static files).
    Public,
    /// The JSON API for participants' clients.
    Api,
    /// The host's API (bearer token).
    Admin,
    /// The staff console (`/console`): a session cookie, and a rule per
    /// route in `console::access::RULES`.
    Console,
}

#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub method: &'static str,
    /// Path template; `{round}` and `{organisation}` are slugs, `{period}`
    /// a period id (its first day).
    pub path: &'static str,
    pub audience: Audience,
}

/// The route table as `parrhesia routes` prints it: method, path, audience
/// and, for console routes, the roles that may use them (so the browser
/// tests visit each with a user who can). Read from [`ROUTES`] itself, so a
/// test driven by this list cannot miss a page that exists.
pub fn route_table() -> Vec<serde_json::Value> {
    ROUTES
        .iter()
        .map(|r| {
            let roles: Option<Vec<&str>> = console::rule(r.method, r.path).map(|access| {
                crate::staff::Role::ALL
                    .into_iter()
                    .filter(|role| access.allows(*role))
                    .map(|role| role.as_str())
                    .collect()
            });
            serde_json::json!({
                "method": r.method,
                "path": r.path,
                "audience": format!("{:?}", r.audience),
                "roles": roles,
            })
        })
        .collect()
}

const fn r(method: &'static str, path: &'static str, audience: Audience) -> Route {
    Route {
        method,
        path,
        audience,
    }
}

pub const ROUTES: &[Route] = &[
    r("GET", "/", Audience::Participant),
    r("GET", "/r/{round}", Audience::Participant),
    r("POST", "/r/{round}", Audience::Participant),
    r("POST", "/r/{round}/check", Audience::Participant),
    r("POST", "/r/{round}/receipt", Audience::Participant),
    r("GET", "/r/{round}/paper", Audience::Participant),
    r("GET", "/helping", Audience::Participant),
    r("GET", "/accessibility", Audience::Participant),
    r("GET", "/static/pictures/{picture}", Audience::Public),
    r("GET", "/o/{organisation}", Audience::Public),
    r("GET", "/o/{organisation}/digest.csv", Audience::Public),
    r("GET", "/o/{organisation}/digest.atom", Audience::Public),
    r("GET", "/digests.atom", Audience::Public),
    r("GET", "/themes", Audience::Public),
    r("GET", "/api/v1/themes", Audience::Api),
    r("GET", "/healthz", Audience::Public),
    r("GET", "/readyz", Audience::Public),
    r("GET", "/static/style.css", Audience::Public),
    r("GET", "/static/tables.css", Audience::Public),
    r("GET", "/static/paper.css", Audience::Public),
    r("GET", "/i/{round}", Audience::Participant),
    r("GET", "/i/{round}/words.json", Audience::Public),
    r("GET", "/static/invite.js", Audience::Public),
    r(
        "GET",
        "/.well-known/private-token-issuer-directory",
        Audience::Public,
    ),
    r("POST", "/api/v1/token-request", Audience::Api),
    r("GET", "/api/openapi.json", Audience::Public),
    r("POST", "/api/v1/rounds/{round}/critiques", Audience::Api),
    r(
        "GET",
        "/api/v1/organisations/{organisation}/digest",
        Audience::Api,
    ),
    r("POST", "/api/v1/admin/organisations", Audience::Admin),
    r("POST", "/api/v1/admin/rounds", Audience::Admin),
    r("GET", "/api/v1/admin/rounds/{round}", Audience::Admin),
    r("PATCH", "/api/v1/admin/rounds/{round}", Audience::Admin),
    r(
        "GET",
        "/api/v1/admin/rounds/{round}/keyphrases",
        Audience::Admin,
    ),
    r(
        "POST",
        "/api/v1/admin/rounds/{round}/themes",
        Audience::Admin,
    ),
    r(
        "POST",
        "/api/v1/admin/rounds/{round}/codes",
        Audience::Admin,
    ),
    r(
        "POST",
        "/api/v1/admin/rounds/{round}/codes/sheet",
        Audience::Admin,
    ),
    r("POST", "/api/v1/admin/periods/close", Audience::Admin),
    r("POST", "/api/v1/admin/backup", Audience::Admin),
    r("GET", "/audit", Audience::Public),
    r("GET", "/audit/receipts/{round}/{period}", Audience::Public),
    r(
        "GET",
        "/audit/receipts/{round}/{period}/receipts.txt",
        Audience::Public,
    ),
    r("GET", "/api/v1/audit", Audience::Api),
    r("GET", "/api/v1/audit/leaves", Audience::Api),
    r("GET", "/api/v1/audit/proof/inclusion", Audience::Api),
    r("GET", "/api/v1/audit/proof/consistency", Audience::Api),
    r(
        "POST",
        "/api/v1/admin/rounds/{round}/invitations",
        Audience::Admin,
    ),
    r("GET", "/console", Audience::Console),
    r("GET", "/console/login", Audience::Console),
    r("POST", "/console/login", Audience::Console),
    r("POST", "/console/logout", Audience::Console),
    r("GET", "/console/setup", Audience::Console),
    r("POST", "/console/setup", Audience::Console),
    r("GET", "/console/organisations", Audience::Console),
    r("POST", "/console/organisations", Audience::Console),
    r(
        "GET",
        "/console/organisations/{organisation}",
        Audience::Console,
    ),
    r("POST", "/console/rounds", Audience::Console),
    r("GET", "/console/rounds/{round}", Audience::Console),
    r("POST", "/console/rounds/{round}", Audience::Console),
    r("POST", "/console/rounds/{round}/open", Audience::Console),
    r("POST", "/console/rounds/{round}/codes", Audience::Console),
    r(
        "GET",
        "/console/rounds/{round}/cards/{sheet}",
        Audience::Console,
    ),
    r(
        "POST",
        "/console/rounds/{round}/invitations",
        Audience::Console,
    ),
    r("GET", "/console/rounds/{round}/close", Audience::Console),
    r("POST", "/console/periods/close", Audience::Console),
    r(
        "GET",
        "/console/rounds/{round}/keyphrases",
        Audience::Console,
    ),
    r("POST", "/console/themes", Audience::Console),
    r("GET", "/console/moderation", Audience::Console),
    r("POST", "/console/moderation/{quote}", Audience::Console),
    r("GET", "/console/space", Audience::Console),
    r("GET", "/console/space/download.csv", Audience::Console),
    r("POST", "/console/space/responses", Audience::Console),
    r("POST", "/console/space/pledges", Audience::Console),
    r("POST", "/console/space/pledges/{pledge}", Audience::Console),
    r("GET", "/console/users", Audience::Console),
    r("POST", "/console/users", Audience::Console),
    r("POST", "/console/users/{user}/role", Audience::Console),
    r("POST", "/console/users/{user}/remove", Audience::Console),
    r("GET", "/console/keys", Audience::Console),
    r("GET", "/console/backups", Audience::Console),
    r("GET", "/console/log", Audience::Console),
    // Quotes, organisation keys, responses and pledges, "about you".
    r("GET", "/r/{round}/about-you", Audience::Participant),
    r("POST", "/r/{round}/about-you", Audience::Participant),
    r("GET", "/api/v1/admin/quotes", Audience::Admin),
    r("POST", "/api/v1/admin/quotes/{quote}", Audience::Admin),
    r(
        "POST",
        "/api/v1/admin/organisations/{organisation}/keys",
        Audience::Admin,
    ),
    r(
        "POST",
        "/api/v1/organisations/{organisation}/responses",
        Audience::Api,
    ),
    r(
        "POST",
        "/api/v1/organisations/{organisation}/pledges",
        Audience::Api,
    ),
    r(
        "PATCH",
        "/api/v1/organisations/{organisation}/pledges/{pledge}",
        Audience::Api,
    ),
];

/// The methods the route table answers at `path` (a concrete path, each
/// `{..}` of a template matching one segment), for `405` and `Allow`.
pub fn allowed_methods(path: &str) -> Vec<&'static str> {
    let segments: Vec<&str> = path.split('/').collect();
    let mut methods: Vec<&'static str> = ROUTES
        .iter()
        .filter(|r| {
            let template: Vec<&str> = r.path.split('/').collect();
            template.len() == segments.len()
                && template
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| (t.starts_with('{') && !s.is_empty()) || t == s)
        })
        .map(|r| r.method)
        .collect();
    methods.dedup();
    methods
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(participant::home))
        .route("/r/{round}", web::get().to(participant::form))
        .route("/r/{round}", web::post().to(participant::submit))
        .route("/r/{round}/check", web::post().to(form::check))
        .route("/r/{round}/receipt", web::post().to(participant::receipt))
        .route("/r/{round}/paper", web::get().to(participant::paper))
        .route("/helping", web::get().to(participant::helping))
        .route("/accessibility", web::get().to(participant::accessibility))
        .route(
            "/static/pictures/{picture}",
            web::get().to(participant::picture),
        )
        .route("/o/{organisation}", web::get().to(participant::digest))
        .route("/o/{organisation}/digest.csv", web::get().to(digests::csv))
        .route(
            "/o/{organisation}/digest.atom",
            web::get().to(digests::atom),
        )
        .route("/digests.atom", web::get().to(digests::atom_all))
        .route("/themes", web::get().to(digests::themes_page))
        .route("/api/v1/themes", web::get().to(digests::themes_json))
        .route("/healthz", web::get().to(participant::healthz))
        .route("/readyz", web::get().to(ops::readyz))
        .route("/static/style.css", web::get().to(participant::style))
        .route(
            "/static/tables.css",
            web::get().to(participant::tables_style),
        )
        .route("/static/paper.css", web::get().to(participant::paper_style))
        .route("/api/openapi.json", web::get().to(api::openapi))
        .route(
            "/api/v1/rounds/{round}/critiques",
            web::post().to(api::submit),
        )
        .route(
            "/api/v1/organisations/{organisation}/digest",
            web::get().to(api::digest),
        )
        .route(
            "/api/v1/admin/organisations",
            web::post().to(admin::create_organisation),
        )
        .route("/api/v1/admin/rounds", web::post().to(admin::create_round))
        .route("/api/v1/admin/rounds/{round}", web::get().to(admin::round))
        .route(
            "/api/v1/admin/rounds/{round}",
            web::patch().to(admin::update_round),
        )
        .route(
            "/api/v1/admin/rounds/{round}/keyphrases",
            web::get().to(admin::keyphrases),
        )
        .route(
            "/api/v1/admin/rounds/{round}/themes",
            web::post().to(admin::add_theme),
        )
        .route(
            "/api/v1/admin/rounds/{round}/codes",
            web::post().to(admin::issue_codes),
        )
        .route(
            "/api/v1/admin/rounds/{round}/codes/sheet",
            web::post().to(admin::code_sheet),
        )
        .route(
            "/api/v1/admin/periods/close",
            web::post().to(audit::close_periods),
        )
        .route("/api/v1/admin/backup", web::post().to(ops::backup))
        .route("/audit", web::get().to(audit::page_view))
        .route(
            "/audit/receipts/{round}/{period}",
            web::get().to(audit::receipts_page),
        )
        .route(
            "/audit/receipts/{round}/{period}/receipts.txt",
            web::get().to(audit::receipts_text),
        )
        .route("/api/v1/audit", web::get().to(audit::json))
        .route("/api/v1/audit/leaves", web::get().to(audit::leaves))
        .route(
            "/api/v1/audit/proof/inclusion",
            web::get().to(audit::inclusion),
        )
        .route(
            "/api/v1/audit/proof/consistency",
            web::get().to(audit::consistency),
        )
        .route("/i/{round}", web::get().to(privacy_pass::invite_page))
        .route(
            "/i/{round}/words.json",
            web::get().to(privacy_pass::invite_words),
        )
        .route("/static/invite.js", web::get().to(privacy_pass::invite_js))
        .route(
            "/.well-known/private-token-issuer-directory",
            web::get().to(privacy_pass::directory),
        )
        .route(
            privacy_pass::TOKEN_REQUEST_PATH,
            web::post().to(privacy_pass::token_request),
        )
        .route(
            "/api/v1/admin/rounds/{round}/invitations",
            web::post().to(privacy_pass::create_invitations),
        )
        .route("/console", web::get().to(console::home))
        .route("/console/login", web::get().to(console::login_page))
        .route("/console/login", web::post().to(console::login))
        .route("/console/logout", web::post().to(console::logout))
        .route("/console/setup", web::get().to(console::setup_page))
        .route("/console/setup", web::post().to(console::setup))
        .route(
            "/console/organisations",
            web::get().to(console::organisations),
        )
        .route(
            "/console/organisations",
            web::post().to(console::create_organisation),
        )
        .route(
            "/console/organisations/{organisation}",
            web::get().to(console::organisation),
        )
        .route("/console/rounds", web::post().to(console::create_round))
        .route("/console/rounds/{round}", web::get().to(console::round))
        .route(
            "/console/rounds/{round}",
            web::post().to(console::update_round),
        )
        .route(
            "/console/rounds/{round}/open",
            web::post().to(console::open_round),
        )
        .route(
            "/console/rounds/{round}/codes",
            web::post().to(console::issue_codes),
        )
        .route(
            "/console/rounds/{round}/cards/{sheet}",
            web::get().to(console::cards),
        )
        .route(
            "/console/rounds/{round}/invitations",
            web::post().to(console::invitations),
        )
        .route(
            "/console/rounds/{round}/close",
            web::get().to(console::close_period),
        )
        .route(
            "/console/periods/close",
            web::post().to(console::close_periods),
        )
        .route(
            "/console/rounds/{round}/keyphrases",
            web::get().to(console::keyphrases),
        )
        .route("/console/themes", web::post().to(console::promote))
        .route("/console/moderation", web::get().to(console::moderation))
        .route(
            "/console/moderation/{quote}",
            web::post().to(console::decide),
        )
        .route("/console/space", web::get().to(console::space))
        .route(
            "/console/space/download.csv",
            web::get().to(console::download),
        )
        .route("/console/space/responses", web::post().to(console::respond))
        .route("/console/space/pledges", web::post().to(console::pledge))
        .route(
            "/console/space/pledges/{pledge}",
            web::post().to(console::restatus),
        )
        .route("/console/users", web::get().to(console::users))
        .route("/console/users", web::post().to(console::add_user))
        .route(
            "/console/users/{user}/role",
            web::post().to(console::change_role),
        )
        .route(
            "/console/users/{user}/remove",
            web::post().to(console::remove_user),
        )
        .route("/console/keys", web::get().to(console::keys))
        .route("/console/backups", web::get().to(console::backups))
        .route("/console/log", web::get().to(console::staff_log))
        // Quotes, organisation keys, responses and pledges, "about you".
        .route("/r/{round}/about-you", web::get().to(about_you::form))
        .route("/r/{round}/about-you", web::post().to(about_you::submit))
        .route("/api/v1/admin/quotes", web::get().to(quotes::queue))
        .route(
            "/api/v1/admin/quotes/{quote}",
            web::post().to(quotes::decide),
        )
        .route(
            "/api/v1/admin/organisations/{organisation}/keys",
            web::post().to(organisation::create_key),
        )
        .route(
            "/api/v1/organisations/{organisation}/responses",
            web::post().to(organisation::put_response),
        )
        .route(
            "/api/v1/organisations/{organisation}/pledges",
            web::post().to(organisation::create_pledge),
        )
        .route(
            "/api/v1/organisations/{organisation}/pledges/{pledge}",
            web::patch().to(organisation::update_pledge),
        )
        .default_service(web::to(participant::not_found));
}
