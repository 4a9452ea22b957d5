// The values only the build knows. Each placeholder string below is replaced, in the bundled
// module, by the value as a JavaScript string (scripts/postbuild.py, `fill_in`): a module
// still holding one, or one not used where it is filled in, fails the build.

/** static/widget.css, applied as a constructable stylesheet (no <style> or <link> for a
 * Content-Security-Policy to allow). */
export const WIDGET_CSS = 'postbuild:widget-css';

/** The SHA-384 of scim-token-widget_bg.wasm as built. */
export const WASM_INTEGRITY = 'postbuild:wasm-integrity';

/** The single-file page's wasm, gzipped and base64-encoded. */
export const WASM_GZIP_BASE64 = 'postbuild:wasm-gzip-base64';

/** The single-file page's helpers' worker wasm, gzipped and base64-encoded. */
export const WORKER_GZIP_BASE64 = 'postbuild:worker-gzip-base64';

/** The single-file page's directory worker wasm, gzipped and base64-encoded. */
export const DIRECTORY_WORKER_GZIP_BASE64 = 'postbuild:directory-worker-gzip-base64';

/** The helpers' worker script: its wasm-bindgen glue and worker-bootstrap.js, minified. */
export const WORKER_SCRIPT = 'postbuild:worker-script';

/** The SHA-384 of scim-token-worker_bg.wasm as built. */
export const WORKER_INTEGRITY = 'postbuild:worker-integrity';

/** The directory check's worker script: its wasm-bindgen glue and worker-bootstrap.js, minified. */
export const DIRECTORY_WORKER_SCRIPT = 'postbuild:directory-worker-script';

/** The SHA-384 of scim-token-directory-worker_bg.wasm as built. */
export const DIRECTORY_WORKER_INTEGRITY = 'postbuild:directory-worker-integrity';
