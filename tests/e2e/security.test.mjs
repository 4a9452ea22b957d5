// The served page under its Content-Security-Policy, and subresource integrity: a changed byte
// in the embed module (which carries the wasm-bindgen glue) or in the wasm stops the widget
// before the changed code runs, and one in the helpers' worker wasm stops the helpers. (The
// worker's script is carried inside the embed module, so the module's check covers it.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serve,
  launch,
  openPage,
  shellToken,
  eventually,
  recordCspViolations,
  cspViolations,
  sha384,
  DIST, replaceKeys,
} from './harness.mjs';

let browser;
const cleanups = [];

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const cleanup of cleanups.reverse()) cleanup();
});

/** Serves a copy of dist/ in which each `[path, change]` has rewritten the file at `path`
 * (`MISSING` as the change: removed it). */
async function serveTampered(...changes) {
  const folder = mkdtempSync(join(tmpdir(), 'scim-tampered-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(DIST, folder, { recursive: true });
  for (const [path, change] of changes) {
    if (change === MISSING) {
      rmSync(join(folder, path));
      continue;
    }
    const original = readFileSync(join(folder, path));
    const changed = change(original);
    assert.notDeepEqual(changed, original, `${path} was changed`);
    writeFileSync(join(folder, path), changed);
  }
  const server = await serve(folder);
  cleanups.push(() => server.close());
  return server;
}

const MISSING = Symbol('missing');
const BUNDLE = 'embed/scim-token-widget.js';
const WASM = 'embed/scim-token-widget_bg.wasm';
const WORKER_WASM = 'embed/scim-token-worker_bg.wasm';

/** The embed module with the integrity it bakes in for `wasm` removed: the fetch is unchecked. */
function withoutWasmIntegrity(bytes, wasm) {
  const text = bytes.toString('utf8');
  const hash = sha384(readFileSync(join(DIST, wasm)));
  assert.equal(text.split(hash).length, 2, `the embed module carries the hash of ${wasm} once`);
  return Buffer.from(text.replace(hash, ''));
}

/** Valid JavaScript still, but the glue's call into the wasm's mount() marks that it ran. */
function tamperGlue(bytes) {
  const text = bytes.toString('utf8');
  // The module is minified; the glue's call of the wasm export keeps its name.
  const call = /([A-Za-z_$][\w$]*)\.mount\(/g;
  assert.equal(text.match(call)?.length, 1, 'the glue calls the wasm export mount() once');
  return Buffer.from(text.replace(call, "(globalThis.scimTampered = 'glue', $1).mount("));
}

/** Same length and still valid wasm, its texts changed: only an integrity check can tell. */
function tamperWasm(bytes, text = 'Secret token', changedText = 'Secret tokeN') {
  const changed = Buffer.from(bytes);
  let count = 0;
  for (let at = changed.indexOf(text); at >= 0; at = changed.indexOf(text, at + 1)) {
    changed.write(changedText, at);
    count += 1;
  }
  assert.ok(count > 0, 'the wasm carries the label text');
  return changed;
}

// The worker writes «(empty)» for an empty level: its wasm carries the text.
const tamperWorkerWasm = (bytes) => tamperWasm(bytes, '(empty)', '(emptY)');

/** Opens «Map organisation levels» with a sample whose Division is empty. */
async function mapAnEmptyLevel(page) {
  await page.getByRole('button', { name: 'Map organisation levels' }).click();
  await replaceKeys(page.getByLabel('Sample values, one per line', { exact: true }), 'Contoso');
  await page.getByLabel('Division', { exact: true }).selectOption('2');
}

test('the served page raises no CSP violation while it loads and is used', async () => {
  const server = await serve();
  cleanups.push(() => server.close());
  const { context, page, log } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await recordCspViolations(context);
  await page.goto(server.url);

  await replaceKeys(page.getByLabel('API key', { exact: true }), 'abc');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), '123');
  await page.getByRole('button', { name: 'Show API secret' }).click();
  await page.getByRole('button', { name: 'Show secret token' }).click();
  await page.getByRole('button', { name: 'Hide secret token' }).waitFor();
  await eventually(() => page.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('abc', '123'));
  await page.getByRole('button', { name: 'Copy secret token' }).click();
  await page.getByRole('status').filter({ hasText: 'Secret token copied.' }).waitFor();
  await page.getByRole('button', { name: 'Copy tenant URL' }).click();
  await page.getByRole('status').filter({ hasText: 'Tenant URL copied.' }).waitFor();
  // widget.css applies (as a constructable stylesheet) under style-src 'self'.
  const copy = page.getByRole('button', { name: 'Copy secret token' });
  assert.equal(await copy.evaluate((button) => getComputedStyle(button).backgroundColor), 'rgb(20, 83, 45)');

  const consoleErrors = log.console.filter((m) => m.type === 'error');
  const violations = await cspViolations(page);
  await context.close();
  assert.deepEqual(violations, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(log.errors, []);
});

/** Opens the page and records which <script> elements fail to load (their module graph included). */
async function openRecordingScriptErrors(url) {
  const opened = await openPage(browser);
  await opened.context.addInitScript(() => {
    window.__scriptErrors = [];
    document.addEventListener(
      'error',
      (event) => {
        if (event.target instanceof HTMLScriptElement) window.__scriptErrors.push(event.target.src);
      },
      true,
    );
  });
  await opened.page.goto(url);
  return opened;
}

for (const [what, change] of [
  ['embed module', (bytes) => Buffer.concat([bytes, Buffer.from("\nglobalThis.scimTampered = 'embed';\n")])],
  ['wasm-bindgen glue (inside the embed module)', tamperGlue],
]) {
  test(`a tampered ${what} does not run: the page's module fails its integrity check`, async () => {
    const server = await serveTampered([BUNDLE, change]);
    const { context, page, log } = await openRecordingScriptErrors(server.url);
    await eventually(() => page.evaluate(() => window.__scriptErrors.length), 1, 'the module script fails to load');
    assert.equal(await page.evaluate(() => globalThis.scimTampered), undefined, 'the tampered code never ran');
    assert.equal(await page.evaluate(() => customElements.get('scim-token-widget')), undefined);
    // The pre-rendered fields, which nothing will ever turn into a token, give way to the
    // fallback (the page's CSS, after its delay).
    await page.getByText('This page needs JavaScript and WebAssembly').waitFor({ state: 'visible', timeout: 15000 });
    assert.equal(await page.getByLabel('API key', { exact: true }).isVisible(), false);
    await context.close();
    assert.ok(
      log.console.some((m) => m.type === 'error' && m.text.includes('integrity') && m.text.includes(BUNDLE)),
      `Chromium names the integrity failure: ${JSON.stringify(log.console)}`,
    );
  });
}

/** What the widget says on the page when it cannot start (above the element's fallback). */
const loadError = (page) => page.locator('scim-token-widget').locator('[part="load-error"]');

test('a tampered wasm is refused before it runs: the fallback shows, and says the file was refused', async () => {
  const server = await serveTampered([WASM, tamperWasm]);
  const { context, page, log } = await openPage(browser);
  await page.goto(server.url);
  await page.getByText('This page needs JavaScript and WebAssembly').waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel('API key', { exact: true }).count(), 0);
  assert.equal(await page.getByText('Secret tokeN', { exact: true }).count(), 0);
  const said = await loadError(page).innerText();
  await context.close();
  assert.match(said, /scim-token-widget_bg\.wasm was refused: .*HTTP 200.*SHA-384/);
  assert.doesNotMatch(said, /missing|404/);
  assert.ok(log.console.some((m) => m.type === 'warning' && m.text.includes('WebAssembly could not start') && m.text.includes(said.replace(/^.*?: /, ''))));
  assert.ok(
    log.console.some((m) => m.type === 'error' && m.text.includes('integrity') && m.text.includes('scim-token-widget_bg.wasm')),
    `Chromium names the integrity failure of the wasm: ${JSON.stringify(log.console)}`,
  );
});

test('a missing wasm is told apart from a tampered one: the page and the console name the file and HTTP 404, and point to «Bundlers»', async () => {
  const server = await serveTampered([WASM, MISSING]);
  const { context, page, log } = await openPage(browser);
  await page.goto(server.url);
  await page.getByText('This page needs JavaScript and WebAssembly').waitFor({ state: 'visible' });
  const said = await loadError(page).innerText();
  assert.ok(await loadError(page).isVisible());
  await context.close();
  const url = `${server.url}${WASM}`;
  assert.match(said, new RegExp(`scim-token-widget_bg\\.wasm is missing: ${url.replace(/[.]/g, '\\.')} answered HTTP 404\\.`));
  assert.match(said, /«Bundlers»/);
  assert.doesNotMatch(said, /refused|SHA-384|integrity/);
  const warning = log.console.find((m) => m.type === 'warning' && m.text.includes('WebAssembly could not start'));
  assert.ok(warning?.text.includes(`scim-token-widget_bg.wasm is missing: ${url} answered HTTP 404.`), JSON.stringify(log.console));
  assert.match(warning.text, /«Bundlers»/);
});

test('a missing worker wasm: the helper says it could not be loaded, the console names the file and HTTP 404', async () => {
  const server = await serveTampered([WORKER_WASM, MISSING]);
  const { context, page, log } = await openPage(browser);
  await page.goto(server.url);
  await mapAnEmptyLevel(page);
  await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).waitFor();
  await context.close();
  const url = `${server.url}${WORKER_WASM}`;
  assert.ok(
    log.console.some((m) => m.type === 'warning' && m.text.includes(`scim-token-worker_bg.wasm is missing: ${url} answered HTTP 404.`) && m.text.includes('«Bundlers»')),
    JSON.stringify(log.console),
  );
});

test('control: the same tampered files run once the integrity hashes are removed', async () => {
  // Proves the tests above see integrity checks at work, not tampering that merely broke the code.
  const server = await serveTampered(
    [WASM, tamperWasm],
    [BUNDLE, (bytes) => tamperGlue(withoutWasmIntegrity(bytes, WASM))],
    ['index.html', (bytes) => Buffer.from(bytes.toString('utf8').replace(/ integrity="[^"]*"/g, ''))],
  );
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await page.getByText('Secret tokeN', { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => globalThis.scimTampered), 'glue');
  await context.close();
});

test('a tampered worker wasm is refused before it runs: the helper says so, the widget works on', async () => {
  const server = await serveTampered([WORKER_WASM, tamperWorkerWasm]);
  const { context, page, log } = await openPage(browser);
  await recordCspViolations(context);
  await page.goto(server.url);
  const key = page.getByLabel('API key', { exact: true });
  const token = page.getByLabel('Secret token', { exact: true });
  await replaceKeys(key, 'abc');
  await replaceKeys(page.getByLabel('API secret', { exact: true }), '123');
  await eventually(() => token.inputValue(), shellToken('abc', '123'));

  await mapAnEmptyLevel(page);
  await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).waitFor();
  assert.equal(await page.getByText('(emptY)', { exact: false }).count(), 0, 'nothing of it ran');
  assert.equal(page.workers().length, 0, 'no worker was started');
  await replaceKeys(key, 'abcd');
  await eventually(() => token.inputValue(), shellToken('abcd', '123'), 'the widget works on');
  const violations = await cspViolations(page);
  await context.close();
  assert.deepEqual(violations, []);
  assert.deepEqual(log.errors, []);
  assert.ok(
    log.console.some((m) => m.type === 'error' && m.text.includes('integrity') && m.text.includes('scim-token-worker_bg.wasm')),
    `Chromium names the integrity failure of the worker wasm: ${JSON.stringify(log.console)}`,
  );
});

test('control: the same tampered worker wasm runs once its hash is removed', async () => {
  const server = await serveTampered(
    [WORKER_WASM, tamperWorkerWasm],
    [BUNDLE, (bytes) => withoutWasmIntegrity(bytes, WORKER_WASM)],
    ['index.html', (bytes) => Buffer.from(bytes.toString('utf8').replace(/ integrity="[^"]*"/g, ''))],
  );
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await mapAnEmptyLevel(page);
  await page.getByText('(emptY)', { exact: true }).first().waitFor();
  await context.close();
});
