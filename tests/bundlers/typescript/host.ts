// A TypeScript host as a portal team writes it, against the package's types only. It is compiled
// (tsc --strict), never run: every line must type-check, and each `@ts-expect-error` marks a
// mistake the types must catch (tsc fails if one is not an error).
import { configure, mount } from 'scim-token-widget';
import type { CopiedDetail, StateDetail, WidgetHandle } from 'scim-token-widget';

type State = 'empty' | 'incomplete' | 'valid' | 'invalid';
type Target = 'secret-token' | 'tenant-url';

// The events bubble and are composed: a host listens on the element, the document or the window.
const widget = document.querySelector('scim-token-widget');
widget?.addEventListener('scim-token-state', (event) => {
  const state: State = event.detail.state;
  console.log(state);
});
document.addEventListener('scim-token-state', (event) => {
  const state: State = event.detail.state;
  console.log(state);
});
window.addEventListener('scim-token-state', (event) => {
  const state: State = event.detail.state;
  console.log(state);
});
document.addEventListener('scim-token-copied', (event) => {
  const target: Target = event.detail.target;
  console.log(target);
});
window.addEventListener('scim-token-copied', (event) => {
  const target: Target = event.detail.target;
  console.log(target);
});
// A host that listens late reads the state the widget has.
const now: State | undefined = widget?.tokenState;
console.log(now);
// @ts-expect-error: the state is the widget's to set
if (widget) widget.tokenState = 'valid';
// @ts-expect-error: a state event has no target
document.addEventListener('scim-token-state', (event) => event.detail.target);
// @ts-expect-error: a copy event has no state
window.addEventListener('scim-token-copied', (event) => event.detail.state);

configure({ assetUrl: '/static/scim-token/' });
const element = document.createElement('div');
const handle: WidgetHandle = await mount(element, {
  apiKey: 'KEY',
  lang: 'en',
  showMapping: false,
  // Narrowed by the event's type: `detail` is a StateDetail or a CopiedDetail.
  onEvent: (type, detail) => {
    if (type === 'scim-token-state') {
      const state: State = detail.state;
      console.log(state);
    } else {
      const target: Target = detail.target;
      console.log(target);
    }
  },
});
handle.update({ apiKey: 'NEW-KEY' });
handle.unmount();

await mount(element, {
  onEvent: (type, detail) => {
    // @ts-expect-error: without narrowing, `detail` may be a copy event's
    console.log(type, detail.state);
  },
});

const copied: CopiedDetail = { target: 'tenant-url' };
// @ts-expect-error: «incomplete» is a state, not a copy target
const wrong: CopiedDetail = { target: 'incomplete' };
const finished: StateDetail = { state: 'incomplete' };
console.log(copied, wrong, finished);
