//! The record's rules, with the clock injected: deadlines, open, overdue,
//! on time and late, pledges' history and the running rate.

use super::*;
use crate::clock::day;
use crate::digest::voices::PledgeChange;
use crate::domain::ResponseVersion;

const ROUND: &str = "day";

/// Week 1 of 2027: Monday 4 to Sunday 10 January.
fn week(n: i64) -> Period {
    Period::containing(
        day(2027, 1, 4) + Duration::weeks(n - 1),
        PeriodLength::ONE_WEEK,
    )
}

fn release(n: i64) -> Release {
    let p = week(n);
    Release {
        period: p.id(),
        label: p.label(),
        k: 5,
        base: 1,
        shown_themes: vec!["money".into()],
        number_themes: vec!["money".into()],
        covers: vec![p.id()],
        critiques: crate::digest::disclosure::Band::of(0),
        days_to_answer: None,
    }
}

fn response(release: i64, theme: &str, versions: &[i64]) -> ResponseRecord {
    ResponseRecord {
        round: ROUND.into(),
        period: week(release).id(),
        theme: theme.into(),
        versions: versions
            .iter()
            .map(|w| ResponseVersion {
                text: format!("We heard you (week {w})."),
                changed_in: week(*w).id(),
                translations: Default::default(),
            })
            .collect(),
    }
}

fn pledge(id: &str, release: i64, steps: &[(PledgeStatus, i64, Option<&str>)]) -> PledgeRecord {
    PledgeRecord {
        id: id.into(),
        organisation: "care".into(),
        round: ROUND.into(),
        period: week(release).id(),
        theme: "money".into(),
        text: format!("Pledge {id}"),
        translations: Default::default(),
        history: steps
            .iter()
            .map(|(status, w, reason)| PledgeChange {
                status: *status,
                reason: reason.map(str::to_owned),
                period: week(*w).id(),
            })
            .collect(),
    }
}

fn record(
    releases: &[i64],
    responses: &[ResponseRecord],
    pledges: &[PledgeRecord],
    today: Date,
) -> Vec<ReleaseRecord> {
    let releases: Vec<Release> = releases.iter().map(|n| release(*n)).collect();
    round_record(
        ROUND,
        PeriodLength::ONE_WEEK,
        DaysToAnswer::default(),
        &releases,
        responses,
        pledges,
        today,
    )
}

#[test]
fn the_deadline_is_the_period_end_plus_the_days_to_answer() {
    // Week 1 ends Sunday 10 January; 28 days later is Sunday 7 February,
    // the last day of week 5.
    assert_eq!(deadline(week(1), DaysToAnswer::default()), day(2027, 2, 7));
    let r = &record(&[1], &[], &[], day(2027, 1, 11))[0];
    assert_eq!(r.deadline, day(2027, 2, 7));
    assert_eq!(r.deadline_period, week(5));
    // Other lengths: a round of 10 days and a round of 3-week periods.
    let ten = DaysToAnswer::parse(10).unwrap();
    assert_eq!(deadline(week(1), ten), day(2027, 1, 20));
    let three = PeriodLength::parse(3).unwrap();
    let p = Period::containing(day(2027, 1, 4), three);
    assert_eq!(deadline(p, ten), p.last_day() + Duration::days(10));
    assert!(DaysToAnswer::parse(0).is_err());
    assert!(DaysToAnswer::parse(366).is_err());
    assert_eq!(DaysToAnswer::parse(365).unwrap().days(), 365);
}

#[test]
fn a_release_keeps_the_days_logged_with_it_and_older_ones_take_the_rounds() {
    // Week 1 sealed when the round gave 10 days; week 2 sealed before days
    // were logged. The round now gives 28.
    let mut releases = vec![release(1), release(2)];
    releases[0].days_to_answer = Some(DaysToAnswer::parse(10).unwrap());
    let r = round_record(
        ROUND,
        PeriodLength::ONE_WEEK,
        DaysToAnswer::default(),
        &releases,
        &[],
        &[],
        day(2027, 1, 25),
    );
    assert_eq!(r[0].days.days(), 10);
    assert_eq!(r[0].deadline, day(2027, 1, 20));
    assert_eq!(r[0].standing, Standing::Overdue);
    assert_eq!(r[1].days.days(), 28);
    assert_eq!(r[1].deadline, day(2027, 2, 14));
    assert_eq!(r[1].standing, Standing::Open);
    // The view states each release's own days, and reads back to the same
    // model (what `verify` checks); a view without days takes the round's.
    for (model, days) in r.iter().zip([10, 28]) {
        let view = ReleaseView::of(model, 0);
        assert_eq!(view.days_to_answer, Some(days));
        let back = view
            .to_model(ROUND, PeriodLength::ONE_WEEK, DaysToAnswer::default())
            .unwrap();
        assert_eq!((back.days, back.deadline), (model.days, model.deadline));
    }
    let mut old = ReleaseView::of(&r[1], 0);
    old.days_to_answer = None;
    let ten = DaysToAnswer::parse(10).unwrap();
    assert_eq!(
        old.to_model(ROUND, PeriodLength::ONE_WEEK, ten)
            .unwrap()
            .days,
        ten
    );
}

#[test]
fn unanswered_releases_are_open_until_the_deadline_period_ends_then_overdue() {
    // Every day from the release to well past its deadline period.
    let mut d = day(2027, 1, 11);
    while d <= day(2027, 3, 1) {
        let standing = record(&[1], &[], &[], d)[0].standing;
        let expected = if d <= day(2027, 2, 7) {
            Standing::Open
        } else {
            Standing::Overdue
        };
        assert_eq!(standing, expected, "on {d}");
        d += Duration::days(1);
    }
}

#[test]
fn answers_in_the_deadline_period_or_before_are_on_time_and_later_ones_late() {
    let today = day(2027, 6, 1);
    for (answered_in, on_time) in [
        (1, true),
        (2, true),
        (4, true),
        (5, true),
        (6, false),
        (9, false),
    ] {
        let r = &record(&[1], &[response(1, "money", &[answered_in])], &[], today)[0];
        assert_eq!(
            r.standing,
            Standing::Answered {
                in_period: week(answered_in),
                on_time
            },
            "answered in week {answered_in}"
        );
        // A pledge alone answers too.
        let p = pledge("a", 1, &[(PledgeStatus::Planned, answered_in, None)]);
        let r = &record(&[1], &[], &[p], today)[0];
        assert!(matches!(r.standing, Standing::Answered { on_time: o, .. } if o == on_time));
    }
}

#[test]
fn the_first_answer_counts_and_later_edits_do_not_move_it() {
    // First version late (week 7), edited in week 8; a pledge made in week
    // 3 was on time: the earliest answer decides.
    let responses = [response(1, "money", &[7, 8]), response(1, "access", &[9])];
    let pledges = [pledge("p", 1, &[(PledgeStatus::Planned, 3, None)])];
    let r = &record(&[1], &responses, &pledges, day(2027, 6, 1))[0];
    assert_eq!(
        r.standing,
        Standing::Answered {
            in_period: week(3),
            on_time: true
        }
    );
    // Answers to another release, or another round, do not count.
    let mut other_round = response(1, "money", &[2]);
    other_round.round = "other".into();
    let r = &record(
        &[1, 2],
        &[response(2, "money", &[2]), other_round],
        &[],
        day(2027, 6, 1),
    );
    assert_eq!(r[0].standing, Standing::Overdue);
    assert!(matches!(
        r[1].standing,
        Standing::Answered { on_time: true, .. }
    ));
}

#[test]
fn pledges_show_made_done_and_dropped_with_reasons() {
    use PledgeStatus::*;
    let pledges = [
        pledge(
            "a",
            1,
            &[(Planned, 2, None), (InProgress, 3, None), (Done, 6, None)],
        ),
        pledge(
            "b",
            1,
            &[(Planned, 2, None), (Dropped, 4, Some("Funding was cut."))],
        ),
        pledge("c", 1, &[(Planned, 2, None)]),
        pledge("d", 2, &[(Planned, 3, None)]),
    ];
    let r = &record(&[1, 2], &[], &pledges, day(2027, 6, 1))[0];
    assert_eq!(r.pledges_made(), 3);
    assert_eq!(r.pledges_with(Done), 1);
    assert_eq!(r.pledges_with(Dropped), 1);
    assert_eq!(r.pledges_with(Planned), 1);
    let dropped = r.pledges.iter().find(|p| p.status == Dropped).unwrap();
    assert_eq!(dropped.reason.as_deref(), Some("Funding was cut."));
    assert_eq!(dropped.id, "b");
}

#[test]
fn the_running_rate_counts_answered_and_overdue_releases_only() {
    // Weeks 1-4 released; their deadline periods are weeks 5-8. On 15
    // February weeks 5 and 6 have ended: releases 1 and 2 count, 3 and 4
    // are still open and do not count against the organisation.
    let on_time = response(1, "money", &[2]);
    let late = response(2, "money", &[8]);
    let r = record(
        &[1, 2, 3, 4],
        std::slice::from_ref(&on_time),
        &[],
        day(2027, 2, 15),
    );
    assert_eq!(r[1].standing, Standing::Overdue);
    assert_eq!(
        (r[2].standing, r[3].standing),
        (Standing::Open, Standing::Open)
    );
    let early = rate(&r);
    assert_eq!(
        early,
        Rate {
            answered: 1,
            on_time: 1,
            counted: 2
        }
    );
    assert_eq!(early.answered_percent(), Some(50));
    // On 1 March all four count: 1 on time, 2 late, 3 and 4 overdue.
    let r = record(&[1, 2, 3, 4], &[on_time, late], &[], day(2027, 3, 1));
    let later = rate(&r);
    assert_eq!(
        later,
        Rate {
            answered: 2,
            on_time: 1,
            counted: 4
        }
    );
    assert_eq!(
        (later.answered_percent(), later.on_time_percent()),
        (Some(50), Some(25))
    );
    // Nothing counts before the first deadline period ends.
    assert_eq!(
        rate(&record(&[1], &[], &[], day(2027, 2, 7))).answered_percent(),
        None
    );
}

#[test]
fn damaged_period_ids_are_skipped_not_guessed() {
    let mut bad = release(1);
    // Not a date (a Tuesday is a period id now: the rest of a period
    // closed early, issue 16 item 4).
    bad.period = "2027-02-30".into();
    let out = round_record(
        ROUND,
        PeriodLength::ONE_WEEK,
        DaysToAnswer::default(),
        &[bad, release(2)],
        &[],
        &[],
        day(2027, 6, 1),
    );
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].period, week(2));
}
