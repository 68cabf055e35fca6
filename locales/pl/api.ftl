# Komunikaty błędów API JSON, po jednym dla każdego stałego kodu błędu.
# Do sprawdzenia przez rodzimego użytkownika języka.

## Participants' answers

code_missing = Wpisz kod z karty.
code_invalid = Ten kod wygląda nieprawidłowo. Sprawdź każdą literę i cyfrę na karcie i spróbuj ponownie.
code_unknown = Nie rozpoznajemy tego kodu w tej rundzie opinii. Sprawdź każdą literę i cyfrę na karcie.
code_spent = Ten kod został już użyty. Jeśli nie wiesz, kto go użył, powiedz o tym osobie, która ci go dała.
about_you_code_refused = Ten kod nie działa dla pytań o tobie. Sprawdź każdą literę i cyfrę. Każdy kod działa jeden raz i tylko do końca okresu, w którym go wydano.
text_empty = Napisz, co chcesz przekazać.
text_too_long = Twój tekst ma { $chars } { $chars ->
    [one] znak
    [few] znaki
   *[other] znaków
}. Może mieć najwyżej { $max } { $max ->
    [one] znak
    [few] znaki
   *[other] znaków
}.
themes_missing = Wybierz co najmniej jeden temat.
themes_too_many = Wybierz najwyżej { $max } { $max ->
    [one] temat
    [few] tematy
   *[other] tematów
}.
theme_unknown = Wybierz tematy z listy.

## Hosts' settings (the admin API)

slug_invalid = Pole { $field } musi mieć od 1 do 40 znaków: małe litery od a do z, cyfry i pojedyncze łączniki, zaczynać się od litery.
field_invalid = Pole { $field } musi mieć od 1 do 200 znaków, bez znaków sterujących.
postal_invalid = Pole { $field } jest za długie albo zawiera znak, którego nie da się wydrukować: adres pocztowy ma najwyżej 8 wierszy i 300 znaków, a wiersz freepost jeden wiersz do 100 znaków.
min_group_invalid = min_group musi być liczbą całkowitą od 2 do 1000.
min_group_lowered = Runda jest otwarta, więc jej minimalną wielkość grupy można tylko zwiększyć (obecnie { $current }).
period_invalid = period_weeks musi być liczbą całkowitą od 1 do 13.
themes_locked = Runda jest otwarta, więc tematy można tylko dodawać, a nie zmieniać ani usuwać.
themes_invalid = Podaj od 1 do 40 tematów, każdy z unikalnym identyfikatorem (slug) i etykietą.
count_invalid = count musi być liczbą całkowitą od 1 do 10000.
retention_invalid = retention_periods musi być liczbą całkowitą od 1 do 520.
days_to_answer_invalid = days_to_answer musi być liczbą całkowitą od 1 do 365.
rules_invalid = Zasady ujawniania są nieprawidłowe. rounding_base musi wynosić od 1 do 1000; min_period musi wynosić co najmniej dwa razy min_group minus jeden.
rules_loosened = Runda jest otwarta, więc jej zasady ujawniania (min_group, rounding_base, min_period) można tylko zaostrzyć, nigdy złagodzić.
language_unknown = language musi być jednym z języków, w których działa ta usługa: { $languages }.

## Requests

invalid_request = Żądanie jest nieprawidłowe.
round_unknown = Pod tym adresem nie ma rundy opinii.
organisation_unknown = Pod tym adresem nie ma organizacji.
not_found = Pod tym adresem nic nie ma.
method_not_allowed = Ten adres odpowiada tylko na { $allow }.
period_not_sealed = Ten okres nie został zamknięty: potwierdzenia są wypisywane dopiero po zakończeniu okresu.
checkpoint_invalid = Wyślij współpodpisany punkt kontrolny jako podpisaną notatkę (c2sp.org/signed-note).
checkpoint_unknown = Ten rejestr nie podpisał punktu kontrolnego o takiej treści.
cosignature_invalid = Żaden współpodpis świadka, którego ten serwer przyjmuje, nie jest poprawny (albo podpis takiego świadka jest błędny): nic nie zostało zapisane.
token_required = Wyślij kod papierowy z karty w polu "code" albo token Privacy Pass w nagłówku Authorization: nagłówek WWW-Authenticate mówi, jaki token przyjmuje ta runda.
token_invalid = Tego tokenu nie można tu użyć. Nic nie zostało zapisane. Nagłówek WWW-Authenticate mówi, jaki token przyjmuje ta runda.
token_spent = Ten token został już użyty. Każdego tokenu można użyć jeden raz.
credentials_conflict = Wyślij kod papierowy albo token, nie oba naraz.
invitation_unknown = Nie rozpoznajemy tego zaproszenia. Sprawdź, czy skopiowano cały link.
invitation_used = To zaproszenie zostało już wykorzystane do pobrania wszystkich tokenów, które daje. Jeśli nie wiesz, kto go użył, powiedz o tym osobie, która cię zaprosiła.
token_request_invalid = Żądanie tokenu jest nieprawidłowe.
already_exists = { $what ->
    [round] Taka runda już istnieje.
    [organisation] Taka organizacja już istnieje.
    [user] Taki użytkownik już istnieje.
    [decision] Decyzja w tej sprawie została już podjęta.
   *[other] To już istnieje.
}
unauthorized = Wyślij ważny token w nagłówku Authorization.
unsupported_media_type = Wyślij treść jako { $expected }.
payload_too_large = Treść jest za duża: wyślij najwyżej { $limit } bajtów.
uri_too_long = Adres strony jest za długi: najwyżej { $limit } znaków.
path_not_canonical = Ten adres strony nie jest zapisany w zwykłej postaci. Wpisz go ponownie bez znaków procentu (%), podwójnych ukośników, ukośnika na końcu i części „.” lub „..”, albo użyj otrzymanego linku. Nic nie zostało wysłane.
headers_too_large = Nagłówki żądania są za duże: najwyżej { $limit } bajtów.
request_timeout = Żądanie docierało zbyt długo. Nic nie zostało zapisane; wyślij je ponownie.
invalid_utf8 = Treść nie jest poprawnym tekstem UTF-8.
invalid_json = Treść nie jest oczekiwanym dokumentem JSON.
invalid_query = Zapytanie jest nieprawidłowe.
busy = Usługa jest zajęta. Nic nie zostało zapisane; spróbuj ponownie za chwilę.
rate_limited = Zbyt wiele żądań w krótkim czasie. Nic nie zostało zapisane i żaden kod nie został użyty; spróbuj ponownie za { $seconds } { $seconds ->
    [one] sekundę
    [few] sekundy
   *[other] sekund
}.
unavailable = Usługa nie może teraz niczego zapisać. Nic nie zostało zapisane; spróbuj ponownie później.
internal = Coś poszło nie tak po naszej stronie. Nic nie zostało zapisane.

## Quotes, responses and pledges

period_not_published = Ten okres tej rundy nie ma opublikowanego podsumowania.
text_invalid = text musi mieć od 1 do { $max } znaków, bez znaków sterujących innych niż podziały wierszy.
translation_invalid = translations.{ $language } musi mieć od 1 do { $max } znaków, bez znaków sterujących innych niż podziały wierszy.
status_invalid = status musi mieć jedną z wartości: planned, in_progress, done, dropped.
reason_required = Porzucone zobowiązanie wymaga powodu: podaj go w polu "reason".
decision_invalid = decision musi mieć wartość approve, edit (z polem "text") lub reject (z polem "reason").
reason_unknown = reason musi mieć jedną z wartości: { $reasons }.
quote_decided = W sprawie tego cytatu już zdecydowano.
quote_unknown = Nie ma oczekującego cytatu o tym identyfikatorze.
pledge_unknown = Ta organizacja nie ma zobowiązania o tym identyfikatorze.

## Questions (issue 20): a host's questions, a participant's answers

questions_too_many = { $field }: runda może zadać najwyżej { $most } pytań; ta lista ma { $given }.
question_id_invalid = { $field }: identyfikator musi mieć od 1 do 40 znaków: małe litery od a do z, cyfry i pojedyncze łączniki, zaczynać się od litery.
question_id_repeated = { $field }: inne pytanie tej rundy ma ten sam identyfikator.
question_kind_invalid = { $field }: rodzaj musi mieć wartość "scale", "choice" lub "multi".
question_prompt_invalid = { $field }: treść pytania musi mieć od 1 do { $max } znaków, bez znaków sterujących.
question_hint_invalid = { $field }: podpowiedź może mieć najwyżej { $max } znaków, bez znaków sterujących.
question_options_invalid = { $field }: podaj od { $min } do { $max } odpowiedzi do wyboru.
option_id_invalid = { $field }: identyfikator odpowiedzi musi mieć od 1 do 40 znaków: małe litery od a do z, cyfry i pojedyncze łączniki, zaczynać się od litery.
option_id_repeated = { $field }: inna odpowiedź tego pytania ma ten sam identyfikator.
option_label_invalid = { $field }: etykieta musi mieć od 1 do { $max } znaków, bez znaków sterujących.
option_easy_read_invalid = { $field }: etykieta w wersji łatwej do czytania może mieć najwyżej { $max } znaków, bez znaków sterujących.
question_max_invalid = { $options ->
    [0] { $field }: max dotyczy tylko pytań "multi": skala lub wybór przyjmuje jedną odpowiedź.
   *[other] { $field }: max musi być liczbą całkowitą od 2 do liczby odpowiedzi ({ $options }).
}
questions_locked = { $field }: runda jest otwarta, więc w pytaniach można tylko poprawić brzmienie (treść, podpowiedź i etykiety); identyfikatory, rodzaje, odpowiedzi, ich kolejność i to, czy odpowiedź jest wymagana, pozostają bez zmian.
answers_without_text_locked = { $field }: runda jest otwarta, więc to, czy można wysłać odpowiedzi bez pisania tekstu, pozostaje bez zmian.
answer_question_unknown = answers: ta runda nie zadaje pytania o identyfikatorze "{ $question }".
answer_option_unknown = answers.{ $question }: wybierz spośród odpowiedzi tego pytania, według ich identyfikatorów.
answer_too_many = { $max ->
    [1] answers.{ $question }: wybierz tylko jedną odpowiedź.
   *[other] answers.{ $question }: wybierz najwyżej { $max } odpowiedzi.
}
answer_missing = answers.{ $question }: to pytanie wymaga odpowiedzi.

## The console (its pages say these on the form's own fields)

account_invalid = Dane konta są nieprawidłowe.
setup_closed = Konsola jest już skonfigurowana: zamiast tego zaloguj się.
own_role = Nie możesz zmienić własnej roli.
own_account = Nie możesz usunąć własnego konta.
other_organisation = To należy do innej organizacji.
period_too_small_to_close = W tym okresie jest za mało uwag, żeby zamknąć go wcześniej: potrzeba co najmniej { $min }. Zamknie się na końcu.
period_closed_early_already = Okres tej rundy został już raz zamknięty wcześniej. Jego reszta zamknie się w zwykłym terminie.
period_just_begun = Ten okres zaczął się dzisiaj, więc nie można go jeszcze zamknąć wcześniej. Można to zrobić od jutra.
