// Where the widget's files come from, and fetching them so that only the built bytes run: the
// folder configure() names, or beside this module; each wasm checked against its SHA-384; a
// file that could not be used is told apart as missing or refused, for whoever builds the page.

// Where the wasm files are served from, when not beside this module (a CDN, a custom asset
// path): set by configure() before the first widget loads.
let assetUrl;
let loading = false;

/**
 * Says where the wasm files are served from (`assetUrl`, a folder URL, relative to the page),
 * for hosts whose bundler does not emit them beside its output. Call it before the first widget
 * loads: right after importing this module. The files are checked against their SHA-384 wherever
 * they come from. Where there is no document (a server rendering the page) nothing loads, and
 * it does nothing.
 */
export function configure({ assetUrl: url } = {}) {
  if (loading) throw new Error('scim-token-widget: configure() must be called before the first widget loads');
  assetUrl = url === undefined || !globalThis.document ? undefined : new URL(url, document.baseURI);
}

/** From now on configure() refuses: the first widget is loading. */
export function startLoading() {
  loading = true;
}

/**
 * The URL of the file `name`: in the folder configure() named, else `beside` (the caller's
 * literal `new URL('./NAME', import.meta.url)`, which bundlers follow and emit the file for).
 */
export const fileUrl = (name, beside) => (assetUrl ? new URL(name, assetUrl) : beside);

/** A file of the widget's that could not be loaded: its message is shown on the page too. */
export class FileError extends Error {}

/**
 * Fetches the wasm `name` from `url` with its SHA-384 (`integrity`): the browser refuses any
 * other bytes before they run. A failed fetch says nothing of why (a 404 page fails the check
 * too), so a second request (HEAD) tells a missing file from a refused one, for the message.
 */
export async function fetchChecked(name, url, integrity) {
  const response = await fetch(url, { integrity }).catch(() => undefined);
  if (response?.ok) return response;
  const seen = await fetch(url, { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
  const status = `HTTP ${seen?.status}`;
  // A server that answers every path with its app's page (a 200 of text/html) has no file there.
  const page = seen?.ok && /^text\/html/.test(seen.headers.get('content-type'));
  const bundlers = "see «Bundlers» in the package's README.md.";
  throw new FileError(
    !seen
      ? `${name} could not be fetched from ${url}: no answer (a network error, or the page's Content-Security-Policy refused it); ${bundlers}`
      : !seen.ok || page
        ? `${name} is missing: ${url} answered ${status}${page ? ' with a web page' : ''}. The page's build did not publish it where this module looks: ${bundlers}`
        : `${name} was refused: ${url} answered ${status} with other bytes than this module was built with (their SHA-384 differs).`,
  );
}
