//! HTTP authentication headers as RFC 9110 §11 writes them, for the
//! `PrivateToken` scheme of RFC 9577: a pure parser and the one place that
//! quotes values.
//!
//! The grammar (RFC 9110 §11.1-§11.6.1, §5.6):
//!
//! ```text
//! WWW-Authenticate = #challenge           Authorization = credentials
//! challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//! credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//! auth-param  = token BWS "=" BWS ( token / quoted-string )
//! token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
//! quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
//! ```
//!
//! Scheme and parameter names are case-insensitive (§11.1, §11.2); a
//! parameter occurs at most once per challenge (§11.2), so a repeated one
//! makes the header malformed. Lists allow empty elements (§5.6.1.2).
//!
//! One deliberate leniency: RFC 9577 §2.1 and §2.2 require padded base64url,
//! whose `=` is not a token character, so a bare `token=abc=` is outside
//! the grammar (the value must be quoted). `@cloudflare/privacypass-ts`'s
//! default `toString()` and this service before issue 17 send it bare all
//! the same, so a bare value may end in `=` characters. Everything we send
//! is quoted (RFC 9577 §2.1: "might be required to be a quoted-string if the
//! base64url string includes "=" characters").

/// Why a header could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthParamError {
    #[error("the header is empty")]
    Empty,
    #[error("unexpected character at byte {0}")]
    Unexpected(usize),
    #[error("a quoted string is not closed")]
    Unclosed,
    #[error("the parameter {0:?} occurs twice")]
    Repeated(String),
}

/// One challenge (or the credentials): its scheme and either a token68 or
/// its parameters, names lower-cased, values unquoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub scheme: String,
    pub token68: Option<String>,
    pub params: Vec<(String, String)>,
}

impl Challenge {
    /// Whether the scheme is `scheme` (case-insensitively, RFC 9110 §11.1).
    pub fn is(&self, scheme: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(scheme)
    }

    /// The value of parameter `name` (case-insensitively).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Parse a `WWW-Authenticate` value: one or more challenges.
pub fn parse_challenges(header: &str) -> Result<Vec<Challenge>, AuthParamError> {
    let mut p = Parser::new(header);
    let mut out = Vec::new();
    loop {
        p.skip_list_separators();
        if p.at_end() {
            break;
        }
        out.push(p.challenge()?);
    }
    if out.is_empty() {
        return Err(AuthParamError::Empty);
    }
    Ok(out)
}

/// Parse an `Authorization` value: exactly one set of credentials.
pub fn parse_credentials(header: &str) -> Result<Challenge, AuthParamError> {
    let mut p = Parser::new(header);
    p.skip_ows();
    if p.at_end() {
        return Err(AuthParamError::Empty);
    }
    let credentials = p.challenge()?;
    p.skip_list_separators();
    if !p.at_end() {
        return Err(AuthParamError::Unexpected(p.pos));
    }
    Ok(credentials)
}

/// `value` as a quoted-string (RFC 9110 §5.6.4): `"` and `\` escaped.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// tchar (RFC 9110 §5.6.2).
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The characters of token68 before its padding (RFC 9110 §11.2).
fn is_token68_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~+/".contains(&b)
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(s: &'a str) -> Self {
        Self {
            s: s.as_bytes(),
            pos: 0,
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn peek_at(&self, i: usize) -> Option<u8> {
        self.s.get(i).copied()
    }

    fn skip_ows(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// OWS and commas between list elements (empty elements allowed).
    fn skip_list_separators(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b',')) {
            self.pos += 1;
        }
    }

    fn token(&mut self) -> Option<&'a str> {
        let start = self.pos;
        while self.peek().is_some_and(is_tchar) {
            self.pos += 1;
        }
        (self.pos > start)
            .then(|| std::str::from_utf8(&self.s[start..self.pos]).ok())
            .flatten()
    }

    fn quoted(&mut self) -> Result<String, AuthParamError> {
        self.pos += 1; // the opening DQUOTE
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => return Err(AuthParamError::Unclosed),
                Some(b'"') => {
                    self.pos += 1;
                    return String::from_utf8(out)
                        .map_err(|_| AuthParamError::Unexpected(self.pos));
                }
                Some(b'\\') => {
                    let escaped = self.peek_at(self.pos + 1).ok_or(AuthParamError::Unclosed)?;
                    // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                    if escaped < 0x20 && escaped != b'\t' || escaped == 0x7f {
                        return Err(AuthParamError::Unexpected(self.pos + 1));
                    }
                    out.push(escaped);
                    self.pos += 2;
                }
                // qdtext excludes CTLs other than HTAB, and DEL.
                Some(b) if (b < 0x20 && b != b'\t') || b == 0x7f => {
                    return Err(AuthParamError::Unexpected(self.pos))
                }
                Some(b) => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
    }

    /// After `name BWS`, at the "=": whether this is an auth-param (a value
    /// follows) rather than the padding of a token68.
    fn param_follows(&self) -> bool {
        let mut i = self.pos;
        if self.peek_at(i) != Some(b'=') {
            return false;
        }
        i += 1;
        while matches!(self.peek_at(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        self.peek_at(i).is_some_and(|b| b == b'"' || is_tchar(b))
    }

    fn challenge(&mut self) -> Result<Challenge, AuthParamError> {
        let scheme = self
            .token()
            .ok_or(AuthParamError::Unexpected(self.pos))?
            .to_owned();
        let mut challenge = Challenge {
            scheme,
            token68: None,
            params: Vec::new(),
        };
        // A challenge without parameters ends here (end, or a comma).
        if self.peek() != Some(b' ') {
            return match self.peek() {
                None | Some(b',') => Ok(challenge),
                Some(_) => Err(AuthParamError::Unexpected(self.pos)),
            };
        }
        self.skip_ows();
        if let Some(token68) = self.token68() {
            challenge.token68 = Some(token68);
            return Ok(challenge);
        }
        // #auth-param, until the end or the next challenge's scheme.
        loop {
            self.skip_list_separators();
            if self.at_end() {
                return Ok(challenge);
            }
            let save = self.pos;
            let Some(name) = self.token() else {
                return Err(AuthParamError::Unexpected(self.pos));
            };
            self.skip_ows();
            if !self.param_follows() {
                // Not "name =": another challenge's scheme begins here (or,
                // in credentials, something that does not belong).
                self.pos = save;
                return Ok(challenge);
            }
            self.pos += 1; // "="
            self.skip_ows();
            let value = if self.peek() == Some(b'"') {
                self.quoted()?
            } else {
                let v = self
                    .token()
                    .ok_or(AuthParamError::Unexpected(self.pos))?
                    .to_owned();
                // The padding leniency (see the module docs).
                let pad = self.pos;
                while self.peek() == Some(b'=') {
                    self.pos += 1;
                }
                v + std::str::from_utf8(&self.s[pad..self.pos]).unwrap_or("")
            };
            let name = name.to_ascii_lowercase();
            if challenge.param(&name).is_some() {
                return Err(AuthParamError::Repeated(name));
            }
            challenge.params.push((name, value));
            self.skip_ows();
            match self.peek() {
                None | Some(b',') => {}
                Some(_) => return Err(AuthParamError::Unexpected(self.pos)),
            }
        }
    }

    /// A token68 here, if what follows is one: its characters, its "="
    /// padding, then only OWS before the end or a comma.
    fn token68(&mut self) -> Option<String> {
        let start = self.pos;
        let mut i = start;
        while self.peek_at(i).is_some_and(is_token68_char) {
            i += 1;
        }
        if i == start {
            return None;
        }
        while self.peek_at(i) == Some(b'=') {
            i += 1;
        }
        let end = i;
        while matches!(self.peek_at(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        if !matches!(self.peek_at(i), None | Some(b',')) {
            return None;
        }
        self.pos = i;
        std::str::from_utf8(&self.s[start..end])
            .ok()
            .map(str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(header: &str) -> Challenge {
        parse_credentials(header).unwrap_or_else(|e| panic!("{header:?}: {e}"))
    }

    #[test]
    fn quoted_and_bare_values_read_the_same() {
        for header in [
            r#"PrivateToken token="AAEC_-==""#,
            "PrivateToken token=AAEC_-==",
            r#"privatetoken TOKEN = "AAEC_-==" "#,
            r#"PrivateToken token="AAEC_-==", extra=1"#,
            r#"PrivateToken foo="bar, baz", token="AAEC_-==""#,
            r#"PrivateToken ,, token="AAEC_-==" ,"#,
            "PrivateToken\u{20}token=AAEC_-==\t",
            r#"PrivateToken token="\A\AEC_-==""#,
        ] {
            let c = one(header);
            assert!(c.is("PrivateToken"), "{header}");
            assert_eq!(c.param("token"), Some("AAEC_-=="), "{header}");
            assert_eq!(c.token68, None);
        }
    }

    #[test]
    fn unknown_parameters_are_kept_but_do_not_matter() {
        let c = one(r#"PrivateToken max-age=10, token="YQ==", realm="x\"y""#);
        assert_eq!(c.param("token"), Some("YQ=="));
        assert_eq!(c.param("realm"), Some("x\"y"));
        assert_eq!(c.param("Max-Age"), Some("10"));
    }

    #[test]
    fn malformed_credentials_are_errors() {
        for header in [
            "",
            "   ",
            r#"PrivateToken token="unclosed"#,
            r#"PrivateToken token="a", token="b""#,
            r#"PrivateToken token="a" trailing"#,
            "PrivateToken =abc",
            "Private\u{0}Token token=a",
            "PrivateToken token=\"a\u{1}b\"",
            r#"PrivateToken token="a", Bearer x"#,
        ] {
            assert!(parse_credentials(header).is_err(), "{header:?}");
        }
    }

    #[test]
    fn token68_credentials_are_told_apart_from_parameters() {
        let c = one("Bearer abc.def-ghi~==");
        assert!(c.is("bearer"));
        assert_eq!(c.token68.as_deref(), Some("abc.def-ghi~=="));
        assert!(c.params.is_empty());
        let bare = one("PrivateToken");
        assert_eq!((bare.token68, bare.params.len()), (None, 0));
        // Grammatically a token68, so no `token` parameter: the redeemer
        // refuses it as it refuses any credentials without one.
        let empty = one("PrivateToken token=");
        assert_eq!(empty.token68.as_deref(), Some("token="));
        assert_eq!(empty.param("token"), None);
    }

    #[test]
    fn several_challenges_split_where_a_new_scheme_begins() {
        let all = parse_challenges(
            r#"PrivateToken challenge="AAI=", token-key="a2V5", PrivateToken challenge=BBB=, token-key="x", Basic realm="r", Bearer, Other , Newer abc=="#,
        )
        .unwrap();
        assert_eq!(all.len(), 6);
        assert!(all[4].is("Other") && all[4].params.is_empty());
        assert_eq!(all[5].token68.as_deref(), Some("abc=="));
        assert_eq!(all[0].param("challenge"), Some("AAI="));
        assert_eq!(all[0].param("token-key"), Some("a2V5"));
        assert_eq!(all[1].param("challenge"), Some("BBB="));
        assert!(all[2].is("Basic") && all[2].param("realm") == Some("r"));
        assert!(all[3].is("Bearer"));
    }

    #[test]
    fn quoting_escapes_and_round_trips() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        let c = one(&format!("PrivateToken token={}", quote(r#"a"b\c"#)));
        assert_eq!(c.param("token"), Some(r#"a"b\c"#));
    }

    proptest! {
        /// Any padded base64url value survives quoting, in any case of the
        /// names, among any unknown parameters.
        #[test]
        fn any_base64url_value_round_trips(
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
            upper in any::<bool>(),
            before in proptest::collection::vec(("[a-z][a-z0-9-]{0,8}", "[ -~]{0,12}"), 0..3),
            after in proptest::collection::vec(("[a-z][a-z0-9-]{0,8}", "[ -~]{0,12}"), 0..3),
            quoted in any::<bool>(),
        ) {
            let value = crate::tokens::b64(&bytes);
            let mut parts: Vec<String> = before
                .iter()
                .filter(|(n, _)| n != "token")
                .map(|(n, v)| format!("{n}={}", quote(v)))
                .collect();
            let name = if upper { "TOKEN" } else { "token" };
            let shown = if quoted || value.is_empty() { quote(&value) } else { value.clone() };
            parts.push(format!("{name}={shown}"));
            parts.extend(after.iter().filter(|(n, _)| n != "token").map(|(n, v)| format!("{n}={}", quote(v))));
            let mut seen = std::collections::HashSet::new();
            let unique = parts.iter().all(|p| seen.insert(p.split('=').next().unwrap_or("").to_ascii_lowercase()));
            prop_assume!(unique);
            let header = format!("PrivateToken {}", parts.join(", "));
            let c = parse_credentials(&header).unwrap();
            prop_assert_eq!(c.param("token"), Some(value.as_str()));
        }

        /// The parser never panics, whatever it is given.
        #[test]
        fn arbitrary_headers_never_panic(header in "\\PC{0,200}") {
            let _ = parse_credentials(&header);
            let _ = parse_challenges(&header);
        }
    }
}
