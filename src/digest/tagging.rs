//! Theme suggestions for free text: the "check your answers" step shows the
//! themes a critique's words point to (unticked) next to the ones the
//! writer chose.
//!
//! Each default theme has a lexicon of words and phrases. Text and lexicon
//! go through the same pipeline: Unicode word segmentation
//! (`unicode-segmentation`), lower case, straight apostrophes, and the
//! Snowball English stemmer (`frostem`), so "meeting" matches "meetings"
//! and "complaining" matches "complain". Stemming does not merge every
//! variant (*paid/payment/pay*, *excluded/exclusion*, *told/tell*), so the
//! lexicons list those explicitly.
//!
//! Scoring: a lexicon entry is STRONG (2 points: enough on its own, e.g.
//! "wheelchair") or WEAK (1 point: only together with another cue, e.g.
//! "venue"). Each entry counts once however often it appears. A theme is
//! suggested at [`THRESHOLD`] points or more; suggestions are ranked by
//! score, then by the theme list's order. "Something else" is never
//! suggested. There is no negation handling: "I am not scared" suggests
//! fear of speaking up, which is harmless for an unticked suggestion.

use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// Points a theme needs to be suggested.
pub const THRESHOLD: u32 = 2;
const STRONG: u32 = 2;
const WEAK: u32 = 1;

/// One suggested theme, with the lexicon entries that matched (so a page
/// can say why).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suggestion {
    pub theme: String,
    pub score: u32,
    pub matched: Vec<String>,
}

struct Entry {
    phrase: String,
    stems: Vec<String>,
    points: u32,
}

/// Stemmed lexicons for a list of themes.
pub struct Lexicon {
    themes: Vec<(String, Vec<Entry>)>,
}

/// A theme's lexicon as written: (slug, strong entries, weak entries).
pub type ThemeWords<'a> = (&'a str, &'a [&'a str], &'a [&'a str]);

impl Lexicon {
    /// Build a lexicon; entries are written as ordinary words and phrases.
    pub fn new(themes: &[ThemeWords<'_>]) -> Self {
        let entry = |phrase: &str, points| Entry {
            phrase: phrase.to_owned(),
            stems: stems(phrase),
            points,
        };
        Self {
            themes: themes
                .iter()
                .map(|(slug, strong, weak)| {
                    // Entries that stem alike ("meeting", "meetings") are
                    // one entry: the first, so a strong one wins.
                    let mut seen = std::collections::HashSet::new();
                    let entries = strong
                        .iter()
                        .map(|p| entry(p, STRONG))
                        .chain(weak.iter().map(|p| entry(p, WEAK)))
                        .filter(|e| !e.stems.is_empty() && seen.insert(e.stems.clone()))
                        .collect();
                    ((*slug).to_owned(), entries)
                })
                .collect(),
        }
    }

    /// The lexicon of the default themes (built once).
    pub fn default_themes() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::new(DEFAULT))
    }

    /// Themes the text points to, best first, each at [`THRESHOLD`] or
    /// more.
    pub fn suggest(&self, text: &str) -> Vec<Suggestion> {
        let words = stems(text);
        let mut out: Vec<(usize, Suggestion)> = self
            .themes
            .iter()
            .enumerate()
            .filter_map(|(order, (slug, entries))| {
                let hits: Vec<&Entry> = entries
                    .iter()
                    .filter(|e| {
                        words
                            .windows(e.stems.len())
                            .any(|w| w == e.stems.as_slice())
                    })
                    .collect();
                let score = hits.iter().map(|e| e.points).sum();
                (score >= THRESHOLD).then(|| {
                    let matched = hits.iter().map(|e| e.phrase.clone()).collect();
                    (
                        order,
                        Suggestion {
                            theme: slug.clone(),
                            score,
                            matched,
                        },
                    )
                })
            })
            .collect();
        out.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(_, s)| s).collect()
    }
}

/// Suggestions from the default themes' lexicon.
pub fn suggest(text: &str) -> Vec<Suggestion> {
    Lexicon::default_themes().suggest(text)
}

/// The text's words, lower-cased, with straight apostrophes, stemmed.
pub fn stems(text: &str) -> Vec<String> {
    let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
    text.unicode_words()
        .map(|w| {
            let w = w.to_lowercase().replace(['’', '‘'], "'");
            stemmer.stem(&w).into_owned()
        })
        .collect()
}

/// The default themes' lexicons (slugs from `domain::theme`). Word
/// variants that stemming does not merge are listed side by side.
#[rustfmt::skip]
const DEFAULT: &[ThemeWords<'static>] = &[
    (
        "whose-voices",
        &[
            "left out", "ignored", "ignore", "excluded", "exclude", "exclusion", "overlooked",
            "marginalised", "marginalized", "minority", "minorities", "seldom heard",
            "hard to reach", "same people", "usual suspects", "never asked", "not asked",
            "nobody asked", "no one asked", "nobody listens", "no one listens", "not listened",
            "never listened", "interpreter", "translator", "first language", "not represented",
            "representation", "representative", "diverse", "diversity", "tokenistic", "token",
            "young people", "older people", "people like me", "people like us",
        ],
        &["voice", "voices", "heard", "listen", "listened", "asked"],
    ),
    (
        "money-and-time",
        &[
            "money", "funding", "funded", "underfunded", "budget", "budgets", "cuts", "paid",
            "payment", "payments", "pay", "unpaid", "expenses", "cost", "costs", "afford",
            "reimburse", "reimbursed", "reimbursement", "voucher", "vouchers", "wages",
            "understaffed", "short staffed", "short-staffed", "staff shortages",
            "not enough staff", "no time", "rushed", "too busy", "waiting list", "resources",
            "under-resourced", "overstretched", "stretched",
        ],
        &["time", "staff", "busy", "wait", "waited", "cut"],
    ),
    (
        "accessible-places",
        &[
            "lift", "lifts", "wheelchair", "ramp", "ramps", "stairs", "steps", "step-free",
            "accessible", "inaccessible", "hearing loop", "parking", "bus", "buses", "transport",
            "taxi", "toilet", "toilets", "too far", "far away", "sign language", "bsl", "signer",
            "mobility", "disabled access", "large print", "braille", "evening meetings",
            "working hours", "childcare", "noisy",
        ],
        &[
            "venue", "room", "building", "meeting", "meetings", "travel", "far", "access",
        ],
    ),
    (
        "digital-access",
        &[
            "online", "internet", "wifi", "wi-fi", "zoom", "video call", "video calls", "email",
            "e-mail", "emails", "website", "app", "smartphone", "computer", "laptop", "broadband",
            "digital", "log in", "login", "password", "download", "tablet", "ipad", "technology",
            "tech", "not online", "no internet",
        ],
        &["phone", "link", "teams", "screen", "data"],
    ),
    (
        "fear-of-consequences",
        &[
            "scared", "afraid", "frightened", "fear", "feared", "worried", "anxious", "nervous",
            "in case", "repercussions", "consequences", "retaliation", "punished", "punish",
            "backlash", "victimised", "victimized", "troublemaker", "labelled", "blacklisted",
            "lose my care", "lose my support", "lose my package", "stop my care",
            "stopped my care", "cut my care", "cut my package", "treated differently",
            "get into trouble", "daren't", "dare not", "don't dare", "keep quiet", "kept quiet",
            "head down", "held against",
        ],
        &[
            "worry", "complain", "complaint", "complaining", "speak up", "speaking up",
        ],
    ),
    (
        "risk-and-culture",
        &[
            "risk", "risks", "risky", "risk averse", "risk-averse", "health and safety",
            "liability", "red tape", "bureaucracy", "bureaucratic", "box ticking", "tick box",
            "tick-box", "cover themselves", "covering themselves", "defensive", "blame culture",
            "blame", "resistant to change", "afraid of change", "always done it", "culture",
            "insurance", "cautious",
        ],
        &["change", "safety"],
    ),
    (
        "power-and-attitudes",
        &[
            "patronising", "patronizing", "condescending", "talked down", "talk down", "rude",
            "disrespectful", "disrespect", "dismissive", "dismissed", "arrogant", "equals",
            "equal partners", "already decided", "decided for us", "without asking", "powerless",
            "power", "attitude", "attitudes", "like a child", "like children", "know best",
            "knows best", "taken seriously", "belittled", "stigma", "judged", "judgemental",
            "judgmental",
        ],
        &[
            "staff", "professionals", "decide", "decided", "decision", "decisions",
        ],
    ),
    (
        "leadership",
        &[
            "leadership", "leaders", "leader", "management", "managers", "manager",
            "chief executive", "ceo", "board", "director", "directors", "senior", "vision",
            "direction", "no plan", "strategy", "priorities", "priority", "accountable",
            "accountability", "in charge",
        ],
        &["commitment", "committed", "top"],
    ),
    (
        "policy-and-rules",
        &[
            "policy", "policies", "rules", "rule", "procedure", "procedures", "guidance",
            "guidelines", "terms of reference", "code of conduct", "eligibility", "eligible",
            "criteria", "statutory", "framework", "data protection", "gdpr", "confidentiality",
            "paperwork", "regulations",
        ],
        &[
            "process", "processes", "form", "forms", "law", "legal", "contract",
        ],
    ),
    (
        "meaning-of-involvement",
        &[
            "co-production", "coproduction", "co-produce", "co-produced", "coproduce",
            "involvement", "participation", "consultation", "consulted", "engagement",
            "partnership", "working together", "work together", "lived experience",
            "experts by experience", "expert by experience", "rubber stamp", "tick box exercise",
            "what it means",
        ],
        &[
            "involve", "involved", "involving", "participate", "engage", "together",
            "service user", "service users",
        ],
    ),
    (
        "information",
        &[
            "information", "informed", "inform", "not told", "never told", "wasn't told",
            "weren't told", "nobody told", "no one told", "never tell", "don't tell",
            "didn't tell", "tell us", "told us", "letter", "letters", "leaflet", "short notice",
            "last minute", "day before", "in advance", "jargon", "acronyms", "easy read",
            "plain english", "didn't understand", "confusing", "confused", "explain", "explained",
            "communication", "communicate", "newsletter", "agenda", "translated", "translation",
            "in the dark", "found out", "find out",
        ],
        &[
            "tell", "told", "minutes", "notice", "update", "updates", "know", "understand",
        ],
    ),
    (
        "follow-through",
        &[
            "nothing changes", "nothing changed", "nothing ever changes", "nothing has changed",
            "nothing happens", "nothing happened", "never changes", "no change", "no changes",
            "still waiting", "heard nothing", "never heard back", "no response", "no reply",
            "no feedback", "follow up", "followed up", "follow-up", "follow through", "acted on",
            "act on", "outcome", "outcomes", "promised", "promise", "promises", "broken promise",
            "waste of time", "pointless", "what's the point", "what is the point", "nobody checks",
            "no one checks", "evidence", "report back", "fed back", "same again", "nothing done",
            "nothing was done",
        ],
        &[
            "feedback", "changes", "action", "actions", "results", "speak up", "spoke up",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn top(text: &str) -> Option<String> {
        suggest(text).first().map(|s| s.theme.clone())
    }

    fn themes(text: &str) -> Vec<String> {
        suggest(text).into_iter().map(|s| s.theme).collect()
    }

    /// Realistic critiques and the theme each should suggest first.
    #[test]
    fn realistic_critiques_suggest_the_right_theme_first() {
        let table = [
            (
                "meetings were online only on Zoom and I have no internet",
                "digital-access",
            ),
            (
                "I was scared to complain in case they stopped my care",
                "fear-of-consequences",
            ),
            (
                "they never tell us about meetings until the day before",
                "information",
            ),
            ("nothing ever changes after we speak up", "follow-through"),
            ("the venue has no lift", "accessible-places"),
            (
                "We were never paid for our time, not even bus fares",
                "money-and-time",
            ),
            ("The payment for coming took four months", "money-and-time"),
            (
                "Young people and anyone whose first language isn't English get excluded",
                "whose-voices",
            ),
            ("I felt like exclusion was built in", "whose-voices"),
            (
                "The social worker was patronising and talked down to me",
                "power-and-attitudes",
            ),
            (
                "Everything is health and safety and red tape, they won't try anything",
                "risk-and-culture",
            ),
            ("The board and senior managers have no vision", "leadership"),
            (
                "There is no policy on how carers are involved, the rules are unclear",
                "policy-and-rules",
            ),
            (
                "They call it co-production but it is a consultation after it's all decided",
                "meaning-of-involvement",
            ),
            ("The letters are full of jargon and acronyms", "information"),
            (
                "They promised a new rota last year and nothing happened",
                "follow-through",
            ),
        ];
        let mut failures = Vec::new();
        for (text, want) in table {
            let got = top(text);
            if got.as_deref() != Some(want) {
                failures.push(format!("{text:?}: want {want}, got {:?}", suggest(text)));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn ordinary_or_vague_text_suggests_nothing() {
        for text in [
            "The staff were lovely and the food was good.",
            "I am happy with my care, thank you.",
            "Thank you for everything.",
            "",
            "It was fine I suppose.",
            "Nurse Patel was kind to my mum.",
        ] {
            assert_eq!(themes(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn a_weak_cue_alone_is_not_enough_but_two_are() {
        assert_eq!(themes("the venue was cold"), Vec::<String>::new());
        assert_eq!(
            themes("the venue was a long travel away"),
            vec!["accessible-places"]
        );
    }

    #[test]
    fn stemming_merges_inflections_and_the_lexicon_lists_what_it_does_not() {
        // "complaining" and "complain" share a stem; "paid", "payment" and
        // "pay" do not, and each is in the lexicon.
        assert_eq!(stems("complaining meetings"), stems("complain meeting"));
        assert_ne!(stems("paid"), stems("payment"));
        assert_ne!(stems("excluded"), stems("exclusion"));
        for text in ["they paid nothing", "no payment at all", "they do not pay"] {
            assert_eq!(top(text).as_deref(), Some("money-and-time"), "{text:?}");
        }
        for text in [
            "I was excluded",
            "a culture of exclusion",
            "they exclude us",
        ] {
            assert_eq!(top(text).as_deref(), Some("whose-voices"), "{text:?}");
        }
    }

    #[test]
    fn a_critique_can_point_to_several_themes_ranked_by_score() {
        let s = suggest(
            "The meeting was online only, on Zoom, and I have no internet or computer. \
             Nobody told us in advance either.",
        );
        let names: Vec<&str> = s.iter().map(|s| s.theme.as_str()).collect();
        assert_eq!(names, ["digital-access", "information"]);
        assert!(s[0].score > s[1].score);
        assert!(s[0].matched.contains(&"zoom".to_owned()));
    }

    #[test]
    fn variants_that_stem_alike_count_once() {
        // "meeting" and "meetings" are both weak cues for accessible places
        // and stem alike: together they are still one weak cue.
        assert_eq!(
            themes("the meeting, all the meetings"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn curly_apostrophes_and_capitals_do_not_matter() {
        assert_eq!(
            top("I DARE NOT say anything"),
            top("i dare not say anything")
        );
        assert_eq!(top("What’s the point?").as_deref(), Some("follow-through"));
    }

    #[test]
    fn something_else_is_never_suggested_and_every_default_theme_has_words() {
        let lexicon = Lexicon::default_themes();
        let slugs: Vec<&str> = lexicon.themes.iter().map(|(s, _)| s.as_str()).collect();
        let defaults: Vec<String> = crate::domain::default_themes()
            .into_iter()
            .map(|t| t.slug.to_string())
            .filter(|s| s != crate::domain::SOMETHING_ELSE)
            .collect();
        assert_eq!(slugs, defaults);
        assert!(lexicon.themes.iter().all(|(_, e)| e.len() >= 10));
    }
}
