// «Before you start» and «After you save», the rest of the setup guide: on the standalone page
// and the single file, not on a host that did not ask, on one that does; the mapping helper's
// link to point 3 of «After you save» inside the element's shadow root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useServerAndBrowser, openPage, DIST, eventually, replaceKeys } from './harness.mjs';

const shared = useServerAndBrowser();

const HEADINGS = {
  en: ['Before you start', 'After you save'],
  nb: ['Før du begynner', 'Etter at du har lagret'],
};
const POINTS = [3, 4];

let folder;
let fileUrl;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'scim-guide-'));
  copyFileSync(join(DIST, 'scim-token-widget.html'), join(folder, 'scim-token-widget.html'));
  fileUrl = pathToFileURL(join(folder, 'scim-token-widget.html')).href;
});
after(() => folder && rmSync(folder, { recursive: true, force: true }));

/**
 * Opens both sections on `page` in `lang` and returns each one's points, after checking that
 * each starts collapsed and its button says what it controls.
 */
async function openGuide(page, lang) {
  const sections = [];
  for (const [index, name] of HEADINGS[lang].entries()) {
    const toggle = page.getByRole('button', { name });
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', `${name} starts collapsed`);
    await toggle.click();
    // A click on the pre-rendered button is done again once the widget takes over.
    await eventually(() => toggle.getAttribute('aria-expanded'), 'true', name);
    const list = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
    const points = await list.locator('li').allInnerTexts();
    assert.equal(points.length, POINTS[index], `${name}: its points`);
    sections.push(points);
  }
  return sections;
}

for (const [where, url] of [['the standalone page', () => shared.server.url], ['the single file', () => fileUrl]]) {
  test(`${where} shows both sections, collapsed, in English and Norwegian`, async () => {
    const texts = {};
    for (const lang of ['en', 'nb']) {
      const { context, page, log } = await openPage(shared.browser, { locale: lang === 'nb' ? 'nb-NO' : 'en-GB' });
      await page.goto(url());
      texts[lang] = await openGuide(page, lang);
      // Entra's screens keep Entra's names in both languages.
      assert.match(texts[lang][1][2], /«Restart provisioning»/);
      assert.match(texts[lang][0][1], /«Users and groups»/);
      assert.deepEqual(log.errors, []);
      await context.close();
    }
    texts.en.flat().forEach((point, index) => assert.notEqual(point, texts.nb.flat()[index], 'translated'));
  });
}

test('a host that does not ask has neither section; the attribute and mount() add and remove them', async () => {
  const { context, page, log } = await openPage(shared.browser, { locale: 'en-GB' });
  await page.goto(`${shared.server.url}examples/portal.html`);
  const widget = page.locator('scim-token-widget');
  await widget.getByLabel('API key', { exact: true }).waitFor();
  const shown = () => page.getByRole('button', { name: /^\W*(Before you start|After you save)$/ }).count();
  assert.equal(await shown(), 0, 'the portal did not ask');

  await widget.evaluate((element) => element.setAttribute('setup-guide', ''));
  await page.getByRole('button', { name: 'Before you start' }).waitFor();
  assert.deepEqual(await openGuide(page, 'en').then((sections) => sections.map((s) => s.length)), POINTS);
  await widget.evaluate((element) => element.setAttribute('setup-guide', 'false'));
  await page.getByRole('button', { name: 'After you save' }).waitFor({ state: 'detached' });
  assert.equal(await shown(), 0, 'setup-guide="false" takes them away');

  const viaMount = await page.evaluate(async () => {
    const { mount } = await import('/embed/scim-token-widget.js');
    const count = async (options) => {
      const element = document.createElement('div');
      document.body.append(element);
      const handle = await mount(element, options);
      const root = element.shadowRoot;
      while (!root.querySelector('input')) await new Promise(requestAnimationFrame);
      const found = [...root.querySelectorAll('button.disclosure')].map((b) => b.textContent);
      handle.unmount();
      element.remove();
      return found.filter((name) => name === 'Before you start' || name === 'After you save').length;
    };
    return [await count({ lang: 'en' }), await count({ lang: 'en', setupGuide: true })];
  });
  assert.deepEqual(viaMount, [0, 2], 'mount(): off by default, on with setupGuide');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the mapping helper's last step leads to point 3 of «After you save», inside the shadow root", async () => {
  const { context, page, log } = await openPage(shared.browser, { locale: 'en-GB' });
  await page.goto(shared.server.url);
  await page.getByRole('button', { name: 'Map organisation levels' }).click();
  await replaceKeys(page.getByLabel('Sample values, one per line'), 'Contoso > Sales > EMEA');
  await page.getByLabel('Division', { exact: true }).selectOption('2');
  const link = page.getByRole('link', { name: 'See point 3 of «After you save».' });
  await link.waitFor();
  const after = page.getByRole('button', { name: 'After you save' });
  assert.equal(await after.getAttribute('aria-expanded'), 'false');
  await link.click();
  await page.waitForFunction(() => {
    const active = document.querySelector('scim-token-widget').shadowRoot.activeElement;
    return active?.textContent.includes('«Restart provisioning»') && active.tagName === 'LI';
  });
  assert.equal(await after.getAttribute('aria-expanded'), 'true');
  assert.equal(new URL(page.url()).hash, '', 'the page does not navigate');
  assert.ok(await page.locator('li:focus').isVisible(), 'scrolled into view');
  assert.deepEqual(log.errors, []);
  await context.close();
});
