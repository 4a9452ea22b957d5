// The widget's first render, on the page before any script runs (a declarative shadow root of
// the element: dist/embed/scim-token-widget.prerendered.html), and what happened to it until the
// widget takes its place: which variant is on screen, the clicks and pastes to do again, and
// forgetting what was typed into markup that leaves the page.

// A page may carry the widget's first render in a declarative shadow root of its element
// (dist/embed/scim-token-widget.prerendered.html): on screen, and typed into, before any script
// runs. The clicks on its buttons from when this module runs are kept, to be done again on the
// widget's own buttons (a section opened, the secret shown) when it takes the markup's place.
// The markup may come in more than one language (the standalone page: English and Norwegian,
// the page's CSS showing the browser's); the one on screen is the one taken over.
export const variantsIn = (shadow) => [...shadow.children].filter((child) => child.hasAttribute('data-prerendered'));
export const prerenderedIn = (shadow) => {
  const variants = variantsIn(shadow);
  return variants.find((variant) => variant.getClientRects().length > 0) ?? variants[0];
};
export const controls = (root) => [...root.querySelectorAll('input, textarea, select, button, a[href]')];
// Pastes of text with a line break are kept too: a single-line field turns the line break into
// a space (or drops it), and the widget's own paste handler, which reports where a wrapped value
// was broken, must see the paste itself.
export const nothingEarly = () => ({ clicks: [], pastes: new Map() });
export function recordEarly(shadow) {
  const early = nothingEarly();
  const variantOf = (target) => variantsIn(shadow).find((child) => child.contains(target));
  shadow.addEventListener('click', (event) => {
    const button = event.target.closest?.('button');
    const variant = button && variantOf(button);
    if (variant) early.clicks.push(controls(variant).indexOf(button));
  });
  shadow.addEventListener('paste', (event) => {
    const field = event.target;
    const variant = variantOf(field);
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!variant || !/[\r\n]/.test(text) || typeof field.selectionStart !== 'number') return;
    const paste = { before: field.value, start: field.selectionStart, end: field.selectionEnd, text };
    // What the field holds right after it: the paste is done again only if nothing followed.
    field.addEventListener('input', () => { paste.after = field.value; }, { once: true });
    early.pastes.set(controls(variant).indexOf(field), paste);
  });
  return early;
}

// Pre-rendered markup leaving the page (for the widget, or for the fallback) keeps no copy of
// what was typed or pasted into it: every variant's fields are emptied, the recorded pastes
// dropped.
export function forgetTyped(variants, early) {
  for (const variant of variants) for (const field of variant.querySelectorAll('input, textarea')) field.value = '';
  early?.pastes.clear();
}

/** Pastes `paste` into `field` as the admin did; false if this browser's page-made paste
 * events carry no text (then the widget's handler cannot read it). */
export function pasteAgain(field, { before, start, end, text }) {
  field.value = before;
  field.setSelectionRange(start, end);
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
  return !field.dispatchEvent(event);
}
