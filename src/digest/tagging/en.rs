//! The default themes' lexicon in English (slugs from `domain::theme`),
//! matched after the Snowball English stemmer. Word variants that stemming
//! does not merge (*paid/payment/pay*) are listed side by side.

use super::ThemeWords;

#[rustfmt::skip]
pub(super) const WORDS: &[ThemeWords<'static>] = &[
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
