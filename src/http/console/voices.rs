//! What is published beside a digest, from the console: quote moderation
//! (moderators and administrators) and the organisation's own space
//! (organisation users: responses and pledges), through the same use cases
//! as the admin and organisation APIs ([`crate::app::moderation`],
//! [`crate::app::voices`]).

use super::{html, post, ConsoleError, Done, Form, FormPage, Shown, Staff, StaffForm};
use crate::app::moderation::{self, Decision};
use crate::app::voices::{self, NewPledge, Target};
use crate::app::{rounds as app_rounds, AppError};
use crate::digest::disclosure::Figure;
use crate::digest::record::StandingView;
use crate::digest::voices::{PledgeStatus, RejectReason};
use crate::domain::{Round, Slug, Translations};
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
        // Rounds by title, periods by name, themes by label, as the rest of
        // the site says them (issue 18), never slugs, ids or dates.
        let english = crate::messages::Messages::english();
        let pending = moderation::pending_quotes(&state.app).await?;
        let mut rounds: Vec<Round> = Vec::new();
        for q in &pending {
            if !rounds.iter().any(|r| r.slug.as_str() == q.round) {
                rounds.push(app_rounds::round(&state.app, &q.round).await?.1);
            }
        }
        let quotes: Vec<PendingQuote> = pending
            .into_iter()
            .map(|q| {
                let round = rounds.iter().find(|r| r.slug.as_str() == q.round);
                let label = |slug: &String| {
                    round
                        .and_then(|r| r.themes.iter().find(|t| t.slug().as_str() == slug))
                        .map_or_else(|| slug.clone(), |t| t.label().to_owned())
                };
                PendingQuote {
                    round: round.map_or_else(|| q.round.clone(), |r| r.title.clone()),
                    period: round.map_or_else(
                        || q.period.clone(),
                        |r| {
                            let periods = std::slice::from_ref(&q.period);
                            crate::views::period_label(&english, periods, r.period.weeks())
                        },
                    ),
                    themes: q.themes.iter().map(label).collect(),
                    removed: q
                        .removals
                        .iter()
                        .map(|h| {
                            let what = h.placeholder.trim_matches(['[', ']']).to_owned();
                            (h.start, h.end, what)
                        })
                        .collect(),
                    id: q.id,
                    text: q.text,
                }
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
                text_problem("The edited text"),
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
    /// The label of the text field that was sent, to word its problem.
    label: &'static str,
}

/// A text field's problem, worded with the field's label (issue 18).
fn text_problem(label: &str) -> String {
    format!(
        "{label} must be 1 to {} characters, without control characters other than line breaks.",
        crate::app::voices::MAX_ANSWER_CHARS
    )
}

/// The organisation's releases as its space shows them: every theme with
/// its figure, quotes and response, the pledges, and what changed.
async fn space_releases(
    state: &AppState,
    org: &Slug,
) -> Result<(crate::digest::Digest, Vec<SpaceRelease>), AppError> {
    let english = crate::messages::Messages::english();
    let space = voices::space(&state.app, org, state.today()).await?;
    let published = voices::load_voices(&state.app, org.as_str()).await?;
    let rounds = voices::rounds_of(&state.app, org.as_str()).await?;
    let digest = space.digest;
    let record = crate::app::record::record(&state.app, org.as_str(), state.today()).await?;
    let mut releases = Vec::new();
    for (round, release) in digest.releases() {
        let standing = record
            .rounds
            .iter()
            .filter(|r| r.round == round.slug)
            .flat_map(|r| &r.releases)
            .find(|r| r.period == release.id)
            .map(|r| {
                let deadline = crate::views::date_text(&english, &r.deadline);
                match r.standing {
                    StandingView::Open => format!(
                        "Not answered yet. Answer by {deadline} (any response or pledge) to be on \
                         time on the public record."
                    ),
                    StandingView::Overdue => format!(
                        "Not answered, and overdue: the deadline was {deadline}. An answer now \
                         shows on the public record as late."
                    ),
                    StandingView::OnTime => {
                        format!("Answered on time (the deadline was {deadline}).")
                    }
                    StandingView::Late => format!("Answered late (the deadline was {deadline})."),
                }
            });
        let (responses, pledges) = space
            .answers
            .iter()
            .find(|(slug, _, _)| *slug == round.slug)
            .map(|(_, r, p)| (r.as_slice(), p.as_slice()))
            .unwrap_or_default();
        let themes = rounds
            .iter()
            .find(|r| r.slug.as_str() == round.slug)
            .map_or(&[][..], |r| &r.themes[..]);
        let quotes = |slug: &str| -> Vec<String> {
            published
                .iter()
                .filter(|v| v.round == round.slug && v.period == release.id)
                .flat_map(|v| v.quotes.iter())
                .filter(|q| q.themes.iter().any(|t| t == slug))
                .map(|q| q.text.clone())
                .collect()
        };
        let current = |slug: &str| {
            responses
                .iter()
                .find(|r| r.period == release.id && r.theme == slug)
                .and_then(|r| r.versions.last())
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
            standing,
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
                    shown: !matches!(t.figure, Figure::FewerThan(_)),
                    quotes: quotes(&t.slug),
                    response: current(t.slug.as_str()).map(|v| v.text.clone()),
                    translations: current(t.slug.as_str())
                        .map(|v| v.translations.clone())
                        .unwrap_or_default(),
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
                            let week = crate::views::date_text(&english, &c.period);
                            format!("{} (week of {week})", c.status.label())
                        })
                        .collect();
                    let now = history.pop().unwrap_or_default();
                    SpacePledge {
                        id: p.id.clone(),
                        theme: label_of(&p.theme),
                        text: p.text.clone(),
                        translations: p.translations.clone(),
                        status: now,
                        history,
                    }
                })
                .collect(),
        });
    }
    Ok((digest, releases))
}

impl FormPage for Space {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let org = own_organisation(staff)?;
        let (digest, releases) = space_releases(state, &org).await?;
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
            AppError::TextInvalid => (&self.text, text_problem(self.label)),
            AppError::TranslationInvalid(tag) => {
                let name = crate::messages::language_list()
                    .iter()
                    .find(|l| l.tag == tag)
                    .map_or(tag.as_str(), |l| l.name);
                let label = format!("{} in {name}", self.label);
                return vec![(format!("{}-{tag}", self.text), text_problem(&label))];
            }
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
        label: "",
    };
    page.show(&state, &staff, Shown::fresh(&req)).await
}

/// `GET /console/space/download.csv`: the organisation's own digest with
/// its responses and pledges, one row per theme per release.
pub async fn download(
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, ConsoleError> {
    let org = own_organisation(&staff)?;
    let (_, releases) = space_releases(&state, &org).await?;
    let field = crate::http::digests::csv_field;
    // The response in each other language follows, one column each.
    let others: Vec<&str> = crate::messages::language_list()
        .iter()
        .map(|l| l.tag)
        .filter(|t| *t != crate::messages::DEFAULT_LANGUAGE)
        .collect();
    let mut csv =
        String::from("round,release,period,theme,theme_label,comments,quotes,response,pledges");
    for tag in &others {
        csv.push_str(&format!(",response_{tag}"));
    }
    csv.push_str("\r\n");
    for r in &releases {
        for t in &r.themes {
            let pledges: Vec<String> = r
                .pledges
                .iter()
                .filter(|p| p.theme == t.label)
                .map(|p| format!("{} ({})", p.text, p.status))
                .collect();
            let mut row = vec![
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
            row.extend(
                others
                    .iter()
                    .map(|tag| field(t.translations.get(*tag).map_or("", String::as_str))),
            );
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

/// The words of field `id` in each other shipped language (`{id}-{tag}`);
/// an empty field is no translation.
fn translations_of(form: &Form, id: &str) -> Translations {
    crate::messages::language_list()
        .iter()
        .filter(|l| l.tag != crate::messages::DEFAULT_LANGUAGE)
        .filter_map(|l| {
            let text = form.get(&format!("{id}-{}", l.tag));
            (!text.trim().is_empty()).then(|| (l.tag.to_owned(), text.to_owned()))
        })
        .collect()
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
        label: "The response",
    };
    post(&state, &posted, page, async |form| {
        let org = own_organisation(staff)?;
        let id = field(form);
        let words = (form.get(&id), &translations_of(form, &id));
        let (actor, today) = (staff.actor(), state.today());
        voices::respond(&state.app, &actor, &org, target(form), words, today).await?;
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
            label: "What you pledge to do",
        }
    };
    post(&state, &posted, page, async |form| {
        let org = own_organisation(staff)?;
        let key = key(form);
        let to = Target {
            theme: form.get(&format!("pledge-theme-{key}")),
            ..target(form)
        };
        let id = format!("pledge-text-{key}");
        let new = NewPledge {
            text: form.get(&id),
            translations: &translations_of(form, &id),
            status: None,
            reason: None,
        };
        let (actor, today) = (staff.actor(), state.today());
        voices::add_pledge(&state.app, &actor, &org, to, new, today).await?;
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
        label: "The reason",
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
