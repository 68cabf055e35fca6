//! The default themes' lexicon in Welsh. There is no Snowball stemmer for
//! Welsh, so words match exactly, lower case, each in its initial
//! mutations too (write the radical form: "gwybodaeth" also finds
//! "wybodaeth" and "ngwybodaeth"). Plurals and other forms are listed.
//! Needs review by a native speaker, like the message files.

use super::ThemeWords;

#[rustfmt::skip]
pub(super) const WORDS: &[ThemeWords<'static>] = &[
    (
        "whose-voices",
        &[
            "anwybyddu", "anwybyddwyd", "cau allan", "gadael allan", "heb ein holi",
            "neb yn gofyn", "byth yn gofyn", "neb yn gwrando", "ddim yn gwrando", "lleiafrif",
            "lleiafrifoedd", "cyfieithydd", "dehonglydd", "iaith gyntaf", "cynrychiolaeth",
            "cynrychioli", "amrywiaeth", "pobl ifanc", "pobl hŷn", "pobl fel fi",
            "yr un bobl",
        ],
        &["llais", "lleisiau", "gwrando", "clywed", "gofyn"],
    ),
    (
        "money-and-time",
        &[
            "arian", "cyllid", "cyllideb", "toriadau", "tâl", "talu", "taliad", "taliadau",
            "costau", "cost", "fforddio", "treuliau", "prinder staff", "digon o staff",
            "dim amser", "ar frys", "rhestr aros", "adnoddau", "tocynnau bws",
        ],
        &["amser", "staff", "aros", "prysur"],
    ),
    (
        "accessible-places",
        &[
            "lifft", "cadair olwyn", "ramp", "grisiau", "hygyrch", "anhygyrch", "dolen sain",
            "parcio", "bws", "bysiau", "trafnidiaeth", "tacsi", "toiled", "toiledau",
            "rhy bell", "iaith arwyddion", "print bras", "braille", "gofal plant", "swnllyd",
        ],
        &[
            "ystafell", "adeilad", "cyfarfod", "cyfarfodydd", "teithio", "pell", "mynediad",
            "lleoliad",
        ],
    ),
    (
        "digital-access",
        &[
            "ar-lein", "ar lein", "rhyngrwyd", "wifi", "zoom", "galwad fideo", "e-bost", "ebost",
            "gwefan", "ap", "ffôn clyfar", "cyfrifiadur", "gliniadur", "band eang", "digidol",
            "mewngofnodi", "cyfrinair", "lawrlwytho", "llechen", "technoleg",
        ],
        &["ffôn", "dolen", "sgrin", "data"],
    ),
    (
        "fear-of-consequences",
        &[
            "ofn", "ofnus", "ofni", "poeni", "pryderus", "rhag ofn", "dial", "cosbi", "cosb",
            "colli fy ngofal", "colli fy nghymorth", "colli fy mhecyn", "torri fy ngofal",
            "cadw'n dawel", "cadw'n ddistaw", "meiddio", "trafferth",
        ],
        &["cwyno", "cwyn", "cwynion", "codi llais"],
    ),
    (
        "risk-and-culture",
        &[
            "risg", "risgiau", "iechyd a diogelwch", "biwrocratiaeth", "tâp coch",
            "ticio blychau", "diwylliant beio", "beio", "gwrthwynebu newid", "ofn newid",
            "diwylliant", "yswiriant", "gofalus",
        ],
        &["newid", "diogelwch"],
    ),
    (
        "power-and-attitudes",
        &[
            "nawddoglyd", "siarad i lawr", "anghwrtais", "amharchus", "diffyg parch",
            "dim parch", "trahaus", "cyfartal", "wedi penderfynu'n barod", "penderfynu drosom",
            "heb ofyn", "di-rym", "pŵer", "agwedd", "agweddau", "fel plentyn", "fel plant",
            "gwybod yn well", "o ddifrif", "stigma", "beirniadu",
        ],
        &["staff", "proffesiynol", "penderfynu", "penderfyniad", "penderfyniadau"],
    ),
    (
        "leadership",
        &[
            "arweinyddiaeth", "arweinwyr", "arweinydd", "rheolwyr", "rheolwr", "rheoli",
            "prif weithredwr", "bwrdd", "cyfarwyddwr", "cyfarwyddwyr", "uwch", "gweledigaeth",
            "cyfeiriad", "dim cynllun", "strategaeth", "blaenoriaethau", "atebol",
            "atebolrwydd", "yn gyfrifol",
        ],
        &["ymrwymiad", "ymrwymo", "cynllun"],
    ),
    (
        "policy-and-rules",
        &[
            "polisi", "polisïau", "rheolau", "rheol", "gweithdrefn", "gweithdrefnau",
            "canllawiau", "cod ymddygiad", "cymhwysedd", "meini prawf", "statudol",
            "fframwaith", "diogelu data", "cyfrinachedd", "gwaith papur", "rheoliadau",
        ],
        &["proses", "ffurflen", "ffurflenni", "cyfraith", "contract"],
    ),
    (
        "meaning-of-involvement",
        &[
            "cydgynhyrchu", "cyd-gynhyrchu", "cyfranogiad", "ymgynghori", "ymgynghoriad",
            "ymgysylltu", "partneriaeth", "cydweithio", "gweithio gyda'n gilydd",
            "profiad bywyd", "arbenigwyr drwy brofiad", "stamp rwber", "ticio'r blwch",
        ],
        &["cynnwys", "cymryd rhan", "gyda'n gilydd", "defnyddwyr gwasanaeth"],
    ),
    (
        "information",
        &[
            "gwybodaeth", "heb ddweud", "neb yn dweud", "ddim yn dweud", "dweud wrthon ni",
            "llythyr", "llythyrau", "taflen", "munud olaf", "diwrnod cynt", "ymlaen llaw",
            "jargon", "byrfoddau", "hawdd ei ddeall", "ddim yn deall", "dryslyd", "esbonio",
            "cyfathrebu", "cylchlythyr", "agenda", "cyfieithu", "cyfieithiad",
            "yn y tywyllwch",
        ],
        &["dweud", "gwybod", "deall", "diweddariad", "hysbysiad"],
    ),
    (
        "follow-through",
        &[
            "dim byd yn newid", "dim wedi newid", "dim byd wedi newid", "dim yn digwydd",
            "dim byd yn digwydd", "dim newid", "dal i aros", "dim ymateb", "dim ateb",
            "dim adborth", "dilyn i fyny", "addo", "addawon", "addewid", "addewidion",
            "gwastraff amser", "dibwrpas", "beth yw'r pwynt", "neb yn gwirio", "tystiolaeth",
            "canlyniadau",
        ],
        &["adborth", "newidiadau", "gweithredu"],
    ),
];
