// A smoke run of the built site in WebKit, Safari's engine (WebKitGTK's WebDriver and its
// MiniBrowser), through plain W3C WebDriver: Playwright cannot drive it here. The page (token,
// the copy button's state, Clear), the single file opened from file://, and an embedding host.
// The fields are driven by scripts that set a value and send the input event a keystroke sends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, shellToken } from './harness.mjs';

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Polls `read` until it returns a value other than undefined; fails after 10 s. */
async function until(what, read) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * A virtual display (test.sh's, else one of its own) and WebKitWebDriver on a free port, with
 * one session; `run(script, ...args)` executes a function body in the page.
 */
async function startWebKit() {
  const children = [];
  let display = process.env.WEBKIT_DISPLAY;
  if (!display) {
    const n = [...Array(100).keys()].map((i) => 200 + i).find((i) => !existsSync(`/tmp/.X${i}-lock`));
    children.push(spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
    await until('the virtual display', () => (existsSync(`/tmp/.X11-unix/X${n}`) ? true : undefined));
    display = `:${n}`;
  }
  const port = await freePort();
  children.push(spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' }));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(value)}`);
    return value;
  };
  await until('WebKitWebDriver', () => call('GET', '/status').then((v) => (v.ready ? true : undefined), () => undefined));
  const { sessionId } = await call('POST', '/session', { capabilities: {} });
  const session = `/session/${sessionId}`;
  return {
    go: (url) => call('POST', `${session}/url`, { url }),
    run: (script, ...args) => call('POST', `${session}/execute/sync`, { script, args }),
    async close() {
      await call('DELETE', session).catch(() => {});
      for (const child of children.reverse()) child.kill();
    },
  };
}

// In the page: the widget's control whose label is exactly `label`, inside its shadow root.
const FIND = `const [label, host] = arguments;
  const root = (host ? document.querySelector(host) : document.querySelector('scim-token-widget'))?.shadowRoot;
  const control = root && [...root.querySelectorAll('input, textarea')].find((c) => c.labels?.[0]?.textContent.trim() === label);`;

let webkit;
let server;
before(async () => {
  server = await serve();
  webkit = await startWebKit();
});
after(async () => {
  await webkit?.close();
  server?.close();
});

/** Types `text` into the control labelled `label`, as one input event. */
const type = (label, text, host) =>
  webkit.run(`${FIND} control.value = arguments[2]; control.dispatchEvent(new InputEvent('input', { bubbles: true })); return true;`, label, host, text);

/** The value of the control labelled `label`, once the widget has rendered it. */
const valueOf = (label, host) => webkit.run(`${FIND} return control ? control.value : null;`, label, host);

/** Waits until the control labelled `label` holds `expected`. */
const holds = async (label, expected, host) =>
  until(`${label} to be ${JSON.stringify(expected)}`, async () => ((await valueOf(label, host)) === expected ? true : undefined));

const buttonState = (name) =>
  webkit.run(`const b = [...document.querySelector('scim-token-widget').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === arguments[0]);
    return b ? { disabled: b.disabled } : null;`, name);

test('WebKit: the page makes the token, enables copying, and Clear empties it', async () => {
  await webkit.go(server.url);
  await until('the widget', async () => ((await valueOf('API key')) === '' ? true : undefined));
  assert.deepEqual(await buttonState('Copy secret token'), { disabled: true }, 'nothing to copy yet');
  await type('API key', 'nøkkel');
  await type('API secret', 'hemmelig');
  await holds('Secret token', shellToken('nøkkel', 'hemmelig'));
  assert.deepEqual(await buttonState('Copy secret token'), { disabled: false });
  await webkit.run(`[...document.querySelector('scim-token-widget').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Clear').click(); return true;`);
  await holds('API key', '');
  await holds('API secret', '');
  assert.deepEqual(await buttonState('Copy secret token'), { disabled: true });
});

test('WebKit: the single file, opened from file:// in an empty folder, makes the token', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'scim-webkit-'));
  try {
    copyFileSync(join(DIST, 'scim-token-widget.html'), join(folder, 'scim-token-widget.html'));
    await webkit.go(`file://${join(folder, 'scim-token-widget.html')}`);
    await until('the widget', async () => ((await valueOf('API key')) === '' ? true : undefined));
    await type('API key', 'abc');
    await type('API secret', '123');
    await holds('Secret token', shellToken('abc', '123'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('WebKit: a host page embeds the element with a prefilled key', async () => {
  await webkit.go(`${server.url}hosts/empty.html`);
  await webkit.run(`const element = document.createElement('scim-token-widget');
    element.setAttribute('api-key', 'from-portal');
    document.body.append(element);
    return true;`);
  await holds('API key', 'from-portal');
  await type('API secret', 's3cret');
  await holds('Secret token', shellToken('from-portal', 's3cret'));
});
