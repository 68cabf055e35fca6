//! Hex, base64 (RFC 4648 §4 standard alphabet with padding, §5 URL-safe)
//! and base32 (§6, for TOTP secrets), for stored and published binary
//! values.

const STD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Lower-case hex, in one allocation: every critique's ingest entry
/// hex-encodes its ciphertext, id, commitment and credential (a `format!`
/// per byte here was the writer's largest cost in a profile of issue 15's
/// throughput benchmark).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// Hex digits of either case, two per byte; `None` on anything else
/// (an odd length, a sign, a space, a non-ASCII character).
pub fn from_hex(s: &str) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let s = s.as_bytes();
    if s.len() % 2 != 0 {
        return None;
    }
    s.chunks_exact(2)
        .map(|pair| Some((nibble(pair[0])? << 4) | nibble(pair[1])?))
        .collect()
}

/// 32 bytes from 64 hex digits.
pub fn hash_from_hex(s: &str) -> Option<[u8; 32]> {
    from_hex(s)?.try_into().ok()
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(STD[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decode standard base64 with padding; `None` on anything else.
pub fn from_base64(s: &str) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    if s.len() % 4 != 0 {
        return None;
    }
    let value = |c: u8| STD.iter().position(|&a| a == c).map(|p| p as u32);
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    for (i, chunk) in s.chunks(4).enumerate() {
        let last = i == s.len() / 4 - 1;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Base32 (RFC 4648 §6), upper case and WITHOUT padding: the form
/// authenticator apps expect in an `otpauth://` URI's `secret`.
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(BASE32[((buffer >> bits) & 31) as usize]));
        }
        buffer &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(char::from(BASE32[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// Decode base32 as people type it: either case, spaces and hyphens
/// ignored, `=` padding optional. `None` on any other character or on
/// trailing bits that are not zero (so each value has one spelling).
pub fn from_base32(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    let body = s.trim_end_matches('=');
    for c in body.bytes().filter(|c| !matches!(c, b' ' | b'-')) {
        let v = BASE32.iter().position(|&a| a == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be fewer than a byte and all zero (§6's padding).
    (bits < 5 && buffer == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        // RFC 4648 §10.
        for (input, out) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), out);
            assert_eq!(from_base64(out).unwrap(), input.as_bytes());
        }
        assert_eq!(from_base64("Zg="), None);
        assert_eq!(from_base64("Z=g="), None);
        assert_eq!(from_hex("0aff").unwrap(), vec![10, 255]);
        assert_eq!(hex(&[10, 255]), "0aff");
        assert_eq!(from_hex("0g"), None);
    }

    #[test]
    fn hex_round_trips_every_byte_and_refuses_what_is_not_two_digits_a_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let text = hex(&all);
        assert_eq!(text.len(), 512);
        for (b, pair) in all.iter().zip(text.as_bytes().chunks(2)) {
            assert_eq!(std::str::from_utf8(pair).unwrap(), format!("{b:02x}"));
        }
        assert_eq!(from_hex(&text).unwrap(), all);
        assert_eq!(from_hex(&text.to_uppercase()).unwrap(), all);
        assert_eq!(from_hex("").unwrap(), Vec::<u8>::new());
        assert_eq!(hex(&[]), "");
        // `u8::from_str_radix`, used before, took a sign: "+f" was 15.
        for bad in [
            "+f",
            "-1",
            "0",
            "abc",
            "0x",
            "x0",
            " 0",
            "0 ",
            "g0",
            "0G",
            "é",
            "é0",
            "0é",
            "00\n",
            "\u{ff10}0",
        ] {
            assert_eq!(from_hex(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rfc4648_base32_vectors() {
        // RFC 4648 §10, with the padding removed.
        for (input, out) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32(input.as_bytes()), out);
            assert_eq!(from_base32(out).unwrap(), input.as_bytes());
        }
        // Padded, lower case, grouped: as people copy it.
        assert_eq!(from_base32("mzxw 6ytb-oi======").unwrap(), b"foobar");
        // The RFC 6238 secret as authenticator apps show it.
        assert_eq!(
            base32(b"12345678901234567890"),
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        );
        assert_eq!(from_base32("MZ1W"), None, "1 is not in the alphabet");
        assert_eq!(from_base32("MZ"), None, "trailing bits must be zero");
    }

    proptest::proptest! {
        #[test]
        fn base32_round_trips(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            proptest::prop_assert_eq!(from_base32(&base32(&bytes)).unwrap(), bytes);
        }

        #[test]
        fn hex_round_trips(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..256)) {
            let text = hex(&bytes);
            let by_format: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            proptest::prop_assert_eq!(&text, &by_format);
            proptest::prop_assert_eq!(from_hex(&text).unwrap(), bytes);
        }
    }
}
