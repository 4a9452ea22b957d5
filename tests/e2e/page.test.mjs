// The built standalone page (dist/index.html), served on loopback, used in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, openPage, shellToken, eventually, PAIRS, DIST } from './harness.mjs';

const shared = useServerAndBrowser();

test('the page loads with no failed request, no console error, and asks only for its own files', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(shared.server.url);
  await page.getByLabel('API key', { exact: true }).waitFor();
  await page.getByLabel('API key', { exact: true }).fill('abc');
  await page.getByLabel('API secret', { exact: true }).fill('123');
  const copy = page.getByRole('button', { name: 'Copy secret token' });
  await eventually(() => copy.isEnabled(), true, 'copy enabled once both fields are filled');
  await context.close();

  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  assert.ok(log.requests.length >= 4, `expected the page, its CSS, the embed module and the wasm: ${log.requests}`);
  for (const url of log.requests) {
    assert.ok(url.startsWith(shared.server.url), `request off the page's origin: ${url}`);
    const path = new URL(url).pathname.replace(/\/$/, '/index.html');
    assert.ok(existsSync(join(DIST, decodeURIComponent(path))), `request for a file not in dist/: ${url}`);
  }
  assert.ok(!log.requests.some((u) => u.endsWith('/favicon.ico')), 'no favicon.ico request');
});

test('the token for known pairs equals printf | base64', async () => {
  const { context, page } = await openPage(shared.browser);
  await page.goto(shared.server.url);
  const token = page.getByLabel('Secret token', { exact: true });
  for (const [key, secret] of PAIRS) {
    await page.getByLabel('API key', { exact: true }).fill(key);
    await page.getByLabel('API secret', { exact: true }).fill(secret);
    await eventually(() => token.inputValue(), shellToken(key, secret), `(${key}, ${secret})`);
  }
  await context.close();
});

test('Copy secret token puts the token on the clipboard and says so', async () => {
  const { context, page } = await openPage(shared.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(shared.server.url);
  await page.getByLabel('API key', { exact: true }).fill('nøkkel');
  await page.getByLabel('API secret', { exact: true }).fill('hemmelig');
  await page.getByRole('button', { name: 'Copy secret token' }).click();
  await page.getByRole('status').filter({ hasText: 'Secret token copied.' }).waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clipboard, shellToken('nøkkel', 'hemmelig'));

  await page.getByRole('button', { name: 'Copy tenant URL' }).click();
  await page.getByRole('status').filter({ hasText: 'Tenant URL copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://api.securepractice.co/scim/v2/');
  await context.close();
});
