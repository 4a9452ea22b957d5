//! A labelled text field, optionally masked with a show/hide toggle.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::diagnose::MAX_VALUE_CHARS;
use crate::dom::{input_holds, input_is_empty, pasted_text, typed_units, typed_value};
use crate::state::Typed;

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
    /// The text. A read-only field always shows it. An editable field writes it into the
    /// input when it appears and when `rewrites` changes, and otherwise leaves the input to
    /// the admin, whose typing is only read (never copied back and compared on each render);
    /// `None` leaves the input as it is even then (it holds what the state keeps only in part).
    pub value: Option<AttrValue>,
    /// Called with the new text on every input (typing, paste, drop, autofill). `None`: read-only.
    #[prop_or_default]
    pub on_input: Option<Callback<Typed>>,
    /// For an editable field: changes whenever the widget itself has set the text.
    #[prop_or_default]
    pub rewrites: u32,
    /// The most characters the field may hold; a value certainly longer is not even read,
    /// only counted (see [`typed_value`]).
    #[prop_or(MAX_VALUE_CHARS)]
    pub max_chars: usize,
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
    let editable = props.on_input.is_some();
    let max_chars = props.max_chars;
    {
        let (input, value) = (props.node_ref.clone(), props.value.clone());
        let appeared = use_mut_ref(|| true);
        use_effect_with(props.rewrites, move |_| {
            let appeared = appeared.replace(false);
            let input = input.cast::<HtmlInputElement>().filter(|_| editable);
            if let (Some(input), Some(value)) = (input, value) {
                // When the field appears, the admin may already have typed into it (its
                // `input` event has reached the state): that is kept. Later, only a change is
                // written: writing the same text would move the caret to the end.
                let typed_first = appeared && !input_is_empty(&input);
                if !typed_first && !input_holds(&input, &value) {
                    input.set_value(&value);
                }
            }
        });
    }
    // `input` covers typing, paste, drop and most autofill; `change` catches autofill that
    // only reports itself that way.
    let on_change = props.on_input.clone().map(|on_input| {
        Callback::from(move |event: Event| {
            on_input.emit(typed_value(
                &event.target_unchecked_into::<HtmlInputElement>(),
                max_chars,
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
            if let Some(typed) = pasted_with_line_breaks(&event, max_chars) {
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
                    value={if editable { None } else { props.value.clone() }}
                    readonly={!editable}
                    aria-invalid={props.invalid.then_some("true")}
                    aria-describedby={props.described_by.clone()}
                    autocomplete="off" spellcheck="false" autocapitalize="off" autocorrect="off"
                    oninput={on_input} onchange={on_change} onpaste={on_paste} />
                { toggle.unwrap_or_default() }
                { props.children.clone() }
            </div>
        </div>
    }
}

/// The field's text after a paste of clipboard text that holds a line break, as it would be
/// if the input kept line breaks; `None` for any other paste (left to the browser), and for
/// one far over `max_chars`, which the browser puts in and the `input` event then refuses
/// for its length without reading it.
fn pasted_with_line_breaks(event: &Event, max_chars: usize) -> Option<Typed> {
    use wasm_bindgen::JsCast;
    let pasted = pasted_text(event.dyn_ref::<web_sys::ClipboardEvent>()?)?;
    if pasted.length() as usize > 2 * max_chars {
        return None;
    }
    let pasted = String::from(pasted);
    if !pasted.contains(['\n', '\r']) {
        return None;
    }
    let input: HtmlInputElement = event.target_dyn_into()?;
    let current: Vec<u16> = typed_units(&input, max_chars)?;
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
