// Takes the README's screenshots from the real built page: English and Norwegian, light and
// dark, with a key and a secret typed and «Before you start» open; and, in English and
// Norwegian (light), the result of «Check the whole directory» for a generated export of 2,000
// users (docs/screenshot-directory-{en,nb}.png). Usage: node scripts/screenshots.mjs  (after
// `trunk build --release`; SCIM_TOKEN_DIST=<dir> takes them from another build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, replaceKeys, ROOT } from '../tests/e2e/harness.mjs';
import { generate } from '../tests/e2e/users-export.mjs';

/** The users of the directory screenshots' export. */
const USERS = 2000;

/** `n` with its thousands grouped by `separator`, as the widget writes numbers. */
const grouped = (n, separator) => String(n).replace(/\B(?=(\d{3})+$)/g, separator);

/** What the directory screenshots click and wait for, per language (crates/core/src/i18n). */
const DIRECTORY = {
  en: {
    section: 'Map organisation levels',
    samples: 'Sample values, one per line',
    targets: ['Organization', 'Division', 'Department'],
    file: 'Users export (CSV file)',
    column: 'Column with the source attribute',
    check: 'Check every user',
    checked: `${grouped(USERS, ',')} users checked.`,
  },
  nb: {
    section: 'Tilordne organisasjonsnivåer',
    samples: 'Eksempelverdier, én per linje',
    targets: ['Organisasjon', 'Divisjon', 'Avdeling'],
    file: 'Brukereksport (CSV-fil)',
    column: 'Kolonne med kildeattributtet',
    check: 'Sjekk alle brukerne',
    checked: `${grouped(USERS, '\u00a0')} brukere sjekket.`,
  },
};

const newContext = (browser, lang, colorScheme) => browser.newContext({
  colorScheme,
  locale: lang === 'nb' ? 'nb-NO' : 'en-GB',
  viewport: { width: 820, height: 900 },
  deviceScaleFactor: 1,
});

const server = await serve();
const browser = await launch();
const dir = mkdtempSync(join(tmpdir(), 'scim-screenshots-'));
try {
  for (const lang of ['en', 'nb']) {
    for (const colorScheme of ['light', 'dark']) {
      const context = await newContext(browser, lang, colorScheme);
      const page = await context.newPage();
      await page.goto(server.url);
      const labels = lang === 'nb' ? ['API-nøkkel', 'API-hemmelighet'] : ['API key', 'API secret'];
      await page.getByLabel(labels[0], { exact: true }).fill('3f9c2a7e-demo-key');
      await page.getByLabel(labels[1], { exact: true }).fill('not-a-real-secret');
      // «Before you start» open, to show the guide around the steps.
      await page.getByRole('button', { name: lang === 'nb' ? 'Før du begynner' : 'Before you start' }).click();
      await page.locator('scim-token-widget .guide-points').waitFor();
      const file = join(ROOT, 'docs', `screenshot-${lang}-${colorScheme}.png`);
      await page.locator('scim-token-widget').screenshot({ path: file });
      console.log(`wrote ${file}`);
      await context.close();
    }
  }

  // The directory check: an export with an empty department (every 997th user) and a value
  // with a trailing space, so that «Empty level» and «Values that look wrong» show.
  const exported = join(dir, 'users.csv');
  generate(exported, { users: USERS, delimiter: ',' });
  for (const lang of ['en', 'nb']) {
    const text = DIRECTORY[lang];
    const context = await newContext(browser, lang, 'light');
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: text.section }).click();
    // A sample and the 1st, 2nd and last levels, as tests/e2e/directory.test.mjs chooses them.
    await replaceKeys(page.getByLabel(text.samples, { exact: true }), 'Contoso > Sales > EMEA');
    for (const [target, level] of text.targets.map((target, i) => [target, ['1', '2', 'last'][i]])) {
      await page.getByLabel(target, { exact: true }).selectOption(level);
    }
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByLabel(text.file, { exact: true }).click(),
    ]);
    await chooser.setFiles(exported);
    await page.getByLabel(text.column, { exact: true }).waitFor();
    await page.getByRole('button', { name: text.check, exact: true }).click();
    const status = page.getByText(text.checked, { exact: true });
    await status.waitFor({ timeout: 60_000 });
    // From the status line to the end of the result: the targets, the depths, the problems.
    const results = page.locator('scim-token-widget .directory-results');
    await results.waitFor();
    const [top, bottom, scroll] = [await status.boundingBox(), await results.boundingBox(),
      await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }))];
    const file = join(ROOT, 'docs', `screenshot-directory-${lang}.png`);
    await page.screenshot({
      path: file,
      fullPage: true,
      clip: {
        x: bottom.x + scroll.x,
        y: top.y + scroll.y,
        width: bottom.width,
        height: bottom.y + bottom.height - top.y,
      },
    });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
