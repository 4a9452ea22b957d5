// The embed module as served: the npm package's scim-token-widget.js and the standalone page's.
// Import it and <scim-token-widget> works, or call mount() yourself. It loads the wasm files
// beside it (`new URL('./…', import.meta.url)`, which bundlers follow and emit with their
// output), or where configure({ assetUrl }) says, each checked against its SHA-384. Imported
// where there is no DOM (a server rendering the page, a worker) it defines nothing and throws
// nothing. scripts/postbuild.py bundles it with the wasm-bindgen glue into one module, so one
// integrity hash covers all the JavaScript, and fills in built.js's values.
// The two workers' scripts are nearly the same bytes: imported one after the other, they sit
// side by side in the bundle, within gzip's reach of each other (32 kB), and the second costs
// about 100 bytes instead of 480.
import { startDirectoryWorker } from './directory-worker.js';
import { startHelperWorker } from './helper-worker.js';
import { defineElement } from './element.js';
import { loader } from './loader.js';
import { mounter } from './mount.js';
import { wasmSource } from './wasm-fetched.js';

export { configure } from './files.js';

const load = loader(wasmSource);
const workers = { startHelperWorker, startDirectoryWorker };
export const mount = mounter(load, workers);
defineElement(load, workers);
