//! The scrub table: every rule, the tricky cases named in issue 5, and
//! false positives that must stay.

use super::*;

/// (input, expected output). Each row is one rule's case or a text that
/// must come through unchanged.
const TABLE: &[(&str, &str)] = &[
    // NHS numbers, checked with mod 11, before any other digit rule.
    ("NHS no 943 476 5919 thanks", "NHS no [NHS number] thanks"),
    ("my number is 9434765919.", "my number is [NHS number]."),
    ("ref 943-476-5919", "ref [NHS number]"),
    // E-mail addresses.
    (
        "write to jo.bloggs+care@example.org.uk now",
        "write to [email] now",
    ),
    ("(gary@carehome.com)", "([email])"),
    // Links with and without a scheme.
    ("see https://example.org/complaints?id=4.", "see [link]."),
    ("at www.carehome.co.uk, or", "at [link], or"),
    ("go to carehome.co.uk/feedback today", "go to [link] today"),
    ("http://x.io", "[link]"),
    // UK phone numbers, including "+44 (0)161 …".
    ("ring +44 (0)161 496 0000 please", "ring [phone] please"),
    ("ring 0161 496 0000", "ring [phone]"),
    ("text 07700 900123", "text [phone]"),
    ("text +447700900123.", "text [phone]."),
    ("(0161) 496 0000", "[phone]"),
    ("0044 7700 900 123", "[phone]"),
    ("call 0800 123 4567 or", "call [phone] or"),
    // National Insurance numbers, leniently ("QQ 12 34 56 C").
    ("NI QQ 12 34 56 C ok", "NI [NI number] ok"),
    ("NI QQ123456C", "NI [NI number]"),
    ("ni qq 12-34-56-c", "ni [NI number]"),
    ("AB123456 was mine", "[NI number] was mine"),
    // Postcodes.
    ("I live in M1 1AE near", "I live in [postcode] near"),
    ("SW1A 1AA", "[postcode]"),
    ("at m11ae.", "at [postcode]."),
    ("B33 8TH", "[postcode]"),
    // Other long digit runs.
    ("case 123456 closed", "case [number] closed"),
    ("room 496 0000", "room [number]"),
    ("ref 12345678901234", "ref [number]"),
    // Dates.
    ("on 12/03/2024 they", "on [date] they"),
    ("on 12.3.24 they", "on [date] they"),
    ("on 2024-03-12 they", "on [date] they"),
    ("on 12 March 2024 they", "on [date] they"),
    ("on 12th of March they", "on [date] they"),
    ("on March 12th they", "on [date] they"),
    ("on March 12, 2024 they", "on [date] they"),
    ("on Tuesday 12th they", "on [date] they"),
    ("on Tuesday the 12th they", "on [date] they"),
    ("on 3 may it", "on 3 may it"),
    ("on 3 May it", "on [date] it"),
    // Times.
    ("at 3pm the", "at [time] the"),
    ("at 3 p.m. the", "at [time] the"),
    ("at 10.30am the", "at [time] the"),
    ("at 15:30 the", "at [time] the"),
    ("at half past three the", "at [time] the"),
    ("at ten o'clock the", "at [time] the"),
    // Ages.
    ("my mum, aged 84, was", "my mum, [age], was"),
    ("she is 84 years old", "she is [age]"),
    ("an 84-year-old man", "an [age] man"),
    ("a 9 year old", "a [age]"),
    // @handles.
    ("ask @gary_m about it", "ask [handle] about it"),
    // Titled names.
    ("Nurse Patel was rude", "Nurse [name] was rude"),
    ("I saw Dr Smith", "I saw Dr [name]"),
    ("Mr. Jones said", "Mr. [name] said"),
    ("Mrs O'Brien said", "Mrs [name] said"),
    (
        "Councillor Ahmed never came",
        "Councillor [name] never came",
    ),
    ("Dr Jane Smith-Jones", "Dr [name]"),
    ("dr Smith", "dr [name]"),
    // Introduced names.
    ("a carer called Gary", "a carer called [name]"),
    ("a nurse named Sarah Lee came", "a nurse named [name] came"),
    ("my carer Gary is kind", "my carer [name] is kind"),
    ("her name is Ayesha.", "her name is [name]."),
    // False positives: these stay as they are.
    ("I asked 3 times", "I asked 3 times"),
    ("twice a week for 2 hours", "twice a week for 2 hours"),
    ("the 5 of us went", "the 5 of us went"),
    ("it was in 2019 and 2020", "it was in 2019 and 2020"),
    ("he thinks he is Mr know-all", "he thinks he is Mr know-all"),
    ("the Mr and Mrs forms", "the Mr and Mrs forms"),
    ("we watched Doctor Who", "we watched Doctor Who"),
    ("the doctor was kind", "the doctor was kind"),
    ("I called the office", "I called the office"),
    ("in March and on Tuesday", "in March and on Tuesday"),
    ("since March 2024", "since March 2024"),
    ("24/7 care", "24/7 care"),
    ("on the 3rd floor", "on the 3rd floor"),
    // A room number is a place now (issue 16), even a famous one.
    ("Room 101 again", "[place] again"),
    ("£10.50 each", "£10.50 each"),
    ("1 in 3 people", "1 in 3 people"),
    ("I rang NHS 111", "I rang NHS 111"),
    ("A&E at 50% of the time", "A&E at 50% of the time"),
    ("I told Mum", "I told Mum"),
    ("9am-5pm only", "[time]-[time] only"),
    ("+44 161 496 0000", "[phone]"),
    ("0161-496-0000", "[phone]"),
    ("07700900123", "[phone]"),
    ("QQ 123456 C", "[NI number]"),
    ("EC1A 1BB", "[postcode]"),
    ("on 1st March", "on [date]"),
    ("JO@EXAMPLE.COM", "[email]"),
    ("e.g. the stairs", "e.g. the stairs"),
    ("they said: no.Then left", "they said: no.Then left"),
    ("1/2 the staff", "1/2 the staff"),
    ("wait 10 minutes", "wait 10 minutes"),
    ("£2.50 a day", "£2.50 a day"),
    ("111 and 999", "111 and 999"),
    ("meet @ the hall", "meet @ the hall"),
    ("in 12 34 56", "in 12 34 56"),
    ("the M6 2pm", "the M6 [time]"),
    // A wrong check digit: not an NHS number, but still a long digit run.
    ("number 943 476 5918 is wrong", "number [number] is wrong"),
];

/// Every row of `table` whose scrubbed input is not its expected output,
/// described for the failure message.
pub(super) fn table_failures(table: &[(&str, &str)]) -> Vec<String> {
    table
        .iter()
        .filter_map(|(input, expected)| {
            let got = scrub(input).text;
            (got != *expected).then(|| format!("{input:?}\n   want {expected:?}\n    got {got:?}"))
        })
        .collect()
}

/// Each removal of `text`: its kind and what it removed.
pub(super) fn removed(text: &str) -> Vec<(Kind, &str)> {
    scrub(text)
        .removals
        .iter()
        .map(|r| (r.kind, &text[r.range.clone()]))
        .collect()
}

#[test]
fn every_scrub_rule_removes_what_it_should_and_only_that() {
    let failures = table_failures(TABLE);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn removals_carry_kind_and_byte_range_in_the_original() {
    let text = "Ring Nurse Patel on 07700 900123 — café at M1 1AE";
    let out = scrub(text);
    assert_eq!(
        removed(text),
        vec![
            (Kind::Name, "Patel"),
            (Kind::Phone, "07700 900123"),
            (Kind::Postcode, "M1 1AE"),
        ]
    );
    assert_eq!(
        out.text,
        "Ring Nurse [name] on [phone] — café at [postcode]"
    );
}

#[test]
fn nhs_numbers_are_found_before_the_phone_and_digit_rules() {
    // A valid NHS number that also looks like a long digit run.
    let out = scrub("4010232137");
    assert_eq!(out.removals.len(), 1);
    assert_eq!(out.removals[0].kind, Kind::NhsNumber);
    // One digit off: no longer an NHS number, but still a long digit run.
    let out = scrub("4010232138");
    assert_eq!(out.removals[0].kind, Kind::Number);
}

#[test]
fn the_nhs_check_digit_follows_the_mod_11_rule() {
    assert!(nhs_check_digit_ok(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 9]));
    assert!(!nhs_check_digit_ok(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 8]));
    // Remainder 1 → check digit 10 → never valid.
    assert!(!nhs_check_digit_ok(&[0, 0, 0, 0, 0, 0, 0, 1, 0, 0]));
    assert!(!nhs_check_digit_ok(&[1, 2, 3]));
}

#[test]
fn scrubbing_handles_non_ascii_text_and_keeps_it() {
    let text = "Ça va? Sœur Marie — call 07700 900123 ✓ 😀";
    let out = scrub(text);
    assert_eq!(out.text, "Ça va? Sœur [name] — call [phone] ✓ 😀");
    assert_eq!(&text[out.removals[1].range.clone()], "07700 900123");
}

#[test]
fn text_without_details_comes_back_unchanged() {
    let text = "The staff are kind but the meetings are always at 2 in the afternoon.";
    let out = scrub(text);
    assert_eq!(out.text, text);
    assert!(out.removals.is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text: no panic, removals in order and apart, on character
        /// boundaries, and the output is the original with each removal
        /// replaced by its placeholder.
        #[test]
        fn scrubbing_any_text_is_well_formed(
            text in r"(\PC|[0-9 +()@./:-]|Dr |called |aged |M1 1AE|07700 900123|QQ 12 34 56 C){0,40}"
        ) {
            let out = scrub(&text);
            let mut rebuilt = String::new();
            let mut at = 0;
            for r in &out.removals {
                prop_assert!(r.range.start >= at && r.range.start < r.range.end);
                prop_assert!(text.is_char_boundary(r.range.start) && text.is_char_boundary(r.range.end));
                rebuilt.push_str(&text[at..r.range.start]);
                rebuilt.push_str(r.kind.placeholder());
                at = r.range.end;
            }
            rebuilt.push_str(&text[at..]);
            prop_assert_eq!(rebuilt, out.text);
        }

        /// A phone number, an e-mail address or an NI number inside any
        /// ordinary words is always removed.
        #[test]
        fn details_inside_ordinary_words_are_always_removed(
            before in "[a-z ]{0,20}", after in "[a-z ]{0,20}",
            detail in prop_oneof![
                Just("07700 900123"), Just("+44 (0)161 496 0000"), Just("jo@example.org"),
                Just("QQ 12 34 56 C"), Just("943 476 5919"), Just("SW1A 1AA")
            ],
        ) {
            let text = format!("{before} {detail} {after}");
            let out = scrub(&text);
            prop_assert!(!out.text.contains(detail), "{:?} → {:?}", text, out.text);
        }
    }
}
