// The widget as a custom element, its events heard on the document (they bubble and are composed).
import 'scim-token-widget';

const events = document.querySelector('#events');
for (const type of ['scim-token-state', 'scim-token-copied']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
    events.append(item);
  });
}
