// The built standalone page (dist/index.html), served on loopback, used in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, shellToken, eventually, PAIRS, assertRequestsWithinDist, replaceKeys, typeKeys, pasteKeys, CLIPBOARD } from './harness.mjs';

const shared = useServerAndBrowser();

test('the page loads with no failed request, no console error, and asks only for its own files', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(shared.server.url);
  await page.getByLabel('API key', { exact: true }).waitFor();
  await replaceKeys(page.getByLabel('API key', { exact: true }), 'abc');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), '123');
  const copy = page.getByRole('button', { name: 'Copy secret token' });
  await eventually(() => copy.isEnabled(), true, 'copy enabled once both fields are filled');
  await context.close();

  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  assert.ok(log.requests.length >= 4, `expected the page, its CSS, the embed module and the wasm: ${log.requests}`);
  assertRequestsWithinDist(log.requests, shared.server.url);
  assert.ok(!log.requests.some((u) => u.endsWith('/favicon.ico')), 'no favicon.ico request');
});

test('the token for known pairs equals printf | base64', async () => {
  const { context, page } = await openPage(shared.browser);
  await page.goto(shared.server.url);
  const token = page.getByLabel('Secret token', { exact: true });
  for (const [key, secret] of PAIRS) {
    await replaceKeys(page.getByLabel('API key', { exact: true }), key);
    await replaceKeys(page.getByLabel('API secret', { exact: true }), secret);
    await eventually(() => token.inputValue(), shellToken(key, secret), `(${key}, ${secret})`);
  }
  await context.close();
});

/**
 * Serves the page as a host has it without the pre-rendered markup (README «Embedding»): the
 * fields first appear when the widget renders them.
 */
async function withoutPrerender(page) {
  await page.route(shared.server.url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<template shadowrootmode="open">[\s\S]*?<\/template>/, '');
    assert.doesNotMatch(body, /shadowrootmode/);
    await route.fulfill({ response, body });
  });
}

test('keys pressed and a Ctrl+V paste as soon as the fields appear are kept and make the token', async () => {
  const { context, page } = await openPage(shared.browser, CLIPBOARD);
  await withoutPrerender(page);
  // Back at the first byte of the page: the keys go to the key field the moment it is there
  // and can take them (Playwright's own wait), as early as an admin could press them.
  await page.goto(shared.server.url, { waitUntil: 'commit' });
  await typeKeys(page.getByLabel('API key', { exact: true }), 'abc');
  await pasteKeys(page.getByLabel('API secret', { exact: true }), '123');
  const token = page.getByLabel('Secret token', { exact: true });
  await eventually(() => token.inputValue(), shellToken('abc', '123'), 'the token of what was typed and pasted');
  assert.equal(await page.getByLabel('API key', { exact: true }).inputValue(), 'abc');
  assert.equal(await page.getByLabel('API secret', { exact: true }).inputValue(), '123');
  await context.close();
});

test('what is typed the moment the fields appear is kept and makes the token', async () => {
  const { context, page } = await openPage(shared.browser, CLIPBOARD);
  await withoutPrerender(page);
  // Types into the fields as soon as they are in the DOM, before the widget has finished
  // setting them up: the widget must not write its initial (empty) text over it. Only a script
  // can act inside that window (the test above presses real keys as early as they can come).
  await page.addInitScript(() => {
    const typed = new Set();
    const typeInto = (root) => {
      for (const [id, text] of [['key', 'abc'], ['secret', '123']]) {
        const input = root.querySelector(`input[id$="-${id}"]`);
        if (!input || typed.has(id)) continue;
        typed.add(id);
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
      }
    };
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attachShadow.call(this, init);
      new MutationObserver(() => typeInto(root)).observe(root, { childList: true, subtree: true });
      return root;
    };
  });
  await page.goto(shared.server.url);
  const token = page.getByLabel('Secret token', { exact: true });
  await eventually(() => token.inputValue(), shellToken('abc', '123'), 'the token of what was typed');
  assert.equal(await page.getByLabel('API key', { exact: true }).inputValue(), 'abc');
  assert.equal(await page.getByLabel('API secret', { exact: true }).inputValue(), '123');
  // The script above alone can race the first render; the fields it typed into then take what
  // an admin does: a key pressed, and a paste with Ctrl+V from the system clipboard.
  await typeKeys(page.getByLabel('API secret', { exact: true }), '4');
  await eventually(() => token.inputValue(), shellToken('abc', '1234'), 'a real key after the raced text');
  await pasteKeys(page.getByLabel('API key', { exact: true }), 'KEY9', { over: true });
  assert.equal(await page.getByLabel('API key', { exact: true }).inputValue(), 'KEY9');
  await eventually(() => token.inputValue(), shellToken('KEY9', '1234'), 'a real paste after the raced text');
  await context.close();
});

test('Copy secret token puts the token on the clipboard and says so', async () => {
  const { context, page } = await openPage(shared.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(shared.server.url);
  await replaceKeys(page.getByLabel('API key', { exact: true }), 'nøkkel');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), 'hemmelig');
  await page.getByRole('button', { name: 'Copy secret token' }).click();
  await page.getByRole('status').filter({ hasText: 'Secret token copied.' }).waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clipboard, shellToken('nøkkel', 'hemmelig'));

  await page.getByRole('button', { name: 'Copy tenant URL' }).click();
  await page.getByRole('status').filter({ hasText: 'Tenant URL copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://api.securepractice.co/scim/v2/');
  await context.close();
});
