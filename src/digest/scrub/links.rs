//! E-mail addresses, links and @handles.

use super::Scan;

fn local_part_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'')
}

fn host_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

/// E-mail addresses: a local part, "@", and a host with a dot.
pub(super) fn email(s: &Scan, i: usize) -> Option<(usize, usize)> {
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
pub(super) fn link(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) || !s.is(i, char::is_alphanumeric) {
        return None;
    }
    let mut end = i;
    while s.is(end, |c| !c.is_whitespace() && !matches!(c, '<' | '>' | '"')) {
        end += 1;
    }
    // Run into a placeholder (or what an earlier rule took): glued to it.
    if s.taken.get(end).copied().unwrap_or(false) {
        return None;
    }
    // A bare host ends where host characters do, unless a path, query,
    // fragment or port follows ("example.com'@12" is a link, then more).
    let mut host_end = i;
    while host_end < end && s.is(host_end, |c| c.is_alphanumeric() || matches!(c, '.' | '-')) {
        host_end += 1;
    }
    let scheme_or_path = s.is(host_end, |c| matches!(c, '/' | '?' | '#' | ':'));
    if !scheme_or_path {
        end = host_end;
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

/// @handles: "@gary_m", not an e-mail (those are taken first) and not a
/// lone "@".
pub(super) fn handle(s: &Scan, i: usize) -> Option<(usize, usize)> {
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
