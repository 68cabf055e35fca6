//! What is published beside a digest, from the console: quote moderation
//! (moderators and administrators) and the organisation's own space
//! (organisation users: responses and pledges), through the same use cases
//! as the admin and organisation APIs ([`crate::app::moderation`],
//! [`crate::app::voices`]).

use super::{html, post, ConsoleError, Done, Form, FormPage, Shown, Staff, StaffForm};
use crate::app::moderation::{self, Decision};
use crate::app::voices::{self, Target};
use crate::app::AppError;
use crate::digest::disclosure::Figure;
use crate::digest::voices::{PledgeStatus, RejectReason};
use crate::domain::Slug;
use crate::http::AppState;
use crate::views::console::{self as views, PendingQuote, SpacePledge, SpaceRelease, SpaceTheme};
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

/// The moderation queue, each quote with its form. A problem shows on the
/// form of the quote that was sent.
struct Moderation {
    quote: String,
}

impl FormPage for Moderation {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let quotes: Vec<PendingQuote> = moderation::pending_quotes(&state.app)
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
        let frame = staff.frame();
        let page = views::moderation(
            &frame,
            &quotes,
            &reasons,
            shown.values,
            shown.errors,
            shown.done,
        );
        Ok(html(shown.status, page))
    }

    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        match e {
            AppError::TextInvalid => vec![(
                format!("text-{}", self.quote),
                crate::http::error::ApiError::from(AppError::TextInvalid).message(),
            )],
            AppError::ReasonUnknown => vec![(
                format!("reason-{}", self.quote),
                "Choose a reason for rejecting.".into(),
            )],
            _ => Vec::new(),
        }
    }
}

pub async fn moderation(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let page = Moderation {
        quote: String::new(),
    };
    page.show(&state, &staff, Shown::fresh(&req)).await
}

/// Approve, approve with edits, or reject one quote.
pub async fn decide(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let id = path.into_inner();
    let page = |_: &Form| Moderation { quote: id.clone() };
    post(&state, &posted, page, async |form| {
        let decision = form.get("decision");
        let (text, reason) = match decision {
            "edit" => (Some(form.get(&format!("text-{id}")).to_owned()), None),
            "reject" => (None, Some(form.get(&format!("reason-{id}")).to_owned())),
            _ => (None, None),
        };
        let decision = Decision::parse(decision, text, reason);
        moderation::decide_quote(&state.app, &staff.actor(), &id, decision, state.today()).await?;
        Ok(Done::SeeOther("/console/moderation?done=quote".into()))
    })
    .await
}

/// The organisation a signed-in organisation user answers for.
fn own_organisation(staff: &Staff) -> Result<Slug, AppError> {
    staff
        .user
        .organisation
        .clone()
        .ok_or(AppError::OtherOrganisation)
}

fn figure(f: &Figure) -> String {
    match f {
        Figure::FewerThan(k) => format!("fewer than {k}"),
        Figure::About(n) => n.to_string(),
        Figure::AlmostEveryone => "almost everyone".into(),
    }
}

/// The organisation's digest with its responses and pledges. A problem
/// shows on the field of the form that was sent: `text` for the text,
/// `reason` and `status` for a pledge's change.
struct Space {
    text: String,
    reason: String,
    status: String,
}

impl FormPage for Space {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let org = own_organisation(staff)?;
        let space = voices::space(&state.app, &org, state.today()).await?;
        let digest = &space.digest;
        let mut releases = Vec::new();
        for (round, release) in digest.releases() {
            let (responses, pledges) = space
                .answers
                .iter()
                .find(|(slug, _, _)| *slug == round.slug)
                .map(|(_, r, p)| (r.as_slice(), p.as_slice()))
                .unwrap_or_default();
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
            (PledgeStatus::Planned, "planned"),
            (PledgeStatus::InProgress, "in_progress"),
            (PledgeStatus::Done, "done"),
            (PledgeStatus::Dropped, "dropped"),
        ]
        .iter()
        .map(|(s, code)| ((*code).to_owned(), s.label().to_owned()))
        .collect();
        let page = views::space(
            &staff.frame(),
            &digest.organisation,
            &digest.name,
            &releases,
            &statuses,
            shown.values,
            shown.errors,
            shown.done,
        );
        Ok(html(shown.status, page))
    }

    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        let (field, message) = match e {
            AppError::TextInvalid => (
                &self.text,
                crate::http::error::ApiError::from(AppError::TextInvalid).message(),
            ),
            AppError::ReasonRequired => (
                &self.reason,
                "Say why the pledge was dropped: people will read it.".into(),
            ),
            AppError::StatusInvalid => (&self.status, "Choose a status from the list.".into()),
            _ => return Vec::new(),
        };
        vec![(field.clone(), message)]
    }
}

pub async fn space(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let page = Space {
        text: String::new(),
        reason: String::new(),
        status: String::new(),
    };
    page.show(&state, &staff, Shown::fresh(&req)).await
}

/// Where an answer to (round, period, theme) goes, from a form's fields.
fn target(form: &Form) -> Target<'_> {
    Target {
        round: form.get("round"),
        period: form.get("period"),
        theme: form.get("theme"),
    }
}

/// Publish (or replace) a response to one theme of one published period.
pub async fn respond(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let field = |form: &Form| {
        let to = target(form);
        format!("response-{}-{}-{}", to.round, to.period, to.theme)
    };
    let page = |form: &Form| Space {
        text: field(form),
        reason: field(form),
        status: field(form),
    };
    post(&state, &posted, page, async |form| {
        let org = own_organisation(staff)?;
        let text = form.get(&field(form));
        voices::respond(
            &state.app,
            &staff.actor(),
            &org,
            target(form),
            text,
            state.today(),
        )
        .await?;
        Ok(Done::SeeOther("/console/space?done=response".into()))
    })
    .await
}

/// A new pledge on one theme of one published period.
pub async fn pledge(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let key = |form: &Form| format!("{}-{}", form.get("round"), form.get("period"));
    let page = |form: &Form| {
        let text = format!("pledge-text-{}", key(form));
        Space {
            reason: text.clone(),
            status: text.clone(),
            text,
        }
    };
    post(&state, &posted, page, async |form| {
        let org = own_organisation(staff)?;
        let key = key(form);
        let to = Target {
            theme: form.get(&format!("pledge-theme-{key}")),
            ..target(form)
        };
        let text = form.get(&format!("pledge-text-{key}"));
        let (actor, today) = (staff.actor(), state.today());
        voices::add_pledge(&state.app, &actor, &org, to, (text, None, None), today).await?;
        Ok(Done::SeeOther("/console/space?done=pledge".into()))
    })
    .await
}

/// A new status for one of the organisation's pledges.
pub async fn restatus(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let id = path.into_inner();
    let (status, reason) = (format!("status-{id}"), format!("reason-{id}"));
    let page = |_: &Form| Space {
        text: reason.clone(),
        reason: reason.clone(),
        status: status.clone(),
    };
    post(&state, &posted, page, async |form| {
        let org = own_organisation(staff)?;
        let why = form.get(&reason);
        let change = (form.get(&status), (!why.trim().is_empty()).then_some(why));
        let (actor, today) = (staff.actor(), state.today());
        voices::restatus_pledge(&state.app, &actor, &org, &id, change, today).await?;
        Ok(Done::SeeOther("/console/space?done=pledge".into()))
    })
    .await
}
