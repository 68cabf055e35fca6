//! Scrubbing personal details out of a critique before anyone reads it as a
//! quote (guarantee 4: quotes need consent, scrubbing and a moderator).
//!
//! [`scrub`] takes the writer's text and returns the text with every find
//! replaced by a bracketed placeholder (`[email]`, `[phone]`, `[name]`, …),
//! plus a list of what was removed: its [`Kind`] and its byte range in the
//! ORIGINAL text, so a moderator view can highlight each removal. The
//! scanners are hand-written (no regex engine): each rule is a small function
//! that tries to match at one position. Rules run in a fixed order and an
//! earlier rule's find cannot be taken again by a later one; the order
//! matters for digits: NHS numbers (checked with their mod-11 check digit)
//! first, then e-mail addresses, links, phone numbers, National Insurance
//! numbers, postcodes, other long digit runs, dates, times, ages, @handles,
//! titled names and introduced names.
//!
//! Decisions a reader might question:
//! - Scrubbing errs towards removing too much: a moderator can restore a
//!   word by editing, but cannot un-publish a name.
//! - For names, only the name is replaced and the title or introduction is
//!   kept ("Nurse [name]", "a carer called [name]"): the role is what makes
//!   a critique useful, and roles are shared by many people.
//! - "Doctor Who": a title (or an introduction) followed by a capitalised
//!   word is a name UNLESS that word is a common function word, a day or a
//!   month ("Doctor Who", "called Monday"): those stay. A title followed by
//!   a lower-case word is not a name ("he acts like Mr know-all" stays), so
//!   "Mr" in the middle of a sentence is left alone.
//! - Years alone ("in 2019") stay: a year is coarser than a period. Days of
//!   the week alone ("on Tuesday") and months alone ("in March") stay; a day
//!   WITH a date number is removed ("Tuesday 12th", "12 March", "March 12th").
//! - Ordinary small numbers ("3 times", "2 hours", "the 5 of us") stay.
//! - Postcodes whose last part reads as a time ("M6 2pm") are left to the
//!   time rule.
//! - An introduced word that is capitalised is taken as a name even when it
//!   is not one ("I called Social Services" loses "Social Services"): the
//!   moderator can put it back.

use std::ops::Range;

/// What kind of detail a removal was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    NhsNumber,
    Email,
    Link,
    Phone,
    NiNumber,
    Postcode,
    Number,
    Date,
    Time,
    Age,
    Handle,
    Name,
}

impl Kind {
    /// The placeholder written in place of the detail.
    pub fn placeholder(self) -> &'static str {
        match self {
            Kind::NhsNumber => "[NHS number]",
            Kind::Email => "[email]",
            Kind::Link => "[link]",
            Kind::Phone => "[phone]",
            Kind::NiNumber => "[NI number]",
            Kind::Postcode => "[postcode]",
            Kind::Number => "[number]",
            Kind::Date => "[date]",
            Kind::Time => "[time]",
            Kind::Age => "[age]",
            Kind::Handle => "[handle]",
            Kind::Name => "[name]",
        }
    }
}

/// One removed detail: its kind and its byte range in the original text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Removal {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// The scrubbed text and what was removed, in text order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Scrubbed {
    pub text: String,
    pub removals: Vec<Removal>,
}

/// A rule tries to match at char index `i` and returns the char range to
/// replace (which may start after `i`, for "called Gary").
type Rule = fn(&Scan, usize) -> Option<(usize, usize)>;

const RULES: [(Kind, Rule); 12] = [
    (Kind::NhsNumber, nhs_number),
    (Kind::Email, email),
    (Kind::Link, link),
    (Kind::Phone, phone),
    (Kind::NiNumber, ni_number),
    (Kind::Postcode, postcode),
    (Kind::Number, long_number),
    (Kind::Date, date),
    (Kind::Time, time_of_day),
    (Kind::Age, age),
    (Kind::Handle, handle),
    (Kind::Name, name),
];

/// Scrub `text`; see the module documentation for the rules.
pub fn scrub(text: &str) -> Scrubbed {
    let mut scan = Scan::new(text);
    let mut found: Vec<(Kind, usize, usize)> = Vec::new();
    for (kind, rule) in RULES {
        let mut i = 0;
        while i < scan.len() {
            match rule(&scan, i) {
                Some((a, b)) if a < b && !scan.taken[a..b].iter().any(|t| *t) => {
                    scan.taken[a..b].iter_mut().for_each(|t| *t = true);
                    found.push((kind, a, b));
                    i = b;
                }
                _ => i += 1,
            }
        }
    }
    found.sort_by_key(|f| f.1);
    let mut out = String::with_capacity(text.len());
    let mut removals = Vec::with_capacity(found.len());
    let mut at = 0;
    for (kind, a, b) in found {
        let range = scan.byte(a)..scan.byte(b);
        out.push_str(&text[at..range.start]);
        out.push_str(kind.placeholder());
        at = range.end;
        removals.push(Removal { kind, range });
    }
    out.push_str(&text[at..]);
    Scrubbed {
        text: out,
        removals,
    }
}

/// The text as chars with their byte offsets, and which chars a rule took.
struct Scan {
    chars: Vec<char>,
    /// Byte offset of each char, plus the text length at the end.
    offsets: Vec<usize>,
    taken: Vec<bool>,
}

impl Scan {
    fn new(text: &str) -> Self {
        let (offsets, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        let mut offsets = offsets;
        offsets.push(text.len());
        let taken = vec![false; chars.len()];
        Self {
            chars,
            offsets,
            taken,
        }
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn byte(&self, i: usize) -> usize {
        self.offsets[i]
    }
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }
    fn is(&self, i: usize, f: impl Fn(char) -> bool) -> bool {
        self.at(i).is_some_and(f)
    }
    fn digit(&self, i: usize) -> bool {
        self.is(i, |c| c.is_ascii_digit())
    }
    /// No word character just before `i`.
    fn starts_word(&self, i: usize) -> bool {
        i == 0 || !word_char(self.chars[i - 1])
    }
    /// No word character at `i` (the previous match ended at `i`).
    fn ends_word(&self, i: usize) -> bool {
        !self.is(i, word_char)
    }
    /// End of the run of ASCII digits starting at `i`.
    fn digits_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.digit(j) {
            j += 1;
        }
        j
    }
    /// The number made of the digits in `i..j`, if short enough.
    fn number(&self, i: usize, j: usize) -> Option<u32> {
        if j <= i || j - i > 6 {
            return None;
        }
        self.chars[i..j]
            .iter()
            .try_fold(0u32, |n, c| c.to_digit(10).map(|d| n * 10 + d))
    }
    /// End of the word (letters, inner apostrophes and hyphens) at `i`.
    fn word_end(&self, i: usize) -> Option<usize> {
        if !self.is(i, char::is_alphabetic) {
            return None;
        }
        let mut j = i + 1;
        loop {
            if self.is(j, char::is_alphabetic) {
                j += 1;
            } else if self.is(j, |c| matches!(c, '\'' | '’' | '-'))
                && self.is(j + 1, char::is_alphabetic)
            {
                j += 2;
            } else {
                return Some(j);
            }
        }
    }
    fn lower(&self, i: usize, j: usize) -> String {
        self.chars[i..j]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect()
    }
    /// Case-insensitive ASCII match of `s` at `i`; returns the end.
    fn literal(&self, i: usize, s: &str) -> Option<usize> {
        let mut j = i;
        for want in s.chars() {
            let c = self.at(j)?;
            if !c.eq_ignore_ascii_case(&want) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
    /// Skip one space (or no-break space) at `i`.
    fn space(&self, i: usize) -> Option<usize> {
        self.is(i, |c| c == ' ' || c == '\u{a0}').then_some(i + 1)
    }
    /// Skip one or more spaces at `i`.
    fn spaces(&self, i: usize) -> Option<usize> {
        let mut j = self.space(i)?;
        while let Some(k) = self.space(j) {
            j = k;
        }
        Some(j)
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

// ---------------------------------------------------------------- numbers

/// NHS number: 10 digits, contiguous or spaced/hyphenated 3-3-4, whose last
/// digit is the mod-11 check digit of the first nine.
fn nhs_number(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.digit(i) {
        return None;
    }
    let run = s.digits_end(i);
    let (digits, end): (Vec<u32>, usize) = if run - i == 10 {
        (digits_of(s, i, run), run)
    } else if run - i == 3 {
        let sep = |k: usize| s.is(k, |c| c == ' ' || c == '-');
        let (b, c) = (run + 1, run + 5);
        if sep(run) && s.digits_end(b) == b + 3 && sep(b + 3) && s.digits_end(c) == c + 4 {
            let mut d = digits_of(s, i, run);
            d.extend(digits_of(s, b, b + 3));
            d.extend(digits_of(s, c, c + 4));
            (d, c + 4)
        } else {
            return None;
        }
    } else {
        return None;
    };
    (s.ends_word(end) && nhs_check_digit_ok(&digits)).then_some((i, end))
}

fn digits_of(s: &Scan, i: usize, j: usize) -> Vec<u32> {
    s.chars[i..j]
        .iter()
        .filter_map(|c| c.to_digit(10))
        .collect()
}

/// The NHS mod-11 rule: weights 10..2 on the first nine digits; the check
/// digit is 11 − (sum mod 11), with 11 → 0 and 10 meaning "not a number".
pub fn nhs_check_digit_ok(digits: &[u32]) -> bool {
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(d, w)| d * w)
        .sum();
    match 11 - sum % 11 {
        11 => digits[9] == 0,
        10 => false,
        check => digits[9] == check,
    }
}

/// UK phone numbers: "+44 (0)161 496 0000", "0044 161 …", "0161 496 0000",
/// "07700 900123", "+447700900123". After the country code is turned into a
/// leading 0, a number is 10 or 11 digits starting 0 then 1-9; groups may be
/// split by single spaces, hyphens, dots or brackets.
fn phone(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) && !s.is(i, |c| c == '+' || c == '(') {
        return None;
    }
    if i > 0 && s.is(i - 1, |c| c == '+' || c.is_ascii_digit()) {
        return None;
    }
    let mut j = i;
    // The digits so far, as a national number (starting 0).
    let mut national = String::new();
    if let Some(k) = s.literal(i, "+44").or_else(|| s.literal(i, "0044")) {
        national.push('0');
        j = k;
        j = s.space(j).unwrap_or(j);
        if let Some(k) = s.literal(j, "(0)") {
            j = s.space(k).unwrap_or(k);
        }
    } else if s.is(i, |c| c == '(') && s.is(i + 1, |c| c == '0') {
        j = i + 1;
    } else if !s.is(i, |c| c == '0') {
        return None;
    }
    let mut best = None;
    loop {
        let end = s.digits_end(j);
        if end == j {
            break;
        }
        national.extend(&s.chars[j..end]);
        if national.len() > 11 {
            break;
        }
        let valid = national.len() >= 10
            && national.starts_with('0')
            && national.as_bytes().get(1).is_some_and(|b| *b != b'0');
        if valid && s.ends_word(end) {
            best = Some((i, end));
        }
        // A single separator (or ") " after an area code in brackets).
        j = end;
        if s.is(j, |c| c == ')') {
            j += 1;
        }
        match s.at(j) {
            Some(' ' | '-' | '.') if s.digit(j + 1) => j += 1,
            _ if j > end && s.digit(j) => {}
            _ => break,
        }
    }
    best
}

/// National Insurance numbers, leniently: two letters, three pairs of
/// digits, an optional final letter A-D; any case; optional single spaces
/// or hyphens between the parts ("QQ 12 34 56 C", "qq123456c").
fn ni_number(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.is(i, |c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !s.is(i + 1, |c| c.is_ascii_alphabetic()) {
        return None;
    }
    let sep = |k: usize| {
        if s.is(k, |c| c == ' ' || c == '-') {
            k + 1
        } else {
            k
        }
    };
    let mut j = i + 2;
    for _ in 0..3 {
        j = sep(j);
        if !(s.digit(j) && s.digit(j + 1)) {
            return None;
        }
        j += 2;
    }
    let with_letter = sep(j);
    if s.is(with_letter, |c| matches!(c.to_ascii_uppercase(), 'A'..='D'))
        && s.ends_word(with_letter + 1)
    {
        return Some((i, with_letter + 1));
    }
    // Without the final letter, ask for capitals so that "in 12 34 56"
    // stays.
    let capitals = s.is(i, |c| c.is_ascii_uppercase()) && s.is(i + 1, |c| c.is_ascii_uppercase());
    (capitals && s.ends_word(j)).then_some((i, j))
}

/// UK postcodes: outward code (A9, A99, A9A, AA9, AA99, AA9A), an optional
/// space, inward code (9AA); any case ("M1 1AE", "SW1A 1AA", "m11ae").
fn postcode(s: &Scan, i: usize) -> Option<(usize, usize)> {
    let alpha = |k: usize| s.is(k, |c| c.is_ascii_alphabetic());
    if !s.starts_word(i) || !alpha(i) {
        return None;
    }
    let mut j = i + 1;
    if alpha(j) {
        j += 1;
    }
    if !s.digit(j) {
        return None;
    }
    j += 1;
    // Outward ends with an optional digit or letter; try each split so that
    // "m11ae" (outward "M1", inward "1AE") is found.
    let mut candidates = vec![j];
    if s.digit(j) || alpha(j) {
        candidates.push(j + 1);
    }
    for &out_end in candidates.iter().rev() {
        let spaced = s.space(out_end);
        let inward = spaced.unwrap_or(out_end);
        if s.digit(inward) && alpha(inward + 1) && alpha(inward + 2) && s.ends_word(inward + 3) {
            let tail = s.lower(inward + 1, inward + 3);
            if spaced.is_some() && (tail == "am" || tail == "pm") {
                continue; // "M6 2pm": a time, not a postcode
            }
            return Some((i, inward + 3));
        }
    }
    None
}

/// Other long digit runs: 6 or more digits, contiguous or in groups of at
/// least 3 joined by single spaces or hyphens ("496 0000", "123-456").
fn long_number(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.digit(i) {
        return None;
    }
    let mut end = s.digits_end(i);
    let mut count = end - i;
    if count < 3 {
        return None;
    }
    while s.is(end, |c| c == ' ' || c == '-') {
        let next = s.digits_end(end + 1);
        if next - (end + 1) < 3 {
            break;
        }
        count += next - (end + 1);
        end = next;
    }
    (count >= 6 && s.ends_word(end)).then_some((i, end))
}

// ---------------------------------------------------------------- dates and times

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
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
fn date(s: &Scan, i: usize) -> Option<(usize, usize)> {
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
fn time_of_day(s: &Scan, i: usize) -> Option<(usize, usize)> {
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
fn age(s: &Scan, i: usize) -> Option<(usize, usize)> {
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

/// @handles: "@gary_m", not an e-mail (those are taken first) and not a
/// lone "@".
fn handle(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if s.at(i) != Some('@') || !s.starts_word(i) {
        return None;
    }
    let mut j = i + 1;
    while s.is(j, |c| c.is_alphanumeric() || c == '_' || c == '.') && j - i <= 31 {
        j += 1;
    }
    while j > i + 1 && s.is(j - 1, |c| c == '.') {
        j -= 1;
    }
    (j > i + 1).then_some((i, j))
}

// ---------------------------------------------------------------- names

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
fn name(s: &Scan, i: usize) -> Option<(usize, usize)> {
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

// ---------------------------------------------------------------- e-mail and links

fn local_part_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'')
}

fn host_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

/// E-mail addresses: a local part, "@", and a host with a dot.
fn email(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.is(i, local_part_char) || s.is(i, |c| c == '.') {
        return None;
    }
    let mut j = i;
    while s.is(j, local_part_char) {
        j += 1;
    }
    if s.at(j) != Some('@') {
        return None;
    }
    let host_start = j + 1;
    let mut end = host_start;
    while s.is(end, host_char) {
        end += 1;
    }
    while end > host_start && s.is(end - 1, |c| c == '.' || c == '-') {
        end -= 1;
    }
    let host: String = s.chars[host_start..end].iter().collect();
    let labels: Vec<&str> = host.split('.').collect();
    let ok = labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(char::is_alphabetic));
    ok.then_some((i, end))
}

/// Top-level domains that mark a bare "example.org.uk/path" as a link. A
/// list, rather than "any word after a dot", keeps "e.g." and "end.Then"
/// out.
#[rustfmt::skip]
const TLDS: [&str; 24] = [
    "uk", "com", "org", "net", "gov", "nhs", "info", "io", "co", "me", "ac", "edu", "eu", "ie",
    "scot", "wales", "cymru", "london", "app", "dev", "online", "site", "biz", "tv",
];

/// Links with a scheme ("https://…"), starting "www.", or a bare host with
/// a known top-level domain ("carehome.co.uk/complaints").
fn link(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.is(i, char::is_alphanumeric) {
        return None;
    }
    let mut end = i;
    while s.is(end, |c| !c.is_whitespace() && !matches!(c, '<' | '>' | '"')) {
        end += 1;
    }
    // Trailing punctuation belongs to the sentence.
    while end > i
        && s.is(end - 1, |c| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’'
            )
        })
    {
        end -= 1;
    }
    let token = s.lower(i, end);
    if token.starts_with("http://") || token.starts_with("https://") {
        return (token.len() > "https://".len()).then_some((i, end));
    }
    if token.starts_with("www.") && token.len() > 4 {
        return Some((i, end));
    }
    let host_len = token.find(['/', '?', '#', ':']).unwrap_or(token.len());
    let host = &token[..host_len];
    let labels: Vec<&str> = host.split('.').collect();
    let ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels[0].chars().count() >= 2
        && labels.last().is_some_and(|t| TLDS.contains(t));
    if !ok {
        return None;
    }
    Some((i, end))
}

#[cfg(test)]
mod tests;
