//! A section heading that opens and closes the section: «Check a token», «Map organisation
//! levels», «Try an expression».

use yew::prelude::*;

use super::heading::heading;

#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    /// The heading's text.
    pub label: AttrValue,
    /// Whether the section is open.
    pub open: bool,
    /// The id of the element the button shows and hides.
    pub controls: AttrValue,
    /// The button's `part` name, for hosts' `::part()` styles.
    pub part: AttrValue,
    /// Asked to open or close.
    pub on_toggle: Callback<()>,
    /// The heading's level (one below the widget's title).
    pub level: u8,
}

/// A heading one level below the widget's title holding a button with `aria-expanded`: the one
/// disclosure pattern of the widget.
///
/// The button's name is its label alone: the arrow (▸ closed, ▾ open, drawn by widget.css)
/// is in an `aria-hidden` span, so a screen reader says «Check a token, collapsed», not
/// «▸ Check a token» (the state is `aria-expanded`'s to say).
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let on_toggle = props.on_toggle.clone();
    let button = html! {
        <button type="button" class="disclosure" part={props.part.clone()}
            aria-expanded={if props.open { "true" } else { "false" }}
            aria-controls={props.controls.clone()}
            onclick={move |_| on_toggle.emit(())}>
            <span class="arrow" aria-hidden="true"></span>
            { props.label.clone() }
        </button>
    };
    heading(props.level, "disclosure-heading", None, None, button)
}
