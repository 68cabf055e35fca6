// Issue 20 in a real browser: a round with a rating (scale) and a choice
// question, answered without JavaScript and by keyboard only; axe on the
// form (with a missing answer), the check step, the paper form and the
// digest with a released question; reflow at 320 px. Called by run.mjs
// with its helpers.

import { TEXT_SPACING, closableWeeks } from './experience.mjs';

const QUESTIONS = [
  { id: 'listened', kind: 'scale', prompt: 'How well did staff listen to you?', hint: 'Think of your last visit.', required: true },
  { id: 'contact', kind: 'choice', prompt: 'How do you usually contact us?',
    options: [{ id: 'phone', label: 'By phone' }, { id: 'visit', label: 'In person', easy_read: 'I come in' }, { id: 'post', label: 'By letter' }] },
];

export async function questionTests(h) {
  const { check, assert, BASE, browserContext, api, axe, signIn, consoleAdmin } = h;
  const r = await api('POST', '/api/v1/admin/rounds', {
    slug: 'asked', organisation: 'demo', title: 'How did we listen?', questions: QUESTIONS,
  });
  assert(r.status === 201, `creating the round: ${r.status} ${r.text}`);
  const codes = async (n) => {
    const c = await api('POST', '/api/v1/admin/rounds/asked/codes', { count: n });
    assert(c.status === 201 || c.status === 200, `codes: ${c.status} ${c.text}`);
    return JSON.parse(c.text).codes;
  };

  const noJs = await browserContext({ javaScriptEnabled: false });
  const p = await noJs.context.newPage();
  const focused = () => p.evaluate(() => document.activeElement.id || document.activeElement.tagName);
  try {
    await check('issue 20: a missing required answer is linked from the error summary, by keyboard, without JavaScript', async () => {
      const [code] = await codes(1);
      await p.goto(`${BASE}/r/asked`);
      assert((await p.locator('fieldset legend', { hasText: 'How well did staff listen to you?' }).count()) === 1, 'no fieldset for the scale');
      await p.focus('#code');
      await p.keyboard.type(code);
      // Into the scale with Tab, past it without answering, into the choice.
      await p.keyboard.press('Tab');
      assert((await focused()) === 'q-listened', `focus on ${await focused()}`);
      await p.keyboard.press('Tab');
      assert((await focused()) === 'q-contact', `focus on ${await focused()}`);
      await p.keyboard.press('Space');
      await p.keyboard.press('Tab');
      await p.keyboard.press('Space'); // the first theme
      await p.focus('#text');
      await p.keyboard.type('Nobody rang back.');
      await p.focus('form[action*="/check"]:not(.variant-form) [type=submit]');
      await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);
      const link = p.locator('.error-summary a[href="#q-listened"]');
      assert((await link.count()) === 1, `no link to the question: ${await p.locator('.error-summary').innerText()}`);
      assert(await p.isChecked('#q-contact'), 'the choice was not kept');
      assert((await p.inputValue('#text')) === 'Nobody rang back.', 'the text was not kept');
      await link.focus();
      await Promise.all([p.waitForURL(/#q-listened$/), p.keyboard.press('Enter')]);
      await p.focus('#q-listened');
      // Arrow keys move through the scale and choose: "Well" is the fourth.
      for (let i = 0; i < 3; i += 1) await p.keyboard.press('ArrowDown');
      assert(await p.isChecked('#q-listened-well'), 'arrow keys did not choose "Well"');
      await p.keyboard.press('Tab');
      assert((await focused()) === 'q-contact', `focus on ${await focused()}`);
      await p.keyboard.press('ArrowDown');
      await p.keyboard.press('ArrowDown');
      assert(await p.isChecked('#q-contact-post'), 'arrow keys did not choose "By letter"');
      await p.focus('form[action*="/check"]:not(.variant-form) [type=submit]');
      await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);
      const summary = await p.locator('dl.summary').innerText();
      assert(summary.includes('Well') && summary.includes('By letter'), `check step: ${summary}`);
      await p.focus('form:not([action*="/check"]):not(.variant-form) [type=submit]');
      await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);
      assert((await p.locator('.receipt').count()) === 1, `not received: ${await p.locator('h1').innerText()}`);
    });

    await check('issue 20: Easy Read shows a face beside each point of the default scale', async () => {
      await p.goto(`${BASE}/r/asked?easy=1`);
      assert((await p.locator('.face img').count()) === 5, 'five faces');
      assert((await p.getByText('I come in').count()) === 1, 'the Easy Read label');
    });

    await check('issue 20: the paper form prints each question with tick boxes', async () => {
      await p.goto(`${BASE}/r/asked/paper`);
      const text = await p.locator('main').innerText();
      assert(text.includes('How do you usually contact us?') && text.includes('Tick one box.'), text);
    });
  } finally {
    await noJs.close();
  }

  // axe injects a script: a context with JavaScript, on the same pages.
  const withJs = await browserContext();
  const a = await withJs.context.newPage();
  try {
    await check('issue 20: axe on the form with a missing answer, the check step, Easy Read and the paper form', async () => {
      const [code] = await codes(1);
      await a.goto(`${BASE}/r/asked`);
      await a.fill('#code', code);
      await a.check('#q-contact-visit');
      await a.locator('input[name=themes]').first().check();
      await a.fill('#text', 'Nobody rang back.');
      const send = 'form[action*="/check"]:not(.variant-form) [type=submit]';
      await Promise.all([a.waitForNavigation(), a.click(send)]);
      assert((await a.locator('.error-summary a[href="#q-listened"]').count()) === 1, 'no error');
      await axe(a, 'form with a missing answer');
      await a.check('#q-listened-very-well');
      await Promise.all([a.waitForNavigation(), a.click(send)]);
      assert((await a.locator('dl.summary').count()) === 1, 'not the check step');
      await axe(a, 'check step with answers');
      for (const path of ['/r/asked?easy=1', '/r/asked/paper', '/r/asked/paper?easy=1']) {
        await a.goto(BASE + path);
        await axe(a, path);
      }
    });
  } finally {
    await withJs.close();
  }

  await check('issue 20: the invitation page asks the questions, checks the required one and sends the answers', async () => {
    const made = JSON.parse((await api('POST', '/api/v1/admin/rounds/asked/invitations', { count: 1 })).text);
    const c = await browserContext();
    try {
      const q = await c.context.newPage();
      const errors = [];
      q.on('pageerror', (e) => errors.push(e.message));
      await q.goto(made.invitations[0].link);
      await q.waitForSelector('#get-token', { state: 'visible' });
      await q.click('#get-token');
      await q.waitForSelector('#write', { state: 'visible', timeout: 30000 });
      await q.check('#q-contact-visit');
      await q.check('#themes');
      await q.fill('#text', 'Written after an invitation, with answers.');
      await q.click('#continue');
      assert(await q.isVisible('#error-summary'), 'no error summary for the missing answer');
      const said = await q.locator('#error-summary').innerText();
      assert(said.includes('How well did staff listen to you?'), `not named by its prompt: ${said}`);
      assert((await q.locator('.error-summary a[href="#q-listened"]').count()) === 1, 'no link to the question');
      await axe(q, 'invitation page, a missing answer');
      await q.check('#q-listened-well');
      await q.click('#continue');
      assert(await q.isVisible('#check'), 'no check step');
      const summary = await q.locator('#check dl.summary').innerText();
      assert(summary.includes('Well') && summary.includes('In person'), `answers not shown back: ${summary}`);
      await axe(q, 'invitation check step with answers');
      await q.click('#confirm');
      await q.waitForSelector('#done', { state: 'visible', timeout: 30000 });
      assert((await q.locator('#receipt').innerText()).trim().length === 24, 'no receipt');
      assert(errors.length === 0, `script errors: ${errors.join(' | ')}`);
    } finally {
      await c.close();
    }
  });

  await check('issue 20: a host adds two questions in the console, sees the preview and reorders them (axe)', async () => {
    const made = await api('POST', '/api/v1/admin/rounds', { slug: 'edited', organisation: 'demo', title: 'Questions from the console' });
    assert(made.status === 201, `creating the round: ${made.status} ${made.text}`);
    const c = await browserContext();
    try {
      const s = await c.context.newPage();
      await signIn(s, consoleAdmin.username, consoleAdmin.password);
      const editor = `${BASE}/console/rounds/edited/questions`;
      const save = 'form input[name=action][value=save] ~ button[type=submit]';
      await s.goto(editor);
      // Nothing typed: every problem in the summary, linked to its field.
      await Promise.all([s.waitForNavigation(), s.click(save)]);
      for (const href of await s.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        assert((await s.locator(href).count()) === 1, `summary link ${href} has no field`);
      }
      assert((await s.locator('.error-summary a[href="#prompt"]').count()) === 1, 'no problem at the question');
      await axe(s, 'console questions, errors');
      await s.fill('#id', 'listened');
      await s.selectOption('#kind', 'scale');
      await s.fill('#prompt', 'How well did staff listen to you?');
      await s.check('#required');
      await Promise.all([s.waitForNavigation(), s.click(save)]);
      await s.fill('#id', 'contact');
      await s.selectOption('#kind', 'choice');
      await s.fill('#prompt', 'How do you usually contact us?');
      await s.fill('#option-0-label', 'By phone');
      await s.fill('#option-1-label', 'By letter');
      await Promise.all([s.waitForNavigation(), s.click(save)]);
      assert((await s.locator('.question-list > li').count()) === 2, 'two questions listed');
      assert((await s.locator('.question-list fieldset legend').first().innerText()).includes('How well did staff listen'), 'preview');
      await axe(s, 'console questions with previews');
      await Promise.all([s.waitForNavigation(), s.click('.question-list > li:nth-child(2) button[value=up]')]);
      assert((await s.locator('.question-list fieldset legend').first().innerText()).includes('How do you usually contact us?'), 'not moved up');
    } finally {
      await c.close();
    }
  });

  // A digest with a released question: an organisation of its own whose
  // round (k = 2, three a period) gets six rated critiques, closed early
  // from the console in a period that did not begin today.
  await check('issue 20: the digest shows a released rating question with a chart (axe, in English and Arabic)', async () => {
    const org = await api('POST', '/api/v1/admin/organisations', { slug: 'rated', name: 'Rated Care' });
    assert(org.status === 201, `organisation: ${org.status} ${org.text}`);
    const made = await api('POST', '/api/v1/admin/rounds', {
      slug: 'rated', organisation: 'rated', title: 'How did we listen?', min_group: 2, min_period: 3,
      period_weeks: closableWeeks(), questions: [QUESTIONS[0]],
    });
    assert(made.status === 201, `round: ${made.status} ${made.text}`);
    const ratedCodes = JSON.parse((await api('POST', '/api/v1/admin/rounds/rated/codes', { count: 6 })).text).codes;
    const ratings = ['well', 'well', 'very-well', 'well', 'badly', 'very-well'];
    for (const [i, code] of ratedCodes.entries()) {
      const sent = await fetch(`${BASE}/api/v1/rounds/rated/critiques`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, themes: ['leadership'], text: 'Rated.', answers: { listened: ratings[i] } }),
      });
      assert(sent.status === 201, `critique: ${sent.status} ${await sent.text()}`);
    }
    const c = await browserContext();
    try {
      const s = await c.context.newPage();
      await signIn(s, consoleAdmin.username, consoleAdmin.password);
      await s.goto(`${BASE}/console/rounds/rated/close`);
      await Promise.all([s.waitForNavigation(), s.click('form[action="/console/periods/close"] [type=submit]')]);
      assert(/is closed\. Its digest is published/.test(await s.locator('main').innerText()), `not published: ${await s.locator('main').innerText()}`);
    } finally {
      await c.close();
    }
    const d = await browserContext();
    try {
      const page = await d.context.newPage();
      await page.goto(`${BASE}/o/rated`);
      const main = await page.locator('main').innerText();
      assert(main.includes('How well did staff listen to you?'), `no question in the digest: ${main}`);
      assert((await page.locator('main svg').count()) > 0, 'no chart');
      await axe(page, 'digest with a released question');
      await page.goto(`${BASE}/o/rated?lang=ar`);
      await axe(page, 'digest with a released question (ar)');
    } finally {
      await d.close();
    }
  });

  const narrow = await browserContext({ viewport: { width: 320, height: 640 } });
  try {
    const q = await narrow.context.newPage();
    for (const path of ['/r/asked', '/r/asked?easy=1', '/r/asked/paper', '/o/rated']) {
      await check(`issue 20: reflow at 320 px with text spacing overrides: ${path}`, async () => {
        await q.goto(BASE + path);
        await q.addStyleTag({ content: TEXT_SPACING });
        const over = await q.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert(over <= 0, `${over}px sideways`);
      });
    }
  } finally {
    await narrow.close();
  }
}
