// The invitation page's Privacy Pass client (RFC 9578 §6, RFC 9577).
//
// Built into static/invite.js by `npm run build` (esbuild, from the
// committed package-lock.json). It talks only to the page's own origin.
//
// 1. Read the invitation from the URL fragment (never sent to the server)
//    and remove it from the address bar.
// 2. Ask the round for its challenge (a POST without credentials answers
//    401 with `WWW-Authenticate: PrivateToken ...`).
// 3. Blind a token request here, send it with the invitation, and finalize
//    the blind signature into a token. The server never sees the token.
// 4. Keep the token in this browser (localStorage) until the person writes,
//    now or later (RFC 9576 §4.1: time between getting and spending a
//    token makes the two harder to link).

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

function show(id, visible) {
  const el = document.getElementById(id);
  if (el) el.hidden = !visible;
}

// The words the page gives this script, in the page's language and
// variant (data-say-* on #with-js); `key` is the part after "say-".
function words(key) {
  return (root && root.dataset[`say${key.charAt(0).toUpperCase()}${key.slice(1)}`]) || '';
}

function say(key) {
  const status = document.getElementById('status');
  status.textContent = words(key);
}

// The service's own explanation, in the page's language (the request says
// which with Accept-Language), or a plain one of the page's.
async function sayError(res, fallback) {
  const status = document.getElementById('status');
  try {
    const body = await res.json();
    if (body && body.message) {
      status.textContent = body.message;
      return;
    }
  } catch (_) {
    // fall through
  }
  say(fallback);
}

// Every request asks for answers in the page's language.
const language = document.documentElement.lang || 'en';

async function challenge() {
  const res = await fetch(`/api/v1/rounds/${encodeURIComponent(round)}/critiques`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
    body: '{}',
    credentials: 'omit',
  });
  const header = res.headers.get('WWW-Authenticate');
  if (res.status !== 401 || !header) {
    throw Object.assign(new Error(words('notAsking')), { ours: true });
  }
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
  const invitation = sessionStorage.getItem(invitationKey);
  if (!invitation) {
    say('noInvitation');
    return;
  }
  const button = document.getElementById('get-token');
  button.disabled = true;
  say('making');
  try {
    const chl = await challenge();
    const client = new Client(BlindRSAMode.PSS);
    const request = await client.createTokenRequest(chl.challenge, chl.tokenKey);
    const res = await fetch(await issuerRequestPath(), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/private-token-request',
        Authorization: `Bearer ${invitation}`,
        'Accept-Language': language,
      },
      body: request.serialize(),
      credentials: 'omit',
    });
    if (!res.ok) {
      await sayError(res, 'makeFailed');
      button.disabled = false;
      return;
    }
    const response = client.deserializeTokenResponse(new Uint8Array(await res.arrayBuffer()));
    const token = await client.finalize(response);
    // Quoted, as RFC 9577 §2.2 writes it: the "=" padding of base64url may not
    // stand bare in an auth-param (RFC 9110 §11.2).
    localStorage.setItem(storageKey, new AuthorizationHeader(token).toString(true));
    sessionStorage.removeItem(invitationKey);
    say('saved');
    show('get', false);
    show('write', true);
  } catch (e) {
    // A thrown message of ours (data-say-*) is in the page's language; a
    // library's is not, and is not shown.
    const status = document.getElementById('status');
    if (e && e.ours) status.textContent = e.message;
    else say('makeFailed');
    button.disabled = false;
  }
}

async function send(event) {
  event.preventDefault();
  const token = localStorage.getItem(storageKey);
  if (!token) {
    say('noToken');
    return;
  }
  const form = event.target;
  const themes = Array.from(form.querySelectorAll('input[name="themes"]:checked')).map((i) => i.value);
  const body = {
    themes,
    text: form.querySelector('#text').value,
    quote_ok: form.querySelector('#quote_ok').checked,
  };
  const button = document.getElementById('send');
  button.disabled = true;
  say('sending');
  try {
    const res = await fetch(`/api/v1/rounds/${encodeURIComponent(round)}/critiques`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: token, 'Accept-Language': language },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    if (res.status === 201) {
      const { receipt } = await res.json();
      localStorage.removeItem(storageKey);
      document.getElementById('receipt').textContent = receipt;
      say('received');
      show('write', false);
      show('done', true);
      return;
    }
    if (res.status === 409) localStorage.removeItem(storageKey);
    await sayError(res, 'sendFailed');
  } catch (e) {
    say('sendFailed');
  }
  button.disabled = false;
}

function start() {
  if (!root) return;
  // Take the invitation out of the address bar at once, so it is not left
  // in the history; keep it only for this tab until the token is made.
  const fragment = window.location.hash.slice(1);
  if (fragment) {
    let invitation = fragment;
    try {
      invitation = decodeURIComponent(fragment);
    } catch (_) {
      // Not percent-encoded: use it as it is; the server will say if it is wrong.
    }
    sessionStorage.setItem(invitationKey, invitation);
    // The query (?lang=, ?easy=1) stays: it is the page's language.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  show('no-js', false);
  root.hidden = false;
  const hasToken = localStorage.getItem(storageKey) !== null;
  show('get', !hasToken);
  show('write', hasToken);
  if (hasToken) say('ready');
  document.getElementById('get-token').addEventListener('click', getToken);
  document.getElementById('critique').addEventListener('submit', send);
}

start();
