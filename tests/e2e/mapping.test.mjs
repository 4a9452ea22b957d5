// «Map organisation levels» and «Try an expression» on the built page: their answers come from
// the helpers' worker, started (and its wasm fetched) only when one of them is first opened. It
// works inside the widget's shadow root, under the page's policy; whatever is typed, the page
// stays responsive, the section says what happened, and the next ordinary input works again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser,
  openPage,
  shellToken,
  eventually,
  recordCspViolations,
  cspViolations,
  assertRequestsWithinDist,
  replaceKeys,
  pasteKeys,
  CLIPBOARD,
} from './harness.mjs';

const shared = useServerAndBrowser();

const WORKER_WASM = 'embed/scim-token-worker_bg.wasm';

/** The expression for the 2nd level of `department` split at `>` (README). */
const DIVISION_EXPRESSION =
  'Replace([department], , "^(?:[^>]*>\\\\s*|[\\\\s\\\\S]*)(?<level>[^>]*?)\\\\s*(?:>[\\\\s\\\\S]*)?$", , "${level}", , )';

const workerRequests = (log) => log.requests.filter((url) => url.endsWith(WORKER_WASM));

/**
 * The page's workers as Playwright knows them, after a round trip to the page: the trip lets
 * Playwright take the browser's events (a worker closing) that eventually() polls for.
 */
const workerCount = async (page) => {
  await page.evaluate(() => null);
  return page.workers().length;
};

test('the worker is started on first open only, and the helpers then work', async () => {
  const { context, page, log } = await openPage(shared.browser, CLIPBOARD);
  await recordCspViolations(context);
  await page.goto(shared.server.url);
  const key = page.getByLabel('API key', { exact: true });
  const secret = page.getByLabel('API secret', { exact: true });
  await replaceKeys(key, 'abc');
  await replaceKeys(secret, '123');
  const token = page.getByLabel('Secret token', { exact: true });
  await eventually(() => token.inputValue(), shellToken('abc', '123'));
  // The widget is in use, and «Check a token» opens, without the worker.
  await page.getByRole('button', { name: 'Check a token' }).click();
  await page.getByLabel('Token to check', { exact: true }).waitFor();
  assert.deepEqual(workerRequests(log), [], 'no request for the worker before a helper is opened');
  assert.equal(page.workers().length, 0, 'no worker before a helper is opened');

  const toggle = page.getByRole('button', { name: 'Map organisation levels' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const samples = page.getByLabel('Sample values, one per line', { exact: true });
  await replaceKeys(samples, 'Contoso > Sales > EMEA\nContoso > HR\nContoso');
  await page.getByLabel('Division', { exact: true }).selectOption('2');
  const division = page.locator('.mapping-target').filter({ has: page.getByRole('heading', { name: 'Division' }) });
  await eventually(() => division.getByLabel('Expression', { exact: true }).inputValue(), DIVISION_EXPRESSION);
  assert.equal(workerRequests(log).length, 1, 'opening fetched the worker wasm once');
  assert.equal(page.workers().length, 1, 'one worker answers the section');
  const preview = page.locator('table.preview');
  await eventually(() => preview.locator('tbody tr td').allTextContents(), ['Sales', 'HR', '(empty)']);
  // The body the heading controls is the helper's.
  const body = await toggle.getAttribute('aria-controls');
  assert.equal(await page.locator(`#${body}`).getByLabel('Sample values, one per line').count(), 1);

  // Typing in the helper is the helper's alone: the widget's fields and token stay as they were.
  await replaceKeys(samples, 'Contoso | IT');
  await page.getByRole('button', { name: 'Copy expression Division' }).waitFor();
  assert.equal(await key.inputValue(), 'abc');
  assert.equal(await secret.inputValue(), '123');
  assert.equal(await token.inputValue(), shellToken('abc', '123'));

  // The second helper has its own worker, from the wasm already fetched and compiled.
  await page.getByRole('button', { name: 'Try an expression' }).click();
  await replaceKeys(page.getByLabel('Expression', { exact: true }).last(), 'Left("John Doe", 3)');
  await eventually(() => page.locator('.playground output').textContent(), 'Joh');
  assert.equal(workerRequests(log).length, 1, 'one fetch of the worker wasm in all');
  // Now() is the worker's own clock (its `Date.now()` import), printed as the reference prints
  // dates: the year the page's clock says, and the note that the value is an example.
  await replaceKeys(page.getByLabel('Expression', { exact: true }).last(), 'Now()');
  const year = new Date().getUTCFullYear();
  await eventually(
    async () => new RegExp(`^\\d{1,2}/\\d{1,2}/${year} \\d{1,2}:\\d\\d:\\d\\d [AP]M$`)
      .test(await page.locator('.playground output').textContent()),
    true,
  );
  assert.match(await page.locator('.playground .result .hint').textContent(), /^An example: /);

  // The language switch reaches the helpers, and what was typed stays.
  await page.getByRole('button', { name: 'Norsk' }).click();
  const norwegian = page.getByLabel('Eksempelverdier, én per linje', { exact: true });
  await eventually(() => norwegian.inputValue(), 'Contoso | IT');
  assert.equal(await page.getByRole('button', { name: 'Prøv et uttrykk' }).getAttribute('aria-expanded'), 'true');

  // Closing keeps what was typed; opening shows it again.
  const norskToggle = page.getByRole('button', { name: 'Tilordne organisasjonsnivåer' });
  await norskToggle.click();
  assert.equal(await norwegian.count(), 0);
  await norskToggle.click();
  await eventually(() => norwegian.inputValue(), 'Contoso | IT');

  // Before cspViolations(), whose deliberate violation is logged as an error.
  const consoleErrors = log.console.filter((m) => m.type === 'error');
  const violations = await cspViolations(page);
  await context.close();
  assert.deepEqual(violations, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.errors, []);
  assertRequestsWithinDist(log.requests, shared.server.url);
});

test('a widget removed while its helper is open takes its worker with it', async () => {
  const { context, page, log } = await openPage(shared.browser, CLIPBOARD);
  await page.goto(shared.server.url);
  await page.getByRole('button', { name: 'Try an expression' }).click();
  await replaceKeys(page.getByLabel('Expression', { exact: true }), 'Left("John Doe", 3)');
  await eventually(() => page.locator('.playground output').textContent(), 'Joh');
  assert.equal(page.workers().length, 1);
  await page.evaluate(() => document.querySelector('scim-token-widget').remove());
  await eventually(() => workerCount(page), 0, 'the worker is terminated with its widget');
  // A widget added again offers the helper afresh.
  await page.evaluate(() => document.querySelector('main').append(document.createElement('scim-token-widget')));
  await page.getByRole('button', { name: 'Try an expression' }).click();
  await replaceKeys(page.getByLabel('Expression', { exact: true }), 'Left("Ada", 1)');
  await eventually(() => page.locator('.playground output').textContent(), 'A');
  await context.close();
  assert.equal(workerRequests(log).length, 1);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
});

/** Starts recording the page's long tasks (over 50 ms), from now on. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    globalThis.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  // How fast the page answers the same probe before the input, on this machine now (a machine
  // busy with other builds is slower at everything): assertResponsive() allows twice that.
  const { slowest } = await page.evaluate(PROBE, { samples: 10 });
  await page.evaluate((slowest) => {
    globalThis.__idleSlowest = slowest;
    globalThis.__longTasks = [];
  }, slowest);
}

/**
 * In the page: how long a task queued there waits before it runs (the slowest of the samples),
 * sampled every 50 ms, `samples` times or, without it, until `globalThis.__probeDone` is set;
 * and the longest task since watchLongTasks() (0: none over 50 ms). The page's thread must
 * stay free.
 */
const PROBE = async ({ samples = Infinity } = {}) => {
  globalThis.__probeDone = false;
  let slowest = 0;
  for (let taken = 0; taken < samples && !globalThis.__probeDone; taken += 1) {
    const asked = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the measure: how long a queued task waits
    slowest = Math.max(slowest, performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the probe's period, not a wait for a state
  }
  return { slowest, longestTask: Math.max(0, ...globalThis.__longTasks) };
};

/**
 * Asserts that the page answers within 100 ms while the work goes on, from the input until
 * `outcome()` (the section's answer, awaited in Node) has come (or, on a machine so busy that
 * the idle page was slower than 50 ms, within twice its idle time: work on the page's own
 * thread would take seconds), and reports the longest main-thread task from the input on (issue
 * 13 asks for none over 50 ms; a measure, printed, not asserted: docs/helpers.md «The main
 * thread» has the figures).
 */
async function assertResponsive(t, page, outcome) {
  const probe = page.evaluate(PROBE);
  try {
    await outcome();
  } finally {
    await page.evaluate(() => { globalThis.__probeDone = true; });
  }
  const { slowest, longestTask } = await probe;
  const idle = await page.evaluate(() => globalThis.__idleSlowest);
  const allowed = Math.max(100, 2 * idle);
  assert.ok(slowest < allowed, `the page answered within ${slowest.toFixed(1)} ms (idle: ${idle.toFixed(1)} ms)`);
  t.diagnostic(`page's answer: ${slowest.toFixed(1)} ms (idle ${idle.toFixed(1)} ms); longest main-thread task from the input on: ${longestTask ? `${longestTask} ms` : 'none over 50 ms'}`);
}

/**
 * Makes the next question sent to a worker `held` (never delivered, so never answered) or
 * `spoiled` (bytes that are no question, which the worker refuses: it answers with nothing).
 */
async function interceptNextQuestion(page, how) {
  await page.evaluate((how) => {
    const post = Worker.prototype.postMessage;
    let done = false;
    Worker.prototype.postMessage = function intercept(message, ...rest) {
      if (message instanceof Uint8Array && !done) {
        done = true;
        if (how === 'held') return undefined;
        return post.call(this, new Uint8Array([0xff, 0xff, 0xff]), ...rest);
      }
      return post.call(this, message, ...rest);
    };
  }, how);
}

/** Opens «Try an expression» and gives the attribute `v` the value `value`. */
async function tryWithValue(page, value) {
  await page.getByRole('button', { name: 'Try an expression' }).click();
  const expression = page.getByLabel('Expression', { exact: true });
  await replaceKeys(expression, 'Join("", [v])');
  const box = page.locator('.playground textarea').nth(1);
  await box.waitFor();
  await pasteKeys(box, value, { over: true });
  return expression;
}

const nestedReplace = (depth) => {
  let text = '[v]';
  for (let i = 0; i < depth; i += 1) text = `Replace(${text}, "a", , , "aaaaaaaaaa", , )`;
  return text;
};

const backtracking = (calls) =>
  `Join("", ${Array(calls).fill('Replace([v], , "(a+)+$", , "x", , )').join(', ')})`;

// Each shape, the value it reads, and what the section must then say: the limit that stopped
// it, or (where the work is bounded and small) the right result.
const SHAPES = [
  ['Replace nested 9 deep, each level ten times longer', 'a', nestedReplace(9), /longer than 1\sMiB/],
  ['5,000 Replace calls with a backtracking pattern', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!', backtracking(5_000), /at most 20,000/],
  ['400 Replace calls with a backtracking pattern', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!', backtracking(400), /regular expressions need more than/],
  ['Coalesce with 2,000 arguments', 'x', `Coalesce(${Array(2_000).fill('[v]').join(', ')})`, 'x'],
  [
    'Switch with 2,000 arguments',
    'x',
    `Switch([v], "none", ${Array.from({ length: 998 }, (_, i) => `"k${i}", "v${i}"`).join(', ')}, "x", "found")`,
    'found',
  ],
  [
    'a 1 MB value joined 2,000 times',
    'a'.repeat(1 << 20),
    `Join("", ${Array(2_000).fill('[v]').join(', ')})`,
    /add up to more than 4\sMiB|longer than 1\sMiB/,
  ],
];

for (const [name, value, heavy, expected] of SHAPES) {
  test(`«Try an expression», ${name}: the page stays responsive, the section says what happened, and recovers`, async (t) => {
    const { context, page, log } = await openPage(shared.browser, CLIPBOARD);
    await page.goto(shared.server.url);
    const expression = await tryWithValue(page, value);
    const output = page.locator('.playground output');
    await watchLongTasks(page);
    await pasteKeys(expression, heavy, { over: true });
    await assertResponsive(t, page, () => (typeof expected === 'string'
      ? eventually(() => output.textContent(), expected)
      : page.locator('.playground .helper-body').getByText(expected).first().waitFor()));
    // The next ordinary input is answered again, by a fresh worker if the last was stopped.
    await replaceKeys(expression, 'Left("John Doe", 3)');
    await eventually(() => output.textContent(), 'Joh');
    // The token widget was never affected.
    await replaceKeys(page.getByLabel('API key', { exact: true }), 'abc');
    await replaceKeys(page.getByLabel('API secret', { exact: true }), '123');
    await eventually(() => page.getByLabel('Secret token', { exact: true }).inputValue(), shellToken('abc', '123'));
    await context.close();
    assert.deepEqual(log.errors, []);
  });
}

test('«Try an expression»: a worker that does not answer within 1 second is stopped, and a fresh one answers next', async (t) => {
  const { context, page, log } = await openPage(shared.browser, CLIPBOARD);
  await page.goto(shared.server.url);
  const expression = await tryWithValue(page, 'x');
  // The worker never gets the next question, so never answers: a stand-in for a runaway
  // computation, which the budget no longer lets any expression become.
  await interceptNextQuestion(page, 'held');
  await watchLongTasks(page);
  // Pasted: one input, so the intercepted question is the whole expression's.
  await pasteKeys(expression, 'Left("Ada", 1)', { over: true });
  await assertResponsive(t, page, () => page.locator('.playground .stopped').getByText('longer than 1 second').waitFor());
  assert.equal(page.workers().length, 0, 'the stopped worker was terminated');
  await replaceKeys(expression, 'Left("John Doe", 3)');
  await eventually(() => page.locator('.playground output').textContent(), 'Joh');
  assert.equal(page.workers().length, 1, 'a fresh worker answered');
  await context.close();
  assert.deepEqual(log.errors, []);
});

test('«Try an expression»: a worker that fails is stopped, the section says so, and a fresh one answers next', async () => {
  const { context, page, log } = await openPage(shared.browser, CLIPBOARD);
  await page.goto(shared.server.url);
  const expression = await tryWithValue(page, 'x');
  // The next question arrives as bytes that are no question: the worker refuses it and answers
  // with nothing, which the page refuses as no answer, stopping the worker as it does a failed
  // one (its error event, a trap), and saying the two could not read each other's message.
  await interceptNextQuestion(page, 'spoiled');
  // Pasted: one input, so the intercepted question is the whole expression's.
  await pasteKeys(expression, 'Left("Ada", 1)', { over: true });
  await page.locator('.playground .stopped').getByText('could not be worked out').waitFor();
  await page.locator('.playground .stopped').getByText("could not read each other's message").waitFor();
  await eventually(() => workerCount(page), 0, 'the failed worker was terminated');
  await replaceKeys(expression, 'Left("John Doe", 3)');
  await eventually(() => page.locator('.playground output').textContent(), 'Joh');
  await context.close();
  assert.deepEqual(log.errors, []);
});

const SAMPLE_SHAPES = [
  ['one 1 MB sample line', 'A>'.repeat(500_000)],
  ['50 samples of 20,000 levels', Array(50).fill('A>'.repeat(20_000)).join('\n')],
];

for (const [name, text] of SAMPLE_SHAPES) {
  test(`«Map organisation levels», ${name}: the page stays responsive, the section says so, and recovers`, async (t) => {
    const { context, page, log } = await openPage(shared.browser, CLIPBOARD);
    await page.goto(shared.server.url);
    await page.getByRole('button', { name: 'Map organisation levels' }).click();
    const samples = page.getByLabel('Sample values, one per line', { exact: true });
    await page.getByLabel('Division', { exact: true }).selectOption('last');
    await watchLongTasks(page);
    await pasteKeys(samples, text, { over: true });
    await assertResponsive(t, page, () => page.locator('.mapping .hint', { hasText: 'characters' }).first().waitFor());
    await replaceKeys(samples, 'Contoso > Sales > EMEA');
    await eventually(() => page.locator('table.preview tbody tr td').allTextContents(), ['EMEA']);
    await context.close();
    assert.deepEqual(log.errors, []);
  });
}

test('«Map organisation levels», a 1 MB attribute name: the page stays responsive, the box says so, and recovers', async (t) => {
  const { context, page, log } = await openPage(shared.browser, CLIPBOARD);
  await page.goto(shared.server.url);
  await page.getByRole('button', { name: 'Map organisation levels' }).click();
  await replaceKeys(page.getByLabel('Sample values, one per line', { exact: true }), 'Contoso > Sales');
  await page.getByLabel('Division', { exact: true }).selectOption('2');
  await page.getByLabel('Source attribute', { exact: true }).selectOption('');
  const name = page.getByLabel('Attribute name', { exact: true });
  await watchLongTasks(page);
  await pasteKeys(name, 'x'.repeat(1 << 20), { over: true });
  await assertResponsive(t, page, () => page.locator('.mapping .box-full').waitFor());
  await replaceKeys(name, 'extensionAttribute7');
  await eventually(() => page.locator('table.preview tbody tr td').allTextContents(), ['Sales']);
  await context.close();
  assert.deepEqual(log.errors, []);
});

test('typing key by key into every text control of both helpers keeps the focus and every character', async () => {
  const { context, page } = await openPage(shared.browser, CLIPBOARD);
  await page.goto(shared.server.url);
  const focusedId = () =>
    page.evaluate(() => document.querySelector('scim-token-widget').shadowRoot.activeElement?.id ?? null);

  await page.getByRole('button', { name: 'Map organisation levels' }).click();
  const samples = page.getByLabel('Sample values, one per line', { exact: true });
  const sampleText = 'Contoso > Sales\nFabrikam > HR';
  await samples.pressSequentially(sampleText);
  assert.equal(await samples.inputValue(), sampleText);
  assert.equal(await focusedId(), await samples.getAttribute('id'));

  await page.getByLabel('Source attribute', { exact: true }).selectOption('');
  const other = page.getByLabel('Attribute name', { exact: true });
  await other.pressSequentially('extensionAttribute7');
  assert.equal(await other.inputValue(), 'extensionAttribute7');
  assert.equal(await focusedId(), await other.getAttribute('id'));

  await page.getByRole('button', { name: 'Try an expression' }).click();
  const expression = page.getByLabel('Expression', { exact: true }).last();
  const expressionText = 'Join(" ", [givenName], [surname])';
  await expression.pressSequentially(expressionText);
  assert.equal(await expression.inputValue(), expressionText);
  assert.equal(await focusedId(), await expression.getAttribute('id'));

  for (const [name, text] of [
    ['givenName', 'Ada'],
    ['surname', 'Lovelace'],
  ]) {
    const box = page.getByLabel(name, { exact: true });
    await box.pressSequentially(text);
    assert.equal(await box.inputValue(), text);
    assert.equal(await focusedId(), await box.getAttribute('id'));
  }
  await eventually(() => page.locator('.playground output').textContent(), 'Ada Lovelace');
  await context.close();
});
