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
    // Rounds by title, periods by name, themes by label, as the rest of the
    // site says them (issue 18), never slugs, ids or dates.
    let titles = state.store.rounds()?;
    let english = crate::messages::Messages::english();
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
            round: titles
                .iter()
                .find(|r| r.slug.as_str() == q.round)
                .map_or_else(|| q.round.clone(), |r| r.title.clone()),
            period: titles
                .iter()
                .find(|r| r.slug.as_str() == q.round)
                .map_or_else(
                    || q.period.clone(),
                    |r| {
                        crate::views::period_label(
                            &english,
                            std::slice::from_ref(&q.period),
                            r.period.weeks(),
                        )
                    },
                ),
            themes: q
                .themes
                .iter()
                .map(|slug| {
                    titles
                        .iter()
                        .find(|r| r.slug.as_str() == q.round)
                        .and_then(|r| r.themes.iter().find(|t| t.slug.as_str() == slug))
                        .map_or_else(|| slug.clone(), |t| t.label.clone())
                })
                .collect(),
            id: q.id,
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
                VoiceError::TextInvalid => (text_field.as_str(), text_problem("The edited text")),
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
    let releases = space_releases(state, &org, &digest)?;
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

/// The organisation's releases as its space shows them: every theme with
/// its figure, quotes and response, the pledges, and what changed.
fn space_releases(
    state: &AppState,
    org: &str,
    digest: &crate::digest::Digest,
) -> Result<Vec<SpaceRelease>, ConsoleError> {
    let english = crate::messages::Messages::english();
    let voices = crate::http::organisation::load_voices(state, org)?;
    let rounds = state.store.rounds()?;
    let mut releases = Vec::new();
    for (round, release) in digest.releases() {
        let responses = state.store.responses_of(&round.slug)?;
        let pledges = state.store.pledges_of(&round.slug)?;
        let themes = rounds
            .iter()
            .find(|r| r.slug.as_str() == round.slug)
            .map_or(&[][..], |r| &r.themes[..]);
        let quotes = |slug: &str| -> Vec<String> {
            voices
                .iter()
                .filter(|v| v.round == round.slug && v.period == release.id)
                .flat_map(|v| v.quotes.iter())
                .filter(|q| q.themes.iter().any(|t| t == slug))
                .map(|q| q.text.clone())
                .collect()
        };
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
            label: crate::views::period_label(&english, &release.periods, round.period_weeks),
            summary: crate::views::release_summary(&english, release, themes),
            themes: release
                .themes
                .iter()
                .map(|t| SpaceTheme {
                    slug: t.slug.clone(),
                    label: t.label.clone(),
                    figure: figure(&t.figure),
                    shown: !matches!(t.figure, crate::digest::disclosure::Figure::FewerThan(_)),
                    quotes: quotes(&t.slug),
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
                        .map(|c| {
                            format!(
                                "{} (week of {})",
                                c.status.label(),
                                crate::views::date_text(&english, &c.period)
                            )
                        })
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
    Ok(releases)
}

/// `GET /console/space/download.csv`: the organisation's own digest with
/// its responses and pledges, one row per theme per release.
pub async fn download(
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, ConsoleError> {
    let org = own_organisation(&staff)?;
    let digest = crate::http::api::load_digest(&state, &org).await?;
    let releases = space_releases(&state, &org, &digest)?;
    let field = crate::http::digests::csv_field;
    let mut csv =
        String::from("round,release,period,theme,theme_label,comments,quotes,response,pledges\r\n");
    for r in &releases {
        for t in &r.themes {
            let pledges: Vec<String> = r
                .pledges
                .iter()
                .filter(|p| p.theme == t.label)
                .map(|p| format!("{} ({})", p.text, p.status))
                .collect();
            let row = [
                field(&r.round),
                field(&r.period),
                field(&r.label),
                field(&t.slug),
                field(&t.label),
                field(&t.figure),
                t.quotes.len().to_string(),
                field(t.response.as_deref().unwrap_or("")),
                field(&pledges.join("; ")),
            ];
            csv.push_str(&row.join(","));
            csv.push_str("\r\n");
        }
    }
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{org}-digest-and-answers.csv\""),
        ))
        .body(csv))
}

/// Where an answer's problem shows: the text, the reason or the status.
/// A text field's problem, worded with the field's label (issue 18).
fn text_problem(label: &str) -> String {
    format!(
        "{label} must be 1 to {} characters, without control characters other than line breaks.",
        crate::http::organisation::MAX_ANSWER_CHARS
    )
}

fn answer_problem(e: &VoiceError, label: &str) -> Option<(&'static str, String)> {
    match e {
        VoiceError::TextInvalid => Some(("text", text_problem(label))),
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
    label: &str,
    field_for: impl Fn(&str) -> String,
) -> Result<HttpResponse, ConsoleError> {
    let ApiError::Voices(v) = &e else {
        return Err(e.into());
    };
    let Some((kind, message)) = answer_problem(v, label) else {
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
        Err(e) => answer_failed(&state, &staff, &form, e, "The response", |_| field.clone()).await,
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
        Err(e) => {
            answer_failed(&state, &staff, &form, e, "What you pledge to do", |_| {
                text_field.clone()
            })
            .await
        }
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
            answer_failed(&state, &staff, &form, e, "The reason", |kind| match kind {
                "status" => status_field.clone(),
                _ => reason_field.clone(),
            })
            .await
        }
    }
}
