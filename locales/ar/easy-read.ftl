# Parrhesia بالعربية سهلة القراءة.
# القواعد: 15 كلمة أو أقل في كل جملة. فكرة واحدة في كل جملة.
# كلمات شائعة. يعدّ اختبارٌ الكلمات.
# يحتاج إلى مراجعة متحدث أصلي (language-review).

## The page frame

service-name = Parrhesia
tagline = قل رأيك بأمان
skip-link = انتقل إلى المحتوى الرئيسي
title-suffix = Parrhesia
error-title-prefix = خطأ:
footer-privacy = نحن لا نعرف من أنت. لا نحتفظ بالعناوين. لا نستخدم ملفات تعريف الارتباط.
footer-privacy-console-sign-in = صفحات الموظفين تستخدم ملف تعريف ارتباط واحدًا لتسجيل الدخول. صفحات الملاحظات لا تستخدم أيًّا منها.
footer-helping = أنا أساعد شخصًا
footer-accessibility = إمكانية الوصول
footer-paper = النماذج الورقية
easy-read-link = نسخة سهلة القراءة
standard-link = النسخة العادية
error-summary-title = شيء يحتاج إلى تصحيح
error-hidden-prefix = خطأ:

## Languages

language-name = العربية
language-switcher = اللغة
language-review = needed
list-separator = {"، "}
thousands-separator = ,

## Words we use

glossary-title = كلمات نستخدمها
glossary-code = الرمز
glossary-code-means = حروف وأرقام على بطاقة. تحتاج إليها لترسل ملاحظتك.
glossary-theme = الموضوع
glossary-theme-means = ما تتحدث عنه ملاحظتك. مثلًا الطعام أو الموظفون.
glossary-anonymous = مجهول الهوية
glossary-anonymous-means = لا أحد يعرف من أنت. لا نحن. ولا المنظمة.

## Pictures (text alternatives)


## Home page

home-title = قل ما تفكر فيه حقًا
home-lead = يمكنك أن تخبر منظمة بما هو خطأ.
home-code = تحتاج إلى رمز لتشارك. الرمز مكتوب على بطاقة.
home-what-happens = ماذا يحدث لكلماتك
home-no-name = لا نسألك عن اسمك أبدًا.
home-no-address = لا نحتفظ بأي شيء يكشف من أنت.
home-groups = نعرض الأعداد للمجموعات الكبيرة فقط. هكذا لا يعرف أحد من قال ماذا.
home-helping = هل تساعد شخصًا؟ اقرأ صفحتنا للمساعدين.

## The round page

period-noun = { $weeks ->
    [one] أسبوع
    [two] أسبوعين
    [few] { $weeks } أسابيع
   *[other] { $weeks } أسبوعًا
}
before-title = اقرأ هذا أولًا
before-no-name = أنت لا تذكر اسمك.
before-who-sees = الذين يديرون هذه الخدمة يقرؤون كلماتك. منظمة { $org } ترى كم شخصًا اختار كل موضوع.
before-when = يرون الأعداد كل { $period }. لا نعرض المجموعات التي فيها أقل من { $k } { $k ->
    [one] شخص
    [two] شخصين
    [few] أشخاص
    [many] شخصًا
   *[other] شخص
}.
before-names = لا تكتب أسماء.
form-paper = احصل على نموذج ورقي بدلًا من ذلك
form-helping = هل تساعد شخصًا؟ اقرأ هذه الصفحة
code-label = رمزك
code-hint = الرمز على بطاقتك. شكله مثل { $example }.
themes-legend = عمّ تتحدث؟
themes-hint = ضع علامة في مربع واحد أو مربعين أو { $max } { $max ->
    [few] مربعات
    [many] مربعًا
   *[other] مربع
}.
text-label = ماذا تريد أن تقول لمنظمة { $org }؟
text-hint = اكتب ما تفكر فيه. لا تكتب أسماء.
quote-label = يمكن لمنظمة { $org } أن تستخدم كلماتي
quote-consent-hint = ضع علامة هنا إذا وافقت. يقرأ شخصٌ كلماتك أولًا. ويحذف الأسماء والتفاصيل.

## Problems

error-code_missing = اكتب الرمز المكتوب على بطاقتك.
error-code_invalid = هذا الرمز غير صحيح. تحقق من الحروف والأرقام على بطاقتك.
error-code_unknown = لا نعرف هذا الرمز. تحقق من الحروف والأرقام على بطاقتك.
error-text_empty = اكتب ما تريد قوله.
error-text_too_long = كتبت { $chars } { $chars ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
}. يمكنك كتابة { $max } { $max ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
} على الأكثر.
error-themes_missing = ضع علامة في مربع واحد على الأقل.
error-themes_too_many = ضع علامة في { $max } { $max ->
    [few] مربعات
    [many] مربعًا
   *[other] مربع
} أو أقل.
error-theme_unknown = ضع علامات في مربعات من القائمة.
error-too_large = كتبت كثيرًا جدًا. اختصره وأرسله مرة أخرى.
error-unreadable = لم نستطع قراءة بعض الكلمات. اكتبها مرة أخرى.
error-wrong_form = استخدم النموذج الموجود في هذه الصفحة.

## Confirmation

received-title = شكرًا لك
received-stored = وصلتنا ملاحظتك. إنها في أمان.
received-receipt = إيصالك
next-title = ماذا يحدث بعد ذلك
next-receipt = الإيصال لا يكشف من أنت. يمكنك الاحتفاظ به لتتحقق من أن ملاحظتك حُسبت.
next-code-used = لا يمكنك استخدام رمزك مرة أخرى.
next-another = قل شيئًا آخر برمز جديد

## Problem pages

not-found-title = لا نجد هذه الصفحة
not-found-body = تحقق من أن عنوان الموقع صحيح.
round-unknown-title = لا نجد هذه الصفحة
round-unknown-body = تحقق من عنوان الموقع المكتوب على بطاقتك.
service-problem-title = عذرًا، حدث خطأ
service-problem-body = لم يُحفظ شيء. رمزك ما زال يعمل. حاول مرة أخرى لاحقًا.
go-start = اذهب إلى صفحة البداية
method-not-allowed-title = هذه الصفحة لا تستطيع فعل ذلك
method-not-allowed-body = ارجع وحاول مرة أخرى.
too-large-title = أرسلت كثيرًا جدًا
too-large-body = لم نحفظه. اختصره وأرسله مرة أخرى.
uri-too-long-title = عنوان الموقع طويل جدًا
uri-too-long-body = تحقق من أنك نسخت عنوان الموقع بشكل صحيح.
rate-limited-title = محاولات كثيرة جدًا
path-not-canonical-title = تحقّق من عنوان الصفحة
rate-limited-body = لم نحفظ شيئًا. رمزك ما زال يعمل. انتظر { $seconds } { $seconds ->
    [one] ثانية
    [two] ثانيتين
    [few] ثوانٍ
   *[other] ثانية
}. ثم حاول مرة أخرى.

## Paper form

paper-title = النموذج الورقي: { $round }
paper-print = استخدم «طباعة» في متصفحك.
paper-for = إلى: { $org }
paper-how-title = كيف تستخدم هذا النموذج
paper-how-code = انسخ الرمز من بطاقتك إلى المربعات.
paper-how-tick = ضع علامة على ما تتحدث عنه. ضع علامة في مربع أو مربعين أو { $max } { $max ->
    [few] مربعات
    [many] مربعًا
   *[other] مربع
}.
paper-how-write = اكتب ما تفكر فيه. لا تكتب اسمك.
paper-how-give = أعطِ النموذج لشخص تثق به. سيكتبه على { $url }
paper-how-about-you = للمساعدين: بعد الإرسال تُظهر الصفحة رمزًا. الرمز للأسئلة عن الشخص. أعطه الرمز. أو ساعده على الإجابة الآن.
paper-code-label = رمزك
paper-themes-label = عمّ تتحدث؟ ضع علامة في مربع أو مربعين أو { $max } { $max ->
    [few] مربعات
    [many] مربعًا
   *[other] مربع
}.
paper-text-label = ماذا تريد أن تقول لمنظمة { $org }؟
paper-quote-label = يمكن لمنظمة { $org } أن تستخدم كلماتي. ضع علامة إذا وافقت.
paper-private = لا تكتب اسمك على هذا النموذج.

## Helping someone

helping-title = أنا أساعد شخصًا
helping-lead = هذه الصفحة لمن يساعد شخصًا على تقديم ملاحظاته.
helping-their-words-title = كلماته هو، لا كلماتك
helping-their-words = اكتب ما قاله. لا تضف ما تفكر فيه أنت.
helping-code-title = استخدم رمزه هو
helping-code = لكل شخص رمزه الخاص. اكتب الرمز من بطاقته.
helping-leave-out-title = ما يجب ألا تكتبه
helping-leave-out = لا تكتب اسمه. لا تكتب اسمك.
helping-nothing-recorded-title = لا أحد يعرف من كتب
helping-nothing-recorded = لا نحتفظ باسم من كتب الملاحظة. لا نحتفظ بالوقت الدقيق.
helping-paper-title = النماذج الورقية
helping-paper = يمكنك طباعة نموذج ورقي. الشخص يملؤه. وأنت تكتبه.
helping-receipt-title = الإيصال
helping-receipt = أعطِ الإيصال للشخص. يبيّن أن ملاحظته وصلت.

## Accessibility statement

a11y-title = إمكانية الوصول
a11y-lead = نريد أن يستطيع الجميع استخدام هذه الخدمة.
a11y-can-title = ما الذي يمكنك فعله
a11y-can-zoom = يمكنك تكبير الكلمات.
a11y-can-keyboard = يمكنك استخدام لوحة المفاتيح وحدها.
a11y-can-no-js = يمكنك استخدام متصفح بسيط أو قديم.
a11y-can-reader = يمكنك استخدام قارئ الشاشة.
a11y-can-easy = يمكنك قراءة الصفحات بنسخة سهلة القراءة.
a11y-can-paper = يمكنك استخدام نموذج ورقي.
a11y-gaps-title = ما ليس جيدًا بعد
a11y-gap-test = لم يختبر الخدمةَ أشخاصٌ من ذوي الإعاقة بعد.
a11y-gap-translations = الصفحات متوفرة بلغات أخرى أيضًا. لم يراجع أحد هذه اللغات بعد:
a11y-gap-themes = قد لا تكون بعض أسماء المواضيع بنسخة سهلة القراءة.
a11y-contact-title = أخبرنا عن مشكلة
a11y-enforcement-title = إذا لم تكن راضيًا
a11y-prepared = كتبنا هذا في نوفمبر 2026.

## The public digest

digest-title = ما قاله الناس لمنظمة { $org }
digest-lead = تبيّن هذه الأعداد ما تحدث عنه الناس.
digest-protect = نعرض الأعداد للمجموعات الكبيرة فقط. هذا يحمي الناس.
digest-nothing = لا يوجد شيء لعرضه بعد.
digest-caption = { $period }. الملاحظات: { $total }
digest-theme = الموضوع
digest-critiques = الملاحظات
digest-fewer-than = أقل من { $k }
digest-up-to-three = يمكن أن تكون للملاحظة الواحدة 3 مواضيع على الأكثر.
digest-almost-everyone = الجميع تقريبًا
digest-trend = التغيّر
digest-trend-explained = يبيّن «التغيّر» هل زاد العدد أو نقص منذ المرة السابقة.
digest-trend-up = زيادة { $n }
digest-trend-down = نقص { $n }
digest-trend-same = بلا تغيير
digest-trend-none = –
digest-rules = لا نعرض الأعداد الصغيرة. نكتب بدلًا منها «أقل من { $k }». أحيانًا يتحدث الجميع تقريبًا عن موضوع. عندها نكتب «الجميع تقريبًا». نقرّب الأعداد الأخرى إلى أقرب مضاعف للعدد { $base }. في بعض الأسابيع أقل من { $min } { $min ->
    [few] ملاحظات
    [many] ملاحظةً
   *[other] ملاحظة
}. نضيف تلك الأسابيع إلى الأسبوع التالي.
digest-total = عدد الملاحظات: { $band }
digest-chart-title = ما تحدث عنه الناس في { $period }
digest-other-formats = طرق أخرى للحصول على هذه الأعداد
digest-csv = ملف جدول بيانات
digest-questions-csv = ملف جدول بيانات بالإجابات عن الأسئلة
digest-atom = موجز أخبار
digest-json = بيانات للحواسيب
digest-record = هل ردّوا في الوقت المحدد؟
digest-answer-open = لا يوجد رد بعد. لديهم حتى { $deadline }.
digest-answer-overdue = لا يوجد رد. كان لديهم حتى { $deadline }.
digest-answer-on-time = ردّوا في الوقت المحدد. كان لديهم حتى { $deadline }.
digest-answer-late = ردّوا متأخرين. كان لديهم حتى { $deadline }.
digest-themes-link = المواضيع من كل المنظمات
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
digest-q-period = متى
digest-q-chart-title = الإجابات عن «{ $prompt }» في { $period }
digest-q-trend-title = الإجابات عن «{ $prompt }» في كل مرة
digest-q-caption = { $period }. عدد من أجابوا: نحو { $n }
digest-q-trend-caption = «{ $prompt }»: الإجابات في كل مرة
digest-q-multi = كان يمكن اختيار حتى { $max } { $max ->
    [two] إجابتين
    [few] إجابات
    [many] إجابةً
   *[other] إجابة
}. لذلك قد تزيد الأعداد على عدد الأشخاص.
digest-q-withheld = أحيانًا لا نعرض عددًا. هذا يحمي القلة الذين أعطوا إجابة نادرة.

## Themes across organisations

themes-title = المواضيع من كل المنظمات
themes-lead = تجمع هذه الأعداد ما قاله الناس لكل المنظمات.
themes-how = نجمع فقط الأعداد التي عرضناها من قبل. لا نجمع الأعداد الصغيرة.
themes-no-noise = لم نضف أي أعداد عشوائية.
themes-caption = المواضيع من { $n } { $n ->
    [one] ملخص
    [two] ملخصين
    [few] ملخصات
   *[other] ملخصًا
}
themes-total = المجموع
themes-counted = ملخصات فيها عدد
themes-fewer = ملخصات فيها عدد صغير
themes-almost = ملخصات فيها «الجميع تقريبًا»
themes-sources = الملخصات التي جمعناها

## Check your answers

check-title = راجع إجاباتك
check-not-sent = لم نرسل شيئًا بعد. رمزك ما زال يعمل.
check-quote = هل يمكن لمنظمة { $org } أن تستخدم كلماتك؟
check-quote-yes = نعم، يمكن لمنظمة { $org } أن تستخدم كلماتي.
check-quote-no = لا، لا تستخدموا كلماتي.
check-send-title = أرسل ملاحظتك
check-send-now = اضغط الزر لترسل. لا يمكنك تغييرها بعد ذلك.
check-confirm = إرسال
check-change = غيّر إجاباتي

## The printed code card

card-step-address = اذهب إلى عنوان الموقع المكتوب أعلاه.
card-step-code = اكتب الرمز. يعمل مرة واحدة.
card-step-say = قل ما تفكر فيه. لن يعرف أحد أنك أنت.
card-step-paper = لا يوجد إنترنت؟ اطلب نموذجًا ورقيًا.
card-token-key = مفتاح القسائم الرقمية: { $key }

## The invitation page (online tokens)

invite-title = دعوتك
invite-heading = أنت مدعو لتقول ما تفكر فيه.
invite-nojs-heading = تحتاج هذه الصفحة إلى جافاسكربت.
invite-nojs-why = دعوتك تحتاج إلى جافاسكربت. جافاسكربت مطفأة هنا.
invite-nojs-paper = يمكنك استخدام رمز ورقي بدلًا من ذلك. اطلب بطاقة رمز من الشخص الذي دعاك.
invite-nojs-form-before = ثم اذهب إلى
invite-nojs-form-link = النموذج
invite-nojs-form-after = . اكتب الرمز المكتوب على بطاقتك.
invite-step1-heading = الخطوة 1. احصل على قسيمتك.
invite-step1-how = يصنع متصفحك قسيمة سرية. لا أحد يستطيع ربطها بدعوتك. ولا حتى نحن.
invite-step1-where = تبقى القسيمة في هذا المتصفح على هذا الجهاز.
invite-get-button = احصل على قسيمتي
invite-step2-heading = الخطوة 2. اكتب الآن أو لاحقًا.
invite-wait-strong = الانتظار يجعلك أكثر أمانًا.
invite-done = حفظنا ما كتبته بأمان. استُخدمت قسيمتك.

## About you (optional, unlinked; asked after sending)

about-link-lead = يمكنك الإجابة عن أربعة أسئلة أخرى عنك. لست مضطرًا. لا نربطها بملاحظتك.
about-link = أجب عن أسئلة عنك
about-title = عنك
about-lead = تساعد هذه الأسئلة منظمة { $org } على معرفة هل تسمع من الجميع.
about-skip = لست مضطرًا إلى الإجابة. يمكنك تخطي أي سؤال.
about-unlinked = نحفظ إجاباتك بعيدًا عن ملاحظتك. لا أحد يستطيع أن يربط بينهما.
about-mixed = نحفظ إجاباتك فورًا. ثم نخلطها بإجابات أشخاص آخرين. بعد ذلك، لا أحد يستطيع أن يعرف متى أجبت.
about-shown = لا ترى منظمة { $org } إلا المجاميع. لا نعرض المجموعات التي فيها أقل من { $k } { $k ->
    [one] شخص
    [two] شخصين
    [few] أشخاص
    [many] شخصًا
   *[other] شخص
}.
about-age-legend = كم عمرك؟
about-age-under_18 = أقل من 18
about-age-18_24 = من 18 إلى 24
about-age-25_34 = من 25 إلى 34
about-age-35_49 = من 35 إلى 49
about-age-50_64 = من 50 إلى 64
about-age-65_79 = من 65 إلى 79
about-age-80_plus = 80 أو أكثر
about-ethnicity-legend = ما مجموعتك العرقية؟
about-ethnicity-hint = هذه هي المجموعات الخمس الرئيسية في التعداد السكاني.
about-ethnicity-asian = آسيوي أو بريطاني آسيوي
about-ethnicity-black = أسود، أو بريطاني أسود، أو كاريبي، أو أفريقي
about-ethnicity-mixed = مختلط أو من أكثر من مجموعة
about-ethnicity-white = أبيض
about-ethnicity-other = مجموعة أخرى
about-disability-legend = هل لديك إعاقة؟
about-care-legend = هل تحصل على رعاية أو دعم؟
about-yes = نعم
about-no = لا
about-prefer_not = لا أريد أن أقول
about-send = أرسل إجاباتي
about-error = اختر إجابة واحدة. أو اتركه فارغًا.
about-thanks-title = شكرًا لك
about-thanks-body = نعرض المجاميع فقط. لا نعرض إجاباتك أنت أبدًا.
about-code = رمزك للأسئلة عنك
about-code-hint = يمكنك استخدامه مرة واحدة. يتوقف عن العمل في نهاية الفترة الحالية ({ $period }). احتفظ به إن أردت أن تجيب لاحقًا.
about-code-form-hint = فيه 12 حرفًا ورقمًا. كان في الصفحة بعد إرسال ملاحظتك. ليس هو الرمز الذي على بطاقتك.
about-code-missing = اكتب رمزك لهذه الأسئلة. كان في الصفحة بعد إرسال ملاحظتك.
about-code-invalid = هذا الرمز غير صحيح. تحقّق من كل حرف ورقم. الرمز الذي على بطاقتك لا يعمل هنا.
about-code-refused = هذا الرمز لا يعمل. تحقّق من كل حرف ورقم. كل رمز يعمل مرة واحدة. الرموز القديمة لا تعمل.

## Beside the digest: quotes, responses, pledges, "about you" totals

voices-title = قلتم، ففعلنا: { $period }
voices-response = ردّنا:
voices-changed = غيّرنا هذا الرد { $times ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $times } مرات
   *[other] { $times } مرة
}. يمكنك رؤية كل النسخ على الإنترنت.
voices-pledge = وعدنا:
voices-pledge-step = { $status }، في الوقت الذي يبدأ في { $period }
voices-status-planned = مخطط له
voices-status-in_progress = بدأ
voices-status-done = تم
voices-status-dropped = توقف
voices-quotes-title = ما قاله الناس
voices-quotes-checked-hint = سمح الناس لنا بمشاركة كلماتهم. راجع شخصٌ كل اقتباس. وحذف الأسماء والتفاصيل.
voices-about-title = من أخبرنا عن نفسه
voices-about-respondents = عدد من أجابوا: { $total }. لا نربط هذه الإجابات بالملاحظات. لا نعرض المجموعات التي فيها أقل من { $k } { $k ->
    [one] شخص
    [two] شخصين
    [few] أشخاص
    [many] شخصًا
   *[other] شخص
}.
voices-answer = الإجابة
voices-people = عدد الأشخاص
voices-not-answered = بلا إجابة
voices-fewer-than = أقل من { $k }
voices-about = نحو { $n }
voices-almost-everyone = الجميع تقريبًا

## Dates and periods

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
band-range = من { $low } إلى { $high }
band-more = { $low } أو أكثر

## The default themes

theme-whose-voices = أصوات من تُسمع
theme-whose-voices-hint = بعض الناس لا يسألهم أحد عن رأيهم. بعض الناس لا يستمع إليهم أحد.
theme-money-and-time = المال والوقت والموارد
theme-money-and-time-hint = لا يوجد ما يكفي من المال أو الموظفين أو الوقت.
theme-accessible-places = أماكن واجتماعات يسهل الوصول إليها
theme-accessible-places-hint = بعض الأماكن صعب الوصول إليها. بعض الاجتماعات صعب الانضمام إليها.
theme-digital-access = الوصول الرقمي والثقة في استخدامه
theme-digital-access-hint = بعض الأشياء على الإنترنت فقط. بعض الناس ليس لديهم إنترنت.
theme-fear-of-consequences = الخوف من التكلم
theme-fear-of-consequences-hint = قد تخاف من تقديم شكوى. قد تقلق من أن تفقد دعمك.
theme-risk-and-culture = الثقافة وتجنّب المخاطر
theme-risk-and-culture-hint = المنظمة تخاف من التغيير. قد تخاف من الناس الذين تساعدهم.
theme-power-and-attitudes = تقاسم السلطة ومواقف الموظفين
theme-power-and-attitudes-hint = الموظفون يقررون دونك. الموظفون لا يعاملونك باحترام.
theme-leadership = القيادة والرؤية
theme-leadership-hint = المسؤولون ليست لديهم خطة واضحة. لا يفون بوعودهم.
theme-policy-and-rules = السياسات والقواعد
theme-policy-and-rules-hint = قواعد المشاركة ليست واضحة.
theme-meaning-of-involvement = ماذا يعني العمل معًا
theme-meaning-of-involvement-hint = الناس لا يتفقون على معنى العمل معًا.
theme-information = المعلومات والتواصل
theme-information-hint = لا تصلك المعلومات في الوقت المناسب. أو يصعب فهمها.
theme-follow-through = الأدلة والمتابعة
theme-follow-through-hint = لا شيء يتغير بعد أن يتكلم الناس. لا أحد يتحقق مما حدث.
theme-something-else = شيء آخر
theme-something-else-hint = أي شيء آخر تريد أن تقوله لهم.

## The invitation page's script

invite-say-no-invitation = هذا الرابط ناقص. افتح الرابط الذي وصلك كاملًا.
invite-say-making = جارٍ صنع قسيمتك…
invite-say-saved = قسيمتك في هذا المتصفح. يمكنك أن تكتب الآن أو لاحقًا.
invite-say-make-failed = حدث خطأ. حاول مرة أخرى لاحقًا.
invite-say-not-asking = هذا النموذج لا يستخدم قسائم.
invite-say-no-token = لا توجد قسيمة هنا. احصل على واحدة أولًا.
invite-say-sending = جارٍ الإرسال…
invite-say-received = وصلتنا.
invite-say-send-failed = لم يُرسل. قسيمتك ما زالت تعمل. حاول مرة أخرى.
invite-say-ready = قسيمتك في هذا المتصفح. اكتب حين تكون مستعدًا.

## The printed code cards

cards-title = بطاقات الرموز: { $round }
cards-heading = بطاقات الرموز لجولة «{ $round }»
cards-print = اطبع هذه البطاقات
cards-back = العودة إلى الجولة في لوحة التحكم
cards-intro = { $n ->
    [one] بطاقة واحدة.
    [two] بطاقتان.
    [few] { $n } بطاقات.
   *[other] { $n } بطاقة.
} اطبعها على ورق A4. قُصّها على الخطوط. ترى هذه الرموز مرة واحدة فقط. وزّع البطاقات بأي ترتيب. لا تكتب من أخذ أي بطاقة.

## Checking our promises

audit-title = تحقّق من وعودنا
audit-lead = لست مضطرًا إلى أن تثق بنا. يمكنك أن تتحقق من أن كل ملاحظة حُسبت.
audit-receipt-title = تحقّق من إيصالك
audit-receipt = حصلت على إيصال مثل { $example }. ابحث عنه في قائمة أسبوعك. لا نطلب إيصالك أبدًا.
audit-sealed-title = الأسابيع المنتهية
audit-none-sealed = لم ينتهِ أي أسبوع بعد.
audit-table-caption = الأسابيع المنتهية وأعدادها
audit-round = الجولة
audit-period = الأسبوع
audit-critiques = الملاحظات
audit-codes = الرموز المستخدمة
audit-tokens = القسائم المستخدمة
audit-receipts = الإيصالات
audit-unreadable = لا يمكن قراءته
audit-list = القائمة
audit-download = تنزيل
audit-for = لـ{ $round }، { $period }
audit-shredded = (حُذفت الكلمات لاحقًا)
audit-closed-early = (أُغلقت مبكرًا)
audit-closed-early-note = أحيانًا نغلق الأسبوع مبكرًا. نفعل ذلك مرة واحدة في الأسبوع على الأكثر. نفعله فقط عندما تكفي الملاحظات لحماية الجميع. يُظهر السجل كل إغلاق مبكر.
audit-log-title = السجل
audit-log = نحتفظ بسجل لا يستطيع أحد تغييره. فيه كل إيصال.
audit-log-key = مفتاح السجل
audit-leaves = المُدخلات
audit-tree-heads = فحوص موقّعة
audit-verify = يستطيع الخبراء فحص السجل بهذا الأمر:
audit-data = بيانات للحواسيب:
audit-exact = بعض الأعداد هنا دقيقة. لا تكشف أبدًا من كتب ماذا.
receipts-title = إيصالات «{ $round }»، { $period }
receipts-heading = إيصالات { $period }
receipts-count = { $n ->
    [zero] لم نحسب أي ملاحظة.
    [one] حسبنا ملاحظة واحدة.
    [two] حسبنا ملاحظتين.
    [few] حسبنا { $n } ملاحظات.
   *[other] حسبنا { $n } ملاحظة.
} الإيصالات مرتبة حسب الحروف الأبجدية.
receipts-search = ابحث عن إيصالك في هذه الصفحة. أو نزّل القائمة.
receipts-download = نزّل القائمة
receipts-missing-title = لا توجد قائمة بعد
receipts-missing-body = نعرض القائمة بعد انتهاء الأسبوع.

## Issue 18: steps named for what they do, receipts kept, digest summaries and trends

a11y-compliance = نتبع معظم قواعد المواقع. اسم هذه القواعد WCAG 2.2 AA. نختبر كل صفحة. لم يفحص الموقع خبير بعد. لذلك يتبع الموقع القواعد جزئيًا فقط.
a11y-compliance-title = هل يتبع الموقع القواعد؟
a11y-contact-routes = أخبر الأشخاص الذين أعطوك رمزك. سيخبروننا. لست مضطرًا لأن تقول من أنت.
a11y-eass = الهاتف 0808 800 0082. الهاتف النصي 0808 800 0084. الموقع www.equalityadvisoryservice.com
a11y-enforcement-ehrc = يمكن أن تساعدك خدمة المشورة والدعم في مجال المساواة. وهي مجانية.
a11y-gap-invite = روابط الدعوة تحتاج إلى JavaScript. يمكنك استخدام رمز ورقي بدلًا منها.
a11y-technical = نختبر كل صفحة بالحاسوب. ونختبرها أيضًا بلوحة المفاتيح وحدها.
a11y-technical-title = كيف نختبر
before-once-check = رمزك يعمل مرة واحدة فقط. يمكنك مراجعة إجاباتك قبل الإرسال.
check-also-hint = قد تناسب كلماتك هذه المواضيع أيضًا. ضع علامة عليها إذا كانت تناسب. يمكنك إرسال 3 مواضيع على الأكثر.
check-themes-also = هل تضيف موضوعًا آخر؟ لست مضطرًا.
continue-button = التالي
digest-summary-and = { $first } و{ $last }
digest-summary-down = نقص منذ المرة الماضية: { $themes }.
digest-summary-item = { $theme } ({ $figure })
digest-summary-list = { $first }، { $next }
digest-summary-most = الأكثر حديثًا: { $themes }.
digest-summary-none = لم يتحدث عدد كافٍ من الناس عن أي موضوع.
digest-summary-up = زاد منذ المرة الماضية: { $themes }.
digest-trend-caption = كل موضوع في كل مرة، الأقدم أولًا
digest-trend-chart-title = كل موضوع من { $first } إلى { $last }
digest-trend-heading = كل موضوع عبر الزمن
digest-trend-hidden = دائمًا أقل من { $k } أشخاص: { $themes }.
digest-trend-how = يبدأ كل خط بأقدم الأرقام. الدائرة الفارغة تعني أقل من { $k } أشخاص.
error-busy-again = نحن مشغولون جدًا الآن. رمزك ما زال يعمل. انتظر قليلًا. ثم أرسل إجاباتك مرة أخرى.
error-code-used = هذا الرمز استُخدم من قبل. هل ضغطت الزر مرتين؟ إذن وصلتنا ملاحظتك. لا تحتاج إلى فعل شيء. لم تستخدم هذا الرمز؟ أخبر الشخص الذي أعطاك البطاقة.
invite-check-not-sent = لم نرسل شيئًا بعد. قسيمتك ما زالت تعمل.
invite-check-send-now = اضغط الزر لترسل. لا يمكنك التغيير بعد ذلك.
invite-later-same = لتكتب لاحقًا، افتح رابط دعوتك مرة أخرى. استخدم المتصفح نفسه على الجهاز نفسه.
invite-say-invitation-unknown = لا نعرف هذه الدعوة. افتح الرابط الذي وصلك كاملًا.
invite-say-invitation-used = هذه الدعوة استُخدمت من قبل. هل استخدمتها في هذا المتصفح؟ إذن افتح الرابط في هذا المتصفح. وإلا فاطلب دعوة جديدة.
invite-say-token-invalid = هذه القسيمة لا تعمل الآن. اطلب دعوة جديدة أو رمزًا ورقيًا.
invite-say-token-spent = هذه القسيمة استُخدمت من قبل. هل ضغطت الزر مرتين؟ إذن وصلتنا ملاحظتك.
invite-wait-why-later = إذا كتبت الآن، قد نخمّن من كتب. يوم آخر أكثر أمانًا.
next-counts-org = ترى منظمة { $org } الأرقام كل { $period }. لا تُعرض المجموعات الأصغر من { $k } أشخاص.
paper-post = أو أرسله بالبريد إلى:
paper-post-free = أو أرسله بالبريد إلى هذا العنوان. لا تحتاج إلى طابع.
paper-screen-intro-give = اطبع هذا النموذج. املأه بيدك. أعطه لشخص تثق به.
receipt-unreadable-body = يتكون الإيصال من 5 مجموعات من 4 أحرف وأرقام. لم يتغير شيء.
receipt-unreadable-title = لا يمكننا عرض هذا الإيصال
received-keep = احتفظ بإيصالك. اكتبه أو اطبع هذه الصفحة. لا يمكننا عرضه مرة أخرى.
themes-more = اعرض { $n } { $n ->
    [one] موضوعًا آخر
    [two] موضوعين آخرين
    [few] مواضيع أخرى
   *[other] موضوعًا آخر
}
themes-noise-how = كيف نختار الأعداد العشوائية
themes-noise-maths = إعداد اسمه إبسيلون قيمته { $epsilon }. الملاحظة الواحدة تُحسب في { $sensitivity } مواضيع على الأكثر. لذلك قيمة إعداد ألفا { $alpha }.
themes-noise-plain = نضيف عددًا عشوائيًا صغيرًا إلى كل مجموع أو نطرحه منه. هذا يحمي الناس. تبقى الأعداد نفسها في كل مرة.

## Questions beside the free text (issue 20)
question-optional = لست مضطرًا للإجابة عن هذا.
question-choose-one = ضع علامة على إجابة واحدة.
question-choose-up-to = ضع علامة على { $max } من الإجابات أو أقل.
paper-tick-one = ضع علامة في مربع واحد.
paper-tick-up-to = ضع علامة في { $max } من المربعات أو أقل.
check-not-answered = لا توجد إجابة
check-change-answer = تغيير
error-answer_missing = أجب عن هذا السؤال: «{ $prompt }».
error-answer_too_many = «{ $prompt }»: ضع علامة على { $max } من الإجابات أو أقل.
error-answer_option_unknown = «{ $prompt }»: ضع علامة على إجابة من القائمة.
error-answer_question_unknown = حدث خطأ في النموذج. املأه مرة أخرى من فضلك.

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
