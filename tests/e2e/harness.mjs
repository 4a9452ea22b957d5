// Shared by the end-to-end tests: a loopback server for dist/ and a headless Chromium that
// records every request, console message and page error.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// SCIM_TOKEN_DIST runs the tests on another build (one of an earlier commit, to see a new test
// fail there before its fix).
export const DIST = process.env.SCIM_TOKEN_DIST || join(ROOT, 'dist');

/** Serves `dir` on 127.0.0.1 at a free port; resolves once the server says it listens. */
export function serve(dir = DIST, extraArgs = []) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`trunk build --release\` first`);
  }
  const mounts = ['--mount', `/examples/=${join(ROOT, 'examples')}`, '--mount', `/hosts/=${join(ROOT, 'tests', 'e2e', 'hosts')}`];
  const child = spawn('python3', [join(ROOT, 'scripts', 'serve_dist.py'), '--dir', dir, '--port', '0', ...mounts, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/listening (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolve({ url: match[1], close: () => child.kill() });
    });
  });
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/**
 * Registers node:test hooks that serve `dir` (dist/ unless given) and launch Chromium (with
 * `launchOptions`) before the file's tests, and close both after them. Read `server` and `browser` from the returned
 * object inside the tests: they are set once the `before` hook has run.
 */
export function useServerAndBrowser(launchOptions, dir = DIST) {
  let server;
  let browser;
  before(async () => {
    server = await serve(dir);
    browser = await launch(launchOptions);
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
  };
}

/**
 * Holds every request for the widget's wasm until `release()` (a slow link, the pre-rendered
 * page before the wasm runs); `asked()`: was it requested. `change(bytes)`, if given, alters
 * what is then served.
 */
export async function holdWasm(context, change) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked = false;
  await context.route(/scim-token-widget_bg\.wasm$/, async (route) => {
    asked = true;
    await held;
    if (!change) return route.continue();
    const response = await route.fetch();
    return route.fulfill({ response, body: change(Buffer.from(await response.body())) });
  });
  return { release, asked: () => asked };
}

/** Opens a page in a fresh context and records what it does. */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const log = { requests: [], failed: [], console: [], errors: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('requestfailed', (request) => log.failed.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('console', (message) => log.console.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => log.errors.push(String(error)));
  return { context, page, log };
}

/**
 * Asserts that every URL in `requests` is on `origin` (the server's URL) and names a file of
 * `dir` (dist/ unless given). A `blob:` URL of the page's own origin (the helpers' worker script, made from the embed
 * module's bytes) is no network request and names no file.
 */
export function assertRequestsWithinDist(requests, origin, dir = DIST) {
  for (const url of requests) {
    if (url.startsWith(`blob:${origin.replace(/\/$/, '')}/`)) continue;
    assert.ok(url.startsWith(origin), `request off the page's origin: ${url}`);
    const path = new URL(url).pathname.replace(/\/$/, '/index.html');
    assert.ok(existsSync(join(dir, decodeURIComponent(path))), `request for a file not in ${dir}: ${url}`);
  }
}

/**
 * The admin's own path into a field: `typeKeys` presses a key for each character (Playwright's
 * keyboard: keydown, the character's input, keyup; a character no US key makes arrives as the
 * input an IME or a compose key gives), `pasteKeys` puts `text` on the system clipboard and
 * presses Ctrl+V in the field. Both act where the field's caret is (its end after a click), and
 * need a context opened with `CLIPBOARD` permissions for the paste. Tests read back what the
 * field shows (`inputValue()`), never only what the widget's state holds.
 */
export const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

export async function typeKeys(field, text) {
  await field.focus();
  await field.pressSequentially(text);
}

/** Replaces what `field` holds with `text` typed key by key: Ctrl+A, then the keys. */
export async function replaceKeys(field, text) {
  await field.focus();
  await field.press('Control+A');
  if (text === '') await field.press('Delete');
  else await field.pressSequentially(text);
}

export async function pasteKeys(field, text, { over = false } = {}) {
  const page = field.page();
  await page.evaluate((text) => navigator.clipboard.writeText(text), text);
  await field.focus();
  // `over`: over all the field holds, as an admin replacing a value does.
  if (over) await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

/** What the clipboard holds now (the context needs `CLIPBOARD`). */
export const clipboardText = (page) => page.evaluate(() => navigator.clipboard.readText());

/** The token `printf '%s' 'KEY:SECRET' | base64 -w0` makes: the reference outside our code. */
export function shellToken(key, secret) {
  return execFileSync('bash', ['-c', 'printf "%s" "$1" | base64 -w0', '_', `${key}:${secret}`], {
    encoding: 'utf8',
  });
}

export const PAIRS = [
  ['abc', '123'],
  ['nøkkel', 'hemmelig'],
  ['ключ', 'секрет'],
  ['k', '🔑x'],
];

/**
 * Polls `read()` (each call a round trip to the browser) until it returns `expected`; after a
 * 5 s deadline, fails with the last value seen.
 */
export async function eventually(read, expected, what = '') {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (value === expected || Date.now() > deadline) {
      assert.deepEqual(value, expected, what);
      return;
    }
  }
}

/**
 * An init script that keeps a reference to the widget's wasm memory on
 * `window.__wasmMemory`, so tests can read its size. It changes nothing else.
 */
export const CAPTURE_WASM_MEMORY = () => {
  const keep = (result) => {
    const instance = result.instance ?? result;
    if (instance?.exports?.memory) window.__wasmMemory = instance.exports.memory;
    return result;
  };
  const streaming = WebAssembly.instantiateStreaming;
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(keep);
  WebAssembly.instantiate = (...args) => plain(...args).then(keep);
};

/**
 * Records every Content-Security-Policy violation in the context's pages, from before the
 * page's first script runs. Read them with `cspViolations(page)`.
 */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    window.addEventListener(
      'securitypolicyviolation',
      (event) =>
        window.__cspViolations.push({
          directive: event.violatedDirective,
          blocked: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}`,
          target: event.target?.nodeName ?? '',
        }),
      true,
    );
  });
}

/**
 * The page's CSP violations so far. First it causes one on purpose (a style attribute on
 * <html>, which every policy here forbids) and polls until the recorder has seen it: that
 * proves the recorder works, and that violations queued before it have been delivered. The
 * deliberate one is left out of the result.
 */
export async function cspViolations(page) {
  const isProbe = (v) => v.directive === 'style-src-attr' && v.target === 'HTML';
  await page.evaluate(() => document.documentElement.setAttribute('style', 'outline: 0'));
  await eventually(
    () => page.evaluate(() => window.__cspViolations.some((v) => v.directive === 'style-src-attr' && v.target === 'HTML')),
    true,
    'the deliberate style-attribute violation reaches the recorder',
  );
  const all = await page.evaluate(() => window.__cspViolations);
  return all.filter((v) => !isProbe(v));
}

/** The sha384 CSP/SRI source expression for `data`. */
export function sha384(data) {
  return `sha384-${createHash('sha384').update(data).digest('base64')}`;
}

/** The directives of the page's meta Content-Security-Policy: name -> list of sources. */
export function metaCsp(html) {
  const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(match, 'the page has a CSP meta tag');
  const directives = new Map();
  for (const part of match[1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return { text: match[1], directives };
}
