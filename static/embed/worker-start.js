// How the page starts each of its Web Workers (the helpers', the directory check's), so that
// nothing a worker does can freeze or crash the page. A worker's script (its glue and
// worker-bootstrap.js) is carried in this module and started from a blob: URL, so no unchecked
// script runs; its wasm, beside this module, is fetched with the SHA-384 of the built file,
// compiled once, and sent to each worker started.

/**
 * A function resolving to a started worker, ready for questions: `fetchWasm()` fetches its
 * wasm (checked), `script` is its script.
 */
export const workerStarter = (fetchWasm, script) => {
  let compiled;
  let url;
  return () => {
    if (!compiled) {
      compiled = fetchWasm()
        .then((response) => response.arrayBuffer())
        .then((bytes) => WebAssembly.compile(bytes));
      // A load that failed is said in the console (the section says only that it could not
      // load), and tried again when a section next asks.
      compiled.catch((error) => {
        console.warn(`scim-token-widget: ${error.message}`);
        compiled = undefined;
      });
    }
    return compiled.then((module) => {
      url ??= URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
      const worker = new Worker(url);
      worker.postMessage(module);
      return worker;
    });
  };
};
