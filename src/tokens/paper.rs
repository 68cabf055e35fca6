//! Paper one-time codes: made from the operating system's CSPRNG, easy to
//! read aloud and type, and stored only as a keyed hash.
//!
//! A code is 11 random Crockford base32 symbols (55 bits) and one Luhn mod 32
//! check symbol, printed as `7KQ2-M9XD-4RT5`. Crockford's alphabet leaves out
//! I, L, O and U; when reading we accept I and L as 1 and O as 0, any case,
//! with or without spaces and dashes (<https://www.crockford.com/base32.html>).
//! The Luhn mod N check catches every single mistyped symbol and most
//! swapped neighbours before a code reaches the store.

use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};
use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_LEN: usize = 11;
/// Length of a normalised code: data plus one check symbol.
pub const CODE_LEN: usize = DATA_LEN + 1;

/// A well-formed paper code (normalised: 12 upper-case symbols).
///
/// Its `Debug` form is redacted so a code can never reach a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct PaperCode(String);

impl fmt::Debug for PaperCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PaperCode(<redacted>)")
    }
}

fn value(symbol: u8) -> Option<u32> {
    let s = match symbol.to_ascii_uppercase() {
        b'I' | b'L' => b'1',
        b'O' => b'0',
        other => other,
    };
    ALPHABET.iter().position(|&a| a == s).map(|p| p as u32)
}

/// Luhn mod N over symbol values, right to left, doubling every second one
/// starting with the rightmost (the check symbol's neighbour when generating).
fn luhn_sum(values: impl DoubleEndedIterator<Item = u32>, double_first: bool) -> u32 {
    let mut double = double_first;
    values.rev().fold(0, |sum, v| {
        let addend = if double { v * 2 } else { v };
        double = !double;
        sum + addend / 32 + addend % 32
    })
}

/// 12 symbols whose Luhn mod 32 sum is `target`, from the CSPRNG.
fn generate(rng: &SystemRandom, target: u32) -> Result<String, ring::error::Unspecified> {
    let mut bytes = [0u8; DATA_LEN];
    rng.fill(&mut bytes)?;
    // 256 is a multiple of 32, so `b % 32` is uniform.
    let data: Vec<u32> = bytes.iter().map(|b| u32::from(b % 32)).collect();
    let check = (32 + target - luhn_sum(data.iter().copied(), true) % 32) % 32;
    Ok(data
        .iter()
        .chain(std::iter::once(&check))
        .map(|&v| char::from(ALPHABET[v as usize]))
        .collect())
}

/// Read 12 symbols as a person typed them, if their Luhn mod 32 sum is
/// `target`. Spaces and dashes anywhere are ignored; case does not
/// matter; I, L and O are read as 1, 1 and 0.
fn parse(raw: &str, target: u32) -> Option<String> {
    let symbols: Vec<u8> = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '‑' | '–' | '—'))
        .map(|c| u8::try_from(c).ok())
        .collect::<Option<_>>()?;
    if symbols.len() != CODE_LEN {
        return None;
    }
    let values: Vec<u32> = symbols.iter().map(|&s| value(s)).collect::<Option<_>>()?;
    if luhn_sum(values.iter().copied(), false) % 32 != target {
        return None;
    }
    Some(
        values
            .iter()
            .map(|&v| char::from(ALPHABET[v as usize]))
            .collect(),
    )
}

/// `7KQ2-M9XD-4RT5`.
fn grouped(s: &str) -> String {
    format!("{}-{}-{}", &s[0..4], &s[4..8], &s[8..12])
}

impl PaperCode {
    /// Make a fresh random code.
    pub fn generate(rng: &SystemRandom) -> Result<Self, ring::error::Unspecified> {
        generate(rng, 0).map(Self)
    }

    /// Read a code as a person typed it (see [`AboutYouCode::parse`]).
    pub fn parse(raw: &str) -> Option<Self> {
        parse(raw, 0).map(Self)
    }

    /// The code as printed on a card: `7KQ2-M9XD-4RT5`.
    pub fn display(&self) -> String {
        grouped(&self.0)
    }
}

/// The Luhn sum of an "about you" code: any other than a card's (0), so
/// that neither is ever taken for the other.
const ABOUT_YOU_TARGET: u32 = 16;

/// The one-time code for the "about you" form that a critique's receipt
/// carries (issue 16): shaped like a card's code, so it is as easy to
/// read and type, with a different check, so a card's code typed into the
/// form is refused as malformed before it reaches the store. `Debug` is
/// redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct AboutYouCode(String);

impl fmt::Debug for AboutYouCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AboutYouCode(<redacted>)")
    }
}

impl AboutYouCode {
    pub fn generate(rng: &SystemRandom) -> Result<Self, ring::error::Unspecified> {
        generate(rng, ABOUT_YOU_TARGET).map(Self)
    }

    /// Read a code as a person typed it. Spaces and dashes anywhere are
    /// ignored; case does not matter; I, L and O are read as 1, 1 and 0.
    pub fn parse(raw: &str) -> Option<Self> {
        parse(raw, ABOUT_YOU_TARGET).map(Self)
    }

    /// `M9S3-46Q3-D252`.
    pub fn display(&self) -> String {
        grouped(&self.0)
    }
}

/// The keyed hash of a code: the only form in which a code is stored.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CodeHash([u8; 32]);

impl CodeHash {
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for CodeHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeHash(<redacted>)")
    }
}

/// The server secret that code hashes are keyed with (HMAC-SHA256). It lives
/// in the key directory, never in the data directory, so a stolen data
/// directory cannot be used to test guessed codes.
pub struct CodeKey(hmac::Key);

impl fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeKey(<secret>)")
    }
}

impl CodeKey {
    pub fn new(secret: &[u8]) -> Self {
        Self(hmac::Key::new(hmac::HMAC_SHA256, secret))
    }

    /// HMAC-SHA256(key, domain-separator || normalised code).
    pub fn hash(&self, code: &PaperCode) -> CodeHash {
        let mut ctx = hmac::Context::with_key(&self.0);
        ctx.update(b"parrhesia/paper-code/v1\0");
        ctx.update(code.0.as_bytes());
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.sign().as_ref());
        CodeHash(out)
    }

    /// Present a code for spending.
    pub fn redeem(&self, code: &PaperCode) -> super::Redemption {
        super::Redemption::PaperCode(self.hash(code))
    }

    /// The name an "about you" code is stored under: HMAC-SHA256(key,
    /// domain-separator || round || period || code). Bound to the round and
    /// the period, so the code works only there and then, and apart from
    /// a card's hash by its separator.
    pub fn about_you(&self, code: &AboutYouCode, round: &str, period: &str) -> [u8; 32] {
        let mut ctx = hmac::Context::with_key(&self.0);
        ctx.update(b"parrhesia/about-you/v1\0");
        for part in [round, period] {
            ctx.update(part.as_bytes());
            ctx.update(b"\0");
        }
        ctx.update(code.0.as_bytes());
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.sign().as_ref());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_parse_in_every_way_a_person_might_type_them() {
        let rng = SystemRandom::new();
        for _ in 0..200 {
            let code = PaperCode::generate(&rng).unwrap();
            let shown = code.display();
            assert_eq!(shown.len(), 14);
            assert_eq!(PaperCode::parse(&shown), Some(code.clone()));
            assert_eq!(PaperCode::parse(&shown.to_lowercase()), Some(code.clone()));
            assert_eq!(
                PaperCode::parse(&shown.replace('-', " ")),
                Some(code.clone())
            );
            assert_eq!(
                PaperCode::parse(&shown.replace('-', "")),
                Some(code.clone())
            );
            let with_o = shown.replace('0', "o").replace('1', "l");
            assert_eq!(PaperCode::parse(&with_o), Some(code.clone()));
        }
    }

    #[test]
    fn every_single_symbol_typo_is_caught() {
        let code = PaperCode::generate(&SystemRandom::new()).unwrap().0;
        for i in 0..CODE_LEN {
            for &a in ALPHABET {
                if a == code.as_bytes()[i] {
                    continue;
                }
                let mut typo = code.clone().into_bytes();
                typo[i] = a;
                let typo = String::from_utf8(typo).unwrap();
                assert_eq!(PaperCode::parse(&typo), None, "{typo}");
            }
        }
    }

    #[test]
    fn about_you_codes_and_card_codes_are_never_taken_for_each_other() {
        let rng = SystemRandom::new();
        let key = CodeKey::new(&[1; 32]);
        for _ in 0..200 {
            let card = PaperCode::generate(&rng).unwrap();
            let about = AboutYouCode::generate(&rng).unwrap();
            assert_eq!(AboutYouCode::parse(&card.display()), None);
            assert_eq!(PaperCode::parse(&about.display()), None);
            let shown = about.display();
            assert_eq!(
                AboutYouCode::parse(&shown.to_lowercase()),
                Some(about.clone())
            );
            assert_eq!(
                AboutYouCode::parse(&shown.replace('-', " ")),
                Some(about.clone())
            );
            let h = key.about_you(&about, "r", "2026-11-23");
            assert_ne!(h, key.about_you(&about, "r", "2026-11-30"));
            assert_ne!(h, key.about_you(&about, "s", "2026-11-23"));
        }
    }

    #[test]
    fn wrong_lengths_and_symbols_are_refused() {
        assert_eq!(PaperCode::parse(""), None);
        assert_eq!(PaperCode::parse("7KQ2-M9XD-4R"), None);
        assert_eq!(PaperCode::parse("UUUU-UUUU-UUUU"), None);
        assert_eq!(PaperCode::parse("7KQ2-M9XD-4RTÉ"), None);
    }

    #[test]
    fn hash_depends_on_the_key() {
        let code = PaperCode::generate(&SystemRandom::new()).unwrap();
        let a = CodeKey::new(&[1; 32]).hash(&code);
        let b = CodeKey::new(&[2; 32]).hash(&code);
        assert_ne!(a, b);
        assert_eq!(a, CodeKey::new(&[1; 32]).hash(&code));
    }
}
