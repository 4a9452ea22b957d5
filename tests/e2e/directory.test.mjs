// «Check the whole directory» on the built page, with the directory worker: a generated users
// export of 100,000 users (quoted fields with commas and line breaks, a byte-order mark; and
// the `;` variant a Norwegian Excel writes) chosen through the file chooser as an admin does;
// the counts shown must equal the generator's. «Stop» stops; a malformed file gets its
// message; after «Clear» no user principal name from the file is left in the page's JS heap or
// its wasm memory, and the worker is ended; so it is when a host unmounts the widget holding a
// file (mount()'s unmount() mid-check, a removed element). The page's longest main-thread task
// while a file is processed, and the users per second, are printed: measures, not timed
// assertions.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, readFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useServerAndBrowser, openPage, eventually, replaceKeys, CAPTURE_WASM_MEMORY, ROOT } from './harness.mjs';
import { chooseFile, shownRows, usersOf } from './directory-steps.mjs';
import { generate as generateExport, DEPARTMENTS, levelsOf } from './users-export.mjs';

const shared = useServerAndBrowser();
const dir = mkdtempSync(join(tmpdir(), 'scim-directory-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WCAG = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] };

/** axe's violations over the page, shadow roots included (as tests/e2e/a11y.test.mjs runs it). */
async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async (runOnly) => {
    const result = await window.axe.run(document, { runOnly });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, WCAG);
}

const USERS = 100_000;

/** Writes a generated export of USERS users as `name` in the temporary folder. */
function generate(delimiter, name) {
  const path = join(dir, name);
  return { path, counts: generateExport(path, { users: USERS, delimiter }) };
}

/** Opens the page and «Map organisation levels», with its levels chosen (`chooseLevels`). */
async function openSection(options = {}) {
  const { context, page, log } = await openPage(shared.browser, options);
  await context.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await context.addInitScript(CAPTURE_WASM_MEMORY);
  await page.goto(shared.server.url);
  await chooseLevels(page);
  return { context, page, log };
}

/** Opens «Map organisation levels» of the page's widget, with the 1st, 2nd and last levels chosen. */
async function chooseLevels(page) {
  await page.getByRole('button', { name: 'Map organisation levels' }).click();
  await replaceKeys(page.getByLabel('Sample values, one per line', { exact: true }), 'Contoso > Sales > EMEA');
  await page.getByLabel('Organization', { exact: true }).selectOption('1');
  await page.getByLabel('Division', { exact: true }).selectOption('2');
  await page.getByLabel('Department', { exact: true }).selectOption('last');
}

/**
 * The page's workers as Playwright knows them, after a round trip to the page (which lets it
 * take a worker's closing). The helpers' worker runs for the section's samples.
 */
const workerCount = async (page) => {
  await page.evaluate(() => null);
  return page.workers().length;
};

async function checkAndCompare(page, path, counts) {
  await chooseFile(page, path);
  await page.getByLabel('Column with the source attribute', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Column with the source attribute', { exact: true }).inputValue(), '2');
  await page.evaluate(() => { window.__longest = 0; });
  const started = Date.now();
  await page.getByRole('button', { name: 'Check every user', exact: true }).click();
  await page.getByText(`${USERS.toLocaleString('en-US')} users checked.`).waitFor({ timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const longest = await page.evaluate(() => window.__longest);
  for (const [index, target] of ['Organization', 'Division', 'Department'].entries()) {
    const rows = await shownRows(page, target);
    const expected = new Map(counts[index]);
    const empty = expected.get('') ?? 0;
    expected.delete('');
    // Counts are written as the status line writes them: thousands grouped (`7,142`).
    for (const [, n] of rows) assert.equal(n, Number(n.replaceAll(',', '')).toLocaleString('en-US'), `${target}: ${n} grouped`);
    const values = rows.filter(([label]) => label !== 'Empty level');
    assert.deepEqual(
      new Map(values.map(([value, users]) => [value, usersOf(users)])),
      expected,
      `${target}: the counts shown equal the generator's`,
    );
    const users = values.map(([, n]) => usersOf(n));
    assert.deepEqual(users, [...users].sort((a, b) => b - a), `${target}: largest first`);
    assert.deepEqual(rows.filter(([label]) => label === 'Empty level').map(([, n]) => usersOf(n)), empty ? [empty] : []);
  }
  return { seconds, longest };
}

test('a generated export of 100,000 users gives the true counts, with «,» and with «;»', async () => {
  const { context, page, log } = await openSection();
  for (const [delimiter, name] of [[',', 'users.csv'], [';', 'users-excel-nb.csv']]) {
    const { path, counts } = generate(delimiter, name);
    const { seconds, longest } = await checkAndCompare(page, path, counts);
    console.log(
      `directory check, ${USERS.toLocaleString('en-US')} users («${delimiter}»): survey and check ${seconds.toFixed(2)} s, `
        + `${Math.round(USERS / seconds).toLocaleString('en-US')} users/s; longest main-thread task `
        + `${longest ? `${Math.round(longest)} ms` : 'none over 50 ms (the «longtask» threshold)'}`,
    );
  }
  // «Download results»: the results file, made in the browser, offered and saved at once.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Download results', exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'directory-check.csv');
  assert.match(download.url(), /^blob:/);
  const results = readFileSync(await download.path(), 'utf8');
  const rows = results.split('\r\n');
  assert.equal(rows[0], '\uFEFFuserPrincipalName;department;organization;division;department');
  assert.equal(rows.length, USERS + 2, 'the header, every user, and the last line break');
  assert.equal(rows[2], `user1@contoso.example;${DEPARTMENTS[7]};${levelsOf(DEPARTMENTS[7]).join(';')}`);
  // A group's users, and the problems found.
  await page.getByRole('button', { name: 'Spaces at the start or the end', exact: true }).click();
  await page.getByRole('heading', { name: 'Users: Spaces at the start or the end' }).waitFor();
  assert.deepEqual(await axe(page), [], 'axe finds no violation in the result');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('«Stop» stops a running check and ends its worker', async () => {
  const { context, page } = await openSection();
  const helpers = await workerCount(page);
  const { path } = generate(',', 'stop.csv');
  await chooseFile(page, path);
  await page.getByLabel('Column with the source attribute', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Check every user', exact: true }).click();
  const bar = page.getByRole('progressbar');
  await bar.waitFor();
  assert.equal(await bar.getAttribute('aria-valuemin'), '0');
  assert.ok(Number(await bar.getAttribute('aria-valuemax')) > 1_000_000, 'bytes of the file');
  assert.equal(await workerCount(page), helpers + 1, 'the directory worker runs');
  // How soon «Stop» answers, measured in the page: from the click to the status saying so.
  await page.evaluate(() => {
    const root = document.querySelector('scim-token-widget').shadowRoot;
    window.__stop = {};
    document.addEventListener('click', () => { window.__stop.clicked ??= performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (root.textContent.includes('Stopped.')) window.__stop.said ??= performance.now();
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.getByText('Stopped. Nothing of the file was kept.').waitFor();
  assert.equal(await bar.count(), 0);
  await eventually(() => workerCount(page), helpers, 'the directory worker is ended');
  assert.equal(await page.getByText('users checked.').count(), 0);
  const { clicked, said } = await page.evaluate(() => window.__stop);
  console.log(`«Stop»: the status said so ${(said - clicked).toFixed(1)} ms after the click (the issue asks for 100 ms)`);
  await context.close();
});

test('a malformed file or one too large gets its message', async () => {
  const { context, page } = await openSection();
  const unclosed = join(dir, 'unclosed.csv');
  writeFileSync(unclosed, 'userPrincipalName,department\nada@contoso.example,"Sales\nbo@contoso.example,HR\n');
  await chooseFile(page, unclosed);
  const check = page.getByRole('button', { name: 'Check every user', exact: true });
  const alert = page.locator('.directory-trouble');
  await Promise.race([check.waitFor(), alert.waitFor()]);
  if (await check.count()) await check.click();
  await page.getByText('opened in row 2').waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');

  const binary = join(dir, 'binary.csv');
  writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x0a]));
  await chooseFile(page, binary);
  await page.getByText('This is not a text file').waitFor();

  // 300 MB (a sparse file): refused before a byte is read, naming its size and the limit.
  const huge = join(dir, 'huge.csv');
  writeFileSync(huge, 'userPrincipalName,department\n');
  truncateSync(huge, 300 * 1024 * 1024);
  await chooseFile(page, huge);
  await page.getByText('The file is 300 MB; this check reads files of up to 200 MB.').waitFor();
  await context.close();
});

test('after «Clear» no user principal name from the file is in the page’s memory', async () => {
  const { context, page } = await openSection();
  const helpers = await workerCount(page);
  const { path } = generate(',', 'privacy.csv');
  await chooseFile(page, path);
  await page.getByLabel('Column with the source attribute', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Check every user', exact: true }).click();
  await page.getByText('users checked.').waitFor({ timeout: 60_000 });
  // Some users shown on the page: their names must go with «Clear».
  await page.getByRole('button', { name: 'HR', exact: true }).click();
  await page.getByRole('heading', { name: 'Users: HR' }).waitFor();
  const shownName = await page.locator('.directory-users td').nth(1).textContent();
  assert.match(shownName, /^user\d+@contoso\.example$/);

  // The needle is built here and never sent to the page: only the file, the worker and what
  // the page was given held it.
  const needle = '@contoso.example';
  // Searched as bytes, so that the search sends no such string to the page.
  const inWasm = () => page.evaluate((codes) => {
    const bytes = new Uint8Array(window.__wasmMemory.buffer);
    outer: for (let i = bytes.indexOf(codes[0]); i !== -1; i = bytes.indexOf(codes[0], i + 1)) {
      for (let j = 1; j < codes.length; j += 1) if (bytes[i + j] !== codes[j]) continue outer;
      return true;
    }
    return false;
  }, [...Buffer.from(needle)]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const heap = async () => {
    const chunks = [];
    const take = ({ chunk }) => chunks.push(chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
    return chunks.join('');
  };
  // The scans can see: a copy of the shown names kept in JavaScript is found in the heap, and
  // the names the worker sent are in the widget's wasm memory while shown.
  await page.evaluate(() => { window.__probe = [...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [...e.shadowRoot.querySelectorAll('.directory-users td')] : [])).map((td) => td.textContent); });
  assert.ok((await heap()).includes(needle), 'the heap scan finds names JavaScript holds');
  await page.evaluate(() => { delete window.__probe; });
  assert.equal(await inWasm(), true, 'the wasm scan finds the names shown');

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await eventually(() => page.getByText('users checked.').count(), 0);
  await eventually(() => workerCount(page), helpers, 'the directory workers are ended');
  const snapshot = await heap();
  assert.ok(snapshot.length > 100_000, 'a snapshot was taken');
  assert.ok(!snapshot.includes(needle), 'a user principal name from the file is in the JS heap');
  assert.equal(await inWasm(), false, 'a user principal name from the file is in the wasm memory');
  await context.close();
});

/**
 * A host page (tests/e2e/hosts/empty.html) with one widget in it, made by `how`: the JS
 * `mount()` (its handle kept as `window.handle`) or a `<scim-token-widget>` element.
 */
async function hostWith(how) {
  const { context, page, log } = await openPage(shared.browser, { locale: 'en-GB' });
  await page.goto(`${shared.server.url}hosts/empty.html`);
  await page.evaluate(async (how) => {
    if (how === 'element') {
      document.body.append(document.createElement('scim-token-widget'));
      return;
    }
    const { mount } = await import('/embed/scim-token-widget.js');
    const element = document.body.appendChild(document.createElement('div'));
    element.id = 'portal';
    window.handle = await mount(element);
  }, how);
  await chooseLevels(page);
  return { context, page, log };
}

/** The workers of `workers` the page still has, after a round trip (as `workerCount`). */
const alive = async (page, workers) => {
  await page.evaluate(() => null);
  return workers.filter((worker) => page.workers().includes(worker)).length;
};

test('unmount() while a check runs ends the directory worker', async () => {
  const { context, page, log } = await hostWith('mount');
  const before = page.workers();
  const { path } = generate(',', 'unmount.csv');
  await chooseFile(page, path);
  await page.getByLabel('Column with the source attribute', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Check every user', exact: true }).click();
  await page.getByRole('progressbar').waitFor();
  const directory = page.workers().filter((worker) => !before.includes(worker));
  assert.equal(directory.length, 1, 'the directory worker runs');
  // In one task: the progress bar is read, then the widget unmounted, so the check ran then.
  const running = await page.evaluate(() => {
    const shown = document.querySelector('#portal').shadowRoot.querySelector('progress') !== null;
    window.handle.unmount();
    return shown;
  });
  assert.equal(running, true, 'the check ran when unmount() was called');
  assert.equal(await page.locator('#portal').getByRole('progressbar').count(), 0, 'the widget is gone');
  await eventually(() => alive(page, directory), 0, 'the directory worker is ended');
  await eventually(() => workerCount(page), 0, 'no worker of the widget is left');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a <scim-token-widget> removed while it holds a file ends the directory worker', async () => {
  const { context, page, log } = await hostWith('element');
  const before = page.workers();
  const { path } = generate(',', 'removed.csv');
  await chooseFile(page, path);
  // The Columns pass has run in the worker, which stays for the check: a file is held.
  await page.getByLabel('Column with the source attribute', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Check every user', exact: true }).waitFor();
  const directory = page.workers().filter((worker) => !before.includes(worker));
  assert.equal(directory.length, 1, 'the directory worker is alive after the Columns pass');
  assert.equal(await page.getByRole('progressbar').count(), 0, 'no check runs');
  await page.evaluate(() => {
    window.removed = document.querySelector('scim-token-widget');
    window.removed.remove();
  });
  await eventually(() => page.evaluate(() => window.removed.shadowRoot.querySelectorAll('input').length), 0, 'unmounted');
  await eventually(() => alive(page, directory), 0, 'the directory worker is ended');
  await eventually(() => workerCount(page), 0, 'no worker of the widget is left');
  assert.deepEqual(log.errors, []);
  await context.close();
});
