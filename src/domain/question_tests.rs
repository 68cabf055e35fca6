//! Tests of the question model: every rule, each error's code and field,
//! the freezing rule, and property tests that the parser accepts exactly
//! the valid lists and names the field of every broken one.

use super::*;
use proptest::prelude::*;
use serde_json::json;

fn parse(v: serde_json::Value) -> Result<Questions, Vec<QuestionError>> {
    Questions::parse(serde_json::from_value(v).unwrap())
}

fn rating() -> serde_json::Value {
    json!({"id": "listened", "kind": "scale", "prompt": "How well did staff listen?"})
}

#[test]
fn a_scale_without_options_gets_five_from_very_badly_to_very_well() {
    let q = parse(json!([rating()])).unwrap();
    let q = q.get("listened").unwrap();
    assert_eq!(q.kind(), QuestionKind::Scale);
    let ids: Vec<&str> = q.options().iter().map(|o| o.id().as_str()).collect();
    assert_eq!(ids, ["very-badly", "badly", "neither", "well", "very-well"]);
    assert!(q.options().iter().all(|o| o.easy_read().is_some()));
    assert!(!q.required(), "answers are voluntary unless the host says");
    assert_eq!(q.kind().max_choices(), 1);
}

#[test]
fn text_is_trimmed_and_empty_optional_text_is_none() {
    let q = parse(json!([{
        "id": "how", "kind": "choice", "prompt": "  How did you hear?  ", "hint": "   ",
        "options": [{"id": "a", "label": " Poster ", "easy_read": ""}, {"id": "b", "label": "Friend"}],
        "required": true
    }]))
    .unwrap();
    let q = q.get("how").unwrap();
    assert_eq!(q.prompt(), "How did you hear?");
    assert_eq!(q.hint(), None);
    assert_eq!(q.options()[0].label(), "Poster");
    assert_eq!(q.options()[0].easy_read(), None);
    assert!(q.required());
}

#[test]
fn multi_takes_max_from_two_to_the_number_of_options_and_defaults_to_all() {
    let multi = |max: serde_json::Value| {
        let mut q = json!({"id": "m", "kind": "multi", "prompt": "Which?",
            "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}]});
        if !max.is_null() {
            q["max"] = max;
        }
        parse(json!([q]))
    };
    let kind = |r: Result<Questions, _>| r.map(|q| q.iter().next().unwrap().kind());
    assert_eq!(kind(multi(json!(null))), Ok(QuestionKind::Multi { max: 3 }));
    assert_eq!(kind(multi(json!(2))), Ok(QuestionKind::Multi { max: 2 }));
    for bad in [0, 1, 4, 300] {
        assert_eq!(
            multi(json!(bad)).unwrap_err(),
            vec![QuestionError::MaxInvalid {
                question: 0,
                options: 3
            }],
            "max {bad}"
        );
    }
    let choice = json!({"id": "c", "kind": "choice", "prompt": "P", "max": 1,
        "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]});
    assert_eq!(
        parse(json!([choice])).unwrap_err(),
        vec![QuestionError::MaxNotAllowed { question: 0 }]
    );
}

#[test]
fn every_problem_is_reported_with_its_code_and_field() {
    let long = "x".repeat(MAX_PROMPT_CHARS + 1);
    let list = json!([
        rating(),
        {"id": "listened", "kind": "vote", "prompt": long, "hint": "a\u{7}b",
         "options": [{"id": "A", "label": "A"}, {"id": "b", "label": ""},
                     {"id": "b", "label": "B", "easy_read": "x".repeat(201)}]},
        {"id": "2nd", "kind": "choice", "prompt": "P", "options": [{"id": "a", "label": "A"}]},
    ]);
    let errors = parse(list).unwrap_err();
    let got: Vec<(&str, String)> = errors.iter().map(|e| (e.code(), e.field())).collect();
    let want = [
        ("question_id_repeated", "questions[1].id"),
        ("question_kind_invalid", "questions[1].kind"),
        ("question_prompt_invalid", "questions[1].prompt"),
        ("question_hint_invalid", "questions[1].hint"),
        ("option_id_invalid", "questions[1].options[0].id"),
        ("option_label_invalid", "questions[1].options[1].label"),
        ("option_id_repeated", "questions[1].options[2].id"),
        (
            "option_easy_read_invalid",
            "questions[1].options[2].easy_read",
        ),
        ("question_id_invalid", "questions[2].id"),
        ("question_options_invalid", "questions[2].options"),
    ];
    let want: Vec<(&str, String)> = want.iter().map(|(c, f)| (*c, (*f).to_owned())).collect();
    assert_eq!(got, want);
    // Messages start with the field and say how to put it right.
    assert!(errors[2]
        .message()
        .starts_with("questions[1].prompt: the prompt must be 1 to 300"));
}

#[test]
fn limits_count_characters_not_bytes_and_refuse_control_characters() {
    let with_label = |label: String| {
        parse(json!([{"id": "c", "kind": "choice", "prompt": "P",
            "options": [{"id": "a", "label": label}, {"id": "b", "label": "B"}]}]))
    };
    assert!(with_label("é".repeat(MAX_LABEL_CHARS)).is_ok());
    assert!(with_label("é".repeat(MAX_LABEL_CHARS + 1)).is_err());
    assert!(with_label("line\nbreak".into()).is_err());
    assert!(with_label("\u{202e}rtl override is not a control".into()).is_ok());
}

#[test]
fn option_counts_depend_on_the_kind() {
    let options = |n: usize| -> Vec<serde_json::Value> {
        (0..n)
            .map(|i| json!({"id": format!("o{i}"), "label": format!("O{i}")}))
            .collect()
    };
    for (kind, ok) in [("scale", 3..=7), ("choice", 2..=12), ("multi", 2..=12)] {
        for n in 0..15 {
            let r = parse(json!([{"id": "q", "kind": kind, "prompt": "P", "options": options(n)}]));
            assert_eq!(r.is_ok(), ok.contains(&n), "{kind} with {n} options");
        }
    }
}

#[test]
fn at_most_ten_questions() {
    let list: Vec<serde_json::Value> = (0..11)
        .map(|i| json!({"id": format!("q{i}"), "kind": "scale", "prompt": "P"}))
        .collect();
    assert!(parse(json!(list[..10])).is_ok());
    assert_eq!(
        parse(json!(list)).unwrap_err(),
        vec![QuestionError::TooMany { given: 11 }]
    );
}

#[test]
fn unknown_fields_are_refused_by_the_wire_shape() {
    let r: Result<QuestionSpec, _> =
        serde_json::from_value(json!({"id": "q", "kind": "scale", "prompt": "P", "colour": 1}));
    assert!(r.is_err());
}

#[test]
fn questions_serialise_to_the_api_shape_and_load_back_validated() {
    let q = parse(json!([rating(), {"id": "m", "kind": "multi", "prompt": "P", "max": 2,
        "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}]}]))
    .unwrap();
    let v = serde_json::to_value(&q).unwrap();
    assert_eq!(v[0]["kind"], "scale");
    assert_eq!(
        v[0]["options"][3],
        json!({"id": "well", "label": "Well", "easy_read": "Good"})
    );
    assert_eq!(v[0]["required"], false);
    assert_eq!(v[1]["max"], 2);
    assert!(v[0].get("max").is_none() && v[0].get("hint").is_none());
    let back: Questions = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(back, q);
    // Loading checks like parsing does.
    let mut bad = v.clone();
    bad[1]["max"] = json!(9);
    assert!(serde_json::from_value::<Questions>(bad).is_err());
    let mut twice = v;
    twice[1]["id"] = json!("listened");
    assert!(serde_json::from_value::<Questions>(twice).is_err());
}

// ------------------------------------------------------------ freezing

fn three() -> Questions {
    parse(json!([rating(),
        {"id": "how", "kind": "choice", "prompt": "How?", "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]},
        {"id": "m", "kind": "multi", "prompt": "Which?", "max": 2,
         "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}]}]))
    .unwrap()
}

fn changed(f: impl FnOnce(&mut serde_json::Value)) -> Questions {
    let mut v = serde_json::to_value(three()).unwrap();
    f(&mut v);
    Questions::parse(serde_json::from_value(v).unwrap()).unwrap()
}

#[test]
fn before_opening_anything_goes_after_opening_only_wording() {
    let was = three();
    let wording = changed(|v| {
        v[0]["prompt"] = json!("How well did the staff listen to you?");
        v[0]["hint"] = json!("Think of the last month.");
        v[0]["options"][0]["label"] = json!("Very poorly");
        v[2]["options"][1]["easy_read"] = json!("Bee");
    });
    assert_eq!(was.replace(wording.clone(), true), Ok(wording));
    let locked: Vec<(Questions, Option<usize>)> = vec![
        (changed(|v| v[1]["id"] = json!("other")), Some(1)),
        (changed(|v| v[1]["kind"] = json!("multi")), Some(1)),
        (changed(|v| v[2]["max"] = json!(3)), Some(2)),
        (changed(|v| v[0]["required"] = json!(true)), Some(0)),
        (changed(|v| v[1]["options"][1]["id"] = json!("c")), Some(1)),
        (
            changed(|v| {
                let opts = v[1]["options"].as_array_mut().unwrap();
                opts.reverse();
            }),
            Some(1),
        ),
        (
            changed(|v| {
                v[2]["options"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"id": "d", "label": "D"}));
            }),
            Some(2),
        ),
        (
            changed(|v| {
                v.as_array_mut().unwrap().swap(0, 1);
            }),
            Some(0),
        ),
        (
            changed(|v| {
                v.as_array_mut().unwrap().pop();
            }),
            None,
        ),
        (Questions::default(), None),
    ];
    for (next, at) in locked {
        assert!(was.replace(next.clone(), false).is_ok());
        assert_eq!(
            was.replace(next, true),
            Err(QuestionError::Locked { question: at })
        );
    }
}

// ------------------------------------------------------------ properties

/// A valid option list of `n` options.
fn options(n: usize) -> impl Strategy<Value = Vec<OptionSpec>> {
    proptest::collection::vec(("[a-z][a-z0-9]{0,6}", "[A-Za-z ]{0,10}[A-Za-z]"), n).prop_map(
        |raw| {
            raw.into_iter()
                .enumerate()
                .map(|(i, (id, label))| OptionSpec {
                    // Unique by construction.
                    id: format!("{id}-{i}"),
                    label,
                    easy_read: (i % 2 == 0).then(|| "Easy".to_owned()),
                })
                .collect()
        },
    )
}

fn valid_question(i: usize) -> impl Strategy<Value = QuestionSpec> {
    prop_oneof![
        (3usize..=7, any::<bool>()).prop_flat_map(|(n, default)| {
            options(n).prop_map(move |o| ("scale", (!default).then_some(o), None))
        }),
        (2usize..=12).prop_flat_map(|n| options(n).prop_map(|o| ("choice", Some(o), None))),
        (2usize..=12).prop_flat_map(|n| (options(n), 2..=n as u64).prop_map(|(o, m)| (
            "multi",
            Some(o),
            Some(m)
        ))),
    ]
    .prop_flat_map(move |(kind, options, max)| {
        (
            "[A-Z][a-z ?]{0,60}",
            proptest::option::of("[a-z ]{1,40}"),
            proptest::option::of(any::<bool>()),
        )
            .prop_map(move |(prompt, hint, required)| QuestionSpec {
                id: format!("q{i}"),
                kind: kind.to_owned(),
                prompt,
                hint,
                options: options.clone(),
                required,
                max,
            })
    })
}

fn valid_list() -> impl Strategy<Value = Vec<QuestionSpec>> {
    (0usize..=MAX_QUESTIONS).prop_flat_map(|n| (0..n).map(valid_question).collect::<Vec<_>>())
}

/// One way to break a valid list, and the code and field it must give.
#[derive(Debug, Clone)]
enum Break {
    Id(String),
    Kind(String),
    Prompt(String),
    Label(String),
    RepeatOption,
    MaxOnChoice,
}

fn breaks() -> impl Strategy<Value = Break> {
    prop_oneof![
        prop_oneof![
            "",
            "[A-Z]{1,3}",
            "[a-z]{1,3}-",
            "[0-9][a-z]{0,3}",
            "[a-z]{41,50}",
            "a--b"
        ]
        .prop_map(Break::Id),
        "[a-z]{1,8}"
            .prop_filter("not a kind", |k| !["scale", "choice", "multi"]
                .contains(&k.as_str()))
            .prop_map(Break::Kind),
        prop_oneof![" *", "[a-z]{301,320}", "[a-z]{0,5}\u{0}[a-z]{0,5}"].prop_map(Break::Prompt),
        prop_oneof![" *", "[a-z]{121,130}", "a\tb"].prop_map(Break::Label),
        Just(Break::RepeatOption),
        Just(Break::MaxOnChoice),
    ]
}

proptest! {
    #[test]
    fn valid_lists_parse_keep_everything_and_round_trip(list in valid_list()) {
        let parsed = Questions::parse(list.clone()).unwrap();
        prop_assert_eq!(parsed.len(), list.len());
        for (q, s) in parsed.iter().zip(&list) {
            prop_assert_eq!(q.id().as_str(), s.id.as_str());
            prop_assert_eq!(q.kind().name(), s.kind.as_str());
            prop_assert_eq!(q.prompt(), s.prompt.trim());
            prop_assert_eq!(q.required(), s.required.unwrap_or(false));
            let n = s.options.as_ref().map_or(5, Vec::len);
            prop_assert_eq!(q.options().len(), n);
            if let Some(max) = s.max {
                prop_assert_eq!(q.kind().max_choices() as u64, max);
            }
        }
        let json = serde_json::to_string(&parsed).unwrap();
        prop_assert_eq!(serde_json::from_str::<Questions>(&json).unwrap(), parsed);
    }

    #[test]
    fn one_broken_field_gives_exactly_its_error(
        list in valid_list().prop_filter("non-empty", |l| !l.is_empty()),
        at in any::<prop::sample::Index>(),
        how in breaks(),
    ) {
        let mut list = list;
        let i = at.index(list.len());
        let q = &mut list[i];
        let (code, field) = match how {
            Break::Id(id) => {
                q.id = id;
                ("question_id_invalid", format!("questions[{i}].id"))
            }
            Break::Kind(kind) => {
                q.kind = kind;
                q.max = None;
                q.options.get_or_insert_with(default_scale);
                ("question_kind_invalid", format!("questions[{i}].kind"))
            }
            Break::Prompt(p) => {
                q.prompt = p;
                ("question_prompt_invalid", format!("questions[{i}].prompt"))
            }
            Break::Label(l) => {
                q.options.get_or_insert_with(default_scale)[0].label = l;
                ("option_label_invalid", format!("questions[{i}].options[0].label"))
            }
            Break::RepeatOption => {
                let o = q.options.get_or_insert_with(default_scale);
                o[1].id = o[0].id.clone();
                ("option_id_repeated", format!("questions[{i}].options[1].id"))
            }
            Break::MaxOnChoice => {
                q.max = Some(2);
                q.kind = "choice".into();
                q.options.get_or_insert_with(default_scale);
                ("question_max_invalid", format!("questions[{i}].max"))
            }
        };
        let errors = Questions::parse(list).unwrap_err();
        let got: Vec<(&str, String)> = errors.iter().map(|e| (e.code(), e.field())).collect();
        prop_assert_eq!(got, vec![(code, field)]);
    }
}
