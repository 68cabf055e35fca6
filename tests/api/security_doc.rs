//! SECURITY.md names the test behind every guarantee (ground rule 4). A
//! renamed or deleted test must not leave the document pointing at nothing:
//! every `module::…::test_name` it cites must be a function in the code.

use std::collections::BTreeSet;
use std::path::Path;

/// Every `fn name` in the Rust files under `dir`.
fn functions(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            functions(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split("fn ").skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
    }
}

/// Top-level module names a citation may start with: the integration
/// test modules and the library's modules.
fn modules(root: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for dir in ["tests/api", "src"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                out.insert(stem.to_owned());
            }
        }
    }
    out
}

/// The test names a citation stands for: `a::b::name` is `name`,
/// `a::{x, y}` is `x` and `y` (`a::{p, q}::name` is `name`);
/// `a::tests::*` names no single test.
fn cited(citation: &str) -> Vec<String> {
    let last = match citation.rsplit_once("::{") {
        Some((_, group)) if group.ends_with('}') => group.trim_end_matches('}'),
        _ => citation.rsplit("::").next().unwrap_or(""),
    };
    if last.contains('*') {
        return Vec::new();
    }
    last.split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn every_test_security_md_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("SECURITY.md")).unwrap();
    let mut fns = BTreeSet::new();
    functions(&root.join("src"), &mut fns);
    functions(&root.join("tests"), &mut fns);
    let modules = modules(root);
    let mut checked = 0;
    let mut missing = Vec::new();
    // Code spans are the odd pieces between backticks.
    for span in doc.split('`').skip(1).step_by(2) {
        let Some((first, _)) = span.split_once("::") else {
            continue;
        };
        if !modules.contains(first) || span.contains(' ') && !span.contains('{') {
            continue;
        }
        for name in cited(span) {
            checked += 1;
            if !fns.contains(&name) {
                missing.push(span.to_owned());
            }
        }
    }
    assert!(checked > 100, "only {checked} citations found");
    assert!(
        missing.is_empty(),
        "SECURITY.md cites tests that do not exist: {missing:?}"
    );
}
