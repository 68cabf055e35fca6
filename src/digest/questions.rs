//! A round's questions in the digest (issue 20): counting answers,
//! freezing each question's releases, and what the digest shows of them.
//!
//! Pure, like the rest of [`crate::digest`]: answers and counts in,
//! published figures out. Disclosure control is
//! [`super::disclosure::questions`]; everything here after [`release`]
//! reads published figures only, so nothing it shows (trends, the
//! plain-language line) can say more than the release does.
//!
//! # For the branch that wires questions in
//!
//! - **Storing answers.** [`crate::domain::Answers`] (question id → option
//!   ids) goes inside the encrypted critique record, beside the text, and
//!   nowhere in plain: per record, answers identify like words do. Store
//!   no per-submission counter: issue 15 removes per-transaction running
//!   counters for history independence, and a counter bumped per answer
//!   would record arrival order. Count at sealing instead: the sealer holds
//!   the period's data key, decrypts the period's records, and calls
//!   [`tally`] with the period's number of submissions. (If counts are
//!   ever needed before sealing, they go through issue 15's epoch rewrite,
//!   never a per-submission write.)
//! - **Sealing.** Per question: merge the counts still waiting (rolled
//!   earlier) with the period's, [`super::disclosure::questions::publish_question`]
//!   with [`shape`] and the round's rules; on `Publish`, freeze a
//!   [`release`] in the sealed digest (add `questions: Vec<QuestionRelease>`
//!   with `#[serde(default)]`); on `Roll`, keep the exact counts waiting,
//!   secret like a rolled period's theme counts. Never log or publish exact
//!   per-option counts: the log's totals stay what auditors check. In a
//!   round with `answers_without_text`, seal themes with
//!   `disclosure::publish_with(…, Picks::THEMES_OR_NONE)`.
//! - **Digest.** [`view`] for each question of each round, from all its
//!   frozen releases; JSON: `rounds[].questions` ([`QuestionView`]); CSV:
//!   a separate file (say `digest-questions.csv`: organisation, round,
//!   question, release, periods, label, respondents, option, option_label,
//!   shown, value, trend) so the existing CSV's columns stay a contract;
//!   Atom: each release's entry adds the plain-language lines; the page:
//!   `views::question_section` after the themes. Describe all of it, and
//!   the new error codes, in the OpenAPI document.
//! - **Admin API and console.** `questions` (a list of
//!   [`crate::domain::QuestionSpec`]) and `answers_without_text` on
//!   `POST /api/v1/admin/rounds` and `PATCH /api/v1/admin/rounds/{round}`:
//!   [`crate::domain::Questions::parse`] reports every problem
//!   (`ApiError::Input` with one `InputError::Question` each; messages
//!   start with the JSON path), then `RoundUpdate { questions,
//!   answers_without_text, .. }.apply` enforces the freeze. The console
//!   edits one question at a time and sends the whole list.
//! - **Form, check step, paper form, JSON.** Radios (`scale`, `choice`) or
//!   checkboxes (`multi`) named `q-{id}` in a `fieldset` whose `legend` is
//!   the prompt, the hint tied by `aria-describedby`, input ids from
//!   [`crate::domain::input_id`] (the first is `q-{id}`, which the error
//!   summary links to: `AnswerError::field`). Put them after the code and
//!   before the themes. Read them with
//!   [`crate::domain::RawAnswers::from_form`] and check everything with
//!   [`crate::domain::AnsweredSubmission::parse`]; keep the
//!   `RawAnswers` in `FormValues` to tick them again, and carry them
//!   through the check step with `RawAnswers::form_fields`. Easy Read uses
//!   each option's `easy_read` label (a picture scale for the default
//!   five-point scale). The paper form prints each question with a tick
//!   box per option ("tick one", "tick up to N"). The JSON body gains
//!   `"answers"` (deserialise [`crate::domain::RawAnswers`]). Participant
//!   error messages need `error-answer_…` keys in every locale.

use super::disclosure::questions::{
    publish_question, PublishedQuestion, QuestionCounts, QuestionOutcome, Shape, Shown,
};
use super::disclosure::{trend, Figure};
use crate::domain::{Answers, Period, Question, QuestionKind, Questions, Round};
use serde::{Deserialize, Serialize};

/// What the disclosure check needs to know of a question.
pub fn shape(q: &Question) -> Shape {
    Shape {
        max_choices: q.kind().max_choices() as u64,
        required: q.required(),
    }
}

/// Count one period's answers: one [`QuestionCounts`] per question of the
/// round, in its order, every option present. `total` is the period's
/// number of submissions (answering or not).
///
/// For the branch that stores answers: call it at sealing, over the
/// period's decrypted records, so that no per-submission counter is ever
/// written (see the design note in docs/disclosure.md).
pub fn tally<'a>(
    questions: &Questions,
    total: u64,
    answers: impl IntoIterator<Item = &'a Answers>,
) -> Vec<QuestionCounts> {
    let mut out: Vec<QuestionCounts> = questions
        .iter()
        .map(|q| QuestionCounts {
            total,
            respondents: 0,
            options: q
                .options()
                .iter()
                .map(|o| (o.id().to_string(), 0))
                .collect(),
        })
        .collect();
    for a in answers {
        for (q, c) in questions.iter().zip(out.iter_mut()) {
            let Some(chosen) = a.get(q.id().as_str()) else {
                continue;
            };
            c.respondents += 1;
            for o in chosen {
                if let Some((_, n)) = c.options.iter_mut().find(|(id, _)| id == o.as_str()) {
                    *n += 1;
                }
            }
        }
    }
    out
}

/// One question's counts still waiting: the rolled periods since its last
/// release, oldest first, each with its id. Secret, like a rolled period's
/// theme counts: made at sealing from the periods' sealed records, never
/// stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Waiting(pub Vec<(String, QuestionCounts)>);

/// Seal each question of `round` for `period` (ended on `last`): its
/// counts there (`counts`, in the round's order, from [`tally`]) merged
/// with its own waiting ones (`waiting`, the same order), released if
/// [`publish_question`] allows, under the round's rules. The releases
/// made; a question not among them rolled.
pub fn seal(
    round: &Round,
    (period, last): (Period, time::Date),
    waiting: &[Waiting],
    counts: &[QuestionCounts],
) -> Vec<QuestionRelease> {
    let mut out = Vec::new();
    for (i, (q, now)) in round.questions.iter().zip(counts).enumerate() {
        let before = waiting.get(i).map_or(&[][..], |w| w.0.as_slice());
        let mut all: Vec<QuestionCounts> = before.iter().map(|(_, c)| c.clone()).collect();
        all.push(now.clone());
        let merged = QuestionCounts::merge(&all);
        if let QuestionOutcome::Publish(p) = publish_question(&merged, &round.rules, shape(q)) {
            let mut periods: Vec<String> = before.iter().map(|(id, _)| id.clone()).collect();
            periods.push(period.id());
            let label = super::release_label(
                round,
                before.first().map(|(id, _)| id.as_str()),
                (period, last),
            );
            out.push(release(q, periods, label, p));
        }
    }
    out
}

/// One option of a released question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionFigure {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub shown: Shown,
}

/// One release of one question, as frozen at sealing: the periods it
/// covers, the question's words at the time, and what is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRelease {
    pub question: String,
    /// Ids of the periods covered, oldest first.
    pub periods: Vec<String>,
    pub label: String,
    /// How many answered, rounded; `None` when not stated (see
    /// [`PublishedQuestion::respondents`]).
    pub respondents: Option<u64>,
    pub options: Vec<OptionFigure>,
    /// `None` when the question is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_answer: Option<Shown>,
}

/// Freeze a release of `q` covering `periods` (labelled `label`).
pub fn release(
    q: &Question,
    periods: Vec<String>,
    label: String,
    p: PublishedQuestion,
) -> QuestionRelease {
    QuestionRelease {
        question: q.id().to_string(),
        periods,
        label,
        respondents: p.respondents,
        options: p
            .options
            .into_iter()
            .map(|(id, shown)| OptionFigure {
                label: q
                    .option(&id)
                    .map_or_else(|| id.clone(), |o| o.label().to_owned()),
                id,
                shown,
            })
            .collect(),
        no_answer: p.no_answer,
    }
}

/// One option as the digest shows it, with its change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionView {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub shown: Shown,
    /// Change against the question's previous release, only when both are
    /// shown as numbers.
    pub trend: Option<i64>,
}

/// The plain-language line of a release, from published figures only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "says", rename_all = "snake_case")]
pub enum Summary {
    /// "About `n` of `of` people said 'a' or 'b'": `n` is the sum of the
    /// options' shown (rounded) numbers; `of` the respondents as stated.
    About {
        n: u64,
        of: Option<u64>,
        labels: Vec<String>,
    },
    /// "Almost everyone said 'a'".
    AlmostEveryone { label: String },
}

/// One release of a question as the digest shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionReleaseView {
    /// The release's id: its last period's id.
    pub id: String,
    pub periods: Vec<String>,
    pub label: String,
    pub respondents: Option<u64>,
    /// In the question's order (a scale's order matters).
    pub options: Vec<OptionView>,
    pub no_answer: Option<Shown>,
    pub summary: Option<Summary>,
}

/// A question with its releases, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub prompt: String,
    /// `scale`, `choice` or `multi`.
    pub kind: &'static str,
    pub max_choices: usize,
    pub releases: Vec<QuestionReleaseView>,
}

/// The digest's view of `q` from its frozen releases (any order).
pub fn view(q: &Question, released: &[QuestionRelease]) -> QuestionView {
    let mut ordered: Vec<&QuestionRelease> = released
        .iter()
        .filter(|r| r.question == q.id().as_str())
        .collect();
    ordered.sort_by(|a, b| a.periods.last().cmp(&b.periods.last()));
    let mut releases = Vec::new();
    let mut previous: Option<&QuestionRelease> = None;
    for r in ordered {
        let options = r
            .options
            .iter()
            .map(|o| {
                let before = previous
                    .and_then(|p| p.options.iter().find(|x| x.id == o.id))
                    .and_then(|x| x.shown.figure());
                OptionView {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    shown: o.shown,
                    trend: o
                        .shown
                        .figure()
                        .and_then(|now| trend(before.as_ref(), &now)),
                }
            })
            .collect();
        releases.push(QuestionReleaseView {
            id: r.periods.last().cloned().unwrap_or_default(),
            periods: r.periods.clone(),
            label: r.label.clone(),
            respondents: r.respondents,
            options,
            no_answer: r.no_answer,
            summary: summary(q.kind(), r),
        });
        previous = Some(r);
    }
    releases.reverse();
    QuestionView {
        id: q.id().to_string(),
        prompt: q.prompt().to_owned(),
        kind: q.kind().name(),
        max_choices: q.kind().max_choices(),
        releases,
    }
}

/// The options above a scale's middle: its positive side.
pub fn positive_side(options: usize) -> std::ops::Range<usize> {
    options / 2 + options % 2..options
}

/// The plain-language line: for a scale, its positive side together when
/// every one of them is shown as a number; otherwise, and for choices, the
/// option shown with the largest number.
fn summary(kind: QuestionKind, r: &QuestionRelease) -> Option<Summary> {
    if let Some(o) = r.options.iter().find(|o| o.shown == Shown::AlmostEveryone) {
        return Some(Summary::AlmostEveryone {
            label: o.label.clone(),
        });
    }
    let about = |o: &OptionFigure| match o.shown.figure() {
        Some(Figure::About(n)) => Some(n),
        _ => None,
    };
    if kind == QuestionKind::Scale {
        let side = &r.options[positive_side(r.options.len())];
        let shown: Option<Vec<u64>> = side.iter().map(about).collect();
        if let Some(values) = shown {
            return Some(Summary::About {
                n: values.iter().sum(),
                of: r.respondents,
                labels: side.iter().map(|o| o.label.clone()).collect(),
            });
        }
    }
    let (n, o) = r
        .options
        .iter()
        .filter_map(|o| Some((about(o)?, o)))
        .rev()
        .max_by_key(|(n, _)| *n)?;
    Some(Summary::About {
        n,
        of: r.respondents,
        labels: vec![o.label.clone()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::disclosure::Rules;
    use crate::domain::{QuestionSpec, RawAnswers};
    use serde_json::json;

    fn questions() -> Questions {
        let specs: Vec<QuestionSpec> = serde_json::from_value(json!([
            {"id": "listened", "kind": "scale", "prompt": "How well did staff listen?", "required": true},
            {"id": "help", "kind": "multi", "prompt": "What helped?",
             "options": [{"id": "time", "label": "Time"}, {"id": "kind", "label": "Kindness"}, {"id": "info", "label": "Information"}]}
        ]))
        .unwrap();
        Questions::parse(specs).unwrap()
    }

    fn answers(qs: &Questions, v: serde_json::Value) -> Answers {
        Answers::parse(qs, &serde_json::from_value::<RawAnswers>(v).unwrap()).unwrap()
    }

    fn released(q: &Question, period: &str, c: &QuestionCounts) -> QuestionRelease {
        let QuestionOutcome::Publish(p) = publish_question(c, &Rules::default(), shape(q)) else {
            panic!("rolled")
        };
        release(q, vec![period.into()], format!("Week {period}"), p)
    }

    #[test]
    fn tally_counts_respondents_and_options_in_the_questions_order() {
        let qs = questions();
        let given = [
            answers(&qs, json!({"listened": "well", "help": ["time", "info"]})),
            answers(&qs, json!({"listened": "well"})),
            answers(&qs, json!({"listened": "badly", "help": "info"})),
        ];
        let c = tally(&qs, 4, &given);
        assert_eq!(c[0].total, 4);
        assert_eq!(c[0].respondents, 3);
        assert_eq!(
            c[0].options,
            [
                ("very-badly", 0),
                ("badly", 1),
                ("neither", 0),
                ("well", 2),
                ("very-well", 0)
            ]
            .map(|(o, n)| (o.to_owned(), n))
        );
        assert_eq!(c[1].respondents, 2);
        assert_eq!(
            c[1].options,
            [("time", 1), ("kind", 0), ("info", 2)].map(|(o, n)| (o.to_owned(), n))
        );
    }

    /// A required question's counts: everyone answered.
    fn every_one_answered(q: &Question, counts: [u64; 5]) -> QuestionCounts {
        QuestionCounts {
            total: counts.iter().sum(),
            respondents: counts.iter().sum(),
            options: q
                .options()
                .iter()
                .zip(counts)
                .map(|(x, n)| (x.id().to_string(), n))
                .collect(),
        }
    }

    #[test]
    fn the_plain_line_adds_the_positive_side_only_when_all_of_it_is_shown() {
        let qs = questions();
        let q = qs.get("listened").unwrap();
        let c = |o: [u64; 5]| every_one_answered(q, o);
        let r = released(q, "2026-11-09", &c([10, 12, 18, 32, 28]));
        assert_eq!(
            summary(q.kind(), &r),
            Some(Summary::About {
                n: 60,
                of: Some(100),
                labels: vec!["Well".into(), "Very well".into()]
            })
        );
        // "Very well" hidden: the line names the option shown with the
        // largest number.
        let r = released(q, "2026-11-16", &c([20, 30, 12, 36, 2]));
        assert!(matches!(r.options[4].shown, Shown::FewerThan(5)));
        let Some(Summary::About { labels, n, .. }) = summary(q.kind(), &r) else {
            panic!("no summary")
        };
        assert_eq!((labels, n), (vec!["Well".to_owned()], 35));
        assert_eq!(positive_side(3), 2..3);
        assert_eq!(positive_side(4), 2..4);
        assert_eq!(positive_side(7), 4..7);
    }

    #[test]
    fn views_are_newest_first_with_trends_only_between_numbers() {
        let qs = questions();
        let q = qs.get("listened").unwrap();
        let c = |o: [u64; 5]| every_one_answered(q, o);
        let old = released(q, "2026-11-09", &c([10, 12, 18, 32, 28]));
        let new = released(q, "2026-11-16", &c([20, 30, 12, 36, 2]));
        let v = view(q, &[new, old]);
        assert_eq!(v.releases.len(), 2);
        assert_eq!(v.releases[0].id, "2026-11-16");
        assert_eq!(
            v.releases[0].options[1].trend,
            Some(20),
            "about 10 to about 30"
        );
        assert_eq!(
            v.releases[0].options[3].trend,
            Some(5),
            "about 30 to about 35"
        );
        assert_eq!(v.releases[0].options[4].trend, None, "now hidden");
        assert!(v.releases[1].options.iter().all(|o| o.trend.is_none()));
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["releases"][0]["options"][4]["shown"], "fewer_than");
        assert_eq!(json["releases"][0]["summary"]["says"], "about");
    }

    proptest::proptest! {
        /// Whatever the counts, the plain line only adds numbers that are
        /// shown, and names only options shown as numbers (or "almost
        /// everyone").
        #[test]
        fn the_plain_line_is_made_of_shown_numbers_only(
            counts in proptest::collection::vec(0u64..40, 5),
            base in proptest::sample::select(vec![1u32, 2, 5, 10]),
        ) {
            let qs = questions();
            let q = qs.get("listened").unwrap();
            let c = every_one_answered(q, [counts[0], counts[1], counts[2], counts[3], counts[4]]);
            let rules = Rules::new(5, base, 10).unwrap();
            let out = publish_question(&c, &rules, shape(q));
            // Rolled counts show nothing; proptest fails if most roll.
            proptest::prop_assume!(matches!(out, QuestionOutcome::Publish(_)));
            let QuestionOutcome::Publish(p) = out else {
                unreachable!()
            };
            let r = release(q, vec!["p".into()], "P".into(), p);
            let by_label = |l: &str| r.options.iter().find(|o| o.label == l).unwrap().shown;
            match summary(q.kind(), &r) {
                Some(Summary::About { n, of, labels }) => {
                    let shown: Vec<u64> = labels
                        .iter()
                        .map(|l| match by_label(l) {
                            Shown::About(n) => Ok(n),
                            other => Err(other),
                        })
                        .collect::<Result<_, _>>()
                        .map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e:?}")))?;
                    proptest::prop_assert_eq!(n, shown.iter().sum::<u64>());
                    proptest::prop_assert_eq!(of, r.respondents);
                }
                Some(Summary::AlmostEveryone { label }) => {
                    proptest::prop_assert_eq!(by_label(&label), Shown::AlmostEveryone);
                }
                None => proptest::prop_assert!(r
                    .options
                    .iter()
                    .all(|o| !matches!(o.shown, Shown::About(_) | Shown::AlmostEveryone))),
            }
        }
    }
}
