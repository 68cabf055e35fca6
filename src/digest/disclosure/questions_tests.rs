//! Tests for questions' disclosure control. The property test builds
//! random answers over several periods, releases each question, and then
//! for every hidden value and every `v` in `0..k` builds people whose
//! answers release exactly the same figures with that hidden value equal
//! to `v`: checked by releasing them again, without using the protection
//! check itself.

use super::*;
use crate::digest::disclosure::figure;
use proptest::prelude::*;

fn counts(total: u64, respondents: u64, options: &[u64]) -> QuestionCounts {
    QuestionCounts {
        total,
        respondents,
        options: options
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("o{i}"), *n))
            .collect(),
    }
}

const SINGLE: Shape = Shape {
    max_choices: 1,
    required: true,
};

fn shown(o: &QuestionOutcome) -> Vec<Shown> {
    match o {
        QuestionOutcome::Publish(p) => p.options.iter().map(|(_, s)| *s).collect(),
        QuestionOutcome::Roll(r) => panic!("rolled: {r:?}"),
    }
}

#[test]
fn without_small_cells_every_option_is_rounded_and_nothing_is_withheld() {
    let r = Rules::default();
    let out = publish_question(&counts(60, 60, &[12, 18, 30]), &r, SINGLE);
    assert_eq!(
        shown(&out),
        [Shown::About(10), Shown::About(20), Shown::About(30)]
    );
    let QuestionOutcome::Publish(p) = out else {
        unreachable!()
    };
    assert_eq!((p.respondents, p.no_answer), (Some(60), None));
}

#[test]
fn with_exact_counts_a_lone_small_cell_takes_its_neighbour_with_it() {
    // Rounding to 1 shows exact counts: 40 − 12 − 10 − 8 − 8 = 2 would give
    // the small cell away, so the nearest shown option is withheld too.
    let r = Rules::new(5, 1, 10).unwrap();
    let out = publish_question(&counts(40, 40, &[2, 8, 10, 12, 8]), &r, SINGLE);
    assert_eq!(
        shown(&out),
        [
            Shown::FewerThan(5),
            Shown::Withheld,
            Shown::About(10),
            Shown::About(12),
            Shown::About(8),
        ]
    );
    // The withheld cell's own value decides nothing: another count for it
    // (and so for the total) gives the same choice.
    let other = publish_question(&counts(44, 44, &[2, 12, 10, 12, 8]), &r, SINGLE);
    assert_eq!(shown(&other), shown(&out));
}

#[test]
fn the_complement_is_the_nearest_shown_cell_to_the_first_hidden_one() {
    let r = Rules::new(3, 1, 10).unwrap();
    let out = publish_question(&counts(30, 30, &[10, 9, 1, 5, 5]), &r, SINGLE);
    assert_eq!(
        shown(&out),
        [
            Shown::About(10),
            Shown::Withheld,
            Shown::FewerThan(3),
            Shown::About(5),
            Shown::About(5),
        ],
        "a tie goes to the earlier option"
    );
}

#[test]
fn rounding_that_already_protects_withholds_nothing() {
    // Default rules: 40 answers, 2 said "very badly". The others, rounded
    // to the nearest 5, add up to anything from 32 to 48, so 0 to 4 are all
    // possible: nothing more needs hiding.
    let r = Rules::default();
    let out = publish_question(&counts(40, 40, &[2, 8, 10, 12, 8]), &r, SINGLE);
    assert_eq!(
        shown(&out),
        [
            Shown::FewerThan(5),
            Shown::About(10),
            Shown::About(10),
            Shown::About(10),
            Shown::About(10)
        ]
    );
    // Two options and the small one is "fewer than 5", the other "almost
    // everyone": the two hide each other and there is nothing to withhold.
    let out = publish_question(&counts(12, 12, &[2, 10]), &r, SINGLE);
    assert_eq!(shown(&out), [Shown::FewerThan(5), Shown::AlmostEveryone]);
}

#[test]
fn a_rounded_release_that_would_narrow_a_small_cell_rolls_when_withholding_cannot_help() {
    // 40 answers; 7, 7 and 7 round down to 5, so the others add up to at
    // most 38 and "very badly" would be at least 2. Withholding "badly"
    // would not help: the release needs withholding only if "badly" shows
    // about 5 (about 10 or 15 would leave 0-4 open), so seeing it withheld
    // says "about 5", and "very badly" is still at least 2. It rolls.
    let r = Rules::default();
    let out = publish_question(&counts(40, 40, &[4, 7, 7, 7, 15]), &r, SINGLE);
    assert_eq!(out, QuestionOutcome::Roll(RollReason::CannotProtect));
}

#[test]
fn an_optional_question_shows_no_answer_as_a_cell_of_its_own() {
    let r = Rules::default();
    let optional = Shape {
        max_choices: 1,
        required: false,
    };
    let QuestionOutcome::Publish(p) = publish_question(&counts(60, 40, &[20, 20]), &r, optional)
    else {
        panic!("rolled")
    };
    assert_eq!(p.no_answer, Some(Shown::About(20)));
    assert_eq!(p.respondents, Some(40), "60 less about 20");
    // Two people skipped it: hidden, and the rounding keeps it open.
    let QuestionOutcome::Publish(p) = publish_question(&counts(42, 40, &[20, 20]), &r, optional)
    else {
        panic!("rolled")
    };
    assert_eq!(p.no_answer, Some(Shown::FewerThan(5)));
    assert_eq!(
        shown(&QuestionOutcome::Publish(p.clone())),
        [Shown::About(20); 2]
    );
    assert_eq!(
        p.respondents,
        Some(40),
        "about the total: fewer than 5 skipped"
    );
    // With exact counts the options would give it away (42 − 40): the
    // option next to "no answer" is withheld.
    let exact = Rules::new(5, 1, 10).unwrap();
    let out = publish_question(&counts(42, 40, &[20, 20]), &exact, optional);
    assert_eq!(shown(&out), [Shown::About(20), Shown::Withheld]);
}

#[test]
fn a_multiple_choice_question_is_checked_with_its_own_maximum() {
    // 20 people, up to 3 each: the options add up to 44, not 20. Exact
    // counts, yet the small cell is open: anywhere from 20 to 60 choices
    // fit, so 0 to 4 all do, whatever the next option showed.
    let r = Rules::new(5, 1, 10).unwrap();
    let multi = Shape {
        max_choices: 3,
        required: true,
    };
    let out = publish_question(&counts(20, 20, &[3, 14, 15, 12]), &r, multi);
    assert_eq!(
        shown(&out),
        [
            Shown::FewerThan(5),
            Shown::About(14),
            Shown::About(15),
            Shown::About(12)
        ]
    );
    // With one choice each, the others would pin the small one down
    // (20 − 7 − 10 = 3), so its neighbour is withheld.
    let single = publish_question(&counts(20, 20, &[3, 7, 10]), &r, SINGLE);
    assert_eq!(
        shown(&single),
        [Shown::FewerThan(5), Shown::Withheld, Shown::About(10)]
    );
}

#[test]
fn too_few_answers_roll_and_join_the_next_period() {
    let r = Rules::default();
    let optional = Shape {
        max_choices: 1,
        required: false,
    };
    let a = counts(30, 6, &[3, 3]);
    let b = counts(30, 8, &[2, 6]);
    let c = counts(5, 1, &[1, 0]);
    assert_eq!(
        publish_question(&a, &r, optional),
        QuestionOutcome::Roll(RollReason::TooFew)
    );
    let (releases, pending) = settle_question(&[a, b, c], &r, optional);
    assert_eq!(releases.len(), 1);
    assert_eq!(releases[0].periods, 0..2);
    assert_eq!(pending, 2..3);
    assert_eq!(releases[0].published.respondents, Some(15));
}

#[test]
fn a_question_that_cannot_be_protected_rolls() {
    // Exact counts: with "5" withheld as the complement, the two small
    // cells still add up to 20 − 13 − (at least 5) ≤ 2, so neither can be
    // 3 or 4.
    let r = Rules::new(5, 1, 10).unwrap();
    let out = publish_question(&counts(20, 20, &[1, 1, 5, 13]), &r, SINGLE);
    assert_eq!(out, QuestionOutcome::Roll(RollReason::CannotProtect));
}

#[test]
fn released_questions_serialise_with_the_themes_vocabulary() {
    let r = Rules::new(5, 1, 10).unwrap();
    let QuestionOutcome::Publish(p) =
        publish_question(&counts(40, 40, &[2, 8, 10, 12, 8]), &r, SINGLE)
    else {
        panic!("rolled")
    };
    let json = serde_json::to_string(&p).unwrap();
    assert!(
        json.contains(r#"["o0",{"shown":"fewer_than","value":5}]"#),
        "{json}"
    );
    assert!(json.contains(r#"["o1",{"shown":"withheld"}]"#), "{json}");
    assert_eq!(serde_json::from_str::<PublishedQuestion>(&json).unwrap(), p);
}

// ------------------------------------------------------------ the property

/// One person's answer: the options chosen, or `None` for no answer.
type Person = Option<Vec<usize>>;

#[derive(Debug, Clone)]
struct Case {
    options: usize,
    shape: Shape,
    periods: Vec<Vec<Person>>,
}

fn person(options: usize, shape: Shape) -> BoxedStrategy<Person> {
    let all: Vec<usize> = (0..options).collect();
    let max = shape.max_choices as usize;
    // Skewed, so that small cells are common.
    let pick = prop_oneof![
        4 => Just(vec![options - 1]),
        2 => Just(vec![0]),
        3 => (0..options).prop_map(|o| vec![o]),
        2 => proptest::sample::subsequence(all, 1..=max),
    ]
    .prop_map(move |mut v| {
        v.truncate(max);
        v
    });
    if shape.required {
        pick.prop_map(Some).boxed()
    } else {
        prop_oneof![4 => pick.prop_map(Some), 1 => Just(None)].boxed()
    }
}

fn case() -> impl Strategy<Value = Case> {
    (2usize..6, any::<bool>(), any::<bool>())
        .prop_flat_map(|(options, required, multi)| {
            let max = if multi { 2..=options as u64 } else { 1..=1 };
            (
                Just(options),
                max.prop_map(move |max_choices| Shape {
                    max_choices,
                    required,
                }),
            )
        })
        .prop_flat_map(|(options, shape)| {
            (
                Just(options),
                Just(shape),
                proptest::collection::vec(
                    proptest::collection::vec(person(options, shape), 0..45),
                    1..4,
                ),
            )
        })
        .prop_map(|(options, shape, periods)| Case {
            options,
            shape,
            periods,
        })
}

fn rules() -> impl Strategy<Value = Rules> {
    (
        2u32..7,
        prop_oneof![Just(1u32), Just(2), Just(5), Just(10)],
        0u32..8,
    )
        .prop_map(|(k, b, extra)| Rules::new(k, b, (2 * k - 1).max(10) + extra).unwrap())
}

fn count(people: &[Person], options: usize) -> QuestionCounts {
    let mut c = QuestionCounts {
        total: people.len() as u64,
        respondents: 0,
        options: (0..options).map(|i| (format!("o{i}"), 0)).collect(),
    };
    for chosen in people.iter().flatten() {
        c.respondents += 1;
        for o in chosen {
            c.options[*o].1 += 1;
        }
    }
    c
}

/// Which hidden value: an option's, or "no answer"'s.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    Option(usize),
    NoAnswer,
}

/// People whose answers release `p` (out of `total` submissions), with the
/// hidden value of `target` equal to `v`: each cell's count found by brute
/// force from `figure`, the people dealt round-robin, and the result
/// released again.
fn witness(
    p: &PublishedQuestion,
    total: u64,
    rules: &Rules,
    shape: Shape,
    target: Target,
    v: u64,
) -> bool {
    let skips: Vec<u64> = match (shape.required, target) {
        (true, _) => vec![0],
        (false, Target::NoAnswer) => vec![v],
        (false, Target::Option(_)) => (0..=total).collect(),
    };
    let matches = |s: Shown, c: u64, of: u64| match s {
        Shown::Withheld => matches!(figure(c, of, rules), Figure::About(_)),
        s => Shown::from(figure(c, of, rules)) == s,
    };
    for skipped in skips {
        let r = total - skipped;
        if let Some(na) = p.no_answer {
            if !matches(na, skipped, total) {
                continue;
            }
        }
        // A withheld option's count is tried at every value it could have;
        // the others are found greedily, as for themes.
        let withheld = p.options.iter().position(|(_, s)| *s == Shown::Withheld);
        let tries: Vec<Option<u64>> = match withheld {
            Some(_) => (0..=r).map(Some).collect(),
            None => vec![None],
        };
        for tried in tries {
            if let Some(people) = try_counts(p, r, skipped, rules, shape, target, v, tried) {
                if publish_question(&count(&people, p.options.len()), rules, shape)
                    == QuestionOutcome::Publish(p.clone())
                {
                    return true;
                }
            }
        }
    }
    false
}

/// People with `skipped` not answering and `r` answering so that each
/// option's count matches its shown figure (the target's hidden value being
/// `v`, and a withheld option's count being `tried`, if given): `None` if
/// the greedy choice finds none.
#[allow(clippy::too_many_arguments)]
fn try_counts(
    p: &PublishedQuestion,
    r: u64,
    skipped: u64,
    rules: &Rules,
    shape: Shape,
    target: Target,
    v: u64,
    tried: Option<u64>,
) -> Option<Vec<Person>> {
    let matches = |s: Shown, c: u64, of: u64| match s {
        Shown::Withheld => matches!(figure(c, of, rules), Figure::About(_)),
        s => Shown::from(figure(c, of, rules)) == s,
    };
    {
        let mut chosen = Vec::new();
        let mut spare = Vec::new();
        let mut ok = true;
        for (i, (_, s)) in p.options.iter().enumerate() {
            let fits: Vec<u64> = if *s == Shown::Withheld && tried.is_some() {
                tried.into_iter().filter(|c| matches(*s, *c, r)).collect()
            } else if target == Target::Option(i) {
                let c = if *s == Shown::AlmostEveryone {
                    r.saturating_sub(v)
                } else {
                    v
                };
                vec![c].into_iter().filter(|c| matches(*s, *c, r)).collect()
            } else {
                (0..=r).filter(|c| matches(*s, *c, r)).collect()
            };
            match (fits.first(), fits.last()) {
                (Some(lo), Some(hi)) => {
                    chosen.push(*lo);
                    spare.push(hi - lo);
                }
                _ => ok = false,
            }
        }
        if !ok || r == 0 {
            return None;
        }
        let mut sum: u64 = chosen.iter().sum();
        for (c, s) in chosen.iter_mut().zip(&spare) {
            let add = (*s).min(r.saturating_sub(sum));
            *c += add;
            sum += add;
        }
        if sum < r || sum > shape.max_choices * r {
            return None;
        }
        // Deal: option by option, round-robin over the respondents.
        let mut people: Vec<Person> = vec![Some(Vec::new()); r as usize];
        let mut at = 0usize;
        for (o, n) in chosen.iter().enumerate() {
            for _ in 0..*n {
                if let Some(Some(list)) = people.get_mut(at % r as usize) {
                    list.push(o);
                }
                at += 1;
            }
        }
        people.extend(std::iter::repeat_n(None, skipped as usize));
        let valid = people.iter().all(|p| match p {
            Some(l) => !l.is_empty() && l.len() as u64 <= shape.max_choices,
            None => !shape.required,
        });
        valid.then_some(people)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    /// For random answers over several periods: each question's releases
    /// cover disjoint runs of consecutive periods, show the merged counts'
    /// figures (or "not shown"), and every hidden value of every release can
    /// be anything in 0..k with the release unchanged.
    #[test]
    fn no_question_release_lets_anyone_recover_a_hidden_value(c in case(), rules in rules()) {
        let all: Vec<QuestionCounts> = c.periods.iter().map(|p| count(p, c.options)).collect();
        let (releases, pending) = settle_question(&all, &rules, c.shape);
        let mut next = 0;
        let k = u64::from(rules.k());
        for rel in &releases {
            prop_assert_eq!(rel.periods.start, next);
            next = rel.periods.end;
            let merged = QuestionCounts::merge(&all[rel.periods.clone()]);
            let p = &rel.published;
            prop_assert!(merged.respondents >= u64::from(rules.min_period()));
            // The stated respondents are near the truth (rounding of "no
            // answer" and of the result), or not stated.
            if let Some(r) = p.respondents {
                let slack = u64::from(rules.base()) + u64::from(rules.k());
                prop_assert!(r.abs_diff(merged.respondents) <= slack);
            }
            for ((_, s), (_, n)) in p.options.iter().zip(&merged.options) {
                if *s != Shown::Withheld {
                    prop_assert_eq!(*s, Shown::from(figure(*n, merged.respondents, &rules)));
                }
            }
            let withheld = p.options.iter().filter(|(_, s)| *s == Shown::Withheld).count()
                + usize::from(p.no_answer == Some(Shown::Withheld));
            prop_assert!(withheld <= 1);
            let mut targets: Vec<Target> = p.options.iter().enumerate()
                .filter(|(_, (_, s))| matches!(s, Shown::FewerThan(_) | Shown::AlmostEveryone))
                .map(|(i, _)| Target::Option(i))
                .collect();
            // However it is shown, a small number of people skipping an
            // optional question is a hidden value too.
            let skipped = merged.total - merged.respondents;
            if matches!(p.no_answer, Some(Shown::FewerThan(_)))
                || (!c.shape.required && skipped < k)
            {
                targets.push(Target::NoAnswer);
            }
            for t in targets {
                for v in 0..k {
                    prop_assert!(
                        witness(p, merged.total, &rules, c.shape, t, v),
                        "{:?} could not be {} in {:?} ({:?}, {:?})", t, v, p, merged, c.shape
                    );
                }
            }
        }
        prop_assert_eq!(pending.start, next);
        prop_assert_eq!(pending.end, all.len());
        if std::env::var_os("QUESTIONS_COVERAGE").is_some() {
            for rel in &releases {
                let p = &rel.published;
                let w = p.options.iter().any(|(_, s)| *s == Shown::Withheld) || p.no_answer == Some(Shown::Withheld);
                let h = p.options.iter().any(|(_, s)| matches!(s, Shown::FewerThan(_) | Shown::AlmostEveryone));
                eprintln!("COVER withheld={w} hidden={h} multi={}", c.shape.max_choices > 1);
            }
        }
    }
}
