//! The browser glue: the clipboard, and the `mount()` API that the embed script and the custom
//! element use. Values only pass through here; what they mean is decided in the pure core.

pub mod clipboard;
pub mod failure;
#[cfg(feature = "mapping-ui")]
pub mod mapping;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::config;
use crate::i18n::Lang;
use crate::ui::state::Typed;
use crate::ui::{
    MappingLoader, ScimTokenWidget, WidgetEvent, WidgetProps, DEFAULT_AUTO_CLEAR_SECONDS,
};
use yew::Callback;

/// A mounted widget, returned to JavaScript by [`mount`].
// Exported by the widget's wasm only: the mapping module's wasm exports its own (`mapping`).
#[cfg_attr(not(feature = "mapping-module"), wasm_bindgen)]
pub struct WidgetHandle {
    app: Option<AppHandle<ScimTokenWidget>>,
    root: Element,
}

#[cfg_attr(not(feature = "mapping-module"), wasm_bindgen)]
impl WidgetHandle {
    /// Applies new options (same shape as for `mount`) without losing what was typed.
    pub fn update(&mut self, options: JsValue) {
        if let Some(app) = self.app.as_mut() {
            app.update(props_from(&options));
        }
    }

    /// Removes the widget and forgets everything typed into it.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            failure::forget_root(&self.root);
        }
    }
}

/// Renders a widget into `root`.
///
/// `options` is an object with the optional fields `tenantUrl`, `apiKey`, `lang` (`"en"`,
/// `"nb"`), `showSteps` (boolean), `showMapping` (boolean: offer «Map organisation levels» and
/// «Try an expression»), `languageSwitch` (boolean), `autoClearSeconds` (number) and
/// `onEvent(type, detail)`, called with `"scim-token-copied"` / `{ target }` and
/// `"scim-token-state"` / `{ state }`. The embed module adds `loadMapping` (see
/// [`crate::ui::MappingLoader`]).
#[cfg_attr(not(feature = "mapping-module"), wasm_bindgen)]
pub fn mount(root: Element, options: JsValue) -> WidgetHandle {
    failure::install_panic_hook();
    failure::remember_root(&root);
    let app =
        yew::Renderer::<ScimTokenWidget>::with_root_and_props(root.clone(), props_from(&options))
            .render();
    WidgetHandle {
        app: Some(app),
        root,
    }
}

fn props_from(options: &JsValue) -> WidgetProps {
    let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).ok();
    // Attributes arrive as strings, `mount()` options as strings, numbers or booleans.
    let text = |name: &str| {
        get(name).and_then(|value| {
            value
                .as_string()
                // JS formats the number: Rust's float formatting would add kilobytes.
                .or_else(|| {
                    value
                        .dyn_ref::<js_sys::Number>()
                        .and_then(|number| number.to_string_with_radix(10).ok())
                        .map(String::from)
                })
                .or_else(|| value.as_bool().map(|flag| flag.to_string()))
        })
    };
    let mut problems = Vec::new();
    let lang = config::lang(text("lang").as_deref())
        .unwrap_or_else(|problem| {
            problems.push(problem);
            None
        })
        .unwrap_or_else(browser_lang);
    let auto_clear_seconds = config::auto_clear_seconds(
        text("autoClearSeconds").as_deref(),
        DEFAULT_AUTO_CLEAR_SECONDS,
    )
    .unwrap_or_else(|problem| {
        problems.push(problem);
        DEFAULT_AUTO_CLEAR_SECONDS
    });
    let on_event = get("onEvent")
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
        .map(|listener| {
            Callback::from(move |event: WidgetEvent| {
                let (kind, key, value) = match event {
                    WidgetEvent::Copied(target) => ("scim-token-copied", "target", target.name()),
                    WidgetEvent::StateChanged(state) => ("scim-token-state", "state", state.name()),
                };
                let detail = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&detail, &key.into(), &value.into());
                // A throwing host listener must not break the widget.
                let _ = listener.call2(&JsValue::NULL, &kind.into(), &detail);
            })
        });
    WidgetProps {
        tenant_url: text("tenantUrl").map(Into::into),
        api_key: text("apiKey").map(Into::into),
        lang,
        show_steps: text("showSteps").is_none_or(|flag| flag != "false"),
        show_mapping: text("showMapping").is_none_or(|flag| flag != "false"),
        mapping_loader: get("loadMapping")
            .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
            .map(MappingLoader),
        show_language_switch: text("languageSwitch").is_some_and(|flag| flag != "false"),
        auto_clear_seconds,
        on_event,
        config_problems: problems,
    }
}

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

/// Whether the input holds exactly `text`, compared in JavaScript: the input's value, which
/// may be a huge paste, is not copied in.
pub fn input_holds(input: &web_sys::HtmlInputElement, text: &str) -> bool {
    JsValue::from(js_value(input)) == JsValue::from_str(text)
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

    /// `dataTransfer.getData(format)`.
    #[wasm_bindgen(method, catch, js_name = getData)]
    fn get_data(this: &TextSource, format: &str) -> Result<js_sys::JsString, JsValue>;
}

fn js_value(input: &web_sys::HtmlInputElement) -> js_sys::JsString {
    input.unchecked_ref::<TextSource>().value()
}

/// The text a paste event carries, left in JavaScript until the caller decides to read it.
pub fn pasted_text(event: &web_sys::ClipboardEvent) -> Option<js_sys::JsString> {
    let data = event.clipboard_data()?;
    data.unchecked_ref::<TextSource>()
        .get_data("text/plain")
        .ok()
}

/// The first of the browser's preferred languages that the widget speaks.
fn browser_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::default();
    };
    let tags: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}
