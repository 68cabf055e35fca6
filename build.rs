//! Embeds every message file under `locales/` in the binary, so that a new
//! language is added by adding files, without changing code. The layout is
//! `locales/<language tag>/<variant>.ftl`, where the variant is `standard`
//! or `easy-read` (see `src/messages/mod.rs`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut files = Vec::new();
    if let Ok(languages) = std::fs::read_dir(&root) {
        for language in languages.flatten() {
            let Ok(variants) = std::fs::read_dir(language.path()) else {
                continue;
            };
            for variant in variants.flatten() {
                let path = variant.path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    let tag = language.file_name().to_string_lossy().into_owned();
                    let name = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    files.push((tag, name, path));
                }
            }
        }
    }
    // A stable order, so builds are reproducible.
    files.sort();
    let mut out = String::from("pub(crate) const FILES: &[(&str, &str, &str)] = &[\n");
    for (tag, name, path) in &files {
        let _ = writeln!(
            out,
            "    ({tag:?}, {name:?}, include_str!({:?})),",
            path.display()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("locales.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("could not write {}: {e}", dest.display());
    }
}
