// The npm package outside a page: the packed tarball imported where there is no DOM (a server
// rendering a portal's page, a Web Worker) defines nothing and throws nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, useServerAndBrowser, openPage, recordCspViolations, cspViolations } from './harness.mjs';
import { installPackage } from '../bundlers/build.mjs';

// A fresh folder with the tarball installed, as a portal's server would have it.
const DIR = join(ROOT, 'target', 'package-test');
before(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'package.json'), '{ "name": "server", "private": true, "type": "module" }\n');
  installPackage(DIR);
});
after(() => rmSync(DIR, { recursive: true, force: true }));

/** Runs `node` with `args` in the folder; its exit code, and what it printed. */
function node(args) {
  try {
    const stdout = execFileSync(process.execPath, args, { cwd: DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    // Node prints the line that threw, which here is the whole minified module: its end is enough.
    return { code: error.status, stdout: error.stdout, stderr: error.stderr.slice(-300) };
  }
}

test("node -e \"import('scim-token-widget')\" exits 0: a server can import the package", () => {
  const result = node(['-e', "import('scim-token-widget')"]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
});

test('on a server the module defines nothing, and configure() and the exports are there', () => {
  const script = `
    const before = Object.getOwnPropertyNames(globalThis).sort().join();
    const widget = await import('scim-token-widget');
    widget.configure({ assetUrl: '/static/scim-token/' });
    const after = Object.getOwnPropertyNames(globalThis).sort().join();
    console.log(JSON.stringify({ exports: Object.keys(widget).sort(), sameGlobals: before === after }));
  `;
  const result = node(['--input-type=module', '-e', script]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), { exports: ['configure', 'mount'], sameGlobals: true });
});

test('a TypeScript host compiles with tsc --strict: events typed on the element, document and window; onEvent narrowed', () => {
  const host = join(DIR, 'typescript');
  cpSync(join(ROOT, 'tests', 'bundlers', 'typescript'), host, { recursive: true });
  cpSync(join(DIR, 'node_modules'), join(host, 'node_modules'), { recursive: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = node([tsc, '--strict', '-p', host]);
  assert.equal(result.code, 0, `tsc --strict: ${result.stdout}${result.stderr}`);
});

const shared = useServerAndBrowser();

test('in a Web Worker the module imports, defines nothing and throws nothing', async () => {
  const { context, page, log } = await openPage(shared.browser);
  await recordCspViolations(context);
  await page.goto(`${shared.server.url}hosts/empty.html`);
  const outcome = await page.evaluate(async (moduleUrl) => {
    const source = `
      try {
        const widget = await import(${JSON.stringify(moduleUrl)});
        postMessage({ exports: Object.keys(widget).sort(), customElements: typeof customElements });
      } catch (error) {
        postMessage({ error: String(error) });
      }`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
    return new Promise((resolve) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => resolve({ error: event.message ?? 'worker error' });
    });
  }, `${shared.server.url}embed/scim-token-widget.js`);
  assert.deepEqual(outcome, { exports: ['configure', 'mount'], customElements: 'undefined' });
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
