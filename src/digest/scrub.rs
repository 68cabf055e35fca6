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
//! first, then e-mail addresses (plain, then written out: "name at example
//! dot com"), IP addresses, links, phone numbers, National Insurance
//! numbers, postcodes, street addresses, other long digit runs, wards and
//! rooms, dates, times, ages, @handles, and names (titled, introduced,
//! signed, and known first names).
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
//!   the week alone ("on Tuesday"), months alone ("in March") and a month
//!   with a year ("March 2024") stay; a day
//!   WITH a date number is removed ("Tuesday 12th", "12 March", "March 12th").
//! - Ordinary small numbers ("3 times", "2 hours", "the 5 of us") stay.
//! - Postcodes whose last part reads as a time ("M6 2pm") are left to the
//!   time rule.
//! - An introduced word that is capitalised is taken as a name even when it
//!   is not one ("I called Social Services" loses "Social Services"): the
//!   moderator can put it back.
//! - Known first names come from a list (`scrub/first-names.txt`) without
//!   names that are also words ("Will", "Grace", "Hope", "May"): those are
//!   found only after a title, an introduction or a sign-off.
//! - Scrubbing is idempotent: scrubbing scrubbed text changes nothing, so a
//!   moderator's edit can be scrubbed again without mangling placeholders.

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
    Address,
    Place,
    IpAddress,
}

impl Kind {
    /// Every kind, for readers that must recognise any placeholder.
    pub const ALL: [Kind; 15] = [
        Kind::NhsNumber,
        Kind::Email,
        Kind::Link,
        Kind::Phone,
        Kind::NiNumber,
        Kind::Postcode,
        Kind::Number,
        Kind::Date,
        Kind::Time,
        Kind::Age,
        Kind::Handle,
        Kind::Name,
        Kind::Address,
        Kind::Place,
        Kind::IpAddress,
    ];

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
            Kind::Address => "[address]",
            Kind::Place => "[place]",
            Kind::IpAddress => "[IP address]",
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
mod dates;
mod links;
mod names;
mod network;
mod numbers;
mod places;
mod spelled;

use dates::{age, date, time_of_day};
use links::{email, handle, link};
use names::name;
use network::ip_address;
pub use numbers::nhs_check_digit_ok;
use numbers::{long_number, nhs_number, ni_number, phone, postcode};
use places::{room, street_address};
use spelled::spelled_email;

type Rule = fn(&Scan, usize) -> Option<(usize, usize)>;

const RULES: [(Kind, Rule); 16] = [
    (Kind::NhsNumber, nhs_number),
    (Kind::Email, email),
    (Kind::Email, spelled_email),
    (Kind::IpAddress, ip_address),
    (Kind::Link, link),
    (Kind::Phone, phone),
    (Kind::NiNumber, ni_number),
    (Kind::Postcode, postcode),
    (Kind::Address, street_address),
    (Kind::Number, long_number),
    (Kind::Place, room),
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
    // Passes until one finds nothing new. A rule reads the chars around a
    // match as context (is "r0y0yo" a word of its own?), and a later rule
    // may take those chars; in the scrubbed text they are a placeholder,
    // opaque from the start. Running again with everything taken so far
    // opaque makes this text look to every rule as its scrubbed text will,
    // so scrubbing is idempotent (the fuzzer found "(0yo'r0y0yo'L"). Each
    // pass takes at least one more char, so this ends.
    loop {
        let before = found.len();
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
        if found.len() == before {
            break;
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
    /// Chars an earlier rule took, or of a placeholder already in the text
    /// ("[name]"). A rule cannot read them ([`Scan::at`] says nothing is
    /// there) and they count as a word for the chars around them: just as
    /// the placeholder that replaces them will. So a rule sees the same
    /// text in scrubbed text as in the original, and scrubbing a moderator's
    /// edit of scrubbed text changes nothing.
    taken: Vec<bool>,
}

impl Scan {
    fn new(text: &str) -> Self {
        let (offsets, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        let mut offsets = offsets;
        offsets.push(text.len());
        let mut opaque = vec![false; chars.len()];
        for kind in Kind::ALL {
            for (byte, found) in text.match_indices(kind.placeholder()) {
                let first = offsets.partition_point(|&o| o < byte);
                let count = found.chars().count();
                opaque[first..first + count]
                    .iter_mut()
                    .for_each(|o| *o = true);
            }
        }
        Self {
            chars,
            offsets,
            taken: opaque,
        }
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn byte(&self, i: usize) -> usize {
        self.offsets[i]
    }
    fn at(&self, i: usize) -> Option<char> {
        match self.taken.get(i) {
            Some(false) => self.chars.get(i).copied(),
            _ => None,
        }
    }
    fn is(&self, i: usize, f: impl Fn(char) -> bool) -> bool {
        self.at(i).is_some_and(f)
    }
    fn digit(&self, i: usize) -> bool {
        self.is(i, |c| c.is_ascii_digit())
    }
    /// No word character (or taken char) just before `i`, and not inside a
    /// word that [`Scan::word_end`] joins ("O'Brien", "step-free").
    fn starts_word(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let joined = i >= 2
            && self.is(i - 1, |c| matches!(c, '\'' | '’' | '-'))
            && self.is(i - 2, char::is_alphabetic)
            && self.is(i, char::is_alphabetic);
        !(word_char(self.chars[i - 1]) || self.taken[i - 1] || joined)
    }
    /// No word character (or taken char) at `i` (the previous match ended
    /// at `i`).
    fn ends_word(&self, i: usize) -> bool {
        !(self.is(i, word_char) || self.taken.get(i).copied().unwrap_or(false))
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

#[cfg(test)]
mod forms;
#[cfg(test)]
mod tests;
