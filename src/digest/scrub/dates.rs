//! Dates, times of day and ages.

use super::Scan;

#[rustfmt::skip]
pub(super) const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
#[rustfmt::skip]
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];
#[rustfmt::skip]
const WEEKDAYS: [&str; 7] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
#[rustfmt::skip]
const WEEKDAY_ABBREVIATIONS: [&str; 9] = [
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
];

/// End of a month name at `i` ("March", "march", "Mar", "Sept."), if any.
/// "May" and abbreviations must be capitalised ("I may 3 times" stays).
fn month(s: &Scan, i: usize) -> Option<usize> {
    let j = s.word_end(i)?;
    let word: String = s.chars[i..j].iter().collect();
    let lower = word.to_lowercase();
    let capital = s.is(i, char::is_uppercase);
    let full = MONTHS.contains(&lower.as_str()) && (lower != "may" || capital);
    let short = MONTH_ABBREVIATIONS.contains(&word.as_str());
    if full || short {
        Some(if short && s.is(j, |c| c == '.') {
            j + 1
        } else {
            j
        })
    } else {
        None
    }
}

fn weekday(s: &Scan, i: usize) -> Option<usize> {
    let j = s.word_end(i)?;
    let word: String = s.chars[i..j].iter().collect();
    (WEEKDAYS.contains(&word.to_lowercase().as_str())
        || WEEKDAY_ABBREVIATIONS.contains(&word.as_str()))
    .then_some(j)
}

/// A day of the month, 1-31, with an optional ordinal suffix: "12", "12th".
fn day_number(s: &Scan, i: usize) -> Option<usize> {
    if !s.starts_word(i) || !s.digit(i) {
        return None;
    }
    let j = s.digits_end(i);
    if !(1..=31).contains(&s.number(i, j)?) {
        return None;
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(k) = s.literal(j, suffix) {
            if s.ends_word(k) {
                return Some(k);
            }
        }
    }
    s.ends_word(j).then_some(j)
}

/// After a day-and-month, an optional year: " 2024", ", 2024".
fn optional_year(s: &Scan, j: usize) -> usize {
    let k = if s.is(j, |c| c == ',') { j + 1 } else { j };
    if let Some(k) = s.space(k) {
        let end = s.digits_end(k);
        if end - k == 4 && s.ends_word(end) {
            return end;
        }
    }
    j
}

/// Dates: "12/03/2024", "12.3.24", "2024-03-12", "12 March 2024",
/// "12th of March", "March 12th", "Tuesday 12th", "Tuesday the 12th".
pub(super) fn date(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) {
        return None;
    }
    if s.digit(i) {
        if let Some(end) = numeric_date(s, i) {
            return Some((i, end));
        }
        // "12 March", "12th of March"
        let d = day_number(s, i)?;
        let mut j = s.space(d)?;
        if let Some(k) = s.literal(j, "of").and_then(|k| s.space(k)) {
            j = k;
        }
        let m = month(s, j)?;
        return Some((i, optional_year(s, m)));
    }
    // "March 12th", "Tuesday 12th", "Tuesday the 12th", "Tuesday 12 March"
    let (named_end, is_weekday) = match month(s, i) {
        Some(m) => (m, false),
        None => (weekday(s, i)?, true),
    };
    let mut j = s.space(named_end)?;
    if is_weekday {
        if let Some(k) = s.literal(j, "the").and_then(|k| s.space(k)) {
            j = k;
        }
    }
    let d = day_number(s, j)?;
    let mut end = d;
    if is_weekday {
        if let Some(m) = s.space(d).and_then(|k| {
            let k = s.literal(k, "of").and_then(|o| s.space(o)).unwrap_or(k);
            month(s, k)
        }) {
            end = m;
        }
    }
    Some((i, optional_year(s, end)))
}

/// d/m/y, d.m.y, d-m-y with 1-2 digit day and month and a 2 or 4 digit
/// year, or ISO y-m-d.
fn numeric_date(s: &Scan, i: usize) -> Option<usize> {
    let a = s.digits_end(i);
    let sep = s.at(a).filter(|c| matches!(c, '/' | '.' | '-'))?;
    let b = s.digits_end(a + 1);
    if s.at(b) != Some(sep) {
        return None;
    }
    let c = s.digits_end(b + 1);
    let (la, lb, lc) = (a - i, b - (a + 1), c - (b + 1));
    let day_month = (1..=2).contains(&la) && (1..=2).contains(&lb) && (lc == 2 || lc == 4);
    let iso = la == 4 && (1..=2).contains(&lb) && (1..=2).contains(&lc);
    ((day_month || iso) && s.ends_word(c)).then_some(c)
}

#[rustfmt::skip]
const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// An hour as digits (1-2 of them) or as a word ("three").
fn hour(s: &Scan, i: usize) -> Option<usize> {
    if s.digit(i) {
        let j = s.digits_end(i);
        return (j - i <= 2 && s.number(i, j)? <= 24).then_some(j);
    }
    let j = s.word_end(i)?;
    NUMBER_WORDS.contains(&s.lower(i, j).as_str()).then_some(j)
}

/// Times: "3pm", "3 p.m.", "10.30am", "15:30", "half past three",
/// "quarter to four", "ten o'clock". "3 times" and "2 hours" stay.
pub(super) fn time_of_day(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) {
        return None;
    }
    for lead in ["half past", "quarter past", "quarter to"] {
        if let Some(j) = s.literal(i, lead).and_then(|j| s.space(j)) {
            let h = hour(s, j)?;
            return s.ends_word(h).then_some((i, h));
        }
    }
    let h = hour(s, i)?;
    let mut j = h;
    if s.digit(i) && s.is(j, |c| c == ':' || c == '.') && s.digits_end(j + 1) == j + 3 {
        let minutes = s.number(j + 1, j + 3)?;
        if minutes >= 60 {
            return None;
        }
        j += 3;
        if s.is(h, |c| c == ':') && s.ends_word(j) && meridiem(s, j).is_none() {
            return Some((i, j)); // "15:30"
        }
    }
    if let Some(end) = meridiem(s, j) {
        return s.digit(i).then_some((i, end));
    }
    let k = s.space(j).unwrap_or(j);
    s.literal(k, "o'clock")
        .or_else(|| s.literal(k, "o’clock"))
        .map(|end| (i, end))
}

/// "am", " pm", "a.m.", " p.m." after `j`.
fn meridiem(s: &Scan, j: usize) -> Option<usize> {
    let k = s.space(j).unwrap_or(j);
    for m in ["a.m.", "p.m.", "am", "pm"] {
        if let Some(end) = s.literal(k, m) {
            if m.ends_with('.') || s.ends_word(end) {
                return Some(end);
            }
        }
    }
    None
}

/// Ages: "aged 84", "age 84", "84 years old", "84-year-old", "84 yrs old",
/// "84yo".
pub(super) fn age(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) {
        return None;
    }
    for lead in ["aged", "age"] {
        if let Some(j) = s.literal(i, lead).and_then(|j| s.spaces(j)) {
            let end = s.digits_end(j);
            if end > j && end - j <= 3 && s.ends_word(end) {
                return Some((i, end));
            }
        }
    }
    if !s.digit(i) {
        return None;
    }
    let n = s.digits_end(i);
    if n - i > 3 {
        return None;
    }
    if let Some(end) = s.literal(n, "yo").filter(|e| s.ends_word(*e)) {
        return Some((i, end));
    }
    let j = if s.is(n, |c| c == '-' || c == ' ') {
        n + 1
    } else {
        n
    };
    for unit in ["years", "year", "yrs", "yr"] {
        if let Some(k) = s.literal(j, unit) {
            let k2 = if s.is(k, |c| c == '-' || c == ' ') {
                k + 1
            } else {
                k
            };
            if let Some(end) = s.literal(k2, "old").filter(|e| s.ends_word(*e)) {
                return Some((i, end));
            }
        }
    }
    None
}
