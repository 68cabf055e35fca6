//! Only canonical paths are served, so a rate limit keyed on the route
//! cannot be sidestepped by writing the same address another way.
//!
//! actix-web matches routes against the path after percent-decoding every
//! octet except `%2F`, `%25` and `%2B` (actix-router's `Url::new` with the
//! `Quoter` of protected bytes `%/+`), while `ServiceRequest::path()` and
//! `match_pattern()` in an App-level middleware (before routing) see the raw
//! path. So `/console/%6Cogin` reaches the sign-in handler while looking like
//! an unknown address to a limiter that reads the raw path. RFC 3986 §6.2.2
//! says such forms are equivalent; rather than re-implement each
//! normalisation (and risk disagreeing with the router), we refuse every
//! path that is not already in normal form. Every address this service
//! answers is written in unreserved ASCII characters, so no real link is
//! refused:
//!
//! - no `%` at all (percent-encoding of unreserved characters, RFC 3986
//!   §2.3, or of anything else, in any case: `%6C`, `%6c`, `%2F`);
//! - no empty segment (`//`), which RFC 3986 keeps but no route has;
//! - no `.` or `..` segment (RFC 3986 §5.2.4 would remove them);
//! - no trailing `/` (except the root), which no route has.
//!
//! On a canonical path the raw and decoded paths are the same string, so
//! `match_pattern()` names exactly the route the router will pick.

/// Why a path is not canonical.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotCanonical {
    PercentEncoded,
    EmptySegment,
    DotSegment,
    TrailingSlash,
}

/// What is wrong with `path` (the raw request path), if anything.
pub fn check(path: &str) -> Result<(), NotCanonical> {
    if path.contains('%') {
        return Err(NotCanonical::PercentEncoded);
    }
    if path == "/" || !path.starts_with('/') {
        // The root, or `*` (OPTIONS *), which matches no route.
        return Ok(());
    }
    let segments: Vec<&str> = path[1..].split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." | ".." => return Err(NotCanonical::DotSegment),
            "" if i == last => return Err(NotCanonical::TrailingSlash),
            "" => return Err(NotCanonical::EmptySegment),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_addresses_we_serve_are_canonical() {
        for route in crate::http::ROUTES {
            let concrete = route
                .path
                .replace("{round}", "spring")
                .replace("{organisation}", "care")
                .replace("{period}", "2026-11-23")
                .replace("{picture}", "write.svg")
                .replace("{quote}", "0123abcd")
                .replace("{pledge}", "4567ef")
                .replace("{user}", "f00d")
                .replace("{sheet}", "00ff")
                .replace("{token}", "0123abcd")
                .replace("{delivery}", "beef")
                .replace("{language}", "cy");
            assert!(!concrete.contains('{'), "{}", route.path);
            assert_eq!(check(&concrete), Ok(()), "{concrete}");
        }
        assert_eq!(check("/"), Ok(()));
        assert_eq!(check("*"), Ok(()));
    }

    #[test]
    fn every_other_spelling_of_an_address_is_refused() {
        use NotCanonical::*;
        let cases = [
            ("/console/%6Cogin", PercentEncoded),
            ("/console/%6clogin", PercentEncoded),
            ("/api/v1/%61dmin/rounds", PercentEncoded),
            ("/r/spring%2Fcheck", PercentEncoded),
            ("/r/%25", PercentEncoded),
            ("%2Fr/spring", PercentEncoded),
            ("//console/login", EmptySegment),
            ("/console//login", EmptySegment),
            ("/console/./login", DotSegment),
            ("/console/x/../login", DotSegment),
            ("/..", DotSegment),
            ("/console/login/", TrailingSlash),
            ("/r/spring/", TrailingSlash),
            ("//", EmptySegment),
        ];
        for (path, why) in cases {
            assert_eq!(check(path), Err(why), "{path}");
        }
        // Dots inside a segment are ordinary characters.
        assert_eq!(check("/static/style.css"), Ok(()));
        assert_eq!(check("/r/.well"), Ok(()));
    }
}
