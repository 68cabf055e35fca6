//! The host's JSON API (audience `Admin`): organisations, rounds, themes,
//! recurring phrases, codes and card sheets, invitations, closing the
//! periods. Every handler takes an [`AdminToken`], parses the body into
//! domain types, calls one use case in [`crate::app`] and renders JSON.

use super::api::json_body;
use super::auth::AdminToken;
use super::error::ApiError;
use super::AppState;
use crate::app::AppError;
use crate::app::{codes, round_keys, rounds, Actor};
use crate::crypto::sha256;
use crate::domain::{
    InputError, NewRound, Organisation, QuestionSpec, Questions, Round, RoundSettings, RoundText,
    RoundUpdate, Slug, Theme, ThemeText,
};
use crate::views;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who the use cases are told acts: the token names no one (see
/// [`Actor::Unnamed`]).
const HOST: &Actor = &Actor::Unnamed;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOrganisation {
    slug: String,
    name: String,
}

pub async fn create_organisation(
    _: AdminToken,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: NewOrganisation = json_body(&req, payload).await?;
    let org = Organisation::parse(&body.slug, &body.name)?;
    let org = rounds::create_organisation(&state.app, HOST, org, state.today()).await?;
    Ok(HttpResponse::Created().json(org))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeBody {
    slug: String,
    label: String,
    #[serde(default)]
    description: String,
    /// The description in Easy Read (sentences of at most 15 words).
    #[serde(default)]
    easy_read: String,
    /// The same words in other shipped languages, by language tag.
    #[serde(default)]
    translations: BTreeMap<String, ThemeTextBody>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeTextBody {
    label: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    easy_read: String,
}

impl ThemeBody {
    /// A theme from the API; translations only into the shipped languages
    /// other than English (which the theme's own words are in).
    fn parse(self) -> Result<Theme, InputError> {
        translated_into(self.translations.keys())?;
        let slug = Slug::parse(&self.slug, "theme slug")?;
        let translations = self
            .translations
            .into_iter()
            .map(|(language, w)| {
                let words = ThemeText {
                    label: w.label,
                    description: w.description,
                    easy_read: w.easy_read,
                };
                (language, words)
            })
            .collect();
        Theme::parse(slug, &self.label, &self.description, &self.easy_read)?
            .translated(translations)
    }
}

fn parse_themes(themes: Option<Vec<ThemeBody>>) -> Result<Option<Vec<Theme>>, InputError> {
    themes
        .map(|list| list.into_iter().map(ThemeBody::parse).collect())
        .transpose()
}

/// Translations only into the shipped languages other than English (which
/// a round's or a theme's own words are in).
pub(super) fn translated_into<'a>(
    mut languages: impl Iterator<Item = &'a String>,
) -> Result<(), InputError> {
    let shipped = crate::messages::languages();
    let known =
        |l: &String| l != crate::messages::DEFAULT_LANGUAGE && shipped.contains(&l.as_str());
    match languages.all(known) {
        true => Ok(()),
        false => Err(crate::messages::language_unknown()),
    }
}

/// A language for cards and invitations: a shipped tag, or none. An empty
/// tag is not a tag: the API documents the shipped tags as an enum, so ""
/// is refused like any unknown tag (forms turn their empty choice into
/// none before asking).
pub(super) fn card_language(language: Option<&str>) -> Result<Option<&'static str>, InputError> {
    match language {
        None => Ok(None),
        Some(l) => crate::messages::languages()
            .into_iter()
            .find(|t| *t == l)
            .map(Some)
            .ok_or_else(crate::messages::language_unknown),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewRoundBody {
    slug: String,
    organisation: String,
    title: String,
    description: Option<String>,
    themes: Option<Vec<ThemeBody>>,
    min_group: Option<u64>,
    rounding_base: Option<u64>,
    min_period: Option<u64>,
    period_weeks: Option<u64>,
    retention_periods: Option<u64>,
    /// Days the organisation has to answer each release (1-365, 28).
    days_to_answer: Option<u64>,
    /// The title and description in other shipped languages, by tag.
    /// Printed on the paper form, for posting it back ("" removes it).
    postal_address: Option<String>,
    /// A freepost line printed above the address ("" removes it).
    freepost: Option<String>,
    #[serde(default)]
    translations: Option<BTreeMap<String, RoundText>>,
    /// The round's questions (issue 20), in order.
    questions: Option<Vec<QuestionSpec>>,
    /// Whether a submission may carry answers and no text.
    answers_without_text: Option<bool>,
}

/// A host's list of questions, with every problem reported at once (each
/// message names its JSON path).
fn parse_questions(specs: Option<Vec<QuestionSpec>>) -> Result<Option<Questions>, ApiError> {
    specs
        .map(|specs| {
            Questions::parse(specs).map_err(|errors| {
                AppError::Input(errors.into_iter().map(InputError::Question).collect()).into()
            })
        })
        .transpose()
}

pub async fn create_round(
    _: AdminToken,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body: NewRoundBody = json_body(&req, payload).await?;
    let themes = parse_themes(body.themes)?;
    translated_into(body.translations.iter().flatten().map(|(l, _)| l))?;
    let questions = parse_questions(body.questions)?;
    let settings = RoundSettings {
        questions,
        answers_without_text: body.answers_without_text,
        title: Some(body.title),
        description: body.description,
        themes,
        translations: body.translations,
        min_group: body.min_group,
        rounding_base: body.rounding_base,
        min_period: body.min_period,
        retention_periods: body.retention_periods,
        postal_address: body.postal_address,
        freepost: body.freepost,
        days_to_answer: body.days_to_answer,
    };
    let new = NewRound::parse(&body.slug, &body.organisation, body.period_weeks, settings)?;
    let round = rounds::create_round(&state.app, HOST, new, state.today()).await?;
    Ok(HttpResponse::Created().json(round_view(&state, round.slug.as_str()).await?))
}

/// A round as the host sees it: its settings and its counts.
#[derive(Serialize)]
struct RoundView {
    #[serde(flatten)]
    round: Round,
    url: String,
    /// Exact, in sealed periods only.
    critiques: u64,
    codes_issued: u64,
    /// Exact, in sealed periods only.
    codes_spent: u64,
    /// The open period's counts, banded ("fewer than 10", "10-19", …) and
    /// refreshed at most hourly (issue 16, item 5).
    critiques_open_band: String,
    codes_spent_open_band: String,
    invitations_used_up_band: String,
}

async fn round_view(state: &AppState, slug: &str) -> Result<RoundView, ApiError> {
    let o = rounds::overview(&state.app, slug).await?;
    Ok(RoundView {
        round: o.round,
        url: o.url,
        critiques: o.stats.critiques,
        codes_issued: o.stats.codes_issued,
        codes_spent: o.stats.codes_spent,
        critiques_open_band: o.open.critiques.label(),
        codes_spent_open_band: o.open.codes_spent.label(),
        invitations_used_up_band: o.open.invitations_used_up.label(),
    })
}

pub async fn round(
    _: AdminToken,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(round_view(&state, &path).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundChange {
    title: Option<String>,
    description: Option<String>,
    themes: Option<Vec<ThemeBody>>,
    min_group: Option<u64>,
    rounding_base: Option<u64>,
    min_period: Option<u64>,
    retention_periods: Option<u64>,
    /// Days the organisation has to answer each release (1-365).
    days_to_answer: Option<u64>,
    /// Printed on the paper form, for posting it back ("" removes it).
    postal_address: Option<String>,
    /// A freepost line printed above the address ("" removes it).
    freepost: Option<String>,
    #[serde(default)]
    translations: Option<BTreeMap<String, RoundText>>,
    /// The whole new list of questions: before the round opens anything,
    /// after only their wording.
    questions: Option<Vec<QuestionSpec>>,
    answers_without_text: Option<bool>,
}

pub async fn update_round(
    _: AdminToken,
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    // An unknown round is a 404 whatever the body says.
    rounds::round(&state.app, &path).await?;
    let body: RoundChange = json_body(&req, payload).await?;
    translated_into(body.translations.iter().flatten().map(|(l, _)| l))?;
    let questions = parse_questions(body.questions)?;
    let update = RoundUpdate::parse(RoundSettings {
        questions,
        answers_without_text: body.answers_without_text,
        translations: body.translations,
        title: body.title,
        description: body.description,
        themes: parse_themes(body.themes)?,
        min_group: body.min_group,
        rounding_base: body.rounding_base,
        min_period: body.min_period,
        retention_periods: body.retention_periods,
        postal_address: body.postal_address,
        freepost: body.freepost,
        days_to_answer: body.days_to_answer,
    })?;
    let updated = rounds::update_round(&state.app, HOST, &path, update, state.today()).await?;
    Ok(HttpResponse::Ok().json(round_view(&state, updated.slug.as_str()).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeRequest {
    count: u64,
    /// The language the cards are printed in, and that their address
    /// opens in (`?lang=`); without it, English and the reader's browser.
    #[serde(default)]
    language: Option<String>,
}

async fn new_codes(
    state: &AppState,
    path: &str,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<codes::Codes, ApiError> {
    // An unknown round is a 404 whatever the body says.
    rounds::round(&state.app, path).await?;
    let body: CodeRequest = json_body(req, payload).await?;
    let ask = (body.count, card_language(body.language.as_deref())?);
    Ok(codes::issue_codes(&state.app, HOST, path, ask, state.today()).await?)
}

#[derive(Serialize)]
struct CodesView {
    round: String,
    url: String,
    codes: Vec<String>,
}

/// New codes as JSON. They are shown only in this response: the store keeps
/// only their keyed hashes.
pub async fn issue_codes(
    _: AdminToken,
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let made = new_codes(&state, &path, &req, payload).await?;
    Ok(HttpResponse::Created().json(CodesView {
        round: made.round.slug.to_string(),
        url: made.url,
        codes: made.codes,
    }))
}

/// New codes as a printable HTML sheet of cards.
pub async fn code_sheet(
    _: AdminToken,
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let made = new_codes(&state, &path, &req, payload).await?;
    let key = round_keys::printed_key_id(&state.app, made.round.slug.as_str(), state.today());
    Ok(sheet(&made, &key.await?))
}

/// New codes as a printable HTML sheet (admin API): see [`sheet_html`].
pub(super) fn sheet(made: &codes::Codes, token_key: &str) -> HttpResponse {
    HttpResponse::Created()
        .content_type("text/html; charset=utf-8")
        .insert_header(("Content-Security-Policy", sheet_policy()))
        .body(sheet_html(made, token_key, None))
}

/// The printable sheet of new codes (admin API and console alike), in the
/// language they were made for, with the round's token key id (for people
/// who compare it by hand with the log's); `back`: the console page to
/// return to.
pub(crate) fn sheet_html(made: &codes::Codes, token_key: &str, back: Option<&str>) -> String {
    let m = crate::messages::Messages::select(made.language, false);
    let (org, round) = (&made.organisation, &made.round);
    views::code_sheet(&m, org, round, &made.codes, &made.url, token_key, back).into_string()
}

/// The sheet's policy: nothing but its own style and script, by hash.
pub(crate) fn sheet_policy() -> String {
    let hash = |text: &str| crate::encoding::base64(&sha256(text.as_bytes()));
    format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; frame-ancestors 'none'",
        hash(views::CARDS_CSS),
        hash(views::CARDS_JS)
    )
}

#[derive(Serialize)]
struct KeyphrasesView {
    round: String,
    /// Only groups found in at least this many distinct texts are shown.
    k: u32,
    /// The released periods whose texts were read (shredded ones are gone).
    periods: Vec<String>,
    groups: Vec<crate::digest::keyphrases::BandedGroup>,
}

/// `GET /api/v1/admin/rounds/{round}/keyphrases`: recurring phrases in the
/// "Something else" critiques of the round's sealed, unshredded periods
/// (see [`rounds::recurring_phrases`]).
pub async fn keyphrases(
    _: AdminToken,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let found = rounds::recurring_phrases(&state.app, &path, state.today()).await?;
    Ok(HttpResponse::Ok().json(KeyphrasesView {
        round: found.round.slug.to_string(),
        k: found.k,
        periods: found.periods,
        groups: found.groups,
    }))
}

/// `POST /api/v1/admin/rounds/{round}/themes`: add one theme at the end of
/// the round's list (for example a keyphrase group promoted from another
/// round). Allowed before and after opening: adding never loosens anything.
pub async fn add_theme(
    _: AdminToken,
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    rounds::round(&state.app, &path).await?;
    let body: ThemeBody = json_body(&req, payload).await?;
    let theme = body.parse()?;
    let updated = rounds::add_themes(&state.app, HOST, &path, vec![theme], state.today()).await?;
    Ok(HttpResponse::Created().json(round_view(&state, updated.slug.as_str()).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewInvitations {
    count: u64,
    tokens_per_invitation: Option<u32>,
    /// The language the links open the page in (`?lang=`).
    #[serde(default)]
    language: Option<String>,
}

#[derive(Serialize)]
struct Invitations {
    round: String,
    tokens_per_invitation: u32,
    /// The round's token key id (hex), for the letters: people can compare
    /// it by hand with the key their client is given and the log holds.
    token_key_id: String,
    invitations: Vec<InvitationOut>,
}

#[derive(Serialize)]
struct InvitationOut {
    invitation: String,
    link: String,
}

/// POST `/api/v1/admin/rounds/{round}/invitations`: fresh invitations,
/// shown once; the store keeps only their keyed hashes.
pub async fn create_invitations(
    _: AdminToken,
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    rounds::round(&state.app, &path).await?;
    let body: NewInvitations = json_body(&req, payload).await?;
    let language = card_language(body.language.as_deref())?;
    let ask = (
        body.count,
        body.tokens_per_invitation.unwrap_or(1),
        language,
    );
    let made = codes::issue_invitations(&state.app, HOST, &path, ask, state.today()).await?;
    Ok(HttpResponse::Created().json(Invitations {
        round: made.round.slug.to_string(),
        tokens_per_invitation: made.tokens_per_invitation,
        token_key_id: made.token_key_id,
        invitations: made
            .made
            .into_iter()
            .map(|(invitation, link)| InvitationOut { invitation, link })
            .collect(),
    }))
}

#[derive(Serialize)]
struct Closed {
    sealed: usize,
    /// Rounds whose open period was not closed early, each with the
    /// refusal as an error body (stable `code`, `message`).
    refused: Vec<Refused>,
}

#[derive(Serialize)]
struct Refused {
    round: Slug,
    error: &'static str,
    message: String,
}

/// Close the open period of every round that may be closed early now (and
/// seal anything due); say which rounds were refused and why.
pub async fn close_periods(
    _: AdminToken,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let (sealed, refused) = rounds::close_all_periods(&state.app, HOST, state.today()).await?;
    let refused = refused
        .into_iter()
        .map(|(round, e)| {
            let e = ApiError::from(e);
            Refused {
                round,
                error: e.code(),
                message: e.message(),
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(Closed { sealed, refused }))
}
