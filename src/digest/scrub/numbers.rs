//! Digit rules: NHS numbers (mod-11 checked), UK phone numbers, National
//! Insurance numbers, postcodes and other long digit runs.

use super::Scan;

/// NHS number: 10 digits, contiguous or spaced/hyphenated 3-3-4, whose last
/// digit is the mod-11 check digit of the first nine.
pub(super) fn nhs_number(s: &Scan, i: usize) -> Option<(usize, usize)> {
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
pub(super) fn phone(s: &Scan, i: usize) -> Option<(usize, usize)> {
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
pub(super) fn ni_number(s: &Scan, i: usize) -> Option<(usize, usize)> {
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

/// UK postcodes: outward code (A9, A99, A9A, AA9, AA99, AA9A), optional
/// spaces or one hyphen, inward code (9AA); any case ("M1 1AE", "SW1A 1AA",
/// "m11ae", "SW1A  1AA", "sw1a-1aa").
pub(super) fn postcode(s: &Scan, i: usize) -> Option<(usize, usize)> {
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
        let spaced = s
            .spaces(out_end)
            .or_else(|| s.is(out_end, |c| c == '-').then_some(out_end + 1));
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
pub(super) fn long_number(s: &Scan, i: usize) -> Option<(usize, usize)> {
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
