//! The console's home: a dashboard for the signed-in role (issue 18; see
//! [`crate::app::dashboard`]).

use super::{done, html, ConsoleError, Staff};
use crate::app::dashboard;
use crate::http::AppState;
use crate::views::console as views;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

pub async fn home(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let d = dashboard::dashboard(&state.app, &staff.user, state.today()).await?;
    let page = views::dashboard(&staff.frame(), &d, done(&req));
    Ok(html(StatusCode::OK, page))
}
