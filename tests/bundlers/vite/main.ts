// A host page as a front-end team writes it: import the package, let the element render, listen
// for its events. Built by `vite build` with Vite's production defaults.
import 'scim-token-widget';

const events = document.querySelector<HTMLOListElement>('#events')!;
const record = (event: CustomEvent<object>): void => {
  const item = document.createElement('li');
  item.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
  events.append(item);
};
const widget = document.querySelector('scim-token-widget')!;
widget.addEventListener('scim-token-state', record);
widget.addEventListener('scim-token-copied', record);
