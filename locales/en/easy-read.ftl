# Parrhesia in Easy Read English.
# Rules: 15 words or fewer in each sentence. One idea in each sentence.
# Common words. A unit test counts the words.

## The page frame

service-name = Parrhesia
tagline = say what you think, safely
skip-link = Skip to main content
title-suffix = Parrhesia
error-title-prefix = Error:
footer-privacy = We do not know who you are. We keep no addresses. We use no cookies.
footer-privacy-console-sign-in = Staff pages use one cookie to sign you in. Feedback pages use none.
footer-helping = I am helping someone
footer-accessibility = Accessibility
footer-paper = Paper forms
easy-read-link = Easy Read version
standard-link = Standard version
error-summary-title = Something needs fixing
error-hidden-prefix = Error:

## Languages

language-name = English
language-switcher = Language
language-review = done
list-separator = {", "}
thousands-separator = ,

## Words we use

glossary-title = Words we use
glossary-code = Code
glossary-code-means = Letters and numbers on a card. You need it to send your comment.
glossary-theme = Theme
glossary-theme-means = What your comment is about. For example, food or staff.
glossary-anonymous = Anonymous
glossary-anonymous-means = Nobody knows who you are. Not us. Not the organisation.

## Home page

home-title = Say what you really think
home-lead = You can tell an organisation what is wrong.
home-code = You need a code to take part. The code is on a card.
home-what-happens = What happens to your words
home-no-name = We never ask your name.
home-no-address = We do not keep anything that shows who you are.
home-groups = We only show numbers for big groups. Then nobody knows who said what.
home-helping = Are you helping someone? Read our page for helpers.

## The round page

period-noun = { $weeks ->
    [1] week
   *[other] { $weeks } weeks
}
before-title = Read this first
before-no-name = You do not give your name.
before-who-sees = The people who run this service read your words. { $org } sees how many people chose each theme.
before-when = They see the numbers every { $period }. Groups smaller than { $k } people are not shown.
before-names = Do not write names.
before-once-check = Your code works one time only. You can check your answers before you send them.
form-paper = Get a paper form instead
form-helping = Are you helping someone? Read this page
code-label = Your code
code-hint = The code is on your card. It looks like { $example }.
themes-legend = What is it about?
themes-hint = Tick 1, 2 or { $max } boxes.
text-label = What do you want to tell { $org }?
text-hint = Write what you think. Do not write names.
quote-label = { $org } can use my words
quote-consent-hint = Tick this if you say yes. A person reads your words first. They take out names and details.
continue-button = Next
themes-more = See { $n } more themes

## Problems

error-code_missing = Type the code from your card.
error-code_invalid = This code is not right. Check the letters and numbers on your card.
error-code_unknown = We do not know this code. Check the letters and numbers on your card.
error-code-used = This code was used before. Did you press the button two times? Then we have your comment. You do not need to do anything. Did you not use this code? Tell the person who gave you the card.
error-text_empty = Write what you want to say.
error-text_too_long = You wrote { $chars } letters. You can write { $max } letters at most.
error-themes_missing = Tick at least one box.
error-themes_too_many = Tick { $max } boxes or fewer.
error-theme_unknown = Tick boxes from the list.
error-too_large = You wrote too much. Make it shorter and send it again.
error-unreadable = We could not read some words. Type them again.
error-wrong_form = Use the form on this page.
error-busy-again = We are too busy right now. Your code still works. Wait a little. Then send your answers again.

## Confirmation

received-title = Thank you
received-stored = We have your comment. It is safe.
received-receipt = Your receipt
received-keep = Keep your receipt. Write it down or print this page. We cannot show it again.
receipt-unreadable-title = We cannot show this receipt
receipt-unreadable-body = A receipt has 5 groups of 4 letters and numbers. Nothing was changed.
next-title = What happens next
next-counts-org = { $org } sees the numbers every { $period }. Groups smaller than { $k } people are not shown.
next-receipt = The receipt does not show who you are. You can keep it to check your comment counted.
next-code-used = You cannot use your code again.
next-another = Say something else with a new code

## Problem pages

not-found-title = We cannot find this page
not-found-body = Check the web address is right.
round-unknown-title = We cannot find this page
round-unknown-body = Check the web address on your card.
service-problem-title = Sorry, something went wrong
service-problem-body = Nothing was kept. Your code still works. Try again later.
go-start = Go to the start page
method-not-allowed-title = This page cannot do that
method-not-allowed-body = Go back and try again.
too-large-title = You sent too much
too-large-body = We did not keep it. Make it shorter and send it again.
uri-too-long-title = The web address is too long
uri-too-long-body = Check you copied the web address right.
rate-limited-title = Too many tries
path-not-canonical-title = Check the web address
rate-limited-body = We did not keep anything. Your code still works. Wait { $seconds } seconds. Then try again.

## Paper form

paper-title = Paper form: { $round }
paper-screen-intro-give = Print this form. Fill it in by hand. Give it to someone you trust.
paper-post = Or post it to:
paper-post-free = Or post it to this address. You do not need a stamp.
paper-print = Use Print in your browser.
paper-for = For { $org }
paper-how-title = How to use this form
paper-how-code = Copy the code from your card into the boxes.
paper-how-tick = Tick what your comment is about. Tick 1, 2 or { $max } boxes.
paper-how-write = Write what you think. Do not write your name.
paper-how-give = Give the form to someone you trust. They type it in at { $url }
paper-how-about-you = For helpers: after sending, the page shows a code. The code is for questions about the person. Give them the code. Or help them answer now.
paper-code-label = Your code
paper-themes-label = What is it about? Tick 1, 2 or { $max } boxes.
paper-text-label = What do you want to tell { $org }?
paper-quote-label = { $org } can use my words. Tick if yes.
paper-private = Do not write your name on this form.

## Helping someone

helping-title = I am helping someone
helping-lead = This page is for people who help someone give feedback.
helping-their-words-title = Their words, not yours
helping-their-words = Type what they said. Do not add what you think.
helping-code-title = Use their code
helping-code = Each person has their own code. Type the code from their card.
helping-leave-out-title = What to leave out
helping-leave-out = Do not type their name. Do not type your name.
helping-nothing-recorded-title = Nobody knows who typed
helping-nothing-recorded = We do not keep who typed the comment. We do not keep the exact time.
helping-paper-title = Paper forms
helping-paper = You can print a paper form. The person fills it in. You type it in.
helping-receipt-title = The receipt
helping-receipt = Give the receipt to the person. It shows their comment arrived.

## Accessibility statement

a11y-title = Accessibility
a11y-lead = We want everyone to be able to use this service.
a11y-can-title = What you can do
a11y-can-zoom = You can make the words bigger.
a11y-can-keyboard = You can use just a keyboard.
a11y-can-no-js = You can use a simple or old browser.
a11y-can-reader = You can use a screen reader.
a11y-can-easy = You can read the pages in Easy Read.
a11y-can-paper = You can use a paper form.
a11y-compliance-title = Does it follow the rules?
a11y-compliance = We follow most of the rules for websites. The rules are called WCAG 2.2 AA. We test every page. An expert has not checked it yet. So it only partly follows the rules.
a11y-gaps-title = What is not good yet
a11y-gap-test = Disabled people have not tested the service yet.
a11y-gap-translations = The pages are in other languages too. Nobody has checked these yet:
a11y-gap-themes = Some theme names may not be in Easy Read.
a11y-gap-invite = Invitation links need JavaScript. You can use a paper code instead.
a11y-contact-title = Tell us about a problem
a11y-contact-routes = Tell the people who gave you your code. They will tell us. You do not have to say who you are.
a11y-enforcement-title = If you are not happy
a11y-enforcement-ehrc = The Equality Advisory and Support Service can help you. It is free.
a11y-eass = Phone 0808 800 0082. Textphone 0808 800 0084. Website www.equalityadvisoryservice.com
a11y-technical-title = How we test
a11y-technical = We test every page with computer checks. We test it with just a keyboard.
a11y-prepared = We wrote this in November 2026.

## The public digest

digest-title = What people told { $org }
digest-lead = These numbers show what people talked about.
digest-protect = We only show numbers for big groups. This keeps people safe.
digest-nothing = There is nothing to show yet.
digest-caption = { $period }. Comments: { $total }
digest-theme = Theme
digest-critiques = Comments
digest-fewer-than = fewer than { $k }
digest-up-to-three = One comment can have up to 3 themes.
digest-almost-everyone = almost everyone
digest-trend = Change
digest-trend-explained = “Change” shows if a number went up or down since last time.
digest-trend-up = up { $n }
digest-trend-down = down { $n }
digest-trend-same = no change
digest-trend-none = –
digest-rules = Small numbers are not shown. We write “fewer than { $k }” instead. Sometimes nearly everyone talks about a theme. Then we write “almost everyone”. Other numbers are rounded to the nearest { $base }. Some weeks have fewer than { $min } comments. We add those weeks to the next week.
digest-total = Number of comments: { $band }
digest-chart-title = What people talked about in { $period }
digest-other-formats = Other ways to get these numbers
digest-csv = Spreadsheet file
digest-questions-csv = Spreadsheet file of answers to questions
digest-atom = News feed
digest-json = Data for computers
digest-record = Did they answer in time?
digest-answer-open = No answer yet. They have until { $deadline }.
digest-answer-overdue = No answer. They had until { $deadline }.
digest-answer-on-time = They answered in time. They had until { $deadline }.
digest-answer-late = They answered late. They had until { $deadline }.
digest-themes-link = Themes from all organisations
digest-summary-most = Most talked about: { $themes }.
digest-summary-up = Up since last time: { $themes }.
digest-summary-down = Down since last time: { $themes }.
digest-summary-none = Not enough people talked about any one theme.
digest-summary-item = { $theme } ({ $figure })
digest-summary-list = { $first }, { $next }
digest-summary-and = { $first } and { $last }
digest-trend-heading = Each theme over time
digest-trend-chart-title = Each theme from { $first } to { $last }
digest-trend-how = Each line starts with the oldest numbers on the left. An empty circle means fewer than { $k } people.
digest-trend-caption = Each theme every time, oldest first
digest-trend-hidden = Always fewer than { $k } people: { $themes }.
digest-q-heading = { $prompt }
digest-q-said = About { $n } of { $of } people said { $labels }.
digest-q-chose = About { $n } of { $of } people chose { $labels }.
digest-q-said-some = About { $n } people said { $labels }.
digest-q-chose-some = About { $n } people chose { $labels }.
digest-q-almost-everyone = Almost everyone said “{ $label }”.
digest-q-label = “{ $label }”
digest-q-or = { $first } or { $second }
digest-q-answered = Number of people who answered: about { $n }
digest-q-no-answer = No answer
digest-q-answered-short = Answered
digest-q-not-shown = not shown
digest-q-answer = Answer
digest-q-people = People
digest-q-period = When
digest-q-chart-title = Answers to “{ $prompt }” in { $period }
digest-q-trend-title = Answers to “{ $prompt }” each time
digest-q-caption = { $period }. People who answered: about { $n }
digest-q-trend-caption = “{ $prompt }”: answers each time
digest-q-multi = People could choose up to { $max } answers. So the numbers can add up to more than the number of people.
digest-q-withheld = Sometimes we do not show a number. This keeps safe the few people who gave a rare answer.

## Themes across organisations

themes-title = Themes from all organisations
themes-lead = These numbers add up what people said to every organisation.
themes-how = We only add up numbers we already showed. Small numbers are not added.
themes-no-noise = We did not add any random numbers.
themes-noise-plain = We add or take away a small random number from each total. This keeps people safe. The numbers stay the same every time.
themes-noise-how = How we choose the random numbers
themes-noise-maths = The setting called epsilon is { $epsilon }. One comment counts in up to { $sensitivity } themes. So the setting called alpha is { $alpha }.
themes-caption = Themes from { $n } digests
themes-total = Total
themes-counted = Digests with a number
themes-fewer = Digests with a small number
themes-almost = Digests with almost everyone
themes-sources = Digests we added up

## Check your answers

check-title = Check your answers
check-not-sent = We have not sent anything yet. Your code still works.
check-quote = Can { $org } use your words?
check-quote-yes = Yes, { $org } can use my words.
check-quote-no = No, do not use my words.
check-send-title = Send your comment
check-send-now = Press the button to send. You cannot change it after that.
check-confirm = Send
check-change = Change my answers
check-themes-also = Add another theme? You do not have to.
check-also-hint = Your words may fit these themes too. Tick them if they fit. You can send up to 3 themes.

## The printed code card

card-step-address = Go to the web address above.
card-step-code = Type in the code. It works one time.
card-step-say = Say what you think. Nobody will know it was you.
card-step-paper = No internet? Ask for a paper form.
card-token-key = Key for online tokens: { $key }

## The invitation page (online tokens)

invite-title = Your invitation
invite-heading = You are invited to say what you think.
invite-nojs-heading = This page needs JavaScript.
invite-nojs-why = Your invitation needs JavaScript. JavaScript is turned off here.
invite-nojs-paper = You can use a paper code instead. Ask the person who invited you for a code card.
invite-nojs-form-before = Then go to
invite-nojs-form-link = the form
invite-nojs-form-after = . Type the code from your card.
invite-step1-heading = Step 1. Get your token.
invite-step1-how = Your browser makes a secret token. Nobody can link it to your invitation. Not even us.
invite-step1-where = The token stays in this browser on this device.
invite-get-button = Get my token
invite-step2-heading = Step 2. Write now or later.
invite-wait-strong = Waiting makes you safer.
invite-wait-why-later = If you write now, we could guess who wrote it. Another day is safer.
invite-later-same = To write later, open your invitation link again. Use the same browser on the same device.
invite-done = We have kept what you wrote safe. Your token is used up.
invite-check-not-sent = We have not sent anything yet. Your token still works.
invite-check-send-now = Press the button to send. You cannot change it after that.
invite-say-invitation-used = This invitation was used before. Did you use it in this browser? Then open the link in this browser. If not, ask for a new invitation.
invite-say-invitation-unknown = We do not know this invitation. Open the whole link you got.
invite-say-token-spent = This token was used before. Did you press the button two times? Then we have your comment.
invite-say-token-invalid = This token does not work now. Ask for a new invitation or a paper code.

## About you (optional, unlinked; asked after sending)

about-link-lead = You can answer four more questions about you. You do not have to. We do not link them to your comment.
about-link = Answer questions about you
about-title = About you
about-lead = These questions help { $org } know if everyone is heard.
about-skip = You do not have to answer. You can skip any question.
about-unlinked = We keep your answers away from your comment. Nobody can link them.
about-mixed = We save your answers straight away. Later we mix them with other people's answers. After that, nobody can tell when you answered.
about-shown = { $org } only sees totals. Small groups under { $k } people are not shown.
about-age-legend = How old are you?
about-age-under_18 = Under 18
about-age-18_24 = 18 to 24
about-age-25_34 = 25 to 34
about-age-35_49 = 35 to 49
about-age-50_64 = 50 to 64
about-age-65_79 = 65 to 79
about-age-80_plus = 80 or older
about-ethnicity-legend = What is your ethnic group?
about-ethnicity-hint = These are the five main groups in the census.
about-ethnicity-asian = Asian or Asian British
about-ethnicity-black = Black, Black British, Caribbean or African
about-ethnicity-mixed = Mixed or more than one group
about-ethnicity-white = White
about-ethnicity-other = Another group
about-disability-legend = Are you disabled?
about-care-legend = Do you get care or support?
about-yes = Yes
about-no = No
about-prefer_not = I do not want to say
about-send = Send my answers
about-error = Choose one answer. Or leave it empty.
about-thanks-title = Thank you
about-thanks-body = We only show totals. We never show your own answers.
about-code = Your code for the questions about you
about-code-hint = You can use it once. It stops working at the end of this { $period }. Keep it if you want to answer later.
about-code-form-hint = It has 12 letters and numbers. It was on the page after you sent your comment. It is not the code on your card.
about-code-missing = Type your code for these questions. It was on the page after you sent your comment.
about-code-invalid = This code is not right. Check each letter and number. The code on your card does not work here.
about-code-refused = This code does not work. Check each letter and number. Each code works once. Old codes do not work.

## Beside the digest: quotes, responses, pledges, "about you" totals

voices-title = You said, we did: { $period }
voices-response = Our answer:
voices-changed = We changed this answer { $times } times. You can see every version online.
voices-pledge = Our promise:
voices-pledge-step = { $status }, in the time starting { $period }
voices-status-planned = Planned
voices-status-in_progress = Started
voices-status-done = Done
voices-status-dropped = Stopped
voices-quotes-title = What people said
voices-quotes-checked-hint = People said we could share their words. A person checked every quote. They took out names and details.
voices-about-title = Who told us about themselves
voices-about-respondents = People who answered: { $total }. We do not link these answers to comments. Small groups under { $k } people are not shown.
voices-answer = Answer
voices-people = People
voices-not-answered = No answer
voices-fewer-than = fewer than { $k }
voices-about = about { $n }
voices-almost-everyone = almost everyone

## Dates and periods

month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
date = { $day } { $month } { $year }
date-range-month = { $from } to { $to } { $month }
date-range = { $from } { $from-month } to { $to } { $to-month }
date-range-years = { $from } { $from-month } { $from-year } to { $to } { $to-month } { $to-year }
period-week = Week { $week } of { $year } ({ $range })
period-weeks = Weeks { $first } to { $last } of { $year } ({ $range })
period-dates = { $range } { $year }
band-range = between { $low } and { $high }
band-more = { $low } or more

## The default themes

theme-whose-voices = Whose voices are heard
theme-whose-voices-hint = Some people are not asked what they think. Some people are not listened to.
theme-money-and-time = Money, time and resources
theme-money-and-time-hint = There is not enough money, staff or time.
theme-accessible-places = Accessible places and meetings
theme-accessible-places-hint = Some places and meetings are hard to get to or hard to join.
theme-digital-access = Digital access and confidence
theme-digital-access-hint = Some things are only online. Some people have no internet or need help.
theme-fear-of-consequences = Fear of speaking up
theme-fear-of-consequences-hint = You may be scared to complain. You may worry about losing your support.
theme-risk-and-culture = Culture and risk aversion
theme-risk-and-culture-hint = The organisation is scared of change. It may be scared of the people it helps.
theme-power-and-attitudes = Power sharing and staff attitudes
theme-power-and-attitudes-hint = Staff make decisions without you. Staff do not treat you with respect.
theme-leadership = Leadership and vision
theme-leadership-hint = The people in charge do not have a clear plan. They do not keep promises.
theme-policy-and-rules = Policy and rules
theme-policy-and-rules-hint = The rules about how you can take part are not clear.
theme-meaning-of-involvement = What working together means
theme-meaning-of-involvement-hint = People do not agree on what working together means.
theme-information = Information and communication
theme-information-hint = You do not get information in time. Or it is hard to understand.
theme-follow-through = Evidence and follow-through
theme-follow-through-hint = Nothing changes after people speak up. Nobody checks what happened.
theme-something-else = Something else
theme-something-else-hint = Anything else you want to tell them.

## The invitation page's script

invite-say-no-invitation = This link is not complete. Open the whole link you got.
invite-say-making = Making your token…
invite-say-saved = Your token is in this browser. You can write now or later.
invite-say-make-failed = Something went wrong. Try again later.
invite-say-not-asking = This form does not use tokens.
invite-say-no-token = There is no token here. Get one first.
invite-say-sending = Sending…
invite-say-received = We have it.
invite-say-send-failed = It did not send. Your token still works. Try again.
invite-say-ready = Your token is in this browser. Write when you are ready.

## The printed code cards

cards-title = Code cards: { $round }
cards-heading = Code cards for { $round }
cards-print = Print these cards
cards-back = Back to the round in the console
cards-intro = { $n ->
    [one] One card.
   *[other] { $n } cards.
} Print them on A4 paper. Cut along the lines. You only see these codes once. Give the cards out in any order. Do not write down who got which card.

## Checking our promises

audit-title = Check our promises
audit-lead = You do not have to trust us. You can check every comment was counted.
audit-receipt-title = Check your receipt
audit-receipt = You got a receipt like { $example }. Look for it in the list for your week. We never ask for your receipt.
audit-sealed-title = Finished weeks
audit-none-sealed = No week has finished yet.
audit-table-caption = Finished weeks and their numbers
audit-round = Round
audit-period = Week
audit-critiques = Comments
audit-codes = Codes used
audit-tokens = Tokens used
audit-receipts = Receipts
audit-unreadable = cannot read
audit-list = List
audit-download = Download
audit-for = for { $round }, { $period }
audit-shredded = (the words were deleted later)
audit-closed-early = (closed early)
audit-closed-early-note = Sometimes we close a week early. We do this once a week at most. We only do it when there are enough comments to keep everyone safe. The log shows every early close.
audit-log-title = The record
audit-log = We keep a record that nobody can change. It has every receipt.
audit-log-key = Key of the record
audit-leaves = Entries
audit-tree-heads = Signed checks
audit-verify = Experts can check the record with this command:
audit-data = Data for computers:
audit-exact = Some numbers here are exact. They never show who wrote what.
receipts-title = Receipts for { $round }, { $period }
receipts-heading = Receipts for { $period }
receipts-count = { $n ->
    [one] We counted one comment.
   *[other] We counted { $n } comments.
} The receipts are in the order of the alphabet.
receipts-search = Look for your receipt on this page. Or download the list.
receipts-download = Download the list
receipts-missing-title = There is no list yet
receipts-missing-body = We show the list after the week ends.

## Questions beside the free text (issue 20)
question-optional = You do not have to answer this.
question-choose-one = Tick 1 answer.
question-choose-up-to = Tick up to { $max } answers.
paper-tick-one = Tick 1 box.
paper-tick-up-to = Tick up to { $max } boxes.
check-not-answered = No answer
check-change-answer = Change
error-answer_missing = Answer this question: “{ $prompt }”.
error-answer_too_many = “{ $prompt }”: tick { $max } answers or fewer.
error-answer_option_unknown = “{ $prompt }”: tick an answer from the list.
error-answer_question_unknown = Something went wrong with the form. Please fill it in again.

# The default five-point scale (issue 20), from worst to best: its labels,
# then its Easy Read labels. Shown only while a round keeps the default wording.
scale-very-badly = Very badly
scale-badly = Badly
scale-neither = Neither well nor badly
scale-well = Well
scale-very-well = Very well
scale-easy-very-badly = Very bad
scale-easy-badly = Bad
scale-easy-neither = Not good, not bad
scale-easy-well = Good
scale-easy-very-well = Very good
