// The npm package in real hosts built by real bundlers (tests/bundlers/: a Vite TypeScript page,
// a React 19 app built by Vite, an esbuild bundle calling mount()), each installed from the packed
// tarball into a fresh folder, built with the bundler's production defaults, served under the
// strict policy the README gives hosts, and driven in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launch, openPage, serve, shellToken, eventually, recordCspViolations, cspViolations, assertRequestsWithinDist,
} from './harness.mjs';
import { buildHost, HOSTS } from '../bundlers/build.mjs';

const KEYS = { vite: 'vite-key', react: 'react-key', esbuild: 'esbuild-key' };
const SECRET = 'hemmelig';

let browser;
const servers = {};
const built = {};
before(async () => {
  browser = await launch();
  for (const name of HOSTS) {
    built[name] = buildHost(name);
    servers[name] = await serve(built[name]);
  }
});
after(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) server.close();
});

/** The host's list of the events it received, as `type {detail}` lines. */
const hostEvents = (page) => page.locator('#events li').allInnerTexts();

for (const name of HOSTS) {
  test(`${name}: the token, copy, events and the mapping helper work from the bundle, with no failed request or CSP violation`, async () => {
    const { url } = servers[name];
    const { context, page, log } = await openPage(browser, { locale: 'en-GB', permissions: ['clipboard-read', 'clipboard-write'] });
    await recordCspViolations(context);
    await page.goto(url);

    const key = page.getByLabel('API key', { exact: true });
    await key.waitFor();
    assert.equal(await key.inputValue(), KEYS[name], 'the key the host gave');
    await page.getByLabel('API secret', { exact: true }).fill(SECRET);
    const token = shellToken(KEYS[name], SECRET);
    await eventually(() => page.getByLabel('Secret token', { exact: true }).inputValue(), token, 'the token');

    await page.getByRole('button', { name: 'Copy secret token' }).click();
    await page.getByRole('status').filter({ hasText: 'Secret token copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
    await eventually(async () => {
      const events = await hostEvents(page);
      return ['scim-token-state {"state":"valid"}', 'scim-token-copied {"target":"secret-token"}'].every((e) => events.includes(e));
    }, true, 'the host heard the state and the copy');
    assert.ok(!(await hostEvents(page)).some((line) => line.includes(SECRET) || line.includes(token)), 'no event carries a value');

    // The helpers' worker wasm is found through the bundler's output, checked, and answers.
    await page.getByRole('button', { name: 'Map organisation levels' }).click();
    await page.getByLabel('Sample values, one per line').fill('Contoso > Sales > EMEA');
    await page.getByRole('table', { name: 'How each sample splits' }).waitFor();
    const wasms = log.requests.filter((request) => request.endsWith('.wasm')).map((request) => new URL(request).pathname);
    assert.equal(wasms.length, 2, `the widget's wasm and the worker's, once each: ${wasms}`);

    // Read before cspViolations(), whose deliberate probe logs an error of its own.
    const consoleErrors = log.console.filter((m) => m.type === 'error');
    const violations = await cspViolations(page);
    await context.close();
    assert.deepEqual(violations, [], 'no CSP violation');
    assertRequestsWithinDist(log.requests, url, built[name]);
    assert.deepEqual(log.failed, [], 'no failed request');
    assert.deepEqual(log.errors, []);
    assert.deepEqual(consoleErrors, []);
  });

  test(`${name}: the integrity check is still on: a changed byte in the bundled wasm is refused`, async () => {
    const { context, page, log } = await openPage(browser, { locale: 'en-GB' });
    let served = '';
    await context.route(/scim-token-widget_bg[^/]*\.wasm$/, async (route) => {
      const response = await route.fetch();
      const bytes = Buffer.from(await response.body());
      bytes[bytes.length - 1] ^= 1;
      served = route.request().url();
      await route.fulfill({ response, body: bytes });
    });
    // The element shows its fallback and says so; mount() (the esbuild host) rejects instead.
    const refused = Promise.race([
      page.waitForEvent('console', { predicate: (m) => m.text().includes('WebAssembly could not start') }),
      page.waitForEvent('pageerror'),
    ]);
    await page.goto(servers[name].url);
    await refused;
    assert.ok(served, 'the changed wasm was served');
    assert.equal(await page.getByLabel('API key', { exact: true }).count(), 0, 'no widget ran');
    assert.ok(log.console.some((m) => /integrity|digest/i.test(m.text)), 'the browser names the integrity check');
    await context.close();
  });
}

test('react: the key follows React state, and the element unmounts and remounts cleanly', async () => {
  const { context, page, log } = await openPage(browser, { locale: 'en-GB' });
  await page.goto(servers.react.url);
  const key = page.getByLabel('API key', { exact: true });
  await key.waitFor();
  await page.getByLabel('API secret', { exact: true }).fill(SECRET);
  await page.getByRole('button', { name: 'New key' }).click();
  await eventually(() => key.inputValue(), 'react-key-2', 'the new key from React state');

  await page.getByRole('button', { name: 'Hide widget' }).click();
  await page.locator('scim-token-widget').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Show widget' }).click();
  await eventually(() => key.inputValue(), 'react-key-2', 'remounted with the current key');
  assert.equal(await page.getByLabel('API secret', { exact: true }).inputValue(), '', 'a remount starts with no secret');
  assert.equal(await page.locator('scim-token-widget').count(), 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the package: package.json names the files it ships, and the module loads its wasm through import.meta.url', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../dist/npm/package.json', import.meta.url), 'utf8'));
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(manifest.name, 'scim-token-widget');
  assert.equal(manifest.version, cargo.match(/^version = "([^"]+)"/m)[1]);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.exports['.'].default, './scim-token-widget.js');
  assert.equal(manifest.exports['.'].types, './scim-token-widget.d.ts');
  const module = readFileSync(new URL('../../dist/npm/scim-token-widget.js', import.meta.url), 'utf8');
  for (const wasm of ['scim-token-widget_bg.wasm', 'scim-token-worker_bg.wasm']) {
    assert.ok(manifest.files.includes(wasm), wasm);
    assert.match(module, new RegExp(`new URL\\(["'\`]\\./${wasm.replace('.', '\\.')}["'\`],\\s*import\\.meta\\.url\\)`), wasm);
  }
});
