//! Organisations and rounds: create, edit before opening, open, counts,
//! paper-code sheets, invitation CSVs and closing the current periods,
//! through the same use cases as the admin API ([`crate::app::rounds`],
//! [`crate::app::codes`]).

use super::round_form::{self, worded};
use super::{html, post, refused, ConsoleError, Done, FormPage, Shown, Staff, StaffForm};
use crate::app::{codes, round_keys, rounds, AppError};
use crate::domain::InputError;
use crate::http::AppState;
use crate::views::console::{self as views, label_of, RoundCounts};
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

/// Where an input problem shows on the console's round and organisation
/// forms.
fn field(e: &InputError) -> &'static str {
    use crate::domain::RulesError;
    match e {
        InputError::SlugInvalid { .. } => "slug",
        InputError::NameInvalid { field } => match *field {
            "name" => "name",
            "description" => "description",
            _ => "title",
        },
        InputError::MinGroupInvalid | InputError::MinGroupLowered { .. } => "min_group",
        InputError::RulesInvalid(RulesError::Base) => "rounding_base",
        InputError::RulesInvalid(RulesError::MinPeriod) => "min_period",
        InputError::RulesInvalid(_) | InputError::RulesLoosened => "min_group",
        InputError::PeriodLengthInvalid => "period_weeks",
        InputError::ThemesLocked | InputError::ThemeListInvalid => "theme-0-slug",
        _ => "count",
    }
}

/// Every input problem, on its field, worded with the field's label (the
/// form reader finds most of them first: see [`round_form`]).
fn inputs(e: &AppError) -> Vec<(String, String)> {
    match e {
        AppError::Input(errors) => errors
            .iter()
            .map(|e| {
                let field = field(e);
                let label = match label_of(field) {
                    "" => "Themes",
                    label => label,
                };
                (field.to_owned(), worded(e, label))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The list of organisations, with the form to add one.
struct Organisations;

impl FormPage for Organisations {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let list = rounds::organisations(&state.app).await?;
        let page = views::organisations(
            &staff.frame(),
            &list,
            shown.values,
            shown.errors,
            shown.done,
        );
        Ok(html(shown.status, page))
    }

    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        match e {
            AppError::OrganisationExists => vec![(
                "slug".into(),
                "An organisation already has this short name.".into(),
            )],
            e => inputs(e),
        }
    }
}

pub async fn organisations(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    Organisations.show(&state, &staff, Shown::fresh(&req)).await
}

pub async fn create_organisation(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let org = match round_form::organisation(&posted.form) {
        Ok(org) => org,
        Err(problems) => return refused(&state, &posted, Organisations, &problems).await,
    };
    post(
        &state,
        &posted,
        |_| Organisations,
        async |_| {
            let org =
                rounds::create_organisation(&state.app, &staff.actor(), org, state.today()).await?;
            Ok(Done::SeeOther(format!(
                "/console/organisations/{}",
                org.slug
            )))
        },
    )
    .await
}

/// One organisation's rounds, with the form to add one.
struct OrganisationPage(String);

impl FormPage for OrganisationPage {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let org = rounds::organisation(&state.app, &self.0).await?;
        let list = rounds::rounds_of(&state.app, &org.slug).await?;
        let page = views::organisation(&staff.frame(), &org, &list, shown.values, shown.errors);
        Ok(html(shown.status, page))
    }

    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        match e {
            AppError::RoundExists => {
                vec![("slug".into(), "A round already has this short name.".into())]
            }
            e => inputs(e),
        }
    }
}

pub async fn organisation(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let page = OrganisationPage(path.into_inner());
    page.show(&state, &staff, Shown::fresh(&req)).await
}

pub async fn create_round(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let page = |form: &super::Form| OrganisationPage(form.get("organisation").to_owned());
    // An unknown organisation is a page that is not there, not a field.
    let org = rounds::organisation(&state.app, posted.form.get("organisation")).await?;
    let new = match round_form::new_round(&posted.form, &org) {
        Ok(new) => new,
        Err(problems) => return refused(&state, &posted, page(&posted.form), &problems).await,
    };
    post(&state, &posted, page, async |_| {
        let round = rounds::create_round(&state.app, &staff.actor(), new, state.today()).await?;
        Ok(Done::SeeOther(format!(
            "/console/rounds/{}?done=round",
            round.slug
        )))
    })
    .await
}

/// Which form of the round page was sent (they place a bad count on
/// different fields).
#[derive(Clone, Copy)]
enum RoundForm {
    Settings,
    Codes,
    Invitations,
}

/// A round: its settings, counts and the forms for cards, invitations and
/// periods.
struct RoundPage(String, RoundForm, Option<String>);

impl FormPage for RoundPage {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let o = rounds::overview(&state.app, &self.0).await?;
        let counts = RoundCounts {
            critiques: o.stats.critiques,
            codes_issued: o.stats.codes_issued,
            codes_spent: o.stats.codes_spent,
            invitations_issued: o.invitations_issued,
            open: o.open,
        };
        let page = views::round(
            &staff.frame(),
            &o.organisation,
            &o.round,
            &o.url,
            &counts,
            shown.values,
            shown.errors,
            self.2.as_deref().or(shown.done),
        );
        Ok(html(shown.status, page))
    }

    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        let (count, language, what) = match self.1 {
            RoundForm::Settings => return inputs(e),
            RoundForm::Codes => ("count", "language", "cards"),
            RoundForm::Invitations => ("invitations", "invitation-language", "invitations"),
        };
        let AppError::Input(errors) = e else {
            return Vec::new();
        };
        errors
            .iter()
            .filter_map(|e| match e {
                InputError::CountInvalid => Some((
                    count.to_owned(),
                    format!("Enter a whole number of {what} from 1 to 10000."),
                )),
                InputError::LanguageUnknown { .. } => {
                    Some((language.to_owned(), LANGUAGE_ERROR.to_owned()))
                }
                _ => None,
            })
            .collect()
    }
}

pub async fn round(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    // After closing a period, the notice says what became of it.
    let (_, round) = rounds::round(&state.app, &path).await?;
    let closed = super::periods::closed_notice(&state, &req, &round).await?;
    let page = RoundPage(path.into_inner(), RoundForm::Settings, closed);
    page.show(&state, &staff, Shown::fresh(&req)).await
}

/// A language for cards or invitation links that is not in the list.
const LANGUAGE_ERROR: &str = "Choose a language from the list.";

pub async fn update_round(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let slug = path.into_inner();
    let page = |_: &super::Form| RoundPage(slug.clone(), RoundForm::Settings, None);
    // An unknown round is a page that is not there, not a field.
    let (_, round) = rounds::round(&state.app, &slug).await?;
    let update = match round_form::round_change(&posted.form, &round) {
        Ok(update) => update,
        Err(problems) => return refused(&state, &posted, page(&posted.form), &problems).await,
    };
    post(&state, &posted, page, async |_| {
        let actor = staff.actor();
        let round = rounds::update_round(&state.app, &actor, &slug, update, state.today()).await?;
        Ok(Done::SeeOther(format!(
            "/console/rounds/{}?done=saved",
            round.slug
        )))
    })
    .await
}

pub async fn open_round(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let page = |_: &super::Form| RoundPage(path.to_string(), RoundForm::Settings, None);
    post(&state, &posted, page, async |_| {
        let round = rounds::open_round(&state.app, &staff.actor(), &path, state.today()).await?;
        Ok(Done::SeeOther(format!(
            "/console/rounds/{}?done=opened",
            round.slug
        )))
    })
    .await
}

/// A count and a language from a form, each with its own problem (both
/// are listed at once): a whole number from 1 to 10000, and a shipped
/// language or none (the form's empty choice).
fn count_and_language(
    count: &str,
    language: &str,
) -> Result<(u64, Option<&'static str>), AppError> {
    let count = count
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=codes::MAX_CODES).contains(n))
        .ok_or(InputError::CountInvalid);
    let language = crate::http::admin::card_language(Some(language).filter(|l| !l.is_empty()));
    match (count, language) {
        (Ok(n), Ok(language)) => Ok((n, language)),
        (count, language) => Err(AppError::Input(
            [count.err(), language.err()]
                .into_iter()
                .flatten()
                .collect(),
        )),
    }
}

/// Make codes, then go to the page of their printable sheet, which
/// downloads once (post/redirect/get; see [`super::cards`]): the store
/// keeps only their keyed hashes.
pub async fn issue_codes(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let page = |_: &super::Form| RoundPage(path.to_string(), RoundForm::Codes, None);
    post(&state, &posted, page, async |form| {
        // An unknown round is a page that is not there, not a field.
        rounds::round(&state.app, &path).await?;
        let ask = count_and_language(form.get("count"), form.get("language"))?;
        let id = super::cards::make_sheet(&state, staff, &path, ask).await?;
        Ok(Done::SeeOther(super::cards::made(&path, &id)))
    })
    .await
}

/// Make invitations and download them once as CSV, one personal link a
/// row, for a mail merge.
pub async fn invitations(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let page = |_: &super::Form| RoundPage(path.to_string(), RoundForm::Invitations, None);
    post(&state, &posted, page, async |form| {
        rounds::round(&state.app, &path).await?;
        let fields = (form.get("invitations"), form.get("invitation-language"));
        let (n, language) = count_and_language(fields.0, fields.1)?;
        let actor = staff.actor();
        let ask = (n, 1, language);
        let made = codes::issue_invitations(&state.app, &actor, &path, ask, state.today()).await?;
        // The round's key id goes in every letter (issue 17), for people
        // who want to compare by hand the key their browser is given.
        let key = round_keys::key_id_for_print(&made.token_key_id);
        // Links hold only [A-Za-z0-9:/._#-], key ids only hex digits and
        // spaces: no CSV quoting is needed.
        let mut csv = String::from("link,token_key\r\n");
        for (_, link) in made.made {
            csv.push_str(&format!("{link},{key}\r\n"));
        }
        let attachment = format!(
            "attachment; filename=\"invitations-{}.csv\"",
            made.round.slug
        );
        Ok(Done::Answer(
            HttpResponse::Created()
                .content_type("text/csv; charset=utf-8")
                .insert_header((header::CONTENT_DISPOSITION, attachment))
                .body(csv),
        ))
    })
    .await
}
