//! IP addresses: IPv4 ("192.168.1.20", with or without a port) and IPv6
//! ("2001:db8::1", "fe80::1ff:fe23:4567:890a", "[2001:db8::7]:443"),
//! checked by the standard library's parsers so that times ("15:30:00") and
//! version numbers with fewer parts stay.

use super::Scan;
use std::net::{Ipv4Addr, Ipv6Addr};

/// After an address, an optional ":port".
fn port(s: &Scan, j: usize) -> usize {
    if s.is(j, |c| c == ':') && s.digit(j + 1) {
        let end = s.digits_end(j + 1);
        if end - (j + 1) <= 5 && s.ends_word(end) {
            return end;
        }
    }
    j
}

pub(super) fn ip_address(s: &Scan, i: usize) -> Option<(usize, usize)> {
    if !s.starts_word(i) {
        return None;
    }
    ipv4(s, i).or_else(|| ipv6(s, i))
}

fn ipv4(s: &Scan, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    for part in 0..4 {
        let end = s.digits_end(j);
        if end == j || end - j > 3 {
            return None;
        }
        j = end;
        if part < 3 {
            if !s.is(j, |c| c == '.') {
                return None;
            }
            j += 1;
        }
    }
    // "1.2.3.4.5" is a version number, not an address.
    if s.is(j, |c| c == '.') && s.digit(j + 1) || !s.ends_word(j) {
        return None;
    }
    let text: String = s.chars[i..j].iter().collect();
    text.parse::<Ipv4Addr>().ok()?;
    Some((i, port(s, j)))
}

fn ipv6(s: &Scan, i: usize) -> Option<(usize, usize)> {
    let bracket = s.is(i, |c| c == '[');
    let start = i + usize::from(bracket);
    let mut j = start;
    while s.is(j, |c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
        j += 1;
    }
    // Glued to a word ("fe80::1.Flat"): not an address.
    if !bracket && !s.ends_word(j) {
        return None;
    }
    // A sentence's full stop or colon is not part of the address.
    loop {
        let full_stop = j > start && s.is(j - 1, |c| c == '.');
        let lone_colon = j > start
            && s.is(j - 1, |c| c == ':')
            && !(j >= start + 2 && s.is(j - 2, |c| c == ':'));
        if !(full_stop || lone_colon) {
            break;
        }
        j -= 1;
    }
    let text: String = s.chars[start..j].iter().collect();
    let colons = text.matches(':').count();
    if colons < 2 || !text.chars().any(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    text.parse::<Ipv6Addr>().ok()?;
    if bracket {
        if !s.is(j, |c| c == ']') {
            return None;
        }
        return Some((i, port(s, j + 1)));
    }
    s.ends_word(j).then_some((i, j))
}
