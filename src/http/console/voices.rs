//! What is published beside a digest, from the console: quote moderation
//! (moderators and administrators) and the organisation's own space
//! (organisation users: responses and pledges). The same functions as the
//! admin and organisation APIs (`quotes::pending_quotes`,
//! `quotes::decide_quote`, `organisation::respond`,
//! `organisation::add_pledge`, `organisation::restatus_pledge`).

use super::{done, html, record, see_other, staff_form, ConsoleError, Staff};
use crate::digest::voices::{PledgeStatus, RejectReason};
use crate::http::error::ApiError;
use crate::http::organisation::VoiceError;
use crate::http::{organisation, quotes, AppState};
use crate::views::console::{self as views, PendingQuote, SpacePledge, SpaceRelease, SpaceTheme};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// The moderator's words for each rejection code.
fn reason_label(r: RejectReason) -> &'static str {
    match r {
        RejectReason::Identifying => "Could identify the writer or someone else",
        RejectReason::ThirdParty => "Names or describes a third party",
        RejectReason::Offensive => "Abusive, threatening or discriminatory",
        RejectReason::OffTopic => "Not about the organisation or the round",
        RejectReason::Unclear => "Too short or unclear to stand alone",
        RejectReason::Duplicate => "Says what another published quote says",
    }
}

async fn moderation_page(
    state: &AppState,
    staff: &Staff,
    values: &[(String, String)],
    errors: &[(&str, String)],
    done: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, ConsoleError> {
    let quotes: Vec<PendingQuote> = quotes::pending_quotes(state)
        .await?
        .into_iter()
        .map(|q| PendingQuote {
            removed: q
                .removals
                .iter()
                .map(|h| {
                    let what = h.placeholder.trim_matches(['[', ']']).to_owned();
                    (h.start, h.end, what)
                })
                .collect(),
            id: q.id,
            round: q.round,
            period: q.period,
            themes: q.themes,
            text: q.text,
        })
        .collect();
    let reasons: Vec<(String, String)> = RejectReason::ALL
        .iter()
        .map(|r| (r.code().to_owned(), reason_label(*r).to_owned()))
        .collect();
    Ok(html(
        status,
        views::moderation(&staff.frame(), &quotes, &reasons, values, errors, done),
    ))
}

pub async fn moderation(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    moderation_page(&state, &staff, &[], &[], done(&req), StatusCode::OK).await
}

/// Approve, approve with edits, or reject one quote.
pub async fn decide(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let id = path.into_inner();
    let text_field = format!("text-{id}");
    let reason_field = format!("reason-{id}");
    let decision = form.get("decision").to_owned();
    let (text, reason) = match decision.as_str() {
        "edit" => (Some(form.get(&text_field).to_owned()), None),
        "reject" => (None, Some(form.get(&reason_field).to_owned())),
        _ => (None, None),
    };
    let round = state
        .store
        .quote(&id)?
        .and_then(|q| state.store.round(&q.round).ok().flatten());
    match quotes::decide_quote(&state, &id, &decision, text, reason).await {
        Ok(_) => {
            record(
                &state,
                &staff,
                &format!("quote.{decision}"),
                round.as_ref(),
                None,
            )
            .await?;
            Ok(see_other("/console/moderation?done=quote"))
        }
        Err(ApiError::Voices(e @ (VoiceError::TextInvalid | VoiceError::ReasonUnknown))) => {
            let (field, message) = match e {
                VoiceError::TextInvalid => (text_field.as_str(), e.message()),
                _ => (
                    reason_field.as_str(),
                    "Choose a reason for rejecting.".to_owned(),
                ),
            };
            moderation_page(
                &state,
                &staff,
                &form.values(),
                &[(field, message)],
                None,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The organisation a signed-in organisation user answers for.
fn own_organisation(staff: &Staff) -> Result<String, ConsoleError> {
    staff
        .user
        .organisation
        .as_ref()
        .map(|o| o.to_string())
        .ok_or(ConsoleError::Forbidden)
}

fn figure(f: &crate::digest::disclosure::Figure) -> String {
    use crate::digest::disclosure::Figure;
    match f {
        Figure::FewerThan(k) => format!("fewer than {k}"),
        Figure::About(n) => n.to_string(),
        Figure::AlmostEveryone => "almost everyone".into(),
    }
}

async fn space_page(
    state: &AppState,
    staff: &Staff,
    values: &[(String, String)],
    errors: &[(&str, String)],
    done: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, ConsoleError> {
    let org = own_organisation(staff)?;
    let digest = crate::http::api::load_digest(state, &org).await?;
    let mut releases = Vec::new();
    for (round, release) in digest.releases() {
        let responses = state.store.responses_of(&round.slug)?;
        let pledges = state.store.pledges_of(&round.slug)?;
        let label_of = |slug: &str| {
            release
                .themes
                .iter()
                .find(|t| t.slug == slug)
                .map(|t| t.label.clone())
                .unwrap_or_else(|| slug.to_owned())
        };
        releases.push(SpaceRelease {
            round: round.slug.clone(),
            round_title: round.title.clone(),
            period: release.id.clone(),
            label: release.label.clone(),
            themes: release
                .themes
                .iter()
                .map(|t| SpaceTheme {
                    slug: t.slug.clone(),
                    label: t.label.clone(),
                    figure: figure(&t.figure),
                    response: responses
                        .iter()
                        .find(|r| r.period == release.id && r.theme == t.slug)
                        .and_then(|r| r.versions.last())
                        .map(|v| v.text.clone()),
                })
                .collect(),
            pledges: pledges
                .iter()
                .filter(|p| p.period == release.id)
                .map(|p| {
                    let mut history: Vec<String> = p
                        .history
                        .iter()
                        .map(|c| format!("{} (period of {})", c.status.label(), c.period))
                        .collect();
                    let now = history.pop().unwrap_or_default();
                    SpacePledge {
                        id: p.id.clone(),
                        theme: label_of(&p.theme),
                        text: p.text.clone(),
                        status: now,
                        history,
                    }
                })
                .collect(),
        });
    }
    let statuses: Vec<(String, String)> = [
        PledgeStatus::Planned,
        PledgeStatus::InProgress,
        PledgeStatus::Done,
        PledgeStatus::Dropped,
    ]
    .iter()
    .map(|s| {
        let code = match s {
            PledgeStatus::Planned => "planned",
            PledgeStatus::InProgress => "in_progress",
            PledgeStatus::Done => "done",
            PledgeStatus::Dropped => "dropped",
        };
        (code.to_owned(), s.label().to_owned())
    })
    .collect();
    Ok(html(
        status,
        views::space(
            &staff.frame(),
            &digest.organisation,
            &digest.name,
            &releases,
            &statuses,
            values,
            errors,
            done,
        ),
    ))
}

pub async fn space(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    space_page(&state, &staff, &[], &[], done(&req), StatusCode::OK).await
}

/// Where an answer's problem shows: the text, the reason or the status.
fn answer_problem(e: &VoiceError) -> Option<(&'static str, String)> {
    match e {
        VoiceError::TextInvalid => Some(("text", e.message())),
        VoiceError::ReasonRequired => Some((
            "reason",
            "Say why the pledge was dropped: people will read it.".into(),
        )),
        VoiceError::StatusInvalid => Some(("status", "Choose a status from the list.".into())),
        _ => None,
    }
}

/// Re-show the space with one problem on `fields[kind]`, or fail.
async fn answer_failed(
    state: &AppState,
    staff: &Staff,
    form: &super::Form,
    e: ApiError,
    field_for: impl Fn(&str) -> String,
) -> Result<HttpResponse, ConsoleError> {
    let ApiError::Voices(v) = &e else {
        return Err(e.into());
    };
    let Some((kind, message)) = answer_problem(v) else {
        return Err(e.into());
    };
    let field = field_for(kind);
    space_page(
        state,
        staff,
        &form.values(),
        &[(field.as_str(), message)],
        None,
        StatusCode::BAD_REQUEST,
    )
    .await
}

/// Publish (or replace) a response to one theme of one published period.
pub async fn respond(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let org = own_organisation(&staff)?;
    let (round, period, theme) = (form.get("round"), form.get("period"), form.get("theme"));
    let field = format!("response-{round}-{period}-{theme}");
    match organisation::respond(&state, &org, round, period, theme, form.get(&field)).await {
        Ok(_) => {
            let r = state.store.round(round)?;
            record(
                &state,
                &staff,
                "response.publish",
                r.as_ref(),
                Some(theme.to_owned()),
            )
            .await?;
            Ok(see_other("/console/space?done=response"))
        }
        Err(e) => answer_failed(&state, &staff, &form, e, |_| field.clone()).await,
    }
}

/// A new pledge on one theme of one published period.
pub async fn pledge(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let org = own_organisation(&staff)?;
    let (round, period) = (form.get("round"), form.get("period"));
    let key = format!("{round}-{period}");
    let theme_field = format!("pledge-theme-{key}");
    let text_field = format!("pledge-text-{key}");
    let made = organisation::add_pledge(
        &state,
        &org,
        (round, period, form.get(&theme_field)),
        form.get(&text_field),
        None,
        None,
    )
    .await;
    match made {
        Ok(p) => {
            let r = state.store.round(round)?;
            record(&state, &staff, "pledge.create", r.as_ref(), Some(p.theme)).await?;
            Ok(see_other("/console/space?done=pledge"))
        }
        Err(e) => answer_failed(&state, &staff, &form, e, |_| text_field.clone()).await,
    }
}

/// A new status for one of the organisation's pledges.
pub async fn restatus(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let org = own_organisation(&staff)?;
    let id = path.into_inner();
    let status_field = format!("status-{id}");
    let reason_field = format!("reason-{id}");
    let reason = form.get(&reason_field);
    let changed = organisation::restatus_pledge(
        &state,
        &org,
        &id,
        form.get(&status_field),
        (!reason.trim().is_empty()).then_some(reason),
    )
    .await;
    match changed {
        Ok(p) => {
            let r = state.store.round(&p.round)?;
            record(&state, &staff, "pledge.update", r.as_ref(), Some(p.theme)).await?;
            Ok(see_other("/console/space?done=pledge"))
        }
        Err(e) => {
            answer_failed(&state, &staff, &form, e, |kind| match kind {
                "status" => status_field.clone(),
                _ => reason_field.clone(),
            })
            .await
        }
    }
}
