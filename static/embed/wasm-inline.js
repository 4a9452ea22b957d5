// The wasm files of the single-file page, which needs no network: carried in the page
// gzipped and base64-encoded, unpacked by the browser's DecompressionStream. Measured with both
// variants (wasm of 369,652 bytes, 155,162 gzipped): the page is 258,618 bytes with the wasm
// gzipped against 544,606 with it raw, and still 170,483 against 217,737 when a server gzips
// the page itself, so gzip it is.
import { WASM_GZIP_BASE64 } from './built.js';

/** The bytes `base64` carries gzipped, as a Response (its body unpacked as it is read). */
export const inflated = (base64) => {
  const gzipped = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip')));
};

export const wasmSource = () => inflated(WASM_GZIP_BASE64).arrayBuffer();
