# Parrhesia yn Gymraeg Hawdd ei Ddeall.
# Rheolau: 15 gair neu lai ym mhob brawddeg. Un syniad ym mhob brawddeg.
# Geiriau cyffredin. Mae prawf uned yn cyfrif y geiriau.
# Angen ei gwirio gan siaradwr Cymraeg brodorol (language-review).

## The page frame

service-name = Parrhesia
tagline = dweud eich barn, yn ddiogel
skip-link = Neidio i'r prif gynnwys
title-suffix = Parrhesia
error-title-prefix = Gwall:
footer-privacy = Dydyn ni ddim yn gwybod pwy ydych chi. Dydyn ni ddim yn cadw cyfeiriadau. Dydyn ni ddim yn defnyddio cwcis.
footer-privacy-console-sign-in = Mae tudalennau staff yn defnyddio un cwci i'ch mewngofnodi. Does dim cwcis ar dudalennau adborth.
footer-helping = Rwy'n helpu rhywun
footer-accessibility = Hygyrchedd
footer-paper = Ffurflenni papur
easy-read-link = Fersiwn Hawdd ei Ddeall
standard-link = Fersiwn safonol
error-summary-title = Mae angen trwsio rhywbeth
error-hidden-prefix = Gwall:

## Languages

language-name = Cymraeg
language-switcher = Iaith
language-review = needed
list-separator = {", "}
thousands-separator = ,

## Words we use

glossary-title = Geiriau rydyn ni'n eu defnyddio
glossary-code = Cod
glossary-code-means = Llythrennau a rhifau ar gerdyn. Mae angen y cod arnoch chi i anfon eich sylw.
glossary-theme = Thema
glossary-theme-means = Beth yw pwnc eich sylw. Er enghraifft, bwyd neu staff.
glossary-anonymous = Dienw
glossary-anonymous-means = Does neb yn gwybod pwy ydych chi. Nid ni. Nid y sefydliad.

## Pictures (text alternatives)


## Home page

home-title = Dywedwch beth rydych chi wir yn ei feddwl
home-lead = Gallwch chi ddweud wrth sefydliad beth sydd o'i le.
home-code = Mae angen cod arnoch chi i gymryd rhan. Mae'r cod ar gerdyn.
home-what-happens = Beth sy'n digwydd i'ch geiriau
home-no-name = Dydyn ni byth yn gofyn eich enw.
home-no-address = Dydyn ni ddim yn cadw dim byd sy'n dangos pwy ydych chi.
home-groups = Dim ond rhifau grwpiau mawr rydyn ni'n eu dangos. Wedyn does neb yn gwybod pwy ddywedodd beth.
home-helping = Ydych chi'n helpu rhywun? Darllenwch ein tudalen i helpwyr.

## The round page

period-noun = { $weeks ->
    [one] wythnos
   *[other] { $weeks } wythnos
}
before-title = Darllenwch hwn yn gyntaf
before-no-name = Dydych chi ddim yn rhoi eich enw.
before-who-sees = Mae'r bobl sy'n rhedeg y gwasanaeth hwn yn darllen eich geiriau. Mae { $org } yn gweld faint o bobl ddewisodd bob thema.
before-when = Maen nhw'n gweld y rhifau bob { $period }. Dydy grwpiau llai na { $k } o bobl ddim yn cael eu dangos.
before-names = Peidiwch ag ysgrifennu enwau.
form-paper = Cael ffurflen bapur yn lle hynny
form-helping = Ydych chi'n helpu rhywun? Darllenwch y dudalen hon
code-label = Eich cod
code-hint = Mae'r cod ar eich cerdyn. Mae'n edrych fel { $example }.
themes-legend = Am beth mae e?
themes-hint = Ticiwch 1, 2 neu { $max } blwch.
text-label = Beth ydych chi eisiau ei ddweud wrth { $org }?
text-hint = Ysgrifennwch beth rydych chi'n ei feddwl. Peidiwch ag ysgrifennu enwau.
quote-label = Caiff { $org } ddefnyddio fy ngeiriau
quote-consent-hint = Ticiwch hwn os ydych chi'n dweud ydw. Mae person yn darllen eich geiriau yn gyntaf. Maen nhw'n tynnu enwau a manylion allan.

## Problems

error-code_missing = Teipiwch y cod o'ch cerdyn.
error-code_invalid = Dydy'r cod hwn ddim yn iawn. Gwiriwch y llythrennau a'r rhifau ar eich cerdyn.
error-code_unknown = Dydyn ni ddim yn adnabod y cod hwn. Gwiriwch y llythrennau a'r rhifau ar eich cerdyn.
error-text_empty = Ysgrifennwch beth rydych chi eisiau ei ddweud.
error-text_too_long = Ysgrifennoch chi { $chars } llythyren. Gallwch chi ysgrifennu { $max } llythyren ar y mwyaf.
error-themes_missing = Ticiwch o leiaf un blwch.
error-themes_too_many = Ticiwch { $max } blwch neu lai.
error-theme_unknown = Ticiwch flychau o'r rhestr.
error-too_large = Ysgrifennoch chi ormod. Gwnewch e'n fyrrach a'i anfon eto.
error-unreadable = Doedd dim modd i ni ddarllen rhai geiriau. Teipiwch nhw eto.
error-wrong_form = Defnyddiwch y ffurflen ar y dudalen hon.

## Confirmation

received-title = Diolch
received-stored = Mae eich sylw gyda ni. Mae'n ddiogel.
received-receipt = Eich derbynneb
next-title = Beth sy'n digwydd nesaf
next-receipt = Dydy'r dderbynneb ddim yn dangos pwy ydych chi. Gallwch chi ei chadw i wirio bod eich sylw wedi'i gyfrif.
next-code-used = Allwch chi ddim defnyddio eich cod eto.
next-another = Dweud rhywbeth arall gyda chod newydd

## Problem pages

not-found-title = Allwn ni ddim dod o hyd i'r dudalen hon
not-found-body = Gwiriwch fod y cyfeiriad gwe yn iawn.
round-unknown-title = Allwn ni ddim dod o hyd i'r dudalen hon
round-unknown-body = Gwiriwch y cyfeiriad gwe ar eich cerdyn.
service-problem-title = Mae'n ddrwg gennym, aeth rhywbeth o'i le
service-problem-body = Chafodd dim byd ei gadw. Mae eich cod yn dal i weithio. Rhowch gynnig arall arni yn nes ymlaen.
go-start = Mynd i'r dudalen gychwyn
method-not-allowed-title = All y dudalen hon ddim gwneud hynny
method-not-allowed-body = Ewch yn ôl a rhowch gynnig arall arni.
too-large-title = Anfonoch chi ormod
too-large-body = Wnaethon ni ddim ei gadw. Gwnewch e'n fyrrach a'i anfon eto.
uri-too-long-title = Mae'r cyfeiriad gwe yn rhy hir
uri-too-long-body = Gwiriwch eich bod wedi copïo'r cyfeiriad gwe yn iawn.
rate-limited-title = Gormod o ymdrechion
path-not-canonical-title = Gwiriwch y cyfeiriad gwe
rate-limited-body = Wnaethon ni ddim cadw dim byd. Mae eich cod yn dal i weithio. Arhoswch { $seconds } eiliad. Yna rhowch gynnig arall arni.

## Paper form

paper-title = Ffurflen bapur: { $round }
paper-print = Defnyddiwch Argraffu yn eich porwr.
paper-for = Ar gyfer { $org }
paper-how-title = Sut i ddefnyddio'r ffurflen hon
paper-how-code = Copïwch y cod o'ch cerdyn i'r blychau.
paper-how-tick = Ticiwch beth yw pwnc eich sylw. Ticiwch 1, 2 neu { $max } blwch.
paper-how-write = Ysgrifennwch beth rydych chi'n ei feddwl. Peidiwch ag ysgrifennu eich enw.
paper-how-give = Rhowch y ffurflen i rywun rydych chi'n ymddiried ynddo. Bydd yn ei theipio yn { $url }
paper-how-about-you = I helpwyr: ar ôl anfon, mae'r dudalen yn dangos cod. Mae'r cod ar gyfer cwestiynau am y person. Rhowch y cod iddyn nhw. Neu helpwch nhw i ateb nawr.
paper-code-label = Eich cod
paper-themes-label = Am beth mae e? Ticiwch 1, 2 neu { $max } blwch.
paper-text-label = Beth ydych chi eisiau ei ddweud wrth { $org }?
paper-quote-label = Caiff { $org } ddefnyddio fy ngeiriau. Ticiwch os ydych chi'n cytuno.
paper-private = Peidiwch ag ysgrifennu eich enw ar y ffurflen hon.

## Helping someone

helping-title = Rwy'n helpu rhywun
helping-lead = Mae'r dudalen hon ar gyfer pobl sy'n helpu rhywun i roi adborth.
helping-their-words-title = Eu geiriau nhw, nid eich rhai chi
helping-their-words = Teipiwch beth ddywedon nhw. Peidiwch ag ychwanegu beth rydych chi'n ei feddwl.
helping-code-title = Defnyddiwch eu cod nhw
helping-code = Mae gan bob person ei god ei hun. Teipiwch y cod o'u cerdyn nhw.
helping-leave-out-title = Beth i'w adael allan
helping-leave-out = Peidiwch â theipio eu henw. Peidiwch â theipio eich enw chi.
helping-nothing-recorded-title = Does neb yn gwybod pwy deipiodd
helping-nothing-recorded = Dydyn ni ddim yn cadw pwy deipiodd y sylw. Dydyn ni ddim yn cadw'r union amser.
helping-paper-title = Ffurflenni papur
helping-paper = Gallwch chi argraffu ffurflen bapur. Mae'r person yn ei llenwi. Rydych chi'n ei theipio.
helping-receipt-title = Y dderbynneb
helping-receipt = Rhowch y dderbynneb i'r person. Mae'n dangos bod eu sylw wedi cyrraedd.

## Accessibility statement

a11y-title = Hygyrchedd
a11y-lead = Rydyn ni eisiau i bawb allu defnyddio'r gwasanaeth hwn.
a11y-can-title = Beth gallwch chi ei wneud
a11y-can-zoom = Gallwch chi wneud y geiriau'n fwy.
a11y-can-keyboard = Gallwch chi ddefnyddio bysellfwrdd yn unig.
a11y-can-no-js = Gallwch chi ddefnyddio porwr syml neu hen.
a11y-can-reader = Gallwch chi ddefnyddio darllenydd sgrin.
a11y-can-easy = Gallwch chi ddarllen y tudalennau mewn fersiwn Hawdd ei Ddeall.
a11y-can-paper = Gallwch chi ddefnyddio ffurflen bapur.
a11y-gaps-title = Beth sydd ddim yn dda eto
a11y-gap-test = Dydy pobl anabl ddim wedi profi'r gwasanaeth eto.
a11y-gap-translations = Mae'r tudalennau mewn ieithoedd eraill hefyd. Does neb wedi gwirio'r rhain eto:
a11y-gap-themes = Efallai na fydd rhai enwau themâu mewn fersiwn Hawdd ei Ddeall.
a11y-contact-title = Dywedwch wrthyn ni am broblem
a11y-enforcement-title = Os nad ydych chi'n hapus
a11y-prepared = Ysgrifennon ni hwn ym mis Tachwedd 2026.

## The public digest

digest-title = Beth ddywedodd pobl wrth { $org }
digest-lead = Mae'r rhifau hyn yn dangos am beth siaradodd pobl.
digest-protect = Dim ond rhifau grwpiau mawr rydyn ni'n eu dangos. Mae hyn yn cadw pobl yn ddiogel.
digest-nothing = Does dim byd i'w ddangos eto.
digest-caption = { $period }. Sylwadau: { $total }
digest-theme = Thema
digest-critiques = Sylwadau
digest-fewer-than = llai na { $k }
digest-up-to-three = Gall un sylw fod am hyd at 3 thema.
digest-almost-everyone = bron pawb
digest-trend = Newid
digest-trend-explained = Mae “Newid” yn dangos a aeth rhif i fyny neu i lawr.
digest-trend-up = i fyny { $n }
digest-trend-down = i lawr { $n }
digest-trend-same = dim newid
digest-trend-none = –
digest-rules = Dydy rhifau bach ddim yn cael eu dangos. Rydyn ni'n ysgrifennu “llai na { $k }” yn lle hynny. Weithiau mae bron pawb yn siarad am thema. Yna rydyn ni'n ysgrifennu “bron pawb”. Mae rhifau eraill yn cael eu talgrynnu i'r { $base } agosaf. Mae gan rai wythnosau lai na { $min } o sylwadau. Rydyn ni'n ychwanegu'r wythnosau hynny at yr wythnos nesaf.
digest-total = Nifer y sylwadau: { $band }
digest-chart-title = Am beth siaradodd pobl yn { $period }
digest-other-formats = Ffyrdd eraill o gael y rhifau hyn
digest-csv = Ffeil taenlen
digest-questions-csv = Ffeil taenlen o atebion i gwestiynau
digest-atom = Ffrwd newyddion
digest-json = Data ar gyfer cyfrifiaduron
digest-record = Wnaethon nhw ateb mewn pryd?
digest-answer-open = Dim ateb eto. Mae ganddyn nhw tan { $deadline }.
digest-answer-overdue = Dim ateb. Roedd ganddyn nhw tan { $deadline }.
digest-answer-on-time = Fe wnaethon nhw ateb mewn pryd. Roedd ganddyn nhw tan { $deadline }.
digest-answer-late = Fe wnaethon nhw ateb yn hwyr. Roedd ganddyn nhw tan { $deadline }.
digest-themes-link = Themâu o bob sefydliad
digest-q-heading = { $prompt }
digest-q-said = Dywedodd tua { $n } o { $of } o bobl { $labels }.
digest-q-chose = Dewisodd tua { $n } o { $of } o bobl { $labels }.
digest-q-said-some = Dywedodd tua { $n } o bobl { $labels }.
digest-q-chose-some = Dewisodd tua { $n } o bobl { $labels }.
digest-q-almost-everyone = Dywedodd bron pawb “{ $label }”.
digest-q-label = “{ $label }”
digest-q-or = { $first } neu { $second }
digest-q-answered = Nifer y bobl a atebodd: tua { $n }
digest-q-no-answer = Dim ateb
digest-q-answered-short = Wedi ateb
digest-q-not-shown = heb ei ddangos
digest-q-answer = Ateb
digest-q-people = Pobl
digest-q-period = Pryd
digest-q-chart-title = Atebion i “{ $prompt }” yn { $period }
digest-q-trend-title = Atebion i “{ $prompt }” bob tro
digest-q-caption = { $period }. Pobl a atebodd: tua { $n }
digest-q-trend-caption = “{ $prompt }”: atebion bob tro
digest-q-multi = Roedd pobl yn gallu dewis hyd at { $max } ateb. Felly gall y rhifau adio i fwy na nifer y bobl.
digest-q-withheld = Weithiau dydyn ni ddim yn dangos rhif. Mae hyn yn cadw'n ddiogel yr ychydig bobl roddodd ateb prin.

## Themes across organisations

themes-title = Themâu o bob sefydliad
themes-lead = Mae'r rhifau hyn yn adio beth ddywedodd pobl wrth bob sefydliad.
themes-how = Dim ond rhifau rydyn ni wedi'u dangos yn barod rydyn ni'n eu hadio. Dydy rhifau bach ddim yn cael eu hadio.
themes-no-noise = Wnaethon ni ddim ychwanegu rhifau ar hap.
themes-caption = Themâu o { $n } crynodeb
themes-total = Cyfanswm
themes-counted = Crynodebau gyda rhif
themes-fewer = Crynodebau gyda rhif bach
themes-almost = Crynodebau gyda bron pawb
themes-sources = Crynodebau a adiwyd gennym

## Check your answers

check-title = Gwiriwch eich atebion
check-not-sent = Dydyn ni ddim wedi anfon dim byd eto. Mae eich cod yn dal i weithio.
check-quote = Gaiff { $org } ddefnyddio eich geiriau?
check-quote-yes = Caiff, caiff { $org } ddefnyddio fy ngeiriau.
check-quote-no = Na chaiff, peidiwch â defnyddio fy ngeiriau.
check-send-title = Anfonwch eich sylw
check-send-now = Pwyswch y botwm i anfon. Allwch chi ddim ei newid ar ôl hynny.
check-confirm = Anfon
check-change = Newid fy atebion

## The printed code card

card-step-address = Ewch i'r cyfeiriad gwe uchod.
card-step-code = Teipiwch y cod. Mae'n gweithio un waith.
card-step-say = Dywedwch beth rydych chi'n ei feddwl. Fydd neb yn gwybod mai chi oedd yno.
card-step-paper = Dim rhyngrwyd? Gofynnwch am ffurflen bapur.
card-token-key = Allwedd tocynnau ar-lein: { $key }

## The invitation page (online tokens)

invite-title = Eich gwahoddiad
invite-heading = Rydych chi wedi cael gwahoddiad i ddweud beth rydych chi'n ei feddwl.
invite-nojs-heading = Mae angen JavaScript ar y dudalen hon.
invite-nojs-why = Mae angen JavaScript ar eich gwahoddiad. Mae JavaScript wedi'i ddiffodd yma.
invite-nojs-paper = Gallwch chi ddefnyddio cod papur yn lle hynny. Gofynnwch i'r person a'ch gwahoddodd am gerdyn cod.
invite-nojs-form-before = Yna ewch i
invite-nojs-form-link = y ffurflen
invite-nojs-form-after = . Teipiwch y cod o'ch cerdyn.
invite-step1-heading = Cam 1. Cael eich tocyn.
invite-step1-how = Mae eich porwr yn gwneud tocyn cyfrinachol. Does neb yn gallu ei gysylltu â'ch gwahoddiad. Dim hyd yn oed ni.
invite-step1-where = Mae'r tocyn yn aros yn y porwr hwn ar y ddyfais hon.
invite-get-button = Cael fy nhocyn
invite-step2-heading = Cam 2. Ysgrifennu nawr neu'n nes ymlaen.
invite-wait-strong = Mae aros yn eich gwneud chi'n fwy diogel.
invite-done = Rydyn ni wedi cadw'r hyn ysgrifennoch chi'n ddiogel. Mae eich tocyn wedi'i ddefnyddio.

## About you (optional, unlinked; asked after sending)

about-link-lead = Gallwch chi ateb pedwar cwestiwn arall amdanoch chi. Does dim rhaid i chi. Dydyn ni ddim yn eu cysylltu â'ch sylw.
about-link = Ateb cwestiynau amdanoch chi
about-title = Amdanoch chi
about-lead = Mae'r cwestiynau'n helpu { $org } i weld a yw pawb yn cael llais.
about-skip = Does dim rhaid i chi ateb. Gallwch chi hepgor unrhyw gwestiwn.
about-unlinked = Rydyn ni'n cadw eich atebion ar wahân i'ch sylw. Does neb yn gallu eu cysylltu.
about-mixed = Rydyn ni'n cadw eich atebion ar unwaith. Wedyn rydyn ni'n eu cymysgu gydag atebion pobl eraill. Ar ôl hynny, does neb yn gallu dweud pryd wnaethoch chi ateb.
about-shown = Dim ond cyfansymiau mae { $org } yn eu gweld. Dydy grwpiau bach o lai na { $k } o bobl ddim yn cael eu dangos.
about-age-legend = Beth yw eich oed?
about-age-under_18 = Dan 18
about-age-18_24 = 18 i 24
about-age-25_34 = 25 i 34
about-age-35_49 = 35 i 49
about-age-50_64 = 50 i 64
about-age-65_79 = 65 i 79
about-age-80_plus = 80 neu hŷn
about-ethnicity-legend = Beth yw eich grŵp ethnig?
about-ethnicity-hint = Dyma'r pum prif grŵp yn y cyfrifiad.
about-ethnicity-asian = Asiaidd neu Asiaidd Prydeinig
about-ethnicity-black = Du, Du Prydeinig, Caribïaidd neu Affricanaidd
about-ethnicity-mixed = Cymysg neu fwy nag un grŵp
about-ethnicity-white = Gwyn
about-ethnicity-other = Grŵp arall
about-disability-legend = Ydych chi'n anabl?
about-care-legend = Ydych chi'n cael gofal neu gymorth?
about-yes = Ydw
about-no = Nac ydw
about-prefer_not = Dydw i ddim eisiau dweud
about-send = Anfon fy atebion
about-error = Dewiswch un ateb. Neu gadewch e'n wag.
about-thanks-title = Diolch
about-thanks-body = Dim ond cyfansymiau rydyn ni'n eu dangos. Dydyn ni byth yn dangos eich atebion chi.
about-code = Eich cod ar gyfer y cwestiynau amdanoch chi
about-code-hint = Gallwch chi ei ddefnyddio unwaith. Mae'n stopio gweithio ar ddiwedd y { $period } hwn. Cadwch ef os ydych chi eisiau ateb wedyn.
about-code-form-hint = Mae ganddo 12 llythyren a rhif. Roedd ar y dudalen ar ôl i chi anfon eich sylw. Nid y cod ar eich cerdyn yw e.
about-code-missing = Teipiwch eich cod ar gyfer y cwestiynau hyn. Roedd ar y dudalen ar ôl i chi anfon eich sylw.
about-code-invalid = Dydy'r cod hwn ddim yn iawn. Gwiriwch bob llythyren a rhif. Dydy'r cod ar eich cerdyn ddim yn gweithio yma.
about-code-refused = Dydy'r cod hwn ddim yn gweithio. Gwiriwch bob llythyren a rhif. Mae pob cod yn gweithio unwaith. Dydy hen godau ddim yn gweithio.

## Beside the digest: quotes, responses, pledges, "about you" totals

voices-title = Dywedoch chi, gwnaethon ni: { $period }
voices-response = Ein hateb:
voices-changed = Newidion ni'r ateb hwn { $times ->
    [one] unwaith
    [two] ddwywaith
   *[other] { $times } gwaith
}. Gallwch chi weld pob fersiwn ar-lein.
voices-pledge = Ein haddewid:
voices-pledge-step = { $status }, yn yr amser sy'n dechrau { $period }
voices-status-planned = Wedi'i gynllunio
voices-status-in_progress = Wedi dechrau
voices-status-done = Wedi'i wneud
voices-status-dropped = Wedi stopio
voices-quotes-title = Beth ddywedodd pobl
voices-quotes-checked-hint = Dywedodd pobl y gallen ni rannu eu geiriau. Gwiriodd person bob dyfyniad. Tynnon nhw enwau a manylion allan.
voices-about-title = Pwy ddywedodd wrthyn ni amdanyn nhw eu hunain
voices-about-respondents = Pobl a atebodd: { $total }. Dydyn ni ddim yn cysylltu'r atebion hyn â sylwadau. Dydy grwpiau bach o lai na { $k } o bobl ddim yn cael eu dangos.
voices-answer = Ateb
voices-people = Pobl
voices-not-answered = Dim ateb
voices-fewer-than = llai na { $k }
voices-about = tua { $n }
voices-almost-everyone = bron pawb

## Dates and periods

month = { $month ->
    [1] Ionawr
    [2] Chwefror
    [3] Mawrth
    [4] Ebrill
    [5] Mai
    [6] Mehefin
    [7] Gorffennaf
    [8] Awst
    [9] Medi
    [10] Hydref
    [11] Tachwedd
   *[12] Rhagfyr
}
date = { $day } { $month } { $year }
date-range-month = { $from } i { $to } { $month }
date-range = { $from } { $from-month } i { $to } { $to-month }
date-range-years = { $from } { $from-month } { $from-year } i { $to } { $to-month } { $to-year }
period-week = Wythnos { $week }, { $year } ({ $range })
period-weeks = Wythnosau { $first } i { $last }, { $year } ({ $range })
period-dates = { $range } { $year }
band-range = rhwng { $low } a { $high }
band-more = { $low } neu fwy

## The default themes

theme-whose-voices = Lleisiau pwy sy'n cael eu clywed
theme-whose-voices-hint = Dydy rhai pobl ddim yn cael eu holi. Dydy rhai pobl ddim yn cael eu clywed.
theme-money-and-time = Arian, amser ac adnoddau
theme-money-and-time-hint = Does dim digon o arian, staff nac amser.
theme-accessible-places = Lleoedd a chyfarfodydd hygyrch
theme-accessible-places-hint = Mae'n anodd cyrraedd rhai lleoedd a chyfarfodydd. Mae'n anodd ymuno â rhai.
theme-digital-access = Mynediad a hyder digidol
theme-digital-access-hint = Mae rhai pethau ar-lein yn unig. Does gan rai pobl ddim rhyngrwyd.
theme-fear-of-consequences = Ofn codi llais
theme-fear-of-consequences-hint = Efallai eich bod yn ofni cwyno. Efallai eich bod yn poeni am golli eich cymorth.
theme-risk-and-culture = Diwylliant ac ofn risg
theme-risk-and-culture-hint = Mae'r sefydliad yn ofni newid. Efallai ei fod yn ofni'r bobl mae'n eu helpu.
theme-power-and-attitudes = Rhannu pŵer ac agweddau staff
theme-power-and-attitudes-hint = Mae staff yn gwneud penderfyniadau hebddoch chi. Dydy staff ddim yn eich parchu.
theme-leadership = Arweinyddiaeth a gweledigaeth
theme-leadership-hint = Does gan y bobl sy'n gyfrifol ddim cynllun clir. Dydyn nhw ddim yn cadw addewidion.
theme-policy-and-rules = Polisïau a rheolau
theme-policy-and-rules-hint = Dydy'r rheolau am sut gallwch chi gymryd rhan ddim yn glir.
theme-meaning-of-involvement = Beth mae cydweithio yn ei olygu
theme-meaning-of-involvement-hint = Dydy pobl ddim yn cytuno ar beth mae cydweithio yn ei olygu.
theme-information = Gwybodaeth a chyfathrebu
theme-information-hint = Dydych chi ddim yn cael gwybodaeth mewn pryd. Neu mae'n anodd ei deall.
theme-follow-through = Tystiolaeth a dilyn drwodd
theme-follow-through-hint = Does dim byd yn newid ar ôl i bobl godi llais. Does neb yn gwirio.
theme-something-else = Rhywbeth arall
theme-something-else-hint = Unrhyw beth arall rydych chi eisiau ei ddweud wrthyn nhw.

## The invitation page's script

invite-say-no-invitation = Dydy'r ddolen hon ddim yn gyflawn. Agorwch y ddolen gyfan a gawsoch chi.
invite-say-making = Yn gwneud eich tocyn…
invite-say-saved = Mae eich tocyn yn y porwr hwn. Gallwch chi ysgrifennu nawr neu'n nes ymlaen.
invite-say-make-failed = Aeth rhywbeth o'i le. Rhowch gynnig arall arni yn nes ymlaen.
invite-say-not-asking = Dydy'r ffurflen hon ddim yn defnyddio tocynnau.
invite-say-no-token = Does dim tocyn yma. Mynnwch un yn gyntaf.
invite-say-sending = Yn anfon…
invite-say-received = Mae e gyda ni.
invite-say-send-failed = Wnaeth e ddim anfon. Mae eich tocyn yn dal i weithio. Rhowch gynnig arall arni.
invite-say-ready = Mae eich tocyn yn y porwr hwn. Ysgrifennwch pan fyddwch chi'n barod.

## The printed code cards

cards-title = Cardiau cod: { $round }
cards-heading = Cardiau cod ar gyfer { $round }
cards-print = Argraffu'r cardiau hyn
cards-back = Yn ôl i'r rownd yn y consol
cards-intro = { $n ->
    [one] Un cerdyn.
    [two] Dau gerdyn.
   *[other] { $n } o gardiau.
} Argraffwch nhw ar bapur A4. Torrwch ar hyd y llinellau. Dim ond unwaith rydych chi'n gweld y codau hyn. Rhowch y cardiau allan mewn unrhyw drefn. Peidiwch ag ysgrifennu pwy gafodd pa gerdyn.

## Checking our promises

audit-title = Gwiriwch ein haddewidion
audit-lead = Does dim rhaid i chi ymddiried ynon ni. Gallwch chi wirio bod pob sylw wedi'i gyfrif.
audit-receipt-title = Gwiriwch eich derbynneb
audit-receipt = Cawsoch chi dderbynneb fel { $example }. Chwiliwch amdani yn y rhestr ar gyfer eich wythnos. Dydyn ni byth yn gofyn am eich derbynneb.
audit-sealed-title = Wythnosau wedi gorffen
audit-none-sealed = Does dim wythnos wedi gorffen eto.
audit-table-caption = Wythnosau wedi gorffen a'u rhifau
audit-round = Cylch
audit-period = Wythnos
audit-critiques = Sylwadau
audit-codes = Codau wedi'u defnyddio
audit-tokens = Tocynnau wedi'u defnyddio
audit-receipts = Derbynebau
audit-unreadable = dim modd darllen
audit-list = Rhestr
audit-download = Lawrlwytho
audit-for = ar gyfer { $round }, { $period }
audit-shredded = (cafodd y geiriau eu dileu yn nes ymlaen)
audit-closed-early = (wedi'i gau'n gynnar)
audit-closed-early-note = Weithiau rydyn ni'n cau wythnos yn gynnar. Rydyn ni'n gwneud hyn unwaith mewn wythnos ar y mwyaf. Dim ond pan fydd digon o sylwadau i gadw pawb yn ddiogel. Mae'r log yn dangos pob cau cynnar.
audit-log-title = Y cofnod
audit-log = Rydyn ni'n cadw cofnod does neb yn gallu ei newid. Mae pob derbynneb ynddo.
audit-log-key = Allwedd y cofnod
audit-leaves = Eitemau
audit-tree-heads = Gwiriadau wedi'u llofnodi
audit-verify = Gall arbenigwyr wirio'r cofnod gyda'r gorchymyn hwn:
audit-data = Data ar gyfer cyfrifiaduron:
audit-exact = Mae rhai rhifau yma yn union. Dydyn nhw byth yn dangos pwy ysgrifennodd beth.
receipts-title = Derbynebau ar gyfer { $round }, { $period }
receipts-heading = Derbynebau ar gyfer { $period }
receipts-count = { $n ->
    [zero] Wnaethon ni ddim cyfrif unrhyw sylwadau.
    [one] Cyfrifon ni un sylw.
    [two] Cyfrifon ni ddau sylw.
   *[other] Cyfrifon ni { $n } o sylwadau.
} Mae'r derbynebau yn nhrefn yr wyddor.
receipts-search = Chwiliwch am eich derbynneb ar y dudalen hon. Neu lawrlwythwch y rhestr.
receipts-download = Lawrlwytho'r rhestr
receipts-missing-title = Does dim rhestr eto
receipts-missing-body = Rydyn ni'n dangos y rhestr ar ôl i'r wythnos orffen.

## Issue 18: steps named for what they do, receipts kept, digest summaries and trends

a11y-compliance = Rydyn ni'n dilyn y rhan fwyaf o'r rheolau ar gyfer gwefannau. WCAG 2.2 AA yw enw'r rheolau. Rydyn ni'n profi pob tudalen. Dydy arbenigwr ddim wedi ei gwirio eto. Felly dim ond yn rhannol mae hi'n dilyn y rheolau.
a11y-compliance-title = Ydy hi'n dilyn y rheolau?
a11y-contact-routes = Dywedwch wrth y bobl a roddodd eich cod i chi. Byddan nhw'n dweud wrthon ni. Does dim rhaid i chi ddweud pwy ydych chi.
a11y-eass = Ffôn 0808 800 0082. Ffôn testun 0808 800 0084. Gwefan www.equalityadvisoryservice.com
a11y-enforcement-ehrc = Gall y Gwasanaeth Cynghori a Chymorth Cydraddoldeb eich helpu chi. Mae am ddim.
a11y-gap-invite = Mae dolenni gwahoddiad angen JavaScript. Gallwch chi ddefnyddio cod papur yn lle hynny.
a11y-technical = Rydyn ni'n profi pob tudalen gyda chyfrifiadur. Rydyn ni'n ei phrofi gyda bysellfwrdd yn unig hefyd.
a11y-technical-title = Sut rydyn ni'n profi
before-once-check = Dim ond un tro mae eich cod yn gweithio. Gallwch chi wirio eich atebion cyn eu hanfon.
check-also-hint = Efallai fod eich geiriau'n perthyn i'r themâu hyn hefyd. Ticiwch nhw os ydyn nhw'n addas. Gallwch chi anfon hyd at 3 thema.
check-themes-also = Ychwanegu thema arall? Does dim rhaid i chi.
continue-button = Nesaf
digest-summary-and = { $first } a { $last }
digest-summary-down = I lawr ers y tro diwethaf: { $themes }.
digest-summary-item = { $theme } ({ $figure })
digest-summary-list = { $first }, { $next }
digest-summary-most = Y mwyaf cyffredin: { $themes }.
digest-summary-none = Doedd dim digon o bobl wedi siarad am unrhyw un thema.
digest-summary-up = I fyny ers y tro diwethaf: { $themes }.
digest-trend-caption = Pob thema bob tro, yr hynaf yn gyntaf
digest-trend-chart-title = Pob thema o { $first } i { $last }
digest-trend-heading = Pob thema dros amser
digest-trend-hidden = Llai na { $k } bob tro: { $themes }.
digest-trend-how = Mae pob llinell yn dechrau gyda'r rhifau hynaf ar y chwith. Mae cylch gwag yn golygu llai na { $k } o bobl.
error-busy-again = Rydyn ni'n rhy brysur nawr. Mae eich cod yn dal i weithio. Arhoswch ychydig. Yna anfonwch eich atebion eto.
error-code-used = Mae'r cod hwn wedi cael ei ddefnyddio o'r blaen. Wnaethoch chi bwyso'r botwm ddwywaith? Yna mae eich sylw gyda ni. Does dim rhaid i chi wneud dim. Wnaethoch chi ddim defnyddio'r cod hwn? Dywedwch wrth y person a roddodd y cerdyn i chi.
invite-check-not-sent = Dydyn ni ddim wedi anfon dim byd eto. Mae eich tocyn yn dal i weithio.
invite-check-send-now = Pwyswch y botwm i anfon. Allwch chi ddim ei newid ar ôl hynny.
invite-later-same = I ysgrifennu yn nes ymlaen, agorwch ddolen eich gwahoddiad eto. Defnyddiwch yr un porwr ar yr un ddyfais.
invite-say-invitation-unknown = Dydyn ni ddim yn adnabod y gwahoddiad hwn. Agorwch y ddolen gyfan a gawsoch chi.
invite-say-invitation-used = Mae'r gwahoddiad hwn wedi cael ei ddefnyddio o'r blaen. Wnaethoch chi ei ddefnyddio yn y porwr hwn? Yna agorwch y ddolen yn y porwr hwn. Os na, gofynnwch am wahoddiad newydd.
invite-say-token-invalid = Dydy'r tocyn hwn ddim yn gweithio nawr. Gofynnwch am wahoddiad newydd neu god papur.
invite-say-token-spent = Mae'r tocyn hwn wedi cael ei ddefnyddio o'r blaen. Wnaethoch chi bwyso'r botwm ddwywaith? Yna mae eich sylw gyda ni.
invite-wait-why-later = Os ysgrifennwch chi nawr, gallen ni ddyfalu pwy a'i hysgrifennodd. Mae diwrnod arall yn fwy diogel.
next-counts-org = Mae { $org } yn gweld y rhifau bob { $period }. Dydy grwpiau llai na { $k } o bobl ddim yn cael eu dangos.
paper-post = Neu postiwch hi i:
paper-post-free = Neu postiwch hi i'r cyfeiriad hwn. Does dim angen stamp arnoch chi.
paper-screen-intro-give = Argraffwch y ffurflen hon. Llenwch hi â llaw. Rhowch hi i rywun rydych chi'n ymddiried ynddo.
receipt-unreadable-body = Mae gan dderbynneb 5 grŵp o 4 llythyren a rhif. Chafodd dim byd ei newid.
receipt-unreadable-title = Allwn ni ddim dangos y dderbynneb hon
received-keep = Cadwch eich derbynneb. Ysgrifennwch hi i lawr neu argraffwch y dudalen hon. Allwn ni ddim ei dangos eto.
themes-more = Gweld { $n } thema arall
themes-noise-how = Sut rydyn ni'n dewis y rhifau ar hap
themes-noise-maths = Epsilon yw enw un gosodiad. Mae'n { $epsilon }. Mae un sylw yn cyfrif mewn hyd at { $sensitivity } thema. Felly mae'r gosodiad alffa yn { $alpha }.
themes-noise-plain = Rydyn ni'n ychwanegu neu'n tynnu rhif bach ar hap o bob cyfanswm. Mae hyn yn cadw pobl yn ddiogel. Mae'r rhifau'n aros yr un fath bob tro.

## Questions beside the free text (issue 20)
question-optional = Does dim rhaid i chi ateb hwn.
question-choose-one = Ticiwch 1 ateb.
question-choose-up-to = Ticiwch hyd at { $max } o atebion.
paper-tick-one = Ticiwch 1 blwch.
paper-tick-up-to = Ticiwch hyd at { $max } o flychau.
check-not-answered = Dim ateb
check-change-answer = Newid
error-answer_missing = Atebwch y cwestiwn hwn: “{ $prompt }”.
error-answer_too_many = “{ $prompt }”: ticiwch { $max } ateb neu lai.
error-answer_option_unknown = “{ $prompt }”: ticiwch ateb o'r rhestr.
error-answer_question_unknown = Aeth rhywbeth o'i le gyda'r ffurflen. Llenwch hi eto.

# The default five-point scale (issue 20), from worst to best: its labels,
# then its Easy Read labels. Shown only while a round keeps the default wording.
scale-very-badly = Yn wael iawn
scale-badly = Yn wael
scale-neither = Ddim yn dda nac yn wael
scale-well = Yn dda
scale-very-well = Yn dda iawn
scale-easy-very-badly = Drwg iawn
scale-easy-badly = Drwg
scale-easy-neither = Ddim yn dda, ddim yn ddrwg
scale-easy-well = Da
scale-easy-very-well = Da iawn
