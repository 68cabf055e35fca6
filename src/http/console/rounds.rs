//! Organisations and rounds: create, edit before opening, open, counts,
//! paper-code sheets, invitation CSVs and closing the current periods. The
//! same store and domain calls as the admin API (`http::admin`,
//! `http::privacy_pass`, `http::audit`).

use super::{done, html, record, see_other, staff_form, ConsoleError, Staff};
use crate::domain::{InputError, Organisation, Round, RoundUpdate, Slug, Theme};
use crate::http::error::ApiError;
use crate::http::participant::load_round;
use crate::http::AppState;
use crate::messages::Explain;
use crate::store::StoreError;
use crate::views::console::{self as views, RoundCounts};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};

/// Where an input problem shows on the console's forms.
fn field(e: &InputError) -> &'static str {
    match e {
        InputError::SlugInvalid { .. } => "slug",
        InputError::NameInvalid { field } => match *field {
            "name" => "name",
            "description" => "description",
            _ => "title",
        },
        InputError::MinGroupInvalid | InputError::MinGroupLowered { .. } => "min_group",
        InputError::RulesInvalid(crate::digest::disclosure::RulesError::Base) => "rounding_base",
        InputError::RulesInvalid(crate::digest::disclosure::RulesError::MinPeriod) => "min_period",
        InputError::RulesInvalid(_) | InputError::RulesLoosened => "min_group",
        InputError::PeriodLengthInvalid => "period_weeks",
        InputError::ThemesLocked | InputError::ThemeListInvalid => "themes",
        _ => "count",
    }
}

fn errors_of(e: &InputError) -> Vec<(&'static str, String)> {
    vec![(field(e), e.message())]
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
    let org = match Organisation::parse(form.get("slug"), form.get("name")) {
        Ok(org) => org,
        Err(e) => {
            let errors = errors_of(&e);
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

/// A whole number from a form field, or `invalid`.
fn number(raw: &str, invalid: InputError) -> Result<Option<u64>, InputError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| invalid)
}

pub async fn create_round(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let org = load_organisation(&state, form.get("organisation"))?;
    let description = form.get("description");
    let parsed = number(form.get("min_group"), InputError::MinGroupInvalid)
        .and_then(|k| {
            number(form.get("period_weeks"), InputError::PeriodLengthInvalid).map(|w| (k, w))
        })
        .and_then(|(k, weeks)| {
            Round::parse(
                form.get("slug"),
                org.slug.as_str(),
                form.get("title"),
                (!description.trim().is_empty()).then_some(description),
                None,
                k,
                weeks,
            )
        });
    let failed = |errors: &[(&str, String)], status| -> Result<HttpResponse, ConsoleError> {
        let rounds = state.store.rounds_of(&org.slug)?;
        Ok(html(
            status,
            views::organisation(&staff.frame(), &org, &rounds, &form.values(), errors),
        ))
    };
    // As the admin API: parse, then the optional rules through RoundUpdate.
    let parsed = parsed.and_then(|round| {
        let base = number(
            form.get("rounding_base"),
            InputError::RulesInvalid(crate::digest::disclosure::RulesError::Base),
        )?;
        let min_period = number(
            form.get("min_period"),
            InputError::RulesInvalid(crate::digest::disclosure::RulesError::MinPeriod),
        )?;
        RoundUpdate {
            rounding_base: base,
            min_period,
            ..RoundUpdate::default()
        }
        .apply(&round)
    });
    let round = match parsed {
        Ok(r) => r,
        Err(e) => return failed(&errors_of(&e), StatusCode::BAD_REQUEST),
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
    round_page(&state, &staff, &path, &[], &[], done(&req), StatusCode::OK)
}

/// A language for cards or invitation links that is not in the list.
const LANGUAGE_ERROR: &str = "Choose a language from the list.";

/// The text box has no place for translations (the admin API sets them):
/// each theme keeps those it had, by slug.
fn keep_translations(mut themes: Vec<Theme>, current: &[Theme]) -> Vec<Theme> {
    for theme in &mut themes {
        if let Some(was) = current.iter().find(|t| t.slug == theme.slug) {
            theme.translations = was.translations.clone();
        }
    }
    themes
}

/// Themes from the console's text box: one a line, `slug | label |
/// description | Easy Read description` (the last two optional).
fn parse_themes(text: &str) -> Result<Vec<Theme>, InputError> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let mut parts = line.splitn(4, '|').map(str::trim);
            let slug = Slug::parse(parts.next().unwrap_or(""), "theme short name")?;
            let label = parts.next().unwrap_or("").to_owned();
            if label.is_empty() {
                return Err(InputError::ThemeListInvalid);
            }
            Ok(Theme {
                slug,
                label,
                description: parts.next().unwrap_or("").to_owned(),
                easy_read: parts.next().unwrap_or("").to_owned(),
                translations: Default::default(),
            })
        })
        .collect()
}

pub async fn update_round(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let (_, round) = load_round(&state, &path)?;
    let update = (|| {
        Ok(RoundUpdate {
            title: Some(form.get("title").to_owned()),
            description: Some(form.get("description").to_owned()),
            themes: Some(keep_translations(
                parse_themes(form.get("themes"))?,
                &round.themes,
            )),
            min_group: number(form.get("min_group"), InputError::MinGroupInvalid)?,
            rounding_base: number(
                form.get("rounding_base"),
                InputError::RulesInvalid(crate::digest::disclosure::RulesError::Base),
            )?,
            min_period: number(
                form.get("min_period"),
                InputError::RulesInvalid(crate::digest::disclosure::RulesError::MinPeriod),
            )?,
            ..RoundUpdate::default()
        })
    })();
    let result = match update {
        Ok(u) => state.store.update_round(round.slug.clone(), u).await,
        Err(e) => Err(StoreError::Invalid(e)),
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
            &errors_of(&e),
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

/// Make codes and show the printable sheet, once: the store keeps only
/// their keyed hashes.
pub async fn issue_codes(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let (org, round) = load_round(&state, &path)?;
    let n = count(form.get("count"), crate::http::admin::MAX_CODES as usize);
    let language = crate::http::admin::card_language(Some(form.get("language")));
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
    let codes = crate::http::issue_codes(&state, &round, n).await?;
    record(
        &state,
        &staff,
        "codes.issue",
        Some(&round),
        Some(format!("{n} codes")),
    )
    .await?;
    Ok(crate::http::admin::sheet_response(
        &state, &org, &round, &codes, *language,
    ))
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
    let language = crate::http::admin::card_language(Some(form.get("invitation-language")));
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

/// Seal one round's open period now (the API's
/// `POST /api/v1/admin/periods/close` closes every round's). Other rounds,
/// often other organisations', keep their periods open.
pub async fn close_periods(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let (_, round) = load_round(&state, form.get("round"))?;
    let sealed = state
        .store
        .close_round(state.clock.today(), &round.slug)
        .await?;
    record(
        &state,
        &staff,
        "periods.close",
        Some(&round),
        Some(format!("{sealed} periods sealed")),
    )
    .await?;
    Ok(see_other(&format!(
        "/console/rounds/{}?done=closed",
        round.slug
    )))
}
