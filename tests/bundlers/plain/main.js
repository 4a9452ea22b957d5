// The widget as a custom element, its events heard on the document (they bubble and are composed).
// The page imports the module by path (index.html); this only lists what the widget says.

const events = document.querySelector('#events');
for (const type of ['scim-token-state', 'scim-token-copied']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
    events.append(item);
  });
}
