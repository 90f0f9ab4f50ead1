// Keyboard-only walks (issue #9, WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7) in
// Chromium under the site's Content-Security-Policy. Input is only
// page.keyboard (Tab, Shift+Tab, Enter, Space, arrow keys, typing); the DOM
// is read to know where focus is and which option is right, never clicked.
//
// Quiz: from the top of the module page, Tab reaches the first question's
// options; answers are picked with arrows or Space and given with Enter,
// "Nästa fråga" leads through every question; the result is announced in
// the live region; the retry and restart buttons are reached and used by
// keyboard. Search: the skip link comes
// first, Tab reaches the search field, a Swedish query is typed, a link
// skips the filters to the results, Tab reaches the first result and
// Enter follows it. At every step focus is
// on a visible element that shows a focus indicator, and a full Tab cycle
// (and a Shift+Tab cycle) visits every tabbable element: no trap.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, watchedPage } from '../e2e/harness.js';
import { sha256 } from '../../themes/default/static/js/quiz-core.js';

const MODULE = '/utbildning/grundkurs-informationssakerhet/';
let out, server, browser;

let site;
before(async () => {
  site = await openSite();
  ({ out, server, browser } = site);
});
after(() => site?.close());

/** What has focus, whether it is visible and shows a focus indicator. Runs in the page. */
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const shown = s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0 &&
    !el.closest('[hidden]') && Number(s.opacity) > 0;
  const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)') ||
    s.boxShadow !== 'none';
  // A stable description of the element: tag, classes, and its position among its kind.
  const all = [...document.querySelectorAll(el.tagName)];
  const key = `${el.tagName.toLowerCase()}.${el.className}#${all.indexOf(el)}`;
  return {
    none: false,
    key,
    tag: el.tagName.toLowerCase(),
    type: el.type || '',
    name: el.name || '',
    value: el.value ?? '',
    text: (el.textContent || '').trim().slice(0, 60),
    cls: el.className,
    focusVisible: el.matches(':focus-visible'),
    shown,
    inView,
    ring,
    question: el.closest('li.quiz__item')?.dataset.question ?? null,
  };
}

/**
 * A watched page that asks for reduced motion: the theme's smooth scrolling
 * then jumps, so whether focus is in view does not depend on how fast a
 * busy machine animates a long scroll.
 */
async function walkPage() {
  const w = await watchedPage(browser, server.url);
  await w.page.emulateMedia({ reducedMotion: 'reduce' });
  return w;
}

/** Presses `key` and returns the focus state, failing if focus is not visibly shown. */
async function press(page, key) {
  await page.keyboard.press(key);
  let f = await page.evaluate(focusState);
  // Pages are opened with reduced motion (see walkPage), so the scroll that
  // brings focus into view is instant; allow a loaded machine a moment.
  for (let i = 0; i < 40 && !f.none && !f.inView; i++) {
    await page.waitForTimeout(50);
    f = await page.evaluate(focusState);
  }
  if (!f.none) {
    assert.ok(f.shown, `after ${key}: focus on a hidden element ${f.key}`);
    assert.ok(f.inView, `after ${key}: focused ${f.key} is outside the viewport`);
    assert.ok(f.focusVisible, `after ${key}: ${f.key} does not match :focus-visible`);
    assert.ok(f.ring, `after ${key}: ${f.key} shows no outline or box-shadow`);
  }
  return f;
}

/** Tabs (or Shift+Tabs) until `want(focus)` holds; at most `max` presses. */
async function tabTo(page, want, what, { max = 150, key = 'Tab' } = {}) {
  for (let i = 0; i < max; i++) {
    const f = await press(page, key);
    if (!f.none && want(f)) return { focus: f, presses: i + 1 };
  }
  assert.fail(`${what} not reached with ${max} × ${key}`);
}

/**
 * Tabs through the whole page (and back with Shift+Tab): every tabbable
 * element is reached and focus leaves the page at the end instead of
 * being held anywhere.
 */
async function assertNoTrap(page, key) {
  const tabbable = await page.evaluate(() => {
    const seenRadio = new Set();
    const keys = [];
    const sel = 'a[href], button, input, select, textarea, summary, [tabindex]';
    for (const el of document.querySelectorAll(sel)) {
      if (el.disabled || el.tabIndex < 0 || el.type === 'hidden') continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || el.getClientRects().length === 0 || el.closest('[hidden], [inert]')) continue;
      // The content of a closed <details> (all but its summary) is not reachable.
      const closed = el.closest('details:not([open])');
      if (closed && el.closest('summary')?.parentElement !== closed) continue;
      if (el.type === 'radio') {
        if (seenRadio.has(el.name)) continue;
        seenRadio.add(el.name);
      }
      keys.push(el.type === 'radio' ? `radio:${el.name}` : el);
    }
    const all = (el) => [...document.querySelectorAll(el.tagName)].indexOf(el);
    return keys.map((k) => (typeof k === 'string' ? k : `${k.tagName.toLowerCase()}.${k.className}#${all(k)}`));
  });
  await page.evaluate(() => document.activeElement?.blur());
  const visited = new Set();
  const order = [];
  let left = false;
  for (let i = 0; i < tabbable.length + 20; i++) {
    const f = await press(page, key);
    // Focus leaves the document, or (Chromium going backwards) wraps round
    // to where the cycle began: either way every stop was passed.
    if (f.none || f.key === order[0]) {
      left = true;
      break;
    }
    visited.add(f.type === 'radio' ? `radio:${f.name}` : f.key);
    order.push(f.key);
  }
  assert.ok(left, `${key} never left the page: focus is trapped (${tabbable.length} tabbable; went ${order.join(' ')})`);
  const missed = tabbable.filter((k) => !visited.has(k));
  assert.deepEqual(missed, [], `${key} never reached these`);
  return tabbable.length;
}

/** The right selection of every question, by hashing every possible one (see docs/training.md). */
async function solve(page) {
  const quiz = JSON.parse(await page.locator('script.quiz-data').textContent());
  const subsets = (n) => {
    const all = [];
    for (let mask = 1; mask < 1 << n; mask++) all.push([...Array(n).keys()].filter((i) => mask & (1 << i)).map(String));
    return all;
  };
  return quiz.questions.map((q) => {
    const candidates = q.kind === 'truefalse' ? [['true'], ['false']] : subsets(q.options.length);
    return candidates.find((c) => sha256(`${q.salt}:${c.join(',')}`) === q.hash);
  });
}

/** The option values of question `qi` in page order. */
const optionValues = (page, qi) =>
  page.$$eval(`li.quiz__item[data-question="${qi}"] input`, (els) => els.map((e) => e.value));

/**
 * Answers the question that has focus (focus on its first enabled option)
 * with `values`, by keyboard only, then presses its answer button; returns
 * the focus state after answering.
 */
async function answerFocused(page, first, values) {
  const qi = first.question;
  const all = await optionValues(page, qi);
  if (first.type === 'radio') {
    // Tab lands on the group's first radio; arrows move and select.
    assert.equal(values.length, 1);
    const target = all.indexOf(values[0]);
    let at = all.indexOf(first.value);
    if (target === at) await press(page, 'Space');
    while (at < target) {
      const f = await press(page, 'ArrowDown');
      at = all.indexOf(f.value);
    }
  } else {
    // Checkboxes: Tab through each, Space on the wanted ones.
    let f = first;
    for (let k = 0; k < all.length; k++) {
      assert.equal(f.type, 'checkbox', `question ${qi}: expected a checkbox, focus on ${f.key}`);
      if (values.includes(f.value)) await press(page, 'Space');
      if (k < all.length - 1) f = await press(page, 'Tab');
    }
  }
  const checked = await page.$$eval(`li.quiz__item[data-question="${qi}"] input:checked`, (els) => els.map((e) => e.value));
  assert.deepEqual(checked.sort(), [...values].sort(), `question ${qi}: keyboard selection`);
  const button = await tabTo(page, (f) => f.cls.includes('quiz-question__answer') && f.question === qi, `answer button of ${qi}`, { max: 10 });
  assert.equal(button.focus.text, 'Svara');
  const after = await press(page, 'Enter');
  assert.match(after.cls, /quiz-feedback/, `question ${qi}: focus moves to the feedback`);
  assert.equal(after.question, qi);
  return after;
}

/**
 * Answers the quiz's questions one after another (one is shown at a time),
 * by keyboard only: Tab to the current question's options (or start from
 * `focus`, already on them), answer, Tab to "Nästa fråga" and press Enter,
 * which puts focus on the next question's first option; after the last,
 * "Visa resultat" moves focus to the summary. Returns how many were asked.
 */
async function answerAllByKeyboard(page, pick, focus = null) {
  const answers = await solve(page);
  let f = focus;
  for (let n = 1; ; n++) {
    if (!f) {
      ({ focus: f } = await tabTo(page, (x) => x.question !== null && ['radio', 'checkbox'].includes(x.type), 'options of the current question'));
    }
    const qi = f.question;
    const number = await page.locator(`li.quiz__item[data-question="${qi}"] .quiz-question__number`).innerText();
    assert.match(number, new RegExp(`^Fråga ${n} av \\d+$`), `the stepper says which question this is: ${number}`);
    const feedback = await answerFocused(page, f, pick(answers[Number(qi)], await optionValues(page, qi)));
    assert.match(feedback.text, /^(Rätt|Fel)/, `feedback of ${qi}: ${feedback.text}`);
    // Past the source link, if the feedback has one.
    const next = await tabTo(page, (x) => x.cls.includes('quiz-question__next'), `next button of ${qi}`, { max: 3 });
    const after = await press(page, 'Enter');
    if (/Visa resultat/.test(next.focus.text)) {
      assert.match(after.cls, /quiz-result/, 'after the last question focus is on the summary');
      return n;
    }
    assert.ok(['radio', 'checkbox'].includes(after.type), `after Nästa fråga focus is on ${after.key}`);
    assert.notEqual(after.question, qi, 'the next question is shown');
    f = after;
  }
}

test('the quiz can be answered, failed, retried and passed with the keyboard alone', async () => {
  const { page, context, problems } = await walkPage();
  await page.goto(server.url + MODULE);
  await page.locator('li.quiz__item').waitFor();
  const total = JSON.parse(await page.locator('script.quiz-data').textContent()).questions.length;
  assert.ok(total >= 5, `only ${total} questions`);

  // No trap, forwards and backwards, before answering anything.
  const tabbable = await assertNoTrap(page, 'Tab');
  await assertNoTrap(page, 'Shift+Tab');
  console.log(`# quiz page: ${tabbable} tabbable stops, ${total} questions`);

  // From the top: the skip link is first, then every question wrong.
  await page.reload();
  await page.locator('li.quiz__item').waitFor();
  const skip = await press(page, 'Tab');
  assert.match(skip.cls, /skip-link/, `first stop is ${skip.key}`);
  const answered = await answerAllByKeyboard(page, (right, all) => [all.find((v) => !right.includes(v))]);
  assert.equal(answered, total);
  const status = page.locator('.quiz__result[role="status"][aria-live="polite"]');
  assert.match(await status.innerText(), /Du fick 0 %\. Du behöver 80 %/);

  // The summary's buttons come first in tab order; retry the wrong ones.
  const retry = await tabTo(page, (f) => f.tag === 'button' && /Försök igen/.test(f.text), 'retry button', { max: 5 });
  assert.equal(retry.presses, 1, 'the retry button is the summary\'s first stop');
  const first = await press(page, 'Enter');
  assert.ok(['radio', 'checkbox'].includes(first.type), `after retry focus is on ${first.key}`);
  assert.equal(await page.locator('li.quiz__item input:disabled').count(), 0, 'the question is open again');
  assert.equal(await page.locator('li.quiz__item input:checked').count(), 0, 'no option checked');

  // Now right, all by keyboard (the first question's option already has focus).
  const rest = await answerAllByKeyboard(page, (right) => right, first);
  assert.equal(rest, total, 'every missed question is asked again');
  assert.match(await status.innerText(), /Du klarade testet med 100 %/);
  const cert = await tabTo(page, (f) => f.tag === 'a' && /intyg/i.test(f.text), 'certificate link', { max: 5 });
  assert.equal(cert.presses, 1, 'the certificate link is the summary\'s first stop');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/utbildning/intyg/?modul=M-01');
  assert.deepEqual(problems, []);
  await context.close();
});

test('search: skip link, field, Swedish query, first result followed with Enter', async () => {
  const { page, context, problems } = await walkPage();
  await page.goto(`${server.url}/sok/`);
  const skip = await press(page, 'Tab');
  assert.match(skip.cls, /skip-link/, `first stop is ${skip.key}`);
  assert.match(skip.text, /Till innehållet|Hoppa/i);
  // Following the skip link lands in <main>; the next stop is the page's search field.
  await page.keyboard.press('Enter');
  const field = await tabTo(page, (f) => f.tag === 'input' && f.type === 'search', 'search field', { max: 3 });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-query', 'the page field, not the header box');
  assert.equal(field.presses, 1, 'the search field is the first stop in <main>');
  await page.keyboard.type('lösenordet');
  await page.waitForSelector('#search-results > li');
  assert.match(await page.locator('#search-status').innerText(), /\d+ träff/);
  const [firstHref, firstTitle] = await page.$eval('#search-results > li h3 a', (a) => [a.getAttribute('href'), a.textContent]);
  // Past the Sök button comes the filter disclosure, closed, so the
  // dozens of checkboxes are not in the way; then the first result.
  const toggle = await tabTo(page, (f) => f.cls === 'search-filters__toggle', 'filter disclosure', { max: 2 });
  assert.equal(toggle.presses, 2, 'field, Sök button, then the filter disclosure');
  assert.match(toggle.focus.text, /^Filtrera/);
  await press(page, 'Tab');
  assert.ok(await page.evaluate(() => document.activeElement === document.querySelector('#search-results > li h3 a')),
    'the next stop is the first result');
  await page.keyboard.press('Enter');
  const target = new URL(firstHref, server.url);
  await page.waitForURL((u) => u.pathname === target.pathname);
  const arrived = new URL(page.url());
  assert.equal(arrived.pathname + arrived.search + arrived.hash, target.pathname + target.search + target.hash,
    'arrived at the first result, with the words to mark');
  // The page of that result, and the section it named.
  assert.equal(await page.locator('h1').innerText(), firstTitle.split(' › ')[0]);
  if (firstHref.includes('#')) {
    const id = firstHref.split('#')[1];
    assert.equal(await page.evaluate((i) => document.getElementById(i)?.textContent.trim(), id), firstTitle.split(' › ')[1]);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('search page has no keyboard trap, with and without results', async () => {
  const { page, context, problems } = await walkPage();
  await page.goto(`${server.url}/sok/?q=${encodeURIComponent('incident')}`);
  await page.waitForSelector('#search-results > li');
  const n = await assertNoTrap(page, 'Tab');
  await assertNoTrap(page, 'Shift+Tab');
  console.log(`# search page with results: ${n} tabbable stops`);
  assert.equal(await page.locator('.search-filters').isHidden(), false, 'filters offered with results');
  await page.goto(`${server.url}/sok/?q=${encodeURIComponent('zxqvw')}`);
  await page.waitForFunction(() => /Inga träffar/.test(document.getElementById('search-status').textContent));
  assert.equal(await page.locator('.search-filters').isHidden(), true, 'no filters without results');
  await assertNoTrap(page, 'Tab');
  assert.deepEqual(problems, []);
  await context.close();
});
