//! The button that copies a field's value.

use yew::prelude::*;

use crate::state::CopyTarget;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The button's text and accessible name ("Copy secret token").
    pub label: AttrValue,
    /// What it copies; `None` while there is nothing to copy (the button is disabled).
    pub text: Option<AttrValue>,
    /// Which text it is, for the announcement.
    pub target: CopyTarget,
    /// Asked to copy.
    pub on_copy: Callback<(CopyTarget, AttrValue)>,
}

/// A copy button, disabled while there is nothing to copy.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let onclick = props.text.clone().map(|text| {
        let (on_copy, target) = (props.on_copy.clone(), props.target);
        Callback::from(move |_| on_copy.emit((target, text.clone())))
    });
    html! {
        <button type="button" class="copy" part="copy-button" disabled={onclick.is_none()}
            {onclick}>{ props.label.clone() }</button>
    }
}
