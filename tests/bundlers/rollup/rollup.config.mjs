// Rollup as a front-end team sets it up for a page: its npm dependencies resolved, one ES module.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve()],
};
