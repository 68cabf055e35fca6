// Issue 18 in a real browser at phone width (360 CSS px, and 320 for
// reflow): what a new participant met, item by item. Called by run.mjs
// with its harness; every check here failed on the code before the fix.
//
//   1  a rejected code comes back as typed
//   3  the receipt survives the switch to Easy Read
//   5  the invitation page works like the paper-code form (summary, marked
//      fields, check step, what happens next, "about you")
//   6  Easy Read's lead and footer are not smaller than its body; ?easy=1
//      survives the invitation page's script
//   8  no button touches what follows it
//  18  chart text stays readable at 360 px; headings never break mid-word
//  22  switching version on any error page keeps what was typed
//  23  the invitation script: summary, inline errors, "Error:" title,
//      focus never lost to the page, words in the page's language
//  24  reflow at 320 px with the WCAG 1.4.12 text-spacing overrides
//  10  (console) reloading the card page mints nothing; the sheet downloads
//      once, with a Print button and a way back
//  11  (console) closing a period says what will happen, then what did;
//      closing twice in a week is refused
// and the screenshots of the journey, the digest and the dashboard at
// desktop and phone width (docs/screenshots/ is copied from these).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// WCAG 1.4.12: the spacing a user's style sheet may force.
export const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p, li, dd, dt, label, legend { margin-bottom: 2em !important; }`;

// Buttons closer than 12 px to what follows them (item 8), as
// "label: gap" lines.
const tightButtons = (page) => page.evaluate(() => {
  const buttons = [...document.querySelectorAll('.button')].filter((b) => b.checkVisibility());
  const all = [...document.querySelectorAll('main *, footer')].filter((e) => e.checkVisibility());
  return buttons.flatMap((b) => {
    const r = b.getBoundingClientRect();
    const below = all.filter((e) => !e.contains(b) && !b.contains(e) && e !== b)
      .map((e) => e.getBoundingClientRect())
      .filter((o) => o.top >= r.top + r.height / 2 && o.left < r.right && o.right > r.left && o.height > 0);
    const gap = Math.min(...below.map((o) => o.top - r.bottom));
    return gap < 12 ? [`${b.value || b.textContent.trim()}: ${gap}px`] : [];
  });
});

// The shortest period length, in weeks, whose period open today (UTC, the
// server's clock) began before today. A period is never closed early on its
// first day (issue 16, item 4), and periods are whole weeks counted from
// Monday 5 January 1970, so one-week rounds cannot close early on Mondays.
export function closableWeeks(now = new Date()) {
  const sinceAnchor = Math.floor(now.getTime() / 86400000) - 4; // 1970-01-05 is day 4
  for (let weeks = 1; weeks <= 13; weeks += 1) {
    if (sinceAnchor % (7 * weeks) !== 0) return weeks;
  }
  throw new Error('every period length began today');
}

export async function experienceTests(h) {
  const { check, assert, BASE, browserContext, freshCodes, unissuedCode, fillForm, send, confirm, api, axe, signIn, consoleAdmin, SHOTS, orgPage } = h;
  const phone = await browserContext({ viewport: { width: 360, height: 740 } });
  const p = await phone.context.newPage();
  const sideways = () => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const focused = () => p.evaluate(() => (document.activeElement === document.body ? 'BODY' : document.activeElement.id || document.activeElement.tagName));

  try {
    await check('issue 18 item 1 (360 px): a mistyped code comes back as typed, with the rest', async () => {
      await p.goto(`${BASE}/r/demo`);
      await fillForm(p, { code: '7KQ2-M9XD-4RT', themes: 2, text: 'Kept through the error.' });
      await send(p);
      assert((await p.inputValue('#code')) === '7KQ2-M9XD-4RT', `code field: ${await p.inputValue('#code')}`);
      assert((await p.inputValue('#text')) === 'Kept through the error.', 'text lost');
      assert((await p.locator('input[name=themes]:checked').count()) === 2, 'ticks lost');
      // The summary's link takes focus to the code box, which is in view.
      await p.click('.error-summary a[href="#code"]');
      assert((await focused()) === 'code', `focus on ${await focused()}`);
      assert((await sideways()) <= 0, 'scrolls sideways');
    });

    await check('issue 18 item 22 (360 px): every error page switches to Easy Read and back keeping everything', async () => {
      const [spent] = await freshCodes(1);
      await p.goto(`${BASE}/r/demo`);
      await fillForm(p, { code: spent, text: 'First.' });
      await send(p);
      await confirm(p);
      const states = [
        ['empty form', { themes: 0, text: '' }, false],
        ['malformed code', { code: 'ABC', themes: 1, text: 'Words kept.' }, false],
        ['too many themes', { code: unissuedCode(), themes: 4, text: 'Words kept.' }, false],
        ['text too long', { code: unissuedCode(), themes: 1, text: 'a'.repeat(5001) }, false],
        ['unknown code', { code: unissuedCode(), themes: 1, text: 'Words kept.' }, true],
        ['code spent', { code: spent, themes: 1, text: 'Words kept.' }, true],
      ];
      for (const [name, input, confirmed] of states) {
        await p.goto(`${BASE}/r/demo`);
        await fillForm(p, input);
        await send(p);
        if (confirmed) await confirm(p);
        const before = await p.locator('.error-summary li').allInnerTexts();
        assert(before.length > 0, `${name}: no error summary`);
        for (const easy of [true, false]) {
          await Promise.all([p.waitForNavigation(), p.click('.variant-form [type=submit]')]);
          assert((await p.locator('body.easy').count()) === (easy ? 1 : 0), `${name}: wrong version`);
          assert((await p.locator('.error-summary li').count()) === before.length, `${name}: problems lost`);
          assert((await p.inputValue('#code')) === (input.code || ''), `${name}: code lost`);
          assert((await p.inputValue('#text')) === input.text, `${name}: text lost`);
          assert((await p.locator('input[name=themes]:checked').count()) === input.themes, `${name}: ticks lost`);
        }
        assert(JSON.stringify(await p.locator('.error-summary li').allInnerTexts()) === JSON.stringify(before), `${name}: other words after the round trip`);
        assert((await sideways()) <= 0, `${name}: scrolls sideways`);
      }
      await axe(p, 'error page after switching');
    });

    await check('issue 18 item 3 (360 px): the receipt page switches to Easy Read with its receipt, and says how to keep it', async () => {
      const [code] = await freshCodes(1);
      await p.goto(`${BASE}/r/demo`);
      await fillForm(p, { code });
      await send(p);
      await confirm(p);
      const receipt = (await p.locator('.receipt').innerText()).trim();
      assert(/write it down/.test(await p.locator('main').innerText()), 'no advice on keeping the receipt');
      await Promise.all([p.waitForNavigation(), p.click('.variant-form [type=submit]')]);
      assert((await p.locator('body.easy').count()) === 1, 'not Easy Read');
      assert((await p.locator('.receipt').innerText()).trim() === receipt, 'the receipt was lost');
      await axe(p, 'receipt in Easy Read');
      await Promise.all([p.waitForNavigation(), p.click('.variant-form [type=submit]')]);
      assert((await p.locator('.receipt').innerText()).trim() === receipt, 'the receipt was lost on the way back');
      assert((await sideways()) <= 0, 'scrolls sideways');
    });

    await check('issue 18 item 6: Easy Read lead, captions and footer are at least the body size', async () => {
      for (const path of ['/r/demo?easy=1', '/o/demo?easy=1']) {
        await p.goto(BASE + path);
        const sizes = await p.evaluate(() => {
          const px = (s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize);
          return { body: px('body'), lead: px('.lead'), footer: px('.footer p'), caption: document.querySelector('.caption') ? px('.caption') : 99 };
        });
        assert(sizes.lead >= sizes.body && sizes.footer >= sizes.body && sizes.caption >= sizes.body, `${path}: ${JSON.stringify(sizes)}`);
      }
    });

    await check('issue 18 item 8: no button touches the next element or the footer', async () => {
      const [code] = await freshCodes(1);
      await p.goto(`${BASE}/r/demo`);
      await fillForm(p, { code });
      await send(p);
      const pages = [['check your answers', null], ['about you', `${BASE}/r/demo/about-you`], ['form', `${BASE}/r/demo`]];
      for (const [name, url] of pages) {
        if (url) await p.goto(url);
        const tight = await tightButtons(p);
        assert(tight.length === 0, `${name}: ${tight.join(', ')}`);
      }
    });

    await check('issue 18 item 18 (360 px): chart text is at least 12 px and table headings never break mid-word', async () => {
      await p.goto(`${BASE}/o/demo`);
      const charts = await p.evaluate(() => [...document.querySelectorAll('svg.chart')].map((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size')) * scale);
        const clipped = [...svg.querySelectorAll('text')].filter((t) => {
          const b = t.getBBox();
          return b.x < -0.5 || b.x + b.width > svg.viewBox.baseVal.width + 0.5;
        }).map((t) => t.textContent);
        return { title: svg.querySelector('title').textContent, smallest: Math.min(...sizes), clipped };
      }));
      assert(charts.length >= 4, `${charts.length} charts`);
      assert(charts.some((c) => /Each theme in every release/.test(c.title)), 'no trend chart');
      for (const c of charts) {
        assert(c.smallest >= 12, `${c.title}: text at ${c.smallest.toFixed(1)} px`);
        assert(c.clipped.length === 0, `${c.title}: cut off: ${c.clipped.join(', ')}`);
      }
      const broken = await p.evaluate(() => [...document.querySelectorAll('.table thead th')]
        .filter((th) => th.textContent.trim().split(/\s+/).length === 1)
        .filter((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((th) => th.textContent.trim()));
      assert(broken.length === 0, `headings broken across lines: ${broken.join(', ')}`);
      assert((await sideways()) <= 0, 'scrolls sideways');
    });

    await check('issue 18 items 5 and 23 (360 px): the invitation page, like the paper form, with the script', async () => {
      const made = JSON.parse((await api('POST', '/api/v1/admin/rounds/demo/invitations', { count: 1 })).text);
      const link = made.invitations[0].link;
      const c = await browserContext({ viewport: { width: 360, height: 740 } });
      try {
        const q = await c.context.newPage();
        const errors = [];
        q.on('pageerror', (e) => errors.push(e.message));
        await q.goto(link.replace('/i/demo#', '/i/demo?easy=1#'));
        await q.waitForSelector('#get-token', { state: 'visible' });
        assert(new URL(q.url()).search === '?easy=1', `Easy Read dropped: ${q.url()}`);
        assert(!q.url().includes('#'), 'the invitation stays in the address bar');
        await q.click('#get-token');
        await q.waitForSelector('#write', { state: 'visible', timeout: 30000 });
        assert((await q.evaluate(() => document.activeElement.id)) === 'write-heading', 'focus did not move to step 2');
        const title = await q.title();
        // An empty Continue: the summary first, each field marked.
        await q.click('#continue');
        assert(await q.isVisible('#error-summary'), 'no error summary');
        assert((await q.evaluate(() => document.activeElement.id)) === 'error-summary', 'the summary is not focused');
        assert(/^Error:/.test(await q.title()), `title: ${await q.title()}`);
        for (const field of ['themes', 'text']) {
          assert(await q.isVisible(`#${field}-error`), `no inline error at ${field}`);
          assert((await q.locator(`.error-summary a[href="#${field}"]`).count()) === 1, `no summary link to ${field}`);
        }
        assert((await q.getAttribute('#text', 'aria-describedby')).includes('text-error'), 'the text box is not described by its error');
        const said = await q.locator('#error-summary').innerText();
        assert(!/Choose at least one theme|The service answered|Error: [A-Z][a-z]+Error/.test(said), `not Easy Read: ${said}`);
        await axe(q, 'invitation page errors');
        // Put right: the check step, then change, then confirm.
        await q.check('#themes');
        await q.fill('#text', 'Written after an invitation.');
        await q.click('#continue');
        assert(await q.isVisible('#check'), 'no check step');
        assert(await q.isHidden('#error-summary'), 'the summary stays');
        assert((await q.title()) === title, 'the title still says Error');
        assert((await q.evaluate(() => document.activeElement.id)) === 'check-heading', 'focus is not on the check step');
        assert((await q.locator('#check-text').innerText()).includes('Written after an invitation.'), 'answers not shown back');
        await axe(q, 'invitation check step');
        await q.click('#change');
        assert((await q.inputValue('#text')) === 'Written after an invitation.', 'changing lost the text');
        await q.click('#continue');
        await q.click('#confirm');
        await q.waitForSelector('#done', { state: 'visible', timeout: 30000 });
        assert((await q.evaluate(() => document.activeElement.id)) === 'done-heading', 'focus is not on the receipt');
        const done = await q.locator('#done').innerText();
        assert((await q.locator('#receipt').innerText()).trim().length === 24, 'no receipt');
        assert(/What happens next/.test(done), 'no "what happens next"');
        assert((await q.locator('#done form[action*="/about-you"]').count()) === 1, 'no way to "about you"');
        const aboutCode = (await q.locator('#about-code-shown').innerText()).trim();
        assert(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(aboutCode), `no "about you" code: ${aboutCode}`);
        assert((await q.inputValue('#about-code-carried')) === aboutCode, 'the "about you" button does not carry the code');
        assert((await q.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)) <= 0, 'scrolls sideways');
        await axe(q, 'invitation done');
        assert(errors.length === 0, `script errors: ${errors.join(' | ')}`);
      } finally {
        await c.close();
      }
      // The same invitation again, in a browser without its token: the
      // service's "already used" in the page's own words (Easy Read).
      const again = await browserContext({ viewport: { width: 360, height: 740 } });
      try {
        const q = await again.context.newPage();
        await q.goto(link.replace('/i/demo#', '/i/demo?easy=1#'));
        await q.click('#get-token');
        await q.waitForSelector('#error-summary', { state: 'visible', timeout: 30000 });
        const said = await q.locator('#error-summary').innerText();
        assert(/This invitation was used before/.test(said), `not the Easy Read words: ${said}`);
        assert((await q.evaluate(() => document.activeElement.id)) === 'error-summary', 'focus fell to the page');
      } finally {
        await again.close();
      }
    });

    // The console at phone width (items 10 and 11), as the administrator.
    const host = await browserContext({ viewport: { width: 360, height: 740 } });
    try {
      const s = await host.context.newPage();
      await signIn(s, consoleAdmin.username, consoleAdmin.password);
      const issued = async () => JSON.parse((await api('GET', '/api/v1/admin/rounds/demo')).text).codes_issued;
      const hostSideways = () => s.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

      // First, before the checks below add rounds to the demo.
      await check('screenshots: the dashboard, the journey and the digest at desktop and phone width', async () => {
        // Each from the part that matters, at most 1,400 px tall.
        const shots = [['dashboard', s, '/console', 'main'], ['form', p, '/r/demo', 'main'],
          ['digest', p, '/o/demo', 'main section:has(svg.chart)']];
        for (const [name, tab, path, part] of shots) {
          for (const [width, height] of [[360, 740], [1024, 768]]) {
            await tab.setViewportSize({ width, height });
            await tab.goto(BASE + path);
            const box = await tab.locator(part).first().boundingBox();
            assert(box, `${name}: no ${part}`);
            const y = Math.max(0, Math.floor(box.y) - 16);
            await tab.screenshot({ path: join(SHOTS, `en-${name}-${width}.png`), fullPage: true,
              clip: { x: 0, y, width, height: Math.min(1400, Math.ceil(box.height) + 32) } });
          }
        }
        await p.setViewportSize({ width: 360, height: 740 });
        await s.setViewportSize({ width: 360, height: 740 });
        assert(/Dashboard/.test(await s.locator('h1').innerText()), 'no dashboard');
      });

      await check('issue 18 item 8 (360 px): no console button touches what follows it (moderation, closing, the space)', async () => {
        for (const [tab, path] of [[s, '/console/moderation'], [s, '/console/rounds/demo'], [orgPage, '/console/space']]) {
          await tab.setViewportSize({ width: 360, height: 740 });
          await tab.goto(BASE + path);
          const tight = await tightButtons(tab);
          assert(tight.length === 0, `${path}: ${tight.join(', ')}`);
        }
        await orgPage.setViewportSize({ width: 1024, height: 768 });
      });

      await check('issue 18 item 10 (360 px): reloading the card page mints nothing; the sheet downloads once, with Print and a way back', async () => {
        await s.goto(`${BASE}/console/rounds/demo`);
        await s.fill('#count', '2');
        const before = await issued();
        await Promise.all([s.waitForNavigation(), s.click('form[action="/console/rounds/demo/codes"] [type=submit]')]);
        assert(/\/console\/rounds\/demo\/cards\//.test(s.url()), `landed on ${s.url()}`);
        assert((await issued()) === before + 2, 'not minted once');
        await s.reload();
        await s.reload();
        assert((await issued()) === before + 2, `reloading minted more: ${(await issued()) - before}`);
        assert(/2 code cards are ready/.test(await s.locator('h1').innerText()), 'the sheet page lost its sheet');
        assert((await s.locator('a[href="/console/rounds/demo"]').count()) >= 1, 'no way back');
        assert((await hostSideways()) <= 0, 'scrolls sideways');
        await axe(s, 'cards made (360 px)');
        const [file] = await Promise.all([s.waitForEvent('download'), s.click('a[href*="download=yes"]')]);
        const sheet = readFileSync(await file.path(), 'utf8');
        assert((sheet.match(/class="card-code"/g) || []).length === 2, 'not two cards');
        await s.reload();
        assert(/was downloaded/.test(await s.locator('h1').innerText()), 'the sheet is offered again');
        // The sheet itself: a Print button (shown by its script) and the way back.
        const q = await host.context.newPage();
        await q.route(`${BASE}/__sheet18`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: sheet }));
        await q.goto(`${BASE}/__sheet18`);
        assert(await q.isVisible('#print'), 'no Print button');
        assert((await q.locator('a[href$="/console/rounds/demo"]').count()) === 1, 'no way back from the sheet');
        await q.close();
      });

      await check('issue 18 item 11 (360 px): closing a period says what will happen, then what did; twice is refused', async () => {
        // A round of its own with three comments: enough (k = 2, at least
        // three a period) to publish.
        const made = await api('POST', '/api/v1/admin/rounds', { slug: 'close18', organisation: 'demo', title: 'Closing early', min_group: 2, period_weeks: closableWeeks() });
        assert(made.status === 201, `round: ${made.status} ${made.text}`);
        assert((await api('PATCH', '/api/v1/admin/rounds/close18', { min_period: 3 })).status === 200, 'rules');
        const codes = JSON.parse((await api('POST', '/api/v1/admin/rounds/close18/codes', { count: 3 })).text).codes;
        for (const code of codes) {
          const r = await fetch(`${BASE}/api/v1/rounds/close18/critiques`, {
            method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code, themes: ['leadership'], text: 'Closed early.' }),
          });
          assert(r.status === 201, `comment: ${r.status}`);
        }
        await s.goto(`${BASE}/console/rounds/close18`);
        await Promise.all([s.waitForNavigation(), s.click('a[href="/console/rounds/close18/close"]')]);
        const ahead = await s.locator('main').innerText();
        assert(/What will happen/.test(ahead) && /It has fewer than 10 comments/.test(ahead), `before: ${ahead}`);
        assert((await hostSideways()) <= 0, 'scrolls sideways');
        await axe(s, 'close period (360 px)');
        // "Keep it open" changes nothing.
        await Promise.all([s.waitForNavigation(), s.click('a.button-secondary[href="/console/rounds/close18"]')]);
        await s.goto(`${BASE}/console/rounds/close18/close`);
        await Promise.all([s.waitForNavigation(), s.click('form[action="/console/periods/close"] [type=submit]')]);
        const after = await s.locator('main').innerText();
        // Three comments under k = 2 publish unless a group could not be
        // protected: either way the page says which, for the named week (or
        // the days the period covered, to today, when it is longer).
        assert(/(Week \d+ of \d{4} \([^)]*\)|\d+ (\w+ )?to \d+ \w+ \d{4}) is closed(\. Its digest is published|, but it is held back)/.test(after), `after: ${after}`);
        assert(!/periods are closed/.test(after), 'the old plural message');
        // The same week again: not offered, and a forced post is refused.
        await s.goto(`${BASE}/console/rounds/close18/close`);
        assert(/was closed early already/.test(await s.locator('main').innerText()), 'closing twice is offered');
        assert((await s.locator('form[action="/console/periods/close"]').count()) === 0, 'a close button for a week not begun');
        await axe(s, 'close period not begun (360 px)');
      });

    } finally {
      await host.close();
    }

    // Reflow at 320 px with the text-spacing overrides (items 24 and 6).
    const narrow = await browserContext({ viewport: { width: 320, height: 640 } });
    try {
      const q = await narrow.context.newPage();
      for (const path of ['/r/demo', '/r/demo?easy=1', '/r/demo/paper', '/r/demo/paper?easy=1', '/i/demo', '/accessibility?easy=1', '/o/demo', '/o/demo?easy=1', '/themes']) {
        await check(`issue 18 item 24: reflow at 320 px with text spacing overrides: ${path}`, async () => {
          await q.goto(BASE + path);
          await q.addStyleTag({ content: TEXT_SPACING });
          const o = await q.evaluate(() => {
            const width = document.documentElement.clientWidth;
            const cut = [...document.querySelectorAll('body *')].filter((e) => {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || !e.checkVisibility() || e.closest('.visually-hidden, .skip-link, .table-scroll > *')) return false;
              return r.right > width + 1 || r.left < -1;
            }).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
            return { over: document.documentElement.scrollWidth - width, cut: cut.slice(0, 5) };
          });
          assert(o.over <= 0 && o.cut.length === 0, `${o.over}px sideways; cut off: ${o.cut.join(', ')}`);
        });
      }
      await check('issue 18 item 24: with text spacing the code cards still show every step', async () => {
        const r = await api('POST', '/api/v1/admin/rounds/demo/codes/sheet', { count: 2 });
        await q.route(`${BASE}/__cards18`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: r.text }));
        await q.goto(`${BASE}/__cards18`);
        await q.addStyleTag({ content: TEXT_SPACING });
        const hidden = await q.evaluate(() => [...document.querySelectorAll('.card-steps li')].filter((li) => {
          const card = li.closest('.card').getBoundingClientRect();
          const b = li.getBoundingClientRect();
          return b.bottom > card.bottom + 1 || b.height === 0;
        }).length);
        await q.unroute(`${BASE}/__cards18`);
        assert(hidden === 0, `${hidden} steps cut off`);
      });
    } finally {
      await narrow.close();
    }
  } finally {
    await phone.close();
  }
}
