//! Signing in and out, the first administrator, and the console's home.

use super::{
    cleared_cookie, html, read_form, record_as, see_other, session_cookie, signed_in, staff_form,
    ConsoleError, Staff,
};
use crate::http::AppState;
use crate::staff::password::{self, Password};
use crate::staff::{Role, StaffError, User, Username};
use crate::store::StoreError;
use crate::views::console as views;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};

/// The one message for every failed sign-in: it must not say whether the
/// user name exists.
const SIGN_IN_FAILED: &str = "Enter a correct user name and password.";

pub async fn login_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    if signed_in(&state, &req)?.is_some() {
        return Ok(see_other("/console"));
    }
    Ok(html(
        StatusCode::OK,
        views::login("", &[], !state.store.has_users()?),
    ))
}

/// Check a user name and password. Uniform: an unknown (or malformed) user
/// name is checked against a dummy hash, so it costs the same Argon2id
/// work as a wrong password, and gets the same page and status.
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = read_form(&state, &req, payload).await?;
    let typed = form.get("username").to_owned();
    state
        .console
        .charge_account(&typed)
        .map_err(ConsoleError::RateLimited)?;
    let user = match Username::parse(&typed) {
        Ok(name) => state.store.user_by_name(name.as_str())?,
        Err(_) => None,
    };
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let presented = form.get("password").to_owned();
    // The dummy hash is made (once) inside the gate too: it is Argon2id work.
    let matched = state
        .console
        .hashing
        .run(move |workspace| match stored {
            Some(hash) => workspace.verify(&presented, &hash),
            None => workspace.verify(&presented, password::dummy_hash()),
        })
        .await?;
    match user {
        Some(user) if matched => {
            let id = state
                .console
                .sessions
                .start(&user.id)
                .map_err(|_| crate::http::error::ApiError::Internal("random failed".into()))?;
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/console"))
                .insert_header((header::SET_COOKIE, session_cookie(&state, &id)))
                .finish())
        }
        _ => Ok(html(
            StatusCode::BAD_REQUEST,
            views::login(
                &typed,
                &[("username", SIGN_IN_FAILED.to_owned())],
                !state.store.has_users()?,
            ),
        )),
    }
}

pub async fn logout(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    staff_form(&state, &staff, &req, payload).await?;
    state.console.sessions.end(&staff.session_id);
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/console/login"))
        .insert_header((header::SET_COOKIE, cleared_cookie(&state)))
        .finish())
}

pub async fn setup_page(state: web::Data<AppState>) -> Result<HttpResponse, ConsoleError> {
    Ok(if state.store.has_users()? {
        html(StatusCode::OK, views::setup_closed())
    } else {
        html(StatusCode::OK, views::setup("", &[]))
    })
}

/// The first administrator, proved by the admin token. Only while there
/// are no accounts at all; the store refuses a second "first" one.
pub async fn setup(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    if state.store.has_users()? {
        return Ok(html(StatusCode::FORBIDDEN, views::setup_closed()));
    }
    let form = read_form(&state, &req, payload).await?;
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    if !state.admin.verify(form.get("token").trim()) {
        errors.push((
            "token",
            "Enter the admin token this server was started with.".into(),
        ));
    }
    let username = Username::parse(form.get("username"));
    let password = Password::parse(form.get("password"));
    for e in [username.as_ref().err(), password.as_ref().err()]
        .into_iter()
        .flatten()
    {
        errors.push((e.field(), e.message()));
    }
    let (Ok(username), Ok(password), true) = (username, password, errors.is_empty()) else {
        return Ok(html(
            StatusCode::BAD_REQUEST,
            views::setup(form.get("username"), &errors),
        ));
    };
    let user = new_user(&state, username, Role::Administrator, None, password).await?;
    match state.store.add_first_user(user.clone()).await {
        Ok(()) => {}
        Err(StoreError::Exists(_)) => {
            return Ok(html(StatusCode::FORBIDDEN, views::setup_closed()));
        }
        Err(e) => return Err(e.into()),
    }
    record_as(
        &state,
        user.username.as_str(),
        "user.first-administrator",
        None,
        Some(user.username.to_string()),
    )
    .await?;
    let id = state
        .console
        .sessions
        .start(&user.id)
        .map_err(|_| crate::http::error::ApiError::Internal("random failed".into()))?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/console?done=welcome"))
        .insert_header((header::SET_COOKIE, session_cookie(&state, &id)))
        .finish())
}

/// A new account, its password hashed off the async workers (through the
/// hashing gate).
pub(super) async fn new_user(
    state: &AppState,
    username: Username,
    role: Role,
    organisation: Option<crate::domain::Slug>,
    password: Password,
) -> Result<User, ConsoleError> {
    let hash = state
        .console
        .hashing
        .run(move |workspace| workspace.hash(&password))
        .await?
        .map_err(|_| crate::http::error::ApiError::Internal("hashing failed".into()))?;
    User::new(username, role, organisation, hash).map_err(|e: StaffError| {
        crate::http::error::ApiError::Internal(format!("new user: {e}")).into()
    })
}
