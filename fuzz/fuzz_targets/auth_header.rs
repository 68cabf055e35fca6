//! The `Authorization` and `WWW-Authenticate` parser (RFC 9110 §11) takes
//! whatever a client sends. Properties: it never panics, and the parameters
//! it reads come back the same when written quoted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parrhesia::tokens::auth_param::{parse_challenges, parse_credentials, quote};

fuzz_target!(|data: &[u8]| {
    let Ok(header) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_challenges(header);
    let Ok(credentials) = parse_credentials(header) else {
        return;
    };
    if credentials.token68.is_some() || credentials.params.is_empty() {
        return;
    }
    let written = credentials
        .params
        .iter()
        .map(|(name, value)| format!("{name}={}", quote(value)))
        .collect::<Vec<_>>()
        .join(", ");
    let again = parse_credentials(&format!("{} {written}", credentials.scheme))
        .expect("quoted parameters parse");
    assert_eq!(again.params, credentials.params);
});
