// Where the widget's per-input time goes (docs/performance.md, measure 3): serves dist/, types
// 1,000 characters into the secret of the standalone page (an `input` event each, waiting for
// the token each time, as bench/run.mjs does) under Chromium's sampling CPU profiler, and
// prints the share of samples by kind (the wasm, its JS glue, the browser's own work, the
// probe's loop) and the functions with the most self time. Nothing is asserted. With --short,
// the values are short instead, as measure 3a types them (1 to 10 characters, a character added
// each time and back to one after ten).
//
//   node bench/profile.mjs [--inputs 1000] [--short]
import { parseArgs } from 'node:util';
import { serve, launch } from '../tests/e2e/harness.mjs';

const { values: args } = parseArgs({ options: { inputs: { type: 'string', default: '1000' }, short: { type: 'boolean', default: false } } });
const server = await serve();
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  // The widget running, not its pre-rendered markup: the loop below holds on to the fields.
  await page.waitForFunction(() => {
    const root = document.querySelector('scim-token-widget').shadowRoot;
    return root.querySelector('input') !== null && root.querySelector('[data-prerendered]') === null;
  });
  await page.getByLabel('API key', { exact: true }).fill('abc');
  await page.getByLabel('API secret', { exact: true }).fill('1');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const perInputMs = await page.evaluate(async ({ count, short }) => {
    const root = document.querySelector('scim-token-widget').shadowRoot;
    const byLabel = (text) => {
      for (const label of root.querySelectorAll('label')) {
        if (label.textContent.trim() === text) return root.getElementById(label.htmlFor);
      }
      throw new Error(`no field labelled ${text}`);
    };
    const secret = byLabel('API secret');
    const token = byLabel('Secret token');
    // Every expected token first, so that the loop below does as little as it can.
    const expected = [];
    let value = secret.value;
    for (let i = 0; i < count; i++) {
      value = short ? 'abcdefghij'.slice(0, (i % 10) + 1) : value + 'abcdefghij'[i % 10];
      expected.push([value, btoa(`abc:${value}`)]);
    }
    const start = performance.now();
    for (const [typed, wanted] of expected) {
      secret.value = typed;
      secret.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
      // Microtasks first (a Yew render runs in one), then tasks: Yew yields to the browser with
      // a timer when a render takes over 16 ms, and spinning on microtasks alone would starve it.
      for (let spins = 0; token.value !== wanted; spins++) {
        if (spins < 200) await Promise.resolve();
        else await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    return (performance.now() - start) / count;
  }, { count: Number(args.inputs), short: args.short });
  const { profile } = await cdp.send('Profiler.stop');

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byKind = new Map();
  const byFunction = new Map();
  const add = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const id of profile.samples) {
    const { functionName, url } = nodes.get(id).callFrame;
    const file = url.split('/').pop();
    const kind = url.endsWith('.wasm')
      ? 'the widget\'s wasm'
      : file === 'scim-token-widget.js'
        ? 'the embed module (wasm-bindgen glue: calls into the browser)'
        : url === '' && functionName === ''
          ? 'the probe\'s loop (page.evaluate)'
          : url === ''
            ? `browser: ${functionName}`
            : `other JS: ${file}`;
    add(byKind, kind);
    add(byFunction, `${functionName || '(anonymous)'} ${file}`.trim());
  }
  const share = (count) => `${((100 * count) / profile.samples.length).toFixed(1).padStart(5)} %`;
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`${args.inputs} inputs, ${perInputMs.toFixed(3)} ms each (profiler on), ${profile.samples.length} samples`);
  console.log('\nby kind:');
  for (const [kind, count] of top(byKind, 12)) console.log(`${share(count)}  ${kind}`);
  console.log('\nby function (self time):');
  for (const [name, count] of top(byFunction, 15)) console.log(`${share(count)}  ${name}`);
} finally {
  await browser.close();
  server.close();
}
