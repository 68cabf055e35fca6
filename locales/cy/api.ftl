# Negeseuon gwall yr API JSON, un ar gyfer pob cod gwall sefydlog.
# Angen eu gwirio gan siaradwr Cymraeg brodorol.

## Participants' answers

code_missing = Rhowch y cod sydd ar eich cerdyn.
code_invalid = Nid yw'r cod hwn yn edrych yn iawn. Gwiriwch bob llythyren a rhif ar eich cerdyn a rhowch gynnig arall arni.
code_unknown = Dydyn ni ddim yn adnabod y cod hwn ar gyfer y cylch adborth hwn. Gwiriwch bob llythyren a rhif ar eich cerdyn.
code_spent = Mae'r cod hwn wedi cael ei ddefnyddio'n barod. Os na wnaethoch chi ei ddefnyddio, dywedwch wrth y person a'i rhoddodd i chi.
about_you_code_refused = Dydy'r cod hwn ddim yn gweithio ar gyfer y cwestiynau amdanoch chi. Gwiriwch bob llythyren a rhif. Mae pob cod yn gweithio unwaith, a dim ond nes i'r cyfnod y cafodd ei roi ynddo ddod i ben.
text_empty = Ysgrifennwch yr hyn rydych chi eisiau ei ddweud.
text_too_long = Mae'r hyn ysgrifennoch chi yn { $chars } nod o hyd. Rhaid iddo fod yn { $max } nod neu lai.
themes_missing = Dewiswch o leiaf un thema.
themes_too_many = Dewiswch ddim mwy na { $max } thema.
theme_unknown = Dewiswch themâu o'r rhestr.

## Hosts' settings (the admin API)

slug_invalid = Rhaid i { $field } fod rhwng 1 a 40 nod: llythrennau bach a i z, digidau a chysylltnodau sengl, yn dechrau gyda llythyren.
field_invalid = Rhaid i { $field } fod rhwng 1 a 200 nod, heb nodau rheoli.
postal_invalid = Mae { $field } yn rhy hir neu mae ganddo nod nad oes modd ei argraffu: mae cyfeiriad post yn 8 llinell a 300 nod ar y mwyaf, a llinell radbost yn un llinell o 100 nod ar y mwyaf.
min_group_invalid = Rhaid i min_group fod yn rhif cyfan o 2 i 1000.
min_group_lowered = Mae'r cylch ar agor, felly dim ond codi mae modd ei wneud i'w faint grŵp lleiaf (mae'n { $current }).
period_invalid = Rhaid i period_weeks fod yn rhif cyfan o 1 i 13.
themes_locked = Mae'r cylch ar agor, felly dim ond ychwanegu themâu sy'n bosibl, nid eu newid na'u tynnu.
themes_invalid = Rhowch 1 i 40 thema, pob un gyda slug unigryw a label.
count_invalid = Rhaid i count fod yn rhif cyfan o 1 i 10000.
retention_invalid = Rhaid i retention_periods fod yn rhif cyfan o 1 i 520.
days_to_answer_invalid = Rhaid i days_to_answer fod yn rhif cyfan o 1 i 365.
rules_invalid = Dydy'r rheolau datgelu ddim yn ddilys. Rhaid i rounding_base fod rhwng 1 a 1000; rhaid i min_period fod o leiaf ddwywaith min_group, llai un.
rules_loosened = Mae'r cylch ar agor, felly dim ond yn llymach mae modd gwneud ei reolau datgelu (min_group, rounding_base, min_period), byth yn llacach.
language_unknown = Rhaid i language fod yn un o'r ieithoedd mae'r gwasanaeth hwn yn eu cynnig: { $languages }.

## Requests

invalid_request = Dydy'r cais ddim yn ddilys.
round_unknown = Does dim cylch adborth yn y cyfeiriad hwn.
organisation_unknown = Does dim sefydliad yn y cyfeiriad hwn.
not_found = Does dim byd yn y cyfeiriad hwn.
method_not_allowed = Dim ond { $allow } mae'r cyfeiriad hwn yn ei ateb.
period_not_sealed = Dydy'r cyfnod hwnnw ddim wedi cael ei selio: dim ond ar ôl i gyfnod ddod i ben mae derbynebau'n cael eu rhestru.
checkpoint_invalid = Anfonwch y pwynt gwirio wedi'i gydlofnodi fel nodyn wedi'i lofnodi (c2sp.org/signed-note).
checkpoint_unknown = Dydy'r log hwn ddim wedi llofnodi pwynt gwirio gyda'r testun hwnnw.
cosignature_invalid = Does dim cydlofnod gan dyst y mae'r gweinydd hwn yn ei dderbyn yn gwirio (neu mae un gan dyst o'r fath yn methu): chafodd dim byd ei gadw.
token_required = Anfonwch y cod papur o'ch cerdyn yn "code", neu docyn Privacy Pass ym mhennawd Authorization: mae pennawd WWW-Authenticate yn dweud pa docyn mae'r cylch hwn yn ei dderbyn.
token_invalid = Does dim modd defnyddio'r tocyn hwn yma. Chafodd dim byd ei gadw. Mae pennawd WWW-Authenticate yn dweud pa docyn mae'r cylch hwn yn ei dderbyn.
token_spent = Mae'r tocyn hwn wedi cael ei ddefnyddio'n barod. Mae modd defnyddio pob tocyn unwaith.
credentials_conflict = Anfonwch naill ai god papur neu docyn, nid y ddau.
invitation_unknown = Dydyn ni ddim yn adnabod y gwahoddiad hwn. Gwiriwch eich bod wedi copïo'r ddolen gyfan.
invitation_used = Mae'r gwahoddiad hwn wedi cael ei ddefnyddio'n barod ar gyfer yr holl docynnau mae'n eu rhoi. Os na wnaethoch chi ei ddefnyddio, dywedwch wrth y person a'ch gwahoddodd.
token_request_invalid = Dydy'r cais am docyn ddim yn ddilys.
already_exists = { $what ->
    [round] Mae'r cylch hwnnw'n bodoli'n barod.
    [organisation] Mae'r sefydliad hwnnw'n bodoli'n barod.
    [user] Mae'r defnyddiwr hwnnw'n bodoli'n barod.
    [decision] Mae hynny wedi cael ei benderfynu'n barod.
   *[other] Mae hynny'n bodoli'n barod.
}
unauthorized = Anfonwch docyn dilys ym mhennawd Authorization.
unsupported_media_type = Anfonwch y corff fel { $expected }.
payload_too_large = Mae'r corff yn rhy fawr: anfonwch { $limit } beit ar y mwyaf.
uri_too_long = Mae'r cyfeiriad gwe yn rhy hir: { $limit } nod ar y mwyaf.
path_not_canonical = Nid yw'r cyfeiriad gwe hwn wedi'i ysgrifennu yn ei ffurf arferol. Teipiwch ef eto heb arwyddion canran (%), slaesau dwbl neu ar y diwedd, na rhannau "." a "..", neu defnyddiwch y ddolen a gawsoch chi. Ni anfonwyd dim byd.
headers_too_large = Mae penawdau'r cais yn rhy fawr: { $limit } beit ar y mwyaf.
request_timeout = Cymerodd y cais ormod o amser i gyrraedd. Chafodd dim byd ei gadw; anfonwch ef eto.
invalid_utf8 = Dydy'r corff ddim yn destun UTF-8 dilys.
invalid_json = Dydy'r corff ddim y JSON a ddisgwylir.
invalid_query = Dydy'r ymholiad ddim yn ddilys.
busy = Mae'r gwasanaeth yn brysur. Chafodd dim byd ei gadw; rhowch gynnig arall arni mewn eiliad.
rate_limited = Gormod o geisiadau mewn amser byr. Chafodd dim byd ei gadw a chafodd dim cod ei ddefnyddio; rhowch gynnig arall arni ymhen { $seconds } eiliad.
unavailable = All y gwasanaeth ddim cadw dim byd ar hyn o bryd. Chafodd dim byd ei gadw; rhowch gynnig arall arni yn nes ymlaen.
internal = Aeth rhywbeth o'i le ar ein hochr ni. Chafodd dim byd ei gadw.

## Quotes, responses and pledges

period_not_published = Does dim crynodeb wedi'i gyhoeddi ar gyfer y cyfnod hwnnw o'r cylch hwnnw.
text_invalid = Rhaid i text fod rhwng 1 a { $max } nod, heb nodau rheoli heblaw toriadau llinell.
translation_invalid = Rhaid i translations.{ $language } fod rhwng 1 a { $max } nod, heb nodau rheoli heblaw toriadau llinell.
status_invalid = Rhaid i status fod yn un o: planned, in_progress, done, dropped.
reason_required = Mae angen rheswm ar addewid sydd wedi'i roi heibio: dywedwch pam yn "reason".
decision_invalid = Rhaid i decision fod yn approve, edit (gyda "text") neu reject (gyda "reason").
reason_unknown = Rhaid i reason fod yn un o: { $reasons }.
quote_decided = Mae'r dyfyniad hwnnw wedi cael ei benderfynu'n barod.
quote_unknown = Does dim dyfyniad yn aros gyda'r id hwnnw.
pledge_unknown = Does dim addewid gan y sefydliad hwn gyda'r id hwnnw.

## Questions (issue 20): a host's questions, a participant's answers

questions_too_many = { $field }: gall cylch ofyn { $most } cwestiwn ar y mwyaf; mae gan y rhestr hon { $given }.
question_id_invalid = { $field }: rhaid i'r id fod rhwng 1 a 40 nod: llythrennau bach a i z, digidau a chysylltnodau sengl, yn dechrau gyda llythyren.
question_id_repeated = { $field }: mae gan gwestiwn arall yn y cylch hwn yr un id.
question_kind_invalid = { $field }: rhaid i'r math fod yn "scale", "choice" neu "multi".
question_prompt_invalid = { $field }: rhaid i'r cwestiwn fod rhwng 1 a { $max } nod, heb nodau rheoli.
question_hint_invalid = { $field }: rhaid i'r awgrym fod yn { $max } nod ar y mwyaf, heb nodau rheoli.
question_options_invalid = { $field }: rhowch rhwng { $min } a { $max } dewis.
option_id_invalid = { $field }: rhaid i id y dewis fod rhwng 1 a 40 nod: llythrennau bach a i z, digidau a chysylltnodau sengl, yn dechrau gyda llythyren.
option_id_repeated = { $field }: mae gan ddewis arall yn y cwestiwn hwn yr un id.
option_label_invalid = { $field }: rhaid i'r label fod rhwng 1 a { $max } nod, heb nodau rheoli.
option_easy_read_invalid = { $field }: rhaid i'r label Hawdd ei Ddeall fod yn { $max } nod ar y mwyaf, heb nodau rheoli.
question_max_invalid = { $options ->
    [0] { $field }: dim ond ar gyfer cwestiynau "multi" mae max: mae graddfa neu ddewis yn cymryd un ateb.
   *[other] { $field }: rhaid i max fod yn rhif cyfan o 2 i nifer y dewisiadau ({ $options }).
}
questions_locked = { $field }: mae'r cylch ar agor, felly dim ond geiriad y cwestiynau mae modd ei gywiro (cwestiwn, awgrym a labeli); mae'r ids, y mathau, y dewisiadau, eu trefn ac a oes angen ateb yn aros fel y maen nhw.
answers_without_text_locked = { $field }: mae'r cylch ar agor, felly mae'r dewis a gaiff pobl anfon atebion heb ysgrifennu dim yn aros fel y mae.
answer_question_unknown = answers: dydy'r cylch hwn ddim yn gofyn cwestiwn gyda'r id "{ $question }".
answer_option_unknown = answers.{ $question }: dewiswch o ddewisiadau'r cwestiwn hwn, yn ôl eu ids.
answer_too_many = { $max ->
    [1] answers.{ $question }: dewiswch un dewis yn unig.
   *[other] answers.{ $question }: dewiswch ddim mwy na { $max } dewis.
}
answer_missing = answers.{ $question }: mae angen ateb i'r cwestiwn hwn.

## The console (its pages say these on the form's own fields)

account_invalid = Nid yw manylion y cyfrif yn ddilys.
setup_closed = Mae'r consol wedi'i osod yn barod: mewngofnodwch yn lle hynny.
own_role = Ni allwch newid eich rôl eich hun.
own_account = Ni allwch ddileu eich cyfrif eich hun.
other_organisation = Mae hynny'n perthyn i sefydliad arall.
period_too_small_to_close = Does dim digon o feirniadaethau yn y cyfnod hwn i'w gau'n gynnar: mae angen o leiaf { $min }. Bydd yn cau ar ei ddiwedd.
period_closed_early_already = Mae cyfnod y rownd hon eisoes wedi'i gau'n gynnar unwaith. Bydd y gweddill yn cau ar ei ddiwedd arferol.
period_just_begun = Dechreuodd y cyfnod hwn heddiw, felly ni ellir ei gau'n gynnar eto. Gellir ei gau'n gynnar o yfory ymlaen.
