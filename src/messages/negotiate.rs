//! Which language to answer in when the visitor made no choice with
//! `?lang=`: the `Accept-Language` request header (RFC 9110 §12.5.4),
//! matched against the shipped languages with RFC 4647 §3.4 "lookup".
//!
//! The header is read for this one answer and never kept: not stored, not
//! logged, not sent back (a browser's language list is a fingerprint).
//!
//! Grammar (RFC 9110 §12.5.4 and §12.4.2; RFC 4647 §2.1):
//!
//! ```text
//! Accept-Language = #( language-range [ weight ] )
//! language-range  = ( 1*8ALPHA *( "-" 1*8alphanum ) ) / "*"
//! weight          = OWS ";" OWS "q=" qvalue
//! qvalue          = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
//! ```
//!
//! A malformed element is skipped, not the whole header: a browser that
//! gets one range wrong still gets the language it put first. Ranges are
//! tried from the highest weight down; among equal weights, in the order
//! sent. A range with weight 0 means "not acceptable" (§12.4.2): the
//! languages it covers are never chosen from a lower range or from `*`.

/// At most this many elements are read, so that a long header costs
/// little; real browsers send fewer than ten.
const MAX_RANGES: usize = 32;

/// One element of the header: a lower-cased range and its weight in
/// thousandths (RFC 9110 §12.4.2 allows three decimals).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    pub range: String,
    pub weight: u16,
}

/// The well-formed elements of an `Accept-Language` value, in the order
/// sent.
pub fn parse(header: &str) -> Vec<Range> {
    header
        .split(',')
        .take(MAX_RANGES)
        .filter_map(element)
        .collect()
}

fn element(item: &str) -> Option<Range> {
    let mut parts = item.split(';');
    let range = parts.next()?.trim_matches([' ', '\t']);
    if !valid_range(range) {
        return None;
    }
    let weight = match parts.next() {
        None => 1000,
        Some(param) => {
            let (name, value) = param.trim_matches([' ', '\t']).split_once('=')?;
            if !name.eq_ignore_ascii_case("q") {
                return None;
            }
            qvalue(value)?
        }
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Range {
        range: range.to_ascii_lowercase(),
        weight,
    })
}

/// RFC 4647 §2.1: `*`, or subtags of 1 to 8 letters (the first) or
/// letters and digits (the rest), joined by hyphens.
fn valid_range(range: &str) -> bool {
    if range == "*" {
        return true;
    }
    range.split('-').enumerate().all(|(i, subtag)| {
        (1..=8).contains(&subtag.len())
            && subtag.bytes().all(|b| {
                if i == 0 {
                    b.is_ascii_alphabetic()
                } else {
                    b.is_ascii_alphanumeric()
                }
            })
    })
}

/// A qvalue in thousandths: "0", "0.5", "0.125", "1", "1.000".
fn qvalue(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Whether `range` covers `tag` in the sense of RFC 4647 §3.3.1 (basic
/// filtering): equal, or a prefix ending at a hyphen; `*` covers all.
fn covers(range: &str, tag: &str) -> bool {
    range == "*"
        || tag.eq_ignore_ascii_case(range)
        || (tag.len() > range.len()
            && tag.as_bytes()[range.len()] == b'-'
            && tag[..range.len()].eq_ignore_ascii_case(range))
}

/// The best of `available` (language tags) for `header`, or `None` when
/// the header names none of them (the caller then uses its default).
///
/// RFC 4647 §3.4 lookup: each range, best first, is truncated from the
/// end ("pl-pl" then "pl") until it equals an available tag. `*` alone
/// picks nothing: the default language is the right answer to "anything".
pub fn choose<'a>(header: &str, available: &[&'a str]) -> Option<&'a str> {
    let ranges = parse(header);
    let refused = |tag: &str| {
        ranges
            .iter()
            .any(|r| r.weight == 0 && r.range != "*" && covers(&r.range, tag))
    };
    let mut wanted: Vec<&Range> = ranges.iter().filter(|r| r.weight > 0).collect();
    // A stable sort keeps the order sent among equal weights.
    wanted.sort_by_key(|r| std::cmp::Reverse(r.weight));
    for r in wanted {
        let mut candidate = r.range.as_str();
        loop {
            if let Some(tag) = available
                .iter()
                .find(|t| t.eq_ignore_ascii_case(candidate) && !refused(t))
            {
                return Some(tag);
            }
            match candidate.rfind('-') {
                Some(cut) => candidate = &candidate[..cut],
                None => break,
            }
            // RFC 4647 §3.4: a single-letter subtag (an extension or
            // private-use marker) left at the end is dropped with it.
            if candidate.len() >= 2 && candidate.as_bytes()[candidate.len() - 2] == b'-' {
                candidate = &candidate[..candidate.len() - 2];
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SHIPPED: &[&str] = &["ar", "cy", "en", "pl"];

    fn pick(header: &str) -> Option<&'static str> {
        choose(header, SHIPPED)
    }

    #[test]
    fn the_highest_weight_wins_whatever_the_order() {
        assert_eq!(pick("en;q=0.5, cy"), Some("cy"));
        assert_eq!(pick("pl;q=0.2, ar;q=0.9, en;q=0.8"), Some("ar"));
        assert_eq!(pick("en-GB,en;q=0.9,pl;q=0.8"), Some("en"));
        assert_eq!(pick("fr-FR, fr;q=0.9, pl;q=0.7, en;q=0.5"), Some("pl"));
    }

    #[test]
    fn equal_weights_keep_the_order_sent() {
        assert_eq!(pick("cy, en"), Some("cy"));
        assert_eq!(pick("en, cy"), Some("en"));
        assert_eq!(pick("ar;q=0.5, pl;q=0.5"), Some("ar"));
    }

    #[test]
    fn regional_ranges_are_truncated_to_the_language() {
        assert_eq!(pick("pl-PL"), Some("pl"));
        assert_eq!(pick("ar-EG, en;q=0.3"), Some("ar"));
        assert_eq!(pick("cy-GB-x-private"), Some("cy"));
        assert_eq!(pick("CY-gb"), Some("cy"), "case does not matter");
        assert_eq!(pick("zh-Hant-TW"), None);
    }

    #[test]
    fn weight_zero_means_not_acceptable() {
        assert_eq!(pick("cy;q=0, en;q=0.1"), Some("en"));
        assert_eq!(pick("pl;q=0"), None);
        // "anything but Arabic": the default (English) is still fine.
        assert_eq!(pick("*, ar;q=0"), None);
        assert_eq!(
            pick("ar-EG;q=0.9, ar;q=0"),
            None,
            "ar;q=0 refuses all Arabic"
        );
    }

    #[test]
    fn a_star_alone_leaves_the_choice_to_the_default() {
        assert_eq!(pick("*"), None);
        assert_eq!(pick("fr, *;q=0.5"), None);
    }

    #[test]
    fn malformed_elements_are_skipped_and_the_rest_still_count() {
        for header in [
            "cy;q=2, pl;q=0.9",
            "cy;q=0.1234, pl;q=0.9",
            "cy;q=, pl;q=0.9",
            "cy;level=1, pl;q=0.9",
            "cy;q=0.5;q=1, pl;q=0.9",
            "cy;q=1.5, pl",
            "c@y, pl",
            "toolongsubtag, pl",
            "-cy, pl",
            "cy-, pl",
            "1cy, pl",
            ",,, pl",
        ] {
            assert_eq!(pick(header), Some("pl"), "{header:?}");
        }
        assert_eq!(pick(""), None);
        assert_eq!(pick("   "), None);
    }

    #[test]
    fn qvalues_follow_the_grammar() {
        assert_eq!(qvalue("1"), Some(1000));
        assert_eq!(qvalue("1."), Some(1000));
        assert_eq!(qvalue("1.000"), Some(1000));
        assert_eq!(qvalue("1.001"), None);
        assert_eq!(qvalue("0"), Some(0));
        assert_eq!(qvalue("0.5"), Some(500));
        assert_eq!(qvalue("0.05"), Some(50));
        assert_eq!(qvalue("0.125"), Some(125));
        assert_eq!(qvalue("0.1250"), None);
        assert_eq!(qvalue(".5"), None);
        assert_eq!(qvalue("0.-1"), None);
        assert_eq!(qvalue("2"), None);
    }

    #[test]
    fn white_space_around_elements_and_weights_is_allowed() {
        assert_eq!(pick(" en ; q=0.2 ,\tar ;q=0.8 "), Some("ar"));
        assert_eq!(
            parse("da, en-gb;q=0.8, en;q=0.7"),
            vec![
                Range {
                    range: "da".into(),
                    weight: 1000
                },
                Range {
                    range: "en-gb".into(),
                    weight: 800
                },
                Range {
                    range: "en".into(),
                    weight: 700
                },
            ]
        );
    }

    #[test]
    fn only_the_first_elements_of_a_long_header_are_read() {
        let long = format!("{}, cy", vec!["fr"; MAX_RANGES].join(", "));
        assert_eq!(pick(&long), None);
    }

    proptest! {
        /// Whatever arrives, the answer is a shipped tag or none, and
        /// parsing never panics.
        #[test]
        fn any_header_gives_a_shipped_language_or_none(header in ".{0,200}") {
            let chosen = pick(&header);
            prop_assert!(chosen.is_none_or(|t| SHIPPED.contains(&t)));
        }

        /// A header that names one shipped language first, with the top
        /// weight, gets it.
        #[test]
        fn the_first_named_language_at_full_weight_is_chosen(
            tag in prop::sample::select(SHIPPED.to_vec()),
            region in "[A-Z]{2}",
            rest in prop::collection::vec(("[a-z]{2,3}", 0u16..1000), 0..6),
        ) {
            let others: Vec<String> = rest
                .iter()
                .map(|(t, q)| format!("{t};q=0.{q:03}"))
                .collect();
            let header = format!("{tag}-{region}, {}", others.join(", "));
            prop_assert_eq!(pick(&header), Some(tag));
        }
    }
}
