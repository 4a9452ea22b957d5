// The custom element <scim-token-widget>: its attributes are mount()'s options (options.js), its
// life follows the host's DOM (moved within a task it keeps the widget, removed for good it
// unmounts it), and when the widget cannot run it shows its own children, the page's fallback.
import { FileError } from './files.js';
import { attach } from './mount.js';
import { ATTRIBUTES } from './options.js';
import { forgetTyped, recordEarly, variantsIn } from './prerendered.js';

// The element's class, for widgets whose wasm `load()` instantiates and whose sections start
// their workers with `workers` (mount.js). Made only where there are elements: this module is
// imported on servers (a framework rendering the portal's page) and in workers too, and must
// define nothing there.
const widgetElement = (load, workers) => class ScimTokenWidgetElement extends HTMLElement {
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
        if (this.isConnected && !this.handle) this.guard(() => { this.handle = attach(this, this.options(), workers, this.early); });
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

/** Defines <scim-token-widget> where there are custom elements and it is not defined yet. */
export function defineElement(load, workers) {
  if (globalThis.customElements && !customElements.get('scim-token-widget')) {
    customElements.define('scim-token-widget', widgetElement(load, workers));
  }
}
