// The npm package in real hosts built by real bundlers and frameworks (tests/bundlers/: Vite with
// TypeScript, React 19 with Vite, esbuild calling mount(), Rollup 4, Parcel 2, webpack 5, a page
// with no bundler, and a Next.js App Router portal whose server renders the element), each
// installed from the packed tarball into a fresh folder, built for production with the
// bundler's defaults plus at most the one line README.md's «Hosts» gives it, served under the
// strict policy the README gives hosts, and driven in headless Chromium: the token from typed
// keys, copy, the events, the helpers' worker and the directory check's (its wasm found
// through the bundler's output), the integrity check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launch, openPage, serve, shellToken, eventually, recordCspViolations, cspViolations, typeKeys, CLIPBOARD, ROOT,
} from './harness.mjs';
import { buildHost, HOSTS } from '../bundlers/build.mjs';
import { generate } from './users-export.mjs';
import { checkFile, shownCounts } from './directory-steps.mjs';

const KEY = (name) => `${name}-key`;
/** A small users export for the directory check (tests/e2e/users-export.mjs). */
const EXPORT = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'scim-bundlers-'));
  const path = join(dir, 'users.csv');
  const users = 300;
  return { dir, path, users, counts: generate(path, { users, delimiter: ',' }) };
})();
const SECRET = 'hemmelig';

let browser;
const servers = {};
const built = {};
before(async () => {
  browser = await launch();
  for (const name of HOSTS) {
    built[name] = buildHost(name);
    servers[name] = built[name].start ? await built[name].start() : await serve(built[name].dir);
  }
});
after(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) server.close();
  rmSync(EXPORT.dir, { recursive: true, force: true });
});

/** The host's list of the events it received, as `type {detail}` lines. */
const hostEvents = (page) => page.locator('#events li').allInnerTexts();

/** Every request went to the host's own origin, for one of its files (a `blob:` URL of the page's
 * origin is the helpers' worker script, made from the module's bytes: no request, no file). */
function assertOwnFiles(requests, url, site) {
  for (const request of requests) {
    if (request.startsWith(`blob:${url.replace(/\/$/, '')}/`)) continue;
    assert.ok(request.startsWith(url), `request off the page's origin: ${request}`);
    const path = new URL(request).pathname.replace(/\/$/, '/index.html');
    assert.ok(site.start ? site.serves(new URL(request).pathname) : site.serves(path), `request for a file the host does not have: ${request}`);
  }
}

for (const name of HOSTS) {
  test(`${name}: the token, copy, events, the mapping helper and the directory check work from the build, with no failed request or CSP violation`, async () => {
    const { url } = servers[name];
    const { context, page, log } = await openPage(browser, { locale: 'en-GB', ...CLIPBOARD });
    await recordCspViolations(context);
    await page.goto(url);

    const key = page.getByLabel('API key', { exact: true });
    await key.waitFor();
    assert.equal(await key.inputValue(), KEY(name), 'the key the host gave');
    // The host gave a key and nothing is typed yet: not finished, and no error.
    await eventually(async () => (await hostEvents(page))[0], 'scim-token-state {"state":"incomplete"}', 'the first state the host hears');
    await typeKeys(page.getByLabel('API secret', { exact: true }), SECRET);
    const token = shellToken(KEY(name), SECRET);
    await eventually(() => page.getByLabel('Secret token', { exact: true }).inputValue(), token, 'the token');

    await page.getByRole('button', { name: 'Copy secret token' }).click();
    await page.getByRole('status').filter({ hasText: 'Secret token copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
    await eventually(async () => {
      const events = await hostEvents(page);
      return ['scim-token-state {"state":"valid"}', 'scim-token-copied {"target":"secret-token"}'].every((e) => events.includes(e));
    }, true, 'the host heard the state and the copy');
    const events = await hostEvents(page);
    assert.ok(!events.some((line) => line.includes('invalid')), `no error was reported: ${events}`);
    assert.ok(!events.some((line) => line.includes(SECRET) || line.includes(token)), 'no event carries a value');

    // The helpers' worker wasm is found through the bundler's output, checked, and answers.
    await page.getByRole('button', { name: 'Map organisation levels' }).click();
    await typeKeys(page.getByLabel('Sample values, one per line'), 'Contoso > Sales > EMEA');
    await page.getByRole('table', { name: 'How each sample splits' }).waitFor();
    const wasmsAsked = () => log.requests.filter((request) => request.endsWith('.wasm')).map((request) => new URL(request).pathname);
    assert.equal(wasmsAsked().length, 2, `the widget's wasm and the worker's, once each: ${wasmsAsked()}`);

    // The directory check's worker wasm too, fetched when a check starts: a small export chosen
    // through the file chooser gives the generator's counts.
    await page.getByLabel('Organization', { exact: true }).selectOption('1');
    await checkFile(page, EXPORT.path, EXPORT.users);
    assert.deepEqual(await shownCounts(page, 'Organization'), EXPORT.counts[0], 'the counts of the generated export');
    assert.equal(wasmsAsked().length, 3, `the directory worker's wasm, once: ${wasmsAsked()}`);

    // Read before cspViolations(), whose deliberate probe logs an error of its own.
    const consoleErrors = log.console.filter((m) => m.type === 'error');
    const violations = await cspViolations(page);
    await context.close();
    assert.deepEqual(violations, [], 'no CSP violation');
    assertOwnFiles(log.requests, url, built[name]);
    assert.deepEqual(log.failed, [], 'no failed request');
    assert.deepEqual(log.errors, []);
    assert.deepEqual(consoleErrors, []);
  });

  test(`${name}: the integrity check is still on: a changed byte in the bundled wasm is refused`, async () => {
    const { context, page, log } = await openPage(browser, { locale: 'en-GB' });
    let served = '';
    // The only wasm a page asks for as it loads is the widget's (webpack names it by its hash).
    await context.route(/\.wasm$/, async (route) => {
      // The module's second look at a failed file (HEAD) sees the file as it is.
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      const bytes = Buffer.from(await response.body());
      bytes[bytes.length - 1] ^= 1;
      served = route.request().url();
      return route.fulfill({ response, body: bytes });
    });
    // The element shows its fallback and says so; mount() (the esbuild host) rejects instead.
    const refused = Promise.race([
      page.waitForEvent('console', { predicate: (m) => m.text().includes('WebAssembly could not start') }),
      page.waitForEvent('pageerror'),
    ]);
    await page.goto(servers[name].url);
    const said = await refused;
    assert.ok(served, 'the changed wasm was served');
    assert.equal(await page.getByLabel('API key', { exact: true }).count(), 0, 'no widget ran');
    assert.match(String(said.text?.() ?? said), /scim-token-widget_bg\.wasm was refused: .* answered HTTP 200/);
    assert.ok(log.console.some((m) => /integrity|digest/i.test(m.text)), 'the browser names the integrity check');
    await context.close();
  });
}

test('next: the server renders the page with the element in it, under the strict policy with a nonce', async () => {
  const response = await fetch(servers.next.url);
  const html = await response.text();
  const policy = response.headers.get('content-security-policy');
  assert.match(html, /<scim-token-widget api-key="next-key" lang="en" heading-level="2"><p>The widget could not start here\.<\/p><\/scim-token-widget>/);
  assert.match(policy, /^default-src 'none'; script-src 'self' 'nonce-[^']+' 'wasm-unsafe-eval'; style-src 'self';/);
  assert.ok(!policy.includes('unsafe-inline') && !policy.includes("'unsafe-eval'"), policy);
});

test('rollup without its one line: the wasm is missing, and the page says so, naming the file and HTTP 404', async () => {
  // The Rollup host's build without `cp node_modules/scim-token-widget/*.wasm dist/`.
  const dir = join(ROOT, 'target', 'bundler-hosts', 'rollup-without-wasm');
  rmSync(dir, { recursive: true, force: true });
  cpSync(built.rollup.dir, dir, { recursive: true, filter: (path) => !path.endsWith('.wasm') });
  const server = await serve(dir);
  const { context, page, log } = await openPage(browser, { locale: 'en-GB' });
  try {
    await page.goto(server.url);
    const said = page.locator('scim-token-widget').locator('[part="load-error"]');
    await said.waitFor();
    assert.match(await said.innerText(), new RegExp(`scim-token-widget_bg\\.wasm is missing: ${server.url}scim-token-widget_bg\\.wasm answered HTTP 404\\..*«Bundlers»`));
    assert.ok(await page.getByText('The widget could not start here.').isVisible(), "the host's fallback shows");
    assert.ok(log.console.some((m) => m.type === 'warning' && m.text.includes('scim-token-widget_bg.wasm is missing')));
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("parcel without its one line: Parcel's inline import map is refused by the strict policy, and nothing runs", async () => {
  // Control: the line README.md's «Hosts» gives Parcel is needed (Parcel 2.16 with its default,
  // modern targets resolves the wasm files' URLs through an inline <script type="importmap">).
  const site = buildHost('parcel', {
    as: 'parcel-without-line',
    change: (dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      delete manifest.browserslist;
      writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
    },
  });
  const server = await serve(site.dir);
  const { context, page } = await openPage(browser, { locale: 'en-GB' });
  await recordCspViolations(context);
  try {
    assert.match(readFileSync(join(site.dir, 'index.html'), 'utf8'), /<script type=importmap>/);
    await page.goto(server.url);
    const violations = await cspViolations(page);
    assert.ok(violations.some((v) => v.directive.startsWith('script-src')), JSON.stringify(violations));
    assert.equal(await page.evaluate(() => customElements.get('scim-token-widget')), undefined, 'the bundle did not run');
    assert.equal(await page.getByLabel('API key', { exact: true }).count(), 0);
  } finally {
    await context.close();
    server.close();
    rmSync(site.dir, { recursive: true, force: true });
  }
});

test('react: the key follows React state, and the element unmounts and remounts cleanly', async () => {
  const { context, page, log } = await openPage(browser, { locale: 'en-GB' });
  await page.goto(servers.react.url);
  const key = page.getByLabel('API key', { exact: true });
  await key.waitFor();
  await typeKeys(page.getByLabel('API secret', { exact: true }), SECRET);
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
  for (const wasm of ['scim-token-widget_bg.wasm', 'scim-token-worker_bg.wasm', 'scim-token-directory-worker_bg.wasm']) {
    assert.ok(manifest.files.includes(wasm), wasm);
    assert.match(module, new RegExp(`new URL\\(["'\`]\\./${wasm.replace('.', '\\.')}["'\`],\\s*import\\.meta\\.url\\)`), wasm);
  }
});
