//! The browser primitives the components use: the one clipboard helper, and reading what was
//! typed or pasted without copying a huge value into wasm memory. Nothing here knows the
//! components; the components and the `mount()` glue (`crate::web`, wasm32 only) build on it.

pub mod clipboard;
pub mod directory;
pub mod worker;

use wasm_bindgen::prelude::*;
use yew::TargetCast;

use crate::state::Typed;

/// Reads an input's value without losing anything: from its UTF-16 code units, so a lone
/// surrogate is reported rather than silently replaced.
///
/// A value certainly longer than `max_chars` characters (more than twice as many UTF-16 code
/// units) is not read at all: it is refused for its length whatever it holds, and its length
/// is counted where the browser holds it, so a megabyte pasted by mistake never enters wasm
/// memory (which never shrinks).
pub fn typed_value(input: &web_sys::HtmlInputElement, max_chars: usize) -> Typed {
    let value = js_value(input);
    if value.length() as usize > 2 * max_chars {
        return Typed::too_long(char_count(&value));
    }
    let units: Vec<u16> = value.iter().collect();
    Typed::from_utf16(&units)
}

/// An input's value as UTF-16 code units, exactly; `None` for one certainly longer than
/// `max_chars` characters, which is not read.
pub fn typed_units(input: &web_sys::HtmlInputElement, max_chars: usize) -> Option<Vec<u16>> {
    let value = js_value(input);
    (value.length() as usize <= 2 * max_chars).then(|| value.iter().collect())
}

/// Whether the input holds exactly these UTF-16 code units, compared in JavaScript: the
/// input's value, which may be a huge paste, is not copied in.
pub fn input_holds_units(input: &web_sys::HtmlInputElement, units: &[u16]) -> bool {
    JsValue::from(js_value(input)) == JsValue::from(js_sys::JsString::from_char_code(units))
}

/// Sets an input's value to exactly these UTF-16 code units (a lone surrogate included, which
/// a `&str` cannot carry).
pub fn set_units(input: &web_sys::HtmlInputElement, units: &[u16]) {
    input
        .unchecked_ref::<TextSource>()
        .set_value(&js_sys::JsString::from_char_code(units));
}

/// Whether the input is empty, read without copying its value.
pub fn input_is_empty(input: &web_sys::HtmlInputElement) -> bool {
    js_value(input).length() == 0
}

/// The length of `text` in characters (code points), counted by the browser: its UTF-16 code
/// units less one for each surrogate pair. A lone surrogate counts as one, as it does once
/// replaced by U+FFFD.
fn char_count(text: &js_sys::JsString) -> usize {
    let pairs = js_sys::RegExp::new("[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]", "g");
    let pair_count = text
        .match_(&pairs)
        .map_or(0, |found| found.unchecked_into::<js_sys::Array>().length());
    (text.length() - pair_count) as usize
}

#[wasm_bindgen]
extern "C" {
    /// An `<input>` or a `DataTransfer`, seen through bindings that leave their text in
    /// JavaScript (web-sys's `value()` and `get_data()` copy it into wasm memory at once).
    type TextSource;

    /// `input.value`.
    #[wasm_bindgen(method, getter, js_name = value)]
    fn value(this: &TextSource) -> js_sys::JsString;

    /// `input.value = text`.
    #[wasm_bindgen(method, setter, js_name = value)]
    fn set_value(this: &TextSource, text: &js_sys::JsString);

    /// `dataTransfer.getData(format)`.
    #[wasm_bindgen(method, catch, js_name = getData)]
    fn get_data(this: &TextSource, format: &str) -> Result<js_sys::JsString, JsValue>;
}

fn js_value(input: &web_sys::HtmlInputElement) -> js_sys::JsString {
    input.unchecked_ref::<TextSource>().value()
}

/// The text of the `<textarea>` an input event comes from.
pub fn text_area_value(event: &web_sys::InputEvent) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value()
}

/// The text a paste event carries, left in JavaScript until the caller decides to read it.
pub fn pasted_text(event: &web_sys::ClipboardEvent) -> Option<js_sys::JsString> {
    let data = event.clipboard_data()?;
    data.unchecked_ref::<TextSource>()
        .get_data("text/plain")
        .ok()
}
