//! SECURITY.md names the test behind every guarantee (ground rule 4). A
//! renamed, moved or deleted test must not leave the document pointing at
//! nothing, and a citation must name a test, not any function: every
//! `module::…::name` it cites must be the full path of a test in the code.
//!
//! Tests are functions marked `#[test]`, `#[actix_web::test]` or
//! `#[tokio::test]` (proptest cases included, which carry `#[test]` inside
//! `proptest!`), and the cases of the test-generating macros in
//! [`GENERATORS`]. Their paths are `file::module::name` as written in the
//! source: `tests/api/abuse.rs` is `abuse`, `src/http/client.rs` is
//! `http::client`, plus any inline `mod`.

use crate::source::{code_only, module_path, root, rust_files};
use std::collections::BTreeSet;

/// Macros that generate one test per name listed in their invocation, in
/// these submodules (see `backends::for_both_backends!`).
const GENERATORS: &[(&str, &[&str])] = &[("for_both_backends", &["embedded", "postgres"])];

/// A piece of code: a word (identifier or number) or one other character.
fn tokens(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for ch in code.chars() {
        if ch.is_alphanumeric() || ch == '_' {
            word.push(ch);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !ch.is_whitespace() {
            out.push(ch.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The tests of one file whose module path is `base`, by full path.
fn tests_in(code: &str, base: &[String], out: &mut BTreeSet<String>) {
    let t = tokens(code);
    // Inline modules open: (name, brace depth inside them).
    let mut mods: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut marked = false;
    let path = |mods: &[(String, usize)], name: &str| {
        let mut p: Vec<&str> = base.iter().map(String::as_str).collect();
        p.extend(mods.iter().map(|(m, _)| m.as_str()));
        p.push(name);
        p.join("::")
    };
    let mut i = 0;
    while i < t.len() {
        let at = |j: usize| t.get(j).map_or("", String::as_str);
        match at(i) {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                while mods.last().is_some_and(|(_, d)| *d > depth) {
                    mods.pop();
                }
            }
            "mod" if at(i + 2) == "{" => {
                mods.push((at(i + 1).to_owned(), depth + 1));
            }
            // An outer attribute: `#[test]`, `#[actix_web::test]`,
            // `#[tokio::test(flavor = …)]` mark the next `fn` as a test.
            "#" if at(i + 1) == "[" => {
                let mut j = i + 2;
                let mut attribute = String::new();
                while j < t.len() && at(j) != "]" && at(j) != "(" {
                    attribute.push_str(at(j));
                    j += 1;
                }
                if ["test", "actix_web::test", "tokio::test"].contains(&attribute.as_str()) {
                    marked = true;
                }
            }
            "fn" => {
                let name = at(i + 1);
                if marked && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    out.insert(path(&mods, name));
                }
                marked = false;
            }
            word => {
                if let Some((_, subs)) = GENERATORS.iter().find(|(m, _)| *m == word) {
                    if at(i + 1) == "!" && at(i + 2) == "(" {
                        let mut j = i + 3;
                        while j < t.len() && at(j) != ")" {
                            if at(j) != "," {
                                for sub in *subs {
                                    out.insert(path(&mods, &format!("{sub}::{}", at(j))));
                                }
                            }
                            j += 1;
                        }
                        i = j;
                    }
                }
            }
        }
        i += 1;
    }
}

/// Every test of the library (`src/`) and of the integration tests
/// (`tests/api/`), by full path.
fn tests() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for dir in ["src", "tests/api"] {
        let base = root().join(dir);
        for file in rust_files(&base) {
            let code = code_only(&std::fs::read_to_string(&file).unwrap());
            tests_in(&code, &module_path(&base, &file), &mut out);
        }
    }
    out
}

/// Lower-case paths in SECURITY.md that are not our tests: functions of
/// the crates we depend on.
const NOT_TESTS: &[&str] = &["hazmat::rsa_decrypt_and_check"];

/// The paths a citation stands for, if it cites tests: lower-case
/// segments joined by `::`, where a segment may be a group (`a::{x, y}`
/// is `a::x` and `a::y`, anywhere in the path) and the last may be `*`
/// (every test in that module). A path with a capital letter names a type
/// or a method (`clock::SystemClock::today`), not a test.
fn cited(citation: &str) -> Option<Vec<String>> {
    let mut paths = vec![Vec::<&str>::new()];
    for segment in citation.split("::") {
        let choices: Vec<&str> = match segment.strip_prefix('{').and_then(|g| g.strip_suffix('}')) {
            Some(group) => group.split(',').map(str::trim).collect(),
            None => vec![segment],
        };
        let name = |s: &&str| {
            *s == "*"
                || !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        };
        if !choices.iter().all(name) {
            return None;
        }
        paths = paths
            .into_iter()
            .flat_map(|p| {
                choices.iter().map(move |c| {
                    let mut p = p.clone();
                    p.push(c);
                    p
                })
            })
            .collect();
    }
    Some(paths.into_iter().map(|p| p.join("::")).collect())
}

#[test]
fn citations_expand_groups_and_skip_types() {
    assert_eq!(
        cited("store_suite::{embedded,postgres}::a_case"),
        Some(vec![
            "store_suite::embedded::a_case".to_owned(),
            "store_suite::postgres::a_case".to_owned()
        ])
    );
    assert_eq!(
        cited("abuse::{one, two}"),
        Some(vec!["abuse::one".to_owned(), "abuse::two".to_owned()])
    );
    assert_eq!(
        cited("domain::period::tests::*"),
        Some(vec!["domain::period::tests::*".to_owned()])
    );
    assert_eq!(cited("clock::SystemClock::today"), None);
    assert_eq!(cited("Application::token_keys()"), None);
}

#[test]
fn tests_are_found_by_attribute_module_and_generator_and_nothing_else() {
    let code = code_only(
        "fn helper() {}\n#[test]\nfn plain() {}\n#[actix_web::test]\nasync fn served() {}\n\
         mod inner { #[tokio::test(flavor = \"multi_thread\")] #[ignore] async fn deep() {} fn not_a_test() {} }\n\
         proptest! { #[test] fn any_text(s in \".*\") { let _ = s; } }\n\
         // #[test] fn commented() {}\n\
         crate::for_both_backends!(case_a, case_b,);\n\
         #[cfg(test)] fn only_compiled_for_tests() {}",
    );
    let mut found = BTreeSet::new();
    tests_in(&code, &["f".to_owned()], &mut found);
    let expected = [
        "f::any_text",
        "f::embedded::case_a",
        "f::embedded::case_b",
        "f::inner::deep",
        "f::plain",
        "f::postgres::case_a",
        "f::postgres::case_b",
        "f::served",
    ];
    assert_eq!(found.iter().collect::<Vec<_>>(), expected);
}

#[test]
fn every_test_security_md_names_exists() {
    let doc = std::fs::read_to_string(root().join("SECURITY.md")).unwrap();
    let tests = tests();
    let mut checked = 0;
    let mut missing = Vec::new();
    // Code spans are the odd pieces between backticks.
    for span in doc.split('`').skip(1).step_by(2) {
        // Every lower-case path is a citation, so a test whose module was
        // renamed cannot drop out of the check unnoticed.
        let Some(paths) = cited(span).filter(|_| span.contains("::")) else {
            continue;
        };
        if NOT_TESTS.contains(&span) {
            continue;
        }
        for path in paths {
            checked += 1;
            let exists = match path.strip_suffix('*') {
                Some(prefix) => tests.iter().any(|t| t.starts_with(prefix)),
                None => tests.contains(&path),
            };
            if !exists {
                missing.push(path);
            }
        }
    }
    assert!(checked > 100, "only {checked} citations found");
    assert!(
        missing.is_empty(),
        "SECURITY.md cites tests that do not exist (a citation is the full path of a \
         #[test] function): {missing:#?}"
    );
}
