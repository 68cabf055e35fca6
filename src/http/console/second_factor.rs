//! Two-step sign-in (TOTP, RFC 6238) in the console: the second step of
//! signing in, and each user's enrolment and its removal, through
//! [`crate::app::staff`].
//!
//! # Security contract
//! - A correct password for an account with a second factor starts no
//!   session: it makes a waiting second step, named by a fresh 256-bit
//!   value that replaces the browser's console cookie (kept only as its
//!   SHA-256, in memory, for [`STEP_SECS`] and at most [`STEP_TRIES`]
//!   codes, each counted before it is checked). Across every waiting
//!   sign-in and the form that turns it off, [`crate::staff::totp::CODE_FAILURES`]
//!   wrong codes in a row lock the account's code step (an hour, doubling). The second step's form carries that value's pre-session
//!   token, so it has the sign-in form's login-CSRF defence; each attempt
//!   is charged to the account's sign-in bucket and, through the
//!   middleware, to the client's. A session starts only after a current
//!   code (each time step once, RFC 6238 §5.2) or an unused recovery code.
//! - Enrolment's new secret waits in memory, per session (by the hash of
//!   its id), until a current code of it is typed; only then is it sealed
//!   and stored, and the recovery codes are shown, once. Enrolling and
//!   turning it off end every other session of the user.

use super::presession;
use super::StaffForm;
use super::{cookie_value, html, read_form, see_other, session_cookie, ConsoleError, Staff};
use crate::app::{staff, AppError};
use crate::encoding::hex;
use crate::http::error::FORM_INVALID;
use crate::http::AppState;
use crate::staff::totp::{Secret, Totp};
use crate::views::console as views;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use std::collections::HashMap;
use std::sync::Mutex;

/// Where enrolment lives (an administrator who must enrol may reach
/// every address under it).
pub const ENROL_PATH: &str = "/console/account/two-step";
/// A waiting second step lasts five minutes.
pub const STEP_SECS: u64 = 5 * 60;
/// Wrong codes before a waiting second step is forgotten (the password
/// must be typed again).
pub const STEP_TRIES: u32 = 5;
/// An enrolment's new secret waits this long for its first code.
const ENROL_SECS: u64 = 30 * 60;

/// The one message for a wrong second step.
const CODE_WRONG: &str =
    "Enter the 6-digit code your app shows now, or one of your unused recovery codes.";
/// The message for a wrong code when enrolling or turning it off.
const CURRENT_CODE_WRONG: &str =
    "Enter the 6-digit code your app shows now. If it was just used, wait for the next one.";

/// A sign-in waiting for its second step.
struct Step {
    user_id: String,
    username: String,
    started: u64,
    /// Codes tried, counted before each is checked.
    tries: u32,
}

/// What waits in memory: second steps by the hash of their cookie value,
/// and new secrets by the hash of the enrolling session's id (each
/// session its own secret: another session of the same user, perhaps
/// started with a phished password, never sees it).
#[derive(Default)]
pub struct Pending {
    steps: Mutex<HashMap<[u8; 32], Step>>,
    enrolling: Mutex<HashMap<[u8; 32], (Secret, u64)>>,
}

/// The key of `staff`'s session's waiting secret.
fn enrolling_key(staff: &Staff) -> [u8; 32] {
    crate::crypto::sha256(staff.session_id.as_bytes())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A correct password for an account with a second factor: a waiting
/// second step and its page, under a new cookie value.
pub(super) fn begin(
    state: &AppState,
    user: &crate::staff::User,
) -> Result<HttpResponse, ConsoleError> {
    let now = staff::now_secs(&state.app);
    let value = hex(&crate::secrets::random::bytes::<32>().map_err(AppError::from)?);
    let mut steps = lock(&state.console.second_factor.steps);
    steps.retain(|_, s| now.saturating_sub(s.started) <= STEP_SECS);
    steps.insert(
        crate::crypto::sha256(value.as_bytes()),
        Step {
            user_id: user.id.clone(),
            username: user.username.to_string(),
            started: now,
            tries: 0,
        },
    );
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/console/login/code"))
        .insert_header((header::SET_COOKIE, session_cookie(state, &value)))
        .finish())
}

/// No second step waits for this browser (none began, it took too long,
/// or too many codes were wrong): sign in again.
fn expired() -> HttpResponse {
    html(
        StatusCode::OK,
        views::forbidden(
            None,
            "Sign in again",
            "No sign-in is waiting for a code here: it took more than five minutes, too many \
             codes were wrong, or it never began. Sign in again with your user name and password.",
        ),
    )
}

/// Too many wrong codes in a row for this account: its code step is
/// locked (see [`crate::staff::totp::CodeFailures`]).
fn locked(frame: Option<&crate::views::console::Frame>) -> HttpResponse {
    html(
        StatusCode::TOO_MANY_REQUESTS,
        views::forbidden(
            frame,
            "Too many wrong codes",
            "Too many wrong codes: ask an administrator, or try again later.",
        ),
    )
}

/// The waiting second step of this browser: (user id, user name).
fn waiting(state: &AppState, req: &HttpRequest) -> Option<(String, String)> {
    let value = cookie_value(req)?;
    let now = staff::now_secs(&state.app);
    let steps = lock(&state.console.second_factor.steps);
    steps
        .get(&crate::crypto::sha256(value.as_bytes()))
        .filter(|s| now.saturating_sub(s.started) <= STEP_SECS)
        .map(|s| (s.user_id.clone(), s.username.clone()))
}

pub async fn second_step_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    if waiting(&state, &req).is_none() {
        return Ok(expired());
    }
    let pre = presession::begin(&state, &req)?;
    Ok(html(StatusCode::OK, views::second_step(&pre.token, &[])))
}

/// A one-time or recovery code for the waiting second step.
pub async fn second_step(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = read_form(&state, &req, payload).await?;
    let token = presession::check(&state, &req, form.get("csrf"))?;
    let Some((user_id, username)) = waiting(&state, &req) else {
        return Ok(expired());
    };
    state
        .console
        .charge_account(&username)
        .map_err(ConsoleError::RateLimited)?;
    let key = cookie_value(&req)
        .map(|v| crate::crypto::sha256(v.as_bytes()))
        .unwrap_or_default();
    // Counted before the code is checked, so parallel tries cannot pass
    // the limit.
    {
        let mut steps = lock(&state.console.second_factor.steps);
        match steps.get_mut(&key) {
            Some(s) if s.tries < STEP_TRIES => s.tries += 1,
            _ => {
                steps.remove(&key);
                return Ok(expired());
            }
        }
    }
    match staff::second_step(&state.app, &user_id, form.get("code"), state.today()).await? {
        staff::Code::Right(id) => {
            lock(&state.console.second_factor.steps).remove(&key);
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/console"))
                .insert_header((header::SET_COOKIE, session_cookie(&state, &id)))
                .finish())
        }
        staff::Code::Locked => {
            lock(&state.console.second_factor.steps).remove(&key);
            Ok(locked(None))
        }
        staff::Code::Wrong => {
            let spent = {
                let mut steps = lock(&state.console.second_factor.steps);
                let spent = steps.get(&key).is_none_or(|s| s.tries >= STEP_TRIES);
                if spent {
                    steps.remove(&key);
                }
                spent
            };
            if spent {
                return Ok(expired());
            }
            let errors = [("code", CODE_WRONG.to_owned())];
            Ok(html(FORM_INVALID, views::second_step(&token, &errors)))
        }
    }
}

/// The enrolment figure of `secret` for `staff`.
fn figure(state: &AppState, staff: &Staff, secret: &Secret) -> Result<maud::Markup, ConsoleError> {
    let totp = Totp::new(Secret::from_bytes(secret.expose()));
    let issuer = format!(
        "Parrhesia ({})",
        crate::config::host_of(state.app.public_url())
    );
    let uri = totp.uri(&issuer, staff.user.username.as_str());
    crate::views::qr::enrolment("totp", &uri, &secret.to_grouped_base32())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")).into())
}

/// The enrolment page of `staff` (their waiting secret, made if none).
fn enrol_page(
    state: &AppState,
    staff: &Staff,
    errors: &[(&str, String)],
    required: bool,
    (status, done): (StatusCode, Option<&str>),
) -> Result<HttpResponse, ConsoleError> {
    let now = staff::now_secs(&state.app);
    let mut enrolling = lock(&state.console.second_factor.enrolling);
    enrolling.retain(|_, (_, made)| now.saturating_sub(*made) <= ENROL_SECS);
    let (secret, _) = match enrolling.entry(enrolling_key(staff)) {
        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::hash_map::Entry::Vacant(e) => {
            let secret = Secret::generate()
                .map_err(|_| AppError::Internal(anyhow::anyhow!("random generator failed")))?;
            e.insert((secret, now))
        }
    };
    let figure = figure(state, staff, secret)?;
    Ok(html(
        status,
        views::enrol(&staff.frame(), figure, errors, required, done),
    ))
}

fn required(state: &AppState, staff: &Staff) -> bool {
    state.console.second_factor_for_administrators
        && staff.user.role == crate::staff::Role::Administrator
}

/// Two-step sign-in for the signed-in user: enrolment, or (once on) how
/// many recovery codes are left and turning it off.
pub async fn two_step(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    match &staff.user.second_factor {
        Some(f) => Ok(html(
            StatusCode::OK,
            views::enrolled(
                &staff.frame(),
                f.recovery.remaining(),
                &[],
                super::done(&req),
            ),
        )),
        None => enrol_page(
            &state,
            &staff,
            &[],
            required(&state, &staff),
            (StatusCode::OK, super::done(&req)),
        ),
    }
}

/// The first code of the waiting secret: enrol, and show the recovery
/// codes once.
pub async fn enrol(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    if staff.user.second_factor.is_some() {
        return Ok(see_other(ENROL_PATH));
    }
    let secret = lock(&state.console.second_factor.enrolling)
        .get(&enrolling_key(staff))
        .map(|(s, _)| Secret::from_bytes(s.expose()));
    let Some(secret) = secret else {
        return Ok(see_other(ENROL_PATH));
    };
    let typed = posted.form.get("code");
    let keep = &staff.session_id;
    match staff::enrol(&state.app, &staff.user, keep, &secret, typed, state.today()).await? {
        staff::Enrolment::Codes(codes) => {
            // Other sessions' secrets are unreachable: their sessions ended.
            lock(&state.console.second_factor.enrolling).remove(&enrolling_key(staff));
            let shown: Vec<&str> = codes.iter().map(|c| c.expose()).collect();
            let mut page = html(
                StatusCode::OK,
                views::recovery_codes(&staff.frame(), &shown),
            );
            // The codes are on this page only: never kept by a cache.
            page.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            Ok(page)
        }
        staff::Enrolment::WrongCode => {
            let errors = [("code", CURRENT_CODE_WRONG.to_owned())];
            enrol_page(
                &state,
                staff,
                &errors,
                required(&state, staff),
                (FORM_INVALID, None),
            )
        }
        staff::Enrolment::Already => Ok(see_other(ENROL_PATH)),
    }
}

/// Turn two-step sign-in off, with a current code.
pub async fn disable_second_factor(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let Some(factor) = &staff.user.second_factor else {
        return Ok(see_other(ENROL_PATH));
    };
    state
        .console
        .charge_account(staff.user.username.as_str())
        .map_err(ConsoleError::RateLimited)?;
    let typed = posted.form.get("code");
    let keep = &staff.session_id;
    match staff::disable_second_factor(&state.app, &staff.user, keep, typed, state.today()).await? {
        staff::Code::Right(()) => return Ok(see_other(&format!("{ENROL_PATH}?done=two-step-off"))),
        staff::Code::Locked => return Ok(locked(Some(&staff.frame()))),
        staff::Code::Wrong => {}
    }
    let errors = [("code", CURRENT_CODE_WRONG.to_owned())];
    Ok(html(
        FORM_INVALID,
        views::enrolled(&staff.frame(), factor.recovery.remaining(), &errors, None),
    ))
}
