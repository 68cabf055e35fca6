//! Per-instance changes to the shipped messages, without rebuilding: a
//! host puts `<language>/<file>.ftl` files (the layout of `locales/`)
//! in a directory named by the `messages` setting, and each message there
//! replaces the shipped one of the same key, in that language and variant.
//! A file need only hold the messages it changes.
//!
//! The files are checked when the server starts, so that a mistake stops
//! it with a clear error instead of showing a broken page: the language
//! must be shipped, the file `standard`, `easy-read` or `api`, the syntax
//! clean, every key one that the English file defines (`standard.ftl` for
//! both page variants), and every argument one the message offers.

use super::syntax;
use super::{Entry, API, EASY_READ, STANDARD};
use anyhow::{bail, Context};
use std::path::Path;

/// The override files of one instance, checked.
pub struct Overrides {
    pub(super) entries: Vec<Entry>,
}

impl std::fmt::Debug for Overrides {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.entries.iter().map(|e| (e.language, e.variant)))
            .finish()
    }
}

impl Overrides {
    /// Read and check every `*/*.ftl` under `dir`. Loaded once at start-up
    /// and kept for the life of the process (pages borrow from it).
    pub fn load(dir: &Path) -> anyhow::Result<&'static Overrides> {
        let mut entries = Vec::new();
        let languages = std::fs::read_dir(dir)
            .with_context(|| format!("could not read the messages directory {}", dir.display()))?;
        let mut paths = Vec::new();
        for language in languages {
            let language = language?;
            if !language.file_type()?.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(language.path())? {
                let path = file?.path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    paths.push(path);
                }
            }
        }
        paths.sort();
        for path in paths {
            entries.push(
                check(&path).with_context(|| format!("in the message file {}", path.display()))?,
            );
        }
        Ok(Box::leak(Box::new(Overrides { entries })))
    }
}

fn check(path: &Path) -> anyhow::Result<Entry> {
    let tag = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(language) = super::languages().into_iter().find(|l| *l == tag) else {
        bail!(
            "{tag} is not a shipped language (shipped: {})",
            super::languages().join(", ")
        );
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let variant = match stem.as_str() {
        STANDARD => STANDARD,
        EASY_READ => EASY_READ,
        API => API,
        other => {
            bail!("the file must be {STANDARD}.ftl, {EASY_READ}.ftl or {API}.ftl, not {other}.ftl")
        }
    };
    let source = std::fs::read_to_string(path)?;
    if let Err((_, errors)) = fluent_syntax::parser::parse(source.as_str()) {
        bail!(
            "syntax errors: {}",
            errors
                .iter()
                .map(|e| format!("{:?} at bytes {:?}", e.kind, e.pos))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    // The arguments a page passes are those of English standard.ftl, for
    // either variant; the API's, those of English api.ftl.
    let reference = if variant == API { API } else { STANDARD };
    let shipped = super::files()
        .iter()
        .find(|(l, v, _)| *l == super::DEFAULT_LANGUAGE && *v == reference)
        .map(|(_, _, s)| syntax::arguments(s))
        .unwrap_or_default();
    for (key, args) in syntax::messages(&source) {
        let Some(allowed) = shipped.get(&key) else {
            bail!("{key} is not a message key (see locales/en/standard.ftl)");
        };
        if let Some(unknown) = args.difference(allowed).next() {
            bail!(
                "{key} uses {{ ${unknown} }}, which this message does not offer \
                 (it offers: {})",
                allowed
                    .iter()
                    .map(|a| format!("${a}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    Ok(Entry {
        language,
        variant,
        bundle: super::bundle(language, &source),
    })
}
