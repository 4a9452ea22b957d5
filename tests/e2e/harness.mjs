// Shared by the end-to-end tests: a loopback server for dist/ and a headless Chromium that
// records every request, console message and page error.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');

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

/** Records `securitypolicyviolation` events into `window.__cspViolations`. */
export const RECORD_CSP_VIOLATIONS = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
};
