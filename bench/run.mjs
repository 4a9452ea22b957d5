// The benchmark: the built site (dist/) against the plain-JS reference (bench/reference/), in
// headless Chromium on loopback, alternating the two. Run it through `bash scripts/bench.sh`,
// which builds the release site first; docs/performance.md defines every figure.
//
//   node bench/run.mjs [--runs 7] [--inputs 500] [--out bench/results] [--chromium-arg ARG]...
//
// --chromium-arg adds a Chromium switch for an experiment (e.g. --js-flags=...); the results
// record it.
//
// Prints a table and writes bench/results/latest.json and bench/results/latest.md. It asserts
// nothing: timings depend on the machine and on whatever else it is doing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { serve, launch, CHROMIUM_ARGS, ROOT, DIST } from '../tests/e2e/harness.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    inputs: { type: 'string', default: '500' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
    'chromium-arg': { type: 'string', multiple: true, default: [] },
  },
});
const RUNS = Number(args.runs);
const INPUTS = Number(args.inputs);
const OUT = args.out;
const PASTE_CHARS = 1 << 20;
// The throttled run (measures 1 and 2 again): a slow link, as Chrome DevTools' network
// emulation gives it; the server sends gzip, as a production server does.
const THROTTLE = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const SHORT_INPUTS = 200;

const PROBE = readFileSync(join(ROOT, 'bench', 'probe.js'), 'utf8');
const median = (xs) => {
  const sorted = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null;
};

// ---- bytes -------------------------------------------------------------------------------

/** Every file of `dir`, raw and gzip -9, from scripts/check_budgets.py: the same figures CI checks. */
function bytes(dir) {
  const figures = JSON.parse(
    execFileSync('python3', [join(ROOT, 'scripts', 'check_budgets.py'), '--json', '--dist', dir], { encoding: 'utf8' }),
  );
  const kind = (path) =>
    path.endsWith('.wasm') ? 'wasm' : /\.m?js$/.test(path) ? 'js' : path.endsWith('.css') ? 'css' : path.endsWith('.html') ? 'html' : 'other';
  const byKind = {};
  for (const [path, size] of Object.entries(figures.files)) {
    if (path === 'scim-token-widget.html') continue;
    const k = (byKind[kind(path)] ??= { raw: 0, gzip: 0 });
    k.raw += size.raw;
    k.gzip += size.gzip;
  }
  return { perFile: figures.files, byKind, widget: figures.widget, helperWorker: figures.helperWorker, singleFile: figures.singleFile };
}

// ---- the site the browser loads ------------------------------------------------------------

/** dist/ plus the reference in reference/, with the widget's own CSS beside it. */
function stage() {
  const site = join(OUT, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  cpSync(DIST, site, { recursive: true });
  cpSync(join(ROOT, 'bench', 'reference'), join(site, 'reference'), { recursive: true });
  cpSync(join(ROOT, 'static', 'widget.css'), join(site, 'reference', 'widget.css'));
  cpSync(join(ROOT, 'static', 'page.css'), join(site, 'reference', 'page.css'));
  return site;
}

// ---- one measured visit --------------------------------------------------------------------

async function visit(browser, url, mode, throttle = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', throttle);
  }
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.addInitScript({ content: `window.__benchMode = ${JSON.stringify(mode)};\n${PROBE}` });
  await page.goto(url);
  const done = mode === 'interactive' ? 'keyFieldAcceptsInput' : 'tokenShown';
  await page.waitForFunction((name) => window.__bench.error || name in window.__bench.events, done, {
    timeout: 60000,
    polling: 50,
  });
  const state = await page.evaluate(() => ({
    events: window.__bench.events,
    probes: window.__bench.probes,
    error: window.__bench.error,
    isolated: window.crossOriginIsolated,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  if (state.error) throw new Error(`${url} (${mode}): ${state.error}`);
  return { context, page, state, errors };
}

/**
 * (3a, 3) Times `count` inputs into the secret, one `input` event each, from the event until the
 * token field holds the token for the new value. `short`: values of 1 to 10 characters (a
 * character added, and after ten, back to one); otherwise the secret grows by a character each
 * time.
 */
function timeInputs(page, count, short) {
  return page.evaluate(async ({ count, short }) => {
    const bench = window.__bench;
    bench.stopObserving();
    const key = bench.field('API key');
    const secret = bench.field('API secret');
    const token = bench.field('Secret token');
    const utf8Base64 = (text) => {
      let binary = '';
      for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
      return btoa(binary);
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
    const times = [];
    let value = secret.value;
    for (let i = 0; i < count; i++) {
      value = short ? 'abcdefghij'.slice(0, (i % 10) + 1) : value + alphabet[i % alphabet.length];
      const expected = utf8Base64(`${key.value}:${value}`);
      secret.value = value;
      const start = performance.now();
      secret.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
      const end = await bench.until(() => token.value === expected);
      times.push(end - start);
    }
    return times;
  }, { count, short });
}

/**
 * (4) A 1 MB paste into the secret; then (6) Clear, and the size of wasm memory.
 *
 * A paste is the browser putting the text into the field, then an `input` event. The first part
 * is the browser's alone and the same for every page (Chromium takes ~300 ms to put 1 MB into a
 * password field here), so it runs in a task of its own and is reported apart; the page's part
 * is timed from the input event.
 */
function pasteAndClear(page) {
  return page.evaluate(async (chars) => {
    const bench = window.__bench;
    const root = bench.root();
    const secret = bench.field('API secret');
    const memory = () => bench.wasmMemory?.buffer.byteLength ?? null;
    const memoryBefore = memory();
    const big = 'a'.repeat(chars);
    big.indexOf('b'); // a flat string before the clock starts
    await bench.nextTask();
    const setStart = performance.now();
    secret.value = big;
    const setEnd = performance.now();
    await bench.nextTask();
    const start = performance.now();
    secret.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    const handled = performance.now();
    const error = await bench
      .until(() => root.querySelector('.finding.error') !== null || secret.getAttribute('aria-invalid') === 'true')
      .catch(() => null);
    const idle = await bench.idle();
    // Long-task entries are reported when their task ends, and delivered later: take them now.
    bench.flushLongTasks();
    const tasks = bench.longTasks;
    const after = tasks?.filter((task) => task.start + task.duration > start) ?? null;
    const memoryAfterPaste = memory();
    const secretLengthKept = secret.value.length;

    const clear = [...root.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Clear');
    if (clear) {
      clear.click();
    } else {
      // A build without a Clear button: empty both fields as a user would.
      bench.type(secret, '', 'deleteContentBackward');
      bench.type(bench.field('API key'), '', 'deleteContentBackward');
    }
    await bench.until(() => secret.value === '' && bench.field('API key').value === '');
    await bench.idle();
    return {
      browserSetValueMs: setEnd - setStart,
      handlerMs: handled - start,
      errorMs: error === null ? null : error - start,
      idleMs: idle - start,
      longestTaskMs: after === null ? null : Math.max(0, ...after.map((task) => task.duration)),
      longTasks: after?.length ?? null,
      browserSetValueTaskMs:
        tasks === null ? null : Math.max(0, ...tasks.filter((t) => t.start <= setStart && t.start + t.duration >= setEnd).map((t) => t.duration)),
      memoryBefore,
      memoryAfterPaste,
      memoryAfterClear: memory(),
      secretLengthKept,
    };
  }, PASTE_CHARS);
}

async function measure(browser, url) {
  const first = await visit(browser, url, 'interactive');
  await first.context.close();
  const slowFirst = await visit(browser, url, 'interactive', THROTTLE);
  await slowFirst.context.close();
  const slowSecond = await visit(browser, url, 'token', THROTTLE);
  await slowSecond.context.close();
  const second = await visit(browser, url, 'token');
  const shortInputs = await timeInputs(second.page, SHORT_INPUTS, true);
  const inputs = await timeInputs(second.page, INPUTS, false);
  const paste = await pasteAndClear(second.page);
  await second.context.close();
  return {
    keyFieldOnScreenMs: first.state.events.keyFieldOnScreen,
    keyFieldHoldsInputMs: first.state.events.keyFieldHoldsInput ?? null,
    keyFieldAcceptsInputMs: first.state.events.keyFieldAcceptsInput,
    throttled: {
      keyFieldOnScreenMs: slowFirst.state.events.keyFieldOnScreen,
      keyFieldHoldsInputMs: slowFirst.state.events.keyFieldHoldsInput ?? null,
      keyFieldAcceptsInputMs: slowFirst.state.events.keyFieldAcceptsInput,
      tokenShownMs: slowSecond.state.events.tokenShown,
    },
    perInputShortMedianMs: median(shortInputs),
    probes: first.state.probes,
    fcpMs: first.state.fcp,
    wasmInstantiatedMs: first.state.events.wasmInstantiated ?? null,
    tokenShownMs: second.state.events.tokenShown,
    tokenAfterTypingMs: second.state.events.tokenShown - second.state.events.tokenTypedAt,
    perInputMedianMs: median(inputs),
    perInputP90Ms: quantile(inputs, 0.9),
    perInputMaxMs: Math.max(...inputs),
    paste,
    crossOriginIsolated: first.state.isolated,
    pageErrors: [...first.errors, ...second.errors, ...slowFirst.errors, ...slowSecond.errors],
  };
}

// ---- report --------------------------------------------------------------------------------

function machine(browserVersion) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc: cpus().length,
    cpu: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    chromium: browserVersion,
    node: process.version,
    commit: `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '+changes' : ''}`,
    loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const kb = (n) => (n === null || n === undefined ? '–' : `${(n / 1000).toFixed(1)} kB`);
const ms = (n, digits = 1) => (n === null || n === undefined ? '–' : `${n.toFixed(digits)} ms`);
const ratio = (a, b) => (a === null || b === null || !b ? '–' : `${(a / b).toFixed(2)}×`);
// Long tasks are only reported above 50 ms: 0 means there was none.
const task = (n) => (n === 0 ? 'none > 50 ms' : ms(n));
const mib = (n) => (n === null || n === undefined ? '–' : `${(n / 1048576).toFixed(2)} MiB`);

function table(result) {
  const w = result.summary.widget;
  const r = result.summary.reference;
  const b = result.bytes.widget;
  const rb = result.bytes.reference;
  const row = (what, widget, reference, rat, target, met) =>
    `| ${what} | ${widget} | ${reference} | ${rat} | ${target} | ${met === null ? '–' : met ? 'yes' : '**no**'} |`;
  const t = result.targets;
  const lines = [
    `| measure (median of ${result.runs} runs) | widget | reference | ratio | target | met |`,
    '|---|---:|---:|---:|---|:-:|',
    row('1a. key field on screen (has a layout box)', ms(w.keyFieldOnScreenMs), ms(r.keyFieldOnScreenMs), ratio(w.keyFieldOnScreenMs, r.keyFieldOnScreenMs), '≤ 1.0× reference', t.onScreen),
    row('1b. key field accepts input (what is typed stays in it)', ms(w.keyFieldHoldsInputMs), ms(r.keyFieldHoldsInputMs), ratio(w.keyFieldHoldsInputMs, r.keyFieldHoldsInputMs), '≤ 1.0× reference', t.holdsInput),
    row('1. key field on screen and takes input (the page reacts)', ms(w.keyFieldAcceptsInputMs), ms(r.keyFieldAcceptsInputMs), ratio(w.keyFieldAcceptsInputMs, r.keyFieldAcceptsInputMs), '≤ 1.2× reference', t.interactive),
    row('2. token shown, typing at once', ms(w.tokenShownMs), ms(r.tokenShownMs), ratio(w.tokenShownMs, r.tokenShownMs), '≤ 1.5× reference', t.token),
    row(`3a. per input, short values (1 to 10 characters; median of ${SHORT_INPUTS})`, ms(w.perInputShortMedianMs, 3), ms(r.perInputShortMedianMs, 3), ratio(w.perInputShortMedianMs, r.perInputShortMedianMs), '≤ 0.25 ms', t.perInputShort),
    row(`3. per input, long values (the secret growing by a character each time; median of ${result.inputs})`, ms(w.perInputMedianMs, 3), ms(r.perInputMedianMs, 3), ratio(w.perInputMedianMs, r.perInputMedianMs), '≤ 0.25 ms', t.perInput),
    row('7. throttled (1.6 Mbit/s, 150 ms, gzip): key field on screen', ms(w.throttledOnScreenMs), ms(r.throttledOnScreenMs), ratio(w.throttledOnScreenMs, r.throttledOnScreenMs), '', null),
    row('7. throttled: key field accepts input', ms(w.throttledHoldsInputMs), ms(r.throttledHoldsInputMs), ratio(w.throttledHoldsInputMs, r.throttledHoldsInputMs), '', null),
    row('7. throttled: key field takes input (the page reacts)', ms(w.throttledAcceptsInputMs), ms(r.throttledAcceptsInputMs), ratio(w.throttledAcceptsInputMs, r.throttledAcceptsInputMs), '', null),
    row('7. throttled: token shown, typing at once', ms(w.throttledTokenShownMs), ms(r.throttledTokenShownMs), ratio(w.throttledTokenShownMs, r.throttledTokenShownMs), '', null),
    row('4. 1 MB paste: browser puts it in the field (not the page\'s; apart)', ms(w.pasteBrowserSetValueMs), ms(r.pasteBrowserSetValueMs), ratio(w.pasteBrowserSetValueMs, r.pasteBrowserSetValueMs), '', null),
    row('4. 1 MB paste: error shown, from the input event', ms(w.pasteErrorMs), ms(r.pasteErrorMs), ratio(w.pasteErrorMs, r.pasteErrorMs), '≤ 100 ms', t.pasteError),
    row('4. 1 MB paste: idle again (requestIdleCallback)', ms(w.pasteIdleMs), ms(r.pasteIdleMs), ratio(w.pasteIdleMs, r.pasteIdleMs), '', null),
    row('4. 1 MB paste: longest task from the input event on', task(w.pasteLongestTaskMs), task(r.pasteLongestTaskMs), ratio(w.pasteLongestTaskMs, r.pasteLongestTaskMs), '≤ 200 ms', t.longestTask),
    row('5. wasm + JS + CSS, gzip', kb(b.widget.gzip), kb(rb.widget.gzip), ratio(b.widget.gzip, rb.widget.gzip), '≤ 90 kB', t.widgetBytes),
    row('5. helpers\' worker, loaded on first open (its wasm, gzip; its script is in the JS above)', kb(b.helperWorker?.gzip), '–', '–', '≤ 70 kB', t.helperWorkerBytes),
    row('5. single-file page (file size)', kb(b.singleFile?.raw), '–', '–', '≤ 130 kB', t.singleFileBytes),
    row('6. wasm memory after 1 MB paste + Clear', mib(w.memoryAfterClear), '–', '–', '≤ 4 MiB', t.memory),
  ];
  const files = Object.entries(b.perFile).map(([path, size]) => `| ${path} | ${size.raw} | ${size.gzip} |`);
  files.push(`| **widget: wasm + JS + CSS of embed/** | **${b.widget.raw}** | **${b.widget.gzip}** |`);
  const m = result.machine;
  return [
    `${m.date} · ${m.nproc} cores · ${m.cpu} · Chromium ${m.chromium} · commit ${m.commit} · load average at start ${m.loadavgAtStart.join(', ')}`,
    '',
    ...lines,
    '',
    `Bytes of dist/ (gzip -9 via zlib, as scripts/check_budgets.py counts them). The widget is the wasm, JS and CSS of embed/; the page adds index.html, page.css and the icon.`,
    '',
    '| file | raw bytes | gzip bytes |',
    '|---|---:|---:|',
    ...files,
  ].join('\n');
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `bash scripts/bench.sh` (it builds first)');
  const site = stage();
  const server = await serve(site, ['--cross-origin-isolated', '--gzip']);
  const browser = await launch({ args: [...CHROMIUM_ARGS, ...args['chromium-arg']] });
  const result = {
    machine: { ...machine(browser.version()), chromiumArgs: args['chromium-arg'] },
    runs: RUNS,
    inputs: INPUTS,
    pasteChars: PASTE_CHARS,
    bytes: { widget: bytes(DIST), reference: bytes(join(site, 'reference')) },
    samples: { widget: [], reference: [] },
  };
  // The reference's counterpart of the widget: its script and the CSS it links.
  const ref = result.bytes.reference.perFile;
  result.bytes.reference.widget = {
    files: ['reference.js', 'widget.css'],
    raw: ref['reference.js'].raw + ref['widget.css'].raw,
    gzip: ref['reference.js'].gzip + ref['widget.css'].gzip,
  };
  const pages = { widget: server.url, reference: `${server.url}reference/` };
  try {
    for (let run = 0; run < RUNS; run++) {
      // Alternate which goes first, so neither always gets the warmer or the quieter moment.
      const order = run % 2 === 0 ? ['widget', 'reference'] : ['reference', 'widget'];
      for (const which of order) {
        const sample = await measure(browser, pages[which]);
        result.samples[which].push(sample);
        process.stderr.write(
          `run ${run + 1}/${RUNS} ${which.padEnd(9)} key ${ms(sample.keyFieldAcceptsInputMs)}, token ${ms(sample.tokenShownMs)}, ` +
            `throttled key ${ms(sample.throttled.keyFieldAcceptsInputMs)} token ${ms(sample.throttled.tokenShownMs)}, ` +
            `input short ${ms(sample.perInputShortMedianMs, 3)} long ${ms(sample.perInputMedianMs, 3)}, paste error ${ms(sample.paste.errorMs)} idle ${ms(sample.paste.idleMs)} ` +
            `longest ${task(sample.paste.longestTaskMs)}, memory ${mib(sample.paste.memoryAfterClear)}\n`,
        );
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const summarize = (samples) => ({
    keyFieldOnScreenMs: median(samples.map((s) => s.keyFieldOnScreenMs)),
    keyFieldHoldsInputMs: median(samples.map((s) => s.keyFieldHoldsInputMs)),
    keyFieldAcceptsInputMs: median(samples.map((s) => s.keyFieldAcceptsInputMs)),
    throttledOnScreenMs: median(samples.map((s) => s.throttled.keyFieldOnScreenMs)),
    throttledHoldsInputMs: median(samples.map((s) => s.throttled.keyFieldHoldsInputMs)),
    throttledAcceptsInputMs: median(samples.map((s) => s.throttled.keyFieldAcceptsInputMs)),
    throttledTokenShownMs: median(samples.map((s) => s.throttled.tokenShownMs)),
    perInputShortMedianMs: median(samples.map((s) => s.perInputShortMedianMs)),
    fcpMs: median(samples.map((s) => s.fcpMs)),
    wasmInstantiatedMs: median(samples.map((s) => s.wasmInstantiatedMs)),
    tokenShownMs: median(samples.map((s) => s.tokenShownMs)),
    tokenAfterTypingMs: median(samples.map((s) => s.tokenAfterTypingMs)),
    perInputMedianMs: median(samples.map((s) => s.perInputMedianMs)),
    perInputP90Ms: median(samples.map((s) => s.perInputP90Ms)),
    pasteBrowserSetValueMs: median(samples.map((s) => s.paste.browserSetValueMs)),
    pasteHandlerMs: median(samples.map((s) => s.paste.handlerMs)),
    pasteErrorMs: median(samples.map((s) => s.paste.errorMs)),
    pasteIdleMs: median(samples.map((s) => s.paste.idleMs)),
    pasteLongestTaskMs: median(samples.map((s) => s.paste.longestTaskMs)),
    memoryBefore: median(samples.map((s) => s.paste.memoryBefore)),
    memoryAfterPaste: median(samples.map((s) => s.paste.memoryAfterPaste)),
    memoryAfterClear: median(samples.map((s) => s.paste.memoryAfterClear)),
    crossOriginIsolated: samples.every((s) => s.crossOriginIsolated),
    pageErrors: samples.flatMap((s) => s.pageErrors),
  });
  result.summary = { widget: summarize(result.samples.widget), reference: summarize(result.samples.reference) };
  result.machine.loadavgAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  const w = result.summary.widget;
  const r = result.summary.reference;
  const b = result.bytes.widget;
  const within = (value, limit) => (value === null || value === undefined ? null : value <= limit);
  result.targets = {
    onScreen: within(w.keyFieldOnScreenMs / r.keyFieldOnScreenMs, 1.0),
    holdsInput: within(w.keyFieldHoldsInputMs / r.keyFieldHoldsInputMs, 1.0),
    interactive: within(w.keyFieldAcceptsInputMs / r.keyFieldAcceptsInputMs, 1.2),
    perInputShort: within(w.perInputShortMedianMs, 0.25),
    token: within(w.tokenShownMs / r.tokenShownMs, 1.5),
    perInput: within(w.perInputMedianMs, 0.25),
    pasteError: within(w.pasteErrorMs, 100),
    longestTask: within(w.pasteLongestTaskMs, 200),
    widgetBytes: within(b.widget.gzip, 90000),
    // Issue 13: the helpers' worker, loaded on first open.
    helperWorkerBytes: b.helperWorker ? within(b.helperWorker.gzip, 70000) : null,
    singleFileBytes: b.singleFile ? within(b.singleFile.raw, 130000) : null,
    memory: within(w.memoryAfterClear, 4 * 1048576),
  };
  const markdown = table(result);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(OUT, 'latest.md'), `${markdown}\n`);
  console.log(markdown);
  if (w.pageErrors.length || r.pageErrors.length) {
    console.log(`\npage errors: ${JSON.stringify({ widget: w.pageErrors, reference: r.pageErrors })}`);
  }
  console.log(`\nwrote ${relative(ROOT, join(OUT, 'latest.json'))} and latest.md`);
}

await main();
