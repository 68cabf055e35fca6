# Parrhesia: plain English. Every key here must also be in every other
# message file (a unit test checks it). Keep sentences short and words
# common; explain any word a person might not know.

## The page frame

service-name = Parrhesia
tagline = speak frankly, safely
skip-link = Skip to main content
title-suffix = Parrhesia
error-title-prefix = Error:
footer-privacy = Parrhesia does not record who you are. It keeps no addresses, no cookies and no exact times.
footer-privacy-console-sign-in = Staff pages use one cookie, only to sign you in safely and keep you signed in. Pages for the people giving feedback use none, and Parrhesia keeps no addresses and no exact times.
footer-helping = I am helping someone
footer-accessibility = Accessibility
footer-paper = Paper forms
easy-read-link = Easy Read version
standard-link = Standard version
error-summary-title = There is a problem
error-hidden-prefix = Error:

## Languages: each file names its own language, in itself

language-name = English
language-switcher = Language
# "needed" until a native speaker has checked this file, then "done".
language-review = done
list-separator = {", "}
thousands-separator = ,

## Words we use (shown on Easy Read pages and the helping page)

glossary-title = Words we use
glossary-code = Code
glossary-code-means = A mix of letters and numbers printed on a card. It lets you send one comment. It does not say who you are.
glossary-theme = Theme
glossary-theme-means = What your comment is about, like food or staff. Themes let us count what people raise.
glossary-anonymous = Anonymous
glossary-anonymous-means = Nobody can tell who you are. Not us and not the organisation.

## Home page

home-title = Tell organisations what you really think
home-lead = Parrhesia lets you tell a care provider, council or charity what is wrong, without anyone knowing it was you.
home-code = To take part you need a code. It is printed on a card, or someone who supports you can give you one. The card also shows the web address to use.
home-what-happens = What happens to what you write
home-no-name = We never ask for your name.
home-no-address = We do not keep your internet address or any cookies.
home-groups = Comments are counted in groups. Small groups are never shown, so nobody can work out who said what.
home-helping = Helping someone else to take part? Read our guidance for helpers.

## The round page: information in advance, then the form

period-noun = { $weeks ->
    [1] week
   *[other] { $weeks }-week period
}
before-title = Before you start
before-no-name = You do not give your name. We do not keep your internet address, cookies or the exact time you write.
before-who-sees = Your words are seen by the people who run this service. { $org } sees how many people chose each theme.
before-when = Numbers are shown only after each { $period } ends, and only for groups of { $k } or more people, so nobody can work out who said what.
before-names = Do not write your name, or other people's names, unless you want to.
before-once-check = Your code works once. You can check your answers before you send them. Once they are sent, you cannot change them.
form-paper = You can also fill in a paper form
form-helping = Typing this in for someone else? Read the guidance for helpers
code-label = Your code
code-hint = It is printed on your card, like { $example }. Capital or small letters are fine.
themes-legend = What is it about?
themes-hint = Choose 1, 2 or { $max } themes.
text-label = What do you want to tell { $org }?
text-hint = Write in any language, up to 5,000 characters. Leave out names and details that could identify you or someone else.
quote-label = { $org } may quote my words
quote-consent-hint = Only if you tick this. A person reads every quote before it is shared and takes out anything that could identify you or someone else. A computer takes out the names and details it recognises first, but it can miss some.
continue-button = Continue
themes-more = Show { $n } more themes

## Problems with what was sent (the form shows them again)

error-code_missing = Enter the code from your card.
error-code_invalid = This code does not look right. Check each letter and number on your card and try again.
error-code_unknown = We do not recognise this code for this feedback round. Check each letter and number on your card.
error-code-used = This code has already been used. If you pressed the button twice, your comment was received the first time and there is nothing more to do. If you did not use this code, tell the person who gave it to you.
error-text_empty = Write what you want to say.
error-text_too_long = What you wrote is { $chars } characters long. It must be { $max } characters or fewer.
error-themes_missing = Choose at least one theme.
error-themes_too_many = Choose no more than { $max } themes.
error-theme_unknown = Choose themes from the list.
error-too_large = What you sent is too long. Shorten what you wrote and send it again.
error-unreadable = Some of what you sent could not be read. Type it again and send it.
error-wrong_form = Send your answers with the form on this page.
error-busy-again = The service is busy. Nothing was stored and your code was not used. Wait a moment, then continue and send your answers again.

## Confirmation

received-title = Received
received-stored = What you wrote has been stored safely.
received-receipt = Your receipt
received-keep = Keep your receipt: write it down, print this page or take a photo of it. We cannot show it to you again, because we do not know which comment is yours.
receipt-unreadable-title = This receipt cannot be shown
receipt-unreadable-body = A receipt has five groups of four letters and numbers, like 7KQ2-M9XD-4RT5-0A1B-2C3D. Nothing was stored or changed.
next-title = What happens next
next-counts-org = After this { $period } ends, { $org } sees how many people raised each theme. Groups smaller than { $k } are not shown.
next-receipt = Your receipt is not linked to your code or to you. Keep it if you want to check later that your comment was counted. You do not have to keep it.
next-code-used = Your code cannot be used again.
next-another = Write about something else with another code

## Problem pages

not-found-title = Page not found
not-found-body = If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.
round-unknown-title = Feedback round not found
round-unknown-body = There is no feedback round at this address. Check the address on your card.
service-problem-title = Sorry, there is a problem with the service
service-problem-body = Something went wrong on our side. Nothing was stored and your code was not used. Try again later.
go-start = Go to the start page
method-not-allowed-title = This page cannot do that
method-not-allowed-body = This page cannot be used in that way. Go back and try again, or go to the start page.
too-large-title = Request too large
too-large-body = What was sent is too large for this service. Nothing was stored. Go back, shorten what you wrote and send it again.
uri-too-long-title = Web address too long
uri-too-long-body = This web address is too long. Check that you copied it correctly.
rate-limited-title = Too many attempts
path-not-canonical-title = Check the web address
rate-limited-body = There have been too many attempts from your connection in a short time. Nothing was stored and your code was not used. Wait { $seconds } seconds, then go back and send the form again.

## Paper form (printed on A4)

paper-title = Paper form: { $round }
paper-screen-intro-give = Print this form on A4 paper. Fill it in by hand, then give it to someone you trust to type in for you, such as an advocate.
paper-post = Or post it to this address:
paper-post-free = Or post it to this address. You do not need a stamp:
paper-print = To print, use your browser's Print command.
paper-for = For { $org }
paper-how-title = How to use this form
paper-how-code = Copy the code from your card into the boxes. Each code works once.
paper-how-tick = Tick what your comment is about. Tick 1, 2 or { $max } boxes.
paper-how-write = Write what you want to say. Do not write your name.
paper-how-give = Give the form to a person you trust. They type it in at { $url } with your code. Or type it in yourself.
paper-how-about-you = For the person typing it in: after sending, the page shows a code for the optional questions about the writer. Give them the code, or help them answer straight away. It works once.
paper-code-label = Your code
paper-themes-label = What is it about? Tick 1, 2 or { $max } boxes.
paper-text-label = What do you want to tell { $org }?
paper-quote-label = { $org } may quote my words (tick if yes)
paper-private = Do not write your name on this form. Nobody who types it in may add your name or any details about you.

## Helping someone take part

helping-title = I am helping someone take part
helping-lead = You may be a support worker, an advocate, a friend or a relative. This page tells you how to help someone give feedback without anyone knowing who they are.
helping-their-words-title = Their words, not yours
helping-their-words = Type exactly what they wrote or said. Do not add your own view. If they want to say something you disagree with, type it anyway.
helping-code-title = Use their code
helping-code = Each person needs their own code. Type the code from their card. Each code works once, so do not use your own code or someone else's.
helping-leave-out-title = What to leave out
helping-leave-out = Do not add their name, room number, date of birth or anything else that could show who they are. Do not add your own name either.
helping-nothing-recorded-title = Nothing records who typed
helping-nothing-recorded = Parrhesia does not record who typed a comment, on which device or at what exact time. It keeps no internet addresses and sets no cookies.
helping-paper-title = Paper forms
helping-paper = Each round has a paper form you can print. The person fills it in, or tells you what to write. You then type it in with their code. Afterwards give the paper back to them or destroy it.
helping-receipt-title = The receipt
helping-receipt = After sending, the page shows a receipt. Give it to the person, or write it on their card. It lets them check later that their comment was counted.

## Accessibility statement (after the UK government's model statement)

a11y-title = Accessibility statement
a11y-lead = This statement is about the Parrhesia service. We want as many people as possible to be able to use it.
a11y-can-title = What you can do
a11y-can-zoom = Zoom in up to 400% without the text spilling off the screen.
a11y-can-keyboard = Use every part of the service with just a keyboard.
a11y-can-no-js = Use the service without JavaScript, and with a text-only browser.
a11y-can-reader = Use the service with a screen reader or speech recognition.
a11y-can-easy = Read every page for participants in Easy Read.
a11y-can-paper = Use a printed paper form, and ask someone to type it in for you.
a11y-compliance-title = Compliance status
a11y-compliance = This website is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. Every page passes our automated checks and keyboard-only tests, but it has not yet been checked by an accessibility specialist or tested by disabled people, so there may be problems we have not found. The problems we know about are listed below.
a11y-gaps-title = What we know is not yet accessible
a11y-gap-test = Automated tests cannot find every problem. The service has not yet been tested by disabled people or by an accessibility expert.
a11y-gap-translations = Pages are also in other languages. Careful translations that a native speaker has not yet checked:
a11y-gap-themes = Theme names are set by each organisation, so they may not be in Easy Read.
a11y-gap-invite = Invitation links need JavaScript. Without it, you can take part with a paper code instead.
a11y-contact-title = Feedback and contact information
a11y-contact-routes = If you find a problem, or need something in a different format, tell the organisation that gave you your code or invitation, or the people who run this service for them. They must pass it on to us. You do not have to say who you are.
a11y-enforcement-title = If you are not happy with the answer
a11y-enforcement-ehrc = The Equality and Human Rights Commission (EHRC) enforces the accessibility regulations. If you are not happy with how your problem was dealt with, contact the Equality Advisory and Support Service (EASS).
a11y-eass = EASS: phone 0808 800 0082 or textphone 0808 800 0084 (free), or go to www.equalityadvisoryservice.com
a11y-technical-title = Technical information about this website's accessibility
a11y-technical = We test against WCAG 2.2 at level AA in a real browser with automated checks (axe-core), keyboard-only journeys, a text-only browser, zoom to 400% and extra text spacing.
a11y-prepared = This statement was written in November 2026 and is checked every time the service changes.

## The public digest

digest-title = What people told { $org }
digest-lead = What people raised, by theme, for each period that has ended. The most raised themes come first.
digest-protect = To protect the people who wrote, a number is shown only when enough people are in it. Otherwise it says “fewer than” that number. Nothing is shown while a period is still open.
digest-nothing = Nothing has been published yet.
digest-caption = { $period } – comments: { $total }
digest-theme = Theme
digest-critiques = Comments
digest-fewer-than = fewer than { $k }
digest-up-to-three = A comment can choose up to three themes, so the theme counts can add up to more than the number of comments.
digest-almost-everyone = almost everyone
digest-trend = Change
digest-trend-explained = “Change” compares each theme with the release before, only where both show a number.
digest-trend-up = up { $n }
digest-trend-down = down { $n }
digest-trend-same = no change
digest-trend-none = –
digest-rules = Rules for this round: a theme raised by fewer than { $k } people is shown as “fewer than { $k }”; a theme that fewer than { $k } people did not raise is shown as “almost everyone”; other counts are rounded to the nearest { $base }. A period with fewer than { $min } comments is held back and published together with the next one. Totals are shown as ranges.
digest-total = Comments in this release: { $band }
digest-chart-title = Themes raised in { $period }
digest-other-formats = This digest in other formats
digest-csv = Spreadsheet (CSV)
digest-questions-csv = Answers to questions (CSV)
digest-atom = News feed of new digests (Atom)
digest-json = Data for programs (JSON)
digest-record = Answering on the record: whether each digest was answered, and in time
digest-answer-open = Not answered yet (the deadline is { $deadline }).
digest-answer-overdue = Not answered: the deadline was { $deadline }.
digest-answer-on-time = Answered on time (the deadline was { $deadline }).
digest-answer-late = Answered late (the deadline was { $deadline }).
digest-themes-link = Themes across all organisations
digest-summary-most = Most raised: { $themes }.
digest-summary-up = Up since the release before: { $themes }.
digest-summary-down = Down since the release before: { $themes }.
digest-summary-none = Every theme was raised by fewer than { $k } people, so none can be named.
digest-summary-item = { $theme } ({ $figure })
digest-summary-list = { $first }, { $next }
digest-summary-and = { $first } and { $last }
digest-trend-heading = Each theme over time
digest-trend-chart-title = Each theme in every release, from { $first } to { $last }
digest-trend-how = Each line runs from the oldest release on the left to the newest on the right, with the newest figure at its end. An empty circle on the bottom line is “fewer than { $k }”: not shown as a number.
digest-trend-caption = Each theme in every release, oldest first
digest-trend-hidden = Not drawn, because fewer than { $k } people raised them in every release: { $themes }.
digest-q-heading = { $prompt }
digest-q-said = About { $n } of { $of } people said { $labels }.
digest-q-chose = About { $n } of { $of } people chose { $labels }.
digest-q-said-some = About { $n } people said { $labels }.
digest-q-chose-some = About { $n } people chose { $labels }.
digest-q-almost-everyone = Almost everyone said “{ $label }”.
digest-q-label = “{ $label }”
digest-q-or = { $first } or { $second }
digest-q-answered = People who answered: about { $n }
digest-q-no-answer = No answer
digest-q-answered-short = Answered
digest-q-not-shown = not shown
digest-q-answer = Answer
digest-q-people = People
digest-q-period = Period
digest-q-chart-title = Answers to “{ $prompt }”, { $period }
digest-q-trend-title = Answers to “{ $prompt }”, each period
digest-q-caption = { $period } – people who answered: about { $n }
digest-q-trend-caption = “{ $prompt }”: answers in each period
digest-q-multi = People could choose up to { $max } answers, so the numbers can add up to more than the number of people.
digest-q-withheld = “Not shown” hides a number that, together with the others, could show how many people gave a rare answer.

## Themes across organisations

themes-title = Themes across all organisations
themes-lead = What people raised, added up across every organisation. Each round counts with its latest published digest.
themes-how = Only published figures are added up. A theme shown as “fewer than” or “almost everyone” is counted, not added.
themes-no-noise = No random amount has been added to these totals.
themes-noise-plain = So that nobody can work out one organisation's figures from these totals, each total has a small random amount added to it or taken away. The amount was chosen once for each digest and kept, so the page shows the same numbers every time.
themes-noise-how = How the random amounts are chosen
themes-noise-maths = The noise follows the two-sided geometric mechanism with ε = { $epsilon } per release and sensitivity { $sensitivity } (one comment counts in at most { $sensitivity } themes), so α = { $alpha }: a change of 1 is { $alpha } times as likely as no change, a change of 2 is { $alpha } times as likely again, and so on.
themes-caption = Themes across { $n } published digests
themes-total = Total (with the random amount)
themes-counted = Digests that show a number
themes-fewer = Digests with “fewer than”
themes-almost = Digests with “almost everyone”
themes-sources = Digests added up

## Check your answers (nothing is stored yet)

check-title = Check your answers before sending
check-not-sent = Nothing has been sent yet and your code has not been used.
check-quote = May { $org } quote you?
check-quote-yes = Yes, { $org } may quote my words.
check-quote-no = No, do not quote my words.
check-send-title = Now send your comment
check-send-now = When you press the button, your comment is stored and your code is used up. You cannot change it after that.
check-confirm = Confirm and send
check-change = Change your answers
check-themes-also = Add another theme? (optional)
check-also-hint = What you wrote may also fit these themes. Tick any that fit; nothing is added unless you tick it. You can send up to three themes in all.

## The printed code card (what its holder reads)

card-step-address = Go to the web address above.
card-step-code = Type in the code. Each code works once.
card-step-say = Say what you think. Nobody will know it was you.
card-step-paper = No internet? Ask for the paper form.
card-token-key = Online tokens for this round are signed with key { $key }.

## The invitation page (online tokens)

invite-title = Your invitation
invite-heading = You are invited to give feedback
invite-nojs-heading = This page needs JavaScript
invite-nojs-why = Your invitation works by making a private token inside your web browser, and that needs JavaScript, which is turned off or not available here.
invite-nojs-paper = You can still take part with a paper code instead. Ask the person who invited you for a code card, or ask someone who supports you to get one.
invite-nojs-form-before = Then go to
invite-nojs-form-link = the feedback form
invite-nojs-form-after = {" "}and type the code from the card.
invite-step1-heading = Step 1: get your private token
invite-step1-how = Your browser makes a token and the service signs it without seeing it. Later, nobody – not even the people who run this service – can tell which invitation a token came from.
invite-step1-where = The token is kept only in this browser, on this device.
invite-get-button = Get my token
invite-step2-heading = Step 2: write now, or come back later
invite-wait-strong = Waiting makes you safer.
invite-wait-why-later = If you write straight away, the service could notice that a token was made and a comment arrived a moment later. If you come back another day, nobody can connect the two.
invite-later-same = To write later, open the link from your invitation again, in this same browser on this device. Your invitation can make only one token, and the token stays in this browser until you use it.
invite-done = What you wrote has been stored safely. Your token has been used and removed from this browser.
invite-check-not-sent = Nothing has been sent yet and your token has not been used.
invite-check-send-now = When you press the button, your comment is stored and your token is used up. You cannot change it after that.
invite-say-invitation-used = This invitation has already made its token. If you made it in this browser, open the link in that same browser to write. If not, ask the person who invited you for a new invitation or a paper code.
invite-say-invitation-unknown = This invitation is not recognised. Check that you opened the whole link you were sent.
invite-say-token-spent = This token has already been used. If you pressed the button twice, your comment was received the first time and there is nothing more to do.
invite-say-token-invalid = This token no longer works. Ask the person who invited you for a new invitation or a paper code.

## About you (optional, unlinked; asked after sending)

about-link-lead = You can also answer four optional questions about yourself. Your answers are not linked to what you wrote.
about-link = Answer questions about you (optional)
about-title = About you
about-lead = These questions help { $org } see whether it hears from everyone: younger and older people, every ethnic group, disabled people and people who use care or support.
about-skip = Every question is optional. Skip any you do not want to answer.
about-unlinked = Your answers are kept apart from anything you wrote. Nothing stored links them to your comment, your code or you.
about-mixed = Your answers are stored as soon as you send them, locked with a key that is destroyed once they have been mixed in with other people's answers (at least an hour later, and before this { $period } is published). After that, nothing stored shows when you answered or which critique was written just before.
about-shown = { $org } only sees totals. Any answer given by fewer than { $k } people is shown as "fewer than { $k }".
about-age-legend = How old are you?
about-age-under_18 = Under 18
about-age-18_24 = 18 to 24
about-age-25_34 = 25 to 34
about-age-35_49 = 35 to 49
about-age-50_64 = 50 to 64
about-age-65_79 = 65 to 79
about-age-80_plus = 80 or over
about-ethnicity-legend = What is your ethnic group?
about-ethnicity-hint = These are the five main groups used by the Office for National Statistics.
about-ethnicity-asian = Asian or Asian British
about-ethnicity-black = Black, Black British, Caribbean or African
about-ethnicity-mixed = Mixed or multiple ethnic groups
about-ethnicity-white = White
about-ethnicity-other = Another ethnic group
about-disability-legend = Do you consider yourself to be disabled?
about-care-legend = Do you use care or support services?
about-yes = Yes
about-no = No
about-prefer_not = Prefer not to say
about-send = Send my answers
about-error = Choose one of the answers for this question, or leave it blank.
about-thanks-title = Thank you for telling us about yourself
about-thanks-body = Your answers will only ever be shown as totals, together with other people's answers.
about-code = Your code for the questions about you
about-code-hint = It works once, until this { $period } ends. Nothing stored links it to your comment. Keep it if you want to answer later.
about-code-form-hint = 12 letters and numbers, from the page that said your comment was received. It is not the code on your card.
about-code-missing = Enter your code for the questions about you. It is on the page that said your comment was received.
about-code-invalid = This code does not look right. Check each letter and number. The code on your card does not work here.
about-code-refused = This code does not work. Check each letter and number. Each code works once, and only until the period it was given in ends.

## Beside the digest: quotes, responses, pledges, "about you" totals

voices-title = You said, we did: { $period }
voices-response = Response:
voices-changed = This response has been changed { $times } times. Every version is in the JSON digest.
voices-pledge = Pledge:
voices-pledge-step = { $status }, in the period starting { $period }
voices-status-planned = Planned
voices-status-in_progress = In progress
voices-status-done = Done
voices-status-dropped = Dropped
voices-quotes-title = What people said
voices-quotes-checked-hint = Quoted with the writer's permission. A person checked every quote and took out names and details before it was shared. Shown in a random order.
voices-about-title = Who answered the "about you" questions
voices-about-respondents = People who answered: { $total }. These answers are not linked to any comment. Answers given by fewer than { $k } people are shown as "fewer than { $k }".
voices-answer = Answer
voices-people = People
voices-not-answered = Not answered
voices-fewer-than = fewer than { $k }
voices-about = about { $n }
voices-almost-everyone = almost everyone

## Dates and periods (digests, receipts lists, pledges)

# The name of a month, as written in a date ("23 November").
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
band-range = { $low }-{ $high }
band-more = { $low } or more

## The default themes: each label, and the line that explains it

theme-whose-voices = Whose voices are heard
theme-whose-voices-hint = Who gets asked and listened to, and who is left out.
theme-money-and-time = Money, time and resources
theme-money-and-time-hint = Not enough money, staff or time to do things properly.
theme-accessible-places = Accessible places and meetings
theme-accessible-places-hint = Buildings, travel, times and meeting styles that shut people out.
theme-digital-access = Digital access and confidence
theme-digital-access-hint = Online-only services, no internet, or no help to use it.
theme-fear-of-consequences = Fear of speaking up
theme-fear-of-consequences-hint = Worry that complaining could cost you your service or support.
theme-risk-and-culture = Culture and risk aversion
theme-risk-and-culture-hint = An organisation that is afraid of change or of the people it serves.
theme-power-and-attitudes = Power sharing and staff attitudes
theme-power-and-attitudes-hint = Professionals who do not share decisions or do not respect you.
theme-leadership = Leadership and vision
theme-leadership-hint = Leaders who do not set a clear direction or keep their word.
theme-policy-and-rules = Policy and rules
theme-policy-and-rules-hint = Unclear or missing rules about how people are involved.
theme-meaning-of-involvement = What working together means
theme-meaning-of-involvement-hint = No shared understanding of what involving people (co-production) means.
theme-information = Information and communication
theme-information-hint = Not getting information in advance, or in a way you understand.
theme-follow-through = Evidence and follow-through
theme-follow-through-hint = Nothing changes after people speak up, or nobody checks.
theme-something-else = Something else
theme-something-else-hint = Anything that does not fit the other themes.

## The invitation page's script: short lines it shows as it works

invite-say-no-invitation = This link has no invitation in it. Open the whole link you were sent.
invite-say-making = Making your private token…
invite-say-saved = Your token is saved in this browser. You can write now, or come back to this link later.
invite-say-make-failed = Something went wrong making your token. Nothing was stored. Try again later.
invite-say-not-asking = This feedback round is not asking for tokens.
invite-say-no-token = There is no token in this browser. Get one first.
invite-say-sending = Sending…
invite-say-received = Received.
invite-say-send-failed = Could not send. Your token is still saved; try again.
invite-say-ready = Your token is saved in this browser. You can write whenever you are ready.

## The printed code cards (the host's sheet)

cards-title = Code cards: { $round }
cards-heading = Code cards for { $round }
cards-print = Print these cards
cards-back = Back to the round in the console
cards-intro = { $n ->
    [one] One card.
   *[other] { $n } cards.
} Print on A4 and cut along the lines. These codes are shown only this once: the service keeps only a scrambled form of them. Hand cards out at random, and do not write down who got which.

## Checking our promises (the audit pages)

audit-title = Check our promises
audit-lead = You do not have to trust us. Everything here lets anyone check that every comment was counted, that nothing was added or removed later, and that everyone sees the same records.
audit-receipt-title = Check your receipt
audit-receipt = When you sent a comment you got a receipt, like { $example }. After your period ends, find its list below and search it for your receipt (Ctrl+F, or download the list and search it on your own computer). We never ask you for your receipt: asking would link you to your comment.
audit-sealed-title = Sealed periods
audit-none-sealed = No period has been sealed yet.
audit-table-caption = Sealed periods with their exact totals
audit-round = Round
audit-period = Period
audit-critiques = Comments
audit-codes = Codes spent
audit-tokens = Tokens spent
audit-receipts = Receipts
audit-unreadable = unreadable
audit-list = List
audit-download = Download
audit-for = for round { $round }, period starting { $period }
audit-shredded = (texts destroyed after retention)
audit-closed-early = (closed early)
audit-closed-early-note = A period marked “closed early” was closed by us before its end. We may do that at most once in a period, and only when it holds at least as many comments as a published digest needs, so that nobody can be picked out. The log records every early close, and the command below checks this rule.
audit-log-title = The log
audit-log = Every comment's receipt, every sealed digest and every token key goes into an append-only Merkle log (in the style of RFC 9162, Certificate Transparency). Each sealed period ends with a tree head signed by the log key.
audit-log-key = Log key (Ed25519, base64)
audit-leaves = Leaves
audit-tree-heads = Signed tree heads
audit-verify = To check every signature, the log's consistency and every total, run this command:
audit-data = The data behind this page, for programs: the document, its leaves and proofs.
audit-exact = Some numbers here are exact, even below the group size used in digests: an auditor must be able to check that nothing was dropped. They say how many people wrote in a period, never who or about what.
receipts-title = Receipts for { $round }, { $period }
receipts-heading = Receipts for { $period }
receipts-count = { $n ->
    [one] One comment was counted in this period.
   *[other] { $n } comments were counted in this period.
} Every receipt is below, in alphabetical order, not the order they arrived.
receipts-search = Search this page for your receipt (Ctrl+F), or download the list and search it on your own computer.
receipts-download = Download the list
receipts-missing-title = No receipts list for this period yet
receipts-missing-body = Receipts are listed only after a period has ended and been sealed. Check the period on the audit page.

## Questions beside the free text (issue 20)
question-optional = (optional)
question-choose-one = Choose one answer.
question-choose-up-to = Choose up to { $max } answers.
paper-tick-one = Tick one box.
paper-tick-up-to = Tick up to { $max } boxes.
check-not-answered = Not answered
check-change-answer = Change
error-answer_missing = Answer the question “{ $prompt }”.
error-answer_too_many = For “{ $prompt }”, choose no more than { $max } answers.
error-answer_option_unknown = For “{ $prompt }”, choose one of the answers shown.
error-answer_question_unknown = The form sent an answer to a question this round does not ask. Fill in the form again.

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
