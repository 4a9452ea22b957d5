// «Map organisation levels» and «Try an expression» get their answers from a Web Worker, so
// that nothing typed there can freeze or crash the page. The worker's script (its glue and
// worker-bootstrap.js) is carried in this module and started from a blob: URL, so no unchecked
// script runs; its wasm, beside this module, is fetched with the SHA-384 of the built file.
import { WORKER_INTEGRITY, WORKER_SCRIPT } from './built.js';
import { fetchChecked, fileUrl } from './files.js';

let workerModule;
let workerUrl;

/** Resolves to a worker ready for questions: sent the compiled module (compiled once). */
export const startHelperWorker = () => {
  if (!workerModule) {
    workerModule = fetchChecked(
      'scim-token-worker_bg.wasm',
      fileUrl('scim-token-worker_bg.wasm', new URL('./scim-token-worker_bg.wasm', import.meta.url)),
      WORKER_INTEGRITY,
    )
      .then((response) => response.arrayBuffer())
      .then((bytes) => WebAssembly.compile(bytes));
    // A load that failed is said in the console (the section says only that it could not
    // load), and tried again when a section next asks.
    workerModule.catch((error) => {
      console.warn(`scim-token-widget: ${error.message}`);
      workerModule = undefined;
    });
  }
  return workerModule.then((module) => {
    workerUrl ??= URL.createObjectURL(new Blob([WORKER_SCRIPT], { type: 'text/javascript' }));
    const worker = new Worker(workerUrl);
    worker.postMessage(module);
    return worker;
  });
};
