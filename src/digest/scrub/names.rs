//! Titled names ("Nurse Patel") and introduced names ("called Gary").

use super::dates::MONTHS;
use super::Scan;

#[rustfmt::skip]
const TITLES: [&str; 32] = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "nurse", "sister",
    "matron", "councillor", "cllr", "sir", "dame", "lord", "lady", "rev", "reverend", "father",
    "pastor", "imam", "rabbi", "officer", "pc", "sgt", "sergeant", "judge", "captain", "auntie",
    "uncle",
];

/// Capitalised words that follow a title or an introduction without being
/// a name ("Doctor Who", "called Monday").
#[rustfmt::skip]
const NOT_NAMES: [&str; 40] = [
    "who", "what", "when", "where", "why", "how", "the", "a", "an", "and", "or", "but", "i", "it",
    "he", "she", "they", "we", "you", "his", "her", "in", "on", "at", "to", "of", "is", "was",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "nhs", "gp",
    "ok", "yes", "no",
];

/// A capitalised name ("Patel", "O'Brien", "Smith-Jones"), optionally two
/// ("Jane Smith"). Returns its char range.
fn capitalised_name(s: &Scan, i: usize) -> Option<(usize, usize)> {
    let one = |k: usize| -> Option<usize> {
        if !s.is(k, char::is_uppercase) {
            return None;
        }
        let end = s.word_end(k)?;
        let lower = s.lower(k, end);
        let is_month = MONTHS.contains(&lower.as_str());
        (!NOT_NAMES.contains(&lower.as_str()) && !is_month && s.ends_word(end)).then_some(end)
    };
    let first = one(i)?;
    let end = s.space(first).and_then(one).unwrap_or(first);
    Some((i, end))
}

#[rustfmt::skip]
const INTRODUCTIONS: [&str; 24] = [
    "called", "named", "name is", "name's", "known as", "my carer", "my care worker",
    "my support worker", "my key worker", "my keyworker", "my social worker", "my nurse", "my gp",
    "my son", "my daughter", "my husband", "my wife", "my partner", "my mum", "my dad",
    "my mother", "my father", "my brother", "my sister",
];

/// Titled names ("Nurse Patel", "Dr Smith", "Mr. Jones", "Mrs O'Brien",
/// "Councillor Ahmed") and introduced names ("called Gary", "named Sarah",
/// "my carer Gary"). Only the name is replaced.
pub(super) fn name(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.is(i, char::is_alphabetic) {
        return None;
    }
    let word_end = s.word_end(i)?;
    let word = s.lower(i, word_end);
    if TITLES.contains(&word.as_str()) {
        let j = if s.is(word_end, |c| c == '.') {
            word_end + 1
        } else {
            word_end
        };
        if let Some(n) = s.space(j).and_then(|k| capitalised_name(s, k)) {
            return Some(n);
        }
    }
    for intro in INTRODUCTIONS {
        if let Some(j) = s.literal(i, intro).filter(|j| s.ends_word(*j)) {
            let after = if s.is(j, |c| c == ',') { j + 1 } else { j };
            if let Some(n) = s.space(after).and_then(|k| capitalised_name(s, k)) {
                return Some(n);
            }
        }
    }
    None
}
