//! E-mail addresses written to dodge a filter, or just written out: "name at
//! example dot com", "name [at] example [dot] org", "name(at)example.com",
//! "jo dot bloggs AT example DOT co DOT uk", "name @ example . com".
//!
//! A local part (words joined by dots, spelled or not), an "at" (`@`, the
//! word "at", or "at" in brackets), and a host of two or more labels joined
//! by dots whose last label is a known top-level domain. The plain form
//! (`name@example.com`) is the `email` rule's; this one needs at least one
//! marker written out or spaced. "at" as a word is everywhere in English
//! ("look at the end of the day"), so with the bare word the host must have
//! a dot and end in a known domain, and the local part must not be a common
//! word ("shopping at tesco.com" keeps "shopping").

use super::Scan;

/// Top-level domains an address written out may end in.
#[rustfmt::skip]
const TLDS: [&str; 28] = [
    "com", "org", "net", "uk", "co", "gov", "nhs", "ac", "edu", "info", "io", "me", "eu", "ie",
    "scot", "wales", "cymru", "london", "biz", "online", "email", "mail", "de", "fr", "es", "pl",
    "in", "us",
];

/// Words that often stand before "at" in a sentence about a web site.
#[rustfmt::skip]
const COMMON_BEFORE_AT: [&str; 42] = [
    "look", "looked", "looking", "shop", "shopping", "shopped", "online", "booked", "book",
    "apply", "applied", "complain", "complained", "registered", "register", "found", "read",
    "find", "it", "them", "him", "her", "me", "us", "you", "is", "was", "are", "were", "be",
    "go", "went", "met", "meet", "ordered", "order", "bought", "buy", "paid", "pay", "signed",
    "logged",
];

/// How an "at" or a "dot" was written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `@` or `.` with no space around it.
    Plain,
    /// Spaced symbols, the word, or the word in brackets.
    Written,
    /// The bare word "at" (the most ambiguous).
    Word,
}

fn word_char(s: &Scan, k: usize) -> bool {
    s.is(k, |c| {
        c.is_alphanumeric() || matches!(c, '_' | '+' | '-' | '\'')
    })
}

/// The end of a run of local-part or host characters at `k`.
fn label_end(s: &Scan, k: usize) -> Option<usize> {
    let mut j = k;
    while word_char(s, j) {
        j += 1;
    }
    (j > k && s.is(k, char::is_alphanumeric)).then_some(j)
}

/// `word` (any case) in brackets, with optional spaces inside and around:
/// "(at)", "[ dot ]", " {at} ".
fn bracketed(s: &Scan, k: usize, word: &str) -> Option<usize> {
    let mut j = k;
    while s.is(j, |c| c == ' ') {
        j += 1;
    }
    let close = match s.at(j)? {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => return None,
    };
    j += 1;
    while s.is(j, |c| c == ' ') {
        j += 1;
    }
    j = s.literal(j, word)?;
    while s.is(j, |c| c == ' ') {
        j += 1;
    }
    if s.at(j)? != close {
        return None;
    }
    j += 1;
    while s.is(j, |c| c == ' ') {
        j += 1;
    }
    Some(j)
}

/// A marker standing for `symbol` (`@` or `.`) or `word` ("at", "dot") at
/// `k`, and the position after it.
fn marker(s: &Scan, k: usize, symbol: char, word: &str) -> Option<(usize, Marker)> {
    if s.at(k) == Some(symbol) {
        return Some((k + 1, Marker::Plain));
    }
    if let Some(j) = bracketed(s, k, word) {
        return Some((j, Marker::Written));
    }
    let j = s.spaces(k)?;
    if s.at(j) == Some(symbol) {
        return Some((s.spaces(j + 1)?, Marker::Written));
    }
    let after = s.literal(j, word)?;
    if !s.ends_word(after) {
        return None;
    }
    let kind = if word == "at" {
        Marker::Word
    } else {
        Marker::Written
    };
    Some((s.spaces(after)?, kind))
}

/// Labels joined by dot markers from `k`: (end, labels, any dot written
/// out).
fn dotted(s: &Scan, k: usize) -> Option<(usize, Vec<String>, bool)> {
    let mut end = label_end(s, k)?;
    let mut labels = vec![s.lower(k, end)];
    let mut written = false;
    while let Some((next, how)) = marker(s, end, '.', "dot") {
        let Some(label) = label_end(s, next) else {
            break;
        };
        written |= how != Marker::Plain;
        labels.push(s.lower(next, label));
        end = label;
    }
    Some((end, labels, written))
}

/// An e-mail address with at least one marker written out or spaced.
pub(super) fn spelled_email(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.is(i, char::is_alphanumeric) {
        return None;
    }
    let (local_end, local, local_written) = dotted(s, i)?;
    let (host_start, at) = marker(s, local_end, '@', "at")?;
    let (mut end, mut host, host_written) = dotted(s, host_start)?;
    // The host ends at its last known top-level domain ("dot com dot").
    while host.len() > 2 && !host.last().is_some_and(|t| TLDS.contains(&t.as_str())) {
        host.pop();
        end = host_end(s, host_start, host.len())?;
    }
    let tld_known = host.len() >= 2 && host.last().is_some_and(|t| TLDS.contains(&t.as_str()));
    if !tld_known || !(local_written || host_written || at != Marker::Plain) {
        return None;
    }
    let plain_word_at = at == Marker::Word && !local_written && local.len() == 1;
    if plain_word_at && COMMON_BEFORE_AT.contains(&local[0].as_str()) {
        return None;
    }
    Some((i, end))
}

/// The end of the first `labels` labels of a dotted host at `k`.
fn host_end(s: &Scan, k: usize, labels: usize) -> Option<usize> {
    let mut end = label_end(s, k)?;
    for _ in 1..labels {
        let (next, _) = marker(s, end, '.', "dot")?;
        end = label_end(s, next)?;
    }
    Some(end)
}
