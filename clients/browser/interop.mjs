// Interop test: Cloudflare's @cloudflare/privacypass-ts (an independent
// implementation) as the client against a running Parrhesia server.
//
//   SERVER=http://127.0.0.1:PORT ADMIN_TOKEN=... node interop.mjs
//
// It sets up an organisation, a round and invitations through the admin
// API, reads the 401 challenge, fetches a token with an invitation,
// redeems it, checks that a replay is refused, and redeems a second token
// in the RFC's quoted form (toString(true)). Prints "N passed, N
// failed" and exits non-zero on any failure.

import {
  AuthorizationHeader,
  TOKEN_TYPES,
  WWWAuthenticateHeader,
  publicVerif,
} from '@cloudflare/privacypass-ts';

const { Client, BlindRSAMode } = publicVerif;
const server = process.env.SERVER;
const admin = process.env.ADMIN_TOKEN;
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name} ${detail}`);
  }
}

async function adminPost(path, body) {
  const res = await fetch(`${server}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

async function main() {
  const slug = `interop${Date.now() % 100000}`;
  await adminPost('/api/v1/admin/organisations', { slug, name: 'Interop care' });
  await adminPost('/api/v1/admin/rounds', { slug, organisation: slug, title: 'Interop' });
  const { invitations } = await adminPost(`/api/v1/admin/rounds/${slug}/invitations`, { count: 1 });
  const invitation = invitations[0].invitation;
  const second = (
    await adminPost(`/api/v1/admin/rounds/${slug}/invitations`, { count: 1 })
  ).invitations[0].invitation;
  const critiques = `${server}/api/v1/rounds/${slug}/critiques`;
  const critique = { themes: ['leadership'], text: 'Written by the TypeScript client.' };

  // 1. The 401 challenge parses with privacypass-ts.
  const first = await fetch(critiques, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  check('no credentials: 401', first.status === 401, `${first.status}`);
  const header = first.headers.get('www-authenticate');
  const [chl] = WWWAuthenticateHeader.parse(header);
  check('challenge parses', chl !== undefined, header);
  check('challenge is token type 2', chl.challenge.tokenType === TOKEN_TYPES.BLIND_RSA.value);
  check('redemption context is one 32-byte round value', chl.challenge.redemptionContext.length === 32);
  check('origin info is set', Array.isArray(chl.challenge.originInfo) && chl.challenge.originInfo[0].length > 0);

  // 2. The directory names the same key and the request URI.
  const dirRes = await fetch(`${server}/.well-known/private-token-issuer-directory`);
  check('directory media type', dirRes.headers.get('content-type') === 'application/private-token-issuer-directory');
  const dir = await dirRes.json();
  const listed = dir['token-keys'].map((k) => k['token-key']);
  const challengeKey = Buffer.from(chl.tokenKey).toString('base64url');
  check(
    'directory lists the challenge key',
    listed.some((k) => k.replace(/=+$/, '') === challengeKey),
    JSON.stringify(listed),
  );

  // 3. Issuance: privacypass-ts blinds, our server signs, privacypass-ts
  // finalizes (which verifies the signature).
  const client = new Client(BlindRSAMode.PSS);
  const request = await client.createTokenRequest(chl.challenge, chl.tokenKey);
  const issued = await fetch(dir['issuer-request-uri'], {
    method: 'POST',
    headers: {
      'Content-Type': 'application/private-token-request',
      Authorization: `Bearer ${invitation}`,
    },
    body: request.serialize(),
  });
  check('token request: 200', issued.status === 200, `${issued.status}`);
  check('token response media type', issued.headers.get('content-type') === 'application/private-token-response');
  const token = await client.finalize(client.deserializeTokenResponse(new Uint8Array(await issued.arrayBuffer())));
  check('token finalizes', token !== undefined);

  // 4. A second request on the one-token invitation gets nothing.
  const again = await fetch(dir['issuer-request-uri'], {
    method: 'POST',
    headers: {
      'Content-Type': 'application/private-token-request',
      Authorization: `Bearer ${invitation}`,
    },
    body: (await new Client(BlindRSAMode.PSS).createTokenRequest(chl.challenge, chl.tokenKey)).serialize(),
  });
  check('used-up invitation: 403', again.status === 403, `${again.status}`);

  // 5. Redemption, then replay.
  const auth = new AuthorizationHeader(token).toString();
  const redeem = () =>
    fetch(critiques, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: auth },
      body: JSON.stringify(critique),
    });
  const stored = await redeem();
  const body = await stored.json();
  check('redeem: 201 with a receipt', stored.status === 201 && typeof body.receipt === 'string', JSON.stringify(body));
  const replay = await redeem();
  check('replay: 409 token_spent', replay.status === 409 && (await replay.json()).error === 'token_spent');

  // 6. The RFC's own quoted form, `token="..."` (RFC 9577 §2.2), which
  // privacypass-ts writes with toString(true), redeems too.
  const client2 = new Client(BlindRSAMode.PSS);
  const issued2 = await fetch(dir['issuer-request-uri'], {
    method: 'POST',
    headers: {
      'Content-Type': 'application/private-token-request',
      Authorization: `Bearer ${second}`,
    },
    body: (await client2.createTokenRequest(chl.challenge, chl.tokenKey)).serialize(),
  });
  const token2 = await client2.finalize(
    client2.deserializeTokenResponse(new Uint8Array(await issued2.arrayBuffer())),
  );
  const quoted = new AuthorizationHeader(token2).toString(true);
  check('toString(true) quotes the token', /token="[^"]+"/.test(quoted), quoted);
  const stored2 = await fetch(critiques, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: quoted },
    body: JSON.stringify(critique),
  });
  check('quoted token: 201', stored2.status === 201, `${stored2.status} ${await stored2.text()}`);

  // 7. Our server's token parses back in privacypass-ts (both sides agree on
  // the padded base64url encoding).
  const parsed = AuthorizationHeader.parse(TOKEN_TYPES.BLIND_RSA, auth);
  check('token header round-trips in privacypass-ts', parsed.length === 1 && b64url(parsed[0].token.serialize()) === b64url(token.serialize()));
}

try {
  await main();
} catch (e) {
  failed += 1;
  console.log(`FAIL interop aborted: ${e.stack}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
