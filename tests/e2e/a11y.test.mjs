// Accessibility of the standalone page: axe-core in both languages, light and dark, in the
// empty, filled, error and copied states; keyboard-only use; small screens and zoom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, openPage, shellToken, eventually, holdWasm, ROOT, replaceKeys } from './harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const LABELS = {
  en: { key: 'API key', secret: 'API secret', copy: 'Copy secret token', copied: 'Secret token copied.' },
  nb: { key: 'API-nøkkel', secret: 'API-hemmelighet', copy: 'Kopier hemmelig token', copied: 'Hemmelig token er kopiert.' },
};

const shared = useServerAndBrowser();

const WCAG = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] };

/** Runs axe (by default the WCAG 2.x A and AA rules and axe's best practices) over the page, shadow roots included. */
async function axe(page, runOnly = WCAG) {
  // Evaluated through the DevTools protocol, so the page's CSP need not allow it.
  await page.evaluate(AXE);
  return page.evaluate(async (runOnly) => {
    const result = await window.axe.run(document, { runOnly });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, runOnly);
}

for (const lang of ['en', 'nb']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violation: ${lang}, ${colorScheme}, in the empty, filled, error and copied states`, async () => {
      const { context, page } = await openPage(shared.browser, {
        colorScheme,
        locale: lang === 'nb' ? 'nb-NO' : 'en-GB',
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const l = LABELS[lang];
      await page.goto(shared.server.url);
      await page.getByLabel(l.key, { exact: true }).waitFor();
      assert.deepEqual(await axe(page), [], 'empty');

      await replaceKeys(page.getByLabel(l.key, { exact: true }), 'abc');
      await replaceKeys(page.getByLabel(l.secret, { exact: true }), '123');
      assert.deepEqual(await axe(page), [], 'filled');

      await page.getByRole('button', { name: l.copy }).click();
      await page.getByRole('status').filter({ hasText: l.copied }).waitFor();
      assert.deepEqual(await axe(page), [], 'copied');

      await replaceKeys(page.getByLabel(l.key, { exact: true }), 'ab c:d');
      await page.locator('[aria-invalid="true"]').first().waitFor();
      assert.deepEqual(await axe(page), [], 'error');
      await context.close();
    });
  }
}

for (const lang of ['en', 'nb']) {
  test(`axe finds no violation in the pre-rendered page, before the wasm runs (${lang})`, async () => {
    const { context, page } = await openPage(shared.browser, { locale: lang === 'nb' ? 'nb-NO' : 'en-GB' });
    const wasm = await holdWasm(context);
    await page.goto(shared.server.url, { waitUntil: 'domcontentloaded' });
    await page.getByLabel(LABELS[lang].key, { exact: true }).waitFor();
    assert.equal(await page.locator('scim-token-widget [data-prerendered]').count(), 2, 'the markup, not the widget');
    assert.deepEqual(await axe(page), []);
    wasm.release();
    await context.close();
  });
}

const GUIDE = { en: ['Before you start', 'After you save'], nb: ['Før du begynner', 'Etter at du har lagret'] };

for (const lang of ['en', 'nb']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violation with «Before you start» and «After you save» open: ${lang}, ${colorScheme}`, async () => {
      const { context, page } = await openPage(shared.browser, { colorScheme, locale: lang === 'nb' ? 'nb-NO' : 'en-GB' });
      await page.goto(shared.server.url);
      for (const name of GUIDE[lang]) {
        const toggle = page.getByRole('button', { name });
        await toggle.click();
        // A click on the pre-rendered button is done again once the widget takes over.
        await eventually(() => toggle.getAttribute('aria-expanded'), 'true', name);
      }
      await page.locator('scim-token-widget .guide-points li').nth(6).waitFor();
      assert.deepEqual(await axe(page), []);
      await context.close();
    });
  }
}

for (const lang of ['en', 'nb']) {
  test(`the standalone page has one h1 and headings in order, its sections open: ${lang}`, async () => {
    const { context, page } = await openPage(shared.browser, { locale: lang === 'nb' ? 'nb-NO' : 'en-GB' });
    await page.goto(shared.server.url);
    await page.locator('scim-token-widget input').first().waitFor();
    const closed = page.locator('scim-token-widget button[aria-expanded="false"]');
    while ((await closed.count()) > 0) await closed.first().click();
    assert.deepEqual(await axe(page, { type: 'rule', values: ['page-has-heading-one', 'heading-order'] }), []);
    assert.equal(await page.locator('h1:visible').count(), 1, 'one h1 on screen');
    await context.close();
  });
}

/** The element that has focus, looking inside shadow roots. */
const focused = (page) => page.evaluate(() => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  const label = element?.labels?.[0]?.textContent;
  return label ?? element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
});

/** Presses Tab until the named control has focus (at most 30 times). */
async function tabTo(page, name) {
  for (let i = 0; i < 30; i += 1) {
    if ((await focused(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${name}`);
}

test('keyboard only: fill both fields, reveal, copy, clear', async () => {
  const { context, page } = await openPage(shared.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(shared.server.url);
  await page.getByLabel('API key', { exact: true }).waitFor();

  await tabTo(page, 'API key');
  await page.keyboard.type('nøkkel');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'API secret', 'the secret comes right after the key');
  await page.keyboard.type('hemmelig');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Show API secret');
  await page.keyboard.press('Space');
  assert.equal(await page.getByLabel('API secret', { exact: true }).getAttribute('type'), 'text');

  await tabTo(page, 'Show secret token');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByLabel('Secret token', { exact: true }).getAttribute('type'), 'text');
  await tabTo(page, 'Copy secret token');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Secret token copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shellToken('nøkkel', 'hemmelig'));

  await tabTo(page, 'Clear');
  await page.keyboard.press('Enter');
  // The token was copied, so Clear takes it off the clipboard too, and says so once.
  await page.getByRole('status').filter({ hasText: 'Cleared, and the clipboard emptied (the widget had copied the secret token to it).' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '');
  assert.equal(await page.getByLabel('API key', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('API secret', { exact: true }).inputValue(), '');
  await context.close();
});

test('a disclosure button is named by its text alone: the arrow it draws is not read', async () => {
  const { context, page } = await openPage(shared.browser, { locale: 'en-GB' });
  await page.goto(shared.server.url);
  await page.getByLabel('API key', { exact: true }).waitFor();
  for (const name of ['Before you start', 'After you save', 'Check a token', 'Map organisation levels', 'Try an expression']) {
    const closed = page.getByRole('button', { name, exact: true, expanded: false });
    assert.equal(await closed.count(), 1, `${name}, closed`);
    await closed.click();
    assert.equal(await page.getByRole('button', { name, exact: true, expanded: true }).count(), 1, `${name}, open`);
  }
  assert.doesNotMatch(await page.locator('scim-token-widget').ariaSnapshot(), /[▸▾]/u);
  await context.close();
});

test('the language switch keeps what was typed and is announced', async () => {
  const { context, page } = await openPage(shared.browser, { locale: 'en-GB' });
  await page.goto(shared.server.url);
  await replaceKeys(page.getByLabel('API key', { exact: true }), 'abc');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), '123');
  await page.getByRole('button', { name: 'Norsk' }).click();
  await page.getByRole('status').filter({ hasText: 'Språk: norsk.' }).waitFor();
  assert.equal(await page.getByLabel('API-nøkkel', { exact: true }).inputValue(), 'abc');
  await eventually(() => page.getByLabel('Hemmelig token', { exact: true }).inputValue(), shellToken('abc', '123'));
  await context.close();
});

test('the browser language picks Norwegian for nb, no and nn', async () => {
  for (const locale of ['nb-NO', 'nn-NO', 'no']) {
    const { context, page } = await openPage(shared.browser, { locale });
    await page.goto(shared.server.url);
    await page.getByLabel('API-nøkkel', { exact: true }).waitFor();
    await context.close();
  }
});

for (const [width, what] of [[320, '320 px wide'], [640, '200 % zoom of a 1280 px window']]) {
  test(`usable without horizontal scrolling at ${what}`, async () => {
    const { context, page } = await openPage(shared.browser, { viewport: { width, height: 800 } });
    await page.goto(shared.server.url);
    await replaceKeys(page.getByLabel('API key', { exact: true }), '3f9c2a7e-b1d4-4c6e-9a8f-1234567890ab');
    await replaceKeys(page.getByLabel('API secret', { exact: true }), 'a-rather-long-secret-value-0123456789');
    await page.getByRole('button', { name: 'Show secret token' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    assert.ok(await page.getByRole('button', { name: 'Copy secret token' }).isVisible());
    await context.close();
  });
}
