// The embed module: import it and <scim-token-widget> works, or call mount() yourself.
// It loads the wasm that sits beside it, so the files in this folder move together.
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

// postbuild: wasm-source
// The wasm beside this module, fetched with the SHA-384 of the built file: the browser refuses
// any other bytes before they run. The single-file page has the bytes it carries instead.
const WASM_INTEGRITY = '';
const wasmSource = () =>
  fetch(new URL('scim-token-widget_bg.wasm', import.meta.url), { integrity: WASM_INTEGRITY });
// postbuild: end

// One instantiation for every widget on the page.
const ready = init({ module_or_path: wasmSource() });
ready.catch((error) => console.error('scim-token-widget: the WebAssembly did not load;', error));

// One stylesheet object shared by every widget's shadow root.
const sheet = new CSSStyleSheet();
sheet.replaceSync(WIDGET_CSS);

/**
 * Renders a widget into `element` and resolves to a handle with `update(options)` and
 * `unmount()`. Options: `tenantUrl`, `apiKey`, `lang` ("en" | "nb"), `showSteps`.
 */
export async function mount(element, options = {}) {
  await ready;
  return mountWidget(element, options);
}

const ATTRIBUTES = ['tenant-url', 'api-key', 'lang', 'show-steps'];

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
    return options;
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [sheet];
      this.container = document.createElement('div');
      shadow.append(this.container);
    }
    // A failed load is reported once, above; the element then stays empty.
    ready.then(
      () => {
        if (this.isConnected && !this.handle) this.handle = mountWidget(this.container, this.options());
      },
      () => {},
    );
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
