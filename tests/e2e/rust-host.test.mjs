// The Rust host (examples/yew-host): a Yew app that uses the widget's Yew component by path,
// built by Trunk (scripts/test.sh builds it into target/yew-host-dist), served under the strict
// policy and smoke-tested in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  useServerAndBrowser, openPage, shellToken, eventually, recordCspViolations, cspViolations, assertRequestsWithinDist, ROOT, replaceKeys,
} from './harness.mjs';

const HOST = join(ROOT, 'target', 'yew-host-dist');

const shared = useServerAndBrowser(undefined, HOST);

test('the Yew host renders the component: key from the host, token, copy, events, a new key, the helpers, its own styles only inside', async () => {
  const { context, page, log } = await openPage(shared.browser, { locale: 'en-GB', permissions: ['clipboard-read', 'clipboard-write'] });
  await recordCspViolations(context);
  await page.goto(shared.server.url);

  const key = page.getByLabel('API key', { exact: true });
  await key.waitFor();
  assert.equal(await key.inputValue(), 'yew-host-key');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), 'hemmelig');
  const token = shellToken('yew-host-key', 'hemmelig');
  await eventually(() => page.getByLabel('Secret token', { exact: true }).inputValue(), token, 'the token');
  await page.getByRole('button', { name: 'Copy secret token' }).click();
  await page.getByRole('status').filter({ hasText: 'Secret token copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
  await eventually(() => page.locator('#events li').allInnerTexts().then((lines) => lines.slice(-2)),
    ['state valid', 'copied secret-token'], 'the host heard the state and the copy');

  // The host's state reaches the component's props.
  await page.getByRole('button', { name: 'New key' }).click();
  await eventually(() => key.inputValue(), 'yew-host-key-2', 'the new key');

  // The widget's stylesheet applies inside its shadow root and nowhere else.
  const copy = page.getByRole('button', { name: 'Copy secret token' });
  assert.equal(await copy.evaluate((button) => getComputedStyle(button).backgroundColor), 'rgb(20, 83, 45)');
  const hostButton = page.getByRole('button', { name: 'New key' });
  assert.notEqual(await hostButton.evaluate((button) => getComputedStyle(button).backgroundColor), 'rgb(20, 83, 45)');

  // The host asked for the guide; the helpers answer on the page (the default feature).
  await page.getByRole('button', { name: 'After you save' }).click();
  await page.getByText('«Restart provisioning»').first().waitFor();
  await page.getByRole('button', { name: 'Map organisation levels' }).click();
  await replaceKeys(page.getByLabel('Sample values, one per line'), 'Contoso > Sales > EMEA');
  await page.getByRole('table', { name: 'How each sample splits' }).waitFor();

  const consoleErrors = log.console.filter((m) => m.type === 'error');
  const violations = await cspViolations(page);
  await context.close();
  assert.deepEqual(violations, [], 'no CSP violation');
  assertRequestsWithinDist(log.requests, shared.server.url, HOST);
  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(consoleErrors, []);
});
