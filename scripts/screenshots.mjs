// Takes the README's screenshots from the real built page: English and Norwegian, light and
// dark, with a key and a secret typed and «Before you start» open. Usage: node scripts/screenshots.mjs  (after `trunk build --release`).
import { join } from 'node:path';
import { serve, launch, ROOT } from '../tests/e2e/harness.mjs';

const server = await serve();
const browser = await launch();
try {
  for (const lang of ['en', 'nb']) {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({
        colorScheme,
        locale: lang === 'nb' ? 'nb-NO' : 'en-GB',
        viewport: { width: 820, height: 900 },
        deviceScaleFactor: 1,
      });
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
} finally {
  await browser.close();
  server.close();
}
