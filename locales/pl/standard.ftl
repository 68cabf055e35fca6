# Parrhesia po polsku, prostym językiem. Ten plik ma dokładnie te same
# klucze i argumenty co en/standard.ftl (sprawdza to test jednostkowy).
# Do sprawdzenia przez rodzimego użytkownika języka (language-review).
# Liczebniki: formy one / few / many według reguł CLDR dla polskiego.

## The page frame

service-name = Parrhesia
tagline = mów szczerze, bezpiecznie
skip-link = Przejdź do głównej treści
title-suffix = Parrhesia
error-title-prefix = Błąd:
footer-privacy = Parrhesia nie zapisuje, kim jesteś. Nie przechowuje adresów, plików cookie ani dokładnych godzin.
footer-privacy-console-sign-in = Strony dla personelu używają jednego pliku cookie, tylko po to, żeby bezpiecznie zalogować i utrzymać zalogowanie. Strony dla osób przekazujących opinie nie używają żadnego, a Parrhesia nie przechowuje adresów ani dokładnych godzin.
footer-helping = Pomagam komuś
footer-accessibility = Dostępność
footer-paper = Formularze papierowe
easy-read-link = Wersja łatwa do czytania
standard-link = Wersja standardowa
error-summary-title = Wystąpił problem
error-hidden-prefix = Błąd:

## Languages: each file names its own language, in itself

language-name = Polski
language-switcher = Język
language-review = needed
list-separator = {", "}
thousands-separator = {"\u00A0"}

## Words we use (shown on Easy Read pages and the helping page)

glossary-title = Słowa, których używamy
glossary-code = Kod
glossary-code-means = Litery i cyfry wydrukowane na karcie. Pozwala wysłać jedną opinię. Nie pokazuje, kim jesteś.
glossary-theme = Temat
glossary-theme-means = Czego dotyczy twoja opinia, na przykład jedzenia albo personelu. Dzięki tematom możemy policzyć, o czym mówią ludzie.
glossary-anonymous = Anonimowo
glossary-anonymous-means = Nikt nie może się dowiedzieć, kim jesteś. Ani my, ani organizacja.

## Pictures (text alternatives)


## Home page

home-title = Powiedz organizacjom, co naprawdę myślisz
home-lead = Parrhesia pozwala powiedzieć dostawcy opieki, urzędowi albo organizacji charytatywnej, co jest nie tak, tak żeby nikt nie wiedział, że to ty.
home-code = Żeby wziąć udział, potrzebujesz kodu. Jest wydrukowany na karcie albo może ci go dać osoba, która cię wspiera. Na karcie jest też adres strony internetowej.
home-what-happens = Co się dzieje z tym, co napiszesz
home-no-name = Nigdy nie pytamy o twoje imię i nazwisko.
home-no-address = Nie przechowujemy twojego adresu internetowego ani plików cookie.
home-groups = Opinie są liczone w grupach. Małe grupy nigdy nie są pokazywane, więc nikt nie może ustalić, kto co powiedział.
home-helping = Pomagasz komuś wziąć udział? Przeczytaj nasze wskazówki dla osób pomagających.

## The round page: information in advance, then the form

# Dopełniacz: „po zakończeniu każdego tygodnia”, „tego okresu 4 tygodni”.
period-noun = { $weeks ->
    [one] tygodnia
   *[other] okresu { $weeks } tygodni
}
before-title = Zanim zaczniesz
before-no-name = Nie podajesz imienia ani nazwiska. Nie przechowujemy twojego adresu internetowego, plików cookie ani dokładnej godziny, o której piszesz.
before-who-sees = Twoje słowa widzą osoby, które prowadzą tę usługę. Organizacja { $org } widzi, ile osób wybrało każdy temat.
before-when = Liczby są pokazywane dopiero po zakończeniu każdego { $period } i tylko dla grup liczących co najmniej { $k } { $k ->
    [one] osobę
    [few] osoby
   *[other] osób
}, więc nikt nie może ustalić, kto co powiedział.
before-names = Nie wpisuj swojego imienia ani imion innych osób, chyba że tego chcesz.
form-paper = Możesz też wypełnić formularz papierowy
form-helping = Wpisujesz to za kogoś innego? Przeczytaj wskazówki dla osób pomagających
code-label = Twój kod
code-hint = Jest wydrukowany na twojej karcie, na przykład { $example }. Możesz pisać wielkimi lub małymi literami.
themes-legend = Czego to dotyczy?
themes-hint = Wybierz 1, 2 lub { $max } { $max ->
    [one] temat
    [few] tematy
   *[other] tematów
}.
text-label = Co chcesz przekazać organizacji { $org }?
text-hint = Pisz w dowolnym języku, do 5000 znaków. Pomiń imiona i szczegóły, po których można rozpoznać ciebie lub kogoś innego.
quote-label = Organizacja { $org } może zacytować moje słowa
quote-consent-hint = Tylko jeśli to zaznaczysz. Człowiek czyta każdy cytat, zanim zostanie pokazany, i usuwa wszystko, co mogłoby zdradzić, kim jesteś ty lub ktoś inny. Komputer najpierw usuwa imiona i szczegóły, które rozpoznaje, ale może coś przeoczyć.

## Problems with what was sent (the form shows them again)

error-code_missing = Wpisz kod z karty.
error-code_invalid = Ten kod wygląda nieprawidłowo. Sprawdź każdą literę i cyfrę na karcie i spróbuj ponownie.
error-code_unknown = Nie rozpoznajemy tego kodu w tej rundzie opinii. Sprawdź każdą literę i cyfrę na karcie.
error-text_empty = Napisz, co chcesz przekazać.
error-text_too_long = Twój tekst ma { $chars } { $chars ->
    [one] znak
    [few] znaki
   *[other] znaków
}. Może mieć najwyżej { $max } { $max ->
    [one] znak
    [few] znaki
   *[other] znaków
}.
error-themes_missing = Wybierz co najmniej jeden temat.
error-themes_too_many = Wybierz najwyżej { $max } { $max ->
    [one] temat
    [few] tematy
   *[other] tematów
}.
error-theme_unknown = Wybierz tematy z listy.
error-too_large = To, co wysłano, jest za długie. Skróć tekst i wyślij go ponownie.
error-unreadable = Części tego, co wysłano, nie udało się odczytać. Wpisz to jeszcze raz i wyślij.
error-wrong_form = Wyślij odpowiedzi za pomocą formularza na tej stronie.

## Confirmation

received-title = Otrzymaliśmy
received-stored = To, co napisano, zostało bezpiecznie zapisane.
received-receipt = Twoje potwierdzenie
next-title = Co dalej
next-receipt = Twoje potwierdzenie nie jest powiązane z twoim kodem ani z tobą. Zachowaj je, jeśli chcesz później sprawdzić, czy twoja opinia została policzona. Nie musisz go zachowywać.
next-code-used = Twojego kodu nie można użyć ponownie.
next-another = Napisz o czymś innym, używając innego kodu

## Problem pages

not-found-title = Nie znaleziono strony
not-found-body = Jeśli adres strony został wpisany ręcznie, sprawdź, czy jest poprawny. Jeśli został wklejony, sprawdź, czy skopiowano cały adres.
round-unknown-title = Nie znaleziono rundy opinii
round-unknown-body = Pod tym adresem nie ma rundy opinii. Sprawdź adres na karcie.
service-problem-title = Przepraszamy, wystąpił problem z usługą
service-problem-body = Coś poszło nie tak po naszej stronie. Nic nie zostało zapisane, a twój kod nie został użyty. Spróbuj ponownie później.
go-start = Przejdź do strony głównej
method-not-allowed-title = Ta strona nie może tego zrobić
method-not-allowed-body = Tej strony nie można użyć w ten sposób. Wróć i spróbuj ponownie albo przejdź do strony głównej.
too-large-title = Zbyt duże żądanie
too-large-body = To, co wysłano, jest za duże dla tej usługi. Nic nie zostało zapisane. Wróć, skróć tekst i wyślij go ponownie.
uri-too-long-title = Zbyt długi adres strony
uri-too-long-body = Ten adres strony jest za długi. Sprawdź, czy został poprawnie skopiowany.
rate-limited-title = Zbyt wiele prób
path-not-canonical-title = Sprawdź adres strony
rate-limited-body = W krótkim czasie z twojego połączenia było zbyt wiele prób. Nic nie zostało zapisane, a twój kod nie został użyty. Poczekaj { $seconds } { $seconds ->
    [one] sekundę
    [few] sekundy
   *[other] sekund
}, a potem wróć i wyślij formularz ponownie.

## Paper form (printed on A4)

paper-title = Formularz papierowy: { $round }
paper-print = Aby wydrukować, użyj polecenia „Drukuj” w przeglądarce.
paper-for = Dla: { $org }
paper-how-title = Jak korzystać z tego formularza
paper-how-code = Przepisz kod z karty do kratek. Każdy kod działa jeden raz.
paper-how-tick = Zaznacz, czego dotyczy twoja opinia. Zaznacz 1, 2 lub { $max } { $max ->
    [one] kratkę
    [few] kratki
   *[other] kratek
}.
paper-how-write = Napisz, co chcesz przekazać. Nie wpisuj swojego imienia ani nazwiska.
paper-how-give = Daj formularz osobie, której ufasz. Wpisze go na stronie { $url }, używając twojego kodu. Możesz też wpisać go samodzielnie.
paper-how-about-you = Dla osoby, która wpisuje formularz: po wysłaniu strona pokaże kod do nieobowiązkowych pytań o autorze. Przekaż mu ten kod albo pomóż mu od razu odpowiedzieć. Kod działa jeden raz.
paper-code-label = Twój kod
paper-themes-label = Czego to dotyczy? Zaznacz 1, 2 lub { $max } { $max ->
    [one] kratkę
    [few] kratki
   *[other] kratek
}.
paper-text-label = Co chcesz przekazać organizacji { $org }?
paper-quote-label = Organizacja { $org } może zacytować moje słowa (zaznacz, jeśli tak)
paper-private = Nie wpisuj na tym formularzu swojego imienia ani nazwiska. Osoba, która go wpisuje, nie może dodać twojego imienia ani żadnych informacji o tobie.

## Helping someone take part

helping-title = Pomagam komuś wziąć udział
helping-lead = Możesz być asystentem, rzecznikiem, przyjacielem albo krewnym. Ta strona mówi, jak pomóc komuś przekazać opinię tak, żeby nikt nie wiedział, kim ta osoba jest.
helping-their-words-title = Ich słowa, nie twoje
helping-their-words = Wpisz dokładnie to, co ta osoba napisała lub powiedziała. Nie dodawaj własnego zdania. Jeśli chce powiedzieć coś, z czym się nie zgadzasz, i tak to wpisz.
helping-code-title = Użyj jej kodu
helping-code = Każda osoba potrzebuje własnego kodu. Wpisz kod z jej karty. Każdy kod działa jeden raz, więc nie używaj swojego kodu ani kodu kogoś innego.
helping-leave-out-title = Czego nie wpisywać
helping-leave-out = Nie dodawaj jej imienia, numeru pokoju, daty urodzenia ani niczego, po czym można ją rozpoznać. Nie dodawaj też swojego imienia.
helping-nothing-recorded-title = Nic nie zapisuje, kto wpisywał
helping-nothing-recorded = Parrhesia nie zapisuje, kto wpisał opinię, na jakim urządzeniu ani o której dokładnie godzinie. Nie przechowuje adresów internetowych i nie ustawia plików cookie.
helping-paper-title = Formularze papierowe
helping-paper = Każda runda ma formularz papierowy, który możesz wydrukować. Osoba go wypełnia albo mówi ci, co napisać. Potem wpisujesz go z jej kodem. Na koniec oddaj jej papier albo go zniszcz.
helping-receipt-title = Potwierdzenie
helping-receipt = Po wysłaniu strona pokazuje potwierdzenie. Daj je tej osobie albo zapisz na jej karcie. Dzięki niemu może później sprawdzić, czy jej opinia została policzona.

## Accessibility statement

a11y-title = Deklaracja dostępności
a11y-lead = Ta deklaracja dotyczy usługi Parrhesia. Chcemy, żeby mogło z niej korzystać jak najwięcej osób.
a11y-can-title = Co możesz zrobić
a11y-can-zoom = Powiększyć stronę do 400% tak, że tekst nie wychodzi poza ekran.
a11y-can-keyboard = Korzystać z każdej części usługi tylko za pomocą klawiatury.
a11y-can-no-js = Korzystać z usługi bez JavaScriptu i w przeglądarce tekstowej.
a11y-can-reader = Korzystać z usługi z czytnikiem ekranu lub z rozpoznawaniem mowy.
a11y-can-easy = Czytać każdą stronę dla uczestników w wersji łatwej do czytania.
a11y-can-paper = Skorzystać z wydrukowanego formularza papierowego i poprosić kogoś, żeby go za ciebie wpisał.
a11y-gaps-title = Co jeszcze nie jest dostępne
a11y-gap-test = Automatyczne testy nie znajdą każdego problemu. Usługa nie była jeszcze testowana przez osoby z niepełnosprawnościami ani przez eksperta od dostępności.
a11y-gap-translations = Strony są też w innych językach. Staranne tłumaczenia, których nie sprawdził jeszcze rodzimy użytkownik języka:
a11y-gap-themes = Nazwy tematów ustala każda organizacja, więc mogą nie być w wersji łatwej do czytania.
a11y-contact-title = Zgłoś problem
a11y-enforcement-title = Jeśli odpowiedź cię nie zadowala
a11y-prepared = Tę deklarację napisano w listopadzie 2026 roku i jest sprawdzana przy każdej zmianie usługi.

## The public digest

digest-title = Co ludzie przekazali organizacji { $org }
digest-lead = O czym mówili ludzie, według tematów, w każdym zakończonym okresie. Najczęściej poruszane tematy są na początku.
digest-protect = Żeby chronić osoby, które pisały, liczba jest pokazywana tylko wtedy, gdy dotyczy wystarczająco wielu osób. W przeciwnym razie jest napisane „mniej niż” ta liczba. Dopóki okres trwa, nic nie jest pokazywane.
digest-nothing = Nic jeszcze nie opublikowano.
digest-caption = { $period } – opinie: { $total }
digest-theme = Temat
digest-critiques = Opinie
digest-fewer-than = mniej niż { $k }
digest-up-to-three = W jednej opinii można wybrać do trzech tematów, więc liczby przy tematach mogą dać w sumie więcej niż liczba opinii.
digest-almost-everyone = prawie wszyscy
digest-trend = Zmiana
digest-trend-explained = „Zmiana” porównuje każdy temat z poprzednią publikacją, tylko gdy w obu jest pokazana liczba.
digest-trend-up = wzrost o { $n }
digest-trend-down = spadek o { $n }
digest-trend-same = bez zmian
digest-trend-none = –
digest-rules = Zasady tej rundy: temat poruszony przez mniej niż { $k } osób jest pokazywany jako „mniej niż { $k }”; temat, którego nie poruszyło mniej niż { $k } osób, jest pokazywany jako „prawie wszyscy”; pozostałe liczby są zaokrąglane do najbliższej wielokrotności { $base }. Okres, w którym jest mniej niż { $min } opinii, jest wstrzymywany i publikowany razem z następnym. Sumy są pokazywane jako przedziały.
digest-total = Opinie w tej publikacji: { $band }
digest-chart-title = Tematy poruszone w okresie: { $period }
digest-other-formats = To podsumowanie w innych formatach
digest-csv = Arkusz kalkulacyjny (CSV)
digest-questions-csv = Odpowiedzi na pytania (CSV)
digest-atom = Kanał wiadomości o nowych podsumowaniach (Atom)
digest-json = Dane dla programów (JSON)
digest-record = Odpowiedzi w rejestrze: czy na każde podsumowanie odpowiedziano i czy w terminie
digest-answer-open = Jeszcze bez odpowiedzi (termin: { $deadline }).
digest-answer-overdue = Bez odpowiedzi: termin minął { $deadline }.
digest-answer-on-time = Odpowiedziano w terminie (termin: { $deadline }).
digest-answer-late = Odpowiedziano po terminie (termin: { $deadline }).
digest-themes-link = Tematy we wszystkich organizacjach
digest-q-heading = { $prompt }
digest-q-said = Odpowiedź { $labels }: około { $n } z { $of } osób.
digest-q-chose = Wybór { $labels }: około { $n } z { $of } osób.
digest-q-said-some = Odpowiedź { $labels }: około { $n } osób.
digest-q-chose-some = Wybór { $labels }: około { $n } osób.
digest-q-almost-everyone = Prawie wszyscy odpowiedzieli „{ $label }”.
digest-q-label = „{ $label }”
digest-q-or = { $first } lub { $second }
digest-q-answered = Osoby, które odpowiedziały: około { $n }
digest-q-no-answer = Brak odpowiedzi
digest-q-answered-short = Odpowiedzieli
digest-q-not-shown = nie pokazano
digest-q-answer = Odpowiedź
digest-q-people = Osoby
digest-q-period = Okres
digest-q-chart-title = Odpowiedzi na pytanie „{ $prompt }”, { $period }
digest-q-trend-title = Odpowiedzi na pytanie „{ $prompt }” w kolejnych okresach
digest-q-caption = { $period } – osoby, które odpowiedziały: około { $n }
digest-q-trend-caption = „{ $prompt }”: odpowiedzi w kolejnych okresach
digest-q-multi = Można było wybrać do { $max } odpowiedzi, więc liczby mogą dać w sumie więcej niż liczba osób.
digest-q-withheld = „Nie pokazano” ukrywa liczbę, która razem z innymi mogłaby pokazać, ile osób udzieliło rzadkiej odpowiedzi.

## Themes across organisations

themes-title = Tematy we wszystkich organizacjach
themes-lead = O czym mówili ludzie, zsumowane dla wszystkich organizacji. Każda runda liczy się z ostatnim opublikowanym podsumowaniem.
themes-how = Sumowane są tylko opublikowane liczby. Temat pokazany jako „mniej niż” albo „prawie wszyscy” jest liczony, ale nie dodawany.
themes-no-noise = Do tych sum nie dodano losowego szumu.
themes-caption = Tematy z { $n } { $n ->
    [one] opublikowanego podsumowania
   *[other] opublikowanych podsumowań
}
themes-total = Suma (z szumem)
themes-counted = Podsumowania z liczbą
themes-fewer = Podsumowania z „mniej niż”
themes-almost = Podsumowania z „prawie wszyscy”
themes-sources = Zsumowane podsumowania

## Check your answers (nothing is stored yet)

check-title = Sprawdź odpowiedzi przed wysłaniem
check-not-sent = Nic jeszcze nie zostało wysłane, a twój kod nie został użyty.
check-quote = Czy organizacja { $org } może cię zacytować?
check-quote-yes = Tak, organizacja { $org } może zacytować moje słowa.
check-quote-no = Nie, nie cytujcie moich słów.
check-send-title = Teraz wyślij opinię
check-send-now = Gdy naciśniesz przycisk, twoja opinia zostanie zapisana, a kod zużyty. Potem nie można jej zmienić.
check-confirm = Potwierdź i wyślij
check-change = Zmień odpowiedzi

## The printed code card (what its holder reads)

card-step-address = Wejdź na stronę o adresie podanym wyżej.
card-step-code = Wpisz kod. Każdy kod działa jeden raz.
card-step-say = Powiedz, co myślisz. Nikt nie będzie wiedział, że to ty.
card-step-paper = Nie masz internetu? Poproś o formularz papierowy.
card-token-key = Tokeny online w tej rundzie są podpisane kluczem { $key }.

## The invitation page (online tokens)

invite-title = Twoje zaproszenie
invite-heading = Zapraszamy cię do przekazania opinii
invite-nojs-heading = Ta strona potrzebuje JavaScriptu
invite-nojs-why = Twoje zaproszenie działa przez utworzenie prywatnego tokenu w przeglądarce, a do tego potrzebny jest JavaScript, który jest tu wyłączony albo niedostępny.
invite-nojs-paper = Nadal możesz wziąć udział, używając kodu papierowego. Poproś osobę, która cię zaprosiła, o kartę z kodem, albo poproś kogoś, kto cię wspiera, żeby ją zdobył.
invite-nojs-form-before = Potem wejdź na
invite-nojs-form-link = formularz opinii
invite-nojs-form-after = {" "}i wpisz kod z karty.
invite-step1-heading = Krok 1: zdobądź prywatny token
invite-step1-how = Twoja przeglądarka tworzy token, a usługa podpisuje go, nie widząc go. Później nikt – nawet osoby, które prowadzą tę usługę – nie może ustalić, z którego zaproszenia pochodzi token.
invite-step1-where = Token jest przechowywany tylko w tej przeglądarce, na tym urządzeniu.
invite-get-button = Pobierz mój token
invite-step2-heading = Krok 2: napisz teraz albo wróć później
invite-wait-strong = Czekanie zwiększa twoje bezpieczeństwo.
invite-done = To, co napisano, zostało bezpiecznie zapisane. Twój token został użyty i usunięty z tej przeglądarki.

## About you (optional, unlinked; asked after sending)

about-link-lead = Możesz też odpowiedzieć na cztery nieobowiązkowe pytania o sobie. Twoje odpowiedzi nie są powiązane z tym, co napisano.
about-link = Odpowiedz na pytania o sobie (nieobowiązkowe)
about-title = O tobie
about-lead = Te pytania pomagają organizacji { $org } sprawdzić, czy słyszy wszystkich: młodszych i starszych, każdą grupę etniczną, osoby z niepełnosprawnościami i osoby korzystające z opieki lub wsparcia.
about-skip = Każde pytanie jest nieobowiązkowe. Pomiń te, na które nie chcesz odpowiadać.
about-unlinked = Twoje odpowiedzi są przechowywane osobno od tego, co napisano. Nic, co zapisujemy, nie łączy ich z twoją opinią, twoim kodem ani z tobą.
about-mixed = Twoje odpowiedzi zapisujemy od razu po wysłaniu, zamknięte kluczem, który niszczymy, gdy zostaną wymieszane z odpowiedziami innych osób (co najmniej godzinę później i przed końcem tego { $period }). Potem nic, co przechowujemy, nie pokazuje, kiedy przyszły twoje odpowiedzi ani jaką opinię zapisano tuż przed nimi.
about-shown = Organizacja { $org } widzi tylko sumy. Każda odpowiedź udzielona przez mniej niż { $k } osób jest pokazywana jako „mniej niż { $k }”.
about-age-legend = Ile masz lat?
about-age-under_18 = Poniżej 18
about-age-18_24 = 18–24
about-age-25_34 = 25–34
about-age-35_49 = 35–49
about-age-50_64 = 50–64
about-age-65_79 = 65–79
about-age-80_plus = 80 lub więcej
about-ethnicity-legend = Do jakiej grupy etnicznej należysz?
about-ethnicity-hint = To pięć głównych grup, których używa brytyjski Urząd Statystyki Narodowej (ONS).
about-ethnicity-asian = Azjatycka lub brytyjsko-azjatycka
about-ethnicity-black = Czarna, czarna brytyjska, karaibska lub afrykańska
about-ethnicity-mixed = Mieszana lub wiele grup etnicznych
about-ethnicity-white = Biała
about-ethnicity-other = Inna grupa etniczna
about-disability-legend = Czy uważasz się za osobę z niepełnosprawnością?
about-care-legend = Czy korzystasz z usług opieki lub wsparcia?
about-yes = Tak
about-no = Nie
about-prefer_not = Wolę nie mówić
about-send = Wyślij moje odpowiedzi
about-error = Wybierz jedną z odpowiedzi na to pytanie albo zostaw je puste.
about-thanks-title = Dziękujemy za informacje o sobie
about-thanks-body = Twoje odpowiedzi będą zawsze pokazywane tylko jako sumy, razem z odpowiedziami innych osób.
about-code = Twój kod do pytań o tobie
about-code-hint = Działa jeden raz, do końca tego { $period }. Nic, co przechowujemy, nie łączy go z twoją opinią. Zachowaj go, jeśli chcesz odpowiedzieć później.
about-code-form-hint = 12 liter i cyfr ze strony, która potwierdziła, że twoja opinia dotarła. To nie jest kod z twojej karty.
about-code-missing = Wpisz swój kod do pytań o tobie. Jest na stronie, która potwierdziła, że twoja opinia dotarła.
about-code-invalid = Ten kod nie wygląda poprawnie. Sprawdź każdą literę i cyfrę. Kod z karty tutaj nie działa.
about-code-refused = Ten kod nie działa. Sprawdź każdą literę i cyfrę. Każdy kod działa jeden raz i tylko do końca okresu, w którym go wydano.

## Beside the digest: quotes, responses, pledges, "about you" totals

voices-title = Powiedzieliście, zrobiliśmy: { $period }
voices-response = Odpowiedź:
voices-changed = Tę odpowiedź zmieniono { $times } { $times ->
    [one] raz
   *[other] razy
}. Każda wersja jest w podsumowaniu JSON.
voices-pledge = Zobowiązanie:
voices-pledge-step = { $status }, w okresie od { $period }
voices-status-planned = Zaplanowane
voices-status-in_progress = W toku
voices-status-done = Wykonane
voices-status-dropped = Porzucone
voices-quotes-title = Co mówili ludzie
voices-quotes-checked-hint = Cytowane za zgodą autorów. Człowiek sprawdził każdy cytat i usunął imiona oraz szczegóły, zanim go pokazano. Pokazane w losowej kolejności.
voices-about-title = Kto odpowiedział na pytania „o tobie”
voices-about-respondents = Osoby, które odpowiedziały: { $total }. Te odpowiedzi nie są powiązane z żadną opinią. Odpowiedzi udzielone przez mniej niż { $k } osób są pokazywane jako „mniej niż { $k }”.
voices-answer = Odpowiedź
voices-people = Osoby
voices-not-answered = Bez odpowiedzi
voices-fewer-than = mniej niż { $k }
voices-about = około { $n }
voices-almost-everyone = prawie wszyscy

## Dates and periods (digests, receipts lists, pledges)

# Dopełniacz, jak w dacie: „23 listopada”.
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
date-range-month = { $from }–{ $to } { $month }
date-range = { $from } { $from-month } – { $to } { $to-month }
date-range-years = { $from } { $from-month } { $from-year } – { $to } { $to-month } { $to-year }
period-week = Tydzień { $week } roku { $year } ({ $range })
period-weeks = Tygodnie { $first }–{ $last } roku { $year } ({ $range })
period-dates = { $range } { $year }
band-range = { $low }–{ $high }
band-more = { $low } lub więcej

## The default themes: each label, and the line that explains it

theme-whose-voices = Czyj głos jest słyszany
theme-whose-voices-hint = Kogo się pyta i słucha, a kto jest pomijany.
theme-money-and-time = Pieniądze, czas i zasoby
theme-money-and-time-hint = Za mało pieniędzy, personelu lub czasu, żeby robić wszystko porządnie.
theme-accessible-places = Dostępne miejsca i spotkania
theme-accessible-places-hint = Budynki, dojazd, godziny i formy spotkań, które wykluczają ludzi.
theme-digital-access = Dostęp cyfrowy i pewność w korzystaniu
theme-digital-access-hint = Usługi tylko przez internet, brak internetu albo brak pomocy w korzystaniu z niego.
theme-fear-of-consequences = Strach przed zabraniem głosu
theme-fear-of-consequences-hint = Obawa, że skarga może cię kosztować utratę usługi lub wsparcia.
theme-risk-and-culture = Kultura i unikanie ryzyka
theme-risk-and-culture-hint = Organizacja, która boi się zmian albo ludzi, którym służy.
theme-power-and-attitudes = Dzielenie się władzą i postawy personelu
theme-power-and-attitudes-hint = Profesjonaliści, którzy nie dzielą się decyzjami albo cię nie szanują.
theme-leadership = Przywództwo i wizja
theme-leadership-hint = Kierownictwo, które nie wyznacza jasnego kierunku albo nie dotrzymuje słowa.
theme-policy-and-rules = Zasady i przepisy
theme-policy-and-rules-hint = Niejasne lub brakujące zasady dotyczące tego, jak ludzie są włączani.
theme-meaning-of-involvement = Co znaczy wspólne działanie
theme-meaning-of-involvement-hint = Brak wspólnego rozumienia, co znaczy włączanie ludzi (współtworzenie usług).
theme-information = Informacja i komunikacja
theme-information-hint = Brak informacji z wyprzedzeniem albo w zrozumiałej formie.
theme-follow-through = Dowody i dalsze działania
theme-follow-through-hint = Nic się nie zmienia, gdy ludzie zabiorą głos, albo nikt tego nie sprawdza.
theme-something-else = Coś innego
theme-something-else-hint = Wszystko, co nie pasuje do pozostałych tematów.

## The invitation page's script: short lines it shows as it works

invite-say-no-invitation = W tym linku nie ma zaproszenia. Otwórz cały link, który otrzymano.
invite-say-making = Tworzenie prywatnego tokenu…
invite-say-saved = Twój token jest zapisany w tej przeglądarce. Możesz napisać teraz albo wrócić do tego linku później.
invite-say-make-failed = Coś poszło nie tak podczas tworzenia tokenu. Nic nie zostało zapisane. Spróbuj ponownie później.
invite-say-not-asking = Ta runda opinii nie przyjmuje tokenów.
invite-say-no-token = W tej przeglądarce nie ma tokenu. Najpierw go pobierz.
invite-say-sending = Wysyłanie…
invite-say-received = Otrzymaliśmy.
invite-say-send-failed = Nie udało się wysłać. Twój token jest nadal zapisany; spróbuj ponownie.
invite-say-ready = Twój token jest zapisany w tej przeglądarce. Możesz napisać, kiedy tylko chcesz.

## The printed code cards (the host's sheet)

cards-title = Karty z kodami: { $round }
cards-heading = Karty z kodami dla rundy „{ $round }”
cards-print = Wydrukuj te karty
cards-back = Wróć do rundy w konsoli
cards-intro = { $n ->
    [one] Jedna karta.
    [few] { $n } karty.
   *[other] { $n } kart.
} Wydrukuj na papierze A4 i rozetnij wzdłuż linii. Te kody są pokazywane tylko ten jeden raz: usługa przechowuje je tylko w zaszyfrowanej postaci. Rozdawaj karty losowo i nie zapisuj, kto dostał którą.

## Checking our promises (the audit pages)

audit-title = Sprawdź nasze obietnice
audit-lead = Nie musisz nam ufać. Wszystko tutaj pozwala każdemu sprawdzić, że każda opinia została policzona, że niczego później nie dodano ani nie usunięto i że wszyscy widzą te same zapisy.
audit-receipt-title = Sprawdź swoje potwierdzenie
audit-receipt = Po wysłaniu opinii otrzymano potwierdzenie, na przykład { $example }. Po zakończeniu twojego okresu znajdź jego listę poniżej i wyszukaj w niej swoje potwierdzenie (Ctrl+F albo pobierz listę i przeszukaj ją na własnym komputerze). Nigdy nie prosimy o twoje potwierdzenie: takie pytanie powiązałoby cię z twoją opinią.
audit-sealed-title = Zamknięte okresy
audit-none-sealed = Żaden okres nie został jeszcze zamknięty.
audit-table-caption = Zamknięte okresy z dokładnymi sumami
audit-round = Runda
audit-period = Okres
audit-critiques = Opinie
audit-codes = Zużyte kody
audit-tokens = Zużyte tokeny
audit-receipts = Potwierdzenia
audit-unreadable = nieczytelne
audit-list = Lista
audit-download = Pobierz
audit-for = dla rundy { $round }, okres od { $period }
audit-shredded = (teksty zniszczone po okresie przechowywania)
audit-closed-early = (zamknięty wcześniej)
audit-closed-early-note = Okres oznaczony „zamknięty wcześniej” zamknęliśmy przed jego końcem. Możemy to zrobić najwyżej raz w okresie i tylko wtedy, gdy jest w nim co najmniej tyle opinii, ile potrzeba do opublikowania podsumowania, aby nikogo nie dało się wskazać. Rejestr zapisuje każde wcześniejsze zamknięcie, a polecenie poniżej sprawdza tę zasadę.
audit-log-title = Rejestr
audit-log = Potwierdzenie każdej opinii, każde zamknięte podsumowanie i każdy klucz tokenów trafiają do rejestru Merkle, do którego można tylko dopisywać (na wzór RFC 9162, Certificate Transparency). Każdy zamknięty okres kończy się wierzchołkiem drzewa podpisanym kluczem rejestru.
audit-log-key = Klucz rejestru (Ed25519, base64)
audit-leaves = Liście
audit-tree-heads = Podpisane wierzchołki drzewa
audit-verify = Żeby sprawdzić każdy podpis, spójność rejestru i każdą sumę, uruchom to polecenie:
audit-data = Dane stojące za tą stroną, dla programów: dokument, jego liście i dowody.
audit-exact = Niektóre liczby tutaj są dokładne, nawet poniżej wielkości grupy używanej w podsumowaniach: audytor musi móc sprawdzić, że nic nie zostało pominięte. Mówią, ile osób pisało w danym okresie, nigdy kto ani o czym.
receipts-title = Potwierdzenia dla rundy „{ $round }”, { $period }
receipts-heading = Potwierdzenia: { $period }
receipts-count = { $n ->
    [one] W tym okresie policzono jedną opinię.
    [few] W tym okresie policzono { $n } opinie.
   *[other] W tym okresie policzono { $n } opinii.
} Wszystkie potwierdzenia są poniżej, w kolejności alfabetycznej, a nie w kolejności nadejścia.
receipts-search = Wyszukaj na tej stronie swoje potwierdzenie (Ctrl+F) albo pobierz listę i przeszukaj ją na własnym komputerze.
receipts-download = Pobierz listę
receipts-missing-title = Lista potwierdzeń dla tego okresu jeszcze nie istnieje
receipts-missing-body = Potwierdzenia są wypisywane dopiero po zakończeniu i zamknięciu okresu. Sprawdź okres na stronie audytu.

## Issue 18: steps named for what they do, receipts kept, digest summaries and trends

a11y-compliance = Ta strona jest częściowo zgodna z Wytycznymi dla dostępności treści internetowych (WCAG) w wersji 2.2 na poziomie AA. Każda strona przechodzi nasze automatyczne sprawdzenia i testy tylko z klawiaturą, ale nie sprawdził jej jeszcze specjalista od dostępności ani nie przetestowały jej osoby z niepełnosprawnościami, więc mogą istnieć problemy, których nie znaleźliśmy. Znane problemy są wymienione poniżej.
a11y-compliance-title = Stan zgodności
a11y-contact-routes = Jeśli znajdziesz problem albo potrzebujesz czegoś w innym formacie, powiedz o tym organizacji, która dała ci kod lub zaproszenie, albo osobom, które prowadzą dla niej tę usługę. Muszą przekazać to nam. Nie musisz mówić, kim jesteś.
a11y-eass = EASS: telefon 0808 800 0082 lub tekstofon 0808 800 0084 (bezpłatnie), albo strona www.equalityadvisoryservice.com
a11y-enforcement-ehrc = Przestrzegania przepisów o dostępności pilnuje Komisja ds. Równości i Praw Człowieka (EHRC). Jeśli nie jesteś zadowolony z tego, jak rozpatrzono twój problem, skontaktuj się z Equality Advisory and Support Service (EASS), służbą doradztwa i wsparcia w sprawach równości.
a11y-gap-invite = Linki z zaproszeń wymagają JavaScriptu. Bez niego możesz wziąć udział z papierowym kodem.
a11y-technical = Testujemy zgodność z WCAG 2.2 na poziomie AA w prawdziwej przeglądarce: automatycznymi sprawdzeniami (axe-core), przejściami tylko z klawiaturą, przeglądarką tekstową, powiększeniem do 400% i większymi odstępami w tekście.
a11y-technical-title = Informacje techniczne o dostępności tej strony
before-once-check = Twój kod działa jeden raz. Przed wysłaniem możesz sprawdzić swoje odpowiedzi. Po wysłaniu nie można ich zmienić.
check-also-hint = To, co napisano, może pasować też do tych tematów. Zaznacz te, które pasują; nic nie zostanie dodane, jeśli tego nie zaznaczysz. Możesz wysłać razem najwyżej trzy tematy.
check-themes-also = Dodać jeszcze jeden temat? (nieobowiązkowe)
continue-button = Dalej
digest-summary-and = { $first } i { $last }
digest-summary-down = Mniej niż w poprzedniej publikacji: { $themes }.
digest-summary-item = { $theme } ({ $figure })
digest-summary-list = { $first }, { $next }
digest-summary-most = Najczęściej poruszane: { $themes }.
digest-summary-none = Każdy temat poruszyło mniej niż { $k } osób, więc żadnego nie można wymienić.
digest-summary-up = Więcej niż w poprzedniej publikacji: { $themes }.
digest-trend-caption = Każdy temat w każdej publikacji, od najstarszej
digest-trend-chart-title = Każdy temat w każdej publikacji, od { $first } do { $last }
digest-trend-heading = Każdy temat w czasie
digest-trend-hidden = Nie narysowano, bo w każdej publikacji poruszyło je mniej niż { $k } osób: { $themes }.
digest-trend-how = Każda linia biegnie od najstarszej publikacji po lewej do najnowszej po prawej, z najnowszą liczbą na końcu. Puste kółko na dolnej linii oznacza „mniej niż { $k }”: nie jest pokazywany jako liczba.
error-busy-again = Usługa jest teraz zajęta. Nic nie zostało zapisane, a twój kod nie został użyty. Poczekaj chwilę, potem przejdź dalej i wyślij odpowiedzi jeszcze raz.
error-code-used = Ten kod został już użyty. Jeśli nacisnięto przycisk dwa razy, twoja opinia dotarła za pierwszym razem i nie trzeba nic więcej robić. Jeśli nie używałeś tego kodu, powiedz o tym osobie, która ci go dała.
invite-check-not-sent = Nic jeszcze nie zostało wysłane, a twój token nie został użyty.
invite-check-send-now = Gdy naciśniesz przycisk, twoja opinia zostanie zapisana, a token zużyty. Potem nie można jej zmienić.
invite-later-same = Żeby napisać później, otwórz ponownie link z zaproszenia w tej samej przeglądarce na tym urządzeniu. Zaproszenie może utworzyć tylko jeden token, a token zostaje w tej przeglądarce, dopóki go nie użyjesz.
invite-say-invitation-unknown = Nie rozpoznajemy tego zaproszenia. Sprawdź, czy otwarto cały link, który dostałeś.
invite-say-invitation-used = To zaproszenie już utworzyło swój token. Jeśli zrobiono to w tej przeglądarce, otwórz link w tej samej przeglądarce, żeby napisać. Jeśli nie, poproś osobę, która cię zaprosiła, o nowe zaproszenie albo papierowy kod.
invite-say-token-invalid = Ten token już nie działa. Poproś osobę, która cię zaprosiła, o nowe zaproszenie albo papierowy kod.
invite-say-token-spent = Ten token został już użyty. Jeśli nacisnięto przycisk dwa razy, twoja opinia dotarła za pierwszym razem i nie trzeba nic więcej robić.
invite-wait-why-later = Jeśli napiszesz od razu, usługa mogłaby zauważyć, że token został utworzony, a chwilę później przyszła opinia. Jeśli wrócisz innego dnia, nikt nie połączy tych dwóch rzeczy.
next-counts-org = Po zakończeniu tego { $period } organizacja { $org } zobaczy, ile osób poruszyło każdy temat. Grupy mniejsze niż { $k } nie są pokazywane.
paper-post = Albo wyślij go pocztą na ten adres:
paper-post-free = Albo wyślij go pocztą na ten adres. Nie potrzebujesz znaczka:
paper-screen-intro-give = Wydrukuj ten formularz na papierze A4. Wypełnij go odręcznie, a potem daj osobie, której ufasz, na przykład rzecznikowi, żeby wpisała go za ciebie.
receipt-unreadable-body = Potwierdzenie ma pięć grup po cztery litery i cyfry, na przykład 7KQ2-M9XD-4RT5-0A1B-2C3D. Nic nie zostało zapisane ani zmienione.
receipt-unreadable-title = Nie można pokazać tego potwierdzenia
received-keep = Zachowaj potwierdzenie: zapisz je, wydrukuj tę stronę albo zrób jej zdjęcie. Nie możemy pokazać go ponownie, bo nie wiemy, która opinia jest twoja.
themes-more = Pokaż { $n } { $n ->
    [one] temat więcej
    [few] tematy więcej
   *[other] tematów więcej
}
themes-noise-how = Jak losujemy te liczby
themes-noise-maths = Szum pochodzi z dwustronnego mechanizmu geometrycznego z ε = { $epsilon } na publikację i czułością { $sensitivity } (jedna opinia liczy się najwyżej w { $sensitivity } tematach), więc α = { $alpha }: zmiana o 1 jest { $alpha } razy tak prawdopodobna jak brak zmiany, zmiana o 2 znowu { $alpha } razy mniej prawdopodobna, i tak dalej.
themes-noise-plain = Żeby nikt nie mógł odtworzyć liczb jednej organizacji z tych sum, do każdej sumy dodano albo od niej odjęto małą losową liczbę. Wylosowano ją raz dla każdego podsumowania i zapisano, więc strona za każdym razem pokazuje te same liczby.

## Questions beside the free text (issue 20)
question-optional = (nieobowiązkowe)
question-choose-one = Wybierz jedną odpowiedź.
question-choose-up-to = Wybierz najwyżej { $max } odpowiedzi.
paper-tick-one = Zaznacz jedno pole.
paper-tick-up-to = Zaznacz najwyżej { $max } { $max ->
        [few] pola
       *[other] pól
    }.
check-not-answered = Bez odpowiedzi
check-change-answer = Zmień
error-answer_missing = Odpowiedz na pytanie „{ $prompt }”.
error-answer_too_many = W pytaniu „{ $prompt }” wybierz najwyżej { $max } odpowiedzi.
error-answer_option_unknown = W pytaniu „{ $prompt }” wybierz jedną z pokazanych odpowiedzi.
error-answer_question_unknown = Formularz wysłał odpowiedź na pytanie, którego ta runda nie zadaje. Wypełnij formularz jeszcze raz.

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
