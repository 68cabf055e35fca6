//! Password links (issue 21): "forgot password" and setting a password
//! from an invitation's or a reset's link, through
//! [`crate::app::password_links`]. Before any session, so the forms carry
//! a pre-session token ([`presession`]) like the sign-in form.
//!
//! # Security contract
//! - The "forgot password" form gets one answer (same page, same status)
//!   whether or not an account matches, and the work that differs (the
//!   look-up, the link, the mail) runs in a task spawned after the answer
//!   is decided, so the answer's timing does not depend on it. It is rate
//!   limited per client (middleware) and per typed address (here, in
//!   memory), the same for addresses that exist and ones that do not.
//! - A link's token is in the address only of the page that shows the
//!   form (what a mail can carry); the form posts it in its body. Showing
//!   the page uses nothing, so a mail scanner fetching the link does not
//!   spend it.
//! - Setting a password signs no one in: it ends every session of the
//!   account and sends the user to the sign-in page, where a second factor
//!   is still asked for.

use super::presession::{self, with_presession};
use super::{html, read_form, ConsoleError};
use crate::app::password_links::{self, Refused};
use crate::http::error::FORM_INVALID;
use crate::http::AppState;
use crate::staff::password::Password;
use crate::views::console as views;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

pub async fn forgot_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let pre = presession::begin(&state, &req)?;
    let page = html(StatusCode::OK, views::forgot(&pre.token, "", &[]));
    Ok(with_presession(page, pre))
}

/// Ask for a reset link. Uniform: the same page and status for every
/// well-formed request; the look-up and the mail run after, in their own
/// task ([`password_links::request_reset`]).
pub async fn forgot(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = read_form(&state, &req, payload).await?;
    let token = presession::check(&state, &req, form.get("csrf"))?;
    let typed = form.get("account").trim().to_owned();
    if typed.is_empty() {
        let errors = [(
            "account",
            "Enter your e-mail address or user name".to_owned(),
        )];
        return Ok(html(FORM_INVALID, views::forgot(&token, "", &errors)));
    }
    state
        .console
        .charge_reset(&typed)
        .map_err(ConsoleError::RateLimited)?;
    let background = state.clone();
    let today = state.today();
    actix_web::rt::spawn(async move {
        password_links::request_reset(&background.app, &typed, today).await;
    });
    Ok(html(StatusCode::OK, views::forgot_sent()))
}

/// The page of a link that cannot be used (410: it is gone for good).
fn unusable(refused: Refused) -> HttpResponse {
    html(
        StatusCode::GONE,
        views::link_unusable(refused == Refused::Expired),
    )
}

/// The page a link opens: the new-password form while the link is live.
pub async fn set_password_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ConsoleError> {
    let token = path.into_inner();
    match password_links::check_link(&state.app, &token).await? {
        Ok(purpose) => {
            let pre = presession::begin(&state, &req)?;
            let page = html(
                StatusCode::OK,
                views::set_password(&pre.token, &token, purpose, &[]),
            );
            Ok(with_presession(page, pre))
        }
        Err(refused) => Ok(unusable(refused)),
    }
}

/// Set the password from a link: then to the sign-in page.
pub async fn set_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = read_form(&state, &req, payload).await?;
    let csrf = presession::check(&state, &req, form.get("csrf"))?;
    let token = form.get("token").trim().to_owned();
    let password = match Password::parse(form.get("password")) {
        Ok(p) => p,
        Err(e) => {
            // The form again while the link is live; else why it is not.
            return Ok(
                match password_links::check_link(&state.app, &token).await? {
                    Ok(purpose) => {
                        let errors = [("password", e.message())];
                        html(
                            FORM_INVALID,
                            views::set_password(&csrf, &token, purpose, &errors),
                        )
                    }
                    Err(refused) => unusable(refused),
                },
            );
        }
    };
    match password_links::set_password(&state.app, &token, password, state.today()).await? {
        Ok(_) => Ok(super::see_other("/console/login?done=password")),
        Err(refused) => Ok(unusable(refused)),
    }
}
