//! Where someone lives or stays: house-number-and-street addresses ("12
//! Acacia Avenue", "Flat 3, 45 High St", "221B Baker Street") and wards,
//! rooms and bays ("Ward 7", "Room 12B", "Bay 4", "Rowan Ward").
//!
//! A street needs a number and capitalised name words before its type, so
//! "the high street" and "2 hours down the road" stay. A ward or room needs
//! a number or letter after it ("Room for improvement", "ward off" stay) or
//! a capitalised name before it ("Rowan Ward"; "The Ward" stays).

use super::Scan;

/// Words that end a street's name; abbreviations may take a full stop.
#[rustfmt::skip]
const STREET_TYPES: [&str; 59] = [
    "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "close", "cl", "drive",
    "dr", "way", "court", "ct", "crescent", "cres", "place", "pl", "gardens", "gdns", "grove", "gr",
    "terrace", "tce", "square", "sq", "hill", "row", "walk", "mews", "park", "rise", "view",
    "parade", "green", "vale", "mount", "gate", "wharf", "yard", "boulevard", "quay", "croft",
    "meadow", "meadows", "fields", "wynd", "brow", "chase", "circus", "embankment", "esplanade",
    "glen", "heights", "path", "promenade", "villas",
];

/// Street types that are abbreviations ("St.", "Rd."), whose full stop
/// belongs to them.
#[rustfmt::skip]
const ABBREVIATIONS: [&str; 14] = [
    "st", "rd", "ave", "av", "ln", "cl", "dr", "ct", "cres", "pl", "gdns", "tce", "sq", "gr",
];

/// Dwellings inside a building: "Flat 3", "Apartment 7B".
const DWELLINGS: [&str; 4] = ["flat", "apartment", "apt", "maisonette"];

/// Places in a hospital, a care home or a hostel, before a number or
/// letter ("Ward 7", "Room 12B", "Bay 4", "Bed 3").
#[rustfmt::skip]
const ROOMS: [&str; 10] = [
    "ward", "room", "bay", "bed", "cubicle", "suite", "unit", "wing", "block", "pod",
];

/// Places named before their kind ("Rowan Ward", "Oak Lodge").
const NAMED: [&str; 6] = ["ward", "wing", "unit", "suite", "lodge", "house"];

/// Words after a number that make it a quantity or a time, not a room
/// ("in bed 3 days", "to bed 2 am").
#[rustfmt::skip]
const QUANTITIES: [&str; 18] = [
    "day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years",
    "hour", "hours", "minute", "minutes", "time", "times", "am", "pm",
];

/// Capitalised words that do not name a place before its kind ("The Ward").
#[rustfmt::skip]
const NOT_PLACE_NAMES: [&str; 16] = [
    "the", "a", "an", "this", "that", "our", "my", "your", "his", "her", "their", "every",
    "each", "which", "no", "any",
];

/// A number or letter naming a flat or a room: "7", "12B", "3a", "G12",
/// and, only when `letters` allows, a capital letter alone ("Ward C"; not
/// "I", as in "the Unit I work on").
fn identifier(s: &Scan, k: usize, letters: bool) -> Option<usize> {
    if s.digit(k) {
        let end = s.digits_end(k);
        if end - k > 4 {
            return None;
        }
        let end = if s.is(end, |c| c.is_ascii_alphabetic()) && s.ends_word(end + 1) {
            end + 1
        } else {
            end
        };
        return s.ends_word(end).then_some(end);
    }
    if s.is(k, |c| c.is_ascii_uppercase()) {
        let end = s.digits_end(k + 1);
        if end > k + 1 && end - k <= 4 && s.ends_word(end) {
            return Some(end);
        }
        if letters && s.ends_word(k + 1) && !s.is(k, |c| c == 'I') {
            return Some(k + 1);
        }
    }
    None
}

/// The end of one of `words` at `k` (any case), at a word boundary.
fn one_of(s: &Scan, k: usize, words: &[&str]) -> Option<usize> {
    let end = s.word_end(k)?;
    words.contains(&s.lower(k, end).as_str()).then_some(end)
}

/// House numbers and streets, with a flat before them if any.
pub(super) fn street_address(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) {
        return None;
    }
    // "Flat 3, " / "Apartment 7B "
    let (number_at, flat_end) = match one_of(s, i, &DWELLINGS) {
        Some(word_end) => {
            let end = s.space(word_end).and_then(|k| identifier(s, k, true))?;
            let after = if s.is(end, |c| c == ',') {
                end + 1
            } else {
                end
            };
            (s.space(after), Some(end))
        }
        None => (Some(i), None),
    };
    let street = number_at.and_then(|k| street(s, k));
    match (street, flat_end) {
        (Some(end), _) => Some((i, end)),
        // A flat alone, named with a capital ("I live in Flat 3").
        (None, Some(end)) if s.is(i, char::is_uppercase) => Some((i, end)),
        _ => None,
    }
}

/// "45 High St", "221B Baker Street", "1-3 Church Lane": a house number,
/// one to three capitalised words, and a street type.
fn street(s: &Scan, k: usize) -> Option<usize> {
    if !s.digit(k) {
        return None;
    }
    let mut j = s.digits_end(k);
    if j - k > 4 {
        return None;
    }
    if s.is(j, |c| c == '-' || c == '–') && s.digit(j + 1) {
        j = s.digits_end(j + 1);
    }
    if s.is(j, |c| c.is_ascii_alphabetic()) && s.ends_word(j + 1) {
        j += 1;
    }
    if s.is(j, |c| c == ',') {
        j += 1;
    }
    let mut at = s.space(j)?;
    for words in 0..4 {
        if !s.is(at, char::is_uppercase) {
            return None;
        }
        let end = s.word_end(at)?;
        if words > 0 {
            if let Some(type_end) = one_of(s, at, &STREET_TYPES) {
                let short = ABBREVIATIONS.contains(&s.lower(at, type_end).as_str());
                let dot = short && s.is(type_end, |c| c == '.');
                return Some(type_end + usize::from(dot));
            }
        }
        at = s.space(end)?;
    }
    None
}

/// "Ward 7", "Room 12B", "bay 4", "Side room 2"; "Rowan Ward", "Oak Lodge".
pub(super) fn room(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.is(i, char::is_alphabetic) {
        return None;
    }
    if let Some(word_end) = one_of(s, i, &ROOMS) {
        let capital = s.is(i, char::is_uppercase);
        if let Some(end) = s.space(word_end).and_then(|k| identifier(s, k, capital)) {
            let quantity = s
                .space(end)
                .and_then(|k| one_of(s, k, &QUANTITIES))
                .is_some();
            if !quantity {
                return Some((i, end));
            }
        }
    }
    // One or two capitalised names, then a capitalised kind.
    let mut k = i;
    for _ in 0..2 {
        if !s.is(k, char::is_uppercase) {
            return None;
        }
        let end = s.word_end(k)?;
        if NOT_PLACE_NAMES.contains(&s.lower(k, end).as_str()) {
            return None;
        }
        let next = s.space(end)?;
        if s.is(next, char::is_uppercase) {
            if let Some(kind_end) = one_of(s, next, &NAMED) {
                return s.ends_word(kind_end).then_some((i, kind_end));
            }
        }
        k = next;
    }
    None
}
