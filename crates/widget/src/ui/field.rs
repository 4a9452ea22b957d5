//! A labelled text field, optionally masked with a show/hide toggle.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::diagnose::MAX_VALUE_CHARS;
use crate::dom::{
    input_holds_units, input_is_empty, pasted_text, set_units, typed_units, typed_value,
};
use crate::single_line;
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
    // The field's whole value while it holds line breaks, which the input cannot show (see
    // `single_line`): the input shows it less its line breaks, and every edit of the input is
    // carried over to it. `None` while the input holds the value itself.
    let whole = use_mut_ref(|| None::<Vec<u16>>);
    // The input's selection just before the browser's edit (`beforeinput`), which tells an edit
    // over a selection apart from one at its end.
    let selected = use_mut_ref(|| None::<(usize, usize)>);
    {
        let (input, selected) = (props.node_ref.clone(), selected.clone());
        use_effect_with(editable, move |&editable| {
            let listener = input
                .cast::<HtmlInputElement>()
                .filter(|_| editable)
                .map(|input| {
                    gloo_events::EventListener::new(&input.clone(), "beforeinput", move |_| {
                        *selected.borrow_mut() = selection(&input);
                    })
                });
            move || drop(listener)
        });
    }
    {
        let (input, value, whole) = (props.node_ref.clone(), props.value.clone(), whole.clone());
        let appeared = use_mut_ref(|| true);
        use_effect_with(props.rewrites, move |_| {
            let appeared = appeared.replace(false);
            let input = input.cast::<HtmlInputElement>().filter(|_| editable);
            if let (Some(input), Some(value)) = (input, value) {
                // When the field appears, the admin may already have typed into it (its
                // `input` event has reached the state): that is kept. Later, only a change is
                // written: writing the same text would move the caret to the end.
                let typed_first = appeared && !input_is_empty(&input);
                if !typed_first {
                    let units: Vec<u16> = value.encode_utf16().collect();
                    let shown = single_line::shown(&units);
                    if !input_holds_units(&input, &shown) {
                        set_units(&input, &shown);
                    }
                    *whole.borrow_mut() = single_line::has_line_break(&units).then_some(units);
                }
            }
        });
    }
    // `input` covers typing, paste, drop and most autofill; `change` catches autofill that
    // only reports itself that way.
    let on_change = props.on_input.clone().map(|on_input| {
        let (whole, selected) = (whole.clone(), selected.clone());
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let selected = selected.borrow_mut().take();
            on_input.emit(edited(&input, &mut whole.borrow_mut(), selected, max_chars))
        })
    });
    let on_input = on_change
        .clone()
        .map(|on_change| on_change.reform(|event: InputEvent| Event::from(event)));
    // A single-line input silently drops the line breaks of pasted text, so the paste is
    // taken over: what the clipboard really held is kept and checked (the finding says so),
    // and the input shows it as the browser would have.
    let on_paste = props.on_input.clone().map(|on_input| {
        let whole = whole.clone();
        Callback::from(move |event: Event| {
            if let Some(typed) = pasted_with_line_breaks(&event, &mut whole.borrow_mut(), max_chars)
            {
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

/// What the field holds after the admin edited its input: the input's value, or, while the
/// field holds line breaks the input cannot show, the whole value with the edit carried over.
/// A value certainly longer than `max_chars` is only counted (see [`typed_value`]).
fn edited(
    input: &HtmlInputElement,
    whole: &mut Option<Vec<u16>>,
    selected: Option<(usize, usize)>,
    max_chars: usize,
) -> Typed {
    let now = whole.as_ref().and_then(|_| typed_units(input, max_chars));
    match (whole.take(), now) {
        (Some(before), Some(now)) => {
            let after = single_line::edited(&before, &now, selected);
            let typed = Typed::from_utf16(&after);
            *whole = single_line::has_line_break(&after).then_some(after);
            typed
        }
        _ => typed_value(input, max_chars),
    }
}

/// The field's text after a paste of clipboard text that holds a line break, kept whole, with
/// the input showing it less its line breaks and the caret after the pasted text; `None` for
/// any other paste (left to the browser), and for one far over `max_chars`, which the browser
/// puts in and the `input` event then refuses for its length without reading it.
fn pasted_with_line_breaks(
    event: &Event,
    whole: &mut Option<Vec<u16>>,
    max_chars: usize,
) -> Option<Typed> {
    use wasm_bindgen::JsCast;
    let pasted = pasted_text(event.dyn_ref::<web_sys::ClipboardEvent>()?)?;
    if pasted.length() as usize > 2 * max_chars {
        return None;
    }
    let pasted: Vec<u16> = pasted.iter().collect();
    if !single_line::has_line_break(&pasted) {
        return None;
    }
    let input: HtmlInputElement = event.target_dyn_into()?;
    let current = match whole.take() {
        Some(whole) => whole,
        None => typed_units(&input, max_chars)?,
    };
    let (start, end) = selection(&input).unwrap_or_default();
    let after = single_line::replaced(&current, start, end, &pasted);
    set_units(&input, &single_line::shown(&after));
    let caret = start.min(single_line::shown(&current).len()) + single_line::shown(&pasted).len();
    let caret = u32::try_from(caret).unwrap_or(u32::MAX);
    let _ = input.set_selection_range(caret, caret);
    let typed = Typed::from_utf16(&after);
    *whole = Some(after);
    Some(typed)
}

/// The input's selection (its caret when collapsed), in the UTF-16 code units it shows.
fn selection(input: &HtmlInputElement) -> Option<(usize, usize)> {
    let start = input.selection_start().ok().flatten()? as usize;
    let end = input.selection_end().ok().flatten()? as usize;
    Some((start, end.max(start)))
}
