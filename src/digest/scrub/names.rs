//! Names: titled ("Nurse Patel"), introduced ("called Gary"), signed
//! ("Thanks, Mary Jones", "Regards,\nJohn Smith") and known first names
//! ("Sarah from the office", "ask Dave on reception"), with a surname when
//! one follows ("Mary Jones").

use super::dates::MONTHS;
use super::Scan;
use std::collections::HashSet;
use std::sync::OnceLock;

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

/// Capitalised words that follow a name without being a surname ("Sarah
/// Ward" is a place's name, "Dave Road" a street), or that a sign-off
/// addresses without naming anyone ("Thanks, Everyone").
#[rustfmt::skip]
const NOT_SURNAMES: [&str; 30] = [
    "ward", "room", "bay", "unit", "wing", "suite", "house", "lodge", "road", "street", "avenue",
    "lane", "everyone", "all", "team", "staff", "services", "council", "family", "mum", "mam",
    "dad", "gran", "granny", "nan", "nana", "grandma", "grandad", "folks", "guys",
];

/// One capitalised name word ending at a word boundary: its end. Without
/// a title or an introduction before it (`loose`), words that usually
/// follow a name without being one are left out too.
fn name_word(s: &Scan, k: usize, loose: bool) -> Option<usize> {
    if !s.is(k, char::is_uppercase) {
        return None;
    }
    let end = s.word_end(k)?;
    let lower = s.lower(k, end);
    let is_month = MONTHS.contains(&lower.as_str());
    let plain = !NOT_NAMES.contains(&lower.as_str())
        && !(loose && (NOT_SURNAMES.contains(&lower.as_str()) || end - k < 2))
        && !is_month;
    (plain && s.ends_word(end)).then_some(end)
}

/// A capitalised name after a title or an introduction ("Patel",
/// "O'Brien", "Smith-Jones"), optionally two ("Jane Smith"). Returns its
/// char range.
fn capitalised_name(s: &Scan, i: usize) -> Option<(usize, usize)> {
    let first = name_word(s, i, false)?;
    let end = s
        .space(first)
        .and_then(|k| name_word(s, k, false))
        .unwrap_or(first);
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
/// "Councillor Ahmed"), introduced names ("called Gary", "named Sarah",
/// "my carer Gary"), signed names and known first names. Only the name is
/// replaced.
pub(super) fn name(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.is(i, char::is_alphabetic) {
        return None;
    }
    let word_end = s.word_end(i)?;
    let word = s.lower(i, word_end);
    if let Some(j) = after_title(s, i) {
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
    signed_name(s, i).or_else(|| first_name(s, i, word_end, &word))
}

/// The end of a title at `i` ("Mrs", "Dr."), if there is one.
fn after_title(s: &Scan, i: usize) -> Option<usize> {
    let end = s.word_end(i)?;
    if !TITLES.contains(&s.lower(i, end).as_str()) {
        return None;
    }
    Some(if s.is(end, |c| c == '.') {
        end + 1
    } else {
        end
    })
}

#[rustfmt::skip]
const SIGN_OFFS: [&str; 20] = [
    "kind regards", "best regards", "warm regards", "warmest regards", "many thanks",
    "thank you", "thanks again", "best wishes", "all the best", "yours sincerely",
    "yours faithfully", "yours truly", "with thanks", "with love", "regards", "thanks",
    "cheers", "sincerely", "love", "from",
];

/// Whether `i` starts a line or a sentence (so "Thanks," there is a
/// sign-off, and "from" the start of a "From: …" line).
fn line_or_sentence_start(s: &Scan, i: usize) -> bool {
    let mut k = i;
    while k > 0 && s.is(k - 1, |c| c == ' ' || c == '\t') {
        k -= 1;
    }
    k == 0 || s.is(k - 1, |c| matches!(c, '\n' | '\r' | '.' | '!' | '?'))
}

/// Skip at least one space, tab or line break at `j`.
fn gap(s: &Scan, j: usize) -> Option<usize> {
    let mut k = j;
    while s.is(k, |c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}')) {
        k += 1;
    }
    (k > j).then_some(k)
}

/// A name signed under a sign-off at the start of a line or sentence:
/// "Thanks, Mary Jones", "Regards,\nJohn Smith", "Kind regards, J. Smith",
/// "From: Mrs A. Khan". The name (up to three words or initials, after any
/// title) must end its line or sentence. Only the name is replaced.
fn signed_name(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !line_or_sentence_start(s, i) {
        return None;
    }
    let phrase_end = SIGN_OFFS
        .iter()
        .find_map(|phrase| s.literal(i, phrase).filter(|j| s.ends_word(*j)))?;
    let mut j = phrase_end;
    if s.is(j, |c| matches!(c, ',' | '.' | '!' | ':' | '-' | '–' | '—')) {
        j += 1;
    }
    j = gap(s, j)?;
    if let Some(k) = after_title(s, j) {
        j = s.space(k)?;
    }
    let start = j;
    let mut end = None;
    let mut words = 0;
    for _ in 0..3 {
        // A word, or an initial ("J" or "J.").
        let word_end = if let Some(e) = name_word(s, j, true) {
            words += 1;
            e
        } else if s.is(j, char::is_uppercase) && !s.is(j + 1, char::is_alphanumeric) {
            j + 1 + usize::from(s.is(j + 1, |c| c == '.'))
        } else {
            break;
        };
        end = Some(word_end);
        match s.space(word_end) {
            Some(k) if s.is(k, char::is_uppercase) => j = k,
            _ => break,
        }
    }
    let end = end?;
    // Initials alone are not enough to call a name ("Thanks, A.").
    if words == 0 {
        return None;
    }
    let closes = match s.at(end) {
        None | Some('\n' | '\r') => true,
        Some('.' | '!' | ',' | ';' | ')') => !s.is(end + 1, |c| {
            !c.is_whitespace() && !matches!(c, '.' | '!' | ')')
        }),
        _ => false,
    };
    closes.then_some((start, end))
}

/// Lower-case words just before a first name that show it is one ("ask
/// dave"), and phrases just after ("dave on reception").
#[rustfmt::skip]
const BEFORE_NAMES: [&str; 8] = ["ask", "asked", "tell", "told", "thanks", "thank", "with", "and"];
#[rustfmt::skip]
const AFTER_NAMES: [&str; 14] = [
    "from the", "from reception", "from admin", "on reception", "at reception", "in reception",
    "on the desk", "at the desk", "on the front desk", "in the office", "in admin", "said",
    "told", "says",
];

fn first_names() -> &'static HashSet<&'static str> {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("first-names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// A known first name (from `first-names.txt`): capitalised anywhere,
/// with a capitalised surname if one follows ("Mary Jones"); in lower case
/// only between the words that show it is a name ("ask dave on
/// reception"). A possessive "'s" stays.
fn first_name(s: &Scan, i: usize, word_end: usize, word: &str) -> Option<(usize, usize)> {
    let (stem_end, stem) = match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        Some(stem) => (word_end - 2, stem),
        None => (word_end, word),
    };
    if !first_names().contains(stem) || !s.ends_word(word_end) {
        return None;
    }
    if s.is(i, char::is_uppercase) {
        let end = if stem_end == word_end {
            s.space(word_end)
                .and_then(|k| name_word(s, k, true))
                .unwrap_or(word_end)
        } else {
            stem_end
        };
        return Some((i, end));
    }
    let after = s.space(word_end).is_some_and(|k| {
        AFTER_NAMES
            .iter()
            .any(|p| s.literal(k, p).is_some_and(|e| s.ends_word(e)))
    });
    let before = i >= 2 && s.is(i - 1, |c| c == ' ') && {
        let mut k = i - 1;
        while k > 0 && s.is(k - 1, char::is_alphabetic) {
            k -= 1;
        }
        BEFORE_NAMES.contains(&s.lower(k, i - 1).as_str())
    };
    (after || before).then_some((i, stem_end))
}
