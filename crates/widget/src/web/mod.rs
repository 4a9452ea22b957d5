//! The browser glue: the `mount()` API that the embed script and the custom element use, and what
//! the admin sees if the widget panics ([`failure`]). Values only pass through here; what they
//! mean is decided in the pure core. The clipboard and the other browser primitives are in
//! [`crate::dom`].

pub mod failure;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::config::{self, YesNoOption};
use crate::i18n::Lang;
use crate::options::WidgetOption;
use crate::ui::{ScimTokenWidget, WidgetEvent, WidgetProps, DEFAULT_AUTO_CLEAR_SECONDS};
use yew::Callback;

use crate::dom::worker::Engine;

/// A mounted widget, returned to JavaScript by [`mount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<ScimTokenWidget>>,
    root: Element,
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
            failure::forget_root(&self.root);
        }
    }
}

/// Renders a widget into `root`.
///
/// `options` is an object with the optional fields `tenantUrl`, `apiKey`, `lang` (`"en"`,
/// `"nb"`), `showSteps` (boolean), `showMapping` (boolean: offer «Map organisation levels» and
/// «Try an expression»), `setupGuide` (boolean: show «Before you start» and «After you save»,
/// default false), `languageSwitch` (boolean), `autoClearSeconds` (number),
/// `headingLevel` (1 to 6: the title's heading level, default 2) and
/// `onEvent(type, detail)`, called with `"scim-token-copied"` / `{ target }` and
/// `"scim-token-state"` / `{ state }`. The embed module adds `startHelperWorker` and
/// `startDirectoryWorker`, functions resolving to a started helpers' or directory worker
/// ([`crate::dom::worker::Engine`]).
#[wasm_bindgen]
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

/// An option's value, as a string whatever its type. Attributes arrive as strings, `mount()`
/// options as strings, numbers or booleans. Not inlined: it is called once per option.
#[inline(never)]
fn option_text(options: &JsValue, name: &str) -> Option<String> {
    let value = js_sys::Reflect::get(options, &JsValue::from_str(name)).ok()?;
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
}

fn props_from(options: &JsValue) -> WidgetProps {
    let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).ok();
    let engine = |name: &str| {
        get(name)
            .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
            .map(Engine::Worker)
    };
    let text = |option: WidgetOption| option_text(options, option.option());
    let mut problems = Vec::new();
    let lang = config::lang(text(WidgetOption::Lang).as_deref())
        .unwrap_or_else(|problem| {
            problems.push(problem);
            None
        })
        .unwrap_or_else(browser_lang);
    let auto_clear_seconds = config::auto_clear_seconds(
        text(WidgetOption::AutoClearSeconds).as_deref(),
        DEFAULT_AUTO_CLEAR_SECONDS,
    )
    .unwrap_or_else(|problem| {
        problems.push(problem);
        DEFAULT_AUTO_CLEAR_SECONDS
    });
    let heading_level = config::heading_level(text(WidgetOption::HeadingLevel).as_deref())
        .unwrap_or_else(|problem| {
            problems.push(problem);
            None
        })
        .unwrap_or(2);
    // A yes/no option: what it says, or its default and a problem (config::yes_no).
    let mut flag = |option: YesNoOption| {
        config::yes_no(option, option_text(options, option.option()).as_deref()).unwrap_or_else(
            |problem| {
                problems.push(problem);
                option.default_value()
            },
        )
    };
    let show_steps = flag(YesNoOption::ShowSteps);
    let show_mapping = flag(YesNoOption::ShowMapping);
    let show_language_switch = flag(YesNoOption::LanguageSwitch);
    let show_guide = flag(YesNoOption::SetupGuide);
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
        tenant_url: text(WidgetOption::TenantUrl).map(Into::into),
        api_key: text(WidgetOption::ApiKey).map(Into::into),
        lang,
        show_steps,
        show_mapping,
        helper_engine: engine("startHelperWorker"),
        directory_engine: engine("startDirectoryWorker"),
        show_language_switch,
        show_guide,
        auto_clear_seconds,
        heading_level,
        on_event,
        config_problems: problems,
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
