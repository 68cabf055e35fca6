//! Recurring phrases in a round's "Something else" critiques, and
//! promoting one to a theme: the same use cases as the admin API
//! ([`crate::app::rounds::recurring_phrases`],
//! [`crate::app::rounds::promote_phrase`]).

use super::{html, post, ConsoleError, Done, FormPage, Shown, Staff, StaffForm};
use crate::app::{rounds, AppError};
use crate::domain::InputError;
use crate::http::AppState;
use crate::messages::Explain;
use crate::views::console::{self as views, PhraseGroup};
use actix_web::{web, HttpRequest, HttpResponse};

/// A round's recurring phrases, each with the form to promote it. A
/// problem shows on the form of the phrase that was sent (`label`).
struct Phrases {
    round: String,
    label: String,
}

impl FormPage for Phrases {
    async fn show(
        &self,
        state: &AppState,
        staff: &Staff,
        shown: Shown<'_>,
    ) -> Result<HttpResponse, ConsoleError> {
        let found = rounds::recurring_phrases(&state.app, &self.round, state.today()).await?;
        // A problem is placed on the phrase's own form, `target-<i>`.
        let i = found
            .groups
            .iter()
            .position(|g| g.label.eq_ignore_ascii_case(&self.label))
            .unwrap_or(0);
        let target = format!("target-{i}");
        let errors: Vec<(&str, String)> = shown
            .errors
            .iter()
            .map(|(f, m)| (if *f == "target" { target.as_str() } else { f }, m.clone()))
            .collect();
        let groups: Vec<PhraseGroup> = found
            .groups
            .into_iter()
            .map(|g| PhraseGroup {
                label: g.label,
                texts: g.texts_band,
                variants: g.variants,
            })
            .collect();
        // Promote into any round of the same organisation (usually the next).
        let targets: Vec<(String, String)> =
            rounds::rounds_of(&state.app, &found.round.organisation)
                .await?
                .into_iter()
                .map(|r| (r.slug.to_string(), r.title))
                .collect();
        let page = views::keyphrases(
            &staff.frame(),
            found.round.slug.as_str(),
            &found.round.title,
            found.k,
            &found.periods,
            &groups,
            &targets,
            &errors,
            shown.done,
        );
        Ok(html(shown.status, page))
    }

    fn place(&self, e: &AppError) -> Vec<(String, String)> {
        let AppError::Input(errors) = e else {
            return Vec::new();
        };
        let message = match errors.first() {
            Some(InputError::ThemeListInvalid) => {
                "The round already has a theme with this short name.".to_owned()
            }
            Some(e) => e.message(),
            None => "This phrase cannot be made a theme.".to_owned(),
        };
        vec![("target".into(), message)]
    }
}

pub async fn keyphrases(
    state: web::Data<AppState>,
    staff: Staff,
    path: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ConsoleError> {
    let page = Phrases {
        round: path.into_inner(),
        label: String::new(),
    };
    page.show(&state, &staff, Shown::fresh(&req)).await
}

/// Promote a recurring phrase to a theme of a round of the same
/// organisation (added at the end of its list).
pub async fn promote(
    state: web::Data<AppState>,
    posted: StaffForm,
) -> Result<HttpResponse, ConsoleError> {
    let staff = &posted.staff;
    let page = |form: &super::Form| Phrases {
        round: form.get("from").to_owned(),
        label: form.get("label").trim().to_owned(),
    };
    post(&state, &posted, page, async |form| {
        let (from, into) = (form.get("from"), form.get("round"));
        let actor = staff.actor();
        let label = form.get("label");
        let updated =
            rounds::promote_phrase(&state.app, &actor, (from, into), label, state.today()).await?;
        Ok(Done::SeeOther(format!(
            "/console/rounds/{}?done=theme",
            updated.slug
        )))
    })
    .await
}
