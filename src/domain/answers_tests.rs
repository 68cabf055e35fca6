//! Tests of answer parsing: both ways in, one error per question, and
//! property tests against an independent statement of the rules.

use super::*;
use crate::domain::{AnsweredSubmission, InputError, QuestionSpec, Round};
use proptest::prelude::*;
use serde_json::json;

fn questions() -> Questions {
    let specs: Vec<QuestionSpec> = serde_json::from_value(json!([
        {"id": "listened", "kind": "scale", "prompt": "How well did staff listen?", "required": true},
        {"id": "heard", "kind": "choice", "prompt": "How did you hear of us?",
         "options": [{"id": "poster", "label": "A poster"}, {"id": "friend", "label": "A friend"}, {"id": "staff", "label": "Staff"}]},
        {"id": "help", "kind": "multi", "prompt": "What helped?", "max": 2,
         "options": [{"id": "time", "label": "Time"}, {"id": "kind", "label": "Kindness"}, {"id": "info", "label": "Information"}]}
    ]))
    .unwrap();
    Questions::parse(specs).unwrap()
}

fn raw(v: serde_json::Value) -> RawAnswers {
    serde_json::from_value(v).unwrap()
}

fn ids(a: &Answers, q: &str) -> Vec<String> {
    a.get(q)
        .unwrap_or_default()
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn json_takes_one_id_or_a_list_and_keeps_the_question_order() {
    let a = Answers::parse(
        &questions(),
        &raw(json!({"listened": "well", "help": ["info", "time", "info"], "heard": []})),
    )
    .unwrap();
    assert_eq!(ids(&a, "listened"), ["well"]);
    assert_eq!(
        ids(&a, "help"),
        ["time", "info"],
        "in the question's order, once each"
    );
    assert_eq!(a.get("heard"), None, "an empty list is no answer");
    assert_eq!(a.iter().count(), 2);
    // A single-answer question may also be sent as a list of one.
    let a = Answers::parse(&questions(), &raw(json!({"listened": ["badly"]}))).unwrap();
    assert_eq!(ids(&a, "listened"), ["badly"]);
    // Anything but strings is not the expected shape.
    assert!(serde_json::from_value::<RawAnswers>(json!({"listened": 3})).is_err());
}

#[test]
fn each_question_at_fault_gets_one_error_in_the_round_order() {
    let e = Answers::parse(
        &questions(),
        &raw(json!({"help": ["time", "kind", "info"], "heard": ["poster", "nope"], "zzz": "x", "aaa": "y"})),
    )
    .unwrap_err();
    let got: Vec<(&str, &str)> = e.iter().map(|e| (e.code(), e.question())).collect();
    assert_eq!(
        got,
        [
            ("answer_missing", "listened"),
            ("answer_option_unknown", "heard"),
            ("answer_too_many", "help"),
            ("answer_question_unknown", "aaa"),
            ("answer_question_unknown", "zzz"),
        ]
    );
    assert_eq!(e[0].field(), "q-listened");
    assert_eq!(e[3].field(), "answers");
    assert_eq!(
        e[2].message(),
        "answers.help: choose no more than 2 options."
    );
    let two = Answers::parse(&questions(), &raw(json!({"listened": ["well", "badly"]})));
    assert_eq!(
        two.unwrap_err()[0].message(),
        "answers.listened: choose one option only."
    );
    let e: InputError = e[1].clone().into();
    assert_eq!(e.code(), "answer_option_unknown");
}

#[test]
fn answers_are_not_printed_by_debug() {
    let r = raw(json!({"listened": "very-badly", "heard": "friend"}));
    let a = Answers::parse(&questions(), &r).unwrap();
    assert_eq!(format!("{r:?}"), "RawAnswers(2 questions)");
    assert_eq!(format!("{a:?}"), "Answers(2 questions answered)");
}

#[test]
fn unknown_question_ids_are_cut_short_and_their_number_bounded() {
    let mut many = serde_json::Map::new();
    for i in 0..50 {
        many.insert(format!("{}{i}", "x".repeat(100)), json!("a"));
    }
    many.insert("listened".into(), json!("well"));
    let e = Answers::parse(&questions(), &raw(serde_json::Value::Object(many))).unwrap_err();
    assert_eq!(e.len(), crate::domain::MAX_QUESTIONS);
    assert!(e.iter().all(|e| e.question().chars().count() == 40));
}

#[test]
fn form_fields_are_q_dash_id_radios_and_repeated_checkboxes() {
    let pairs: Vec<(String, String)> = [
        ("code", "ABCD"),
        ("q-listened", "very-well"),
        ("themes", "leadership"),
        ("q-help", "time"),
        ("q-help", "kind"),
        ("q-heard", ""),
        ("quote_ok", "yes"),
    ]
    .iter()
    .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
    .collect();
    let r = RawAnswers::from_form(&pairs);
    assert!(r.chose("help", "kind") && !r.chose("help", "info"));
    let a = Answers::parse(&questions(), &r).unwrap();
    assert_eq!(ids(&a, "listened"), ["very-well"]);
    assert_eq!(ids(&a, "help"), ["time", "kind"]);
    assert_eq!(a.get("heard"), None);
    // Carried to the next step as the same fields.
    let fields = r.form_fields();
    assert_eq!(
        fields,
        [
            ("q-help".to_owned(), "time"),
            ("q-help".to_owned(), "kind"),
            ("q-listened".to_owned(), "very-well"),
        ]
    );
    let q = questions();
    let scale = q.get("listened").unwrap();
    assert_eq!(input_id(scale, 0), "q-listened");
    assert_eq!(input_id(scale, 4), "q-listened-very-well");
}

fn round(alone: bool) -> Round {
    let mut r = Round::parse("r", "o", "T", None, None, None, None).unwrap();
    r.questions = questions();
    r.answers_without_text = alone;
    r
}

fn themes(t: &[&str]) -> Vec<String> {
    t.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn answers_without_text_only_where_the_round_allows_it() {
    let answered = raw(json!({"listened": "well"}));
    // Allowed: no text, no theme needed, nothing to quote.
    let s = AnsweredSubmission::parse(&round(true), &[], "  ", true, &answered).unwrap();
    assert_eq!(s.text, None);
    assert!(s.themes.is_empty() && !s.quote_ok);
    // Themes may still be chosen, and are checked.
    let s = AnsweredSubmission::parse(&round(true), &themes(&["leadership"]), "", false, &answered);
    assert_eq!(s.unwrap().themes.len(), 1);
    assert_eq!(
        AnsweredSubmission::parse(&round(true), &themes(&["nope"]), "", false, &answered),
        Err(vec![InputError::ThemeUnknown])
    );
    // Not allowed: the text and a theme are needed as ever.
    assert_eq!(
        AnsweredSubmission::parse(&round(false), &[], "", false, &answered),
        Err(vec![InputError::ThemesMissing, InputError::TextEmpty])
    );
    // Allowed, but nothing answered at all: text is needed.
    assert_eq!(
        AnsweredSubmission::parse(
            &round(true),
            &themes(&["leadership"]),
            "",
            false,
            &raw(json!({}))
        ),
        Err(vec![
            InputError::Answer(AnswerError::Missing {
                question: Slug::parse("listened", "q").unwrap()
            }),
            InputError::TextEmpty
        ])
    );
    // With text, everything as before, plus the answers.
    let s = AnsweredSubmission::parse(
        &round(false),
        &themes(&["leadership"]),
        "Why",
        true,
        &answered,
    )
    .unwrap();
    assert_eq!(s.text.as_ref().map(|t| t.as_str()), Some("Why"));
    assert!(s.quote_ok);
    assert_eq!(ids(&s.answers, "listened"), ["well"]);
}

// ------------------------------------------------------------ properties

/// Ids answers may name: every real one and some that are not.
const QUESTION_IDS: [&str; 5] = ["listened", "heard", "help", "other", "q"];
const OPTION_IDS: [&str; 12] = [
    "very-badly",
    "badly",
    "neither",
    "well",
    "very-well",
    "poster",
    "friend",
    "staff",
    "time",
    "kind",
    "info",
    "nope",
];

fn raw_answers() -> impl Strategy<Value = RawAnswers> {
    proptest::collection::btree_map(
        proptest::sample::select(&QUESTION_IDS[..]),
        proptest::collection::vec(proptest::sample::select(&OPTION_IDS[..]), 0..5),
        0..5,
    )
    .prop_map(|m| {
        let map: std::collections::BTreeMap<String, RawAnswer> = m
            .into_iter()
            .map(|(q, v)| {
                (
                    q.to_owned(),
                    RawAnswer::Many(v.iter().map(|s| (*s).to_owned()).collect()),
                )
            })
            .collect();
        RawAnswers::from(map)
    })
}

/// The rules, stated directly: the error code a question's answer gets.
fn expected(q: &Question, given: &[String]) -> Option<&'static str> {
    let valid: Vec<&str> = q.options().iter().map(|o| o.id().as_str()).collect();
    let mut distinct: Vec<&String> = given.iter().collect();
    distinct.sort();
    distinct.dedup();
    if given.iter().any(|g| !valid.contains(&g.as_str())) {
        Some("answer_option_unknown")
    } else if distinct.len() > q.kind().max_choices() {
        Some("answer_too_many")
    } else if distinct.is_empty() && q.required() {
        Some("answer_missing")
    } else {
        None
    }
}

proptest! {
    #[test]
    fn answers_are_accepted_exactly_when_the_rules_say_and_errors_name_the_question(
        r in raw_answers()
    ) {
        let qs = questions();
        let mut want: Vec<(&str, String)> = qs
            .iter()
            .filter_map(|q| {
                let given = r.0.get(q.id().as_str()).cloned().unwrap_or_default();
                expected(q, &given).map(|code| (code, q.id().to_string()))
            })
            .collect();
        want.extend(
            r.0.keys()
                .filter(|k| qs.get(k).is_none())
                .map(|k| ("answer_question_unknown", k.clone())),
        );
        match Answers::parse(&qs, &r) {
            Ok(a) => {
                prop_assert!(want.is_empty(), "accepted, but {:?}", want);
                for (q, chosen) in a.iter() {
                    let question = qs.get(q.as_str()).unwrap();
                    prop_assert!(!chosen.is_empty());
                    prop_assert!(chosen.len() <= question.kind().max_choices());
                    // In the question's order, each once.
                    let order: Vec<usize> = chosen
                        .iter()
                        .map(|c| question.options().iter().position(|o| o.id() == c).unwrap())
                        .collect();
                    prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
                }
                // Carried through a form, the answers stay the same.
                let pairs: Vec<(String, String)> = r
                    .form_fields()
                    .into_iter()
                    .map(|(n, v)| (n, v.to_owned()))
                    .collect();
                prop_assert_eq!(Answers::parse(&qs, &RawAnswers::from_form(&pairs)).unwrap(), a);
            }
            Err(e) => {
                let got: Vec<(&str, String)> =
                    e.iter().map(|e| (e.code(), e.question().to_owned())).collect();
                prop_assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn json_and_form_read_the_same_answers(r in raw_answers()) {
        let json = serde_json::to_string(&r).unwrap();
        let from_json: RawAnswers = serde_json::from_str(&json).unwrap();
        let pairs: Vec<(String, String)> = r
            .form_fields()
            .into_iter()
            .map(|(n, v)| (n, v.to_owned()))
            .collect();
        prop_assert_eq!(&from_json, &r);
        prop_assert_eq!(RawAnswers::from_form(&pairs), r);
    }
}
