// Builds the host apps in tests/bundlers/ the way a front-end team would: each in a fresh folder
// (target/bundler-hosts/NAME), the packed package (dist/scim-token-widget-VERSION.tgz)
// installed from the file with the network off, then the bundler's production build with the
// bundler's defaults and no more than the one line README.md's «Hosts» gives it. The bundlers
// (and React and Next.js) are the repository's dev tools, pinned in package-lock.json.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
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
// /favicon.ico): Vite serves public/ at the root, the others copy it beside their page.
const ICON = join(ROOT, 'static', 'favicon.svg');

// Next.js would otherwise send usage data home.
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const run = (command, args, cwd) => execFileSync(command, args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });

/** A folder of built files: served by scripts/serve_dist.py, under the README's strict policy. */
const files = (dir) => ({ dir, serves: (path) => existsSync(join(dir, decodeURIComponent(path))) });

/** The page and its icon beside a bundle in `out`. */
function withPage(dir, out) {
  copyFileSync(join(dir, 'index.html'), join(out, 'index.html'));
  copyFileSync(ICON, join(out, 'favicon.svg'));
  return files(out);
}

/** A free port on the loopback interface. */
const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

// How each host is built: what is then served.
const BUILDS = {
  vite: (dir) => {
    mkdirSync(join(dir, 'public'), { recursive: true });
    copyFileSync(ICON, join(dir, 'public', 'favicon.svg'));
    run(join(BIN, 'vite'), ['build', '--logLevel', 'warn'], dir);
    return files(join(dir, 'dist'));
  },
  react: (dir) => {
    mkdirSync(join(dir, 'public'), { recursive: true });
    copyFileSync(ICON, join(dir, 'public', 'favicon.svg'));
    run(join(BIN, 'vite'), ['build', '--logLevel', 'warn'], dir);
    return files(join(dir, 'dist'));
  },
  // esbuild and Rollup do not emit files named by `new URL('./…', import.meta.url)`: `npm run
  // build` bundles, and its one more line copies the package's wasm files beside the bundle.
  esbuild: (dir) => {
    run('npm', ['run', '--silent', 'build'], dir);
    return withPage(dir, join(dir, 'out'));
  },
  rollup: (dir) => {
    run('npm', ['run', '--silent', 'build'], dir);
    return withPage(dir, join(dir, 'dist'));
  },
  // No configuration but the browser targets in package.json.
  parcel: (dir) => {
    copyFileSync(ICON, join(dir, 'favicon.svg'));
    run(join(BIN, 'parcel'), ['build', 'index.html', '--no-source-maps', '--cache-dir', join(dir, '.parcel-cache'), '--log-level', 'warn'], dir);
    return files(join(dir, 'dist'));
  },
  // No configuration: src/index.js to dist/main.js (webpack's command-line tool would do the
  // same; this calls its API, which needs no webpack-cli). Its warnings are size hints.
  webpack: (dir) => {
    run(process.execPath, ['--input-type=module', '-e', `
      import webpack from 'webpack';
      webpack({ mode: 'production', context: process.cwd() }, (error, stats) => {
        if (error || stats.hasErrors()) {
          console.error(error ?? stats.toString('errors-warnings'));
          process.exit(1);
        }
      });`], dir);
    return withPage(dir, join(dir, 'dist'));
  },
  // No bundler: the page and the installed package's folder, as they are.
  plain: (dir) => withPage(dir, dir),
  // next build, then next start: the server renders the page for each request.
  next: (dir) => {
    copyFileSync(ICON, join(dir, 'app', 'icon.svg'));
    run(process.execPath, [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], dir);
    const assets = join(dir, '.next', 'static');
    return {
      dir,
      // The page and its icon are the server's; the rest must be files of the build.
      serves: (path) => path === '/' || path.startsWith('/icon.svg')
        || (path.startsWith('/_next/static/') && existsSync(join(assets, decodeURIComponent(path.slice('/_next/static/'.length))))),
      start: () => startNext(dir),
    };
  },
};

/** Starts `next start` in `dir` on a free port; resolves to `{ url, close }` once it is ready. */
async function startNext(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env: ENV,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.once('exit', (code) => reject(new Error(`next start exited with ${code}: ${seen}`)));
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (/Ready in/.test(seen)) resolve({ url: `http://127.0.0.1:${port}/`, close: () => child.kill() });
    });
  });
}

export const HOSTS = Object.keys(BUILDS);

/** Installs the packed tarball into `dir` (which has a package.json), from the file, offline. */
export function installPackage(dir) {
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', '--no-package-lock', tarball()], dir);
}

/**
 * Builds host `name` from scratch. Returns `{ dir, serves(path), start? }`: the folder to serve
 * (or the app's, when `start()` runs its own server), and whether a URL path is one of the
 * host's files. `variant.change(dir)`, if given, alters the host's copy (in a folder of its own,
 * `variant.as`) before it is built.
 */
export function buildHost(name, variant = {}) {
  const dir = join(ROOT, 'target', 'bundler-hosts', variant.as ?? name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'tests', 'bundlers', name), dir, { recursive: true });
  variant.change?.(dir);
  installPackage(dir);
  return BUILDS[name](dir);
}
