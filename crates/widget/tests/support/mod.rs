//! Shared by the browser test files (`mod support;`): a widget mounted into the test page and
//! driven through real events, and the page-level helpers around it. What only one file needs
//! stays in that file, in its own `impl Mounted` block.

use scim_token_widget::ui::{ScimTokenWidget, WidgetProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Event, EventInit, HtmlButtonElement, HtmlElement};
use yew::AppHandle;

/// A widget mounted into its own element of the test page; removed again on drop.
pub struct Mounted {
    pub host: Element,
    /// None where something other than the test mounted the widget into `host`.
    pub app: Option<AppHandle<ScimTokenWidget>>,
}

impl Mounted {
    /// Mounts the widget into a new element at the end of the page and waits until `rendered`
    /// says its first render is there.
    pub async fn mount(props: WidgetProps, rendered: impl Fn(&Mounted) -> bool) -> Mounted {
        let document = gloo_utils::document();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let app =
            yew::Renderer::<ScimTokenWidget>::with_root_and_props(host.clone(), props).render();
        let mounted = Mounted {
            host,
            app: Some(app),
        };
        mounted.until("the widget renders", rendered).await;
        mounted
    }

    /// The control whose label text is exactly `label`, anywhere in the widget.
    pub fn control(&self, label: &str) -> Option<Element> {
        control_in(&self.host, label)
    }

    /// The button whose accessible name is exactly `name`.
    pub fn button(&self, name: &str) -> HtmlButtonElement {
        self.find_button(name)
            .unwrap_or_else(|| panic!("no button named {name:?}"))
    }

    pub fn find_button(&self, name: &str) -> Option<HtmlButtonElement> {
        let buttons = self.host.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlButtonElement>().ok())
            .find(|b| accessible_name(&self.host, b) == name)
    }

    pub fn text(&self) -> String {
        self.host.text_content().unwrap_or_default()
    }

    /// Types `text` the way a paste does: the value changes, then one `input` event bubbles.
    pub async fn paste(&self, label: &str, text: &str) {
        self.paste_js(label, &text.into()).await;
    }

    /// Like `paste`, for a value made in JS (one Rust's strings cannot hold, or one the test's
    /// own Rust code must never hold).
    pub async fn paste_js(&self, label: &str, value: &JsValue) {
        let control = self
            .control(label)
            .unwrap_or_else(|| panic!("no control labelled {label:?}"));
        js_sys::Reflect::set(&control, &"value".into(), value).unwrap();
        control.dispatch_event(&bubbling("input")).unwrap();
        self.settle().await;
    }

    pub async fn click(&self, name: &str) {
        self.button(name).click();
        self.settle().await;
    }

    /// Lets the browser dispatch what is queued (one macrotask), waits until Yew's scheduler has
    /// finished rendering (it yields to the browser every 16 ms), then until no helper section
    /// is waiting for an answer (`aria-busy`): the helpers answer asynchronously.
    pub async fn settle(&self) {
        next_task().await;
        yew::scheduler::flush().await;
        self.until("the helpers to answer", |w| {
            w.host
                .query_selector("[aria-busy=\"true\"]")
                .ok()
                .flatten()
                .is_none()
        })
        .await;
    }

    /// Polls `condition` once per macrotask until it holds; fails after a 5 s deadline.
    pub async fn until(&self, what: &str, condition: impl Fn(&Mounted) -> bool) {
        let deadline = js_sys::Date::now() + 5_000.0;
        while !condition(self) {
            assert!(
                js_sys::Date::now() < deadline,
                "timed out waiting for {what}"
            );
            next_task().await;
        }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.host.remove();
    }
}

/// The control inside `root` whose label text is exactly `label`.
pub fn control_in(root: &Element, label: &str) -> Option<Element> {
    let labels = root.query_selector_all("label").ok()?;
    (0..labels.length())
        .filter_map(|i| labels.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|l| l.text_content().as_deref() == Some(label))
        .and_then(|l| l.get_attribute("for"))
        .and_then(|id| root.query_selector(&format!("#{id}")).ok().flatten())
}

/// A button's accessible name: aria-label, else the texts aria-labelledby names, else its text.
fn accessible_name(root: &Element, button: &Element) -> String {
    if let Some(label) = button.get_attribute("aria-label") {
        return label;
    }
    if let Some(ids) = button.get_attribute("aria-labelledby") {
        return ids
            .split_whitespace()
            .filter_map(|id| root.query_selector(&format!("#{id}")).ok().flatten())
            .filter_map(|e| e.text_content())
            .collect::<Vec<_>>()
            .join(" ");
    }
    button.text_content().unwrap_or_default()
}

/// An event of type `kind` that bubbles, as the browser's own `input` and `change` do.
pub fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

/// Resolves on the next macrotask, after Yew has rendered what was scheduled.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo_utils::window()
            .set_timeout_with_callback(&resolve) // no delay: one poll step of `until`
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

pub fn default_props() -> WidgetProps {
    yew::props!(WidgetProps {})
}

/// Takes both clipboard routes away: the async API and the legacy copy command. Undone by
/// `restore_clipboard`.
pub fn refuse_clipboard() {
    let navigator: JsValue = gloo_utils::window().navigator().into();
    let document: JsValue = gloo_utils::document().into();
    define(&navigator, "clipboard", &JsValue::UNDEFINED);
    define(
        &document,
        "execCommand",
        &js_sys::Function::new_no_args("return false"),
    );
}

/// Replaces the async Clipboard API with one that keeps what is written in `text`, and that
/// refuses to write the empty text while `refuseEmpty` is set. Returns it; `restore_clipboard`
/// brings back the real one.
/// Each row of `rows` (table rows a selector found) as the texts of its cells.
#[allow(
    dead_code,
    reason = "tests/mapping.rs and tests/directory.rs read tables; tests/browser.rs shares this module"
)]
pub fn cell_texts(rows: &web_sys::NodeList) -> Vec<Vec<String>> {
    (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok())
        .map(|row| {
            let cells = row.query_selector_all("th, td").unwrap();
            (0..cells.length())
                .filter_map(|i| cells.item(i)?.text_content())
                .collect()
        })
        .collect()
}

#[allow(dead_code)] // tests/browser.rs uses it; tests/mapping.rs shares this module
pub fn fake_clipboard() -> JsValue {
    let fake = js_sys::Function::new_no_args(
        "return { text: null, refuseEmpty: false, writeText(text) {
           if (this.refuseEmpty && text === '') return Promise.reject(new Error('refused'));
           this.text = text;
           return Promise.resolve();
         } };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    define(&gloo_utils::window().navigator().into(), "clipboard", &fake);
    fake
}

/// Undoes `refuse_clipboard`: deleting the own properties brings back the prototypes' real ones.
pub fn restore_clipboard() {
    let navigator: JsValue = gloo_utils::window().navigator().into();
    let document: JsValue = gloo_utils::document().into();
    js_sys::Reflect::delete_property(
        navigator.unchecked_ref::<js_sys::Object>(),
        &"clipboard".into(),
    )
    .unwrap();
    js_sys::Reflect::delete_property(
        document.unchecked_ref::<js_sys::Object>(),
        &"execCommand".into(),
    )
    .unwrap();
}

/// Shadows a property on one object (an own property hides the prototype's getter).
fn define(target: &JsValue, name: &str, value: &JsValue) {
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), value).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&descriptor, &"writable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(
        target.unchecked_ref::<js_sys::Object>(),
        &name.into(),
        &descriptor,
    );
}
