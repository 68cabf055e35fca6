//! The planner's rules: who gets what, one message per recipient per
//! batch, the schedule, and what a message may never contain.

use super::*;

fn release(org: &str, name: &str, themes: &[&str]) -> Event {
    Event::ReleasePublished {
        organisation: org.into(),
        organisation_name: name.into(),
        round_title: "Day services 2027".into(),
        period_label: "Week 1 of 2027 (4 to 10 January)".into(),
        themes_shown: themes.iter().map(|t| (*t).to_owned()).collect(),
        answer_by: crate::clock::day(2027, 2, 8),
        path: format!("/console/space?organisation={org}"),
    }
}

fn user(id: &str, role: Role, org: Option<&str>) -> Recipient {
    Recipient {
        user_id: id.into(),
        username: id.into(),
        address: Some(format!("{id}@example.org")),
        role,
        organisation: org.map(str::to_owned),
        preferences: Preferences::default_for(role),
    }
}

fn staff() -> Vec<Recipient> {
    vec![
        user("admin", Role::Administrator, None),
        user("coord", Role::Coordinator, None),
        user("mod", Role::Moderator, None),
        user("care-1", Role::Organisation, Some("care")),
        user("care-2", Role::Organisation, Some("care")),
        user("other-1", Role::Organisation, Some("other")),
    ]
}

fn every_kind() -> Vec<Event> {
    vec![
        release("care", "Care Forum", &["Money", "Access"]),
        Event::QuotesWaiting {
            round_title: "Day services 2027".into(),
            path: "/console/moderation".into(),
        },
        Event::PeriodDue {
            round_title: "Day services 2027".into(),
            period_label: "Week 1 of 2027".into(),
            path: "/console/rounds/day".into(),
        },
        Event::PeriodHeldBack {
            round_title: "Day services 2027".into(),
            period_label: "Week 2 of 2027".into(),
            path: "/console/rounds/day".into(),
        },
        Event::Security(Security::NewAdministrator {
            username: "zed".into(),
        }),
        Event::Security(Security::KeysRotated {
            which: "master".into(),
        }),
        Event::Security(Security::RepeatedFailedSignIns {
            username: "coord".into(),
        }),
    ]
}

fn to(messages: &[Planned]) -> Vec<&str> {
    messages.iter().map(|m| m.user_id.as_str()).collect()
}

#[test]
fn each_role_is_told_what_it_acts_on_and_organisations_only_their_own() {
    let out = plan(&every_kind(), &staff(), "https://feedback.example.org");
    assert_eq!(to(&out), ["admin", "care-1", "care-2", "coord", "mod"]);
    let by = |id: &str| out.iter().find(|m| m.user_id == id).unwrap();
    assert_eq!(by("care-1").kinds, [Kind::Releases]);
    assert_eq!(by("mod").kinds, [Kind::Quotes]);
    assert_eq!(by("coord").kinds, [Kind::Periods]);
    assert_eq!(by("admin").kinds, [Kind::Security]);
    // Coordinators get both period events in one message.
    assert!(by("coord")
        .body
        .contains("Week 1 of 2027 of Day services 2027 has ended"));
    assert!(by("coord")
        .body
        .contains("Week 2 of 2027 of Day services 2027 was held back"));
    assert_eq!(by("coord").subject, "Parrhesia: 2 things need you");
    // All three security events in one message to the administrator.
    for s in [
        "zed is now an administrator",
        "master keys were rotated",
        "account coord",
    ] {
        assert!(by("admin").body.contains(s), "{s}");
    }
    let release = &by("care-2");
    assert_eq!(
        release.subject,
        "Parrhesia: a new release for Care Forum is ready to answer"
    );
    assert!(release.body.starts_with("Hello care-2,\n\n"));
    assert!(release.body.contains("Themes shown: Money, Access."));
    assert!(release.body.contains("by Monday 8 February 2027"));
    assert!(release
        .body
        .contains("https://feedback.example.org/console/space?organisation=care"));
    assert_eq!(release.to, "care-2@example.org");
}

#[test]
fn preferences_choose_and_roles_bound_the_choice() {
    let mut people = staff();
    // The moderator turns quotes off; the administrator opts into every
    // kind; an organisation user asks for security mail they may not get.
    people[2].preferences = Preferences::only(&[]);
    people[0].preferences = Preferences::only(&Kind::ALL);
    people[3].preferences = Preferences::only(&[Kind::Security, Kind::Releases]);
    // Someone without an address gets nothing.
    people[4].address = None;
    let out = plan(&every_kind(), &people, "https://x.example");
    assert_eq!(to(&out), ["admin", "care-1", "coord"]);
    assert_eq!(out[0].kinds, Kind::ALL);
    assert_eq!(out[1].kinds, [Kind::Releases]);
    assert_eq!(Kind::parse("quotes"), Some(Kind::Quotes));
    assert_eq!(Kind::parse("critiques"), None);
}

#[test]
fn no_event_no_mail_and_duplicates_merge_in_a_fixed_order() {
    assert!(plan(&[], &staff(), "https://x.example").is_empty());
    let mut events = every_kind();
    events.extend(every_kind());
    events.reverse();
    let twice = plan(&events, &staff(), "https://x.example");
    let once = plan(&every_kind(), &staff(), "https://x.example");
    assert_eq!(twice, once, "order and repetition of events leave no trace");
}

#[test]
fn the_daily_batch_runs_once_a_day_and_sealing_batches_whenever_sealed() {
    let mut s = Schedule::default();
    let monday = crate::clock::day(2027, 1, 4);
    assert!(s.may_run(Trigger::Daily, monday));
    s.ran(Trigger::Daily, monday);
    assert!(!s.may_run(Trigger::Daily, monday));
    assert!(s.may_run(Trigger::Sealed, monday));
    s.ran(Trigger::Sealed, monday);
    assert!(
        !s.may_run(Trigger::Daily, monday),
        "sealing does not reset it"
    );
    let tuesday = crate::clock::day(2027, 1, 5);
    assert!(s.may_run(Trigger::Daily, tuesday));
    // A clock set back (a restored backup) does not run it twice.
    s.ran(Trigger::Daily, tuesday);
    assert!(!s.may_run(Trigger::Daily, monday));
}

#[test]
fn messages_carry_no_count_and_no_critique() {
    // Events cannot hold a count or a critique; this pins that the words
    // around them add none either: the only digits are those of published
    // labels, dates and links (and the coordinator's "2 things").
    for m in plan(&every_kind(), &staff(), "https://x.example") {
        // No digits but those of published labels, dates and links: no
        // count of critiques, quotes or failed sign-ins.
        let text = format!("{}\n{}", m.subject, m.body);
        let digits: String = text
            .replace(&m.user_id, "")
            .replace("2027", "")
            .replace("Week 1 ", "")
            .replace("Week 2 ", "")
            .replace("4 to 10", "")
            .replace("8 February", "")
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let allowed = match m.user_id.as_str() {
            "coord" => "2", // "2 things need you"
            "admin" => "3",
            _ => "",
        };
        assert_eq!(digits, allowed, "unexpected number in {text}");
        assert!(!text.contains("critique"), "{text}");
    }
}

#[test]
fn a_release_with_no_theme_shown_says_so() {
    let out = plan(
        &[release("care", "Care Forum", &[])],
        &staff(),
        "https://x.example",
    );
    assert!(out[0].body.contains("shows no theme on its own"));
}
