//! Receipts: what a participant keeps to check later that their critique was
//! counted. A receipt is the commitment of the stored critique (a hash over a
//! random salt and the record), never anything derived from their code.

use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The commitment of one stored critique.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Receipt([u8; 32]);

impl Receipt {
    pub fn from_commitment(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub fn commitment(&self) -> &[u8; 32] {
        &self.0
    }

    /// The first 100 bits in Crockford base32, in five groups of four
    /// (`7KQ2-M9XD-4RT5-…`): short enough to copy by hand, long enough that
    /// two critiques never share one.
    pub fn display(&self) -> String {
        let mut out = String::with_capacity(24);
        let mut acc: u32 = 0;
        let mut bits = 0;
        for &b in &self.0[..13] {
            acc = (acc << 8) | u32::from(b);
            bits += 8;
            while bits >= 5 && out.len() < 24 {
                bits -= 5;
                if out.len() % 5 == 4 {
                    out.push('-');
                }
                out.push(char::from(ALPHABET[((acc >> bits) & 31) as usize]));
            }
            acc &= (1 << bits) - 1;
        }
        out
    }
}

impl Receipt {
    /// A receipt as typed or posted back, in its display form
    /// (`7KQ2-M9XD-4RT5-0A1B-2C3D`, any case), or `None` if it is not one.
    /// Only the form is checked: a display form cannot be traced to a
    /// stored critique (and is not meant to be).
    pub fn parse_display(s: &str) -> Option<String> {
        let s = s.trim().to_ascii_uppercase();
        let groups: Vec<&str> = s.split('-').collect();
        let ok = groups.len() == 5
            && groups
                .iter()
                .all(|g| g.len() == 4 && g.bytes().all(|b| ALPHABET.contains(&b)));
        ok.then_some(s)
    }
}

impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Receipt({})", self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_displayed_receipt_parses_back_and_nothing_else_does() {
        let r = Receipt::from_commitment([7; 32]).display();
        assert_eq!(Receipt::parse_display(&r.to_lowercase()), Some(r.clone()));
        for bad in [
            "",
            "7KQ2-M9XD-4RT5-0A1B",
            "7KQ2-M9XD-4RT5-0A1B-2C3U",
            "<b>-M9XD-4RT5-0A1B-2C3D",
            &format!("{r}-0000"),
        ] {
            assert_eq!(Receipt::parse_display(bad), None, "{bad}");
        }
    }

    #[test]
    fn display_is_the_first_100_bits_in_crockford_base32() {
        // Bits 00000 00001 00010 00011 00100 00101 00110 00111 are 0 to 7.
        let mut b = [0u8; 32];
        b[..5].copy_from_slice(&[0x00, 0x44, 0x32, 0x14, 0xC7]);
        let r = Receipt::from_commitment(b).display();
        assert_eq!(r.len(), 24);
        assert_eq!(r, "0123-4567-0000-0000-0000");
        assert_eq!(
            Receipt::from_commitment([0xff; 32]).display(),
            "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
        );
    }
}
