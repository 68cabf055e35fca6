//! Organisations and rounds: create, edit before opening, open, counts,
//! paper-code sheets, invitation CSVs and closing the current periods. The
//! same store and domain calls as the admin API (`http::admin`,
//! `http::privacy_pass`, `http::audit`).

use super::{done, html, record, see_other, staff_form, ConsoleError, Staff};
use crate::domain::Organisation;
use crate::http::error::ApiError;
use crate::http::participant::load_round;
use crate::http::AppState;
use crate::store::StoreError;
use crate::views::console::{self as views, RoundCounts};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};

/// Problems as the views take them.
fn borrowed(problems: &[(String, String)]) -> Vec<(&str, String)> {
    problems
        .iter()
        .map(|(f, m)| (f.as_str(), m.clone()))
        .collect()
}

pub async fn organisations(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    organisations_page(&state, &staff, &[], &[], done(&req), StatusCode::OK)
}

fn organisations_page(
    state: &AppState,
    staff: &Staff,
    values: &[(String, String)],
    errors: &[(&str, String)],
    done: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, ConsoleError> {
    let list = state
        .store
        .organisations()?
        .into_iter()
        .map(|o| {
            let n = state.store.rounds_of(&o.slug).map(|r| r.len());
            n.map(|n| (o, n))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(html(
        status,
        views::organisations(&staff.frame(), &list, values, errors, done),
    ))
}

pub async fn create_organisation(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let org = match super::round_form::organisation(&form) {
        Ok(org) => org,
        Err(problems) => {
            let errors = borrowed(&problems);
            return organisations_page(
                &state,
                &staff,
                &form.values(),
                &errors,
                None,
                StatusCode::BAD_REQUEST,
            );
        }
    };
    match state.store.create_organisation(org.clone()).await {
        Ok(()) => {}
        Err(StoreError::Exists(_)) => {
            let errors = [(
                "slug",
                "An organisation already has this short name.".into(),
            )];
            return organisations_page(
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
    record(
        &state,
        &staff,
        "organisation.create",
        None,
        Some(org.slug.to_string()),
    )
    .await?;
    Ok(see_other(&format!("/console/organisations/{}", org.slug)))
}

fn load_organisation(state: &AppState, slug: &str) -> Result<Organisation, ConsoleError> {
    Ok(state
        .store
        .organisation(slug)?
        .ok_or(ApiError::OrganisationUnknown)?)
}

pub async fn organisation(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ConsoleError> {
    let org = load_organisation(&state, &path)?;
    let rounds = state.store.rounds_of(&org.slug)?;
    Ok(html(
        StatusCode::OK,
        views::organisation(&staff.frame(), &org, &rounds, &[], &[]),
    ))
}

pub async fn create_round(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let org = load_organisation(&state, form.get("organisation"))?;
    let failed = |errors: &[(&str, String)], status| -> Result<HttpResponse, ConsoleError> {
        let rounds = state.store.rounds_of(&org.slug)?;
        Ok(html(
            status,
            views::organisation(&staff.frame(), &org, &rounds, &form.values(), errors),
        ))
    };
    let round = match super::round_form::new_round(&form, &org) {
        Ok(r) => r,
        Err(problems) => return failed(&borrowed(&problems), StatusCode::BAD_REQUEST),
    };
    match state.store.create_round(round.clone()).await {
        Ok(()) => {}
        Err(StoreError::Exists(_)) => {
            return failed(
                &[("slug", "A round already has this short name.".into())],
                StatusCode::CONFLICT,
            )
        }
        Err(e) => return Err(e.into()),
    }
    record(&state, &staff, "round.create", Some(&round), None).await?;
    Ok(see_other(&format!(
        "/console/rounds/{}?done=round",
        round.slug
    )))
}

fn round_page(
    state: &AppState,
    staff: &Staff,
    slug: &str,
    values: &[(String, String)],
    errors: &[(&str, String)],
    done: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, ConsoleError> {
    let (org, round) = load_round(state, slug)?;
    let stats = state.store.round_stats(&round.slug)?;
    let (invitations_issued, invitations_used_up) = state.store.invitation_stats(&round.slug)?;
    let counts = RoundCounts {
        critiques: stats.critiques,
        codes_issued: stats.codes_issued,
        codes_spent: stats.codes_spent,
        invitations_issued,
        invitations_used_up,
    };
    let url = state.round_url(round.slug.as_str());
    Ok(html(
        status,
        views::round(
            &staff.frame(),
            &org,
            &round,
            &url,
            &counts,
            values,
            errors,
            done,
        ),
    ))
}

pub async fn round(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let (_, r) = load_round(&state, &path)?;
    let notice = super::periods::closed_notice(&req, &r).or_else(|| done(&req).map(str::to_owned));
    round_page(
        &state,
        &staff,
        &path,
        &[],
        &[],
        notice.as_deref(),
        StatusCode::OK,
    )
}

/// A language for cards or invitation links that is not in the list.
const LANGUAGE_ERROR: &str = "Choose a language from the list.";

pub async fn update_round(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let (_, round) = load_round(&state, &path)?;
    let result = match super::round_form::round_change(&form, &round) {
        Ok(u) => state.store.update_round(round.slug.clone(), u).await,
        Err(problems) => {
            return round_page(
                &state,
                &staff,
                &path,
                &form.values(),
                &borrowed(&problems),
                None,
                StatusCode::BAD_REQUEST,
            )
        }
    };
    match result {
        Ok(updated) => {
            record(&state, &staff, "round.update", Some(&updated), None).await?;
            Ok(see_other(&format!(
                "/console/rounds/{}?done=saved",
                round.slug
            )))
        }
        Err(StoreError::Invalid(e)) => round_page(
            &state,
            &staff,
            &path,
            &form.values(),
            &[("title", e.to_string())],
            None,
            StatusCode::BAD_REQUEST,
        ),
        Err(e) => Err(e.into()),
    }
}

pub async fn open_round(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    staff_form(&state, &staff, &req, payload).await?;
    let (_, round) = load_round(&state, &path)?;
    state.store.open_round(round.slug.clone()).await?;
    record(&state, &staff, "round.open", Some(&round), None).await?;
    Ok(see_other(&format!(
        "/console/rounds/{}?done=opened",
        round.slug
    )))
}

/// A count from 1 to `max`, or the field's error.
fn count(raw: &str, max: usize) -> Option<usize> {
    raw.trim().parse().ok().filter(|n| (1..=max).contains(n))
}

/// Make codes, then go to the page of their printable sheet, which
/// downloads once (post/redirect/get): the store keeps only their keyed
/// hashes.
pub async fn issue_codes(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let (_, round) = load_round(&state, &path)?;
    let n = count(form.get("count"), crate::http::admin::MAX_CODES as usize);
    let language =
        crate::http::admin::card_language(Some(form.get("language")).filter(|l| !l.is_empty()));
    let (Some(n), Ok(language)) = (n, &language) else {
        let mut errors = Vec::new();
        if n.is_none() {
            errors.push((
                "count",
                "Enter a whole number of cards from 1 to 10000.".into(),
            ));
        }
        if language.is_err() {
            errors.push(("language", LANGUAGE_ERROR.into()));
        }
        return round_page(
            &state,
            &staff,
            &path,
            &form.values(),
            &errors,
            None,
            StatusCode::BAD_REQUEST,
        );
    };
    let id = super::cards::make_sheet(&state, &staff, round.slug.as_str(), n, *language).await?;
    Ok(super::cards::made(round.slug.as_str(), &id))
}

/// Make invitations and download them once as CSV, one personal link a
/// row, for a mail merge.
pub async fn invitations(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let (_, round) = load_round(&state, &path)?;
    let max = crate::tokens::invitation::MAX_INVITATIONS;
    let n = count(form.get("invitations"), max);
    let language = crate::http::admin::card_language(
        Some(form.get("invitation-language")).filter(|l| !l.is_empty()),
    );
    let (Some(n), Ok(language)) = (n, &language) else {
        let mut errors = Vec::new();
        if n.is_none() {
            errors.push((
                "invitations",
                "Enter a whole number of invitations from 1 to 10000.".into(),
            ));
        }
        if language.is_err() {
            errors.push(("invitation-language", LANGUAGE_ERROR.into()));
        }
        return round_page(
            &state,
            &staff,
            &path,
            &form.values(),
            &errors,
            None,
            StatusCode::BAD_REQUEST,
        );
    };
    let made =
        crate::http::privacy_pass::issue_invitations(&state, &round, n, 1, *language).await?;
    record(
        &state,
        &staff,
        "invitations.issue",
        Some(&round),
        Some(format!("{n} invitations")),
    )
    .await?;
    // Links hold only [A-Za-z0-9:/._#-]: no CSV quoting is needed.
    let mut csv = String::from("link\r\n");
    for (_, link) in made {
        csv.push_str(&link);
        csv.push_str("\r\n");
    }
    Ok(HttpResponse::Created()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"invitations-{}.csv\"", round.slug),
        ))
        .body(csv))
}
