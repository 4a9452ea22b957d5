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

/**
 * Renders a widget into `element` and resolves to a handle with `update(options)` and
 * `unmount()`. Options: `tenantUrl`, `apiKey`, `lang` ("en" | "nb"), `showSteps`, `showMapping`.
 */
export async function mount(element, options = {}) {
  await ready;
  return mountWidget(element, options);
}

const ATTRIBUTES = ['tenant-url', 'api-key', 'lang', 'show-steps', 'show-mapping'];

class ScimTokenWidgetElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  options() {
    const options = {};
    if (this.hasAttribute('tenant-url')) options.tenantUrl = this.getAttribute('tenant-url');
    if (this.hasAttribute('api-key')) options.apiKey = this.getAttribute('api-key');
    if (this.hasAttribute('lang')) options.lang = this.getAttribute('lang');
    if (this.hasAttribute('show-steps')) options.showSteps = this.getAttribute('show-steps') !== 'false';
    if (this.hasAttribute('show-mapping')) options.showMapping = this.getAttribute('show-mapping') !== 'false';
    return options;
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      this.container = document.createElement('div');
      shadow.append(stylesheet(), this.container);
    }
    ready.then(
      () => {
        if (this.isConnected && !this.handle) this.handle = mountWidget(this.container, this.options());
      },
      () => this.showFallback(),
    );
  }

  // The element's own children are its fallback (the page puts the same instructions there
  // that it shows with JavaScript off): when WebAssembly cannot run, show them.
  showFallback() {
    console.warn('scim-token-widget: WebAssembly could not start; showing the fallback.');
    this.container.replaceChildren(document.createElement('slot'));
  }

  disconnectedCallback() {
    if (this.handle) {
      this.handle.unmount();
      this.handle.free();
      this.handle = undefined;
    }
  }

  attributeChangedCallback() {
    if (this.handle) this.handle.update(this.options());
  }
}

if (!customElements.get('scim-token-widget')) {
  customElements.define('scim-token-widget', ScimTokenWidgetElement);
}
