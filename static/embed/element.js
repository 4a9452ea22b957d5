// The embed module: import it and <scim-token-widget> works, or call mount() yourself.
// It loads the wasm that sits beside it (`new URL('./…', import.meta.url)`, which bundlers
// follow and emit with their output), or where configure({ assetUrl }) says. Imported where
// there is no DOM (a server rendering the page, a worker) it defines nothing and throws nothing.
//
// This is the source; the built module is made from it by scripts/postbuild.py, which inlines
// the wasm-bindgen glue imported below (so that one integrity hash covers all the JavaScript)
// and replaces each block between `// postbuild: NAME` and `// postbuild: end`, so the built
// module carries what it needs and runs nothing it fetches unchecked.
import init, { mount as mountWidget } from './glue.js';

// postbuild: widget-css
// static/widget.css as a string. It is applied as a constructable stylesheet, which needs no
// <style> or <link> for a Content-Security-Policy to allow.
const WIDGET_CSS = '';
// postbuild: end

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

/** A file of the widget's that could not be loaded: its message is shown on the page too. */
class FileError extends Error {}

/**
 * Fetches the wasm `name` from `url` with its SHA-384 (`integrity`): the browser refuses any
 * other bytes before they run. A failed fetch says nothing of why (a 404 page fails the check
 * too), so a second request (HEAD) tells a missing file from a refused one, for the message.
 */
async function fetchChecked(name, url, integrity) {
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

// postbuild: wasm-source
// The wasm beside this module, fetched with the SHA-384 of the built file. The single-file page
// has the bytes it carries instead.
const WASM_INTEGRITY = '';
const wasmSource = () =>
  fetchChecked('scim-token-widget_bg.wasm', new URL('./scim-token-widget_bg.wasm', import.meta.url), WASM_INTEGRITY);
// postbuild: end

// postbuild: helper-worker
// «Map organisation levels» and «Try an expression» get their answers from a Web Worker, so
// that nothing typed there can freeze or crash the page: startHelperWorker() resolves to a
// worker ready for questions. The built module carries the worker's script (its glue and
// bootstrap) and fetches the worker's wasm with the SHA-384 of the built file, like the
// widget's. Where it is undefined (the single-file page) the widget does not offer the two
// sections.
const startHelperWorker = undefined;
// postbuild: end

// One instantiation for every widget on the page, started when the first one asks, one
// microtask later (so that a configure() right after the import comes first). A browser without
// constructable stylesheets (Safari before 16.4) rejects here too, so its elements show their
// fallback rather than an unstyled widget.
let ready;
const load = () => {
  if (!ready) {
    ready = Promise.resolve()
      .then(() => {
        loading = true;
        return init({ module_or_path: wasmSource() });
      })
      .then(() => sheetFor(document));
    // A failure is shown by each element (below); it must not also surface as unhandled.
    ready.catch(() => {});
  }
  return ready;
};

// The widget's stylesheet for a document: a constructed sheet can only be adopted in the
// document whose window made it, so a widget moved into another document (a same-origin
// iframe) gets one made by that document's window. Throws for a document without a window
// (then the element shows its fallback).
const sheets = new WeakMap();
function sheetFor(doc) {
  let sheet = sheets.get(doc);
  if (!sheet) {
    const view = doc.defaultView;
    if (!view) throw new Error('scim-token-widget: the element is in a document without a window');
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    sheets.set(doc, sheet);
  }
  return sheet;
}

// A page may carry the widget's first render in a declarative shadow root of its element
// (dist/embed/scim-token-widget.prerendered.html): on screen, and typed into, before any script
// runs. The clicks on its buttons from when this module runs are kept, to be done again on the
// widget's own buttons (a section opened, the secret shown) when it takes the markup's place.
// The markup may come in more than one language (the standalone page: English and Norwegian,
// the page's CSS showing the browser's); the one on screen is the one taken over.
const variantsIn = (shadow) => [...shadow.children].filter((child) => child.hasAttribute('data-prerendered'));
const prerenderedIn = (shadow) => {
  const variants = variantsIn(shadow);
  return variants.find((variant) => variant.getClientRects().length > 0) ?? variants[0];
};
const controls = (root) => [...root.querySelectorAll('input, textarea, select, button, a[href]')];
// Pastes of text with a line break are kept too: a single-line field turns the line break into
// a space (or drops it), and the widget's own paste handler, which reports where a wrapped value
// was broken, must see the paste itself.
const nothingEarly = () => ({ clicks: [], pastes: new Map() });
function recordEarly(shadow) {
  const early = nothingEarly();
  const variantOf = (target) => variantsIn(shadow).find((child) => child.contains(target));
  shadow.addEventListener('click', (event) => {
    const button = event.target.closest?.('button');
    const variant = button && variantOf(button);
    if (variant) early.clicks.push(controls(variant).indexOf(button));
  });
  shadow.addEventListener('paste', (event) => {
    const field = event.target;
    const variant = variantOf(field);
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!variant || !/[\r\n]/.test(text) || typeof field.selectionStart !== 'number') return;
    const paste = { before: field.value, start: field.selectionStart, end: field.selectionEnd, text };
    // What the field holds right after it: the paste is done again only if nothing followed.
    field.addEventListener('input', () => { paste.after = field.value; }, { once: true });
    early.pastes.set(controls(variant).indexOf(field), paste);
  });
  return early;
}

// Pre-rendered markup leaving the page (for the widget, or for the fallback) keeps no copy of
// what was typed or pasted into it: every variant's fields are emptied, the recorded pastes
// dropped.
function forgetTyped(variants, early) {
  for (const variant of variants) for (const field of variant.querySelectorAll('input, textarea')) field.value = '';
  early?.pastes.clear();
}

/** Pastes `paste` into `field` as the admin did; false if this browser's page-made paste
 * events carry no text (then the widget's handler cannot read it). */
function pasteAgain(field, { before, start, end, text }) {
  field.value = before;
  field.setSelectionRange(start, end);
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
  return !field.dispatchEvent(event);
}

// The widget each element holds now: a newer mount() on the same element replaces the older
// one, whose handle then acts on nothing.
const mounted = new WeakMap();

// A widget lives in a shadow root of its host element: host CSS cannot reach in, its CSS cannot
// leak out. The element's own children stay as they are (the page's fallback text).
function attach(element, options, early = nothingEarly()) {
  mounted.get(element)?.unmount();
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheetFor(element.ownerDocument)];
  const container = element.ownerDocument.createElement('div');
  // With pre-rendered markup the widget renders off the page, and takes its place once its first
  // render is complete.
  let prerendered = prerenderedIn(shadow);
  if (!prerendered) shadow.replaceChildren(container);
  const notify = (type, detail) =>
    element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  // What the last `scim-token-state` said.
  let state;
  const withEvents = (opts) => {
    const listener = opts.onEvent ?? notify;
    // The widget's first event (its state, from the effect that runs once the whole first
    // render is in its container) says the render is complete.
    const onEvent = (type, detail) => {
      if (prerendered) queueMicrotask(takeOver);
      if (type === 'scim-token-state') state = detail.state;
      return listener(type, detail);
    };
    return { ...opts, onEvent, startHelperWorker };
  };
  // In one task, so the browser never paints in between (a microtask after the widget's own
  // render): the widget replaces the pre-rendered markup; the text typed into its fields goes
  // into the widget's fields as an `input` event (diagnosed as if typed now), or as the recorded
  // paste with its line breaks; the recorded clicks are done again; the focus and the selection
  // stay where they were.
  const takeOver = () => {
    if (!prerendered) return;
    const variants = variantsIn(shadow);
    const before = controls(prerendered);
    const focused = before.indexOf(shadow.activeElement);
    const { selectionStart, selectionEnd, selectionDirection } = before[focused] ?? {};
    shadow.replaceChildren(container);
    prerendered = undefined;
    const after = controls(container);
    after.forEach((control, index) => {
      const typed = before[index];
      if (typed?.tagName !== control.tagName || !('defaultValue' in typed) || control.readOnly) return;
      if (typed.value === typed.defaultValue) return;
      const paste = early.pastes.get(index);
      const pasted = paste?.after === typed.value && pasteAgain(control, paste);
      if (!pasted) {
        control.value = typed.value;
        control.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    forgetTyped(variants, early);
    for (const index of early.clicks.splice(0)) controls(container)[index]?.click();
    const control = controls(container)[focused];
    if (control) {
      control.focus({ preventScroll: true });
      if (typeof selectionStart === 'number') control.setSelectionRange(selectionStart, selectionEnd, selectionDirection);
    }
  };
  // Freed on unmount: a freed wasm object must never be called again (it would throw).
  let handle = mountWidget(container, withEvents(options));
  const attached = {
    state: () => state,
    update: (next) => handle?.update(withEvents(next)),
    unmount: () => {
      if (!handle) return;
      handle.unmount();
      handle.free();
      handle = undefined;
      prerendered = undefined;
      if (mounted.get(element) === attached) mounted.delete(element);
      if (container.parentNode === shadow) shadow.replaceChildren();
    },
    // After the element moved to another document, its styles are that document's.
    restyle: () => {
      const sheet = sheetFor(element.ownerDocument);
      if (shadow.adoptedStyleSheets[0] !== sheet) shadow.adoptedStyleSheets = [sheet];
    },
  };
  mounted.set(element, attached);
  return attached;
}

/**
 * Renders a widget into a shadow root of `element` and resolves to a handle with
 * `update(options)` and `unmount()`. See scim-token-widget.d.ts for the options and events.
 * Mounting again on the same element replaces the widget: the earlier handle then does nothing.
 */
export async function mount(element, options = {}) {
  await load();
  const { update, unmount } = attach(element, options);
  return { update, unmount };
}

// Attribute → mount() option. All are live: changing one updates the widget.
const ATTRIBUTES = {
  'tenant-url': 'tenantUrl',
  'api-key': 'apiKey',
  lang: 'lang',
  'show-steps': 'showSteps',
  'auto-clear-seconds': 'autoClearSeconds',
  'language-switch': 'languageSwitch',
  'setup-guide': 'setupGuide',
  'show-mapping': 'showMapping',
  'heading-level': 'headingLevel',
};

// The element's class, made only where there are elements: this module is imported on servers
// (a framework rendering the portal's page) and in workers too, and must define nothing there.
const widgetElement = () => class ScimTokenWidgetElement extends HTMLElement {
  static get observedAttributes() {
    return Object.keys(ATTRIBUTES);
  }

  options() {
    const options = {};
    for (const [attribute, option] of Object.entries(ATTRIBUTES)) {
      if (this.hasAttribute(attribute)) options[option] = this.getAttribute(attribute);
    }
    return options;
  }

  connectedCallback() {
    // An empty shadow root at once hides the fallback children while the wasm loads.
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    this.early ??= recordEarly(this.shadowRoot);
    if (this.handle) {
      // Moved: the widget came along with everything typed; only another document's styles
      // need setting.
      this.guard(() => this.handle.restyle());
      return;
    }
    load().then(
      () => {
        if (this.isConnected && !this.handle) this.guard(() => { this.handle = attach(this, this.options(), this.early); });
      },
      (error) => this.showFallback(`WebAssembly could not start: ${error?.message ?? error}`, error instanceof FileError && error.message),
    );
  }

  /** Runs `step`; if it throws (the element is somewhere the widget cannot live), the widget
   * goes and the fallback shows instead, never an empty box or an uncaught error. */
  guard(step) {
    try {
      step();
    } catch (error) {
      this.unmount();
      this.showFallback(`the widget could not be shown here (${error?.message ?? error})`);
    }
  }

  // The element's own children are its fallback (the page puts the same instructions there
  // that it shows with JavaScript off): when the widget cannot run, show them. Above them goes
  // `fileError`, when a file could not be loaded: which one and why, for whoever builds the page.
  showFallback(why, fileError) {
    console.warn(`scim-token-widget: ${why}; showing the fallback.`);
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    forgetTyped(variantsIn(shadow), this.early);
    const doc = this.ownerDocument;
    const said = doc.createElement('p');
    said.setAttribute('part', 'load-error');
    said.lang = 'en';
    said.textContent = `The widget could not start: ${fileError}`;
    shadow.replaceChildren(...(fileError ? [said] : []), doc.createElement('slot'));
  }

  unmount() {
    this.handle?.unmount();
    this.handle = undefined;
  }

  // Removing the element for good unmounts the widget and forgets what was typed (the clipboard
  // too, if the widget put the token there). Frameworks move elements by taking them out and
  // putting them back (tabs, portals, keyed lists): an element back on a page by the end of the
  // task keeps its widget, and all that was typed.
  disconnectedCallback() {
    setTimeout(() => {
      if (!this.isConnected) this.unmount();
    });
  }

  // `moveBefore()` moves the element without taking it out: nothing to do.
  connectedMoveCallback() {}

  attributeChangedCallback() {
    this.handle?.update(this.options());
  }

  // The last `scim-token-state`, for a host that starts listening after it was sent (a page its
  // server rendered hydrates after the widget may have started).
  get tokenState() {
    return this.handle?.state();
  }
};

if (globalThis.customElements && !customElements.get('scim-token-widget')) {
  customElements.define('scim-token-widget', widgetElement());
}
