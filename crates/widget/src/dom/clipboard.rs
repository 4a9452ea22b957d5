//! The one way the widget writes to the clipboard: copying (and, where the browser refuses, the
//! copied text selected for Ctrl+C), and emptying it after «Clear».

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, Element, HtmlDocument, HtmlInputElement, HtmlTextAreaElement};

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

/// What a copy button does: copies `text` for the widget whose element is `root` (the copy
/// command's scratch text area goes inside it), and says whether the clipboard took it; `false`
/// without trying while the widget has no element.
///
/// Where the browser refuses, the text is left for Ctrl+C: the read-only field with the id
/// `shown_in`, inside `root`, is selected at once ([`select_for_ctrl_c`]). A caller whose field
/// can only be selected after a render (a masked field that the refusal unmasks) gives `None`,
/// and calls [`select_for_ctrl_c`] once that render is done.
pub async fn copy_or_select(text: &str, root: Option<&Element>, shown_in: Option<&str>) -> bool {
    let Some(root) = root else {
        return false;
    };
    let copied = copy_text(text, root).await.is_ok();
    if let (false, Some(id)) = (copied, shown_in) {
        if let Ok(Some(field)) = root.query_selector(&format!("#{id}")) {
            select_for_ctrl_c(&field);
        }
    }
    copied
}

/// After a refused copy, selects the copied text in the field that shows it (an `<input>` or a
/// `<textarea>`) and gives it the focus, so Ctrl+C works as the announcement says.
pub fn select_for_ctrl_c(field: &Element) {
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
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
