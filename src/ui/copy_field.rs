//! The button that copies a field's value.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The button's text and accessible name ("Copy secret token").
    pub label: AttrValue,
    /// Whether there is something to copy.
    pub enabled: bool,
    /// Asked to copy.
    pub on_copy: Callback<()>,
}

/// A copy button, disabled while there is nothing to copy.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let on_copy = props.on_copy.clone();
    html! {
        <button type="button" class="copy" part="copy-button" disabled={!props.enabled}
            onclick={move |_| on_copy.emit(())}>{ props.label.clone() }</button>
    }
}
