# Parrhesia بالعربية الفصحى البسيطة. لهذا الملف المفاتيح والمعاملات نفسها
# التي في en/standard.ftl تمامًا (يتحقق من ذلك اختبار).
# يحتاج إلى مراجعة متحدث أصلي (language-review).
# الأعداد: صيغ zero / one / two / few / many / other حسب قواعد CLDR للعربية.
# الأرقام والرموز والإيصالات تُكتب من اليسار إلى اليمين.

## The page frame

service-name = Parrhesia
tagline = قل رأيك بصراحة وأمان
skip-link = انتقل إلى المحتوى الرئيسي
title-suffix = Parrhesia
error-title-prefix = خطأ:
footer-privacy = لا يسجّل Parrhesia هويتك. لا يحتفظ بعناوين ولا بملفات تعريف الارتباط (كوكيز) ولا بأوقات دقيقة.
footer-privacy-console-sign-in = تستخدم صفحات الموظفين ملف تعريف ارتباط واحدًا فقط لتسجيل دخولك بأمان وإبقائك مسجّل الدخول. أما صفحات من يقدّمون ملاحظاتهم فلا تستخدم أيًّا منها، ولا يحتفظ Parrhesia بعناوين ولا بأوقات دقيقة.
footer-helping = أنا أساعد شخصًا
footer-accessibility = إمكانية الوصول
footer-paper = النماذج الورقية
easy-read-link = نسخة سهلة القراءة
standard-link = النسخة العادية
error-summary-title = هناك مشكلة
error-hidden-prefix = خطأ:

## Languages: each file names its own language, in itself

language-name = العربية
language-switcher = اللغة
language-review = needed
list-separator = {"، "}
thousands-separator = ,

## Words we use (shown on Easy Read pages and the helping page)

glossary-title = كلمات نستخدمها
glossary-code = الرمز
glossary-code-means = مجموعة من الحروف والأرقام مطبوعة على بطاقة. تتيح لك إرسال ملاحظة واحدة. لا تكشف من أنت.
glossary-theme = الموضوع
glossary-theme-means = ما تتحدث عنه ملاحظتك، مثل الطعام أو الموظفين. تساعدنا المواضيع على عدّ ما يطرحه الناس.
glossary-anonymous = مجهول الهوية
glossary-anonymous-means = لا يستطيع أحد أن يعرف من أنت. لا نحن ولا المنظمة.

## Pictures (text alternatives)


## Home page

home-title = قل للمنظمات ما تفكر فيه حقًا
home-lead = يتيح لك Parrhesia أن تخبر مقدّم الرعاية أو المجلس المحلي أو الجمعية الخيرية بما هو خطأ، دون أن يعرف أحد أنك أنت.
home-code = للمشاركة تحتاج إلى رمز. الرمز مطبوع على بطاقة، أو يمكن أن يعطيك إياه شخص يدعمك. وتبيّن البطاقة أيضًا عنوان الموقع الذي تستخدمه.
home-what-happens = ماذا يحدث لما تكتبه
home-no-name = لا نسألك عن اسمك أبدًا.
home-no-address = لا نحتفظ بعنوانك على الإنترنت ولا بأي ملفات تعريف ارتباط.
home-groups = تُعدّ الملاحظات في مجموعات. لا تُعرض المجموعات الصغيرة أبدًا، فلا يستطيع أحد أن يعرف من قال ماذا.
home-helping = هل تساعد شخصًا آخر على المشاركة؟ اقرأ إرشاداتنا للمساعدين.

## The round page: information in advance, then the form

period-noun = { $weeks ->
    [one] أسبوع
    [two] فترة أسبوعين
    [few] فترة { $weeks } أسابيع
   *[other] فترة { $weeks } أسبوعًا
}
before-title = قبل أن تبدأ
before-no-name = لا تذكر اسمك. لا نحتفظ بعنوانك على الإنترنت ولا بملفات تعريف الارتباط ولا بالوقت الدقيق الذي تكتب فيه.
before-who-sees = يرى كلماتك الأشخاص الذين يديرون هذه الخدمة. وترى منظمة { $org } عدد الأشخاص الذين اختاروا كل موضوع.
before-when = لا تُعرض الأعداد إلا بعد انتهاء كل { $period }، ولا تُعرض إلا للمجموعات التي لا يقل عدد أفرادها عن { $k }، فلا يستطيع أحد أن يعرف من قال ماذا.
before-names = لا تكتب اسمك ولا أسماء أشخاص آخرين، إلا إذا أردت ذلك.
form-paper = يمكنك أيضًا تعبئة نموذج ورقي
form-helping = هل تكتب هذا نيابة عن شخص آخر؟ اقرأ إرشادات المساعدين
code-label = رمزك
code-hint = الرمز مطبوع على بطاقتك، مثل { $example }. يمكنك كتابة الحروف كبيرة أو صغيرة.
themes-legend = عمّ تتحدث ملاحظتك؟
themes-hint = اختر موضوعًا واحدًا أو موضوعين أو { $max } { $max ->
    [few] مواضيع
    [many] موضوعًا
   *[other] موضوع
}.
text-label = ماذا تريد أن تقول لمنظمة { $org }؟
text-hint = اكتب بأي لغة، حتى 5000 حرف. لا تكتب أسماء أو تفاصيل قد تكشف هويتك أو هوية شخص آخر.
quote-label = يمكن لمنظمة { $org } أن تقتبس كلماتي
quote-consent-hint = فقط إذا وضعت علامة هنا. يقرأ شخصٌ كل اقتباس قبل مشاركته، ويحذف أي شيء قد يكشف هويتك أو هوية شخص آخر. يحذف الحاسوب أولًا الأسماء والتفاصيل التي يتعرّف عليها، لكنه قد يغفل عن بعضها.

## Problems with what was sent (the form shows them again)

error-code_missing = أدخل الرمز المكتوب على بطاقتك.
error-code_invalid = هذا الرمز لا يبدو صحيحًا. تحقق من كل حرف ورقم على بطاقتك وحاول مرة أخرى.
error-code_unknown = لا نعرف هذا الرمز في جولة الملاحظات هذه. تحقق من كل حرف ورقم على بطاقتك.
error-text_empty = اكتب ما تريد قوله.
error-text_too_long = طول ما كتبته { $chars } { $chars ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
}. يجب ألا يزيد على { $max } { $max ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
}.
error-themes_missing = اختر موضوعًا واحدًا على الأقل.
error-themes_too_many = لا تختر أكثر من { $max } { $max ->
    [few] مواضيع
    [many] موضوعًا
   *[other] موضوع
}.
error-theme_unknown = اختر المواضيع من القائمة.
error-too_large = ما أرسلته طويل جدًا. اختصر ما كتبته وأرسله مرة أخرى.
error-unreadable = تعذّرت قراءة جزء مما أرسلته. اكتبه مرة أخرى وأرسله.
error-wrong_form = أرسل إجاباتك باستخدام النموذج الموجود في هذه الصفحة.

## Confirmation

received-title = تم الاستلام
received-stored = حُفظ ما كتبته بأمان.
received-receipt = إيصالك
next-title = ماذا يحدث بعد ذلك
next-receipt = إيصالك غير مرتبط برمزك ولا بك. احتفظ به إذا أردت أن تتحقق لاحقًا من أن ملاحظتك حُسبت. لست مضطرًا للاحتفاظ به.
next-code-used = لا يمكن استخدام رمزك مرة أخرى.
next-another = اكتب عن أمر آخر برمز آخر

## Problem pages

not-found-title = الصفحة غير موجودة
not-found-body = إذا كتبت عنوان الموقع بنفسك، فتحقق من صحته. وإذا لصقته، فتحقق من أنك نسخت العنوان كاملًا.
round-unknown-title = جولة الملاحظات غير موجودة
round-unknown-body = لا توجد جولة ملاحظات على هذا العنوان. تحقق من العنوان المكتوب على بطاقتك.
service-problem-title = عذرًا، هناك مشكلة في الخدمة
service-problem-body = حدث خطأ من جهتنا. لم يُحفظ شيء ولم يُستخدم رمزك. حاول مرة أخرى لاحقًا.
go-start = اذهب إلى صفحة البداية
method-not-allowed-title = لا تستطيع هذه الصفحة فعل ذلك
method-not-allowed-body = لا يمكن استخدام هذه الصفحة بهذه الطريقة. ارجع وحاول مرة أخرى، أو اذهب إلى صفحة البداية.
too-large-title = الطلب كبير جدًا
too-large-body = ما أُرسل أكبر مما تقبله هذه الخدمة. لم يُحفظ شيء. ارجع واختصر ما كتبته ثم أرسله مرة أخرى.
uri-too-long-title = عنوان الموقع طويل جدًا
uri-too-long-body = عنوان الموقع هذا طويل جدًا. تحقق من أنك نسخته بشكل صحيح.
rate-limited-title = محاولات كثيرة جدًا
path-not-canonical-title = تحقّق من عنوان الصفحة
rate-limited-body = جاءت محاولات كثيرة جدًا من اتصالك في وقت قصير. لم يُحفظ شيء ولم يُستخدم رمزك. انتظر { $seconds } { $seconds ->
    [one] ثانية
    [two] ثانيتين
    [few] ثوانٍ
   *[other] ثانية
}، ثم ارجع وأرسل النموذج مرة أخرى.

## Paper form (printed on A4)

paper-title = النموذج الورقي: { $round }
paper-print = للطباعة، استخدم أمر «طباعة» في متصفحك.
paper-for = إلى: { $org }
paper-how-title = كيف تستخدم هذا النموذج
paper-how-code = انسخ الرمز من بطاقتك إلى المربعات. كل رمز يعمل مرة واحدة.
paper-how-tick = ضع علامة على ما تتحدث عنه ملاحظتك. ضع علامة في مربع واحد أو مربعين أو { $max } { $max ->
    [few] مربعات
    [many] مربعًا
   *[other] مربع
}.
paper-how-write = اكتب ما تريد قوله. لا تكتب اسمك.
paper-how-give = أعطِ النموذج لشخص تثق به. سيكتبه على { $url } باستخدام رمزك. أو اكتبه بنفسك.
paper-how-about-you = لمن يكتب النموذج: بعد الإرسال تُظهر الصفحة رمزًا للأسئلة الاختيارية عن كاتب الملاحظة. أعطه الرمز، أو ساعده على الإجابة فورًا. يعمل الرمز مرة واحدة.
paper-code-label = رمزك
paper-themes-label = عمّ تتحدث ملاحظتك؟ ضع علامة في مربع واحد أو مربعين أو { $max } { $max ->
    [few] مربعات
    [many] مربعًا
   *[other] مربع
}.
paper-text-label = ماذا تريد أن تقول لمنظمة { $org }؟
paper-quote-label = يمكن لمنظمة { $org } أن تقتبس كلماتي (ضع علامة إذا وافقت)
paper-private = لا تكتب اسمك على هذا النموذج. ولا يجوز لمن يكتبه عنك أن يضيف اسمك أو أي تفاصيل عنك.

## Helping someone take part

helping-title = أنا أساعد شخصًا على المشاركة
helping-lead = قد تكون عامل دعم، أو مناصرًا، أو صديقًا، أو قريبًا. تشرح لك هذه الصفحة كيف تساعد شخصًا على تقديم ملاحظاته دون أن يعرف أحد من هو.
helping-their-words-title = كلماته هو، لا كلماتك
helping-their-words = اكتب بالضبط ما كتبه أو قاله. لا تضف رأيك. وإذا أراد أن يقول شيئًا لا توافق عليه، فاكتبه على أي حال.
helping-code-title = استخدم رمزه هو
helping-code = يحتاج كل شخص إلى رمزه الخاص. اكتب الرمز المطبوع على بطاقته. كل رمز يعمل مرة واحدة، فلا تستخدم رمزك أنت ولا رمز شخص آخر.
helping-leave-out-title = ما يجب ألا تكتبه
helping-leave-out = لا تضف اسمه، ولا رقم غرفته، ولا تاريخ ميلاده، ولا أي شيء آخر قد يكشف هويته. ولا تضف اسمك أنت أيضًا.
helping-nothing-recorded-title = لا شيء يسجّل من كتب
helping-nothing-recorded = لا يسجّل Parrhesia من كتب الملاحظة، ولا على أي جهاز، ولا في أي وقت بالضبط. لا يحتفظ بعناوين الإنترنت ولا يضع ملفات تعريف ارتباط.
helping-paper-title = النماذج الورقية
helping-paper = لكل جولة نموذج ورقي يمكنك طباعته. يملؤه الشخص، أو يخبرك بما تكتبه. ثم تكتبه أنت برمزه. بعد ذلك أعِد الورقة إليه أو أتلفها.
helping-receipt-title = الإيصال
helping-receipt = بعد الإرسال تعرض الصفحة إيصالًا. أعطه للشخص، أو اكتبه على بطاقته. يتيح له الإيصال أن يتحقق لاحقًا من أن ملاحظته حُسبت.

## Accessibility statement

a11y-title = بيان إمكانية الوصول
a11y-lead = هذا البيان عن خدمة Parrhesia. نريد أن يتمكن أكبر عدد ممكن من الناس من استخدامها.
a11y-can-title = ما الذي يمكنك فعله
a11y-can-zoom = تكبير الصفحة حتى 400% دون أن يخرج النص من الشاشة.
a11y-can-keyboard = استخدام كل أجزاء الخدمة بلوحة المفاتيح وحدها.
a11y-can-no-js = استخدام الخدمة دون جافاسكربت، وبمتصفح نصي فقط.
a11y-can-reader = استخدام الخدمة بقارئ الشاشة أو ببرنامج التعرّف على الكلام.
a11y-can-easy = قراءة كل صفحات المشاركين بنسخة سهلة القراءة.
a11y-can-paper = استخدام نموذج ورقي مطبوع، وطلب أن يكتبه أحد نيابة عنك.
a11y-gaps-title = ما نعرف أنه لم يصبح متاحًا بعد
a11y-gap-test = لا تستطيع الاختبارات الآلية أن تجد كل مشكلة. لم يختبر الخدمةَ بعدُ أشخاصٌ من ذوي الإعاقة ولا خبيرٌ في إمكانية الوصول.
a11y-gap-translations = الصفحات متوفرة أيضًا بلغات أخرى. ترجمات أُعدّت بعناية لكن لم يراجعها متحدث أصلي بعد:
a11y-gap-themes = تحدد كل منظمة أسماء المواضيع، لذلك قد لا تكون بنسخة سهلة القراءة.
a11y-contact-title = أخبرنا عن مشكلة
a11y-enforcement-title = إذا لم تكن راضيًا عن الرد
a11y-prepared = كُتب هذا البيان في نوفمبر 2026، ويُراجع في كل مرة تتغير فيها الخدمة.

## The public digest

digest-title = ما قاله الناس لمنظمة { $org }
digest-lead = ما طرحه الناس، حسب الموضوع، في كل فترة انتهت. تأتي المواضيع الأكثر طرحًا أولًا.
digest-protect = لحماية من كتبوا، لا يُعرض العدد إلا إذا كان فيه عدد كافٍ من الناس. وإلا يُكتب «أقل من» ذلك العدد. لا يُعرض شيء ما دامت الفترة مفتوحة.
digest-nothing = لم يُنشر شيء بعد.
digest-caption = { $period } – الملاحظات: { $total }
digest-theme = الموضوع
digest-critiques = الملاحظات
digest-fewer-than = أقل من { $k }
digest-up-to-three = يمكن أن تختار الملاحظة الواحدة حتى ثلاثة مواضيع، لذلك قد يزيد مجموع أعداد المواضيع على عدد الملاحظات.
digest-almost-everyone = الجميع تقريبًا
digest-trend = التغيّر
digest-trend-explained = يقارن «التغيّر» كل موضوع بالنشرة السابقة، فقط حين يظهر عدد في الاثنتين.
digest-trend-up = زيادة { $n }
digest-trend-down = نقص { $n }
digest-trend-same = بلا تغيير
digest-trend-none = –
digest-rules = قواعد هذه الجولة: الموضوع الذي طرحه أقل من { $k } { $k ->
    [one] شخص
    [two] شخصين
    [few] أشخاص
    [many] شخصًا
   *[other] شخص
} يُعرض «أقل من { $k }»؛ والموضوع الذي لم يطرحه أقل من { $k } { $k ->
    [one] شخص
    [two] شخصين
    [few] أشخاص
    [many] شخصًا
   *[other] شخص
} يُعرض «الجميع تقريبًا»؛ وتُقرَّب الأعداد الأخرى إلى أقرب مضاعف للعدد { $base }. الفترة التي فيها أقل من { $min } { $min ->
    [few] ملاحظات
    [many] ملاحظةً
   *[other] ملاحظة
} تُؤجَّل وتُنشر مع الفترة التالية. وتُعرض المجاميع نطاقاتٍ.
digest-total = الملاحظات في هذه النشرة: { $band }
digest-chart-title = المواضيع المطروحة في { $period }
digest-other-formats = هذا الملخص بصيغ أخرى
digest-csv = جدول بيانات (CSV)
digest-questions-csv = الإجابات عن الأسئلة (CSV)
digest-atom = موجز أخبار بالملخصات الجديدة (Atom)
digest-json = بيانات للبرامج (JSON)
digest-record = الردود في السجل: هل تم الرد على كل ملخص، وفي الوقت المحدد
digest-answer-open = لم يتم الرد بعد (الموعد النهائي { $deadline }).
digest-answer-overdue = لم يتم الرد: كان الموعد النهائي { $deadline }.
digest-answer-on-time = تم الرد في الوقت المحدد (كان الموعد النهائي { $deadline }).
digest-answer-late = تم الرد متأخرًا (كان الموعد النهائي { $deadline }).
digest-themes-link = المواضيع في كل المنظمات
digest-q-heading = { $prompt }
digest-q-said = قال { $labels } نحو { $n } من أصل { $of }.
digest-q-chose = اختار { $labels } نحو { $n } من أصل { $of }.
digest-q-said-some = قال { $labels } نحو { $n } من الناس.
digest-q-chose-some = اختار { $labels } نحو { $n } من الناس.
digest-q-almost-everyone = قال الجميع تقريبًا «{ $label }».
digest-q-label = «{ $label }»
digest-q-or = { $first } أو { $second }
digest-q-answered = عدد من أجابوا: نحو { $n }
digest-q-no-answer = بلا إجابة
digest-q-answered-short = أجابوا
digest-q-not-shown = غير معروض
digest-q-answer = الإجابة
digest-q-people = عدد الأشخاص
digest-q-period = الفترة
digest-q-chart-title = الإجابات عن «{ $prompt }»، { $period }
digest-q-trend-title = الإجابات عن «{ $prompt }» في كل فترة
digest-q-caption = { $period } – عدد من أجابوا: نحو { $n }
digest-q-trend-caption = «{ $prompt }»: الإجابات في كل فترة
digest-q-multi = كان يمكن اختيار ما يصل إلى { $max } { $max ->
    [two] إجابتين
    [few] إجابات
    [many] إجابةً
   *[other] إجابة
}، لذلك قد يزيد مجموع الأعداد على عدد الأشخاص.
digest-q-withheld = «غير معروض» يخفي عددًا قد يكشف، مع الأعداد الأخرى، كم شخصًا أعطى إجابة نادرة.

## Themes across organisations

themes-title = المواضيع في كل المنظمات
themes-lead = ما طرحه الناس، مجموعًا في كل المنظمات. تُحسب كل جولة بآخر ملخص منشور لها.
themes-how = لا تُجمع إلا الأعداد المنشورة. الموضوع المعروض «أقل من» أو «الجميع تقريبًا» يُعدّ ولا يُجمع.
themes-no-noise = لم يُضف أي تشويش عشوائي إلى هذه المجاميع.
themes-caption = المواضيع في { $n } { $n ->
    [one] ملخص منشور
    [two] ملخصين منشورين
    [few] ملخصات منشورة
   *[other] ملخصًا منشورًا
}
themes-total = المجموع (مع التشويش)
themes-counted = ملخصات تعرض عددًا
themes-fewer = ملخصات فيها «أقل من»
themes-almost = ملخصات فيها «الجميع تقريبًا»
themes-sources = الملخصات المجموعة

## Check your answers (nothing is stored yet)

check-title = راجع إجاباتك قبل الإرسال
check-not-sent = لم يُرسل شيء بعد ولم يُستخدم رمزك.
check-quote = هل يمكن لمنظمة { $org } أن تقتبس كلامك؟
check-quote-yes = نعم، يمكن لمنظمة { $org } أن تقتبس كلماتي.
check-quote-no = لا، لا تقتبسوا كلماتي.
check-send-title = أرسل ملاحظتك الآن
check-send-now = عندما تضغط الزر، تُحفظ ملاحظتك ويُستهلك رمزك. لا يمكنك تغييرها بعد ذلك.
check-confirm = تأكيد وإرسال
check-change = غيّر إجاباتك

## The printed code card (what its holder reads)

card-step-address = اذهب إلى عنوان الموقع المكتوب أعلاه.
card-step-code = اكتب الرمز. كل رمز يعمل مرة واحدة.
card-step-say = قل ما تفكر فيه. لن يعرف أحد أنك أنت.
card-step-paper = لا يوجد إنترنت؟ اطلب النموذج الورقي.
card-token-key = القسائم الرقمية لهذه الجولة موقّعة بالمفتاح { $key }.

## The invitation page (online tokens)

invite-title = دعوتك
invite-heading = أنت مدعو لتقديم ملاحظاتك
invite-nojs-heading = تحتاج هذه الصفحة إلى جافاسكربت
invite-nojs-why = تعمل دعوتك بصنع قسيمة رقمية خاصة داخل متصفحك، وهذا يحتاج إلى جافاسكربت، وهي مطفأة أو غير متاحة هنا.
invite-nojs-paper = ما زال بإمكانك المشاركة برمز ورقي بدلًا من ذلك. اطلب بطاقة رمز من الشخص الذي دعاك، أو اطلب من شخص يدعمك أن يحصل لك على واحدة.
invite-nojs-form-before = ثم اذهب إلى
invite-nojs-form-link = نموذج الملاحظات
invite-nojs-form-after = {" "}واكتب الرمز المطبوع على البطاقة.
invite-step1-heading = الخطوة 1: احصل على قسيمتك الخاصة
invite-step1-how = يصنع متصفحك قسيمة، وتوقّعها الخدمة دون أن تراها. لاحقًا لا يستطيع أحد – ولا حتى من يديرون هذه الخدمة – أن يعرف من أي دعوة جاءت القسيمة.
invite-step1-where = تُحفظ القسيمة في هذا المتصفح فقط، على هذا الجهاز.
invite-get-button = احصل على قسيمتي
invite-step2-heading = الخطوة 2: اكتب الآن، أو عُد لاحقًا
invite-wait-strong = الانتظار يجعلك أكثر أمانًا.
invite-done = حُفظ ما كتبته بأمان. استُخدمت قسيمتك وأُزيلت من هذا المتصفح.

## About you (optional, unlinked; asked after sending)

about-link-lead = يمكنك أيضًا الإجابة عن أربعة أسئلة اختيارية عن نفسك. إجاباتك غير مرتبطة بما كتبته.
about-link = أجب عن أسئلة عنك (اختياري)
about-title = عنك
about-lead = تساعد هذه الأسئلة منظمة { $org } على معرفة ما إذا كانت تسمع من الجميع: الأصغر سنًا والأكبر سنًا، وكل المجموعات العرقية، وذوي الإعاقة، ومن يستخدمون خدمات الرعاية أو الدعم.
about-skip = كل الأسئلة اختيارية. تخطَّ أي سؤال لا تريد الإجابة عنه.
about-unlinked = تُحفظ إجاباتك منفصلة عن كل ما كتبته. لا شيء مما يُحفظ يربطها بملاحظتك أو برمزك أو بك.
about-mixed = تُحفظ إجاباتك فور إرسالها، مقفلةً بمفتاح يُتلف بعد خلطها بإجابات أشخاص آخرين (بعد ساعة على الأقل، وقبل انتهاء الفترة الحالية ({ $period })). بعد ذلك، لا شيء مما يُحفظ يُظهر متى أجبت أو أيّ ملاحظة كُتبت قبل إجاباتك مباشرةً.
about-shown = لا ترى منظمة { $org } إلا المجاميع. أي إجابة أعطاها أقل من { $k } { $k ->
    [one] شخص
    [two] شخصين
    [few] أشخاص
    [many] شخصًا
   *[other] شخص
} تُعرض «أقل من { $k }».
about-age-legend = كم عمرك؟
about-age-under_18 = أقل من 18
about-age-18_24 = من 18 إلى 24
about-age-25_34 = من 25 إلى 34
about-age-35_49 = من 35 إلى 49
about-age-50_64 = من 50 إلى 64
about-age-65_79 = من 65 إلى 79
about-age-80_plus = 80 أو أكثر
about-ethnicity-legend = ما مجموعتك العرقية؟
about-ethnicity-hint = هذه هي المجموعات الخمس الرئيسية التي يستخدمها مكتب الإحصاءات الوطنية البريطاني.
about-ethnicity-asian = آسيوي أو بريطاني آسيوي
about-ethnicity-black = أسود، أو بريطاني أسود، أو كاريبي، أو أفريقي
about-ethnicity-mixed = مختلط أو من مجموعات عرقية متعددة
about-ethnicity-white = أبيض
about-ethnicity-other = مجموعة عرقية أخرى
about-disability-legend = هل تعتبر نفسك من ذوي الإعاقة؟
about-care-legend = هل تستخدم خدمات الرعاية أو الدعم؟
about-yes = نعم
about-no = لا
about-prefer_not = أفضّل ألا أقول
about-send = أرسل إجاباتي
about-error = اختر إحدى إجابات هذا السؤال، أو اتركه فارغًا.
about-thanks-title = شكرًا لأنك أخبرتنا عن نفسك
about-thanks-body = لن تُعرض إجاباتك أبدًا إلا ضمن مجاميع، مع إجابات أشخاص آخرين.
about-code = رمزك للأسئلة عنك
about-code-hint = يعمل مرة واحدة، حتى نهاية الفترة الحالية ({ $period }). لا شيء مما يُحفظ يربطه بملاحظتك. احتفظ به إن أردت أن تجيب لاحقًا.
about-code-form-hint = 12 حرفًا ورقمًا، من الصفحة التي قالت إن ملاحظتك وصلت. ليس هو الرمز الذي على بطاقتك.
about-code-missing = اكتب رمزك للأسئلة عنك. تجده في الصفحة التي قالت إن ملاحظتك وصلت.
about-code-invalid = هذا الرمز لا يبدو صحيحًا. تحقّق من كل حرف ورقم. الرمز الذي على بطاقتك لا يعمل هنا.
about-code-refused = هذا الرمز لا يعمل. تحقّق من كل حرف ورقم. كل رمز يعمل مرة واحدة، وفقط حتى نهاية الفترة التي أُعطي فيها.

## Beside the digest: quotes, responses, pledges, "about you" totals

voices-title = قلتم، ففعلنا: { $period }
voices-response = الرد:
voices-changed = عُدّل هذا الرد { $times ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $times } مرات
   *[other] { $times } مرة
}. كل النسخ موجودة في الملخص بصيغة JSON.
voices-pledge = التعهد:
voices-pledge-step = { $status }، في الفترة التي تبدأ في { $period }
voices-status-planned = مخطط له
voices-status-in_progress = قيد التنفيذ
voices-status-done = تم
voices-status-dropped = أُلغي
voices-quotes-title = ما قاله الناس
voices-quotes-checked-hint = اقتُبست بإذن كاتبيها. راجع شخصٌ كل اقتباس وحذف الأسماء والتفاصيل قبل مشاركته. تُعرض بترتيب عشوائي.
voices-about-title = من أجاب عن أسئلة «عنك»
voices-about-respondents = عدد من أجابوا: { $total }. هذه الإجابات غير مرتبطة بأي ملاحظة. الإجابات التي أعطاها أقل من { $k } { $k ->
    [one] شخص
    [two] شخصين
    [few] أشخاص
    [many] شخصًا
   *[other] شخص
} تُعرض «أقل من { $k }».
voices-answer = الإجابة
voices-people = عدد الأشخاص
voices-not-answered = بلا إجابة
voices-fewer-than = أقل من { $k }
voices-about = نحو { $n }
voices-almost-everyone = الجميع تقريبًا

## Dates and periods (digests, receipts lists, pledges)

month = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
date = { $day } { $month } { $year }
date-range-month = من { $from } إلى { $to } { $month }
date-range = من { $from } { $from-month } إلى { $to } { $to-month }
date-range-years = من { $from } { $from-month } { $from-year } إلى { $to } { $to-month } { $to-year }
period-week = الأسبوع { $week } من عام { $year } ({ $range })
period-weeks = الأسابيع من { $first } إلى { $last } من عام { $year } ({ $range })
period-dates = { $range } { $year }
band-range = { $low }-{ $high }
band-more = { $low } أو أكثر

## The default themes: each label, and the line that explains it

theme-whose-voices = أصوات من تُسمع
theme-whose-voices-hint = من يُسأل ويُستمع إليه، ومن يُترك خارجًا.
theme-money-and-time = المال والوقت والموارد
theme-money-and-time-hint = لا يوجد ما يكفي من المال أو الموظفين أو الوقت لإنجاز الأمور كما يجب.
theme-accessible-places = أماكن واجتماعات يسهل الوصول إليها
theme-accessible-places-hint = مبانٍ ومواصلات ومواعيد وأساليب اجتماعات تُقصي الناس.
theme-digital-access = الوصول الرقمي والثقة في استخدامه
theme-digital-access-hint = خدمات عبر الإنترنت فقط، أو لا إنترنت، أو لا مساعدة في استخدامه.
theme-fear-of-consequences = الخوف من التكلم
theme-fear-of-consequences-hint = القلق من أن تكلّفك الشكوى خدمتك أو دعمك.
theme-risk-and-culture = الثقافة وتجنّب المخاطر
theme-risk-and-culture-hint = منظمة تخاف من التغيير أو من الناس الذين تخدمهم.
theme-power-and-attitudes = تقاسم السلطة ومواقف الموظفين
theme-power-and-attitudes-hint = مهنيون لا يشركونك في القرارات أو لا يحترمونك.
theme-leadership = القيادة والرؤية
theme-leadership-hint = قادة لا يحددون اتجاهًا واضحًا أو لا يفون بوعودهم.
theme-policy-and-rules = السياسات والقواعد
theme-policy-and-rules-hint = قواعد غير واضحة أو غائبة عن كيفية إشراك الناس.
theme-meaning-of-involvement = ماذا يعني العمل معًا
theme-meaning-of-involvement-hint = لا يوجد فهم مشترك لمعنى إشراك الناس (المشاركة في إنتاج الخدمات).
theme-information = المعلومات والتواصل
theme-information-hint = لا تصلك المعلومات مسبقًا، أو لا تصلك بطريقة تفهمها.
theme-follow-through = الأدلة والمتابعة
theme-follow-through-hint = لا شيء يتغير بعد أن يتكلم الناس، أو لا أحد يتحقق.
theme-something-else = شيء آخر
theme-something-else-hint = أي شيء لا يناسب المواضيع الأخرى.

## The invitation page's script: short lines it shows as it works

invite-say-no-invitation = لا توجد دعوة في هذا الرابط. افتح الرابط الذي أُرسل إليك كاملًا.
invite-say-making = جارٍ صنع قسيمتك الخاصة…
invite-say-saved = حُفظت قسيمتك في هذا المتصفح. يمكنك أن تكتب الآن، أو أن تعود إلى هذا الرابط لاحقًا.
invite-say-make-failed = حدث خطأ أثناء صنع قسيمتك. لم يُحفظ شيء. حاول مرة أخرى لاحقًا.
invite-say-not-asking = جولة الملاحظات هذه لا تطلب قسائم.
invite-say-no-token = لا توجد قسيمة في هذا المتصفح. احصل على واحدة أولًا.
invite-say-sending = جارٍ الإرسال…
invite-say-received = تم الاستلام.
invite-say-send-failed = تعذّر الإرسال. قسيمتك ما زالت محفوظة؛ حاول مرة أخرى.
invite-say-ready = قسيمتك محفوظة في هذا المتصفح. يمكنك أن تكتب متى كنت مستعدًا.

## The printed code cards (the host's sheet)

cards-title = بطاقات الرموز: { $round }
cards-heading = بطاقات الرموز لجولة «{ $round }»
cards-print = اطبع هذه البطاقات
cards-back = العودة إلى الجولة في لوحة التحكم
cards-intro = { $n ->
    [one] بطاقة واحدة.
    [two] بطاقتان.
    [few] { $n } بطاقات.
   *[other] { $n } بطاقة.
} اطبعها على ورق A4 وقُصّها على الخطوط. تُعرض هذه الرموز هذه المرة فقط: لا تحتفظ الخدمة إلا بصيغة مشفّرة منها. وزّع البطاقات عشوائيًا، ولا تكتب من أخذ أي بطاقة.

## Checking our promises (the audit pages)

audit-title = تحقّق من وعودنا
audit-lead = لست مضطرًا إلى أن تثق بنا. كل ما هنا يتيح لأي شخص أن يتحقق من أن كل ملاحظة حُسبت، وأن لا شيء أُضيف أو حُذف لاحقًا، وأن الجميع يرون السجلات نفسها.
audit-receipt-title = تحقّق من إيصالك
audit-receipt = عندما أرسلت ملاحظة حصلت على إيصال، مثل { $example }. بعد انتهاء فترتك، ابحث عن قائمتها أدناه وابحث فيها عن إيصالك (Ctrl+F، أو نزّل القائمة وابحث فيها على حاسوبك). لا نطلب منك إيصالك أبدًا: فطلبه يربطك بملاحظتك.
audit-sealed-title = الفترات المختومة
audit-none-sealed = لم تُختم أي فترة بعد.
audit-table-caption = الفترات المختومة مع مجاميعها الدقيقة
audit-round = الجولة
audit-period = الفترة
audit-critiques = الملاحظات
audit-codes = الرموز المستخدمة
audit-tokens = القسائم المستخدمة
audit-receipts = الإيصالات
audit-unreadable = غير مقروء
audit-list = القائمة
audit-download = تنزيل
audit-for = للجولة { $round }، الفترة التي تبدأ في { $period }
audit-shredded = (أُتلفت النصوص بعد انتهاء مدة الحفظ)
audit-closed-early = (أُغلقت مبكرًا)
audit-closed-early-note = الفترة المعلَّمة بعبارة «أُغلقت مبكرًا» أغلقناها قبل نهايتها. لا يجوز لنا ذلك إلا مرة واحدة على الأكثر في كل فترة، وفقط عندما تضم من الملاحظات ما لا يقل عن العدد الذي يحتاجه ملخص منشور، حتى لا يمكن تمييز أي شخص. يسجّل السجل كل إغلاق مبكر، ويتحقق الأمر أدناه من هذه القاعدة.
audit-log-title = السجل
audit-log = يدخل إيصال كل ملاحظة، وكل ملخص مختوم، وكل مفتاح قسائم، في سجل ميركل لا يمكن إلا الإضافة إليه (على نمط RFC 9162، شفافية الشهادات). تنتهي كل فترة مختومة برأس شجرة موقّع بمفتاح السجل.
audit-log-key = مفتاح السجل (Ed25519، base64)
audit-leaves = الأوراق
audit-tree-heads = رؤوس الشجرة الموقّعة
audit-verify = للتحقق من كل توقيع، ومن اتساق السجل، ومن كل مجموع، شغّل هذا الأمر:
audit-data = البيانات التي تقوم عليها هذه الصفحة، للبرامج: المستند وأوراقه وإثباتاته.
audit-exact = بعض الأعداد هنا دقيقة، حتى إن كانت أقل من حجم المجموعة المستخدم في الملخصات: فالمدقق يجب أن يتمكن من التحقق من أن لا شيء سقط. هي تقول كم شخصًا كتب في فترة ما، لا من كتب ولا عمّ كتب.
receipts-title = إيصالات «{ $round }»، { $period }
receipts-heading = إيصالات { $period }
receipts-count = { $n ->
    [zero] لم تُحسب أي ملاحظة في هذه الفترة.
    [one] حُسبت ملاحظة واحدة في هذه الفترة.
    [two] حُسبت ملاحظتان في هذه الفترة.
    [few] حُسبت { $n } ملاحظات في هذه الفترة.
   *[other] حُسبت { $n } ملاحظة في هذه الفترة.
} كل الإيصالات أدناه، بالترتيب الأبجدي، لا بترتيب وصولها.
receipts-search = ابحث في هذه الصفحة عن إيصالك (Ctrl+F)، أو نزّل القائمة وابحث فيها على حاسوبك.
receipts-download = نزّل القائمة
receipts-missing-title = لا توجد قائمة إيصالات لهذه الفترة بعد
receipts-missing-body = لا تُعرض الإيصالات إلا بعد انتهاء الفترة وختمها. تحقّق من الفترة في صفحة التدقيق.

## Issue 18: steps named for what they do, receipts kept, digest summaries and trends

a11y-compliance = هذا الموقع ممتثل جزئيًا لإرشادات إمكانية الوصول إلى محتوى الويب (WCAG) الإصدار 2.2 في المستوى AA. تجتاز كل صفحة فحوصنا الآلية واختباراتنا باستخدام لوحة المفاتيح وحدها، لكن لم يفحصها بعد خبير في إمكانية الوصول ولم يختبرها أشخاص ذوو إعاقة، لذلك قد توجد مشكلات لم نعثر عليها. المشكلات التي نعرفها مذكورة أدناه.
a11y-compliance-title = حالة الامتثال
a11y-contact-routes = إذا وجدت مشكلة، أو احتجت إلى شيء بصيغة أخرى، فأخبر المنظمة التي أعطتك رمزك أو دعوتك، أو الأشخاص الذين يديرون هذه الخدمة لها. وعليهم أن ينقلوا ذلك إلينا. لست مضطرًا لأن تقول من أنت.
a11y-eass = EASS: الهاتف 0808 800 0082 أو الهاتف النصي 0808 800 0084 (مجانًا)، أو الموقع www.equalityadvisoryservice.com
a11y-enforcement-ehrc = لجنة المساواة وحقوق الإنسان (EHRC) هي التي تطبّق لوائح إمكانية الوصول. إذا لم تكن راضيًا عن طريقة التعامل مع مشكلتك، فاتصل بخدمة المشورة والدعم في مجال المساواة (EASS).
a11y-gap-invite = روابط الدعوة تحتاج إلى JavaScript. من دونه يمكنك المشاركة برمز ورقي بدلًا من ذلك.
a11y-technical = نختبر الموقع وفق WCAG 2.2 في المستوى AA في متصفح حقيقي، بفحوص آلية (axe-core)، وبتجارب باستخدام لوحة المفاتيح وحدها، وبمتصفح نصي، وبالتكبير حتى 400% وبمسافات نص أكبر.
a11y-technical-title = معلومات تقنية عن إمكانية الوصول إلى هذا الموقع
before-once-check = رمزك يعمل مرة واحدة. يمكنك مراجعة إجاباتك قبل إرسالها. وبعد إرسالها لا يمكنك تغييرها.
check-also-hint = قد يناسب ما كتبته هذه المواضيع أيضًا. ضع علامة على ما يناسب منها؛ لا يُضاف شيء إلا إذا وضعت عليه علامة. يمكنك إرسال ثلاثة مواضيع على الأكثر في المجموع.
check-themes-also = هل تضيف موضوعًا آخر؟ (اختياري)
continue-button = متابعة
digest-summary-and = { $first } و{ $last }
digest-summary-down = نقص منذ النشرة السابقة: { $themes }.
digest-summary-item = { $theme } ({ $figure })
digest-summary-list = { $first }، { $next }
digest-summary-most = الأكثر طرحًا: { $themes }.
digest-summary-none = طرح كل موضوع أقل من { $k } أشخاص، لذلك لا يمكن ذكر أي منها.
digest-summary-up = زاد منذ النشرة السابقة: { $themes }.
digest-trend-caption = كل موضوع في كل نشرة، الأقدم أولًا
digest-trend-chart-title = كل موضوع في كل نشرة، من { $first } إلى { $last }
digest-trend-heading = كل موضوع عبر الزمن
digest-trend-hidden = لم تُرسم، لأن أقل من { $k } أشخاص طرحوها في كل نشرة: { $themes }.
digest-trend-how = يمتد كل خط من أقدم نشرة إلى أحدثها، مع أحدث رقم في نهايته. الدائرة الفارغة على الخط السفلي تعني «أقل من { $k }»: لا تُعرض كرقم.
error-busy-again = الخدمة مشغولة. لم يُحفظ شيء ولم يُستخدم رمزك. انتظر لحظة، ثم تابع وأرسل إجاباتك مرة أخرى.
error-code-used = هذا الرمز استُخدم من قبل. إذا ضغطت الزر مرتين، فقد وصلت ملاحظتك في المرة الأولى ولا حاجة لفعل شيء آخر. إن لم تستخدم هذا الرمز، فأخبر الشخص الذي أعطاك إياه.
invite-check-not-sent = لم يُرسل شيء بعد ولم تُستخدم قسيمتك.
invite-check-send-now = عندما تضغط الزر، تُحفظ ملاحظتك وتُستهلك قسيمتك. لا يمكنك تغييرها بعد ذلك.
invite-later-same = لتكتب لاحقًا، افتح رابط دعوتك مرة أخرى في المتصفح نفسه على هذا الجهاز. يمكن لدعوتك أن تصنع قسيمة واحدة فقط، وتبقى القسيمة في هذا المتصفح حتى تستخدمها.
invite-say-invitation-unknown = لا نعرف هذه الدعوة. تحقق من أنك فتحت الرابط الذي وصلك كاملًا.
invite-say-invitation-used = هذه الدعوة صنعت قسيمتها من قبل. إذا صنعتها في هذا المتصفح، فافتح الرابط في المتصفح نفسه لتكتب. وإلا فاطلب من الشخص الذي دعاك دعوة جديدة أو رمزًا ورقيًا.
invite-say-token-invalid = هذه القسيمة لم تعد تعمل. اطلب من الشخص الذي دعاك دعوة جديدة أو رمزًا ورقيًا.
invite-say-token-spent = هذه القسيمة استُخدمت من قبل. إذا ضغطت الزر مرتين، فقد وصلت ملاحظتك في المرة الأولى ولا حاجة لفعل شيء آخر.
invite-wait-why-later = إذا كتبت فورًا، فقد تلاحظ الخدمة أن قسيمة صُنعت ثم وصلت ملاحظة بعدها بلحظة. وإذا عدت في يوم آخر، لا يستطيع أحد أن يربط بينهما.
next-counts-org = عند انتهاء الفترة الحالية ({ $period })، سترى منظمة { $org } عدد الأشخاص الذين طرحوا كل موضوع. لا تُعرض المجموعات التي يقل عدد أفرادها عن { $k }.
paper-post = أو أرسله بالبريد إلى هذا العنوان:
paper-post-free = أو أرسله بالبريد إلى هذا العنوان. لا تحتاج إلى طابع:
paper-screen-intro-give = اطبع هذا النموذج على ورق بحجم A4. املأه بخط يدك، ثم أعطه لشخص تثق به ليكتبه عنك، مثل مناصر أو مرافق.
receipt-unreadable-body = يتكون الإيصال من خمس مجموعات من أربعة أحرف وأرقام، مثل 7KQ2-M9XD-4RT5-0A1B-2C3D. لم يُحفظ أو يتغير شيء.
receipt-unreadable-title = لا يمكن عرض هذا الإيصال
received-keep = احتفظ بإيصالك: اكتبه، أو اطبع هذه الصفحة، أو التقط لها صورة. لا يمكننا أن نعرضه عليك مرة أخرى، لأننا لا نعرف أي ملاحظة هي ملاحظتك.
themes-more = اعرض { $n } { $n ->
    [one] موضوعًا آخر
    [two] موضوعين آخرين
    [few] مواضيع أخرى
   *[other] موضوعًا آخر
}
themes-noise-how = كيف تُختار الأعداد العشوائية
themes-noise-maths = يتبع التشويش الآلية الهندسية ثنائية الجانب مع ε = { $epsilon } لكل نشرة وحساسية { $sensitivity } (الملاحظة الواحدة تُحسب في { $sensitivity } مواضيع على الأكثر)، لذلك α = { $alpha }: التغيّر بمقدار 1 أقل احتمالًا من عدم التغيّر بنسبة { $alpha }، والتغيّر بمقدار 2 أقل احتمالًا منه بالنسبة نفسها، وهكذا.
themes-noise-plain = حتى لا يستطيع أحد استنتاج أرقام منظمة واحدة من هذه المجاميع، يُضاف إلى كل مجموع عدد عشوائي صغير أو يُطرح منه. اختير هذا العدد مرة واحدة لكل ملخص وحُفظ، لذلك تعرض الصفحة الأعداد نفسها في كل مرة.

## Questions beside the free text (issue 20)
question-optional = (اختياري)
question-choose-one = اختر إجابة واحدة.
question-choose-up-to = اختر حتى { $max } من الإجابات.
paper-tick-one = ضع علامة في مربع واحد.
paper-tick-up-to = ضع علامة في { $max } من المربعات على الأكثر.
check-not-answered = لم تتم الإجابة
check-change-answer = تغيير
error-answer_missing = أجب عن السؤال «{ $prompt }».
error-answer_too_many = في السؤال «{ $prompt }»، لا تختر أكثر من { $max } من الإجابات.
error-answer_option_unknown = في السؤال «{ $prompt }»، اختر إحدى الإجابات المعروضة.
error-answer_question_unknown = أرسل النموذج إجابة عن سؤال لا تطرحه هذه الجولة. املأ النموذج مرة أخرى.

# The default five-point scale (issue 20), from worst to best: its labels,
# then its Easy Read labels. Shown only while a round keeps the default wording.
scale-very-badly = بشكل سيئ جدًا
scale-badly = بشكل سيئ
scale-neither = لا بشكل جيد ولا بشكل سيئ
scale-well = بشكل جيد
scale-very-well = بشكل جيد جدًا
scale-easy-very-badly = سيئ جدًا
scale-easy-badly = سيئ
scale-easy-neither = ليس جيدًا وليس سيئًا
scale-easy-well = جيد
scale-easy-very-well = جيد جدًا
