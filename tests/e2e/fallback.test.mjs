// When the widget cannot run, the page says what happened and what to do, and sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage } from './harness.mjs';

const shared = useServerAndBrowser();

const OWN_STATIC = ['', 'index.html', 'page.css', 'favicon.svg'];

test('with JavaScript off the page shows the shell and PowerShell way, and loads no script', async () => {
  const { context, page, log } = await openPage(shared.browser, { javaScriptEnabled: false });
  await page.goto(shared.server.url);
  await page.getByText('This page needs JavaScript and WebAssembly').waitFor();
  assert.ok(await page.getByText("printf '%s'", { exact: false }).first().isVisible());
  assert.ok(await page.getByText('Windows PowerShell').isVisible());
  for (const url of log.requests) {
    const path = new URL(url).pathname.slice(1);
    assert.ok(OWN_STATIC.includes(path), `unexpected request with JavaScript off: ${url}`);
  }
  await context.close();
});

test('with WebAssembly blocked the widget shows the same fallback instead of a dead form', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await context.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
  await page.goto(shared.server.url);
  await page.getByText('This page needs JavaScript and WebAssembly').waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel('API key', { exact: true }).count(), 0);
  assert.ok(log.console.some((m) => m.type === 'warning' && m.text.includes('WebAssembly could not start')));
  // Neither missing nor refused: the request got no answer, and the page says so.
  const said = await page.locator('scim-token-widget').locator('[part="load-error"]').innerText();
  assert.match(said, new RegExp(`scim-token-widget_bg\\.wasm could not be fetched from ${shared.server.url}embed/scim-token-widget_bg\\.wasm: no answer`));
  for (const url of log.requests) assert.ok(url.startsWith(shared.server.url), `request off the origin: ${url}`);
  await context.close();
});

test('while the wasm loads the fallback text does not flash', async () => {
  const { context, page } = await openPage(shared.browser);
  // Hold the wasm back until the page has been looked at.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(shared.server.url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => customElements.get('scim-token-widget') !== undefined || document.readyState === 'complete');
  assert.equal(await page.getByText('This page needs JavaScript and WebAssembly').isVisible(), false);
  release();
  await page.getByLabel('API key', { exact: true }).waitFor();
  await context.close();
});

test('if the embed module never runs, the fallback still appears', async () => {
  const { context, page } = await openPage(shared.browser);
  await context.route('**/embed/scim-token-widget.js', (route) => route.abort('blockedbyclient'));
  await page.goto(shared.server.url);
  // Waits on the condition (Playwright polls); the page's CSS reveals it after its delay.
  await page.getByText('This page needs JavaScript and WebAssembly').waitFor({ state: 'visible', timeout: 15000 });
  await context.close();
});
