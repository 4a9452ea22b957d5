// «Map organisation levels» and «Try an expression» get their answers from the helpers' Web
// Worker (crates/worker), fetched when a section is first opened (worker-start.js).
import { WORKER_INTEGRITY, WORKER_SCRIPT } from './built.js';
import { fetchChecked, fileUrl } from './files.js';
import { workerStarter } from './worker-start.js';

/** Resolves to a helpers' worker ready for questions. */
export const startHelperWorker = workerStarter(
  () => fetchChecked(
    'scim-token-worker_bg.wasm',
    fileUrl('scim-token-worker_bg.wasm', new URL('./scim-token-worker_bg.wasm', import.meta.url)),
    WORKER_INTEGRITY,
  ),
  WORKER_SCRIPT,
);
