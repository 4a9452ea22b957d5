// The single-file page (dist/scim-token-widget.html), copied alone into an empty folder and
// opened from file:// in headless Chromium with the network off and every request refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from './users-export.mjs';
import { checkFile, shownCounts } from './directory-steps.mjs';
import { launch, openPage, shellToken, eventually, recordCspViolations, cspViolations, DIST, replaceKeys } from './harness.mjs';

let folder;
let fileUrl;
let browser;

/** A small users export for the directory check (tests/e2e/users-export.mjs), beside the file. */
let EXPORT;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'scim-single-file-'));
  EXPORT = { path: join(folder, 'users.csv'), users: 400 };
  EXPORT.counts = generate(EXPORT.path, { users: EXPORT.users, delimiter: ';' });
  copyFileSync(join(DIST, 'scim-token-widget.html'), join(folder, 'scim-token-widget.html'));
  fileUrl = pathToFileURL(join(folder, 'scim-token-widget.html')).href;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A context with the network off, every request but the page itself refused, violations recorded. */
async function offlinePage(contextOptions = {}) {
  const opened = await openPage(browser, contextOptions);
  const refused = [];
  await opened.context.route('**/*', (route) => {
    if (route.request().url() === fileUrl) return route.continue();
    refused.push(route.request().url());
    return route.abort();
  });
  await opened.context.setOffline(true);
  await recordCspViolations(opened.context);
  return { ...opened, refused };
}

test('alone in a folder, offline: token, copy, both helpers and the directory check, no request but the file, no CSP violation', async () => {
  const { context, page, log, refused } = await offlinePage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(fileUrl);

  const [key, secret] = ['nøkkel', 'hemmelig'];
  await replaceKeys(page.getByLabel('API key', { exact: true }), key);
  await replaceKeys(page.getByLabel('API secret', { exact: true }), secret);
  const token = page.getByLabel('Secret token', { exact: true });
  await eventually(() => token.inputValue(), shellToken(key, secret), 'the token equals printf | base64');

  await page.getByRole('button', { name: 'Copy secret token' }).click();
  await page.getByRole('status').filter({ hasText: 'Secret token copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shellToken(key, secret));
  // The helpers too (issue 27): their workers start from the bytes the file carries, offline.
  await page.getByRole('button', { name: 'Map organisation levels' }).click();
  await replaceKeys(page.getByLabel('Sample values, one per line', { exact: true }), 'Contoso > Sales > EMEA\nContoso > HR');
  await page.getByLabel('Division', { exact: true }).selectOption('2');
  await eventually(() => page.locator('table.preview tbody tr td').allTextContents(), ['Sales', 'HR']);
  await page.getByRole('button', { name: 'Try an expression' }).click();
  await replaceKeys(page.getByLabel('Expression', { exact: true }).last(), 'ToUpper(Left("John Doe", 3))');
  await eventually(() => page.locator('.playground output').textContent(), 'JOH');
  assert.equal(page.workers().length, 2, 'a worker for each helper, none fetched');
  // And the directory check: its worker too starts from the file's bytes, offline.
  await page.getByLabel('Organization', { exact: true }).selectOption('1');
  await checkFile(page, EXPORT.path, EXPORT.users);
  assert.deepEqual(await shownCounts(page, 'Organization'), EXPORT.counts[0], 'the counts of the generated export');
  assert.equal(page.workers().length, 3, 'and one for the directory check, none fetched');

  const consoleErrors = log.console.filter((m) => m.type === 'error');
  const violations = await cspViolations(page);
  await context.close();

  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(log.requests.filter((url) => url !== fileUrl), [], 'no request but the file itself');
  assert.deepEqual(refused, [], 'nothing was even attempted');
  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(consoleErrors, []);
});

test('the widget is styled, the footer names the build, for any key pair', async () => {
  const { context, page } = await offlinePage();
  await page.goto(fileUrl);
  // The widget's own button, once it has taken the pre-rendered markup's place.
  await eventually(() => page.locator('scim-token-widget [data-prerendered]').count(), 0, 'the widget running');
  const copy = page.getByRole('button', { name: 'Copy secret token' });
  // --stw-accent from widget.css: proof the constructable stylesheet applies in the shadow root.
  assert.equal(await copy.evaluate((button) => getComputedStyle(button).backgroundColor), 'rgb(20, 83, 45)');
  assert.match(await page.locator('footer').innerText(), /^scim-token-widget \d+\.\d+\.\d+\S*, commit [0-9a-f]{12}(-dirty)?$/);

  const token = page.getByLabel('Secret token', { exact: true });
  for (const [key, secret] of [['abc', '123'], ['ключ', 'секрет'], ['k', '🔑x']]) {
    await replaceKeys(page.getByLabel('API key', { exact: true }), key);
    await replaceKeys(page.getByLabel('API secret', { exact: true }), secret);
    await eventually(() => token.inputValue(), shellToken(key, secret), `(${key}, ${secret})`);
  }
  await context.close();
});
