// The widget embedded in host pages: hostile CSS, two instances, live attributes, events,
// mount/unmount cycles, and the mock portal page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, shellToken, eventually, typeKeys, CAPTURE_WASM_MEMORY, CHROMIUM_ARGS, replaceKeys } from './harness.mjs';

// --expose-gc: the mount/unmount test collects garbage before measuring.
const shared = useServerAndBrowser({ args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });

const widget = (page, id) => page.locator(`scim-token-widget#${id}`);

test('on a page with hostile CSS the widget still works, and two instances keep their own state', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(`${shared.server.url}hosts/hostile.html`);
  const first = widget(page, 'first');
  const second = widget(page, 'second');
  const key = first.getByLabel('API key', { exact: true });
  await key.waitFor();
  assert.ok(await key.isVisible(), 'the host\'s `input { display: none }` does not reach in');
  await replaceKeys(key, 'nøkkel');
  await replaceKeys(first.getByLabel('API secret', { exact: true }), 'hemmelig');
  await eventually(() => first.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('nøkkel', 'hemmelig'));
  assert.ok(await first.getByRole('button', { name: 'Copy secret token' }).isVisible());

  // The second widget has its own prefilled key and no secret.
  assert.equal(await second.getByLabel('API key', { exact: true }).inputValue(), 'prefilled-key');
  assert.equal(await second.getByLabel('API secret', { exact: true }).inputValue(), '');
  assert.equal(await second.getByLabel('Secret token', { exact: true }).inputValue(), '');
  assert.ok(await second.getByRole('button', { name: 'Copy secret token' }).isDisabled());

  for (const url of log.requests) assert.ok(url.startsWith(shared.server.url), `request off the origin: ${url}`);
  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('attributes are live: lang, tenant-url, api-key; a bad tenant-url is reported and the rest works', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(`${shared.server.url}hosts/hostile.html`);
  const first = widget(page, 'first');
  await replaceKeys(first.getByLabel('API key', { exact: true }), 'abc');

  await first.evaluate((e) => e.setAttribute('lang', 'nb'));
  await first.getByLabel('API-nøkkel', { exact: true }).waitFor();
  assert.equal(await first.getByLabel('API-nøkkel', { exact: true }).inputValue(), 'abc', 'switching keeps what was typed');

  await first.evaluate((e) => e.setAttribute('tenant-url', 'https://scim.example.test/v2/'));
  const tenant = first.getByLabel('Tenant-URL', { exact: true });
  await eventually(() => tenant.inputValue(), 'https://scim.example.test/v2/');

  await first.evaluate((e) => e.setAttribute('tenant-url', 'http://insecure.example.test/'));
  await first.getByText('ikke er en https://-adresse').waitFor();
  await eventually(() => tenant.inputValue(), 'https://api.securepractice.co/scim/v2/');
  assert.ok(log.console.some((m) => m.type === 'warning' && m.text.includes('not an https://')), 'a console warning');
  await replaceKeys(first.getByLabel('API-hemmelighet', { exact: true }), '123');
  await eventually(() => first.getByLabel('Hemmelig token', { exact: true }).inputValue(), shellToken('abc', '123'));

  await first.evaluate((e) => e.setAttribute('api-key', 'new-portal-key'));
  await eventually(() => first.getByLabel('API-nøkkel', { exact: true }).inputValue(), 'new-portal-key');
  await context.close();
});

test('events tell the host what happened and never carry a secret', async () => {
  const { context, page } = await openPage(shared.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['scim-token-copied', 'scim-token-state']) {
      document.addEventListener(type, (event) => window.__events.push({ type, detail: JSON.stringify(event.detail), target: event.target.id }));
    }
  });
  await page.goto(`${shared.server.url}hosts/hostile.html`);
  const first = widget(page, 'first');
  await replaceKeys(first.getByLabel('API key', { exact: true }), 'event-key');
  await replaceKeys(first.getByLabel('API secret', { exact: true }), 'EvSecret42');
  await first.getByRole('button', { name: 'Copy secret token' }).click();
  await eventually(async () => (await page.evaluate(() => window.__events)).some((e) => e.type === 'scim-token-copied'), true);
  const events = await page.evaluate(() => window.__events);
  const firstEvents = events.filter((e) => e.target === 'first');
  assert.ok(firstEvents.some((e) => e.type === 'scim-token-state' && e.detail === '{"state":"valid"}'), JSON.stringify(events));
  assert.ok(firstEvents.some((e) => e.type === 'scim-token-copied' && e.detail === '{"target":"secret-token"}'));
  const everything = JSON.stringify(events);
  for (const secret of ['EvSecret42', shellToken('event-key', 'EvSecret42'), 'event-key']) {
    assert.ok(!everything.includes(secret), `an event carried ${secret}`);
  }
  await context.close();
});

test("an embedded widget's title is an h2 unless the host sets its heading level", async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(`${shared.server.url}hosts/empty.html`);
  const levels = await page.evaluate(async () => {
    const { mount } = await import('/embed/scim-token-widget.js');
    const headings = async (options) => {
      const element = document.createElement('div');
      document.body.append(element);
      await mount(element, options);
      const root = element.shadowRoot;
      // Poll (one frame at a time) until the headings have rendered.
      while (!root.querySelector('.disclosure-heading')) await new Promise(requestAnimationFrame);
      return [root.querySelector('.title').tagName, root.querySelector('.disclosure-heading').tagName];
    };
    return [await headings({}), await headings({ headingLevel: 3 }), await headings({ headingLevel: 'x' })];
  });
  await context.close();
  assert.deepEqual(levels, [['H2', 'H3'], ['H3', 'H4'], ['H2', 'H3']]);
  assert.deepEqual(log.errors, []);
});

test('mount(): unmount() twice and update() after unmount() do nothing, and throw nothing', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(`${shared.server.url}hosts/empty.html`);
  const outcome = await page.evaluate(async () => {
    const { mount } = await import('/embed/scim-token-widget.js');
    const element = document.createElement('div');
    document.body.append(element);
    const handle = await mount(element, { apiKey: 'k' });
    const rendered = element.shadowRoot.querySelector('input') !== null;
    const thrown = [];
    for (const call of [() => handle.unmount(), () => handle.unmount(), () => handle.update({ lang: 'nb' })]) {
      try {
        call();
      } catch (error) {
        thrown.push(String(error));
      }
    }
    return { rendered, thrown, children: element.shadowRoot.childNodes.length };
  });
  await context.close();
  assert.ok(outcome.rendered, 'the widget rendered');
  assert.deepEqual(outcome.thrown, []);
  assert.equal(outcome.children, 0, 'the shadow root is empty after unmount()');
  assert.deepEqual(log.errors, []);
});

test('mounting and unmounting 200 times leaves listeners and memory bounded', async () => {
  const { context, page } = await openPage(shared.browser);
  await page.addInitScript(CAPTURE_WASM_MEMORY);
  await page.goto(`${shared.server.url}hosts/empty.html`);
  await page.waitForFunction(() => customElements.get('scim-token-widget') !== undefined);
  const cdp = await context.newCDPSession(page);
  const listeners = async () => {
    let total = 0;
    for (const expression of ['document', 'window']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      total += listeners.length;
    }
    return total;
  };
  const cycle = (count) => page.evaluate(async (count) => {
    for (let i = 0; i < count; i += 1) {
      const element = document.createElement('scim-token-widget');
      element.setAttribute('api-key', `k${i}`);
      document.body.append(element);
      // Poll (one frame at a time) until the widget has rendered.
      while (!element.shadowRoot?.querySelector('input')) await new Promise(requestAnimationFrame);
      element.remove();
    }
  }, count);
  const measure = async () => {
    await page.evaluate(() => window.gc());
    return page.evaluate(() => ({ heap: performance.memory.usedJSHeapSize, wasm: window.__wasmMemory.buffer.byteLength }));
  };

  await cycle(20);
  const baseListeners = await listeners();
  const base = await measure();
  await cycle(200);
  const afterListeners = await listeners();
  const afterCycles = await measure();
  console.log(`200 cycles: listeners ${baseListeners} -> ${afterListeners}, JS heap ${base.heap} -> ${afterCycles.heap} bytes, wasm memory ${base.wasm} -> ${afterCycles.wasm} bytes`);
  assert.equal(afterListeners, baseListeners, 'listeners on document/window grew');
  assert.ok(afterCycles.wasm <= base.wasm + 1024 * 1024, 'wasm memory grew by more than 1 MiB');
  assert.ok(afterCycles.heap <= base.heap + 2 * 1024 * 1024, 'JS heap grew by more than 2 MiB');
  assert.equal(await page.locator('scim-token-widget').count(), 0);
  await context.close();
});

test('the mock portal page embeds a themed widget with the prefilled key', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(`${shared.server.url}examples/portal.html`);
  const key = page.getByLabel('API key', { exact: true });
  await key.waitFor();
  assert.equal(await key.inputValue(), '3f9c2a7e-portal-demo-key');
  const accent = await page.locator('scim-token-widget').evaluate((e) =>
    getComputedStyle(e.shadowRoot.querySelector('button.copy')).backgroundColor);
  assert.equal(accent, 'rgb(90, 24, 154)', 'the host theme (--stw-accent) applies');
  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  await context.close();
});

test('the wasm loads when the first widget asks; configure() comes before that, and is refused after', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(`${shared.server.url}hosts/empty.html`);
  const result = await page.evaluate(async () => {
    const { configure, mount } = await import('/embed/scim-token-widget.js');
    const attempt = (options) => {
      try {
        configure(options);
        return 'accepted';
      } catch (error) {
        return String(error.message);
      }
    };
    // The page's script tag imported the module before its load event, but no widget has asked
    // for the wasm: nothing is fetched yet.
    const fetchedBefore = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.wasm')).length;
    const before = attempt({ assetUrl: '/embed/' });
    const element = document.createElement('div');
    document.body.append(element);
    await mount(element, {});
    return { fetchedBefore, before, after: attempt({ assetUrl: '/elsewhere/' }) };
  });
  assert.equal(result.fetchedBefore, 0, 'no wasm fetched before a widget asks');
  assert.equal(result.before, 'accepted');
  assert.match(result.after, /configure\(\) must be called before the first widget loads/);
  const wasm = log.requests.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname);
  assert.deepEqual(wasm, ['/embed/scim-token-widget_bg.wasm'], 'loaded once, from where configure() said');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the element tells its token state at any time (tokenState), for hosts that listen late', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await page.goto(`${shared.server.url}hosts/hostile.html`);
  const second = widget(page, 'second');
  await second.getByLabel('API key', { exact: true }).waitFor();
  // The second widget's host gave its key; nothing more is typed.
  await eventually(() => second.evaluate((e) => e.tokenState), 'incomplete', 'before any listener');
  await typeKeys(second.getByLabel('API secret', { exact: true }), '123');
  await eventually(() => second.evaluate((e) => e.tokenState), 'valid', 'once a token is made');
  await second.getByLabel('API key', { exact: true }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(':x');
  await eventually(() => second.evaluate((e) => e.tokenState), 'invalid', 'a colon in the key');
  const detached = await page.evaluate(() => document.createElement('scim-token-widget').tokenState);
  assert.equal(detached, undefined, 'an element whose widget has not started has no state yet');
  assert.deepEqual(log.errors, []);
  await context.close();
});
