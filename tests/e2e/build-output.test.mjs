// The bytes of the build in dist/: the pages' policies, integrity hashes that match the files,
// SHA256SUMS, the build's identity, and no trace of the machine that built it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { DIST, ROOT, sha384, metaCsp } from './harness.mjs';

const read = (path) => readFileSync(join(DIST, path), 'utf8');
const PAGES = ['index.html', 'scim-token-widget.html'];

/** Every file under dist/, as sorted POSIX paths relative to it. */
function distFiles(dir = DIST) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? distFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .map((path) => (dir === DIST ? relative(DIST, path).split(sep).join('/') : path))
    .sort();
}

for (const name of PAGES) {
  test(`${name}: the meta CSP forbids inline code and eval, and allows nothing by default`, () => {
    const { text, directives } = metaCsp(read(name));
    for (const sources of directives.values()) {
      for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*']) {
        assert.ok(!sources.includes(forbidden), `${forbidden} in ${text}`);
      }
    }
    assert.doesNotMatch(text, /'unsafe-inline'|'unsafe-eval'/);
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('base-uri'), ["'none'"]);
    assert.deepEqual(directives.get('form-action'), ["'none'"]);
    assert.ok(directives.get('script-src').includes("'wasm-unsafe-eval'"));
  });
}

test('the single file allows exactly its own inline script and style, by hash, and no network', () => {
  const html = read('scim-token-widget.html');
  const { directives } = metaCsp(html);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  // The script choosing the pre-rendered widget's language, then the module.
  assert.deepEqual(scripts.map(([, attributes]) => attributes), ['', ' type="module"'], 'two inline scripts');
  assert.deepEqual(directives.get('script-src'), [
    `'${sha384(scripts[1][2])}'`, "'wasm-unsafe-eval'", `'${sha384(scripts[0][2])}'`,
  ]);
  assert.deepEqual(directives.get('style-src'), styles.map(([, css]) => `'${sha384(css)}'`));
  assert.ok(styles.length > 0);
  assert.deepEqual(directives.get('connect-src'), ["'none'"]);
  assert.deepEqual(directives.get('img-src'), ['data:']);
  // The workers' scripts, carried in the module, start from blob: URLs it makes.
  assert.deepEqual(directives.get('worker-src'), ['blob:']);
  assert.deepEqual([...directives.keys()].sort(), [
    'base-uri', 'connect-src', 'default-src', 'form-action', 'img-src', 'script-src', 'style-src', 'worker-src',
  ]);
  const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map(([, url]) => url);
  assert.deepEqual(references.filter((url) => !url.startsWith('data:')), [], 'every reference is a data: URI');
  assert.doesNotMatch(scripts[1][2], /import\.meta|\bimport\s*\(|^\s*import\b/m, 'nothing loads from beside the file');
});

test('index.html: every script and stylesheet carries the integrity hash of its file', () => {
  const html = read('index.html');
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].map(([tag]) => tag);
  const checked = tags.filter((tag) => /\bsrc=|rel="stylesheet"|rel="modulepreload"/.test(tag));
  assert.ok(checked.some((tag) => tag.includes('src="embed/scim-token-widget.js"')), 'the embed module is loaded');
  for (const tag of checked) {
    const url = tag.match(/\b(?:src|href)="([^"]+)"/)[1];
    const integrity = tag.match(/\bintegrity="([^"]+)"/)?.[1];
    assert.equal(integrity, sha384(readFileSync(join(DIST, url))), `integrity of ${url}`);
  }
  // One inline script: the one choosing the pre-rendered widget's language, allowed by its hash.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  assert.equal(inline.length, 1, 'one inline script');
  assert.ok(metaCsp(html).directives.get('script-src').includes(`'${sha384(inline[0][1])}'`));
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?!>)[^>]*>/, 'no other inline script');
});

test('the embed module verifies the wasm with the hash of the built file', () => {
  const module = read('embed/scim-token-widget.js');
  // The module is minified. One function fetches each wasm with the hash it is given as fetch's
  // integrity option; each wasm's call gives it the URL (a function choosing where
  // configure({ assetUrl }) said, else beside the module: the `new URL('./…', import.meta.url)`
  // bundlers follow) and the hash of the built file, as a string literal.
  const fetcher = module.match(/async function ([\w$]+)\(([\w$]+),([\w$]+),([\w$]+)\)\{const [\w$]+=await fetch\(\3,\{integrity:\4\}\)/);
  assert.ok(fetcher, 'one function fetches a wasm with the integrity it is given');
  const checkedCall = (wasm) => new RegExp(
    `${fetcher[1].replace('$', '\\$')}\\("${wasm.replace('.', '\\.')}",[\\w$]+\\("${wasm.replace('.', '\\.')}",new URL\\("\\./${wasm.replace('.', '\\.')}",import\\.meta\\.url\\)\\),"(sha384-[^"]+)"\\)`,
  );
  const wasmHash = sha384(readFileSync(join(DIST, 'embed/scim-token-widget_bg.wasm')));
  assert.equal(module.match(checkedCall('scim-token-widget_bg.wasm'))?.[1], wasmHash, 'the module fetches the wasm with its hash');
  // The same for the helpers' worker wasm, fetched on first open; the worker's script is in
  // the module, and no copy of it is served beside it.
  const workerHash = sha384(readFileSync(join(DIST, 'embed/scim-token-worker_bg.wasm')));
  assert.equal(module.match(checkedCall('scim-token-worker_bg.wasm'))?.[1], workerHash, 'the module fetches the worker wasm with its hash');
  assert.ok(!existsSync(join(DIST, 'embed/scim-token-worker.js')), 'no unchecked worker script is served');
  // And for the directory check's worker wasm, fetched only when a check starts.
  const directoryHash = sha384(readFileSync(join(DIST, 'embed/scim-token-directory-worker_bg.wasm')));
  assert.equal(
    module.match(checkedCall('scim-token-directory-worker_bg.wasm'))?.[1],
    directoryHash,
    'the module fetches the directory worker wasm with its hash',
  );
  assert.ok(!existsSync(join(DIST, 'embed/scim-token-directory-worker.js')), 'no unchecked directory worker script is served');
  assert.doesNotMatch(module, /^\s*import\b|\bimport\s*\(/m, 'the module imports nothing: the glue is inside');
});

test('SHA256SUMS lists every file in dist/, sorted, and `sha256sum -c` agrees', () => {
  const listed = read('SHA256SUMS').trimEnd().split('\n').map((line) => line.match(/^[0-9a-f]{64} {2}(.+)$/)?.[1]);
  assert.deepEqual(listed, distFiles().filter((path) => path !== 'SHA256SUMS'));
  assert.deepEqual(listed, [...listed].sort());
  execFileSync('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: DIST, stdio: 'inherit' });
});

test('the pages name the version in Cargo.toml and the commit built', () => {
  const version = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"$/m)[1];
  const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  for (const name of PAGES) {
    const html = read(name);
    assert.match(html, new RegExp(`<span data-build="version">${version.replaceAll('.', '\\.')}</span>`), name);
    assert.match(html, new RegExp(`<span data-build="commit">${commit}(-dirty)?</span>`), name);
  }
});

test('no file in dist/ names the machine that built it', () => {
  const cargoHome = process.env.CARGO_HOME || join(homedir(), '.cargo');
  for (const path of distFiles()) {
    const bytes = readFileSync(join(DIST, path));
    for (const local of [ROOT, cargoHome, `${homedir()}/`]) {
      assert.equal(bytes.indexOf(local), -1, `${path} contains ${local}`);
    }
  }
});
