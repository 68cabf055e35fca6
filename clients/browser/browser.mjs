// Browser test: the invitation page in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core) gets a token and submits a
// critique; without JavaScript it explains the paper-code route.
//
//   SERVER=http://127.0.0.1:PORT ADMIN_TOKEN=... node browser.mjs
//
// Prints "N passed, N failed" and exits non-zero on any failure.

import { chromium } from 'playwright-core';

const server = process.env.SERVER;
const admin = process.env.ADMIN_TOKEN;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
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

async function main(browser) {
  const slug = `browser${Date.now() % 100000}`;
  await adminPost('/api/v1/admin/organisations', { slug, name: 'Browser care' });
  await adminPost('/api/v1/admin/rounds', { slug, organisation: slug, title: 'Browser round' });
  const { invitations } = await adminPost(`/api/v1/admin/rounds/${slug}/invitations`, { count: 1 });
  const link = invitations[0].link;
  const origin = new URL(server).origin;

  // With JavaScript: get a token, come back later, write, send.
  const context = await browser.newContext();
  const page = await context.newPage();
  const foreign = [];
  const problems = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) foreign.push(r.url());
  });
  page.on('console', (m) => {
    // The challenge request is meant to answer 401, and the browser asks
    // for /favicon.ico (404); every other error counts, CSP ones above all.
    const expected = /^Failed to load resource: the server responded with a status of (401|404)/;
    if (m.type() === 'error' && !expected.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(link);
  await page.waitForSelector('#get-token', { state: 'visible' });
  check('the script runs under the page CSP', await page.isHidden('#no-js'));
  check('the invitation leaves the address bar', !page.url().includes('#'), page.url());
  await page.click('#get-token');
  await page.waitForSelector('#write', { state: 'visible', timeout: 30000 });
  const stored = await page.evaluate((s) => localStorage.getItem(`parrhesia:token:${s}`), slug);
  check('the token is kept in this browser', typeof stored === 'string' && stored.startsWith('PrivateToken token='), `${stored}`);
  const status = await page.textContent('#write-status');
  check('the page says the token is saved', /saved/.test(status), status);
  check('the page explains why writing later is safer', /Waiting makes you safer/.test(await page.textContent('#write')));

  // "Later": reload the bare page; the token is still there.
  await page.goto(`${server}/i/${slug}`);
  await page.waitForSelector('#write', { state: 'visible' });
  check('the token survives a reload', await page.isHidden('#get'));
  await page.check('input[name="themes"] >> nth=0');
  await page.fill('#text', 'The browser client wrote this, with a blinded token.');
  // Continue checks the answers in the page; Confirm and send spends the token.
  await page.click('#continue');
  await page.waitForSelector('#check', { state: 'visible' });
  check('the answers are shown back before sending', (await page.textContent('#check-text')).includes('blinded token'));
  await page.click('#confirm');
  await page.waitForSelector('#done', { state: 'visible', timeout: 30000 });
  const receipt = (await page.textContent('#receipt')).trim();
  check('the critique is received with a receipt', receipt.length > 10, receipt);
  const left = await page.evaluate((s) => localStorage.getItem(`parrhesia:token:${s}`), slug);
  check('the spent token is removed', left === null, `${left}`);
  check('no request left our origin', foreign.length === 0, foreign.join(' '));
  check('no script errors or CSP violations', problems.length === 0, problems.join(' | '));
  const cookies = await context.cookies();
  check('no cookies', cookies.length === 0, JSON.stringify(cookies));
  await context.close();

  // Without JavaScript: the paper-code explanation, and the form link.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(link);
  check('without JavaScript the explanation shows', await plain.isVisible('#no-js'));
  check('without JavaScript the token part stays hidden', await plain.isHidden('#with-js'));
  check('it points to the paper-code form', (await plain.getAttribute('#no-js a', 'href')) === `/r/${slug}`);
  await noJs.close();
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  await main(browser);
} catch (e) {
  failed += 1;
  console.log(`FAIL browser test aborted: ${e.stack}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
