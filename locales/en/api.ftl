# Messages of the JSON API's errors, one per stable error code (the
# "error" field). The "message" field is this text in the request's
# language (?lang= or Accept-Language); technical details from parsers
# go in a separate "detail" field, in English. Every key here must be in
# every other language's api.ftl (a unit test checks it).

## Participants' answers

code_missing = Enter the code from your card.
code_invalid = This code does not look right. Check each letter and number on your card and try again.
code_unknown = We do not recognise this code for this feedback round. Check each letter and number on your card.
code_spent = This code has already been used. If you did not use it, tell the person who gave it to you.
about_you_code_refused = This code does not work for the questions about you. Check each letter and number. Each code works once, and only until the period it was given in ends.
text_empty = Write what you want to say.
text_too_long = What you wrote is { $chars } characters long. It must be { $max } characters or fewer.
themes_missing = Choose at least one theme.
themes_too_many = Choose no more than { $max } themes.
theme_unknown = Choose themes from the list.

## Hosts' settings (the admin API)

slug_invalid = { $field } must be 1 to 40 characters: lower-case letters a to z, digits and single hyphens, starting with a letter.
field_invalid = { $field } must be 1 to 200 characters, without control characters.
postal_invalid = { $field } is too long or has a character that cannot be printed: a postal address is at most 8 lines and 300 characters, a freepost line one line of at most 100.
min_group_invalid = min_group must be a whole number from 2 to 1000.
min_group_lowered = The round is open, so its minimum group size can only be raised (it is { $current }).
period_invalid = period_weeks must be a whole number from 1 to 13.
themes_locked = The round is open, so themes can only be added, not changed or removed.
themes_invalid = Give 1 to 40 themes, each with a unique slug and a label.
count_invalid = count must be a whole number from 1 to 10000.
retention_invalid = retention_periods must be a whole number from 1 to 520.
days_to_answer_invalid = days_to_answer must be a whole number from 1 to 365.
rules_invalid = The disclosure rules are not valid. rounding_base must be 1 to 1000; min_period must be at least twice min_group, less one.
rules_loosened = The round is open, so its disclosure rules (min_group, rounding_base, min_period) can only be made stricter, never looser.
language_unknown = language must be one of the languages this service is shipped in: { $languages }.

## Requests

invalid_request = The request is not valid.
round_unknown = There is no feedback round at this address.
organisation_unknown = There is no organisation at this address.
not_found = There is nothing at this address.
method_not_allowed = This address only answers { $allow }.
period_not_sealed = That period has not been sealed: receipts are listed only after a period has ended.
checkpoint_invalid = Send the cosigned checkpoint as a signed note (c2sp.org/signed-note).
checkpoint_unknown = This log has signed no checkpoint with that text.
cosignature_invalid = No cosignature from a witness this server accepts verifies (or one from such a witness does not): nothing was kept.
token_required = Send the paper code from your card in "code", or a Privacy Pass token in the Authorization header: the WWW-Authenticate header says which token this round accepts.
token_invalid = This token cannot be used here. Nothing was stored. The WWW-Authenticate header says which token this round accepts.
token_spent = This token has already been used. Each token can be used once.
credentials_conflict = Send either a paper code or a token, not both.
invitation_unknown = We do not recognise this invitation. Check that you copied the whole link.
invitation_used = This invitation has already been used for all the tokens it gives. If you did not use it, tell the person who invited you.
token_request_invalid = The token request is not valid.
already_exists = { $what ->
    [round] That round already exists.
    [organisation] That organisation already exists.
    [user] That user already exists.
    [decision] That has already been decided.
   *[other] That already exists.
}
unauthorized = Send a valid token in the Authorization header.
unsupported_media_type = Send the body as { $expected }.
payload_too_large = The body is too large: send at most { $limit } bytes.
uri_too_long = The web address is too long: at most { $limit } characters.
path_not_canonical = This web address is not written in its usual form. Type it again without percent signs (%), double or trailing slashes, or "." and ".." parts, or use the link you were given. Nothing was sent.
headers_too_large = The request headers are too large: at most { $limit } bytes.
request_timeout = The request took too long to arrive. Nothing was stored; send it again.
invalid_utf8 = The body is not valid UTF-8 text.
invalid_json = The body is not the JSON expected.
invalid_query = The query is not valid.
busy = The service is busy. Nothing was stored; try again in a moment.
rate_limited = Too many requests in a short time. Nothing was stored and no code was used; try again in { $seconds } seconds.
unavailable = The service cannot store anything right now. Nothing was stored; try again later.
internal = Something went wrong on our side. Nothing was stored.

## Quotes, responses and pledges

period_not_published = That period of that round has no published digest.
text_invalid = text must be 1 to { $max } characters, without control characters other than line breaks.
translation_invalid = translations.{ $language } must be 1 to { $max } characters, without control characters other than line breaks.
status_invalid = status must be one of: planned, in_progress, done, dropped.
reason_required = A dropped pledge needs a reason: say why in "reason".
decision_invalid = decision must be approve, edit (with "text") or reject (with "reason").
reason_unknown = reason must be one of: { $reasons }.
quote_decided = That quote has already been decided.
quote_unknown = There is no pending quote with that id.
pledge_unknown = There is no pledge of this organisation with that id.

## Questions (issue 20): a host's questions, a participant's answers

questions_too_many = { $field }: a round can ask at most { $most } questions; this list has { $given }.
question_id_invalid = { $field }: the id must be 1 to 40 characters: lower-case letters a to z, digits and single hyphens, starting with a letter.
question_id_repeated = { $field }: another question of this round has the same id.
question_kind_invalid = { $field }: the kind must be "scale", "choice" or "multi".
question_prompt_invalid = { $field }: the prompt must be 1 to { $max } characters, without control characters.
question_hint_invalid = { $field }: the hint must be at most { $max } characters, without control characters.
question_options_invalid = { $field }: give from { $min } to { $max } options.
option_id_invalid = { $field }: the option id must be 1 to 40 characters: lower-case letters a to z, digits and single hyphens, starting with a letter.
option_id_repeated = { $field }: another option of this question has the same id.
option_label_invalid = { $field }: the label must be 1 to { $max } characters, without control characters.
option_easy_read_invalid = { $field }: the Easy Read label must be at most { $max } characters, without control characters.
question_max_invalid = { $options ->
    [0] { $field }: max is only for "multi" questions: a scale or a choice takes one answer.
   *[other] { $field }: max must be a whole number from 2 to the number of options ({ $options }).
}
questions_locked = { $field }: the round is open, so its questions can only have their wording corrected (prompt, hint and labels); ids, kinds, options, their order and whether an answer is required stay as they are.
answers_without_text_locked = { $field }: the round is open, so whether people may send answers without writing anything stays as it is.
answer_question_unknown = answers: this round asks no question with the id "{ $question }".
answer_option_unknown = answers.{ $question }: choose from this question's options, by their ids.
answer_too_many = { $max ->
    [1] answers.{ $question }: choose one option only.
   *[other] answers.{ $question }: choose no more than { $max } options.
}
answer_missing = answers.{ $question }: this question needs an answer.

## The console (its pages say these on the form's own fields)

account_invalid = The account's details are not valid.
setup_closed = The console is set up already: sign in instead.
own_role = You cannot change your own role.
own_account = You cannot remove your own account.
other_organisation = That belongs to another organisation.
period_too_small_to_close = This period holds too few critiques to close early: it needs at least { $min }. It will close at its end.
period_closed_early_already = This round's period was already closed early once. The rest of it closes at its normal end.
period_just_begun = This period began today, so it cannot be closed early yet. It can be closed early from tomorrow.
