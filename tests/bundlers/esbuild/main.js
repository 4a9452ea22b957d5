// A host that renders the widget with mount() from an esbuild bundle. The build copies the
// package's two wasm files beside the bundle, where the module looks for them.
import { mount } from 'scim-token-widget';

const events = document.querySelector('#events');
const handle = await mount(document.querySelector('#scim'), {
  apiKey: 'esbuild-key',
  lang: 'en',
  headingLevel: 2,
  onEvent: (type, detail) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify(detail)}`;
    events.append(item);
  },
});
window.scimHandle = handle;
