//! The route table: every address the service answers, in ONE list that
//! routing ([`configure`]), the role rules of the console, the OpenAPI
//! check and the tests all read. Each route names its audience, which
//! decides how a request proves it may use it ([`Access`]): nothing for
//! participants and the public, the admin token (`AdminToken`), an
//! organisation's key (`OrganisationKey`), or a console session with one
//! of the route's roles (`Staff`). The extractors look their route up
//! here, so a handler cannot ask for less than its route's audience.

use super::{
    about_you, admin, api, audit, console, digests, form, ops, organisation, participant,
    privacy_pass, quotes,
};
use crate::staff::Role;
use actix_web::http::Method;
use actix_web::web;

/// Who a route is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Participant pages: no cookies, no JavaScript, no third parties.
    Participant,
    /// Public pages and documents (digests, health, static files).
    Public,
    /// The JSON API for participants' clients and readers of digests.
    Api,
    /// The host's API (the admin token).
    Admin,
    /// An organisation's API (one of its own keys, for the organisation in
    /// the path).
    Organisation,
    /// The staff console (`/console`): a session cookie, and the route's
    /// roles.
    Console,
}

/// What a request must prove to use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Nothing: anyone, signed in or not (participant and public pages,
    /// the participants' API, the console's sign-in and first set-up).
    Public,
    /// The admin token, as a bearer token.
    AdminToken,
    /// A key of the organisation named in the path, as a bearer token.
    OrganisationKey,
    /// A console session, whatever its role.
    SignedIn,
    /// A console session with one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether a console user with `role` may use the route (no role
    /// stands in for a bearer token).
    pub fn allows(self, role: Role) -> bool {
        match self {
            Self::Public | Self::SignedIn => true,
            Self::Roles(roles) => roles.contains(&role),
            Self::AdminToken | Self::OrganisationKey => false,
        }
    }
}

const GET: &str = "GET";
const POST: &str = "POST";
const PATCH: &str = "PATCH";
use Audience::{Api, Participant, Public};

const HOST: Access = Access::Roles(&[Role::Administrator, Role::Coordinator]);
const ADMIN: Access = Access::Roles(&[Role::Administrator]);
const MODERATION: Access = Access::Roles(&[Role::Administrator, Role::Moderator]);
/// Organisation users only, and each only for the organisation on their
/// account (the handlers take it from there, never from the request).
const ORGANISATION: Access = Access::Roles(&[Role::Organisation]);

#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub method: &'static str,
    /// Path template; `{round}` and `{organisation}` are slugs, `{period}`
    /// a period id (its first day).
    pub path: &'static str,
    pub audience: Audience,
    /// What a request must prove (from the audience, and for the console
    /// the route's roles).
    pub access: Access,
    /// The handler, as actix routes it.
    serve: fn(actix_web::Route) -> actix_web::Route,
}

/// A route for participants or the public: nothing to prove.
const fn open(
    method: &'static str,
    path: &'static str,
    audience: Audience,
    serve: fn(actix_web::Route) -> actix_web::Route,
) -> Route {
    Route {
        method,
        path,
        audience,
        access: Access::Public,
        serve,
    }
}

/// A route of the host's API: the admin token.
const fn admin(
    method: &'static str,
    path: &'static str,
    serve: fn(actix_web::Route) -> actix_web::Route,
) -> Route {
    Route {
        method,
        path,
        audience: Audience::Admin,
        access: Access::AdminToken,
        serve,
    }
}

/// A route of an organisation's API: one of its keys.
const fn organisation(
    method: &'static str,
    path: &'static str,
    serve: fn(actix_web::Route) -> actix_web::Route,
) -> Route {
    Route {
        method,
        path,
        audience: Audience::Organisation,
        access: Access::OrganisationKey,
        serve,
    }
}

/// A console route: who may use it.
const fn console(
    method: &'static str,
    path: &'static str,
    access: Access,
    serve: fn(actix_web::Route) -> actix_web::Route,
) -> Route {
    Route {
        method,
        path,
        audience: Audience::Console,
        access,
        serve,
    }
}

/// Every route, in one table (one line each, so it reads as a table).
#[rustfmt::skip]
pub const ROUTES: &[Route] = &[
    open(GET, "/", Participant, |r| r.to(participant::home)),
    open(GET, "/r/{round}", Participant, |r| r.to(participant::form)),
    open(POST, "/r/{round}", Participant, |r| r.to(participant::submit)),
    open(POST, "/r/{round}/check", Participant, |r| r.to(form::check)),
    open(POST, "/r/{round}/receipt", Participant, |r| r.to(participant::receipt)),
    open(GET, "/r/{round}/paper", Participant, |r| r.to(participant::paper)),
    open(GET, "/helping", Participant, |r| r.to(participant::helping)),
    open(GET, "/accessibility", Participant, |r| r.to(participant::accessibility)),
    open(GET, "/static/pictures/{picture}", Public, |r| r.to(participant::picture)),
    open(GET, "/o/{organisation}", Public, |r| r.to(participant::digest)),
    open(GET, "/o/{organisation}/digest.csv", Public, |r| r.to(digests::csv)),
    open(GET, "/o/{organisation}/digest-questions.csv", Public, |r| {
        r.to(digests::questions_csv)
    }),
    open(GET, "/o/{organisation}/digest.atom", Public, |r| r.to(digests::atom)),
    open(GET, "/o/{organisation}/record", Public, |r| r.to(digests::record_page)),
    open(GET, "/o/{organisation}/record.json", Public, |r| r.to(digests::record_json)),
    open(GET, "/digests.atom", Public, |r| r.to(digests::atom_all)),
    open(GET, "/themes", Public, |r| r.to(digests::themes_page)),
    open(GET, "/api/v1/themes", Api, |r| r.to(digests::themes_json)),
    open(GET, "/healthz", Public, |r| r.to(participant::healthz)),
    open(GET, "/readyz", Public, |r| r.to(ops::readyz)),
    open(GET, "/static/style.css", Public, |r| r.to(participant::style)),
    open(GET, "/static/tables.css", Public, |r| r.to(participant::tables_style)),
    open(GET, "/static/paper.css", Public, |r| r.to(participant::paper_style)),
    open(GET, "/i/{round}", Participant, |r| r.to(privacy_pass::invite_page)),
    open(GET, "/i/{round}/words.json", Public, |r| r.to(privacy_pass::invite_words)),
    open(GET, "/static/invite.js", Public, |r| r.to(privacy_pass::invite_js)),
    open(GET, "/.well-known/private-token-issuer-directory", Public, |r| r.to(privacy_pass::directory)),
    open(POST, "/api/v1/token-request", Api, |r| r.to(privacy_pass::token_request)),
    open(GET, "/api/openapi.json", Public, |r| r.to(api::openapi)),
    open(POST, "/api/v1/rounds/{round}/critiques", Api, |r| r.to(api::submit)),
    open(GET, "/api/v1/organisations/{organisation}/digest", Api, |r| r.to(api::digest)),
    admin(POST, "/api/v1/admin/organisations", |r| r.to(admin::create_organisation)),
    admin(POST, "/api/v1/admin/rounds", |r| r.to(admin::create_round)),
    admin(GET, "/api/v1/admin/rounds/{round}", |r| r.to(admin::round)),
    admin(PATCH, "/api/v1/admin/rounds/{round}", |r| r.to(admin::update_round)),
    admin(GET, "/api/v1/admin/rounds/{round}/keyphrases", |r| r.to(admin::keyphrases)),
    admin(POST, "/api/v1/admin/rounds/{round}/themes", |r| r.to(admin::add_theme)),
    admin(POST, "/api/v1/admin/rounds/{round}/codes", |r| r.to(admin::issue_codes)),
    admin(POST, "/api/v1/admin/rounds/{round}/codes/sheet", |r| r.to(admin::code_sheet)),
    admin(POST, "/api/v1/admin/periods/close", |r| r.to(admin::close_periods)),
    admin(POST, "/api/v1/admin/backup", |r| r.to(ops::backup)),
    open(GET, "/audit", Public, |r| r.to(audit::page_view)),
    open(GET, "/audit/receipts/{round}/{period}", Public, |r| r.to(audit::receipts_page)),
    open(GET, "/audit/receipts/{round}/{period}/receipts.txt", Public, |r| r.to(audit::receipts_text)),
    open(GET, "/api/v1/audit", Api, |r| r.to(audit::json)),
    open(GET, "/api/v1/audit/leaves", Api, |r| r.to(audit::leaves)),
    open(GET, "/api/v1/audit/proof/inclusion", Api, |r| r.to(audit::inclusion)),
    open(GET, "/api/v1/audit/proof/consistency", Api, |r| r.to(audit::consistency)),
    open(GET, "/checkpoint", Public, |r| r.to(audit::checkpoint)),
    open(POST, "/api/v1/audit/cosignatures", Api, |r| r.to(audit::cosignatures)),
    admin(POST, "/api/v1/admin/rounds/{round}/invitations", |r| r.to(admin::create_invitations)),
    console(GET, "/console", Access::SignedIn, |r| r.to(console::home)),
    console(GET, "/console/login", Access::Public, |r| r.to(console::login_page)),
    console(POST, "/console/login", Access::Public, |r| r.to(console::login)),
    console(GET, "/console/login/code", Access::Public, |r| r.to(console::second_step_page)),
    console(POST, "/console/login/code", Access::Public, |r| r.to(console::second_step)),
    console(POST, "/console/logout", Access::SignedIn, |r| r.to(console::logout)),
    console(GET, "/console/account/two-step", Access::SignedIn, |r| r.to(console::two_step)),
    console(POST, "/console/account/two-step", Access::SignedIn, |r| r.to(console::enrol)),
    console(POST, "/console/account/two-step/disable", Access::SignedIn, |r| r.to(console::disable_second_factor)),
    console(GET, "/console/password/forgot", Access::Public, |r| r.to(console::forgot_page)),
    console(POST, "/console/password/forgot", Access::Public, |r| r.to(console::forgot)),
    console(GET, "/console/password/set/{token}", Access::Public, |r| r.to(console::set_password_page)),
    console(POST, "/console/password/set", Access::Public, |r| r.to(console::set_password)),
    console(GET, "/console/account/mail", Access::SignedIn, |r| r.to(console::mail_settings)),
    console(POST, "/console/account/mail", Access::SignedIn, |r| r.to(console::save_mail_settings)),
    console(POST, "/console/mail/{delivery}/dismiss", ADMIN, |r| r.to(console::dismiss_mail)),
    console(GET, "/console/setup", Access::Public, |r| r.to(console::setup_page)),
    console(POST, "/console/setup", Access::Public, |r| r.to(console::setup)),
    console(GET, "/console/organisations", HOST, |r| r.to(console::organisations)),
    console(POST, "/console/organisations", HOST, |r| r.to(console::create_organisation)),
    console(GET, "/console/organisations/{organisation}", HOST, |r| r.to(console::organisation)),
    console(POST, "/console/rounds", HOST, |r| r.to(console::create_round)),
    console(GET, "/console/rounds/{round}", HOST, |r| r.to(console::round)),
    console(POST, "/console/rounds/{round}", HOST, |r| r.to(console::update_round)),
    console(POST, "/console/rounds/{round}/open", HOST, |r| r.to(console::open_round)),
    console(POST, "/console/rounds/{round}/codes", HOST, |r| r.to(console::issue_codes)),
    console(GET, "/console/rounds/{round}/cards/{sheet}", HOST, |r| r.to(console::cards)),
    console(POST, "/console/rounds/{round}/invitations", HOST, |r| r.to(console::invitations)),
    console(GET, "/console/rounds/{round}/close", HOST, |r| r.to(console::close_period)),
    console(POST, "/console/periods/close", HOST, |r| r.to(console::close_periods)),
    console(GET, "/console/rounds/{round}/keyphrases", HOST, |r| r.to(console::keyphrases)),
    console(GET, "/console/rounds/{round}/questions", HOST, |r| r.to(console::questions)),
    console(POST, "/console/rounds/{round}/questions", HOST, |r| r.to(console::update_questions)),
    console(GET, "/console/rounds/{round}/translations/{language}", HOST, |r| r.to(console::translations)),
    console(POST, "/console/rounds/{round}/translations/{language}", HOST, |r| r.to(console::update_translations)),
    console(POST, "/console/themes", HOST, |r| r.to(console::promote)),
    console(GET, "/console/moderation", MODERATION, |r| r.to(console::moderation)),
    console(POST, "/console/moderation/{quote}", MODERATION, |r| r.to(console::decide)),
    console(GET, "/console/space", ORGANISATION, |r| r.to(console::space)),
    console(GET, "/console/space/download.csv", ORGANISATION, |r| r.to(console::download)),
    console(POST, "/console/space/responses", ORGANISATION, |r| r.to(console::respond)),
    console(POST, "/console/space/pledges", ORGANISATION, |r| r.to(console::pledge)),
    console(POST, "/console/space/pledges/{pledge}", ORGANISATION, |r| r.to(console::restatus)),
    console(GET, "/console/users", ADMIN, |r| r.to(console::users)),
    console(POST, "/console/users", ADMIN, |r| r.to(console::add_user)),
    console(POST, "/console/users/{user}/role", ADMIN, |r| r.to(console::change_role)),
    console(POST, "/console/users/{user}/remove", ADMIN, |r| r.to(console::remove_user)),
    console(GET, "/console/keys", ADMIN, |r| r.to(console::keys)),
    console(GET, "/console/backups", ADMIN, |r| r.to(console::backups)),
    console(GET, "/console/log", ADMIN, |r| r.to(console::staff_log)),
    open(GET, "/r/{round}/about-you", Participant, |r| r.to(about_you::form)),
    open(POST, "/r/{round}/about-you", Participant, |r| r.to(about_you::submit)),
    admin(GET, "/api/v1/admin/quotes", |r| r.to(quotes::queue)),
    admin(POST, "/api/v1/admin/quotes/{quote}", |r| r.to(quotes::decide)),
    admin(POST, "/api/v1/admin/organisations/{organisation}/keys", |r| r.to(organisation::create_key)),
    organisation(POST, "/api/v1/organisations/{organisation}/responses", |r| r.to(organisation::put_response)),
    organisation(POST, "/api/v1/organisations/{organisation}/pledges", |r| r.to(organisation::create_pledge)),
    organisation(PATCH, "/api/v1/organisations/{organisation}/pledges/{pledge}", |r| r.to(organisation::update_pledge)),
];

/// The route table as `parrhesia routes` prints it: method, path, audience
/// and, for console routes, the roles that may use them (so the browser
/// tests visit each with a user who can). Read from [`ROUTES`] itself, so a
/// test driven by this list cannot miss a page that exists.
pub fn route_table() -> Vec<serde_json::Value> {
    ROUTES
        .iter()
        .map(|r| {
            let roles: Option<Vec<&str>> = (r.audience == Audience::Console).then(|| {
                Role::ALL
                    .into_iter()
                    .filter(|role| r.access.allows(*role))
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

/// The route with `method` at the template `path` (what actix matched).
pub fn find(method: &str, path: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|r| r.method == method && r.path == path)
}

/// The rule of the console route `method` at `path`, if there is one.
pub fn rule(method: &str, path: &str) -> Option<Access> {
    find(method, path)
        .filter(|r| r.audience == Audience::Console)
        .map(|r| r.access)
}

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

/// Serve every route of the table, and the fallback.
pub fn configure(cfg: &mut web::ServiceConfig) {
    for route in ROUTES {
        // Every method in the table is a valid token (a test serves each).
        if let Ok(method) = Method::from_bytes(route.method.as_bytes()) {
            cfg.route(route.path, (route.serve)(web::method(method)));
        }
    }
    cfg.default_service(web::to(participant::not_found));
}
