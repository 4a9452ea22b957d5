// ESLint (pinned in package.json), run by scripts/test.sh: `npx eslint .`. The JavaScript that
// ships (static/embed/, bundled into the embed module) is held to the recommended rules with
// the browser's globals; the tests and scripts, which run in Node and drive browsers, to the
// same rules with Node's.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['dist/', 'target/', '**/node_modules/', 'examples/*/dist/', 'tests/bundlers/*/dist/',
      'tests/bundlers/next/.next/', 'fuzz/', 'bench/results/'],
  },
  js.configs.recommended,
  {
    files: ['static/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    // A classic script run in each worker after its wasm-bindgen glue.
    files: ['static/embed/worker-bootstrap.js'],
    languageOptions: { sourceType: 'script', globals: globals.worker },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ignores: ['static/**'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Tests and benchmarks drive browsers: the functions they hand to a page run there.
    files: ['tests/**', 'bench/**', 'scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
