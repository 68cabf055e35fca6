//! Reading the console's organisation and round forms (issue 18): every
//! field is checked on its own, so a form with two wrong fields shows two
//! problems, and each problem is worded with the label the form shows
//! ("Short name for the address", never `slug`). Themes come one row per
//! theme (see `views::console::theme_rows`), each problem naming its row.

use super::Form;
use crate::domain::RulesError;
use crate::domain::{
    InputError, NewRound, Organisation, Round, RoundSettings, RoundUpdate, Slug, Theme,
};
use crate::views::console::{label_of, THEME_FIELDS};

/// Problems with a form: (field id, message).
pub type Problems = Vec<(String, String)>;

/// `e`, worded for the field labelled `label`.
pub fn worded(e: &InputError, label: &str) -> String {
    match e {
        InputError::SlugInvalid { .. } => format!(
            "{label} must be 1 to 40 characters: lower-case letters a to z, digits and single \
             hyphens, starting with a letter."
        ),
        InputError::NameInvalid {
            field: "description",
        } => format!("{label} must be at most 1000 characters, without control characters."),
        InputError::NameInvalid { .. } => {
            format!(
                "Enter the {}: 1 to 200 characters, without control characters.",
                label.to_lowercase()
            )
        }
        InputError::PostalInvalid { field: "freepost" } => {
            format!("{label} must be one line of at most 100 characters.")
        }
        InputError::PostalInvalid { .. } => {
            format!("{label} must be at most 8 lines and 300 characters in all.")
        }
        InputError::MinGroupInvalid | InputError::RulesInvalid(RulesError::MinGroup) => {
            format!("{label} must be a whole number from 2 to 1000.")
        }
        InputError::MinGroupLowered { current } => format!(
            "The round is open, so {} can only be raised (it is {current}).",
            label.to_lowercase()
        ),
        InputError::RulesInvalid(RulesError::Base) => {
            format!("{label} must be a whole number from 1 to 1000.")
        }
        InputError::RulesInvalid(RulesError::MinPeriod) => format!(
            "{label} must be a whole number, at least twice the smallest group less one, and at \
             most 100000."
        ),
        InputError::RulesLoosened | InputError::RulesInvalid(RulesError::Loosened) => format!(
            "The round is open, so {} can only be made stricter.",
            label.to_lowercase()
        ),
        InputError::PeriodLengthInvalid => format!("{label} must be a whole number from 1 to 13."),
        InputError::RetentionInvalid => format!("{label} must be a whole number from 1 to 520."),
        InputError::DaysToAnswerInvalid => {
            format!("{label} must be a whole number from 1 to 365.")
        }
        other => format!("{label}: {other}."),
    }
}

fn problem(problems: &mut Problems, field: &str, e: &InputError) {
    problems.push((field.to_owned(), worded(e, label_of(field))));
}

/// A whole number, or `None` when the field is empty.
fn number(raw: &str, invalid: InputError) -> Result<Option<u64>, InputError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| invalid)
}

/// The organisation form: its name and short name, each checked.
pub fn organisation(form: &Form) -> Result<Organisation, Problems> {
    let mut problems = Problems::new();
    if let Err(e) = Organisation::parse("placeholder", form.get("name")) {
        problem(&mut problems, "name", &e);
    }
    if let Err(e) = Slug::parse(form.get("slug"), "slug") {
        problem(&mut problems, "slug", &e);
    }
    match Organisation::parse(form.get("slug"), form.get("name")) {
        Ok(org) if problems.is_empty() => Ok(org),
        _ => Err(problems),
    }
}

/// The field a problem with the disclosure rules belongs to.
fn rule_field(e: &InputError) -> &'static str {
    match e {
        InputError::MinGroupInvalid | InputError::MinGroupLowered { .. } => "min_group",
        InputError::RulesInvalid(RulesError::Base) => "rounding_base",
        InputError::RulesInvalid(RulesError::MinGroup) => "min_group",
        _ => "min_period",
    }
}

/// Settings checked against `current` (see [`RoundUpdate::apply`]).
fn check(settings: RoundSettings, current: &Round) -> Result<RoundUpdate, InputError> {
    let update = RoundUpdate::parse(settings)?;
    update.apply(current)?;
    Ok(update)
}

/// The rules and words of a round form, as settings. The words and the
/// paper address are checked against `current` field by field; the three
/// disclosure rules are read field by field, then checked together (a
/// smaller k allows a smaller minimum period, so neither is judged alone).
fn settings(form: &Form, current: &Round) -> Result<RoundSettings, Problems> {
    let mut problems = Problems::new();
    let text = |name: &str| Some(form.get(name).to_owned());
    let words = [
        RoundSettings {
            title: text("title"),
            ..RoundSettings::default()
        },
        RoundSettings {
            description: text("description"),
            ..RoundSettings::default()
        },
        RoundSettings {
            postal_address: text("postal_address"),
            ..RoundSettings::default()
        },
        RoundSettings {
            freepost: text("freepost"),
            ..RoundSettings::default()
        },
    ];
    for (name, part) in ["title", "description", "postal_address", "freepost"]
        .into_iter()
        .zip(&words)
    {
        if let Err(e) = check(part.clone(), current) {
            problem(&mut problems, name, &e);
        }
    }
    let mut read = |name: &str, invalid: InputError| match number(form.get(name), invalid) {
        Ok(n) => n,
        Err(e) => {
            problem(&mut problems, name, &e);
            None
        }
    };
    let rules = RoundSettings {
        min_group: read("min_group", InputError::MinGroupInvalid),
        rounding_base: read("rounding_base", InputError::RulesInvalid(RulesError::Base)),
        min_period: read(
            "min_period",
            InputError::RulesInvalid(RulesError::MinPeriod),
        ),
        ..RoundSettings::default()
    };
    let days_to_answer = read("days_to_answer", InputError::DaysToAnswerInvalid);
    if problems.is_empty() {
        if let Err(e) = check(rules.clone(), current) {
            problem(&mut problems, rule_field(&e), &e);
        }
    }
    if let Err(e) = check(
        RoundSettings {
            days_to_answer,
            ..RoundSettings::default()
        },
        current,
    ) {
        problem(&mut problems, "days_to_answer", &e);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let [title, description, postal, freepost] = words;
    Ok(RoundSettings {
        title: title.title,
        description: description.description,
        postal_address: postal.postal_address,
        freepost: freepost.freepost,
        days_to_answer,
        ..rules
    })
}

/// A problem the whole form still has when each field is right alone,
/// at the field it names.
fn whole(e: &InputError) -> Problems {
    let (field, label) = match e {
        InputError::ThemesLocked | InputError::ThemeListInvalid => ("theme-0-slug", "Themes"),
        InputError::NameInvalid { .. } => ("title", label_of("title")),
        e => (rule_field(e), label_of(rule_field(e))),
    };
    vec![(field.to_owned(), worded(e, label))]
}

/// The "add a round" form of organisation `org`.
pub fn new_round(form: &Form, org: &Organisation) -> Result<NewRound, Problems> {
    let mut problems = Problems::new();
    if let Err(e) = Slug::parse(form.get("slug"), "slug") {
        problem(&mut problems, "slug", &e);
    }
    let weeks = number(form.get("period_weeks"), InputError::PeriodLengthInvalid)
        .and_then(|w| w.map(crate::domain::PeriodLength::parse).transpose());
    if let Err(e) = &weeks {
        problem(&mut problems, "period_weeks", e);
    }
    // The fields are judged against a round as it would be made.
    let blank = RoundSettings {
        title: Some("placeholder".into()),
        ..RoundSettings::default()
    };
    let blank = NewRound::parse("placeholder", org.slug.as_str(), None, blank)
        .map_err(|e| whole(&e))?
        .into_round();
    let settings = settings(form, &blank);
    if let Err(more) = &settings {
        problems.extend(more.iter().cloned());
    }
    let (Ok(mut settings), Ok(weeks), true) = (settings, weeks, problems.is_empty()) else {
        return Err(problems);
    };
    let description = settings.description.take().unwrap_or_default();
    settings.description = (!description.trim().is_empty()).then_some(description);
    let weeks = weeks.map(|w| u64::from(w.weeks()));
    NewRound::parse(form.get("slug"), org.slug.as_str(), weeks, settings).map_err(|e| whole(&e))
}

/// The "change the round" form: its words, rules, paper address and theme
/// rows. An open round's themes stay as they are; its rows only add.
pub fn round_change(form: &Form, round: &Round) -> Result<RoundUpdate, Problems> {
    let themes = theme_rows(form, round);
    let settings = settings(form, round);
    let (themes, settings) = match (themes, settings) {
        (Ok(themes), Ok(settings)) => (themes, settings),
        (themes, settings) => {
            let mut problems = themes.err().unwrap_or_default();
            problems.extend(settings.err().unwrap_or_default());
            return Err(problems);
        }
    };
    let settings = RoundSettings {
        themes: Some(themes),
        ..settings
    };
    check(settings, round).map_err(|e| whole(&e))
}

/// The theme rows of the form, in order; an empty row is skipped. Each
/// problem names its row ("Theme 3: …") and sits at its field.
fn theme_rows(form: &Form, round: &Round) -> Result<Vec<Theme>, Problems> {
    let rows: usize = form.get("theme-rows").trim().parse().unwrap_or(0).min(100);
    // An open round's themes are not in the form: they stay, first.
    let kept = if round.opened { round.themes.len() } else { 0 };
    let mut themes: Vec<Theme> = round.themes[..kept].to_vec();
    let mut problems = Problems::new();
    for i in kept..kept + rows {
        let get = |part: &str| form.get(&format!("theme-{i}-{part}")).trim().to_owned();
        let parts: Vec<String> = THEME_FIELDS.iter().map(|(part, _)| get(part)).collect();
        if parts.iter().all(String::is_empty) {
            continue;
        }
        let mut say = |part: &str, message: String| {
            problems.push((
                format!("theme-{i}-{part}"),
                format!("Theme {}: {message}", i + 1),
            ));
        };
        let slug = match Slug::parse(&parts[0], "theme") {
            Ok(slug) if themes.iter().any(|t| *t.slug() == slug) => {
                say(
                    "slug",
                    format!("another theme already has the short name “{slug}”."),
                );
                None
            }
            Ok(slug) => Some(slug),
            Err(e) => {
                say(
                    "slug",
                    worded(&e, "the short name").replacen("the short name", "The short name", 1),
                );
                None
            }
        };
        let fits = |text: &str, max: usize| {
            text.chars().count() <= max && !text.chars().any(char::is_control)
        };
        let mut fine = true;
        if parts[1].is_empty() || !fits(&parts[1], 200) {
            say("label", "enter a name of 1 to 200 characters.".into());
            fine = false;
        }
        for (n, part) in [(2, "description"), (3, "easy_read")] {
            if !fits(&parts[n], 300) {
                say(part, "this must be at most 300 characters.".into());
                fine = false;
            }
        }
        let Some(slug) = slug.filter(|_| fine) else {
            continue;
        };
        // The rows have no place for translations (the admin API sets
        // them): a theme keeps those it had, by short name.
        let translations = round
            .themes
            .iter()
            .find(|t| *t.slug() == slug)
            .map(|t| t.translations().clone())
            .unwrap_or_default();
        match Theme::parse(slug, &parts[1], &parts[2], &parts[3])
            .and_then(|t| t.translated(translations))
        {
            Ok(theme) => themes.push(theme),
            Err(e) => say("label", worded(&e, "the theme")),
        }
    }
    if themes.is_empty() && problems.is_empty() {
        problems.push((
            "theme-0-slug".into(),
            "A round needs at least one theme: fill in the first row.".into(),
        ));
    }
    if problems.is_empty() {
        Ok(themes)
    } else {
        Err(problems)
    }
}
