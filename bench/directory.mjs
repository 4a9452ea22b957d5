// The directory check's benchmark (issue 27; docs/performance.md «The directory check»): the
// built site's «Check every user» on generated users exports of 100,000 and 1,000,000 users,
// beside a plain-JS baseline (bench/directory-baseline/: a worker splitting the same column
// with the same regular expressions), alternating the two, in headless Chromium on loopback.
// Run it through `bash scripts/bench.sh` (it builds first), or after `trunk build --release`:
//
//   node bench/directory.mjs [--runs 3] [--users 100000,1000000] [--pad 0] [--out bench/results]
//
// For each: users per second (from the first question to the last answer, timed in the page),
// the memory high-water mark (the tab's renderer processes' resident memory, sampled from
// /proc every 20 ms, above what it was just before the start: page, workers and wasm together,
// counted the same way for both), and where the widget's time goes (the directory worker
// answering, against the page between an answer and its next question: reading the next
// slice of the file, rendering the progress). The reading alone is measured too (a worker that
// only reads the slices). It prints, writes bench/results/directory.{json,md}, and asserts
// nothing but that both give the same counts, which the generator also knows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, cpSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve, launch, CHROMIUM_ARGS, ROOT, DIST } from '../tests/e2e/harness.mjs';
import { generate } from '../tests/e2e/users-export.mjs';
import { chooseFile, shownCounts } from '../tests/e2e/directory-steps.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    users: { type: 'string', default: '100000,1000000' },
    // Characters of an extra column per user: `--users 1000000 --pad 120` makes a file near the
    // check's 200 MB limit.
    pad: { type: 'string', default: '0' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
  },
});
const RUNS = Number(args.runs);
const SIZES = args.users.split(',').map(Number);
const PAD = Number(args.pad);
const OUT = args.out;
const SAMPLE_MS = 20;

const median = (xs) => {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---- memory: the renderer processes' resident set, from /proc ------------------------------

/** The pids of this process's descendants whose command line says `--type=renderer`. */
function rendererPids() {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (in parentheses) may hold spaces: the fields after its `)`.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // A process that ended while listed.
    }
  }
  const descends = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (!descends(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

/** The resident memory of `pids`, in bytes. */
function resident(pids) {
  let kib = 0;
  for (const pid of pids) {
    try {
      kib += Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // Ended.
    }
  }
  return kib * 1024;
}

/** Samples the renderers' resident memory until `stop()`, which gives the peak above the start. */
function sampleMemory() {
  const pids = rendererPids();
  const start = resident(pids);
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, resident(pids));
  }, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, resident(pids));
      return { start, peak, above: peak - start };
    },
  };
}

// ---- the widget ----------------------------------------------------------------------------

/**
 * Added to the widget's page before its scripts: records when each worker is asked and when it
 * answers, to split the time between the worker and the page; and has each worker's script
 * keep its wasm exports as `self.__benchWasm` (the script is made into a `Blob` at run time,
 * static/embed/worker-start.js), so that its wasm memory can be read after the check.
 */
const WORKER_PROBE = () => {
  const NativeBlob = window.Blob;
  window.Blob = class extends NativeBlob {
    constructor(parts = [], options = undefined) {
      const keep = (part) => (typeof part === 'string' ? part.replaceAll('wasm_bindgen.initSync(', 'self.__benchWasm=wasm_bindgen.initSync(') : part);
      super(Array.from(parts, keep), options);
    }
  };
  const Native = window.Worker;
  const log = [];
  let count = 0;
  window.__directoryBench = { log, reset: () => log.splice(0) };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      const id = (count += 1);
      this.__benchId = id;
      this.addEventListener('message', () => log.push({ id, what: 'answer', at: performance.now() }));
    }

    postMessage(...args) {
      log.push({ id: this.__benchId, what: 'question', at: performance.now() });
      return super.postMessage(...args);
    }
  };
};

/** An expression's pattern: `Replace([department], , "PATTERN", , "${level}", , )`. */
function patternOf(expression) {
  const match = expression.match(/^Replace\(\[([^\]]+)\], , "((?:[^"\\]|\\.)*)", , "\$\{level\}", , \)$/);
  if (!match) throw new Error(`not the helper's Replace: ${expression}`);
  return { column: match[1], pattern: match[2].replace(/\\(.)/g, '$1') };
}

async function widget(browser, url, path, users) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(WORKER_PROBE);
  await page.goto(url);
  await page.getByRole('button', { name: 'Map organisation levels' }).click();
  await page.getByLabel('Sample values, one per line', { exact: true }).fill('Contoso > Sales > EMEA');
  await page.getByLabel('Organization', { exact: true }).selectOption('1');
  await page.getByLabel('Division', { exact: true }).selectOption('2');
  await page.getByLabel('Department', { exact: true }).selectOption('last');
  const boxes = page.getByLabel('Expression', { exact: true });
  await boxes.nth(2).waitFor();
  const expressions = await boxes.evaluateAll((fields) => fields.map((field) => field.value ?? field.textContent));
  await chooseFile(page, path);
  await page.getByLabel('Column with the source attribute', { exact: true }).waitFor();
  await page.evaluate(() => window.__directoryBench.reset());
  const memory = sampleMemory();
  await page.getByRole('button', { name: 'Check every user', exact: true }).click();
  await page.getByText(`${users.toLocaleString('en-US')} users checked.`).waitFor({ timeout: 600_000 });
  const mem = memory.stop();
  // What stays once the page's garbage is collected (the slices' buffers wait for it).
  const cdp = await context.newCDPSession(page);
  const heapBefore = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.collectGarbage');
  mem.afterGc = resident(rendererPids()) - mem.start;
  mem.pageBuffersBeforeGc = heapBefore.backingStorageSize;
  const log = await page.evaluate(() => window.__directoryBench.log);
  // The directory worker is the newest: the helpers' worker started with the section.
  const wasmMemory = await page
    .workers()
    .at(-1)
    .evaluate(() => self.__benchWasm?.memory?.buffer.byteLength ?? null);
  // The directory worker is the one asked most after the start.
  const perWorker = new Map();
  for (const entry of log) perWorker.set(entry.id, [...(perWorker.get(entry.id) ?? []), entry]);
  const entries = [...perWorker.values()].sort((a, b) => b.length - a.length)[0];
  let workerMs = 0;
  let asked = null;
  let answers = 0;
  for (const { what, at } of entries) {
    if (what === 'question') asked = at;
    else if (asked !== null) {
      workerMs += at - asked;
      asked = null;
      answers += 1;
    }
  }
  const ms = entries.at(-1).at - entries[0].at;
  const counts = [];
  for (const target of ['Organization', 'Division', 'Department']) counts.push(await shownCounts(page, target));
  await context.close();
  return { ms, workerMs, pageMs: ms - workerMs, answers, memory: mem, wasmMemory, counts, expressions };
}

// ---- the plain-JS baseline -----------------------------------------------------------------

async function baseline(browser, url, path, expressions) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}directory-baseline/`);
  await page.waitForFunction(() => window.baselineReady === true);
  await page.locator('#file').setInputFiles(path);
  const parsed = expressions.map(patternOf);
  const job = { column: parsed[0].column, patterns: parsed.map((p) => p.pattern) };
  const read = await page.evaluate((j) => window.runBaseline({ ...j, mode: 'read' }), job);
  const memory = sampleMemory();
  const answer = await page.evaluate((j) => window.runBaseline({ ...j, mode: 'check' }), job);
  const mem = memory.stop();
  await context.close();
  if (answer.error) throw new Error(`baseline: ${answer.error}`);
  return { ms: answer.ms, readMs: read.ms, rows: answer.rows, memory: mem, counts: answer.counts.map((pairs) => new Map(pairs)) };
}

// ---- report --------------------------------------------------------------------------------

const sameCounts = (a, b) =>
  a.length === b.length && a.every((map, i) => map.size === b[i].size && [...map].every(([k, v]) => b[i].get(k) === v));
const rate = (users, ms) => (ms ? Math.round(users / (ms / 1000)) : null);
const num = (n) => (n === null ? '–' : n.toLocaleString('en-US'));
const mb = (n) => (n === null ? '–' : `${(n / 1e6).toFixed(1)} MB`);
const s = (ms) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);

function table(result) {
  const m = result.machine;
  const lines = [
    `${m.date} · ${m.nproc} cores · ${m.cpu} · Chromium ${m.chromium} · commit ${m.commit} · load average at start ${m.loadavgAtStart.join(', ')}`,
    '',
    `| users export (median of ${result.runs} runs) | widget: users/s | plain-JS baseline: users/s | widget ÷ baseline | widget: memory high-water (after the page's GC) | baseline: memory high-water | widget: its worker's wasm memory | widget: worker / page | reading the file alone |`,
    '|---|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const r of result.sizes) {
    const w = r.widget;
    const b = r.baseline;
    lines.push(
      `| ${num(r.users)} users, ${mb(r.bytes)} | ${num(rate(r.users, w.ms))} (${s(w.ms)}) | ${num(rate(r.users, b.ms))} (${s(b.ms)}) | ` +
        `${w.ms && b.ms ? (b.ms / w.ms).toFixed(2) : '–'}× | ${mb(w.memory)} (${mb(w.afterGc)}) | ${mb(b.memory)} | ${mb(w.wasmMemory)} | ` +
        `${Math.round((100 * w.workerMs) / w.ms)} % / ${100 - Math.round((100 * w.workerMs) / w.ms)} % (${num(w.answers)} answers) | ${s(b.readMs)} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `bash scripts/bench.sh` (it builds first)');
  mkdirSync(OUT, { recursive: true });
  const site = join(OUT, 'directory-site');
  rmSync(site, { recursive: true, force: true });
  cpSync(DIST, site, { recursive: true });
  cpSync(join(ROOT, 'bench', 'directory-baseline'), join(site, 'directory-baseline'), { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'scim-directory-bench-'));
  const server = await serve(site, ['--cross-origin-isolated']);
  const browser = await launch({ args: CHROMIUM_ARGS });
  const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  const result = {
    machine: {
      date: new Date().toISOString().slice(0, 10),
      nproc: cpus().length,
      cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? 'unknown',
      chromium: browser.version(),
      commit: `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '+changes' : ''}`,
      loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    },
    runs: RUNS,
    pad: PAD,
    sizes: [],
  };
  try {
    for (const users of SIZES) {
      const path = join(dir, `users-${users}.csv`);
      const truth = generate(path, { users, delimiter: ',', pad: PAD });
      const bytes = readFileSync(path).length;
      const samples = { widget: [], baseline: [] };
      for (let run = 0; run < RUNS; run += 1) {
        const order = run % 2 === 0 ? ['widget', 'baseline'] : ['baseline', 'widget'];
        for (const which of order) {
          const sample =
            which === 'widget'
              ? await widget(browser, server.url, path, users)
              : await baseline(browser, server.url, path, samples.widget[0].expressions); // the widget ran first
          if (!sameCounts(sample.counts, truth)) throw new Error(`${which}, ${users} users: the counts differ from the generator's`);
          samples[which].push(sample);
          process.stderr.write(
            `${num(users)} users, run ${run + 1}/${RUNS} ${which.padEnd(8)} ${s(sample.ms)} (${num(rate(users, sample.ms))} users/s), ` +
              `memory +${mb(sample.memory.above)}${which === 'widget' ? `, worker's wasm ${mb(sample.wasmMemory)}, worker ${s(sample.workerMs)} in ${sample.answers} answers` : `, reading alone ${s(sample.readMs)}`}\n`,
          );
        }
      }
      result.sizes.push({
        users,
        bytes,
        widget: {
          ms: median(samples.widget.map((x) => x.ms)),
          workerMs: median(samples.widget.map((x) => x.workerMs)),
          pageMs: median(samples.widget.map((x) => x.pageMs)),
          answers: median(samples.widget.map((x) => x.answers)),
          memory: median(samples.widget.map((x) => x.memory.above)),
          wasmMemory: median(samples.widget.map((x) => x.wasmMemory)),
          afterGc: median(samples.widget.map((x) => x.memory.afterGc)),
          pageBuffers: median(samples.widget.map((x) => x.memory.pageBuffersBeforeGc)),
        },
        baseline: {
          ms: median(samples.baseline.map((x) => x.ms)),
          readMs: median(samples.baseline.map((x) => x.readMs)),
          memory: median(samples.baseline.map((x) => x.memory.above)),
        },
        // Every sample's figures; the counts were checked against the generator's above.
        samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((sample) => ({ ...sample, counts: undefined }))])),
      });
      rmSync(path);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(site, { recursive: true, force: true });
  }
  result.machine.loadavgAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  const md = table(result);
  writeFileSync(join(OUT, 'directory.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(OUT, 'directory.md'), `${md}\n`);
  console.log(md);
}

await main();
