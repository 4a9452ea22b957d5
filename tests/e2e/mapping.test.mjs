// «Map organisation levels» and «Try an expression» on the built page: the mapping module (their
// own wasm) is fetched only when one of them is first opened, and then works like the rest of
// the widget, inside its shadow root, under the page's policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser,
  openPage,
  shellToken,
  eventually,
  recordCspViolations,
  cspViolations,
  assertRequestsWithinDist,
} from './harness.mjs';

const shared = useServerAndBrowser();

const MAPPING_WASM = 'embed/scim-token-mapping_bg.wasm';

/** The expression for the 2nd level of `department` split at `>` (README). */
const DIVISION_EXPRESSION =
  'Replace([department], , "^(?:[^>]*>\\\\s*|[\\\\s\\\\S]*)(?<level>[^>]*?)\\\\s*(?:>[\\\\s\\\\S]*)?$", , "${level}", , )';

const mappingRequests = (log) => log.requests.filter((url) => url.endsWith(MAPPING_WASM));

test('the mapping module is fetched on first open only, and the helpers then work', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await recordCspViolations(context);
  await page.goto(shared.server.url);
  const key = page.getByLabel('API key', { exact: true });
  const secret = page.getByLabel('API secret', { exact: true });
  await key.fill('abc');
  await secret.fill('123');
  const token = page.getByLabel('Secret token', { exact: true });
  await eventually(() => token.inputValue(), shellToken('abc', '123'));
  // The widget is in use, and «Check a token» opens, without the mapping module.
  await page.getByRole('button', { name: 'Check a token' }).click();
  await page.getByLabel('Token to check', { exact: true }).waitFor();
  assert.deepEqual(mappingRequests(log), [], 'no request for the mapping module before a helper is opened');

  const toggle = page.getByRole('button', { name: 'Map organisation levels' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const samples = page.getByLabel('Sample values, one per line', { exact: true });
  await samples.fill('Contoso > Sales > EMEA\nContoso > HR\nContoso');
  assert.equal(mappingRequests(log).length, 1, 'opening fetched the mapping module once');
  await page.getByLabel('Division', { exact: true }).selectOption('2');
  const division = page.locator('.mapping-target').filter({ has: page.getByRole('heading', { name: 'Division' }) });
  await eventually(() => division.getByLabel('Expression', { exact: true }).inputValue(), DIVISION_EXPRESSION);
  const preview = page.locator('table.preview');
  await eventually(() => preview.locator('tbody tr td').allTextContents(), ['Sales', 'HR', '(empty)']);
  // The body the heading controls is the helper's.
  const body = await toggle.getAttribute('aria-controls');
  assert.equal(await page.locator(`#${body}`).getByLabel('Sample values, one per line').count(), 1);

  // Typing in the helper is the helper's alone: the widget's fields and token stay as they were.
  await samples.fill('Contoso | IT');
  await page.getByRole('button', { name: 'Copy expression Division' }).waitFor();
  assert.equal(await key.inputValue(), 'abc');
  assert.equal(await secret.inputValue(), '123');
  assert.equal(await token.inputValue(), shellToken('abc', '123'));

  // The second helper comes from the module already loaded.
  await page.getByRole('button', { name: 'Try an expression' }).click();
  await page.getByLabel('Expression', { exact: true }).last().fill('Left("John Doe", 3)');
  await eventually(() => page.locator('.playground output').textContent(), 'Joh');
  assert.equal(mappingRequests(log).length, 1, 'one fetch of the mapping module in all');

  // The language switch reaches the helpers, and what was typed stays.
  await page.getByRole('button', { name: 'Norsk' }).click();
  const norwegian = page.getByLabel('Eksempelverdier, én per linje', { exact: true });
  await eventually(() => norwegian.inputValue(), 'Contoso | IT');
  assert.equal(await page.getByRole('button', { name: 'Prøv et uttrykk' }).getAttribute('aria-expanded'), 'true');

  // Closing keeps what was typed; opening shows it again.
  const norskToggle = page.getByRole('button', { name: 'Tilordne organisasjonsnivåer' });
  await norskToggle.click();
  assert.equal(await norwegian.count(), 0);
  await norskToggle.click();
  await eventually(() => norwegian.inputValue(), 'Contoso | IT');

  // Before cspViolations(), whose deliberate violation is logged as an error.
  const consoleErrors = log.console.filter((m) => m.type === 'error');
  const violations = await cspViolations(page);
  await context.close();
  assert.deepEqual(violations, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.errors, []);
  assertRequestsWithinDist(log.requests, shared.server.url);
});

test('a widget removed while its helper is open takes the helper with it', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(shared.server.url);
  await page.getByRole('button', { name: 'Try an expression' }).click();
  await page.getByLabel('Expression', { exact: true }).fill('Left("John Doe", 3)');
  await eventually(() => page.locator('.playground output').textContent(), 'Joh');
  const mountedBefore = await page.evaluate(() => {
    const element = document.querySelector('scim-token-widget');
    window.helperSlot = element.shadowRoot.querySelector('.playground .helper-slot');
    const mounted = window.helperSlot.children.length;
    element.remove();
    return mounted;
  });
  assert.equal(mountedBefore, 1, 'the mapping module mounted one app into the section');
  // The mapping module unmounts its app, which removes its element; nothing is left on the page.
  await eventually(() => page.evaluate(() => window.helperSlot.children.length), 0, 'the helper is unmounted');
  assert.equal(await page.getByLabel('Expression', { exact: true }).count(), 0);
  // A widget added again offers the helper afresh, from the module already loaded.
  await page.evaluate(() => document.querySelector('main').append(document.createElement('scim-token-widget')));
  await page.getByRole('button', { name: 'Try an expression' }).click();
  await eventually(() => page.getByLabel('Expression', { exact: true }).inputValue(), '');
  await context.close();
  assert.equal(mappingRequests(log).length, 1);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
});
