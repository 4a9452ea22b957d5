//! The browser glue: the clipboard, and the `mount()` API that the embed script and the custom
//! element use. Values only pass through here; what they mean is decided in the pure core.

pub mod clipboard;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::i18n::Lang;
use crate::ui::{ScimTokenWidget, WidgetProps};

/// A mounted widget, returned to JavaScript by [`mount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<ScimTokenWidget>>,
}

#[wasm_bindgen]
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
        }
    }
}

/// Renders a widget into `root`.
///
/// `options` is an object with the optional fields `tenantUrl`, `apiKey`, `lang` (`"en"`,
/// `"nb"`) and `showSteps` (boolean).
#[wasm_bindgen]
pub fn mount(root: Element, options: JsValue) -> WidgetHandle {
    let app =
        yew::Renderer::<ScimTokenWidget>::with_root_and_props(root, props_from(&options)).render();
    WidgetHandle { app: Some(app) }
}

fn props_from(options: &JsValue) -> WidgetProps {
    let text = |name: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    };
    let flag = |name: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_bool())
    };
    WidgetProps {
        tenant_url: text("tenantUrl")
            .map(Into::into)
            .unwrap_or(crate::token::TENANT_URL.into()),
        api_key: text("apiKey").map(Into::into),
        lang: text("lang")
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or_else(browser_lang),
        show_steps: flag("showSteps").unwrap_or(true),
    }
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
