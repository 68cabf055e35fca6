//! Reading the console's organisation and round forms (issue 18): every
//! field is checked on its own, so a form with two wrong fields shows two
//! problems, and each problem is worded with the label the form shows
//! ("Short name for the address", never `slug`). Themes come one row per
//! theme (see `views::console::theme_rows`), each problem naming its row.

use super::Form;
use crate::digest::disclosure::RulesError;
use crate::domain::{InputError, Organisation, Round, RoundUpdate, Slug, Theme};
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

/// The rules and words of a round form. The words and the paper address
/// are checked against `current` field by field; the three disclosure
/// rules are read field by field, then checked together (a smaller k
/// allows a smaller minimum period, so neither is judged alone).
fn update(
    form: &Form,
    current: &Round,
    themes: Option<Vec<Theme>>,
) -> Result<RoundUpdate, Problems> {
    let mut problems = Problems::new();
    let text = |name: &str| Some(form.get(name).to_owned());
    let words = [
        RoundUpdate {
            title: text("title"),
            ..RoundUpdate::default()
        },
        RoundUpdate {
            description: text("description"),
            ..RoundUpdate::default()
        },
        RoundUpdate {
            postal_address: text("postal_address"),
            ..RoundUpdate::default()
        },
        RoundUpdate {
            freepost: text("freepost"),
            ..RoundUpdate::default()
        },
    ];
    for (name, part) in ["title", "description", "postal_address", "freepost"]
        .into_iter()
        .zip(&words)
    {
        if let Err(e) = part.apply(current) {
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
    let rules = RoundUpdate {
        min_group: read("min_group", InputError::MinGroupInvalid),
        rounding_base: read("rounding_base", InputError::RulesInvalid(RulesError::Base)),
        min_period: read(
            "min_period",
            InputError::RulesInvalid(RulesError::MinPeriod),
        ),
        ..RoundUpdate::default()
    };
    if problems.is_empty() {
        if let Err(e) = rules.apply(current) {
            problem(&mut problems, rule_field(&e), &e);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let [title, description, postal, freepost] = words;
    let whole = RoundUpdate {
        title: title.title,
        description: description.description,
        postal_address: postal.postal_address,
        freepost: freepost.freepost,
        themes,
        ..rules
    };
    // Right field by field, the whole may still be refused: say so at the
    // field the problem names.
    match whole.apply(current) {
        Ok(_) => Ok(whole),
        Err(e) => {
            let (field, label) = match &e {
                InputError::ThemesLocked | InputError::ThemeListInvalid => {
                    ("theme-0-slug", "Themes")
                }
                InputError::NameInvalid { .. } => ("title", label_of("title")),
                e => (rule_field(e), label_of(rule_field(e))),
            };
            Err(vec![(field.to_owned(), worded(&e, label))])
        }
    }
}

/// The "add a round" form of organisation `org`.
pub fn new_round(form: &Form, org: &Organisation) -> Result<Round, Problems> {
    let mut problems = Problems::new();
    if let Err(e) = Slug::parse(form.get("slug"), "slug") {
        problem(&mut problems, "slug", &e);
    }
    let weeks = number(form.get("period_weeks"), InputError::PeriodLengthInvalid)
        .and_then(|w| w.map(crate::domain::PeriodLength::parse).transpose());
    if let Err(e) = &weeks {
        problem(&mut problems, "period_weeks", e);
    }
    let blank = Round::parse(
        "placeholder",
        org.slug.as_str(),
        "placeholder",
        None,
        None,
        None,
        None,
    )
    .map_err(|e| vec![("title".to_owned(), e.to_string())])?;
    let update = update(form, &blank, None);
    if let Err(more) = &update {
        problems.extend(more.iter().cloned());
    }
    let (Ok(update), Ok(weeks), true) = (update, weeks, problems.is_empty()) else {
        return Err(problems);
    };
    Round::parse(
        form.get("slug"),
        org.slug.as_str(),
        form.get("title"),
        None,
        None,
        None,
        weeks.map(|w| u64::from(w.weeks())),
    )
    .and_then(|round| update.apply(&round))
    .map_err(|e| vec![("title".to_owned(), e.to_string())])
}

/// The "change the round" form: its words, rules, paper address and theme
/// rows. An open round's themes stay as they are; its rows only add.
pub fn round_change(form: &Form, round: &Round) -> Result<RoundUpdate, Problems> {
    let themes = theme_rows(form, round);
    let mut problems = Problems::new();
    let themes = match themes {
        Ok(t) => Some(t),
        Err(p) => {
            problems = p;
            None
        }
    };
    match update(form, round, themes) {
        Ok(u) if problems.is_empty() => Ok(u),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
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
            Ok(slug) if themes.iter().any(|t| t.slug == slug) => {
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
        if parts[1].is_empty() || !fits(&parts[1], 200) {
            say("label", "enter a name of 1 to 200 characters.".into());
        }
        for (n, part) in [(2, "description"), (3, "easy_read")] {
            if !fits(&parts[n], 300) {
                say(part, "this must be at most 300 characters.".into());
            }
        }
        if let Some(slug) = slug {
            let translations = round
                .themes
                .iter()
                .find(|t| t.slug == slug)
                .map(|t| t.translations.clone())
                .unwrap_or_default();
            themes.push(Theme {
                slug,
                label: parts[1].clone(),
                description: parts[2].clone(),
                easy_read: parts[3].clone(),
                translations,
            });
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
