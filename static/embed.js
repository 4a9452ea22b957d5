// The embed module: import it and <scim-token-widget> works, or call mount() yourself.
// It loads the wasm that sits beside it, so the files in this folder move together.
import init, { mount as mountWidget } from './glue.js';

const here = (file) => new URL(file, import.meta.url);

// One instantiation for every widget on the page.
const ready = init({ module_or_path: here('scim-token-widget_bg.wasm') });
// A failure is shown by each element (below); it must not also surface as unhandled.
ready.catch(() => {});

function stylesheet() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = here('widget.css').href;
  return link;
}

// A widget lives in a shadow root of its host element: host CSS cannot reach in, its CSS cannot
// leak out. The element's own children stay as they are (the page's fallback text).
function attach(element, options) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  shadow.replaceChildren(stylesheet(), container);
  const notify = (type, detail) =>
    element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  const withEvents = (opts) => ({ onEvent: notify, ...opts });
  const handle = mountWidget(container, withEvents(options));
  return {
    update: (next) => handle.update(withEvents(next)),
    unmount: () => {
      handle.unmount();
      handle.free();
      shadow.replaceChildren();
    },
  };
}

/**
 * Renders a widget into a shadow root of `element` and resolves to a handle with
 * `update(options)` and `unmount()`. See scim-token-widget.d.ts for the options and events.
 */
export async function mount(element, options = {}) {
  await ready;
  return attach(element, options);
}

// Attribute → mount() option. All are live: changing one updates the widget.
const ATTRIBUTES = {
  'tenant-url': 'tenantUrl',
  'api-key': 'apiKey',
  lang: 'lang',
  'show-steps': 'showSteps',
  'auto-clear-seconds': 'autoClearSeconds',
  'language-switch': 'languageSwitch',
  'show-mapping': 'showMapping',
};

class ScimTokenWidgetElement extends HTMLElement {
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
    ready.then(
      () => {
        if (this.isConnected && !this.handle) this.handle = attach(this, this.options());
      },
      () => this.showFallback(),
    );
  }

  // The element's own children are its fallback (the page puts the same instructions there
  // that it shows with JavaScript off): when WebAssembly cannot run, show them.
  showFallback() {
    console.warn('scim-token-widget: WebAssembly could not start; showing the fallback.');
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.replaceChildren(document.createElement('slot'));
  }

  // Removing the element unmounts the widget and forgets what was typed.
  disconnectedCallback() {
    this.handle?.unmount();
    this.handle = undefined;
  }

  attributeChangedCallback() {
    this.handle?.update(this.options());
  }
}

if (!customElements.get('scim-token-widget')) {
  customElements.define('scim-token-widget', ScimTokenWidgetElement);
}
