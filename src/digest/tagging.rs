//! Theme suggestions for free text: the "check your answers" step shows the
//! themes a critique's words point to (unticked) next to the ones the
//! writer chose.
//!
//! Each default theme has a lexicon of words and phrases in each shipped
//! language (`tagging/en.rs`, `cy.rs`, `pl.rs`, `ar.rs`). Text and lexicon
//! go through the same pipeline: Unicode word segmentation
//! (`unicode-segmentation`), lower case, straight apostrophes, then per
//! language:
//! - English, Polish and Arabic: the Snowball stemmer (`frostem`), so
//!   "meeting" matches "meetings", "spotkania" matches "spotkanie". Arabic
//!   words first lose their diacritics and the definite article (ال and
//!   its forms with و ب ف ك ل), which the stemmer treats unevenly, so
//!   "المعلومات" and "معلومات" meet. Stemming does not merge every variant
//!   (*paid/payment*, broken plurals like شكوى/شكاوى), so lexicons list
//!   those side by side.
//! - Welsh, which has no Snowball stemmer: exact words, each lexicon word
//!   also in its initial mutations (soft, nasal, aspirate: "gwybodaeth",
//!   "wybodaeth", "ngwybodaeth"), since a Welsh word's first letter changes
//!   with the word before it. Plurals are listed.
//!
//! The language a critique was written in is never asked for, detected or
//! stored: every text is read with every lexicon, and each theme keeps its
//! best score in any language. (Nothing about the page's language reaches
//! this module either.)
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

mod ar;
mod cy;
mod en;
mod pl;

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

/// How a language's words are compared.
#[derive(Debug, Clone, Copy)]
pub enum Matching {
    /// The Snowball stemmer of the language.
    Stem(frostem::Algorithm),
    /// Exact words, lexicon words also in their Welsh initial mutations.
    WelshMutations,
}

struct Entry {
    phrase: String,
    /// Each word of the phrase, as the forms it may take in a text.
    words: Vec<Vec<String>>,
    points: u32,
}

/// Lexicons for a list of themes in one language.
pub struct Lexicon {
    matching: Matching,
    themes: Vec<(String, Vec<Entry>)>,
}

/// A theme's lexicon as written: (slug, strong entries, weak entries).
pub type ThemeWords<'a> = (&'a str, &'a [&'a str], &'a [&'a str]);

impl Lexicon {
    /// Build a lexicon; entries are written as ordinary words and phrases.
    pub fn new(themes: &[ThemeWords<'_>], matching: Matching) -> Self {
        let entry = |phrase: &str, points| Entry {
            phrase: phrase.to_owned(),
            words: words(matching, phrase)
                .into_iter()
                .map(|w| match matching {
                    Matching::Stem(_) => vec![w],
                    Matching::WelshMutations => welsh_mutations(&w),
                })
                .collect(),
            points,
        };
        Self {
            matching,
            themes: themes
                .iter()
                .map(|(slug, strong, weak)| {
                    // Entries that read alike ("meeting", "meetings") are
                    // one entry: the first, so a strong one wins.
                    let mut seen = std::collections::HashSet::new();
                    let entries = strong
                        .iter()
                        .map(|p| entry(p, STRONG))
                        .chain(weak.iter().map(|p| entry(p, WEAK)))
                        .filter(|e| !e.words.is_empty() && seen.insert(e.words.clone()))
                        .collect();
                    ((*slug).to_owned(), entries)
                })
                .collect(),
        }
    }

    /// The English lexicon of the default themes (built once).
    pub fn default_themes() -> &'static Lexicon {
        &lexicons()[0].1
    }

    /// Themes the text points to, best first, each at [`THRESHOLD`] or
    /// more.
    pub fn suggest(&self, text: &str) -> Vec<Suggestion> {
        let found = text_words(self.matching, text);
        let mut out: Vec<(usize, Suggestion)> = self
            .themes
            .iter()
            .enumerate()
            .filter_map(|(order, (slug, entries))| {
                let hits: Vec<&Entry> = entries
                    .iter()
                    .filter(|e| {
                        found.windows(e.words.len()).any(|w| {
                            w.iter()
                                .zip(&e.words)
                                .all(|(read, forms)| read.iter().any(|r| forms.contains(r)))
                        })
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

/// The default themes' lexicon in every shipped language (built once),
/// English first.
pub fn lexicons() -> &'static [(&'static str, Lexicon)] {
    static ALL: OnceLock<Vec<(&'static str, Lexicon)>> = OnceLock::new();
    ALL.get_or_init(|| {
        vec![
            (
                "en",
                Lexicon::new(en::WORDS, Matching::Stem(frostem::Algorithm::English)),
            ),
            ("cy", Lexicon::new(cy::WORDS, Matching::WelshMutations)),
            (
                "pl",
                Lexicon::new(pl::WORDS, Matching::Stem(frostem::Algorithm::Polish)),
            ),
            (
                "ar",
                Lexicon::new(ar::WORDS, Matching::Stem(frostem::Algorithm::Arabic)),
            ),
        ]
    })
}

/// Suggestions from the default themes' lexicons in every language: each
/// theme with its best score in any of them, ranked as [`Lexicon::suggest`]
/// ranks (by score, then in the themes' order).
pub fn suggest(text: &str) -> Vec<Suggestion> {
    let order = |slug: &str| {
        crate::domain::DEFAULT_SLUGS
            .iter()
            .position(|s| *s == slug)
            .unwrap_or(usize::MAX)
    };
    let mut best: Vec<Suggestion> = Vec::new();
    for (_, lexicon) in lexicons() {
        for s in lexicon.suggest(text) {
            match best.iter_mut().find(|b| b.theme == s.theme) {
                Some(b) if b.score < s.score => *b = s,
                Some(_) => {}
                None => best.push(s),
            }
        }
    }
    best.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(order(&a.theme).cmp(&order(&b.theme)))
    });
    best
}

/// The text's words, lower-cased, with straight apostrophes, stemmed with
/// the English stemmer (the keyphrases' grouping uses this).
pub fn stems(text: &str) -> Vec<String> {
    words(Matching::Stem(frostem::Algorithm::English), text)
}

/// The text's words as `matching` compares them.
fn words(matching: Matching, text: &str) -> Vec<String> {
    let stemmer = match matching {
        Matching::Stem(algorithm) => Some((algorithm, frostem::Stemmer::new(algorithm))),
        Matching::WelshMutations => None,
    };
    text.unicode_words()
        .map(|w| {
            let w = w.to_lowercase().replace(['’', '‘'], "'");
            match &stemmer {
                Some((frostem::Algorithm::Arabic, s)) => s.stem(&arabic_base(&w)).into_owned(),
                Some((_, s)) => s.stem(&w).into_owned(),
                None => w,
            }
        })
        .collect()
}

/// A text's words, each as the readings it may have: in Arabic, a word
/// that starts with the conjunction و ("and") is also read without it
/// ("وكبار" as "كبار"; "وعود" stays a reading too).
fn text_words(matching: Matching, text: &str) -> Vec<Vec<String>> {
    let plain = words(matching, text);
    match matching {
        Matching::Stem(frostem::Algorithm::Arabic) => text
            .unicode_words()
            .zip(plain)
            .map(|(w, stem)| {
                let mut readings = vec![stem];
                if let Some(rest) = w.strip_prefix('و').filter(|r| r.chars().count() >= 3) {
                    readings.extend(words(matching, rest));
                }
                readings
            })
            .collect(),
        _ => plain.into_iter().map(|w| vec![w]).collect(),
    }
}

/// An Arabic word without diacritics and tatweel, and without the definite
/// article (with a conjunction or preposition joined to it) when at least
/// three letters remain.
fn arabic_base(word: &str) -> String {
    let bare: String = word
        .chars()
        .filter(|c| !('\u{064B}'..='\u{0652}').contains(c) && *c != '\u{0640}')
        .collect();
    for article in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(rest) = bare.strip_prefix(article) {
            if rest.chars().count() >= 3 {
                return rest.to_owned();
            }
        }
    }
    bare
}

/// A Welsh word and its initial mutations: soft (p→b, t→d, c→g, b→f,
/// d→dd, g→–, m→f, ll→l, rh→r), nasal (p→mh, t→nh, c→ngh, b→m, d→n,
/// g→ng) and aspirate (p→ph, t→th, c→ch; h before a vowel). The digraphs
/// ch, dd, ff, ng, ph and th are letters of their own and do not mutate.
pub fn welsh_mutations(word: &str) -> Vec<String> {
    const RULES: &[(&str, &[&str])] = &[
        ("ll", &["l"]),
        ("rh", &["r"]),
        ("p", &["b", "mh", "ph"]),
        ("t", &["d", "nh", "th"]),
        ("c", &["g", "ngh", "ch"]),
        ("b", &["f", "m"]),
        ("d", &["dd", "n"]),
        ("g", &["", "ng"]),
        ("m", &["f"]),
    ];
    let mut out = vec![word.to_owned()];
    let letter_of_its_own = ["ch", "dd", "ff", "ng", "ph", "th"]
        .iter()
        .any(|d| word.starts_with(d));
    if !letter_of_its_own {
        if let Some((rest, to)) = RULES
            .iter()
            .find_map(|(from, to)| word.strip_prefix(from).map(|rest| (rest, *to)))
        {
            out.extend(to.iter().map(|t| format!("{t}{rest}")));
        }
    }
    if word.starts_with([
        'a', 'e', 'i', 'o', 'u', 'w', 'y', 'â', 'ê', 'î', 'ô', 'û', 'ŵ', 'ŷ',
    ]) {
        out.push(format!("h{word}"));
    }
    out.retain(|w| !w.is_empty());
    out
}

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
    fn something_else_is_never_suggested_and_every_default_theme_has_english_words() {
        let lexicon = Lexicon::default_themes();
        let slugs: Vec<&str> = lexicon.themes.iter().map(|(s, _)| s.as_str()).collect();
        let defaults: Vec<String> = crate::domain::default_themes()
            .into_iter()
            .map(|t| t.slug().to_string())
            .filter(|s| s != crate::domain::SOMETHING_ELSE)
            .collect();
        assert_eq!(slugs, defaults);
        assert!(lexicon.themes.iter().all(|(_, e)| e.len() >= 10));
    }

    /// Real sentences a participant might write, in Polish, Arabic and
    /// Welsh, and the theme each should suggest first. The language is
    /// never given: every lexicon reads every text.
    fn first_themes(table: &[(&str, &str)]) {
        let mut failures = Vec::new();
        for (text, want) in table {
            if top(text).as_deref() != Some(*want) {
                failures.push(format!("{text:?}: want {want}, got {:?}", suggest(text)));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn polish_critiques_suggest_the_right_theme_first() {
        first_themes(&[
            (
                "Spotkania są tylko online przez Zoom, a ja nie mam internetu w domu.",
                "digital-access",
            ),
            (
                "Boję się złożyć skargę, bo mogą mi odebrać opiekę.",
                "fear-of-consequences",
            ),
            (
                "Nikt nam nie mówi o spotkaniach, dowiadujemy się dzień wcześniej.",
                "information",
            ),
            (
                "Obiecali zmiany rok temu i nic się nie zmieniło.",
                "follow-through",
            ),
            (
                "W budynku nie ma windy, a ja poruszam się na wózku.",
                "accessible-places",
            ),
            ("Nie zapłacili nam za czas ani za bilety.", "money-and-time"),
            (
                "Pracownicy traktują nas z góry, jak dzieci, i nie mają dla nas szacunku.",
                "power-and-attitudes",
            ),
            (
                "Zarząd i dyrektorzy nie mają żadnej wizji ani planu.",
                "leadership",
            ),
            (
                "Młodzi ludzie i osoby z mniejszości są zawsze pomijani.",
                "whose-voices",
            ),
            (
                "Zasady udziału są niejasne i nie ma żadnej procedury.",
                "policy-and-rules",
            ),
            (
                "Nazywają to współtworzeniem, ale to tylko konsultacje na pokaz.",
                "meaning-of-involvement",
            ),
            (
                "Wszystko przez biurokrację i bhp, boją się każdego ryzyka.",
                "risk-and-culture",
            ),
        ]);
    }

    #[test]
    fn arabic_critiques_suggest_the_right_theme_first() {
        first_themes(&[
            (
                "الاجتماعات عبر الإنترنت فقط على زوم، وليس لدي إنترنت في البيت.",
                "digital-access",
            ),
            (
                "أخاف أن أقدم شكوى لأنهم قد يوقفون رعايتي.",
                "fear-of-consequences",
            ),
            ("لم يخبرنا أحد عن الاجتماع إلا قبل يوم واحد.", "information"),
            ("وعدوا بتغيير الجدول ولم يتغير شيء.", "follow-through"),
            (
                "لا يوجد مصعد في المبنى وأنا أستخدم كرسيًا متحركًا.",
                "accessible-places",
            ),
            ("لم يدفعوا لنا أي أجر مقابل وقتنا.", "money-and-time"),
            ("الموظفون متعالون ولا يحترموننا.", "power-and-attitudes"),
            ("الإدارة والمديرون ليست لديهم رؤية واضحة.", "leadership"),
            (
                "القواعد غير واضحة ولا توجد سياسة مكتوبة.",
                "policy-and-rules",
            ),
            ("الشباب وكبار السن مستبعدون دائمًا.", "whose-voices"),
            ("يسمونها شراكة لكنها مجرد شكليات.", "meaning-of-involvement"),
            (
                "كل شيء عندهم مخاطر وبيروقراطية وثقافة اللوم.",
                "risk-and-culture",
            ),
        ]);
    }

    #[test]
    fn welsh_critiques_suggest_the_right_theme_first_whatever_the_mutation() {
        first_themes(&[
            (
                "Mae'r cyfarfodydd ar-lein yn unig a does gen i ddim rhyngrwyd.",
                "digital-access",
            ),
            (
                "Mae gen i ofn cwyno rhag ofn i mi golli fy ngofal.",
                "fear-of-consequences",
            ),
            (
                "Does neb yn dweud wrthon ni am y cyfarfodydd tan y funud olaf.",
                "information",
            ),
            (
                "Addawon nhw newid ond does dim byd wedi newid.",
                "follow-through",
            ),
            (
                "Does dim lifft yn yr adeilad ac rydw i mewn cadair olwyn.",
                "accessible-places",
            ),
            (
                "Dydyn nhw byth yn talu am ein hamser na'n tocynnau bws.",
                "money-and-time",
            ),
        ]);
        // Soft, nasal and aspirate forms of one word all match it.
        assert_eq!(
            welsh_mutations("gwybodaeth"),
            ["gwybodaeth", "wybodaeth", "ngwybodaeth"]
        );
        assert_eq!(welsh_mutations("pobl"), ["pobl", "bobl", "mhobl", "phobl"]);
        assert_eq!(welsh_mutations("llais"), ["llais", "lais"]);
        assert_eq!(welsh_mutations("amser"), ["amser", "hamser"]);
        assert_eq!(welsh_mutations("cheisio"), ["cheisio"], "ch is a letter");
    }

    #[test]
    fn every_language_has_words_for_every_theme_but_something_else() {
        let defaults: Vec<&str> = crate::domain::DEFAULT_SLUGS
            .iter()
            .copied()
            .filter(|s| *s != crate::domain::SOMETHING_ELSE)
            .collect();
        for (language, lexicon) in lexicons() {
            let slugs: Vec<&str> = lexicon.themes.iter().map(|(s, _)| s.as_str()).collect();
            assert_eq!(slugs, defaults, "{language}");
            for (slug, entries) in &lexicon.themes {
                assert!(entries.len() >= 10, "{language} {slug}: {}", entries.len());
            }
        }
        let shipped: Vec<&str> = lexicons().iter().map(|(l, _)| *l).collect();
        let mut languages = crate::messages::languages();
        languages.sort_by_key(|l| shipped.iter().position(|s| s == l));
        assert_eq!(shipped, languages, "a lexicon for every shipped language");
    }

    #[test]
    fn arabic_reads_the_article_and_the_conjunction_away() {
        let stem = |w: &str| words(Matching::Stem(frostem::Algorithm::Arabic), w);
        assert_eq!(stem("المعلومات"), stem("معلومات"));
        assert_eq!(stem("والاجتماعات"), stem("اجتماعات"));
        assert_eq!(stem("خَائِف"), stem("خائف"), "diacritics do not matter");
        let readings = text_words(Matching::Stem(frostem::Algorithm::Arabic), "وكبار");
        assert!(readings[0].contains(&stem("كبار")[0]));
    }

    #[test]
    fn ordinary_text_in_any_language_suggests_nothing() {
        for text in [
            "Personel był bardzo miły, dziękuję.",
            "Jestem zadowolona z opieki.",
            "شكرًا لكم على كل شيء.",
            "كان الطعام جيدًا والموظفة لطيفة.",
            "Diolch am bopeth.",
            "Roedd y bwyd yn dda.",
        ] {
            assert_eq!(themes(text), Vec::<String>::new(), "{text:?}");
        }
    }
}
