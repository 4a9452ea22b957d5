// The embed module of the single-file page (dist/scim-token-widget.html), which works from
// file:// with no network: its wasm is carried inline (wasm-inline.js). It carries the token
// widget alone: no workers (neither the helpers' nor the directory check's), so the widget does
// not offer the helpers' sections.
import { defineElement } from './element.js';
import { loader } from './loader.js';
import { mounter } from './mount.js';
import { wasmSource } from './wasm-inline.js';

export { configure } from './files.js';

const load = loader(wasmSource);
// Set, not left out, so an option of the same name given to mount() starts nothing either.
const workers = { startHelperWorker: undefined, startDirectoryWorker: undefined };
export const mount = mounter(load, workers);
defineElement(load, workers);
