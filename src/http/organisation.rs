//! Organisations answer their digest ("you said, we did"): keys (made by
//! the host), responses per theme per published period, and pledges with
//! a status history, through [`crate::app::voices`]. The answering routes
//! take an [`OrganisationKey`] for the organisation in their path.

use super::api::json_body;
use super::auth::{AdminToken, OrganisationKey};
use super::error::ApiError;
use super::AppState;
use crate::app::voices::{self, NewPledge, Target};
use crate::app::Actor;
use crate::domain::Translations;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

/// An organisation's own key names no person (see [`Actor::Unnamed`]).
const ORGANISATION: &Actor = &Actor::Unnamed;

#[derive(Serialize)]
struct NewKey {
    organisation: String,
    key: String,
}

/// `POST /api/v1/admin/organisations/{organisation}/keys` (admin): a new
/// key, shown once.
pub async fn create_key(
    _: AdminToken,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (org, key) = voices::create_organisation_key(&state.app, &path).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(NewKey {
            organisation: org.slug.to_string(),
            key,
        }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResponseBody {
    round: String,
    period: String,
    theme: String,
    text: String,
    /// The same response in other shipped languages, by tag.
    #[serde(default)]
    translations: Translations,
}

/// `POST /api/v1/organisations/{organisation}/responses`: publish (or
/// replace) the response to one theme of one published period. Earlier
/// versions are kept and shown.
pub async fn put_response(
    key: OrganisationKey,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: ResponseBody = json_body(&req, payload).await?;
    let to = Target {
        round: &body.round,
        period: &body.period,
        theme: &body.theme,
    };
    let org = key.organisation();
    let today = state.today();
    let words = (body.text.as_str(), &body.translations);
    let record = voices::respond(&state.app, ORGANISATION, org, to, words, today).await?;
    Ok(HttpResponse::Ok().json(record))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeBody {
    round: String,
    period: String,
    theme: String,
    text: String,
    /// The same pledge in other shipped languages, by tag.
    #[serde(default)]
    translations: Translations,
    status: Option<String>,
    reason: Option<String>,
}

/// `POST /api/v1/organisations/{organisation}/pledges`.
pub async fn create_pledge(
    key: OrganisationKey,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: PledgeBody = json_body(&req, payload).await?;
    let to = Target {
        round: &body.round,
        period: &body.period,
        theme: &body.theme,
    };
    let pledge = NewPledge {
        text: &body.text,
        translations: &body.translations,
        status: body.status.as_deref(),
        reason: body.reason.as_deref(),
    };
    let org = key.organisation();
    let made = voices::add_pledge(&state.app, ORGANISATION, org, to, pledge, state.today()).await?;
    Ok(HttpResponse::Created().json(made))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeUpdate {
    status: String,
    reason: Option<String>,
}

/// `PATCH /api/v1/organisations/{organisation}/pledges/{pledge}`: a new
/// status, added to the pledge's history.
pub async fn update_pledge(
    key: OrganisationKey,
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (_, id) = path.into_inner();
    let body: PledgeUpdate = json_body(&req, payload).await?;
    let change = (body.status.as_str(), body.reason.as_deref());
    let org = key.organisation();
    let today = state.today();
    let pledge = voices::restatus_pledge(&state.app, ORGANISATION, org, &id, change, today).await?;
    Ok(HttpResponse::Ok().json(pledge))
}
