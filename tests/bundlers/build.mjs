// Builds the host apps in tests/bundlers/ the way a front-end team would: each in a fresh folder
// (target/bundler-hosts/NAME), the packed package (dist/scim-token-widget-VERSION.tgz)
// installed from the file with the network off, then the bundler's production build. The
// bundlers (and React) are the repository's dev tools, from package-lock.json.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST } from '../e2e/harness.mjs';

const BIN = join(ROOT, 'node_modules', '.bin');

/** The tarball `trunk build --release` packed. */
export function tarball() {
  const found = readdirSync(DIST).filter((name) => /^scim-token-widget-.*\.tgz$/.test(name));
  if (found.length !== 1) throw new Error(`expected one package tarball in dist/, found ${found}`);
  return join(DIST, found[0]);
}

// Every host page links the site's icon (a page without one makes the browser ask for
// /favicon.ico): Vite serves public/ at the root, the esbuild host copies it beside its page.
const ICON = join(ROOT, 'static', 'favicon.svg');

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

// How each host is built, into the folder that is then served.
const BUILDS = {
  vite: (dir) => {
    mkdirSync(join(dir, 'public'), { recursive: true });
    copyFileSync(ICON, join(dir, 'public', 'favicon.svg'));
    run(join(BIN, 'vite'), ['build', '--logLevel', 'warn'], dir);
    return join(dir, 'dist');
  },
  react: (dir) => {
    mkdirSync(join(dir, 'public'), { recursive: true });
    copyFileSync(ICON, join(dir, 'public', 'favicon.svg'));
    run(join(BIN, 'vite'), ['build', '--logLevel', 'warn'], dir);
    return join(dir, 'dist');
  },
  // esbuild does not emit files named by `new URL('./…', import.meta.url)`: the host copies the
  // package's wasm files to the folder its configure() call names.
  esbuild: (dir) => {
    const out = join(dir, 'out');
    run(join(BIN, 'esbuild'), ['main.js', '--bundle', '--format=esm', '--minify', `--outdir=${out}`], dir);
    copyFileSync(join(dir, 'index.html'), join(out, 'index.html'));
    copyFileSync(ICON, join(out, 'favicon.svg'));
    const assets = join(out, 'static', 'scim-token');
    mkdirSync(assets, { recursive: true });
    const installed = join(dir, 'node_modules', 'scim-token-widget');
    for (const file of readdirSync(installed).filter((name) => name.endsWith('.wasm'))) {
      copyFileSync(join(installed, file), join(assets, file));
    }
    return out;
  },
};

export const HOSTS = Object.keys(BUILDS);

/** Installs the packed tarball into `dir` (which has a package.json), from the file, offline. */
export function installPackage(dir) {
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', '--no-package-lock', tarball()], dir);
}

/** Builds host `name` from scratch; returns the folder to serve. */
export function buildHost(name) {
  const dir = join(ROOT, 'target', 'bundler-hosts', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'tests', 'bundlers', name), dir, { recursive: true });
  installPackage(dir);
  return BUILDS[name](dir);
}
