# Parrhesia w tekście łatwym do czytania (ETR).
# Zasady: najwyżej 15 słów w zdaniu. Jedna myśl w zdaniu.
# Proste słowa. Test jednostkowy liczy słowa.
# Do sprawdzenia przez rodzimego użytkownika języka (language-review).

## The page frame

service-name = Parrhesia
tagline = powiedz, co myślisz, bezpiecznie
skip-link = Przejdź do głównej treści
title-suffix = Parrhesia
error-title-prefix = Błąd:
footer-privacy = Nie wiemy, kim jesteś. Nie zapisujemy adresów. Nie używamy plików cookie.
footer-privacy-console-sign-in = Strony dla personelu mają jeden plik cookie do logowania. Strony z opiniami nie mają żadnego.
footer-helping = Pomagam komuś
footer-accessibility = Dostępność
footer-paper = Formularze papierowe
easy-read-link = Wersja łatwa do czytania
standard-link = Wersja standardowa
error-summary-title = Coś trzeba poprawić
error-hidden-prefix = Błąd:

## Languages

language-name = Polski
language-switcher = Język
language-review = needed
list-separator = {", "}
thousands-separator = {"\u00A0"}

## Words we use

glossary-title = Słowa, których używamy
glossary-code = Kod
glossary-code-means = Litery i cyfry na karcie. Kod jest potrzebny, żeby wysłać opinię.
glossary-theme = Temat
glossary-theme-means = Czego dotyczy twoja opinia. Na przykład jedzenia albo personelu.
glossary-anonymous = Anonimowo
glossary-anonymous-means = Nikt nie wie, kim jesteś. Ani my. Ani organizacja.

## Pictures (text alternatives)


## Home page

home-title = Powiedz, co naprawdę myślisz
home-lead = Możesz powiedzieć organizacji, co jest nie tak.
home-code = Żeby wziąć udział, potrzebujesz kodu. Kod jest na karcie.
home-what-happens = Co się dzieje z twoimi słowami
home-no-name = Nigdy nie pytamy, jak się nazywasz.
home-no-address = Nie zapisujemy niczego, co pokazuje, kim jesteś.
home-groups = Pokazujemy liczby tylko dla dużych grup. Wtedy nikt nie wie, kto co powiedział.
home-helping = Pomagasz komuś? Przeczytaj naszą stronę dla osób pomagających.

## The round page

# Dopełniacz: „po każdym … ” → „po zakończeniu każdego tygodnia”.
period-noun = { $weeks ->
    [one] tygodnia
   *[other] okresu { $weeks } tygodni
}
before-title = Przeczytaj najpierw
before-no-name = Nie podajesz swojego imienia.
before-who-sees = Osoby, które prowadzą tę usługę, czytają twoje słowa. Organizacja { $org } widzi, ile osób wybrało każdy temat.
before-when = Widzą liczby po zakończeniu każdego { $period }. Grupy mniejsze niż { $k } osób nie są pokazywane.
before-names = Nie wpisuj imion.
form-paper = Weź formularz papierowy
form-helping = Pomagasz komuś? Przeczytaj tę stronę
code-label = Twój kod
code-hint = Kod jest na twojej karcie. Wygląda tak: { $example }.
themes-legend = Czego to dotyczy?
themes-hint = Zaznacz 1, 2 lub { $max } { $max ->
    [one] kratkę
    [few] kratki
   *[other] kratek
}.
text-label = Co chcesz przekazać organizacji { $org }?
text-hint = Napisz, co myślisz. Nie wpisuj imion.
quote-label = Organizacja { $org } może użyć moich słów
quote-consent-hint = Zaznacz, jeśli się zgadzasz. Najpierw człowiek czyta twoje słowa. Usuwa imiona i szczegóły.

## Problems

error-code_missing = Wpisz kod z karty.
error-code_invalid = Ten kod jest zły. Sprawdź litery i cyfry na karcie.
error-code_unknown = Nie znamy tego kodu. Sprawdź litery i cyfry na karcie.
error-text_empty = Napisz, co chcesz powiedzieć.
error-text_too_long = Napisano { $chars } { $chars ->
    [one] znak
    [few] znaki
   *[other] znaków
}. Można napisać najwyżej { $max } { $max ->
    [one] znak
    [few] znaki
   *[other] znaków
}.
error-themes_missing = Zaznacz co najmniej jedną kratkę.
error-themes_too_many = Zaznacz najwyżej { $max } { $max ->
    [one] kratkę
    [few] kratki
   *[other] kratek
}.
error-theme_unknown = Zaznacz kratki z listy.
error-too_large = Napisano za dużo. Skróć tekst i wyślij go jeszcze raz.
error-unreadable = Nie mogliśmy przeczytać niektórych słów. Wpisz je jeszcze raz.
error-wrong_form = Użyj formularza na tej stronie.

## Confirmation

received-title = Dziękujemy
received-stored = Mamy twoją opinię. Jest bezpieczna.
received-receipt = Twoje potwierdzenie
next-title = Co dalej
next-receipt = Potwierdzenie nie pokazuje, kim jesteś. Możesz je zachować, żeby sprawdzić, czy opinię policzono.
next-code-used = Nie możesz użyć swojego kodu jeszcze raz.
next-another = Powiedz coś innego z nowym kodem

## Problem pages

not-found-title = Nie możemy znaleźć tej strony
not-found-body = Sprawdź, czy adres strony jest dobry.
round-unknown-title = Nie możemy znaleźć tej strony
round-unknown-body = Sprawdź adres strony na twojej karcie.
service-problem-title = Przepraszamy, coś poszło nie tak
service-problem-body = Nic nie zostało zapisane. Twój kod nadal działa. Spróbuj później.
go-start = Przejdź do strony głównej
method-not-allowed-title = Ta strona tego nie potrafi
method-not-allowed-body = Wróć i spróbuj jeszcze raz.
too-large-title = Wysłano za dużo
too-large-body = Nie zapisaliśmy tego. Skróć tekst i wyślij go jeszcze raz.
uri-too-long-title = Adres strony jest za długi
uri-too-long-body = Sprawdź, czy dobrze skopiowano adres strony.
rate-limited-title = Za dużo prób
path-not-canonical-title = Sprawdź adres strony
rate-limited-body = Nic nie zapisaliśmy. Twój kod nadal działa. Poczekaj { $seconds } { $seconds ->
    [one] sekundę
    [few] sekundy
   *[other] sekund
}. Potem spróbuj jeszcze raz.

## Paper form

paper-title = Formularz papierowy: { $round }
paper-print = Użyj polecenia „Drukuj” w przeglądarce.
paper-for = Dla: { $org }
paper-how-title = Jak korzystać z formularza
paper-how-code = Przepisz kod z karty do kratek.
paper-how-tick = Zaznacz, czego dotyczy twoja opinia. Zaznacz 1, 2 lub { $max } { $max ->
    [one] kratkę
    [few] kratki
   *[other] kratek
}.
paper-how-write = Napisz, co myślisz. Nie wpisuj swojego imienia.
paper-how-give = Daj formularz osobie, której ufasz. Ona wpisze go na stronie { $url }
paper-how-about-you = Dla pomocników: po wysłaniu strona pokaże kod. Kod jest do pytań o tę osobę. Daj jej ten kod. Albo pomóż jej odpowiedzieć od razu.
paper-code-label = Twój kod
paper-themes-label = Czego to dotyczy? Zaznacz 1, 2 lub { $max } { $max ->
    [one] kratkę
    [few] kratki
   *[other] kratek
}.
paper-text-label = Co chcesz przekazać organizacji { $org }?
paper-quote-label = Organizacja { $org } może użyć moich słów. Zaznacz, jeśli tak.
paper-private = Nie wpisuj na formularzu swojego imienia.

## Helping someone

helping-title = Pomagam komuś
helping-lead = Ta strona jest dla osób, które pomagają komuś przekazać opinię.
helping-their-words-title = Jej słowa, nie twoje
helping-their-words = Wpisz to, co ta osoba powiedziała. Nie dodawaj tego, co ty myślisz.
helping-code-title = Użyj jej kodu
helping-code = Każda osoba ma własny kod. Wpisz kod z jej karty.
helping-leave-out-title = Czego nie wpisywać
helping-leave-out = Nie wpisuj jej imienia. Nie wpisuj swojego imienia.
helping-nothing-recorded-title = Nikt nie wie, kto wpisywał
helping-nothing-recorded = Nie zapisujemy, kto wpisał opinię. Nie zapisujemy dokładnej godziny.
helping-paper-title = Formularze papierowe
helping-paper = Możesz wydrukować formularz papierowy. Osoba go wypełnia. Ty go wpisujesz.
helping-receipt-title = Potwierdzenie
helping-receipt = Daj potwierdzenie tej osobie. Pokazuje, że jej opinia dotarła.

## Accessibility statement

a11y-title = Dostępność
a11y-lead = Chcemy, żeby każdy mógł korzystać z tej usługi.
a11y-can-title = Co możesz zrobić
a11y-can-zoom = Możesz powiększyć słowa.
a11y-can-keyboard = Możesz używać tylko klawiatury.
a11y-can-no-js = Możesz używać prostej lub starej przeglądarki.
a11y-can-reader = Możesz używać czytnika ekranu.
a11y-can-easy = Możesz czytać strony w wersji łatwej do czytania.
a11y-can-paper = Możesz użyć formularza papierowego.
a11y-gaps-title = Co jeszcze nie jest dobre
a11y-gap-test = Osoby z niepełnosprawnościami jeszcze nie sprawdziły tej usługi.
a11y-gap-translations = Strony są też w innych językach. Nikt jeszcze ich nie sprawdził:
a11y-gap-themes = Niektóre nazwy tematów mogą nie być w wersji łatwej do czytania.
a11y-contact-title = Zgłoś problem
a11y-enforcement-title = Jeśli nie jesteś zadowolony
a11y-prepared = Napisaliśmy to w listopadzie 2026 roku.

## The public digest

digest-title = Co ludzie przekazali organizacji { $org }
digest-lead = Te liczby pokazują, o czym mówili ludzie.
digest-protect = Pokazujemy liczby tylko dla dużych grup. To chroni ludzi.
digest-nothing = Nie ma jeszcze nic do pokazania.
digest-caption = { $period }. Opinie: { $total }
digest-theme = Temat
digest-critiques = Opinie
digest-fewer-than = mniej niż { $k }
digest-up-to-three = Jedna opinia może mieć do 3 tematów.
digest-almost-everyone = prawie wszyscy
digest-trend = Zmiana
digest-trend-explained = „Zmiana” pokazuje, czy liczba wzrosła, czy spadła od ostatniego razu.
digest-trend-up = więcej o { $n }
digest-trend-down = mniej o { $n }
digest-trend-same = bez zmian
digest-trend-none = –
digest-rules = Małych liczb nie pokazujemy. Zamiast tego piszemy „mniej niż { $k }”. Czasem prawie wszyscy mówią o jednym temacie. Wtedy piszemy „prawie wszyscy”. Inne liczby zaokrąglamy do najbliższej wielokrotności { $base }. Czasem w tygodniu jest mniej niż { $min } opinii. Wtedy dodajemy ten tydzień do następnego.
digest-total = Liczba opinii: { $band }
digest-chart-title = O czym mówili ludzie: { $period }
digest-other-formats = Inne sposoby, żeby dostać te liczby
digest-csv = Plik arkusza kalkulacyjnego
digest-questions-csv = Plik arkusza z odpowiedziami na pytania
digest-atom = Kanał wiadomości
digest-json = Dane dla komputerów
digest-record = Czy odpowiedzieli na czas?
digest-answer-open = Jeszcze nie ma odpowiedzi. Mają czas do { $deadline }.
digest-answer-overdue = Nie ma odpowiedzi. Mieli czas do { $deadline }.
digest-answer-on-time = Odpowiedzieli na czas. Mieli czas do { $deadline }.
digest-answer-late = Odpowiedzieli za późno. Mieli czas do { $deadline }.
digest-themes-link = Tematy ze wszystkich organizacji
digest-q-heading = { $prompt }
digest-q-said = Odpowiedź { $labels }: około { $n } z { $of } osób.
digest-q-chose = Wybór { $labels }: około { $n } z { $of } osób.
digest-q-said-some = Odpowiedź { $labels }: około { $n } osób.
digest-q-chose-some = Wybór { $labels }: około { $n } osób.
digest-q-almost-everyone = Prawie wszyscy odpowiedzieli „{ $label }”.
digest-q-label = „{ $label }”
digest-q-or = { $first } lub { $second }
digest-q-answered = Liczba osób, które odpowiedziały: około { $n }
digest-q-no-answer = Brak odpowiedzi
digest-q-answered-short = Odpowiedzieli
digest-q-not-shown = nie pokazano
digest-q-answer = Odpowiedź
digest-q-people = Osoby
digest-q-period = Kiedy
digest-q-chart-title = Odpowiedzi na pytanie „{ $prompt }”: { $period }
digest-q-trend-title = Odpowiedzi na pytanie „{ $prompt }” za każdym razem
digest-q-caption = { $period }. Osoby, które odpowiedziały: około { $n }
digest-q-trend-caption = „{ $prompt }”: odpowiedzi za każdym razem
digest-q-multi = Można było wybrać do { $max } odpowiedzi. Dlatego liczby mogą dać więcej niż liczba osób.
digest-q-withheld = Czasem nie pokazujemy liczby. To chroni kilka osób, które dały rzadką odpowiedź.

## Themes across organisations

themes-title = Tematy ze wszystkich organizacji
themes-lead = Te liczby sumują, co ludzie powiedzieli każdej organizacji.
themes-how = Sumujemy tylko liczby, które już pokazaliśmy. Małych liczb nie dodajemy.
themes-no-noise = Nie dodaliśmy losowych liczb.
themes-caption = Tematy z { $n } { $n ->
    [one] podsumowania
   *[other] podsumowań
}
themes-total = Suma
themes-counted = Podsumowania z liczbą
themes-fewer = Podsumowania z małą liczbą
themes-almost = Podsumowania z „prawie wszyscy”
themes-sources = Podsumowania, które zsumowaliśmy

## Check your answers

check-title = Sprawdź odpowiedzi
check-not-sent = Jeszcze nic nie wysłaliśmy. Twój kod nadal działa.
check-quote = Czy organizacja { $org } może użyć twoich słów?
check-quote-yes = Tak, organizacja { $org } może użyć moich słów.
check-quote-no = Nie, nie używajcie moich słów.
check-send-title = Wyślij swoją opinię
check-send-now = Naciśnij przycisk, żeby wysłać. Potem nie można tego zmienić.
check-confirm = Wyślij
check-change = Zmień moje odpowiedzi

## The printed code card

card-step-address = Wejdź na stronę o adresie podanym wyżej.
card-step-code = Wpisz kod. Działa jeden raz.
card-step-say = Powiedz, co myślisz. Nikt nie będzie wiedział, że to ty.
card-step-paper = Nie masz internetu? Poproś o formularz papierowy.
card-token-key = Klucz tokenów online: { $key }

## The invitation page (online tokens)

invite-title = Twoje zaproszenie
invite-heading = Zapraszamy cię, żeby powiedzieć, co myślisz.
invite-nojs-heading = Ta strona potrzebuje JavaScriptu.
invite-nojs-why = Twoje zaproszenie potrzebuje JavaScriptu. JavaScript jest tu wyłączony.
invite-nojs-paper = Możesz użyć kodu papierowego. Poproś osobę, która cię zaprosiła, o kartę z kodem.
invite-nojs-form-before = Potem wejdź na
invite-nojs-form-link = formularz
invite-nojs-form-after = . Wpisz kod z karty.
invite-step1-heading = Krok 1. Pobierz token.
invite-step1-how = Twoja przeglądarka tworzy tajny token. Nikt nie może połączyć go z twoim zaproszeniem. Nawet my.
invite-step1-where = Token zostaje w tej przeglądarce na tym urządzeniu.
invite-get-button = Pobierz mój token
invite-step2-heading = Krok 2. Napisz teraz albo później.
invite-wait-strong = Czekanie zwiększa twoje bezpieczeństwo.
invite-done = Bezpiecznie zapisaliśmy to, co napisano. Twój token jest zużyty.

## About you (optional, unlinked; asked after sending)

about-link-lead = Możesz odpowiedzieć na jeszcze cztery pytania o sobie. Nie musisz. Nie łączymy ich z twoją opinią.
about-link = Odpowiedz na pytania o sobie
about-title = O tobie
about-lead = Te pytania pomagają organizacji { $org } sprawdzić, czy słyszy wszystkich.
about-skip = Nie musisz odpowiadać. Możesz pominąć każde pytanie.
about-unlinked = Trzymamy twoje odpowiedzi osobno od twojej opinii. Nikt nie może ich połączyć.
about-mixed = Zapisujemy twoje odpowiedzi od razu. Potem mieszamy je z odpowiedziami innych osób. Wtedy nikt nie wie, kiedy przyszły twoje odpowiedzi.
about-shown = Organizacja { $org } widzi tylko sumy. Małe grupy poniżej { $k } osób nie są pokazywane.
about-age-legend = Ile masz lat?
about-age-under_18 = Poniżej 18
about-age-18_24 = 18–24
about-age-25_34 = 25–34
about-age-35_49 = 35–49
about-age-50_64 = 50–64
about-age-65_79 = 65–79
about-age-80_plus = 80 lub więcej
about-ethnicity-legend = Do jakiej grupy etnicznej należysz?
about-ethnicity-hint = To pięć głównych grup ze spisu ludności.
about-ethnicity-asian = Azjatycka lub brytyjsko-azjatycka
about-ethnicity-black = Czarna, czarna brytyjska, karaibska lub afrykańska
about-ethnicity-mixed = Mieszana lub więcej niż jedna grupa
about-ethnicity-white = Biała
about-ethnicity-other = Inna grupa
about-disability-legend = Czy masz niepełnosprawność?
about-care-legend = Czy dostajesz opiekę lub wsparcie?
about-yes = Tak
about-no = Nie
about-prefer_not = Nie chcę mówić
about-send = Wyślij moje odpowiedzi
about-error = Wybierz jedną odpowiedź. Albo zostaw puste.
about-thanks-title = Dziękujemy
about-thanks-body = Pokazujemy tylko sumy. Nigdy nie pokazujemy twoich odpowiedzi.
about-code = Twój kod do pytań o tobie
about-code-hint = Możesz go użyć jeden raz. Przestaje działać na koniec tego { $period }. Zachowaj go, jeśli chcesz odpowiedzieć później.
about-code-form-hint = Ma 12 liter i cyfr. Był na stronie po wysłaniu opinii. To nie jest kod z karty.
about-code-missing = Wpisz swój kod do tych pytań. Był na stronie po wysłaniu opinii.
about-code-invalid = Ten kod nie jest dobry. Sprawdź każdą literę i cyfrę. Kod z karty tutaj nie działa.
about-code-refused = Ten kod nie działa. Sprawdź każdą literę i cyfrę. Każdy kod działa jeden raz. Stare kody nie działają.

## Beside the digest: quotes, responses, pledges, "about you" totals

voices-title = Powiedzieliście, zrobiliśmy: { $period }
voices-response = Nasza odpowiedź:
voices-changed = Zmieniliśmy tę odpowiedź { $times } { $times ->
    [one] raz
   *[other] razy
}. Każdą wersję można zobaczyć w internecie.
voices-pledge = Nasza obietnica:
voices-pledge-step = { $status }, w czasie od { $period }
voices-status-planned = Zaplanowane
voices-status-in_progress = Rozpoczęte
voices-status-done = Zrobione
voices-status-dropped = Zatrzymane
voices-quotes-title = Co mówili ludzie
voices-quotes-checked-hint = Ludzie zgodzili się, żebyśmy pokazali ich słowa. Człowiek sprawdził każdy cytat. Usunął imiona i szczegóły.
voices-about-title = Kto powiedział nam o sobie
voices-about-respondents = Osoby, które odpowiedziały: { $total }. Nie łączymy tych odpowiedzi z opiniami. Małe grupy poniżej { $k } osób nie są pokazywane.
voices-answer = Odpowiedź
voices-people = Osoby
voices-not-answered = Brak odpowiedzi
voices-fewer-than = mniej niż { $k }
voices-about = około { $n }
voices-almost-everyone = prawie wszyscy

## Dates and periods

month = { $month ->
    [1] stycznia
    [2] lutego
    [3] marca
    [4] kwietnia
    [5] maja
    [6] czerwca
    [7] lipca
    [8] sierpnia
    [9] września
    [10] października
    [11] listopada
   *[12] grudnia
}
date = { $day } { $month } { $year }
date-range-month = od { $from } do { $to } { $month }
date-range = od { $from } { $from-month } do { $to } { $to-month }
date-range-years = od { $from } { $from-month } { $from-year } do { $to } { $to-month } { $to-year }
period-week = Tydzień { $week } roku { $year } ({ $range })
period-weeks = Tygodnie { $first }–{ $last } roku { $year } ({ $range })
period-dates = { $range } { $year }
band-range = od { $low } do { $high }
band-more = { $low } lub więcej

## The default themes

theme-whose-voices = Czyj głos jest słyszany
theme-whose-voices-hint = Niektórych ludzi nikt nie pyta o zdanie. Niektórych ludzi nikt nie słucha.
theme-money-and-time = Pieniądze, czas i zasoby
theme-money-and-time-hint = Jest za mało pieniędzy, personelu albo czasu.
theme-accessible-places = Dostępne miejsca i spotkania
theme-accessible-places-hint = Do niektórych miejsc trudno dojechać. Do niektórych spotkań trudno dołączyć.
theme-digital-access = Dostęp cyfrowy i pewność w korzystaniu
theme-digital-access-hint = Niektóre rzeczy są tylko w internecie. Niektórzy ludzie nie mają internetu.
theme-fear-of-consequences = Strach przed zabraniem głosu
theme-fear-of-consequences-hint = Możesz bać się złożyć skargę. Możesz bać się, że stracisz wsparcie.
theme-risk-and-culture = Kultura i unikanie ryzyka
theme-risk-and-culture-hint = Organizacja boi się zmian. Może też bać się ludzi, którym pomaga.
theme-power-and-attitudes = Dzielenie się władzą i postawy personelu
theme-power-and-attitudes-hint = Personel decyduje bez ciebie. Personel nie traktuje cię z szacunkiem.
theme-leadership = Przywództwo i wizja
theme-leadership-hint = Osoby, które kierują, nie mają jasnego planu. Nie dotrzymują obietnic.
theme-policy-and-rules = Zasady i przepisy
theme-policy-and-rules-hint = Zasady udziału nie są jasne.
theme-meaning-of-involvement = Co znaczy wspólne działanie
theme-meaning-of-involvement-hint = Ludzie nie zgadzają się, co znaczy wspólne działanie.
theme-information = Informacja i komunikacja
theme-information-hint = Nie dostajesz informacji na czas. Albo trudno je zrozumieć.
theme-follow-through = Dowody i dalsze działania
theme-follow-through-hint = Nic się nie zmienia, gdy ludzie zabiorą głos. Nikt nie sprawdza, co się stało.
theme-something-else = Coś innego
theme-something-else-hint = Wszystko inne, co chcesz im powiedzieć.

## The invitation page's script

invite-say-no-invitation = Ten link nie jest cały. Otwórz cały link, który dostano.
invite-say-making = Tworzymy twój token…
invite-say-saved = Twój token jest w tej przeglądarce. Możesz napisać teraz albo później.
invite-say-make-failed = Coś poszło nie tak. Spróbuj później.
invite-say-not-asking = Ten formularz nie używa tokenów.
invite-say-no-token = Nie ma tu tokenu. Najpierw go pobierz.
invite-say-sending = Wysyłanie…
invite-say-received = Mamy to.
invite-say-send-failed = Nie udało się wysłać. Twój token nadal działa. Spróbuj jeszcze raz.
invite-say-ready = Twój token jest w tej przeglądarce. Napisz, kiedy chcesz.

## The printed code cards

cards-title = Karty z kodami: { $round }
cards-heading = Karty z kodami dla rundy „{ $round }”
cards-print = Wydrukuj te karty
cards-back = Wróć do rundy w konsoli
cards-intro = { $n ->
    [one] Jedna karta.
    [few] { $n } karty.
   *[other] { $n } kart.
} Wydrukuj je na papierze A4. Rozetnij wzdłuż linii. Te kody widzisz tylko raz. Rozdaj karty w dowolnej kolejności. Nie zapisuj, kto dostał którą kartę.

## Checking our promises

audit-title = Sprawdź nasze obietnice
audit-lead = Nie musisz nam ufać. Możesz sprawdzić, że policzyliśmy każdą opinię.
audit-receipt-title = Sprawdź swoje potwierdzenie
audit-receipt = Dostano potwierdzenie, na przykład { $example }. Poszukaj go na liście dla swojego tygodnia. Nigdy nie prosimy o twoje potwierdzenie.
audit-sealed-title = Zakończone tygodnie
audit-none-sealed = Żaden tydzień jeszcze się nie zakończył.
audit-table-caption = Zakończone tygodnie i ich liczby
audit-round = Runda
audit-period = Tydzień
audit-critiques = Opinie
audit-codes = Użyte kody
audit-tokens = Użyte tokeny
audit-receipts = Potwierdzenia
audit-unreadable = nie da się odczytać
audit-list = Lista
audit-download = Pobierz
audit-for = dla { $round }, { $period }
audit-shredded = (słowa później usunięto)
audit-closed-early = (zamknięty wcześniej)
audit-closed-early-note = Czasem zamykamy tydzień wcześniej. Robimy to najwyżej raz w tygodniu. Tylko wtedy, gdy jest dość opinii, aby wszyscy byli bezpieczni. Rejestr pokazuje każde wcześniejsze zamknięcie.
audit-log-title = Rejestr
audit-log = Prowadzimy rejestr, którego nikt nie może zmienić. Jest w nim każde potwierdzenie.
audit-log-key = Klucz rejestru
audit-leaves = Wpisy
audit-tree-heads = Podpisane sprawdzenia
audit-verify = Eksperci mogą sprawdzić rejestr tym poleceniem:
audit-data = Dane dla komputerów:
audit-exact = Niektóre liczby tutaj są dokładne. Nigdy nie pokazują, kto co napisał.
receipts-title = Potwierdzenia dla rundy „{ $round }”, { $period }
receipts-heading = Potwierdzenia: { $period }
receipts-count = { $n ->
    [one] Policzyliśmy jedną opinię.
    [few] Policzyliśmy { $n } opinie.
   *[other] Policzyliśmy { $n } opinii.
} Potwierdzenia są w kolejności alfabetycznej.
receipts-search = Poszukaj swojego potwierdzenia na tej stronie. Albo pobierz listę.
receipts-download = Pobierz listę
receipts-missing-title = Nie ma jeszcze listy
receipts-missing-body = Pokazujemy listę po zakończeniu tygodnia.

## Issue 18: steps named for what they do, receipts kept, digest summaries and trends

a11y-compliance = Spełniamy większość zasad dla stron internetowych. Te zasady nazywają się WCAG 2.2 AA. Sprawdzamy każdą stronę. Ekspert jeszcze jej nie sprawdził. Dlatego strona spełnia zasady tylko częściowo.
a11y-compliance-title = Czy strona spełnia zasady?
a11y-contact-routes = Powiedz osobom, które dały ci kod. One powiedzą nam. Nie musisz mówić, kim jesteś.
a11y-eass = Telefon 0808 800 0082. Tekstofon 0808 800 0084. Strona www.equalityadvisoryservice.com
a11y-enforcement-ehrc = Equality Advisory and Support Service może ci pomóc. To nic nie kosztuje.
a11y-gap-invite = Linki z zaproszeń potrzebują JavaScriptu. Możesz zamiast tego użyć papierowego kodu.
a11y-technical = Sprawdzamy każdą stronę komputerem. Sprawdzamy ją też samą klawiaturą.
a11y-technical-title = Jak sprawdzamy
before-once-check = Twój kod działa tylko jeden raz. Przed wysłaniem możesz sprawdzić odpowiedzi.
check-also-hint = Twoje słowa mogą pasować też do tych tematów. Zaznacz je, jeśli pasują. Możesz wysłać najwyżej 3 tematy.
check-themes-also = Dodać jeszcze jeden temat? Nie musisz.
continue-button = Dalej
digest-summary-and = { $first } i { $last }
digest-summary-down = Mniej niż ostatnio: { $themes }.
digest-summary-item = { $theme } ({ $figure })
digest-summary-list = { $first }, { $next }
digest-summary-most = Najczęściej: { $themes }.
digest-summary-none = Za mało osób mówiło o jednym temacie.
digest-summary-up = Więcej niż ostatnio: { $themes }.
digest-trend-caption = Każdy temat za każdym razem, od najstarszych
digest-trend-chart-title = Każdy temat od { $first } do { $last }
digest-trend-heading = Każdy temat w czasie
digest-trend-hidden = Zawsze mniej niż { $k } osób: { $themes }.
digest-trend-how = Każda linia zaczyna się od najstarszych liczb po lewej. Puste kółko znaczy mniej niż { $k } osób.
error-busy-again = Mamy teraz za dużo pracy. Twój kod nadal działa. Poczekaj chwilę. Potem wyślij odpowiedzi jeszcze raz.
error-code-used = Ten kod był już użyty. Czy nacisnąłeś przycisk dwa razy? Wtedy mamy twoją opinię. Nie musisz nic robić. Nie używałeś tego kodu? Powiedz osobie, która dała ci kartę.
invite-check-not-sent = Jeszcze nic nie wysłaliśmy. Twój token nadal działa.
invite-check-send-now = Naciśnij przycisk, żeby wysłać. Potem nie można tego zmienić.
invite-later-same = Żeby napisać później, otwórz jeszcze raz link z zaproszenia. Użyj tej samej przeglądarki na tym samym urządzeniu.
invite-say-invitation-unknown = Nie znamy tego zaproszenia. Otwórz cały link, który dostałeś.
invite-say-invitation-used = To zaproszenie było już użyte. Czy użyłeś go w tej przeglądarce? Wtedy otwórz link w tej przeglądarce. Jeśli nie, poproś o nowe zaproszenie.
invite-say-token-invalid = Ten token już nie działa. Poproś o nowe zaproszenie albo papierowy kod.
invite-say-token-spent = Ten token był już użyty. Czy nacisnąłeś przycisk dwa razy? Wtedy mamy twoją opinię.
invite-wait-why-later = Jeśli napiszesz teraz, moglibyśmy zgadnąć, kto to napisał. Inny dzień jest bezpieczniejszy.
next-counts-org = { $org } widzi liczby co { $period }. Grupy mniejsze niż { $k } osób nie są pokazywane.
paper-post = Albo wyślij go pocztą na adres:
paper-post-free = Albo wyślij go pocztą na ten adres. Nie potrzebujesz znaczka.
paper-screen-intro-give = Wydrukuj ten formularz. Wypełnij go ręcznie. Daj go komuś, komu ufasz.
receipt-unreadable-body = Potwierdzenie ma 5 grup po 4 litery i cyfry. Nic nie zostało zmienione.
receipt-unreadable-title = Nie możemy pokazać tego potwierdzenia
received-keep = Zachowaj potwierdzenie. Zapisz je albo wydrukuj tę stronę. Nie możemy pokazać go drugi raz.
themes-more = Zobacz { $n } { $n ->
    [one] temat więcej
    [few] tematy więcej
   *[other] tematów więcej
}
themes-noise-how = Jak wybieramy losowe liczby
themes-noise-maths = Ustawienie o nazwie epsilon to { $epsilon }. Jedna opinia liczy się w najwyżej { $sensitivity } tematach. Dlatego ustawienie alfa to { $alpha }.
themes-noise-plain = Do każdej sumy dodajemy albo od niej odejmujemy małą losową liczbę. To chroni ludzi. Liczby są za każdym razem takie same.

## Questions beside the free text (issue 20)
question-optional = Nie musisz na to odpowiadać.
question-choose-one = Zaznacz 1 odpowiedź.
question-choose-up-to = Zaznacz najwyżej { $max } odpowiedzi.
paper-tick-one = Zaznacz 1 pole.
paper-tick-up-to = Zaznacz najwyżej { $max } { $max ->
        [few] pola
       *[other] pól
    }.
check-not-answered = Brak odpowiedzi
check-change-answer = Zmień
error-answer_missing = Odpowiedz na to pytanie: „{ $prompt }”.
error-answer_too_many = „{ $prompt }”: zaznacz najwyżej { $max } odpowiedzi.
error-answer_option_unknown = „{ $prompt }”: zaznacz odpowiedź z listy.
error-answer_question_unknown = Coś poszło nie tak z formularzem. Wypełnij go jeszcze raz.

# The default five-point scale (issue 20), from worst to best: its labels,
# then its Easy Read labels. Shown only while a round keeps the default wording.
scale-very-badly = Bardzo źle
scale-badly = Źle
scale-neither = Ani dobrze, ani źle
scale-well = Dobrze
scale-very-well = Bardzo dobrze
scale-easy-very-badly = Bardzo źle
scale-easy-badly = Źle
scale-easy-neither = Tak sobie
scale-easy-well = Dobrze
scale-easy-very-well = Bardzo dobrze
