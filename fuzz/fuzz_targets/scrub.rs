//! Critique texts and moderators' edits are untrusted text. Properties:
//! `scrub` never panics, its removals are in order, apart and on character
//! boundaries, and scrubbing is idempotent (scrubbed text has nothing more
//! to remove, so a moderator's edit of it can be scrubbed again unchanged).
#![no_main]

use libfuzzer_sys::fuzz_target;
use parrhesia::digest::scrub::scrub;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let once = scrub(text);
    let mut at = 0;
    for r in &once.removals {
        assert!(r.range.start >= at && r.range.start < r.range.end);
        assert!(text.is_char_boundary(r.range.start) && text.is_char_boundary(r.range.end));
        at = r.range.end;
    }
    let twice = scrub(&once.text);
    assert_eq!(twice.text, once.text);
    assert!(twice.removals.is_empty());
});
