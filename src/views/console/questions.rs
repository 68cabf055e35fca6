//! A round's questions (issue 20) in the console: the list in the round's
//! order, each with a preview of how a participant sees it, buttons to
//! move it up or down, edit or remove it, and a form to add or edit one
//! question at a time. No script: every button is a form's submit button.
//! The handlers send the whole list through the same use case as the admin
//! API, so the questions freeze when the round opens.

use super::{csrf, notice, page, select, text_area, text_field, value, Errors, Frame, Values};
use crate::domain::{Organisation, Question, QuestionKind, Round, MAX_QUESTIONS};
use crate::messages::Messages;
use crate::views::answering::question_preview;
use maud::{html, Markup};

/// How many option rows the editor shows: the options a question has, and
/// this many empty rows to add more.
pub const SPARE_OPTION_ROWS: usize = 3;
/// The fewest option rows the editor shows.
const MIN_OPTION_ROWS: usize = 7;
/// The most option rows: a question's most options.
pub const MAX_OPTION_ROWS: usize = 12;

/// The id of an option's field in the editor: `option-{row}-{part}`.
pub fn option_field(row: usize, part: &str) -> String {
    format!("option-{row}-{part}")
}

/// What the editor shows: the typed values after a problem, else the
/// question being edited, else nothing.
fn editor_value(values: &Values, editing: Option<&Question>, name: &str) -> String {
    if !values.is_empty() {
        return value(values, name).to_owned();
    }
    let Some(q) = editing else {
        return String::new();
    };
    match name {
        "id" => q.id().to_string(),
        "kind" => q.kind().name().to_owned(),
        "prompt" => q.prompt().to_owned(),
        "hint" => q.hint().unwrap_or("").to_owned(),
        "required" => if q.required() { "yes" } else { "" }.to_owned(),
        "max" => match q.kind() {
            QuestionKind::Multi { max } => max.to_string(),
            _ => String::new(),
        },
        _ => {
            let part = |row: usize, part: &str| name == option_field(row, part);
            q.options()
                .iter()
                .enumerate()
                .find_map(|(row, o)| {
                    if part(row, "id") {
                        Some(o.id().to_string())
                    } else if part(row, "label") {
                        Some(o.label().to_owned())
                    } else if part(row, "easy_read") {
                        Some(o.easy_read().unwrap_or("").to_owned())
                    } else {
                        None
                    }
                })
                .unwrap_or_default()
        }
    }
}

/// The questions page of a round. `editing` is the question the editor
/// holds (`None` for a new one, or when the address names none).
pub fn questions(
    frame: &Frame,
    org: &Organisation,
    round: &Round,
    editing: Option<usize>,
    values: &Values,
    errors: &Errors,
    done: Option<&str>,
) -> Markup {
    let base = format!("/console/rounds/{}/questions", round.slug);
    let count = round.questions.len();
    let current = editing.and_then(|i| round.questions.iter().nth(i));
    let typed = |name: &str| editor_value(values, current, name);
    let typed_rows = (0..MAX_OPTION_ROWS)
        .rev()
        .find(|r| {
            ["label", "easy_read", "id"]
                .iter()
                .any(|p| !value(values, &option_field(*r, p)).is_empty())
        })
        .map_or(0, |r| r + 1);
    let rows = (current.map_or(0, |q| q.options().len()).max(typed_rows) + SPARE_OPTION_ROWS)
        .clamp(MIN_OPTION_ROWS, MAX_OPTION_ROWS);
    let participant = Messages::english();
    let kinds = [
        ("scale", "Rating scale (one answer, in order)"),
        ("choice", "Choice (one answer)"),
        ("multi", "Multiple choice (up to a number of answers)"),
    ]
    .map(|(k, l)| (k.to_owned(), l.to_owned()));
    let title = format!("Questions: {}", round.title);
    page(
        Some(frame),
        &title,
        errors,
        html! {
            p { a href=(format!("/console/rounds/{}", round.slug)) { "Back to the round" } }
            span.caption { (org.name) }
            h1 { "Questions beside the free text" }
            (notice(done))
            p { "A round can ask up to " (MAX_QUESTIONS) " questions before the free text: a rating scale, \
                a choice of one answer, or a multiple choice. Only counts per answer are published, with the \
                round's rules (fewer than k hidden, rounding, no figure that could single someone out)." }
            @if round.opened {
                div.inset {
                    p { strong { "This round is open, so its questions are fixed." }
                        " You can correct the wording (question, hint and answer labels), but not add, remove \
                        or reorder questions or answers, change their kind, or whether they need an answer: \
                        people have already answered them." }
                }
            }
            h2 #questions tabindex="-1" { "The round's questions" }
            @if round.questions.is_empty() {
                p { "This round asks no questions yet: people write and choose themes only." }
            } @else {
                ol.question-list {
                    @for (i, q) in round.questions.iter().enumerate() {
                        li {
                            div.inset {
                                p.caption { "Question " (i + 1) " (" (q.kind().name()) ", id " code { (q.id()) } ")"
                                    " — how participants see it:" }
                                (question_preview(&participant, q))
                            }
                            form.inline-form method="post" action=(base) {
                                (csrf(frame))
                                input type="hidden" name="index" value=(i);
                                a href=(format!("{base}?edit={i}#editor")) { "Edit" span.visually-hidden { " question " (i + 1) } }
                                " "
                                @if !round.opened {
                                    @if i > 0 {
                                        button.button.button-secondary type="submit" name="action" value="up" {
                                            "Move up" span.visually-hidden { " question " (i + 1) }
                                        }
                                        " "
                                    }
                                    @if i + 1 < count {
                                        button.button.button-secondary type="submit" name="action" value="down" {
                                            "Move down" span.visually-hidden { " question " (i + 1) }
                                        }
                                        " "
                                    }
                                    button.button.button-secondary type="submit" name="action" value="remove" {
                                        "Remove" span.visually-hidden { " question " (i + 1) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 #editor {
                @match editing {
                    Some(i) if current.is_some() => { "Edit question " (i + 1) }
                    _ => { "Add a question" }
                }
            }
            @if current.is_none() && count >= MAX_QUESTIONS {
                p { "This round asks the most questions a round can ask (" (MAX_QUESTIONS) ")." }
            } @else if current.is_none() && round.opened {
                p { "The round is open: no question can be added." }
            } @else {
                form method="post" action=(base) novalidate {
                    (csrf(frame))
                    input type="hidden" name="action" value="save";
                    @if let (Some(i), Some(_)) = (editing, current) {
                        input type="hidden" name="index" value=(i);
                    }
                    (text_field("id", "Short name (id)", Some("Lower-case letters a to z, digits and single hyphens, starting with a letter; for example listened. It names the question in the digest's data."), "text", &typed("id"), errors, "off"))
                    (select("kind", "Kind of question", &kinds, &typed("kind"), errors))
                    (text_field("prompt", "Question", Some("What participants are asked, for example: How well did staff listen to you?"), "text", &typed("prompt"), errors, "off"))
                    (text_area("hint", "Hint (optional)", Some("A line under the question."), &typed("hint"), errors))
                    div.form-group {
                        div.checkbox {
                            input #required type="checkbox" name="required" value="yes" checked[typed("required") == "yes"];
                            label for="required" { "People must answer this question" }
                        }
                    }
                    (text_field("max", "Most answers one person may choose (multiple choice only)", Some("Leave empty to allow every answer."), "text", &typed("max"), errors, "off"))
                    fieldset.fieldset #options {
                        legend.legend { "Answers" }
                        div.hint { "One answer a row, in order (for a rating scale, from the most negative to the most positive). \
                            Leave every row of a rating scale empty for the default five: Very badly, Badly, Neither well nor badly, \
                            Well, Very well. The short name may be left empty: it is made from the label. Empty rows are left out." }
                        @for row in 0..rows {
                            div.option-row {
                                (text_field(&option_field(row, "label"), &format!("Answer {} label", row + 1), None, "text", &typed(&option_field(row, "label")), errors, "off"))
                                (text_field(&option_field(row, "easy_read"), &format!("Answer {} in Easy Read (optional)", row + 1), None, "text", &typed(&option_field(row, "easy_read")), errors, "off"))
                                (text_field(&option_field(row, "id"), &format!("Answer {} short name (optional)", row + 1), None, "text", &typed(&option_field(row, "id")), errors, "off"))
                            }
                        }
                    }
                    button.button type="submit" { "Save question" }
                }
            }
            h2 { "Answers without writing" }
            form method="post" action=(base) {
                (csrf(frame))
                input type="hidden" name="action" value="setting";
                div.form-group {
                    div.checkbox {
                        input #answers_without_text type="checkbox" name="answers_without_text" value="yes"
                            checked[round.answers_without_text] disabled[round.opened]
                            aria-describedby="answers_without_text-hint";
                        label for="answers_without_text" { "People may send answers to the questions without writing anything" }
                        div.hint #answers_without_text-hint { "Then themes are optional too. This is fixed once the round opens." }
                    }
                }
                @if !round.opened {
                    button.button.button-secondary type="submit" { "Save this setting" }
                }
            }
        },
    )
}
