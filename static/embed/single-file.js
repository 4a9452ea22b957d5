// The embed module of the single-file page (dist/scim-token-widget.html), which works from
// file:// with no network: its wasm files are carried inline (wasm-inline.js), the widget's and
// both workers', so the page offers the helpers and the directory check too. The page's policy
// allows this one script by its hash, which so covers every byte it carries, the workers' too.
// The two workers' scripts are imported one after the other, as in served.js (within gzip's
// reach of each other).
import {
  DIRECTORY_WORKER_GZIP_BASE64,
  DIRECTORY_WORKER_SCRIPT,
  WORKER_GZIP_BASE64,
  WORKER_SCRIPT,
} from './built.js';
import { defineElement } from './element.js';
import { loader } from './loader.js';
import { mounter } from './mount.js';
import { inflated, wasmSource } from './wasm-inline.js';
import { workerStarter } from './worker-start.js';

export { configure } from './files.js';

const load = loader(wasmSource);
const workers = {
  startHelperWorker: workerStarter(async () => inflated(WORKER_GZIP_BASE64), WORKER_SCRIPT),
  startDirectoryWorker: workerStarter(
    async () => inflated(DIRECTORY_WORKER_GZIP_BASE64),
    DIRECTORY_WORKER_SCRIPT,
  ),
};
export const mount = mounter(load, workers);
defineElement(load, workers);
