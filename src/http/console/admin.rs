//! Administrators' pages: users and roles, keys, backups, the action log.

use super::auth::new_user;
use super::{done, html, record, see_other, staff_form, ConsoleError, Staff};
use crate::http::AppState;
use crate::staff::password::Password;
use crate::staff::{Role, StaffError, Username};
use crate::store::StoreError;
use crate::views::console::{self as views, KeyView};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

fn users_page(
    state: &AppState,
    staff: &Staff,
    values: &[(String, String)],
    errors: &[(&str, String)],
    done: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, ConsoleError> {
    let mut users = state.store.users()?;
    users.sort_by(|a, b| a.username.as_str().cmp(b.username.as_str()));
    let orgs = state.store.organisations()?;
    Ok(html(
        status,
        views::users(&staff.frame(), &users, &orgs, values, errors, done),
    ))
}

pub async fn users(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    users_page(&state, &staff, &[], &[], done(&req), StatusCode::OK)
}

pub async fn add_user(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let username = Username::parse(form.get("username"));
    let password = Password::parse(form.get("password"));
    let role = Role::parse(form.get("role"));
    let organisation = match form.get("organisation").trim() {
        "" => Ok(None),
        slug => state
            .store
            .organisation(slug)?
            .map(|o| Some(o.slug))
            .ok_or(StaffError::OrganisationMissing),
    };
    let membership = match (&role, &organisation) {
        (Ok(Role::Organisation), Ok(None)) => Err(StaffError::OrganisationMissing),
        (Ok(r), Ok(Some(_))) if *r != Role::Organisation => Err(StaffError::OrganisationNotAllowed),
        _ => Ok(()),
    };
    let errors: Vec<(&'static str, String)> = [
        username.as_ref().err(),
        password.as_ref().err(),
        role.as_ref().err(),
        organisation.as_ref().err(),
        membership.as_ref().err(),
    ]
    .into_iter()
    .flatten()
    .map(|e| (e.field(), e.message()))
    .collect();
    let organisation = organisation.ok().flatten();
    let (Ok(username), Ok(password), Ok(role), true) =
        (username, password, role, errors.is_empty())
    else {
        return users_page(
            &state,
            &staff,
            &form.values(),
            &errors,
            None,
            StatusCode::BAD_REQUEST,
        );
    };
    let user = new_user(&state, username, role, organisation.clone(), password).await?;
    match state.store.add_user(user.clone()).await {
        Ok(()) => {}
        Err(StoreError::Exists(_)) => {
            let errors = [("username", "Someone already has this user name.".into())];
            return users_page(
                &state,
                &staff,
                &form.values(),
                &errors,
                None,
                StatusCode::CONFLICT,
            );
        }
        Err(e) => return Err(e.into()),
    }
    let subject = match &organisation {
        Some(o) => format!("{} as {} of {o}", user.username, role.as_str()),
        None => format!("{} as {}", user.username, role.as_str()),
    };
    record(&state, &staff, "user.create", None, Some(subject)).await?;
    Ok(see_other("/console/users?done=user"))
}

/// Give an account another role (and, for organisation users, their
/// organisation). Administrators cannot change their own role, so the
/// console always keeps one. The new role applies from the user's next
/// request: sessions read the account each time.
pub async fn change_role(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let mut user = state
        .store
        .user(&path)?
        .ok_or(crate::http::error::ApiError::NotFound)?;
    let role_field = format!("role-{}", user.id);
    let org_field = format!("organisation-{}", user.id);
    let checked = (|| {
        if user.id == staff.user.id {
            return Err((
                role_field.clone(),
                "You cannot change your own role.".to_owned(),
            ));
        }
        let role =
            Role::parse(form.get(&role_field)).map_err(|e| (role_field.clone(), e.message()))?;
        let organisation = match form.get(&org_field).trim() {
            "" => None,
            slug => match state.store.organisation(slug) {
                Ok(Some(o)) => Some(o.slug),
                _ => return Err((org_field.clone(), StaffError::OrganisationMissing.message())),
            },
        };
        match (role, &organisation) {
            (Role::Organisation, None) => {
                Err((org_field.clone(), StaffError::OrganisationMissing.message()))
            }
            (r, Some(_)) if r != Role::Organisation => Err((
                org_field.clone(),
                StaffError::OrganisationNotAllowed.message(),
            )),
            _ => Ok((role, organisation)),
        }
    })();
    let (role, organisation) = match checked {
        Ok(ok) => ok,
        Err((field, message)) => {
            return users_page(
                &state,
                &staff,
                &form.values(),
                &[(field.as_str(), message)],
                None,
                StatusCode::BAD_REQUEST,
            )
        }
    };
    user.role = role;
    user.organisation = organisation;
    state.store.update_user(user.clone()).await?;
    record(
        &state,
        &staff,
        "user.role",
        None,
        Some(format!("{} as {}", user.username, role.as_str())),
    )
    .await?;
    Ok(see_other("/console/users?done=role"))
}

/// Remove an account and end its sessions. Administrators cannot remove
/// themselves, so the console always keeps one.
pub async fn remove_user(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    staff_form(&state, &staff, &req, payload).await?;
    let user = state
        .store
        .user(&path)?
        .ok_or(crate::http::error::ApiError::NotFound)?;
    if user.id == staff.user.id {
        let errors = [("username", "You cannot remove your own account.".into())];
        return users_page(&state, &staff, &[], &errors, None, StatusCode::CONFLICT);
    }
    state.store.remove_user(&user.id).await?;
    state.console.sessions.end_user(&user.id);
    record(
        &state,
        &staff,
        "user.remove",
        None,
        Some(user.username.to_string()),
    )
    .await?;
    Ok(see_other("/console/users?done=removed"))
}

pub async fn keys(state: web::Data<AppState>, staff: Staff) -> HttpResponse {
    let (master_ids, current) = state.console.master_keys.clone();
    let view = KeyView {
        master_ids,
        master_current: current,
        token_keys: state
            .token_keys
            .public_list()
            .into_iter()
            .map(|k| (k.token_key_id, k.not_before))
            .collect(),
        log_key_fingerprint: crate::encoding::hex(&crate::crypto::sha256(
            state.store.log_public_key(),
        )),
    };
    html(StatusCode::OK, views::keys(&staff.frame(), &view))
}

pub async fn backups(staff: Staff) -> HttpResponse {
    html(StatusCode::OK, views::backups(&staff.frame()))
}

pub async fn staff_log(
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, ConsoleError> {
    let actions = state.store.staff_actions()?;
    Ok(html(
        StatusCode::OK,
        views::staff_log(&staff.frame(), &actions),
    ))
}
