//! Organisations and rounds: create, edit before opening, open, counts,
//! paper-code sheets, invitation CSVs and closing the current periods,
//! through the same use cases as the admin API ([`crate::app::rounds`],
//! [`crate::app::codes`]).

use super::{html, post, ConsoleError, Done, FormPage, Shown, Staff, StaffForm};
use crate::app::{codes, round_keys, rounds, AppError};
use crate::domain::{InputError, NewRound, Organisation, RoundSettings, RoundUpdate, Slug, Theme};
use crate::http::AppState;
use crate::messages::Explain;
use crate::views::console::{self as views, RoundCounts};
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
        InputError::ThemesLocked | InputError::ThemeListInvalid => "themes",
        _ => "count",
    }
}

/// The first input problem, on its field.
fn first_input(e: &AppError) -> Vec<(String, String)> {
    match e {
        AppError::Input(errors) => errors
            .first()
            .map(|e| vec![(field(e).to_owned(), e.message())])
            .unwrap_or_default(),
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
            e => first_input(e),
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
    post(
        &state,
        &posted,
        |_| Organisations,
        async |form| {
            let org = Organisation::parse(form.get("slug"), form.get("name"))?;
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
            e => first_input(e),
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

/// A whole number from a form field (blank: not given), or `invalid`.
fn number(raw: &str, invalid: InputError) -> Result<Option<u64>, InputError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| invalid)
}

/// The disclosure rules' fields of a round form (blank: left as they are).
fn rules(form: &super::Form) -> Result<RoundSettings, InputError> {
    use crate::domain::RulesError;
    Ok(RoundSettings {
        min_group: number(form.get("min_group"), InputError::MinGroupInvalid)?,
        rounding_base: number(
            form.get("rounding_base"),
            InputError::RulesInvalid(RulesError::Base),
        )?,
        min_period: number(
            form.get("min_period"),
            InputError::RulesInvalid(RulesError::MinPeriod),
        )?,
        ..RoundSettings::default()
    })
}

pub async fn create_round(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let page = |form: &super::Form| OrganisationPage(form.get("organisation").to_owned());
    post(&state, &posted, page, async |form| {
        // An unknown organisation is a page that is not there, not a field.
        let org = rounds::organisation(&state.app, form.get("organisation")).await?;
        let rules = rules(form)?;
        let weeks = number(form.get("period_weeks"), InputError::PeriodLengthInvalid)?;
        let description = form.get("description");
        let settings = RoundSettings {
            title: Some(form.get("title").to_owned()),
            description: (!description.trim().is_empty()).then(|| description.to_owned()),
            ..rules
        };
        let new = NewRound::parse(form.get("slug"), org.slug.as_str(), weeks, settings)?;
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
struct RoundPage(String, RoundForm);

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
            shown.done,
        );
        Ok(html(shown.status, page))
    }

    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        let (count, language, what) = match self.1 {
            RoundForm::Settings => return first_input(e),
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
    let page = RoundPage(path.into_inner(), RoundForm::Settings);
    page.show(&state, &staff, Shown::fresh(&req)).await
}

/// A language for cards or invitation links that is not in the list.
const LANGUAGE_ERROR: &str = "Choose a language from the list.";

/// The text box has no place for translations (the admin API sets them):
/// each theme keeps those it had, by slug.
fn keep_translations(themes: Vec<Theme>, current: &[Theme]) -> Result<Vec<Theme>, InputError> {
    themes
        .into_iter()
        .map(
            |theme| match current.iter().find(|t| t.slug() == theme.slug()) {
                Some(was) => theme.translated(was.translations().clone()),
                None => Ok(theme),
            },
        )
        .collect()
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
            let label = parts.next().unwrap_or("");
            let description = parts.next().unwrap_or("");
            Theme::parse(slug, label, description, parts.next().unwrap_or(""))
        })
        .collect()
}

pub async fn update_round(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let slug = path.into_inner();
    let page = |_: &super::Form| RoundPage(slug.clone(), RoundForm::Settings);
    post(&state, &posted, page, async |form| {
        // An unknown round is a page that is not there, not a field.
        let (_, round) = rounds::round(&state.app, &slug).await?;
        let rules = rules(form)?;
        let themes = keep_translations(parse_themes(form.get("themes"))?, &round.themes)?;
        let update = RoundUpdate::parse(RoundSettings {
            title: Some(form.get("title").to_owned()),
            description: Some(form.get("description").to_owned()),
            themes: Some(themes),
            ..rules
        })?;
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
    let page = |_: &super::Form| RoundPage(path.to_string(), RoundForm::Settings);
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

/// Make codes and show the printable sheet, once: the store keeps only
/// their keyed hashes.
pub async fn issue_codes(
    state: web::Data<AppState>,
    path: web::Path<String>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let page = |_: &super::Form| RoundPage(path.to_string(), RoundForm::Codes);
    post(&state, &posted, page, async |form| {
        // An unknown round is a page that is not there, not a field.
        rounds::round(&state.app, &path).await?;
        let ask = count_and_language(form.get("count"), form.get("language"))?;
        let made =
            codes::issue_codes(&state.app, &staff.actor(), &path, ask, state.today()).await?;
        let slug = made.round.slug.as_str();
        let key = round_keys::printed_key_id(&state.app, slug, state.today()).await?;
        Ok(Done::Answer(crate::http::admin::sheet(&made, &key)))
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
    let page = |_: &super::Form| RoundPage(path.to_string(), RoundForm::Invitations);
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

/// Seal one round's open period now (the API's
/// `POST /api/v1/admin/periods/close` closes every round's). Other rounds,
/// often other organisations', keep their periods open.
pub async fn close_periods(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let page = |form: &super::Form| RoundPage(form.get("round").to_owned(), RoundForm::Settings);
    post(&state, &posted, page, async |form| {
        let slug = form.get("round");
        rounds::close_period(&state.app, &staff.actor(), slug, state.today()).await?;
        Ok(Done::SeeOther(format!(
            "/console/rounds/{slug}?done=closed"
        )))
    })
    .await
}
