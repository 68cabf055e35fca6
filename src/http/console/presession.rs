//! Login CSRF: the sign-in and set-up forms carry a token bound to the
//! browser before anyone is signed in (OWASP's Cross-Site Request Forgery
//! Prevention Cheat Sheet, "Login CSRF": pre-sessions; its "Signed Double-
//! Submit Cookie" pattern).
//!
//! The page sets the console's one cookie, `parrhesia_console`, to 256
//! random bits that are no session (the same name, form and scope as a
//! session cookie, so the shipped nginx forwards it unchanged and a browser
//! holds at most one console cookie); the form carries HMAC-SHA256 of that
//! value under a key made at start-up and held only in memory. A forged
//! form from another site carries neither the cookie (`SameSite=Strict`)
//! nor a token matching it. Nothing is stored: the value names no one, is
//! made fresh for each browser, and a restart only makes an open form
//! expire. A successful sign-in replaces it with a new session id, so a
//! pre-session can never become a session (no fixation).

use super::{cookie_value, AppState, ConsoleError, COOKIE};
use crate::app::AppError;
use crate::encoding::hex;
use actix_web::HttpRequest;
use ring::hmac;
use subtle::ConstantTimeEq;

/// The in-memory key of pre-session tokens.
pub struct PresessionKey(hmac::Key);

impl PresessionKey {
    pub fn generate() -> Result<Self, ring::error::Unspecified> {
        let rng = ring::rand::SystemRandom::new();
        Ok(Self(hmac::Key::generate(hmac::HMAC_SHA256, &rng)?))
    }

    /// The form token for a pre-session value.
    fn token(&self, value: &str) -> String {
        let tag = hmac::sign(&self.0, format!("console pre-session\0{value}").as_bytes());
        hex(tag.as_ref())
    }
}

/// A pre-session for a sign-in or set-up page: the cookie value to set
/// (`None` when the browser already holds a well-formed one) and the token
/// for the form.
pub struct Presession {
    pub set_cookie: Option<String>,
    pub token: String,
}

/// A well-formed console cookie value: 64 hex digits, as nginx forwards.
fn well_formed(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The pre-session of a page showing a sign-in or set-up form: the
/// browser's own console cookie if it has one, else a fresh one (so two
/// open tabs keep working).
pub fn begin(state: &AppState, req: &HttpRequest) -> Result<Presession, ConsoleError> {
    if let Some(value) = cookie_value(req).filter(|v| well_formed(v)) {
        let token = state.console.presession.token(&value);
        return Ok(Presession {
            set_cookie: None,
            token,
        });
    }
    let value = hex(&crate::secrets::random::bytes::<32>().map_err(AppError::from)?);
    let secure = if state.console.secure { "; Secure" } else { "" };
    Ok(Presession {
        token: state.console.presession.token(&value),
        set_cookie: Some(format!(
            "{COOKIE}={value}; Path=/console; HttpOnly; SameSite=Strict{secure}"
        )),
    })
}

/// The token of a posted sign-in or set-up form, checked against the
/// browser's cookie in constant time; a form without both is refused
/// before any password work. Returns the token, for showing the form
/// again.
pub fn check(state: &AppState, req: &HttpRequest, posted: &str) -> Result<String, ConsoleError> {
    let value = cookie_value(req)
        .filter(|v| well_formed(v))
        .ok_or(ConsoleError::Csrf)?;
    let expected = state.console.presession.token(&value);
    if bool::from(expected.as_bytes().ct_eq(posted.as_bytes())) {
        Ok(expected)
    } else {
        Err(ConsoleError::Csrf)
    }
}

/// A page with a pre-session form, setting its cookie if new.
pub(super) fn with_presession(
    mut page: actix_web::HttpResponse,
    pre: Presession,
) -> actix_web::HttpResponse {
    if let Some(cookie) = pre
        .set_cookie
        .and_then(|c| actix_web::http::header::HeaderValue::try_from(c).ok())
    {
        page.headers_mut()
            .insert(actix_web::http::header::SET_COOKIE, cookie);
    }
    page
}
