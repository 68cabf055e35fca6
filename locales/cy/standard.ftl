# Parrhesia yn Gymraeg, iaith glir. Mae gan y ffeil hon yn union yr un
# allweddi a'r un dadleuon ag en/standard.ftl (mae prawf uned yn gwirio).
# Angen ei gwirio gan siaradwr Cymraeg brodorol (language-review).

## The page frame

service-name = Parrhesia
tagline = dweud eich barn yn onest, yn ddiogel
skip-link = Neidio i'r prif gynnwys
title-suffix = Parrhesia
error-title-prefix = Gwall:
footer-privacy = Nid yw Parrhesia yn cofnodi pwy ydych chi. Nid yw'n cadw cyfeiriadau, cwcis nac union amseroedd.
footer-privacy-console-sign-in = Mae tudalennau staff yn defnyddio un cwci, dim ond i'ch mewngofnodi'n ddiogel a'ch cadw wedi mewngofnodi. Nid yw tudalennau'r bobl sy'n rhoi adborth yn defnyddio dim, ac nid yw Parrhesia yn cadw cyfeiriadau nac union amseroedd.
footer-helping = Rwy'n helpu rhywun
footer-accessibility = Hygyrchedd
footer-paper = Ffurflenni papur
easy-read-link = Fersiwn Hawdd ei Ddeall
standard-link = Fersiwn safonol
error-summary-title = Mae problem
error-hidden-prefix = Gwall:

## Languages: each file names its own language, in itself

language-name = Cymraeg
language-switcher = Iaith
language-review = needed
list-separator = {", "}
thousands-separator = ,

## Words we use (shown on Easy Read pages and the helping page)

glossary-title = Geiriau rydyn ni'n eu defnyddio
glossary-code = Cod
glossary-code-means = Cymysgedd o lythrennau a rhifau wedi'u hargraffu ar gerdyn. Mae'n gadael i chi anfon un sylw. Nid yw'n dweud pwy ydych chi.
glossary-theme = Thema
glossary-theme-means = Beth yw pwnc eich sylw, fel bwyd neu staff. Mae themâu yn gadael i ni gyfrif beth mae pobl yn ei godi.
glossary-anonymous = Dienw
glossary-anonymous-means = Does neb yn gallu dweud pwy ydych chi. Nid ni, ac nid y sefydliad.

## Pictures (text alternatives)


## Home page

home-title = Dywedwch wrth sefydliadau beth rydych chi wir yn ei feddwl
home-lead = Mae Parrhesia yn gadael i chi ddweud wrth ddarparwr gofal, cyngor neu elusen beth sydd o'i le, heb i neb wybod mai chi oedd yno.
home-code = I gymryd rhan mae angen cod arnoch chi. Mae wedi'i argraffu ar gerdyn, neu gall rhywun sy'n eich cefnogi roi un i chi. Mae'r cerdyn hefyd yn dangos y cyfeiriad gwe i'w ddefnyddio.
home-what-happens = Beth sy'n digwydd i'r hyn rydych chi'n ei ysgrifennu
home-no-name = Dydyn ni byth yn gofyn am eich enw.
home-no-address = Dydyn ni ddim yn cadw eich cyfeiriad rhyngrwyd nac unrhyw gwcis.
home-groups = Mae sylwadau'n cael eu cyfrif mewn grwpiau. Dydy grwpiau bach byth yn cael eu dangos, felly does neb yn gallu gweithio allan pwy ddywedodd beth.
home-helping = Yn helpu rhywun arall i gymryd rhan? Darllenwch ein canllawiau i helpwyr.

## The round page: information in advance, then the form

period-noun = { $weeks ->
    [one] wythnos
   *[other] cyfnod o { $weeks } wythnos
}
before-title = Cyn i chi ddechrau
before-no-name = Dydych chi ddim yn rhoi eich enw. Dydyn ni ddim yn cadw eich cyfeiriad rhyngrwyd, cwcis na'r union amser rydych chi'n ysgrifennu.
before-who-sees = Mae eich geiriau'n cael eu gweld gan y bobl sy'n rhedeg y gwasanaeth hwn. Mae { $org } yn gweld faint o bobl ddewisodd bob thema.
before-when = Dim ond ar ôl i bob { $period } ddod i ben mae rhifau'n cael eu dangos, a dim ond ar gyfer grwpiau o { $k } o bobl neu fwy, felly does neb yn gallu gweithio allan pwy ddywedodd beth.
before-names = Peidiwch ag ysgrifennu eich enw, nac enwau pobl eraill, oni bai eich bod chi eisiau.
form-paper = Gallwch chi hefyd lenwi ffurflen bapur
form-helping = Yn teipio hwn ar ran rhywun arall? Darllenwch y canllawiau i helpwyr
code-label = Eich cod
code-hint = Mae wedi'i argraffu ar eich cerdyn, fel { $example }. Mae priflythrennau neu lythrennau bach yn iawn.
themes-legend = Am beth mae e?
themes-hint = Dewiswch 1, 2 neu { $max } thema.
text-label = Beth ydych chi eisiau ei ddweud wrth { $org }?
text-hint = Ysgrifennwch mewn unrhyw iaith, hyd at 5,000 o nodau. Gadewch allan enwau a manylion a allai ddangos pwy ydych chi neu rywun arall.
quote-label = Caiff { $org } ddyfynnu fy ngeiriau
quote-consent-hint = Dim ond os ydych chi'n ticio hwn. Mae person yn darllen pob dyfyniad cyn ei rannu ac yn tynnu allan unrhyw beth a allai ddangos pwy ydych chi neu rywun arall. Mae cyfrifiadur yn tynnu allan yr enwau a'r manylion y mae'n eu hadnabod yn gyntaf, ond gall golli rhai.

## Problems with what was sent (the form shows them again)

error-code_missing = Rhowch y cod sydd ar eich cerdyn.
error-code_invalid = Nid yw'r cod hwn yn edrych yn iawn. Gwiriwch bob llythyren a rhif ar eich cerdyn a rhowch gynnig arall arni.
error-code_unknown = Dydyn ni ddim yn adnabod y cod hwn ar gyfer y cylch adborth hwn. Gwiriwch bob llythyren a rhif ar eich cerdyn.
error-text_empty = Ysgrifennwch yr hyn rydych chi eisiau ei ddweud.
error-text_too_long = Mae'r hyn ysgrifennoch chi yn { $chars } nod o hyd. Rhaid iddo fod yn { $max } nod neu lai.
error-themes_missing = Dewiswch o leiaf un thema.
error-themes_too_many = Dewiswch ddim mwy na { $max } thema.
error-theme_unknown = Dewiswch themâu o'r rhestr.
error-too_large = Mae'r hyn anfonoch chi yn rhy hir. Byrhewch yr hyn ysgrifennoch chi a'i anfon eto.
error-unreadable = Doedd dim modd darllen rhywfaint o'r hyn anfonoch chi. Teipiwch ef eto a'i anfon.
error-wrong_form = Anfonwch eich atebion gyda'r ffurflen ar y dudalen hon.

## Confirmation

received-title = Wedi dod i law
received-stored = Mae'r hyn ysgrifennoch chi wedi cael ei gadw'n ddiogel.
received-receipt = Eich derbynneb
next-title = Beth sy'n digwydd nesaf
next-receipt = Dydy eich derbynneb ddim wedi'i chysylltu â'ch cod nac â chi. Cadwch hi os ydych chi eisiau gwirio yn nes ymlaen bod eich sylw wedi cael ei gyfrif. Does dim rhaid i chi ei chadw.
next-code-used = Does dim modd defnyddio eich cod eto.
next-another = Ysgrifennwch am rywbeth arall gyda chod arall

## Problem pages

not-found-title = Heb ddod o hyd i'r dudalen
not-found-body = Os teipioch chi'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gludoch chi ef, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.
round-unknown-title = Heb ddod o hyd i'r cylch adborth
round-unknown-body = Does dim cylch adborth yn y cyfeiriad hwn. Gwiriwch y cyfeiriad ar eich cerdyn.
service-problem-title = Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth
service-problem-body = Aeth rhywbeth o'i le ar ein hochr ni. Chafodd dim byd ei gadw a chafodd eich cod mo'i ddefnyddio. Rhowch gynnig arall arni yn nes ymlaen.
go-start = Mynd i'r dudalen gychwyn
method-not-allowed-title = All y dudalen hon ddim gwneud hynny
method-not-allowed-body = Does dim modd defnyddio'r dudalen hon yn y ffordd honno. Ewch yn ôl a rhowch gynnig arall arni, neu ewch i'r dudalen gychwyn.
too-large-title = Cais rhy fawr
too-large-body = Mae'r hyn a anfonwyd yn rhy fawr i'r gwasanaeth hwn. Chafodd dim byd ei gadw. Ewch yn ôl, byrhewch yr hyn ysgrifennoch chi a'i anfon eto.
uri-too-long-title = Cyfeiriad gwe rhy hir
uri-too-long-body = Mae'r cyfeiriad gwe hwn yn rhy hir. Gwiriwch eich bod wedi'i gopïo'n gywir.
rate-limited-title = Gormod o ymdrechion
path-not-canonical-title = Gwiriwch y cyfeiriad gwe
rate-limited-body = Bu gormod o ymdrechion o'ch cysylltiad chi mewn amser byr. Chafodd dim byd ei gadw a chafodd eich cod mo'i ddefnyddio. Arhoswch { $seconds } eiliad, yna ewch yn ôl ac anfon y ffurflen eto.

## Paper form (printed on A4)

paper-title = Ffurflen bapur: { $round }
paper-print = I argraffu, defnyddiwch orchymyn Argraffu eich porwr.
paper-for = Ar gyfer { $org }
paper-how-title = Sut i ddefnyddio'r ffurflen hon
paper-how-code = Copïwch y cod o'ch cerdyn i'r blychau. Mae pob cod yn gweithio unwaith.
paper-how-tick = Ticiwch beth yw pwnc eich sylw. Ticiwch 1, 2 neu { $max } blwch.
paper-how-write = Ysgrifennwch yr hyn rydych chi eisiau ei ddweud. Peidiwch ag ysgrifennu eich enw.
paper-how-give = Rhowch y ffurflen i berson rydych chi'n ymddiried ynddo. Bydd yn ei theipio yn { $url } gyda'ch cod. Neu teipiwch hi eich hun.
paper-how-about-you = I'r person sy'n ei theipio: ar ôl anfon, mae'r dudalen yn dangos cod ar gyfer y cwestiynau dewisol am yr awdur. Rhowch y cod iddyn nhw, neu helpwch nhw i ateb yn syth. Mae'n gweithio unwaith.
paper-code-label = Eich cod
paper-themes-label = Am beth mae e? Ticiwch 1, 2 neu { $max } blwch.
paper-text-label = Beth ydych chi eisiau ei ddweud wrth { $org }?
paper-quote-label = Caiff { $org } ddyfynnu fy ngeiriau (ticiwch os ydych chi'n cytuno)
paper-private = Peidiwch ag ysgrifennu eich enw ar y ffurflen hon. Chaiff neb sy'n ei theipio ychwanegu eich enw nac unrhyw fanylion amdanoch chi.

## Helping someone take part

helping-title = Rwy'n helpu rhywun i gymryd rhan
helping-lead = Efallai eich bod yn weithiwr cymorth, yn eiriolwr, yn ffrind neu'n berthynas. Mae'r dudalen hon yn dweud wrthych chi sut i helpu rhywun i roi adborth heb i neb wybod pwy ydyn nhw.
helping-their-words-title = Eu geiriau nhw, nid eich rhai chi
helping-their-words = Teipiwch yn union beth ysgrifennon nhw neu beth ddywedon nhw. Peidiwch ag ychwanegu eich barn eich hun. Os ydyn nhw eisiau dweud rhywbeth dydych chi ddim yn cytuno ag ef, teipiwch ef beth bynnag.
helping-code-title = Defnyddiwch eu cod nhw
helping-code = Mae angen cod ei hun ar bob person. Teipiwch y cod o'u cerdyn nhw. Mae pob cod yn gweithio unwaith, felly peidiwch â defnyddio eich cod eich hun na chod rhywun arall.
helping-leave-out-title = Beth i'w adael allan
helping-leave-out = Peidiwch ag ychwanegu eu henw, rhif eu hystafell, eu dyddiad geni nac unrhyw beth arall a allai ddangos pwy ydyn nhw. Peidiwch ag ychwanegu eich enw eich hun chwaith.
helping-nothing-recorded-title = Does dim byd yn cofnodi pwy deipiodd
helping-nothing-recorded = Nid yw Parrhesia yn cofnodi pwy deipiodd sylw, ar ba ddyfais nac ar ba union amser. Nid yw'n cadw cyfeiriadau rhyngrwyd ac nid yw'n gosod cwcis.
helping-paper-title = Ffurflenni papur
helping-paper = Mae gan bob cylch ffurflen bapur y gallwch chi ei hargraffu. Mae'r person yn ei llenwi, neu'n dweud wrthych chi beth i'w ysgrifennu. Yna rydych chi'n ei theipio gyda'u cod nhw. Wedyn rhowch y papur yn ôl iddyn nhw neu ei ddinistrio.
helping-receipt-title = Y dderbynneb
helping-receipt = Ar ôl anfon, mae'r dudalen yn dangos derbynneb. Rhowch hi i'r person, neu ei hysgrifennu ar ei gerdyn. Mae'n gadael iddyn nhw wirio yn nes ymlaen bod eu sylw wedi cael ei gyfrif.

## Accessibility statement

a11y-title = Datganiad hygyrchedd
a11y-lead = Mae'r datganiad hwn yn ymwneud â gwasanaeth Parrhesia. Rydyn ni eisiau i gynifer o bobl â phosibl allu ei ddefnyddio.
a11y-can-title = Beth gallwch chi ei wneud
a11y-can-zoom = Chwyddo hyd at 400% heb i'r testun ddiflannu oddi ar y sgrin.
a11y-can-keyboard = Defnyddio pob rhan o'r gwasanaeth gyda bysellfwrdd yn unig.
a11y-can-no-js = Defnyddio'r gwasanaeth heb JavaScript, a gyda phorwr testun yn unig.
a11y-can-reader = Defnyddio'r gwasanaeth gyda darllenydd sgrin neu feddalwedd adnabod lleferydd.
a11y-can-easy = Darllen pob tudalen i gyfranogwyr mewn fersiwn Hawdd ei Ddeall.
a11y-can-paper = Defnyddio ffurflen bapur wedi'i hargraffu, a gofyn i rywun ei theipio ar eich rhan.
a11y-gaps-title = Beth rydyn ni'n gwybod sydd ddim yn hygyrch eto
a11y-gap-test = All profion awtomatig ddim dod o hyd i bob problem. Dydy pobl anabl nac arbenigwr hygyrchedd ddim wedi profi'r gwasanaeth eto.
a11y-gap-translations = Mae'r tudalennau hefyd mewn ieithoedd eraill. Cyfieithiadau gofalus nad yw siaradwr brodorol wedi'u gwirio eto:
a11y-gap-themes = Mae enwau themâu yn cael eu gosod gan bob sefydliad, felly efallai na fyddan nhw mewn fersiwn Hawdd ei Ddeall.
a11y-contact-title = Dywedwch wrthyn ni am broblem
a11y-enforcement-title = Os nad ydych chi'n hapus â'r ateb
a11y-prepared = Cafodd y datganiad hwn ei ysgrifennu ym mis Tachwedd 2026 ac mae'n cael ei wirio bob tro mae'r gwasanaeth yn newid.

## The public digest

digest-title = Beth ddywedodd pobl wrth { $org }
digest-lead = Beth gododd pobl, fesul thema, ar gyfer pob cyfnod sydd wedi dod i ben. Mae'r themâu a godwyd fwyaf yn dod gyntaf.
digest-protect = I amddiffyn y bobl a ysgrifennodd, dim ond pan fydd digon o bobl ynddo mae rhif yn cael ei ddangos. Fel arall mae'n dweud “llai na” y rhif hwnnw. Does dim byd yn cael ei ddangos tra bod cyfnod yn dal ar agor.
digest-nothing = Does dim byd wedi cael ei gyhoeddi eto.
digest-caption = { $period } – sylwadau: { $total }
digest-theme = Thema
digest-critiques = Sylwadau
digest-fewer-than = llai na { $k }
digest-up-to-three = Gall sylw ddewis hyd at dair thema, felly gall cyfanswm y themâu fod yn fwy na nifer y sylwadau.
digest-almost-everyone = bron pawb
digest-trend = Newid
digest-trend-explained = Mae “Newid” yn cymharu pob thema â'r cyhoeddiad cynt, dim ond lle mae'r ddau yn dangos rhif.
digest-trend-up = i fyny { $n }
digest-trend-down = i lawr { $n }
digest-trend-same = dim newid
digest-trend-none = –
digest-rules = Rheolau'r cylch hwn: mae thema a godwyd gan lai na { $k } o bobl yn cael ei dangos fel “llai na { $k }”; mae thema na chafodd ei chodi gan lai na { $k } o bobl yn cael ei dangos fel “bron pawb”; mae rhifau eraill yn cael eu talgrynnu i'r { $base } agosaf. Mae cyfnod gyda llai na { $min } o sylwadau yn cael ei ddal yn ôl a'i gyhoeddi gyda'r un nesaf. Mae cyfansymiau'n cael eu dangos fel ystodau.
digest-total = Sylwadau yn y cyhoeddiad hwn: { $band }
digest-chart-title = Themâu a godwyd yn { $period }
digest-other-formats = Y crynodeb hwn mewn fformatau eraill
digest-csv = Taenlen (CSV)
digest-questions-csv = Atebion i gwestiynau (CSV)
digest-atom = Ffrwd newyddion o grynodebau newydd (Atom)
digest-json = Data ar gyfer rhaglenni (JSON)
digest-record = Ateb ar y cofnod: a gafodd pob crynodeb ei ateb, ac mewn pryd
digest-answer-open = Heb ei ateb eto (y dyddiad cau yw { $deadline }).
digest-answer-overdue = Heb ei ateb: y dyddiad cau oedd { $deadline }.
digest-answer-on-time = Atebwyd mewn pryd (y dyddiad cau oedd { $deadline }).
digest-answer-late = Atebwyd yn hwyr (y dyddiad cau oedd { $deadline }).
digest-themes-link = Themâu ar draws pob sefydliad
digest-q-heading = { $prompt }
digest-q-said = Dywedodd tua { $n } o { $of } o bobl { $labels }.
digest-q-chose = Dewisodd tua { $n } o { $of } o bobl { $labels }.
digest-q-said-some = Dywedodd tua { $n } o bobl { $labels }.
digest-q-chose-some = Dewisodd tua { $n } o bobl { $labels }.
digest-q-almost-everyone = Dywedodd bron pawb “{ $label }”.
digest-q-label = “{ $label }”
digest-q-or = { $first } neu { $second }
digest-q-answered = Pobl a atebodd: tua { $n }
digest-q-no-answer = Dim ateb
digest-q-answered-short = Wedi ateb
digest-q-not-shown = heb ei ddangos
digest-q-answer = Ateb
digest-q-people = Pobl
digest-q-period = Cyfnod
digest-q-chart-title = Atebion i “{ $prompt }”, { $period }
digest-q-trend-title = Atebion i “{ $prompt }”, ym mhob cyfnod
digest-q-caption = { $period } – pobl a atebodd: tua { $n }
digest-q-trend-caption = “{ $prompt }”: atebion ym mhob cyfnod
digest-q-multi = Roedd pobl yn gallu dewis hyd at { $max } ateb, felly gall y rhifau adio i fwy na nifer y bobl.
digest-q-withheld = Mae “heb ei ddangos” yn cuddio rhif a allai, gyda'r lleill, ddangos faint o bobl roddodd ateb prin.

## Themes across organisations

themes-title = Themâu ar draws pob sefydliad
themes-lead = Beth gododd pobl, wedi'i adio ar draws pob sefydliad. Mae pob cylch yn cyfrif gyda'i grynodeb diweddaraf a gyhoeddwyd.
themes-how = Dim ond ffigurau a gyhoeddwyd sy'n cael eu hadio. Mae thema a ddangosir fel “llai na” neu “bron pawb” yn cael ei chyfrif, nid ei hadio.
themes-no-noise = Does dim sŵn ar hap wedi cael ei ychwanegu at y cyfansymiau hyn.
themes-caption = Themâu ar draws { $n } crynodeb a gyhoeddwyd
themes-total = Cyfanswm (gyda sŵn)
themes-counted = Crynodebau sy'n dangos rhif
themes-fewer = Crynodebau gyda “llai na”
themes-almost = Crynodebau gyda “bron pawb”
themes-sources = Crynodebau a adiwyd

## Check your answers (nothing is stored yet)

check-title = Gwiriwch eich atebion cyn anfon
check-not-sent = Does dim byd wedi cael ei anfon eto a dydy eich cod ddim wedi cael ei ddefnyddio.
check-quote = Gaiff { $org } eich dyfynnu chi?
check-quote-yes = Caiff, caiff { $org } ddyfynnu fy ngeiriau.
check-quote-no = Na chaiff, peidiwch â dyfynnu fy ngeiriau.
check-send-title = Nawr anfonwch eich sylw
check-send-now = Pan fyddwch chi'n pwyso'r botwm, mae eich sylw'n cael ei gadw ac mae eich cod wedi'i ddefnyddio. Allwch chi ddim ei newid ar ôl hynny.
check-confirm = Cadarnhau ac anfon
check-change = Newid eich atebion

## The printed code card (what its holder reads)

card-step-address = Ewch i'r cyfeiriad gwe uchod.
card-step-code = Teipiwch y cod. Mae pob cod yn gweithio unwaith.
card-step-say = Dywedwch beth rydych chi'n ei feddwl. Fydd neb yn gwybod mai chi oedd yno.
card-step-paper = Dim rhyngrwyd? Gofynnwch am y ffurflen bapur.
card-token-key = Mae tocynnau ar-lein y rownd hon wedi'u llofnodi gydag allwedd { $key }.

## The invitation page (online tokens)

invite-title = Eich gwahoddiad
invite-heading = Rydych chi wedi cael gwahoddiad i roi adborth
invite-nojs-heading = Mae angen JavaScript ar y dudalen hon
invite-nojs-why = Mae eich gwahoddiad yn gweithio drwy wneud tocyn preifat y tu mewn i'ch porwr gwe, ac mae angen JavaScript ar gyfer hynny, sydd wedi'i ddiffodd neu sydd ddim ar gael yma.
invite-nojs-paper = Gallwch chi gymryd rhan gyda chod papur yn lle hynny. Gofynnwch i'r person a'ch gwahoddodd am gerdyn cod, neu gofynnwch i rywun sy'n eich cefnogi gael un.
invite-nojs-form-before = Yna ewch i
invite-nojs-form-link = y ffurflen adborth
invite-nojs-form-after = {" "}a theipio'r cod o'r cerdyn.
invite-step1-heading = Cam 1: cael eich tocyn preifat
invite-step1-how = Mae eich porwr yn gwneud tocyn ac mae'r gwasanaeth yn ei lofnodi heb ei weld. Yn nes ymlaen, does neb – dim hyd yn oed y bobl sy'n rhedeg y gwasanaeth hwn – yn gallu dweud o ba wahoddiad y daeth tocyn.
invite-step1-where = Mae'r tocyn yn cael ei gadw yn y porwr hwn yn unig, ar y ddyfais hon.
invite-get-button = Cael fy nhocyn
invite-step2-heading = Cam 2: ysgrifennu nawr, neu ddod yn ôl yn nes ymlaen
invite-wait-strong = Mae aros yn eich gwneud chi'n fwy diogel.
invite-done = Mae'r hyn ysgrifennoch chi wedi cael ei gadw'n ddiogel. Mae eich tocyn wedi cael ei ddefnyddio a'i dynnu o'r porwr hwn.

## About you (optional, unlinked; asked after sending)

about-link-lead = Gallwch chi hefyd ateb pedwar cwestiwn dewisol amdanoch chi'ch hun. Dydy eich atebion ddim wedi'u cysylltu â'r hyn ysgrifennoch chi.
about-link = Ateb cwestiynau amdanoch chi (dewisol)
about-title = Amdanoch chi
about-lead = Mae'r cwestiynau hyn yn helpu { $org } i weld a yw'n clywed gan bawb: pobl iau a hŷn, pob grŵp ethnig, pobl anabl a phobl sy'n defnyddio gofal neu gymorth.
about-skip = Mae pob cwestiwn yn ddewisol. Hepgorwch unrhyw rai dydych chi ddim eisiau eu hateb.
about-unlinked = Mae eich atebion yn cael eu cadw ar wahân i unrhyw beth ysgrifennoch chi. Does dim byd sy'n cael ei gadw yn eu cysylltu â'ch sylw, eich cod na chi.
about-mixed = Mae eich atebion yn cael eu cadw cyn gynted ag y byddwch chi'n eu hanfon, wedi'u cloi ag allwedd sy'n cael ei dinistrio unwaith y byddan nhw wedi'u cymysgu ag atebion pobl eraill (o leiaf awr yn ddiweddarach, a chyn i'r { $period } hwn ddod i ben). Ar ôl hynny, does dim byd sy'n cael ei gadw yn dangos pryd wnaethoch chi ateb na pha sylw gafodd ei ysgrifennu ychydig cyn hynny.
about-shown = Dim ond cyfansymiau mae { $org } yn eu gweld. Mae unrhyw ateb a roddwyd gan lai na { $k } o bobl yn cael ei ddangos fel "llai na { $k }".
about-age-legend = Beth yw eich oed?
about-age-under_18 = Dan 18
about-age-18_24 = 18 i 24
about-age-25_34 = 25 i 34
about-age-35_49 = 35 i 49
about-age-50_64 = 50 i 64
about-age-65_79 = 65 i 79
about-age-80_plus = 80 neu hŷn
about-ethnicity-legend = Beth yw eich grŵp ethnig?
about-ethnicity-hint = Dyma'r pum prif grŵp mae'r Swyddfa Ystadegau Gwladol yn eu defnyddio.
about-ethnicity-asian = Asiaidd neu Asiaidd Prydeinig
about-ethnicity-black = Du, Du Prydeinig, Caribïaidd neu Affricanaidd
about-ethnicity-mixed = Grwpiau ethnig cymysg neu luosog
about-ethnicity-white = Gwyn
about-ethnicity-other = Grŵp ethnig arall
about-disability-legend = Ydych chi'n ystyried eich bod yn anabl?
about-care-legend = Ydych chi'n defnyddio gwasanaethau gofal neu gymorth?
about-yes = Ydw
about-no = Nac ydw
about-prefer_not = Mae'n well gen i beidio â dweud
about-send = Anfon fy atebion
about-error = Dewiswch un o'r atebion i'r cwestiwn hwn, neu gadewch ef yn wag.
about-thanks-title = Diolch am ddweud wrthyn ni amdanoch chi'ch hun
about-thanks-body = Bydd eich atebion ond yn cael eu dangos fel cyfansymiau, gydag atebion pobl eraill.
about-code = Eich cod ar gyfer y cwestiynau amdanoch chi
about-code-hint = Mae'n gweithio unwaith, nes i'r { $period } hwn ddod i ben. Does dim byd sy'n cael ei gadw yn ei gysylltu â'ch sylw. Cadwch ef os ydych chi eisiau ateb yn nes ymlaen.
about-code-form-hint = 12 llythyren a rhif, o'r dudalen a ddywedodd fod eich sylw wedi dod i law. Nid y cod ar eich cerdyn yw e.
about-code-missing = Rhowch eich cod ar gyfer y cwestiynau amdanoch chi. Mae ar y dudalen a ddywedodd fod eich sylw wedi dod i law.
about-code-invalid = Dydy'r cod hwn ddim yn edrych yn iawn. Gwiriwch bob llythyren a rhif. Dydy'r cod ar eich cerdyn ddim yn gweithio yma.
about-code-refused = Dydy'r cod hwn ddim yn gweithio. Gwiriwch bob llythyren a rhif. Mae pob cod yn gweithio unwaith, a dim ond nes i'r cyfnod y cafodd ei roi ynddo ddod i ben.

## Beside the digest: quotes, responses, pledges, "about you" totals

voices-title = Dywedoch chi, gwnaethon ni: { $period }
voices-response = Ymateb:
voices-changed = Mae'r ymateb hwn wedi cael ei newid { $times ->
    [one] unwaith
    [two] ddwywaith
   *[other] { $times } gwaith
}. Mae pob fersiwn yn y crynodeb JSON.
voices-pledge = Addewid:
voices-pledge-step = { $status }, yn y cyfnod sy'n dechrau { $period }
voices-status-planned = Wedi'i gynllunio
voices-status-in_progress = Ar y gweill
voices-status-done = Wedi'i wneud
voices-status-dropped = Wedi'i roi heibio
voices-quotes-title = Beth ddywedodd pobl
voices-quotes-checked-hint = Wedi'u dyfynnu gyda chaniatâd yr awdur. Gwiriodd person bob dyfyniad a thynnu enwau a manylion allan cyn ei rannu. Wedi'u dangos mewn trefn ar hap.
voices-about-title = Pwy atebodd y cwestiynau "amdanoch chi"
voices-about-respondents = Pobl a atebodd: { $total }. Dydy'r atebion hyn ddim wedi'u cysylltu ag unrhyw sylw. Mae atebion a roddwyd gan lai na { $k } o bobl yn cael eu dangos fel "llai na { $k }".
voices-answer = Ateb
voices-people = Pobl
voices-not-answered = Heb ateb
voices-fewer-than = llai na { $k }
voices-about = tua { $n }
voices-almost-everyone = bron pawb

## Dates and periods (digests, receipts lists, pledges)

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
band-range = { $low }-{ $high }
band-more = { $low } neu fwy

## The default themes: each label, and the line that explains it

theme-whose-voices = Lleisiau pwy sy'n cael eu clywed
theme-whose-voices-hint = Pwy sy'n cael eu holi a'u clywed, a phwy sy'n cael eu gadael allan.
theme-money-and-time = Arian, amser ac adnoddau
theme-money-and-time-hint = Dim digon o arian, staff nac amser i wneud pethau'n iawn.
theme-accessible-places = Lleoedd a chyfarfodydd hygyrch
theme-accessible-places-hint = Adeiladau, teithio, amseroedd a mathau o gyfarfodydd sy'n cau pobl allan.
theme-digital-access = Mynediad a hyder digidol
theme-digital-access-hint = Gwasanaethau ar-lein yn unig, dim rhyngrwyd, neu dim help i'w ddefnyddio.
theme-fear-of-consequences = Ofn codi llais
theme-fear-of-consequences-hint = Poeni y gallai cwyno gostio eich gwasanaeth neu eich cymorth i chi.
theme-risk-and-culture = Diwylliant ac ofn risg
theme-risk-and-culture-hint = Sefydliad sy'n ofni newid neu'n ofni'r bobl mae'n eu gwasanaethu.
theme-power-and-attitudes = Rhannu pŵer ac agweddau staff
theme-power-and-attitudes-hint = Gweithwyr proffesiynol sydd ddim yn rhannu penderfyniadau neu ddim yn eich parchu.
theme-leadership = Arweinyddiaeth a gweledigaeth
theme-leadership-hint = Arweinwyr sydd ddim yn gosod cyfeiriad clir nac yn cadw eu gair.
theme-policy-and-rules = Polisïau a rheolau
theme-policy-and-rules-hint = Rheolau aneglur neu ar goll am sut mae pobl yn cael eu cynnwys.
theme-meaning-of-involvement = Beth mae cydweithio yn ei olygu
theme-meaning-of-involvement-hint = Dim dealltwriaeth gyffredin o beth mae cynnwys pobl (cydgynhyrchu) yn ei olygu.
theme-information = Gwybodaeth a chyfathrebu
theme-information-hint = Peidio â chael gwybodaeth ymlaen llaw, neu mewn ffordd rydych chi'n ei deall.
theme-follow-through = Tystiolaeth a dilyn drwodd
theme-follow-through-hint = Does dim byd yn newid ar ôl i bobl godi llais, neu does neb yn gwirio.
theme-something-else = Rhywbeth arall
theme-something-else-hint = Unrhyw beth sydd ddim yn perthyn i'r themâu eraill.

## The invitation page's script: short lines it shows as it works

invite-say-no-invitation = Does dim gwahoddiad yn y ddolen hon. Agorwch y ddolen gyfan a anfonwyd atoch chi.
invite-say-making = Yn gwneud eich tocyn preifat…
invite-say-saved = Mae eich tocyn wedi'i gadw yn y porwr hwn. Gallwch chi ysgrifennu nawr, neu ddod yn ôl i'r ddolen hon yn nes ymlaen.
invite-say-make-failed = Aeth rhywbeth o'i le wrth wneud eich tocyn. Chafodd dim byd ei gadw. Rhowch gynnig arall arni yn nes ymlaen.
invite-say-not-asking = Dydy'r cylch adborth hwn ddim yn gofyn am docynnau.
invite-say-no-token = Does dim tocyn yn y porwr hwn. Mynnwch un yn gyntaf.
invite-say-sending = Yn anfon…
invite-say-received = Wedi dod i law.
invite-say-send-failed = Methu anfon. Mae eich tocyn wedi'i gadw o hyd; rhowch gynnig arall arni.
invite-say-ready = Mae eich tocyn wedi'i gadw yn y porwr hwn. Gallwch chi ysgrifennu pryd bynnag rydych chi'n barod.

## The printed code cards (the host's sheet)

cards-title = Cardiau cod: { $round }
cards-heading = Cardiau cod ar gyfer { $round }
cards-print = Argraffu'r cardiau hyn
cards-back = Yn ôl i'r rownd yn y consol
cards-intro = { $n ->
    [one] Un cerdyn.
    [two] Dau gerdyn.
   *[other] { $n } o gardiau.
} Argraffwch ar A4 a thorri ar hyd y llinellau. Mae'r codau hyn yn cael eu dangos dim ond unwaith: dim ond ffurf wedi'i sgramblo ohonyn nhw mae'r gwasanaeth yn ei chadw. Rhowch y cardiau allan ar hap, a pheidiwch ag ysgrifennu pwy gafodd pa un.

## Checking our promises (the audit pages)

audit-title = Gwiriwch ein haddewidion
audit-lead = Does dim rhaid i chi ymddiried ynon ni. Mae popeth yma yn gadael i unrhyw un wirio bod pob sylw wedi cael ei gyfrif, nad oes dim byd wedi cael ei ychwanegu na'i dynnu wedyn, a bod pawb yn gweld yr un cofnodion.
audit-receipt-title = Gwiriwch eich derbynneb
audit-receipt = Pan anfonoch chi sylw fe gawsoch chi dderbynneb, fel { $example }. Ar ôl i'ch cyfnod ddod i ben, dewch o hyd i'w rhestr isod a chwiliwch ynddi am eich derbynneb (Ctrl+F, neu lawrlwythwch y rhestr a chwilio ynddi ar eich cyfrifiadur eich hun). Dydyn ni byth yn gofyn i chi am eich derbynneb: byddai gofyn yn eich cysylltu â'ch sylw.
audit-sealed-title = Cyfnodau wedi'u selio
audit-none-sealed = Does dim cyfnod wedi cael ei selio eto.
audit-table-caption = Cyfnodau wedi'u selio gyda'u hunion gyfansymiau
audit-round = Cylch
audit-period = Cyfnod
audit-critiques = Sylwadau
audit-codes = Codau wedi'u defnyddio
audit-tokens = Tocynnau wedi'u defnyddio
audit-receipts = Derbynebau
audit-unreadable = dim modd ei ddarllen
audit-list = Rhestr
audit-download = Lawrlwytho
audit-for = ar gyfer cylch { $round }, cyfnod yn dechrau { $period }
audit-shredded = (testunau wedi'u dinistrio ar ôl y cyfnod cadw)
audit-closed-early = (wedi'i gau'n gynnar)
audit-closed-early-note = Fe wnaethon ni gau cyfnod sydd wedi'i farcio “wedi'i gau'n gynnar” cyn ei ddiwedd. Gallwn wneud hynny unwaith mewn cyfnod ar y mwyaf, a dim ond pan fydd ynddo o leiaf cymaint o sylwadau ag sydd eu hangen ar grynodeb cyhoeddedig, fel na ellir dewis neb allan. Mae'r log yn cofnodi pob cau cynnar, ac mae'r gorchymyn isod yn gwirio'r rheol hon.
audit-log-title = Y log
audit-log = Mae derbynneb pob sylw, pob crynodeb wedi'i selio a phob allwedd tocyn yn mynd i mewn i log Merkle na ellir ond ychwanegu ato (yn null RFC 9162, Certificate Transparency). Mae pob cyfnod wedi'i selio yn gorffen gyda phen coeden wedi'i lofnodi gan allwedd y log.
audit-log-key = Allwedd y log (Ed25519, base64)
audit-leaves = Dail
audit-tree-heads = Pennau coed wedi'u llofnodi
audit-verify = I wirio pob llofnod, cysondeb y log a phob cyfanswm, rhedwch y gorchymyn hwn:
audit-data = Y data y tu ôl i'r dudalen hon, ar gyfer rhaglenni: y ddogfen, ei dail a'i phroflenni.
audit-exact = Mae rhai rhifau yma yn union, hyd yn oed yn is na maint y grŵp a ddefnyddir mewn crynodebau: rhaid i archwilydd allu gwirio nad oes dim byd wedi cael ei golli. Maen nhw'n dweud faint o bobl ysgrifennodd mewn cyfnod, byth pwy nac am beth.
receipts-title = Derbynebau ar gyfer { $round }, { $period }
receipts-heading = Derbynebau ar gyfer { $period }
receipts-count = { $n ->
    [zero] Chafodd dim sylwadau eu cyfrif yn y cyfnod hwn.
    [one] Cafodd un sylw ei gyfrif yn y cyfnod hwn.
    [two] Cafodd dau sylw eu cyfrif yn y cyfnod hwn.
   *[other] Cafodd { $n } o sylwadau eu cyfrif yn y cyfnod hwn.
} Mae pob derbynneb isod, yn nhrefn yr wyddor, nid yn y drefn y cyrhaeddon nhw.
receipts-search = Chwiliwch y dudalen hon am eich derbynneb (Ctrl+F), neu lawrlwythwch y rhestr a chwilio ynddi ar eich cyfrifiadur eich hun.
receipts-download = Lawrlwytho'r rhestr
receipts-missing-title = Does dim rhestr derbynebau ar gyfer y cyfnod hwn eto
receipts-missing-body = Dim ond ar ôl i gyfnod ddod i ben a chael ei selio mae derbynebau'n cael eu rhestru. Gwiriwch y cyfnod ar y dudalen archwilio.

## Issue 18: steps named for what they do, receipts kept, digest summaries and trends

a11y-compliance = Mae'r wefan hon yn cydymffurfio'n rhannol â fersiwn 2.2 o Ganllawiau Hygyrchedd Cynnwys y We (WCAG) ar lefel AA. Mae pob tudalen yn pasio ein gwiriadau awtomatig a'n profion gyda bysellfwrdd yn unig, ond dydy arbenigwr hygyrchedd ddim wedi ei gwirio eto, a dydy pobl anabl ddim wedi ei phrofi, felly gallai fod problemau nad ydyn ni wedi dod o hyd iddyn nhw. Mae'r problemau rydyn ni'n gwybod amdanyn nhw wedi'u rhestru isod.
a11y-compliance-title = Statws cydymffurfio
a11y-contact-routes = Os dewch chi o hyd i broblem, neu os oes angen rhywbeth mewn fformat gwahanol arnoch chi, dywedwch wrth y sefydliad a roddodd eich cod neu eich gwahoddiad i chi, neu wrth y bobl sy'n rhedeg y gwasanaeth hwn ar eu rhan. Rhaid iddyn nhw ei basio ymlaen i ni. Does dim rhaid i chi ddweud pwy ydych chi.
a11y-eass = EASS: ffôn 0808 800 0082 neu ffôn testun 0808 800 0084 (am ddim), neu ewch i www.equalityadvisoryservice.com
a11y-enforcement-ehrc = Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gorfodi'r rheoliadau hygyrchedd. Os nad ydych chi'n hapus â sut y deliwyd â'ch problem, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).
a11y-gap-invite = Mae dolenni gwahoddiad angen JavaScript. Hebddo, gallwch chi gymryd rhan gyda chod papur yn lle hynny.
a11y-technical = Rydyn ni'n profi yn erbyn WCAG 2.2 ar lefel AA mewn porwr go iawn gyda gwiriadau awtomatig (axe-core), teithiau gyda bysellfwrdd yn unig, porwr testun yn unig, chwyddo i 400% a bylchau testun ychwanegol.
a11y-technical-title = Gwybodaeth dechnegol am hygyrchedd y wefan hon
before-once-check = Mae eich cod yn gweithio unwaith. Gallwch chi wirio eich atebion cyn eu hanfon. Ar ôl eu hanfon, allwch chi ddim eu newid.
check-also-hint = Efallai fod yr hyn ysgrifennoch chi hefyd yn perthyn i'r themâu hyn. Ticiwch unrhyw rai sy'n addas; does dim byd yn cael ei ychwanegu oni bai eich bod chi'n ei dicio. Gallwch chi anfon hyd at dair thema i gyd.
check-themes-also = Ychwanegu thema arall? (dewisol)
continue-button = Parhau
digest-summary-and = { $first } a { $last }
digest-summary-down = I lawr ers y cyhoeddiad blaenorol: { $themes }.
digest-summary-item = { $theme } ({ $figure })
digest-summary-list = { $first }, { $next }
digest-summary-most = Y mwyaf cyffredin: { $themes }.
digest-summary-none = Cododd llai na { $k } o bobl bob thema, felly does dim modd enwi'r un ohonyn nhw.
digest-summary-up = I fyny ers y cyhoeddiad blaenorol: { $themes }.
digest-trend-caption = Pob thema ym mhob cyhoeddiad, yr hynaf yn gyntaf
digest-trend-chart-title = Pob thema ym mhob cyhoeddiad, o { $first } i { $last }
digest-trend-heading = Pob thema dros amser
digest-trend-hidden = Heb eu tynnu, am fod llai na { $k } o bobl wedi'u codi ym mhob cyhoeddiad: { $themes }.
digest-trend-how = Mae pob llinell yn mynd o'r cyhoeddiad hynaf ar y chwith i'r mwyaf newydd ar y dde, gyda'r ffigur mwyaf newydd ar ei diwedd. Mae cylch gwag ar y llinell waelod yn golygu “llai na { $k }”: dydy e ddim yn cael ei ddangos fel rhif.
error-busy-again = Mae'r gwasanaeth yn brysur. Chafodd dim byd ei gadw a chafodd eich cod mo'i ddefnyddio. Arhoswch eiliad, yna parhewch ac anfon eich atebion eto.
error-code-used = Mae'r cod hwn wedi cael ei ddefnyddio'n barod. Os pwysoch chi'r botwm ddwywaith, cafodd eich sylw ei dderbyn y tro cyntaf a does dim byd arall i'w wneud. Os na wnaethoch chi ddefnyddio'r cod hwn, dywedwch wrth y person a'i rhoddodd i chi.
invite-check-not-sent = Does dim byd wedi cael ei anfon eto a dydy eich tocyn ddim wedi cael ei ddefnyddio.
invite-check-send-now = Pan fyddwch chi'n pwyso'r botwm, mae eich sylw'n cael ei gadw ac mae eich tocyn wedi'i ddefnyddio. Allwch chi ddim ei newid ar ôl hynny.
invite-later-same = I ysgrifennu yn nes ymlaen, agorwch y ddolen o'ch gwahoddiad eto, yn yr un porwr ar y ddyfais hon. Dim ond un tocyn y gall eich gwahoddiad ei wneud, ac mae'r tocyn yn aros yn y porwr hwn nes i chi ei ddefnyddio.
invite-say-invitation-unknown = Dydyn ni ddim yn adnabod y gwahoddiad hwn. Gwiriwch eich bod chi wedi agor y ddolen gyfan a gawsoch chi.
invite-say-invitation-used = Mae'r gwahoddiad hwn wedi gwneud ei docyn yn barod. Os gwnaethoch chi hynny yn y porwr hwn, agorwch y ddolen yn yr un porwr i ysgrifennu. Os na, gofynnwch i'r person a'ch gwahoddodd am wahoddiad newydd neu god papur.
invite-say-token-invalid = Dydy'r tocyn hwn ddim yn gweithio mwyach. Gofynnwch i'r person a'ch gwahoddodd am wahoddiad newydd neu god papur.
invite-say-token-spent = Mae'r tocyn hwn wedi cael ei ddefnyddio'n barod. Os pwysoch chi'r botwm ddwywaith, cafodd eich sylw ei dderbyn y tro cyntaf a does dim byd arall i'w wneud.
invite-wait-why-later = Os ysgrifennwch chi ar unwaith, gallai'r gwasanaeth sylwi bod tocyn wedi'i wneud a bod sylw wedi cyrraedd eiliad yn ddiweddarach. Os dewch chi'n ôl ddiwrnod arall, all neb gysylltu'r ddau.
next-counts-org = Ar ôl i'r { $period } hwn ddod i ben, bydd { $org } yn gweld faint o bobl gododd bob thema. Dydy grwpiau llai na { $k } ddim yn cael eu dangos.
paper-post = Neu postiwch hi i'r cyfeiriad hwn:
paper-post-free = Neu postiwch hi i'r cyfeiriad hwn. Does dim angen stamp arnoch chi:
paper-screen-intro-give = Argraffwch y ffurflen hon ar bapur A4. Llenwch hi â llaw, yna ei rhoi i rywun rydych chi'n ymddiried ynddo i'w theipio ar eich rhan, fel eiriolwr.
receipt-unreadable-body = Mae gan dderbynneb bum grŵp o bedair llythyren a rhif, fel 7KQ2-M9XD-4RT5-0A1B-2C3D. Chafodd dim byd ei gadw na'i newid.
receipt-unreadable-title = Does dim modd dangos y dderbynneb hon
received-keep = Cadwch eich derbynneb: ysgrifennwch hi i lawr, argraffwch y dudalen hon neu tynnwch lun ohoni. Allwn ni ddim ei dangos i chi eto, am nad ydyn ni'n gwybod pa sylw yw eich un chi.
themes-more = Dangos { $n } thema arall
themes-noise-how = Sut mae'r symiau ar hap yn cael eu dewis
themes-noise-maths = Mae'r sŵn yn dilyn y mecanwaith geometrig dwyochrog gydag ε = { $epsilon } ar gyfer pob cyhoeddiad a sensitifrwydd { $sensitivity } (mae un sylw yn cyfrif mewn { $sensitivity } thema ar y mwyaf), felly α = { $alpha }: mae newid o 1 { $alpha } gwaith mor debygol â dim newid, mae newid o 2 { $alpha } gwaith mor debygol eto, ac yn y blaen.
themes-noise-plain = Fel na all neb weithio allan ffigurau un sefydliad o'r cyfansymiau hyn, mae swm bach ar hap wedi'i ychwanegu at bob cyfanswm neu wedi'i dynnu ohono. Cafodd y swm ei ddewis unwaith ar gyfer pob crynodeb a'i gadw, felly mae'r dudalen yn dangos yr un rhifau bob tro.

## Questions beside the free text (issue 20)
question-optional = (dewisol)
question-choose-one = Dewiswch un ateb.
question-choose-up-to = Dewiswch hyd at { $max } o atebion.
paper-tick-one = Ticiwch un blwch.
paper-tick-up-to = Ticiwch hyd at { $max } o flychau.
check-not-answered = Heb ei ateb
check-change-answer = Newid
error-answer_missing = Atebwch y cwestiwn “{ $prompt }”.
error-answer_too_many = Ar gyfer “{ $prompt }”, dewiswch ddim mwy na { $max } o atebion.
error-answer_option_unknown = Ar gyfer “{ $prompt }”, dewiswch un o'r atebion a ddangosir.
error-answer_question_unknown = Anfonodd y ffurflen ateb i gwestiwn nad yw'r rownd hon yn ei ofyn. Llenwch y ffurflen eto.

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
