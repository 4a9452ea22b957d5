// The pre-rendered widget (crates/prerender's markup in a declarative shadow root): with the
// wasm held back, the fields are on screen and take typing, pasting and clicks; once the wasm
// runs, the widget takes the markup's place with all of it, without moving anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIST, useServerAndBrowser, openPage, shellToken, eventually, recordCspViolations, cspViolations, holdWasm, replaceKeys,
} from './harness.mjs';

const shared = useServerAndBrowser();

/**
 * Where the focus is inside the widget's shadow root: the control's id without the widget's
 * number (the Norwegian markup, beside the English in the same root, is numbered as a second
 * widget so that its labels name its own fields) and its selection.
 */
const focusIn = (page) =>
  page.evaluate(() => {
    const active = document.querySelector('scim-token-widget').shadowRoot.activeElement;
    return active && { id: active.id.replace(/^stw\d+-/, ''), start: active.selectionStart, end: active.selectionEnd };
  });

for (const locale of ['en-GB', 'nb-NO']) {
  test(`with the wasm held back the fields take typing, a paste and a click; released, the widget takes it all over (${locale})`, async () => {
    const { context, page, log } = await openPage(shared.browser, { locale, permissions: ['clipboard-read', 'clipboard-write'] });
    await recordCspViolations(context);
    const wasm = await holdWasm(context);
    await page.goto(shared.server.url, { waitUntil: 'domcontentloaded' });
    // The page carries the first render in both languages and shows the browser's, as the
    // widget will speak it: the same labels before and after.
    const nb = locale === 'nb-NO';
    const labels = nb
      ? { key: 'API-nøkkel', secret: 'API-hemmelighet', token: 'Hemmelig token', show: 'Vis API-hemmelighet' }
      : { key: 'API key', secret: 'API secret', token: 'Secret token', show: 'Show API secret' };
    const key = page.getByLabel(labels.key, { exact: true });
    await key.waitFor();
    assert.ok(await key.isVisible(), 'on screen before the wasm');
    assert.equal(await page.getByLabel(nb ? 'API key' : 'API-nøkkel', { exact: true }).isVisible(), false, 'the other language is not shown');
    await replaceKeys(key, 'abc');
    // A paste with a trailing space: kept by the browser, diagnosed once the widget runs.
    const secret = page.getByLabel(labels.secret, { exact: true });
    await secret.focus();
    await page.evaluate(() => navigator.clipboard.writeText('123 '));
    await page.keyboard.press('Control+V');
    // «Show» on the secret: done again on the widget's own button.
    await page.getByRole('button', { name: labels.show }).click();
    assert.equal(await secret.getAttribute('type'), 'password', 'nothing runs the button yet');
    // The caret in the key field, after its first character.
    await key.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const box = await key.boundingBox();
    assert.deepEqual(await focusIn(page), { id: 'key', start: 1, end: 1 });
    assert.ok(wasm.asked(), 'the wasm was asked for and is held');
    assert.equal(await page.locator('scim-token-widget [data-prerendered]').count(), 2);
    await page.evaluate((nb) => {
      const shown = document.querySelector('scim-token-widget').shadowRoot.querySelector(`[data-prerendered="${nb ? 'nb' : 'en'}"]`);
      window.markupSecret = shown.querySelector('[id$="-secret"]');
    }, nb);

    wasm.release();
    const token = page.getByLabel(labels.token, { exact: true });
    await eventually(() => token.inputValue(), shellToken('abc', '123'), 'the token for what was typed before');
    assert.equal(await page.locator('scim-token-widget [data-prerendered]').count(), 0, 'the markup was replaced');
    assert.deepEqual(
      await page.evaluate(() => [window.markupSecret.isConnected, window.markupSecret.value]),
      [false, ''],
      'the markup\'s secret field, off the page, keeps no copy',
    );
    // The trailing space is diagnosed as the widget would have done had it been running.
    await page.locator('scim-token-widget .finding').first().waitFor();
    assert.equal(await key.inputValue(), 'abc');
    assert.equal(await secret.inputValue(), '123 ');
    assert.equal(await secret.getAttribute('type'), 'text', 'the secret is shown');
    assert.deepEqual(await focusIn(page), { id: 'key', start: 1, end: 1 }, 'the focus and the caret stay');
    // Same language, same markup: nothing moved.
    assert.deepEqual(await key.boundingBox(), box);
    // Typing goes on where the caret was.
    await page.keyboard.type('X');
    await eventually(() => token.inputValue(), shellToken('aXbc', '123'));
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('a value pasted with a line break before the wasm ran is reported, not silently joined', async () => {
  const { context, page, log } = await openPage(shared.browser, { locale: 'en-GB', permissions: ['clipboard-read', 'clipboard-write'] });
  const wasm = await holdWasm(context);
  await page.goto(shared.server.url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => customElements.get('scim-token-widget') !== undefined);
  const key = page.getByLabel('API key', { exact: true });
  // A key wrapped onto two lines where it was copied from, pasted between «x» and «y»: the
  // browser makes the line break a space in a single-line field (or drops it).
  await replaceKeys(key, 'xy');
  await key.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.evaluate(() => navigator.clipboard.writeText('ab\ncd'));
  await page.keyboard.press('Control+V');
  assert.equal(await key.inputValue(), 'xab cdy', 'the line break made a space by the browser');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), '123');
  wasm.release();
  // The widget's own paste handler sees the paste again: the line break at its position.
  await page.getByText('The API key has a line break (U+000A) at character 4.', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Secret token', { exact: true }).inputValue(), '', 'no token');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('when the wasm is refused, the fallback replaces the pre-rendered fields, which keep nothing typed', async () => {
  const { context, page, log } = await openPage(shared.browser, { locale: 'en-GB' });
  // The wasm arrives changed by one byte: its integrity check refuses it.
  const wasm = await holdWasm(context, (body) => {
    body[body.length - 1] ^= 1;
    return body;
  });
  await page.goto(shared.server.url, { waitUntil: 'domcontentloaded' });
  const secret = page.getByLabel('API secret', { exact: true });
  await replaceKeys(secret, 'typed-before');
  await page.evaluate(() => {
    window.markupSecret = document.querySelector('scim-token-widget').shadowRoot.querySelector('[data-prerendered="en"] [id$="-secret"]');
  });
  wasm.release();
  await page.getByText('This page needs JavaScript and WebAssembly').waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel('API key', { exact: true }).count(), 0, 'no field is left');
  assert.deepEqual(await page.evaluate(() => [window.markupSecret.isConnected, window.markupSecret.value]), [false, '']);
  assert.ok(log.console.some((m) => m.type === 'warning' && m.text.includes('WebAssembly could not start')));
  await context.close();
});

test('the pre-rendered language is the one the widget chooses: the first of the browser\'s it speaks', async () => {
  for (const [languages, expected] of [
    [['de-DE', 'nn', 'en'], 'nb'], [['fr'], 'en'], [['en-US', 'nb'], 'en'], [['no'], 'nb'], [['NB_no'], 'nb'],
  ]) {
    const { context, page } = await openPage(shared.browser);
    await context.addInitScript((languages) => {
      Object.defineProperty(Navigator.prototype, 'languages', { get: () => languages });
    }, languages);
    const wasm = await holdWasm(context);
    await page.goto(shared.server.url, { waitUntil: 'domcontentloaded' });
    const shown = () => page.evaluate(() =>
      [...document.querySelector('scim-token-widget').shadowRoot.querySelectorAll('[data-prerendered]')]
        .filter((variant) => variant.getClientRects().length > 0)
        .map((variant) => variant.dataset.prerendered));
    assert.deepEqual(await shown(), [expected], `${languages}: the markup`);
    wasm.release();
    await page.locator('scim-token-widget section.scim-token-widget:not([data-prerendered] *)').waitFor();
    await eventually(() => page.locator('scim-token-widget [data-prerendered]').count(), 0);
    assert.equal(await page.locator('scim-token-widget section.scim-token-widget').getAttribute('lang'), expected, `${languages}: the widget`);
    await context.close();
  }
});

test('a host page with dist/embed/scim-token-widget.prerendered.html in its element, under the README policy and its style hash', async () => {
  const file = readFileSync(join(DIST, 'embed', 'scim-token-widget.prerendered.html'), 'utf8');
  const style = file.match(/style-src '(sha384-[^']+)'/)[1];
  const { context, page, log } = await openPage(shared.browser);
  await recordCspViolations(context);
  const wasm = await holdWasm(context);
  const url = `${shared.server.url}prerendered-host.html`;
  await page.route(url, async (route) => {
    const served = await route.fetch({ url: shared.server.url });
    const policy = served.headers()['content-security-policy'].replace(/style-src [^;]*/, `style-src 'self' '${style}'`);
    await route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': policy },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml"><script type="module" src="/embed/scim-token-widget.js"></script></head>
        <body><h1>Settings</h1><scim-token-widget>${file}<p>Needs JavaScript.</p></scim-token-widget></body></html>`,
    });
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const key = page.getByLabel('API key', { exact: true });
  await key.waitFor();
  await replaceKeys(key, 'abc');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), '123');
  assert.equal(await page.getByText('Needs JavaScript.').isVisible(), false, 'the fallback stays hidden');
  wasm.release();
  await eventually(() => page.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('abc', '123'));
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
