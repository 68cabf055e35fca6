# رسائل أخطاء واجهة JSON البرمجية، رسالة لكل رمز خطأ ثابت.
# تحتاج إلى مراجعة متحدث أصلي.

## Participants' answers

code_missing = أدخل الرمز المكتوب على بطاقتك.
code_invalid = هذا الرمز لا يبدو صحيحًا. تحقق من كل حرف ورقم على بطاقتك وحاول مرة أخرى.
code_unknown = لا نعرف هذا الرمز في جولة الملاحظات هذه. تحقق من كل حرف ورقم على بطاقتك.
code_spent = هذا الرمز استُخدم من قبل. إن لم تستخدمه أنت، فأخبر الشخص الذي أعطاك إياه.
about_you_code_refused = هذا الرمز لا يعمل للأسئلة عنك. تحقّق من كل حرف ورقم. كل رمز يعمل مرة واحدة، وفقط حتى نهاية الفترة التي أُعطي فيها.
text_empty = اكتب ما تريد قوله.
text_too_long = طول ما كتبته { $chars } { $chars ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
}. يجب ألا يزيد على { $max } { $max ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
}.
themes_missing = اختر موضوعًا واحدًا على الأقل.
themes_too_many = لا تختر أكثر من { $max } { $max ->
    [few] مواضيع
    [many] موضوعًا
   *[other] موضوع
}.
theme_unknown = اختر المواضيع من القائمة.

## Hosts' settings (the admin API)

slug_invalid = يجب أن يتكون { $field } من 1 إلى 40 حرفًا: حروف لاتينية صغيرة من a إلى z، وأرقام، وشرطات مفردة، وأن يبدأ بحرف.
field_invalid = يجب أن يتكون { $field } من 1 إلى 200 حرف، دون أحرف تحكم.
postal_invalid = الحقل { $field } طويل جدًا أو فيه حرف لا يمكن طباعته: العنوان البريدي 8 أسطر و300 حرف على الأكثر، وسطر البريد المجاني سطر واحد من 100 حرف على الأكثر.
min_group_invalid = يجب أن يكون min_group عددًا صحيحًا من 2 إلى 1000.
min_group_lowered = الجولة مفتوحة، لذلك لا يمكن إلا رفع أصغر حجم للمجموعة (قيمته الحالية { $current }).
period_invalid = يجب أن يكون period_weeks عددًا صحيحًا من 1 إلى 13.
themes_locked = الجولة مفتوحة، لذلك يمكن إضافة مواضيع فقط، لا تغييرها ولا حذفها.
themes_invalid = حدّد من 1 إلى 40 موضوعًا، لكل منها معرّف (slug) فريد وتسمية.
count_invalid = يجب أن يكون count عددًا صحيحًا من 1 إلى 10000.
retention_invalid = يجب أن يكون retention_periods عددًا صحيحًا من 1 إلى 520.
days_to_answer_invalid = يجب أن يكون days_to_answer عددًا صحيحًا من 1 إلى 365.
rules_invalid = قواعد الإفصاح غير صالحة. يجب أن يكون rounding_base من 1 إلى 1000، وأن يكون min_period على الأقل ضعف min_group ناقص واحد.
rules_loosened = الجولة مفتوحة، لذلك لا يمكن جعل قواعد الإفصاح (min_group وrounding_base وmin_period) إلا أكثر صرامة، لا أكثر تساهلًا أبدًا.
language_unknown = يجب أن تكون language إحدى اللغات التي تتوفر بها هذه الخدمة: { $languages }.

## Requests

invalid_request = الطلب غير صالح.
round_unknown = لا توجد جولة ملاحظات على هذا العنوان.
organisation_unknown = لا توجد منظمة على هذا العنوان.
not_found = لا يوجد شيء على هذا العنوان.
method_not_allowed = هذا العنوان لا يستجيب إلا لـ{ $allow }.
period_not_sealed = تلك الفترة لم تُختم بعد: لا تُعرض الإيصالات إلا بعد انتهاء الفترة.
checkpoint_invalid = أرسل نقطة التحقق الموقّعة من الشهود على شكل ملاحظة موقّعة (c2sp.org/signed-note).
checkpoint_unknown = لم يوقّع هذا السجل أي نقطة تحقق بهذا النص.
cosignature_invalid = لا يصحّ أي توقيع مشترك من شاهد يقبله هذا الخادم (أو توقيع من شاهد كهذا غير صحيح): لم يُحفظ شيء.
token_required = أرسل الرمز الورقي المكتوب على بطاقتك في "code"، أو قسيمة Privacy Pass في ترويسة Authorization: ترويسة WWW-Authenticate تبيّن القسيمة التي تقبلها هذه الجولة.
token_invalid = لا يمكن استخدام هذه القسيمة هنا. لم يُحفظ شيء. ترويسة WWW-Authenticate تبيّن القسيمة التي تقبلها هذه الجولة.
token_spent = هذه القسيمة استُخدمت من قبل. يمكن استخدام كل قسيمة مرة واحدة.
credentials_conflict = أرسل رمزًا ورقيًا أو قسيمة، لا الاثنين معًا.
invitation_unknown = لا نعرف هذه الدعوة. تحقق من أنك نسخت الرابط كاملًا.
invitation_used = استُخدمت هذه الدعوة من قبل لكل القسائم التي تعطيها. إن لم تستخدمها أنت، فأخبر الشخص الذي دعاك.
token_request_invalid = طلب القسيمة غير صالح.
already_exists = { $what ->
    [round] هذه الجولة موجودة من قبل.
    [organisation] هذه المنظمة موجودة من قبل.
    [user] هذا المستخدم موجود من قبل.
    [decision] اتُّخذ قرار في هذا من قبل.
   *[other] هذا موجود من قبل.
}
unauthorized = أرسل قسيمة صالحة في ترويسة Authorization.
unsupported_media_type = أرسل المحتوى بصيغة { $expected }.
payload_too_large = المحتوى كبير جدًا: أرسل { $limit } بايت على الأكثر.
uri_too_long = عنوان الموقع طويل جدًا: { $limit } حرف على الأكثر.
path_not_canonical = عنوان الصفحة هذا غير مكتوب بصيغته المعتادة. اكتبه مرة أخرى دون علامة النسبة المئوية (%) أو الشرطات المائلة المزدوجة أو الختامية أو الأجزاء "." و".."، أو استخدم الرابط الذي أُعطي لك. لم يُرسَل شيء.
headers_too_large = ترويسات الطلب كبيرة جدًا: { $limit } بايت على الأكثر.
request_timeout = استغرق وصول الطلب وقتًا طويلًا جدًا. لم يُحفظ شيء؛ أرسله مرة أخرى.
invalid_utf8 = المحتوى ليس نصًا صالحًا بترميز UTF-8.
invalid_json = المحتوى ليس مستند JSON المتوقع.
invalid_query = الاستعلام غير صالح.
busy = الخدمة مشغولة. لم يُحفظ شيء؛ حاول مرة أخرى بعد لحظة.
rate_limited = طلبات كثيرة جدًا في وقت قصير. لم يُحفظ شيء ولم يُستخدم أي رمز؛ حاول مرة أخرى بعد { $seconds } { $seconds ->
    [one] ثانية
    [two] ثانيتين
    [few] ثوانٍ
   *[other] ثانية
}.
unavailable = لا تستطيع الخدمة حفظ أي شيء الآن. لم يُحفظ شيء؛ حاول مرة أخرى لاحقًا.
internal = حدث خطأ من جهتنا. لم يُحفظ شيء.

## Quotes, responses and pledges

period_not_published = لا يوجد ملخص منشور لتلك الفترة من تلك الجولة.
text_invalid = يجب أن يتكون text من 1 إلى { $max } حرف، دون أحرف تحكم غير فواصل الأسطر.
translation_invalid = يجب أن يتكون translations.{ $language } من 1 إلى { $max } حرف، دون أحرف تحكم غير فواصل الأسطر.
status_invalid = يجب أن تكون status إحدى القيم: planned، in_progress، done، dropped.
reason_required = التعهد الملغى يحتاج إلى سبب: اذكره في "reason".
decision_invalid = يجب أن تكون decision إحدى القيم approve، أو edit (مع "text")، أو reject (مع "reason").
reason_unknown = يجب أن يكون reason إحدى القيم: { $reasons }.
quote_decided = اتُّخذ قرار في هذا الاقتباس من قبل.
quote_unknown = لا يوجد اقتباس ينتظر المراجعة بهذا المعرّف.
pledge_unknown = لا يوجد تعهد لهذه المنظمة بهذا المعرّف.

## Questions (issue 20): a host's questions, a participant's answers

questions_too_many = { $field }: يمكن للجولة أن تطرح { $most } أسئلة على الأكثر؛ وفي هذه القائمة { $given }.
question_id_invalid = { $field }: يجب أن يتكون المعرّف من 1 إلى 40 حرفًا: حروف لاتينية صغيرة من a إلى z، وأرقام، وشرطات مفردة، وأن يبدأ بحرف.
question_id_repeated = { $field }: لسؤال آخر في هذه الجولة المعرّف نفسه.
question_kind_invalid = { $field }: يجب أن يكون النوع "scale" أو "choice" أو "multi".
question_prompt_invalid = { $field }: يجب أن يتكون نص السؤال من 1 إلى { $max } حرف، دون أحرف تحكم.
question_hint_invalid = { $field }: يجب ألا يزيد التلميح على { $max } حرف، دون أحرف تحكم.
question_options_invalid = { $field }: حدّد من { $min } إلى { $max } خيارات.
option_id_invalid = { $field }: يجب أن يتكون معرّف الخيار من 1 إلى 40 حرفًا: حروف لاتينية صغيرة من a إلى z، وأرقام، وشرطات مفردة، وأن يبدأ بحرف.
option_id_repeated = { $field }: لخيار آخر في هذا السؤال المعرّف نفسه.
option_label_invalid = { $field }: يجب أن تتكون التسمية من 1 إلى { $max } حرف، دون أحرف تحكم.
option_easy_read_invalid = { $field }: يجب ألا تزيد التسمية سهلة القراءة على { $max } حرف، دون أحرف تحكم.
question_max_invalid = { $options ->
    [0] { $field }: الحقل max لأسئلة "multi" فقط: المقياس أو الاختيار يأخذ إجابة واحدة.
   *[other] { $field }: يجب أن يكون max عددًا صحيحًا من 2 إلى عدد الخيارات ({ $options }).
}
questions_locked = { $field }: الجولة مفتوحة، لذلك لا يمكن إلا تصحيح صياغة الأسئلة (النص والتلميح والتسميات)؛ أما المعرّفات والأنواع والخيارات وترتيبها وكون الإجابة مطلوبة فتبقى كما هي.
answers_without_text_locked = { $field }: الجولة مفتوحة، لذلك يبقى كما هو ما إذا كان يمكن إرسال إجابات دون كتابة شيء.
answer_question_unknown = answers: لا تطرح هذه الجولة سؤالًا بالمعرّف "{ $question }".
answer_option_unknown = answers.{ $question }: اختر من خيارات هذا السؤال، بمعرّفاتها.
answer_too_many = { $max ->
    [1] answers.{ $question }: اختر خيارًا واحدًا فقط.
   *[other] answers.{ $question }: لا تختر أكثر من { $max } خيارات.
}
answer_missing = answers.{ $question }: هذا السؤال يحتاج إلى إجابة.

## The console (its pages say these on the form's own fields)

account_invalid = بيانات الحساب غير صالحة.
setup_closed = تم إعداد لوحة التحكم بالفعل: سجّل الدخول بدلًا من ذلك.
own_role = لا يمكنك تغيير دورك.
own_account = لا يمكنك حذف حسابك.
other_organisation = هذا يخص منظمة أخرى.
period_too_small_to_close = تضم هذه الفترة عددًا قليلًا جدًا من الانتقادات لإغلاقها مبكرًا: تحتاج إلى { $min } على الأقل. ستُغلق عند نهايتها.
period_closed_early_already = أُغلقت فترة هذه الجولة مبكرًا مرة واحدة من قبل. يُغلق ما تبقى منها عند نهايتها المعتادة.
period_just_begun = بدأت هذه الفترة اليوم، لذلك لا يمكن إغلاقها مبكرًا بعد. يمكن إغلاقها مبكرًا ابتداءً من الغد.
