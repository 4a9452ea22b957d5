// The embed module of the single-file page (dist/scim-token-widget.html), which works from
// file:// with no network: its wasm is carried inline (wasm-inline.js). It carries the token
// widget alone: no helpers' worker, so the widget does not offer the helpers' sections.
import { defineElement } from './element.js';
import { loader } from './loader.js';
import { mounter } from './mount.js';
import { wasmSource } from './wasm-inline.js';

export { configure } from './files.js';

const load = loader(wasmSource);
export const mount = mounter(load, undefined);
defineElement(load, undefined);
