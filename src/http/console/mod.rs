//! The console: a web interface for staff (host administrators,
//! coordinators and moderators) and organisation users, under `/console`.
//!
//! Handlers extract, call the same store and domain functions as the admin
//! API, and map errors; pages are in [`crate::views::console`].
//!
//! # Security contract
//! - Every console route has a rule in [`access::RULES`]; the [`Staff`]
//!   extractor refuses a route without one, a request without a live
//!   session, and a role the rule does not allow.
//! - Every state-changing form is read with [`staff_form`], which refuses it
//!   unless it carries the session's CSRF token (compared in constant time)
//!   and, when the browser says where it came from, came from our own site.
//! - The session cookie is `HttpOnly`, `SameSite=Strict`, `Path=/console`,
//!   and `Secure` when the public address is https. Only its hash is kept,
//!   in memory ([`crate::staff::session`]). Nothing outside `/console` ever
//!   sets a cookie.
//! - Sign-in failures look the same for an unknown user and a wrong
//!   password (same page, same status, same Argon2id work), and are rate
//!   limited per client (middleware) and per account (here), in memory.

pub mod access;
mod admin;
mod auth;
mod cards;
mod dashboard;
mod periods;
mod round_form;
mod rounds;
mod themes;
mod voices;

pub use access::{rule, Access, RULES};
pub use admin::{add_user, backups, change_role, keys, remove_user, staff_log, users};
pub use auth::{login, login_page, logout, setup, setup_page};
pub use cards::cards;
pub use dashboard::home;
pub use periods::{close_periods, confirm as close_period};
pub use rounds::{
    create_organisation, create_round, invitations, issue_codes, open_round, organisation,
    organisations, round, update_round,
};
pub use themes::{keyphrases, promote};
pub use voices::{decide, download, moderation, pledge, respond, restatus, space};

use super::body::{self, FORM, FORM_LIMIT};
use super::error::ApiError;
use super::participant::page;
use super::AppState;
use crate::clock::SessionClock;
use crate::domain::{Period, PeriodLength, Round};
use crate::staff::session::{Session, Sessions};
use crate::staff::{Action, User};
use crate::views::console::{self as views, Frame};
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, ResponseError};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::future::{ready, Ready};
use std::num::NonZeroU32;
use std::sync::Arc;

/// The session cookie's name.
pub const COOKIE: &str = "parrhesia_console";

/// The console's in-memory state.
pub struct ConsoleState {
    pub sessions: Sessions,
    /// Sign-in attempts per typed user name (known or not, so the limit
    /// itself reveals nothing), in memory only.
    accounts: DefaultKeyedRateLimiter<String>,
    /// Whether the cookie gets `Secure` (the public address is https).
    secure: bool,
    /// Our own origin, to check the `Origin` header of forms.
    origin: String,
    /// Master key ids and the current one (for the keys page).
    master_keys: (Vec<String>, String),
    /// Card sheets made and waiting for their one download (in memory).
    sheets: cards::PendingSheets,
    /// Every password hash and check goes through this bound.
    pub hashing: crate::staff::hashing::HashingGate,
}

impl ConsoleState {
    pub fn new(
        clock: Arc<dyn SessionClock>,
        public_url: &str,
        logins_per_minute: u32,
        master_keys: (Vec<String>, String),
    ) -> Self {
        let per_minute = NonZeroU32::new(logins_per_minute).unwrap_or(NonZeroU32::MIN);
        let url = public_url.trim_end_matches('/');
        let origin = match url.find("://") {
            Some(i) => match url[i + 3..].find('/') {
                Some(j) => url[..i + 3 + j].to_owned(),
                None => url.to_owned(),
            },
            None => url.to_owned(),
        };
        Self {
            sessions: Sessions::new(clock),
            accounts: DefaultKeyedRateLimiter::keyed(Quota::per_minute(per_minute)),
            secure: public_url.starts_with("https://"),
            origin: origin.to_ascii_lowercase(),
            master_keys,
            sheets: cards::PendingSheets::default(),
            hashing: crate::staff::hashing::HashingGate::for_this_machine(),
        }
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

    /// Forget accounts whose bucket has filled again.
    pub fn prune(&self) {
        self.accounts.retain_recent();
        self.accounts.shrink_to_fit();
    }
}

/// Why a console request was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// No live session: go and sign in.
    #[error("sign in")]
    SignIn,
    /// Signed in, but this role may not use this route.
    #[error("forbidden")]
    Forbidden,
    /// A state-changing form without this session's CSRF token, or from
    /// another origin.
    #[error("csrf")]
    Csrf,
    #[error("too many attempts")]
    RateLimited(u64),
    /// Too many passwords are being checked or hashed at once (the
    /// [`crate::staff::hashing::HashingGate`] stayed full).
    #[error("busy")]
    Busy,
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl From<crate::store::StoreError> for ConsoleError {
    fn from(e: crate::store::StoreError) -> Self {
        Self::Api(e.into())
    }
}

impl From<crate::domain::InputError> for ConsoleError {
    fn from(e: crate::domain::InputError) -> Self {
        Self::Api(e.into())
    }
}

impl ResponseError for ConsoleError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::SignIn => StatusCode::SEE_OTHER,
            Self::Forbidden | Self::Csrf => StatusCode::FORBIDDEN,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Api(e) => e.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::SignIn => see_other("/console/login"),
            Self::Forbidden => page(
                StatusCode::FORBIDDEN,
                views::forbidden(
                    None,
                    "You cannot use this page",
                    "Your role does not include this page. Ask an administrator if you need it.",
                ),
            ),
            Self::Csrf => page(
                StatusCode::FORBIDDEN,
                views::forbidden(
                    None,
                    "This form has expired",
                    "The form was not sent from a current console page, so nothing was changed. \
                     Go back, reload the page and send it again.",
                ),
            ),
            Self::RateLimited(secs) => too_many_attempts(*secs),
            Self::Busy => {
                let mut response = page(
                    StatusCode::SERVICE_UNAVAILABLE,
                    views::forbidden(
                        None,
                        "The console is busy",
                        &format!(
                            "Too many people are signing in at this moment, so yours was not \
                             checked and nothing was changed. Wait {BUSY_RETRY_SECS} seconds, \
                             then try again."
                        ),
                    ),
                );
                response.headers_mut().insert(
                    header::RETRY_AFTER,
                    header::HeaderValue::from(BUSY_RETRY_SECS),
                );
                response
            }
            Self::Api(e) => {
                if let ApiError::Internal(detail) = e {
                    tracing::error!(%detail, "internal error");
                }
                let (title, body) = match e {
                    ApiError::RoundUnknown | ApiError::OrganisationUnknown | ApiError::NotFound => {
                        (
                            "Not found".to_owned(),
                            "There is nothing at this address.".to_owned(),
                        )
                    }
                    ApiError::Internal(_) => (
                        "Sorry, something went wrong".to_owned(),
                        "Nothing was changed. Try again in a few minutes.".to_owned(),
                    ),
                    other => ("That did not work".to_owned(), other.message()),
                };
                page(e.status_code(), views::forbidden(None, &title, &body))
            }
        }
    }
}

/// Seconds to wait after the password gate was full.
const BUSY_RETRY_SECS: u32 = 5;

impl From<crate::staff::hashing::Busy> for ConsoleError {
    fn from(_: crate::staff::hashing::Busy) -> Self {
        Self::Busy
    }
}

/// The 429 page for sign-in attempts (also used by the rate-limit
/// middleware for console addresses).
pub fn too_many_attempts(retry_after: u64) -> HttpResponse {
    let mut response = page(
        StatusCode::TOO_MANY_REQUESTS,
        views::forbidden(
            None,
            "Too many sign-in attempts",
            &format!(
                "There have been too many attempts to sign in, from your connection or to this \
                 account. Wait {retry_after} seconds, then try again."
            ),
        ),
    );
    if let Ok(v) = header::HeaderValue::from_str(&retry_after.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
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

/// A signed-in user allowed on this route (by [`access::RULES`]).
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
}

/// The live session and user of a request, whatever the route.
fn signed_in(state: &AppState, req: &HttpRequest) -> Result<Option<Staff>, ConsoleError> {
    let Some(id) = cookie_value(req) else {
        return Ok(None);
    };
    let Some(session) = state.console.sessions.get(&id) else {
        return Ok(None);
    };
    match state.store.user(&session.user_id)? {
        Some(user) => Ok(Some(Staff {
            session_csrf: session.csrf_token(),
            user,
            session,
            session_id: id,
        })),
        None => {
            // The account was removed: its sessions end with it.
            state.console.sessions.end(&id);
            Ok(None)
        }
    }
}

impl FromRequest for Staff {
    type Error = ConsoleError;
    type Future = Ready<Result<Self, ConsoleError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(authorise(req))
    }
}

fn authorise(req: &HttpRequest) -> Result<Staff, ConsoleError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal("no state".into()))?;
    // Default deny: a route without a rule is for no one.
    let access = req
        .match_pattern()
        .and_then(|p| rule(req.method().as_str(), &p))
        .ok_or(ConsoleError::Forbidden)?;
    let staff = signed_in(state, req)?.ok_or(ConsoleError::SignIn)?;
    if access.allows(staff.user.role) {
        Ok(staff)
    } else {
        Err(ConsoleError::Forbidden)
    }
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

/// Read a state-changing form of a signed-in user: refused unless it
/// carries the session's CSRF token.
pub async fn staff_form(
    state: &AppState,
    staff: &Staff,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Form, ConsoleError> {
    let form = read_form(state, req, payload).await?;
    if staff.session.csrf_ok(form.get("csrf")) {
        Ok(form)
    } else {
        Err(ConsoleError::Csrf)
    }
}

/// Append to the staff action log: at the round's period granularity (a
/// week without a round), never about participants.
pub async fn record(
    state: &AppState,
    staff: &Staff,
    action: &str,
    round: Option<&Round>,
    subject: Option<String>,
) -> Result<(), ConsoleError> {
    record_as(state, staff.user.username.as_str(), action, round, subject).await
}

async fn record_as(
    state: &AppState,
    actor: &str,
    action: &str,
    round: Option<&Round>,
    subject: Option<String>,
) -> Result<(), ConsoleError> {
    let length = round.map(|r| r.period).unwrap_or(PeriodLength::ONE_WEEK);
    let entry = Action {
        period: Period::containing(state.clock.today(), length).id(),
        actor: actor.to_owned(),
        action: action.to_owned(),
        round: round.map(|r| r.slug.to_string()),
        subject,
    };
    state.store.log_staff_action(entry).await?;
    Ok(())
}

/// The `done=` notice of a page after a redirect, from a fixed list (so
/// the address cannot put words on the page).
fn done(req: &HttpRequest) -> Option<&'static str> {
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
        "removed" => "User removed.",
        "role" => "Role changed.",
        "welcome" => "You are signed in.",
        _ => return None,
    })
}

/// An HTML page answer.
fn html(status: StatusCode, markup: maud::Markup) -> HttpResponse {
    page(status, markup)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let refused = gate.run(|_| ()).await.map_err(ConsoleError::from);
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
