//! A labelled text field, optionally masked with a show/hide toggle.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::Typed;
use crate::web::{typed_units, typed_value};

/// A show/hide toggle for a masked field.
#[derive(Clone, PartialEq)]
pub struct Reveal {
    /// Whether the value is shown in clear text now.
    pub visible: bool,
    /// The toggle's short visible text when masked and when shown ("Show", "Hide").
    pub texts: (&'static str, &'static str),
    /// The toggle's accessible name when masked and when shown ("Show API secret", …).
    pub names: (&'static str, &'static str),
    /// Asked to flip `visible`.
    pub on_toggle: Callback<()>,
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The input's id, unique on the page.
    pub id: AttrValue,
    /// The visible label, which is also the accessible name.
    pub label: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Called with the new text on every input (typing, paste, drop, autofill). `None`: read-only.
    #[prop_or_default]
    pub on_input: Option<Callback<Typed>>,
    /// Whether an error about this field blocks the token.
    #[prop_or_default]
    pub invalid: bool,
    /// Masking; `None` for a field that is always shown.
    #[prop_or_default]
    pub reveal: Option<Reveal>,
    /// The ids of the texts that describe this field.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// The input element (the owner selects its text when a copy fails).
    pub node_ref: NodeRef,
    /// Buttons that act on the field (copy).
    #[prop_or_default]
    pub children: Html,
}

/// A labelled input in the widget's style; the browser is told not to remember, correct or
/// spell-check anything typed into it.
#[component]
pub fn Field(props: &FieldProps) -> Html {
    let masked = props.reveal.as_ref().is_some_and(|reveal| !reveal.visible);
    // `input` covers typing, paste, drop and most autofill; `change` catches autofill that
    // only reports itself that way.
    let on_change = props.on_input.clone().map(|on_input| {
        Callback::from(move |event: Event| {
            on_input.emit(typed_value(
                &event.target_unchecked_into::<HtmlInputElement>(),
            ))
        })
    });
    let on_input = on_change
        .clone()
        .map(|on_change| on_change.reform(|event: InputEvent| Event::from(event)));
    // A single-line input silently drops the line breaks of pasted text, so the paste is
    // taken over: what the clipboard really held is checked, and the finding says so.
    let on_paste = props.on_input.clone().map(|on_input| {
        Callback::from(move |event: Event| {
            if let Some(typed) = pasted_with_line_breaks(&event) {
                event.prevent_default();
                on_input.emit(typed);
            }
        })
    });
    let toggle = props.reveal.as_ref().map(|reveal| {
        let on_toggle = reveal.on_toggle.clone();
        let (text, name) = if reveal.visible {
            (reveal.texts.1, reveal.names.1)
        } else {
            (reveal.texts.0, reveal.names.0)
        };
        html! {
            <button type="button" class="toggle" part="toggle" aria-label={name}
                aria-pressed={if reveal.visible { "true" } else { "false" }}
                aria-controls={props.id.clone()}
                onclick={move |_| on_toggle.emit(())}>{ text }</button>
        }
    });
    html! {
        <div class="field" part="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="row">
                <input id={props.id.clone()} ref={props.node_ref.clone()}
                    type={if masked { "password" } else { "text" }}
                    // Yew writes `value` only when it differs from what the input holds, so a
                    // value the browser holds with a lone surrogate (kept lossy in the state
                    // only for display) is never overwritten with the lossy copy.
                    value={props.value.clone()}
                    readonly={props.on_input.is_none()}
                    aria-invalid={props.invalid.then_some("true")}
                    aria-describedby={props.described_by.clone()}
                    autocomplete="off" spellcheck="false" autocapitalize="off" autocorrect="off"
                    oninput={on_input} onchange={on_change} onpaste={on_paste} />
                { for toggle }
                { props.children.clone() }
            </div>
        </div>
    }
}

/// The field's text after a paste of clipboard text that holds a line break, as it would be
/// if the input kept line breaks; `None` for any other paste (left to the browser).
fn pasted_with_line_breaks(event: &Event) -> Option<Typed> {
    use wasm_bindgen::JsCast;
    let pasted = event
        .dyn_ref::<web_sys::ClipboardEvent>()?
        .clipboard_data()?
        .get_data("text/plain")
        .ok()?;
    if !pasted.contains(['\n', '\r']) {
        return None;
    }
    let input: HtmlInputElement = event.target_dyn_into()?;
    let current: Vec<u16> = typed_units(&input);
    // Selection offsets count UTF-16 code units, as `current` does.
    let start = input.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = input.selection_end().ok().flatten().unwrap_or(0) as usize;
    let (start, end) = (
        start.min(current.len()),
        end.min(current.len()).max(start.min(current.len())),
    );
    let mut units = Vec::with_capacity(current.len() + pasted.len());
    units.extend_from_slice(&current[..start]);
    units.extend(pasted.encode_utf16());
    units.extend_from_slice(&current[end..]);
    Some(Typed::from_utf16(&units))
}
