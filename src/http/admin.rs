//! The host's JSON API, behind a bearer token.
//!
//! # Security contract
//! Every handler here starts with [`require_admin`]. The token is kept only
//! as its SHA-256 (it is 256 random bits when generated, or at least 24
//! characters when set by the operator) and compared in constant time, so
//! neither the stored hash nor response timing helps a guesser.

use super::api::json_body;
use super::error::ApiError;
use super::participant::load_round;
use super::AppState;
use crate::crypto::sha256;
use crate::domain::{
    InputError, Organisation, Round, RoundText, RoundUpdate, Slug, Theme, ThemeText, SOMETHING_ELSE,
};
use crate::views;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use subtle::ConstantTimeEq;

/// The admin token's hash.
pub struct AdminAuth([u8; 32]);

impl AdminAuth {
    pub fn from_token(token: &str) -> Self {
        Self(sha256(token.as_bytes()))
    }

    pub fn from_hash(bytes: &[u8]) -> anyhow::Result<Self> {
        let hash = <[u8; 32]>::try_from(bytes)
            .map_err(|_| anyhow::anyhow!("the stored admin token hash is damaged"))?;
        Ok(Self(hash))
    }

    pub fn hash(&self) -> &[u8] {
        &self.0
    }

    pub(super) fn verify(&self, presented: &str) -> bool {
        // Constant time: the comparison does not stop at the first
        // differing byte.
        bool::from(sha256(presented.as_bytes()).ct_eq(&self.0))
    }

    /// Check the bearer token of `req`. A missing, empty or non-Bearer
    /// header is checked as the empty token, so it takes the path of a
    /// wrong token (one SHA-256, one constant-time comparison) and gets
    /// the same answer: neither reveals which it was.
    pub(super) fn check(&self, req: &HttpRequest) -> Result<(), ApiError> {
        let presented = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if self.verify(presented.trim()) {
            Ok(())
        } else {
            Err(ApiError::Unauthorized)
        }
    }
}

/// A fresh admin token: 32 random bytes, hex.
pub fn new_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| anyhow::anyhow!("the random generator failed"))?;
    Ok(crate::encoding::hex(&bytes))
}

pub(super) fn require_admin(state: &AppState, req: &HttpRequest) -> Result<(), ApiError> {
    state.admin.check(req)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOrganisation {
    slug: String,
    name: String,
}

pub async fn create_organisation(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    require_admin(&state, &req)?;
    let body: NewOrganisation = json_body(&req, payload).await?;
    let org = Organisation::parse(&body.slug, &body.name)?;
    state.store.create_organisation(org.clone()).await?;
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

/// Theme words from the API; translations only into the shipped
/// languages other than English (which the theme's own words are in).
fn parse_themes(themes: Option<Vec<ThemeBody>>) -> Result<Option<Vec<Theme>>, InputError> {
    translated_into(themes.iter().flatten().flat_map(|t| t.translations.keys()))?;
    themes
        .map(|list| {
            list.into_iter()
                .map(|t| {
                    Ok(Theme {
                        slug: Slug::parse(&t.slug, "theme slug")?,
                        label: t.label.trim().to_owned(),
                        description: t.description.trim().to_owned(),
                        easy_read: t.easy_read.trim().to_owned(),
                        translations: t
                            .translations
                            .into_iter()
                            .map(|(language, w)| {
                                let words = ThemeText {
                                    label: w.label.trim().to_owned(),
                                    description: w.description.trim().to_owned(),
                                    easy_read: w.easy_read.trim().to_owned(),
                                };
                                (language, words)
                            })
                            .collect(),
                    })
                })
                .collect()
        })
        .transpose()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewRound {
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
    postal_address: Option<String>,
    freepost: Option<String>,
    /// The title and description in other shipped languages, by tag.
    #[serde(default)]
    translations: Option<BTreeMap<String, RoundText>>,
}

/// Translations only into the shipped languages other than English (which
/// a round's own words are in).
fn translated_into<'a>(mut languages: impl Iterator<Item = &'a String>) -> Result<(), InputError> {
    let shipped = crate::messages::languages();
    match languages.all(|l| l != crate::messages::DEFAULT_LANGUAGE && shipped.contains(&l.as_str()))
    {
        true => Ok(()),
        false => Err(crate::messages::language_unknown()),
    }
}

pub async fn create_round(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    require_admin(&state, &req)?;
    let body: NewRound = json_body(&req, payload).await?;
    let round = Round::parse(
        &body.slug,
        &body.organisation,
        &body.title,
        body.description.as_deref(),
        parse_themes(body.themes)?,
        body.min_group,
        body.period_weeks,
    )?;
    translated_into(body.translations.iter().flatten().map(|(l, _)| l))?;
    let round = RoundUpdate {
        retention_periods: body.retention_periods,
        rounding_base: body.rounding_base,
        min_period: body.min_period,
        postal_address: body.postal_address,
        freepost: body.freepost,
        translations: body.translations,
        ..RoundUpdate::default()
    }
    .apply(&round)?;
    state.store.create_round(round.clone()).await?;
    Ok(HttpResponse::Created().json(RoundView::new(&state, round)?))
}

/// A round as the host sees it: its settings and its counts.
#[derive(Serialize)]
struct RoundView {
    #[serde(flatten)]
    round: Round,
    url: String,
    critiques: u64,
    codes_issued: u64,
    codes_spent: u64,
}

impl RoundView {
    fn new(state: &AppState, round: Round) -> Result<Self, ApiError> {
        let stats = state.store.round_stats(&round.slug)?;
        Ok(Self {
            url: state.round_url(round.slug.as_str()),
            round,
            critiques: stats.critiques,
            codes_issued: stats.codes_issued,
            codes_spent: stats.codes_spent,
        })
    }
}

pub async fn round(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    require_admin(&state, &req)?;
    let (_, round) = load_round(&state, &path)?;
    Ok(HttpResponse::Ok().json(RoundView::new(&state, round)?))
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
    postal_address: Option<String>,
    freepost: Option<String>,
    #[serde(default)]
    translations: Option<BTreeMap<String, RoundText>>,
}

pub async fn update_round(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    require_admin(&state, &req)?;
    let (_, round) = load_round(&state, &path)?;
    let body: RoundChange = json_body(&req, payload).await?;
    translated_into(body.translations.iter().flatten().map(|(l, _)| l))?;
    let update = RoundUpdate {
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
        ..RoundUpdate::default()
    };
    let updated = state.store.update_round(round.slug, update).await?;
    Ok(HttpResponse::Ok().json(RoundView::new(&state, updated)?))
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

/// Most codes one request may make.
pub(super) const MAX_CODES: u64 = 10_000;

/// New codes, with the language they are printed in.
struct NewCodes {
    org: Organisation,
    round: Round,
    codes: Vec<String>,
    language: Option<&'static str>,
}

async fn new_codes(
    state: &AppState,
    req: &HttpRequest,
    path: &str,
    payload: web::Payload,
) -> Result<NewCodes, ApiError> {
    require_admin(state, req)?;
    let (org, round) = load_round(state, path)?;
    let body: CodeRequest = json_body(req, payload).await?;
    if !(1..=MAX_CODES).contains(&body.count) {
        return Err(InputError::CountInvalid.into());
    }
    let language = card_language(body.language.as_deref())?;
    let codes = super::issue_codes(state, &round, body.count as usize).await?;
    Ok(NewCodes {
        org,
        round,
        codes,
        language,
    })
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
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let new = new_codes(&state, &req, &path, payload).await?;
    Ok(HttpResponse::Created().json(CodesView {
        url: state.round_url_in(new.round.slug.as_str(), new.language),
        round: new.round.slug.to_string(),
        codes: new.codes,
    }))
}

/// New codes as a printable HTML sheet of cards.
pub async fn code_sheet(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let new = new_codes(&state, &req, &path, payload).await?;
    Ok(sheet_response(
        &state,
        &new.org,
        &new.round,
        &new.codes,
        new.language,
    ))
}

/// New codes as a printable HTML sheet (admin API and console alike): its
/// own CSP allows exactly the sheet's inline style, by hash.
pub(super) fn sheet_response(
    state: &AppState,
    org: &Organisation,
    round: &Round,
    codes: &[String],
    language: Option<&'static str>,
) -> HttpResponse {
    HttpResponse::Created()
        .content_type("text/html; charset=utf-8")
        .insert_header(("Content-Security-Policy", sheet_policy()))
        .body(sheet(state, org, round, codes, language, None))
}

/// The printable sheet of `codes`; `back`: the console page to return to.
pub(crate) fn sheet(
    state: &AppState,
    org: &Organisation,
    round: &Round,
    codes: &[String],
    language: Option<&'static str>,
    back: Option<&str>,
) -> String {
    let url = state.round_url_in(round.slug.as_str(), language);
    let m = crate::messages::Messages::select(language, false);
    views::code_sheet(&m, org, round, codes, &url, back).into_string()
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
pub(crate) struct KeyphrasesView {
    pub round: String,
    /// Only groups found in at least this many distinct texts are shown.
    pub k: u32,
    /// The sealed periods whose texts were read (shredded ones are gone).
    pub periods: Vec<String>,
    pub groups: Vec<crate::digest::keyphrases::Group>,
}

/// `GET /api/v1/admin/rounds/{round}/keyphrases`: recurring phrases in the
/// "Something else" critiques of the round's sealed, unshredded periods,
/// ranked against its other critiques; scrubbed, and only groups in at
/// least k distinct texts. The open period is never read.
pub async fn keyphrases(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    require_admin(&state, &req)?;
    let (_, round) = load_round(&state, &path)?;
    Ok(HttpResponse::Ok().json(recurring_phrases(&state, &round).await?))
}

/// The recurring phrases of `round`'s "Something else" critiques (admin
/// API and console alike; see [`keyphrases`]).
pub(crate) async fn recurring_phrases(
    state: &AppState,
    round: &Round,
) -> Result<KeyphrasesView, ApiError> {
    state.store.seal_due(state.clock.today()).await?;
    let mut periods = Vec::new();
    let (mut other, mut background) = (Vec::new(), Vec::new());
    for sealed in state.store.sealed_periods(&round.slug)? {
        if sealed.shredded {
            continue;
        }
        for (themes, text) in state.store.themed_texts(&round.slug, &sealed.period)? {
            if themes.iter().any(|t| t == SOMETHING_ELSE) {
                other.push(text);
            } else {
                background.push(text);
            }
        }
        periods.push(sealed.period);
    }
    let other: Vec<&str> = other.iter().map(String::as_str).collect();
    let background: Vec<&str> = background.iter().map(String::as_str).collect();
    let k = round.rules.k();
    let groups = crate::digest::keyphrases::recurring_against(&other, &background, k as usize);
    Ok(KeyphrasesView {
        round: round.slug.to_string(),
        k,
        periods,
        groups,
    })
}

/// `POST /api/v1/admin/rounds/{round}/themes`: add one theme at the end of
/// the round's list (for example a keyphrase group promoted from another
/// round). Allowed before and after opening: adding never loosens anything.
pub async fn add_theme(
    state: web::Data<AppState>,
    path: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    require_admin(&state, &req)?;
    let (_, round) = load_round(&state, &path)?;
    let body: ThemeBody = json_body(&req, payload).await?;
    let theme = parse_themes(Some(vec![body]))?.unwrap_or_default();
    let updated = append_themes(&state, round, theme).await?;
    Ok(HttpResponse::Created().json(RoundView::new(&state, updated)?))
}

/// Add `themes` at the end of `round`'s list (admin API and console
/// alike): allowed before and after opening, as adding loosens nothing.
pub(crate) async fn append_themes(
    state: &AppState,
    round: Round,
    new: Vec<Theme>,
) -> Result<Round, ApiError> {
    let mut themes = round.themes.clone();
    themes.extend(new);
    let update = RoundUpdate {
        themes: Some(themes),
        ..RoundUpdate::default()
    };
    Ok(state.store.update_round(round.slug, update).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::hashes_during;
    use actix_web::http::header::HeaderValue;
    use actix_web::test::TestRequest;

    /// Missing, malformed and wrong tokens cost the same: each computes
    /// exactly the one SHA-256 a wrong token does, so an early return for
    /// any of them (which would skip that hash and answer measurably
    /// sooner) fails here. Hashes are counted, not timed: one SHA-256
    /// (about a microsecond) is far below the noise of a timed request.
    #[test]
    fn every_refused_admin_header_costs_the_one_hash_a_wrong_token_costs() {
        let token = "right-token-0123456789abcdef";
        let auth = AdminAuth::from_token(token);
        let long = format!("Bearer {}", "x".repeat(10_000));
        let refused: Vec<Option<HeaderValue>> = vec![
            None,
            Some(HeaderValue::from_static("")),
            Some(HeaderValue::from_static("Bearer")),
            Some(HeaderValue::from_static("Bearer ")),
            Some(HeaderValue::from_static("Bearer    ")),
            Some(HeaderValue::from_static("Basic dXNlcjpwYXNz")),
            Some(HeaderValue::from_static(
                "bearer right-token-0123456789abcdef",
            )),
            Some(HeaderValue::from_static(
                "Bearer wrong-token-0123456789abcdef",
            )),
            Some(HeaderValue::from_static(
                "Bearer right-token-0123456789abcdeX",
            )),
            Some(HeaderValue::from_static(
                "Bearer right-token-0123456789abcde",
            )),
            Some(HeaderValue::from_bytes(b"Bearer \xff\xfe").unwrap()),
            Some(HeaderValue::from_str(&long).unwrap()),
        ];
        for header in refused {
            let mut req = TestRequest::default();
            if let Some(value) = header.clone() {
                req = req.insert_header((header::AUTHORIZATION, value));
            }
            let req = req.to_http_request();
            let (answer, hashes) = hashes_during(|| auth.check(&req));
            assert!(
                matches!(answer, Err(ApiError::Unauthorized)),
                "{header:?} was not refused"
            );
            assert_eq!(hashes, 1, "{header:?} computed {hashes} hashes");
        }
        let req = TestRequest::default()
            .insert_header((header::AUTHORIZATION, format!("Bearer {token}")))
            .to_http_request();
        let (answer, hashes) = hashes_during(|| auth.check(&req));
        assert!(answer.is_ok());
        assert_eq!(hashes, 1);
    }
}
