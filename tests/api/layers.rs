//! The layers of `src/` (issue 14): the `crate::` imports between top-level
//! modules form no cycle, and no module imports from a layer above its own.
//!
//! ```text
//! domain                          the vocabulary: parsed types and shared records
//!   ← clock, crypto, encoding,    leaf utilities
//!     messages, metrics, secrets
//!   ← audit, config, digest,      the services below the application
//!     mail, staff, store, tokens
//!   ← app                         use cases (issue 14b)
//!   ← cli, http, startup, views   the adapters: command line, HTTP, pages
//! ```
//!
//! A module may import from its own layer (if that makes no cycle) or any
//! lower one. Besides, only `startup` imports `http`: the command line
//! reaches the server through it. Every import is read from the source, in
//! `use crate::…` lines (groups included) and `crate::x::…` paths anywhere.
//! And the use cases read the store only through `Store::read`, which on
//! PostgreSQL waits off the async workers (issue 15).

use crate::source::{code_only, module_path, root, rust_files};
use std::collections::{BTreeMap, BTreeSet};

/// The layers, lowest first. A new top-level module must be placed here.
const LAYERS: &[&[&str]] = &[
    &["domain"],
    &[
        "clock", "crypto", "encoding", "logging", "messages", "metrics", "secrets",
    ],
    &[
        "audit", "config", "digest", "mail", "staff", "store", "tokens",
    ],
    &["app"],
    &["cli", "http", "startup", "views"],
];

/// Modules that only `startup` may import.
const ONLY_FOR_STARTUP: &[&str] = &["http"];

/// Imports that break the rules above and stay until issue 14b removes
/// them: (from, to, why). 14b must empty this list; an entry whose import
/// is gone fails the test, so the list only shrinks.
const ALLOWED: &[(&str, &str, &str)] = &[];

/// The top-level modules that `code` names after `crate::`.
fn crate_imports(code: &str) -> BTreeSet<String> {
    let c: Vec<char> = code.chars().collect();
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let word = |from: usize| -> String { c[from..].iter().take_while(|&&ch| ident(ch)).collect() };
    let skip_space = |mut j: usize| {
        while c.get(j).is_some_and(|ch| ch.is_whitespace()) {
            j += 1;
        }
        j
    };
    let mut out = BTreeSet::new();
    for i in 0..c.len() {
        // `$crate::` (macros) and `::crate::` are not this crate's paths.
        if c[i] != 'c'
            || word(i) != "crate"
            || (i > 0 && (ident(c[i - 1]) || ":$".contains(c[i - 1])))
        {
            continue;
        }
        let colons = skip_space(i + "crate".len());
        if c.get(colons..colons + 2) != Some(&[':', ':'][..]) {
            continue; // `pub(crate)`
        }
        let j = skip_space(colons + 2);
        if c.get(j) != Some(&'{') {
            out.insert(word(j));
            continue;
        }
        // A group: the first word of each item at the group's own depth.
        let mut depth = 0;
        let mut expecting = true;
        for (k, &ch) in c.iter().enumerate().skip(j) {
            match ch {
                '{' => {
                    depth += 1;
                    expecting = depth == 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ',' if depth == 1 => expecting = true,
                ch if expecting && depth == 1 && ident(ch) => {
                    out.insert(word(k));
                    expecting = false;
                }
                _ => {}
            }
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

/// from → to → the files of `from` that import `to`.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn graph() -> Graph {
    let src = root().join("src");
    let mut graph = Graph::new();
    for file in rust_files(&src) {
        let Some(from) = module_path(&src, &file).first().cloned() else {
            continue; // lib.rs and main.rs only list modules.
        };
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        let edges = graph.entry(from.clone()).or_default();
        for to in crate_imports(&code) {
            if to != from && to != "self" {
                let shown = file.strip_prefix(root()).unwrap().display().to_string();
                edges.entry(to).or_default().insert(shown);
            }
        }
    }
    graph
}

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn allowed(from: &str, to: &str) -> bool {
    ALLOWED.iter().any(|(f, t, _)| *f == from && *t == to)
}

#[test]
fn the_import_parser_reads_groups_and_paths_and_skips_comments_and_macros() {
    let code = code_only(
        "use crate::a::B;\nuse crate::{b, c::{D, e}, self};\n// crate::f\nfn g() { crate::h::i(); $crate::j::k; \"crate::l\"; }\npub(crate) fn m() {}\nuse crate :: { n :: O };",
    );
    let found: Vec<String> = crate_imports(&code).into_iter().collect();
    assert_eq!(found, ["a", "b", "c", "h", "n", "self"]);
}

#[test]
fn every_top_level_module_has_a_layer() {
    let graph = graph();
    let mut modules: BTreeSet<&String> = graph.keys().collect();
    modules.extend(graph.values().flat_map(|to| to.keys()));
    let unplaced: Vec<&&String> = modules.iter().filter(|m| layer(m).is_none()).collect();
    assert!(unplaced.is_empty(), "place these in LAYERS: {unplaced:?}");
    assert!(modules.len() > 15, "only {} modules found", modules.len());
}

#[test]
fn no_module_imports_from_a_higher_layer_or_http_but_startup() {
    let mut wrong = Vec::new();
    for (from, edges) in graph() {
        for (to, files) in edges {
            let upwards = layer(&from) < layer(&to);
            let into_http = ONLY_FOR_STARTUP.contains(&to.as_str()) && from != "startup";
            if (upwards || into_http) && !allowed(&from, &to) {
                wrong.push(format!("{from} -> {to} ({files:?})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_imports_between_top_level_modules_have_no_cycle() {
    let graph = graph();
    let next = |m: &str| -> Vec<String> {
        graph
            .get(m)
            .map(|edges| edges.keys().filter(|to| !allowed(m, to)).cloned().collect())
            .unwrap_or_default()
    };
    // Depth-first search; a module met again while still on the path
    // closes a cycle.
    fn visit(
        m: &str,
        next: &dyn Fn(&str) -> Vec<String>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == m) {
            let mut cycle = path[start..].to_vec();
            cycle.push(m.to_owned());
            return Some(cycle);
        }
        if !done.insert(m.to_owned()) {
            return None;
        }
        path.push(m.to_owned());
        for to in next(m) {
            if let Some(cycle) = visit(&to, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &next, &mut Vec::new(), &mut done) {
            panic!("an import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn every_allowed_import_still_exists() {
    let graph = graph();
    for (from, to, why) in ALLOWED {
        assert!(
            graph
                .get(*from)
                .is_some_and(|edges| edges.contains_key(*to)),
            "{from} -> {to} is gone ({why}): remove it from ALLOWED"
        );
    }
}

#[test]
fn the_readme_layout_names_every_top_level_module_and_only_real_paths() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("\n### Layout\n")
        .nth(1)
        .expect("README.md has a Layout section")
        .split("\n#")
        .next()
        .unwrap();
    // Code spans are the odd pieces between backticks.
    let named: BTreeSet<&str> = section
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with("src/"))
        .collect();
    for path in &named {
        assert!(root().join(path).exists(), "README's layout names {path}");
    }
    for entry in std::fs::read_dir(root().join("src")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy();
        let module = name.trim_end_matches(".rs");
        let shown = [format!("src/{module}/"), format!("src/{module}.rs")];
        assert!(
            shown.iter().any(|s| named.contains(s.as_str())),
            "README's layout does not name src/{name}"
        );
    }
}

#[test]
fn handlers_reach_the_store_only_through_the_use_cases() {
    // Arrange: every file of the HTTP layer, comments left out.
    let src = root().join("src");
    let http = src.join("http");
    let mut offending = Vec::new();
    for file in rust_files(&http) {
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        // Act: an import of the store, or a call on a store handle.
        if crate_imports(&code).contains("store") {
            offending.push(format!("{shown} imports crate::store"));
        }
        for pattern in [".store.", ".store()"] {
            if code.contains(pattern) {
                offending.push(format!("{shown} calls `{pattern}`"));
            }
        }
    }
    // Assert: handlers call `crate::app`, which alone holds the store.
    assert!(offending.is_empty(), "{offending:#?}");
}

/// Store methods that return a `Result` synchronously but never wait for
/// the database: they seal and open with the key directory's staff key.
const NOT_READS: &[&str] = &["seal_second_factor", "open_second_factor"];

/// The store's synchronous reads: each `pub fn` of `src/store/` that takes
/// `&self` and returns a `Result` (async methods queue for the writer).
fn store_reads() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for file in rust_files(&root().join("src").join("store")) {
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        for (at, _) in code.match_indices("pub fn ") {
            let rest = &code[at + "pub fn ".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let signature = &rest[..rest.find('{').unwrap_or(rest.len())];
            let is_async = code[..at].trim_end().ends_with("async");
            if !is_async
                && signature.contains("&self")
                && signature.contains("Result<")
                && !NOT_READS.contains(&name.as_str())
            {
                out.insert(name);
            }
        }
    }
    out
}

/// Calls `.store.NAME(` in `code` (spaces and line breaks allowed around
/// the dots) whose NAME is in `reads`.
fn direct_reads(code: &str, reads: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices(".store") {
        let after = &code[at + ".store".len()..];
        // `.store.NAME(`, or through the accessor, `.store().NAME(`.
        let after = after.strip_prefix("()").unwrap_or(after);
        let Some(call) = after.trim_start().strip_prefix('.') else {
            continue;
        };
        let name: String = call
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if reads.contains(&name) {
            found.push(name);
        }
    }
    found
}

/// Calls `self.NAME(` of a read in the bodies of `async fn`s in `code`:
/// an async store method on a request path that reads synchronously.
fn reads_in_async_fns(code: &str, reads: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("async fn ") {
        let Some(open) = code[at..].find('{').map(|i| at + i) else {
            continue;
        };
        let mut depth = 0usize;
        let mut end = code.len();
        for (i, c) in code[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let body = &code[open..end];
        for (i, _) in body.match_indices("self.") {
            let name: String = body[i + "self.".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let called = body[i + "self.".len() + name.len()..].starts_with('(');
            if called && reads.contains(&name) {
                found.push(name);
            }
        }
    }
    found
}

#[test]
fn the_use_cases_read_the_store_only_through_store_read() {
    // Arrange: the store's synchronous reads, and a check that the scan
    // finds them (so this test can fail).
    let reads = store_reads();
    for known in ["organisation", "sealed_digests", "users", "leaves"] {
        assert!(reads.contains(known), "{known} not found among {reads:?}");
    }
    assert!(!reads.contains("read") && !reads.contains("submit"));
    assert_eq!(
        direct_reads(
            "app.store\n  .organisation(slug)?; app.store.read(|s| s.users())",
            &reads
        ),
        ["organisation"]
    );
    assert_eq!(direct_reads("app.store().rounds()?", &reads), ["rounds"]);
    assert_eq!(
        reads_in_async_fns(
            "pub async fn f(&self) { if x { self.pledge(id)? } self.read(|s| s.pledge(id)) }\n\
             pub fn g(&self) { self.users() }",
            &reads
        ),
        ["pledge"]
    );
    // Act: every direct call of one from the application and HTTP
    // layers, and every read inside the store's own async methods.
    let mut offending = Vec::new();
    for layer in ["app", "http"] {
        for file in rust_files(&root().join("src").join(layer)) {
            let code = code_only(&std::fs::read_to_string(&file).unwrap());
            let shown = file.strip_prefix(root()).unwrap().display().to_string();
            for name in direct_reads(&code, &reads) {
                offending.push(format!("{shown} calls `.store.{name}(` directly"));
            }
        }
    }
    for file in rust_files(&root().join("src").join("store")) {
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        for name in reads_in_async_fns(&code, &reads) {
            offending.push(format!("{shown}: an async fn calls `self.{name}(`"));
        }
    }
    // Assert: a read on a request path waits on PostgreSQL off the async
    // worker, through `Store::read` (issue 15; see `src/store/pg.rs`).
    assert!(offending.is_empty(), "{offending:#?}");
}
