//! Paper-code parsing takes whatever a person (or an attacker) typed.
//! Properties: `PaperCode::parse` never panics, and a code it accepts reads
//! back as itself from its printed form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parrhesia::tokens::PaperCode;

fuzz_target!(|data: &[u8]| {
    let Ok(typed) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(code) = PaperCode::parse(typed) {
        let printed = code.display();
        assert_eq!(printed.len(), 14, "{printed}");
        let again = PaperCode::parse(&printed).expect("a printed code parses");
        assert_eq!(again.display(), printed);
        assert_eq!(
            PaperCode::parse(&printed.to_lowercase()).map(|c| c.display()),
            Some(printed)
        );
    }
});
