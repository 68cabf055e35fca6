//! Decoding HTML form bodies strictly: invalid UTF-8 is an error, not
//! silently replaced, so what is stored is exactly what was typed.
//!
//! Public (with nothing else of the HTTP layer) so that the fuzz target in
//! `fuzz/` can reach it.

use super::error::ApiError;

/// Decode `application/x-www-form-urlencoded` (WHATWG URL standard §5.1:
/// split on `&`, then on the first `=`, `+` is a space, then
/// percent-decode) into name/value pairs. Unlike most decoders, invalid
/// UTF-8 after decoding is an error.
pub fn decode_form(body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    pairs(body).collect()
}

/// The pairs of a form that decode, leaving out any that are not valid
/// UTF-8: only to show a refused form back to the person (so that one bad
/// field does not lose the others), never to store.
pub fn decodable_pairs(body: &[u8]) -> Vec<(String, String)> {
    pairs(body).filter_map(Result::ok).collect()
}

fn pairs(body: &[u8]) -> impl Iterator<Item = Result<(String, String), ApiError>> + '_ {
    let decode = |raw: &[u8]| -> Result<String, ApiError> {
        let plus: Vec<u8> = raw
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        let bytes: Vec<u8> = percent_encoding::percent_decode(&plus).collect();
        String::from_utf8(bytes).map_err(|_| ApiError::InvalidUtf8)
    };
    body.split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(move |pair| {
            let mut parts = pair.splitn(2, |&b| b == b'=');
            let name = decode(parts.next().unwrap_or_default())?;
            let value = decode(parts.next().unwrap_or_default())?;
            Ok((name, value))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_repeated_fields_plus_and_percent() {
        let pairs =
            decode_form(b"themes=a&themes=b&text=caf%C3%A9+ok&quote_ok=yes&empty=").unwrap();
        assert_eq!(
            pairs,
            vec![
                ("themes".into(), "a".into()),
                ("themes".into(), "b".into()),
                ("text".into(), "café ok".into()),
                ("quote_ok".into(), "yes".into()),
                ("empty".into(), "".into()),
            ]
        );
    }

    #[test]
    fn invalid_utf8_is_refused() {
        assert!(matches!(
            decode_form(b"text=%FF%FE"),
            Err(ApiError::InvalidUtf8)
        ));
        assert!(matches!(
            decode_form(b"text=\xff"),
            Err(ApiError::InvalidUtf8)
        ));
        // To show the form back, the fields that do decode are kept.
        assert_eq!(
            decodable_pairs(b"code=7KQ2&text=%FF%FE&themes=a"),
            vec![
                ("code".into(), "7KQ2".into()),
                ("themes".into(), "a".into())
            ]
        );
    }

    /// Inputs of the kind the `form_decoding` fuzz target explores: broken
    /// percent escapes pass through as typed, empty pairs vanish, a pair
    /// without `=` is a name with an empty value, and nothing panics.
    #[test]
    fn malformed_escapes_and_odd_separators_are_handled() {
        assert_eq!(
            decode_form(b"a=%&b=%2&c=%ZZ&&=&d").unwrap(),
            vec![
                ("a".into(), "%".into()),
                ("b".into(), "%2".into()),
                ("c".into(), "%ZZ".into()),
                ("".into(), "".into()),
                ("d".into(), "".into()),
            ]
        );
        assert_eq!(decode_form(b"").unwrap(), vec![]);
        assert_eq!(
            decode_form(b"x=a=b+%2B").unwrap(),
            vec![("x".into(), "a=b +".into())]
        );
    }
}
