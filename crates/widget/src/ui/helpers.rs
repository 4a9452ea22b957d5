//! «Map organisation levels» and «Try an expression» as the widget offers them: a disclosure
//! each, with the helper under it.
//!
//! The helpers are most of the wasm (README «Performance»), so the widget bundle leaves them
//! out: given a [`MappingLoader`], a section loads the mapping module (their own wasm, built
//! from this crate with the `mapping-module` feature) when it is first opened, and mounts the
//! helper into an element of the section. Built with `mapping-ui` (the default: Rust hosts, the
//! browser tests) and given no loader, the widget renders the helpers itself.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;
use yew::prelude::*;

use super::disclosure::Disclosure;
use crate::i18n::{Lang, Text};

/// Which helper a section holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Helper {
    /// «Map organisation levels».
    Mapping,
    /// «Try an expression».
    Playground,
}

impl Helper {
    /// The helper's name: the section's class and `part`, and what the mapping module is told.
    pub fn name(self) -> &'static str {
        match self {
            Helper::Mapping => "mapping",
            Helper::Playground => "playground",
        }
    }

    /// The helper called `name`, if any.
    pub fn from_name(name: &str) -> Option<Helper> {
        [Helper::Mapping, Helper::Playground]
            .into_iter()
            .find(|helper| helper.name() == name)
    }

    fn toggle_part(self) -> &'static str {
        match self {
            Helper::Mapping => "mapping-toggle",
            Helper::Playground => "playground-toggle",
        }
    }

    fn heading(self) -> Text {
        match self {
            Helper::Mapping => Text::MapHeading,
            Helper::Playground => Text::PlaygroundHeading,
        }
    }

    /// The id of the element the helper shows when open (`mapping.rs`, `playground.rs`).
    fn body_id(self, prefix: &str) -> String {
        match self {
            Helper::Mapping => format!("{prefix}-map-body"),
            Helper::Playground => format!("{prefix}-try-body"),
        }
    }
}

/// A JavaScript function that loads the mapping module once and resolves to its
/// `mount_mapping(element, options)` (`crate::web::mapping`); the embed module passes one
/// (`static/embed.js`). Compared by identity.
#[derive(Clone, PartialEq, Debug)]
pub struct MappingLoader(pub js_sys::Function);

#[wasm_bindgen]
extern "C" {
    /// A helper mounted by the mapping module (its `MappingHandle`).
    type MountedHelper;
    #[wasm_bindgen(method, catch)]
    fn update(this: &MountedHelper, options: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn unmount(this: &MountedHelper) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn free(this: &MountedHelper) -> Result<(), JsValue>;
}

/// What `mount_mapping` is given (read by `crate::web::mapping`).
fn helper_options(helper: Helper, id_prefix: &str, lang: Lang, open: bool) -> JsValue {
    let options = js_sys::Object::new();
    for (name, value) in [
        ("helper", JsValue::from_str(helper.name())),
        ("idPrefix", JsValue::from_str(id_prefix)),
        ("lang", JsValue::from_str(lang.tag())),
        ("open", JsValue::from_bool(open)),
    ] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value);
    }
    options.into()
}

#[derive(Properties, PartialEq)]
pub struct HelperSectionProps {
    /// Which helper.
    pub helper: Helper,
    /// Gives this widget's element ids.
    pub id_prefix: AttrValue,
    /// The language.
    pub lang: Lang,
    /// Loads the helper on first open; `None`: it is rendered here (needs `mapping-ui`).
    pub loader: Option<MappingLoader>,
}

/// One helper's section: its heading (a [`Disclosure`]) and, when open, the helper.
#[component]
pub fn HelperSection(props: &HelperSectionProps) -> Html {
    let open = use_state_eq(|| false);
    let helper = props.helper;
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |()| open.set(!*open))
    };
    let content = match &props.loader {
        Some(loader) => html! {
            <LoadedHelper helper={helper} loader={loader.clone()}
                id_prefix={props.id_prefix.clone()} lang={props.lang} open={*open} />
        },
        None => built_in(helper, props.id_prefix.clone(), props.lang, *open),
    };
    html! {
        <section class={helper.name()} part={helper.name()}>
            <Disclosure label={helper.heading().in_lang(props.lang)} open={*open}
                controls={AttrValue::from(helper.body_id(&props.id_prefix))}
                part={helper.toggle_part()} on_toggle={on_toggle} />
            { content }
        </section>
    }
}

#[cfg(feature = "mapping-ui")]
fn built_in(helper: Helper, id_prefix: AttrValue, lang: Lang, open: bool) -> Html {
    html! { <HelperBody helper={helper} id_prefix={id_prefix} lang={lang} open={open} /> }
}

#[cfg(not(feature = "mapping-ui"))]
fn built_in(_: Helper, _: AttrValue, _: Lang, _: bool) -> Html {
    Html::default()
}

/// What the helper itself is given, here or in the mapping module.
#[cfg(feature = "mapping-ui")]
#[derive(Properties, PartialEq, Clone)]
pub struct HelperBodyProps {
    /// Which helper.
    pub helper: Helper,
    /// Gives the widget's element ids.
    pub id_prefix: AttrValue,
    /// The language.
    pub lang: Lang,
    /// Whether the section is open; closed, the helper keeps what was typed.
    pub open: bool,
}

/// The helper without its heading: what the mapping module mounts.
#[cfg(feature = "mapping-ui")]
#[component]
pub fn HelperBody(props: &HelperBodyProps) -> Html {
    let (id_prefix, lang, open) = (props.id_prefix.clone(), props.lang, props.open);
    match props.helper {
        Helper::Mapping => html! {
            <super::mapping::MappingSection id_prefix={id_prefix} lang={lang} open={open} />
        },
        Helper::Playground => html! {
            <super::playground::ExpressionPlayground id_prefix={id_prefix} lang={lang}
                open={open} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct LoadedHelperProps {
    helper: Helper,
    loader: MappingLoader,
    id_prefix: AttrValue,
    lang: Lang,
    open: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Never opened.
    Idle,
    Loading,
    Mounted,
    Failed,
}

/// Loads the mapping module on first open and mounts the helper into its own element here; keeps
/// it told of the language and of opening and closing; unmounts it with the widget.
#[component]
fn LoadedHelper(props: &LoadedHelperProps) -> Html {
    let slot = use_node_ref();
    let phase = use_state_eq(|| Phase::Idle);
    let mounted: Rc<RefCell<Option<MountedHelper>>> = use_mut_ref(|| None);
    // What a load that finishes later must mount with, and whether there is still a widget.
    let latest = use_mut_ref(|| (props.lang, props.open));
    *latest.borrow_mut() = (props.lang, props.open);
    let alive = use_mut_ref(|| true);
    {
        let (mounted, alive) = (mounted.clone(), alive.clone());
        use_effect_with((), move |_| {
            move || {
                *alive.borrow_mut() = false;
                if let Some(helper) = mounted.borrow_mut().take() {
                    // Destroys the helper's app: its DOM, its listeners, what was typed.
                    let _ = helper.unmount();
                    let _ = helper.free();
                }
            }
        });
    }
    {
        let (helper, prefix, loader) =
            (props.helper, props.id_prefix.clone(), props.loader.clone());
        let (slot, phase, mounted) = (slot.clone(), phase.clone(), mounted.clone());
        use_effect_with((props.lang, props.open), move |&(lang, open)| {
            let updated = mounted.borrow().as_ref().map(|handle| {
                handle
                    .update(&helper_options(helper, &prefix, lang, open))
                    .is_ok()
            });
            if updated == Some(false) {
                phase.set(Phase::Failed);
            } else if updated.is_none() && open && matches!(*phase, Phase::Idle | Phase::Failed) {
                phase.set(Phase::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = load(&loader).await;
                    if !*alive.borrow() {
                        return;
                    }
                    let (lang, open) = *latest.borrow();
                    let result = loaded.and_then(|mount| {
                        let slot = slot.cast::<Element>().ok_or(JsValue::NULL)?;
                        let options = helper_options(helper, &prefix, lang, open);
                        Ok(mount
                            .call2(&JsValue::NULL, &slot, &options)?
                            .unchecked_into())
                    });
                    match result {
                        Ok(handle) => {
                            *mounted.borrow_mut() = Some(handle);
                            phase.set(Phase::Mounted);
                        }
                        Err(_) => {
                            web_sys::console::warn_1(
                                &"scim-token-widget: the mapping module could not be loaded."
                                    .into(),
                            );
                            phase.set(Phase::Failed);
                        }
                    }
                });
            }
        });
    }
    let t = |text: Text| text.in_lang(props.lang);
    html! {
        <>
            // Only the mapping module renders into this element.
            <div class="helper-slot" ref={slot}></div>
            if props.open && *phase == Phase::Loading {
                <p class="hint" role="status">{ t(Text::HelperLoading) }</p>
            }
            if props.open && *phase == Phase::Failed {
                <p class="error-text" role="alert">{ t(Text::HelperLoadFailed) }</p>
            }
        </>
    }
}

/// Calls the loader and waits for the mapping module's `mount_mapping`.
async fn load(loader: &MappingLoader) -> Result<js_sys::Function, JsValue> {
    let promise: js_sys::Promise = loader.0.call0(&JsValue::NULL)?.dyn_into()?;
    JsFuture::from(promise).await?.dyn_into()
}
