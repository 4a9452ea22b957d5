// The widget's wasm for the served module (the npm package, the standalone page): the file
// beside this module, or in the folder configure() named; the browser refuses any bytes but
// the built ones.
import { WASM_INTEGRITY } from './built.js';
import { fetchChecked, fileUrl } from './files.js';

// The literal `new URL('./…', import.meta.url)` is what bundlers follow and emit the file for.
export const wasmSource = () =>
  fetchChecked(
    'scim-token-widget_bg.wasm',
    fileUrl('scim-token-widget_bg.wasm', new URL('./scim-token-widget_bg.wasm', import.meta.url)),
    WASM_INTEGRITY,
  );
