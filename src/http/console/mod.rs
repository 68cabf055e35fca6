//! The console: a web interface for staff (host administrators,
//! coordinators and moderators) and organisation users, under `/console`.
//!
//! Handlers extract, call the same use cases as the admin and organisation
//! APIs ([`crate::app`]) and render; pages are in [`crate::views::console`].
//! Every state-changing form goes through [`post`]: read the form, parse it
//! and call the use case, then redirect, or show the page again with the
//! problems, or show an error page.
//!
//! # Security contract
//! - Every console route has its roles in the one route table
//!   (`routes::ROUTES`); the [`Staff`] extractor refuses a route that is
//!   not a console route, a request without a live session, and a role the
//!   route does not allow.
//! - Every state-changing form is read by [`StaffForm`], which refuses it
//!   unless it carries the session's CSRF token (compared in constant time)
//!   and, when the browser says where it came from, came from our own site.
//!   The sign-in and set-up forms, before any session, carry a pre-session
//!   token instead ([`presession`]), with the same origin checks.
//! - The session cookie is `HttpOnly`, `SameSite=Strict`, `Path=/console`,
//!   and `Secure` when the public address is https. Only its hash is kept,
//!   in memory ([`crate::staff::session`]). Before sign-in the same cookie
//!   holds a random pre-session value ([`presession`]). Nothing outside
//!   `/console` ever sets a cookie.
//! - Sign-in failures look the same for an unknown user and a wrong
//!   password (same page, same status, same Argon2id work), and are rate
//!   limited per client (middleware) and per account (here), in memory.

mod admin;
mod auth;
mod cards;
mod dashboard;
mod mail;
mod password;
mod periods;
mod presession;
mod questions;
mod round_form;
mod rounds;
mod second_factor;
mod themes;
mod translations;
mod voices;

pub use super::error::{too_many_attempts, ConsoleError};
pub use super::routes::{rule, Access};
pub use admin::{add_user, backups, change_role, keys, remove_user, staff_log, users};
pub use auth::{login, login_page, logout, setup, setup_page};
pub use cards::cards;
pub use dashboard::home;
pub use mail::{dismiss as dismiss_mail, mail_settings, save_mail_settings};
pub use password::{forgot, forgot_page, set_password, set_password_page};
pub use periods::{close_periods, confirm as close_period};
pub use questions::{questions, update_questions};
pub use rounds::{
    create_organisation, create_round, invitations, issue_codes, open_round, organisation,
    organisations, round, update_round,
};
pub use second_factor::{disable_second_factor, enrol, second_step, second_step_page, two_step};
pub use themes::{keyphrases, promote};
pub use translations::{translations, update_translations};
pub use voices::{decide, download, moderation, pledge, respond, restatus, space};

use super::body::{self, FORM, FORM_LIMIT};
use super::error::form_status;
use super::AppState;
use crate::app::{self, Actor, AppError};
use crate::staff::session::Session;
use crate::staff::User;
use crate::views::console::{self as views, Frame};
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::future::Future;
use std::num::NonZeroU32;
use std::pin::Pin;

/// The session cookie's name.
pub const COOKIE: &str = "parrhesia_console";

/// "Forgot password" requests allowed per typed address or user name per
/// hour (issue 21): enough for a lost mail or two, too few to flood
/// anyone's mailbox.
pub const RESETS_PER_HOUR: NonZeroU32 = match NonZeroU32::new(3) {
    Some(n) => n,
    None => NonZeroU32::MIN,
};

/// The console's in-memory state (the sessions themselves are the
/// application's: see [`crate::app::staff`]).
pub struct ConsoleState {
    /// Sign-in attempts per typed user name (known or not, so the limit
    /// itself reveals nothing), in memory only.
    accounts: DefaultKeyedRateLimiter<String>,
    /// "Forgot password" requests per typed address or user name (known or
    /// not, so the limit itself reveals nothing), in memory only.
    resets: DefaultKeyedRateLimiter<String>,
    /// Whether the cookie gets `Secure` (the public address is https).
    secure: bool,
    /// Our own origin, to check the `Origin` header of forms.
    origin: String,
    /// Card sheets made and waiting for their one download (in memory).
    sheets: cards::PendingSheets,
    /// The key of the sign-in and set-up forms' CSRF tokens, in memory.
    presession: presession::PresessionKey,
    /// Administrators must have a second factor before anything else.
    second_factor_for_administrators: bool,
    /// Sign-ins waiting for their second step, and enrolments waiting for
    /// their first code (in memory).
    second_factor: second_factor::Pending,
}

impl ConsoleState {
    pub fn new(
        public_url: &str,
        logins_per_minute: u32,
        second_factor_for_administrators: bool,
    ) -> Result<Self, ring::error::Unspecified> {
        let per_minute = NonZeroU32::new(logins_per_minute).unwrap_or(NonZeroU32::MIN);
        let url = public_url.trim_end_matches('/');
        let origin = match url.find("://") {
            Some(i) => match url[i + 3..].find('/') {
                Some(j) => url[..i + 3 + j].to_owned(),
                None => url.to_owned(),
            },
            None => url.to_owned(),
        };
        Ok(Self {
            accounts: DefaultKeyedRateLimiter::keyed(Quota::per_minute(per_minute)),
            resets: DefaultKeyedRateLimiter::keyed(
                Quota::per_hour(RESETS_PER_HOUR).allow_burst(RESETS_PER_HOUR),
            ),
            secure: public_url.starts_with("https://"),
            origin: origin.to_ascii_lowercase(),
            sheets: cards::PendingSheets::default(),
            presession: presession::PresessionKey::generate()?,
            second_factor_for_administrators,
            second_factor: second_factor::Pending::default(),
        })
    }

    /// Charge one sign-in attempt to the account `name` (as typed).
    fn charge_account(&self, name: &str) -> Result<(), u64> {
        use governor::clock::{Clock, DefaultClock};
        self.accounts
            .check_key(&name.trim().to_lowercase())
            .map_err(|not_until| {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
            })
    }

    /// Charge one "forgot password" request to the address or user name
    /// `typed`.
    fn charge_reset(&self, typed: &str) -> Result<(), u64> {
        use governor::clock::{Clock, DefaultClock};
        self.resets
            .check_key(&typed.trim().to_lowercase())
            .map_err(|not_until| {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
            })
    }

    /// Forget accounts and addresses whose bucket has filled again.
    pub fn prune(&self) {
        self.accounts.retain_recent();
        self.accounts.shrink_to_fit();
        self.resets.retain_recent();
        self.resets.shrink_to_fit();
    }
}

/// `303 See Other` to `location` (after a form, GOV.UK's post/redirect/get).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// The session id from the request's cookie, if any.
fn cookie_value(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim().to_owned())
}

/// The `Set-Cookie` value for a new session id.
fn session_cookie(state: &AppState, id: &str) -> String {
    let secure = if state.console.secure { "; Secure" } else { "" };
    format!("{COOKIE}={id}; Path=/console; HttpOnly; SameSite=Strict{secure}")
}

/// The `Set-Cookie` value that makes the browser forget the session.
fn cleared_cookie(state: &AppState) -> String {
    let secure = if state.console.secure { "; Secure" } else { "" };
    format!("{COOKIE}=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0{secure}")
}

/// A signed-in user allowed on this route by its rule in the route table.
pub struct Staff {
    pub user: User,
    pub session: Session,
    session_id: String,
    session_csrf: String,
}

impl Staff {
    pub fn frame(&self) -> Frame<'_> {
        Frame {
            username: self.user.username.as_str(),
            role: self.user.role,
            csrf: &self.session_csrf,
        }
    }

    /// Who the staff action log names for what this user does.
    pub fn actor(&self) -> Actor {
        app::staff::actor(&self.user)
    }
}

/// The live session and user of a request, whatever the route.
async fn signed_in(state: &AppState, req: &HttpRequest) -> Result<Option<Staff>, ConsoleError> {
    let Some(id) = cookie_value(req) else {
        return Ok(None);
    };
    Ok(app::staff::session(&state.app, &id)
        .await?
        .map(|(user, session)| Staff {
            session_csrf: session.csrf_token(),
            user,
            session,
            session_id: id,
        }))
}

impl FromRequest for Staff {
    type Error = ConsoleError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ConsoleError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { authorise(&req).await })
    }
}

/// Default deny: a route whose rule is not a console one is for no one;
/// then a live session, then a role the rule allows.
async fn authorise(req: &HttpRequest) -> Result<Staff, ConsoleError> {
    let console = |a| matches!(a, Access::Public | Access::SignedIn | Access::Roles(_));
    let state = super::auth::route_state(req, console).map_err(|_| ConsoleError::Forbidden)?;
    let access = req
        .match_pattern()
        .and_then(|p| rule(req.method().as_str(), &p))
        .ok_or(ConsoleError::Forbidden)?;
    let staff = signed_in(state, req).await?.ok_or(ConsoleError::SignIn)?;
    if !access.allows(staff.user.role) {
        return Err(ConsoleError::Forbidden);
    }
    // With the setting on, an administrator without a second factor
    // reaches only its enrolment (and signing out) until they have one.
    let enrolling = req
        .match_pattern()
        .is_some_and(|p| p.starts_with(second_factor::ENROL_PATH) || p == "/console/logout");
    if state.console.second_factor_for_administrators
        && staff.user.role == crate::staff::Role::Administrator
        && staff.user.second_factor.is_none()
        && !enrolling
    {
        return Err(ConsoleError::Enrol);
    }
    Ok(staff)
}

/// A decoded console form.
pub struct Form(pub(super) Vec<(String, String)>);

impl Form {
    pub fn get(&self, name: &str) -> &str {
        views::value(&self.0, name)
    }

    /// What was typed, to show back after an error: never a password, a
    /// token or the CSRF token.
    pub fn values(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "password" | "token" | "csrf"))
            .cloned()
            .collect()
    }
}

/// Read a form, refusing one sent from another site. Browsers say where a
/// form came from in `Sec-Fetch-Site`, and in `Origin` unless the page's
/// `Referrer-Policy: no-referrer` makes it "null"; both are checked when
/// present. Defence in depth: the CSRF token and `SameSite=Strict` are the
/// main defences, and this one also covers the sign-in form.
async fn read_form(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Form, ConsoleError> {
    let header = |name| {
        req.headers()
            .get(name)
            .map(|v| v.to_str().unwrap_or("").to_ascii_lowercase())
    };
    if let Some(site) = header("sec-fetch-site") {
        if site != "same-origin" && site != "none" {
            return Err(ConsoleError::Csrf);
        }
    }
    if let Some(origin) = header("origin") {
        if origin != "null" && origin != state.console.origin {
            return Err(ConsoleError::Csrf);
        }
    }
    let bytes = body::read(req, payload, FORM, FORM_LIMIT).await?;
    Ok(Form(body::decode_form(&bytes)?))
}

/// A state-changing form of a signed-in user allowed on the route: the
/// role is checked first (as for [`Staff`]), then the form is read and
/// refused unless it carries the session's CSRF token.
pub struct StaffForm {
    pub staff: Staff,
    pub form: Form,
}

impl FromRequest for StaffForm {
    type Error = ConsoleError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ConsoleError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        // Taking the body stream never fails.
        let payload = web::Payload::from_request(&req, payload).into_inner();
        Box::pin(async move {
            let staff = authorise(&req).await?;
            let payload = payload.map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or(ConsoleError::Forbidden)?;
            let form = read_form(state, &req, payload).await?;
            if staff.session.csrf_ok(form.get("csrf")) {
                Ok(Self { staff, form })
            } else {
                Err(ConsoleError::Csrf)
            }
        })
    }
}

/// A page with a form, which a failed form shows again: with what was
/// typed, the problems by field, and the status of the failure.
pub(super) trait FormPage {
    /// Show the page.
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError>;

    /// Where on this page's form a use case's refusal shows, as (field id,
    /// message) pairs; none: the refusal is not about what was typed, and
    /// gets an error page instead.
    fn place(&self, e: &AppError) -> Vec<(String, String)>;
}

/// What a page shows beside its data.
pub(super) struct Shown<'a> {
    /// What was typed, to show it back (never a password or a token).
    pub values: &'a [(String, String)],
    /// Problems, field by field.
    pub errors: &'a [(&'a str, String)],
    /// A notice after a change (from `done=`).
    pub done: Option<&'static str>,
    pub status: StatusCode,
}

impl Shown<'_> {
    /// A page asked for with GET: nothing typed, no problems.
    pub fn fresh(req: &HttpRequest) -> Shown<'static> {
        Shown {
            values: &[],
            errors: &[],
            done: done(req),
            status: StatusCode::OK,
        }
    }
}

/// Where a form goes once its use case succeeded.
pub(super) enum Done {
    /// `303 See Other` (GOV.UK's post/redirect/get).
    SeeOther(String),
    /// An answer of its own (a card sheet, a CSV download).
    Answer(HttpResponse),
}

/// One state-changing console form (read and checked by [`StaffForm`]),
/// the same way every time: `act` parses it into domain types and calls the
/// use case (which checks, changes and records the staff action); then a
/// redirect, or, for a refusal about what was typed, the page of `page`
/// again with the problems, or an error page for any other refusal.
pub(super) async fn post<P: FormPage>(
    state: &AppState,
    StaffForm { staff, form }: &StaffForm,
    page: impl FnOnce(&Form) -> P,
    act: impl AsyncFnOnce(&Form) -> Result<Done, AppError>,
) -> Result<HttpResponse, ConsoleError> {
    let refusal = match act(form).await {
        Ok(Done::SeeOther(location)) => return Ok(see_other(&location)),
        Ok(Done::Answer(response)) => return Ok(response),
        Err(e) => e,
    };
    let page = page(form);
    let placed = page.place(&refusal);
    if placed.is_empty() {
        return Err(refusal.into());
    }
    let errors: Vec<(&str, String)> = placed
        .iter()
        .map(|(f, m)| (f.as_str(), m.clone()))
        .collect();
    let shown = Shown {
        values: &form.values(),
        errors: &errors,
        done: None,
        status: form_status(&refusal),
    };
    page.show(state, staff, shown).await
}

/// Show `page` again with the problems found in reading its form, before
/// any use case ran (the form reader words each with its field's label).
pub(super) async fn refused<P: FormPage>(
    state: &AppState,
    StaffForm { staff, form }: &StaffForm,
    page: P,
    problems: &[(String, String)],
) -> Result<HttpResponse, ConsoleError> {
    let errors: Vec<(&str, String)> = problems
        .iter()
        .map(|(f, m)| (f.as_str(), m.clone()))
        .collect();
    let shown = Shown {
        values: &form.values(),
        errors: &errors,
        done: None,
        status: super::error::FORM_INVALID,
    };
    page.show(state, staff, shown).await
}

/// The `done=` notice of a page after a redirect, from a fixed list (so
/// the address cannot put words on the page).
pub(super) fn done(req: &HttpRequest) -> Option<&'static str> {
    let code = req
        .query_string()
        .split('&')
        .find_map(|p| p.strip_prefix("done="))?;
    Some(match code {
        "organisation" => "Organisation added.",
        "round" => "Round added.",
        "saved" => "Changes saved.",
        "opened" => "The round is open.",
        "theme" => "Theme added.",
        "quote" => "Decision saved.",
        "response" => "Response published.",
        "pledge" => "Pledge saved.",
        "user" => "User added.",
        "invited" => "User added: their invitation is on its way by e-mail.",
        "password" => "Your password is set. Sign in with it.",
        "removed" => "User removed.",
        "role" => "Role changed.",
        "welcome" => "You are signed in.",
        "two-step-off" => "Two-step sign-in is off.",
        "mail" => "Mail settings saved.",
        "dismissed" => "The delivery was dismissed.",
        _ => return None,
    })
}

/// An HTML page answer.
fn html(status: StatusCode, markup: maud::Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::error::ConsoleError;
    use actix_web::ResponseError;

    #[actix_web::test]
    async fn a_full_hashing_gate_gets_a_busy_page_with_retry_after() {
        // Arrange: a gate of one, held, with no patience.
        let gate = std::sync::Arc::new(crate::staff::hashing::HashingGate::new(
            1,
            std::time::Duration::from_millis(50),
        ));
        let (hold, held) = std::sync::mpsc::channel::<()>();
        let holder = {
            let gate = gate.clone();
            actix_web::rt::spawn(async move { gate.run(move |_| held.recv()).await })
        };
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
        // Act
        let refused = gate
            .run(|_| ())
            .await
            .map_err(|busy| ConsoleError::from(crate::app::AppError::from(busy)));
        // Assert: a page for people, 503 with Retry-After.
        let response = refused.unwrap_err().error_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers().get(header::RETRY_AFTER).unwrap(), "5");
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .unwrap();
        let body = String::from_utf8(body.to_vec()).unwrap();
        assert!(body.contains("The console is busy"), "{body}");
        assert!(body.contains("Wait 5 seconds"), "{body}");
        hold.send(()).unwrap();
        assert!(holder.await.unwrap().is_ok());
    }
}
