//! A round's questions (issue 20) on the participant's pages: the
//! fieldsets of the form, the rows of "check your answers" and the tick
//! boxes of the paper form.
//!
//! Each question is a `fieldset` whose `legend` is its prompt, its hint
//! tied by `aria-describedby`; radios for a scale or a choice, check boxes
//! for a multiple choice, all named `q-{id}` ([`field_name`]) with ids from
//! [`input_id`], so the error summary's link (`AnswerError::field`) lands
//! on the first option. No script: the browser's own radios and boxes.
//!
//! In Easy Read each option shows its Easy Read label when the host wrote
//! one, and the default five-point scale has a face beside each option
//! (the words say everything the face shows, so its `alt` is empty).

use super::easy::picture;
use super::round::error_message;
use super::words::{self, Words};
use crate::domain::{
    default_scale, field_name, input_id, AnswerError, AnswerOption, Answers, Question,
    QuestionKind, RawAnswers, Round,
};
use crate::messages::Messages;
use maud::{html, Markup};

/// The faces beside the default five-point scale in Easy Read, by option.
const FACES: &[(&str, &str)] = &[
    ("very-badly", "face-1"),
    ("badly", "face-2"),
    ("neither", "face-3"),
    ("well", "face-4"),
    ("very-well", "face-5"),
];

/// Whether `q` is a scale with exactly the default five options (in their
/// order), so that the faces fit it.
fn default_five(q: &Question) -> bool {
    let scale = default_scale();
    q.kind() == QuestionKind::Scale
        && q.options().len() == scale.len()
        && q.options()
            .iter()
            .zip(&scale)
            .all(|(o, s)| o.id().as_str() == s.id)
}

/// An option's words: its Easy Read label in Easy Read, when there is one;
/// the default scale's in the page's language (see [`words::option`]).
pub(super) fn option_words(m: &Messages, q: &Question, o: &AnswerOption) -> Words {
    words::option_of(m, q, o)
}

/// What a question asks for: "Choose one", or "Choose up to N", and
/// "(optional)" when it need not be answered.
fn how_to_answer(m: &Messages, q: &Question) -> String {
    match q.kind() {
        QuestionKind::Multi { max } => m.f("question-choose-up-to", &[("max", max.into())]),
        _ => m.t("question-choose-one"),
    }
}

/// The per-question problems of `answers`, as (field id, message), in the
/// round's order: worded with each question's prompt.
pub fn answer_problems(m: &Messages, round: &Round, answers: &RawAnswers) -> Vec<(String, String)> {
    let Err(errors) = Answers::parse(&round.questions, answers) else {
        return Vec::new();
    };
    errors
        .iter()
        .map(|e| {
            let prompt = round
                .questions
                .get(e.question())
                .map_or(e.question(), Question::prompt);
            // Marked as English where the page is not (see `words::marked`).
            let mut args = vec![("prompt", words::inline(&words::host(m, prompt)).into())];
            if let AnswerError::TooMany { max, .. } = e {
                args.push(("max", (*max).into()));
            }
            (e.field(), m.f(&format!("error-{}", e.code()), &args))
        })
        .collect()
}

/// One question as a fieldset, with the options `answers` chose ticked.
fn fieldset(m: &Messages, q: &Question, answers: &RawAnswers, error: Option<&str>) -> Markup {
    let name = field_name(q.id());
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let mut described = vec![hint_id.clone()];
    if error.is_some() {
        described.push(error_id.clone());
    }
    let faces = m.easy && default_five(q);
    let (kind, class) = match q.kind() {
        QuestionKind::Multi { .. } => ("checkbox", "checkboxes"),
        _ => ("radio", "radios"),
    };
    html! {
        div.form-group.form-group-error[error.is_some()] {
            // `data-max`: for the invitation page's script, which checks
            // and words the answers there.
            fieldset.fieldset aria-describedby=(described.join(" ")) data-max=(q.kind().max_choices()) {
                legend.legend dir="auto" {
                    (words::host(m, q.prompt()))
                    @if !q.required() { " " span.optional { (m.t("question-optional")) } }
                }
                div.hint id=(hint_id) {
                    @if let Some(hint) = q.hint() { span dir="auto" { (words::host(m, hint)) } " " }
                    (how_to_answer(m, q))
                }
                @if let Some(e) = error {
                    p.error-message id=(error_id) { (error_message(m, e)) }
                }
                div class=(class) {
                    @for (i, o) in q.options().iter().enumerate() {
                        @let id = input_id(q, i);
                        div.checkbox.face[faces] {
                            input id=(id) type=(kind) name=(name) value=(o.id())
                                checked[answers.chose(q.id().as_str(), o.id().as_str())];
                            label for=(id) dir="auto" {
                                @if faces {
                                    @if let Some((_, face)) = FACES.iter().find(|(id, _)| *id == o.id().as_str()) {
                                        (picture(face))
                                    }
                                }
                                (option_words(m, q, o))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// How a participant sees `q` (for the console's preview): nothing
/// ticked, no problem.
pub fn question_preview(m: &Messages, q: &Question) -> Markup {
    fieldset(m, q, &RawAnswers::default(), None)
}

/// Every question of `round`, in its order, with `problems` (from
/// [`answer_problems`]) at the fieldsets they belong to. Nothing when the
/// round asks none.
pub fn question_fieldsets(
    m: &Messages,
    round: &Round,
    answers: &RawAnswers,
    problems: &[(String, String)],
) -> Markup {
    html! {
        @if !round.questions.is_empty() {
            div #answers .questions {
                @for q in &round.questions {
                    @let field = field_name(q.id());
                    @let error = problems.iter().find(|(f, _)| *f == field).map(|(_, e)| e.as_str());
                    (fieldset(m, q, answers, error))
                }
            }
        }
    }
}

/// The chosen options' words of each question, in the round's order: for
/// the "check your answers" rows (an empty list for a question left out).
pub fn chosen_words<'a>(
    m: &Messages,
    round: &'a Round,
    answers: &RawAnswers,
) -> Vec<(&'a Question, Vec<Words>)> {
    round
        .questions
        .iter()
        .map(|q| {
            let chosen = q
                .options()
                .iter()
                .filter(|o| answers.chose(q.id().as_str(), o.id().as_str()))
                .map(|o| option_words(m, q, o))
                .collect();
            (q, chosen)
        })
        .collect()
}

/// The questions on the paper form: each prompt with a tick box per
/// option, and "tick one" or "tick up to N".
pub fn paper_questions(m: &Messages, round: &Round) -> Markup {
    html! {
        @for q in &round.questions {
            @let id = format!("paper-{}", field_name(q.id()));
            section.paper-part aria-labelledby=(id) {
                h2 id=(id) dir="auto" {
                    (words::host(m, q.prompt()))
                    @if !q.required() { " " span.optional { (m.t("question-optional")) } }
                }
                p.hint {
                    @if let Some(hint) = q.hint() { span dir="auto" { (words::host(m, hint)) } " " }
                    @match q.kind() {
                        QuestionKind::Multi { max } => (m.f("paper-tick-up-to", &[("max", max.into())])),
                        _ => (m.t("paper-tick-one")),
                    }
                }
                ul.tick-list {
                    @for o in q.options() {
                        li dir="auto" { span.tick-box aria-hidden="true" {} (option_words(m, q, o)) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_faces_fit_only_the_default_scale() {
        use crate::domain::{OptionSpec, QuestionSpec};
        let spec = |options: Option<Vec<OptionSpec>>| QuestionSpec {
            id: "q".into(),
            kind: "scale".into(),
            prompt: "How?".into(),
            hint: None,
            options,
            required: None,
            max: None,
        };
        assert!(default_five(&Question::parse(0, spec(None)).unwrap()));
        let mut three = default_scale();
        three.truncate(3);
        assert!(!default_five(
            &Question::parse(0, spec(Some(three))).unwrap()
        ));
        for (id, _) in FACES {
            assert!(default_scale().iter().any(|o| o.id == *id));
        }
    }
}
