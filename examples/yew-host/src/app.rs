//! The host's page: a settings page that renders the widget's component in a shadow root, gives
//! it a new key on a click, and lists the widget's events.

use scim_token_widget::i18n::Lang;
use scim_token_widget::ui::{ScimTokenWidget, WidgetEvent};
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

/// The widget's own stylesheet, as the embed module applies it.
const WIDGET_CSS: &str = include_str!("../../../static/widget.css");

/// A settings page with the widget in it.
#[component]
pub fn Settings() -> Html {
    let events = use_state(Vec::<String>::new);
    let api_key = use_state(|| AttrValue::from("yew-host-key"));
    let on_event = {
        let events = events.clone();
        Callback::from(move |event: WidgetEvent| {
            let line = match event {
                WidgetEvent::Copied(target) => format!("copied {}", target.name()),
                WidgetEvent::StateChanged(state) => format!("state {}", state.name()),
            };
            let mut list = (*events).clone();
            list.push(line);
            events.set(list);
        })
    };
    let new_key = {
        let api_key = api_key.clone();
        Callback::from(move |_| api_key.set(AttrValue::from("yew-host-key-2")))
    };
    html! {
        <main>
            <h1>{ "Settings" }</h1>
            <button type="button" onclick={new_key}>{ "New key" }</button>
            <Shadow>
                <ScimTokenWidget api_key={Some((*api_key).clone())} lang={Lang::En}
                    on_event={on_event} show_guide=true />
            </Shadow>
            <ol id="events">{ for events.iter().map(|line| html! { <li>{ line.clone() }</li> }) }</ol>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct ShadowProps {
    children: Html,
}

/// Renders its children into an open shadow root of its own element, with the widget's
/// stylesheet adopted there.
#[component]
fn Shadow(props: &ShadowProps) -> Html {
    let host = use_node_ref();
    let inner = use_state(|| None::<Element>);
    {
        let (host, inner) = (host.clone(), inner.clone());
        use_effect_with((), move |_| {
            let host = host.cast::<Element>().expect("rendered");
            let shadow = host
                .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                .expect("a div can have a shadow root");
            let sheet = CssStyleSheet::new().expect("constructable stylesheets");
            sheet
                .replace_sync(WIDGET_CSS)
                .expect("the widget's CSS parses");
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
            let container = gloo_document().create_element("div").expect("a div");
            shadow.append_child(&container).expect("appended");
            inner.set(Some(container.unchecked_into()));
        });
    }
    html! {
        <div ref={host} class="scim-token">
            { inner.as_ref().map(|inner| create_portal(props.children.clone(), inner.clone())).unwrap_or_default() }
        </div>
    }
}

fn gloo_document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}
