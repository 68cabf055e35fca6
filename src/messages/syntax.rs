//! What a message file defines, read from its syntax tree: the keys, and
//! the arguments (`{ $name }`) each message uses, so that tests and the
//! per-instance overrides can check a file against English.

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

/// Each message's key and the arguments it uses (in any variant of a
/// selector, and as a selector), in file order. A file with syntax errors
/// gives what could be read.
pub fn messages(source: &str) -> Vec<(String, BTreeSet<String>)> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let mut args = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern(value, &mut args);
                }
                Some((m.id.name.to_owned(), args))
            }
            _ => None,
        })
        .collect()
}

/// The same, as a map (a repeated key keeps its last arguments).
pub fn arguments(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    messages(source).into_iter().collect()
}

/// The keys defined in a message file's source, in file order.
pub fn keys(source: &str) -> Vec<String> {
    messages(source).into_iter().map(|(k, _)| k).collect()
}

/// The literal text of a message, without its placeables, as separate
/// fragments: what a reader sees whatever the arguments.
pub fn fragments(source: &str, key: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            if m.id.name == key {
                if let Some(value) = &m.value {
                    text(value, &mut out);
                }
            }
        }
    }
    out
}

fn text(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
    let mut current = String::new();
    for element in &p.elements {
        match element {
            PatternElement::TextElement { value } => current.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                out.push(std::mem::take(&mut current));
                for v in variants {
                    text(&v.value, out);
                }
            }
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => current.push_str(value),
            PatternElement::Placeable { .. } => out.push(std::mem::take(&mut current)),
        }
    }
    out.push(current);
}

fn pattern(p: &ast::Pattern<&str>, args: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Select { selector, variants } => {
                    inline(selector, args);
                    for v in variants {
                        pattern(&v.value, args);
                    }
                }
                Expression::Inline(e) => inline(e, args),
            }
        }
    }
}

fn inline(e: &InlineExpression<&str>, args: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            args.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => call(arguments, args),
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call(arguments, args),
        InlineExpression::Placeable { expression } => match expression.as_ref() {
            Expression::Select { selector, variants } => {
                inline(selector, args);
                for v in variants {
                    pattern(&v.value, args);
                }
            }
            Expression::Inline(e) => inline(e, args),
        },
        _ => {}
    }
}

fn call(arguments: &ast::CallArguments<&str>, args: &mut BTreeSet<String>) {
    for e in &arguments.positional {
        inline(e, args);
    }
    for n in &arguments.named {
        inline(&n.value, args);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_found_in_text_selectors_and_variants() {
        let source = "plain = No arguments\n\
                      one = Hello { $org }\n\
                      plural = { $n ->\n    [one] one { $what }\n   *[other] { $n } { $what }\n}\n";
        let found = arguments(source);
        assert!(found["plain"].is_empty());
        assert_eq!(found["one"], BTreeSet::from(["org".to_owned()]));
        assert_eq!(
            found["plural"],
            BTreeSet::from(["n".to_owned(), "what".to_owned()])
        );
        assert_eq!(keys(source), ["plain", "one", "plural"]);
    }

    #[test]
    fn fragments_are_the_text_between_arguments() {
        let source =
            "m = Before { $x } after\nn = { $n ->\n    [one] a week\n   *[other] { $n } weeks\n}\n";
        assert_eq!(fragments(source, "m"), ["Before ", " after"]);
        let n = fragments(source, "n");
        assert!(n.contains(&"a week".to_owned()) && n.contains(&" weeks".to_owned()));
    }
}
