// The admin's real path, in Chromium: keys pressed and Ctrl+V from the system clipboard, then
// what the fields show, what the widget says and the token. Every finding of the README's
// table pasted into each field it applies to, once into the running widget and once into the
// pre-rendered fields before the wasm ran (the widget then takes the paste over).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, openPage, shellToken, eventually, holdWasm, typeKeys, pasteKeys, CLIPBOARD,
} from './harness.mjs';
import { FINDINGS } from './findings.mjs';

const shared = useServerAndBrowser();

/** The page in English with the clipboard allowed; `held`: the wasm held back until released. */
async function open({ held = false } = {}) {
  const { context, page, log } = await openPage(shared.browser, { locale: 'en-GB', ...CLIPBOARD });
  const wasm = held ? await holdWasm(context) : undefined;
  await page.goto(shared.server.url, { waitUntil: held ? 'domcontentloaded' : 'load' });
  const field = (label) => page.getByLabel(label, { exact: true });
  const fields = { key: field('API key'), secret: field('API secret'), token: field('Secret token') };
  await fields.key.waitFor();
  if (held) {
    assert.equal(await page.locator('scim-token-widget [data-prerendered]').count(), 2, 'the pre-rendered fields');
    // The embed module runs (and records early pastes) before the wasm is released.
    await page.waitForFunction(() => customElements.get('scim-token-widget') !== undefined);
  } else {
    await eventually(() => page.locator('scim-token-widget [data-prerendered]').count(), 0, 'the widget has taken over');
  }
  const findings = () => page.locator('scim-token-widget li.finding').allTextContents();
  const takeOver = async () => {
    wasm.release();
    await eventually(() => page.locator('scim-token-widget [data-prerendered]').count(), 0, 'the widget has taken over');
  };
  return { context, page, log, fields, findings, takeOver };
}

/** Waits until one of the widget's findings matches `pattern`. */
async function says(findings, pattern) {
  await eventually(async () => (await findings()).some((text) => pattern.test(text)), true, `a finding matching ${pattern}`);
}

describe('a paste with a line break keeps the pasted text in the field', () => {
  test('a secret pasted with its line break after a typed key: the field shows it, typing goes on after it', async () => {
    const { context, log, fields, findings } = await open();
    await typeKeys(fields.key, 'KEY1');
    await pasteKeys(fields.secret, 'SECRETNL\n');
    await eventually(() => fields.secret.inputValue(), 'SECRETNL', 'the pasted secret, less its line break');
    await says(findings, /^Note.*Removed a line break at the end of the API secret\. It is left out of the token\./);
    await eventually(() => fields.token.inputValue(), shellToken('KEY1', 'SECRETNL'));
    await typeKeys(fields.secret, 'Z');
    await eventually(() => fields.secret.inputValue(), 'SECRETNLZ', 'the key typed after the paste');
    await eventually(() => fields.token.inputValue(), shellToken('KEY1', 'SECRETNLZ'));
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('a paste ending in CR LF after typed characters, and more keys after it', async () => {
    const { context, fields } = await open();
    await typeKeys(fields.key, 'k');
    await typeKeys(fields.secret, 'AB');
    await pasteKeys(fields.secret, 'CD\r\n');
    await eventually(() => fields.secret.inputValue(), 'ABCD');
    await eventually(() => fields.token.inputValue(), shellToken('k', 'ABCD'));
    await typeKeys(fields.secret, 'E');
    await eventually(() => fields.token.inputValue(), shellToken('k', 'ABCDE'));
    assert.equal(await fields.secret.inputValue(), 'ABCDE');
    await context.close();
  });

  test('a paste with a line break at the end of the API key, and the next key typed', async () => {
    const { context, fields, findings } = await open();
    await typeKeys(fields.key, 'KEY1');
    await pasteKeys(fields.key, 'MOREKEY\n');
    await eventually(() => fields.key.inputValue(), 'KEY1MOREKEY');
    await says(findings, /Removed a line break at the end of the API key/);
    await typeKeys(fields.key, 'X');
    await eventually(() => fields.key.inputValue(), 'KEY1MOREKEYX');
    await typeKeys(fields.secret, 's');
    await eventually(() => fields.token.inputValue(), shellToken('KEY1MOREKEYX', 's'));
    await context.close();
  });

  test('a wrapped key stays reported while typed after, until it is pasted again in one piece', async () => {
    const { context, page, fields, findings } = await open();
    await typeKeys(fields.secret, 's');
    await pasteKeys(fields.key, 'ab\ncd');
    await eventually(() => fields.key.inputValue(), 'abcd');
    await says(findings, /The API key has a line break \(U\+000A\) at character 3\./);
    await typeKeys(fields.key, 'e');
    await eventually(() => fields.key.inputValue(), 'abcde');
    await says(findings, /The API key has a line break \(U\+000A\) at character 3\./);
    assert.equal(await fields.token.inputValue(), '', 'no token while the line break is in the key');
    // Select all and paste the key in one piece: the hidden line break goes with the rest.
    await fields.key.focus();
    await page.keyboard.press('Control+A');
    await pasteKeys(fields.key, 'abcd');
    await eventually(() => fields.token.inputValue(), shellToken('abcd', 's'));
    assert.deepEqual((await findings()).filter((text) => /line break/.test(text)), []);
    // Backspace until empty: nothing hidden is left behind.
    await pasteKeys(fields.key, 'x\n');
    await fields.key.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await eventually(() => fields.key.inputValue(), '');
    await eventually(async () => (await findings()).length, 0, 'nothing found in an emptied key');
    await context.close();
  });

  test('a secret pasted with its line break into the pre-rendered field before the wasm ran', async () => {
    const { context, fields, findings, takeOver } = await open({ held: true });
    await typeKeys(fields.key, 'KEY1');
    await pasteKeys(fields.secret, 'SECRETNL\n');
    await takeOver();
    await eventually(() => fields.secret.inputValue(), 'SECRETNL', 'the pasted secret, taken over');
    await says(findings, /Removed a line break at the end of the API secret/);
    await eventually(() => fields.token.inputValue(), shellToken('KEY1', 'SECRETNL'));
    await typeKeys(fields.secret, 'Z');
    await eventually(() => fields.token.inputValue(), shellToken('KEY1', 'SECRETNLZ'));
    await context.close();
  });
});

for (const held of [false, true]) {
  const when = held ? 'into the pre-rendered field, before the wasm ran' : 'into the running widget';
  describe(`each finding pasted with Ctrl+V ${when}`, () => {
    for (const c of FINDINGS) {
      test(`${c.name}: pasted into the API ${c.field}`, async () => {
        const { context, log, fields, findings, takeOver } = await open({ held });
        const other = c.field === 'key' ? fields.secret : fields.key;
        if (c.typed) await typeKeys(other, c.typed);
        await pasteKeys(fields[c.field], c.paste);
        if (held) await takeOver();
        await eventually(() => fields[c.field].inputValue(), c.shows, 'what the field shows');
        if (c.says) await says(findings, c.says);
        else await eventually(findings, [], 'nothing to say');
        const expected = c.token ? shellToken(...c.token) : '';
        await eventually(() => fields.token.inputValue(), expected, 'the token');
        assert.equal(await other.inputValue(), c.typed, 'the other field keeps what was typed');
        assert.deepEqual(log.errors, []);
        await context.close();
      });
    }
  });
}
