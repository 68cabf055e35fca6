//! Form bodies are untrusted bytes. Properties: `decode_form` never panics,
//! and what it decodes, encoded again, decodes to the same pairs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parrhesia::http::urlencoded::decode_form;

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(pairs) = decode_form(data) {
        let body: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        let again = decode_form(body.join("&").as_bytes()).expect("re-encoded form decodes");
        assert_eq!(pairs, again);
    }
});
