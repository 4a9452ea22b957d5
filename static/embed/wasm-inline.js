// The widget's wasm for the single-file page, which needs no network: carried in the page
// gzipped and base64-encoded, unpacked by the browser's DecompressionStream. Measured with both
// variants (wasm of 369,652 bytes, 155,162 gzipped): the page is 258,618 bytes with the wasm
// gzipped against 544,606 with it raw, and still 170,483 against 217,737 when a server gzips
// the page itself, so gzip it is.
import { WASM_GZIP_BASE64 } from './built.js';

export const wasmSource = () => {
  const gzipped = Uint8Array.from(atob(WASM_GZIP_BASE64), (char) => char.charCodeAt(0));
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
};
