// A widget in an element: mount() and the element both attach one here, in a shadow root of
// the element, taking the place of its pre-rendered markup, and give back a handle to update
// or unmount it. The wasm's source and the workers' starters come from the entry module
// (served.js, single-file.js), which wires this module to them.
import { mount as mountWidget } from 'scim-token-widget-glue';
import { sheetFor } from './loader.js';
import {
  controls,
  forgetTyped,
  nothingEarly,
  pasteAgain,
  prerenderedIn,
  variantsIn,
} from './prerendered.js';

// The widget each element holds now: a newer mount() on the same element replaces the older
// one, whose handle then acts on nothing.
const mounted = new WeakMap();

// A widget lives in a shadow root of its host element: host CSS cannot reach in, its CSS cannot
// leak out. The element's own children stay as they are (the page's fallback text).
export function attach(element, options, workers, early = nothingEarly()) {
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
    return { ...opts, onEvent, ...workers };
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
 * mount() for widgets whose wasm `load()` instantiates and whose sections start their workers
 * with `workers` (`startHelperWorker`, `startDirectoryWorker`; one missing: the widget does not
 * offer what needs it).
 */
export const mounter = (load, workers) =>
  /**
   * Renders a widget into a shadow root of `element` and resolves to a handle with
   * `update(options)` and `unmount()`. See scim-token-widget.d.ts for the options and events.
   * Mounting again on the same element replaces the widget: the earlier handle then does nothing.
   */
  async function mount(element, options = {}) {
    await load();
    const { update, unmount } = attach(element, options, workers);
    return { update, unmount };
  };
