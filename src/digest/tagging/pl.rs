//! The default themes' lexicon in Polish, matched after the Snowball
//! Polish stemmer: write each word in one common form and the stemmer
//! finds its other cases ("spotkanie", "spotkania", "spotkaniach"). Forms
//! it does not merge ("pieniądze", "pieniędzy") are listed side by side.
//! Needs review by a native speaker, like the message files.

use super::ThemeWords;

#[rustfmt::skip]
pub(super) const WORDS: &[ThemeWords<'static>] = &[
    (
        "whose-voices",
        &[
            "pominięci", "pominięty", "pomijani", "pomijają", "wykluczeni", "wykluczony",
            "wykluczenie", "ignorują", "ignorowani", "ignoruje", "nikt nas nie pyta",
            "nikt nie pyta", "nie pytają", "nikt nie słucha", "nie słuchają", "nas nie słucha",
            "mniejszość", "mniejszości", "tłumacz", "tłumacza", "pierwszy język", "ojczysty język",
            "reprezentacja", "reprezentowani", "różnorodność", "młodzi ludzie", "młodzież",
            "starsi ludzie", "seniorzy", "tacy jak ja", "ludzie tacy jak my", "ci sami ludzie",
        ],
        &["głos", "słuchać", "słuchają", "wysłuchani", "pytać", "pytają"],
    ),
    (
        "money-and-time",
        &[
            "pieniądze", "pieniędzy", "finansowanie", "finansowania", "dofinansowanie",
            "niedofinansowane", "budżet", "budżetu", "cięcia", "zapłata", "zapłacili",
            "nie zapłacili", "płacą", "wynagrodzenie", "koszty", "kosztów", "zwrot kosztów",
            "stać mnie", "bon", "bony", "brak personelu", "za mało personelu", "braki kadrowe",
            "brak czasu", "nie ma czasu", "pośpiech", "w pośpiechu", "lista oczekujących",
            "zasoby", "zasobów", "przepracowani",
        ],
        &["czas", "czasu", "personel", "czekać", "czekaliśmy", "zajęci"],
    ),
    (
        "accessible-places",
        &[
            "winda", "windy", "wózek", "wózkiem", "wózek inwalidzki", "podjazd", "schody",
            "schodów", "dostępny", "dostępne", "niedostępny", "niedostępne", "pętla indukcyjna",
            "parking", "autobus", "autobusy", "dojazd", "transport", "taksówka", "toaleta",
            "toalety", "za daleko", "język migowy", "tłumacz migowy", "duży druk", "brajl",
            "spotkania wieczorem", "godziny pracy", "opieka nad dziećmi", "głośno", "hałas",
        ],
        &["sala", "budynek", "spotkanie", "spotkania", "dojechać", "daleko", "dostęp"],
    ),
    (
        "digital-access",
        &[
            "internet", "internetu", "internecie", "online", "zoom", "wideorozmowa", "e-mail",
            "email", "mail", "strona internetowa", "aplikacja", "aplikacji", "smartfon",
            "komputer", "laptop", "szerokopasmowy", "cyfrowy", "cyfrowe", "zalogować",
            "logowanie", "hasło", "pobrać", "tablet", "technologia", "technologii", "wifi",
            "nie mam internetu", "bez internetu",
        ],
        &["telefon", "link", "ekran", "dane"],
    ),
    (
        "fear-of-consequences",
        &[
            "boję", "boimy", "bałam", "bałem", "boi się", "strach", "obawa", "obawiam",
            "przestraszony", "przestraszona", "przerażony", "w razie", "konsekwencje",
            "konsekwencji", "represje", "zemsta", "ukarać", "ukarany", "kara", "odbiorą",
            "stracić opiekę", "stracę opiekę", "stracić wsparcie", "stracę wsparcie",
            "odetną", "zabiorą mi", "gorzej traktowani", "gorzej traktować", "kłopoty",
            "siedzieć cicho", "milczeć", "nie odważę", "nie odważyłam", "nie odważyłem",
        ],
        &["martwię", "martwić", "skarga", "skargę", "skarżyć", "narzekać", "zabrać głos"],
    ),
    (
        "risk-and-culture",
        &[
            "ryzyko", "ryzyka", "ryzykowne", "bhp", "bezpieczeństwo i higiena",
            "odpowiedzialność prawna", "biurokracja", "biurokracji", "biurokratyczny",
            "odhaczanie", "asekurują", "asekuracja", "defensywni", "kultura obwiniania",
            "obwiniają", "opór wobec zmian", "boją się zmian", "zawsze tak było", "kultura",
            "ubezpieczenie", "ostrożni",
        ],
        &["zmiana", "zmian", "bezpieczeństwo"],
    ),
    (
        "power-and-attitudes",
        &[
            "protekcjonalny", "protekcjonalnie", "z góry", "traktują z góry", "niegrzeczny",
            "niegrzeczni", "lekceważący", "lekceważą", "lekceważenie", "brak szacunku",
            "bez szacunku", "arogancki", "aroganccy", "równi", "partnerzy", "już zdecydowali",
            "zdecydowali za nas", "decydują za nas", "bez pytania", "bezsilny", "bezsilni",
            "władza", "postawa", "postawy", "jak dziecko", "jak dzieci", "wiedzą lepiej",
            "poważnie", "stygmatyzacja", "piętno", "oceniają", "osądzają",
        ],
        &["pracownicy", "profesjonaliści", "decydować", "decyzja", "decyzje", "decydują"],
    ),
    (
        "leadership",
        &[
            "kierownictwo", "przywództwo", "lider", "liderzy", "zarząd", "menedżer",
            "menedżerowie", "kierownik", "kierownicy", "dyrektor", "dyrektorzy", "prezes",
            "wizja", "wizji", "kierunek", "brak planu", "nie mają planu", "strategia",
            "priorytety", "priorytet", "rozliczalność", "odpowiedzialni", "rządzą",
        ],
        &["zaangażowanie", "zobowiązanie", "góra"],
    ),
    (
        "policy-and-rules",
        &[
            "polityka", "polityki", "zasady", "zasad", "zasada", "procedura", "procedury",
            "wytyczne", "regulamin", "kodeks postępowania", "kryteria", "uprawnienia",
            "uprawniony", "ustawowy", "ramy", "ochrona danych", "rodo", "poufność",
            "papierkowa robota", "przepisy",
        ],
        &["proces", "formularz", "formularze", "prawo", "umowa"],
    ),
    (
        "meaning-of-involvement",
        &[
            "współtworzenie", "współprodukcja", "współdecydowanie", "uczestnictwo",
            "partycypacja", "konsultacje", "konsultowani", "partnerstwo", "działać razem",
            "pracować razem", "współpraca", "doświadczenie życiowe", "eksperci przez doświadczenie",
            "na pokaz", "fasada", "dla zasady", "co to znaczy",
        ],
        &["angażować", "zaangażowani", "razem", "użytkownicy usług", "udział"],
    ),
    (
        "information",
        &[
            "informacja", "informacji", "informacje", "poinformowani", "nie poinformowali",
            "nie powiedzieli", "nikt nie powiedział", "nikt nam nie mówi", "nie mówią",
            "list", "listy", "ulotka", "ulotki", "w ostatniej chwili", "dzień wcześniej",
            "z wyprzedzeniem", "żargon", "skróty", "tekst łatwy", "nie rozumiem",
            "niezrozumiałe", "niezrozumiały", "zagmatwane", "wyjaśnić", "wyjaśnili",
            "komunikacja", "komunikować", "biuletyn", "porządek obrad", "przetłumaczone",
            "tłumaczenie", "dowiedzieliśmy się", "w niewiedzy",
        ],
        &["mówić", "mówią", "powiedzieli", "wiedzieć", "rozumieć", "aktualizacje"],
    ),
    (
        "follow-through",
        &[
            "nic się nie zmienia", "nic się nie zmieniło", "nic się nie dzieje",
            "nic się nie stało", "bez zmian", "nadal czekamy", "wciąż czekamy",
            "brak odpowiedzi", "brak informacji zwrotnej", "nikt nie odpowiedział",
            "nie odpowiedzieli", "obiecali", "obiecał", "obietnica", "obietnice", "obietnic",
            "złamana obietnica", "strata czasu", "bez sensu", "po co", "nikt nie sprawdza",
            "dowody", "wyniki", "efekty", "rezultaty",
        ],
        &["zmiany", "odpowiedź", "działanie", "działania"],
    ),
];
