// The page of the directory check's plain-JS baseline (bench/directory.mjs): starts
// baseline-worker.js (from a blob: URL, as the served CSP's `worker-src blob:` allows) and
// gives it the chosen file with what to do. `window.runBaseline(job)` resolves with the worker's
// answer and the time from the question to it, measured here as the widget's is.
const source = await (await fetch(new URL('baseline-worker.js', import.meta.url))).text();
const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
let waiting = null;
worker.onmessage = ({ data }) => waiting?.(data);
const ask = (question) =>
  new Promise((resolve) => {
    waiting = resolve;
    worker.postMessage(question);
  });
// The worker has started and answered once before anything is timed.
await ask({ mode: 'ping' });

window.runBaseline = async ({ mode, column, patterns }) => {
  const file = document.getElementById('file').files[0];
  const start = performance.now();
  const answer = await ask({ mode, file, column, patterns });
  return { ...answer, ms: performance.now() - start };
};
window.baselineReady = true;
