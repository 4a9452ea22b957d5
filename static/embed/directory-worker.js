// «Check the whole directory» reads a users export in a Web Worker of its own
// (crates/directory-worker), fetched only when the admin starts a check (worker-start.js): a
// page that never checks a directory never downloads it, and the helpers' worker stays small.
import { DIRECTORY_WORKER_INTEGRITY, DIRECTORY_WORKER_SCRIPT } from './built.js';
import { fetchChecked, fileUrl } from './files.js';
import { workerStarter } from './worker-start.js';

/** Resolves to a directory worker ready for questions. */
export const startDirectoryWorker = workerStarter(
  () => fetchChecked(
    'scim-token-directory-worker_bg.wasm',
    fileUrl(
      'scim-token-directory-worker_bg.wasm',
      new URL('./scim-token-directory-worker_bg.wasm', import.meta.url),
    ),
    DIRECTORY_WORKER_INTEGRITY,
  ),
  DIRECTORY_WORKER_SCRIPT,
);
