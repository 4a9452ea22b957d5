// The element's and mount()'s whole life in a host page, in Chromium: a handle acts only on the
// widget it made; an element moved within one task keeps what was typed; one removed for good
// forgets it and takes the token off the clipboard, as unmount() does; an element in another
// document works there; leaving the page (even into the back/forward cache) ends the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, openPage, serve, launch, shellToken, eventually, typeKeys, clipboardText, CLIPBOARD,
} from './harness.mjs';

const shared = useServerAndBrowser();

/** The empty host page with the module loaded, the clipboard allowed. */
async function host() {
  const opened = await openPage(shared.browser, { locale: 'en-GB', ...CLIPBOARD });
  await opened.page.goto(`${shared.server.url}hosts/empty.html`);
  await opened.page.waitForFunction(() => customElements.get('scim-token-widget') !== undefined);
  return opened;
}

/** Types a key and a secret into the widget in `scope` and waits for the token. */
async function fill(scope, key = 'KEY1', secret = 's3cret') {
  await typeKeys(scope.getByLabel('API key', { exact: true }), key);
  await typeKeys(scope.getByLabel('API secret', { exact: true }), secret);
  await eventually(() => scope.getByLabel('Secret token', { exact: true }).inputValue(), shellToken(key, secret));
}

/** Copies the token with the widget's button and checks it is on the clipboard. */
async function copyToken(page, scope, key = 'KEY1', secret = 's3cret') {
  await scope.getByRole('button', { name: 'Copy secret token' }).click();
  await eventually(() => clipboardText(page), shellToken(key, secret), 'the token on the clipboard');
}

test('unmount() after «Copy secret token» takes the token off the clipboard', async () => {
  const { context, page, log } = await host();
  await page.evaluate(async () => {
    const { mount } = await import('/embed/scim-token-widget.js');
    const element = document.body.appendChild(document.createElement('div'));
    element.id = 'portal';
    window.handle = await mount(element);
  });
  const scope = page.locator('#portal');
  await fill(scope);
  await copyToken(page, scope);
  await page.evaluate(() => window.handle.unmount());
  await eventually(() => clipboardText(page), '', 'the clipboard emptied');
  assert.equal(await scope.getByLabel('API key', { exact: true }).count(), 0, 'the widget is gone');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an element removed for good forgets what was typed and takes the token off the clipboard', async () => {
  const { context, page, log } = await host();
  await page.evaluate(() => document.body.append(document.createElement('scim-token-widget')));
  const scope = page.locator('scim-token-widget');
  await fill(scope);
  await copyToken(page, scope);
  await page.evaluate(() => {
    window.removed = document.querySelector('scim-token-widget');
    window.removed.remove();
  });
  await eventually(() => clipboardText(page), '', 'the clipboard emptied');
  await eventually(() => page.evaluate(() => window.removed.shadowRoot.querySelectorAll('input').length), 0, 'unmounted');
  // Put back later, it starts afresh.
  await page.evaluate(() => document.body.append(window.removed));
  await eventually(() => scope.getByLabel('API key', { exact: true }).inputValue(), '');
  assert.equal(await scope.getByLabel('API secret', { exact: true }).inputValue(), '');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a stale handle acts on nothing: mount() twice on one element, then the first unmount()', async () => {
  const { context, page, log } = await host();
  await page.evaluate(async () => {
    const { mount } = await import('/embed/scim-token-widget.js');
    const element = document.body.appendChild(document.createElement('div'));
    element.id = 'portal';
    window.h1 = await mount(element);
    window.h2 = await mount(element, { apiKey: 'second' });
    window.h1.unmount();
    window.h1.update({ apiKey: 'from-the-stale-handle' });
  });
  const scope = page.locator('#portal');
  assert.equal(await scope.getByLabel('API key', { exact: true }).count(), 1, 'one widget, the second');
  await eventually(() => scope.getByLabel('API key', { exact: true }).inputValue(), 'second');
  await typeKeys(scope.getByLabel('API secret', { exact: true }), 'x');
  await eventually(() => scope.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('second', 'x'));
  await page.evaluate(() => window.h2.unmount());
  assert.equal(await scope.getByLabel('API key', { exact: true }).count(), 0, 'the second handle unmounts its own');
  assert.deepEqual(log.errors, []);
  await context.close();
});

for (const [how, move] of [
  ['append() to another parent', (element, parent) => parent.append(element)],
  ['remove() then insert elsewhere, in one task', (element, parent) => { element.remove(); parent.prepend(element); }],
  ['moveBefore()', (element, parent) => (parent.moveBefore ? parent.moveBefore(element, null) : parent.append(element))],
]) {
  test(`an element moved within one task keeps what was typed: ${how}`, async () => {
    const { context, page, log } = await host();
    await page.evaluate(() => {
      const tab = (id) => Object.assign(document.body.appendChild(document.createElement('section')), { id });
      tab('first').append(document.createElement('scim-token-widget'));
      tab('second');
    });
    const scope = page.locator('scim-token-widget');
    await fill(scope);
    // The move, and then every check it queued has run: a removal queues one (a task, in
    // disconnectedCallback), which is seen to run, so the assertions below come after it.
    await page.evaluate(`new Promise((resolve) => {
      const plain = window.setTimeout;
      let pending = 0;
      window.setTimeout = (callback, ...rest) => {
        pending += 1;
        return plain(() => {
          try { callback(); } finally { pending -= 1; if (pending === 0) resolve(); }
        }, ...rest);
      };
      try { (${move})(document.querySelector('scim-token-widget'), document.querySelector('#second')); }
      finally { window.setTimeout = plain; }
      if (pending === 0) resolve();
    })`);
    assert.equal(await page.locator('#second scim-token-widget').count(), 1);
    assert.equal(await scope.getByLabel('API key', { exact: true }).inputValue(), 'KEY1');
    assert.equal(await scope.getByLabel('API secret', { exact: true }).inputValue(), 's3cret');
    assert.equal(await scope.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('KEY1', 's3cret'));
    await typeKeys(scope.getByLabel('API secret', { exact: true }), '2');
    await eventually(() => scope.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('KEY1', 's3cret2'));
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('an element moved into a same-origin iframe works there, styled, with no error', async () => {
  const { context, page, log } = await host();
  await page.evaluate(() => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    frame.id = 'frame';
    frame.style.cssText = 'width: 900px; height: 900px';
    document.body.append(document.createElement('scim-token-widget'));
  });
  await fill(page.locator('body > scim-token-widget'));
  await page.evaluate(() => {
    const frame = document.querySelector('#frame').contentDocument;
    frame.body.append(frame.adoptNode(document.querySelector('scim-token-widget')));
  });
  const inFrame = page.frameLocator('#frame').locator('scim-token-widget');
  const key = inFrame.getByLabel('API key', { exact: true });
  await key.waitFor();
  assert.equal(await key.inputValue(), 'KEY1', 'moved in one task: what was typed came along');
  await typeKeys(inFrame.getByLabel('API secret', { exact: true }), '2');
  await eventually(() => inFrame.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('KEY1', 's3cret2'));
  // Styled in its new document: the copy button has the widget's look, not the browser's.
  const radius = await inFrame.getByRole('button', { name: 'Copy secret token' }).evaluate((b) => getComputedStyle(b).borderRadius);
  assert.notEqual(radius, '0px', 'the widget\'s stylesheet applies in the iframe');
  // And an element made in the iframe's own document by the main page's module.
  await page.evaluate(() => {
    const frame = document.querySelector('#frame').contentDocument;
    const element = frame.createElement('div');
    element.id = 'made-there';
    frame.body.append(element);
    return import('/embed/scim-token-widget.js').then(({ mount }) => mount(element));
  });
  const made = page.frameLocator('#frame').locator('#made-there');
  await typeKeys(made.getByLabel('API key', { exact: true }), 'k');
  await typeKeys(made.getByLabel('API secret', { exact: true }), 's');
  await eventually(() => made.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('k', 's'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an element in a document without a window shows its fallback, with no uncaught error', async () => {
  const { context, page, log } = await host();
  const shown = await page.evaluate(async () => {
    const { mount } = await import('/embed/scim-token-widget.js');
    const orphan = document.implementation.createHTMLDocument('no window');
    const element = orphan.body.appendChild(orphan.createElement('div'));
    return mount(element).then(() => 'mounted', (error) => `refused: ${error.message}`);
  });
  assert.match(shown, /^refused: .*without a window/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('leaving the page ends the input: Back from the next page brings no key, secret or token back', async () => {
  const cacheable = await serve(undefined, ['--cacheable']);
  // Playwright turns the back/forward cache off by default; an admin's browser has it on.
  const browser = await launch({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  const { context, page, log } = await openPage(browser, { locale: 'en-GB' });
  try {
    await context.addInitScript(() => {
      window.addEventListener('pageshow', (event) => { if (event.persisted) document.documentElement.dataset.restored = 'yes'; });
    });
    await page.goto(cacheable.url);
    await fill(page.locator('scim-token-widget'));
    await page.goto(`${cacheable.url}hosts/empty.html`);
    // A page restored from the cache fires no load event: wait for the navigation only.
    await page.goBack({ waitUntil: 'commit' });
    await eventually(() => page.evaluate(() => document.documentElement.dataset.restored), 'yes', 'restored from the back/forward cache');
    const scope = page.locator('scim-token-widget');
    assert.equal(await scope.getByLabel('API key', { exact: true }).inputValue(), '');
    assert.equal(await scope.getByLabel('API secret', { exact: true }).inputValue(), '');
    assert.equal(await scope.getByLabel('Secret token', { exact: true }).inputValue(), '');
    assert.deepEqual(log.errors, []);
  } finally {
    await browser.close();
    cacheable.close();
  }
});
