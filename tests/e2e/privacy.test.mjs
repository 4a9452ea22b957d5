// What the page must never do with a secret: put it anywhere it could be read back or leak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, shellToken, eventually, replaceKeys } from './harness.mjs';

const shared = useServerAndBrowser();

/** Everything on the page a secret could hide in, as one string. */
async function everywhere(page) {
  return page.evaluate(async () => {
    // outerHTML does not include shadow roots: walk them by hand.
    const serialize = (root) => {
      let html = root.innerHTML ?? '';
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) html += serialize(element.shadowRoot);
        // Attributes are in the HTML already; list them again so nothing hides in one.
        for (const attribute of element.attributes) html += ` ${attribute.name}=${attribute.value}`;
      }
      return html;
    };
    const storage = (s) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i))}`).join(';');
    const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name).join(';') : '';
    return [
      serialize(document),
      location.href,
      document.title,
      document.cookie,
      storage(localStorage),
      storage(sessionStorage),
      databases,
      history.state === null ? '' : JSON.stringify(history.state),
    ].join('\n');
  });
}

test('a typed secret and its token appear in no attribute, URL, title, storage, cookie or console', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(shared.server.url);
  const marker = `Mk${Date.now().toString(36)}zQ`;
  await replaceKeys(page.getByLabel('API key', { exact: true }), 'privacy-key');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), marker);
  const token = shellToken('privacy-key', marker);
  const tokenField = page.getByLabel('Secret token', { exact: true });
  await eventually(() => tokenField.inputValue(), token, 'token made');

  // Reveal both, the most exposed state, then look everywhere.
  await page.getByRole('button', { name: 'Show API secret' }).click();
  await page.getByRole('button', { name: 'Show secret token' }).click();
  await page.keyboard.press('Enter');
  const seen = await everywhere(page);
  assert.ok(!seen.includes(marker), 'the secret leaked into the DOM, URL, title or storage');
  assert.ok(!seen.includes(token), 'the token leaked into the DOM, URL, title or storage');
  const consoleText = log.console.map((m) => m.text).join('\n');
  assert.ok(!consoleText.includes(marker) && !consoleText.includes(token), 'leaked to the console');
  assert.equal(new URL(page.url()).search, '', 'Enter submitted nothing');
  await context.close();
});

test('the fields opt out of autocomplete, spell-check, autocapitalize and autocorrect', async () => {
  const { context, page } = await openPage(shared.browser);
  await page.goto(shared.server.url);
  for (const label of ['API key', 'API secret', 'Secret token', 'Tenant URL']) {
    const field = page.getByLabel(label, { exact: true });
    for (const [name, value] of [['autocomplete', 'off'], ['spellcheck', 'false'], ['autocapitalize', 'off'], ['autocorrect', 'off']]) {
      assert.equal(await field.getAttribute(name), value, `${label} ${name}`);
    }
  }
  assert.equal(await page.locator('scim-token-widget').evaluate((e) => e.shadowRoot.querySelectorAll('form').length), 0);
  await context.close();
});
