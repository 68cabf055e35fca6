//! Reading the crate's own source, for the tests that check its shape
//! (`layers`, `security_doc`): the Rust files under a directory, a file's
//! module path, and its text with comments and literals blanked, so that a
//! `crate::` in a doc comment is not an import and a `#[test]` in a string
//! is not a test.

use std::path::{Path, PathBuf};

/// The crate's root directory.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The module path of the file `file` under `base` (the crate's `src/`, or
/// `tests/api/` whose files are the test binary's modules):
/// `http/console/mod.rs` is `["http", "console"]`, `lib.rs` is `[]`.
pub fn module_path(base: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(base).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// `text` with every comment, string literal and character literal turned
/// into spaces. Newlines stay, so line numbers still match.
pub fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, from: &[char]| {
        out.extend(from.iter().map(|&ch| if ch == '\n' { '\n' } else { ' ' }));
    };
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        let at = |j: usize| c.get(j).copied();
        let end = if at(i) == Some('/') && at(i + 1) == Some('/') {
            // A line comment, doc comments included.
            (i..c.len()).find(|&j| c[j] == '\n').unwrap_or(c.len())
        } else if at(i) == Some('/') && at(i + 1) == Some('*') {
            // A block comment; they nest.
            let (mut j, mut depth) = (i, 0);
            while j < c.len() {
                if at(j) == Some('/') && at(j + 1) == Some('*') {
                    depth += 1;
                    j += 2;
                } else if at(j) == Some('*') && at(j + 1) == Some('/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            j
        } else if let Some(end) = raw_string_end(&c, i, i > 0 && ident(c[i - 1])) {
            end
        } else if at(i) == Some('"') {
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            (j + 1).min(c.len())
        } else if at(i) == Some('\'') && at(i + 1) == Some('\\') {
            // An escaped character literal: '\n', '\'', '\u{1F600}'.
            (i + 3..c.len())
                .find(|&j| c[j] == '\'')
                .map_or(c.len(), |j| j + 1)
        } else if at(i) == Some('\'') && at(i + 2) == Some('\'') {
            i + 3
        } else {
            // Code, or the quote of a lifetime.
            out.push(c[i]);
            i += 1;
            continue;
        };
        blank(&mut out, &c[i..end]);
        i = end;
    }
    out
}

/// Where the raw string (`r"…"`, `r#"…"#`, `br#"…"#`) starting at `i`
/// ends, if one starts there.
fn raw_string_end(c: &[char], i: usize, after_ident: bool) -> Option<usize> {
    if after_ident {
        return None;
    }
    let mut j = i;
    if c.get(j) == Some(&'b') {
        j += 1;
    }
    if c.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = c[j..].iter().take_while(|&&ch| ch == '#').count();
    j += hashes;
    if c.get(j) != Some(&'"') {
        return None;
    }
    j += 1;
    while j < c.len() {
        if c[j] == '"'
            && c[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&ch| ch == '#')
                .count()
                == hashes
        {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(c.len())
}

#[test]
fn comments_strings_and_characters_are_blanked_and_code_is_kept() {
    let text = "use crate::a; // crate::b\n/* crate::c /* nested */ crate::d */ let s = \"crate::e \\\" crate::f\";\nlet r = r#\"crate::g \"# ; let q = '\"'; let l: &'static str = crate::h::X; let e = '\\'';";
    let code = code_only(text);
    assert_eq!(code.lines().count(), text.lines().count());
    for kept in ["crate::a", "crate::h::X", "&'static str"] {
        assert!(code.contains(kept), "{kept} lost: {code}");
    }
    for gone in [
        "crate::b", "crate::c", "crate::d", "crate::e", "crate::f", "crate::g",
    ] {
        assert!(!code.contains(gone), "{gone} kept: {code}");
    }
}
