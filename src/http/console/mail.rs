//! Staff mail in the console (issue 21): the signed-in user's own mail
//! settings, and an administrator's dismissal of a delivery that was given
//! up. Both through [`crate::app::mail`].

use super::{done, html, see_other, ConsoleError, Staff, StaffForm};
use crate::app::{mail, AppError};
use crate::http::error::FORM_INVALID;
use crate::http::AppState;
use crate::mail::Kind;
use crate::staff::StaffError;
use crate::views::console as views;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// Where the settings live.
pub const SETTINGS_PATH: &str = "/console/account/mail";

const EMAIL_INVALID: &str =
    "Enter an e-mail address in the correct format, like name@example.org, or leave it empty";

/// The mail settings page.
pub async fn mail_settings(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let user = &staff.user;
    let email = user
        .email
        .as_ref()
        .map(|e| e.to_string())
        .unwrap_or_default();
    let allowed = mail::kinds_for(user.role);
    let chosen = user.mail_preferences().kinds().to_vec();
    let page = views::mail_settings(
        &staff.frame(),
        (&email, &allowed, &chosen),
        state.app.mailer().is_some(),
        &[],
        done(&req),
    );
    Ok(html(StatusCode::OK, page))
}

/// Save the signed-in user's address and chosen kinds.
pub async fn save_mail_settings(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let typed = posted.form.get("email").to_owned();
    let kinds: Vec<Kind> = posted
        .form
        .0
        .iter()
        .filter(|(k, _)| k == "kinds")
        .filter_map(|(_, v)| Kind::parse(v))
        .collect();
    match mail::set_preferences(&state.app, &staff.user, &typed, &kinds).await {
        Ok(_) => Ok(see_other(&format!("{SETTINGS_PATH}?done=mail"))),
        Err(AppError::Account(e)) if e.contains(&StaffError::EmailInvalid) => {
            let allowed = mail::kinds_for(staff.user.role);
            let errors = [("email", EMAIL_INVALID.to_owned())];
            let page = views::mail_settings(
                &staff.frame(),
                (&typed, &allowed, &kinds),
                state.app.mailer().is_some(),
                &errors,
                None,
            );
            Ok(html(FORM_INVALID, page))
        }
        Err(e) => Err(e.into()),
    }
}

/// Dismiss a given-up delivery (administrators).
pub async fn dismiss(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let id = path.into_inner();
    mail::dismiss(&state.app, &posted.staff.user, &id, state.today()).await?;
    Ok(see_other("/console?done=dismissed"))
}
