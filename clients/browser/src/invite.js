// The invitation page's Privacy Pass client (RFC 9578 §6, RFC 9577).
//
// Built into static/invite.js by `npm run build` (esbuild, from the
// committed package-lock.json). It talks only to the page's own origin.
//
// 1. Read the invitation from the URL fragment (never sent to the server)
//    and remove it from the address bar (keeping ?easy=1 and ?lang=).
// 2. Ask the round for its challenge (a POST without credentials answers
//    401 with `WWW-Authenticate: PrivateToken ...`).
// 3. Blind a token request here, send it with the invitation, and finalize
//    the blind signature into a token. The server never sees the token.
// 4. Keep the token in this browser (localStorage) until the person writes,
//    now or later (RFC 9576 §4.1: time between getting and spending a
//    token makes the two harder to link).
// 5. Like the paper-code form: check the answers here (an error summary
//    linking to each marked field, "Error:" in the title), show them back
//    on a "check your answers" step, and only then spend the token.
//
// Every word shown is the page's, in its language and variant (fetched
// from /i/{round}/words.json, so the page without a script stays light);
// a problem the service reports is shown by its stable code, never as raw
// text. Buttons are never disabled while focused (focus
// would fall to the page): a second press while busy is ignored instead.

import {
  AuthorizationHeader,
  WWWAuthenticateHeader,
  publicVerif,
} from '@cloudflare/privacypass-ts';

const { Client, BlindRSAMode } = publicVerif;

const root = document.getElementById('with-js');
const round = root && root.dataset.round;
const storageKey = `parrhesia:token:${round}`;
const invitationKey = `parrhesia:invitation:${round}`;
const $ = (id) => document.getElementById(id);
const plainTitle = document.title;
let busy = false;
// The page's words: { say: {name: text}, problems: {code: [field, text]},
// error_title, check, done } (the last two: the markup of those steps,
// made by the server from the message files, escaped there).
let WORDS = { say: {}, problems: {}, error_title: plainTitle, check: '', done: '' };

async function loadWords() {
  const lang = document.documentElement.lang || 'en';
  const easy = document.body.classList.contains('easy') ? '&easy=1' : '';
  const res = await fetch(`/i/${encodeURIComponent(round)}/words.json?lang=${encodeURIComponent(lang)}${easy}`, {
    credentials: 'omit',
  });
  if (res.ok) WORDS = await res.json();
}

function show(id, visible) {
  const el = $(id);
  if (el) el.hidden = !visible;
}

// Show one step (a section) and move focus to its heading.
function goTo(section, heading) {
  for (const id of ['get', 'write', 'check', 'done']) show(id, id === section);
  if (heading) $(heading).focus();
}

function words(name) {
  return WORDS.say[name] || '';
}

function say(where, name) {
  $(where).textContent = name ? words(name) : '';
}

// The page's words for a problem code, and the field it belongs to. A
// question's problem (`field` "answers.{id}", from the service or the
// check here) links to the question and names it by its prompt.
function problem(code, chars, field) {
  const found = WORDS.problems[code];
  if (!found) return null;
  let where = found[0];
  let text = found[1].replace('{chars}', String(chars));
  if (where === 'answers') {
    const id = field && field.startsWith('answers.') ? field.slice('answers.'.length) : '';
    const set = id ? $(`q-${id}`) && $(`q-${id}`).closest('fieldset') : null;
    const legend = set ? set.querySelector('legend').firstChild.textContent.trim() : id;
    where = set ? `q-${id}` : 'answers';
    text = text.replace('{prompt}', legend).replace('{max}', set ? set.dataset.max : '');
  }
  return { field: where, text };
}

function markField(field, text) {
  const group = $(`${field}-group`);
  const message = $(`${field}-error`);
  const described = field === 'themes' ? group.querySelector('fieldset') : $('text');
  const hint = `${field}-hint`;
  group.classList.toggle('form-group-error', Boolean(text));
  message.hidden = !text;
  message.querySelector('.error-text').textContent = text || '';
  described.setAttribute('aria-describedby', text ? `${hint} ${field}-error` : hint);
  if (field === 'text') described.classList.toggle('input-error', Boolean(text));
}

// Show problems ({field, text}; field '' for the page): the summary first,
// linking to each field, each field marked, "Error:" in the title.
function showProblems(list) {
  const summary = $('error-summary');
  const items = $('error-list');
  items.textContent = '';
  for (const field of ['themes', 'text']) {
    const mine = list.filter((p) => p.field === field).map((p) => p.text);
    markField(field, mine.join(' '));
  }
  for (const p of list) {
    const li = document.createElement('li');
    if (p.field) {
      const a = document.createElement('a');
      a.href = `#${p.field}`;
      a.textContent = p.text;
      li.appendChild(a);
    } else {
      li.textContent = p.text;
    }
    items.appendChild(li);
  }
  summary.hidden = list.length === 0;
  document.title = list.length ? WORDS.error_title : plainTitle;
  if (list.length) summary.focus();
}

// The service's problems, by stable code, in the page's words; `fallback`
// names a status line for anything else.
async function problemsOf(res, fallback, text) {
  const chars = [...text.trim()].length;
  let codes = [];
  try {
    const body = await res.json();
    codes = body.errors ? body.errors.map((e) => [e.error, e.field]) : [[body.error, body.field]];
  } catch (_) {
    // not JSON: the fallback below
  }
  const found = codes.map(([c, field]) => problem(c, chars, field)).filter(Boolean);
  return found.length ? found : [{ field: '', text: words(fallback) }];
}

async function challenge() {
  const res = await fetch(`/api/v1/rounds/${encodeURIComponent(round)}/critiques`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    credentials: 'omit',
  });
  const header = res.headers.get('WWW-Authenticate');
  if (res.status !== 401 || !header) return null;
  const [first] = WWWAuthenticateHeader.parse(header);
  return first;
}

async function issuerRequestPath() {
  const res = await fetch('/.well-known/private-token-issuer-directory', { credentials: 'omit' });
  const dir = await res.json();
  // Same origin only: use the path, whatever host the directory names.
  return new URL(dir['issuer-request-uri'], window.location.href).pathname;
}

async function getToken() {
  if (busy) return;
  const invitation = sessionStorage.getItem(invitationKey);
  if (!invitation) {
    showProblems([{ field: '', text: words('no-invitation') }]);
    return;
  }
  busy = true;
  say('get-status', 'making');
  try {
    const chl = await challenge();
    if (!chl) {
      say('get-status', '');
      showProblems([{ field: '', text: words('not-asking') }]);
      return;
    }
    const client = new Client(BlindRSAMode.PSS);
    const request = await client.createTokenRequest(chl.challenge, chl.tokenKey);
    const res = await fetch(await issuerRequestPath(), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/private-token-request',
        Authorization: `Bearer ${invitation}`,
      },
      body: request.serialize(),
      credentials: 'omit',
    });
    say('get-status', '');
    if (!res.ok) {
      showProblems(await problemsOf(res, 'make-failed', ''));
      return;
    }
    const response = client.deserializeTokenResponse(new Uint8Array(await res.arrayBuffer()));
    const token = await client.finalize(response);
    // Quoted, as RFC 9577 §2.2 writes it: the "=" padding of base64url may not
    // stand bare in an auth-param (RFC 9110 §11.2).
    localStorage.setItem(storageKey, new AuthorizationHeader(token).toString(true));
    sessionStorage.removeItem(invitationKey);
    showProblems([]);
    say('write-status', 'saved');
    goTo('write', 'write-heading');
  } catch (_) {
    // A library's own message is not in the page's language: not shown.
    say('get-status', '');
    showProblems([{ field: '', text: words('make-failed') }]);
  } finally {
    busy = false;
  }
}

// The round's questions (issue 20): each fieldset of the form's
// `.questions`, its first input named `q-{id}`.
function questions() {
  return Array.from($('critique').querySelectorAll('.questions fieldset')).map((set) => {
    const first = set.querySelector('input');
    return { id: first.name.slice(2), set, max: Number(set.dataset.max), required: !set.querySelector('.optional') };
  });
}

function answers() {
  const form = $('critique');
  const chosen = {};
  for (const q of questions()) {
    const ticked = Array.from(q.set.querySelectorAll('input:checked')).map((i) => i.value);
    if (ticked.length) chosen[q.id] = ticked;
  }
  const a = {
    themes: Array.from(form.querySelectorAll('input[name="themes"]:checked')).map((i) => i.value),
    text: $('text').value,
    quote_ok: $('quote_ok').checked,
  };
  if (Object.keys(chosen).length) a.answers = chosen;
  return a;
}

// The checks that need no server, as the server makes them.
function check(a) {
  const max = Number(root.dataset.maxThemes);
  const chars = [...a.text.trim()].length;
  const codes = [];
  const found = [];
  for (const q of questions()) {
    const n = ((a.answers || {})[q.id] || []).length;
    if (n > q.max) found.push(problem('answer_too_many', chars, `answers.${q.id}`));
    if (n === 0 && q.required) found.push(problem('answer_missing', chars, `answers.${q.id}`));
  }
  if (a.themes.length === 0) codes.push('themes_missing');
  if (a.themes.length > max) codes.push('themes_too_many');
  if (chars === 0) codes.push('text_empty');
  if (chars > Number(root.dataset.maxChars)) codes.push('text_too_long');
  return found.concat(codes.map((c) => problem(c, chars))).filter(Boolean);
}

function showCheck(event) {
  event.preventDefault();
  const a = answers();
  const problems = check(a);
  showProblems(problems);
  if (problems.length) return;
  const list = $('check-themes');
  list.textContent = '';
  for (const box of $('critique').querySelectorAll('input[name="themes"]:checked')) {
    const li = document.createElement('li');
    li.textContent = document.querySelector(`label[for="${box.id}"]`).textContent;
    list.appendChild(li);
  }
  // Each question and the labels of its ticked answers.
  const summary = $('check-themes').closest('dl');
  for (const old of summary.querySelectorAll('.answer-row')) old.remove();
  const first = summary.firstElementChild;
  for (const q of questions()) {
    const row = document.createElement('div');
    row.className = 'summary-row answer-row';
    const dt = document.createElement('dt');
    dt.textContent = q.set.querySelector('legend').firstChild.textContent.trim();
    const dd = document.createElement('dd');
    const ticked = Array.from(q.set.querySelectorAll('input:checked'));
    if (ticked.length === 0) dd.textContent = words('not-answered');
    for (const box of ticked) {
      const p = document.createElement('p');
      p.textContent = q.set.querySelector(`label[for="${box.id}"]`).textContent.trim();
      dd.appendChild(p);
    }
    row.append(dt, dd);
    summary.insertBefore(row, first);
  }
  $('check-text').textContent = a.text.trim();
  const quote = $('check-quote');
  quote.textContent = a.quote_ok ? quote.dataset.yes : quote.dataset.no;
  say('send-status', '');
  goTo('check', 'check-heading');
}

function change() {
  showProblems([]);
  goTo('write', 'write-heading');
}

async function send() {
  if (busy) return;
  const token = localStorage.getItem(storageKey);
  if (!token) {
    showProblems([{ field: '', text: words('no-token') }]);
    return;
  }
  const a = answers();
  busy = true;
  say('send-status', 'sending');
  try {
    const res = await fetch(`/api/v1/rounds/${encodeURIComponent(round)}/critiques`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: token },
      body: JSON.stringify(a),
      credentials: 'omit',
    });
    say('send-status', '');
    if (res.status === 201) {
      const { receipt, about_you_code: aboutCode } = await res.json();
      localStorage.removeItem(storageKey);
      $('receipt').textContent = receipt;
      // The "about you" code: shown, and carried by the form's hidden
      // field (never in an address).
      $('about-code-shown').textContent = aboutCode;
      $('about-code-carried').value = aboutCode;
      showProblems([]);
      goTo('done', 'done-heading');
      return;
    }
    if (res.status === 409) localStorage.removeItem(storageKey);
    const problems = await problemsOf(res, 'send-failed', a.text);
    // A problem with a field is put right on the form.
    if (problems.some((p) => p.field)) goTo('write');
    showProblems(problems);
  } catch (_) {
    say('send-status', '');
    showProblems([{ field: '', text: words('send-failed') }]);
  } finally {
    busy = false;
  }
}

async function start() {
  if (!root) return;
  // Take the invitation out of the address bar at once, so it is not left
  // in the history; keep it only for this tab until the token is made. The
  // query (?easy=1, ?lang=) stays: it is the page's version and language.
  const fragment = window.location.hash.slice(1);
  if (fragment) {
    let invitation = fragment;
    try {
      invitation = decodeURIComponent(fragment);
    } catch (_) {
      // Not percent-encoded: use it as it is; the server will say if it is wrong.
    }
    sessionStorage.setItem(invitationKey, invitation);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  try {
    await loadWords();
  } catch (_) {
    // Without its words the page still works; messages are left empty.
  }
  $('check').innerHTML = WORDS.check;
  $('done').innerHTML = WORDS.done;
  show('no-js', false);
  root.hidden = false;
  const hasToken = localStorage.getItem(storageKey) !== null;
  goTo(hasToken ? 'write' : 'get');
  if (hasToken) say('write-status', 'ready');
  $('get-token').addEventListener('click', getToken);
  $('critique').addEventListener('submit', showCheck);
  $('confirm').addEventListener('click', send);
  $('change').addEventListener('click', change);
}

start();
