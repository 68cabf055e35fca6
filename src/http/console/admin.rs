//! Administrators' pages: users and roles, keys, backups, the action log,
//! through [`crate::app::staff`].

use super::{html, post, ConsoleError, Done, Form, FormPage, Shown, Staff, StaffForm};
use crate::app::password_links::{self, Mailed};
use crate::app::{rounds, staff, AppError};
use crate::http::AppState;
use crate::staff::{NewInvitation, Role, StaffError};
use crate::views::console::{self as views, KeyView};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// Which form of the users page was sent: each places its problems on its
/// own fields.
enum Users {
    Add,
    Role(String),
    Remove,
}

impl FormPage for Users {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let users = staff::users(&state.app).await?;
        let orgs: Vec<_> = rounds::organisations(&state.app)
            .await?
            .into_iter()
            .map(|(org, _)| org)
            .collect();
        let frame = staff.frame();
        let page = views::users(
            &frame,
            &users,
            &orgs,
            shown.values,
            shown.errors,
            shown.done,
        );
        Ok(html(shown.status, page))
    }

    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        let on = |field: String, message: String| vec![(field, message)];
        match (self, e) {
            (Self::Add, AppError::Account(errors)) => errors
                .iter()
                .map(|e| (e.field().to_owned(), e.message()))
                .collect(),
            (Self::Add, AppError::UsernameTaken(_)) => on(
                "username".into(),
                "Someone already has this user name.".into(),
            ),
            (Self::Role(id), AppError::OwnRole) => on(
                format!("role-{id}"),
                "You cannot change your own role.".into(),
            ),
            (Self::Role(id), AppError::Account(errors)) => errors
                .iter()
                .map(|e| match e {
                    StaffError::RoleInvalid => (format!("role-{id}"), e.message()),
                    _ => (format!("organisation-{id}"), e.message()),
                })
                .collect(),
            (Self::Remove, AppError::OwnAccount) => on(
                "username".into(),
                "You cannot remove your own account.".into(),
            ),
            _ => Vec::new(),
        }
    }
}

pub async fn users(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    Users::Add.show(&state, &staff, Shown::fresh(&req)).await
}

/// Invite a user by e-mail: the account, and a one-time link to choose
/// their password, mailed; without mail (or when sending failed) the link
/// is shown once on the answer instead.
pub async fn add_user(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    post(
        &state,
        &posted,
        |_| Users::Add,
        async |form| {
            let known = staff::organisation_slugs(&state.app).await?;
            let invitation = NewInvitation::parse(
                form.get("username"),
                form.get("email"),
                form.get("role"),
                form.get("organisation"),
                &known,
            )
            .map_err(AppError::Account)?;
            let invited =
                password_links::invite(&state.app, &staff.actor(), invitation, state.today())
                    .await?;
            let failed = match invited.mailed {
                Mailed::Sent => return Ok(Done::SeeOther("/console/users?done=invited".into())),
                Mailed::NoMail => false,
                Mailed::Failed(_) => true,
            };
            let page = views::invitation_link(
                &staff.frame(),
                invited.user.username.as_str(),
                invited.link.expose(),
                failed,
            );
            // Shown once: never kept by a browser or a proxy.
            let mut answer = html(StatusCode::OK, page);
            answer.headers_mut().insert(
                actix_web::http::header::CACHE_CONTROL,
                actix_web::http::header::HeaderValue::from_static("no-store"),
            );
            Ok(Done::Answer(answer))
        },
    )
    .await
}

/// Give an account another role (and, for organisation users, their
/// organisation). Administrators cannot change their own role, so the
/// console always keeps one.
pub async fn change_role(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let id = path.into_inner();
    let page = |_: &Form| Users::Role(id.clone());
    post(&state, &posted, page, async |form| {
        // An unknown account is a page that is not there, not a field.
        staff::user(&state.app, &id).await?;
        let role =
            Role::parse(form.get(&format!("role-{id}"))).map_err(|e| AppError::Account(vec![e]))?;
        let organisation = Some(form.get(&format!("organisation-{id}")));
        let today = state.today();
        staff::change_role(&state.app, &staff.user, &id, (role, organisation), today).await?;
        Ok(Done::SeeOther("/console/users?done=role".into()))
    })
    .await
}

/// Remove an account and end its sessions. Administrators cannot remove
/// themselves, so the console always keeps one.
pub async fn remove_user(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    post(
        &state,
        &posted,
        |_| Users::Remove,
        async |_| {
            staff::remove_user(&state.app, &staff.user, &path, state.today()).await?;
            Ok(Done::SeeOther("/console/users?done=removed".into()))
        },
    )
    .await
}

pub async fn keys(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, ConsoleError> {
    let keys = staff::keys(&state.app).await?;
    let view = KeyView {
        master_ids: keys.master_ids,
        master_current: keys.master_current,
        token_keys: keys.token_keys,
        log_key_fingerprint: keys.log_key_fingerprint,
    };
    Ok(html(StatusCode::OK, views::keys(&staff.frame(), &view)))
}

pub async fn backups(staff: Staff) -> HttpResponse {
    html(StatusCode::OK, views::backups(&staff.frame()))
}

pub async fn staff_log(
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, ConsoleError> {
    let actions = staff::log(&state.app).await?;
    Ok(html(
        StatusCode::OK,
        views::staff_log(&staff.frame(), &actions),
    ))
}
