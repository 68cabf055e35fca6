//! Signing in and out and the first administrator, through
//! [`crate::app::staff`] (the console's home is in `dashboard`).

use super::presession::{self, with_presession};
use super::{
    cleared_cookie, html, read_form, see_other, session_cookie, signed_in, ConsoleError, StaffForm,
};
use crate::app::{staff, Actor, AppError};
use crate::http::error::{ApiError, FORM_INVALID};
use crate::http::AppState;
use crate::staff::password::Password;
use crate::staff::Username;
use crate::views::console as views;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};

/// The one message for every failed sign-in: it must not say whether the
/// user name exists.
const SIGN_IN_FAILED: &str = "Enter a correct user name and password.";

pub async fn login_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    if signed_in(&state, &req).await?.is_some() {
        return Ok(see_other("/console"));
    }
    let first_visit = !staff::has_users(&state.app).await?;
    let pre = presession::begin(&state, &req)?;
    let page = html(
        StatusCode::OK,
        views::login(&pre.token, "", &[], first_visit, super::done(&req)),
    );
    Ok(with_presession(page, pre))
}

/// Check a user name and password. Uniform: an unknown user and a wrong
/// password get the same page and status, after the same Argon2id work
/// ([`staff::sign_in`]).
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = read_form(&state, &req, payload).await?;
    let token = presession::check(&state, &req, form.get("csrf"))?;
    let typed = form.get("username").to_owned();
    if let Err(wait) = state.console.charge_account(&typed) {
        // The account's limit was reached: administrators are told at the
        // next mail batch (the account's name, never a count or a time).
        // Off the request's path, so the answer takes as long whether or
        // not the account exists.
        let state = state.clone();
        let name = typed.clone();
        actix_web::rt::spawn(async move {
            crate::app::mail::refused_sign_ins(&state.app, &name).await;
        });
        return Err(ConsoleError::RateLimited(wait));
    }
    let presented = form.get("password").to_owned();
    match staff::sign_in(&state.app, &typed, presented).await? {
        staff::SignIn::Session(id) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/console"))
            .insert_header((header::SET_COOKIE, session_cookie(&state, &id)))
            .finish()),
        staff::SignIn::SecondStep(user) => super::second_factor::begin(&state, &user),
        staff::SignIn::Failed => {
            let first_visit = !staff::has_users(&state.app).await?;
            let errors = [("username", SIGN_IN_FAILED.to_owned())];
            Ok(html(
                FORM_INVALID,
                views::login(&token, &typed, &errors, first_visit, None),
            ))
        }
    }
}

pub async fn logout(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    staff::sign_out(&state.app, &posted.staff.session_id).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/console/login"))
        .insert_header((header::SET_COOKIE, cleared_cookie(&state)))
        .finish())
}

/// The page that says set-up is over, with the status of that refusal.
fn setup_closed(status: StatusCode) -> HttpResponse {
    html(status, views::setup_closed())
}

pub async fn setup_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    Ok(if staff::has_users(&state.app).await? {
        setup_closed(StatusCode::OK)
    } else {
        let pre = presession::begin(&state, &req)?;
        with_presession(html(StatusCode::OK, views::setup(&pre.token, "", &[])), pre)
    })
}

/// The first administrator, proved by the admin token. Only while there
/// are no accounts at all; the store refuses a second "first" one.
pub async fn setup(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let closed = || setup_closed(ApiError::from(AppError::SetupClosed).status_code());
    if staff::has_users(&state.app).await? {
        return Ok(closed());
    }
    let form = read_form(&state, &req, payload).await?;
    let token = presession::check(&state, &req, form.get("csrf"))?;
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
            FORM_INVALID,
            views::setup(&token, form.get("username"), &errors),
        ));
    };
    let actor = Actor::Staff(username.clone());
    let made = staff::first_administrator(&state.app, &actor, username, password, state.today());
    let user = match made.await {
        Ok(user) => user,
        Err(AppError::SetupClosed) => return Ok(closed()),
        Err(e) => return Err(e.into()),
    };
    let id = staff::start_session(&state.app, &user).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/console?done=welcome"))
        .insert_header((header::SET_COOKIE, session_cookie(&state, &id)))
        .finish())
}
