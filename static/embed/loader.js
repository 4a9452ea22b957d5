// Instantiating the widget's wasm, once for every widget on the page, and the widget's
// stylesheet for each document a widget is in.
import init from 'scim-token-widget-glue';
import { WIDGET_CSS } from './built.js';
import { startLoading } from './files.js';

/**
 * `load()` for the wasm `wasmSource()` gives (a Response or the bytes): one instantiation for
 * every widget, started when the first one asks, one microtask later (so that a configure()
 * right after the import comes first). A browser without constructable stylesheets (Safari
 * before 16.4) rejects here too, so its elements show their fallback rather than an unstyled
 * widget.
 */
export function loader(wasmSource) {
  let ready;
  return () => {
    if (!ready) {
      ready = Promise.resolve()
        .then(() => {
          startLoading();
          return init({ module_or_path: wasmSource() });
        })
        .then(() => sheetFor(document));
      // A failure is shown by each element; it must not also surface as unhandled.
      ready.catch(() => {});
    }
    return ready;
  };
}

// The widget's stylesheet for a document: a constructed sheet can only be adopted in the
// document whose window made it, so a widget moved into another document (a same-origin
// iframe) gets one made by that document's window. Throws for a document without a window
// (then the element shows its fallback).
const sheets = new WeakMap();
export function sheetFor(doc) {
  let sheet = sheets.get(doc);
  if (!sheet) {
    const view = doc.defaultView;
    if (!view) throw new Error('scim-token-widget: the element is in a document without a window');
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    sheets.set(doc, sheet);
  }
  return sheet;
}
