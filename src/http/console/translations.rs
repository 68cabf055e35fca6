//! A round's words in one other shipped language (issue 19): the console
//! side of what the admin API sets with `translations` on a round and on
//! its themes. The form is read into the same [`RoundUpdate`] the API
//! makes and goes through the same use case
//! ([`crate::app::rounds::update_round`], which records the staff action);
//! so the rules are the API's: translations may be added and corrected
//! before and after opening, and the English words are never touched.

use super::round_form::{worded, Problems};
use super::{html, post, refused, ConsoleError, Done, FormPage, Shown, Staff, StaffForm};
use crate::app::{rounds, AppError};
use crate::domain::{InputError, Round, RoundSettings, RoundText, RoundUpdate, Theme, ThemeText};
use crate::http::error::ApiError;
use crate::http::AppState;
use crate::messages::{language_list, Language, DEFAULT_LANGUAGE};
use crate::views::console::{self as views, theme_field, THEME_TEXT_FIELDS};
use actix_web::{web, HttpRequest, HttpResponse};
use std::collections::BTreeMap;

/// A shipped language other than English (a round's own words are in
/// English); any other tag is a page that is not there.
fn language(tag: &str) -> Result<&'static Language, ConsoleError> {
    language_list()
        .iter()
        .find(|l| l.tag == tag && l.tag != DEFAULT_LANGUAGE)
        .ok_or(ConsoleError::Api(ApiError::NotFound))
}

/// The translations page of a round into one language.
struct TranslationsPage {
    round: String,
    language: &'static Language,
}

impl FormPage for TranslationsPage {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let (org, round) = rounds::round(&state.app, &self.round).await?;
        let page = views::translations(
            &staff.frame(),
            &org,
            &round,
            self.language,
            shown.values,
            shown.errors,
            shown.done,
        );
        Ok(html(shown.status, page))
    }

    /// A refusal of the whole change (the form reader finds each field's
    /// problems first): the themes changed meanwhile, or the question.
    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        let AppError::Input(errors) = e else {
            return Vec::new();
        };
        errors
            .iter()
            .map(|e| match e {
                InputError::NameInvalid { field } => {
                    let (field, label) = question_field(field);
                    (field.to_owned(), worded(e, label))
                }
                e => (
                    "title".to_owned(),
                    format!(
                        "The round's themes changed while you were writing: {}. Check the page \
                         and save again.",
                        worded(e, "Themes")
                    ),
                ),
            })
            .collect()
    }
}

/// The form field and label of a problem with the round's own words.
fn question_field(field: &str) -> (&'static str, &'static str) {
    match field {
        "description" => ("description", "Introduction"),
        _ => ("title", "Question"),
    }
}

pub async fn translations(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let (round, tag) = path.into_inner();
    let page = TranslationsPage {
        round,
        language: language(&tag)?,
    };
    page.show(&state, &staff, Shown::fresh(&req)).await
}

pub async fn update_translations(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let (slug, tag) = path.into_inner();
    let language = language(&tag)?;
    let page = |_: &super::Form| TranslationsPage {
        round: slug.clone(),
        language,
    };
    // An unknown round is a page that is not there, not a field.
    let (_, round) = rounds::round(&state.app, &slug).await?;
    let update = match read(&posted.form, &round, language) {
        Ok(update) => update,
        Err(problems) => return refused(&state, &posted, page(&posted.form), &problems).await,
    };
    post(&state, &posted, page, async |_| {
        let actor = staff.actor();
        let round = rounds::update_round(&state.app, &actor, &slug, update, state.today()).await?;
        Ok(Done::SeeOther(format!(
            "/console/rounds/{}/translations/{}?done=saved",
            round.slug, language.tag
        )))
    })
    .await
}

/// The form as a change to the round: its translations and its themes',
/// with this language's replaced (or removed, where every field is empty)
/// and every other language's kept. Each field is checked by the domain's
/// own rules ([`RoundText::problems`], [`ThemeText::wrong_fields`]) and
/// each problem named at its field.
fn read(form: &super::Form, round: &Round, language: &Language) -> Result<RoundUpdate, Problems> {
    let mut problems = Problems::new();
    let mut translations: BTreeMap<String, RoundText> = round.translations.clone();
    let text = RoundText {
        title: form.get("title").to_owned(),
        description: form.get("description").to_owned(),
    };
    if text.title.trim().is_empty() && text.description.trim().is_empty() {
        translations.remove(language.tag);
    } else {
        for e in text.problems() {
            let InputError::NameInvalid { field } = &e else {
                continue;
            };
            let (field, label) = question_field(field);
            problems.push((field.to_owned(), worded(&e, label)));
        }
        translations.insert(language.tag.to_owned(), text);
    }
    let mut themes: Vec<Theme> = Vec::with_capacity(round.themes.len());
    for (i, theme) in round.themes.iter().enumerate() {
        let get = |part: &str| {
            form.get(&theme_field(theme.slug().as_str(), part))
                .to_owned()
        };
        let words = ThemeText {
            label: get("label"),
            description: get("description"),
            easy_read: get("easy_read"),
        };
        let mut all = theme.translations().clone();
        if [&words.label, &words.description, &words.easy_read]
            .iter()
            .all(|w| w.trim().is_empty())
        {
            all.remove(language.tag);
        } else {
            for part in words.wrong_fields() {
                let message = match part {
                    "label" => "enter a name of 1 to 200 characters, without control characters.",
                    _ => "this must be at most 300 characters, without control characters.",
                };
                let label = THEME_TEXT_FIELDS
                    .iter()
                    .find(|(p, _)| *p == part)
                    .map_or(part, |(_, l)| l);
                problems.push((
                    theme_field(theme.slug().as_str(), part),
                    format!("Theme {} ({label}): {message}", i + 1),
                ));
            }
            all.insert(language.tag.to_owned(), words);
        }
        if let Ok(theme) = theme.clone().translated(all) {
            themes.push(theme);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    super::super::admin::translated_into(translations.keys()).map_err(|e| whole(&e))?;
    RoundUpdate::parse(RoundSettings {
        translations: Some(translations),
        themes: Some(themes),
        ..RoundSettings::default()
    })
    .map_err(|e| whole(&e))
}

/// A problem the whole change still has once each field is right.
fn whole(e: &InputError) -> Problems {
    vec![("title".to_owned(), worded(e, "Question"))]
}
