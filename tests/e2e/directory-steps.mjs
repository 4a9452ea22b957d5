// «Check the whole directory» as an admin takes it in a Playwright page (the file chooser, the
// button), and what the page then shows: shared by directory.test.mjs, single-file.test.mjs,
// bundlers.test.mjs and bench/directory.mjs. English labels.

/** Chooses `path` through the file chooser, as an admin does. */
export async function chooseFile(page, path) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel('Users export (CSV file)', { exact: true }).click(),
  ]);
  await chooser.setFiles(path);
}

/** Chooses `path`, presses «Check every user» and waits for «N users checked.». */
export async function checkFile(page, path, users, timeout = 30_000) {
  await chooseFile(page, path);
  await page.getByRole('button', { name: 'Check every user', exact: true }).click();
  await page.getByText(`${users.toLocaleString('en-US')} users checked.`).waitFor({ timeout });
}

/** The value → users table under the target's heading, as the texts of its rows. */
export const shownRows = (page, target) =>
  page
    .locator('.directory-target', { has: page.getByRole('heading', { name: target, exact: true }) })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)));

/** A count as the English page writes it (`7,142`), as a number. */
export const usersOf = (text) => Number(text.replaceAll(',', ''));

/** The same table as a Map of users per value, «Empty level» as '' (users-export.mjs's counts). */
export const shownCounts = async (page, target) =>
  new Map((await shownRows(page, target)).map(([value, users]) => [value === 'Empty level' ? '' : value, usersOf(users)]));
