//! The one way the widget writes to the clipboard: copying, and emptying it after «Clear».

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, Element, HtmlDocument, HtmlTextAreaElement};

/// Neither the async Clipboard API nor the legacy copy command took the text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CopyRefused;

/// Copies `text` to the clipboard.
///
/// Tries the async Clipboard API first. Where it is missing (an old browser, a page that is not
/// a secure context) or refused (no permission, no focus), falls back to the legacy copy command
/// on a scratch text area placed inside `scratch_parent` and removed again at once.
pub async fn copy_text(text: &str, scratch_parent: &Element) -> Result<(), CopyRefused> {
    if write_with_clipboard_api(text).await.is_ok() {
        return Ok(());
    }
    copy_with_command(text, scratch_parent)
}

/// Empties the clipboard (writes the empty text), through the async Clipboard API only: the
/// copy command's fallback cannot copy nothing, so it could not say whether it worked.
pub async fn empty() -> Result<(), CopyRefused> {
    write_with_clipboard_api("").await.map_err(|_| CopyRefused)
}

async fn write_with_clipboard_api(text: &str) -> Result<(), JsValue> {
    let navigator = web_sys::window().ok_or(JsValue::NULL)?.navigator();
    // `navigator.clipboard` is undefined outside secure contexts: look before calling.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(JsValue::NULL);
    }
    let clipboard: Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text)).await.map(drop)
}

fn copy_with_command(text: &str, scratch_parent: &Element) -> Result<(), CopyRefused> {
    let document = scratch_parent.owner_document().ok_or(CopyRefused)?;
    let scratch: HtmlTextAreaElement = document
        .create_element("textarea")
        .map_err(|_| CopyRefused)?
        .unchecked_into();
    scratch.set_class_name("scratch");
    scratch.set_read_only(true);
    // The value is a property, never an attribute, so it does not show in serialized HTML.
    scratch.set_value(text);
    scratch_parent
        .append_child(&scratch)
        .map_err(|_| CopyRefused)?;
    scratch.select();
    let copied = document
        .dyn_into::<HtmlDocument>()
        .ok()
        .and_then(|document| document.exec_command("copy").ok())
        .unwrap_or(false);
    scratch.set_value("");
    scratch.remove();
    if copied {
        Ok(())
    } else {
        Err(CopyRefused)
    }
}
