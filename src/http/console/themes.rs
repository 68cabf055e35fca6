//! Recurring phrases in a round's "Something else" critiques, and
//! promoting one to a theme: the same functions as the admin API
//! (`admin::recurring_phrases`, `admin::append_themes`).

use super::{done, html, record, see_other, staff_form, ConsoleError, Staff};
use crate::domain::{InputError, Slug, Theme};
use crate::http::participant::load_round;
use crate::http::AppState;
use crate::messages::Explain;
use crate::views::console::{self as views, PhraseGroup};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

async fn phrases_page(
    state: &AppState,
    staff: &Staff,
    slug: &str,
    errors: &[(&str, String)],
    done: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, ConsoleError> {
    let (org, round) = load_round(state, slug)?;
    let found = crate::http::admin::recurring_phrases(state, &round).await?;
    let groups: Vec<PhraseGroup> = found
        .groups
        .into_iter()
        .map(|g| PhraseGroup {
            label: g.label,
            texts: g.texts,
            variants: g.variants,
        })
        .collect();
    // Promote into any round of the same organisation (usually the next).
    let targets: Vec<(String, String)> = state
        .store
        .rounds_of(&org.slug)?
        .into_iter()
        .map(|r| (r.slug.to_string(), r.title))
        .collect();
    Ok(html(
        status,
        views::keyphrases(
            &staff.frame(),
            round.slug.as_str(),
            &round.title,
            found.k,
            &found.periods,
            &groups,
            &targets,
            errors,
            done,
        ),
    ))
}

pub async fn keyphrases(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    phrases_page(&state, &staff, &path, &[], done(&req), StatusCode::OK).await
}

/// A theme's short name from a phrase: lower-case letters and digits,
/// words joined by single hyphens, at most 40 characters.
fn slug_of(label: &str) -> String {
    let mut out = String::new();
    for word in label
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// Promote a recurring phrase to a theme of a round of the same
/// organisation (added at the end of its list).
pub async fn promote(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ConsoleError> {
    let form = staff_form(&state, &staff, &req, payload).await?;
    let (org, from) = load_round(&state, form.get("from"))?;
    let (_, target) = load_round(&state, form.get("round"))?;
    if target.organisation != org.slug {
        return Err(ConsoleError::Forbidden);
    }
    let label = form.get("label").trim();
    let mut chars = label.chars();
    let label: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let theme = Slug::parse(&slug_of(&label), "theme short name").map(|slug| Theme {
        slug,
        label: label.clone(),
        description: String::new(),
        easy_read: String::new(),
        translations: Default::default(),
    });
    let result = match theme {
        Ok(t) => crate::http::admin::append_themes(&state, target.clone(), vec![t]).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(updated) => {
            record(
                &state,
                &staff,
                "theme.promote",
                Some(&updated),
                Some(format!("{label} (from {})", from.slug)),
            )
            .await?;
            Ok(see_other(&format!(
                "/console/rounds/{}?done=theme",
                target.slug
            )))
        }
        Err(crate::http::error::ApiError::Input(errors)) => {
            let message = match errors.first() {
                Some(InputError::ThemeListInvalid) => {
                    "The round already has a theme with this short name.".to_owned()
                }
                Some(e) => e.message(),
                None => "This phrase cannot be made a theme.".to_owned(),
            };
            let found = crate::http::admin::recurring_phrases(&state, &from).await?;
            let i = found
                .groups
                .iter()
                .position(|g| g.label.eq_ignore_ascii_case(&label))
                .unwrap_or(0);
            let field = format!("target-{i}");
            phrases_page(
                &state,
                &staff,
                from.slug.as_str(),
                &[(field.as_str(), message)],
                None,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::slug_of;

    #[test]
    fn phrases_become_short_names() {
        assert_eq!(slug_of("Night staff!"), "night-staff");
        assert_eq!(
            slug_of("  parking   at the centre "),
            "parking-at-the-centre"
        );
        assert!(slug_of(&"word ".repeat(30)).len() <= 40);
    }
}
