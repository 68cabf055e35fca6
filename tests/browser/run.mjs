// Accessibility and journey tests in a real browser (issue 6).
//
// Starts the real server binary with demo data on fresh temporary
// directories and port 0, reads the route table from the binary itself
// (`parrhesia routes`, printed from `http::ROUTES`), and drives Debian's
// Chromium with playwright-core:
//   - axe-core at wcag2a, wcag2aa, wcag21aa, wcag22aa on every HTML page in
//     the route table (and its Easy Read form), every error state, the
//     confirmation and the host's code sheet: zero violations;
//   - the paper-code journey with JavaScript disabled;
//   - the same journey by keyboard only: every control reachable, focus
//     visible and not hidden (2.4.11), targets at least 24 by 24 px (2.5.8);
//   - reflow at 320 CSS px and text at 200 %: nothing wider than the
//     viewport (scroll width and every element's box), with screenshots;
//   - `w3m -dump` of the form shows every label and field;
//   - no cookies and no request to another origin from any page;
//   - the staff console (issue 10): every console page signed in as the
//     demo's administrator, its error states, and the host's journey:
//     create an organisation and a round, print cards, a participant
//     submits with one, a coordinator closes the period, the public digest
//     shows the round, a recurring "Something else" phrase becomes a
//     theme, a moderator approves a quote, and an organisation user
//     publishes a response and a pledge, which the public digest shows.
//
// Prints "N passed, N failed" and exits non-zero on any failure. Without
// Chromium, w3m or a built binary it skips with a reason, unless CI=true.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { createHmac } from 'node:crypto';
import { closableWeeks, experienceTests } from './experience.mjs';
import { questionTests } from './questions.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CI = process.env.CI === 'true';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ADMIN_TOKEN = 'browser-test-admin-token-0123456789';
const SHOTS = join(ROOT, 'target', 'browser-screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
// The languages beside English (issue 19), and how each says "Error:".
const LANGUAGES = ['cy', 'pl', 'ar'];
const ERROR_PREFIX = { cy: 'Gwall:', pl: 'Błąd:', ar: 'خطأ:' };

// Values for the placeholders of the route table. A route with a
// placeholder not listed here fails the run, so that no new page goes
// untested: add a value (and, if the page needs data, create it below).
const PLACEHOLDERS = {
  '{round}': 'demo',
  '{organisation}': 'demo',
  '{picture}': 'card.svg',
  // Only in POST /console/users/{user}/remove, which the console journey
  // drives by clicking; this value is never visited.
  '{user}': '00000000000000000000000000000000',
  // Random 128-bit ids (quotes, pledges): only non-GET routes use them.
  '{quote}': '00000000000000000000000000000000',
  '{pledge}': '00000000000000000000000000000000',
  // A staff mail delivery (issue 21): only POST .../dismiss uses it.
  '{delivery}': '00000000000000000000000000000000',
  // A card sheet nobody made: its page says it is not available (the
  // console journey below downloads a real one).
  '{sheet}': '00000000000000000000000000000000',
  // A round's words in one other language (issue 19).
  '{language}': 'cy',
  // '{period}' is set once a period has been sealed, below; '{token}' (a
  // live invitation link) once the console's administrator has made one.
};

function skipOrFail(reason) {
  if (CI) {
    console.error(`browser tests cannot run: ${reason}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`SKIPPED browser tests: ${reason}`);
  process.exit(0);
}

function findBinary() {
  if (process.env.PARRHESIA_BIN) return process.env.PARRHESIA_BIN;
  const built = ['release', 'debug']
    .map((p) => join(ROOT, 'target', p, 'parrhesia'))
    .filter((p) => existsSync(p));
  built.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return built[0];
}

const require = createRequire(import.meta.url);
let chromium;
let axeSource;
try {
  ({ chromium } = await import('playwright-core'));
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  skipOrFail(`node modules missing (run npm ci): ${e.message}`);
}
if (!existsSync(CHROMIUM)) skipOrFail(`${CHROMIUM} not found (apt-get install chromium)`);
const BIN = findBinary();
if (!BIN) skipOrFail('no parrhesia binary (cargo build first)');
let haveW3m = true;
try {
  execFileSync('w3m', ['-version'], { stdio: 'ignore' });
} catch {
  haveW3m = false;
  if (CI) skipOrFail('w3m not found (apt-get install w3m)');
}

// ---------------------------------------------------------------- harness

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(e && e.stack ? e.message : e).split('\n').join('\n     ')}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

// ---------------------------------------------------------------- server

const routes = JSON.parse(execFileSync(BIN, ['routes'], { encoding: 'utf8' }));
const work = mkdtempSync(join(tmpdir(), 'parrhesia-browser-'));
const server = spawn(BIN, ['serve', '--demo', '--data', join(work, 'data'), '--keys', join(work, 'keys'), '--bind', '127.0.0.1:0'], {
  env: {
    ...process.env,
    PARRHESIA_ADMIN_TOKEN: ADMIN_TOKEN,
    PARRHESIA_LOG: 'warn',
    // Every browser in these tests is 127.0.0.1: the rate limits have
    // tests of their own (tests/api/abuse.rs), so here they stay out of
    // the way of journeys that send many forms.
    PARRHESIA_CODE_ATTEMPTS_PER_MINUTE: '100000',
    PARRHESIA_ADMIN_ATTEMPTS_PER_MINUTE: '100000',
    // Sign-ins too: the two-step check alone posts eight sign-in forms
    // (password, code, recovery code, turning it off) within a minute, and
    // with the journeys before it the default ten per minute per client
    // was sometimes spent before the last one (a 429, "not turned off").
    PARRHESIA_LOGIN_ATTEMPTS_PER_MINUTE: '100000',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const codes = [];
const consoleAdmin = {};
const BASE = await new Promise((resolveBase, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30000);
  server.stdout.on('data', (chunk) => {
    out += chunk;
    for (const m of out.matchAll(/^ {2}([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/gm)) {
      if (!codes.includes(m[1])) codes.push(m[1]);
    }
    const admin = out.match(/sign in as (\S+) with the password (\S+) /);
    if (admin) [, consoleAdmin.username, consoleAdmin.password] = admin;
    const m = out.match(/Parrhesia is listening on (http:\/\/\S+)/);
    if (m) {
      clearTimeout(timer);
      resolveBase(m[1]);
    }
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
});
const ORIGIN = new URL(BASE).origin;
function stop() {
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

async function api(method, path, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}
async function freshCodes(n) {
  const r = await api('POST', '/api/v1/admin/rounds/demo/codes', { count: n });
  assert(r.status === 201 || r.status === 200, `issuing codes: ${r.status} ${r.text}`);
  return JSON.parse(r.text).codes;
}

// The one-time "about you" code of a fresh critique sent through the API.
async function freshAboutYouCode() {
  const [code] = await freshCodes(1);
  // As a participant: no admin token (it would be read as a token).
  const res = await fetch(`${BASE}/api/v1/rounds/demo/critiques`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, themes: ['leadership'], text: 'The meetings are too short.' }),
  });
  const text = await res.text();
  assert(res.status === 201, `sending a critique: ${res.status} ${text}`);
  return JSON.parse(text).about_you_code;
}

// A well-formed code (right check symbol) that was never issued.
function unissuedCode() {
  const A = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const data = Array.from({ length: 11 }, () => Math.floor(Math.random() * 32));
  let double = true;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i -= 1) {
    const addend = double ? data[i] * 2 : data[i];
    double = !double;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  const all = [...data, (32 - (sum % 32)) % 32].map((v) => A[v]).join('');
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8)}`;
}

// ---------------------------------------------------------------- browser

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
async function browserContext(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'parrhesia-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1024, height: 768 },
    // Lets the test inject axe-core into pages whose policy forbids script.
    bypassCSP: true,
    ...options,
  });
  const foreign = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'about:'].includes(url.protocol) && url.origin !== ORIGIN) foreign.push(req.url());
  });
  return {
    context,
    foreign,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
  assert(result.length === 0, `${label}: ${result.length} axe violations:\n${result.join('\n')}`);
}

// No page may set a cookie (pages may use a script of our own origin, but
// must work without it: see the journey without JavaScript).
async function noCookie(context, label) {
  const cookies = await context.cookies();
  assert(cookies.length === 0, `${label} set cookies: ${cookies.map((c) => c.name)}`);
}

function concrete(path) {
  let p = path;
  for (const [k, v] of Object.entries(PLACEHOLDERS)) p = p.split(k).join(v);
  return p;
}

// ---------------------------------------------------------------- tests

const { context, foreign, close } = await browserContext();
const page = await context.newPage();

// The console, in a context of its own: its session cookie must never
// leak into the participant's context, which is checked for cookies.
async function signIn(p, username, password) {
  await p.goto(`${BASE}/console/login`);
  await p.fill('#username', username);
  await p.fill('#password', password);
  await Promise.all([p.waitForNavigation(), p.click('form[action="/console/login"] [type=submit]')]);
}
if (!consoleAdmin.username) throw new Error('the demo printed no console administrator');
const staff = await browserContext();
const staffPage = await staff.context.newPage();
await signIn(staffPage, consoleAdmin.username, consoleAdmin.password);
// An organisation user of the demo organisation, added by the
// administrator, for the pages only organisation users see.
// Invited by e-mail (issue 21): the demo has no mail server, so the
// console shows the one-time link once; the user follows it, chooses a
// password, and signs in.
const ORG_USER = { username: 'demo-org', password: 'answering the demo digest' };
async function invite(p, username, email, role, organisation) {
  await p.goto(`${BASE}/console/users`);
  await p.fill('#username', username);
  await p.fill('#email', email);
  await p.selectOption('#role', role);
  if (organisation) await p.selectOption('#organisation', organisation);
  await Promise.all([p.waitForNavigation(), p.click('form[action="/console/users"] [type=submit]')]);
  return (await p.locator('#invitation-link').innerText()).trim();
}
// Follow `link` in page `p`, choose `password`, land on sign-in.
async function useLink(p, link, password) {
  await p.goto(link.replace(/^https?:\/\/[^/]+/, BASE));
  await p.fill('#password', password);
  await Promise.all([p.waitForNavigation(), p.click('form[action="/console/password/set"] [type=submit]')]);
}
const orgLink = await invite(staffPage, ORG_USER.username, 'org@demo.example', 'organisation', 'demo');
await check('axe: console invitation link shown once', async () => {
  assert(/only time the link is shown/.test(await staffPage.locator('main').innerText()), 'no warning that it shows once');
  assert(/\/console\/password\/set\/[0-9a-f]{64}$/.test(orgLink), `link: ${orgLink}`);
  await axe(staffPage, 'console invitation link');
});
const orgStaff = await browserContext();
const orgPage = await orgStaff.context.newPage();
await check('axe: choose a password from an invitation, its error, and sign-in after', async () => {
  await orgPage.goto(orgLink.replace(/^https?:\/\/[^/]+/, BASE));
  await axe(orgPage, 'set password');
  await orgPage.fill('#password', 'short');
  await Promise.all([orgPage.waitForNavigation(), orgPage.click('form[action="/console/password/set"] [type=submit]')]);
  assert(await orgPage.locator('.error-summary').isVisible(), 'no error summary');
  await axe(orgPage, 'set password error');
  await useLink(orgPage, orgLink, ORG_USER.password);
  assert(new URL(orgPage.url()).pathname === '/console/login', `landed on ${orgPage.url()}`);
  assert(/Your password is set/.test(await orgPage.locator('main').innerText()), 'no notice');
  await axe(orgPage, 'sign in after setting a password');
});
await signIn(orgPage, ORG_USER.username, ORG_USER.password);
await check('axe: a used link gets a clear error page', async () => {
  const other = await browserContext();
  try {
    const p = await other.context.newPage();
    const res = await p.goto(orgLink.replace(/^https?:\/\/[^/]+/, BASE));
    assert(res.status() === 410, `status ${res.status()}`);
    assert(/already been used/.test(await p.locator('h1').innerText()), 'no clear heading');
    await axe(p, 'used link');
  } finally {
    await other.close();
  }
});
await check('axe: forgot password, its error and its one answer', async () => {
  const other = await browserContext();
  try {
    const p = await other.context.newPage();
    await p.goto(`${BASE}/console/login`);
    await Promise.all([p.waitForNavigation(), p.click('a[href="/console/password/forgot"]')]);
    await axe(p, 'forgot password');
    await Promise.all([p.waitForNavigation(), p.click('form[action="/console/password/forgot"] [type=submit]')]);
    assert(await p.locator('.error-summary').isVisible(), 'no error summary');
    await axe(p, 'forgot password error');
    await p.fill('#account', 'someone@demo.example');
    await Promise.all([p.waitForNavigation(), p.click('form[action="/console/password/forgot"] [type=submit]')]);
    assert(/Check your e-mail/.test(await p.locator('h1').innerText()), 'not the one answer');
    await axe(p, 'forgot password answer');
  } finally {
    await other.close();
  }
});
// A live link nobody uses, for the route table's page of links.
PLACEHOLDERS['{token}'] = (await invite(staffPage, 'demo-mod', 'mod@demo.example', 'moderator')).split('/').pop();

// Press the form's Continue button; it leads to "check your answers". (Not
// the switch to Easy Read, which also posts to /check.)
async function send(p) {
  await Promise.all([p.waitForNavigation(), p.click('form[action*="/check"]:not(.variant-form) [type=submit]')]);
}
// On "check your answers": confirm (the only step that spends the code).
async function confirm(p) {
  assert((await p.locator('dl.summary').count()) === 1, `not the check page: ${await p.locator('h1').innerText()}`);
  await Promise.all([p.waitForNavigation(), p.click('form:not([action*="/check"]):not(.variant-form) [type=submit]')]);
}

// `themes` is how many themes to tick, from the top of the list.
async function fillForm(p, { code, themes = 1, text = 'The staff rush every visit.' }) {
  if (code !== undefined) await p.fill('#code', code);
  const boxes = p.locator('input[name=themes]');
  for (let i = 0; i < themes; i += 1) await boxes.nth(i).check();
  if (text !== undefined) await p.fill('#text', text);
}

// A sealed period, so that the audit page and its receipts list have
// something to show: one critique, then the host closes the period.
{
  const [code] = await freshCodes(1);
  const sent = await fetch(`${BASE}/api/v1/rounds/demo/critiques`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, themes: ['leadership'], text: 'Sealed so the audit pages have data.' }),
  });
  const closed = await api('POST', '/api/v1/admin/periods/close');
  const audit = JSON.parse((await api('GET', '/api/v1/audit')).text);
  if (sent.status !== 201 || closed.status !== 200 || audit.periods.length === 0) {
    throw new Error(`could not seal a period: ${sent.status} ${closed.status} ${closed.text}`);
  }
  PLACEHOLDERS['{period}'] = audit.periods[0].period;
}

try {
  await check('the route table lists the participant pages', async () => {
    for (const path of ['/', '/r/{round}', '/r/{round}/paper', '/helping', '/accessibility']) {
      assert(routes.some((r) => r.method === 'GET' && r.path === path), `${path} missing from routes`);
    }
  });

  // Every GET page of the route table, and its Easy Read form.
  const unplaced = routes.filter((r) => /\{[^}]+\}/.test(concrete(r.path)));
  await check('every route placeholder has a test value', async () => {
    assert(unplaced.length === 0, `add values to PLACEHOLDERS for: ${unplaced.map((r) => r.path).join(', ')}`);
  });
  // Plain-text downloads (receipts lists, digest CSV), Atom feeds and
  // machine documents under /.well-known/ are files, not pages: fetched and
  // checked apart.
  const isDocument = (r) =>
    ['.txt', '.csv', '.atom'].some((ext) => r.path.endsWith(ext)) || r.path.startsWith('/.well-known/');
  // The console's own download (an organisation's answers) needs a
  // session: the console journey below fetches it.
  const downloads = routes.filter((r) => r.method === 'GET' && isDocument(r) && !unplaced.includes(r) && r.audience !== 'Console');
  for (const route of downloads) {
    await check(`download: GET ${route.path}`, async () => {
      const res = await fetch(BASE + concrete(route.path));
      assert(res.status === 200, `status ${res.status}`);
      assert(!(res.headers.get('content-type') || '').startsWith('text/html'), 'a document, not a page');
      assert(!res.headers.get('set-cookie'), 'sets a cookie');
    });
  }
  const pages = routes.filter(
    (r) => r.method === 'GET' && !r.path.startsWith('/api/') && !isDocument(r) && !unplaced.includes(r),
  );
  let htmlPages = 0;
  for (const route of pages.filter((r) => r.audience === 'Console')) {
    await check(`axe (signed in): GET ${route.path}`, async () => {
      // As the administrator, or as an organisation user where only they may.
      const p = (route.roles || []).includes('administrator') || !(route.roles || []).includes('organisation') ? staffPage : orgPage;
      const res = await p.goto(BASE + concrete(route.path));
      assert(res.status() === 200, `status ${res.status()}`);
      const landed = new URL(p.url()).pathname;
      assert(landed !== '/console/login', `${route.path} sent a signed-in user to sign in`);
      await axe(p, route.path);
    });
  }
  for (const route of pages.filter((r) => r.audience !== 'Console')) {
    for (const variant of ['', '?easy=1']) {
      const url = BASE + concrete(route.path) + variant;
      const res = await page.goto(url);
      const type = res.headers()['content-type'] || '';
      if (!type.startsWith('text/html')) continue;
      if (variant === '') htmlPages += 1;
      await check(`axe: GET ${route.path}${variant}`, async () => {
        assert(res.status() === 200, `status ${res.status()}`);
        await noCookie(context, route.path);
        await axe(page, route.path + variant);
      });
      if (route.audience === 'Participant') {
        await check(`Easy Read is one link away: ${route.path}${variant}`, async () => {
          const other = variant ? 'Standard version' : 'Easy Read version';
          const link = page.getByRole('link', { name: other });
          assert((await link.count()) === 1, `no "${other}" link`);
          if (variant) {
            const pictures = await page.locator('main img[alt]').count();
            assert(pictures > 0, 'Easy Read page has no pictures');
            const big = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
            assert(big >= 24, `Easy Read text is ${big}px, not large`);
          }
        });
      }
    }
  }
  await check('there are HTML pages to test', async () => assert(htmlPages >= 6, `only ${htmlPages}`));

  // Every participant and public page in Welsh, Polish and Arabic (issue
  // 19), standard and Easy Read: axe, the page's lang and dir, and a
  // switcher naming the other languages in themselves.
  for (const route of pages.filter((r) => r.audience !== 'Console')) {
    for (const lang of LANGUAGES) {
      for (const variant of [`?lang=${lang}`, `?lang=${lang}&easy=1`]) {
        const path = concrete(route.path);
        const url = BASE + path + (path.includes('?') ? variant.replace('?', '&') : variant);
        const res = await page.goto(url);
        if (!(res.headers()['content-type'] || '').startsWith('text/html')) continue;
        await check(`axe: GET ${route.path}${variant}`, async () => {
          assert(res.status() === 200, `status ${res.status()}`);
          const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
          assert(html[0] === lang && html[1] === (lang === 'ar' ? 'rtl' : 'ltr'), `<html lang dir> is ${html}`);
          const others = await page.locator('nav.languages a[hreflang][lang]').count();
          assert(others === LANGUAGES.length, `${others} other languages in the switcher`);
          await noCookie(context, route.path);
          await axe(page, route.path + variant);
        });
      }
    }
  }

  // Routes that are not plain GET pages need a test written for them.
  const covered = new Set(['POST /r/{round}', 'POST /r/{round}/check', 'POST /api/v1/admin/rounds/{round}/codes/sheet',
    // The receipt's switch to Easy Read (issue 18, in experience.mjs).
    'POST /r/{round}/receipt',
    // The console journey below.
    'POST /console/login', 'POST /console/logout', 'POST /console/setup', 'POST /console/organisations',
    'POST /console/rounds', 'POST /console/rounds/{round}', 'POST /console/rounds/{round}/open',
    'POST /console/rounds/{round}/codes', 'POST /console/rounds/{round}/invitations', 'POST /console/periods/close',
    'POST /console/users', 'POST /console/users/{user}/remove', 'POST /console/users/{user}/role', 'POST /console/themes',
    'POST /console/moderation/{quote}', 'POST /console/space/responses', 'POST /console/space/pledges',
    'POST /console/space/pledges/{pledge}', 'POST /console/rounds/{round}/translations/{language}',
    'POST /r/{round}/about-you',
    // tests/browser/questions.mjs (issue 20).
    'POST /console/rounds/{round}/questions',
    // Two-step sign-in, below.
    'POST /console/login/code', 'POST /console/account/two-step', 'POST /console/account/two-step/disable',
    // Invitations and resets (issue 21), above.
    'POST /console/password/forgot', 'POST /console/password/set',
    // Mail settings, below; dismissing a given-up mail needs a mail server
    // to fail first: tests/api/mail_server.rs posts it (under .ci/mail.sh).
    'POST /console/account/mail', 'POST /console/mail/{delivery}/dismiss']);
  await check('every non-GET page in the route table has a test', async () => {
    const untested = routes.filter((r) => r.method !== 'GET' && !r.path.startsWith('/api/') && !covered.has(`${r.method} ${r.path}`));
    assert(untested.length === 0, `no browser test for ${untested.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  });

  // Error states, in standard English and Easy Read.
  for (const easy of ['', '?easy=1']) {
    const form = `${BASE}/r/demo${easy}`;
    const errorStates = [
      ['empty form', { themes: 0, text: '' }],
      ['malformed code', { code: 'ABC' }],
      ['too many themes', { code: unissuedCode(), themes: 4 }],
      ['text too long', { code: unissuedCode(), text: 'a'.repeat(5001) }],
    ];
    for (const [name, input] of errorStates) {
      await check(`axe: form error, ${name}${easy}`, async () => {
        await page.goto(form);
        await fillForm(page, input);
        await send(page);
        assert(await page.locator('.error-summary').isVisible(), 'no error summary');
        const title = await page.title();
        assert(/^Error:/.test(title), `title does not start with Error: ${title}`);
        // Each summary link leads to a field that exists.
        for (const href of await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
          assert((await page.locator(href).count()) === 1, `summary link ${href} has no field`);
        }
        await axe(page, `${name}${easy}`);
      });
    }
    await check(`axe: round not found${easy}`, async () => {
      const res = await page.goto(`${BASE}/r/no-such-round${easy}`);
      assert(res.status() === 404, `status ${res.status()}`);
      await axe(page, 'round not found');
    });
    await check(`axe: page not found${easy}`, async () => {
      const res = await page.goto(`${BASE}/no/such/page${easy}`);
      assert(res.status() === 404, `status ${res.status()}`);
      await axe(page, 'page not found');
    });
    await check(`axe: check your answers, change them, confirmation, then code spent${easy}`, async () => {
      const [code] = await freshCodes(1);
      await page.goto(form);
      await fillForm(page, { code, themes: 2 });
      await send(page);
      await axe(page, 'check your answers');
      // "Change your answers" brings back the form, filled in.
      await Promise.all([page.waitForNavigation(), page.click('form[action*="change=yes"] [type=submit]')]);
      assert((await page.inputValue('#code')) === code, 'the code was not kept');
      assert((await page.locator('input[name=themes]:checked').count()) === 2, 'the themes were not kept');
      await axe(page, 'form after change');
      await send(page);
      await confirm(page);
      assert((await page.locator('.receipt').count()) === 1, 'no receipt');
      await axe(page, 'confirmation');
      await page.goto(form);
      await fillForm(page, { code });
      await send(page);
      await confirm(page);
      const summary = await page.locator('.error-summary').innerText();
      assert(/used/.test(summary), `no "code used" error: ${summary}`);
      await axe(page, 'code spent');
    });
    await check(`axe: form error, unknown code${easy}`, async () => {
      await page.goto(form);
      await fillForm(page, { code: unissuedCode() });
      await send(page);
      await confirm(page);
      assert(/recognise|know this code/.test(await page.locator('.error-summary').innerText()), 'no "unknown code" error');
      await axe(page, 'unknown code');
    });
  }

  // The form's error states, check page and receipt in each language.
  for (const lang of LANGUAGES) {
    const form = `${BASE}/r/demo?lang=${lang}`;
    for (const [name, input] of [
      ['empty form', { themes: 0, text: '' }],
      ['malformed code', { code: 'ABC' }],
      ['too many themes', { code: unissuedCode(), themes: 4 }],
      ['text too long', { code: unissuedCode(), text: 'ا'.repeat(5001) }],
    ]) {
      await check(`axe: form error, ${name}, ${lang}`, async () => {
        await page.goto(form);
        await fillForm(page, input);
        await send(page);
        assert(await page.locator('.error-summary').isVisible(), 'no error summary');
        const title = await page.title();
        assert(title.startsWith(ERROR_PREFIX[lang]), `title does not start with ${ERROR_PREFIX[lang]} ${title}`);
        for (const href of await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
          assert((await page.locator(href).count()) === 1, `summary link ${href} has no field`);
        }
        await axe(page, `${name} ${lang}`);
      });
    }
    await check(`axe: check your answers, another language, confirmation, ${lang}`, async () => {
      const [code] = await freshCodes(1);
      await page.goto(form);
      await fillForm(page, { code, themes: 2 });
      await send(page);
      await axe(page, `check your answers ${lang}`);
      // Another language keeps the answers (the switch is a form).
      const other = LANGUAGES.find((l) => l !== lang);
      await Promise.all([page.waitForNavigation(), page.click(`.variant-form button[lang=${other}]`)]);
      assert((await page.evaluate(() => document.documentElement.lang)) === other, 'the language did not change');
      assert((await page.locator('.summary-code').innerText()).trim() === code, 'the code was lost');
      await axe(page, `check your answers, then ${other}`);
      await confirm(page);
      assert((await page.locator('.receipt').count()) === 1, 'no receipt');
      assert((await page.locator('.receipt').getAttribute('dir')) === 'ltr', 'the receipt is not left to right');
      await axe(page, `confirmation ${other}`);
    });
  }

  await check("axe: the host's printable code sheet", async () => {
    const r = await api('POST', '/api/v1/admin/rounds/demo/codes/sheet', { count: 8 });
    assert(r.status === 201, `sheet: ${r.status}`);
    await page.route(`${BASE}/__sheet`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: r.text }));
    await page.goto(`${BASE}/__sheet`);
    await axe(page, 'code sheet');
    await page.unroute(`${BASE}/__sheet`);
  });

  // The console: signed out, errors, and the host's journey.
  await check('axe: console sign-in, signed out, sets only the pre-session cookie until signed in', async () => {
    const res = await page.goto(`${BASE}/console/login`);
    assert(res.status() === 200, `status ${res.status()}`);
    await axe(page, 'console sign-in');
    await page.fill('#username', 'nobody');
    await page.fill('#password', 'not the password');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/console/login"] [type=submit]')]);
    assert(await page.locator('.error-summary').isVisible(), 'no error summary');
    assert(/^Error:/.test(await page.title()), 'title does not start with Error:');
    await axe(page, 'console sign-in failed');
    await page.goto(`${BASE}/console/setup`);
    assert(/already set up/.test(await page.locator('h1').innerText()), 'set-up is not closed');
    const setup = await fetch(`${BASE}/console/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${ADMIN_TOKEN}&username=intruder&password=${'x'.repeat(20)}`,
    });
    assert(setup.status === 403, `a second first administrator: ${setup.status}`);
    // Signed out, the console's one cookie holds only the pre-session value
    // its forms' CSRF token is bound to (issue 16, item 10), for /console.
    const cookies = await context.cookies();
    assert(cookies.length === 1 && cookies[0].name === 'parrhesia_console' && cookies[0].path === '/console'
      && cookies[0].httpOnly && cookies[0].sameSite === 'Strict', `signed out, cookies: ${JSON.stringify(cookies)}`);
    await context.clearCookies();
    await noCookie(context, 'console sign-in');
  });

  await check('console journey: organisation, round, cards, a participant, a coordinator closes the period, the digest', async () => {
    const s = staffPage;
    const submit = (form) => Promise.all([s.waitForNavigation(), s.click(`${form} [type=submit]`)]);
    await s.goto(`${BASE}/console/organisations`);
    // An empty form: an error summary whose links lead to the fields.
    await submit('form[action="/console/organisations"]');
    assert(await s.locator('.error-summary').isVisible(), 'no error summary');
    for (const href of await s.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert((await s.locator(href).count()) === 1, `summary link ${href} has no field`);
    }
    await axe(s, 'console organisation error');
    await s.fill('#name', 'Riverside Care');
    await s.fill('#slug', 'riverside');
    await submit('form[action="/console/organisations"]');
    assert(new URL(s.url()).pathname === '/console/organisations/riverside', `landed on ${s.url()}`);
    await s.fill('#title', 'How well do we listen to you?');
    await s.fill('#slug', 'listen');
    await s.fill('#min_group', '2');
    // Small enough for a test: three critiques publish a period.
    await s.fill('#min_period', '3');
    // A period that did not begin today, so that it may be closed early.
    await s.fill('#period_weeks', String(closableWeeks()));
    await submit('form[action="/console/rounds"]');
    assert(new URL(s.url()).pathname === '/console/rounds/listen', `landed on ${s.url()}`);
    await axe(s, 'console round page');
    await s.fill('#description', 'Tell Riverside Care what gets in the way.');
    await submit('form[action="/console/rounds/listen"]');
    assert(/Changes saved/.test(await s.locator('main').innerText()), 'no "Changes saved"');
    await submit('form[action="/console/rounds/listen/open"]');
    assert(/The round is open/.test(await s.locator('main').innerText()), 'not opened');
    // The round's words in Arabic (issue 19): a description without a
    // name is named at its field, then saved, though the round is open.
    await s.goto(`${BASE}/console/rounds/listen/translations/ar`);
    await axe(s, 'console translations');
    await s.fill('#title', 'ما مدى استماعنا إليكم؟');
    await s.fill('#theme-leadership-description', 'قادة لا يحددون اتجاهًا واضحًا.');
    await submit('form[action="/console/rounds/listen/translations/ar"]');
    assert(await s.locator('.error-summary a[href="#theme-leadership-label"]').isVisible(), 'no error at the theme name');
    await axe(s, 'console translations error');
    await s.fill('#theme-leadership-label', 'القيادة والرؤية');
    await submit('form[action="/console/rounds/listen/translations/ar"]');
    assert(/Changes saved/.test(await s.locator('main').innerText()), 'translations not saved');
    await s.goto(`${BASE}/console/rounds/listen`);
    // Cards: minted once, then a page from which the sheet downloads once
    // (issue 18, item 10; at 360 px in experience.mjs).
    await s.fill('#count', '4');
    await submit('form[action="/console/rounds/listen/codes"]');
    assert(/4 code cards are ready/.test(await s.locator('h1').innerText()), 'no sheet page');
    await axe(s, 'console cards made');
    const [sheetFile] = await Promise.all([s.waitForEvent('download'), s.click('a[href*="download=yes"]')]);
    const sheetHtml = readFileSync(await sheetFile.path(), 'utf8');
    const cards = [...sheetHtml.matchAll(/<p class="card-code" dir="ltr">([^<]+)<\/p>/g)].map((m) => m[1]);
    assert(cards.length === 4, `${cards.length} cards`);
    await s.setContent(sheetHtml);
    await axe(s, 'console code sheet');
    // Invitations: a CSV download with one personal link a row, and the
    // round's token key id as people compare it by hand (issue 17).
    await s.goto(`${BASE}/console/rounds/listen`);
    await s.fill('#invitations', '2');
    const [download] = await Promise.all([s.waitForEvent('download'), s.click('form[action="/console/rounds/listen/invitations"] [type=submit]')]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assert(csv[0] === 'link,token_key' && csv.length === 3, `CSV: ${csv.join(' | ')}`);
    assert(csv.slice(1).every((l) => /,[0-9a-f]{4}( [0-9a-f]{4}){3}$/.test(l)), `key ids: ${csv.join(' | ')}`);
    assert(csv.slice(1).every((l) => l.startsWith(`${BASE}/i/listen#`)), `links: ${csv.join(' | ')}`);
    // Three participants use cards, on the participant's cookie-free page,
    // under "Something else", each mentioning the parking permit.
    for (const [i, code] of cards.slice(0, 3).entries()) {
      await page.goto(`${BASE}/r/listen`);
      await fillForm(page, { code, themes: 0, text: `The parking permit ran out again, week ${i + 1}.` });
      await page.check('#themes-something-else');
      if (i === 0) await page.check('#quote_ok');
      await send(page);
      await confirm(page);
      assert((await page.locator('.receipt').count()) === 1, 'no receipt');
    }
    await noCookie(context, 'participant journey');
    // A coordinator, added by the administrator, closes the period.
    const coraLink = await invite(s, 'cora', 'cora@demo.example', 'coordinator');
    assert(/User added/.test(await s.locator('main').innerText()), 'user not added');
    await s.goto(`${BASE}/console/users`);
    await axe(s, 'console users');
    const coordinator = await browserContext();
    try {
      const c = await coordinator.context.newPage();
      await useLink(c, coraLink, 'coordinating the listening');
      await signIn(c, 'cora', 'coordinating the listening');
      const denied = await c.goto(`${BASE}/console/users`);
      assert(denied.status() === 403, `a coordinator reached users: ${denied.status()}`);
      await axe(c, 'console forbidden');
      await c.goto(`${BASE}/console/rounds/listen`);
      await Promise.all([c.waitForNavigation(), c.click('a[href="/console/rounds/listen/close"]')]);
      assert(/What will happen/.test(await c.locator('main').innerText()), 'closing without saying what it will do');
      await axe(c, 'console close period');
      await Promise.all([c.waitForNavigation(), c.click('form[action="/console/periods/close"] [type=submit]')]);
      assert(/is closed\. Its digest is published/.test(await c.locator('main').innerText()), 'period not closed and published');
      await Promise.all([c.waitForNavigation(), c.click('form[action="/console/logout"] [type=submit]')]);
      assert(new URL(c.url()).pathname === '/console/login', 'not signed out');
      const after = await c.goto(`${BASE}/console`);
      assert(new URL(c.url()).pathname === '/console/login', `signed out, yet ${after.status()} at ${c.url()}`);
    } finally {
      await coordinator.close();
    }
    // The public digest shows the sealed period of the round.
    await page.goto(`${BASE}/o/riverside`);
    assert((await page.locator('main').innerText()).includes('How well do we listen to you?'), 'digest lacks the round');
    // The recurring "Something else" phrase, promoted to a theme.
    await s.goto(`${BASE}/console/rounds/listen/keyphrases`);
    await axe(s, 'console keyphrases');
    const phrase = s.locator('section.inset', { hasText: 'parking permit' }).first();
    assert((await phrase.count()) === 1, `no "parking permit" group: ${await s.locator('main').innerText()}`);
    await Promise.all([s.waitForNavigation(), phrase.locator('[type=submit]').click()]);
    assert(/Theme added/.test(await s.locator('main').innerText()), 'theme not added');
    const themeList = await s.locator('main').innerText();
    assert(/Parking permit[^\n]*\(parking-permit[a-z-]*\)/.test(themeList), `theme not in the list: ${themeList}`);
    // A moderator's view: the quote is shown scrubbed, and approved.
    await s.goto(`${BASE}/console/moderation`);
    await axe(s, 'console moderation');
    const quote = s.locator('section.inset', { hasText: 'parking permit ran out again, week 1' }).first();
    assert((await quote.count()) === 1, `the quote is not queued: ${await s.locator('main').innerText()}`);
    await Promise.all([s.waitForNavigation(), quote.locator('form:has(input[value=approve]) [type=submit]').click()]);
    assert(/Decision saved/.test(await s.locator('main').innerText()), 'quote not decided');
    // An organisation user of Riverside answers the digest.
    const ritaLink = await invite(s, 'rita', 'rita@riverside.example', 'organisation', 'riverside');
    const riverside = await browserContext();
    try {
      const o = await riverside.context.newPage();
      await useLink(o, ritaLink, 'riverside answers back');
      await signIn(o, 'rita', 'riverside answers back');
      await o.goto(`${BASE}/console/space`);
      assert(!(await o.locator('main').innerText()).includes('Demo Care Services'), 'another organisation is shown');
      const respond = o.locator('form[action="/console/space/responses"]').first();
      // An empty response: an error summary pointing at the field.
      await Promise.all([o.waitForNavigation(), respond.locator('[type=submit]').click()]);
      assert(await o.locator('.error-summary').isVisible(), 'no error summary for an empty response');
      await axe(o, 'console space error');
      await o.locator('form[action="/console/space/responses"] textarea').first().fill('We will sort out parking permits with the council this month.');
      await Promise.all([o.waitForNavigation(), o.locator('form[action="/console/space/responses"] [type=submit]').first().click()]);
      assert(/Response published/.test(await o.locator('main').innerText()), 'response not published');
      // Their own download: the digest with their answers (issue 18, item 17).
      const own = await o.request.get(`${BASE}/console/space/download.csv`);
      assert(own.status() === 200 && (own.headers()['content-type'] || '').startsWith('text/csv'), `download: ${own.status()}`);
      assert((await own.text()).includes('We will sort out parking permits'), 'the download lacks the response');
      const addPledge = o.locator('form[action="/console/space/pledges"]').first();
      await addPledge.locator('textarea').first().fill('A parking permit desk at every group meeting.');
      // The other languages' boxes are folded away until opened.
      await addPledge.locator('summary').click();
      await addPledge.locator('textarea[lang=cy]').fill('Desg trwyddedau parcio ym mhob cyfarfod grŵp.');
      await Promise.all([o.waitForNavigation(), addPledge.locator('[type=submit]').click()]);
      assert(/Pledge saved/.test(await o.locator('main').innerText()), 'pledge not saved');
      const update = o.locator('form[action^="/console/space/pledges/"]').first();
      await update.locator('select').selectOption('in_progress');
      await Promise.all([o.waitForNavigation(), update.locator('[type=submit]').click()]);
      assert(/In progress/.test(await o.locator('main').innerText()), 'pledge status not updated');
      await axe(o, 'console space');
    } finally {
      await riverside.close();
    }
    // The public digest shows the response, the pledge and the quote.
    await page.goto(`${BASE}/o/riverside`);
    const published = await page.locator('main').innerText();
    for (const text of ['We will sort out parking permits with the council this month.', 'A parking permit desk at every group meeting.', 'parking permit ran out again, week 1']) {
      assert(published.includes(text), `the public digest lacks: ${text}`);
    }
    await noCookie(context, 'public digest');
    // Answering on the record (issue 21): the digest says the release was
    // answered on time and links to the record, which lists the response
    // and the pledge's history; axe-clean, and it reflows at 320 px.
    assert(/Answered on time/.test(published), 'the digest does not say the release was answered on time');
    await Promise.all([page.waitForNavigation(), page.locator('main a[href="/o/riverside/record"]').first().click()]);
    const onRecord = await page.locator('main').innerText();
    for (const text of ['Answered on time', 'We will sort out parking permits with the council this month.',
      'A parking permit desk at every group meeting.', 'In progress in the period', '1 made, 0 done, 0 dropped', 'Response rate']) {
      assert(onRecord.includes(text), `the record lacks: ${text}`);
    }
    await axe(page, 'record of answering');
    await noCookie(context, 'record of answering');
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${BASE}/o/riverside/record`);
    const recordReflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const cut = [...document.querySelectorAll('body *')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && !e.closest('.visually-hidden, .skip-link') && (r.right > width + 1 || r.left < -1);
      }).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      return { over: document.documentElement.scrollWidth - width, cut: cut.slice(0, 5) };
    });
    assert(recordReflow.over <= 0 && recordReflow.cut.length === 0, `record at 320 px: ${recordReflow.over}px sideways; cut off: ${recordReflow.cut.join(', ')}`);
    await axe(page, 'record of answering at 320 px');
    await page.setViewportSize({ width: 1024, height: 768 });
    // In Welsh: the pledge in Welsh, the response (English only) marked as
    // English; in Arabic, the host's Arabic question.
    await page.goto(`${BASE}/o/riverside?lang=cy`);
    assert((await page.locator('main').innerText()).includes('Desg trwyddedau parcio ym mhob cyfarfod grŵp.'), 'no Welsh pledge');
    assert((await page.locator('bdi[lang=en]', { hasText: 'We will sort out parking permits' }).count()) === 1, 'the English response is not marked');
    await axe(page, 'public digest with answers, cy');
    await page.goto(`${BASE}/o/riverside?lang=ar`);
    assert((await page.locator('main').innerText()).includes('ما مدى استماعنا إليكم؟'), 'no Arabic question');
    await axe(page, 'public digest with answers, ar');
    // The administrator removes the coordinator; the log shows who did what.
    await s.goto(`${BASE}/console/users`);
    const coraRow = s.locator('tr', { hasText: 'cora' });
    await coraRow.locator('form[action$="/role"] select').first().selectOption('moderator');
    await Promise.all([s.waitForNavigation(), coraRow.locator('form[action$="/role"] [type=submit]').click()]);
    assert(/Role changed/.test(await s.locator('main').innerText()), 'role not changed');
    await submit('tr:has-text("cora") form[action$="/remove"]');
    assert(/User removed/.test(await s.locator('main').innerText()), 'user not removed');
    await s.goto(`${BASE}/console/log`);
    const log = await s.locator('main').innerText();
    for (const what of ['organisation.create', 'round.create', 'codes.issue', 'invitations.issue', 'periods.close', 'theme.promote', 'quote.approve', 'response.publish', 'pledge.create', 'user.role', 'user.remove']) {
      assert(log.includes(what), `log lacks ${what}`);
    }
    assert(log.includes('cora'), 'log lacks the coordinator');
  });

  // Mail settings (issue 21): reached from the console's navigation, an
  // error summary for a malformed address, saved; axe on each state.
  await check('mail settings: an address and the kinds of mail, with errors; axe on each page', async () => {
    await staffPage.goto(`${BASE}/console`);
    await Promise.all([staffPage.waitForNavigation(), staffPage.click('a[href="/console/account/mail"]')]);
    assert(new URL(staffPage.url()).pathname === '/console/account/mail', `at ${staffPage.url()}`);
    await axe(staffPage, 'mail settings');
    await staffPage.fill('#email', 'not an address');
    await Promise.all([staffPage.waitForNavigation(), staffPage.click('form[action="/console/account/mail"] [type=submit]')]);
    assert(await staffPage.locator('.error-summary').isVisible(), 'no error summary for a malformed address');
    for (const href of await staffPage.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert((await staffPage.locator(href).count()) === 1, `summary link ${href} has no field`);
    }
    await axe(staffPage, 'mail settings error');
    await staffPage.fill('#email', 'host@example.org');
    await staffPage.check('input[name=kinds][value=security]');
    await Promise.all([staffPage.waitForNavigation(), staffPage.click('form[action="/console/account/mail"] [type=submit]')]);
    assert(/Mail settings saved/.test(await staffPage.locator('main').innerText()), 'not saved');
    assert((await staffPage.inputValue('#email')) === 'host@example.org', 'the address was not kept');
    await axe(staffPage, 'mail settings saved');
  });

  // Two-step sign-in (issue 21): enrolment from the QR code's text form,
  // recovery codes shown once, then signing in with a code computed here
  // (RFC 6238: HMAC-SHA-1 of the 30-second step) and with a recovery code.
  await check('two-step sign-in: enrol, sign in with a code and with a recovery code, turn it off; axe on each page', async () => {
    const base32 = (text) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
      let bits = 0;
      let value = 0;
      const out = [];
      for (const ch of text.replace(/\s+/g, '').toUpperCase()) {
        const i = alphabet.indexOf(ch);
        assert(i >= 0, `not base32: ${ch}`);
        value = ((value << 5) | i) & 0xffff;
        bits += 5;
        if (bits >= 8) {
          out.push((value >>> (bits - 8)) & 0xff);
          bits -= 8;
        }
      }
      return Buffer.from(out);
    };
    const totp = (secret, unixSecs) => {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(BigInt(Math.floor(unixSecs / 30)));
      const mac = createHmac('sha1', secret).update(counter).digest();
      const offset = mac[mac.length - 1] & 0x0f;
      return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
    };
    const now = () => Date.now() / 1000;
    const who = { username: 'tess', password: 'two steps beat one step' };
    const tessLink = await invite(staffPage, who.username, 'tess@demo.example', 'moderator');
    const ctx = await browserContext();
    try {
      const t = await ctx.context.newPage();
      await useLink(t, tessLink, who.password);
      await signIn(t, who.username, who.password);
      await Promise.all([t.waitForNavigation(), t.click('a[href="/console/account/two-step"]')]);
      assert((await t.locator('figure.qr svg[role=img] path').count()) === 1, 'no QR code drawn on the page');
      await axe(t, 'two-step enrolment');
      const secret = base32(await t.locator('#totp-key').innerText());
      assert(secret.length === 20, `a ${secret.length}-byte secret`);
      // A wrong code: an error summary.
      const right = totp(secret, now());
      await t.fill('#code', right === '000000' ? '111111' : '000000');
      await Promise.all([t.waitForNavigation(), t.click('form[action="/console/account/two-step"] [type=submit]')]);
      assert(await t.locator('.error-summary').isVisible(), 'no error summary for a wrong code');
      await axe(t, 'two-step enrolment error');
      await t.fill('#code', totp(secret, now()));
      await Promise.all([t.waitForNavigation(), t.click('form[action="/console/account/two-step"] [type=submit]')]);
      const recovery = await t.locator('#recovery-codes code').allInnerTexts();
      assert(recovery.length === 10, `${recovery.length} recovery codes`);
      await axe(t, 'two-step recovery codes');
      await Promise.all([t.waitForNavigation(), t.click('form[action="/console/logout"] [type=submit]')]);
      // The password alone leads to the second step, not into the console.
      await signIn(t, who.username, who.password);
      assert(new URL(t.url()).pathname === '/console/login/code', `after the password: ${t.url()}`);
      await axe(t, 'two-step second step');
      await t.fill('#code', '123 456 789');
      await Promise.all([t.waitForNavigation(), t.click('form[action="/console/login/code"] [type=submit]')]);
      assert(await t.locator('.error-summary').isVisible(), 'no error summary for a wrong second step');
      await axe(t, 'two-step second step error');
      // The next step's code (within the one-step window, and later than
      // the step that confirmed enrolment).
      const signedAt = now() + 30;
      await t.fill('#code', totp(secret, signedAt));
      await Promise.all([t.waitForNavigation(), t.click('form[action="/console/login/code"] [type=submit]')]);
      assert(new URL(t.url()).pathname === '/console', `after the code: ${t.url()}`);
      await Promise.all([t.waitForNavigation(), t.click('form[action="/console/logout"] [type=submit]')]);
      // A recovery code, once.
      await signIn(t, who.username, who.password);
      await t.fill('#code', recovery[0]);
      await Promise.all([t.waitForNavigation(), t.click('form[action="/console/login/code"] [type=submit]')]);
      assert(new URL(t.url()).pathname === '/console', `after a recovery code: ${t.url()}`);
      await t.goto(`${BASE}/console/account/two-step`);
      assert(/9 unused recovery codes/.test(await t.locator('main').innerText()), 'the recovery code was not spent');
      await axe(t, 'two-step on');
      // Turning it off needs a code of a step not used yet: wait for it.
      while (Math.floor(now() / 30) < Math.floor(signedAt / 30)) await new Promise((r) => setTimeout(r, 1000));
      await t.fill('#code', totp(secret, now() + 30));
      await Promise.all([t.waitForNavigation(), t.click('form[action="/console/account/two-step/disable"] [type=submit]')]);
      const off = await t.locator('main').innerText();
      assert(/Two-step sign-in is off/.test(off), `not turned off: ${off.slice(0, 300)}`);
      await axe(t, 'two-step turned off');
    } finally {
      await ctx.close();
    }
  });

  // The journey with JavaScript disabled.
  await check('journey without JavaScript: form, check your answers, back, confirmation with receipt', async () => {
    const noJs = await browserContext({ javaScriptEnabled: false });
    try {
      const p = await noJs.context.newPage();
      const [code] = await freshCodes(1);
      await p.goto(`${BASE}/r/demo`);
      await fillForm(p, { code: code.toLowerCase(), text: 'Visits are cut short.' });
      await p.check('#quote_ok');
      await send(p);
      const shown = await p.locator('main').innerText();
      assert(shown.includes(code) && shown.includes('Visits are cut short.'), 'answers not shown back');
      // Going back leaves the code unspent: it still works afterwards.
      await p.goBack();
      await p.goto(`${BASE}/r/demo`);
      await fillForm(p, { code, text: 'Visits are cut short.' });
      await send(p);
      await confirm(p);
      const h1 = await p.locator('h1').innerText();
      assert(h1 === 'Received', `heading is ${h1}`);
      const receipt = await p.locator('.receipt').innerText();
      assert(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/.test(receipt.trim()), `receipt looks wrong: ${receipt}`);
      // The same code again is refused with a clear message.
      await p.goto(`${BASE}/r/demo`);
      await fillForm(p, { code });
      await send(p);
      await confirm(p);
      assert(/already been used/.test(await p.locator('.error-summary').innerText()), 'spent code not explained');
      assert((await noJs.context.cookies()).length === 0, 'cookies set');
      // Easy Read works without JavaScript too.
      const [code2] = await freshCodes(1);
      await p.goto(`${BASE}/r/demo?easy=1`);
      await fillForm(p, { code: code2 });
      await send(p);
      assert(await p.locator('body.easy').count() === 1, 'check page lost Easy Read');
      // The check page switches version without losing the answers.
      await Promise.all([p.waitForNavigation(), p.click('.variant-form [type=submit]')]);
      assert(await p.locator('body.easy').count() === 0, 'no standard version of the check page');
      await Promise.all([p.waitForNavigation(), p.click('.variant-form [type=submit]')]);
      assert(await p.locator('body.easy').count() === 1, 'no Easy Read version of the check page');
      await confirm(p);
      assert((await p.locator('.receipt').count()) === 1, 'Easy Read journey: no receipt');
      assert(await p.locator('body.easy').count() === 1, 'confirmation lost Easy Read');
      assert(noJs.foreign.length === 0, `other origins: ${noJs.foreign}`);
    } finally {
      await noJs.close();
    }
  });

  // "About you" (unlinked, optional): from the confirmation page, without
  // JavaScript; every question skippable; a bad answer gets a summary.
  await check('journey without JavaScript: "about you" with the code the confirmation gives, skippable, no cookie', async () => {
    const noJs = await browserContext({ javaScriptEnabled: false });
    try {
      const p = await noJs.context.newPage();
      const [code] = await freshCodes(1);
      await p.goto(`${BASE}/r/demo`);
      await fillForm(p, { code });
      await send(p);
      await confirm(p);
      // The code is shown to be kept, and the button carries it in a
      // hidden field: never in the address.
      const shown = (await p.locator('#about-code-shown').innerText()).trim();
      assert(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(shown), `about-you code looks wrong: ${shown}`);
      await Promise.all([p.waitForNavigation(), p.click('form[action*="/about-you"] [type=submit]')]);
      assert(new URL(p.url()).pathname === '/r/demo/about-you', `about-you button goes to ${p.url()}`);
      assert(!p.url().includes(shown), 'the code is in the address');
      assert((await p.inputValue('#about_code')) === shown, 'the form does not carry the code');
      await p.check('#age');
      await p.check('#care-no');
      await Promise.all([p.waitForNavigation(), p.click('form:not(.variant-form) [type=submit]')]);
      assert(/Thank you/.test(await p.locator('h1').innerText()), 'no thank-you page');
      // The same code again: refused, with a summary linking to the field
      // and the answers kept.
      await p.goto(`${BASE}/r/demo/about-you`);
      await p.fill('#about_code', shown);
      await p.check('#care-prefer_not');
      await Promise.all([p.waitForNavigation(), p.click('form:not(.variant-form) [type=submit]')]);
      assert(await p.locator('.error-summary a[href="#about_code"]').isVisible(), 'a spent code was not refused');
      assert(await p.isChecked('#care-prefer_not'), 'the answers were not kept');
      // Coming back later with another code typed by hand, nothing
      // chosen at all: fine too.
      const typed = await freshAboutYouCode();
      await p.goto(`${BASE}/r/demo/about-you`);
      await p.fill('#about_code', typed.toLowerCase().replaceAll('-', ' '));
      await Promise.all([p.waitForNavigation(), p.click('form:not(.variant-form) [type=submit]')]);
      assert(/Thank you/.test(await p.locator('h1').innerText()), 'skipping everything was refused');
      assert((await noJs.context.cookies()).length === 0, 'cookies set');
      assert(noJs.foreign.length === 0, `other origins: ${noJs.foreign}`);
    } finally {
      await noJs.close();
    }
  });
  for (const easy of ['', '?easy=1']) {
    await check(`axe: "about you" error and thank-you pages${easy}`, async () => {
      await page.goto(`${BASE}/r/demo/about-you${easy}`);
      // A value the form never offers, as a crafted request would send.
      await page.evaluate(() => { document.querySelector('#age').value = 'bogus'; });
      await page.check('#age');
      await Promise.all([page.waitForNavigation(), page.click('form [type=submit]')]);
      assert(await page.locator('.error-summary').isVisible(), 'no error summary');
      assert(/^Error:/.test(await page.title()), 'title does not start with Error:');
      for (const href of await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        assert((await page.locator(href).count()) === 1, `summary link ${href} has no field`);
      }
      assert((await page.locator('.error-summary a[href="#about_code"]').count()) === 1, 'a missing code was not named');
      await axe(page, `about you error${easy}`);
      await page.fill('#about_code', await freshAboutYouCode());
      await page.check('#ethnicity');
      await Promise.all([page.waitForNavigation(), page.click('form:not(.variant-form) [type=submit]')]);
      await axe(page, `about you thanks${easy}`);
    });
  }

  // The journey by keyboard only.
  //
  // Tabs through a page from the top, checking each focused control: in the
  // viewport and on top at its centre (2.4.11), a visible focus indicator
  // (2.4.7), and at least 24 by 24 px unless a link inside a sentence
  // (2.5.8). `act(focused)` may type or press keys; it returns true once it
  // has left the page. Returns the controls reached and the problems.
  async function tabThrough(p, act) {
    // Controls a person can reach: not inside a closed "Show more themes",
    // whose summary is reached instead.
    const expected = await p.evaluate(() => [...document.querySelectorAll('a[href], input:not([type=hidden]), textarea, button, select, summary')]
      .filter((e) => e.checkVisibility())
      .map((e) => e.id || e.getAttribute('href') || e.value || e.textContent.trim()));
    const reached = [];
    const problems = [];
    for (let i = 0; i < 200; i += 1) {
      await p.keyboard.press('Tab');
      const f = await p.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
        const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
        const top = document.elementFromPoint(cx, cy);
        return {
          key: e.id || e.getAttribute('href') || e.value || e.textContent.trim(),
          id: e.id,
          tag: e.tagName,
          submit: e.type === 'submit',
          action: e.form ? e.form.getAttribute('action') : null,
          w: r.width,
          h: r.height,
          inViewport: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
          // Not hidden: what is on top at its centre is it, inside it, or its label.
          onTop: !!top && (e === top || e.contains(top) || (e.labels && [...e.labels].some((l) => l.contains(top)))),
          indicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)',
          inlineInText: s.display === 'inline' && !!e.parentElement && e.parentElement.textContent.trim() !== e.textContent.trim(),
        };
      });
      if (!f) continue;
      if (reached.includes(f.key)) break;
      reached.push(f.key);
      const what = `${f.tag}#${f.id || f.key}`;
      if (!f.inViewport || !f.onTop) problems.push(`${what} is hidden when focused`);
      if (!f.indicator) problems.push(`${what} has no visible focus indicator`);
      if (!f.inlineInText && (f.w < 24 || f.h < 24)) problems.push(`${what} is ${f.w}x${f.h}px, under 24x24`);
      if (await act(f)) return { expected, reached, problems, left: true };
    }
    return { expected, reached, problems, left: false };
  }
  const pressEnter = (p) => Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);

  // From the form at `url` to the receipt by keyboard only: type a fresh
  // code, tick the first theme, type `text`, Send; on "check your answers"
  // reach every control, then Confirm. Fails on any control out of reach,
  // hidden, without a focus indicator or under 24 px.
  async function keyboardJourney(p, url, text) {
    const [code] = await freshCodes(1);
    await p.goto(url);
    const form = await tabThrough(p, async (f) => {
      if (f.id === 'code') await p.keyboard.type(code);
      if (f.id === 'themes') await p.keyboard.press('Space');
      if (f.id === 'text') await p.keyboard.type(text);
      if (f.submit) {
        await pressEnter(p);
        return true;
      }
      return false;
    });
    assert(form.left, `never reached the Send button; reached ${form.reached.join(', ')}`);
    const upToSend = form.expected.slice(0, form.expected.indexOf(form.reached[form.reached.length - 1]) + 1);
    const missed = upToSend.filter((k) => !form.reached.includes(k));
    assert(missed.length === 0, `not reachable by Tab: ${missed.join(', ')}`);
    assert(form.problems.length === 0, form.problems.join('\n'));
    const checkPage = await tabThrough(p, async (f) => {
      if (f.submit && !f.action.includes('/check')) {
        await pressEnter(p);
        return true;
      }
      return false;
    });
    assert(checkPage.left, `never reached Confirm; reached ${checkPage.reached.join(', ')}`);
    assert(checkPage.problems.length === 0, checkPage.problems.join('\n'));
    const landed = await p.locator('h1, .error-summary').first().innerText();
    assert((await p.locator('.receipt').count()) === 1, `keyboard journey did not reach the receipt: ${landed}`);
  }

  for (const easy of ['', '?easy=1']) {
    await check(`journey by keyboard only${easy}: form, check, confirmation; reachable, visible focus, 24px targets`, async () => {
      await keyboardJourney(page, `${BASE}/r/demo${easy}`, 'Nobody tells us when visits change.');

      // The confirmation, all the way round.
      const done = await tabThrough(page, async () => false);
      const unreached = done.expected.filter((k) => !done.reached.includes(k));
      assert(unreached.length === 0, `not reachable on the confirmation: ${unreached.join(', ')}`);
      assert(done.problems.length === 0, done.problems.join('\n'));
    });
  }

  // Issue 19: an Arabic speaker goes from the card to the receipt without
  // JavaScript, by keyboard only, right to left, meeting no English word.
  await check('journey in Arabic without JavaScript, by keyboard only: card to receipt, right to left', async () => {
    const kb = await browserContext({ javaScriptEnabled: false });
    try {
      const p = await kb.context.newPage();
      await p.goto(`${BASE}/r/demo?lang=ar`);
      const dir = await p.evaluate(() => [document.documentElement.dir, getComputedStyle(document.querySelector('#code')).direction]);
      assert(dir[0] === 'rtl' && dir[1] === 'ltr', `page ${dir[0]}, code box ${dir[1]}`);
      await keyboardJourney(p, `${BASE}/r/demo?lang=ar`, 'لا أحد يخبرنا عندما تتغير مواعيد الزيارات.');
      assert((await p.evaluate(() => document.documentElement.lang)) === 'ar', 'the receipt page is not Arabic');
      // No English word but the service's name, the round's own words and
      // the names of the other languages (each marked with its own lang).
      const words = await p.evaluate(() => {
        const skip = (e) => e.closest('[lang]:not(html), .caption, h1, .receipt, .code-shown, .lead, script');
        const out = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          if (!skip(n.parentElement)) out.push(...(n.textContent.match(/[A-Za-z]{3,}/g) || []));
        }
        return out;
      });
      const english = words.filter((w) => !['Parrhesia', 'Demo', 'Care', 'Services', 'WCAG'].includes(w));
      assert(english.length === 0, `English on the Arabic receipt page: ${english.join(' ')}`);
      assert(kb.foreign.length === 0, `other origins: ${kb.foreign}`);
      assert((await kb.context.cookies()).length === 0, 'cookies set');
    } finally {
      await kb.close();
    }
  });

  await check('console by keyboard only: sign in, then every control of the round page; visible focus, 24px targets', async () => {
    const kb = await browserContext();
    try {
      const p = await kb.context.newPage();
      await p.goto(`${BASE}/console/login`);
      const login = await tabThrough(p, async (f) => {
        if (f.id === 'username') await p.keyboard.type(consoleAdmin.username);
        if (f.id === 'password') await p.keyboard.type(consoleAdmin.password);
        if (f.submit) {
          await pressEnter(p);
          return true;
        }
        return false;
      });
      assert(login.left, `never reached Sign in; reached ${login.reached.join(', ')}`);
      assert(login.problems.length === 0, login.problems.join('\n'));
      assert(new URL(p.url()).pathname === '/console', `signed in by keyboard, landed on ${p.url()}`);
      await p.goto(`${BASE}/console/rounds/demo`);
      const round = await tabThrough(p, async () => false);
      const unreached = round.expected.filter((k) => !round.reached.includes(k));
      assert(unreached.length === 0, `not reachable by Tab: ${unreached.join(', ')}`);
      assert(round.problems.length === 0, round.problems.join('\n'));
    } finally {
      await kb.close();
    }
  });

  // Reflow at 320 CSS px, and text at 200 %.
  mkdirSync(SHOTS, { recursive: true });
  const reflowPages = ['/', '/r/demo', '/r/demo?easy=1', '/r/demo/paper', '/helping', '/accessibility', '/o/demo', '/?easy=1',
    // Right to left (issue 19), and the longest words (Welsh, Polish).
    '/?lang=ar', '/r/demo?lang=ar', '/r/demo?lang=ar&easy=1', '/r/demo/paper?lang=ar', '/helping?lang=ar',
    '/accessibility?lang=ar', '/o/demo?lang=ar', '/themes?lang=ar', '/audit?lang=ar', '/r/demo?lang=cy&easy=1',
    '/r/demo?lang=pl&easy=1', '/o/demo?lang=pl'];
  const overflow = () => page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = [...document.querySelectorAll('body *')].filter((e) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      // Wide data tables scroll inside their own region (WCAG 1.4.10
      // allows it for data tables); the region itself must fit.
      if (r.width === 0 || s.visibility === 'hidden' || e.closest('.visually-hidden, .skip-link, .table-scroll > *')) return false;
      return r.right > width + 1 || r.left < -1;
    }).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { scroll: document.documentElement.scrollWidth, width, cut: cut.slice(0, 5) };
  });
  for (const path of reflowPages) {
    await check(`reflow at 320 CSS px: ${path}`, async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(BASE + path);
      const o = await overflow();
      const name = path.replace(/[^a-z0-9]+/gi, '_');
      await page.screenshot({ path: join(SHOTS, `320${name}.png`), fullPage: true });
      assert(o.scroll <= o.width, `scrolls sideways: ${o.scroll} > ${o.width}`);
      assert(o.cut.length === 0, `cut off: ${o.cut.join(', ')}`);
    });
    await check(`text at 200 %: ${path}`, async () => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.goto(BASE + path);
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      const o = await overflow();
      const name = path.replace(/[^a-z0-9]+/gi, '_');
      await page.screenshot({ path: join(SHOTS, `text200${name}.png`), fullPage: true });
      assert(o.scroll <= o.width, `scrolls sideways: ${o.scroll} > ${o.width}`);
      assert(o.cut.length === 0, `cut off: ${o.cut.join(', ')}`);
    });
  }
  // Arabic at phone width (issue 19): the layout is mirrored, and the
  // screenshots in docs/screenshots/ come from here.
  await check('Arabic at phone width: tick boxes right of their labels, the chart mirrored, codes left to right', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${BASE}/r/demo?lang=ar`);
    const box = await page.locator('#themes').boundingBox();
    const label = await page.locator('label[for=themes]').boundingBox();
    assert(box.x > label.x + label.width - 1, `tick box at ${box.x}, its label ends at ${label.x + label.width}`);
    const code = await page.locator('#code').evaluate((e) => getComputedStyle(e).direction);
    assert(code === 'ltr', `the code box is ${code}`);
    const formEnd = await page.locator('#text').evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({ path: join(SHOTS, 'ar-form-360.png'), fullPage: true, clip: { x: 0, y: 0, width: 360, height: Math.ceil(formEnd) + 24 } });
    await page.goto(`${BASE}/o/demo?lang=ar`);
    // Labels sit above their bars (issue 18, for 320 px); mirrored, both
    // start at the right and bars grow to the left.
    const layout = await page.locator('svg.chart').first().evaluate((svg) => {
      const label = svg.querySelector('text').getBoundingClientRect();
      const bar = svg.querySelector('rect').getBoundingClientRect();
      const frame = svg.getBoundingClientRect();
      return { label: label.right, bar: bar.right, barLeft: bar.left, right: frame.right, left: frame.left };
    });
    assert(Math.abs(layout.label - layout.right) < 4 && Math.abs(layout.bar - layout.right) < 4,
      `chart not mirrored: label ends at ${layout.label}, bar at ${layout.bar}, chart at ${layout.right}`);
    assert(layout.barLeft > layout.left, 'the bar does not grow to the left');
    const sectionEnd = await page.locator('main section').first().evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({ path: join(SHOTS, 'ar-digest-360.png'), fullPage: true, clip: { x: 0, y: 0, width: 360, height: Math.ceil(sectionEnd) + 16 } });
  });
  await page.setViewportSize({ width: 1024, height: 768 });
  // The console's pages reflow too (signed in, in the staff context).
  const consolePages = ['/console', '/console/organisations', '/console/organisations/demo', '/console/rounds/demo',
    '/console/rounds/demo/close', '/console/users', '/console/keys', '/console/backups', '/console/log'];
  for (const path of consolePages) {
    await check(`reflow at 320 CSS px: ${path}`, async () => {
      await staffPage.setViewportSize({ width: 320, height: 640 });
      await staffPage.goto(BASE + path);
      const o = await staffPage.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const cut = [...document.querySelectorAll('body *')].filter((e) => {
          const r = e.getBoundingClientRect();
          const s = getComputedStyle(e);
          // Wide data tables scroll inside their own region (WCAG 1.4.10
          // allows it for data tables); the region itself must fit.
          if (r.width === 0 || s.visibility === 'hidden' || e.closest('.visually-hidden, .skip-link, .table-scroll > *')) return false;
          return r.right > width + 1 || r.left < -1;
        }).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        return { scroll: document.documentElement.scrollWidth, width, cut: cut.slice(0, 5) };
      });
      await staffPage.screenshot({ path: join(SHOTS, `320${path.replace(/[^a-z0-9]+/gi, '_')}.png`), fullPage: true });
      assert(o.scroll <= o.width, `scrolls sideways: ${o.scroll} > ${o.width}`);
      assert(o.cut.length === 0, `cut off: ${o.cut.join(', ')}`);
    });
  }
  await staffPage.setViewportSize({ width: 1024, height: 768 });

  // Paper: the form and the code cards print on A4.
  const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  await check('the paper form prints on A4 in large type, without the page frame', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(`${BASE}/r/demo/paper`);
    await page.emulateMedia({ media: 'print' });
    const info = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.header')).display,
      footer: getComputedStyle(document.querySelector('.footer')).display,
      font: parseFloat(getComputedStyle(document.body).fontSize),
      boxes: document.querySelectorAll('.code-box').length,
      ticks: document.querySelectorAll('.tick-list .tick-box').length,
      space: document.querySelector('.write-space').getBoundingClientRect().height,
    }));
    const themes = (await page.locator('.tick-list li').allInnerTexts()).length;
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(SHOTS, 'paper-form.pdf'), pdf);
    await page.emulateMedia({ media: null });
    assert(info.header === 'none' && info.footer === 'none', 'the page frame prints');
    assert(info.font >= 21, `print text is ${info.font}px, under 16pt`);
    assert(info.boxes === 12, `${info.boxes} code boxes, the card has 12 symbols`);
    assert(info.ticks === themes && themes > 0, `${info.ticks} tick boxes for ${themes} themes`);
    assert(info.space >= 400, `only ${info.space}px to write in`);
    const n = pdfPages(pdf);
    assert(n >= 1 && n <= 4, `the paper form prints on ${n} A4 pages`);
  });
  await check('eight code cards print on one A4 page', async () => {
    const r = await api('POST', '/api/v1/admin/rounds/demo/codes/sheet', { count: 8 });
    await page.route(`${BASE}/__cards`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: r.text }));
    await page.goto(`${BASE}/__cards`);
    // Nothing on a card may be cut off (cards have a fixed height).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1047 }); // A4 less 10 mm margins at 96 dpi
    const clipped = await page.evaluate(() => [...document.querySelectorAll('.card')].filter((c) => c.scrollHeight > c.clientHeight + 1).length);
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1024, height: 768 });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.unroute(`${BASE}/__cards`);
    assert(clipped === 0, `${clipped} cards have text cut off`);
    writeFileSync(join(SHOTS, 'code-cards.pdf'), pdf);
    assert(pdfPages(pdf) === 1, `8 cards take ${pdfPages(pdf)} pages`);
  });

  // A text browser.
  for (const variant of ['', '?easy=1']) {
    await check(`w3m -dump of the form shows every label and field${variant}`, async () => {
      if (!haveW3m) throw new Error('w3m missing');
      const url = `${BASE}/r/demo${variant}`;
      await page.goto(url);
      const labels = await page.locator('form label, form legend').allInnerTexts();
      const fields = await page.locator('form input, form textarea, form button').count();
      const send = await page.locator('form [type=submit]').inputValue();
      const dump = execFileSync('w3m', ['-dump', '-cols', '200', url], { encoding: 'utf8' });
      const flat = dump.replace(/\s+/g, ' ');
      const missing = labels.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => !flat.includes(l));
      assert(missing.length === 0, `labels missing from w3m: ${missing.join(' | ')}`);
      // w3m draws text fields and check boxes as [ ... ] and buttons as [Send].
      const drawn = (dump.match(/\[[^\]\n]*\]/g) || []).length;
      assert(drawn >= fields, `w3m drew ${drawn} fields, the form has ${fields}`);
      assert(dump.includes(`[${send}]`), `no [${send}] button in w3m`);
      writeFileSync(join(SHOTS, `w3m-form${variant ? '-easy' : ''}.txt`), dump);
    });
  }

  // Issue 18: what a new participant met, at phone width.
  await experienceTests({ check, assert, BASE, browserContext, freshCodes, unissuedCode, fillForm, send, confirm, api, axe, signIn, consoleAdmin, SHOTS, orgPage });

  // Issue 20: questions beside the free text.
  await questionTests({ check, assert, BASE, browserContext, api, axe, signIn, consoleAdmin });

  await check('no page asked another origin for anything', async () => {
    assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
  });
  await check('no page set a cookie', async () => {
    assert((await context.cookies()).length === 0, 'cookies were set');
  });
} finally {
  await orgStaff.close();
  await staff.close();
  await close();
  stop();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
