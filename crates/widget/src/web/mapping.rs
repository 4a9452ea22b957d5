//! The mapping module's entry: `mount_mapping`, which the widget calls through the embed
//! module's loader to show «Map organisation levels» or «Try an expression» in an element of
//! its section (`crate::ui::helpers`). Exported by the mapping module's wasm alone (feature
//! `mapping-module`); the widget's wasm exports `mount` instead.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use super::failure;
use crate::i18n::Lang;
use crate::ui::helpers::{Helper, HelperBody, HelperBodyProps};

/// A mounted helper, returned to the widget by [`mount_mapping`].
#[cfg_attr(feature = "mapping-module", wasm_bindgen)]
pub struct MappingHandle {
    app: Option<AppHandle<HelperBody>>,
    /// The element the app is mounted on, inside the widget's element.
    host: Element,
    /// The widget's element.
    slot: Element,
}

#[cfg_attr(feature = "mapping-module", wasm_bindgen)]
impl MappingHandle {
    /// Applies new options (same shape as for `mount_mapping`), keeping what was typed.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        let props = props_from(&options)?;
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
        Ok(())
    }

    /// Removes the helper and forgets everything typed into it.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            self.host.remove();
            failure::forget_root(&self.slot);
        }
    }
}

/// Renders the helper that `options` names into `slot`.
///
/// `options`: `helper` (`"mapping"` or `"playground"`), `idPrefix` (the widget's, so the ids
/// stay the widget's), `lang` (`"en"`, `"nb"`) and `open` (boolean).
#[cfg_attr(feature = "mapping-module", wasm_bindgen)]
pub fn mount_mapping(slot: Element, options: JsValue) -> Result<MappingHandle, JsValue> {
    let props = props_from(&options)?;
    failure::install_panic_hook();
    let document = slot
        .owner_document()
        .ok_or_else(|| JsValue::from_str("mount_mapping: the element is in no document"))?;
    let around = enclosing_apps(&slot);
    // At most one retry: a new app gets the next number, which cannot be taken twice.
    for _ in 0..2 {
        let host = document.create_element("div")?;
        slot.append_child(&host)?;
        let app =
            yew::Renderer::<HelperBody>::with_root_and_props(host.clone(), props.clone()).render();
        if app_number(&host).is_some_and(|number| around.contains(&number)) {
            app.destroy();
            host.remove();
            continue;
        }
        failure::remember_root(&slot);
        return Ok(MappingHandle {
            app: Some(app),
            host,
            slot,
        });
    }
    Err(JsValue::from_str("mount_mapping: no app number free"))
}

fn props_from(options: &JsValue) -> Result<HelperBodyProps, JsValue> {
    let get = |name: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let helper = get("helper")
        .as_string()
        .and_then(|name| Helper::from_name(&name))
        .ok_or_else(|| JsValue::from_str("mount_mapping: no such helper"))?;
    Ok(HelperBodyProps {
        helper,
        id_prefix: get("idPrefix").as_string().unwrap_or_default().into(),
        lang: get("lang")
            .as_string()
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or_default(),
        open: get("open").as_bool().unwrap_or(false),
    })
}

// Yew marks the element an app is mounted on, and every element with listeners, with the app's
// number (`__yew_subtree_id`), and hands an event to the app whose number is on the marked
// element nearest its target. The widget and this module are two wasm instances, and each
// numbers its apps from 1: a helper's app could get the number of the widget's app around it,
// and the widget would then take the helper's events for its own and run its own listeners on
// them. So the helper's app is never given a number used around it. (yew 0.23, pinned in
// Cargo.lock; tests/e2e/mapping.test.mjs types into the helper and checks the widget's fields.)
fn app_number(element: &Element) -> Option<u32> {
    let number = js_sys::Reflect::get(element, &JsValue::from_str("__yew_subtree_id")).ok()?;
    number.as_f64().map(|number| number as u32)
}

/// The numbers of the apps mounted around `element`, through shadow roots up to the document.
fn enclosing_apps(element: &Element) -> Vec<u32> {
    let mut numbers = Vec::new();
    let mut next = Some(element.clone());
    while let Some(element) = next {
        numbers.extend(app_number(&element));
        next = element.parent_element().or_else(|| {
            element
                .parent_node()
                .and_then(|node| node.dyn_into::<web_sys::ShadowRoot>().ok())
                .map(|shadow| shadow.host())
        });
    }
    numbers
}
